// Justified CJK text on the rich path (docs/text-pipeline.md, "Justified text"): full lines of
// Chinese and Japanese end flush by widening the gaps between characters, as a browser's
// `text-justify: auto` does; Latin words inside keep their letters together; Korean with spaces,
// Thai and right-to-left text widen their spaces only; carets, pieces, glyphs, selection and hit
// testing follow the widened gaps. The fake engine of the other rich tests, taught to break
// between CJK characters (with a little kinsoku) and to tell kana and Hangul; every character is
// 10 px wide (FixedMeasurer at 20 px), Hebrew 12 px.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/text/justify_gaps.hpp"
#include "core/text/rich_lines.hpp"
#include "core/text/text_class.hpp"
#include "core/text_geometry.hpp"
#include "core/utf8.hpp"
#include "fake_text_engine.hpp"
#include "line_extent.hpp"
#include "test_support.hpp"

using namespace av;
using av::test::decode;
using av::test::left_of;
using av::test::right_of;

namespace {

bool cjk(char32_t c) {
    return (text_class_of(c) & text_class::han) != 0;
}
bool kana(char32_t c) {
    return c >= 0x3041 && c <= 0x30FF && c != 0x30FB && c != 0x30FC;
}
bool hangul(char32_t c) {
    return c >= 0xAC00 && c <= 0xD7A3;
}

// The fake engine, with CJK line breaking: between two CJK characters and between a CJK character
// and a Latin one, but never before 、。，」ー nor after 「; Korean only at spaces (keep-all).
// Kana and Hangul get their scripts; the ideographic comma is in the Hebrew font, so that it can
// sit inside a shaped right-to-left run.
class CjkEngine : public test::FakeTextEngine {
public:
    std::uint8_t analyze(std::u32string_view t, BaseDirection direction, std::string_view lang,
                         std::vector<CharInfo>& out) const override {
        const std::uint8_t p = FakeTextEngine::analyze(t, direction, lang, out);
        auto closing = [](char32_t c) { return c == U'、' || c == U'。' || c == U'，' || c == U'」' || c == U'ー'; };
        for (std::size_t i = 1; i < t.size(); ++i) {
            const char32_t a = t[i - 1], c = t[i];
            if (out[i].brk != BreakBefore::no || a == U' ' || c == U' ' || hangul(a) || hangul(c)) continue;
            if ((cjk(a) || cjk(c)) && !closing(c) && a != U'「') out[i].brk = BreakBefore::allowed;
        }
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (kana(t[i]))
                out[i].script = script_tag(t[i] < 0x30A0 ? "Hira" : "Kana");
            else if (hangul(t[i]))
                out[i].script = script_tag("Hang");
            else if (i > 0 && !hebrew(t[i]) && !latin(t[i]) && !ideograph(t[i]) && !mark(t[i]))
                out[i].script = out[i - 1].script;
        }
        return p;
    }
    bool has_char(FontId font, char32_t c) const override {
        return FakeTextEngine::has_char(font, c) || (font == 0 && c == U'、');
    }
};

const test::FixedMeasurer measurer;
const CjkEngine engine;
const FontCatalog catalog = test::fake_catalog();
const TextServices services{&engine, &catalog};

constexpr float left_x = 100;

std::vector<Line> rich(const std::string& text, float width, bool justify = true,
                       BaseDirection dir = BaseDirection::auto_ltr, const std::string& lang = "ja",
                       LineBreaking breaking = LineBreaking::total_fit) {
    std::vector<Line> lines;
    std::vector<std::string> links;
    ParagraphContext p;
    p.direction = dir;
    p.lang = lang;
    InlineStyle style{Face::serif, Role::body, 20, 1.5f};
    style.justify = justify;
    style.breaking = breaking;
    break_rich_lines(Inline{Run{text}}, style, p, services, measurer, left_x, 0, width, lines, links, nullptr, true);
    return lines;
}

struct Placed {
    std::uint32_t offset;  // in the paragraph
    float width;           // what it takes on the page, by its carets
    float own;             // its measured width: 12 px in the fake Hebrew font, else 10 px
    bool operator<(const Placed& o) const { return offset < o.offset; }
};

// The line's characters in logical order.
std::vector<Placed> widths_of(const Line& l) {
    std::vector<Placed> out;
    for (const Span& s : l.spans)
        for (std::size_t k = 0; k + 1 < s.carets.size(); ++k)
            out.push_back(Placed{s.offset + static_cast<std::uint32_t>(k), std::fabs(s.carets[k + 1] - s.carets[k]),
                                 s.font == 0 ? 12.0f : 10.0f});
    std::sort(out.begin(), out.end());
    return out;
}

// Whether a gap follows character i of the text on a line whose characters are [b, e): the rule
// of justify_gaps.hpp restated for texts of one character per cluster.
bool gap_after(const std::u32string& t, std::uint32_t i, std::uint32_t e, bool korean_spaced) {
    if (t[i] == U' ') return true;
    if (i + 1 >= e || t[i + 1] == U' ') return false;
    auto counts = [&](char32_t c) { return cjk(c) && !(korean_spaced && hangul(c)); };
    return counts(t[i]) || counts(t[i + 1]);
}

// Every line: its characters placed by their carets, each as wide as measured (10 px, 12 px for
// Hebrew) plus the line's share at each opportunity, nothing elsewhere; full lines flush with the
// column on both sides, the last one ragged. Returns the number of lines widened between
// characters.
std::size_t check_paragraph(const std::string& text, const std::vector<Line>& lines, float width) {
    const std::u32string t = decode(text);
    REQUIRE(lines.size() > 1);
    std::size_t between = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CAPTURE(i);
        const Line& l = lines[i];
        const bool last = i + 1 == lines.size();
        CHECK(l.justified == !last);
        const std::vector<Placed> w = widths_of(l);
        REQUIRE_FALSE(w.empty());
        const std::uint32_t b = w.front().offset, e = w.back().offset + 1;
        CHECK(b == l.offset);
        bool spaced = false;
        for (std::uint32_t k = b; k < e; ++k) spaced = spaced || t[k] == U' ';
        // The line's share: what its widest character gained (checked below to be what every
        // opportunity gains); code-point spans say it as word_space, the line as char_gap.
        float share = 0;
        for (const Placed& c : w) share = std::max(share, c.width - c.own);
        if (share < 1e-4f) share = 0;
        for (const Span& s : l.spans)
            if (s.font == no_font)
                CHECK(s.word_space == doctest::Approx(share).epsilon(1e-3));  // carets are float sums
        if (l.char_gap > 0) {
            ++between;
            CHECK(l.char_gap == doctest::Approx(share).epsilon(1e-3));
        }
        for (const Placed& c : w) {
            CAPTURE(c.offset);
            const bool widened =
                share > 0 && gap_after(t, c.offset, e, spaced) && (t[c.offset] == U' ' || l.char_gap > 0);
            CHECK(c.width == doctest::Approx(c.own + (widened ? share : 0.0f)).epsilon(1e-4));
        }
        if (last) {
            CHECK(l.char_gap == 0);
            CHECK(right_of(l) - left_of(l) < width - 0.5f);
        } else if (share > 0) {
            CHECK(std::fabs(left_of(l) - left_x) <= 0.01f);
            CHECK(std::fabs(right_of(l) - (left_x + width)) <= 0.01f);
        }
        // Spans follow each other without a hole, left to right.
        for (std::size_t k = 1; k < l.spans.size(); ++k)
            CHECK(l.spans[k].x == doctest::Approx(l.spans[k - 1].x + l.spans[k - 1].width));
        // A code-point span on a line widened between characters is drawn in pieces, each where
        // its carets say; a new piece after each widened character and nowhere else.
        for (const Span& s : l.spans) {
            if (s.font != no_font) continue;
            if (l.char_gap == 0) {
                CHECK(s.pieces.empty());
                continue;
            }
            std::size_t expected = 1;
            for (std::uint32_t k = 1; k + 1 < s.carets.size(); ++k)
                expected += std::fabs(s.carets[k] - s.carets[k - 1]) > 10.0f + share / 2;
            if (expected == 1) {
                CHECK(s.pieces.empty());  // no gap inside: drawn in one go
                continue;
            }
            REQUIRE(s.pieces.size() == expected);
            CHECK(s.pieces.front().byte == 0);
            CHECK(s.pieces.front().x == 0);
            for (const TextPiece& piece : s.pieces) {
                const std::size_t chars = utf8::length(std::string_view(s.text).substr(0, piece.byte));
                REQUIRE(chars < s.carets.size());
                CHECK(piece.x == doctest::Approx(s.carets[chars]));
            }
        }
    }
    return between;
}

const char* const japanese =
    "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所で"
    "ニャーニャー泣いていた事だけは記憶している。吾輩はここで始めて人間というものを見た。";
const char* const chinese =
    "中华人民共和国是一个位于东亚的国家，首都是北京。全国共有三十四个省级行政区，人口超过十四亿，"
    "是世界上人口最多的国家之一。";
const char* const mixed = "新しいiPhoneとMacBook Proを使って、日本語の文章を書いてみました。これはテストの文章です。";

std::string offsets_of(const std::vector<Line>& lines) {
    std::string out;
    for (const Line& l : lines) out += std::to_string(l.offset) + " ";
    return out;
}

// The most any opportunity of a paragraph's full lines gains (a gap between characters or a space:
// they take equal shares), in px.
float largest_share(const std::vector<Line>& lines) {
    float most = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const std::vector<Placed> w = widths_of(lines[i]);
        for (const Placed& c : w) most = std::max(most, c.width - c.own);
    }
    return most;
}

}  // namespace

TEST_SUITE("justified CJK") {
    TEST_CASE("justification_gaps: spaces, gaps touching CJK, none inside a Latin word nor after the last cluster") {
        const std::u32string t = U"漢字ab cd漢";
        std::vector<CharInfo> info(t.size());
        for (CharInfo& c : info) c.flags = char_flags::cluster_start, c.script = script_tag("Latn");
        const std::vector<float> advance(t.size(), 10.0f);
        std::vector<std::uint32_t> gaps;
        CHECK(justification_gaps(t, info, advance, 0, static_cast<std::uint32_t>(t.size()), gaps));
        std::sort(gaps.begin(), gaps.end());
        // 漢|字, 字|a, the space, d|漢; not a|b, c|d, nor after the last 漢.
        CHECK(gaps == std::vector<std::uint32_t>{0, 1, 4, 6});
        // A line of Latin only: its spaces.
        CHECK_FALSE(justification_gaps(U"ab cd", info, advance, 0, 5, gaps));
        CHECK(gaps == std::vector<std::uint32_t>{2});
        // A combining mark stays with its base: the gap goes after the mark; a zero-width
        // character adds no second gap.
        const std::u32string m = U"漢\u0301字\u200B字";
        std::vector<CharInfo> mi(m.size());
        for (CharInfo& c : mi) c.flags = char_flags::cluster_start;
        mi[1].flags = 0;
        std::vector<float> ma{10, 0, 10, 0, 10};
        CHECK(justification_gaps(m, mi, ma, 0, 5, gaps));
        CHECK(gaps == std::vector<std::uint32_t>{1, 2});
        // Out of range asks nothing of the arrays.
        CHECK_FALSE(justification_gaps(m, mi, ma, 4, 99, gaps));
        CHECK(gaps.empty());
        CHECK_FALSE(justification_gaps(m, mi, ma, 7, 3, gaps));
    }

    TEST_CASE("a Japanese paragraph: full lines flush with both edges, the last ragged, the text whole") {
        for (float width : {103.0f, 205.0f, 333.0f, 487.0f}) {
            CAPTURE(width);
            const std::vector<Line> lines = rich(japanese, width);
            CHECK(check_paragraph(japanese, lines, width) == lines.size() - 1);
            std::string joined;
            for (const Line& l : lines)
                for (const Span& s : l.spans) joined += s.text;
            CHECK(joined == japanese);
            // Unjustified, the same lines, ragged, nothing widened.
            const std::vector<Line> ragged = rich(japanese, width, false);
            REQUIRE(ragged.size() == lines.size());
            for (std::size_t i = 0; i < lines.size(); ++i) {
                CHECK(ragged[i].offset == lines[i].offset);
                CHECK_FALSE(ragged[i].justified);
                CHECK(ragged[i].char_gap == 0);
                for (const Span& s : ragged[i].spans) CHECK(s.pieces.empty());
            }
        }
    }

    TEST_CASE("total fit weighs a CJK line by its gaps: no short line of few gaps beside full ones") {
        // 10 px characters in a 100 px column. Greedy fills the first line with ten kana, leaves
        // さしす alone on the second (the Latin word does not fit after it), 70 px over 2 gaps;
        // total fit, which now sees that line's looseness, moves kana down to share the slack
        // (before, every line short of the edge cost alike and it kept greedy's lines).
        const std::string text = "あいうえおかきくけこさしすABCDEFGHたちつてとなにぬねのはひふへほ";
        const std::vector<Line> greedy = rich(text, 100, true, BaseDirection::auto_ltr, "ja", LineBreaking::greedy);
        const std::vector<Line> total = rich(text, 100);
        check_paragraph(text, greedy, 100);  // every full line flush
        check_paragraph(text, total, 100);
        CAPTURE(offsets_of(greedy));
        CAPTURE(offsets_of(total));
        CHECK(largest_share(greedy) == doctest::Approx(35.0f));
        CHECK(largest_share(total) < 15.0f);
        CHECK(total.size() == greedy.size());
        // And on the longer paragraphs, at every width, never looser than greedy at its worst.
        for (const char* paragraph : {japanese, chinese}) {
            for (float width : {103.0f, 155.0f, 205.0f, 333.0f}) {
                CAPTURE(width);
                const std::vector<Line> g =
                    rich(paragraph, width, true, BaseDirection::auto_ltr, "ja", LineBreaking::greedy);
                const std::vector<Line> t = rich(paragraph, width);
                CHECK(check_paragraph(paragraph, t, width) == t.size() - 1);
                CHECK(largest_share(t) <= largest_share(g) + 1e-3f);
            }
        }
    }

    TEST_CASE("total fit on Japanese with Latin words: a line with one space costs by all its gaps, as others") {
        // Before, a line with the one space of "MacBook Pro" was cheaper than any line with none,
        // however few its gaps, and total fit's worst line was looser than greedy's. Every full
        // line flush, and never a looser worst line than greedy's.
        for (float width : {125.0f, 140.0f, 167.0f, 241.0f}) {
            CAPTURE(width);
            const std::vector<Line> g = rich(mixed, width, true, BaseDirection::auto_ltr, "ja", LineBreaking::greedy);
            const std::vector<Line> t = rich(mixed, width);
            check_paragraph(mixed, t, width);
            for (std::size_t i = 0; i + 1 < t.size(); ++i) {
                CAPTURE(i);
                CHECK(right_of(t[i]) == doctest::Approx(left_x + width));
            }
            CHECK(largest_share(t) <= largest_share(g) + 1e-3f);
        }
    }

    TEST_CASE("a Chinese paragraph with fullwidth punctuation: every full line flush") {
        for (float width : {155.0f, 206.0f, 398.0f}) {
            CAPTURE(width);
            const std::vector<Line> lines = rich(chinese, width, true, BaseDirection::auto_ltr, "zh-CN");
            CHECK(check_paragraph(chinese, lines, width) == lines.size() - 1);
        }
    }

    TEST_CASE(
        "Japanese with Latin words: a gap beside a CJK character and the space count, letters of a word stay "
        "together") {
        for (float width : {125.0f, 167.0f, 241.0f}) {
            CAPTURE(width);
            const std::vector<Line> lines = rich(mixed, width);
            check_paragraph(mixed, lines, width);
            bool latin_seen = false;
            for (const Line& l : lines)
                for (const Span& s : l.spans)
                    if (!s.cjk && s.text.find("Mac") != std::string::npos && l.char_gap > 0) latin_seen = true;
            CHECK(latin_seen);
        }
    }

    TEST_CASE("Korean with spaces widens its spaces only; a Korean word wider than the line, its syllables") {
        const std::string korean = "한국어 문장은 띄어쓰기를 합니다 그래서 공백만 넓힙니다 이것은 시험입니다";
        const std::vector<Line> lines = rich(korean, 125, true, BaseDirection::auto_ltr, "ko");
        CHECK(check_paragraph(korean, lines, 125) == 0);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK(right_of(lines[i]) == doctest::Approx(225.0f));
        const std::string word = "가나다라마바사아자차카타파하가나다라마바사아자차카타파하";
        const std::vector<Line> cut = rich(word, 125, true, BaseDirection::auto_ltr, "ko");
        CHECK(check_paragraph(word, cut, 125) == cut.size() - 1);
    }

    TEST_CASE("Thai widens its spaces only; a Thai line with none stays ragged") {
        const std::string thai = "ภาษาไทยเป็นภาษา ที่ไม่มีการเว้นวรรค ระหว่างคำ แต่เว้นวรรค ระหว่างประโยค";
        const std::vector<Line> lines = rich(thai, 155, true, BaseDirection::auto_ltr, "th");
        CHECK(check_paragraph(thai, lines, 155) == 0);
        const std::vector<Line> word =
            rich("ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ", 155, true, BaseDirection::auto_ltr, "th");
        REQUIRE(word.size() > 1);
        CHECK(word[0].justified);
        CHECK(word[0].char_gap == 0);
        CHECK(right_of(word[0]) == doctest::Approx(250.0f));  // 15 characters, 5 px short, not widened
    }

    TEST_CASE("a right-to-left paragraph: spaces only, as before; its glyphs where its carets are") {
        const std::string hebrew =
            "\u05D0\u05D1 \u05D2\u05D3 \u05D4\u05D5 \u05D6\u05D7 \u05D8\u05D9 \u05D0\u05D1\u05D2 \u05D3\u05D4";
        for (float width : {75.0f, 99.0f}) {
            CAPTURE(width);
            const std::vector<Line> lines = rich(hebrew, width, true, BaseDirection::rtl, "he");
            CHECK(check_paragraph(hebrew, lines, width) == 0);
            const std::u32string t = decode(hebrew);
            for (const Line& l : lines) {
                CHECK(right_of(l) == doctest::Approx(left_x + width));  // right-aligned, as ever
                for (const Span& s : l.spans) {
                    CHECK(s.pieces.empty());
                    // Each glyph ends at its character's caret (the right edge of a right-to-left
                    // character), whatever was widened to its left.
                    REQUIRE(s.glyphs.size() + 1 == s.carets.size());
                    for (std::size_t k = 0; k < s.glyphs.size(); ++k) {
                        const std::uint32_t c = s.offset + static_cast<std::uint32_t>(s.glyphs.size() - 1 - k);
                        if (t[c] != U' ') CHECK(s.glyphs[k].x + 12.0f == doctest::Approx(s.carets[c - s.offset]));
                    }
                }
            }
        }
    }

    TEST_CASE("right to left with CJK: ideographs and an ideographic comma inside shaped Hebrew widen, glyphs follow") {
        const std::string text =
            "\u05D0\u05D1\u3001\u05D2\u05D3 \u05D4\u05D5 漢字漢字 \u05D6\u05D7\u3001\u05D8\u05D9 \u05D0\u05D1 "
            "\u05D2\u05D3";
        const std::u32string t = decode(text);
        for (float width : {79.0f, 113.0f}) {
            CAPTURE(width);
            const std::vector<Line> lines = rich(text, width, true, BaseDirection::rtl, "he");
            CHECK(check_paragraph(text, lines, width) > 0);
            bool inside = false;
            for (const Line& l : lines)
                for (const Span& s : l.spans) {
                    if (s.font == no_font) continue;
                    REQUIRE(s.glyphs.size() + 1 == s.carets.size());
                    for (std::size_t k = 0; k < s.glyphs.size(); ++k) {
                        const std::uint32_t c = s.offset + static_cast<std::uint32_t>(s.glyphs.size() - 1 - k);
                        if (t[c] != U' ') CHECK(s.glyphs[k].x + 12.0f == doctest::Approx(s.carets[c - s.offset]));
                        // A gap inside the shaped span (after a letter before 、, after 、).
                        if (l.char_gap > 0 && k > 0 && t[c] == U'\u3001') inside = true;
                    }
                }
            CHECK(inside);
        }
    }

    TEST_CASE("selection and hit testing over a line widened between characters") {
        const LoadResult r =
            load_article(std::string(R"({"format":"article/1","id":"t","title":"T","lang":"ja","blocks":[
            {"type":"paragraph","text":")") +
                             japanese + R"("}]})",
                         "t.json");
        REQUIRE_MESSAGE(r.ok(), r.error);
        LayoutParams p{333, 20, 0};
        p.justify = true;
        const DocumentLayout doc = layout_article(r.article, measurer, p, services);
        int block = -1;
        for (std::size_t i = 0; i < doc.blocks.size(); ++i)
            for (const Line& l : doc.lines(i))
                if (l.char_gap > 0 && block < 0) block = doc.blocks[i].block;
        REQUIRE(block >= 0);
        std::size_t index = 0;
        while (doc.blocks[index].block != block) ++index;
        const Line& line = doc.lines(index).front();
        REQUIRE(line.char_gap > 0);
        REQUIRE(line.spans.size() >= 1);
        const float edge = doc.column_x + doc.column_width;
        CHECK(std::fabs(right_of(line) - edge) <= 0.01f);
        const std::vector<Placed> w = widths_of(line);
        const std::uint32_t n = w.back().offset + 1;
        // The whole line selected: one rectangle from the column's start to its end.
        const std::vector<Rect> all = range_rects(doc, measurer, block, 0, n);
        REQUIRE(all.size() == 1);
        CHECK(all[0].x == doctest::Approx(doc.column_x));
        CHECK(all[0].x + all[0].w == doctest::Approx(edge).epsilon(1e-5));
        // One character: its glyph and the gap after it, where the one after starts.
        float x = doc.column_x;
        for (std::uint32_t k = 0; k < 5; ++k) x += w[k].width;
        const std::vector<Rect> one = range_rects(doc, measurer, block, 5, 6);
        REQUIRE(one.size() == 1);
        CHECK(one[0].x == doctest::Approx(x));
        CHECK(one[0].w == doctest::Approx(w[5].width));
        CHECK(w[5].width > 10.0f);
        // A click inside the character's glyph, near its start, lands before it; one in the gap
        // after it, near the next character, lands after it.
        const std::optional<TextPos> before = hit_test(doc, measurer, x + 2, line.y + 1);
        REQUIRE(before);
        CHECK(before->offset == 5);
        const std::optional<TextPos> after = hit_test(doc, measurer, x + w[5].width - 1, line.y + 1);
        REQUIRE(after);
        CHECK(after->offset == 6);
    }
}
