// The state the page and tests read (App::state_json, app.hpp): what is open, where the reader is,
// what is on screen and where, and how the fonts, text engine and pictures stand, as one JSON
// object; and the digest of the layout on screen (core/layout_digest.hpp).
#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "app.hpp"
#include "core/layout_digest.hpp"
#include "core/locale.hpp"
#include "core/text_search.hpp"

namespace av {

std::string App::layout_digest(bool text) const {
    const DocumentLayout* doc = layout_.current();
    if (!doc) return {};
    return text ? av::layout_text(*doc) : av::layout_digest(*doc);
}

std::string App::state_json() const {
    using nlohmann::json;
    json s;
    s["ready"] = ready_;
    s["loading"] = loading_;
    s["source"] = source_;
    s["articleId"] = article_ ? json(article_->id) : json(nullptr);
    s["title"] = article_ ? json(article_->title) : json(nullptr);
    s["lang"] = article_ ? json(article_->lang) : json(nullptr);
    s["blocks"] = article_ ? article_->blocks.size() : 0;
    s["error"] = error_.empty() ? json(nullptr) : json(error_);
    s["warnings"] = warnings_;
    s["frames"] = frames_;
    s["scrollY"] = view_.scroll_y();
    s["anchor"] = {{"block", anchor_.block}, {"offset", anchor_.offset}};
    // What is really at the top of the view in the current layout (tests compare it to the anchor).
    s["firstLine"] = {{"block", first_line_.block}, {"offset", first_line_.offset}};
    s["fontSize"] = font_size_;
    add_settings_state(s);  // settings, settingsWarnings, fontFamily, settingsPanel (app_settings.cpp)
    // What the layout keys on besides the settings (LayoutParams::font_set, text_services).
    s["fontSet"] = fonts_.generation();
    s["textServices"] = hyphen_generation_;
    // What the layout on screen was made with (tests: a setting reached the layout).
    if (const DocumentLayout* doc = layout_.current())
        s["layout"] = {{"fontSize", doc->params.font_size}, {"measure", doc->params.measure},
                       {"lineSpacing", std::round(static_cast<double>(doc->params.line_spacing) * 100.0) / 100.0}, {"justify", doc->params.justify},
                       {"fontSet", doc->params.font_set}, {"textServices", doc->params.text_services}};
    s["theme"] = theme_label(theme_);
    s["blockId"] = reported_block_;
    s["timeLeftMinutes"] = minutes_left_;
    s["timeLeft"] = article_ ? json(locale::time_left(article_->lang, minutes_left_)) : json(nullptr);  // as the toolbar shows it
    s["notice"] = notice_.text;
    s["view"] = {{"top", view_top_}, {"height", view_height_}};  // the reading view's place on screen
    s["toolbar"] = {{"timeLeftEnd", toolbar_row_[0]}, {"rowStart", toolbar_row_[1]}, {"rowEnd", toolbar_row_[2]},
                    {"menu", toolbar_menu_}, {"menuOpen", toolbar_menu_open_}};
    for (const auto& [label, r] : toolbar_buttons_) s["toolbar"]["buttons"][label] = {r[0], r[1], r[2], r[3]};
    if (!notice_.text.empty()) s["noticeBox"] = {{"x", notice_box_[0]}, {"y", notice_box_[1]}, {"w", notice_box_[2]}, {"h", notice_box_[3]}};
    s["canStartOver"] = !notice_.text.empty() && notice_.start_over;  // the notice's "start over"
    s["defaultArticle"] = source_ == default_source_;
    s["storageWarning"] = progress_.warning().empty() ? json(nullptr) : json(progress_.warning());
    s["positionSaved"] = progress_.stored();
    s["library"] = library_open_;
    // The library's rows that cannot open again, and what they say (a file that moved).
    json notes = json::array();
    for (std::size_t i = 0; library_open_ && i < library_reopen_.size(); ++i)
        if (!library_reopen_[i].note.empty()) notes.push_back({{"name", library_entries_[i].name()}, {"note", library_reopen_[i].note}});
    s["libraryNotes"] = notes;
    if (open_panel_) {
        json listing = json::array();
        for (const FolderEntry& e : open_panel_->entries()) listing.push_back(e.folder && e.name != ".." ? e.name + "/" : e.name);
        s["openFile"] = {{"open", open_panel_->shown()}, {"folder", open_panel_->folder()}, {"error", open_panel_->error()},
                         {"listing", listing}};
    }
    s["find"] = {{"open", find_open_}, {"query", find_searched_}, {"count", matches_.size()}, {"current", current_match_}};
    s["selection"] = selected_text();
    // Reading aloud (README "Read aloud"): the words marked, with their text.
    s["canListen"] = host_.can_speak();
    s["listening"] = listen_.mode != Listening::Mode::off;
    s["listenPaused"] = listen_.mode == Listening::Mode::paused;
    s["listenFollowing"] = listen_.follow;
    if (listen_.spoken.block >= -1 && article_) {
        const TextRange& r = listen_.spoken;
        s["spoken"] = {{"block", r.block},
                       {"begin", r.begin},
                       {"end", r.end},
                       {"text", text_between(*article_, r.block, r.begin, r.block, r.end)},
                       // Where they are on screen (CSS pixels from the window's top), as last drawn.
                       {"top", view_top_ + static_cast<float>(listen_.box[0] - view_.scroll_y())},
                       {"height", listen_.box[1]}};
    } else {
        s["spoken"] = nullptr;
    }
    s["highlights"] = highlights_state();
    if (ready_) {
        s["column"] = {{"x", column_x_}, {"width", column_width_}};
        s["height"] = doc_height_;
        s["percent"] = percent_;
        s["readingMinutes"] = reading_minutes_;
    }
    std::size_t images = 0, requested = 0, loaded = 0, failed = 0;
    for (std::size_t i = 0; article_ && i < article_->blocks.size(); ++i) {
        if (article_->blocks[i].type != BlockType::image) continue;
        ++images;
        requested += picture_state_[i] != PictureState::idle;
        loaded += picture_state_[i] == PictureState::ready;
        failed += picture_state_[i] == PictureState::failed;
    }
    s["images"] = {{"total", images}, {"requested", requested}, {"loaded", loaded}, {"failed", failed}};
    s["fontError"] = font_error_.empty() ? json(nullptr) : json(font_error_);
    s["fontsExtended"] = fonts_.extended();  // the web's extended subsets are loaded (ui/fonts.hpp)
    s["fontsExtendedError"] = extended_.error().empty() ? json(nullptr) : json(extended_.error());
    s["fontFaces"] = font_faces_state();
    // Text in every script (docs/text-pipeline.md): the engine, the fonts beyond the base faces,
    // and the glyphs missing in what has been drawn since the last layout.
    static const char* const asked[] = {"none", "loading", "ready", "failed"};
    s["textEngine"] = asked[static_cast<int>(engine_state_)];
    s["fontCatalog"] = asked[static_cast<int>(catalog_)];
    json files = json::array();
    for (FontId id = 0; id < fonts_.catalog().files().size(); ++id)
        if (fonts_.has_file(id)) files.push_back(fonts_.catalog().files()[id].file);
    s["fontFiles"] = files;
    s["textError"] = text_error_.empty() ? json(nullptr) : json(text_error_);
    s["missingGlyphs"] = missing_glyphs_;
    // Justification, and the languages whose hyphenation dictionaries are loaded (README "Hyphenation").
    s["justify"] = justify_;
    s["hyphenation"] = hyphen_languages_;
    // Sharp text on hi-DPI screens: every face drawn must be rasterised at the framebuffer scale.
    static const char* const face_names[] = {"serif", "serifBold", "serifItalic", "serifBoldItalic", "sans", "sansBold"};
    static_assert(sizeof face_names / sizeof *face_names == static_cast<std::size_t>(Face::count));
    json density = json::object();
    for (std::size_t i = 0; i < view_.glyph_density().size(); ++i)
        if (view_.glyph_density()[i] > 0) density[face_names[i]] = view_.glyph_density()[i];
    s["glyphDensity"] = density;
    s["framebufferScale"] = ImGui::GetCurrentContext() ? ImGui::GetIO().DisplayFramebufferScale.x : 1.0f;
    // Strings in the state come from files: replace anything that is not UTF-8 rather than throw.
    return s.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace av
