#include "font_family.hpp"

namespace av {

std::string_view font_family_name(FontFamily family) {
    switch (family) {
        case FontFamily::sans: return "sans";
        case FontFamily::legible: return "legible";
        default: return "serif";
    }
}

std::optional<FontFamily> font_family_from_name(std::string_view name) {
    for (auto f : {FontFamily::serif, FontFamily::sans, FontFamily::legible})
        if (font_family_name(f) == name) return f;
    return std::nullopt;
}

std::array<std::string_view, 4> font_family_files(FontFamily family) {
    switch (family) {
        case FontFamily::sans:
            return {"families/sans/NotoSans-Regular.ttf", "families/sans/NotoSans-Bold.ttf",
                    "families/sans/NotoSans-Italic.ttf", "families/sans/NotoSans-BoldItalic.ttf"};
        case FontFamily::legible:
            return {"families/legible/OpenDyslexic-Regular.otf", "families/legible/OpenDyslexic-Bold.otf",
                    "families/legible/OpenDyslexic-Italic.otf", "families/legible/OpenDyslexic-BoldItalic.otf"};
        default:
            return {"NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf"};
    }
}

}  // namespace av
