#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace av {

namespace {

// Sponsored boxes use a warm tint and a label colour of their own in every theme, so they can
// never pass for the article's text. Selection and find matches are light enough (dark enough in
// the dark theme) for text, headings and links on them to keep 4.5:1 (tests/ui/test_theme_style.cpp).
const Theme themes[] = {
    {ThemeName::light, {255, 255, 255}, {34, 34, 34}, {95, 95, 95}, {17, 17, 17}, {0, 82, 163}, {122, 72, 0},
     {255, 246, 224}, {230, 196, 120}, {240, 244, 250}, {160, 180, 210}, {210, 210, 210}, {236, 236, 236},
     {235, 235, 235}, {180, 210, 255}, {255, 230, 100}, {255, 190, 100}},
    {ThemeName::sepia, {248, 241, 227}, {59, 46, 30}, {104, 88, 66}, {40, 30, 18}, {30, 80, 150}, {122, 62, 0},
     {242, 226, 190}, {205, 170, 105}, {236, 230, 214}, {175, 160, 130}, {215, 200, 175}, {234, 224, 202},
     {230, 220, 200}, {224, 208, 176}, {250, 220, 110}, {245, 185, 110}},
    {ThemeName::dark, {24, 24, 27}, {222, 222, 222}, {160, 160, 165}, {240, 240, 240}, {130, 180, 255}, {255, 196, 110},
     {52, 42, 24}, {130, 100, 45}, {32, 38, 50}, {80, 100, 130}, {70, 70, 75}, {48, 48, 54}, {44, 44, 48},
     {38, 58, 96}, {80, 66, 8}, {115, 40, 10}},
};

double channel(std::uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

}  // namespace

const Theme& theme(ThemeName name) { return themes[static_cast<int>(name)]; }

const char* theme_label(ThemeName name) {
    switch (name) {
        case ThemeName::light: return "Light";
        case ThemeName::sepia: return "Sepia";
        case ThemeName::dark: return "Dark";
    }
    return "";
}

Rgb Theme::color(Role role) const {
    switch (role) {
        case Role::title:
        case Role::heading: return heading;
        case Role::subtitle:
        case Role::meta:
        case Role::caption:
        case Role::alt: return muted;
        case Role::link: return link;
        case Role::label: return label;
        case Role::body:
        case Role::quote:
        case Role::sponsored:
        case Role::callout:
        case Role::chip: return text;
    }
    return text;
}

Rgb spoken_mark(ThemeName name) {
    switch (name) {
        case ThemeName::light: return {196, 238, 204};
        case ThemeName::sepia: return {180, 224, 176};
        case ThemeName::dark: return {14, 58, 36};
    }
    return {196, 238, 204};
}

double contrast_ratio(Rgb a, Rgb b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace av
