#include "fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8, as ImGui itself decodes what it draws

#include <algorithm>
#include <cfloat>
#include <cstdio>

#include "core/utf8.hpp"

namespace av {

const std::array<const char*, static_cast<std::size_t>(Face::count)>& FontSet::file_names() {
    static const std::array<const char*, static_cast<std::size_t>(Face::count)> names = {
        "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
        "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
    };
    return names;
}

namespace {

// Reads a whole font file into memory ImGui will own (IM_ALLOC); nullptr if it cannot be read.
// Read by us: ImGui's AddFontFromFileTTF asserts on a missing file, and a missing font must be
// an error message, not a crash. stdio, not <fstream>: iostreams would add about 70 KB of locale
// code to the wasm, and read a byte at a time.
void* read_font(const std::string& path, int& size) {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) return nullptr;
    long n = -1;
    if (std::fseek(in, 0, SEEK_END) == 0) n = std::ftell(in);
    void* data = n >= 12 && std::fseek(in, 0, SEEK_SET) == 0 ? IM_ALLOC(static_cast<std::size_t>(n)) : nullptr;
    const bool read = data && std::fread(data, 1, static_cast<std::size_t>(n), in) == static_cast<std::size_t>(n);
    std::fclose(in);
    if (!read) {
        if (data) IM_FREE(data);
        return nullptr;
    }
    size = static_cast<int>(n);
    return data;
}

// What the web build's extended subsets hold beyond the first paint's (shell/CMakeLists.txt,
// AV_FONT_UNICODES_EXT: keep the two lists in step).
bool in_extended(char32_t c) {
    static const char32_t ranges[][2] = {
        {0x0180, 0x024F}, {0x0259, 0x0259}, {0x02BB, 0x02BB}, {0x02C7, 0x02D9}, {0x02DB, 0x02DB},
        {0x02DD, 0x02DD}, {0x0300, 0x036F}, {0x0370, 0x03FF}, {0x0400, 0x052F}, {0x1E00, 0x1EFF},
        {0x20A0, 0x20AB}, {0x20AD, 0x20CF}, {0x2100, 0x2121}, {0x2123, 0x214F}, {0x2190, 0x21FF},
    };
    if (c < 0x0180 || c > 0x21FF) return false;
    for (const auto& r : ranges)
        if (c >= r[0] && c <= r[1]) return true;
    return false;
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string FontSet::load(const std::string& dir) {
    dir_ = dir;
    extended_ = false;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        const std::string path = dir + "/" + file_names()[i];
        int size = 0;
        void* data = read_font(path, size);
        if (!data) return "cannot read font " + path;
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 2;  // sharper glyph positioning for body text at small sizes
        fonts_[i] = atlas->AddFontFromMemoryTTF(data, size, 20.0f, &config);
        if (!fonts_[i]) return "cannot use font " + path;
        // The web build's extended subset of the same face, once the page has fetched it: merged
        // into the face just added (ImGui merges into the atlas's last font).
        if (void* more = read_font(dir + "/ext/" + file_names()[i], size)) {
            config.MergeMode = true;
            extended_ = atlas->AddFontFromMemoryTTF(more, size, 20.0f, &config) != nullptr;
        }
    }
    return {};
}

std::string FontSet::reload() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (ImFont*& f : fonts_) {
        if (f) atlas->RemoveFont(f);
        f = nullptr;
    }
    ++generation_;
    return load(dir_);
}

void FontSet::set_density(float density) {
    if (!(density > 0)) return;
    // ImFont::GetFontBaked(size), which AddText, CalcTextSizeA and width() use, picks the bake for
    // (size, CurrentRasterizerDensity): setting it is how ImGui itself selects the density.
    for (ImFont* f : fonts_)
        if (f) f->CurrentRasterizerDensity = density;
}

bool FontSet::needs_extended(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char b = static_cast<unsigned char>(text[i]);
        if (b >= 0x80) {
            if (in_extended(utf8::next(text, i))) return true;
        } else if (b == '\\' && i + 5 < text.size() && text[i + 1] == 'u') {
            // A JSON escape, \uXXXX (a false alarm on an escaped backslash costs one download).
            int cp = 0;
            for (std::size_t k = 2; k < 6 && cp >= 0; ++k) cp = hex(text[i + k]) < 0 ? -1 : cp * 16 + hex(text[i + k]);
            if (cp >= 0 && in_extended(static_cast<char32_t>(cp))) return true;
            i += 2;
        } else {
            ++i;
        }
    }
    return false;
}

float FontSet::width(std::string_view text, Face face, float size) const {
    ImFont* f = font(face);
    if (!f || text.empty()) return 0;
    // ImFont::CalcTextSizeA(size, FLT_MAX, 0, ...).x, step for step (the same sums in the same
    // order, so the same floats as the text ImGui draws), without its wrapping machinery: layout
    // measures every word of an article here (BENCHMARKS.md, "Load").
    ImFontBaked* baked = f->GetFontBaked(size);
    const float scale = size / baked->Size;
    float widest = 0, line = 0;
    const char* const end = text.data() + text.size();
    for (const char* s = text.data(); s < end;) {
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) s += 1;
        else s += ImTextCharFromUtf8(&c, s, end);
        if (c < 32) {
            if (c == '\n') {
                widest = std::max(widest, line);
                line = 0;
                continue;
            }
            if (c == '\r') continue;
        }
        float advance = c < static_cast<unsigned int>(baked->IndexAdvanceX.Size) ? baked->IndexAdvanceX.Data[c] : -1.0f;
        if (advance < 0.0f) advance = baked->GetCharAdvance(static_cast<ImWchar>(c));
        line += advance * scale;
    }
    return std::max(widest, line);
}

AdvanceTable FontSet::advances(Face face, float size) const {
    ImFont* f = font(face);
    if (!f) return {};
    ImFontBaked* baked = f->GetFontBaked(size);
    return {baked->IndexAdvanceX.Data, static_cast<std::size_t>(baked->IndexAdvanceX.Size), size / baked->Size};
}

bool FontSet::has_glyph(char32_t cp, Face face) const {
    ImFont* f = font(face);
    if (cp > IM_UNICODE_CODEPOINT_MAX) return false;
    return f && f->IsGlyphInFont(static_cast<ImWchar>(cp));
}

}  // namespace av
