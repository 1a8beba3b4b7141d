// Shaping against Debian's hb-shape (libharfbuzz-bin, HarfBuzz 6.0.0, its own OpenType font
// functions) on the same font files, with the same script, direction, language, context and
// paragraph flags: glyph ids, clusters, advances and offsets must be identical. Native only (it runs
// hb-shape). Why the two HarfBuzz versions agree here is in wasm/text/README.md ("Shaping").
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

struct Fixture {
    const char* name;
    std::string font;
    unsigned face_index;
    std::u32string text;
    std::size_t begin, end;  // the run shaped; the rest is context
    bool rtl;
    const char* script;
    const char* lang;
};

av::ScriptTag tag_of(const char* s) {
    return (static_cast<av::ScriptTag>(static_cast<unsigned char>(s[0])) << 24) |
           (static_cast<av::ScriptTag>(static_cast<unsigned char>(s[1])) << 16) |
           (static_cast<av::ScriptTag>(static_cast<unsigned char>(s[2])) << 8) |
           static_cast<av::ScriptTag>(static_cast<unsigned char>(s[3]));
}

std::string hex_list(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) {
        char buf[12];
        std::snprintf(buf, sizeof buf, "%s%04X", out.empty() ? "" : ",", static_cast<unsigned>(c));
        out += buf;
    }
    return out;
}

std::string run_command(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return out;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    pclose(pipe);
    return out;
}

// hb-shape's glyphs for the fixture, with clusters counted from the paragraph's start as the engine
// counts them.
std::vector<av::ShapedGlyph> hb_shape(const Fixture& f) {
    std::string cmd = "hb-shape --font-funcs=ot --output-format=json --no-glyph-names --cluster-level=0";
    cmd += " --face-index=" + std::to_string(f.face_index);
    cmd += std::string(" --direction=") + (f.rtl ? "rtl" : "ltr");
    cmd += std::string(" --script=") + f.script + " --language=" + f.lang;
    if (f.begin == 0) cmd += " --bot";
    if (f.end == f.text.size()) cmd += " --eot";
    if (f.begin > 0) cmd += " --unicodes-before=" + hex_list(f.text.substr(0, f.begin));
    if (f.end < f.text.size()) cmd += " --unicodes-after=" + hex_list(f.text.substr(f.end));
    cmd += " --unicodes=" + hex_list(f.text.substr(f.begin, f.end - f.begin));
    cmd += " '" + f.font + "'";
    const std::string out = run_command(cmd);
    std::vector<av::ShapedGlyph> glyphs;
    const auto json = nlohmann::json::parse(out, nullptr, false);
    REQUIRE_MESSAGE(json.is_array(), cmd << " gave: " << out);
    for (const auto& g : json) {
        av::ShapedGlyph s;
        s.glyph = g.at("g").get<std::uint32_t>();
        s.cluster = g.at("cl").get<std::uint32_t>() + static_cast<std::uint32_t>(f.begin);
        s.x_advance = g.at("ax").get<std::int32_t>();
        s.y_advance = g.at("ay").get<std::int32_t>();
        s.x_offset = g.at("dx").get<std::int32_t>();
        s.y_offset = g.at("dy").get<std::int32_t>();
        glyphs.push_back(s);
    }
    return glyphs;
}

std::string describe(const std::vector<av::ShapedGlyph>& glyphs) {
    std::string out;
    for (const auto& g : glyphs) {
        out += std::to_string(g.glyph) + "=" + std::to_string(g.cluster) + "@" + std::to_string(g.x_offset) + "," +
               std::to_string(g.y_offset) + "+" + std::to_string(g.x_advance) + "," + std::to_string(g.y_advance) + " ";
    }
    return out;
}

Fixture whole(const char* name, std::string font, const char* text, bool rtl, const char* script, const char* lang,
              unsigned face_index = 0) {
    const std::u32string t = av::test::u32(text);
    return {name, std::move(font), face_index, t, 0, t.size(), rtl, script, lang};
}

}  // namespace

TEST_CASE("Shaping is hb-shape's") {
    REQUIRE_MESSAGE(std::system("hb-shape --version >/dev/null 2>&1") == 0, "hb-shape (libharfbuzz-bin) is missing");
    const std::string noto = av::test::noto_dir + "/";
    std::vector<Fixture> fixtures = {
        whole("Arabic: joining", noto + "NotoNaskhArabic-Regular.ttf", "العربية لغة جميلة", true, "Arab", "ar"),
        whole("Arabic: lam-alef", noto + "NotoNaskhArabic-Regular.ttf", "السلام عليكم، لا إله", true, "Arab", "ar"),
        whole("Persian", noto + "NotoNaskhArabic-Regular.ttf", "می‌خواهم فارسی بنویسم ۱۲۳", true, "Arab", "fa"),
        whole("Urdu (Nastaliq)", noto + "NotoNastaliqUrdu-Regular.ttf", "اردو ایک خوبصورت زبان ہے", true, "Arab", "ur"),
        whole("Pointed Hebrew", noto + "NotoSansHebrew-Regular.ttf", "בְּרֵאשִׁית בָּרָא אֱלֹהִים", true, "Hebr", "he"),
        whole("Devanagari: क्ष, ि", noto + "NotoSansDevanagari-Regular.ttf", "क्षत्रिय हिन्दी किताब", false, "Deva", "hi"),
        whole("Bengali", noto + "NotoSansBengali-Regular.ttf", "বাংলা ভাষা ক্ষমা", false, "Beng", "bn"),
        whole("Tamil: ஸ்ரீ", noto + "NotoSansTamil-Regular.ttf", "ஸ்ரீ தமிழ் மொழி", false, "Taml", "ta"),
        whole("Thai with marks", noto + "NotoSansThai-Regular.ttf", "ที่นี่ สวัสดีครับ น้ำ", false, "Thai", "th"),
        whole("CJK", av::test::cjk_font, "日本語の文章です。「漢字」", false, "Hani", "ja"),
        whole("Latin ffi", noto + "NotoSerif-Regular.ttf", "office affine efficient", false, "Latn", "en"),
        whole("Emoji sequences", noto + "NotoColorEmoji.ttf", "👩‍👩‍👧 👍🏽 🇫🇷 1️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿", false, "Zyyy", "und"),
    };
    // A run in the middle of a word: the letters around it are context (joining forms).
    const std::u32string word = av::test::u32("العربية");
    fixtures.push_back({"Arabic: a run with context", noto + "NotoNaskhArabic-Regular.ttf", 0, word, 2, 5, true, "Arab", "ar"});
    const std::u32string deva = av::test::u32("हिन्दी किताब");
    fixtures.push_back({"Devanagari: a run with context", noto + "NotoSansDevanagari-Regular.ttf", 0, deva, 0, 6, false, "Deva", "hi"});

    for (const Fixture& f : fixtures) {
        CAPTURE(f.name);
        av::HbTextEngine engine;
        const auto bytes = av::test::read_bytes(f.font);
        std::string error;
        REQUIRE_MESSAGE(engine.add_font(7, bytes.data(), bytes.size(), error, f.face_index), f.font << ": " << error);
        std::vector<av::ShapedGlyph> ours;
        engine.shape(7, f.text, f.begin, f.end, f.rtl, tag_of(f.script), f.lang, ours);
        const std::vector<av::ShapedGlyph> theirs = hb_shape(f);
        REQUIRE(!ours.empty());
        CHECK_MESSAGE(describe(ours) == describe(theirs), "ours:   " << describe(ours) << "\nhb-shape: " << describe(theirs));
        for (const auto& g : ours) CHECK_MESSAGE(g.glyph != 0, "a .notdef glyph: the font lacks a character");
    }
}
