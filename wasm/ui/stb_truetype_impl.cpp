// The one copy of stb_truetype in the program, shared by ImGui's font loader and ours
// (ui/glyph_fonts.cpp draws glyphs by id, which ImGui's loader cannot).
//
// Workaround (Dear ImGui 1.92): imgui_draw.cpp compiles stb_truetype privately (STBTT_STATIC)
// unless IMGUI_DISABLE_STB_TRUETYPE_IMPLEMENTATION is defined, in which case it declares the
// functions extern and expects them elsewhere: here, configured as imgui_draw.cpp configures its
// own copy (ImGui's allocator; the C library's maths, which ImGui's Im* helpers wrap). The
// definition is set on the av_imgui target (wasm/CMakeLists.txt). imgui_internal.h is not
// included: its forward declaration of stbrp_node clashes with stb_truetype's own small packer.
#include <imgui.h>

#include <cmath>
#include <cstring>

#define STBTT_malloc(x, u) ((void)(u), IM_ALLOC(x))
#define STBTT_free(x, u) ((void)(u), IM_FREE(x))
#define STBTT_assert(x) \
    do {                \
        IM_ASSERT(x);   \
    } while (0)
#define STBTT_fmod(x, y) std::fmod(x, y)
#define STBTT_sqrt(x) std::sqrt(x)
#define STBTT_pow(x, y) std::pow(x, y)
#define STBTT_fabs(x) std::fabs(x)
#define STBTT_ifloor(x) ((int)std::floor(x))
#define STBTT_iceil(x) ((int)std::ceil(x))
#define STBTT_strlen(x) std::strlen(x)
#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"
