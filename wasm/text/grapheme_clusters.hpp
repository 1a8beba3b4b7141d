// Grapheme cluster starts (UAX #29 extended grapheme clusters, libunibreak 6.1: Unicode 15.1's rules,
// Indic conjuncts included).
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av::engine {

// Sets char_flags::cluster_start on the first code point of every cluster of `text` (scalar values).
void mark_cluster_starts(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info);

// Whether `c` is one of the characters that UAX #29 always separates from each other: of
// Grapheme_Cluster_Break Other and not Extended_Pictographic, so that no rule before GB999 joins
// two of them. Only the bulk of what articles hold: printable ASCII, Hebrew and Arabic letters,
// kana, CJK ideographs and punctuation (tests/text/test_grapheme_clusters.cpp checks every one
// against Unicode's data files).
bool always_apart(std::uint32_t c);

}  // namespace av::engine
