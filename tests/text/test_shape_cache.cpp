// ShapeCache (core/text/shape_cache.hpp) against HarfBuzz: shaping a paragraph word by word, through
// the cache, must give exactly the glyphs of shaping it whole (ids, clusters, advances, offsets),
// in every script the viewer shapes, with Debian's Noto fonts: Arabic joining, Urdu's Nastaliq,
// Indic reordering and conjuncts, Thai marks. tests/core/test_shape_cache.cpp has the rules.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/text/shape_cache.hpp"
#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

struct Script {
    const char* fixture;  // tests/scripts/NAME.json
    const char* font;     // in fonts-noto-core
    const char* script;
    bool rtl;
};

const Script scripts[] = {
    {"ar", "NotoNaskhArabic-Regular.ttf", "Arab", true},  {"fa", "NotoNaskhArabic-Regular.ttf", "Arab", true},
    {"ur", "NotoNastaliqUrdu-Regular.ttf", "Arab", true}, {"he", "NotoSansHebrew-Regular.ttf", "Hebr", true},
    {"hi", "NotoSansDevanagari-Regular.ttf", "Deva", false}, {"bn", "NotoSansBengali-Regular.ttf", "Beng", false},
    {"ta", "NotoSansTamil-Regular.ttf", "Taml", false},   {"th", "NotoSansThai-Regular.ttf", "Thai", false},
    {"symbols", "NotoSerif-Regular.ttf", "Latn", false},
};

av::ScriptTag tag_of(const char* s) {
    return (static_cast<av::ScriptTag>(static_cast<unsigned char>(s[0])) << 24) |
           (static_cast<av::ScriptTag>(static_cast<unsigned char>(s[1])) << 16) |
           (static_cast<av::ScriptTag>(static_cast<unsigned char>(s[2])) << 8) |
           static_cast<av::ScriptTag>(static_cast<unsigned char>(s[3]));
}

// The fixture's paragraphs and list items, each as one text.
std::vector<std::u32string> paragraphs_of(const std::string& name) {
    const std::string path = std::string(AV_SCRIPTS_DIR) + "/" + name + ".json";
    const av::LoadResult loaded = av::load_article(av::test::read_text(path), path);
    REQUIRE_MESSAGE(loaded.ok(), loaded.error);
    std::vector<std::u32string> out;
    auto add = [&](const av::Inline& text) {
        std::string utf8;
        for (const av::Run& r : text) utf8 += r.text;
        if (!utf8.empty()) out.push_back(av::test::u32(utf8));
    };
    for (const av::Block& b : loaded.article.blocks) {
        add(b.text);
        for (const av::Inline& item : b.items) add(item);
    }
    return out;
}

std::string describe(const std::vector<av::ShapedGlyph>& glyphs) {
    std::string s;
    for (const av::ShapedGlyph& g : glyphs)
        s += std::to_string(g.glyph) + "@" + std::to_string(g.cluster) + "+" + std::to_string(g.x_advance) + "(" +
             std::to_string(g.x_offset) + "," + std::to_string(g.y_offset) + ") ";
    return s;
}

void check_same(const std::vector<av::ShapedGlyph>& cached, const std::vector<av::ShapedGlyph>& whole, const std::string& where) {
    bool same = cached.size() == whole.size();
    for (std::size_t i = 0; same && i < whole.size(); ++i)
        same = cached[i].glyph == whole[i].glyph && cached[i].cluster == whole[i].cluster &&
               cached[i].x_advance == whole[i].x_advance && cached[i].y_advance == whole[i].y_advance &&
               cached[i].x_offset == whole[i].x_offset && cached[i].y_offset == whole[i].y_offset;
    if (!same) FAIL_CHECK(where << "\n  word by word: " << describe(cached) << "\n  whole:        " << describe(whole));
}

}  // namespace

TEST_CASE("ShapeCache: word by word, the glyphs HarfBuzz gives the whole paragraph") {
    for (const Script& s : scripts) {
        av::HbTextEngine engine;
        std::string error;
        const auto font = av::test::read_bytes(av::test::noto_dir + "/" + s.font);
        REQUIRE_MESSAGE(engine.add_font(1, font.data(), font.size(), error), s.font << ": " << error);
        av::ShapeCache cache;
        const std::vector<std::u32string> texts = paragraphs_of(s.fixture);
        REQUIRE(!texts.empty());
        std::vector<av::ShapedGlyph> whole, cached;
        std::vector<av::CharInfo> info;
        // Twice: the second time most words are found.
        for (int round = 0; round < 2; ++round) {
            for (std::size_t p = 0; p < texts.size(); ++p) {
                const std::u32string& text = texts[p];
                engine.analyze(text, s.rtl ? av::BaseDirection::rtl : av::BaseDirection::ltr, s.fixture, info);
                const std::string where = std::string(s.fixture) + " paragraph " + std::to_string(p);
                engine.shape(1, text, 0, text.size(), s.rtl, tag_of(s.script), s.fixture, whole);
                cache.shape(engine, 1, text, info, 0, text.size(), s.rtl, tag_of(s.script), s.fixture, cached);
                check_same(cached, whole, where);
                // A run that starts and ends inside words (a change of font or script does that):
                // its edges are shaped in their context.
                const std::size_t begin = text.size() / 5, end = text.size() - text.size() / 7;
                engine.shape(1, text, begin, end, s.rtl, tag_of(s.script), s.fixture, whole);
                cache.shape(engine, 1, text, info, begin, end, s.rtl, tag_of(s.script), s.fixture, cached);
                check_same(cached, whole, where + " from " + std::to_string(begin) + " to " + std::to_string(end));
            }
        }
        CHECK_MESSAGE(cache.stats().hits > cache.stats().misses, s.fixture);
    }
}

TEST_CASE("ShapeCache: a font added again is shaped with again") {
    av::HbTextEngine engine;
    std::string error;
    const auto naskh = av::test::read_bytes(av::test::noto_dir + "/NotoNaskhArabic-Regular.ttf");
    const auto kufi = av::test::read_bytes(av::test::noto_dir + "/NotoKufiArabic-Regular.ttf");
    REQUIRE(engine.add_font(1, naskh.data(), naskh.size(), error));
    const std::u32string text = av::test::u32("مكتبة المدينة");
    std::vector<av::CharInfo> info;
    engine.analyze(text, av::BaseDirection::rtl, "ar", info);
    av::ShapeCache cache;
    std::vector<av::ShapedGlyph> before, after, whole;
    cache.shape(engine, 1, text, info, 0, text.size(), true, tag_of("Arab"), "ar", before);
    // Font 1 is now another font: what was kept of the first is not used.
    REQUIRE(engine.add_font(1, kufi.data(), kufi.size(), error));
    cache.shape(engine, 1, text, info, 0, text.size(), true, tag_of("Arab"), "ar", after);
    engine.shape(1, text, 0, text.size(), true, tag_of("Arab"), "ar", whole);
    check_same(after, whole, "after the font changed");
    CHECK(describe(before) != describe(after));
    CHECK(cache.stats().hits == 0);
    // Removed: no glyph at all, as the engine answers.
    engine.remove_font(1);
    cache.shape(engine, 1, text, info, 0, text.size(), true, tag_of("Arab"), "ar", after);
    CHECK(after.empty());
}

TEST_CASE("ShapeCache: the end of a word is not the word") {
    av::HbTextEngine engine;
    std::string error;
    const auto naskh = av::test::read_bytes(av::test::noto_dir + "/NotoNaskhArabic-Regular.ttf");
    REQUIRE(engine.add_font(1, naskh.data(), naskh.size(), error));
    av::ShapeCache cache;
    std::vector<av::CharInfo> info;
    std::vector<av::ShapedGlyph> cached, whole;
    // "كتاب" alone, ending its paragraph: kept, its first letter in its initial form.
    const std::u32string alone = av::test::u32("الكتاب كتاب");
    engine.analyze(alone, av::BaseDirection::rtl, "ar", info);
    cache.shape(engine, 1, alone, info, 0, alone.size(), true, tag_of("Arab"), "ar", cached);
    // The same letters ending "الكتاب", as a run of their own (another font before them would
    // do that): joined to the lam before them, their first letter is medial.
    const std::u32string inside = av::test::u32("كتاب الكتاب");
    engine.analyze(inside, av::BaseDirection::rtl, "ar", info);
    const std::size_t begin = inside.size() - 4;
    cache.shape(engine, 1, inside, info, begin, inside.size(), true, tag_of("Arab"), "ar", cached);
    engine.shape(1, inside, begin, inside.size(), true, tag_of("Arab"), "ar", whole);
    check_same(cached, whole, "the end of a word");
    std::vector<av::ShapedGlyph> word;
    engine.shape(1, alone, alone.size() - 4, alone.size(), true, tag_of("Arab"), "ar", word);
    CHECK(describe(word) != describe(whole));  // else this test proves nothing
}
