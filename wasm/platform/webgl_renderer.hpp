#pragma once

// Draws ImGui's frames with WebGL2, in place of imgui_impl_opengl3 on the web.
//
// Why our own: in a browser every GL call that returns something (glGetString, glGetIntegerv,
// glGetShaderiv, glGetUniformLocation, ...) waits for the GPU process to answer, and while a page
// loads that process is busy compositing, where WebGL is software (SwiftShader) for tens of
// milliseconds at a time. imgui_impl_opengl3 asks more than a dozen such questions before its
// first frame (version, shader status and logs, uniform locations) and several more on every frame
// (the GL state it saves and restores). This renderer asks none itself: it owns all of the
// canvas's GL state, so it saves nothing; its attributes have fixed locations and the projection
// comes in as a constant vertex attribute, so it looks nothing up; and it checks that its program
// linked only once the first frame is out (renderer_check_program). The one wait left is WebGL's
// own: the first glUseProgram waits for the link. BENCHMARKS.md, "First paint", has the
// measurements.

struct ImDrawData;

namespace av::web {

// Compiles and links the program and makes the vertex array and buffers, on the current WebGL2
// context, and declares to ImGui that this backend creates and updates its textures
// (ImGuiBackendFlags_RendererHasTextures). Issues GL commands only; returns nothing to check.
void renderer_init();

// Creates, updates and destroys the textures ImGui asks for, then draws `draw_data` into the
// current framebuffer (whose viewport and clearing the caller does). Draws nothing before
// renderer_init().
void renderer_draw(ImDrawData* draw_data);

// Whether the program linked; asks the GPU process (a wait), so call it after the first frame.
// On failure, `log` receives the compiler's and linker's messages.
bool renderer_check_program(char* log, int log_size);

}  // namespace av::web
