// The settings panel ("Aa" on the toolbar): theme, text size, font, line width, line spacing and
// justification, each a row of buttons a click or the keyboard (ImGui's navigation) presses. It
// changes App::settings_ through set_settings, as the page's API does, so every change is applied,
// remembered and told the same way. The page's own copy (shell/controls.js) serves screen readers.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "app.hpp"
#include "panel_style.hpp"

namespace av {

namespace {

// Narrow, medium and wide as characters per line: the steps most readers want, a character more or
// less beside them for anything between 45 and 90.
constexpr int narrow_measure = 55, medium_measure = 70, wide_measure = 85;

}  // namespace

void App::draw_settings_panel(float width, float height) {
    const Theme& t = theme(theme_);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Under the toolbar at the right, as the find bar; from 320 px up it takes the window's width
    // less a margin, and scrolls when the window is too short for it.
    const float panel_w = std::min(360.0f, width - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + width - 8, vp->Pos.y + toolbar_height + 4), ImGuiCond_Always,
                            ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(panel_w, 0),
                                        ImVec2(panel_w, std::max(height - toolbar_height - 8, 120.0f)));
    if (settings_focus_) {
        ImGui::SetNextWindowFocus();
        settings_focus_ = false;
    }
    const PanelStyle style(t, t.page, t.rule, ImVec2(14, 12), fonts_.font(Face::sans), 16.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6, 6));
    ImGui::Begin("settings", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoMove);
    settings_items_.clear();
    ReaderSettings next = settings_;
    const float inner = panel_w - 28.0f;
    float row_x = 0;  // where the current row of buttons has reached, to wrap at the panel's edge
    const auto heading = [&](const char* text) {
        ImGui::Dummy(ImVec2(0, 2));
        ImGui::TextColored(to_vec4(t.muted), "%s", text);
        row_x = 0;
    };
    // A button of a row, drawn pressed when `selected`; `key` names it in state() for the tests.
    const auto choice = [&](const char* label, bool selected, const std::string& key) {
        const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (row_x > 0 && row_x + 6 + w <= inner)
            ImGui::SameLine(0, 6);
        else
            row_x = 0;
        row_x += (row_x > 0 ? 6 : 0) + w;
        if (selected) {
            ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(t.selection));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(t.selection));
        }
        const bool pressed = ImGui::Button(label);
        if (selected) ImGui::PopStyleColor(2);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        settings_items_.push_back({key, {a.x, a.y, b.x - a.x, b.y - a.y}});
        return pressed;
    };

    heading("Theme");
    for (ThemeSetting th : {ThemeSetting::light, ThemeSetting::sepia, ThemeSetting::dark, ThemeSetting::automatic}) {
        static const char* const labels[] = {"Light", "Sepia", "Dark", "Auto"};
        if (choice(labels[static_cast<int>(th)], settings_.theme == th, "theme:" + std::string(theme_setting_name(th))))
            next.theme = th;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Auto follows the system's light or dark mode");

    heading("Text size");
    if (choice("A\xE2\x80\x93", false, "fontSize:smaller"))
        next.font_size = std::max(settings_.font_size - 2, ReaderSettings::min_font_size);
    ImGui::SameLine(0, 10);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d px", settings_.font_size);
    ImGui::SameLine(0, 10);
    row_x = inner / 2;  // the size's label sits between the two buttons
    if (choice("A+", false, "fontSize:larger"))
        next.font_size = std::min(settings_.font_size + 2, ReaderSettings::max_font_size);

    heading("Font");
    for (FontFamily f : {FontFamily::serif, FontFamily::sans, FontFamily::legible}) {
        static const char* const labels[] = {"Serif", "Sans", "Legible"};
        if (choice(labels[static_cast<int>(f)], settings_.font == f, "font:" + std::string(font_family_name(f))))
            next.font = f;
    }

    heading("Line width");
    for (auto [label, chars] :
         {std::pair{"Narrow", narrow_measure}, std::pair{"Medium", medium_measure}, std::pair{"Wide", wide_measure}})
        if (choice(label, settings_.measure == chars, "measure:" + std::to_string(chars))) next.measure = chars;
    // Finer steps than the three widths, a character at a time: two buttons rather than ImGui's
    // slider, whose number parsing (sscanf) alone made the wasm of a first visit 20 KB heavier.
    if (choice("\xE2\x88\x92", false, "measure:narrower"))
        next.measure = std::max(settings_.measure - 1, ReaderSettings::min_measure);
    ImGui::SameLine(0, 10);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%d characters", settings_.measure);
    ImGui::SameLine(0, 10);
    row_x = inner / 2;
    if (choice("+", false, "measure:wider"))
        next.measure = std::min(settings_.measure + 1, ReaderSettings::max_measure);

    heading("Line spacing");
    for (float spacing : ReaderSettings::line_spacings) {
        char label[16];
        std::snprintf(label, sizeof label, "%g", static_cast<double>(spacing));
        if (choice(label, settings_.line_spacing == spacing, std::string("lineSpacing:") + label))
            next.line_spacing = spacing;
    }

    heading("Alignment");
    if (choice("Ragged right", !settings_.justify, "justify:false")) next.justify = false;
    if (choice("Justified", settings_.justify, "justify:true")) next.justify = true;

    // Reading aloud, where the platform speaks (README "Read aloud"). The voices are the browser's
    // own list: the page's settings (shell/controls.js) choose one; here it is named.
    if (host_.can_speak()) {
        heading("Reading aloud");
        constexpr float rate_step = 0.25f;
        if (choice("Slower", false, "speechRate:slower"))
            next.speech_rate = std::max(settings_.speech_rate - rate_step, ReaderSettings::min_speech_rate);
        ImGui::SameLine(0, 10);
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%gx", std::round(static_cast<double>(settings_.speech_rate) * 100.0) / 100.0);
        ImGui::SameLine(0, 10);
        row_x = inner / 2;
        if (choice("Faster", false, "speechRate:faster"))
            next.speech_rate = std::min(settings_.speech_rate + rate_step, ReaderSettings::max_speech_rate);
        ImGui::TextWrapped(
            "Voice: %s", settings_.voice.empty() ? "the default for the article's language" : settings_.voice.c_str());
        row_x = 0;
        if (choice("Skip sponsored", !settings_.read_sponsored, "readSponsored:false")) next.read_sponsored = false;
        if (choice("Read sponsored", settings_.read_sponsored, "readSponsored:true")) next.read_sponsored = true;
    }

    ImGui::Dummy(ImVec2(0, 4));
    row_x = 0;
    if (choice("Close", false, "close")) settings_open_ = false;
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    settings_box_ = {pos.x, pos.y, size.x, size.y};
    ImGui::End();
    ImGui::PopStyleVar();
    set_settings(next);
    if (!settings_open_) {
        ImGui::SetWindowFocus("reader");
        settle_frames_ = std::max(settle_frames_, 2);
    }
}

void App::show_settings(bool show) {
    if (show && library_open_) show_library(false);  // the panel sits over the article, not the library
    settings_open_ = show;
    settings_focus_ = show;
    settle_frames_ = std::max(settle_frames_, 2);
}

}  // namespace av
