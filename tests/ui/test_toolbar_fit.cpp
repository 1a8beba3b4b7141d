// The toolbar's row on narrow windows (ui/toolbar_fit.hpp): controls go into the More menu in the
// order given, the time left goes last, and the row never runs past the window.
#include <doctest/doctest.h>

#include "ui/toolbar_fit.hpp"

using namespace av;

namespace {
// Open…, A–, A+, Light, Contents, Library, as the toolbar measures them at 16 px.
const std::vector<float> widths = {62, 36, 36, 58, 86, 74};
const std::vector<int> drop = {0, 3, 1, 2, 4};  // Open, the theme, A–, A+, Contents; Library stays
}  // namespace

TEST_CASE("wide: everything on the row, no menu") {
    const ToolbarFit fit = fit_toolbar(1280, 130, widths, drop, 34, 4, 16);
    CHECK(fit.inline_ == std::vector<bool>{true, true, true, true, true, true});
    CHECK_FALSE(fit.menu);
    CHECK(fit.time_left);
}

TEST_CASE("narrower and narrower: controls leave in order, the time left last, and it always fits") {
    int menu_items = 0;
    for (float width = 700; width >= 120; width -= 10) {
        CAPTURE(width);
        const ToolbarFit fit = fit_toolbar(width, 130, widths, drop, 34, 4, 16);
        CHECK(fit.inline_[5]);  // Library never leaves
        int gone = 0;
        for (bool on_row : fit.inline_) gone += on_row ? 0 : 1;
        CHECK(gone >= menu_items);  // never back on the row at a narrower width
        menu_items = gone;
        CHECK(fit.menu == (gone > 0));
        // In the drop order: a control is gone only if every one before it in the order is.
        for (std::size_t k = 1; k < drop.size(); ++k)
            if (!fit.inline_[static_cast<std::size_t>(drop[k])]) CHECK_FALSE(fit.inline_[static_cast<std::size_t>(drop[k - 1])]);
        if (width >= 300) {
            CHECK(toolbar_width(fit, 130, widths, 34, 4, 16) <= width);
            CHECK(fit.time_left);  // a 320 px phone keeps the time left
        }
    }
}

TEST_CASE("360 px with French's longer time left: the row and the time left do not overlap") {
    const ToolbarFit fit = fit_toolbar(360, 128, widths, drop, 34, 4, 16);
    CHECK(fit.time_left);
    CHECK(fit.menu);
    CHECK(toolbar_width(fit, 128, widths, 34, 4, 16) <= 360);
}
