// Themes: body text keeps at least 4.5:1 contrast with the page (WCAG AA) in every theme, and so
// do the other roles that carry reading text. theme.cpp is plain arithmetic, no ImGui.
#include <doctest/doctest.h>

#include <cstdlib>

#include "ui/theme.hpp"

using namespace av;

TEST_CASE("contrast of every text role in every theme") {
    CHECK(contrast_ratio(Rgb{0, 0, 0}, Rgb{255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio(Rgb{10, 10, 10}, Rgb{10, 10, 10}) == doctest::Approx(1.0));
    for (ThemeName name : {ThemeName::light, ThemeName::sepia, ThemeName::dark}) {
        const Theme& t = theme(name);
        CAPTURE(static_cast<int>(name));
        CHECK(contrast_ratio(t.text, t.page) >= 4.5);
        CHECK(contrast_ratio(t.heading, t.page) >= 4.5);
        CHECK(contrast_ratio(t.muted, t.page) >= 4.5);
        CHECK(contrast_ratio(t.link, t.page) >= 4.5);
        // Text inside boxes, against the box.
        CHECK(contrast_ratio(t.text, t.sponsored_bg) >= 4.5);
        CHECK(contrast_ratio(t.label, t.sponsored_bg) >= 4.5);
        CHECK(contrast_ratio(t.text, t.callout_bg) >= 4.5);
        CHECK(contrast_ratio(t.label, t.callout_bg) >= 4.5);
        CHECK(contrast_ratio(t.text, t.chip_bg) >= 4.5);
    }
}

TEST_CASE("the words read aloud: readable on their mark, and a mark unlike find's and the selection's") {
    for (ThemeName name : {ThemeName::light, ThemeName::sepia, ThemeName::dark}) {
        const Theme& t = theme(name);
        const Rgb mark = spoken_mark(name);
        CAPTURE(static_cast<int>(name));
        for (Rgb fg : {t.text, t.heading, t.link, t.muted}) CHECK(contrast_ratio(fg, mark) >= 4.5);
        // Seen against the page, and not taken for a find match or the selection.
        CHECK(contrast_ratio(mark, t.page) > 1.2);
        for (Rgb other : {t.find, t.find_current, t.selection}) {
            const int distance = std::abs(mark.r - other.r) + std::abs(mark.g - other.g) + std::abs(mark.b - other.b);
            CHECK(distance >= 60);
        }
    }
}
