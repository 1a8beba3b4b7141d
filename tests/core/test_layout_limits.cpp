// Layout far down a long article (hardening issue, item 3): a file the loader accepts can be over
// 2^27 px tall (a million list items; a 16 MB paragraph at a narrow width). Positions were floats,
// which past 2^24 px round to 2, 4, 8 px: lines overlapped or left gaps, the page stopped growing,
// and a reading position no longer found its line. They are doubles now (DocY, core/layout.hpp).
#include <doctest/doctest.h>

#include <string>

#include "core/layout.hpp"
#include "core/reading_position.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

const test::FixedMeasurer measurer;

// 72 000 paragraphs of one word, then one paragraph of `words` words: at 199 px (a line box of
// 298.5 px, not a whole number: a float past 2^24 cannot hold it), the paragraphs end past 2^25
// px and the long one goes on past 2^26.
Article deep_article(std::size_t words) {
    Article a;
    a.id = "deep";
    a.lang = "en";
    a.title = "Deep";
    a.blocks.resize(72000);
    for (Block& b : a.blocks) {
        b.type = BlockType::paragraph;
        b.text = Inline{Run{"a"}};
    }
    Block last;
    last.type = BlockType::paragraph;
    std::string text;
    text.reserve(words * 2);
    for (std::size_t i = 0; i < words; ++i) text += "a ";
    last.text = Inline{Run{text}};
    a.blocks.push_back(std::move(last));
    return a;
}

}  // namespace

TEST_SUITE("layout at the limits") {
    TEST_CASE("every block and line is exactly where the ones before it put it, past 2^26 px") {
        const Article a = deep_article(480000);
        const DocumentLayout doc = layout_article(a, measurer, LayoutParams{400, 199, 0});
        REQUIRE(doc.params.font_size == 199);
        const DocY line = 199 * 1.5f;   // a line box
        const DocY gap = 199 * 0.9f;    // space before a paragraph (core/layout.cpp space_before)
        REQUIRE(doc.blocks.size() == 72002);
        CHECK(doc.blocks[72000].top > 33554432.0);  // 2^25: the one-line paragraphs end past it
        for (std::size_t i = 1; i < doc.blocks.size() - 1; ++i) {
            INFO("block ", i);
            REQUIRE(doc.blocks[i].top - doc.blocks[i - 1].bottom == gap);
            REQUIRE(doc.blocks[i].bottom - doc.blocks[i].top == line);
        }
        // The long paragraph: its lines follow each other exactly, down past 2^26 px.
        const std::size_t last = doc.blocks.size() - 1;
        const std::vector<Line>& lines = doc.lines(last);
        REQUIRE(lines.size() > 100000);
        CHECK(lines.front().y == doc.blocks[last].top);
        CHECK(lines.back().y > 67108864.0);  // 2^26
        for (std::size_t k = 1; k < lines.size(); ++k) {
            INFO("line ", k);
            REQUIRE(lines[k].y - lines[k - 1].y == line);
        }
        CHECK(doc.blocks[last].bottom == lines.back().y + line);
        CHECK(doc.height == doc.blocks[last].bottom + 4 * 199);

        // A reading position down there names its own line and scrolls back to it, line by line.
        for (std::size_t k = lines.size() - 50; k < lines.size(); ++k) {
            INFO("line ", k);
            const Anchor anchor = anchor_at(doc, lines[k].y);
            REQUIRE(anchor == Anchor{doc.blocks[last].block, lines[k].offset});
            REQUIRE(scroll_for(doc, anchor) == lines[k].y);
        }
        // And one in the short paragraphs past 2^25 px.
        const BlockLayout& deep = doc.blocks[71990];
        CHECK(anchor_at(doc, deep.top) == Anchor{deep.block, 0});
        CHECK(scroll_for(doc, Anchor{deep.block, 0}) == deep.top);
        CHECK(fraction_read(doc, doc.height - 800, 800) == 1.0);
    }
}
