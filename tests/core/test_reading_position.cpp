// Reading position: lines carry stable character offsets, and an anchor finds the same line
// again after any relayout.
#include <doctest/doctest.h>

#include <string>

#include "core/article_loader.hpp"
#include "core/reading_position.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

const test::FixedMeasurer measurer;

Article sample() {
    std::string blocks;
    for (int i = 0; i < 30; ++i) {
        if (i) blocks += ",";
        blocks += R"({"type":"paragraph","id":"p)" + std::to_string(i) +
                  R"(","text":["Un paragraphe assez long pour tenir sur ", {"text":"plusieurs lignes","bold":true}, " dans une colonne étroite, numéro )" +
                  std::to_string(i) + R"(."]})";
    }
    auto r = load_article(R"({"format":"article/1","id":"t","title":"Titre","blocks":[)" + blocks + "]}", "t.json");
    REQUIRE(r.ok());
    return r.article;
}

}  // namespace

TEST_CASE("line offsets count characters from the start of the block") {
    const Article a = sample();
    for (float width : {200.0f, 500.0f, 1200.0f}) {
        const DocumentLayout doc = layout_article(a, measurer, LayoutParams{width, 20, 0});
        const std::vector<Line>& lines = doc.lines(1);
        REQUIRE(lines.size() >= 1);
        CHECK(lines[0].offset == 0);
        for (std::size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].offset > lines[i - 1].offset);
        // The offset of a line is where its first word starts in the source text.
        const std::string text = plain_text(a.blocks[0].text);
        for (const Line& l : lines) {
            std::size_t pos = 0;
            for (std::uint32_t n = 0; n < l.offset; ++n) utf8::next(text, pos);
            CHECK(text.compare(pos, l.spans[0].text.size(), l.spans[0].text) == 0);
        }
    }
}

TEST_CASE("anchor round trip: every line is found again") {
    const Article a = sample();
    const DocumentLayout doc = layout_article(a, measurer, LayoutParams{400, 20, 0});
    for (std::size_t i = 0; i < doc.blocks.size(); ++i)
        for (const Line& l : doc.lines(i)) {
            const Anchor anchor{doc.blocks[i].block, l.offset};
            CHECK(anchor_at(doc, scroll_for(doc, anchor)) == anchor);
        }
    CHECK(anchor_at(doc, 0) == Anchor{});
    CHECK(scroll_for(doc, Anchor{}) == 0);
}

TEST_CASE("the same text stays at the top across widths and sizes") {
    const Article a = sample();
    const DocumentLayout wide = layout_article(a, measurer, LayoutParams{1280, 20, 0});
    const Anchor anchor = anchor_at(wide, wide.height / 2);
    REQUIRE(anchor.block > 0);
    for (const LayoutParams& p : {LayoutParams{390, 20, 0}, LayoutParams{1280, 34, 0}, LayoutParams{700, 12, 0}}) {
        const DocumentLayout other = layout_article(a, measurer, p);
        const Anchor found = anchor_at(other, scroll_for(other, anchor));
        CHECK(found.block == anchor.block);
        // The top line now starts at or before the anchored character, within one line of text.
        CHECK(found.offset <= anchor.offset);
        std::uint32_t next_line = 0xFFFFFFFF;
        for (const Line& l : other.lines(layout_index(other, anchor.block)))
            if (l.offset > found.offset) {
                next_line = l.offset;
                break;
            }
        CHECK(anchor.offset < next_line);
    }
}

TEST_CASE("anchors to blocks that are gone land on the nearest block") {
    const Article a = sample();
    const DocumentLayout doc = layout_article(a, measurer, LayoutParams{400, 20, 0});
    CHECK(scroll_for(doc, Anchor{1000, 0}) == doc.blocks.back().top);
    CHECK(scroll_for(doc, Anchor{3, 100000}) == doc.lines(layout_index(doc, 3)).back().y);
}

TEST_CASE("fraction read and block ids") {
    const Article a = sample();
    const DocumentLayout doc = layout_article(a, measurer, LayoutParams{400, 20, 0});
    CHECK(fraction_read(doc, 0, 800) == 0);
    CHECK(fraction_read(doc, doc.height, 800) == 1);
    CHECK(fraction_read(doc, (doc.height - 800) / 2, 800) == doctest::Approx(0.5));
    CHECK(fraction_read(doc, 0, doc.height + 10) == 1);  // all of it fits
    CHECK(find_block(a, "p7") == 7);
    CHECK(find_block(a, "nope") == -1);
    CHECK(find_block(a, "") == -1);
}

TEST_CASE("the URL's own fragment never overrides the saved line; a link elsewhere does") {
    auto r = load_article(R"({"format":"article/1","id":"t","title":"Titre","blocks":[
        {"type":"paragraph","text":"Avant tout identifiant."},
        {"type":"paragraph","id":"p1","text":"Premier."},
        {"type":"sponsored","title":"Un bloc sponsorisé sans identifiant"},
        {"type":"paragraph","text":"Encore sans identifiant."},
        {"type":"heading","level":2,"id":"h","text":"Section"},
        {"type":"paragraph","id":"p2","text":"Suite."}]})", "t.json");
    REQUIRE(r.ok());
    const Article& a = r.article;
    CHECK(place_id(a, -1) == "");
    CHECK(place_id(a, 0) == "");
    CHECK(place_id(a, 1) == "p1");
    CHECK(place_id(a, 2) == "p1");  // no id: the nearest earlier block's
    CHECK(place_id(a, 3) == "p1");
    CHECK(place_id(a, 4) == "h");
    CHECK(place_id(a, 99) == "p2");

    const Anchor in_sponsored{2, 12};
    CHECK_FALSE(deep_link_wins(a, "p1", &in_sponsored));  // the fragment written for block 2: a reload
    const Anchor in_p1{1, 4};
    CHECK_FALSE(deep_link_wins(a, "p1", &in_p1));
    const Anchor after{3, 5};
    CHECK_FALSE(deep_link_wins(a, "p1", &after));
    CHECK(deep_link_wins(a, "h", &in_sponsored));  // a link to another block
    CHECK(deep_link_wins(a, "p2", &in_p1));
    const Anchor later{5, 3};
    CHECK(deep_link_wins(a, "p1", &later));  // back to an earlier block
    CHECK(deep_link_wins(a, "p1", nullptr));  // nothing saved
    CHECK_FALSE(deep_link_wins(a, "", &in_p1));
    CHECK_FALSE(deep_link_wins(a, "nope", nullptr));  // an unknown id moves nobody
    const Anchor top{-1, 0};
    CHECK(deep_link_wins(a, "p1", &top));
}
