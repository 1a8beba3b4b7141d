// Find and selection text: folding, matches as character ranges, copied text, words.
#include <doctest/doctest.h>

#include <string>

#include "core/article_loader.hpp"
#include "core/text_search.hpp"

using namespace av;

namespace {

Article seedlike() {
    auto r = load_article(R"({"format":"article/1","id":"t","title":"Russie : la Corée du Nord","blocks":[
        {"type":"paragraph","text":["La ",{"text":"CORÉE","bold":true}," du Nord et la coree du Sud."]},
        {"type":"sponsored","title":"Pub sur la Corée"},
        {"type":"paragraph","text":"Au cœur de l’Œuvre, Straße et ÉTÉ."},
        {"type":"list","items":["un","deux"]}]})", "t.json");
    REQUIRE(r.ok());
    return r.article;
}

}  // namespace

TEST_CASE("folding drops case and accents, keeps a map to the original characters") {
    const FoldedText f = fold("Corée Œuvre Straße ÉTÉ ё");
    CHECK(f.text == U"coree oeuvre strasse ete е");
    CHECK(f.origin.size() == f.text.size());
    CHECK(f.origin[6] == 6);   // 'o' of "oe" comes from Œ (character 6)
    CHECK(f.origin[7] == 6);   // ... and so does 'e'
    CHECK(fold("e\xCC\x81").text == U"e");  // e + combining acute
    CHECK(fold("l’ONU").text == U"l'onu");
    CHECK(fold("ΑΘΗΝΑ Москва").text == U"αθηνα москва");
}

TEST_CASE("find is case- and accent-insensitive, in reading order, header first") {
    const Article a = seedlike();
    const auto matches = find_all(a, "coree");
    REQUIRE(matches.size() == 4);
    CHECK(matches[0] == TextRange{-1, 12, 17});  // title "la Corée"
    CHECK(matches[1] == TextRange{0, 3, 8});     // "CORÉE" across a bold run
    CHECK(matches[2] == TextRange{0, 23, 28});
    CHECK(matches[3] == TextRange{1, 11, 16});   // sponsored blocks are searched too
    CHECK(find_all(a, "  Corée ").size() == 4);
    CHECK(find_all(a, "coeur") == std::vector<TextRange>{TextRange{2, 3, 7}});
    CHECK(find_all(a, "l'oeuvre").size() == 1);
    CHECK(find_all(a, "strasse").size() == 1);
    CHECK(find_all(a, "").empty());
    CHECK(find_all(a, "   ").empty());
    CHECK(find_all(a, "xyz").empty());
    CHECK(find_all(a, "e", 3).size() == 3);
}

TEST_CASE("text between two places, across blocks") {
    const Article a = seedlike();
    CHECK(text_between(a, 0, 3, 0, 8) == "CORÉE");
    CHECK(text_between(a, 0, 23, 2, 7) == "coree du Sud.\n\nPub sur la Corée\n\nAu cœur");
    CHECK(text_between(a, 3, 0, 3, 100) == "undeux");
    CHECK(text_between(a, -1, 0, -1, 6) == "Russie");
    CHECK(text_between(a, 2, 5, 1, 0).empty());
}

TEST_CASE("the word under a character") {
    const std::string t = "Au cœur de l’Œuvre, nord-coréennes !";
    CHECK(word_at(t, 4) == std::pair<std::uint32_t, std::uint32_t>{3, 7});    // cœur
    CHECK(word_at(t, 12) == std::pair<std::uint32_t, std::uint32_t>{11, 18}); // l’Œuvre
    CHECK(word_at(t, 22) == std::pair<std::uint32_t, std::uint32_t>{20, 34}); // nord-coréennes
    CHECK(word_at(t, 2) == std::pair<std::uint32_t, std::uint32_t>{2, 3});    // a space: itself
    CHECK(word_at(t, 999) == std::pair<std::uint32_t, std::uint32_t>{999, 36});
}

#include "core/layout.hpp"
#include "core/text_geometry.hpp"
#include "test_support.hpp"

TEST_CASE("rectangles of a range and the character under a point") {
    const Article a = seedlike();
    const test::FixedMeasurer m;
    const DocumentLayout doc = layout_article(a, m, LayoutParams{3000, 20, 0});
    // "CORÉE" is bold (12 px a character), after "La " (3 x 10 px).
    const auto rects = range_rects(doc, m, 0, 3, 8);
    REQUIRE(rects.size() == 1);
    const std::vector<Line>& b_lines = doc.lines(1);
    CHECK(rects[0].x == doctest::Approx(doc.column_x + 30));
    CHECK(rects[0].w == doctest::Approx(60));
    CHECK(rects[0].y == b_lines[0].y);
    // Back from a point in the middle of the "É" (x + 30 + 3.5 characters of 12 px).
    auto pos = hit_test(doc, m, doc.column_x + 30 + 42 + 1, b_lines[0].y + 5);
    REQUIRE(pos);
    CHECK(*pos == TextPos{0, 7});
    // Above everything: the title's first character boundary.
    pos = hit_test(doc, m, 0, -100);
    REQUIRE(pos);
    CHECK(pos->block == -1);
    // The sponsored label is not the block's text: its line is skipped.
    const auto ad = range_rects(doc, m, 1, 0, 3);
    REQUIRE(ad.size() == 1);
    CHECK(ad[0].y > doc.lines(2)[0].y);
}

TEST_CASE("a point below blocks without text lines finds the text before them") {
    // A picture without caption, then a paragraph of blanks, last: a drag that goes below the
    // article must still reach the end of its last text (it found nothing: the selection stopped).
    auto r = load_article(R"({"format":"article/1","id":"t","title":"T","blocks":[
        {"type":"paragraph","text":"Un deux trois."},
        {"type":"image","src":"pic.png","alt":"","width":640,"height":4800},
        {"type":"paragraph","text":"   "}]})", "t.json");
    REQUIRE(r.ok());
    const test::FixedMeasurer m;
    const DocumentLayout doc = layout_article(r.article, m, LayoutParams{800, 20, 0});
    const auto pos = hit_test(doc, m, doc.column_x + doc.column_width, doc.height + 50);
    REQUIRE(pos);
    CHECK(*pos == TextPos{0, 14});
    // Inside the picture, far from both: still the paragraph before it.
    const auto inside = hit_test(doc, m, doc.column_x, doc.blocks[2].top + 2000);
    REQUIRE(inside);
    CHECK(inside->block == 0);
}
