// Finding text the way a reader types it: case- and accent-insensitive ("coree" finds "Corée",
// "coeur" finds "cœur"), over the article's own text (block_text), with matches given as
// character ranges so layout positions can be found for highlighting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"

namespace av {

// Folded text with, for each folded character, the index of the character it came from.
struct FoldedText {
    std::u32string text;
    std::vector<std::uint32_t> origin;
};

// Lower-cases and strips accents (Latin, Greek and Cyrillic letters; combining marks dropped;
// œ æ ß expanded; typographic apostrophes and no-break spaces made plain).
FoldedText fold(std::string_view utf8_text);

struct TextRange {
    int block = -1;            // -1: the header (title, subtitle)
    std::uint32_t begin = 0;   // characters of block_text (or header_text)
    std::uint32_t end = 0;     // exclusive
    bool operator==(const TextRange& o) const { return block == o.block && begin == o.begin && end == o.end; }
};

// Every match of `query` in reading order (header first). An empty or blank query finds nothing.
// At most `limit` matches are returned.
std::vector<TextRange> find_all(const Article& article, std::string_view query, std::size_t limit = 10000);

// The text of a range that may span blocks (begin in one block, end in a later one), as plain
// text with a blank line between blocks: what a copy puts on the clipboard.
std::string text_between(const Article& article, int first_block, std::uint32_t first_offset, int last_block,
                         std::uint32_t last_offset);

// Whether `c` can be part of a word (letters, digits, apostrophes, hyphens): what word_at and
// the keyboard's word steps (ui/keyboard_selection.cpp) take as one.
bool word_char(char32_t c);

// The word around character `offset` of `text` (letters, digits, apostrophes, hyphens inside).
std::pair<std::uint32_t, std::uint32_t> word_at(std::string_view text, std::uint32_t offset);

}  // namespace av
