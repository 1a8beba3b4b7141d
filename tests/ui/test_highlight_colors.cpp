// Highlights are drawn under the text (ui/highlight_colors.hpp): every colour the reading view
// draws text in keeps 4.5:1 on every highlight colour, in every theme, and the four colours are
// told apart from each other and from the page.
#include <doctest/doctest.h>

#include <cstdlib>

#include "ui/highlight_colors.hpp"

using namespace av;

TEST_CASE("text, headings, links and labels keep 4.5:1 on every highlight in every theme") {
    for (ThemeName name : {ThemeName::light, ThemeName::sepia, ThemeName::dark}) {
        const Theme& t = theme(name);
        for (std::size_t c = 0; c < highlight_color_count; ++c) {
            const Rgb bg = highlight_rgb(name, c);
            CAPTURE(theme_label(name));
            CAPTURE(highlight_color_label(c));
            for (Role role : {Role::body, Role::heading, Role::link, Role::label, Role::quote, Role::title,
                              Role::caption, Role::meta})
                CHECK(contrast_ratio(t.color(role), bg) >= 4.5);
            // Seen against the page: a highlight that looked like the page would be lost.
            CHECK(contrast_ratio(bg, t.page) >= 1.1);
        }
    }
}

TEST_CASE("the four colours differ from each other in every theme") {
    for (ThemeName name : {ThemeName::light, ThemeName::sepia, ThemeName::dark}) {
        for (std::size_t a = 0; a < highlight_color_count; ++a) {
            for (std::size_t b = a + 1; b < highlight_color_count; ++b) {
                const Rgb x = highlight_rgb(name, a), y = highlight_rgb(name, b);
                const int distance = std::abs(x.r - y.r) + std::abs(x.g - y.g) + std::abs(x.b - y.b);
                CAPTURE(theme_label(name));
                CHECK(distance >= 40);
            }
        }
    }
}
