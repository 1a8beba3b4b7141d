#include "web_settings.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "ui/app.hpp"

namespace {

av::App* g_app = nullptr;
void (*g_wake)() = nullptr;

EM_JS(void, js_settings_event, (const char* settings), {
    window.dispatchEvent(new CustomEvent("articleviewer:settings", { detail: JSON.parse(UTF8ToString(settings)) }));
});

// The "auto" theme follows the system while the page is open, not only at its start.
EM_JS(void, js_watch_color_scheme, (), {
    if (!window.matchMedia) return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const changed = (e) => Module._av_set_system_dark(e.matches ? 1 : 0);
    if (query.addEventListener) query.addEventListener("change", changed);
    else if (query.addListener) query.addListener(changed);
});

// Fetches a font family's files (core/font_family.hpp: "families/sans/NotoSans-Regular.ttf", ...)
// into /fonts/ and tells the program, only once a reader chooses the family: a first visit with
// the defaults never fetches them (BENCHMARKS.md, "Transfer size"). Their names in dist/ are
// content-hashed (fonts-families/sans/NotoSans-Regular.<hash>.ttf), which loader.js knows
// (Module.fontFamilyPath). The service worker keeps them once fetched, for offline reading.
EM_JS(void, js_fetch_font_family, (int family, const char* files_ptr), {
    const files = UTF8ToString(files_ptr).split(",");
    const url = (file) => (Module.fontFamilyPath ? Module.fontFamilyPath(file) : null);
    const answer = (error) => {
        const e = allocateUTF8(error);
        Module._av_font_family_arrived(family, e);
        _free(e);
    };
    // The reader's family at start is already on its way (loader.js, prefetchFamily): taken once, a
    // later choice of it downloads it again.
    const early = {};
    files.forEach((file) => {
        if (!Module.prefetchedFamily || !Module.prefetchedFamily[file]) return;
        early[file] = Module.prefetchedFamily[file];
        delete Module.prefetchedFamily[file];
    });
    Module.fetchFontFiles(files, null, url, "/fonts/", early)
        .then(() => answer(""), (e) => answer(String(e && e.message ? e.message : e)));
});

void wake() {
    if (g_wake) g_wake();
}

}  // namespace

namespace av::web {

void install_settings(App& app, void (*wake_fn)()) {
    g_app = &app;
    g_wake = wake_fn;
    js_watch_color_scheme();
}

void settings_changed(const std::string& settings) {
    js_settings_event(settings.c_str());
}

void fetch_font_family(FontFamily family) {
    std::string files;
    for (std::string_view file : font_family_files(family)) files += (files.empty() ? "" : ",") + std::string(file);
    js_fetch_font_family(static_cast<int>(family), files.c_str());
}

}  // namespace av::web

// --- Exported to the page -------------------------------------------------------------------------

extern "C" {

// 0 light, 1 sepia, 2 dark.
EMSCRIPTEN_KEEPALIVE void av_set_theme(int theme) {
    g_app->set_theme(static_cast<av::ThemeName>(std::clamp(theme, 0, 2)));
    wake();
}

// Body text size in CSS pixels (clamped to 12..40).
EMSCRIPTEN_KEEPALIVE void av_set_font_size(double px) {
    g_app->set_font_size(static_cast<float>(px));
    wake();
}

// The reader's settings as JSON ({theme, fontSize, font, measure, lineSpacing, justify}); valid
// until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_settings_json() {
    static std::string settings;
    settings = g_app->settings_json();
    return settings.c_str();
}

// Applies a patch of settings (JSON, any subset): "" when applied, else why not, each invalid
// field named (nothing is applied then). Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_set_settings(const char* patch) {
    static std::string error;
    error = g_app->set_settings(patch);
    wake();
    return error.c_str();
}

// The files of font family `family` are in /fonts/ (js_fetch_font_family), or `error` says why not.
EMSCRIPTEN_KEEPALIVE void av_font_family_arrived(int family, const char* error) {
    if (family < 0 || family >= static_cast<int>(av::FontFamily::count)) return;
    g_app->font_family_arrived(static_cast<av::FontFamily>(family), error);
    wake();
}

// The system's colour scheme changed (prefers-color-scheme): the "auto" theme follows it.
EMSCRIPTEN_KEEPALIVE void av_set_system_dark(int dark) {
    g_app->set_system_dark(dark != 0);
    wake();
}

}  // extern "C"
