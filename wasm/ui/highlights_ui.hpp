// What the highlight bar (by the selection) and the Highlights panel keep between frames: which
// note is being edited and its text, the last thing to tell the reader, and where their buttons
// are on screen (state(), for the tests). App holds one (ui/app_highlights.cpp,
// ui/highlights_panel.cpp).
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "keyboard_selection.hpp"
#include "kept_typing.hpp"

namespace av {

struct HighlightsUi {
    bool panel_open = false;
    bool panel_focus = false;    // give the panel the keyboard at its next frame
    std::string editing;         // the id whose note is being edited, "" when none
    bool edit_focus = false;     // give the note's field the keyboard at its next frame
    std::vector<char> note;      // the note's text while edited (NUL-terminated), ImGui's buffer
    KeptTyping typed;            // text the page composed or pasted for the note (web)
    std::string message;         // the panel's last word: an export's place, an import's outcome, an error
    std::string warning_shown;   // the keeper's warning last told in a notice
    std::string import_path;     // the desktop's import field
    bool import_path_open = false;
    std::string scroll_to;       // an id the panel's list scrolls to once (a note just asked for)
    // The bar: shown for the selection it was placed for, until it is used or the selection changes.
    bool bar_shown = false;
    std::array<float, 4> bar_box{};
    std::vector<std::pair<std::string, std::array<float, 4>>> bar_items, panel_items;  // key, x y w h
    std::array<float, 4> panel_box{};
    // A selection the keyboard is making (App::keyboard_select): its fixed end and its caret,
    // while the view's selection is still the one it set (a click or a tap makes another).
    bool keyboard = false;
    TextPos keyboard_anchor;
    Caret caret;
};

}  // namespace av
