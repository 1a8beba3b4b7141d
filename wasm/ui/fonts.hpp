// The reading view's fonts: six Noto faces loaded into ImGui's atlas once, rasterised on demand
// at whatever size and density a frame asks for (ImGui 1.92 dynamic fonts), so text is never a
// scaled bitmap. Also the TextMeasurer that core's layout uses, backed by the same fonts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text_measurer.hpp"

struct ImFont;

namespace av {

class FontSet : public TextMeasurer {
public:
    // Loads NotoSerif-{Regular,Bold,Italic,BoldItalic}.ttf and NotoSans-{Regular,Bold}.ttf from
    // `dir` into the current ImGui context. Returns "" on success, else what is missing. A file
    // of the same name in `dir`/ext/ is merged into its face: the web build's extended subsets
    // (Greek, Cyrillic, Vietnamese, ...), which the page fetches only for an article that needs
    // them, so that the first visit stays small (BENCHMARKS.md, "Transfer size").
    std::string load(const std::string& dir);
    // Loads the fonts again from the same folder (after files arrived in `dir`/ext/). The faces
    // are new objects: generation() changes, and layout, which keys on it, runs again.
    std::string reload();
    std::uint32_t generation() const { return generation_; }
    bool extended() const { return extended_; }

    bool loaded() const { return fonts_[0] != nullptr; }
    // Rasterises every face at `density` (device pixels per logical pixel) from now on; called
    // each frame with ImGui's current density. ImGui 1.92 keeps a density per font and updates it
    // only for the font it pushes (UpdateCurrentFontSize), while the reading view draws its faces
    // with ImDrawList::AddText without pushing them: without this, those faces stay baked at
    // density 1 and are drawn scaled up, blurry, on a hi-DPI screen.
    void set_density(float density);
    ImFont* font(Face face) const { return fonts_[static_cast<std::size_t>(face)]; }

    float width(std::string_view text, Face face, float size) const override;
    // ImGui's own table, the one width() reads: ImFontBaked::IndexAdvanceX (-1 for a glyph not
    // loaded yet) and the bake's scale.
    AdvanceTable advances(Face face, float size) const override;
    bool has_glyph(char32_t cp, Face face) const override;

    // File names in the fonts folder, in Face order (the build copies exactly these).
    static const std::array<const char*, static_cast<std::size_t>(Face::count)>& file_names();

private:
    std::array<ImFont*, static_cast<std::size_t>(Face::count)> fonts_{};
    std::string dir_;
    std::uint32_t generation_ = 0;
    bool extended_ = false;
};

}  // namespace av
