// Total fit on the rich path (core/text/line_breaker_total_fit.cpp, docs/text-pipeline.md
// "Hyphenation and line breaking on the rich path"): the simple path's method over the engine's break opportunities and
// RichHyphenation's points, for justified text only; greedy stays for ragged text and on demand.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/text/line_breaker.hpp"
#include "core/text/rich_lines.hpp"
#include "core/text/total_fit.hpp"
#include "core/utf8.hpp"
#include "fake_text_engine.hpp"
#include "line_extent.hpp"
#include "test_support.hpp"

using namespace av;
using av::test::decode;
using av::test::left_of;
using av::test::right_of;

namespace {

const test::FixedMeasurer measurer;  // 10 px a character at size 20
const test::FakeTextEngine engine;
const FontCatalog catalog = test::fake_catalog();

struct EveryThirdLetter : Hyphenator {
    void hyphenate(std::string_view, std::u32string_view word, std::vector<std::uint32_t>& out) const override {
        for (std::uint32_t i = 3; i < word.size(); i += 3) out.push_back(i);
    }
};

// Points every third character of a word, 10 px hyphens (break_into_lines' own interface).
struct Thirds : WordHyphenation {
    void points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const override {
        for (std::uint32_t p = begin + 3; p < end; p += 3) out.push_back(HyphenPoint{p, 10});
    }
};

// What the fake engine and FixedMeasurer give each character at size 20 in a left-to-right
// paragraph: Hebrew letters 12 px, the rest 10 (`other`).
std::vector<float> advances(std::u32string_view t, float other = 10) {
    std::vector<float> adv;
    for (char32_t c : t) adv.push_back(test::FakeTextEngine::hebrew(c) ? 12.0f : other);
    return adv;
}

struct Broken {
    std::vector<LineRange> greedy, total;
};

Broken both(std::u32string_view t, float width, BaseDirection dir = BaseDirection::ltr,
            const WordHyphenation* h = nullptr, float other = 10) {
    std::vector<CharInfo> info;
    engine.analyze(t, dir, "en", info);
    const std::vector<float> adv = advances(t, other);
    return Broken{break_into_lines(info, adv, t, width, h), break_into_lines_total_fit(info, adv, t, width, 20, h)};
}

std::vector<std::uint32_t> begins(const std::vector<LineRange>& ranges) {
    std::vector<std::uint32_t> out;
    for (const LineRange& r : ranges) out.push_back(r.begin);
    return out;
}

std::vector<std::uint32_t> offsets(const std::vector<Line>& lines) {
    std::vector<std::uint32_t> out;
    for (const Line& l : lines) out.push_back(l.offset);
    return out;
}

// The widest space of a line the rich path would justify, as a multiple of a 10 px space: what
// its U+0020 spaces share of the line's slack, over their width.
float widest_space(std::u32string_view t, const LineRange& r, float width) {
    const std::vector<float> adv = advances(t);
    float content = r.hyphen;
    int spaces = 0;
    for (std::uint32_t k = r.begin; k < r.content_end; ++k) {
        content += adv[k];
        spaces += t[k] == U' ';
    }
    return spaces ? 1 + (width - content) / static_cast<float>(spaces) / 10.0f : 0;
}

float worst(std::u32string_view t, const std::vector<LineRange>& ranges, float width) {
    float w = 0;
    for (std::size_t i = 0; i + 1 < ranges.size(); ++i) w = std::max(w, widest_space(t, ranges[i], width));
    return w;
}

InlineStyle justified(LineBreaking breaking, const Hyphenator* h = nullptr) {
    InlineStyle style{Face::serif, Role::body, 20, 1.5f};
    style.justify = true;
    style.hyphenator = h;
    style.lang = "fr";
    style.breaking = breaking;
    return style;
}

std::vector<Line> rich(const std::string& text, float width, const InlineStyle& style,
                       BaseDirection dir = BaseDirection::auto_ltr) {
    std::vector<Line> lines;
    std::vector<std::string> links;
    ParagraphContext p;
    p.direction = dir;
    p.lang = "fr";
    const TextServices services{&engine, &catalog};
    break_rich_lines(Inline{Run{text}}, style, p, services, measurer, 100, 0, width, lines, links);
    return lines;
}

// Greedy fills "aaaa b c d e" and leaves "fffffff g" with one space three times too wide; total
// fit moves "e" down: no space wider than 1.7 times its width.
const char* const loose = "aaaa b c d e fffffff g hhh";

}  // namespace

TEST_SUITE("rich total fit") {
    TEST_CASE("demerits: (1 + 100 r^3)^2, a hyphen 2500, the last line free, a line with no space as r = 20") {
        CHECK(line_demerits(100, 100, 20, FitBreak::plain, false) == doctest::Approx(1));
        CHECK(line_demerits(100, 90, 20, FitBreak::plain, false) == doctest::Approx(std::pow(1 + 100 * 0.125, 2)));
        CHECK(line_demerits(100, 90, 20, FitBreak::hyphen, false) ==
              doctest::Approx(std::pow(1 + 100 * 0.125, 2) + 2500));
        CHECK(line_demerits(100, 10, 20, FitBreak::plain, true) == 0);
        CHECK(line_demerits(100, 10, 20, FitBreak::hyphen, true) == 2500);
        CHECK(line_demerits(100, 90, 0, FitBreak::plain, false) == doctest::Approx(std::pow(1 + 100 * 8000.0, 2)));
        CHECK(line_demerits(100, 99.7f, 0, FitBreak::plain, false) == 1);  // spaceless but full
        CHECK(line_demerits(100, 120, 0, FitBreak::plain, false) >= 1e15);
        CHECK(line_demerits(100, 90, 20, FitBreak::cut, false) >= 1e12);
    }

    TEST_CASE("greedy leaves a very loose line, total fit does not") {
        const std::u32string t = decode(loose);
        const Broken b = both(t, 120);
        CHECK(begins(b.greedy) == std::vector<std::uint32_t>{0, 13, 23});
        CHECK(begins(b.total) == std::vector<std::uint32_t>{0, 11, 23});
        CHECK(worst(t, b.greedy, 120) == doctest::Approx(4.0f));     // "fffffff g": 30 px more for one space
        CHECK(worst(t, b.total, 120) == doctest::Approx(5.0f / 3));  // "aaaa b c d": 20 px over three
        // The same lines as greedy's: trailing spaces out of the content, nothing hyphenated.
        for (const LineRange& r : b.total) {
            CHECK(r.hyphen == 0);
            CHECK(r.content_end <= r.end);
            CHECK((r.content_end == r.end || t[r.content_end] == U' '));
        }
        CHECK(b.total.back().end == t.size());
        // Through the pipeline: the lines are flush with the column, the last ragged.
        const std::vector<Line> lines = rich(loose, 120, justified(LineBreaking::total_fit));
        CHECK(offsets(lines) == std::vector<std::uint32_t>{0, 11, 23});
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            CHECK(lines[i].justified);
            CHECK(right_of(lines[i]) == doctest::Approx(220.0f));
        }
        CHECK_FALSE(lines.back().justified);
    }

    TEST_CASE("ragged text, and justified text with greedy breaking, keep the greedy lines") {
        InlineStyle ragged{Face::serif, Role::body, 20, 1.5f};
        CHECK(offsets(rich(loose, 120, ragged)) == std::vector<std::uint32_t>{0, 13, 23});
        ragged.breaking = LineBreaking::greedy;
        CHECK(offsets(rich(loose, 120, ragged)) == std::vector<std::uint32_t>{0, 13, 23});
        CHECK(offsets(rich(loose, 120, justified(LineBreaking::greedy))) == std::vector<std::uint32_t>{0, 13, 23});
        // A longer paragraph at several widths: ragged is always break_into_lines' greedy.
        const std::string text = std::string("Un paragraphe assez long pour être coupé en plusieurs lignes, ") +
                                 "avec des mots de toutes les longueurs et un \u05D0\u05D1\u05D2 hébreu.";
        const std::u32string t = decode(text);
        for (float width : {90.0f, 130.0f, 170.0f, 250.0f}) {
            CAPTURE(width);
            InlineStyle style{Face::serif, Role::body, 20, 1.5f};
            CHECK(offsets(rich(text, width, style)) == begins(both(t, width).greedy));
            CHECK(offsets(rich(text, width, justified(LineBreaking::greedy))) == begins(both(t, width).greedy));
            CHECK(offsets(rich(text, width, justified(LineBreaking::total_fit))) == begins(both(t, width).total));
        }
    }

    TEST_CASE("hyphenation points are breaks with a hyphen, counted in the line, and cost a little") {
        const Thirds thirds;
        // Without a hyphen "aaaa" would stand alone on a line with no space to widen.
        const std::u32string t = U"aaaa bbbbbbbbb cc dd";
        const Broken b = both(t, 100, BaseDirection::ltr, &thirds);
        REQUIRE(b.total.size() == 3);
        CHECK(b.total[0].end == 8);  // "aaaa bbb-"
        CHECK(b.total[0].content_end == 8);
        CHECK(b.total[0].hyphen == 10.0f);
        CHECK(b.total[1].begin == 8);  // "bbbbbb cc"
        CHECK(b.total[1].end == 18);
        CHECK(b.total[1].hyphen == 0.0f);
        CHECK(b.total[2].begin == 18);
        // Without the points: no hyphen anywhere.
        for (const LineRange& r : both(t, 100).total) CHECK(r.hyphen == 0.0f);
        // A hyphen costs 2500: "a b c d e f-" would end flush (r = 0.06) where "a b c d e" is
        // looser (r = 0.7, demerits 1246), but the plain break costs less in all. Greedy takes
        // the hyphen, as the furthest place that fits.
        struct AfterFirst : WordHyphenation {
            void points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const override {
                if (end - begin > 4) out.push_back(HyphenPoint{begin + 1, 5});
            }
        } after_first;
        const std::u32string cost = U"a b c d e ffffff g h";
        const Broken cb = both(cost, 118, BaseDirection::ltr, &after_first);
        CHECK(begins(cb.total) == std::vector<std::uint32_t>{0, 10});
        CHECK(cb.total[0].hyphen == 0.0f);
        CHECK(begins(cb.greedy) == std::vector<std::uint32_t>{0, 11});
        CHECK(cb.greedy[0].hyphen == 5.0f);
    }

    TEST_CASE("the rich path's total fit breaks a paragraph where the simple path's does") {
        EveryThirdLetter h;
        const std::string french =
            "Un anticonstitutionnellement extraordinaire paragraphe sur les négociations internationales et "
            "européennes, particulièrement importantes pour les gouvernements concernés.";
        for (float width : {150.0f, 200.0f, 260.0f, 330.0f}) {
            CAPTURE(width);
            std::vector<Line> simple;
            std::vector<std::string> links;
            break_lines(Inline{Run{french}}, justified(LineBreaking::total_fit, &h), measurer, 100, 0, width, simple,
                        links);
            const std::vector<Line> lines = rich(french, width, justified(LineBreaking::total_fit, &h));
            CHECK(offsets(lines) == offsets(simple));
            REQUIRE(lines.size() == simple.size());
            std::size_t hyphens = 0;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const bool hyphen =
                    std::any_of(lines[i].spans.begin(), lines[i].spans.end(), [](const Span& s) { return s.hyphen; });
                CHECK(hyphen == simple[i].spans.back().hyphen);
                CHECK(right_of(lines[i]) == doctest::Approx(right_of(simple[i])));
                hyphens += hyphen;
            }
            CHECK(hyphens > 0);
        }
    }

    TEST_CASE("mandatory breaks end a section: each broken alone, its last line free") {
        const std::u32string t = decode(std::string(loose) + "\n" + loose);
        const Broken b = both(t, 120);
        const auto second = static_cast<std::uint32_t>(decode(loose).size()) + 1;
        CHECK(begins(b.total) == std::vector<std::uint32_t>{0, 11, 23, second, second + 11, second + 23});
        REQUIRE(b.total.size() == 6);
        CHECK(b.total[2].end == second);  // the line feed ends "hhh", out of its content
        CHECK(b.total[2].content_end == second - 1);
        // Empty lines from line feeds, as greedy makes them.
        for (const char32_t* s : {U"a\n\nb", U"a\n", U"\n", U"ab cd\n\n\nef gh\n"}) {
            CAPTURE(std::u32string(s).size());
            const Broken e = both(s, 30);
            REQUIRE(e.total.size() == e.greedy.size());
            for (std::size_t i = 0; i < e.total.size(); ++i) {
                CHECK(e.total[i].begin == e.greedy[i].begin);
                CHECK(e.total[i].end == e.greedy[i].end);
                CHECK(e.total[i].content_end == e.greedy[i].content_end);
            }
        }
        // Through the pipeline: the line the line feed ends is not justified.
        const std::vector<Line> lines =
            rich(std::string(loose) + "\n" + loose, 120, justified(LineBreaking::total_fit));
        REQUIRE(lines.size() == 6);
        CHECK(lines[1].justified);
        CHECK_FALSE(lines[2].justified);
        CHECK(lines[4].justified);
        CHECK_FALSE(lines[5].justified);
    }

    TEST_CASE("a word wider than the column is cut between grapheme clusters, only where nothing else fits") {
        // 24 clusters, a third of them with a combining mark (no advance of its own here).
        std::u32string word;
        for (int k = 0; k < 24; ++k) word += k % 3 == 0 ? U"e\u0301" : U"x";
        const std::u32string t = U"ab " + word + U" cd ef";
        std::vector<CharInfo> info;
        engine.analyze(t, BaseDirection::ltr, "en", info);
        std::vector<float> adv = advances(t);
        for (std::size_t k = 0; k < t.size(); ++k)
            if (test::FakeTextEngine::mark(t[k])) adv[k] = 0;
        const std::vector<LineRange> lines = break_into_lines_total_fit(info, adv, t, 100, 20);
        const std::vector<LineRange> greedy = break_into_lines(info, adv, t, 100);
        CHECK(lines.size() == greedy.size());
        // Cut twice, the fewest for 240 px in 100 (a cut costs more than any looseness): "ab" shares
        // its line with the word's start rather than stand alone with no space to widen, as on
        // the simple path (below).
        std::size_t cuts = 0;
        for (const LineRange& r : lines) cuts += r.end > 3 && r.end < 3 + word.size();
        CHECK(cuts == 2);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const LineRange& r = lines[i];
            float w = 0;
            for (std::uint32_t k = r.begin; k < r.content_end; ++k) w += adv[k];
            CHECK(w <= 100.01f);
            CHECK(r.end > r.begin);
            CHECK((info[r.begin].flags & char_flags::cluster_start));  // never a mark starting a line
            CHECK(r.hyphen == 0.0f);
            if (i + 1 < lines.size()) CHECK(r.end == lines[i + 1].begin);
        }
        CHECK(lines.back().end == t.size());
        // Without the marks, the simple path's total fit makes the same lines.
        const std::string plain_word(24, 'x');
        const std::string text = "ab " + plain_word + " cd ef";
        std::vector<Line> simple;
        std::vector<std::string> links;
        break_lines(Inline{Run{text}}, justified(LineBreaking::total_fit), measurer, 100, 0, 100, simple, links);
        CHECK(offsets(rich(text, 100, justified(LineBreaking::total_fit))) == offsets(simple));
        CHECK(offsets(simple).size() == 4);
        // A character wider than the column still gets a line of its own, and nothing is lost.
        const std::u32string huge = U"a bbbbbb c";
        std::vector<CharInfo> hinfo;
        engine.analyze(huge, BaseDirection::ltr, "en", hinfo);
        const std::vector<LineRange> narrow = break_into_lines_total_fit(hinfo, advances(huge), huge, 5, 20);
        REQUIRE(narrow.size() == 8);
        for (std::size_t i = 0; i + 1 < narrow.size(); ++i) CHECK(narrow[i].end == narrow[i + 1].begin);
        CHECK(narrow.back().end == huge.size());
    }

    TEST_CASE("items of no width: a line holds at most max_line_items, so the time stays linear") {
        // 5 000 break opportunities with nothing between them (as a run of zero-width spaces):
        // every line fits, and without the bound each break point would look back to the start.
        const std::u32string t(5000, U'a');
        std::vector<CharInfo> info(t.size());
        for (std::size_t k = 0; k < t.size(); ++k) {
            info[k].flags = char_flags::cluster_start;
            info[k].brk = k ? BreakBefore::allowed : BreakBefore::no;
        }
        const std::vector<LineRange> lines =
            break_into_lines_total_fit(info, std::vector<float>(t.size(), 0.0f), t, 100, 20);
        CHECK(lines.size() >= (t.size() + TotalFit::max_line_items - 1) / TotalFit::max_line_items);
        std::uint32_t at = 0;
        for (const LineRange& r : lines) {
            CHECK(r.begin == at);
            CHECK(r.end - r.begin <= TotalFit::max_line_items);
            at = r.end;
        }
        CHECK(at == t.size());
    }

    TEST_CASE("a right-to-left paragraph is broken in logical order, like a left-to-right one") {
        // The shape of `loose` in Hebrew, 12 px a character (its spaces are shaped in the Hebrew
        // font too): `loose` at 120 px scaled by 1.2.
        const std::string hebrew =
            "\u05D0\u05D0\u05D0\u05D0 \u05D1 \u05D2 \u05D3 \u05D4 "
            "\u05D5\u05D5\u05D5\u05D5\u05D5\u05D5\u05D5 \u05D6 \u05D7\u05D7\u05D7";
        const std::u32string t = decode(hebrew);
        const Broken b = both(t, 144, BaseDirection::rtl, nullptr, 12);
        CHECK(begins(b.greedy) == std::vector<std::uint32_t>{0, 13, 23});
        CHECK(begins(b.total) == std::vector<std::uint32_t>{0, 11, 23});
        for (BaseDirection dir : {BaseDirection::rtl, BaseDirection::auto_ltr}) {
            const std::vector<Line> lines = rich(hebrew, 144, justified(LineBreaking::total_fit), dir);
            CHECK(offsets(lines) == std::vector<std::uint32_t>{0, 11, 23});
            for (std::size_t i = 0; i < lines.size(); ++i) {
                CHECK(lines[i].rtl);
                CHECK(right_of(lines[i]) == doctest::Approx(244.0f));                           // right-aligned
                if (i + 1 < lines.size()) CHECK(left_of(lines[i]) == doctest::Approx(100.0f));  // and flush
            }
            CHECK(offsets(rich(hebrew, 144, justified(LineBreaking::greedy), dir)) ==
                  std::vector<std::uint32_t>{0, 13, 23});
        }
    }

    TEST_CASE("an article: --breaking greedy keeps greedy lines on the rich path, total fit is the default") {
        LoadResult r = load_article(R"({"format":"article/1","id":"t","title":"T","lang":"en","blocks":[
            {"type":"paragraph","text":"aaaa b c d e fffffff g hhh \u05D0"}]})",
                                    "t.json");
        REQUIRE(r.ok());
        LayoutParams params{152, 20, 0};  // a 120 px column: 152 less two 16 px margins
        params.justify = true;
        CHECK(params.breaking == LineBreaking::total_fit);
        const TextServices services{&engine, &catalog};
        auto lay_out = [&](const LayoutParams& p) {
            const DocumentLayout doc = layout_article(r.article, measurer, p, services);
            CHECK(doc.column_width == doctest::Approx(120.0f));
            CHECK(doc.overflow_lines() == 0);
            REQUIRE(doc.blocks.size() == 2);  // the title, the paragraph
            const std::vector<Line>& lines = doc.lines(1);
            for (const Line& l : lines) CHECK(l.visual);
            return offsets(lines);
        };
        CHECK(lay_out(params) == std::vector<std::uint32_t>{0, 11, 23});
        params.breaking = LineBreaking::greedy;
        CHECK(lay_out(params) == std::vector<std::uint32_t>{0, 13, 23});
        params.justify = false;
        CHECK(lay_out(params) == std::vector<std::uint32_t>{0, 13, 23});
        params.breaking = LineBreaking::total_fit;
        CHECK(lay_out(params) == std::vector<std::uint32_t>{0, 13, 23});
    }
}
