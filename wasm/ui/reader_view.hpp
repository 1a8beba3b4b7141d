// The reading view: draws the visible part of a laid-out article into the current ImGui window,
// scrolls it (wheel, keyboard) and follows links. Holds only view state (scroll position).
#pragma once

#include "core/layout.hpp"
#include "fonts.hpp"
#include "theme.hpp"

namespace av {

class Host;

class ReaderView {
public:
    // Handles this frame's input and draws. `top` is the y of the viewport's first row in the
    // window (below any toolbar), `view_h` its height. Returns true while scrolling animates.
    bool draw(const DocumentLayout& doc, const FontSet& fonts, const Theme& theme, Host& host, float top, float view_h);

    float scroll_y() const { return scroll_; }
    void scroll_to(float y) { scroll_ = target_ = y; }

private:
    void handle_input(const DocumentLayout& doc, float view_h);
    void clamp(const DocumentLayout& doc, float view_h);

    float scroll_ = 0;  // what is drawn
    float target_ = 0;  // where smooth scrolling is heading
};

}  // namespace av
