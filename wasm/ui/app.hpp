// The viewer application, shared by every platform: which article is open (or loading, or
// failed), its layout, the reader's place in it, and the one frame function that both the browser
// loop and the desktop loop call. Platforms own the window, the event loop and I/O, and talk to
// App through Host and the few methods below.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/layout.hpp"
#include "core/reading_position.hpp"
#include "fonts.hpp"
#include "host.hpp"
#include "reader_view.hpp"
#include "theme.hpp"

namespace av {

class App {
public:
    static constexpr float min_font_size = 12.0f;
    static constexpr float max_font_size = 40.0f;
    static constexpr float default_font_size = 20.0f;
    static constexpr float toolbar_height = 44.0f;

    // `default_source` is what opens when nothing else is asked for, and what the error screen
    // offers to go back to.
    App(Host& host, std::string default_source);

    // Call once after the ImGui context exists. Returns "" or what went wrong (e.g. a missing font);
    // on error the viewer still runs and shows the message.
    std::string init(const std::string& fonts_dir);

    // Asks the platform for `source`; the view shows a loading state until it answers. `block_id`
    // (optional) is where to start reading: a deep link.
    void open(const std::string& source, const std::string& block_id = "");
    void article_arrived(const std::string& source, std::string_view bytes);
    void article_failed(const std::string& source, const std::string& message);

    // A picture asked for with Host::fetch_image has arrived (RGBA, top row first) or failed.
    void image_arrived(std::uint32_t request, const unsigned char* rgba, int width, int height);
    void image_failed(std::uint32_t request);

    // Moves to the block with this id (a deep link), now or once the article is there.
    void go_to_block(const std::string& block_id);
    // Moves to block `index` of the article (clamped).
    void scroll_to_block(int index);

    void set_theme(ThemeName name) { theme_ = name; }
    ThemeName theme_name() const { return theme_; }
    void set_font_size(float px);
    float font_size() const { return font_size_; }
    void set_reduced_motion(bool reduced) { view_.set_smooth(!reduced); }

    // The frame function: ImGui::NewFrame() ... ImGui::Render(). The platform calls its backends'
    // NewFrame before and renders ImGui::GetDrawData() after.
    void frame();

    // True while something animates, so the platform must draw another frame without input.
    bool wants_frame() const { return animating_ || settle_frames_ > 0; }

    // The state the page and tests read: {ready, articleId, title, blocks, error, ...} as JSON.
    std::string state_json() const;

    std::uint64_t frames() const { return frames_; }
    bool ready() const { return ready_; }
    const std::string& error() const { return error_; }

private:
    void draw_status(const char* heading, const std::string& detail, bool offer_retry);
    void draw_article(float width, float height);
    void draw_toolbar(float width);
    bool current_section(std::size_t heading) const;
    void handle_shortcuts();
    void report_reading_place();
    void request_pictures(const DocumentLayout& doc, float scroll_y, float view_h);
    void drop_pictures();

    Host& host_;
    std::string default_source_;
    FontSet fonts_;
    std::string font_error_;
    ThemeName theme_ = ThemeName::light;
    float font_size_ = default_font_size;

    std::string source_;     // what is open or being opened
    bool loading_ = false;
    std::string error_;      // one line: "SOURCE: what went wrong"
    std::vector<std::string> warnings_;
    std::unique_ptr<Article> article_;
    LayoutCache layout_;
    std::size_t laid_out_ = 0;  // layout_.computations() when the view was last placed
    ReaderView view_;
    Anchor anchor_;             // the line at the top; survives relayouts, moves with the reader
    std::string pending_block_; // a deep link waiting for its article
    std::string reported_block_;
    float doc_height_ = 0;  // of the last frame's layout, for state_json()
    float percent_ = 0;
    int reading_minutes_ = 0;

    // Pictures of image blocks, loaded lazily when they come near the viewport.
    enum class PictureState : std::uint8_t { idle, loading, ready, failed };
    std::vector<std::uint64_t> pictures_;       // texture per article block, 0 if none
    std::vector<PictureState> picture_state_;   // per article block
    std::vector<int> picture_requests_;         // request id -> block, for this article only
    std::uint32_t first_request_ = 0;           // ids below belong to earlier articles

    bool ready_ = false;       // an article's text has been drawn
    bool animating_ = false;
    int settle_frames_ = 0;    // a few frames after a change, so ImGui's own state settles
    std::uint64_t frames_ = 0;
};

}  // namespace av
