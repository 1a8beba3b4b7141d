// The four colours a highlight can have, as drawn under the text in each theme. Pale tints in the
// light and sepia themes, deep ones in the dark theme, so that body text, headings, links and
// labels keep 4.5:1 on them (WCAG AA; tests/ui/test_highlight_colors.cpp), and none of them is
// the selection's blue or the find matches' yellow-orange at the same strength.
#pragma once

#include <cstddef>

#include "theme.hpp"

namespace av {

// Index of a highlight colour: 0 yellow, 1 green, 2 blue, 3 pink (the order of
// core/highlights.hpp's HighlightColor and of the bar's buttons).
constexpr std::size_t highlight_color_count = 4;

Rgb highlight_rgb(ThemeName theme, std::size_t color);
// The colour's name for people: "Yellow", ... (the bar's and the panel's buttons).
const char* highlight_color_label(std::size_t color);

}  // namespace av
