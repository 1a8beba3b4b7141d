#include "png_decode.hpp"

#include <climits>
#include <cstdlib>

// stb_image's implementation, PNG only, compiled into this file alone: STB_IMAGE_STATIC keeps every
// one of its functions private to it, so it never collides with the full stb_image the desktop
// program links from libstb (Debian's shared library) for pictures.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_NO_FAILURE_STRINGS
#define STBI_NO_SIMD
#define STBI_ASSERT(x) ((void)0)
#define STBI_MAX_DIMENSIONS 2048
#include <stb/stb_image.h>

namespace av::engine {

static_assert(STBI_MAX_DIMENSIONS == max_png_side, "stb_image's limit is the one png_decode.hpp documents");

bool decode_png_rgba(const std::uint8_t* data, std::size_t size, int& width, int& height,
                     std::vector<std::uint8_t>& rgba) {
    if (data == nullptr || size == 0 || size > static_cast<std::size_t>(INT_MAX)) return false;
    int w = 0, h = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(data, static_cast<int>(size), &w, &h, &channels, 4);
    if (pixels == nullptr) return false;
    const std::size_t bytes = static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4;
    rgba.assign(pixels, pixels + bytes);
    stbi_image_free(pixels);
    width = w;
    height = h;
    return true;
}

}  // namespace av::engine
