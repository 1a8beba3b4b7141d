// Shaped words kept from one paragraph to the next and from one layout to the next, as browsers
// keep them (Blink's word cache, WebKit's WordShaper): most of a long article is words it has
// shaped already, and shaping was a third of laying out Arabic (BENCHMARKS.md, "Load").
// docs/text-pipeline.md, "Shaping word by word", says when a word may be shaped apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {

class ShapeCache {
public:
    // What the cache did since it was made: words found, words shaped and kept, and pieces shaped
    // without it (too long, or cut off from their context by the run's edge).
    struct Stats {
        std::size_t hits = 0;
        std::size_t misses = 0;
        std::size_t uncached = 0;
    };

    // Words and glyphs kept at most: past either the cache starts again empty (with its keys,
    // under 10 MB however long the words are; a few MB for real text).
    static constexpr std::size_t max_words = 16384;
    static constexpr std::size_t max_glyphs = 262144;
    // Longer pieces are shaped each time: they are rarely met twice.
    static constexpr std::size_t max_word_length = 48;

    // The glyphs engine.shape(font, text, begin, end, rtl, script, lang, out) gives, in the same
    // order with the same clusters. The run is cut after each run of spaces (before a character
    // that starts a grapheme cluster, `info` from TextEngine::analyze); a piece that starts after a
    // space (or the paragraph) and ends with one (or the paragraph) does not depend on its context
    // and is shaped once for every paragraph and layout that has it. When the engine's fonts change
    // (TextEngine::font_generation), every word is shaped again.
    void shape(const TextEngine& engine, FontId font, std::u32string_view text, const std::vector<CharInfo>& info,
               std::size_t begin, std::size_t end, bool rtl, ScriptTag script, std::string_view lang,
               std::vector<ShapedGlyph>& out);

    const Stats& stats() const { return stats_; }
    std::size_t words() const { return entries_.size(); }

private:
    // Appends the glyphs of text[begin, end) to pieces_, through the cache when `cacheable`.
    void shape_piece(const TextEngine& engine, FontId font, std::u32string_view text, std::size_t begin, std::size_t end,
                     bool rtl, ScriptTag script, std::string_view lang, bool cacheable);
    void clear();
    void grow_slots();

    // A word: its key in keys_, its glyphs (clusters from the word's start) in glyphs_: a word
    // costs no allocation of its own. (A std::unordered_map of strings, as HyphenationCache
    // keeps, measured the same speed and wasm size; this table is not smaller.)
    struct Entry {
        std::uint32_t hash;
        std::uint32_t key_at, key_length;
        std::uint32_t glyphs_at, glyph_count;
    };
    std::vector<Entry> entries_;
    std::vector<std::uint32_t> slots_;  // open addressing: an index into entries_ + 1; 0 is free
    std::vector<std::uint32_t> keys_;
    std::vector<ShapedGlyph> glyphs_;
    std::uint64_t generation_ = 0;
    const TextEngine* engine_ = nullptr;  // the one generation_ is of
    std::vector<std::uint32_t> key_;      // the key being looked up, kept for its capacity
    std::vector<ShapedGlyph> scratch_;    // the engine's answer for one piece
    std::vector<ShapedGlyph> pieces_;     // a run's pieces, in logical order
    std::vector<std::size_t> starts_;     // where each piece starts in pieces_
    Stats stats_;
};

}  // namespace av
