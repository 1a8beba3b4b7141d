#include "toolbar_fit.hpp"

namespace av {

float toolbar_width(const ToolbarFit& fit, float left_w, const std::vector<float>& widths, float more_w, float gap, float margin) {
    float used = 2 * margin;
    int shown = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        if (!fit.inline_[i]) continue;
        used += widths[i];
        ++shown;
    }
    if (fit.menu) {
        used += more_w;
        ++shown;
    }
    if (shown > 1) used += gap * static_cast<float>(shown - 1);
    if (fit.time_left) used += left_w + margin;
    return used;
}

ToolbarFit fit_toolbar(float width, float left_w, const std::vector<float>& widths, const std::vector<int>& drop_order,
                       float more_w, float gap, float margin) {
    ToolbarFit fit;
    fit.inline_.assign(widths.size(), true);
    // Controls leave the row one by one, the first to go opening the menu; when all that may go
    // have gone, the time left goes last: what remains always fits a 320 px phone.
    for (int next : drop_order) {
        if (toolbar_width(fit, left_w, widths, more_w, gap, margin) <= width) return fit;
        if (next < 0 || static_cast<std::size_t>(next) >= widths.size()) continue;
        fit.inline_[static_cast<std::size_t>(next)] = false;
        fit.menu = true;
    }
    if (toolbar_width(fit, left_w, widths, more_w, gap, margin) > width) fit.time_left = false;
    return fit;
}

}  // namespace av
