// The one thing layout needs from a font system, injected so that core never sees ImGui: the app
// passes a measurer backed by the real fonts, unit tests a fixed-width fake.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/text/text_needs.hpp"

namespace av {

// The faces the reading view uses; each is a real font file (no faked bold or italic).
enum class Face : std::uint8_t { serif, serif_bold, serif_italic, serif_bold_italic, sans, sans_bold, count };

// What a measurer may lend layout so that it adds up the width of a word itself, instead of a
// call to width() per word (a fifth of a layout, BENCHMARKS.md "Load"): the advance of each code
// point below `count`. For a text none of whose code points is '\n' or '\r', each below `count`
// with an entry of 0 or more,
//     float w = 0; for each code point c, in order: w += advance[c] * scale;
// is exactly width(text, face, size), to the last bit. A negative entry is "not known yet": ask
// width(), which may then learn it. The table stays valid until the next call of width() or
// advances(), which may move it.
struct AdvanceTable {
    const float* advance = nullptr;
    std::size_t count = 0;
    float scale = 1;
};

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width in pixels of `text` (UTF-8, one line, no breaks) in `face` at `size` pixels.
    virtual float width(std::string_view text, Face face, float size) const = 0;
    // The table for `face` at `size` (see AdvanceTable); an empty one (count 0) by default, and
    // layout then asks width() for everything.
    virtual AdvanceTable advances(Face, float) const { return {}; }
    // Whether the faces can draw this code point (for the missing-glyph report).
    virtual bool has_glyph(char32_t cp, Face face) const = 0;

    // Pixels per em of `face` drawn at `size`: the scale rich text gives the glyphs it shapes, so
    // that they match the face's own (an ImGui font size is the height from descender to
    // ascender, not the em). By default the size.
    virtual float em(Face, float size) const { return size; }
    // The measurer of CJK text in the style of `han` (docs/text-pipeline.md, "Fonts"): every face
    // measures with the CJK fonts of that variant. By default this measurer.
    virtual const TextMeasurer& with_han(Han) const { return *this; }
};

}  // namespace av
