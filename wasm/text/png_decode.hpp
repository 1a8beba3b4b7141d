// PNG to RGBA (straight alpha), with stb_image from Debian's libstb-dev.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace av::engine {

// Largest width or height accepted: colour glyph strikes are about 136 pixels; anything far larger
// in a font is not a glyph, and refusing it bounds the memory a hostile font can ask for.
inline constexpr int max_png_side = 2048;

// False when `data` is not a PNG stb_image can read, or is larger than max_png_side.
bool decode_png_rgba(const std::uint8_t* data, std::size_t size, int& width, int& height,
                     std::vector<std::uint8_t>& rgba);

}  // namespace av::engine
