// The browser's input (keys, mouse, wheel, touch, resize, focus) into ImGui, for the web
// platform (platform/web.cpp). Every event asks for a frame through `wake`.
#pragma once

#include "ui/app.hpp"

namespace av::web {

// Listens on the window (keys, resize, focus) and on the canvas `canvas_id` (mouse, wheel, touch).
// `app` receives the touch gestures' own timing; `wake` is called after each event.
void install_input(App& app, const char* canvas_id, void (*wake)());

// After each frame: gives the hidden text field the keyboard while ImGui wants text (the find
// bar), and the canvas back after.
void sync_text_input();

}  // namespace av::web
