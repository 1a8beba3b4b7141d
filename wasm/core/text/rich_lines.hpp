// The rich-text pipeline (docs/text-pipeline.md) for one inline: analyse, itemise, shape, break,
// reorder, place. The counterpart of layout.cpp's break_lines for paragraphs that need the engine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/layout.hpp"
#include "core/text/font_catalog.hpp"
#include "core/text/text_engine.hpp"

namespace av {

// The paragraph an inline belongs to.
struct ParagraphContext {
    BaseDirection direction = BaseDirection::auto_ltr;
    std::string_view lang;  // the block's language (runs may have their own)
    Han han = Han::zh_hans;
};

// Whether `text` needs the engine: a character of text_class::rich, or a right-to-left base
// direction (`rtl_base`: explicit, or `auto` with a right-to-left language and no left-to-right
// letter in the text).
bool is_rich(const Inline& text);
// Whether an `auto` paragraph of `text` has a left-to-right letter its direction would come from
// (UAX #9 P2), for text that is not rich (so holds no right-to-left letter).
bool has_ltr_letter(const Inline& text);

// Lays out `text` as break_lines does (same parameters, same lines), through the engine: the lines
// are visual (Line::visual), right-aligned when the paragraph is right-to-left. Returns the y after
// the last line; `paragraph_level` (if given) receives the paragraph's level (0 or 1).
DocY break_rich_lines(const Inline& text, const InlineStyle& style, const ParagraphContext& paragraph,
                      const TextServices& services, const TextMeasurer& measurer, float x, DocY y, float width,
                       std::vector<Line>& out, std::vector<std::string>& links, std::uint32_t* offset = nullptr,
                       bool keep_text = true, std::uint8_t* paragraph_level = nullptr);

// The paragraph level `text` would get (0 or 1), without laying it out.
std::uint8_t paragraph_level(const Inline& text, const ParagraphContext& paragraph, const TextEngine& engine);

}  // namespace av
