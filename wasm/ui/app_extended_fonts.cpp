// The App's side of the fonts' extended subsets (the web's Greek, Cyrillic, Vietnamese, ...:
// fonts-ext/, apart from the first visit: BENCHMARKS.md, "Transfer size"), asked for the articles
// with such characters and again after a failed fetch (ui/extended_font_requests.hpp), and of the
// browser coming back online, which also asks again for the italics whose fetch failed
// (ui/face_requests.hpp).
#include <algorithm>
#include <cstdio>

#include "app.hpp"

namespace av {

void App::request_extended_fonts() {
    if (extended_.take()) extended_.sent(host_.fetch_extended_fonts());
}

void App::extended_fonts_arrived(const std::string& error) {
    extended_.answered(error);
    if (!error.empty())
        std::fprintf(stderr, "article-viewer: warning: extended fonts: %s; those characters are drawn as boxes\n",
                     error.c_str());
    else
        reload_fonts();
    request_extended_fonts();  // the browser came back online while that fetch was on its way
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::browser_online() {
    extended_.online(article_ && article_->needs.extended);
    request_extended_fonts();
    // The italics are asked again only if their last fetch failed (FaceRequests::take). The open
    // article has been drawn with the upright faces: it stays on screen while they come, rather than
    // going back to "Loading" (text_pending), and is drawn again in italics when they arrive.
    if (article_ && !faces_.waiting()) {
        request_font_faces();
        faces_behind_ = faces_.waiting();
    }
}

}  // namespace av
