// Loading an article (issue 20, item 7): the platform's answer to open() (the bytes, or what
// failed), the article on screen dropped first, the bytes read in pieces by the frames
// (core ArticleLoad) with how far it is, and the loaded article put on screen at the reader's
// place (a deep link, the saved position and its notice), with the fonts, engine and
// hyphenation it needs asked for. app.cpp keeps open() and the frame that calls continue_load.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "app.hpp"
#include "core/article_loader.hpp"
#include "core/locale.hpp"
#include "core/memory_budget.hpp"
#include "core/url.hpp"

namespace av {

void App::article_arrived(const std::string& source, std::string_view bytes) {
    if (source != source_) return;  // an answer to an older request
    // Before the copy: the old article, its layout and the copy at once may not fit.
    drop_article();
    // A copy the App owns, as the platform's own blocks are (article_arrived_owned). std::malloc
    // says when there is no memory, where a std::string would end the program (no exceptions).
    char* copy = static_cast<char*>(std::malloc(std::max<std::size_t>(bytes.size(), 1)));
    if (!copy) {
        article_failed(source, source + ": not enough memory for " + std::to_string(bytes.size()) + " bytes");
        return;
    }
    if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
    article_arrived_owned(source, copy, bytes.size());
}

void App::article_arrived_owned(const std::string& source, char* data, std::size_t size) {
    std::unique_ptr<char, void (*)(void*)> owned(data, std::free);
    if (source != source_) return;  // an answer to an older request
    const std::string_view bytes(data, size);
    loading_ = false;
    settle_frames_ = 2;
    drop_article();
    notice_ = Notice{};  // here, not once loaded: a notice given meanwhile (its file not kept) is this article's
    if (const std::size_t need = memory_to_open(bytes.size(), LoadLimits{}.max_values); !host_.make_room(need)) {
        article_failed(source, source + ": opening this article may take " + std::to_string((need + 999999) / 1000000) +
                                   " MB of memory, more than the browser gives this page");
        return;
    }
    // Read in pieces by the frames from now on (continue_load), the first one at once: a
    // short article is then ready before this frame ends, as when it was read in one go.
    load_bytes_ = std::move(owned);
    load_ = std::make_unique<ArticleLoad>(bytes, source);
}

// The article on screen goes first, whatever replaces it (the new one or the error screen): a long
// one and its layout take up to hundreds of MB, and both at once with the next may not fit.
void App::drop_article() {
    progress_.close();  // saves what it had pending
    highlights_.close();  // it points into the article
    drop_pictures();
    layout_.clear();
    article_.reset();
    drop_load();
}

std::string App::loading_detail(double fraction) const {
    // Shown only for an article that takes more than a frame to read: most never show a number.
    const int percent = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 100.0);
    return source_ + " \xC2\xB7 " + std::to_string(percent) + " %";
}

void App::drop_load() {
    load_.reset();
    load_bytes_.reset();  // a long article's bytes: give the memory back now
}

void App::continue_load() {
    const double until = clock_s() + work_per_frame_s;
    settle_frames_ = std::max(settle_frames_, 2);
    if (!load_->step([&] { return clock_s() >= until; })) return;
    LoadResult result = load_->take();
    drop_load();
    loaded(std::move(result));
}

void App::loaded(LoadResult result) {
    const std::string source = source_;
    warnings_ = std::move(result.warnings);
    for (const std::string& w : warnings_) std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (!result.ok()) {
        article_failed(source, result.error);
        return;
    }
    article_ = std::make_unique<Article>(std::move(result.article));
    extended_.opened(article_->needs.extended);
    request_extended_fonts();
    faces_behind_ = false;
    request_font_faces();
    pictures_.assign(article_->blocks.size(), 0);
    picture_state_.assign(article_->blocks.size(), PictureState::idle);
    layout_.invalidate();
    anchor_ = first_line_ = Anchor{};
    reported_block_.clear();
    find_open_ = false;
    matches_.clear();
    find_searched_.clear();
    current_match_ = -1;
    view_.clear_selection();
    stop_listening();
    const std::optional<Resume> resume = progress_.open(*article_, source, policy_.progress_origin(source));
    highlights_.open(*article_, policy_.progress_origin(source));
    hl_ui_.editing.clear();
    highlights_touched();
    // A deep link wins over the saved position, and becomes it; but the URL keeps the place being
    // read (#id, place_id), so a reload brings back that fragment: then the saved line wins.
    if (deep_link_wins(*article_, pending_block_, resume ? &resume->anchor : nullptr)) {
        anchor_ = Anchor{find_block(*article_, pending_block_), 0};
        jumped_ = true;
    } else if (resume) {
        anchor_ = resume->anchor;
        // A notice given while the article was read in pieces (the browser could not keep the
        // file) came later than the load began: it stays, as it did when loading took no frame.
        if (notice_.text.empty()) {
            if (resume->match == ResumeMatch::lost) show_notice(locale::position_lost(article_->lang), false);
            else if (resume->match != ResumeMatch::same_text) show_notice(locale::resumed_changed(article_->lang), true);
            else if (anchor_ != Anchor{})
                show_notice(locale::resumed_at(article_->lang, static_cast<int>(std::lround(resume->percent * 100))), true);
        }
    }
    pending_block_.clear();
    error_.clear();
    host_.set_title(article_->title);
    // Last: where the fonts or the engine cannot be had (the single-file page) the answer comes
    // at once, and its notice must not be replaced by the resume notice above.
    text_failure_told_ = false;
    request_text_support();
    request_hyphenation();
}

void App::article_failed(const std::string& source, const std::string& message) {
    if (source != source_) return;
    loading_ = false;
    ready_ = false;
    drop_load();
    drop_pictures();
    highlights_.close();  // it points into the article
    article_.reset();
    layout_.invalidate();
    // The title named the article that was on screen: it now says what failed (reader-visible
    // defects issue, item 16).
    host_.set_title("Could not open " + url::file_name(source));
    error_ = message;
    settle_frames_ = 2;
    std::fprintf(stderr, "error: %s\n", message.c_str());
}

}  // namespace av
