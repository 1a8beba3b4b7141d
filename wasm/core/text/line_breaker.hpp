// Step 4 of the rich-text pipeline (docs/text-pipeline.md): where a paragraph's lines end, greedy
// like the simple path, over the engine's break opportunities and widths added up per character.
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
};

// `advance[i]`: what character i adds to a line's width. Lines of at most `width` pixels (trailing
// spaces do not count); a stretch with no break opportunity wider than that is cut between
// grapheme clusters, at least one cluster a line. A mandatory break ends a line ("a\n\nb" is three
// lines, "a\n" one, as in the simple path). An empty text has no line.
std::vector<LineRange> break_into_lines(const std::vector<CharInfo>& info, const std::vector<float>& advance,
                                        const std::u32string_view text, float width);

}  // namespace av
