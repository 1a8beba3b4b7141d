// Writes the current OpenGL framebuffer to a PNG file: how tests and people see what the desktop
// build drew (under Xvfb too). A tiny stored-deflate PNG writer, so no image library is needed.
#pragma once

#include <string>

namespace av {

// Reads back the `width` x `height` framebuffer and writes it as an RGB PNG. "" or the error.
std::string save_framebuffer_png(const std::string& path, int width, int height);

}  // namespace av
