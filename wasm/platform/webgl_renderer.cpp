#include "webgl_renderer.hpp"

#include "gl_texture.hpp"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace av::web {
namespace {

// Fixed attribute locations (no glGetAttribLocation). Location 3 is never an array: it holds the
// projection as a constant (glVertexAttrib4f), so the program has no uniform to look up either.
// The sampler stays on texture unit 0, its default.
constexpr GLuint kPosition = 0, kUv = 1, kColor = 2, kTransform = 3;

const char* const kVertexShader = R"(#version 300 es
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec4 a_transform;  // pixels to clip space: xy scale, zw offset
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = vec4(a_position * a_transform.xy + a_transform.zw, 0.0, 1.0);
}
)";

// highp: a glyph atlas grows to thousands of texels, beyond what mediump addresses exactly.
const char* const kFragmentShader = R"(#version 300 es
precision highp float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
layout(location = 0) out vec4 o_color;
void main() {
    o_color = v_color * texture(u_texture, v_uv);
}
)";

struct Renderer {
    GLuint program = 0, vertex_shader = 0, fragment_shader = 0;
    GLuint vertex_array = 0, vertex_buffer = 0, index_buffer = 0;
    std::vector<unsigned char> staging;  // texture rectangles made contiguous for glTexSubImage2D
    // Where the vertex array's attribute pointers stand, in vertices (renderer_init sets them at 0):
    // they are moved only when a draw command's VtxOffset differs, and stay put across frames.
    unsigned first_vertex = 0;
};
Renderer g;

GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

// Points the vertex attributes at the vertex buffer, `first_vertex` vertices in: WebGL2 has no
// glDrawElementsBaseVertex, so a draw command's VtxOffset moves the pointers instead.
void point_attributes(unsigned first_vertex) {
    const auto base = static_cast<std::uintptr_t>(first_vertex) * sizeof(ImDrawVert);
    const auto at = [base](std::size_t offset) { return reinterpret_cast<const void*>(base + offset); };
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
}

// The pixels of rectangle (x, y, w, h) of `tex` as tightly packed RGBA rows. Alpha8 textures are
// expanded to white with that alpha, which is what ImGui's shapes and glyphs expect.
const unsigned char* rgba_rows(ImTextureData* tex, int x, int y, int w, int h) {
    if (tex->Format == ImTextureFormat_RGBA32 && x == 0 && w == tex->Width)
        return static_cast<const unsigned char*>(tex->GetPixelsAt(x, y));  // already contiguous
    g.staging.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    unsigned char* out = g.staging.data();
    for (int row = 0; row < h; ++row) {
        const auto* in = static_cast<const unsigned char*>(tex->GetPixelsAt(x, y + row));
        if (tex->Format == ImTextureFormat_RGBA32) {
            std::memcpy(out, in, static_cast<std::size_t>(w) * 4);
            out += static_cast<std::size_t>(w) * 4;
        } else {
            for (int i = 0; i < w; ++i, out += 4) out[0] = out[1] = out[2] = 255, out[3] = in[i];
        }
    }
    return g.staging.data();
}

void update_texture(ImTextureData* tex) {
    if (tex->Status == ImTextureStatus_WantCreate) {
        // The same kind of texture as the article's pictures (linear filtering, clamped edges).
        tex->SetTexID(static_cast<ImTextureID>(create_gl_texture(rgba_rows(tex, 0, 0, tex->Width, tex->Height), tex->Width, tex->Height)));
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantUpdates) {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(tex->GetTexID()));
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        for (const ImTextureRect& r : tex->Updates)
            glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE, rgba_rows(tex, r.x, r.y, r.w, r.h));
        tex->SetStatus(ImTextureStatus_OK);
    } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
        destroy_gl_texture(tex->GetTexID());
        tex->SetTexID(ImTextureID_Invalid);
        tex->SetStatus(ImTextureStatus_Destroyed);
    }
}

void set_state(const ImDrawData* draw_data, int fb_width, int fb_height) {
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(g.program);
    glBindVertexArray(g.vertex_array);
    glActiveTexture(GL_TEXTURE0);
    // The orthographic projection of ImGui's display rectangle onto clip space, y pointing down.
    const ImVec2 pos = draw_data->DisplayPos, size = draw_data->DisplaySize;
    glVertexAttrib4f(kTransform, 2.0f / size.x, -2.0f / size.y, -1.0f - 2.0f * pos.x / size.x, 1.0f + 2.0f * pos.y / size.y);
}

}  // namespace

void renderer_init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "article-viewer-webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures | ImGuiBackendFlags_RendererHasVtxOffset;
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);  // known to the page since the context was made: no wait
    ImGui::GetPlatformIO().Renderer_TextureMaxWidth = ImGui::GetPlatformIO().Renderer_TextureMaxHeight = max_size;

    g.vertex_shader = compile(GL_VERTEX_SHADER, kVertexShader);
    g.fragment_shader = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    g.program = glCreateProgram();
    glAttachShader(g.program, g.vertex_shader);
    glAttachShader(g.program, g.fragment_shader);
    glLinkProgram(g.program);
    // Sends the program to the GPU process now rather than at the end of the task, so that it
    // compiles while the program starts (the first glUseProgram waits for the link).
    glFlush();

    glGenVertexArrays(1, &g.vertex_array);
    glGenBuffers(1, &g.vertex_buffer);
    glGenBuffers(1, &g.index_buffer);
    glBindVertexArray(g.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertex_buffer);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.index_buffer);  // part of the vertex array's state
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    point_attributes(0);
    glBindVertexArray(0);
}

void renderer_draw(ImDrawData* draw_data) {
    if (!g.program || !draw_data) return;
    const int fb_width = static_cast<int>(draw_data->DisplaySize.x * draw_data->FramebufferScale.x);
    const int fb_height = static_cast<int>(draw_data->DisplaySize.y * draw_data->FramebufferScale.y);
    // The state first: the first glUseProgram waits for the link, which should not also wait for
    // this frame's texture uploads.
    if (fb_width > 0 && fb_height > 0) set_state(draw_data, fb_width, fb_height);
    if (draw_data->Textures)
        for (ImTextureData* tex : *draw_data->Textures)
            if (tex->Status != ImTextureStatus_OK) update_texture(tex);
    if (fb_width <= 0 || fb_height <= 0) return;

    const ImVec2 clip_off = draw_data->DisplayPos, clip_scale = draw_data->FramebufferScale;
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (const ImDrawList* list : draw_data->CmdLists) {
        glBindBuffer(GL_ARRAY_BUFFER, g.vertex_buffer);
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert), list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx), list->IdxBuffer.Data, GL_STREAM_DRAW);
        if (g.first_vertex != 0) point_attributes(g.first_vertex = 0);  // a new list starts at its first vertex
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) set_state(draw_data, fb_width, fb_height);
                else cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - clip_off.x) * clip_scale.x, y0 = (cmd.ClipRect.y - clip_off.y) * clip_scale.y;
            const float x1 = (cmd.ClipRect.z - clip_off.x) * clip_scale.x, y1 = (cmd.ClipRect.w - clip_off.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            glScissor(static_cast<int>(x0), static_cast<int>(static_cast<float>(fb_height) - y1), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
            if (cmd.VtxOffset != g.first_vertex) point_attributes(g.first_vertex = cmd.VtxOffset);
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(cmd.GetTexID()));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    // The page clears the canvas before the next frame: a scissor left on would clip that too.
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
}

bool renderer_check_program(char* log, int log_size) {
    if (log && log_size > 0) log[0] = '\0';
    if (!g.program) return false;
    GLint linked = GL_FALSE;
    glGetProgramiv(g.program, GL_LINK_STATUS, &linked);
    if (linked == GL_TRUE) return true;
    if (log && log_size > 0) {
        int used = 0;
        const auto append = [&](const char* what, auto get_log, GLuint object) {
            const int n = std::snprintf(log + used, static_cast<std::size_t>(log_size - used), "%s: ", what);
            if (n > 0) used = std::min(log_size - 1, used + n);
            GLsizei written = 0;
            get_log(object, log_size - used, &written, log + used);
            used = std::min(log_size - 1, used + static_cast<int>(written));
        };
        append("vertex shader", glGetShaderInfoLog, g.vertex_shader);
        append(" fragment shader", glGetShaderInfoLog, g.fragment_shader);
        append(" program", glGetProgramInfoLog, g.program);
    }
    return false;
}

}  // namespace av::web
