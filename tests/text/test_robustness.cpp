// Nothing a paragraph holds may crash the engine or take more than about linear time: long runs of
// marks, ZWJ chains, values that are not scalar values, lone bidi controls, deep brackets, huge
// paragraphs. Times are printed, never asserted (README: speed targets are measured, not tested).
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

struct Engine {
    av::HbTextEngine engine;
    Engine() {
        std::string error;
        const char* const files[] = {"NotoSans-Regular.ttf", "NotoNaskhArabic-Regular.ttf",
                                     "NotoSansDevanagari-Regular.ttf", "NotoColorEmoji.ttf"};
        for (av::FontId id = 1; id <= 4; ++id) {
            const std::string file = files[id - 1];
            const auto bytes = av::test::read_bytes(av::test::noto_dir + "/" + file);
            REQUIRE_MESSAGE(engine.add_font(id, bytes.data(), bytes.size(), error), file << ": " << error);
        }
    }
};

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Analyses `text` and shapes it whole with every font, both directions; checks what must hold
// whatever the text: one entry per code point, clusters inside the text.
void survive(Engine& e, const std::u32string& text, const char* what) {
    CAPTURE(std::string(what));
    const auto start = std::chrono::steady_clock::now();
    std::vector<av::CharInfo> info;
    e.engine.analyze(text, av::BaseDirection::auto_ltr, "ja", info);
    REQUIRE(info.size() == text.size());
    if (!text.empty()) CHECK(info[0].brk == av::BreakBefore::no);
    std::vector<av::ShapedGlyph> glyphs;
    for (av::FontId font = 1; font <= 4; ++font) {
        for (bool rtl : {false, true}) {
            e.engine.shape(font, text, 0, text.size(), rtl, av::script_tag("Arab"), "ar", glyphs);
            for (const auto& g : glyphs) REQUIRE(g.cluster < text.size());
        }
    }
    MESSAGE(std::string(what) << ": " << text.size() << " code points analysed and shaped 8 times in " << seconds_since(start) << " s");
}

std::u32string repeat(const std::u32string& s, std::size_t n) {
    std::u32string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("Robustness: hostile paragraphs") {
    Engine e;
    survive(e, U"a" + repeat(U"\u0301", 1000), "1 000 combining marks on one letter");
    survive(e, U"\u0915" + repeat(U"\u094D\u0915", 1000), "1 000 Devanagari conjuncts in one cluster");
    survive(e, repeat(U"\u0301", 1000), "1 000 combining marks with no base");
    survive(e, repeat(U"👩\u200D", 1000), "a ZWJ chain of 1 000 emoji");
    survive(e, repeat(U"\u200D", 1000), "1 000 ZWJ alone");
    survive(e, repeat(U"🇫", 999), "999 regional indicators");
    survive(e, repeat(U"\uFE0F", 1000), "1 000 variation selectors");
    std::u32string bad = U"a";
    for (char32_t c : {0xD800u, 0xDBFFu, 0xDC00u, 0xDFFFu, 0x110000u, 0xFFFFFFFFu, 0u, 0xFFFEu}) bad += static_cast<char32_t>(c);
    bad += U"ب";
    survive(e, bad, "unpaired surrogates, values above U+10FFFF, NUL, a noncharacter");
    survive(e, repeat(U"\u202B", 1000) + U"abc", "1 000 RLE with no PDF");
    survive(e, repeat(U"\u2067", 500) + repeat(U"\u2069", 700) + U"abc", "500 RLI then 700 PDI");
    survive(e, repeat(U"\u202C\u2069\u202E", 300), "lone PDF, PDI, RLO");
    survive(e, repeat(U"(", 100000) + U"بب" + repeat(U")", 100000), "100 000 nested brackets around Arabic");
    survive(e, repeat(U"\r\n", 5000), "5 000 CR LF");
    survive(e, U"", "nothing");
}

TEST_CASE("Robustness: non-scalar values are U+FFFD to every library") {
    av::HbTextEngine engine;
    std::vector<av::CharInfo> a, b;
    engine.analyze(std::u32string{U'x', static_cast<char32_t>(0xD83D), U'y'}, av::BaseDirection::ltr, "en", a);
    engine.analyze(U"x\uFFFDy", av::BaseDirection::ltr, "en", b);
    REQUIRE(a.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(a[i].brk == b[i].brk);
        CHECK(a[i].level == b[i].level);
        CHECK(a[i].flags == b[i].flags);
        CHECK(a[i].script == b[i].script);
    }
}

TEST_CASE("Robustness: shape() with ranges outside the text") {
    Engine e;
    std::vector<av::ShapedGlyph> glyphs;
    const std::u32string text = U"abc";
    e.engine.shape(1, text, 2, 1, false, av::script_tag("Latn"), "en", glyphs);
    CHECK(glyphs.empty());
    e.engine.shape(1, text, 5, 9, false, av::script_tag("Latn"), "en", glyphs);
    CHECK(glyphs.empty());
    e.engine.shape(1, text, 1, 99, false, av::script_tag("Latn"), "en", glyphs);  // clamped to the text
    REQUIRE(glyphs.size() == 2);
    CHECK(glyphs[0].cluster == 1);
    CHECK(glyphs[1].cluster == 2);
    e.engine.shape(1, text, 0, 3, false, 0, "", glyphs);  // no script, no language: HarfBuzz's defaults
    CHECK(glyphs.size() == 3);
    e.engine.shape(1, text, 0, 3, false, av::script_tag("Arab"), "not a language tag at all!", glyphs);
    CHECK(glyphs.size() == 3);
}

TEST_CASE("Robustness: huge paragraphs take about linear time") {
    Engine e;
    const std::u32string unit = U"Lorem ipsum (dolor) sit amet, مرحبا بالعالم ١٢٣ «שלום» 日本語の文章です。ภาษาไทย 😀👍🏽 ";
    std::vector<av::CharInfo> info;
    double previous = 0;
    for (std::size_t n : {100u, 1000u, 10000u}) {
        const std::u32string text = repeat(unit, n);
        const auto start = std::chrono::steady_clock::now();
        e.engine.analyze(text, av::BaseDirection::auto_rtl, "fr", info);
        const double t = seconds_since(start);
        REQUIRE(info.size() == text.size());
        MESSAGE("analyze: " << text.size() << " code points in " << t << " s"
                            << (previous > 0 ? " (x" + std::to_string(t / previous) + " for x10)" : std::string()));
        previous = t;
    }
    // Shaping one run of a huge paragraph costs the run, not the paragraph (only 5 code points of
    // context on each side are passed to HarfBuzz).
    const std::u32string text = repeat(unit, 10000);
    std::vector<av::ShapedGlyph> glyphs;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 1000; ++i) {
        const std::size_t at = text.size() / 2 + static_cast<std::size_t>(i) * unit.size();
        e.engine.shape(1, text, at, at + 5, false, av::script_tag("Latn"), "fr", glyphs);
        REQUIRE(glyphs.size() == 5);
        CHECK(glyphs[0].cluster == at);
    }
    MESSAGE("1 000 runs of 5 code points shaped in a paragraph of " << text.size() << " code points: "
                                                                     << seconds_since(start) << " s");
}
