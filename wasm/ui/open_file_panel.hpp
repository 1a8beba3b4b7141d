// The desktop's "Open file…" (toolbar, Ctrl+O): a path field (typed or pasted, "~" expanded) and
// the listing of a folder, drawn by the viewer itself. Debian has no small native file dialog, GTK
// would bring a second event loop, and the desktop portal needs a D-Bus session (README, "Choices
// the issues left open"). What it cannot open (no such file, a file it cannot read) is said in the
// panel, naming the path; the article on screen stays.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/local_files.hpp"
#include "fonts.hpp"
#include "kept_typing.hpp"
#include "theme.hpp"

namespace av {

class OpenFilePanel {
public:
    // Shows the panel on `folder`'s listing, the path field empty and asking for the keyboard.
    void show(LocalFiles& files, const std::string& folder);
    void hide();
    bool shown() const { return shown_; }
    // True while the field still asks for the keyboard (a frame must follow).
    bool wants_frame() const { return shown_ && focus_; }

    // Draws the panel as a window over the viewer's `width` x `height`. Returns the path of a
    // file to open (the panel is then hidden), or "".
    std::string draw(LocalFiles& files, const FontSet& fonts, const Theme& theme, float width, float height);

    // For state(): the folder listed, its rows, and what the panel says is wrong ("" when nothing).
    const std::string& folder() const { return folder_; }
    const std::vector<FolderEntry>& entries() const { return entries_; }
    const std::string& error() const { return error_; }

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
