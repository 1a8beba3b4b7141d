// Web platform: a WebGL2 canvas driven by Emscripten's HTML5 events, articles fetched by the
// browser, links opened in a new tab. Frames are drawn on demand with requestAnimationFrame
// only when an event or an animation asks for one, so an idle page draws nothing.
//
// The page (shell/) talks to this file through the exported av_* functions below, and to
// web_fonts.cpp, web_settings.cpp, web_highlights.cpp, web_listen.cpp, web_text.cpp, web_files.cpp, web_address.cpp
// and web_input.cpp through theirs.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/article_json.hpp"
#include "gl_texture.hpp"
#include "web_address.hpp"
#include "web_files.hpp"
#include "web_fonts.hpp"
#include "web_highlights.hpp"
#include "web_input.hpp"
#include "web_listen.hpp"
#include "web_settings.hpp"
#include "web_text.hpp"
#include "webgl_renderer.hpp"
#include "ui/app.hpp"

namespace {

const char* const canvas_id = "#canvas";

// --- JavaScript side of the hooks -----------------------------------------------------------

// Fetches an article and hands its bytes (or a one-line error naming the URL) back to C++.
EM_JS(void, js_fetch_article, (const char* source_ptr), {
    const source = UTF8ToString(source_ptr);
    const fail = (message) => {
        const s = allocateUTF8(source), m = allocateUTF8(source + ": " + message);
        Module._av_article_failed(s, m);
        _free(s); _free(m);
    };
    // The single-file page carries its bundled articles inline (fetch() of file:// fails); the
    // first article may already be on its way (shell/loader.js starts it beside the program).
    const inline = Module.inlineArticles && Module.inlineArticles[source];
    const early = Module.prefetchedArticles && Module.prefetchedArticles[source];
    if (early) delete Module.prefetchedArticles[source];  // once: a retry downloads it again
    (early || (inline ? Promise.resolve(new Response(inline)) : fetch(source)).then((response) =>
        response.ok ? response.arrayBuffer().then((buffer) => ({ response, buffer })) : { response, buffer: null }))
    .then(({ response, buffer }) => {
        if (!buffer) {
            fail("HTTP " + response.status + (response.statusText ? " " + response.statusText : ""));
            return;
        }
        const bytes = new Uint8Array(buffer);
        const data = _malloc(Math.max(bytes.length, 1));
        if (!data) { fail("not enough memory for " + bytes.length + " bytes"); return; }
        HEAPU8.set(bytes, data);
        const s = allocateUTF8(source);
        Module._av_article_arrived(s, data, bytes.length);  // the program frees `data`
        _free(s);
    }).catch((e) => {
        // fetch() says only "Failed to fetch": offline, a host that does not allow other sites
        // (CORS) and a host that does not answer are told apart here (reader-visible defects
        // issue, item 14). A no-cors request gets an (opaque) answer from a host that answered.
        if (!navigator.onLine) {
            fail("you are offline, and this article was not saved for offline reading");
            return;
        }
        const network = "network error (" + (e && e.message ? e.message : e) + ")";
        fetch(source, { mode: "no-cors", credentials: "omit" }).then(
            () => fail("the host does not let other sites read this article (its answer has no CORS header)"),
            () => fail(network));
    });
});

// Fetches and decodes a picture in the browser (large ones scaled to at most 2048 px), and hands
// its RGBA pixels to C++. Cross-origin pictures need CORS; without it the alt text stays.
EM_JS(void, js_fetch_image, (unsigned request, const char* url_ptr), {
    const url = UTF8ToString(url_ptr);
    fetch(url, { mode: "cors", credentials: "omit" }).then((response) => {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.blob();
    }).then((blob) => createImageBitmap(blob)).then((bitmap) => {
        const scale = Math.min(1, 2048 / Math.max(bitmap.width, bitmap.height));
        const w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
        const canvas = typeof OffscreenCanvas !== "undefined" ? new OffscreenCanvas(w, h) : Object.assign(document.createElement("canvas"), { width: w, height: h });
        const g = canvas.getContext("2d");
        g.drawImage(bitmap, 0, 0, w, h);
        const pixels = g.getImageData(0, 0, w, h).data;
        const data = _malloc(pixels.length);
        if (!data) throw new Error("out of memory");
        HEAPU8.set(pixels, data);
        Module._av_image_arrived(request, data, w, h);
        _free(data);
    }).catch((e) => {
        console.warn("picture " + url + ": " + (e && e.message ? e.message : e));
        Module._av_image_failed(request);
    });
});

// localStorage, behind the KeyValueStore interface. Every access can throw (storage disabled,
// sandboxed iframe, quota): the JS catches and returns a status instead.
// Status: 0 ok, 1 missing, 2 unavailable, 3 quota, 4 failed (KeyValueStore::Status order).
EM_JS(int, js_store_get, (const char* key, char** value), {
    try {
        const v = window.localStorage.getItem("article-viewer/" + UTF8ToString(key));
        if (v === null) return 1;
        HEAPU32[value >> 2] = allocateUTF8(v);
        return 0;
    } catch (e) { return 2; }
});

EM_JS(int, js_store_set, (const char* key, const char* value), {
    try {
        window.localStorage.setItem("article-viewer/" + UTF8ToString(key), UTF8ToString(value));
        return 0;
    } catch (e) {
        if (e && (e.name === "QuotaExceededError" || e.code === 22)) return 3;
        try { window.localStorage.length; } catch (e2) { return 2; }
        return 4;
    }
});

EM_JS(int, js_store_remove, (const char* key), {
    try { window.localStorage.removeItem("article-viewer/" + UTF8ToString(key)); return 0; } catch (e) { return 2; }
});

// Keys under the prefix, "\n"-separated (keys never contain a newline: article ids cannot).
EM_JS(char*, js_store_keys, (const char* prefix), {
    const full = "article-viewer/" + UTF8ToString(prefix);
    const out = [];
    try {
        for (let i = 0; i < window.localStorage.length; i++) {
            const k = window.localStorage.key(i);
            if (k && k.startsWith(full) && k.indexOf("\n") < 0) out.push(k.slice("article-viewer/".length));
        }
    } catch (e) {}
    return allocateUTF8(out.join("\n"));
});

EM_JS(void, js_fetch_index, (), {
    const url = new URL("articles/index.json", document.baseURI).href;
    const inline = Module.inlineArticles && Module.inlineArticles[url];  // the single-file page
    (inline ? Promise.resolve(new Response(inline)) : fetch(url)).then((r) => r.ok ? r.arrayBuffer() : null).then((buffer) => {
        if (!buffer) return;
        const bytes = new Uint8Array(buffer);
        const data = _malloc(Math.max(bytes.length, 1));
        HEAPU8.set(bytes, data);
        const base = allocateUTF8(url);
        Module._av_index_arrived(base, data, bytes.length);
        _free(base); _free(data);
    }).catch(() => {});
});

EM_JS(void, js_progress_event, (const char* state), {
    window.dispatchEvent(new CustomEvent("articleviewer:progress", { detail: JSON.parse(UTF8ToString(state)) }));
});

// Ctrl+C (or the menu's Copy) fires the page's copy event: answer it with the canvas selection,
// synchronously, which is what the clipboard API allows without asking for permission.
EM_JS(void, js_watch_copy, (), {
    document.addEventListener("copy", (event) => {
        const text = UTF8ToString(Module._av_selection_text());
        if (!text || !event.clipboardData) return;
        event.clipboardData.setData("text/plain", text);
        event.preventDefault();
    });
});

// The position is saved when the page is hidden or left, not only once the reader settles.
EM_JS(void, js_watch_page_lifecycle, (), {
    const flush = () => Module._av_flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
});

// http(s) in a new tab, without a handle on this page; mailto: to the system's mail program
// (window.open would leave an empty tab behind; a mailto: navigation does not leave the page).
EM_JS(void, js_open_link, (const char* url_ptr), {
    const url = UTF8ToString(url_ptr);
    if (/^mailto:/i.test(url)) location.href = url;
    else window.open(url, "_blank", "noopener,noreferrer");
});

// Runs in the frame after the click or key press, still within the browser's user activation.
EM_JS(void, js_choose_file, (), {
    const input = document.getElementById("open-file");
    if (input) input.click();
});

EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });

EM_JS(void, js_set_cursor, (const char* cursor), {
    const canvas = Module.canvas;
    if (canvas) canvas.style.cursor = UTF8ToString(cursor);
});

// The page's origin, "" when it is not served over http(s) (the single-file page on file://, whose
// articles are inline: it opens anything the reader gives it, as the desktop does).
EM_JS(char*, js_page_origin, (), {
    return allocateUTF8(/^https?:$/.test(location.protocol) ? location.origin : "");
});

// The other sites the page's publisher lets articles come from: the origins in
// <meta name="article-viewer-origins" content="https://a.example https://b.example">, space
// separated, each as the browser writes an origin ("" entries for what is not a URL are dropped).
EM_JS(char*, js_allowed_origins, (), {
    const meta = document.querySelector('meta[name="article-viewer-origins"]');
    const out = [];
    // Whitespace found with trim(), not a regex: EM_JS makes its body a C string, where "\s" is no
    // escape (the compiler stops) and "\t" a raw tab (Emscripten's metadata JSON then fails).
    const spaced = Array.from(meta ? meta.content : "", (c) => (c.trim() ? c : " ")).join("");
    for (const token of spaced.split(" ")) {
        try {
            const url = new URL(token);
            if (url.protocol === "https:" || url.protocol === "http:") out.push(url.origin);
        } catch (e) { /* not a URL: ignored */ }
    }
    return allocateUTF8(out.join(" "));
});

EM_JS(char*, js_resolve, (const char* relative), {
    return allocateUTF8(new URL(UTF8ToString(relative), document.baseURI).href);
});

// Reader preferences the browser knows: 1 = dark colour scheme, 2 = reduced motion (bit flags).
EM_JS(int, js_preferences, (), {
    const m = (q) => window.matchMedia && window.matchMedia(q).matches;
    return (m("(prefers-color-scheme: dark)") ? 1 : 0) | (m("(prefers-reduced-motion: reduce)") ? 2 : 0);
});

EM_JS(void, js_notify_state, (), {
    if (Module.onStateChange) Module.onStateChange();
});

// --- The C++ side ---------------------------------------------------------------------------

std::string take_js_string(char* s) {
    std::string out = s ? s : "";
    std::free(s);
    return out;
}

class WebStore : public av::KeyValueStore {
public:
    Status get(const std::string& key, std::string& value) override {
        char* out = nullptr;
        const int status = js_store_get(key.c_str(), &out);
        if (status == 0) value = take_js_string(out);
        return static_cast<Status>(status);
    }
    Status set(const std::string& key, const std::string& value) override {
        return static_cast<Status>(js_store_set(key.c_str(), value.c_str()));
    }
    Status remove(const std::string& key) override { return static_cast<Status>(js_store_remove(key.c_str())); }
    std::vector<std::string> keys(const std::string& prefix) override {
        const std::string all = take_js_string(js_store_keys(prefix.c_str()));
        std::vector<std::string> out;
        for (std::size_t start = 0; start < all.size();) {
            const std::size_t end = std::min(all.find('\n', start), all.size());
            out.push_back(all.substr(start, end - start));
            start = end + 1;
        }
        return out;
    }
};

class WebHost : public av::Host {
public:
    WebStore web_store;
    av::KeyValueStore& store() override { return web_store; }
    void fetch_index() override { js_fetch_index(); }
    void progress_changed(const std::string& state) override { js_progress_event(state.c_str()); }
    void settings_changed(const std::string& settings) override { av::web::settings_changed(settings); }
    void highlights_changed(const std::string& highlights) override { av::web::highlights_changed(highlights); }
    std::string save_export(const std::string& name, const std::string& mime, const std::string& bytes) override {
        return av::web::save_export(name, mime, bytes);
    }
    bool can_choose_import() const override { return true; }
    void choose_import() override { av::web::choose_import(); }
    void fetch_font_family(av::FontFamily family) override { av::web::fetch_font_family(family); }
    bool fetch_font_faces(const std::vector<std::string>& files) override {
        av::web::fetch_font_faces(files);
        return true;
    }
    bool fetch_extended_fonts() override {
        av::web::fetch_extended_fonts();
        return true;
    }
    void fetch_article(const std::string& source) override;
    // The "Open file…" button: the page's hidden file input (shell/local_files.js reads the file).
    bool can_choose_file() const override { return true; }
    void choose_file() override { js_choose_file(); }
    // The reader's own file (av_open_bytes), kept so that Retry can read it again.
    std::string local_source, local_bytes;
    // Emscripten's malloc returns null when the browser refuses to grow the memory (with
    // ALLOW_MEMORY_GROWTH it does not abort; `new` would). The memory grown stays: what the article
    // then allocates fits in it. The volatile store keeps the compiler from dropping the pair.
    bool make_room(std::size_t bytes) override {
        void* volatile room = std::malloc(bytes);
        if (!room) return false;
        std::free(room);
        return true;
    }
    void open_link(const std::string& url) override { js_open_link(url.c_str()); }
    void set_title(const std::string& title) override { js_set_title(title.c_str()); }
    void reading_at(const std::string& block_id) override { av::web::show_block(block_id); }
    bool can_speak() const override { return av::web::can_speak(); }
    void speech(const std::string& command) override { av::web::speech(command); }
    void forget_file(const std::string& source) override { av::web::forget_file(source.substr(5)); }
    void forget_all_files() override { av::web::forget_all_files(); }
    void show_address(const std::string& address, bool new_entry, const av::Anchor& leaving) override {
        av::web::show_address(address, new_entry, leaving);
    }
    void fetch_image(std::uint32_t request, const std::string& url) override { js_fetch_image(request, url.c_str()); }
    std::uint64_t create_texture(const unsigned char* rgba, int width, int height) override {
        return av::create_gl_texture(rgba, width, height);
    }
    void destroy_texture(std::uint64_t texture) override { av::destroy_gl_texture(texture); }
    void fetch_font_catalog(unsigned han_variants) override { av::web::fetch_font_catalog(han_variants); }
    void fetch_font_files(const std::vector<std::pair<av::FontId, std::string>>& files) override {
        av::web::fetch_font_files(files);
    }
    void load_text_engine(bool dictionary) override { av::web::load_text_engine(dictionary); }
    void load_hyphenation(const std::vector<std::string>& languages) override { av::web::load_hyphenation(languages); }
};

WebHost g_host;
av::App* g_app = nullptr;

void WebHost::fetch_article(const std::string& source) {
    if (source == local_source) {
        g_app->article_arrived(source, local_bytes);  // no fetch: file:// has none
    } else if (source.rfind("file:", 0) == 0 && source.compare(5, 2, "//") != 0) {
        // An earlier file of the reader's (the Library, a reload): the copy the browser keeps.
        av::web::read_kept_file(source);
    } else {
        js_fetch_article(source.c_str());
    }
}
bool g_frame_scheduled = false;
int g_pending_frames = 0;  // frames still owed after the last event, so ImGui state settles
double g_last_time = 0;
ImGuiMouseCursor g_cursor = ImGuiMouseCursor_Arrow;

void schedule_frame();
void schedule_tick();
void wake();

// Matches the canvas's backing store to its CSS size times the device pixel ratio, so one canvas
// pixel is one device pixel and text is rasterised at the screen's density.
void sync_canvas_size() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(canvas_id, &css_w, &css_h);
    const double dpr = std::max(emscripten_get_device_pixel_ratio(), 0.5);
    const int pw = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int ph = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    int cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(canvas_id, &cur_w, &cur_h);
    if (cur_w != pw || cur_h != ph) emscripten_set_canvas_element_size(canvas_id, pw, ph);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(dpr), static_cast<float>(dpr));
}

void update_cursor() {
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    if (cursor == g_cursor) return;
    g_cursor = cursor;
    js_set_cursor(cursor == ImGuiMouseCursor_Hand ? "pointer" : cursor == ImGuiMouseCursor_TextInput ? "text" : "default");
}

// The renderer's program is checked once the first frame is out: asking sooner would make that
// frame wait for the GPU process (webgl_renderer.hpp).
int g_frames_drawn = 0;
void check_program() {
    static char log[2048];
    if (av::web::renderer_check_program(log, sizeof log)) return;
    EM_ASM({ if (Module.onFatal) Module.onFatal("program", UTF8ToString($0)); }, log);
}

bool g_drawing = false;  // draw_frame is running: a nested call (from a callback) waits for the next frame

void draw_frame(double time) {
    if (g_drawing) return;
    g_drawing = true;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = g_last_time > 0 ? static_cast<float>(std::max((time - g_last_time) / 1000.0, 1e-4)) : 1.0f / 60.0f;
    g_last_time = time;
    sync_canvas_size();
    if (g_frames_drawn < 2 && ++g_frames_drawn == 2) check_program();  // counts no further: no overflow
    const bool was_ready = g_app->ready();
    const std::string old_error = g_app->error();
    g_app->frame();
    av::web::sync_text_input();
    int w = 0, h = 0;
    emscripten_get_canvas_element_size(canvas_id, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    av::web::renderer_draw(ImGui::GetDrawData());
    update_cursor();
    if (g_app->ready() != was_ready || g_app->error() != old_error) js_notify_state();
    if (g_pending_frames > 0) --g_pending_frames;
    if (g_pending_frames > 0 || g_app->wants_frame()) schedule_frame();
    else g_last_time = 0;  // the next frame after idle must not see a huge DeltaTime
    schedule_tick();
    g_drawing = false;
}

EM_BOOL on_animation_frame(double time, void*) {
    g_frame_scheduled = false;
    draw_frame(time);
    return false;
}

// Timed work (saving the position once the reader settles) runs from a timer, not from frames:
// an idle page with a pending save draws nothing.
long g_tick_timer = 0;
void on_tick_timer(void*) {
    g_tick_timer = 0;
    bool redraw = false;
    const double next = g_app->tick(redraw);
    if (redraw) wake();
    if (next >= 0) g_tick_timer = emscripten_set_timeout(on_tick_timer, std::max(next * 1000.0, 16.0), nullptr);
}

void schedule_tick() {
    bool redraw = false;
    if (g_tick_timer) emscripten_clear_timeout(g_tick_timer);
    g_tick_timer = 0;
    const double next = g_app->tick(redraw);
    if (redraw) schedule_frame();
    if (next >= 0) g_tick_timer = emscripten_set_timeout(on_tick_timer, std::max(next * 1000.0, 16.0), nullptr);
}

void schedule_frame() {
    if (g_frame_scheduled) return;
    g_frame_scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void wake() {
    g_pending_frames = std::max(g_pending_frames, 3);
    schedule_frame();
}

}  // namespace

// --- Exported to the page -----------------------------------------------------------------------

extern "C" {

// `data` was allocated with malloc by the page, and is the program's now (App::article_arrived_owned).
EMSCRIPTEN_KEEPALIVE void av_article_arrived(const char* source, char* data, int length) {
    g_app->article_arrived_owned(source, data, static_cast<std::size_t>(std::max(length, 0)));
    js_notify_state();  // not ready yet: the page's mirror lets go of the article it had
    // A short article is drawn now rather than at the next animation frame, which can be tens of
    // milliseconds away while the browser is busy loading the page (the frame reports the ready
    // state). A long one is not: the frame would add its first slice of reading (work_per_frame_s)
    // to this task, which has just copied the bytes; the 100k article's went over 200 ms so.
    constexpr int draw_at_once_max = 1 << 20;
    if (length <= draw_at_once_max) draw_frame(emscripten_get_now());
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_article_failed(const char* source, const char* message) {
    g_app->article_failed(source, message);
    wake();
    js_notify_state();
}

// Opens another article (a URL relative to the page, or absolute), or "file:NAME", a file of the
// reader's that the browser keeps (the Library's source for it).
EMSCRIPTEN_KEEPALIVE void av_open_url(const char* url) {
    const std::string text(url);
    const bool kept_file = text.rfind("file:", 0) == 0 && text.compare(5, 2, "//") != 0;
    g_app->open(kept_file ? text : take_js_string(js_resolve(url)));
    wake();
}

// Opens the reader's own article file (chosen or dropped on the page) from its bytes; its source
// is "file:NAME".
EMSCRIPTEN_KEEPALIVE void av_open_bytes(const char* name, const char* data, int length) {
    g_host.local_source = std::string("file:") + name;
    g_host.local_bytes.assign(data, static_cast<std::size_t>(std::max(length, 0)));
    g_app->open(g_host.local_source);
    av::web::keep_file(name, data, g_host.local_bytes.size());  // for the Library and a reload
    wake();
    js_notify_state();
}

// The state as JSON; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_state_json() {
    static std::string state;
    state = g_app->state_json();
    // Whether a frame is still to come (input, an animation, a load): the tests wait for none
    // before they read what is on screen (tests/browser/harness.mjs, settle()). The App's state
    // is an object; the loop's own flag goes in as its last member.
    if (!state.empty() && state.back() == '}')
        state.insert(state.size() - 1, g_frame_scheduled ? ",\"framePending\":true" : ",\"framePending\":false");
    return state.c_str();
}

// The fingerprint of the article's layout (core/layout_digest.hpp), or with `text` the layout as
// text: the browser tests compare them with the desktop build's. Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_layout_digest(int text) {
    static std::string digest;
    digest = g_app->layout_digest(text != 0);
    return digest.c_str();
}

// The article on screen as the loader accepted it (core/article_json.hpp), "null" when none; for
// the page's accessible mirror (shell/mirror.js). Valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_article_json() {
    static std::string article;
    article = g_app->article() ? av::article_json(*g_app->article()) : "null";
    return article.c_str();
}

// The same article in pages, which is how the mirror reads it: the whole of a 43 MB article as one
// string took seconds in one task (issue 20, item 7). "null" while no article is ready, so that
// pages of the article before and of the one opened since are never put together. Each string is
// valid until the next call of its function.
static const av::Article* ready_article() {
    return g_app->ready() ? g_app->article() : nullptr;
}

// {"id", "lang", "dir", "title", "subtitle"?, "byline", "blockCount"} (core/article_json.hpp).
EMSCRIPTEN_KEEPALIVE const char* av_article_header_json() {
    static std::string header;
    header = ready_article() ? av::article_header_json(*ready_article()) : "null";
    return header.c_str();
}

// Blocks [from, from + count) as an array, cut short after the block that reaches `max_bytes`.
EMSCRIPTEN_KEEPALIVE const char* av_article_blocks_json(int from, int count, int max_bytes) {
    static std::string page;
    const auto size = [](int n) { return static_cast<std::size_t>(std::max(n, 0)); };
    page =
        ready_article() ? av::article_blocks_json(*ready_article(), size(from), size(count), size(max_bytes)) : "null";
    return page.c_str();
}

// The headings of `level` (the page's Contents lists level 2), "null" when there is no article.
EMSCRIPTEN_KEEPALIVE const char* av_article_headings_json(int level) {
    static std::string headings;
    headings = g_app->article() ? av::article_headings_json(*g_app->article(), level) : "null";
    return headings.c_str();
}

EMSCRIPTEN_KEEPALIVE void av_request_frame() { wake(); }

EMSCRIPTEN_KEEPALIVE void av_index_arrived(const char* base, const char* data, int length) {
    g_app->index_arrived(std::string_view(data, static_cast<std::size_t>(std::max(length, 0))), base);
}

// The library as JSON; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_library_json() {
    static std::string library;
    library = g_app->library_json();
    return library.c_str();
}

EMSCRIPTEN_KEEPALIVE void av_forget(const char* article_id) {
    g_app->forget(article_id);
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_forget_all() {
    g_app->forget_all();
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_show_library(int show) {
    g_app->show_library(show != 0);
    wake();
}

// The error screen's Retry and "Open the default article", the resume notice's "start over".
EMSCRIPTEN_KEEPALIVE void av_retry() {
    g_app->retry();
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_open_default() {
    g_app->open_default();
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_start_over() {
    g_app->start_over();
    wake();
}

// The canvas selection as plain text; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_selection_text() {
    static std::string text;
    text = g_app->selected_text();
    return text.c_str();
}

// Opens the find bar with `query` ("" keeps the last one).
EMSCRIPTEN_KEEPALIVE void av_find(const char* query) {
    g_app->open_find(query);
    wake();
}

// The page is being hidden or left: save the position now.
EMSCRIPTEN_KEEPALIVE void av_flush() { g_app->flush(); }

EMSCRIPTEN_KEEPALIVE void av_image_arrived(unsigned request, const unsigned char* rgba, int width, int height) {
    g_app->image_arrived(request, rgba, width, height);
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_image_failed(unsigned request) {
    g_app->image_failed(request);
    wake();
}

// Moves to block `index` of the article.
EMSCRIPTEN_KEEPALIVE void av_scroll_to_block(int index) {
    g_app->scroll_to_block(index);
    wake();
}

}  // extern "C"

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;  // ImGui anti-aliases its own shapes
    attrs.depth = false;
    attrs.stencil = false;
    attrs.preserveDrawingBuffer = false;  // the compositor keeps showing the last frame while idle
    // Toolchain quirk (Emscripten 3.1.6, library_webgl.js initExtensions): by default it enables
    // every extension the browser offers as it makes the context, one getExtension() each, about
    // 280 ms of the first paint where WebGL2 is software (SwiftShader; BENCHMARKS.md "First
    // paint"). ImGui's renderer and our picture textures use WebGL2 core only.
    attrs.enableExtensionsByDefault = EM_FALSE;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context(canvas_id, &attrs);
    if (gl <= 0) {
        EM_ASM({ if (Module.onFatal) Module.onFatal("webgl2"); });
        return 1;
    }
    emscripten_webgl_make_context_current(gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "article-viewer-web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    av::web::renderer_init();

    static av::App app(g_host, take_js_string(js_resolve(AV_DEFAULT_ARTICLE)));
    g_app = &app;
    av::web::set_text_app(&app);
    av::web::install_fonts(app, wake);
    app.init("/fonts");
    const int preferences = js_preferences();
    app.set_system_dark(preferences & 1);  // the "auto" theme's (the default's) answer
    av::web::install_settings(app, wake);  // the "auto" theme follows the system from now on
    app.set_reduced_motion(preferences & 2);
    av::web::install_input(app, canvas_id, wake);
    av::web::watch_history(app, wake);
    av::web::install_kept_files(app, wake);
    av::web::install_listen(app, wake);
    app.set_page_url(av::web::page_url());
    js_watch_page_lifecycle();
    js_watch_copy();
    av::web::install_highlights(app, wake);  // another tab's changes are read again from now on
    av::SourcePolicy policy;
    policy.home = take_js_string(js_page_origin());
    const std::string allowed = take_js_string(js_allowed_origins());
    for (std::size_t start = 0; start < allowed.size();) {
        const std::size_t end = std::min(allowed.find(' ', start), allowed.size());
        if (end > start) policy.allowed.push_back(allowed.substr(start, end - start));
        start = end + 1;
    }
    app.set_source_policy(std::move(policy));
    const std::string requested = av::web::requested_source();
    app.open(requested.empty() ? take_js_string(js_resolve(AV_DEFAULT_ARTICLE)) : requested, av::web::requested_block(),
             av::App::History::replace);
    wake();
    return 0;  // the runtime stays alive (EXIT_RUNTIME=0): the browser drives everything from here
}
