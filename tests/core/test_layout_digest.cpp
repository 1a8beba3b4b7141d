// core/layout_digest.hpp: the fingerprint the browser tests compare between the web and desktop
// builds must see every difference a reader could, and nothing else.
#include <doctest/doctest.h>

#include <string>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/layout_digest.hpp"
#include "fake_text_engine.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

const test::FixedMeasurer measurer;
const test::FakeTextEngine engine;
const FontCatalog catalog = test::fake_catalog();

Article load(const std::string& json) {
    LoadResult r = load_article(json, "t.json");
    REQUIRE_MESSAGE(r.ok(), r.error);
    return std::move(r.article);
}

const char* const hebrew = R"({"format":"article/1","id":"x","lang":"he","title":"t","blocks":[
    {"type":"paragraph","text":"\u05D0\u05D1 ab \u05D2\u05D3 cd \u05D4\u05D5 ef"},
    {"type":"paragraph","text":"plain Latin words"}]})";

}  // namespace

TEST_SUITE("layout digest") {
    TEST_CASE("the same layout gives the same digest, also after its lines were released") {
        const Article a = load(hebrew);
        const DocumentLayout doc = layout_article(a, measurer, LayoutParams{800, 20, 0}, {&engine, &catalog});
        const std::string first = layout_digest(doc);
        CHECK(first.size() == 16);
        CHECK(first.find_first_not_of("0123456789abcdef") == std::string::npos);
        doc.release_lines_outside(0, 0);
        CHECK(layout_digest(doc) == first);
        CHECK(layout_digest(layout_article(a, measurer, LayoutParams{800, 20, 0}, {&engine, &catalog})) == first);
    }

    TEST_CASE("a different width, size, text, path or glyph changes it") {
        const Article a = load(hebrew);
        const std::string base = layout_digest(layout_article(a, measurer, LayoutParams{800, 20, 0}, {&engine, &catalog}));
        CHECK(layout_digest(layout_article(a, measurer, LayoutParams{801, 20, 0}, {&engine, &catalog})) != base);
        CHECK(layout_digest(layout_article(a, measurer, LayoutParams{800, 21, 0}, {&engine, &catalog})) != base);
        // Without an engine the Hebrew paragraph takes the simple path: not what the engine draws.
        CHECK(layout_digest(layout_article(a, measurer, LayoutParams{800, 20, 0})) != base);
        Article b = load(hebrew);
        b.blocks[1].text[0].text = "plain Latin word";
        CHECK(layout_digest(layout_article(b, measurer, LayoutParams{800, 20, 0}, {&engine, &catalog})) != base);
        // A glyph's place moved by a sixteenth of a pixel, or another glyph id.
        DocumentLayout doc = layout_article(a, measurer, LayoutParams{800, 20, 0}, {&engine, &catalog});
        Glyph* glyph = nullptr;
        for (const Line& l : doc.lines(1))
            for (const Span& s : l.spans)
                if (!s.glyphs.empty() && !glyph) glyph = const_cast<Glyph*>(&s.glyphs.front());
        REQUIRE(glyph);
        glyph->x += 1.0f / 16;
        const std::string moved = layout_digest(doc);
        CHECK(moved != base);
        glyph->x -= 1.0f / 16;
        CHECK(layout_digest(doc) == base);
        glyph->id += 1;
        CHECK(layout_digest(doc) != base);
    }
}
