#include "fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8, as ImGui itself decodes what it draws

#include <algorithm>
#include <cfloat>
#include <cstdio>


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
