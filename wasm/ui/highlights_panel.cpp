// The Highlights panel ("Highlights" on the toolbar; the page's own copy is shell/highlights.js):
// the open article's highlights in reading order, each with its colour, quote and note; Go to
// (the reading position moves there), Note (a multi-line field, up to 10 000 characters, which
// has the keyboard while it is edited), Delete, the colour (four swatches); the lost ones listed as lost with their quote;
// Export Markdown, Export JSON and Import JSON.
#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "app.hpp"
#include "core/utf8.hpp"
#include "highlight_colors.hpp"
#include "panel_style.hpp"

namespace av {

namespace {

// At most this much of a quote is shown in a row; the whole of it is in the export.
constexpr std::size_t quote_shown_chars = 280;

std::string shortened(const std::string& text, std::size_t chars) {
    std::size_t pos = 0, n = 0;
    while (pos < text.size() && n < chars) {
        utf8::next(text, pos);
        ++n;
    }
    return pos < text.size() ? text.substr(0, pos) + "\xE2\x80\xA6" : text;
}

std::array<float, 4> item_box() {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    return {a.x, a.y, b.x - a.x, b.y - a.y};
}

}  // namespace

void App::show_highlights(bool show) {
    if (show && library_open_) show_library(false);  // the panel sits over the article
    if (show && settings_open_) show_settings(false);
    hl_ui_.panel_open = show;
    hl_ui_.panel_focus = show;
    if (!show) {
        hl_ui_.editing.clear();
        hl_ui_.import_path_open = false;
        ImGui::SetWindowFocus("reader");
    }
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::draw_highlights_panel(float width, float height) {
    const Theme& t = theme(theme_);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // Under the toolbar at the right, as the settings panel; from 320 px up it takes the window's
    // width less a margin, and scrolls when its list is taller than the window.
    const float panel_w = std::min(420.0f, width - 16.0f);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + width - 8, vp->Pos.y + toolbar_height + 4), ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(panel_w, 0), ImVec2(panel_w, std::max(height - toolbar_height - 8, 120.0f)));
    if (hl_ui_.panel_focus) {
        ImGui::SetNextWindowFocus();
        hl_ui_.panel_focus = false;
    }
    const PanelStyle style(t, t.page, t.rule, ImVec2(14, 12), fonts_.font(Face::sans), 16.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6, 6));
    ImGui::Begin("highlights", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    hl_ui_.panel_items.clear();
    const float swatch = ImGui::GetFrameHeight();
    const auto button = [&](const char* label, const std::string& key) {
        const bool pressed = label[0] == '#' ? ImGui::Button(label, ImVec2(swatch, swatch)) : ImGui::Button(label);
        hl_ui_.panel_items.push_back({key, item_box()});
        return pressed;
    };
    const float inner = panel_w - 28.0f;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    const std::vector<Highlight>& items = highlights_.items();
    ImGui::PushFont(fonts_.font(Face::sans_bold), 18.0f);
    ImGui::Text("Highlights (%zu)", items.size());
    ImGui::PopFont();
    if (!hl_ui_.message.empty()) ImGui::TextColored(to_vec4(t.muted), "%s", hl_ui_.message.c_str());
    if (!highlights_.warning().empty()) ImGui::TextColored(to_vec4(t.label), "%s", highlights_.warning().c_str());
    if (items.empty())
        ImGui::TextColored(to_vec4(t.muted), "%s", "None yet: select some words, then choose a colour in the bar by them, or press H.");

    std::string go_to, remove, edit;
    std::optional<std::pair<std::string, HighlightColor>> recolor;
    for (const Highlight& h : items) {
        ImGui::PushID(h.id.c_str());
        ImGui::Separator();
        if (hl_ui_.scroll_to == h.id) {
            ImGui::SetScrollHereY(0.2f);
            hl_ui_.scroll_to.clear();
        }
        // The colour as a swatch beside the quote, and in words for who cannot tell the colours.
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float line = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + 6, at.y + line * 2),
                                                  ImGui::GetColorU32(to_vec4(highlight_rgb(theme_, static_cast<std::size_t>(h.color)))), 2);
        ImGui::Indent(12);
        const std::string quote = "\xE2\x80\x9C" + shortened(h.quote, quote_shown_chars) + "\xE2\x80\x9D";
        ImGui::TextUnformatted(quote.c_str());
        if (h.lost)
            ImGui::TextColored(to_vec4(t.label), "%s", "Lost: these words are no longer in the article");
        else
            ImGui::TextColored(to_vec4(t.muted), "%s", highlight_color_label(static_cast<std::size_t>(h.color)));
        if (hl_ui_.editing == h.id) {
            if (hl_ui_.note.size() != max_note_chars * 4 + 1) {
                // The field's buffer: any 10 000 characters fit (4 bytes each at most).
                const std::string current = h.note;
                hl_ui_.note.assign(max_note_chars * 4 + 1, '\0');
                std::memcpy(hl_ui_.note.data(), current.data(), std::min(current.size(), hl_ui_.note.size() - 1));
            }
            if (hl_ui_.edit_focus) {
                ImGui::SetKeyboardFocusHere();
                hl_ui_.typed.keep();
            }
            ImGui::InputTextMultiline("##note", hl_ui_.note.data(), hl_ui_.note.size(), ImVec2(inner - 12, line * 5),
                                      ImGuiInputTextFlags_CallbackAlways, KeptTyping::callback, &hl_ui_.typed);
            hl_ui_.panel_items.push_back({"field:" + h.id, item_box()});
            if (ImGui::IsItemActive()) hl_ui_.edit_focus = false;
            const std::size_t chars = utf8::length(hl_ui_.note.data());
            ImGui::TextColored(to_vec4(chars > max_note_chars ? t.label : t.muted), "%zu / %zu characters", chars, max_note_chars);
            if (button("Save", "save:" + h.id)) {
                const std::string error = set_highlight_note(h.id, hl_ui_.note.data());
                hl_ui_.message = error.empty() ? "Note saved" : "Note not saved: " + error;
                if (error.empty()) hl_ui_.editing.clear();
            }
            ImGui::SameLine();
            if (button("Cancel", "cancel:" + h.id)) hl_ui_.editing.clear();
        } else {
            if (!h.note.empty()) ImGui::TextUnformatted(("Note: " + shortened(h.note, 600)).c_str());
            if (!h.lost) {
                if (button("Go to", "goto:" + h.id)) go_to = h.id;
                ImGui::SameLine();
            }
            if (button(h.note.empty() ? "Add note" : "Edit note", "note:" + h.id)) edit = h.id;
            ImGui::SameLine();
            if (button("Delete", "delete:" + h.id)) remove = h.id;
            if (!h.lost) {
                // The colour, changed in place: a swatch per colour, the one in force outlined.
                for (std::size_t i = 0; i < highlight_color_count; ++i) {
                    if (i > 0) ImGui::SameLine(0, 6);
                    const Rgb c = highlight_rgb(theme_, i);
                    const bool current = static_cast<std::size_t>(h.color) == i;
                    ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(c));
                    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(c));
                    ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(t.rule));
                    ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(current ? t.text : t.rule));
                    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, current ? 2.0f : 1.0f);
                    ImGui::PushID(static_cast<int>(i));
                    const std::string name(highlight_color_name(static_cast<HighlightColor>(i)));
                    if (button("##colour", "color:" + h.id + ":" + name)) recolor = {h.id, static_cast<HighlightColor>(i)};
                    ImGui::PopID();
                    ImGui::PopStyleVar();
                    ImGui::PopStyleColor(4);
                    ImGui::SetItemTooltip("Colour: %s%s", name.c_str(), current ? " (now)" : "");
                }
            }
        }
        ImGui::Unindent(12);
        ImGui::PopID();
    }
    ImGui::Separator();
    if (button("Export Markdown", "export:markdown") && article_)
        hl_ui_.message = host_.save_export(article_->id + "-highlights.md", "text/markdown", export_highlights(true));
    ImGui::SameLine();
    if (button("Export JSON", "export:json") && article_)
        hl_ui_.message = host_.save_export(article_->id + "-highlights.json", "application/json", export_highlights(false));
    if (button("Import JSON\xE2\x80\xA6", "import")) {
        if (host_.can_choose_import()) host_.choose_import();
        else hl_ui_.import_path_open = !hl_ui_.import_path_open;
    }
    if (hl_ui_.import_path_open) {
        // The desktop: a path, typed or pasted; the exports' folder is where an export went.
        static char path[1024];
        if (hl_ui_.import_path.empty() && article_) {
            const std::string folder = host_.export_folder();
            hl_ui_.import_path = folder.empty() ? "" : folder + "/" + article_->id + "-highlights.json";
            std::snprintf(path, sizeof path, "%s", hl_ui_.import_path.c_str());
        }
        ImGui::SetNextItemWidth(inner);
        ImGui::InputText("##import-path", path, sizeof path);
        hl_ui_.panel_items.push_back({"import:path", item_box()});
        if (button("Import", "import:go")) {
            std::string text, error;
            hl_ui_.import_path = path;
            hl_ui_.message = host_.read_text_file(path, text, error) ? import_highlights(text) : "Not imported: " + error;
        }
    }
    if (button("Close", "close")) show_highlights(false);
    ImGui::PopTextWrapPos();
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    hl_ui_.panel_box = {pos.x, pos.y, size.x, size.y};
    ImGui::End();
    ImGui::PopStyleVar();
    if (!go_to.empty()) go_to_highlight(go_to);
    if (recolor) {
        const std::string error = set_highlight_color(recolor->first, recolor->second);
        hl_ui_.message = error.empty() ? "Colour: " + std::string(highlight_color_name(recolor->second)) : "Colour not changed: " + error;
    }
    if (!remove.empty()) {
        remove_highlight(remove);
        hl_ui_.message = "Highlight deleted";
    }
    if (!edit.empty()) {
        hl_ui_.editing = edit;
        hl_ui_.edit_focus = true;
        hl_ui_.note.clear();  // filled from the note at the next frame
        settle_frames_ = std::max(settle_frames_, 2);  // the field takes the keyboard then
    }
}

}  // namespace av
