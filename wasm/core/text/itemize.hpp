// Step 2 of the rich-text pipeline (docs/text-pipeline.md): a paragraph cut into items, each of one
// style, one bidi level, one script and one font, never splitting a grapheme cluster.
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/font_fallback.hpp"
#include "core/text/paragraph_text.hpp"
#include "core/text/text_engine.hpp"

namespace av {

struct Item {
    std::uint32_t begin = 0, end = 0;  // characters
    std::uint8_t level = 0;
    FontId font = no_font;             // no_font: the code-point path
    bool cjk = false;                  // code-point path, in the CJK fonts of the style's Han variant
    ScriptTag script = 0;
    std::uint32_t style = 0;           // index into ParagraphText::styles
};

// Items in logical order, covering the text. Code-point items are cut where CJK characters (text
// class `han`, drawn with the CJK fonts) meet others (drawn with the face). A code-point item at
// an odd level holds one cluster: its characters are then placed in reverse by the reordering,
// cluster by cluster.
std::vector<Item> itemize(const ParagraphText& text, const std::vector<CharInfo>& info, const FontFallback& fonts);

}  // namespace av
