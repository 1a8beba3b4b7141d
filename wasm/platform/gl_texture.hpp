// RGBA pixels to an OpenGL texture, for pictures in articles (and, on the web, ImGui's font atlas:
// webgl_renderer.cpp). Shared by the web (WebGL2 / GLES3)
// and desktop (OpenGL 3.3) platforms: the calls are the same, only the header differs.
#pragma once

#include <cstdint>

namespace av {

// 0 when no texture could be made.
std::uint64_t create_gl_texture(const unsigned char* rgba, int width, int height);
void destroy_gl_texture(std::uint64_t texture);

}  // namespace av
