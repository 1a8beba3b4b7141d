// Colours of the reading view. Body text keeps at least 4.5:1 contrast with the page in every
// theme (WCAG AA); tests/core checks the arithmetic.
#pragma once

#include <cstdint>

#include "core/layout.hpp"

namespace av {

enum class ThemeName { light, sepia, dark };

// 0xAARRGGBB-free plain RGB, so tests can compute contrast without ImGui.
struct Rgb {
    std::uint8_t r, g, b;
};

struct Theme {
    ThemeName name;
    Rgb page, text, muted, heading, link, label, sponsored_bg, sponsored_border, callout_bg, callout_border, rule, chip_bg,
        image_bg, selection, find, find_current;
    Rgb color(Role role) const;
};

const Theme& theme(ThemeName name);
// "Light", "Sepia" or "Dark": the toolbar's word and state().theme.
const char* theme_label(ThemeName name);

// The words being read aloud (README "Read aloud"): a green of their own, unlike find's yellows and
// the selection's blue, light enough (dark enough in the dark theme) that text, headings, links
// and captions on it keep 4.5:1. Apart from Theme so that the reading aloud's colour stays one
// change.
Rgb spoken_mark(ThemeName name);

// WCAG 2 contrast ratio of two colours (1..21).
double contrast_ratio(Rgb a, Rgb b);

}  // namespace av
