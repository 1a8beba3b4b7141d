// The desktop's "Open file…" (toolbar, Ctrl+O): a path field (typed or pasted, "~" expanded) and
// the listing of a folder, drawn by the viewer itself. Debian has no small native file dialog, GTK
// would bring a second event loop, and the desktop portal needs a D-Bus session (README, "Choices
// the issues left open"). What it cannot open (no such file, a file it cannot read) is said in the
// panel, naming the path; the article on screen stays.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "file_panel.hpp"
#include "kept_typing.hpp"

namespace av {

class OpenFilePanel : public FilePanel {
public:
    void show(LocalFiles& files, const std::string& folder) override;
    void hide() override;
    bool shown() const override { return shown_; }
    bool wants_frame() const override { return shown_ && focus_; }
    std::string draw(LocalFiles& files, const FontSet& fonts, const Theme& theme, float width, float height) override;
    const std::string& folder() const override { return folder_; }
    const std::vector<FolderEntry>& entries() const override { return entries_; }
    const std::string& error() const override { return error_; }

    // What Enter does with `typed` (relative to the folder listed): a file's path to open, or ""
    // after going into a folder or saying what is wrong.
    std::string submit(LocalFiles& files, const std::string& typed);

private:
    // Lists `folder`; false (and the listing kept) when it cannot be read.
    bool go_to(LocalFiles& files, const std::string& folder);
    static int field_callback(ImGuiInputTextCallbackData* data);

    bool shown_ = false;
    bool focus_ = false;  // give the path field the keyboard at the next frame
    std::string folder_;
    std::vector<FolderEntry> entries_;
    int selected_ = -1;
    bool scroll_to_selected_ = false;
    std::string error_;
    char path_[2048] = {};
    std::string put_in_field_;  // a row's name, for the field (written through its callback)
    bool replace_field_ = false;
    KeptTyping typed_;
};

}  // namespace av
