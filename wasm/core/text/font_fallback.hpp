// Step 2 of the rich-text pipeline (docs/text-pipeline.md, "Itemise"): which font draws a grapheme
// cluster. A shaped font (drawn by glyph id after HarfBuzz), or no_font for the code-point path
// (measured and drawn like a simple paragraph, in the face's fallback chain).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/font_catalog.hpp"
#include "core/text/text_engine.hpp"
#include "core/text_measurer.hpp"

namespace av {

class FontFallback {
public:
    // `catalog` may be null or empty: then only the base faces exist.
    FontFallback(const TextEngine& engine, const FontCatalog* catalog) : engine_(engine), catalog_(catalog) {}

    // The font for text[begin, end), one grapheme cluster, whose first character the engine
    // described as `info`, drawn in `face`.
    // - an emoji cluster: the emoji family's slice of its first code point;
    // - a script with a shaped family (Arabic, Hebrew, Devanagari, ...): that family's slice;
    // - a cluster at an odd (right-to-left) level: the face itself through the engine, so that
    //   HarfBuzz mirrors brackets and orders it;
    // - else the code-point path (no_font).
    // A font is taken only if the engine has it and its cmap has every visible character of the
    // cluster; otherwise the next rule is tried.
    FontId choose(std::u32string_view text, std::size_t begin, std::size_t end, const CharInfo& info, Face face) const;

    // Characters never drawn, which a font need not have: ZWJ, ZWNJ, variation selectors, bidi
    // controls and marks, tags, the soft hyphen, ...
    static bool ignorable(char32_t c);

private:
    FontId choose_uncached(std::u32string_view text, std::size_t begin, std::size_t end, const CharInfo& info, Face face) const;
    FontId pick(int family, std::u32string_view text, std::size_t begin, std::size_t end) const;
    bool usable(FontId font, std::u32string_view text, std::size_t begin, std::size_t end) const;

    const TextEngine& engine_;
    const FontCatalog* catalog_;
    // The last choice for each value of a character's low byte, for clusters of one character:
    // a paragraph is mostly a few dozen letters again and again, and each choice asks the
    // catalog and the engine (a tenth of laying out Arabic).
    struct Chosen {
        char32_t cp = 0xFFFFFFFF;  // no character
        ScriptTag script = 0;
        std::uint16_t how = 0;  // the face, emoji and right to left: what else the choice depends on
        FontId font = no_font;
    };
    mutable std::array<Chosen, 256> chosen_{};
};

}  // namespace av
