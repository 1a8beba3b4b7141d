// ShapeCache (core/text/shape_cache.hpp) over the fake engine: where runs are cut into words, what
// is remembered and what is not, the order of right-to-left runs, and forgetting when the fonts
// change. tests/text/test_shape_cache.cpp compares it with HarfBuzz on real text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/shape_cache.hpp"
#include "fake_text_engine.hpp"

namespace av {
namespace {

// The fake engine whose fonts change when the test says so.
class ChangingEngine : public test::FakeTextEngine {
public:
    std::uint64_t font_generation() const override { return generation; }
    std::uint64_t generation = 0;
};

// An engine that puts every glyph's cluster at 0, wherever the run is.
class WrongClusters : public test::FakeTextEngine {
public:
    void shape(FontId font, std::u32string_view t, std::size_t begin, std::size_t end, bool rtl, ScriptTag script,
               std::string_view lang, std::vector<ShapedGlyph>& out) const override {
        FakeTextEngine::shape(font, t, begin, end, rtl, script, lang, out);
        for (ShapedGlyph& g : out) g.cluster = 0;
    }
};

std::vector<CharInfo> analyzed(const TextEngine& engine, std::u32string_view text) {
    std::vector<CharInfo> info;
    engine.analyze(text, BaseDirection::auto_ltr, "he", info);
    return info;
}

bool same(const std::vector<ShapedGlyph>& a, const std::vector<ShapedGlyph>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].glyph != b[i].glyph || a[i].cluster != b[i].cluster || a[i].x_advance != b[i].x_advance ||
            a[i].x_offset != b[i].x_offset || a[i].y_offset != b[i].y_offset)
            return false;
    return true;
}

const ScriptTag hebr = script_tag("Hebr");

TEST_CASE("ShapeCache: what it does not remember") {
    SUBCASE("an empty or backwards run gives no glyph and asks nothing") {
        const test::FakeTextEngine engine;
        ShapeCache cache;
        const std::u32string text = U"שלום עולם";
        const auto info = analyzed(engine, text);
        std::vector<ShapedGlyph> out{ShapedGlyph{}};
        cache.shape(engine, 0, text, info, 4, 4, true, hebr, "he", out);
        CHECK(out.empty());
        cache.shape(engine, 0, text, info, 6, 2, true, hebr, "he", out);
        CHECK(out.empty());
        CHECK(engine.shapes == 0);
        CHECK(cache.words() == 0);
    }
    SUBCASE("a run that starts or ends inside a word: that piece is shaped with its context, each time") {
        const test::FakeTextEngine engine;
        ShapeCache cache;
        const std::u32string text = U"שלום עולם טוב";
        const auto info = analyzed(engine, text);
        std::vector<ShapedGlyph> out, whole;
        for (int round = 0; round < 2; ++round) cache.shape(engine, 0, text, info, 2, 11, true, hebr, "he", out);
        engine.shape(0, text, 2, 11, true, hebr, "he", whole);
        CHECK(same(out, whole));
        // "ום " and "טו" are cut off from their words; "עולם " is whole and found the second time.
        CHECK(cache.stats().uncached == 4);
        CHECK(cache.stats().misses == 1);
        CHECK(cache.stats().hits == 1);
    }
    SUBCASE("a word longer than max_word_length") {
        const test::FakeTextEngine engine;
        ShapeCache cache;
        const std::u32string text = std::u32string(ShapeCache::max_word_length + 1, U'ש') + U" א";
        const auto info = analyzed(engine, text);
        std::vector<ShapedGlyph> out;
        cache.shape(engine, 0, text, info, 0, text.size(), true, hebr, "he", out);
        CHECK(out.size() == text.size());
        CHECK(cache.stats().uncached == 1);
        CHECK(cache.words() == 1);  // "א" alone
    }
    SUBCASE("an engine whose clusters fall outside the word") {
        const WrongClusters engine;
        ShapeCache cache;
        const std::u32string text = U"שלום עולם";
        const auto info = analyzed(engine, text);
        std::vector<ShapedGlyph> out;
        cache.shape(engine, 0, text, info, 0, text.size(), true, hebr, "he", out);
        CHECK(out.size() == text.size());
        // The first word's clusters (0) are inside it: kept. The second's are not: shaped each time.
        CHECK(cache.words() == 1);
        CHECK(cache.stats().uncached == 1);
    }
}

TEST_CASE("ShapeCache: the engine's glyphs, word by word") {
    const test::FakeTextEngine engine;
    ShapeCache cache;
    const std::u32string text = U"שלום עולם, שלום לכם, שלום לכם. שלום";
    const auto info = analyzed(engine, text);
    for (const bool rtl : {true, false}) {
        std::vector<ShapedGlyph> whole, cached;
        engine.shape(0, text, 0, text.size(), rtl, hebr, "he", whole);
        cache.shape(engine, 0, text, info, 0, text.size(), rtl, hebr, "he", cached);
        CHECK_MESSAGE(same(cached, whole), "rtl " << rtl);
    }
    // Each direction: "שלום " is found the second time in the middle; the first starts the
    // paragraph and the last ends it (HarfBuzz's paragraph flags): words of their own.
    CHECK(cache.stats().misses == 12);
    CHECK(cache.stats().hits == 2);

    SUBCASE("a mark after a space stays with the space's cluster") {
        const std::u32string marked = U"שלום \u05B0עולם";
        const auto marked_info = analyzed(engine, marked);
        ShapeCache c;
        std::vector<ShapedGlyph> out, whole;
        const int before = engine.shapes;
        c.shape(engine, 0, marked, marked_info, 0, marked.size(), true, hebr, "he", out);
        engine.shape(0, marked, 0, marked.size(), true, hebr, "he", whole);
        CHECK(same(out, whole));
        CHECK(engine.shapes - before == 2);  // one piece, and the comparison
    }
    SUBCASE("the font, direction, language and script are part of the word") {
        ShapeCache c;
        const std::u32string word = U"שלום ";
        const auto word_info = analyzed(engine, word);
        std::vector<ShapedGlyph> out;
        c.shape(engine, 0, word, word_info, 0, 5, true, hebr, "he", out);
        c.shape(engine, 1, word, word_info, 0, 5, true, hebr, "he", out);
        c.shape(engine, 0, word, word_info, 0, 5, false, hebr, "he", out);
        c.shape(engine, 0, word, word_info, 0, 5, true, hebr, "yi", out);
        c.shape(engine, 0, word, word_info, 0, 5, true, script_tag("Latn"), "he", out);
        CHECK(c.words() == 5);
        c.shape(engine, 0, word, word_info, 0, 5, true, hebr, "he", out);
        CHECK(c.stats().hits == 1);
    }
}

TEST_CASE("ShapeCache: new fonts, new shapes") {
    ChangingEngine engine;
    ShapeCache cache;
    const std::u32string text = U"שלום שלום";
    const auto info = analyzed(engine, text);
    std::vector<ShapedGlyph> out;
    cache.shape(engine, 0, text, info, 0, text.size(), true, hebr, "he", out);
    CHECK(cache.words() == 2);
    engine.generation = 1;
    const int before = engine.shapes;
    cache.shape(engine, 0, text, info, 0, text.size(), true, hebr, "he", out);
    CHECK(engine.shapes - before == 2);
    CHECK(cache.stats().hits == 0);
    // Another engine: its fonts are others.
    const ChangingEngine other;
    cache.shape(other, 0, text, info, 0, text.size(), true, hebr, "he", out);
    CHECK(other.shapes == 2);
}

TEST_CASE("ShapeCache: it starts again past max_glyphs") {
    const test::FakeTextEngine engine;
    ShapeCache cache;
    std::vector<ShapedGlyph> out;
    // Words of max_word_length letters (and a space): a glyph each.
    const std::size_t per_word = ShapeCache::max_word_length;
    const std::size_t words = ShapeCache::max_glyphs / per_word + 1;
    std::u32string text;
    for (std::size_t n = 0; n < words; ++n) {
        text.assign(per_word - 1, U'א');
        for (std::size_t k = n, at = 0; at < per_word - 1; k /= 27, ++at) text[at] = static_cast<char32_t>(0x05D0 + k % 27);
        text += U' ';
        const auto info = analyzed(engine, text);
        cache.shape(engine, 0, text, info, 0, text.size(), true, hebr, "he", out);
    }
    CHECK(cache.stats().misses == words);
    CHECK(cache.words() == 1);  // emptied when the last word would have passed max_glyphs
}

TEST_CASE("ShapeCache: it starts again past max_words") {
    const test::FakeTextEngine engine;
    ShapeCache cache;
    std::vector<ShapedGlyph> out;
    std::u32string text;
    for (std::size_t n = 0; n <= ShapeCache::max_words; ++n) {
        text.clear();
        for (std::size_t k = n; k > 0 || text.empty(); k /= 27) text += static_cast<char32_t>(0x05D0 + k % 27);
        text += U' ';
        const auto info = analyzed(engine, text);
        cache.shape(engine, 0, text, info, 0, text.size(), true, hebr, "he", out);
        CHECK(cache.words() <= ShapeCache::max_words);
    }
    CHECK(cache.words() == 1);
    CHECK(cache.stats().misses == ShapeCache::max_words + 1);
}

}  // namespace
}  // namespace av
