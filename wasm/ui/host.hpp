// What the UI asks of the platform it runs on. Each platform (platform/web.cpp,
// platform/desktop.cpp) implements these few hooks; everything else is shared.
#pragma once

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
};

}  // namespace av
