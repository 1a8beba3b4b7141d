// Step 3 of the rich-text pipeline (docs/text-pipeline.md): shaped items through the engine, the
// others measured like simple text; and what each character adds to a line's width, so that line
// breaking adds widths up without shaping again.
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/itemize.hpp"
#include "core/text/paragraph_text.hpp"
#include "core/text/shape_cache.hpp"
#include "core/text/text_engine.hpp"
#include "core/text_measurer.hpp"

namespace av {

// A glyph of a shaped item, in pixels (y up, as fonts have it).
struct ItemGlyph {
    std::uint32_t id = 0;
    std::uint32_t cluster = 0;  // paragraph character where its cluster starts
    float advance = 0;
    float x_offset = 0;
    float y_offset = 0;
};

struct MeasuredParagraph {
    // Per character: the width it adds. A cluster's width goes to its first character; a cluster
    // HarfBuzz made of several grapheme clusters (a ligature) shares it evenly between them.
    std::vector<float> advance;
    // Per item: its glyphs in visual order (shaped items only).
    std::vector<std::vector<ItemGlyph>> glyphs;
    // Clusters whose glyph is .notdef: characters nothing could draw.
    std::size_t missing = 0;
};

// `size` is the paragraph's font size (InlineStyle::size); `lang` its language. Shaped through
// `cache` when there is one (the same glyphs, sooner).
MeasuredParagraph shape_items(const ParagraphText& text, const std::vector<CharInfo>& info, const std::vector<Item>& items,
                              const TextEngine& engine, const TextMeasurer& measurer, float size, ShapeCache* cache = nullptr);

}  // namespace av
