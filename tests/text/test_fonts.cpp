// Fonts in the engine: loading (and refusing what is not a font), metrics, cmap lookups, removal,
// and colour glyphs of Noto Color Emoji (CBDT).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

std::vector<std::uint8_t> noto(const char* file) { return av::test::read_bytes(av::test::noto_dir + "/" + file); }

}  // namespace

TEST_CASE("Fonts: what is not a font is refused with a reason") {
    av::HbTextEngine engine;
    std::string error;
    const std::vector<std::uint8_t> junk = {'n', 'o', 't', ' ', 'a', ' ', 'f', 'o', 'n', 't', 0, 1, 2, 3};
    CHECK_FALSE(engine.add_font(1, junk.data(), junk.size(), error));
    CHECK(error == "not an OpenType or TrueType font (no sfnt header)");
    CHECK_FALSE(engine.add_font(1, nullptr, 0, error));
    CHECK(error == "the font file is empty");
    // An sfnt header with no tables.
    const std::vector<std::uint8_t> empty_sfnt = {0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    CHECK_FALSE(engine.add_font(1, empty_sfnt.data(), empty_sfnt.size(), error));
    CHECK(error == "the font has no 'head' table");
    const auto sans = noto("NotoSans-Regular.ttf");
    CHECK_FALSE(engine.add_font(av::no_font, sans.data(), sans.size(), error));
    CHECK_FALSE(engine.add_font(1, sans.data(), sans.size(), error, 3));
    CHECK(error == "face 3 asked of a file with 1 face(s)");
    // Truncated: the tables are cut off; HarfBuzz sanitises each table, so nothing is read out of bounds.
    CHECK_FALSE(engine.add_font(1, sans.data(), 200, error));
    CHECK(engine.metrics(1).units_per_em == 0);
}

TEST_CASE("Fonts: metrics, cmap, removal") {
    av::HbTextEngine engine;
    std::string error;
    {
        const auto sans = noto("NotoSans-Regular.ttf");
        REQUIRE(engine.add_font(1, sans.data(), sans.size(), error));
    }  // the engine keeps its own copy of the bytes
    const av::FontMetrics m = engine.metrics(1);
    CHECK(m.units_per_em == 1000);
    CHECK(m.ascender == 1069);   // hhea
    CHECK(m.descender == -293);
    CHECK(m.glyph_count > 3000);
    CHECK_FALSE(m.color);
    CHECK(engine.has_char(1, U'A'));
    CHECK(engine.has_char(1, U'é'));
    CHECK_FALSE(engine.has_char(1, U'ب'));
    CHECK_FALSE(engine.has_char(1, static_cast<char32_t>(0xD800)));
    CHECK_FALSE(engine.has_char(1, static_cast<char32_t>(0x110000)));
    CHECK_FALSE(engine.has_char(2, U'A'));  // not loaded

    std::vector<av::ShapedGlyph> glyphs;
    engine.shape(1, U"AV", 0, 2, false, av::script_tag("Latn"), "en", glyphs);
    REQUIRE(glyphs.size() == 2);
    CHECK(glyphs[0].x_advance + glyphs[1].x_advance < 2 * 639);  // kerned (A and V are 639 wide)

    const auto cjk = av::test::read_bytes(av::test::cjk_font);
    REQUIRE(engine.add_font(1, cjk.data(), cjk.size(), error, 1));  // replaces font 1: a face of a collection
    CHECK(engine.has_char(1, U'漢'));
    engine.remove_font(1);
    CHECK(engine.metrics(1).units_per_em == 0);
    engine.shape(1, U"AV", 0, 2, false, av::script_tag("Latn"), "en", glyphs);
    CHECK(glyphs.empty());
}

TEST_CASE("Colour glyphs: Noto Color Emoji's PNG, decoded") {
    av::HbTextEngine engine;
    std::string error;
    const auto emoji = noto("NotoColorEmoji.ttf");
    REQUIRE(engine.add_font(5, emoji.data(), emoji.size(), error));
    CHECK(engine.metrics(5).color);
    CHECK(engine.metrics(5).units_per_em == 2048);

    std::vector<av::ShapedGlyph> glyphs;
    engine.shape(5, U"😀", 0, 1, false, av::script_tag("Zyyy"), "und", glyphs);
    REQUIRE(glyphs.size() == 1);
    av::TextEngine::ColorGlyph g;
    REQUIRE(engine.color_glyph(5, glyphs[0].glyph, g));
    MESSAGE("😀: " << g.width << "x" << g.height << " at (" << g.left << ", " << g.top << "), ppem " << g.ppem);
    CHECK(g.ppem == 109);  // the font's one strike
    CHECK(g.width == 136);
    CHECK(g.height == 128);
    REQUIRE(g.rgba.size() == static_cast<std::size_t>(g.width * g.height * 4));
    // Placed on the baseline like text: the top above it, the bottom a little below it.
    CHECK(g.left >= 0);
    CHECK(g.top > 80);
    CHECK(g.top - static_cast<float>(g.height) < 0);
    // A yellow face on a transparent background.
    std::size_t opaque = 0, transparent = 0;
    double r = 0, gr = 0, b = 0;
    for (std::size_t i = 0; i < g.rgba.size(); i += 4) {
        if (g.rgba[i + 3] == 0) ++transparent;
        if (g.rgba[i + 3] == 255) {
            ++opaque;
            r += g.rgba[i];
            gr += g.rgba[i + 1];
            b += g.rgba[i + 2];
        }
    }
    const auto pixels = static_cast<std::size_t>(g.width * g.height);
    CHECK(opaque > pixels / 3);
    CHECK(transparent > pixels / 10);
    CHECK(r / static_cast<double>(opaque) > 180);
    CHECK(gr / static_cast<double>(opaque) > 120);
    CHECK(b / static_cast<double>(opaque) < 100);

    // Glyphs with no image, fonts with no colour, unknown fonts.
    av::TextEngine::ColorGlyph none;
    CHECK_FALSE(engine.color_glyph(5, 0xFFFFFF, none));
    CHECK_FALSE(engine.color_glyph(6, glyphs[0].glyph, none));
    const auto sans = noto("NotoSans-Regular.ttf");
    REQUIRE(engine.add_font(6, sans.data(), sans.size(), error));
    CHECK_FALSE(engine.color_glyph(6, 36, none));
}
