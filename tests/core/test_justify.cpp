// Justified text (docs/text-pipeline.md, "Justified text"): flush full lines, a ragged last line,
// hyphens that are drawn but are not text, both line breakers, and the reader's measure and line
// spacing; with the fixed-width measurer (every character 10 px at size 20) and a fake hyphenator.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/layout_digest.hpp"
#include "core/text_geometry.hpp"
#include "core/text_search.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

const test::FixedMeasurer measurer;

// Offers a cut after every third letter, so the typographic rules (hyphenation_points) decide.
struct EveryThird : Hyphenator {
    mutable std::vector<std::string> languages;
    void hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const override {
        languages.emplace_back(lang);
        for (std::uint32_t i = 3; i < word.size(); i += 3) out.push_back(i);
    }
};

std::vector<Line> justified(const std::string& text, float width, LineBreaking breaking, const Hyphenator* h = nullptr,
                            bool justify = true) {
    std::vector<Line> lines;
    std::vector<std::string> links;
    InlineStyle style{Face::serif, Role::body, 20.0f, 1.5f};
    style.justify = justify;
    style.hyphenator = h;
    style.lang = "fr";
    style.breaking = breaking;
    std::uint32_t offset = 0;
    break_lines(Inline{Run{text}}, style, measurer, 0, 0, width, lines, links, &offset);
    return lines;
}

float right_edge(const Line& l) {
    return l.spans.back().x + l.spans.back().width;
}

// Where drawing puts each span's end: its text measured, each U+0020 widened, the hyphen after it
// (ui/reader_view.cpp, core/text_geometry.cpp); it must be where layout put it.
void check_drawn_as_laid_out(const Line& l) {
    for (const Span& s : l.spans) {
        float w = measurer.width(s.text, s.face, s.size);
        for (char c : s.text) w += c == ' ' ? s.word_space : 0;
        if (s.hyphen) w += measurer.width("-", s.face, s.size);
        CHECK(w == doctest::Approx(s.width));
    }
    for (std::size_t k = 1; k < l.spans.size(); ++k)
        CHECK(l.spans[k].x == doctest::Approx(l.spans[k - 1].x + l.spans[k - 1].width));
}

std::string text_of(const Line& l) {
    std::string s;
    for (const Span& sp : l.spans) s += sp.text;
    return s;
}

// With French spacing ("semaine : plusieurs", "« obus »"): spaces glued inside a word.
const char* const prose =
    "Les munitions livrées par la Corée du Nord représentent une part importante des « obus » tirés sur le "
    "front, selon les estimations publiées cette semaine : plusieurs instituts de recherche européens.";

}  // namespace

TEST_SUITE("justify") {
    TEST_CASE("full lines end flush at the column, the last one ragged, the text unchanged") {
        for (LineBreaking b : {LineBreaking::greedy, LineBreaking::total_fit}) {
            CAPTURE(static_cast<int>(b));
            const std::vector<Line> lines = justified(prose, 300, b);
            REQUIRE(lines.size() > 3);
            std::string all;
            std::uint32_t offset = 0;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const Line& l = lines[i];
                CHECK(l.offset == offset);  // offsets count the text's own characters only
                const std::string t = text_of(l);
                offset += static_cast<std::uint32_t>(utf8::length(t)) +
                          (i + 1 < lines.size() ? 1 : 0);  // the space broken at
                all += t + (i + 1 < lines.size() ? " " : "");
                CHECK(right_edge(l) <= 300.5f);
                check_drawn_as_laid_out(l);
                if (i + 1 < lines.size()) {
                    CHECK(l.justified);
                    CHECK(std::fabs(right_edge(l) - 300.0f) <= 0.5f);
                } else {
                    CHECK_FALSE(l.justified);
                    CHECK(right_edge(l) < 299.5f);
                }
            }
            CHECK(all == prose);
        }
    }

    TEST_CASE("the spaces widen, the words keep their widths; a line feed ends a ragged line") {
        const std::vector<Line> lines =
            justified("aaaa bbbb cccc dd\nee ff gg hh ii jj kk ll mm", 160, LineBreaking::total_fit);
        REQUIRE(lines.size() >= 3);
        // "aaaa bbbb cccc" is 140 px: two spaces share the 20 px left.
        CHECK(text_of(lines[0]) == "aaaa bbbb cccc");
        CHECK(lines[0].justified);
        CHECK(lines[0].spans[0].word_space == doctest::Approx(10.0f));
        CHECK(text_of(lines[1]) == "dd");
        CHECK_FALSE(lines[1].justified);  // before the line feed
        CHECK(right_edge(lines[1]) == doctest::Approx(20.0f));
    }

    TEST_CASE("hyphenation points are used, and the hyphen is drawn but not text") {
        EveryThird h;
        const std::string text = "Un anticonstitutionnellement extraordinaire paragraphe.";
        for (LineBreaking b : {LineBreaking::greedy, LineBreaking::total_fit}) {
            CAPTURE(static_cast<int>(b));
            h.languages.clear();
            const std::vector<Line> lines = justified(text, 200, b, &h);
            CHECK_FALSE(h.languages.empty());
            for (const std::string& lang : h.languages) CHECK(lang == "fr");
            bool hyphenated = false;
            std::string all;
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
                const Span& last = lines[i].spans.back();
                if (!last.hyphen) continue;
                hyphenated = true;
                CHECK(last.text.back() != '-');  // not in the text
                // The next line starts right after the cut, in the text's own characters.
                CHECK(lines[i + 1].offset == lines[i].offset + utf8::length(text_of(lines[i])));
                CHECK(std::fabs(right_edge(lines[i]) - 200.0f) <= 0.5f);  // the hyphen counts in the width
            }
            CHECK(hyphenated);
            for (const Line& l : lines) {
                check_drawn_as_laid_out(l);
                all += text_of(l) + (l.spans.back().hyphen ? "" : " ");
            }
            all.pop_back();
            CHECK(all == text);
            for (const Line& l : lines) CHECK(right_edge(l) <= 200.5f);
        }
        // Justification off: never hyphenated, even with a hyphenator.
        for (const Line& l : justified(text, 200, LineBreaking::total_fit, &h, false)) {
            CHECK_FALSE(l.justified);
            for (const Span& sp : l.spans) {
                CHECK_FALSE(sp.hyphen);
                CHECK(sp.word_space == 0.0f);
            }
        }
    }

    TEST_CASE("total fit keeps the widest space smaller than first fit") {
        // First fit fills "aa bbb ccc dd" and leaves "ee fffff" with one space 6x wide; total
        // fit moves "dd" down: two lines with spaces 2.5x and 2x.
        const std::string text = "aa bbb ccc dd ee fffff gggggg hh";
        auto widest = [](const std::vector<Line>& lines) {
            float w = 0;
            for (const Line& l : lines)
                if (l.justified)
                    for (const Span& s : l.spans) w = std::max(w, s.word_space);
            return w;
        };
        CHECK(widest(justified(text, 130, LineBreaking::greedy)) == doctest::Approx(50));
        CHECK(widest(justified(text, 130, LineBreaking::total_fit)) == doctest::Approx(15));
    }

    TEST_CASE("words wider than the column never overflow, whatever the breaker") {
        EveryThird h;
        const std::string text =
            "Voir https://exemple.fr/un/chemin/tres/long/qui/ne/tient/sur/aucune/ligne et "
            "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen aussi.";
        for (LineBreaking b : {LineBreaking::greedy, LineBreaking::total_fit})
            for (const Hyphenator* hy : {static_cast<const Hyphenator*>(nullptr), static_cast<const Hyphenator*>(&h)})
                for (float w : {40.0f, 90.0f, 150.0f}) {
                    const std::vector<Line> lines = justified(text, w, b, hy);
                    std::uint32_t chars = 0;
                    for (const Line& l : lines) {
                        CHECK(right_edge(l) <= w + 0.5f);
                        chars += static_cast<std::uint32_t>(utf8::length(text_of(l)));
                    }
                    // Every character is on a line once (the spaces broken at excepted).
                    CHECK(chars <= utf8::length(text));
                    CHECK(chars + 10 >= utf8::length(text));
                }
    }

    TEST_CASE("carets, selection and hit testing follow the widened spaces") {
        auto r = load_article(R"({"format":"article/1","id":"t","title":"T","lang":"fr","blocks":[
            {"type":"paragraph","text":"aaaa bbbb cccc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt uu vv ww xx yy zz"}]})",
                              "t.json");
        REQUIRE(r.ok());
        LayoutParams p{2000, 20, 0};
        p.justify = true;
        p.measure = 45;
        const DocumentLayout doc = layout_article(r.article, measurer, p);
        const std::vector<Line>& lines = doc.lines(1);
        REQUIRE(lines.size() > 1);
        const Line& first = lines[0];
        REQUIRE(first.justified);
        REQUIRE(first.spans.front().word_space > 0);
        const std::uint32_t n = static_cast<std::uint32_t>(utf8::length(text_of(first)));
        // The last word of the first line: its rectangle ends at the column's edge.
        const std::string t = text_of(first);
        const std::uint32_t last_word = static_cast<std::uint32_t>(t.rfind(' ', t.size() - 2) + 1);
        const std::vector<Rect> rects = range_rects(doc, measurer, 0, last_word, n);
        REQUIRE(rects.size() == 1);
        CHECK(rects[0].x + rects[0].w == doctest::Approx(doc.column_x + doc.column_width).epsilon(0.001));
        // A click near the start of the word's last letter (10 px wide) lands before it.
        const float x = doc.column_x + doc.column_width - 8;
        const std::optional<TextPos> hit = hit_test(doc, measurer, x, first.y + 1);
        REQUIRE(hit);
        CHECK(hit->offset == n - 1);
    }

    TEST_CASE("a justified, hyphenated layout in pieces is the layout in one go, and its lines come back the same") {
        const LoadResult loaded =
            load_article(test::read_file(AV_ASSETS_DIR "/articles/russie-munitions-nord-coreennes.json"), "seed.json");
        REQUIRE(loaded.ok());
        EveryThird h;
        LayoutParams params{320, 20, 0};
        params.justify = true;
        const TextServices services{nullptr, nullptr, &h};
        const DocumentLayout whole = layout_article(loaded.article, measurer, params, services);
        CHECK(whole.overflow_lines() == 0);
        LayoutBuild build(loaded.article, measurer, params, services);
        while (!build.step(3)) {
        }
        const DocumentLayout parts = build.take();
        const std::string text = layout_text(whole);
        CHECK(layout_text(parts) == text);
        CHECK(text.find(" hyphen") != std::string::npos);
        CHECK(text.find(" justified") != std::string::npos);
        // The first pass counted the lines that lines() lays out again.
        std::size_t lines = 0;
        for (std::size_t i = 0; i < whole.blocks.size(); ++i) lines += whole.lines(i).size();
        CHECK(lines == whole.line_count());
    }

    TEST_CASE("selecting across a hyphenated break copies the word whole, and find sees it whole") {
        auto r = load_article(R"({"format":"article/1","id":"t","title":"T","lang":"fr","blocks":[
            {"type":"paragraph","text":"Une situation particulièrement importante pour les négociations internationales."}]})",
                              "t.json");
        REQUIRE(r.ok());
        EveryThird h;
        LayoutParams p{800, 20, 0};
        p.justify = true;
        p.measure = 45;  // 450 px
        bool found_one = false;
        for (float viewport : {250.0f, 300.0f, 350.0f, 400.0f}) {
            p.viewport_width = viewport;
            const DocumentLayout doc = layout_article(r.article, measurer, p, TextServices{nullptr, nullptr, &h});
            const std::vector<Line>& lines = doc.lines(1);
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
                if (!lines[i].spans.back().hyphen) continue;
                found_one = true;
                // From the start of the cut word (after the line's last space) to the end of its
                // part on the next line (before that line's first space).
                const std::string t = text_of(lines[i]);
                const auto begin =
                    static_cast<std::uint32_t>(lines[i].offset + utf8::length(t.substr(0, t.rfind(' ') + 1)));
                const std::string next = text_of(lines[i + 1]);
                const auto end =
                    static_cast<std::uint32_t>(lines[i + 1].offset + utf8::length(next.substr(0, next.find(' '))));
                const std::string copied = text_between(r.article, 0, begin, 0, end);
                CHECK(copied.find('-') == std::string::npos);
                CHECK(copied.find(' ') == std::string::npos);
                CHECK(std::string(r.article.blocks[0].text[0].text).find(copied) != std::string::npos);
                CHECK(utf8::length(copied) >= 6);
                // The selection's rectangles: one on each line, none over the hyphen.
                const std::vector<Rect> rects = range_rects(doc, measurer, 0, begin, end);
                REQUIRE(rects.size() == 2);
                CHECK(rects[0].x + rects[0].w <= right_edge(lines[i]) - measurer.width("-", Face::serif, 20) + 0.01f);
            }
        }
        CHECK(found_one);
    }

    TEST_CASE("measure and line spacing set the column and the line height") {
        auto r = load_article(R"({"format":"article/1","id":"t","title":"T","blocks":[
            {"type":"paragraph","text":"Un deux trois quatre cinq six sept huit neuf dix onze douze treize."},
            {"type":"heading","level":2,"text":"Titre"}]})",
                              "t.json");
        REQUIRE(r.ok());
        auto doc_with = [&](int measure, float spacing, float viewport = 3000) {
            LayoutParams p{viewport, 20, 0};
            p.measure = measure;
            p.line_spacing = spacing;
            return layout_article(r.article, measurer, p);
        };
        // 10 px per character at size 20.
        CHECK(doc_with(45, 1.5f).column_width == doctest::Approx(450));
        CHECK(doc_with(90, 1.5f).column_width == doctest::Approx(900));
        CHECK(doc_with(200, 1.5f).column_width == doctest::Approx(900));  // kept within 45 to 90
        CHECK(doc_with(90, 1.5f, 400).column_width <= 400 - 32);          // still capped by the screen
        const DocumentLayout tight = doc_with(70, 1.2f), loose = doc_with(70, 2.0f);
        CHECK(tight.lines(1)[0].height == doctest::Approx(24));
        CHECK(loose.lines(1)[0].height == doctest::Approx(40));
        // A heading follows a third as much: compact, but not fixed.
        const float h_tight = tight.lines(2)[0].height, h_loose = loose.lines(2)[0].height;
        CHECK(h_loose > h_tight);
        CHECK(h_loose / h_tight < 40.0f / 24.0f);
        CHECK(loose.height > tight.height);
    }
}
