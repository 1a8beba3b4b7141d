// The one thing layout needs from a font system, injected so that core never sees ImGui: the app
// passes a measurer backed by the real fonts, unit tests a fixed-width fake.
#pragma once

#include <cstdint>
#include <string_view>

namespace av {

// The faces the reading view uses; each is a real font file (no faked bold or italic).
enum class Face : std::uint8_t { serif, serif_bold, serif_italic, serif_bold_italic, sans, sans_bold, count };

class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    // Advance width in pixels of `text` (UTF-8, one line, no breaks) in `face` at `size` pixels.
    virtual float width(std::string_view text, Face face, float size) const = 0;
    // Whether the faces can draw this code point (for the missing-glyph report).
    virtual bool has_glyph(char32_t cp, Face face) const = 0;
};

}  // namespace av
