// Every control's colours in every theme (reader-visible defects issue, item 10): ImGui's style as
// App sets it (ui/theme_style.hpp) and the panels' own (ui/panel_style.hpp), text against each
// background it is drawn on, for WCAG AA: 4.5:1 for text, 3:1 for the focus ring (non-text).
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>

#include "ui/theme_style.hpp"

using namespace av;

namespace {

const Rgb white{255, 255, 255};

Rgb opaque(const ImVec4& c, Rgb under) { return over(c, under); }

}  // namespace

TEST_CASE("errors: ImGui's own style fails, which is why every colour is set") {
    ImGuiStyle style;  // ImGui's default (dark) colours, as the error screen had them
    const Theme& t = theme(ThemeName::light);
    const Rgb button = opaque(style.Colors[ImGuiCol_Button], t.page);
    CHECK(contrast_ratio(opaque(style.Colors[ImGuiCol_Text], button), button) < 2.0);
    apply_theme(t, style);
    const Rgb themed = opaque(style.Colors[ImGuiCol_Button], t.page);
    CHECK(contrast_ratio(opaque(style.Colors[ImGuiCol_Text], themed), themed) >= 4.5);
}

TEST_CASE("every text colour on every background a control draws it on, in every theme") {
    for (ThemeName name : {ThemeName::light, ThemeName::sepia, ThemeName::dark}) {
        const Theme& t = theme(name);
        ImGuiStyle style;
        apply_theme(t, style);
        const ImVec4* c = style.Colors;
        const Rgb page = opaque(c[ImGuiCol_WindowBg], white);
        CHECK(contrast_ratio(page, t.page) == doctest::Approx(1.0));
        const ImGuiCol backgrounds[] = {ImGuiCol_WindowBg,      ImGuiCol_ChildBg,        ImGuiCol_PopupBg,      ImGuiCol_MenuBarBg,
                                        ImGuiCol_FrameBg,       ImGuiCol_FrameBgHovered, ImGuiCol_FrameBgActive, ImGuiCol_Button,
                                        ImGuiCol_ButtonHovered, ImGuiCol_ButtonActive,   ImGuiCol_Header,       ImGuiCol_HeaderHovered,
                                        ImGuiCol_HeaderActive,  ImGuiCol_TitleBg,        ImGuiCol_TitleBgActive, ImGuiCol_TextSelectedBg};
        for (ImGuiCol bg : backgrounds) {
            const Rgb under = opaque(c[bg], page);
            CAPTURE(theme_label(name));
            CAPTURE(ImGui::GetStyleColorName(bg));
            CHECK(contrast_ratio(opaque(c[ImGuiCol_Text], under), under) >= 4.5);
        }
        // Muted text and links sit on the page and on the chips (the library's rows).
        for (ImGuiCol bg : {ImGuiCol_WindowBg, ImGuiCol_FrameBg, ImGuiCol_Button}) {
            const Rgb under = opaque(c[bg], page);
            CAPTURE(theme_label(name));
            CAPTURE(ImGui::GetStyleColorName(bg));
            CHECK(contrast_ratio(opaque(c[ImGuiCol_TextDisabled], under), under) >= 4.5);
            CHECK(contrast_ratio(opaque(c[ImGuiCol_TextLink], under), under) >= 4.5);
            CHECK(contrast_ratio(opaque(c[ImGuiCol_NavCursor], under), under) >= 3.0);
        }
        // The panels (toolbar, find bar, open file: on the page; the notice: on the callout box)
        // draw their buttons in the page's colour, hovered as a chip, pressed as a rule.
        for (Rgb panel : {t.page, t.callout_bg}) {
            CAPTURE(theme_label(name));
            for (Rgb under : {panel, t.page, t.chip_bg, t.rule}) CHECK(contrast_ratio(t.text, under) >= 4.5);
            CHECK(contrast_ratio(t.link, panel) >= 3.0);  // the focus ring
        }
        // The reading view: text, headings, links and muted text on a selection and a find match.
        for (Rgb under : {t.selection, t.find, t.find_current}) {
            CAPTURE(theme_label(name));
            for (Rgb fg : {t.text, t.heading, t.link}) CHECK(contrast_ratio(fg, under) >= 4.5);
        }
    }
}
