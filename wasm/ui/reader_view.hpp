// The reading view: draws the visible part of a laid-out article into the current ImGui window
// and moves through it (wheel, keyboard, touch drag with inertia, a draggable scrollbar, links),
// and selects text (mouse drag, double and triple click; touch long press then drag).
// Holds only view state: where it is scrolled, the motion in progress, the selection.
#pragma once

#include <array>
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/article.hpp"
#include "core/layout.hpp"
#include "core/text_geometry.hpp"
#include "core/text_search.hpp"
#include "fonts.hpp"
#include "theme.hpp"
#include "velocity_tracker.hpp"

namespace av {

enum class TouchPhase { start, move, end, cancel };

// Where each picture of the article is (App asks the platform for them near the viewport).
enum class PictureState : std::uint8_t { idle, loading, ready, failed };

class ReaderView {
public:
    // Find results to highlight: all matches, and the current one (-1: none).
    struct Found {
        const std::vector<TextRange>* matches = nullptr;
        int current = -1;
        const TextRange* spoken = nullptr;  // the words being read aloud
        // The reader's highlights, by block then start (ui/app_highlights.cpp), drawn under
        // find matches and the selection, each in its colour (the theme's, ui/highlight_colors).
        const std::vector<std::pair<TextRange, Rgb>>* marks = nullptr;
    };

    // Handles this frame's input and draws into the current window, whose content area is
    // `view_h` high. `pictures[i]` is the texture of article block i once its picture has arrived
    // (0 until then: the reserved box and alt text show). Returns true while something animates.
    // `states[i]`: where that picture is; a failed one shows so, with its alt text and a Retry.
    bool draw(const Article& article, const DocumentLayout& doc, const FontSet& fonts, const Theme& theme, float view_h,
              const std::vector<std::uint64_t>& pictures, const std::vector<PictureState>& states, const Found& found);
    // The block whose failed picture the reader asked to load again in the last draw(), or -1.
    int retried_picture() const { return retried_picture_; }
    // The link the reader followed in the last draw() (a click on it), "" when none.
    const std::string& followed_link() const { return followed_link_; }

    // The selected text as plain text (blocks separated by a blank line), "" when none.
    std::string selected_text(const Article& article) const;
    bool has_selection() const { return sel_anchor_ != sel_focus_; }
    // The selection in reading order (equal ends: none), and whether the pointer or a finger is
    // still making it (the highlight bar waits for the release).
    std::pair<TextPos, TextPos> selection() const { return {std::min(sel_anchor_, sel_focus_), std::max(sel_anchor_, sel_focus_)}; }
    bool selecting() const { return selecting_ || touch_ == Touch::selecting; }
    // The end the selection was started from and the end that moves (the keyboard extends it).
    TextPos selection_anchor() const { return sel_anchor_; }
    TextPos selection_focus() const { return sel_focus_; }
    void clear_selection() { sel_anchor_ = sel_focus_ = TextPos{}; selecting_ = false; }
    // Selects a range (used by tests through the page API, and by triple-click).
    void select(TextPos from, TextPos to) { sel_anchor_ = from, sel_focus_ = to; }

    DocY scroll_y() const { return scroll_; }
    // Jumps (no animation) and stops any motion; does not count as the reader moving.
    void jump_to(DocY y);
    // Scrolls there like a key press would (smoothly unless reduced motion is on).
    void scroll_to(DocY y) { target_ = y; }
    DocY target() const { return target_; }
    // True when the last draw() moved the view because of the reader (input or its animation).
    bool moved() const { return moved_; }
    void set_smooth(bool smooth) { smooth_ = smooth; }
    // Per face, the lowest rasterizer density of the glyphs the last draw() used (0: the face was
    // not drawn). Equal to the framebuffer scale when text is sharp; for the page API (state()).
    const std::array<float, static_cast<std::size_t>(Face::count)>& glyph_density() const { return glyph_density_; }

    // Where the finger is, with the time the platform saw it (seconds, any steady origin). The
    // touch itself also arrives through ImGui as a touch-screen mouse; these timed samples are
    // only what the fling's speed is measured from.
    void touch(TouchPhase phase, double time, float y);

    // How long a finger must rest on a word to select it, and how far it may stray meanwhile.
    static constexpr float long_press_seconds = 0.5f;
    static constexpr float touch_slop = 10.0f;

private:
    void handle_input(const DocumentLayout& doc, float view_h);
    void handle_scrollbar(const DocumentLayout& doc, float view_h);
    void handle_selection(const Article& article, const DocumentLayout& doc, const FontSet& fonts, float view_h);
    void handle_touch(const Article& article, const DocumentLayout& doc, const FontSet& fonts, float view_h);
    void edge_scroll(float pointer_y, float top, float bottom);

    DocY scroll_ = 0;      // what is drawn
    std::string followed_link_;
    int retried_picture_ = -1;
    DocY target_ = 0;      // where smooth scrolling is heading
    float velocity_ = 0;   // touch fling, pixels per second
    bool dragging_thumb_ = false;
    float thumb_grab_ = 0;  // where on the thumb the pointer took it
    // A finger on the text: `pending` until it moves (a scroll) or rests long enough on a word (a
    // selection, which dragging then extends by words).
    enum class Touch : std::uint8_t { none, pending, scrolling, selecting };
    Touch touch_ = Touch::none;
    TextPos touch_word_begin_, touch_word_end_;  // the word the long press selected
    VelocityTracker finger_;
    bool long_press_released_ = false;  // this frame's release ends a long press: not a tap on a link
    bool smooth_ = true;
    bool moved_ = false;
    TextPos sel_anchor_, sel_focus_;  // equal: nothing selected
    bool selecting_ = false;          // the mouse button is down, extending the selection
    std::array<float, static_cast<std::size_t>(Face::count)> glyph_density_{};
};

}  // namespace av
