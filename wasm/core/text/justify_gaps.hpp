// Where a full line of a justified rich paragraph takes what it lacks to reach the column's edge
// (docs/text-pipeline.md, "Justified text"): its justification opportunities, chosen as browsers'
// `text-align: justify` with `text-justify: auto` chooses them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {

// The characters of [begin, end) (a line's drawn characters, its trailing blanks excluded) whose
// advance takes one share of the line's slack, in logical order:
// - each space (U+0020), as on the simple path;
// - on a line holding CJK (a cluster of text class `han`: Han, kana, bopomofo, wide and fullwidth
//   punctuation; Hangul only on a line with no space, since Korean is written with spaces), the
//   gap after each cluster that touches a CJK cluster on either side, given to the last character
//   of the cluster before it. Gaps beside a space are the space's; gaps inside a Latin word, Thai
//   (dictionary breaks, no inter-character justification) or any other script are not
//   opportunities. The line's last cluster has none after it. Clusters that add no width (a
//   zero-width space, a joiner) are passed over.
// Returns whether any of them is a gap between characters rather than a space.
bool justification_gaps(std::u32string_view text, const std::vector<CharInfo>& info, const std::vector<float>& advance,
                        std::uint32_t begin, std::uint32_t end, std::vector<std::uint32_t>& out);

}  // namespace av
