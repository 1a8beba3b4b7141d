// Selecting from the keyboard (ui/keyboard_selection.hpp): each step in code points of the block's
// own text, words as a double click sees them, lines keeping their x, a line's start and end, and
// where a selection starts, on a layout made with a fixed-width measurer (every character 10 px).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../core/test_support.hpp"
#include "core/article_loader.hpp"
#include "core/reading_position.hpp"
#include "core/text_search.hpp"
#include "ui/keyboard_selection.hpp"

using namespace av;

namespace {

const char* const long_text =
    "Le chat d'Alice dort sur le rebord de la fen\xC3\xAAtre depuis le matin, et rien ne semble pouvoir le "
    "r\xC3\xA9veiller : ni le bruit de la rue, ni les oiseaux, ni le facteur qui sonne deux fois avant de "
    "repartir avec le paquet sous le bras.";

struct Fixture {
    test::FixedMeasurer measurer;
    Article article;
    DocumentLayout doc;
    Fixture() {
        const std::string para = std::string(R"({"type":"paragraph","text":")") + long_text + "\"}";
        const std::string json = R"({"format":"article/1","id":"k","title":"Titre","blocks":[)" + para +
                                 R"(,{"type":"image","src":"x.png","alt":"une image","width":10,"height":10},)" +
                                 R"({"type":"paragraph","text":"Fin \uD83C\uDDEB\uD83C\uDDF7 \u00e9t\u00e9."},)" +
                                 para + "]}";
        auto r = load_article(json, "k.json");
        REQUIRE(r.ok());
        article = std::move(r.article);
        LayoutParams params;
        params.viewport_width = 420;
        params.font_size = 20;
        doc = layout_article(article, measurer, params);
    }
    std::vector<const Line*> lines(int block) const {
        std::vector<const Line*> out;
        for (const Line& l : doc.lines(layout_index(doc, block)))
            if (!l.decor && !l.spans.empty()) out.push_back(&l);
        return out;
    }
    Caret move(Caret c, CaretMove m) const { return move_caret(article, doc, measurer, c, m); }
    std::string text(int block) const { return block_text(article.blocks[static_cast<std::size_t>(block)]); }
    std::u32string chars(int block) const {
        const std::string t = text(block);
        std::u32string out;
        for (std::size_t pos = 0; pos < t.size();) out += utf8::next(t, pos);
        return out;
    }
};

Caret at(int block, std::uint32_t offset) {
    return Caret{TextPos{block, offset}, false, std::nullopt};
}

}  // namespace

TEST_CASE("Shift+Right and Left step one code point, and cross from block to block as one step") {
    const Fixture f;
    CHECK(f.move(at(0, 0), CaretMove::char_next).pos == TextPos{0, 1});
    CHECK(f.move(at(0, 1), CaretMove::char_prev).pos == TextPos{0, 0});
    // "Fin 🇫🇷 été.": the flag is two code points, each a step; é is one. The text between any
    // two carets is whole UTF-8 (never a cut sequence).
    const std::string fin = f.text(2);
    Caret c = at(2, 0);
    std::vector<std::string> seen;
    for (int i = 0; i < 11; ++i) {
        c = f.move(c, CaretMove::char_next);
        seen.push_back(text_between(f.article, 2, 0, 2, c.pos.offset));
    }
    CHECK(seen[3] == "Fin ");
    CHECK(seen[4] == "Fin \xF0\x9F\x87\xAB");
    CHECK(seen[5] == "Fin \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7");
    CHECK(seen[7] == "Fin \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 \xC3\xA9");
    CHECK(seen[9] == fin.substr(0, fin.size() - 1));
    CHECK(seen[10] == fin);
    CHECK(utf8::find_invalid(seen[4]) == std::string::npos);
    // At the block's end, the next block with text (the picture between has none of its own).
    const auto length0 = static_cast<std::uint32_t>(utf8::length(f.text(0)));
    const Caret crossed = f.move(at(0, length0), CaretMove::char_next);
    CHECK(crossed.pos.block != 0);
    CHECK(crossed.pos.offset == 0);
    CHECK(f.move(crossed, CaretMove::char_prev).pos == TextPos{0, length0});
    // The ends of the article: no further.
    CHECK(f.move(at(0, 0), CaretMove::char_prev).pos == TextPos{0, 0});
    const auto length3 = static_cast<std::uint32_t>(utf8::length(f.text(3)));
    CHECK(f.move(at(3, length3), CaretMove::char_next).pos == TextPos{3, length3});
    // The header is not walked.
    CHECK(f.move(at(-1, 2), CaretMove::char_next).pos == TextPos{-1, 2});
}

TEST_CASE("Ctrl+Shift+Right and Left step by words as a double click sees them") {
    const Fixture f;
    // "Le chat d'Alice dort sur..."
    Caret c = at(0, 0);
    std::vector<std::uint32_t> ends;
    for (int i = 0; i < 4; ++i) ends.push_back((c = f.move(c, CaretMove::word_next)).pos.offset);
    CHECK(ends == std::vector<std::uint32_t>{2, 7, 15, 20});
    CHECK(f.move(at(0, 20), CaretMove::word_prev).pos.offset == 16);
    CHECK(f.move(at(0, 16), CaretMove::word_prev).pos.offset == 8);  // d'Alice is one word
    CHECK(f.move(at(0, 10), CaretMove::word_prev).pos.offset == 8);  // from inside a word, its start
    // The last word of "Fin 🇫🇷 été." then the block's end, then into the next block's first word.
    const auto fin = static_cast<std::uint32_t>(utf8::length(f.text(2)));
    CHECK(f.move(at(2, 7), CaretMove::word_next).pos == TextPos{2, fin - 1});
    CHECK(f.move(at(2, fin - 1), CaretMove::word_next).pos == TextPos{2, fin});
    CHECK(f.move(at(2, fin), CaretMove::word_next).pos == TextPos{3, 2});
    CHECK(f.move(at(3, 0), CaretMove::word_prev).pos == TextPos{2, 7});
}

TEST_CASE("Shift+Down and Up move by lines and keep the x; Home and End go to the line's start and end") {
    const Fixture f;
    const std::vector<const Line*> lines = f.lines(0);
    REQUIRE(lines.size() >= 3);
    // Every character is 10 px wide, lines are ragged: 5 characters in, 5 characters in below.
    Caret c = f.move(at(0, 5), CaretMove::line_down);
    CHECK(c.pos == TextPos{0, lines[1]->offset + 5});
    c = f.move(c, CaretMove::line_down);
    CHECK(c.pos == TextPos{0, lines[2]->offset + 5});
    c = f.move(c, CaretMove::line_up);
    c = f.move(c, CaretMove::line_up);
    CHECK(c.pos == TextPos{0, 5});
    // Up on the article's first line: its start.
    CHECK(f.move(at(0, 5), CaretMove::line_up).pos == TextPos{0, 0});

    // The end of a line is before the space it was broken at; its start is its first character.
    const Caret end = f.move(at(0, 3), CaretMove::line_end);
    CHECK(end.pos.offset + 1 == lines[1]->offset);
    CHECK(f.chars(0)[end.pos.offset] == U' ');
    CHECK(f.move(at(0, lines[1]->offset + 4), CaretMove::line_start).pos == TextPos{0, lines[1]->offset});
    CHECK(f.move(at(0, lines[1]->offset), CaretMove::line_end).pos.offset + 1 == lines[2]->offset);

    // Down from far right on the last line of block 0 to the short "Fin 🇫🇷 été." (clamped to its
    // end), then on to the next paragraph at the first x again.
    const Line& last = *lines.back();
    const std::uint32_t far = lines[1]->offset - 2;  // near the right of a full line
    Caret d = f.move(at(0, far), CaretMove::line_down);
    REQUIRE(d.goal_x);
    const float x = *d.goal_x;
    for (std::size_t i = 2; i < lines.size(); ++i) d = f.move(d, CaretMove::line_down);
    CHECK(d.pos.block == 0);
    CHECK(d.pos.offset >= last.offset);
    d = f.move(d, CaretMove::line_down);
    CHECK(d.pos.block == 2);
    CHECK(d.pos.offset == static_cast<std::uint32_t>(utf8::length(f.text(2))));
    d = f.move(d, CaretMove::line_down);
    CHECK(d.pos == TextPos{3, far});
    CHECK(d.goal_x == x);
    // Down on the article's last line: its end.
    const std::vector<const Line*> lines3 = f.lines(3);
    const Caret bottom = f.move(at(3, lines3.back()->offset + 1), CaretMove::line_down);
    CHECK(bottom.pos.offset == static_cast<std::uint32_t>(utf8::length(f.text(3))));
}

TEST_CASE("a keyboard selection starts at the first line fully in view, and its caret's box is on its line") {
    const Fixture f;
    // At the top: the header is not highlighted, so the first paragraph's first line.
    CHECK(keyboard_selection_start(f.doc, 0, 800) == TextPos{0, 0});
    const std::vector<const Line*> lines = f.lines(0);
    // A line cut by the view's top is not fully in view: the next one.
    CHECK(keyboard_selection_start(f.doc, lines[1]->y + 1, 800) == TextPos{0, lines[2]->offset});
    CHECK(keyboard_selection_start(f.doc, lines[1]->y, 800) == TextPos{0, lines[1]->offset});
    // Far below the article: none.
    CHECK_FALSE(keyboard_selection_start(f.doc, f.doc.height + 10, 800));

    const std::optional<Rect> r = caret_rect(f.doc, f.measurer, at(0, lines[1]->offset + 3));
    REQUIRE(r);
    CHECK(r->y == lines[1]->y);
    CHECK(r->h == lines[1]->height);
    CHECK(r->x == doctest::Approx(lines[1]->spans.front().x + 30));
}

TEST_CASE("a line broken without a space: End stays on its line, and Down from there goes to the next line") {
    test::FixedMeasurer measurer;
    // One word longer than the column: layout cuts it between characters.
    const std::string json = R"({"format":"article/1","id":"w","title":"T","blocks":[{"type":"paragraph","text":")" +
                             std::string(150, 'x') + R"("}]})";
    auto r = load_article(json, "w.json");
    REQUIRE(r.ok());
    LayoutParams params;
    params.viewport_width = 420;
    const DocumentLayout doc = layout_article(r.article, measurer, params);
    std::vector<const Line*> lines;
    for (const Line& l : doc.lines(layout_index(doc, 0)))
        if (!l.decor && !l.spans.empty()) lines.push_back(&l);
    REQUIRE(lines.size() >= 3);
    const Caret end = move_caret(r.article, doc, measurer, at(0, 2), CaretMove::line_end);
    CHECK(end.pos == TextPos{0, lines[1]->offset});
    CHECK(end.upstream);
    // Its box is at the end of the first line, not the start of the second.
    const std::optional<Rect> box = caret_rect(doc, measurer, end);
    REQUIRE(box);
    CHECK(box->y == lines[0]->y);
    // Home from there: the first line's start; Down: the second line's end.
    CHECK(move_caret(r.article, doc, measurer, end, CaretMove::line_start).pos == TextPos{0, 0});
    const Caret down = move_caret(r.article, doc, measurer, end, CaretMove::line_down);
    CHECK(down.pos == TextPos{0, lines[2]->offset});
    CHECK(down.upstream);
    CHECK(caret_rect(doc, measurer, down)->y == lines[1]->y);
}
