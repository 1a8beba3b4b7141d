// Where a full line of a justified rich paragraph takes what it lacks to reach the column's edge
// (docs/text-pipeline.md, "Justified text"): its justification opportunities, chosen as browsers'
// `text-align: justify` with `text-justify: auto` chooses them. One rule for the two that need it:
// rich_lines.cpp widens a line's opportunities, and the rich path's total fit
// (line_breaker_total_fit.cpp) weighs a line by them.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {

// One justification opportunity: the character `at` whose advance takes a share of the line's
// slack. A space (U+0020) is its own character; a gap between characters is given to the last
// character of the cluster before it, and `next` is where the cluster after it begins (a line
// that ends before `next` has no such gap). For a space, `next` is at + 1.
struct JustifyOpportunity {
    std::uint32_t at = 0;
    std::uint32_t next = 0;
    bool space = false;
};

// The opportunities of [begin, end) (a line's drawn characters, its trailing blanks excluded, or a
// longer stretch that lines will be cut from), in logical order:
// - each space (U+0020), as on the simple path;
// - the gap after each cluster that touches a CJK cluster (text class `han`: Han, kana, bopomofo,
//   wide and fullwidth punctuation; Hangul only when `spaced` is false, since Korean is written
//   with spaces) on either side. Gaps beside a space are the space's; gaps inside a Latin word,
//   Thai (dictionary breaks, no inter-character justification) or any other script are not
//   opportunities. The range's last cluster has none after it. Clusters that add no width (a
//   zero-width space, a joiner) are passed over.
void justification_opportunities(std::u32string_view text, const std::vector<CharInfo>& info,
                                 const std::vector<float>& advance, std::uint32_t begin, std::uint32_t end, bool spaced,
                                 std::vector<JustifyOpportunity>& out);

// The characters of the line [begin, end) (its trailing blanks excluded) whose advance takes one
// share of the line's slack: its justification_opportunities, Hangul counting as CJK only on a
// line with no space. Returns whether any of them is a gap between characters rather than a
// space.
bool justification_gaps(std::u32string_view text, const std::vector<CharInfo>& info, const std::vector<float>& advance,
                        std::uint32_t begin, std::uint32_t end, std::vector<std::uint32_t>& out);

}  // namespace av
