// The viewer application, shared by every platform: which article is open (or loading, or
// failed), its layout, the reader's place in it, and the one frame function that both the browser
// loop and the desktop loop call. Platforms own the window, the event loop and I/O, and talk to
// App through Host and the few methods below.
#pragma once

#include <array>
#include <nlohmann/json_fwd.hpp>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.hpp"
#include "core/article_loader.hpp"
#include "core/highlights.hpp"
#include "core/layout.hpp"
#include "core/text/hyphenation_cache.hpp"
#include "core/library_reopen.hpp"
#include "core/progress_keeper.hpp"
#include "core/reader_settings.hpp"
#include "core/reading_position.hpp"
#include "core/source_policy.hpp"
#include "core/speech_text.hpp"
#include "extended_font_requests.hpp"
#include "face_requests.hpp"
#include "file_panel.hpp"
#include "fonts.hpp"
#include "highlights_ui.hpp"
#include "host.hpp"
#include "kept_typing.hpp"
#include "key_presses.hpp"
#include "library_view.hpp"
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

    // How an open() shows in the page's address (Host::show_address): as a new history entry
    // (when another article is on screen: the reader opened something, Back returns), in place of
    // the current entry (the first article, or after an error screen), or not at all (Back or
    // Forward brought the address already).
    enum class History { push, replace, keep };

    // Asks the platform for `source`; the view shows a loading state until it answers. `block_id`
    // (optional) is where to start reading: a deep link.
    void open(const std::string& source, const std::string& block_id = "", History history = History::push);
    void article_arrived(const std::string& source, std::string_view bytes);
    // The same with a block of `size` bytes the platform allocated with std::malloc, which the App
    // now owns (and frees): the web's 43 MB article is then not copied a second time, in the task
    // that hands it over (BENCHMARKS.md, "Longest task").
    void article_arrived_owned(const std::string& source, char* data, std::size_t size);
    void article_failed(const std::string& source, const std::string& message);

    // The bundled articles' index (Host::fetch_index) for the library; `base` is its URL or path.
    void index_arrived(std::string_view bytes, const std::string& base);

    // Timed work (saving the position once the reader settles, hiding a notice). Returns the
    // number of seconds after which the platform should call tick() again, or a negative number
    // when nothing is pending. Returns through `redraw` whether a frame is needed.
    double tick(bool& redraw);
    // Saves the position now if it is unsaved: the page is being hidden or the window closed.
    void flush();

    // A picture asked for with Host::fetch_image has arrived (RGBA, top row first) or failed.
    void image_arrived(std::uint32_t request, const unsigned char* rgba, int width, int height);
    void image_failed(std::uint32_t request);

    // Moves to the block with this id (a deep link), now or once the article is there.
    void go_to_block(const std::string& block_id);
    // The page's address changed under the viewer (Back, Forward, a fragment typed): show
    // `source` ("" for the default article) at `place` when the entry noted one, else at block
    // `block_id` ("" for its saved position, or the top of an article already on screen).
    void address_changed(const std::string& source, const std::string& block_id, std::optional<Anchor> place);
    // The page's base URL (web), against which addresses are written (core/page_address.hpp).
    void set_page_url(std::string url) { page_url_ = std::move(url); }
    // A link of the article was followed: "#id" moves to that block as a new history entry;
    // anything else leaves the viewer (Host::open_link).
    void follow_link(const std::string& url);
    // Moves to block `index` of the article (clamped); -1 is the header (title, byline).
    void scroll_to_block(int index);

    // The library (bundled articles and saved positions) as JSON, for the page's API; and the
    // same actions its buttons take.
    std::string library_json();
    // `name`: an entry's "name" ("id", or "id@origin" for another site's article).
    void forget(const std::string& name);
    // Which sources open, and whose progress an article's is (core/source_policy.hpp): the
    // platform sets it before the first open(); the default opens anything (the desktop).
    void set_source_policy(SourcePolicy policy) { policy_ = std::move(policy); }
    void forget_all();
    void show_library(bool show);
    // The names of the files the platform keeps (Host::forget_file): the web's, after each change.
    void set_kept_files(std::vector<std::string> names);
    // The reader's file `name` opened but could not be kept for later: the notice says why.
    void file_not_kept(const std::string& name, const std::string& reason);

    // "Open file…" (toolbar, Ctrl+O): the viewer's own panel where the platform gives its files
    // (Host::local_files, the desktop), else the platform's chooser (the web's).
    void choose_file();

    // Find: opens the bar (optionally with a query), moves between matches, closes it.
    void open_find(const std::string& query = "");
    void find_next(int direction);
    void close_find();
    // Text the platform received as text (composed, pasted): typed into the field that has the
    // keyboard, the find bar.
    void type_text(const std::string& text);

    // What the error screen's and the resume notice's buttons do (the page's controls too).
    void retry() { open(source_, "", History::keep); }
    void open_default() { open(default_source_); }
    void start_over();  // back to the top of the article; the notice goes
    // The selected text, for the clipboard (web: the page's copy event asks for it).
    std::string selected_text() const;

    // The reader's settings (core/reader_settings.hpp), read from Host::settings_store() by
    // init(), before the first layout; every change is applied (the reading position kept as on a
    // resize: the anchor), saved and told to the platform (Host::settings_changed), whatever made
    // it: the panel, the page's API, the toolbar or a shortcut.
    const ReaderSettings& settings() const { return settings_; }
    std::string settings_json() const { return av::settings_json(settings_, false); }
    // The page's setSettings: "" when applied, else why not (nothing applied; reader_settings.hpp).
    std::string set_settings(std::string_view patch);
    void set_settings(const ReaderSettings& next);
    // Whether the system's colour scheme is dark, which the "auto" theme follows (the web tells
    // each change of prefers-color-scheme).
    void set_system_dark(bool dark);
    // An explicit theme, remembered (the toolbar's button, the page's setTheme).
    void set_theme(ThemeName name);
    ThemeName theme_name() const { return theme_; }
    // The files of `family` are in the fonts folder now (Host::fetch_font_family), or could not be
    // had (`error`: the base faces stay, and state() says why).
    void font_family_arrived(FontFamily family, const std::string& error);
    // Where the font families' files are (families/<name>/...), when not in the fonts folder: the
    // desktop's build folder. Before init().
    void set_families_dir(std::string dir) { fonts_.set_families_dir(std::move(dir)); }
    // Where the fonts' files are read (ui/font_files.hpp; the disk unless set): the web's are in
    // memory. Before init(); `files` must outlive the App.
    void set_font_files(const FontFiles& files) { fonts_.set_files(files); }
    // The settings panel ("Aa" on the toolbar; the page's showSettings).
    void show_settings(bool show);
    void set_font_size(float px);
    // Ctrl+wheel, and a trackpad's pinch (which browsers send as Ctrl+wheel): the text size, as the
    // browser's zoom would change the page's (reader-visible defects issue, item 18). `notches`:
    // wheel notches, positive to enlarge; a pinch sends fractions, which add up across events.
    void zoom_by_wheel(float notches);
    float font_size() const { return font_size_; }
    void set_reduced_motion(bool reduced) { view_.set_smooth(!reduced); }
    // A finger's position with the time the platform saw it (seconds), for the fling's speed
    // (ReaderView::touch); the touch itself reaches ImGui as a touch-screen mouse.
    void touch(TouchPhase phase, double time, float y) { view_.touch(phase, time, y); }

    // The web build ships the fonts' extended subsets (Greek, Cyrillic, ...) apart from the first
    // visit's download (BENCHMARKS.md, "Transfer size"): asked of Host::fetch_extended_fonts by an
    // article with such characters (again after a failed fetch: ui/extended_font_requests.hpp). The
    // platform's answer: they are in the fonts folder's ext/ (the fonts reload at the next frame),
    // or `error` says why not (state().fontsExtendedError). ui/app_extended_fonts.cpp.
    void extended_fonts_arrived(const std::string& error);
    // The browser is back online: the fonts whose fetch failed are asked again for the open article.
    void browser_online();
    void reload_fonts();
    // The serif italics the open article draws with, when the fonts folder lacks them (the web
    // ships them apart from the first visit): asked of Host::fetch_font_faces once per face (again
    // by the next article after a failed fetch, or as the browser comes back online:
    // ui/face_requests.hpp), and the article waits for them (text_pending; not for those asked
    // again online: it is on screen already), so that it is never drawn upright and then again in
    // italics. The platform's answer: the files are in the fonts folder, or `error` says why not
    // (their upright twins stay, and state() says why). ui/app_faces.cpp.
    void request_font_faces();
    void font_faces_arrived(const std::string& error);

    // Text in every script (docs/text-pipeline.md): the platform's answers to Host's
    // fetch_font_catalog, fetch_font_files and load_text_engine. An article that needs them is
    // shown once they have all answered (what failed is drawn with the fonts there are).
    void font_catalog_arrived(std::string_view bytes, const std::string& error);
    void font_files_arrived(std::vector<std::pair<FontId, std::vector<unsigned char>>> files);
    // `engine` stays the platform's, alive as long as the App.
    void text_engine_ready(LoadableTextEngine* engine);
    void text_engine_failed(const std::string& message);
    // Whether the open article still waits for fonts or the engine.
    bool text_pending() const;

    // Justified text (LayoutParams::justify), hyphenated with the dictionaries of the article's
    // languages, which are asked of the platform (Host::load_hyphenation) while justification is on.
    void set_justify(bool on);
    bool justify() const { return justify_; }
    // Host::load_hyphenation's answer: `hyphenator` stays the platform's, alive as long as the App;
    // `languages` now have a dictionary; `error`, if any, is logged and told once.
    void hyphenation_arrived(const Hyphenator* hyphenator, const std::vector<std::string>& languages,
                             const std::string& error);

    // Reading aloud (README "Read aloud"; app_listen.cpp), where the platform has a speech engine
    // (Host::can_speak: the web's speechSynthesis). listen() starts at the reading position (or
    // resumes); the engine then asks next_utterance() for each sentence and tells where it is.
    void listen();
    void pause_listening();
    void stop_listening();
    // {"id","block","begin","end","text","lang","articleLang","rate","voice"} of the next utterance
    // (core/speech_text.hpp), or "null" at the article's end (listening stops).
    std::string next_utterance();
    // The engine began utterance `id` (the whole sentence is marked), reached a word of it (UTF-16
    // units of its text; `char_length` 0 when the engine gives none), or could not speak.
    void utterance_started(int id);
    void speech_boundary(int id, std::uint32_t char_index, std::uint32_t char_length);
    void speech_failed(const std::string& message);
    // No voice for `lang` (`name`: the language's name): said, and nothing is read.
    void no_voice(const std::string& lang, const std::string& name);
    // Highlights and notes (app_highlights.cpp, highlights_panel.cpp; README "Highlights"): the
    // open article's, kept by a HighlightKeeper on Host::highlights_store(). Every change is told to
    // the platform (Host::highlights_changed). The page's API calls these.
    std::string highlights_json() const;  // [{id, block, start, end, color, note, quote, lost}]
    // The new id, or "" with `error` set (nothing added).
    std::string add_highlight(int block, std::uint32_t start, std::uint32_t end, HighlightColor color, const std::string& note,
                              std::string& error);
    bool remove_highlight(const std::string& id);
    // "" when set, else why not (an unknown id, a note over 10 000 characters).
    std::string set_highlight_note(const std::string& id, const std::string& note);
    std::string set_highlight_color(const std::string& id, HighlightColor color);
    // The selection on the canvas becomes highlights, one per block it covers (the toolbar's bar,
    // H, the page's "Highlight selection"); returns what to tell the reader.
    // `first_id`, if given, gets the id of the first highlight made.
    std::string highlight_selection(HighlightColor color, std::string* first_id = nullptr);
    // Another tab changed storage (the web's 'storage' event): read the highlights again.
    void highlights_storage_changed();
    // Export as Markdown or JSON (its text), and import an export's text (what happened, one line).
    std::string export_highlights(bool markdown) const;
    std::string import_highlights(std::string_view text);
    // Moves the reading position to a highlight (the panel's "Go to").
    bool go_to_highlight(const std::string& id);
    void show_highlights(bool show);  // the Highlights panel

    // The frame function: ImGui::NewFrame() ... ImGui::Render(). The platform calls its backends'
    // NewFrame before and renders ImGui::GetDrawData() after.
    void frame();

    // True while something animates, so the platform must draw another frame without input.
    bool wants_frame() const;

    // The state the page and tests read: {ready, articleId, title, blocks, error, ...} as JSON.
    std::string state_json() const;
    // core/layout_digest.hpp of the article as laid out for the last frame (its text with `text`);
    // "" before any.
    std::string layout_digest(bool text = false) const;

    std::uint64_t frames() const { return frames_; }
    bool ready() const { return ready_; }
    const std::string& error() const { return error_; }
    // The article on screen (the last one loaded while another loads), or null.
    const Article* article() const { return article_.get(); }

private:
    static std::int64_t now_ms();  // wall clock, for "last read" dates
    static double clock_s();       // steady clock, for timers
    // How long a frame may spend reading or laying out an article before it draws: the frame then
    // stays well under the 200 ms that makes a page feel stuck (BENCHMARKS.md, "Longest task").
    static constexpr double work_per_frame_s = 0.04;
    void draw_article(float width, float height);
    LayoutParams layout_params(float width) const;  // the view's width with the reader's settings
    void handle_shortcuts();
    void report_reading_place();
    void request_pictures(const DocumentLayout& doc, DocY scroll_y, float view_h);
    void update_matches();
    void request_text_support();
    void request_font_files();
    void count_missing_glyphs(const DocumentLayout& doc, DocY scroll_y, float view_h);
    void show_match();
    void show_notice(std::string text, bool offer_start_over);
    void drop_pictures();
    // The panels around the reading view (app_panels.cpp).
    void draw_status(const char* heading, const std::string& detail, bool offer_retry);
    void draw_toolbar(float width);
    bool current_section(std::size_t heading) const;
    void draw_notice(float width);
    void draw_find_bar(float width);
    void draw_library(float top, float width, float height);
    void draw_open_panel(float width, float height);
    // The library's entries from storage, with how each opens again (core/library_reopen.hpp).
    void read_library();
    // Where the open panel starts: the folder of the last file opened, else the working folder.
    std::string open_panel_folder() const;

    Host& host_;
    std::string default_source_;
    std::string page_url_;  // the web page's base URL; "" on the desktop
    FontSet fonts_;
    std::string font_error_;
    ExtendedFontRequests extended_;  // Host::fetch_extended_fonts: asked, on their way, failed
    void request_extended_fonts();
    // Text in every script: what has been asked of the platform, and its answers.
    enum class Asked : std::uint8_t { no, waiting, done, failed };
    Asked catalog_ = Asked::no;
    unsigned catalog_han_ = 0;      // the Han variants asked of the catalog (Host::fetch_font_catalog)
    bool dictionary_asked_ = false; // the engine was asked for with the Thai dictionary
    Asked engine_state_ = Asked::no;
    bool files_waiting_ = false;
    bool fonts_stale_ = false;  // fonts or the engine changed: reload them before the next frame
    std::vector<FontId> files_asked_;
    LoadableTextEngine* engine_ = nullptr;
    // Words shaped by any layout so far, for the next (a resize, a setting, the next article).
    ShapeCache shape_cache_;
    std::string text_error_;  // the last thing about fonts or the engine that failed
    bool text_failure_told_ = false;  // the notice of text_failed(), once per article
    // The fonts beyond the base faces or the engine could not be had: kept for state(), logged,
    // and told to the reader (a notice naming the writing systems, once per article).
    void text_failed(const std::string& why);
    // Missing glyphs in the blocks drawn since the last layout (state().missingGlyphs).
    std::vector<bool> counted_blocks_;
    std::size_t missing_glyphs_ = 0;
    ThemeName theme_ = ThemeName::light;  // the theme drawn: the setting's, or the system's for "auto"
    float font_size_ = default_font_size;
    // Justification and its hyphenation: the languages asked of the platform and those it has a
    // dictionary for; a new answer bumps hyphen_generation_, which lays the text out again.
    bool justify_ = false;
    // The platform's hyphenator, asked through a cache (each word once: layout asks again each time
    // a block is laid out for drawing, and on the web every ask crosses into the text module),
    // forgotten whenever dictionaries arrive.
    HyphenationCache hyphenator_;
    std::vector<std::string> hyphen_asked_;
    std::vector<std::string> hyphen_languages_;
    std::uint32_t hyphen_generation_ = 0;
    bool hyphen_failure_told_ = false;
    void request_hyphenation();
    ReaderSettings settings_;
    bool system_dark_ = false;
    std::vector<std::string> settings_warnings_;  // reading or saving the settings, for state()
    void load_settings();
    void save_settings();
    void apply_settings();  // what is drawn and laid out follows settings_
    void add_settings_state(nlohmann::json& s) const;  // state()'s settings and their panel
    void request_family();  // the fonts follow settings_.font: reloaded, or their files asked for first
    std::optional<FontFamily> family_asked_;  // Host::fetch_font_family, not answered yet
    FaceRequests faces_;            // Host::fetch_font_faces: asked, on their way, failed
    bool faces_behind_ = false;     // asked again as the browser came online: the article does not wait
    bool family_at_start_ = false;  // the stored family's files are on their way: the article waits
    // The panel of settings ("Aa" on the toolbar; settings_panel.cpp).
    bool settings_open_ = false;
    bool settings_focus_ = false;  // give the panel the keyboard at its next frame
    std::vector<std::pair<std::string, std::array<float, 4>>> settings_items_;  // its buttons on screen, for state()
    std::array<float, 4> settings_box_{};
    void draw_settings_panel(float width, float height);

    // Highlights (app_highlights.cpp, highlights_panel.cpp).
    HighlightKeeper highlights_;
    std::uint64_t highlights_told_ = ~0ull;  // the generation last told to the platform
    mutable std::vector<std::pair<TextRange, Rgb>> marks_;  // what the view draws, for marks_generation_
    mutable std::uint64_t marks_generation_ = ~0ull;
    mutable ThemeName marks_theme_ = ThemeName::light;
    const std::vector<std::pair<TextRange, Rgb>>& highlight_marks() const;
    void highlights_touched();  // after a change: told to the platform, the frame redrawn
    void draw_highlight_bar(float width, float height);
    void draw_highlights_panel(float width, float height);
    bool highlight_shortcut();  // H with a selection
    void keyboard_select(const DocumentLayout& doc, float view_h);  // Shift+arrows... in the view
    nlohmann::json highlights_state() const;  // state().highlights
    nlohmann::json font_faces_state() const;  // state().fontFaces
    HighlightsUi hl_ui_;  // the bar's and the panel's state (highlights_ui.hpp)

    std::string source_;     // what is open or being opened
    bool loading_ = false;
    // The article being read in pieces (core ArticleLoad), a few each frame, and the bytes it
    // reads: a 43 MB article takes seconds, and the page must answer meanwhile (issue 20, item 7).
    std::unique_ptr<char, void (*)(void*)> load_bytes_{nullptr, std::free};  // std::malloc'd
    std::unique_ptr<ArticleLoad> load_;
    void continue_load();
    void drop_load();
    void drop_article();  // the article on screen, its layout, pictures and pending load
    void loaded(LoadResult result);  // what article_arrived did at once before
    std::string loading_detail(double fraction) const;  // "SOURCE · 45 %"
    std::string error_;      // one line: "SOURCE: what went wrong"
    std::vector<std::string> warnings_;
    std::unique_ptr<Article> article_;
    LayoutCache layout_;
    std::size_t laid_out_ = 0;  // layout_.computations() when the view was last placed
    ReaderView view_;
    ProgressKeeper progress_;
    SourcePolicy policy_;
    LibraryView library_;
    bool library_open_ = false;
    std::vector<ProgressKeeper::Entry> library_entries_;  // read from storage when the library opens
    // How an entry's Open opens it again (core/library_reopen.hpp), with what this platform has.
    Reopen reopen_of(const std::string& source) const;
    std::vector<std::string> kept_files_;
    bool keeps_files_ = false;  // set_kept_files has been called: the platform keeps files
    std::vector<Reopen> library_reopen_;                  // for each of library_entries_
    FilePanel* open_panel_ = nullptr;  // Host::file_panel(): the desktop's, none on the web
    std::string last_file_;  // the reader's last file opened (not a bundled article), for the panel
    struct Notice {
        std::string text;
        bool start_over = false;
        double until = 0;  // steady clock seconds
    } notice_;
    std::optional<ThemeName> styled_theme_;  // the theme ImGui's colours were last set from
    float zoom_size_ = 0;  // the size a run of Ctrl+wheel events is at, before rounding to a pixel
    float notice_band_ = 0;       // the notice's height at the bottom, which the view leaves free
    float band_ = 0;              // the part of it the view leaves free this frame
    float view_top_ = 0, view_height_ = 0;  // the reading view on screen (last frame), for state()
    std::array<float, 4> notice_box_{};  // x, y, w, h on screen, for state()
    std::array<float, 3> toolbar_row_{};   // the time left's right end (0: not shown), the controls' left and right
    std::vector<std::string> toolbar_menu_;  // the controls in the toolbar's More menu
    std::vector<std::pair<std::string, std::array<float, 4>>> toolbar_buttons_;  // those on the row, by menu label: x, y, w, h
    bool toolbar_menu_open_ = false;
    std::string storage_warning_shown_;
    bool jumped_ = false;
    // Find
    bool find_open_ = false;
    bool find_focus_ = false;  // give the input the keyboard at the next frame
    char find_query_[256] = {};
    KeptTyping find_typed_;  // typed before the field had the keyboard, for the field
    std::string find_searched_;  // the query the matches are for
    std::vector<TextRange> matches_;
    int current_match_ = -1;
    bool pending_match_ = false;  // scroll to the current match at the next frame  // the view was put on an anchor by the reader's request (contents, API)
    int minutes_left_ = 0;
    Anchor anchor_;             // the line at the top; survives relayouts, moves with the reader
    Anchor first_line_;         // the line on screen at the top, found in the layout at each frame
    std::string pending_block_; // a deep link waiting for its article
    std::string reported_block_;
    DocY doc_height_ = 0;  // of the last frame's layout, for state_json()
    float column_x_ = 0, column_width_ = 0;
    double percent_ = 0;
    int reading_minutes_ = 0;

    // Pictures of image blocks, loaded lazily when they come near the viewport.
    std::vector<std::uint64_t> pictures_;       // texture per article block, 0 if none
    std::vector<PictureState> picture_state_;   // per article block
    std::vector<int> picture_requests_;         // request id -> block, for this article only
    std::uint32_t first_request_ = 0;           // ids below belong to earlier articles

    // Reading aloud (app_listen.cpp).
    struct Listening {
        enum class Mode : std::uint8_t { off, speaking, paused };
        Mode mode = Mode::off;
        int id = 0;                        // of the utterance last given to the engine
        std::optional<Utterance> current;  // that utterance
        Anchor next;                       // where the one after it starts
        TextRange spoken{-2, 0, 0};        // marked on screen (block -2: nothing)
        bool follow = true;                // the view follows (until the reader scrolls, for a sentence)
        bool show = false;                 // bring the spoken words into view at the next frame
        bool moved = false;                // they moved since the last frame: the reading position follows
        bool scrolling = false;            // the view is on its way to them (not the reader's move)
        DocY scroll_target = 0;
        std::array<DocY, 2> box{};  // the spoken words' top and height in the layout, for state()
    } listen_;
    void follow_speech(const DocumentLayout& doc, float height);  // before the view is drawn
    bool speech_scrolling() const;         // the view's motion this frame is the following, not the reader's
    bool speech_moved(bool reader_moved);  // after it: the reading position follows the words

    KeyPresses keys_;          // the shortcuts' presses, with the modifiers held at each
    bool ready_ = false;       // an article's text has been drawn
    bool animating_ = false;
    int settle_frames_ = 0;    // a few frames after a change, so ImGui's own state settles
    std::uint64_t frames_ = 0;
};

}  // namespace av
