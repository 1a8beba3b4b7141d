// The reading view's fonts: six Noto faces loaded into ImGui's atlas once, rasterised on demand
// at whatever size and density a frame asks for (ImGui 1.92 dynamic fonts), so text is never a
// scaled bitmap. Also the TextMeasurer that core's layout uses, backed by the same fonts.
#pragma once

#include <array>
#include <string>

#include "core/text_measurer.hpp"

struct ImFont;

namespace av {

class FontSet : public TextMeasurer {
public:
    // Loads NotoSerif-{Regular,Bold,Italic,BoldItalic}.ttf and NotoSans-{Regular,Bold}.ttf from
    // `dir` into the current ImGui context. Returns "" on success, else what is missing.
    std::string load(const std::string& dir);

    bool loaded() const { return fonts_[0] != nullptr; }
    ImFont* font(Face face) const { return fonts_[static_cast<std::size_t>(face)]; }

    float width(std::string_view text, Face face, float size) const override;
    bool has_glyph(char32_t cp, Face face) const override;

    // File names in the fonts folder, in Face order (the build copies exactly these).
    static const std::array<const char*, static_cast<std::size_t>(Face::count)>& file_names();

private:
    std::array<ImFont*, static_cast<std::size_t>(Face::count)> fonts_{};
};

}  // namespace av
