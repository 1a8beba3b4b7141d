// Step 5 of the rich-text pipeline (docs/text-pipeline.md): a line's pieces from reading order to
// the order they are seen in, by their bidi levels (UAX #9 rule L2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace av {

// `levels[k]`: the embedding level of piece k, pieces in reading order. Returns the piece indices
// from left to right: from the highest level down to the lowest odd one, every maximal sequence
// of pieces at that level or above is reversed.
std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& levels);

}  // namespace av
