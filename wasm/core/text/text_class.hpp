// What a code point asks of the layout, from ranges generated at build time out of Debian's
// unicode-data (gen_text_class.py: Scripts.txt, DerivedBidiClass.txt, LineBreak.txt,
// emoji-data.txt). Cheap enough to run over every character of an article while it loads.
#pragma once

#include <cstdint>

namespace av {

namespace text_class {
inline constexpr std::uint8_t rtl = 1;         // strong right-to-left (bidi R or AL) or a bidi control
inline constexpr std::uint8_t shaped = 2;      // a script that needs shaping (Arabic, Hebrew marks, Indic, ...)
inline constexpr std::uint8_t cjk = 4;         // ideographs, kana, hangul, bopomofo, CJK punctuation: UAX #14 breaks
inline constexpr std::uint8_t dictionary = 8;  // Thai, Lao, Khmer, Myanmar: breaks from a dictionary (UAX #14 SA)
inline constexpr std::uint8_t emoji = 16;      // emoji presentation by default (Emoji_Presentation), or a part of
                                               // emoji sequences (ZWJ, VS16, skin tones, tags, keycap)
inline constexpr std::uint8_t han = 32;        // drawn in the style of the text's Han variant (CJK fonts)
// Any of these makes a paragraph rich (docs/text-pipeline.md).
inline constexpr std::uint8_t rich = rtl | shaped | cjk | dictionary | emoji;
}  // namespace text_class

// The text_class bits of a code point (0 for Latin, Greek, Cyrillic, symbols, ...).
std::uint8_t text_class_of(char32_t cp);

}  // namespace av
