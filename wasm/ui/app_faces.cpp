// The App's side of the faces the web ships apart from the first visit (the serif italic and bold
// italic: BENCHMARKS.md, "Transfer size"): the open article's TextNeeds::faces says which it draws
// with, FontSet::missing which the fonts folder lacks; those are asked of the platform (once each,
// or again after a failed fetch: ui/face_requests.hpp), and the article waits for them
// (text_pending).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "app.hpp"

namespace av {

void App::request_font_faces() {
    if (!article_) return;
    const std::uint8_t wanted = faces_.take(article_->needs.faces, fonts_.missing());
    if (wanted == 0) return;
    std::vector<std::string> files;
    for (std::size_t i = 0; i < FontSet::file_names().size(); ++i)
        if (wanted & face_bit(static_cast<Face>(i))) files.emplace_back(FontSet::file_names()[i]);
    faces_.sent(host_.fetch_font_faces(files));
}

void App::font_faces_arrived(const std::string& error) {
    faces_.answered(error);
    if (!error.empty()) std::fprintf(stderr, "article-viewer: warning: fonts: %s; the upright faces stand in\n", error.c_str());
    reload_fonts();
    settle_frames_ = std::max(settle_frames_, 2);
}

nlohmann::json App::font_faces_state() const {
    nlohmann::json stood_in = nlohmann::json::array();
    for (std::size_t i = 0; i < FontSet::file_names().size(); ++i)
        if (fonts_.stood_in() & face_bit(static_cast<Face>(i))) stood_in.push_back(FontSet::file_names()[i]);
    return {{"standingIn", stood_in},
            {"waiting", faces_.waiting()},
            {"error", faces_.error().empty() ? nlohmann::json(nullptr) : nlohmann::json(faces_.error())}};
}

}  // namespace av
