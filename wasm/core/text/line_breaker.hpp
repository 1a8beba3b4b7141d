// Step 4 of the rich-text pipeline (docs/text-pipeline.md): where a paragraph's lines end, greedy
// like the simple path, over the engine's break opportunities and widths added up per character;
// justified text may also cut a word at a hyphenation point, as the simple path's first fit does.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {

struct LineRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;          // the next line's begin
    std::uint32_t content_end = 0;  // `end` without the trailing spaces and line feed, never drawn
    float hyphen = 0;               // the line ends inside a word, with a hyphen this wide; 0: none
};

// A place where a word may take a hyphen: before character `at`, the hyphen `width` pixels wide.
struct HyphenPoint {
    std::uint32_t at = 0;
    float width = 0;
};

// Where the words of a paragraph may be hyphenated (core/text/rich_hyphenation.hpp).
class WordHyphenation {
public:
    virtual ~WordHyphenation() = default;
    // Appends the points of the word text[begin, end) (between two break opportunities, trailing
    // blanks excluded), `at` increasing, begin < at < end; nothing when it may not be cut.
    virtual void points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const = 0;
};

// `advance[i]`: what character i adds to a line's width. Lines of at most `width` pixels (trailing
// spaces do not count); a stretch with no break opportunity wider than that is cut between
// grapheme clusters, at least one cluster a line. A mandatory break ends a line ("a\n\nb" is three
// lines, "a\n" one, as in the simple path). An empty text has no line. With `hyphenation`, the word
// that does not fit is cut at its last point whose part and hyphen fit (LineRange::hyphen), when
// that is further than the last break opportunity, as the simple path's first fit does.
std::vector<LineRange> break_into_lines(const std::vector<CharInfo>& info, const std::vector<float>& advance,
                                        const std::u32string_view text, float width,
                                        const WordHyphenation* hyphenation = nullptr);

}  // namespace av
