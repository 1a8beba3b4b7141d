// Grapheme cluster starts (UAX #29 extended grapheme clusters, libunibreak 6.1: Unicode 15.1's rules,
// Indic conjuncts included).
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av::engine {

// Sets char_flags::cluster_start on the first code point of every cluster of `text` (scalar values).
void mark_cluster_starts(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info);

}  // namespace av::engine
