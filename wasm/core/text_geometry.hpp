// Where characters of the article are on the page, and which character is under a point: what
// find highlights and mouse selection need. Works on a finished layout and the same measurer.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "layout.hpp"
#include "text_measurer.hpp"

namespace av {

struct TextPos {
    int block = -1;  // -1: the header
    std::uint32_t offset = 0;
    bool operator==(const TextPos& o) const { return block == o.block && offset == o.offset; }
    bool operator!=(const TextPos& o) const { return !(*this == o); }
    bool operator<(const TextPos& o) const { return block != o.block ? block < o.block : offset < o.offset; }
};

struct Rect {
    float x;
    DocY y;  // document coordinates: exact far down a long article (layout.hpp)
    float w, h;
};

// Rectangles (document coordinates), one per line, covering characters [begin, end) of the text
// of `block` (its lines that carry the block's own text; labels and markers are skipped).
std::vector<Rect> range_rects(const DocumentLayout& doc, const TextMeasurer& measurer, int block, std::uint32_t begin,
                              std::uint32_t end);

// The character boundary nearest to the point (document coordinates), on the nearest line of
// text; nullopt for an empty layout.
std::optional<TextPos> hit_test(const DocumentLayout& doc, const TextMeasurer& measurer, float x, DocY y);

}  // namespace av
