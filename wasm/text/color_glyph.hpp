// Colour glyph images of CBDT fonts (Noto Color Emoji): the PNG HarfBuzz finds for a glyph, decoded,
// with its placement in pixels of the strike it comes from.
#pragma once

#include <cstdint>

#include <hb.h>

#include "core/text/text_engine.hpp"

namespace av::engine {

// False when the glyph has no PNG in the font's largest strike, or the PNG cannot be decoded.
// `font` must have its default scale (units per em) and no ppem set: HarfBuzz then picks the
// largest strike, the one whose size is read here.
bool color_glyph_image(hb_font_t* font, std::uint32_t glyph, TextEngine::ColorGlyph& out);

}  // namespace av::engine
