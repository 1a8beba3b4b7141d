// The "Open file…" panel as App sees it. An interface: the desktop hands App its panel
// (ui/open_file_panel.hpp) through Host::file_panel(); the web, which has the browser's own file
// chooser, constructs none, so none of the panel's code is in its program (the first visit's
// download, BENCHMARKS.md "Transfer size").
#pragma once

#include <string>
#include <vector>

#include "core/local_files.hpp"
#include "fonts.hpp"
#include "theme.hpp"

namespace av {

class FilePanel {
public:
    virtual ~FilePanel() = default;
    // Shows the panel on `folder`'s listing, the path field empty and asking for the keyboard.
    virtual void show(LocalFiles& files, const std::string& folder) = 0;
    virtual void hide() = 0;
    virtual bool shown() const = 0;
    // True while the field still asks for the keyboard (a frame must follow).
    virtual bool wants_frame() const = 0;
    // Draws the panel as a window over the viewer's `width` x `height`. Returns the path of a
    // file to open (the panel is then hidden), or "".
    virtual std::string draw(LocalFiles& files, const FontSet& fonts, const Theme& theme, float width, float height) = 0;
    // For state(): the folder listed, its rows, and what the panel says is wrong ("" when nothing).
    virtual const std::string& folder() const = 0;
    virtual const std::vector<FolderEntry>& entries() const = 0;
    virtual const std::string& error() const = 0;
};

}  // namespace av
