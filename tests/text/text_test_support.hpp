// Helpers shared by the text engine's tests: files, code point lists, UTF-8.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.hpp"

namespace av::test {

// Debian's unicode-data and font packages (paths set by tests/CMakeLists.txt).
inline const std::string unicode_dir = AV_UNICODE_DIR;
inline const std::string noto_dir = AV_NOTO_DIR;          // fonts-noto-core, fonts-noto-color-emoji
inline const std::string cjk_font = AV_NOTO_CJK_FONT;     // fonts-noto-cjk

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::vector<std::uint8_t> read_bytes(const std::string& path) {
    const std::string s = read_text(path);
    return {s.begin(), s.end()};
}

inline std::u32string u32(std::string_view utf8_text) {
    std::u32string out;
    std::size_t pos = 0;
    while (pos < utf8_text.size()) out += utf8::next(utf8_text, pos);
    return out;
}

inline std::string to_utf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) utf8::append(out, c);
    return out;
}

// "0041 0300 05D0" -> code points (hexadecimal, separated by spaces).
inline std::u32string parse_code_points(std::string_view hex) {
    std::u32string out;
    std::size_t i = 0;
    while (i < hex.size()) {
        while (i < hex.size() && hex[i] == ' ') ++i;
        if (i >= hex.size()) break;
        std::size_t used = 0;
        out += static_cast<char32_t>(std::stoul(std::string(hex.substr(i)), &used, 16));
        i += used;
    }
    return out;
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

}  // namespace av::test
