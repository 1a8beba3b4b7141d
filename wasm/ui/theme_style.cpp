#include "theme_style.hpp"

#include <cmath>

#include "panel_style.hpp"  // to_vec4

namespace av {

Rgb over(const ImVec4& top, Rgb under) {
    const auto mix = [&](float c, std::uint8_t u) {
        return static_cast<std::uint8_t>(std::lround(c * 255.0f * top.w + static_cast<float>(u) * (1.0f - top.w)));
    };
    return Rgb{mix(top.x, under.r), mix(top.y, under.g), mix(top.z, under.b)};
}

void apply_theme(const Theme& t, ImGuiStyle& style) {
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = to_vec4(t.text);
    c[ImGuiCol_TextDisabled] = to_vec4(t.muted);
    c[ImGuiCol_TextLink] = to_vec4(t.link);
    c[ImGuiCol_WindowBg] = c[ImGuiCol_ChildBg] = c[ImGuiCol_PopupBg] = to_vec4(t.page);
    c[ImGuiCol_MenuBarBg] = to_vec4(t.page);
    c[ImGuiCol_Border] = to_vec4(t.rule);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    // Controls: a chip that darkens (lightens in the dark theme) when hovered and pressed.
    c[ImGuiCol_FrameBg] = c[ImGuiCol_Button] = c[ImGuiCol_Header] = to_vec4(t.chip_bg);
    c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_ButtonHovered] = c[ImGuiCol_HeaderHovered] = to_vec4(t.rule);
    c[ImGuiCol_FrameBgActive] = c[ImGuiCol_ButtonActive] = c[ImGuiCol_HeaderActive] = to_vec4(t.rule);
    c[ImGuiCol_Separator] = c[ImGuiCol_SeparatorHovered] = c[ImGuiCol_SeparatorActive] = to_vec4(t.rule);
    c[ImGuiCol_ScrollbarBg] = to_vec4(t.page);
    c[ImGuiCol_ScrollbarGrab] = c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrabActive] = to_vec4(t.muted);
    c[ImGuiCol_CheckMark] = c[ImGuiCol_SliderGrab] = c[ImGuiCol_SliderGrabActive] = to_vec4(t.link);
    c[ImGuiCol_TextSelectedBg] = to_vec4(t.selection);
    c[ImGuiCol_NavCursor] = to_vec4(t.link);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBgCollapsed] = to_vec4(t.chip_bg);
    c[ImGuiCol_ModalWindowDimBg] = c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.35f);
}

}  // namespace av
