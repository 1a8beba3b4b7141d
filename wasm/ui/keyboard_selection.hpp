// Selecting text from the keyboard on the canvas (README "Highlights"): Shift with the arrows, Home
// and End moves the selection's moving end by a character, a word (with Ctrl), a line (keeping its
// x), or to a line's start or end. Pure functions over the article and its layout (core types
// only, so tests/ui checks them with a fixed-width measurer); App reads the keys and calls them
// (ui/app_highlights.cpp).
//
// Positions are code points of a block's own text (block_text), as the mouse's selection, the
// reading position and highlights count them, so no step can land inside a UTF-8 sequence. Only
// the article's blocks (0 and up) are walked: the header (title, subtitle) cannot be highlighted.
#pragma once

#include <optional>

#include "core/article.hpp"
#include "core/layout.hpp"
#include "core/text_geometry.hpp"
#include "core/text_measurer.hpp"

namespace av {

enum class CaretMove : std::uint8_t {
    char_next,
    char_prev,
    word_next,
    word_prev,
    line_down,
    line_up,
    line_start,
    line_end
};

// The moving end of a keyboard selection, with what a position alone does not say.
struct Caret {
    TextPos pos;
    // At a boundary where a line ends without a space (a hyphenated word, CJK text), the same
    // offset starts the next line: true when the caret is at the end of the earlier one.
    bool upstream = false;
    // The x that Down and Up keep over lines of different lengths; none until one of them is used.
    std::optional<float> goal_x;
};

// The caret after one move. Past the article's first or last character it stays where it is.
Caret move_caret(const Article& article, const DocumentLayout& doc, const TextMeasurer& measurer, const Caret& from,
                 CaretMove move);

// Where a keyboard selection starts when there is none: the start of the first line of the
// article's text that is fully in the view [scroll_y, scroll_y + view_h) (the reading position);
// the first one below the view's top when none is fully in it; none for an article without text.
std::optional<TextPos> keyboard_selection_start(const DocumentLayout& doc, DocY scroll_y, float view_h);

// The caret's box in document coordinates (its line's top and height), to keep it in view.
std::optional<Rect> caret_rect(const DocumentLayout& doc, const TextMeasurer& measurer, const Caret& caret);

}  // namespace av
