#include "web_highlights.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ui/app.hpp"

namespace {

av::App* g_app = nullptr;
void (*g_wake)() = nullptr;

EM_JS(void, js_highlights_event, (const char* highlights), {
    window.dispatchEvent(new CustomEvent("articleviewer:highlights", { detail: JSON.parse(UTF8ToString(highlights)) }));
});

// An export, as a download: a Blob's object URL on a link with `download`, clicked. The page's
// Content-Security-Policy governs what it loads, not a download it starts, so blob: is fine here.
EM_JS(void, js_download, (const char* name, const char* mime, const char* bytes), {
    const blob = new Blob([UTF8ToString(bytes)], { type: UTF8ToString(mime) + ";charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = UTF8ToString(name);
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
});

// The panel's "Import JSON…": the page's hidden file input for highlights (shell/highlights.js
// reads the file and hands its text to av_import_highlights).
EM_JS(void, js_choose_import, (), {
    const input = document.getElementById("import-highlights");
    if (input) input.click();
});

// Another tab changed the highlights (localStorage's 'storage' event fires in the other tabs
// only): this one reads them again and merges (core/highlights.hpp).
EM_JS(void, js_watch_storage, (), {
    window.addEventListener("storage", (e) => {
        if (e.key === null || String(e.key).startsWith("article-viewer/highlights/")) Module._av_highlights_storage_changed();
    });
});

void wake() {
    if (g_wake) g_wake();
}

}  // namespace

namespace av::web {

void install_highlights(App& app, void (*wake_fn)()) {
    g_app = &app;
    g_wake = wake_fn;
    js_watch_storage();
}

void highlights_changed(const std::string& highlights) {
    js_highlights_event(highlights.c_str());
}

std::string save_export(const std::string& name, const std::string& mime, const std::string& bytes) {
    js_download(name.c_str(), mime.c_str(), bytes.c_str());
    return "Downloaded as " + name;
}

void choose_import() {
    js_choose_import();
}

}  // namespace av::web

// --- Exported to the page (shell/loader.js, shell/highlights.js) ----------------------------------

extern "C" {

// The open article's highlights as JSON ([{id, block, start, end, color, note, quote, lost}]).
EMSCRIPTEN_KEEPALIVE const char* av_highlights_json() {
    static std::string out;
    out = g_app->highlights_json();
    return out.c_str();
}

// Adds a highlight: {"id": ...} or {"error": ...}. `color` 0-3 (yellow, green, blue, pink).
EMSCRIPTEN_KEEPALIVE const char* av_add_highlight(int block, double start, double end, int color, const char* note) {
    static std::string out;
    std::string error;
    const auto offset = [](double v) { return static_cast<std::uint32_t>(std::clamp(v, 0.0, 4294967295.0)); };
    const std::string id = g_app->add_highlight(block, offset(start), offset(end),
                                                static_cast<av::HighlightColor>(std::clamp(color, 0, 3)), note, error);
    out = id.empty() ? nlohmann::json{{"error", error}}.dump() : nlohmann::json{{"id", id}}.dump();
    wake();
    return out.c_str();
}

EMSCRIPTEN_KEEPALIVE int av_remove_highlight(const char* id) {
    const bool done = g_app->remove_highlight(id);
    wake();
    return done ? 1 : 0;
}

// "" when set, else why not. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_set_highlight_note(const char* id, const char* note) {
    static std::string error;
    error = g_app->set_highlight_note(id, note);
    wake();
    return error.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* av_set_highlight_color(const char* id, int color) {
    static std::string error;
    error = g_app->set_highlight_color(id, static_cast<av::HighlightColor>(std::clamp(color, 0, 3)));
    wake();
    return error.c_str();
}

// The canvas selection made into highlights (the page's "Highlight selection"): what to say.
EMSCRIPTEN_KEEPALIVE const char* av_highlight_selection(int color) {
    static std::string said;
    said = g_app->highlight_selection(static_cast<av::HighlightColor>(std::clamp(color, 0, 3)));
    wake();
    return said.c_str();
}

EMSCRIPTEN_KEEPALIVE void av_highlights_storage_changed() {
    g_app->highlights_storage_changed();
    wake();
}

// The export's text: 1 Markdown, 0 JSON. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_export_highlights(int markdown) {
    static std::string out;
    out = g_app->export_highlights(markdown != 0);
    return out.c_str();
}

// Imports an export's text; returns what happened, one line. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_import_highlights(const char* data, int length) {
    static std::string said;
    said = g_app->import_highlights(std::string_view(data, static_cast<std::size_t>(std::max(length, 0))));
    wake();
    return said.c_str();
}

EMSCRIPTEN_KEEPALIVE int av_go_to_highlight(const char* id) {
    const bool done = g_app->go_to_highlight(id);
    wake();
    return done ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void av_show_highlights(int show) {
    g_app->show_highlights(show != 0);
    wake();
}

}  // extern "C"
