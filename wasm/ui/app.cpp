// The App's hub (app.hpp): init, open() and the page's address, links and deep links, the frame and
// the reading view (layout, pictures, find, the reading place), the fonts and text engine an
// article asks for and the shortcuts. Apart: loading (app_load.cpp), the settings and
// hyphenation (app_settings.cpp), the panels (app_panels.cpp), the library (app_library.cpp),
// reading aloud (app_listen.cpp), highlights (app_highlights.cpp), the faces the first visit
// leaves out (app_faces.cpp) and state() (app_state.cpp).
#include "app.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the input event queue, to keep drawing until it is consumed
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/local_path.hpp"
#include "core/page_address.hpp"
#include "core/locale.hpp"
#include "core/text/text_class.hpp"
#include "missing_glyphs.hpp"
#include "core/text_search.hpp"
#include "panel_style.hpp"  // to_vec4
#include "theme_style.hpp"

namespace av {

namespace {

constexpr double notice_seconds = 8.0;

}  // namespace

std::int64_t App::now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double App::clock_s() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

App::App(Host& host, std::string default_source)
    : host_(host), default_source_(std::move(default_source)), highlights_(host.highlights_store()), progress_(host.store()),
      open_panel_(host.file_panel()) {}

std::string App::init(const std::string& fonts_dir) {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing of the UI layout is worth a file on disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Double and triple clicks (word, paragraph) within half a second, as desktops count them:
    // ImGui's 0.3 s is too tight when a slow frame sits between the clicks.
    io.MouseDoubleClickTime = 0.5f;
    load_settings();  // before the fonts (the family) and the first layout: no flash of the defaults
    font_error_ = fonts_.load(fonts_dir);
    if (!font_error_.empty()) std::fprintf(stderr, "article-viewer: %s\n", font_error_.c_str());
    if (fonts_.family() != settings_.font) {
        request_family();  // the web fetches a family's files first
        family_at_start_ = family_asked_.has_value();
    }
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowBorderSize = 0;
    style.WindowPadding = ImVec2(0, 0);
    style.FrameRounding = 4.0f;
    style.FramePadding = ImVec2(10, 5);
    host_.fetch_index();
    return font_error_;
}

void App::open(const std::string& source, const std::string& block_id, History history) {
    if (history != History::keep) {
        // A new entry only when the reader leaves an article on screen for another one: the first
        // article, an error screen or the same article again replace the entry they are in.
        const bool leaving = article_ && error_.empty() && source != source_ && history == History::push;
        host_.show_address(page_address::of(source, block_id, default_source_, page_url_), leaving, anchor_);
    }
    if (const std::string refused = policy_.refusal(source); !refused.empty()) {
        // Shown as a load error, with the error screen's way back to the default article.
        source_ = source;
        ready_ = false;
        article_failed(source, source + ": " + refused);
        return;
    }
    source_ = source;
    if (host_.local_files() && local_path::is_local(source) && source != default_source_ &&
        std::none_of(library_.bundled().begin(), library_.bundled().end(),
                     [&](const LibraryView::Bundled& b) { return b.source == source; }))
        last_file_ = source;
    loading_ = true;
    ready_ = false;
    error_.clear();
    drop_load();  // an article still being read is not wanted any more
    pending_block_ = block_id;
    settle_frames_ = 2;
    host_.fetch_article(source);
}

void App::start_over() {
    notice_ = Notice{};
    anchor_ = Anchor{};
    laid_out_ = 0;
    jumped_ = true;
}

void App::show_notice(std::string text, bool offer_start_over) {
    notice_ = Notice{std::move(text), offer_start_over, clock_s() + notice_seconds};
}

void App::index_arrived(std::string_view bytes, const std::string& base) { library_.set_index(bytes, base); }

double App::tick(bool& redraw) {
    redraw = false;
    const double now = clock_s();
    const bool was_pending = progress_.pending();
    double next = progress_.tick(now);
    if (was_pending && !progress_.pending()) host_.progress_changed(state_json());  // the reader settled
    if (notice_.until > 0) {
        if (now >= notice_.until) {
            notice_ = Notice{};
            redraw = true;
        } else {
            next = next < 0 ? notice_.until : std::min(next, notice_.until);
        }
    }
    return next < 0 ? -1 : std::max(next - now, 0.0);
}

void App::flush() { progress_.flush(); }

void App::drop_pictures() {
    for (std::uint64_t texture : pictures_)
        if (texture) host_.destroy_texture(texture);
    pictures_.clear();
    picture_state_.clear();
    // Answers still on their way for the old article are recognised by their old ids.
    first_request_ += static_cast<std::uint32_t>(picture_requests_.size());
    picture_requests_.clear();
}

void App::request_pictures(const DocumentLayout& doc, DocY scroll_y, float view_h) {
    // "Near the viewport": one screen above and two below, so a picture is there when scrolled to.
    const auto [first, last] = doc.visible(scroll_y - view_h, scroll_y + 2 * view_h);
    for (std::size_t i = first; i < last; ++i) {
        const int block = doc.blocks[i].block;
        if (block < 0) continue;
        const std::size_t b = static_cast<std::size_t>(block);
        if (article_->blocks[b].type != BlockType::image || picture_state_[b] != PictureState::idle) continue;
        picture_state_[b] = PictureState::loading;
        const std::uint32_t request = first_request_ + static_cast<std::uint32_t>(picture_requests_.size());
        picture_requests_.push_back(block);
        host_.fetch_image(request, article_->blocks[b].src);
    }
}

void App::image_arrived(std::uint32_t request, const unsigned char* rgba, int width, int height) {
    if (request < first_request_ || request - first_request_ >= picture_requests_.size()) return;
    const std::size_t b = static_cast<std::size_t>(picture_requests_[request - first_request_]);
    const std::uint64_t texture = host_.create_texture(rgba, width, height);
    picture_state_[b] = texture ? PictureState::ready : PictureState::failed;
    pictures_[b] = texture;
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::image_failed(std::uint32_t request) {
    if (request < first_request_ || request - first_request_ >= picture_requests_.size()) return;
    picture_state_[static_cast<std::size_t>(picture_requests_[request - first_request_])] = PictureState::failed;
}

void App::go_to_block(const std::string& block_id) {
    if (!article_) {
        pending_block_ = block_id;
        return;
    }
    const int index = find_block(*article_, block_id);
    if (index >= 0) scroll_to_block(index);
}

void App::address_changed(const std::string& source, const std::string& block_id, std::optional<Anchor> place) {
    const std::string& wanted = source.empty() ? default_source_ : source;
    if (wanted != source_ || !article_) {
        // Its saved position brings the reader back where they left it (the fragment names the
        // same block, so it does not win: deep_link_wins).
        open(wanted, block_id, History::keep);
        return;
    }
    if (place) {
        anchor_ = Anchor{std::clamp(place->block, -1, static_cast<int>(article_->blocks.size()) - 1), place->offset};
        laid_out_ = 0;  // scroll_for finds the line at the next frame (an offset past the end: the last)
        jumped_ = true;
        settle_frames_ = std::max(settle_frames_, 2);
    } else if (block_id.empty()) {
        scroll_to_block(-1);
    } else {
        go_to_block(block_id);
    }
}

void App::follow_link(const std::string& url) {
    if (url.empty() || url[0] != '#') {
        host_.open_link(url);
        return;
    }
    if (!article_) return;
    const std::string id = url.substr(1);
    const int index = find_block(*article_, id);
    if (index < 0) return;  // the loader dropped links to no block; nothing to follow
    host_.show_address(page_address::of(source_, id, default_source_, page_url_), true, anchor_);
    reported_block_ = id;
    scroll_to_block(index);
}

void App::scroll_to_block(int index) {
    if (!article_ || article_->blocks.empty()) return;
    index = std::clamp(index, -1, static_cast<int>(article_->blocks.size()) - 1);  // -1: the header
    anchor_ = Anchor{index, 0};
    laid_out_ = 0;  // place the view on the anchor at the next frame
    jumped_ = true;
    settle_frames_ = std::max(settle_frames_, 2);
}

bool App::wants_frame() const {
    // ImGui feeds queued input one change per frame (a triple-click is six events): keep drawing
    // until the queue is empty, or the last clicks would wait for the next input.
    const ImGuiContext* g = ImGui::GetCurrentContext();
    const bool queued = g && g->InputEventsQueue.Size > 0;
    return animating_ || settle_frames_ > 0 || queued || find_focus_ || fonts_stale_ || load_ || layout_.building() ||
           (open_panel_ && open_panel_->wants_frame());
}

void App::type_text(const std::string& text) {
    if (!hl_ui_.editing.empty() && hl_ui_.panel_open) {  // the note being edited has the keyboard
        hl_ui_.typed.add(text);
        settle_frames_ = std::max(settle_frames_, 2);
        return;
    }
    if (!find_open_) return;
    find_typed_.add(text);
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::open_find(const std::string& query) {
    find_open_ = true;
    find_focus_ = true;
    if (!query.empty()) {
        const std::size_t n = std::min(query.size(), sizeof find_query_ - 1);
        query.copy(find_query_, n);
        find_query_[n] = '\0';
    }
    update_matches();
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::close_find() {
    find_open_ = false;
    find_typed_.clear();
    matches_.clear();
    find_searched_.clear();
    current_match_ = -1;
    ImGui::SetWindowFocus("reader");
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::update_matches() {
    if (!article_ || find_searched_ == find_query_) return;
    find_searched_ = find_query_;
    matches_ = find_all(*article_, find_searched_);
    // Start from the first match at or after the line being read.
    current_match_ = -1;
    for (std::size_t i = 0; i < matches_.size(); ++i) {
        const TextRange& m = matches_[i];
        if (m.block > anchor_.block || (m.block == anchor_.block && m.end > anchor_.offset)) {
            current_match_ = static_cast<int>(i);
            break;
        }
    }
    if (current_match_ < 0 && !matches_.empty()) current_match_ = 0;
    show_match();
}

void App::find_next(int direction) {
    if (matches_.empty()) return;
    const int n = static_cast<int>(matches_.size());
    current_match_ = ((current_match_ < 0 ? 0 : current_match_ + direction) % n + n) % n;
    show_match();
}

void App::show_match() {
    if (current_match_ < 0) return;
    pending_match_ = true;  // scrolled to in draw_article(), where the layout is known
    settle_frames_ = std::max(settle_frames_, 2);
}

std::string App::selected_text() const { return article_ ? view_.selected_text(*article_) : std::string(); }


void App::reload_fonts() {
    // Done at the start of the next frame, never inside one: the platforms may answer a request
    // made during a frame (the desktop reads files at once), and ImGui must not lose a font it is
    // drawing with. New faces mean a new layout (LayoutParams::font_set); the anchor keeps the
    // reader's place.
    fonts_stale_ = true;
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::request_text_support() {
    const TextNeeds& needs = article_->needs;
    bool chars = !needs.emoji.empty();
    unsigned han = 0;  // the Han variants whose CJK characters the article has
    for (const auto& by_han : needs.chars) {
        for (std::size_t h = 0; h < by_han.size(); ++h) {
            chars = chars || !by_han[h].empty();
            for (char32_t c : by_han[h])
                if (text_class_of(c) & text_class::han) {
                    han |= 1u << h;
                    break;
                }
        }
    }
    if (needs.rich && (engine_state_ == Asked::no || (needs.dictionary && !dictionary_asked_))) {
        engine_state_ = Asked::waiting;
        dictionary_asked_ = dictionary_asked_ || needs.dictionary;
        host_.load_text_engine(needs.dictionary);
    }
    if (!(chars || needs.rich)) return;
    // A manifest without the map of a variant the article needs is asked for again, with it.
    if (catalog_ == Asked::no || (catalog_ != Asked::waiting && (han & ~catalog_han_) != 0)) {
        catalog_ = Asked::waiting;
        catalog_han_ |= han;
        host_.fetch_font_catalog(catalog_han_);
    } else if (catalog_ == Asked::done) {
        request_font_files();
    }
}

void App::request_font_files() {
    if (!article_ || files_waiting_) return;
    std::vector<std::pair<FontId, std::string>> files;
    for (FontId id : fonts_.catalog().files_for(article_->needs)) {
        if (fonts_.has_file(id) || std::find(files_asked_.begin(), files_asked_.end(), id) != files_asked_.end()) continue;
        files_asked_.push_back(id);  // once: a file that failed is not asked for again
        files.emplace_back(id, fonts_.catalog().files()[id].file);
    }
    if (files.empty()) return;
    files_waiting_ = true;
    host_.fetch_font_files(files);
}

void App::font_catalog_arrived(std::string_view bytes, const std::string& error) {
    FontCatalog catalog;
    std::string problem = error;
    if (problem.empty() && !catalog.parse(bytes, problem)) catalog = FontCatalog{};
    catalog_ = problem.empty() ? Asked::done : Asked::failed;
    if (!problem.empty()) text_failed(problem);
    fonts_.set_catalog(std::move(catalog));
    settle_frames_ = std::max(settle_frames_, 2);
    request_font_files();
}

void App::font_files_arrived(std::vector<std::pair<FontId, std::vector<unsigned char>>> files) {
    files_waiting_ = false;
    for (auto& [id, bytes] : files) {
        if (engine_ && id < fonts_.catalog().files().size()) engine_->add_font(id, bytes.data(), bytes.size());
        if (!fonts_.add_file(id, std::move(bytes)))
            text_failed("font file " + (id < fonts_.catalog().files().size() ? fonts_.catalog().files()[id].file : std::to_string(id)) +
                        " is not the file fonts.json describes");
    }
    reload_fonts();
    request_font_files();  // an article opened meanwhile may need more
}

void App::text_engine_ready(LoadableTextEngine* engine) {
    engine_ = engine;
    engine_state_ = engine ? Asked::done : Asked::failed;
    if (engine) fonts_.feed(*engine);
    fonts_.set_engine(engine);
    reload_fonts();
}

void App::text_engine_failed(const std::string& message) {
    engine_state_ = Asked::failed;
    text_failed(message);
    settle_frames_ = std::max(settle_frames_, 2);
}

void App::text_failed(const std::string& why) {
    text_error_ = why;
    std::fprintf(stderr, "article-viewer: %s\n", why.c_str());
    // The reader is told, once per article, which writing systems this copy cannot draw (the
    // single-file page has neither the fonts beyond the base faces nor the engine).
    if (article_ && !text_failure_told_) {
        text_failure_told_ = true;
        show_notice(locale::cannot_show(article_->lang, needed_scripts(article_->needs), why), false);
    }
}


bool App::text_pending() const {
    if (!article_) return false;
    const bool catalog = catalog_ == Asked::waiting || files_waiting_;
    // The reader's family at start (web: fetched beside the program, shell/loader.js): the first
    // frame is drawn in it, never in the serif faces and then again in it.
    return catalog || (article_->needs.rich && engine_state_ == Asked::waiting) || family_at_start_ ||
           (faces_.waiting() && !faces_behind_);
}

void App::count_missing_glyphs(const DocumentLayout& doc, DocY scroll_y, float view_h) {
    if (counted_blocks_.size() != doc.blocks.size()) {
        counted_blocks_.assign(doc.blocks.size(), false);
        missing_glyphs_ = 0;
    }
    const auto [first, last] = doc.visible(scroll_y, scroll_y + view_h);
    for (std::size_t i = first; i < last; ++i) {
        if (counted_blocks_[i]) continue;
        counted_blocks_[i] = true;
        for (const Line& l : doc.lines(i)) missing_glyphs_ += missing_glyphs(l, fonts_);
    }
}

void App::handle_shortcuts() {
    using Held = KeyPresses::Held;
    // Each press counts, as many as a late frame takes at once (ui/key_presses.hpp).
    const auto command = [&](ImGuiKey key, bool repeat = false) { return keys_.presses(key, Held::command, repeat); };
    // Find next (previous with Shift) once per press; `key` is F3, or G with Ctrl or Cmd.
    const auto find_steps = [&](ImGuiKey key, Held held, bool repeat) {
        int shifted = 0;
        const int n = keys_.presses(key, held, repeat, &shifted);
        for (int i = 0; i < n; ++i) find_next(i < shifted ? -1 : 1);
    };
    for (int n = keys_.presses(ImGuiKey_Escape, Held::any, false); n > 0; --n) {
        if (open_panel_ && open_panel_->shown()) {
            open_panel_->hide();
            ImGui::SetWindowFocus("reader");
            settle_frames_ = std::max(settle_frames_, 2);
        } else if (settings_open_) {
            show_settings(false);
            ImGui::SetWindowFocus("reader");
        } else if (!hl_ui_.editing.empty() && hl_ui_.panel_open) {
            hl_ui_.editing.clear();  // the note's edit is given up; the panel stays
        } else if (hl_ui_.panel_open) {
            show_highlights(false);
        } else if (find_open_) {
            close_find();
        } else if (library_open_) {
            show_library(false);
        } else {
            view_.clear_selection();
        }
    }
    if (find_open_) find_steps(ImGuiKey_F3, Held::any, true);
    if (command(ImGuiKey_F) && article_) open_find();
    find_steps(ImGuiKey_G, Held::command, false);
    // Copy: the desktop puts it on the clipboard here; the web answers the page's copy event.
    if (command(ImGuiKey_C) && view_.has_selection() && !ImGui::GetIO().WantTextInput)
        ImGui::SetClipboardText(selected_text().c_str());
    const int bigger = command(ImGuiKey_Equal, true) + command(ImGuiKey_KeypadAdd, true);
    const int smaller = command(ImGuiKey_Minus, true) + command(ImGuiKey_KeypadSubtract, true);
    if (bigger > 0) set_font_size(font_size_ + 2.0f * static_cast<float>(bigger));
    if (smaller > 0) set_font_size(font_size_ - 2.0f * static_cast<float>(smaller));
    if (command(ImGuiKey_0, true) || command(ImGuiKey_Keypad0, true)) set_font_size(default_font_size);
    // The desktop's Ctrl+wheel (the web's wheel events with Ctrl go to zoom_by_wheel directly).
    if (ImGui::GetIO().KeyCtrl && ImGui::GetIO().MouseWheel != 0) zoom_by_wheel(ImGui::GetIO().MouseWheel);
    if (command(ImGuiKey_O)) choose_file();
    highlight_shortcut();
}

void App::report_reading_place() {
    // The id of the block being read, or of the nearest block before it that has one.
    const std::string id = place_id(*article_, anchor_.block);
    // While another article loads, the address already names it: this one's place is not its.
    if (id != reported_block_ && !loading_) {
        reported_block_ = id;
        host_.reading_at(id);
    }
}

LayoutParams App::layout_params(float width) const {
    LayoutParams params{width, font_size_, fonts_.generation()};
    params.text_services = hyphen_generation_;  // a dictionary's arrival lays the text out again
    params.measure = settings_.measure;
    params.line_spacing = settings_.line_spacing;
    params.justify = justify_;
    return params;
}

void App::draw_article(float width, float height) {
    view_top_ = ImGui::GetWindowPos().y;
    view_height_ = height;
    const TextServices text{engine_, &fonts_.catalog(), justify_ && hyphenator_.inner() ? &hyphenator_ : nullptr,
                            &shape_cache_};
    const double until = clock_s() + work_per_frame_s;
    const DocumentLayout* built = layout_.advance(*article_, fonts_, layout_params(width), text,
                                                  [&] { return clock_s() >= until; });
    if (!built) {  // the article's first layout, still under way
        draw_status("Loading\xE2\x80\xA6", loading_detail(0.6 + 0.4 * layout_.fraction()), false);
        return;
    }
    const DocumentLayout& doc = *built;
    // After any relayout (new article, width, text size) or a jump, put the anchored line back at
    // the top. The anchor itself is kept, so a run of resizes never drifts.
    if (layout_.computations() != laid_out_) {
        laid_out_ = layout_.computations();
        counted_blocks_.clear();
        view_.jump_to(scroll_for(doc, anchor_));
    }
    if (pending_match_ && current_match_ >= 0) {
        // The current match goes a third of the way down the view, unless it is already in view.
        pending_match_ = false;
        const TextRange& m = matches_[static_cast<std::size_t>(current_match_)];
        const std::vector<Rect> rects = range_rects(doc, fonts_, m.block, m.begin, m.end);
        if (!rects.empty()) {
            const DocY y = rects.front().y;
            if (y < view_.scroll_y() || y + rects.front().h > view_.scroll_y() + height) view_.scroll_to(y - height / 3);
        }
    }
    follow_speech(doc, height);
    keyboard_select(doc, height);
    const ReaderView::Found found{find_open_ ? &matches_ : nullptr, current_match_,
                                  listen_.spoken.block >= -1 ? &listen_.spoken : nullptr, &highlight_marks()};
    animating_ = view_.draw(*article_, doc, fonts_, theme(theme_), height, pictures_, picture_state_, found);
    if (const int b = view_.retried_picture(); b >= 0 && static_cast<std::size_t>(b) < picture_state_.size()) {
        picture_state_[static_cast<std::size_t>(b)] = PictureState::idle;  // asked for again below
        settle_frames_ = std::max(settle_frames_, 2);
    }
    if (!view_.followed_link().empty()) follow_link(view_.followed_link());
    request_pictures(doc, view_.scroll_y(), height);
    count_missing_glyphs(doc, view_.scroll_y(), height);
    // The view following the words read aloud is not the reader moving: the spoken word is then
    // the reading position (app_listen.cpp).
    const bool reader_moved = view_.moved() && !speech_scrolling();
    first_line_ = anchor_at(doc, view_.scroll_y());
    if (reader_moved) anchor_ = first_line_;
    const bool spoken_moved = speech_moved(reader_moved);
    const bool moved = reader_moved || jumped_ || spoken_moved;
    jumped_ = false;
    // Only the lines near the reader stay in memory: a screen above and two below, as for pictures.
    const auto [near_first, near_last] = doc.visible(view_.scroll_y() - height, view_.scroll_y() + 2 * height);
    doc.release_lines_outside(near_first, near_last);
    doc_height_ = doc.height;
    column_x_ = doc.column_x;
    column_width_ = doc.column_width;
    // Read against the whole view: a notice's band, there for a few seconds, changes no percent.
    percent_ = fraction_read(doc, view_.scroll_y(), height + band_);
    reading_minutes_ = doc.reading_minutes;
    minutes_left_ = progress_.minutes_left(anchor_);
    if (percent_ >= 0.999f) minutes_left_ = 0;
    if (moved) progress_.moved(anchor_, percent_, now_ms(), clock_s());
    report_reading_place();
    ready_ = true;
}

void App::frame() {
    if (fonts_stale_) {
        fonts_stale_ = false;
        const std::uint8_t missing = fonts_.missing();
        font_error_ = fonts_.reload();
        if (!font_error_.empty()) std::fprintf(stderr, "article-viewer: %s\n", font_error_.c_str());
        // Italics that arrived (app_faces.cpp): the engine shaped with their twins' bytes until now.
        if (engine_) fonts_.feed_faces(*engine_, static_cast<std::uint8_t>(missing & ~fonts_.missing()));
    }
    if (load_) continue_load();
    keys_.collect();  // before NewFrame takes the queued input
    ImGui::NewFrame();
    // NewFrame has made a window current, so this is the framebuffer scale (ui/fonts.hpp).
    fonts_.set_density(ImGui::GetFontRasterizerDensity());
    ++frames_;
    if (settle_frames_ > 0) --settle_frames_;
    handle_shortcuts();
    const Theme& t = theme(theme_);
    if (styled_theme_ != theme_) {  // every control's colours, the error screen's buttons too
        apply_theme(t, ImGui::GetStyle());
        styled_theme_ = theme_;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool reading = fonts_.loaded() && article_ && !loading_ && error_.empty() && !text_pending();
    const float bar = reading ? toolbar_height : 0.0f;
    // The notice's band (draw_notice), measured at the last frame: the view ends above it.
    const float band = reading && !library_open_ && !notice_.text.empty() ? std::min(notice_band_, vp->Size.y / 2) : 0.0f;
    band_ = band;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + bar));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, vp->Size.y - bar - band));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(t.page));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("reader", nullptr, flags);
    animating_ = false;
    if (!fonts_.loaded()) {
        ImGui::TextUnformatted(font_error_.c_str());  // ImGui's built-in font: the only one there is
    } else if (!error_.empty()) {
        draw_status("This article could not be opened", error_, true);
    } else if (loading_ || !article_ || text_pending()) {
        draw_status("Loading\xE2\x80\xA6", load_ ? loading_detail(0.6 * load_->fraction()) : source_, false);
    } else {
        draw_article(vp->Size.x, vp->Size.y - bar - band);
    }
    ImGui::End();
    ImGui::PopStyleColor();
    // Not while an article's first layout is under way (draw_article showed how far it is).
    if (reading && ready_ && library_open_) draw_library(bar, vp->Size.x, vp->Size.y - bar);
    if (reading && ready_) {
        draw_toolbar(vp->Size.x);
        if (!progress_.warning().empty() && progress_.warning() != storage_warning_shown_) {
            storage_warning_shown_ = progress_.warning();  // told once
            show_notice(storage_warning_shown_, false);
        }
        if (!library_open_) draw_notice(vp->Size.x);
        if (find_open_ && !library_open_) draw_find_bar(vp->Size.x);
        if (settings_open_ && !library_open_) draw_settings_panel(vp->Size.x, vp->Size.y);
        if (!library_open_) draw_highlight_bar(vp->Size.x, vp->Size.y);
        if (hl_ui_.panel_open && !library_open_) draw_highlights_panel(vp->Size.x, vp->Size.y);
    }
    // Over everything, whatever is on screen (an error screen too: open another file from it).
    if (open_panel_ && open_panel_->shown() && fonts_.loaded()) draw_open_panel(vp->Size.x, vp->Size.y);
    // Focus the reading window at start so the keyboard scrolls without a click first (but a
    // library shown from the start, --library, keeps the keyboard it takes when it appears).
    if (frames_ == 1 && !(open_panel_ && open_panel_->shown()) && !library_open_) ImGui::SetWindowFocus("reader");
    ImGui::Render();
}

}  // namespace av
