// The look of the viewer's own controls (toolbar, find bar, notices, popups), taken from the
// reading theme so they match it: pushed on construction, popped when the scope ends.
#pragma once

#include <imgui.h>

#include "theme.hpp"

namespace av {

inline ImVec4 to_vec4(Rgb c, float alpha = 1.0f) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha); }

class PanelStyle {
public:
    // `border`: the colour of the panel's outline; `outlined` false draws none and no rounding
    // (the toolbar, which spans the window).
    PanelStyle(const Theme& t, Rgb background, Rgb border, ImVec2 padding, ImFont* font, float font_size, bool outlined = true) {
        ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(background));
        ImGui::PushStyleColor(ImGuiCol_PopupBg, to_vec4(t.page));
        ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(border));
        ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(t.text));
        ImGui::PushStyleColor(ImGuiCol_FrameBg, to_vec4(t.chip_bg));
        ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(t.page));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(t.chip_bg));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(t.rule));
        ImGui::PushStyleColor(ImGuiCol_Header, to_vec4(t.chip_bg));
        ImGui::PushStyleColor(ImGuiCol_HeaderHovered, to_vec4(t.chip_bg));
        ImGui::PushStyleColor(ImGuiCol_NavCursor, to_vec4(t.link));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, padding);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, outlined ? 6.0f : 0.0f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, outlined ? 1.0f : 0.0f);
        ImGui::PushFont(font, font_size);
    }
    ~PanelStyle() {
        ImGui::PopFont();
        ImGui::PopStyleVar(3);
        ImGui::PopStyleColor(11);
    }
    PanelStyle(const PanelStyle&) = delete;
    PanelStyle& operator=(const PanelStyle&) = delete;
};

}  // namespace av
