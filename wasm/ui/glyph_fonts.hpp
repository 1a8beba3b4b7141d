// ImGui fonts addressed by glyph id instead of code point, for the glyphs HarfBuzz chose
// (docs/text-pipeline.md, "Shape"). ImGui 1.92's loaders are keyed by code point; this loader
// gives glyph `g` of its font the code point `glyph_code(g)`, and rasterises it with stb_truetype
// at em-based scale: the font's size is its pixels per em, so a span is drawn with
// ImFont::RenderChar(draw_list, em_pixels, pen on the baseline, colour, glyph_code(id)).
// Colour fonts (CBDT bitmaps: Noto Color Emoji), which stb_truetype cannot read, take their
// glyphs' PNGs from the text engine (TextEngine::color_glyph), scaled into the atlas as coloured
// glyphs.
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/text_engine.hpp"

struct ImFont;
struct ImFontLoader;

namespace av::glyph_fonts {

// Glyph ids start here as code points: clear of ASCII, whose characters ImGui's own code treats
// specially, and small, so ImGui's per-code-point tables stay as small as the font.
inline constexpr std::uint32_t first_code = 0x100;
inline std::uint32_t glyph_code(std::uint32_t glyph) { return first_code + glyph; }

// The loader for ImFontConfig::FontLoader.
const ImFontLoader* loader();

// Adds a glyph font to the current ImGui atlas from the font file's bytes (copied). `engine`
// answers for colour glyphs; it must outlive the font. Returns null if the bytes are not a font
// stb_truetype can read (a colour font needs only its glyph count).
ImFont* add(const std::vector<unsigned char>& bytes, FontId id, bool color, const TextEngine* engine);

}  // namespace av::glyph_fonts
