// Which grapheme clusters are shown as emoji (UTS #51 emoji presentation), from the Emoji,
// Emoji_Presentation and Extended_Pictographic properties of Unicode's emoji-data.txt.
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av::engine {

namespace emoji_property {
inline constexpr std::uint8_t emoji = 1;
inline constexpr std::uint8_t presentation = 2;  // Emoji_Presentation: an emoji unless VS15 follows
inline constexpr std::uint8_t pictographic = 4;  // Extended_Pictographic
}  // namespace emoji_property

std::uint8_t emoji_properties(std::uint32_t cp);

// Sets char_flags::emoji on every code point of a cluster shown as emoji. `info` has the
// cluster_start flags already; `text` holds scalar values.
void mark_emoji_clusters(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info);

}  // namespace av::engine
