// Every colour ImGui draws a control with, from the reader's theme: the error screen's buttons,
// the toolbar, the panels, tooltips, the focus ring. Left to ImGui's defaults (its dark style),
// the error screen's buttons were white on light blue, about 1.5:1 (reader-visible defects issue,
// item 10). tests/ui/test_theme_style.cpp checks every pair a control draws, text against what
// it sits on, for WCAG AA (4.5:1), and the focus ring for 3:1.
#pragma once

#include <imgui.h>

#include "theme.hpp"

namespace av {

// Sets `style.Colors` from `t`; App calls it at every frame's start, so a theme change is whole.
void apply_theme(const Theme& t, ImGuiStyle& style);

// The colour `top` (which may be translucent) shows as when drawn over the opaque `under`.
Rgb over(const ImVec4& top, Rgb under);

}  // namespace av
