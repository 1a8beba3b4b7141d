// The viewer application, shared by every platform: which article is open (or loading, or
// failed), its layout, and the one frame function that both the browser loop and the desktop loop
// call. Platforms own the window, the event loop and I/O, and talk to App through Host and the
// few methods below.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/layout.hpp"
#include "fonts.hpp"
#include "host.hpp"
#include "reader_view.hpp"
#include "theme.hpp"

namespace av {

class App {
public:
    // `default_source` is what opens when nothing else is asked for, and what the error screen
    // offers to go back to.
    App(Host& host, std::string default_source);

    // Call once after the ImGui context exists. Returns "" or what went wrong (e.g. a missing font);
    // on error the viewer still runs and shows the message.
    std::string init(const std::string& fonts_dir);

    // Asks the platform for `source`; the view shows a loading state until it answers.
    void open(const std::string& source);
    void article_arrived(const std::string& source, std::string_view bytes);
    void article_failed(const std::string& source, const std::string& message);

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

    Host& host_;
    std::string default_source_;
    FontSet fonts_;
    std::string font_error_;
    ThemeName theme_ = ThemeName::light;
    float font_size_ = 20.0f;

    std::string source_;     // what is open or being opened
    bool loading_ = false;
    std::string error_;      // one line: "SOURCE: what went wrong"
    std::vector<std::string> warnings_;
    std::unique_ptr<Article> article_;
    LayoutCache layout_;
    ReaderView view_;

    bool ready_ = false;       // an article's text has been drawn
    bool animating_ = false;
    int settle_frames_ = 0;    // a few frames after a change, so ImGui's own state settles
    std::uint64_t frames_ = 0;
};

}  // namespace av
