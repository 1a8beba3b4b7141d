#include "highlight_colors.hpp"

namespace av {

namespace {

// Per theme (light, sepia, dark), per colour (yellow, green, blue, pink). The dark theme's are
// dark enough for its muted grey (captions, 160, 160, 165) to keep 4.5:1: luminance under 0.039.
const Rgb colors[3][highlight_color_count] = {
    {{255, 240, 150}, {196, 238, 184}, {178, 230, 240}, {255, 204, 224}},
    {{250, 228, 140}, {204, 228, 172}, {184, 222, 226}, {246, 202, 212}},
    {{64, 54, 0}, {24, 58, 32}, {16, 56, 72}, {92, 30, 56}},
};

}  // namespace

Rgb highlight_rgb(ThemeName theme, std::size_t color) {
    return colors[static_cast<std::size_t>(theme)][color < highlight_color_count ? color : 0];
}

const char* highlight_color_label(std::size_t color) {
    static const char* const labels[highlight_color_count] = {"Yellow", "Green", "Blue", "Pink"};
    return labels[color < highlight_color_count ? color : 0];
}

}  // namespace av
