#include "native_dump.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace av::test {

namespace {

std::u32string code_points(const std::string& list) {
    std::u32string out;
    std::size_t at = 0;
    while (at < list.size()) {
        std::size_t used = 0;
        out += static_cast<char32_t>(std::stoul(list.substr(at), &used, 16));
        at += used;
        if (at < list.size() && list[at] == ',') ++at;
    }
    return out;
}

int usage() {
    std::fprintf(stderr,
                 "usage: text_tests --dump analyze LANG DIRECTION CODEPOINTS\n"
                 "       text_tests --dump shape FONT_FILE FACE_INDEX BEGIN END RTL SCRIPT LANG CODEPOINTS\n");
    return 2;
}

}  // namespace

int dump(int argc, char** argv) {
    if (argc < 1) return usage();
    const std::string what = argv[0];
    HbTextEngine engine;
    if (what == "analyze" && argc == 4) {
        const unsigned d = static_cast<unsigned>(std::stoul(argv[2]));
        const BaseDirection direction = d == 1 ? BaseDirection::rtl
                                        : d == 2 ? BaseDirection::auto_ltr
                                        : d == 3 ? BaseDirection::auto_rtl
                                                 : BaseDirection::ltr;
        std::vector<CharInfo> info;
        engine.analyze(code_points(argv[3]), direction, argv[1], info);
        std::printf("[");
        for (std::size_t i = 0; i < info.size(); ++i) {
            std::printf("%s[%u,%u,%u,%lu]", i ? "," : "", info[i].level, static_cast<unsigned>(info[i].brk),
                        info[i].flags, static_cast<unsigned long>(info[i].script));
        }
        std::printf("]\n");
        return 0;
    }
    if (what == "shape" && argc == 9) {
        const std::vector<std::uint8_t> bytes = read_bytes(argv[1]);
        std::string error;
        if (!engine.add_font(1, bytes.data(), bytes.size(), error, static_cast<unsigned>(std::stoul(argv[2])))) {
            std::fprintf(stderr, "%s: %s\n", argv[1], error.c_str());
            return 1;
        }
        const std::string s = argv[6];
        if (s.size() != 4) return usage();
        const ScriptTag script = (static_cast<ScriptTag>(static_cast<unsigned char>(s[0])) << 24) |
                                 (static_cast<ScriptTag>(static_cast<unsigned char>(s[1])) << 16) |
                                 (static_cast<ScriptTag>(static_cast<unsigned char>(s[2])) << 8) |
                                 static_cast<ScriptTag>(static_cast<unsigned char>(s[3]));
        std::vector<ShapedGlyph> glyphs;
        engine.shape(1, code_points(argv[8]), std::stoul(argv[3]), std::stoul(argv[4]), std::string(argv[5]) == "1",
                     script, argv[7], glyphs);
        std::printf("[");
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            const ShapedGlyph& g = glyphs[i];
            std::printf("%s[%u,%u,%d,%d,%d,%d]", i ? "," : "", g.glyph, g.cluster, g.x_advance, g.y_advance,
                        g.x_offset, g.y_offset);
        }
        std::printf("]\n");
        return 0;
    }
    return usage();
}

}  // namespace av::test
