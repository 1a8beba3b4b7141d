// Japanese kinsoku through the whole layout, at every width from 200 to 1 200 px: the engine's
// break opportunities (test_tailoring.cpp) must survive the line breaker's choices, its forced
// breaks included. Real engine, a fixed-width measurer (the rules do not depend on glyph widths).
#include <doctest/doctest.h>

#include <string>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/text/font_catalog.hpp"
#include "core/utf8.hpp"
#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

// Every character of a width of half or one em (CJK), as the layout's measurer sees them.
class CjkMeasurer : public av::TextMeasurer {
public:
    float width(std::string_view text, av::Face, float size) const override {
        float w = 0;
        std::size_t pos = 0;
        while (pos < text.size()) w += av::utf8::next(text, pos) >= 0x2E80 ? size : size * 0.5f;
        return w;
    }
    bool has_glyph(char32_t, av::Face) const override { return true; }
};

// CSS `line-break: strict` for Japanese: closing punctuation, small kana, the prolonged sound
// mark, iteration marks, middle dots, hyphens (UAX #14 CL, CP, EX, IS, NS, CJ; ‐ –).
const std::u32string never_first =
    U"、。，．・：；？！）」』】〕〉》｝］〙〗’”ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    U"ーゝゞヽヾ々〻‐–…‥";
const std::u32string never_last = U"（「『【〔〈《｛［〘〖‘“";

std::u32string line_text(const av::Line& line) {
    std::string s;
    for (const av::Span& span : line.spans) s += span.text;
    return av::test::u32(s);
}

void check_every_width(const std::string& json, const std::string& name) {
    const av::LoadResult loaded = av::load_article(json, name);
    REQUIRE_MESSAGE(loaded.ok(), loaded.error);
    av::HbTextEngine engine;
    const av::FontCatalog catalog;
    const CjkMeasurer measurer;
    int lines = 0;
    for (int width = 200; width <= 1200; ++width) {
        const av::DocumentLayout doc =
            av::layout_article(loaded.article, measurer, av::LayoutParams{static_cast<float>(width), 20, 0}, {&engine, &catalog});
        for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
            std::u32string previous;
            for (const av::Line& line : doc.lines(b)) {
                if (line.decor) continue;
                const std::u32string text = line_text(line);
                ++lines;
                if (!previous.empty() && !text.empty()) {
                    const char32_t first = text.front();
                    std::u32string end = previous;
                    while (!end.empty() && end.back() == U' ') end.pop_back();
                    const char32_t last = end.empty() ? 0 : end.back();
                    if (never_first.find(first) != std::u32string::npos)
                        FAIL_CHECK(name << " at " << width << " px: a line starts with " << av::test::to_utf8(text.substr(0, 8)));
                    if (never_last.find(last) != std::u32string::npos)
                        FAIL_CHECK(name << " at " << width << " px: a line ends with " << av::test::to_utf8(end.substr(end.size() - 1)));
                    // —— and …… are one unit.
                    if ((last == U'—' && first == U'—') || (last == U'…' && first == U'…'))
                        FAIL_CHECK(name << " at " << width << " px: a break inside " << av::test::to_utf8(std::u32string(2, first)));
                }
                previous = text;
            }
        }
        CHECK(doc.overflow_lines() == 0);
    }
    CHECK(lines > 1000);
}

}  // namespace

TEST_CASE("kinsoku at every width from 200 to 1200 px") {
    // Sentences with brackets, dashes and ellipses, then every character of the strict set after a
    // kanji and every opening bracket before one (a run of them all would leave no break at all,
    // and a line must then break inside it).
    std::string paragraph =
        "東京タワーは「日本一の電波塔」だった。しかし、二〇一二年——スカイツリーの完成で……その役目を終えた！"
        "きゃっ、ちょっと待ってください？ええ、コーヒー・ミルク・シュガー。『本当に？』と彼は言った（笑）。";
    for (char32_t c : never_first) paragraph += "字" + av::test::to_utf8(std::u32string(1, c)) + "漢";
    for (char32_t c : never_last) paragraph += "漢" + av::test::to_utf8(std::u32string(1, c)) + "字";
    std::string blocks;
    for (int i = 0; i < 3; ++i) blocks += std::string(i ? "," : "") + R"({"type":"paragraph","text":")" + paragraph + R"("})";
    check_every_width(R"({"format":"article/1.1","id":"k","lang":"ja","title":"禁則処理の確認——行頭と行末……","blocks":[)" +
                          blocks + "]}",
                      "kinsoku paragraph");
    check_every_width(av::test::read_text(std::string(AV_SCRIPTS_DIR) + "/ja.json"), "tests/scripts/ja.json");
}
