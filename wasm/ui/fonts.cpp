#include "fonts.hpp"

#include <imgui.h>

#include <cfloat>
#include <fstream>
#include <iterator>

namespace av {

const std::array<const char*, static_cast<std::size_t>(Face::count)>& FontSet::file_names() {
    static const std::array<const char*, static_cast<std::size_t>(Face::count)> names = {
        "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
        "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
    };
    return names;
}

std::string FontSet::load(const std::string& dir) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        const std::string path = dir + "/" + file_names()[i];
        // Read the file ourselves: ImGui's AddFontFromFileTTF asserts on a missing file, and a
        // missing font must be an error message, not a crash.
        std::ifstream in(path, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in && !in.eof()) return "cannot read font " + path;
        if (bytes.size() < 12) return "cannot read font " + path;
        void* data = IM_ALLOC(bytes.size());
        std::copy(bytes.begin(), bytes.end(), static_cast<char*>(data));
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 2;  // sharper glyph positioning for body text at small sizes
        fonts_[i] = atlas->AddFontFromMemoryTTF(data, static_cast<int>(bytes.size()), 20.0f, &config);
        if (!fonts_[i]) return "cannot use font " + path;
    }
    return {};
}

float FontSet::width(std::string_view text, Face face, float size) const {
    ImFont* f = font(face);
    if (!f || text.empty()) return 0;
    return f->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

bool FontSet::has_glyph(char32_t cp, Face face) const {
    ImFont* f = font(face);
    if (cp > IM_UNICODE_CODEPOINT_MAX) return false;
    return f && f->IsGlyphInFont(static_cast<ImWchar>(cp));
}

}  // namespace av
