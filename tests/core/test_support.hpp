// Helpers shared by the core tests: reading fixture files and a fixed-width text measurer.
#pragma once

#include <dirent.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/text_measurer.hpp"
#include "core/utf8.hpp"

namespace av::test {

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The .json files of `dir` (not index.json, which is not an article), unsorted.
inline std::vector<std::string> json_files(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 5 && name.substr(name.size() - 5) == ".json" && name != "index.json") out.push_back(dir + "/" + name);
        }
        closedir(d);
    }
    return out;
}

// Every code point is `size * 0.5` wide, bold ones `size * 0.6`: predictable line breaks.
class FixedMeasurer : public TextMeasurer {
public:
    float width(std::string_view text, Face face, float size) const override {
        const bool bold = face == Face::serif_bold || face == Face::serif_bold_italic || face == Face::sans_bold;
        return static_cast<float>(utf8::length(text)) * size * (bold ? 0.6f : 0.5f);
    }
    bool has_glyph(char32_t cp, Face) const override { return cp < 0x3000; }
};

}  // namespace av::test
