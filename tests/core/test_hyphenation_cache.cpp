// The cache around a hyphenator (core/text/hyphenation_cache.hpp): the same points as the
// hyphenator it wraps, each (language, word) asked of it once, forgotten at a reset; and a
// justified article laid out through it gives the very lines it gives without.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/layout_digest.hpp"
#include "core/text/hyphenation_cache.hpp"
#include "test_support.hpp"

using namespace av;

namespace {

// A cut after every third letter, a different one per language; counts what it is asked.
struct Counting : Hyphenator {
    mutable std::map<std::u32string, int> asked;
    void hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const override {
        ++asked[std::u32string(lang.begin(), lang.end()) + U"|" + std::u32string(word)];
        const std::uint32_t step = lang == "fr" ? 3 : 4;
        for (std::uint32_t i = step; i < word.size(); i += step) out.push_back(i);
    }
    int total() const {
        int n = 0;
        for (const auto& [key, count] : asked) n += count;
        return n;
    }
};

std::vector<std::uint32_t> ask(const Hyphenator& h, std::string_view lang, std::u32string_view word) {
    std::vector<std::uint32_t> out{99};  // points are appended, as the interface says
    h.hyphenate(lang, word, out);
    return out;
}

}  // namespace

TEST_SUITE("hyphenation cache") {
    TEST_CASE("no hyphenator: no points") {
        const HyphenationCache cache;
        CHECK(ask(cache, "fr", U"extraordinaire") == std::vector<std::uint32_t>{99});
        CHECK(cache.size() == 0);
    }

    TEST_CASE("the wrapped hyphenator's points, each word asked once per language") {
        Counting inner;
        HyphenationCache cache(&inner);
        const auto first = ask(cache, "fr", U"extraordinaire");
        CHECK(first == std::vector<std::uint32_t>{99, 3, 6, 9, 12});
        CHECK(ask(cache, "fr", U"extraordinaire") == first);
        CHECK(ask(cache, "en", U"extraordinaire") == std::vector<std::uint32_t>{99, 4, 8, 12});
        CHECK(ask(cache, "fr", U"constitution") == std::vector<std::uint32_t>{99, 3, 6, 9});
        CHECK(inner.asked.size() == 3);
        CHECK(inner.total() == 3);
        CHECK(cache.asked() == 3);
        CHECK(cache.size() == 3);
        // A word whose letters are another's with the language moved across the separator.
        CHECK(ask(cache, "f", U"rextraordinaire") == std::vector<std::uint32_t>{99, 4, 8, 12});
        CHECK(inner.total() == 4);
    }

    TEST_CASE("a reset forgets: dictionaries that arrived answer what had no answer before") {
        Counting inner;
        HyphenationCache cache(&inner);
        ask(cache, "fr", U"extraordinaire");
        cache.reset(&inner);
        CHECK(cache.size() == 0);
        ask(cache, "fr", U"extraordinaire");
        CHECK(inner.total() == 2);
        cache.reset(nullptr);
        CHECK(ask(cache, "fr", U"extraordinaire") == std::vector<std::uint32_t>{99});
    }

    TEST_CASE("past max_words it starts over, and keeps answering") {
        Counting inner;
        HyphenationCache cache(&inner);
        std::u32string word = U"mot";
        for (std::size_t i = 0; i <= HyphenationCache::max_words; ++i) {
            word[0] = static_cast<char32_t>(0x4E00 + i % 20000);
            word[1] = static_cast<char32_t>(0x4E00 + i / 20000);
            ask(cache, "fr", word);
        }
        CHECK(cache.size() == 1);
        CHECK(ask(cache, "fr", U"extraordinaire").size() == 5);
    }

    TEST_CASE("a justified article laid out through the cache: the same lines, fewer questions") {
        const LoadResult loaded =
            load_article(test::read_file(AV_ASSETS_DIR "/articles/russie-munitions-nord-coreennes.json"), "seed.json");
        REQUIRE(loaded.ok());
        const test::FixedMeasurer measurer;
        LayoutParams params{320, 20, 0};
        params.justify = true;
        Counting direct_inner, cached_inner;
        HyphenationCache cache(&cached_inner);
        const DocumentLayout direct = layout_article(loaded.article, measurer, params, TextServices{nullptr, nullptr, &direct_inner});
        const DocumentLayout cached = layout_article(loaded.article, measurer, params, TextServices{nullptr, nullptr, &cache});
        for (std::size_t i = 0; i < direct.blocks.size(); ++i) {
            direct.lines(i);  // laid out again for drawing: asks again
            cached.lines(i);
        }
        CHECK(layout_digest(cached) == layout_digest(direct));
        CHECK(cached_inner.asked.size() == direct_inner.asked.size());
        CHECK(cached_inner.total() == static_cast<int>(cached_inner.asked.size()));  // each once
        CHECK(direct_inner.total() > 2 * cached_inner.total());
    }
}
