// Reading aloud (README "Read aloud"): the App's side. The platform's speech engine (the web's
// speechSynthesis, shell/listen.js) speaks; the App says what to speak (core/speech_text.hpp),
// marks the words the engine reports, keeps them in view and makes them the reading position, so
// progress storage keeps it and a later Listen (or a reload) resumes there.
//
// The reader scrolling by hand while it speaks: the speech goes on, the view stops following and
// the reading position is the reader's again, until the next sentence starts: then the view
// brings the spoken words back if they are out of sight, and the position follows them again.
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app.hpp"
#include "core/text_geometry.hpp"

namespace av {

void App::listen() {
    if (!host_.can_speak() || !article_ || loading_) return;
    if (listen_.mode == Listening::Mode::paused) {
        listen_.mode = Listening::Mode::speaking;
        host_.speech("resume");
        return;
    }
    if (listen_.mode == Listening::Mode::speaking) return;
    listen_ = Listening{};
    listen_.mode = Listening::Mode::speaking;
    listen_.next = anchor_;  // the sentence holding the reading position (core utterance_from)
    host_.speech("start");
}

void App::pause_listening() {
    if (listen_.mode != Listening::Mode::speaking) return;
    listen_.mode = Listening::Mode::paused;
    host_.speech("pause");
}

void App::stop_listening() {
    if (listen_.mode == Listening::Mode::off) return;
    const int id = listen_.id;  // later events of the utterance cancelled are not taken for new ones
    listen_ = Listening{};
    listen_.id = id;
    host_.speech("stop");
    settle_frames_ = std::max(settle_frames_, 2);  // the mark goes
}

std::string App::next_utterance() {
    using nlohmann::json;
    if (listen_.mode == Listening::Mode::off || !article_) return "null";
    SpeechOptions options;
    options.sponsored = settings_.read_sponsored;
    std::optional<Utterance> u = utterance_from(*article_, listen_.next, options);
    if (!u) {  // the end of the article
        const bool nothing = !listen_.current;  // Listen where nothing follows that is read
        const int id = listen_.id;
        listen_ = Listening{};
        listen_.id = id;
        settle_frames_ = std::max(settle_frames_, 2);
        if (nothing) show_notice("Nothing is read aloud from here to the end of the article.", false);
        return "null";
    }
    ++listen_.id;
    listen_.next = Anchor{u->block, u->end};
    listen_.follow = true;  // a sentence after the reader scrolled away: follow again
    const json out = {{"id", listen_.id},
                      {"block", u->block},
                      {"begin", u->begin},
                      {"end", u->end},
                      {"text", u->text},
                      {"lang", u->lang},
                      {"articleLang", article_->lang},
                      {"rate", std::round(static_cast<double>(settings_.speech_rate) * 100.0) / 100.0},
                      {"voice", settings_.voice}};
    listen_.current = std::move(u);
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

void App::utterance_started(int id) {
    if (listen_.mode == Listening::Mode::off || id != listen_.id || !listen_.current) return;
    const Utterance& u = *listen_.current;
    listen_.spoken = TextRange{u.block, u.begin, u.end};
    listen_.show = listen_.moved = true;
}

void App::speech_boundary(int id, std::uint32_t char_index, std::uint32_t char_length) {
    if (listen_.mode == Listening::Mode::off || id != listen_.id || !listen_.current) return;
    const auto [begin, end] = spoken_range(*listen_.current, char_index, char_length);
    listen_.spoken = TextRange{listen_.current->block, begin, end};
    listen_.show = listen_.moved = true;
}

void App::speech_failed(const std::string& message) {
    if (listen_.mode == Listening::Mode::off) return;
    std::fprintf(stderr, "article-viewer: reading aloud: %s\n", message.c_str());
    stop_listening();
    show_notice("Reading aloud stopped: " + message, false);
}

void App::no_voice(const std::string& lang, const std::string& name) {
    stop_listening();
    const std::string what =
        name.empty() || name == lang ? "\xE2\x80\x9C" + lang + "\xE2\x80\x9D" : name + " (" + lang + ")";
    show_notice("No voice for " + what +
                    " in this browser: nothing is read aloud. A voice for it may be added in the "
                    "system's speech settings.",
                false);
}

void App::follow_speech(const DocumentLayout& doc, float height) {
    listen_.box = {0, 0};
    if (listen_.spoken.block < -1) return;
    const TextRange& r = listen_.spoken;
    const std::vector<Rect> rects = range_rects(doc, fonts_, r.block, r.begin, r.end);
    if (rects.empty()) return;
    listen_.box = {rects.front().y, rects.back().y + rects.back().h - rects.front().y};
    if (!listen_.show) return;
    listen_.show = false;
    if (!listen_.follow) return;
    // The word's line: when it leaves the view (below it, or above after a jump), it goes a third
    // of the way down, as find's matches do, so what comes next is in view too.
    const Rect& line = rects.back();
    const DocY top = view_.scroll_y();
    if (line.y >= top && line.y + line.h <= top + height) return;
    const DocY max_scroll = std::max(0.0, doc.height - static_cast<DocY>(height));
    listen_.scroll_target = std::clamp(rects.front().y - static_cast<DocY>(height) / 3, 0.0, max_scroll);
    listen_.scrolling = true;
    view_.scroll_to(listen_.scroll_target);
}

bool App::speech_scrolling() const {
    return listen_.scrolling && listen_.mode != Listening::Mode::off && view_.target() == listen_.scroll_target;
}

bool App::speech_moved(bool reader_moved) {
    if (listen_.mode == Listening::Mode::off) return false;
    if (listen_.scrolling && view_.scroll_y() == listen_.scroll_target) listen_.scrolling = false;
    if (reader_moved) {  // the reader's scroll wins until the next sentence
        listen_.follow = false;
        listen_.scrolling = false;
        return false;
    }
    if (!listen_.moved || !listen_.follow || listen_.spoken.block < -1) return false;
    listen_.moved = false;
    anchor_ = Anchor{listen_.spoken.block, listen_.spoken.begin};
    return true;
}

}  // namespace av
