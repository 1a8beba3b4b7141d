// What the UI asks of the platform it runs on. Each platform (platform/web.cpp,
// platform/desktop.cpp) implements these few hooks; everything else is shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/font_family.hpp"
#include "core/key_value_store.hpp"
#include "core/local_files.hpp"
#include "core/reading_position.hpp"
#include "core/text/text_engine.hpp"

namespace av {

class FilePanel;

class Host {
public:
    virtual ~Host() = default;

    // Starts reading `source` (a URL on the web, a file path on the desktop). The platform answers,
    // now or later, with App::article_arrived or App::article_failed for the same source.
    virtual void fetch_article(const std::string& source) = 0;

    // Makes sure `bytes` more bytes of memory can be allocated (core/memory_budget.hpp), before an
    // article is read; false when they cannot, and the article is refused. The web grows its
    // memory now, and the browser may refuse; the desktop's memory is the system's (true).
    virtual bool make_room(std::size_t bytes) {
        (void)bytes;
        return true;
    }

    // Reads the list of bundled articles (assets/articles/index.json) for the library; answers
    // with App::index_arrived, or not at all if it cannot.
    virtual void fetch_index() {}

    // Where reading positions and the reading speed are kept (web: localStorage; desktop: files).
    virtual KeyValueStore& store() {
        static NoStore none;
        return none;
    }

    // Where the reader's settings are kept, under the key "settings" (core/reader_settings.hpp):
    // the web's localStorage like the positions; the desktop's config folder, not its state folder.
    virtual KeyValueStore& settings_store() { return store(); }
    // The settings changed (panel, API, shortcut): `settings_json` is App::settings_json(). The web
    // dispatches it as the `articleviewer:settings` event.
    virtual void settings_changed(const std::string& settings_json) { (void)settings_json; }

    // Where the reader's highlights and notes are kept (core/highlights.hpp, "highlights/<id>"):
    // the web's localStorage beside the positions; the desktop's data folder ($XDG_DATA_HOME), for
    // they are the reader's own writing, not state that may be thrown away.
    virtual KeyValueStore& highlights_store() { return store(); }
    // The open article's highlights changed (added, edited, removed, another tab's, re-read):
    // `highlights_json` is App::highlights_json(). The web dispatches `articleviewer:highlights`.
    virtual void highlights_changed(const std::string& highlights_json) { (void)highlights_json; }
    // Saves an export (`name`: a file name, `mime`: its type) where the reader gets it: the web as a
    // download, the desktop as a file in its data folder. Returns what to tell the reader (where it
    // went, or why it could not be saved).
    virtual std::string save_export(const std::string& name, const std::string& mime, const std::string& bytes) {
        (void)name, (void)mime, (void)bytes;
        return "this viewer cannot save files";
    }
    // The panel's "Import JSON…" where the platform has a file chooser (the web): the chosen file's
    // text arrives with App::import_highlights. The desktop reads a path typed in the panel instead.
    virtual bool can_choose_import() const { return false; }
    virtual void choose_import() {}
    // Reads a file the reader named (the desktop's import); false with `error` (one line) if not.
    virtual bool read_text_file(const std::string& path, std::string& text, std::string& error) {
        (void)path, (void)text;
        error = "this viewer cannot read files";
        return false;
    }
    // Where the desktop's exports go (shown in the panel); "" on the web (downloads).
    virtual std::string export_folder() const { return {}; }

    // The files of a font family the reader chose (core/font_family.hpp: font_family_files, under
    // the fonts folder) are not there: the web fetches them into it and answers with
    // App::font_family_arrived. The desktop has them in its folder already.
    virtual void fetch_font_family(FontFamily family) { (void)family; }
    // Base faces the fonts folder lacks (FontSet::missing: the web's serif italics, shipped apart
    // from the first visit) and the open article draws with (`files`: FontSet::file_names). True
    // when the platform fetches them into the fonts folder and answers with
    // App::font_faces_arrived; false when it cannot (their twins keep standing in).
    virtual bool fetch_font_faces(const std::vector<std::string>& files) {
        (void)files;
        return false;
    }
    // The fonts' extended subsets (the web's fonts-ext/: Greek, Cyrillic, ...), for an article with
    // such characters: true when the platform fetches them into the fonts folder's ext/ and answers
    // with App::extended_fonts_arrived; false when its faces are whole (the desktop's).
    virtual bool fetch_extended_fonts() { return false; }

    // The reader's position has settled (saved or not): `state_json` is App::state_json(). The web
    // dispatches it as the `articleviewer:progress` event.
    virtual void progress_changed(const std::string& state_json) { (void)state_json; }

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

    // The page's address now names what is on screen: `address` is core/page_address's query and
    // fragment. With `new_entry`, a history entry of its own (the entry left notes `leaving`, the
    // reader's place there, for Back); else it replaces the current one. The web's URL; the
    // desktop has none.
    virtual void show_address(const std::string& address, bool new_entry, const Anchor& leaving) {
        (void)address, (void)new_entry, (void)leaving;
    }

    // The reader has moved: `block_id` is the id of the block being read (or of the nearest block
    // with an id before it), "" when none has one. The web keeps it in the URL as #block_id.
    virtual void reading_at(const std::string& block_id) { (void)block_id; }

    // "Open file…" (toolbar, Ctrl+O) on a platform whose browser has a file chooser (the web):
    // lets the reader pick an article file of their own, which arrives later through App::open.
    virtual bool can_choose_file() const { return false; }
    virtual void choose_file() {}
    // A platform with a disk (the desktop) gives its files instead: "Open file…" is then the
    // viewer's own panel (ui/open_file_panel.hpp), and the library reopens files from their paths.
    virtual LocalFiles* local_files() { return nullptr; }
    // The panel that shows them (ui/open_file_panel.hpp), when local_files() is not null.
    virtual FilePanel* file_panel() { return nullptr; }

    // The web keeps the bytes of the files the reader opened (its "file:NAME" sources), so the
    // Library and a reload open them again; forgetting an article forgets its file. The platform
    // tells App::set_kept_files what it keeps. The desktop's files are the reader's own, on disk.
    virtual void forget_file(const std::string& source) { (void)source; }
    virtual void forget_all_files() {}

    // Reading aloud (README "Read aloud"): whether this platform has a speech engine (the web's
    // speechSynthesis; the desktop has none), and what it is told: "start" (it then asks
    // App::next_utterance for each sentence), "pause", "resume", "stop".
    virtual bool can_speak() const { return false; }
    virtual void speech(const std::string& command) { (void)command; }

    // --- Text in every script (docs/text-pipeline.md) -------------------------------------------
    // Reads the manifest of the fonts beyond the base faces (fonts.json); answers with
    // App::font_catalog_arrived, with the bytes or, when it cannot, with an error. `han_variants`
    // (bit 1 << Han) are the CJK styles the manifest must map: the web has one manifest per
    // variant, for their maps are most of its bytes (docs/text-pipeline.md, "On the web").
    virtual void fetch_font_catalog(unsigned han_variants) { (void)han_variants; }
    // Reads these files of the catalog (id, path relative to the manifest); answers once, with
    // App::font_files_arrived, with those it could read.
    virtual void fetch_font_files(const std::vector<std::pair<FontId, std::string>>& files) { (void)files; }
    // Makes the text engine ready (web: fetches the second module; `dictionary`: the Thai
    // dictionary too); answers with App::text_engine_ready, or App::text_engine_failed.
    virtual void load_text_engine(bool dictionary) { (void)dictionary; }
    // Justified text (README "Hyphenation"): makes the hyphenation dictionaries of these languages
    // (BCP 47, lower-cased: TextNeeds::languages) ready; answers once per call with
    // App::hyphenation_arrived: the platform's hyphenator, the languages it now has a dictionary
    // for (a language without one is justified without hyphens), or why some could not be had.
    virtual void load_hyphenation(const std::vector<std::string>& languages) { (void)languages; }
};

}  // namespace av
