// Which of the toolbar's controls fit on its one row, and which go into its "More" menu (⋯), for
// a window `width` wide (reader-visible defects issue, item 11: at 360 px the time left was drawn
// under the buttons). Plain arithmetic, no ImGui: tests/ui/test_toolbar_fit.cpp.
#pragma once

#include <vector>

namespace av {

struct ToolbarFit {
    std::vector<bool> inline_;  // per control, in the row's order: on the row (else in the menu)
    bool menu = false;          // the "More" button is shown
    bool time_left = true;      // the time left is shown at the row's left
};

// `widths`: each control's width, in the row's order; `drop_order`: the order in which controls
// leave the row for the menu when it is too narrow (indexes into `widths`; a control not listed
// always stays). `left_w`: the time left's width; `more_w`: the More button's; `gap` between
// controls; `margin` at both ends and between the time left and the first control.
ToolbarFit fit_toolbar(float width, float left_w, const std::vector<float>& widths, const std::vector<int>& drop_order,
                       float more_w, float gap, float margin);

// The width the row takes (controls on it, the More button, the time left, margins) for `fit`.
float toolbar_width(const ToolbarFit& fit, float left_w, const std::vector<float>& widths, float more_w, float gap, float margin);

}  // namespace av
