// What a code point asks of the layout, from ranges generated at build time out of Debian's
// unicode-data (gen_text_tables.py: Scripts.txt, DerivedBidiClass.txt, LineBreak.txt,
// EastAsianWidth.txt, emoji-data.txt). Cheap enough to run over every character of an article
// while it loads.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace av {

namespace text_class {
// Needs the text engine (docs/text-pipeline.md, "Two paths"): a right-to-left letter or a bidi
// control, a script that needs shaping, a CJK character (UAX #14 breaks), a Thai-like script
// (dictionary breaks), or an emoji.
inline constexpr std::uint8_t rich = 1;
// Drawn in the style of its text's Han variant (ideographs, kana, hangul, bopomofo, wide and
// fullwidth punctuation).
inline constexpr std::uint8_t han = 2;
// Shown as an emoji by default (Emoji_Presentation), or a part of emoji sequences (ZWJ, VS16, skin
// tones, tags, the keycap mark).
inline constexpr std::uint8_t emoji = 4;
// Thai, Lao, Khmer, Myanmar (UAX #14 class SA): words are found with a dictionary.
inline constexpr std::uint8_t dictionary = 8;
}  // namespace text_class

// The text_class bits of a code point (0 for Latin, Greek, Cyrillic, symbols, ...).
std::uint8_t text_class_of(char32_t cp);

// Whether every base face draws `cp` from its first-paint subset (web: the first download), or
// only from its extended subset (web: fonts-ext/, fetched for articles that need it). From the
// fonts' own cmaps at build time.
enum class BaseCoverage : std::uint8_t { none, first_paint, extended };
BaseCoverage base_coverage_of(char32_t cp);

// The ranges [first, last] of code points from U+0001 to U+10FFFF that base_coverage_of() says no
// base face draws, in order. The desktop's whole faces leave them out (ui/fonts.cpp), so they come
// from the same fallback fonts as on the web, whose subsets lack them.
std::vector<std::pair<char32_t, char32_t>> base_uncovered_ranges();

}  // namespace av
