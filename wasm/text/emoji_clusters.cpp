#include "emoji_clusters.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace av::engine {

namespace {

struct EmojiRange {
    std::uint32_t first, last;
    std::uint8_t bits;
};

#include "emoji_table.inc"

constexpr std::uint32_t zwj = 0x200D;
constexpr std::uint32_t vs15 = 0xFE0E;  // text presentation selector
constexpr std::uint32_t vs16 = 0xFE0F;  // emoji presentation selector
constexpr std::uint32_t combining_keycap = 0x20E3;

bool is_keycap_base(std::uint32_t c) { return (c >= '0' && c <= '9') || c == '#' || c == '*'; }
bool is_tag(std::uint32_t c) { return c >= 0xE0020 && c <= 0xE007F; }

// Whether text[begin, end), one grapheme cluster, is drawn as an emoji.
bool shown_as_emoji(const std::vector<std::uint32_t>& text, std::size_t begin, std::size_t end) {
    const std::uint8_t base = emoji_properties(text[begin]);
    for (std::size_t i = begin; i < end; ++i) {
        const std::uint32_t c = text[i];
        const std::uint8_t props = i == begin ? base : emoji_properties(c);
        const bool next_is_vs15 = i + 1 < end && text[i + 1] == vs15;
        // Default emoji presentation (this covers regional indicators, skin tone modifiers and the
        // black flag of tag sequences), unless VS15 asks for text.
        if ((props & emoji_property::presentation) && !next_is_vs15) return true;
        if (i == begin) continue;
        // VS16 after an emoji character asks for emoji presentation ("©️", "❤️").
        if (c == vs16 && (emoji_properties(text[i - 1]) & emoji_property::emoji)) return true;
        // Keycaps: [0-9#*] VS16? U+20E3.
        if (c == combining_keycap && is_keycap_base(text[begin])) return true;
        // ZWJ sequences of pictographs, even when no part has default emoji presentation.
        if (c == zwj && (base & emoji_property::pictographic) && i + 1 < end &&
            (emoji_properties(text[i + 1]) & emoji_property::pictographic))
            return true;
        // Tag sequences (subdivision flags) on an emoji base.
        if (is_tag(c) && (base & emoji_property::emoji)) return true;
    }
    return false;
}

}  // namespace

std::uint8_t emoji_properties(std::uint32_t cp) {
    if (cp < 0x100) return emoji_latin1[cp];
    if (cp < emoji_none_until) return 0;
    const auto* end = std::end(emoji_ranges);
    const auto* it = std::upper_bound(std::begin(emoji_ranges), end, cp,
                                      [](std::uint32_t c, const EmojiRange& r) { return c < r.first; });
    if (it == std::begin(emoji_ranges)) return 0;
    --it;
    return cp <= it->last ? it->bits : 0;
}

void mark_emoji_clusters(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = begin + 1;
        while (end < text.size() && !(info[end].flags & char_flags::cluster_start)) ++end;
        if (shown_as_emoji(text, begin, end)) {
            for (std::size_t i = begin; i < end; ++i) info[i].flags |= char_flags::emoji;
        }
        begin = end;
    }
}

}  // namespace av::engine
