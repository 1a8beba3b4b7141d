// The App's panels around the reading view: the status screen (loading, errors), the toolbar,
// the find bar, the resume notice and the library. Split from app.cpp, which keeps the frame,
// the article's life cycle and the state; both are one class (app.hpp).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app.hpp"
#include "core/locale.hpp"
#include "panel_style.hpp"
#include "toolbar_fit.hpp"

namespace av {

void App::draw_status(const char* heading, const std::string& detail, bool offer_retry) {
    const Theme& t = theme(theme_);
    const ImVec2 size = ImGui::GetWindowSize();
    const float width = std::min(size.x - 32.0f, 640.0f);
    ImGui::SetCursorPos(ImVec2((size.x - width) / 2, std::max(size.y * 0.25f, 16.0f)));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushFont(fonts_.font(Face::sans_bold), 26.0f);
    ImGui::TextColored(to_vec4(t.heading), "%s", heading);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 8));
    ImGui::PushFont(fonts_.font(Face::sans), 17.0f);
    ImGui::TextColored(to_vec4(t.text), "%s", detail.c_str());
    if (offer_retry) {
        ImGui::Dummy(ImVec2(0, 12));
        if (ImGui::Button("Retry")) retry();
        if (source_ != default_source_) {
            ImGui::SameLine();
            if (ImGui::Button("Open the default article")) open_default();
        }
    }
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void App::draw_toolbar(float width) {
    // A bar across the top, above the text rather than over it: size, theme, contents.
    const Theme& t = theme(theme_);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->Pos);
    ImGui::SetNextWindowSize(ImVec2(width, toolbar_height));
    const PanelStyle style(t, t.page, t.rule, ImVec2(0, 0), fonts_.font(Face::sans), 16.0f, false);
    ImGui::Begin("toolbar", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetWindowPos();
    dl->AddLine(ImVec2(pos.x, pos.y + toolbar_height - 1), ImVec2(pos.x + width, pos.y + toolbar_height - 1),
                ImGui::GetColorU32(to_vec4(t.rule)));
    // How far along, as a thin bar on the bar's bottom edge, and the time left at its left end.
    dl->AddRectFilled(ImVec2(pos.x, pos.y + toolbar_height - 3), ImVec2(pos.x + width * static_cast<float>(percent_), pos.y + toolbar_height),
                      ImGui::GetColorU32(to_vec4(t.link)));
    // The row: the time left at the left; the controls at the right, those that do not fit in a
    // "More" menu (ui/toolbar_fit.hpp), so nothing overlaps from 320 px up.
    const std::string left = locale::time_left(article_->lang, minutes_left_);
    auto button_w = [](const char* label) { return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2; };
    const float gap = 4.0f, margin = 16.0f;
    const bool can_open = host_.can_choose_file() || host_.local_files();
    const std::string theme_menu = std::string("Theme: ") + theme_label(theme_);
    bool open_contents = false;
    struct Control {
        const char* label;       // on the row
        std::string menu_label;  // in the menu
        const char* tip;
        int action;
    };
    enum { open_file, smaller, larger, next_theme, reader_settings, contents, library, listen_toggle, listen_stop };
    std::vector<Control> controls;
    if (can_open)
        controls.push_back({width >= 720.0f ? "Open file\xE2\x80\xA6" : "Open\xE2\x80\xA6", "Open file\xE2\x80\xA6",
                            host_.local_files() ? "Open an article file of your own (Ctrl+O), or drop it on the window"
                                                : "Open an article file of your own (Ctrl+O), or drop it on the page",
                            open_file});
    controls.push_back({"A\xE2\x80\x93", "Smaller text", "Smaller text (Ctrl+-)", smaller});
    controls.push_back({"A+", "Larger text", "Larger text (Ctrl+=); Ctrl+0 resets", larger});
    controls.push_back({theme_label(theme_), theme_menu, "Theme: light, sepia, dark", next_theme});
    controls.push_back({"Aa", "Settings\xE2\x80\xA6", "Theme, text size, font, line width and spacing, justification", reader_settings});
    // Reading aloud, where the platform speaks (README "Read aloud"): Listen, then Pause or
    // Resume, and Stop.
    if (host_.can_speak()) {
        const char* say = listen_.mode == Listening::Mode::speaking ? "Pause"
                          : listen_.mode == Listening::Mode::paused ? "Resume"
                                                                    : "Listen";
        controls.push_back({say, say, "Read the article aloud from here; Pause, Resume, Stop", listen_toggle});
        if (listen_.mode != Listening::Mode::off)
            controls.push_back({"Stop", "Stop", "Stop reading aloud", listen_stop});
    }
    controls.push_back({"Contents", "Contents", "Sections of the article", contents});
    controls.push_back({library_open_ ? "Article" : "Library", library_open_ ? "Article" : "Library",
                        "Your articles and reading positions", library});
    std::vector<float> widths;
    std::vector<int> drop;
    for (const Control& c : controls) widths.push_back(button_w(c.label));
    // What leaves the row first: Open (Ctrl+O and a drop remain), the theme, the text size, Contents.
    for (int action : {open_file, next_theme, smaller, larger, contents, listen_stop, listen_toggle, reader_settings})
        for (std::size_t i = 0; i < controls.size(); ++i)
            if (controls[i].action == action) drop.push_back(static_cast<int>(i));
    const char* more_label = "More";
    const float left_w = ImGui::CalcTextSize(left.c_str()).x;
    const ToolbarFit fit = fit_toolbar(width, left_w, widths, drop, button_w(more_label), gap, margin);
    const auto act = [&](int action) {
        switch (action) {
            case open_file: choose_file(); break;
            case smaller: set_font_size(font_size_ - 2); break;
            case larger: set_font_size(font_size_ + 2); break;
            case next_theme: set_theme(static_cast<ThemeName>((static_cast<int>(theme_) + 1) % 3)); break;
            case contents: open_contents = true; break;
            case reader_settings: show_settings(!settings_open_); break;
            case library: show_library(!library_open_); break;
            case listen_toggle:
                if (listen_.mode == Listening::Mode::speaking)
                    pause_listening();
                else
                    listen();
                break;
            case listen_stop:
                stop_listening();
                break;
            default: break;
        }
    };
    toolbar_row_ = {0, 0, 0};
    toolbar_buttons_.clear();
    toolbar_menu_open_ = false;
    if (fit.time_left) {
        ImGui::SetCursorPos(ImVec2(margin, (toolbar_height - ImGui::GetTextLineHeight()) / 2));
        ImGui::TextColored(to_vec4(t.muted), "%s", left.c_str());
        toolbar_row_[0] = margin + left_w;
    }
    const float row_w = toolbar_width(fit, 0, widths, button_w(more_label), gap, margin) - 2 * margin - (fit.time_left ? margin : 0);
    const float row_x = std::max(width - row_w - margin, toolbar_row_[0] + (fit.time_left ? margin : 0));
    toolbar_row_[1] = row_x;
    toolbar_row_[2] = row_x + row_w;
    ImGui::SetCursorPos(ImVec2(row_x, (toolbar_height - ImGui::GetFrameHeight()) / 2));
    bool first = true;
    for (std::size_t i = 0; i < controls.size(); ++i) {
        if (!fit.inline_[i]) continue;
        if (!first) ImGui::SameLine(0, gap);
        first = false;
        if (ImGui::Button(controls[i].label)) act(controls[i].action);
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        toolbar_buttons_.push_back({controls[i].menu_label, {a.x, a.y, b.x - a.x, b.y - a.y}});
        ImGui::SetItemTooltip("%s", controls[i].tip);
    }
    if (fit.menu) {
        if (!first) ImGui::SameLine(0, gap);
        if (ImGui::Button(more_label)) ImGui::OpenPopup("more");
        ImGui::SetItemTooltip("More controls");
        ImGui::SetNextWindowPos(ImVec2(pos.x + width - margin, pos.y + toolbar_height), ImGuiCond_Always, ImVec2(1, 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 8));
        const bool more_open = ImGui::BeginPopup("more");
        toolbar_menu_open_ = more_open;
        ImGui::PopStyleVar(2);
        if (more_open) {
            for (std::size_t i = 0; i < controls.size(); ++i) {
                if (fit.inline_[i]) continue;
                ImGui::PushID(static_cast<int>(i));
                // A menu item that changes what is on screen (the text size, the theme) keeps
                // the menu open, so it can be pressed again.
                const bool stays = controls[i].action == smaller || controls[i].action == larger || controls[i].action == next_theme;
                if (ImGui::Selectable(controls[i].menu_label.c_str(), false, stays ? ImGuiSelectableFlags_NoAutoClosePopups : 0))
                    act(controls[i].action);
                const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                toolbar_buttons_.push_back({"menu:" + controls[i].menu_label, {a.x, a.y, b.x - a.x, b.y - a.y}});
                ImGui::PopID();
            }
            ImGui::EndPopup();
        }
    }
    toolbar_menu_.clear();
    for (std::size_t i = 0; i < controls.size(); ++i)
        if (!fit.inline_[i]) toolbar_menu_.push_back(controls[i].menu_label);
    if (open_contents) ImGui::OpenPopup("contents");
    ImGui::SetNextWindowPos(ImVec2(pos.x + width - 16.0f, pos.y + toolbar_height), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 8));
    ImGui::PushStyleVar(ImGuiStyleVar_PopupRounding, 6.0f);
    const bool contents_open = ImGui::BeginPopup("contents");
    ImGui::PopStyleVar(3);
    if (contents_open) {
        int shown = 0;
        const float item_w = std::min(width * 0.8f, 420.0f);
        for (std::size_t i = 0; article_ && i < article_->blocks.size(); ++i) {
            const Block& b = article_->blocks[i];
            if (b.type != BlockType::heading || b.level != 2) continue;
            ImGui::PushID(static_cast<int>(i));
            const std::string label = plain_text(b.text);
            if (ImGui::Selectable(label.c_str(), anchor_.block >= static_cast<int>(i) && current_section(i), 0, ImVec2(item_w, 0))) {
                scroll_to_block(static_cast<int>(i));
            }
            ImGui::PopID();
            ++shown;
        }
        if (shown == 0) ImGui::TextDisabled("This article has no sections");
        ImGui::EndPopup();
    }
    // A mouse click on the bar must not take the keyboard away from the text: give focus back to
    // the reading window (Tab navigation, which does not use the mouse, keeps it here).
    const bool popup_open = ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && !popup_open && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        ImGui::SetWindowFocus("reader");
    ImGui::End();
}

bool App::current_section(std::size_t heading) const {
    // The section being read is the last level-2 heading at or before the anchor.
    for (std::size_t i = heading + 1; i < article_->blocks.size() && static_cast<int>(i) <= anchor_.block; ++i) {
        const Block& b = article_->blocks[i];
        if (b.type == BlockType::heading && b.level == 2) return false;
    }
    return true;
}

void App::draw_find_bar(float width) {
    const Theme& t = theme(theme_);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + width - 16, vp->Pos.y + toolbar_height + 8), ImGuiCond_Always, ImVec2(1, 0));
    const PanelStyle style(t, t.page, t.rule, ImVec2(10, 8), fonts_.font(Face::sans), 16.0f);
    ImGui::Begin("find", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoMove);
    // Ask for the keyboard until the field really has it: a request made while the bar first
    // appears (sized, not yet shown) can be dropped.
    if (find_focus_) {
        ImGui::SetKeyboardFocusHere();
        find_typed_.keep();
    }
    ImGui::SetNextItemWidth(std::min(260.0f, width * 0.5f));
    const bool enter = ImGui::InputTextWithHint("##query", "Find in article", find_query_, sizeof find_query_,
                                                ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
                                                KeptTyping::callback, &find_typed_);
    if (ImGui::IsItemActive()) find_focus_ = false;
    update_matches();
    if (enter) {
        find_next(ImGui::GetIO().KeyShift ? -1 : 1);
        ImGui::SetKeyboardFocusHere(-1);  // keep typing in the field
    }
    ImGui::SameLine();
    const std::string count = matches_.empty() ? (find_query_[0] ? "No match" : "")
                                               : std::to_string(current_match_ + 1) + " of " + std::to_string(matches_.size());
    ImGui::TextColored(to_vec4(t.muted), "%s", count.c_str());
    ImGui::SameLine();
    if (ImGui::ArrowButton("previous", ImGuiDir_Up)) find_next(-1);
    ImGui::SetItemTooltip("Previous match (Shift+Enter)");
    ImGui::SameLine(0, 2);
    if (ImGui::ArrowButton("next", ImGuiDir_Down)) find_next(1);
    ImGui::SetItemTooltip("Next match (Enter)");
    ImGui::SameLine();
    if (ImGui::Button("\xC3\x97")) close_find();  // ×
    ImGui::SetItemTooltip("Close (Escape)");
    ImGui::End();
}

void App::draw_notice(float width) {
    if (notice_.text.empty()) {
        notice_band_ = 0;
        return;
    }
    const Theme& t = theme(theme_);
    // A band of its own at the bottom, which the reading view leaves free (frame()): it never
    // covers a line, the one the reader was returned to least of all (reader-visible defects issue,
    // item 12). Full width, its height as its text needs, wrapped on a narrow screen.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->Size.y / 2));
    const PanelStyle style(t, t.callout_bg, t.callout_border, ImVec2(14, 8), fonts_.font(Face::sans), 16.0f);
    ImGui::Begin("notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove);
    const std::string start_over_text = locale::start_over(article_ ? article_->lang : "en");
    const ImGuiStyle& st = ImGui::GetStyle();
    const float inner = width - 2 * st.WindowPadding.x;
    const float buttons = (notice_.start_over ? ImGui::CalcTextSize(start_over_text.c_str()).x + 2 * st.FramePadding.x +
                                                    ImGui::CalcTextSize("\xE2\x80\x94").x + 2 * st.ItemSpacing.x
                                              : 0.0f) +
                          ImGui::CalcTextSize("\xC3\x97").x + 2 * st.FramePadding.x + st.ItemSpacing.x;
    const bool one_line = ImGui::CalcTextSize(notice_.text.c_str()).x + buttons <= inner;
    ImGui::AlignTextToFramePadding();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + (one_line ? inner : std::max(inner, 40.0f)));
    ImGui::TextUnformatted(notice_.text.c_str());
    ImGui::PopTextWrapPos();
    if (notice_.start_over) {
        if (one_line) {
            ImGui::SameLine();
            ImGui::TextUnformatted("\xE2\x80\x94");  // —
            ImGui::SameLine();
        }
        if (ImGui::Button(start_over_text.c_str())) start_over();
    }
    // × at the right end of the last row, where a reader looks for it.
    const float close_w = ImGui::CalcTextSize("\xC3\x97").x + 2 * st.FramePadding.x;
    if (one_line || notice_.start_over) ImGui::SameLine(width - st.WindowPadding.x - close_w);
    else ImGui::SetCursorPosX(width - st.WindowPadding.x - close_w);
    if (ImGui::Button("\xC3\x97")) notice_ = Notice{};  // ×
    const float band = ImGui::GetWindowHeight();
    notice_box_ = {vp->Pos.x, vp->Pos.y + vp->Size.y - band, width, band};
    ImGui::End();
    // The view gives the band its room from the next frame on, which must come.
    if (band != notice_band_) settle_frames_ = std::max(settle_frames_, 2);
    notice_band_ = notice_.text.empty() ? 0.0f : band;
}

void App::draw_open_panel(float width, float height) {
    const std::string path = open_panel_->draw(*host_.local_files(), fonts_, theme(theme_), width, height);
    settle_frames_ = std::max(settle_frames_, 1);  // the panel's own hover and focus settle too
    if (!open_panel_->shown()) ImGui::SetWindowFocus("reader");  // the keyboard scrolls the text again
    if (path.empty()) return;
    // Exactly what a file dropped on the window does (platform/desktop.cpp, on_drop).
    library_open_ = false;
    open(path);
}

void App::draw_library(float top, float width, float height) {
    const Theme& t = theme(theme_);
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetMainViewport()->Pos.x, ImGui::GetMainViewport()->Pos.y + top));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(t.page));
    ImGui::Begin("library", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    const LibraryView::Action action = library_.draw(library_entries_, library_reopen_, fonts_, t, now_ms());
    ImGui::End();
    ImGui::PopStyleColor();
    switch (action.kind) {
        case LibraryView::Action::none: break;
        case LibraryView::Action::close: show_library(false); break;
        case LibraryView::Action::open: {
            // The file may have gone since the rows were drawn: the row says so, nothing is lost.
            const Reopen now = reopen_of(action.value);
            if (now.source.empty()) {
                for (std::size_t i = 0; i < library_entries_.size(); ++i)
                    if (library_entries_[i].progress.source == action.value) library_reopen_[i] = now;
                break;
            }
            library_open_ = false;
            if (action.value != source_) open(action.value);
            break;
        }
        case LibraryView::Action::forget: forget(action.value); break;
        case LibraryView::Action::forget_all: forget_all(); break;
    }
}

}  // namespace av
