#include "open_file_panel.hpp"

#include <algorithm>
#include <cstdio>

#include "core/local_path.hpp"
#include "panel_style.hpp"

namespace av {

void OpenFilePanel::show(LocalFiles& files, const std::string& folder) {
    shown_ = true;
    focus_ = true;
    error_.clear();
    path_[0] = '\0';
    typed_.clear();
    if (!go_to(files, folder) && folder_.empty()) folder_ = folder;  // the error says why it is empty
}

void OpenFilePanel::hide() {
    shown_ = false;
    focus_ = false;
    typed_.clear();
}

bool OpenFilePanel::go_to(LocalFiles& files, const std::string& folder) {
    std::vector<FolderEntry> entries;
    std::string problem;
    if (!files.list(folder, entries, problem)) {
        error_ = "Cannot list the folder " + problem;
        return false;
    }
    folder_ = folder;
    entries_ = entries_to_open(folder, std::move(entries));
    selected_ = -1;
    scroll_to_selected_ = true;
    return true;
}

std::string OpenFilePanel::submit(LocalFiles& files, const std::string& typed) {
    std::string text = typed;
    // A pasted path often comes with the line's end or surrounding spaces.
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t'))
        text.pop_back();
    text.erase(0, std::min(text.find_first_not_of(" \t\r\n"), text.size()));
    if (text.empty()) return "";
    const std::string path = local_path::absolute(folder_, local_path::expand_home(text, files.home()));
    std::string reason;
    switch (files.kind(path, reason)) {
        case LocalFiles::Kind::file:
            error_.clear();
            return path;
        case LocalFiles::Kind::folder:
            // Enter on a folder goes into it, as in a file dialog's location field.
            if (go_to(files, path)) error_.clear();
            path_[0] = '\0';
            put_in_field_.clear();
            replace_field_ = true;
            return "";
        case LocalFiles::Kind::missing:
            error_ = "No such file: " + path;
            return "";
        case LocalFiles::Kind::unreadable:
            error_ = "Cannot read " + path + ": " + reason;
            return "";
    }
    return "";
}

int OpenFilePanel::field_callback(ImGuiInputTextCallbackData* data) {
    auto* self = static_cast<OpenFilePanel*>(data->UserData);
    if (self->replace_field_) {
        self->replace_field_ = false;
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, self->put_in_field_.data(), self->put_in_field_.data() + self->put_in_field_.size());
        data->SelectionStart = data->SelectionEnd = data->CursorPos = data->BufTextLen;
    }
    self->typed_.type_into(data);
    return 0;
}

std::string OpenFilePanel::draw(LocalFiles& files, const FontSet& fonts, const Theme& t, float width, float height) {
    std::string open;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 size(std::max(std::min(width - 32.0f, 720.0f), 200.0f),
                      std::max(std::min(height - 32.0f, 540.0f), 200.0f));
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + width / 2, vp->Pos.y + height / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size);
    if (focus_) ImGui::SetNextWindowFocus();
    const PanelStyle style(t, t.page, t.rule, ImVec2(16, 14), fonts.font(Face::sans), 16.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 8));
    ImGui::Begin("open-file", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PushFont(fonts.font(Face::sans_bold), 20.0f);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Open an article file");
    ImGui::PopFont();
    const float close_w = ImGui::CalcTextSize("\xC3\x97").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - close_w);
    if (ImGui::Button("\xC3\x97")) hide();  // ×
    ImGui::SetItemTooltip("Close (Escape)");

    // The path field, which has the keyboard when the panel opens: typing a path and Enter opens.
    if (focus_) {
        ImGui::SetKeyboardFocusHere();
        typed_.keep();
    }
    const float open_w = ImGui::CalcTextSize("Open").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - open_w - 8.0f);
    const bool enter = ImGui::InputTextWithHint(
        "##path", "A path, e.g. ~/articles/a.json", path_, sizeof path_,
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways, field_callback, this);
    if (ImGui::IsItemActive()) focus_ = false;
    ImGui::SameLine();
    const bool open_pressed = ImGui::Button("Open");
    if (enter || open_pressed) {
        open = submit(files, path_);
        if (open.empty() && enter) focus_ = true;  // keep typing in the field
    }

    ImGui::PushTextWrapPos(0.0f);
    if (!error_.empty()) ImGui::TextColored(to_vec4(t.heading), "%s", error_.c_str());
    ImGui::TextColored(to_vec4(t.muted), "%s", folder_.c_str());
    ImGui::PopTextWrapPos();

    ImGui::PushStyleColor(ImGuiCol_ChildBg, to_vec4(t.page));
    ImGui::BeginChild("listing", ImVec2(0, 0), ImGuiChildFlags_Borders);
    const FolderEntry* chosen = nullptr;
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        const FolderEntry& e = entries_[i];
        const std::string label = e.folder && e.name != ".." ? e.name + "/" : e.name;
        const bool selected = selected_ == static_cast<int>(i);
        // By name: after going into a folder the mouse's release must not pick the row at the same place.
        if (ImGui::Selectable(label.c_str(), selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            selected_ = static_cast<int>(i);
            const bool single_click =
                ImGui::IsMouseReleased(ImGuiMouseButton_Left) && !ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
            if (single_click) {
                put_in_field_ = label;  // Enter in the field then opens it
                replace_field_ = true;
                std::snprintf(path_, sizeof path_, "%s", label.c_str());
            } else {
                chosen = &e;  // a double-click, or Enter/Space on the row
            }
        }
        if (selected && scroll_to_selected_) ImGui::SetScrollHereY();
    }
    if (entries_.empty()) ImGui::TextColored(to_vec4(t.muted), "No folder or .json file here");
    if (scroll_to_selected_ && selected_ < 0) ImGui::SetScrollY(0);
    scroll_to_selected_ = false;
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (chosen) {
        const FolderEntry entry = *chosen;  // the listing changes when it is a folder
        open = submit(files, entry.name);   // a folder is gone into, a file opened
        if (open.empty()) focus_ = true;
    }
    ImGui::End();
    ImGui::PopStyleVar();
    if (!open.empty()) hide();
    return open;
}

}  // namespace av
