// The rich-text pipeline (core/text/, docs/text-pipeline.md) over a fake engine: items, breaks,
// visual order, alignment, carets and offsets, and the layout of whole articles through it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/text/bidi_reorder.hpp"
#include "core/text/line_breaker.hpp"
#include "core/text/rich_lines.hpp"
#include "core/text_geometry.hpp"
#include "core/text_search.hpp"
#include "core/utf8.hpp"
#include "fake_text_engine.hpp"
#include "line_extent.hpp"
#include "test_support.hpp"

using namespace av;
using av::test::decode;
using av::test::left_of;
using av::test::right_of;

namespace {

const test::FixedMeasurer measurer;  // 10 px a character at size 20 (bold 12)
const test::FakeTextEngine engine;
const FontCatalog catalog = test::fake_catalog();
const TextServices services{&engine, &catalog};

std::vector<Line> lay_out(const Inline& text, float width, BaseDirection dir = BaseDirection::auto_ltr,
                          std::uint8_t* level = nullptr, bool justify = false) {
    std::vector<Line> lines;
    std::vector<std::string> links;
    ParagraphContext p;
    p.direction = dir;
    p.lang = "en";
    InlineStyle style{Face::serif, Role::body, 20, 1.5f};
    style.justify = justify;
    break_rich_lines(text, style, p, services, measurer, 100, 0, width, lines, links, nullptr, true, level);
    return lines;
}

Inline plain(const std::string& s) { return Inline{Run{s}}; }

// The spans' texts from left to right, joined by '|'.
std::string visual(const Line& line) {
    std::string out;
    for (const Span& s : line.spans) out += (out.empty() ? "" : "|") + s.text;
    return out;
}

}  // namespace

TEST_SUITE("rich lines") {
    TEST_CASE("visual order: UAX #9 L2 over levels") {
        CHECK(visual_order({0, 0, 0}) == std::vector<std::size_t>{0, 1, 2});
        CHECK(visual_order({1, 1, 1}) == std::vector<std::size_t>{2, 1, 0});
        CHECK(visual_order({0, 1, 1, 0}) == std::vector<std::size_t>{0, 2, 1, 3});
        CHECK(visual_order({1, 2, 2, 1}) == std::vector<std::size_t>{3, 1, 2, 0});  // a number in Hebrew
        CHECK(visual_order({2, 1, 2}) == std::vector<std::size_t>{2, 1, 0});
        CHECK(visual_order({}).empty());
    }

    TEST_CASE("line breaking: opportunities, trailing spaces, mandatory breaks, clusters") {
        const std::u32string t = U"ab cd ef";
        std::vector<CharInfo> info;
        engine.analyze(t, BaseDirection::ltr, "en", info);
        const std::vector<float> adv(t.size(), 10.0f);
        // "ab cd" is 50 px with its space: it fits 50, the trailing space does not count.
        const auto lines = break_into_lines(info, adv, t, 50);
        REQUIRE(lines.size() == 2);
        CHECK(lines[0].begin == 0);
        CHECK(lines[0].end == 6);
        CHECK(lines[0].content_end == 5);
        CHECK(lines[1].begin == 6);
        CHECK(lines[1].end == 8);
        const std::u32string nl = U"a\n\nb";
        engine.analyze(nl, BaseDirection::ltr, "en", info);
        const auto three = break_into_lines(info, std::vector<float>(nl.size(), 10.0f), nl, 500);
        REQUIRE(three.size() == 3);
        CHECK(three[1].begin == three[1].content_end);  // the empty line
        const std::u32string combining = U"aa\u0301a\u0301aa";  // no break opportunity, 5 clusters
        engine.analyze(combining, BaseDirection::ltr, "en", info);
        std::vector<float> cadv(combining.size(), 10.0f);
        cadv[2] = cadv[4] = 0;
        for (const LineRange& r : break_into_lines(info, cadv, combining, 15)) {
            CHECK(r.end - r.begin >= 1);
            CHECK((info[r.begin].flags & char_flags::cluster_start));  // never a mark starting a line
        }
        CHECK(break_into_lines(info, cadv, U"", 100).empty());
    }

    TEST_CASE("line breaking with hyphenation points: the furthest that fits with its hyphen, the word asked whole") {
        struct Thirds : WordHyphenation {
            mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> asked;
            void points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const override {
                asked.emplace_back(begin, end);
                for (std::uint32_t p = begin + 3; p < end; p += 3) out.push_back(HyphenPoint{p, 10});
            }
        } thirds;
        const std::u32string t = U"aaaaaaaaaa bb";
        std::vector<CharInfo> info;
        engine.analyze(t, BaseDirection::ltr, "en", info);
        const std::vector<float> adv(t.size(), 10.0f);
        const auto lines = break_into_lines(info, adv, t, 55, &thirds);
        REQUIRE(lines.size() == 4);
        // "aaa-" (40 px; "aaaaaa-" would be 70), then "aaa-" again from inside the word, then the
        // rest: "bb" does not fit beside it, and the break before it is further than any point.
        CHECK(lines[0].end == 3);
        CHECK(lines[0].content_end == 3);
        CHECK(lines[0].hyphen == 10.0f);
        CHECK(lines[1].begin == 3);
        CHECK(lines[1].end == 6);
        CHECK(lines[1].hyphen == 10.0f);
        CHECK(lines[2].end == 11);
        CHECK(lines[2].content_end == 10);
        CHECK(lines[2].hyphen == 0.0f);
        CHECK(lines[3].begin == 11);
        // The word is always the whole stretch between break opportunities, without its space.
        for (const auto& [b, e] : thirds.asked) {
            CHECK(b == 0);
            CHECK(e == 10);
        }
        CHECK_FALSE(thirds.asked.empty());
        // A hyphen too wide for any part: the word is cut between characters, as without points.
        struct Wide : WordHyphenation {
            void points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const override {
                for (std::uint32_t p = begin + 1; p < end; ++p) out.push_back(HyphenPoint{p, 100});
            }
        } wide;
        for (const LineRange& r : break_into_lines(info, adv, t, 55, &wide)) CHECK(r.hyphen == 0.0f);
    }

    TEST_CASE("a line of blanks alone has no span, even inside an item (found by fuzz_text)") {
        // One code-point item holds "a", both line feeds and "b": the middle line's content is empty.
        const auto lines = lay_out(plain("\u05D0 a\n\n  \nb"), 1000);
        REQUIRE(lines.size() == 4);
        CHECK(lines[1].offset == 4);
        CHECK(lines[1].spans.empty());
        CHECK(lines[2].offset == 5);
        CHECK(lines[2].spans.empty());
        REQUIRE(lines[3].spans.size() == 1);
        CHECK(lines[3].spans[0].text == "b");
        CHECK(lines[3].spans[0].offset == 8);
    }

    TEST_CASE("a left-to-right paragraph with a Hebrew phrase") {
        std::uint8_t level = 9;
        const auto lines = lay_out(plain("ab \u05D0\u05D1 \u05D2\u05D3 cd"), 1000, BaseDirection::auto_ltr, &level);
        CHECK(level == 0);
        REQUIRE(lines.size() == 1);
        const Line& l = lines[0];
        CHECK(l.visual);
        CHECK_FALSE(l.rtl);
        // The Latin words by code point, the Hebrew ones shaped with font 0, their order reversed;
        // the space after them takes the paragraph's level (it is between two directions).
        CHECK(visual(l) == "ab |\u05D0\u05D1 \u05D2\u05D3| |cd");
        REQUIRE(l.spans.size() == 4);
        CHECK(l.spans[0].text == "ab ");
        CHECK(l.spans[0].font == no_font);
        CHECK(l.spans[1].font == 0);
        CHECK(l.spans[1].level == 1);
        CHECK(l.spans[1].text == "\u05D0\u05D1 \u05D2\u05D3");  // logical text
        REQUIRE(l.spans[1].glyphs.size() == 5);
        CHECK(l.spans[1].glyphs[0].id == 0x05D3);  // visual: the last letter on the left
        CHECK(l.spans[1].glyphs[4].id == 0x05D0);
        CHECK(l.spans[1].glyphs[1].x == doctest::Approx(12.0f));  // 600 units at 20 px per em
        CHECK(l.spans[2].text == " ");
        CHECK(l.spans[2].level == 0);
        CHECK(l.spans[3].text == "cd");
        CHECK(l.spans[0].x == 100);
        CHECK(l.spans[1].x == doctest::Approx(130.0f));
        CHECK(l.spans[3].x == doctest::Approx(130.0f + 5 * 12 + 12));
        // Offsets in the block's text, carets in reading order of each span.
        CHECK(l.spans[1].offset == 3);
        CHECK(l.spans[3].offset == 9);
        CHECK(l.spans[1].carets.front() == doctest::Approx(l.spans[1].width));  // right-to-left: starts on the right
        CHECK(l.spans[1].carets.back() == doctest::Approx(0.0f));
        CHECK(l.spans[1].carets[3] == doctest::Approx(l.spans[1].width - 36));  // before the third character
    }

    TEST_CASE("a right-to-left paragraph is right-aligned, a Latin word and a number inside it stay left-to-right") {
        std::uint8_t level = 9;
        const auto lines = lay_out(plain("\u05D0\u05D1 cd 12 \u05D2\u05D3."), 1000, BaseDirection::auto_ltr, &level);
        CHECK(level == 1);  // from its first strong character
        REQUIRE(lines.size() == 1);
        const Line& l = lines[0];
        CHECK(l.rtl);
        CHECK(l.spans.back().x + l.spans.back().width == doctest::Approx(1100.0f));  // the right edge
        // Left to right on screen: the last Hebrew word with its full stop (which the Hebrew font
        // has: one item), the Latin word and the number (left to right themselves), the first
        // Hebrew word with the space after it.
        REQUIRE(l.spans.size() >= 3);
        CHECK(l.spans.front().text == "\u05D2\u05D3.");
        CHECK(l.spans.front().glyphs.front().id == U'.');  // the full stop on the left
        bool latin = false;
        for (const Span& s : l.spans)
            if (s.text.find("cd") != std::string::npos) {
                latin = true;
                CHECK(s.level == 2);
                CHECK(s.carets.front() < s.carets.back());
            }
        CHECK(latin);
        CHECK(l.spans.back().text == "\u05D0\u05D1 ");
        CHECK(l.spans.back().offset == 0);
    }

    TEST_CASE("breaking a right-to-left paragraph keeps each line right-aligned and in reading order top to bottom") {
        const auto lines = lay_out(plain("\u05D0\u05D1 \u05D2\u05D3 \u05D4\u05D5 \u05D6\u05D7"), 60, BaseDirection::rtl);
        REQUIRE(lines.size() >= 2);
        std::uint32_t last = 0;
        for (const Line& l : lines) {
            CHECK(l.rtl);
            CHECK(l.offset >= last);
            last = l.offset;
            for (const Span& s : l.spans) {
                CHECK(s.x >= 100 - 0.01f);
                CHECK(s.x + s.width <= 160 + 0.01f);
            }
            CHECK(l.spans.back().x + l.spans.back().width == doctest::Approx(160.0f));
        }
        CHECK(lines[0].spans.back().offset == 0);
    }

    TEST_CASE("a justified right-to-left paragraph: full lines flush on both sides, the last ragged, carets widened") {
        const auto lines = lay_out(plain("\u05D0\u05D1 \u05D2\u05D3 \u05D4\u05D5 \u05D6\u05D7 \u05D8\u05D9"), 75,
                                   BaseDirection::rtl, nullptr, true);
        REQUIRE(lines.size() >= 2);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const Line& l = lines[i];
            float left = 1e9f, right = -1e9f;
            for (const Span& s : l.spans) {
                left = std::min(left, s.x);
                right = std::max(right, s.x + s.width);
                // The carets span the span's width, widened spaces included.
                REQUIRE(s.carets.size() >= 2);
                CHECK(std::fabs(s.carets.front() - s.carets.back()) == doctest::Approx(s.width));
            }
            CHECK(right == doctest::Approx(175.0f));  // right-aligned, as ever
            if (i + 1 < lines.size()) {
                CHECK(l.justified);
                CHECK(left == doctest::Approx(100.0f));
            } else {
                CHECK_FALSE(l.justified);
                CHECK(left > 100.5f);
            }
        }
        // Not justified: every line ragged on the left.
        for (const Line& l : lay_out(plain("\u05D0\u05D1 \u05D2\u05D3 \u05D4\u05D5 \u05D6\u05D7 \u05D8\u05D9"), 75, BaseDirection::rtl))
            CHECK_FALSE(l.justified);
    }

    TEST_CASE("ideographs break between characters") {
        const auto lines = lay_out(plain("漢字漢字漢字"), 35);
        REQUIRE(lines.size() == 2);
        CHECK(lines[0].spans[0].text == "漢字漢");
        CHECK(lines[1].offset == 3);
    }

    TEST_CASE("runs keep their face and link; links are registered once, like the simple path") {
        Inline t = plain("\u05D0 ");
        Run bold{"\u05D1\u05D2"};
        bold.bold = true;
        Run link{" ab"};
        link.href = "https://example.org/";
        t.push_back(bold);
        t.push_back(link);
        std::vector<Line> lines;
        std::vector<std::string> links;
        ParagraphContext p;
        p.direction = BaseDirection::rtl;
        std::uint32_t offset = 7;
        break_rich_lines(t, InlineStyle{Face::serif, Role::body, 20, 1.5f}, p, services, measurer, 0, 0, 1000, lines, links,
                         &offset, true);
        CHECK(offset == 7 + 7);
        REQUIRE(links.size() == 1);
        REQUIRE(lines.size() == 1);
        bool saw_bold = false, saw_link = false;
        for (const Span& s : lines[0].spans) {
            if (s.face == Face::serif_bold) saw_bold = true;
            if (s.link == 0) {
                saw_link = true;
                CHECK(s.role == Role::link);
            }
            CHECK(s.offset >= 7);
        }
        CHECK(saw_bold);
        CHECK(saw_link);
    }

    TEST_CASE("without text-to-keep the lines are placed but hold no text, as the simple path's first pass") {
        std::vector<Line> lines;
        std::vector<std::string> links;
        ParagraphContext p;
        break_rich_lines(plain("\u05D0\u05D1 cd"), InlineStyle{}, p, services, measurer, 0, 0, 1000, lines, links, nullptr, false);
        REQUIRE(lines.size() == 1);
        for (const Span& s : lines[0].spans) {
            CHECK(s.text.empty());
            CHECK(s.glyphs.empty());
            CHECK(s.width > 0);
        }
    }

    TEST_CASE("an engine that answers wrong sizes does not break the layout") {
        class Short : public test::FakeTextEngine {
        public:
            std::uint8_t analyze(std::u32string_view t, BaseDirection d, std::string_view l, std::vector<CharInfo>& out) const override {
                FakeTextEngine::analyze(t, d, l, out);
                out.resize(out.size() / 2);
                return 7;
            }
            void shape(FontId f, std::u32string_view t, std::size_t b, std::size_t e, bool r, ScriptTag s, std::string_view l,
                       std::vector<ShapedGlyph>& out) const override {
                FakeTextEngine::shape(f, t, b, e, r, s, l, out);
                for (ShapedGlyph& g : out) g.cluster += 1000;
            }
        } bad;
        std::vector<Line> lines;
        std::vector<std::string> links;
        ParagraphContext p;
        const TextServices bad_services{&bad, &catalog};
        break_rich_lines(plain("\u05D0\u05D1 \u05D2 cd ef"), InlineStyle{}, p, bad_services, measurer, 0, 0, 50, lines, links);
        CHECK_FALSE(lines.empty());
    }
}

TEST_SUITE("rich layout") {
    Article load(const std::string& json) {
        LoadResult r = load_article(json, "t.json");
        REQUIRE_MESSAGE(r.ok(), r.error);
        return std::move(r.article);
    }

    TEST_CASE("rich blocks go through the engine, simple ones do not") {
        const Article a = load(R"({"format":"article/1","id":"x","lang":"he","title":"\u05D0\u05D1","blocks":[
            {"type":"paragraph","text":"\u05D2\u05D3 \u05D4"},
            {"type":"paragraph","text":"plain Latin"}]})");
        const DocumentLayout doc = layout_article(a, measurer, LayoutParams{800, 20, 0}, services);
        CHECK(doc.lines(0).front().visual);  // the title
        CHECK(doc.lines(1).front().visual);
        CHECK(doc.lines(1).front().rtl);
        CHECK_FALSE(doc.lines(2).front().visual);  // Latin with a letter to take its direction from
        CHECK(doc.overflow_lines() == 0);
        // Without an engine, everything takes the simple path.
        const DocumentLayout plain_doc = layout_article(a, measurer, LayoutParams{800, 20, 0});
        CHECK_FALSE(plain_doc.lines(1).front().visual);
    }

    TEST_CASE("right-to-left lists and quotes are mirrored") {
        const Article a = load(R"({"format":"article/1","id":"x","lang":"he","title":"t","blocks":[
            {"type":"list","items":["\u05D0\u05D1","ab"]},
            {"type":"quote","text":"\u05D2\u05D3"}]})");
        const DocumentLayout doc = layout_article(a, measurer, LayoutParams{800, 20, 0}, services);
        const float right = doc.column_x + doc.column_width;
        const auto& list = doc.lines(1);
        // Hebrew item: marker on the right of the text; Latin item: on the left.
        REQUIRE(list.size() == 4);
        CHECK(list[0].decor);
        CHECK(list[0].spans[0].x > list[1].spans.back().x);
        CHECK(list[1].spans.back().x + list[1].spans.back().width <= right - 20 * 1.6f + 0.01f);
        CHECK(list[2].decor);
        CHECK(list[2].spans[0].x < list[3].spans[0].x);
        const BlockLayout& quote = doc.blocks[2];
        REQUIRE(quote.shapes.size() == 1);
        CHECK(quote.shapes[0].x + quote.shapes[0].w == doctest::Approx(right));
    }

    TEST_CASE("selection rectangles and hit testing follow the visual order") {
        const Article a = load(R"({"format":"article/1","id":"x","title":"t","blocks":[
            {"type":"paragraph","text":"ab \u05D0\u05D1\u05D2 cd"}]})");
        const DocumentLayout doc = layout_article(a, measurer, LayoutParams{800, 20, 0}, services);
        const Line& line = doc.lines(1).front();
        const Span& hebrew = line.spans[1];
        // The first Hebrew letter (offset 3) is the rightmost of its word.
        const std::vector<Rect> first = range_rects(doc, measurer, 0, 3, 4);
        REQUIRE(first.size() == 1);
        CHECK(first[0].x == doctest::Approx(hebrew.x + hebrew.width - 12));
        // "b" and the first Hebrew letter: two rectangles, far apart.
        const std::vector<Rect> across = range_rects(doc, measurer, 0, 1, 4);
        CHECK(across.size() == 2);
        const std::optional<TextPos> hit = hit_test(doc, measurer, hebrew.x + hebrew.width - 1, line.y + 1);
        REQUIRE(hit);
        CHECK(hit->block == 0);
        CHECK(hit->offset == 3);
    }
}

// Hyphenation on the rich path (docs/text-pipeline.md, "Justified text"): the simple path's cuts,
// never in right-to-left text, the hyphen drawn at the line's end and never part of the text.
namespace {

// Offers a cut after every third letter, of any script, so that only the layout's rules decide.
struct EveryThirdLetter : Hyphenator {
    mutable std::vector<std::string> languages;
    void hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const override {
        languages.emplace_back(lang);
        for (std::uint32_t i = 3; i < word.size(); i += 3) out.push_back(i);
    }
};

InlineStyle justified_style(const Hyphenator* h, bool justify = true) {
    InlineStyle style{Face::serif, Role::body, 20, 1.5f};
    style.justify = justify;
    style.hyphenator = h;
    style.lang = "fr";
    style.breaking = LineBreaking::greedy;  // first fit on both paths (total fit: test_rich_total_fit.cpp)
    return style;
}

std::vector<Line> rich(const Inline& text, float width, const InlineStyle& style, BaseDirection dir = BaseDirection::auto_ltr) {
    std::vector<Line> lines;
    std::vector<std::string> links;
    ParagraphContext p;
    p.direction = dir;
    p.lang = "fr";
    std::uint32_t offset = 0;
    break_rich_lines(text, style, p, services, measurer, 100, 0, width, lines, links, &offset, true);
    return lines;
}

// The line's spans in logical order (by offset), their texts joined.
std::string logical_text(const Line& l) {
    std::vector<const Span*> spans;
    for (const Span& s : l.spans) spans.push_back(&s);
    std::sort(spans.begin(), spans.end(), [](const Span* a, const Span* b) { return a->offset < b->offset; });
    std::string out;
    for (const Span* s : spans) out += s->text;
    return out;
}

std::string encode(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

bool has_hyphen(const Line& l) {
    return std::any_of(l.spans.begin(), l.spans.end(), [](const Span& s) { return s.hyphen; });
}

const char* const french =
    "Un anticonstitutionnellement extraordinaire paragraphe sur les négociations internationales et "
    "européennes, particulièrement importantes pour les gouvernements concernés.";

}  // namespace

TEST_SUITE("rich lines: hyphenation") {
    TEST_CASE("a French paragraph with an emoji is hyphenated where the same text without it is") {
        EveryThirdLetter h;
        const std::string with_emoji = std::string(french) + " \U0001F600";
        for (float width : {150.0f, 200.0f, 260.0f, 330.0f}) {
            CAPTURE(width);
            // The simple path's first fit over the text without the emoji.
            std::vector<Line> simple;
            std::vector<std::string> links;
            break_lines(plain(french), justified_style(&h), measurer, 100, 0, width, simple, links);
            h.languages.clear();
            const std::vector<Line> lines = rich(plain(with_emoji), width, justified_style(&h));
            CHECK_FALSE(h.languages.empty());
            for (const std::string& lang : h.languages) CHECK(lang == "fr");
            REQUIRE(lines.size() >= simple.size());
            std::size_t hyphens = 0;
            // The emoji ends the last line: every line before it is the simple path's.
            for (std::size_t i = 0; i + 1 < simple.size(); ++i) {
                CAPTURE(i);
                CHECK(lines[i].visual);
                CHECK(lines[i].offset == simple[i].offset);
                CHECK(has_hyphen(lines[i]) == simple[i].spans.back().hyphen);
                CHECK(lines[i].justified);
                CHECK(left_of(lines[i]) == doctest::Approx(100.0f));
                // Flush, the hyphen counted, as the simple path's (a line with no space to widen,
                // a part of a long word, stays ragged on both).
                CHECK(right_of(lines[i]) == doctest::Approx(right_of(simple[i])));
                if (lines[i].spans.size() > 1 || logical_text(lines[i]).find(' ') != std::string::npos)
                    CHECK(right_of(lines[i]) == doctest::Approx(100.0f + width));
                hyphens += has_hyphen(lines[i]);
            }
            CHECK(hyphens > 0);
            for (const Line& l : lines) CHECK(right_of(l) <= 100.0f + width + 0.01f);  // no line wider than the column
        }
    }

    TEST_CASE("the hyphen is drawn after the line's last character and is not text: the lines join back to the paragraph") {
        EveryThirdLetter h;
        const std::string text = std::string(french) + " \U0001F600 fin.";
        for (float width : {150.0f, 200.0f, 330.0f}) {
            CAPTURE(width);
            const std::vector<Line> lines = rich(plain(text), width, justified_style(&h));
            const std::u32string all = decode(text);
            std::string joined;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const Line& l = lines[i];
                const std::uint32_t next = i + 1 < lines.size() ? lines[i + 1].offset : static_cast<std::uint32_t>(all.size());
                // The spans hold the line's characters but its trailing blanks, in the text's own
                // offsets: no hyphen among them.
                const std::string own = encode(std::u32string_view(all).substr(l.offset, next - l.offset));
                const std::string spans = logical_text(l);
                CHECK(spans.find('-') == std::string::npos);
                CHECK(own.compare(0, spans.size(), spans) == 0);
                CHECK(own.find_first_not_of(' ', spans.size()) == std::string::npos);
                joined += own;
                for (const Span& s : l.spans) {
                    if (!s.hyphen) continue;
                    // The line's last span, left to right; its carets end where the hyphen starts.
                    CHECK(&s == &l.spans.back());
                    CHECK(s.level == 0);
                    CHECK(s.offset + utf8::length(s.text) == next);  // cut inside a word, at the next line's start
                    REQUIRE(s.carets.size() >= 2);
                    CHECK(s.carets.back() + measurer.width("-", s.face, s.size) == doctest::Approx(s.width));
                }
            }
            CHECK(joined == text);
        }
    }

    TEST_CASE("right-to-left text is never hyphenated, nor is a word with an emoji; nor anything unjustified") {
        EveryThirdLetter h;
        // A right-to-left paragraph of long Hebrew words, with a long Latin word (level 2) in it.
        const std::string hebrew = "\u05D0\u05D1\u05D2\u05D3\u05D4\u05D5\u05D6\u05D7 \u05D8\u05D9\u05DA\u05DB\u05DC\u05DD\u05DE "
                                   "extraordinaire \u05D0\u05D1\u05D2\u05D3\u05D4\u05D5\u05D6 \u05D7\u05D8\u05D9\u05DA\u05DB\u05DC";
        for (float width : {60.0f, 90.0f, 120.0f, 170.0f, 200.0f}) {
            CAPTURE(width);
            for (BaseDirection dir : {BaseDirection::rtl, BaseDirection::auto_ltr}) {
                const std::vector<Line> lines = rich(plain(hebrew), width, justified_style(&h), dir);
                REQUIRE(lines.size() > 1);
                for (const Line& l : lines) {
                    CHECK_FALSE(has_hyphen(l));
                    CHECK(right_of(l) <= 100.0f + width + 0.01f);
                }
            }
            // A left-to-right paragraph with a long Hebrew word: that word is not cut with a hyphen
            // either, the French ones are.
            const std::vector<Line> mixed = rich(plain("Les mots \u05D0\u05D1\u05D2\u05D3\u05D4\u05D5\u05D6\u05D7\u05D8 "
                                                       "extraordinaires particulièrement"),
                                                 width, justified_style(&h));
            for (const Line& l : mixed)
                for (const Span& s : l.spans)
                    if (s.hyphen) CHECK(s.level == 0);
        }
        // A word with an emoji in it is not cut, even where the word alone would be.
        const std::vector<Line> apart = rich(plain("Un extraordinaire \U0001F600 mot"), 120, justified_style(&h));
        CHECK(std::any_of(apart.begin(), apart.end(), has_hyphen));
        const std::vector<Line> glued = rich(plain("Un extraordinaire\U0001F600 mot"), 120, justified_style(&h));
        for (const Line& l : glued) CHECK_FALSE(has_hyphen(l));
        // Justification off, or no hyphenator: never a hyphen.
        for (const InlineStyle& style : {justified_style(&h, false), justified_style(nullptr)})
            for (const Line& l : rich(plain(std::string(french) + " \U0001F600"), 150, style)) CHECK_FALSE(has_hyphen(l));
    }

    TEST_CASE("a justified article: rich paragraphs are hyphenated like the others, copied and found whole") {
        LoadResult r = load_article(R"({"format":"article/1","id":"t","title":"T","lang":"fr","blocks":[
            {"type":"paragraph","text":"Une situation particulièrement importante pour les négociations internationales. 😀"}]})",
                                    "t.json");
        REQUIRE(r.ok());
        EveryThirdLetter h;
        LayoutParams params{800, 20, 0};
        params.justify = true;
        params.measure = 45;
        bool found_one = false;
        for (float viewport : {250.0f, 300.0f, 350.0f, 400.0f}) {
            params.viewport_width = viewport;
            const DocumentLayout doc = layout_article(r.article, measurer, params, TextServices{&engine, &catalog, &h});
            CHECK(doc.overflow_lines() == 0);
            const std::vector<Line>& lines = doc.lines(1);
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
                CHECK(lines[i].visual);
                if (!has_hyphen(lines[i])) continue;
                found_one = true;
                // From the start of the cut word to the end of its part on the next line: copied
                // whole, with no hyphen.
                const std::string t = logical_text(lines[i]);
                const auto begin = static_cast<std::uint32_t>(lines[i].offset + utf8::length(t.substr(0, t.rfind(' ') + 1)));
                const std::string next = logical_text(lines[i + 1]);
                const auto end = static_cast<std::uint32_t>(lines[i + 1].offset + utf8::length(next.substr(0, next.find(' '))));
                const std::string copied = text_between(r.article, 0, begin, 0, end);
                CHECK(copied.find('-') == std::string::npos);
                CHECK(copied.find(' ') == std::string::npos);
                CHECK(utf8::length(copied) >= 6);
                CHECK(r.article.blocks[0].text[0].text.find(copied) != std::string::npos);
                // The selection's rectangle on the cut line stops before the hyphen.
                const std::vector<Rect> rects = range_rects(doc, measurer, 0, begin, end);
                REQUIRE(rects.size() == 2);
                CHECK(rects[0].x + rects[0].w <= right_of(lines[i]) - measurer.width("-", Face::serif, 20) + 0.01f);
            }
        }
        CHECK(found_one);
    }
}
