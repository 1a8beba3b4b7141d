// What the UI asks of the platform it runs on. Each platform (platform/web.cpp,
// platform/desktop.cpp) implements these few hooks; everything else is shared.
#pragma once

#include <cstdint>
#include <string>

namespace av {

class Host {
public:
    virtual ~Host() = default;

    // Starts reading `source` (a URL on the web, a file path on the desktop). The platform answers,
    // now or later, with App::article_arrived or App::article_failed for the same source.
    virtual void fetch_article(const std::string& source) = 0;

    // Opens an http, https or mailto link outside the viewer (new tab, or the system's opener).
    virtual void open_link(const std::string& url) = 0;

    // The article's title, for the browser tab or the window.
    virtual void set_title(const std::string& title) = 0;

    // Starts loading a picture; the platform answers with App::image_arrived or App::image_failed
    // for the same `request`. By default pictures are not loaded and their alt text stays.
    virtual void fetch_image(std::uint32_t request, const std::string& url) { (void)request, (void)url; }

    // A texture the renderer can draw from 8-bit RGBA pixels, top row first; 0 if none can be made.
    virtual std::uint64_t create_texture(const unsigned char* rgba, int width, int height) {
        (void)rgba, (void)width, (void)height;
        return 0;
    }
    virtual void destroy_texture(std::uint64_t texture) { (void)texture; }

    // The reader has moved: `block_id` is the id of the block being read (or of the nearest block
    // with an id before it), "" when none has one. The web keeps it in the URL as #block_id.
    virtual void reading_at(const std::string& block_id) { (void)block_id; }
};

}  // namespace av
