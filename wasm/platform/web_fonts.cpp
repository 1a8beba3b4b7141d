#include "web_fonts.hpp"

#include <emscripten/emscripten.h>

#include "ui/app.hpp"
#include "ui/font_files.hpp"

namespace {

av::App* g_app = nullptr;
void (*g_wake)() = nullptr;
av::MemoryFontFiles g_font_files;

// Installs Module.putFontFile(path, bytes) (a file arriving), Module.readFontFile(path) (its bytes,
// or null: the page prints in the reader's fonts with them) and Module.fetchFontFiles(names,
// inline, url, dir, early) (the files `names`, from the single-file page's `inline` base64, from
// `early` (name -> a fetch's promise already on its way) or fetched from url(name), into `dir`; a
// promise, rejected with a message naming the file that failed), then
// unpacks the first paint's faces, which loader.js downloaded beside the program (Module.fontPack:
// shell/pack_fonts.py's format), into /fonts/. The window's `online` event reaches the program
// (av_browser_online): fonts whose fetch failed are asked again.
EM_JS(void, js_install_font_files, (), {
    window.addEventListener("online", () => Module._av_browser_online());
    Module.putFontFile = (path, bytes) => {
        const data = _malloc(Math.max(bytes.length, 1));
        if (!data) throw new Error("not enough memory for " + path);
        HEAPU8.set(bytes, data);
        const p = allocateUTF8(path);
        Module._av_font_file_put(p, data, bytes.length);
        _free(p);
        _free(data);
    };
    Module.readFontFile = (path) => {
        const p = allocateUTF8(path);
        const size = Module._av_font_file_size(p);
        const data = size >= 0 ? Module._av_font_file_data(p) : 0;
        _free(p);
        return size >= 0 ? HEAPU8.slice(data, data + size) : null;
    };
    Module.fetchFontFiles = (names, inline, url, dir, early) => {
        const decode = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        return Promise.all(names.map((name) => {
            if (inline && inline[name]) return Promise.resolve(decode(inline[name]));
            const address = url(name);
            if (!address) return Promise.reject(new Error("this copy of the viewer has no " + name));
            // A network error (offline, the host unreachable) names the file too: fetch's own
            // message ("Failed to fetch") says neither which nor that it was the network.
            const unreachable = (e) => {
                throw new Error(address + ": network error (" + (e && e.message ? e.message : e) + ")");
            };
            return ((early && early[name]) || fetch(address)).then((r) => {
                if (!r.ok) throw new Error(address + ": HTTP " + r.status);
                return r.arrayBuffer();
            }, unreachable).then((b) => new Uint8Array(b));
        })).then((files) => names.forEach((name, i) => Module.putFontFile(dir + name, files[i])));
    };
    const pack = Module.fontPack ? new Uint8Array(Module.fontPack) : null;
    Module.fontPack = null;
    if (!pack || pack.length < 4) return;
    const length = pack[0] | (pack[1] << 8) | (pack[2] << 16) | (pack[3] << 24);
    let index = {};
    try {
        index = JSON.parse(new TextDecoder().decode(pack.subarray(4, 4 + length)));
    } catch (e) {
        console.warn("article-viewer.data: " + e.message);
    }
    Object.keys(index).forEach((name) => {
        const start = 4 + length + index[name][0];
        Module.putFontFile("/fonts/" + name, pack.subarray(start, start + index[name][1]));
    });
});

// Fetches the fonts' extended subsets (Greek, Cyrillic, ...: shell/CMakeLists.txt) into
// /fonts/ext/ and tells the program; the single-file page has them inline. They are not part of
// the first visit (BENCHMARKS.md, "Transfer size"). The files have content-hashed names in dist/
// (fonts-ext/NAME.<hash>.ttf, which loader.js knows: Module.fontExtPath); the program asks by face
// name. On failure (the first file that failed, and why) those characters stay replacement
// glyphs until they are asked again (ui/extended_font_requests.hpp).
EM_JS(void, js_fetch_extended_fonts, (const char* names_ptr), {
    const answer = (error) => {
        const e = allocateUTF8(error);
        Module._av_extended_fonts_arrived(e);
        _free(e);
    };
    const url = (name) => (Module.fontExtPath ? Module.fontExtPath(name) : "fonts-ext/" + name);
    Module.fetchFontFiles(UTF8ToString(names_ptr).split(","), Module.inlineFontsExt, url, "/fonts/ext/")
        .then(() => answer(""), (e) => answer(String(e && e.message ? e.message : e)));
});

// Fetches base faces the first visit leaves out (FontSet::missing: the serif italics) into
// /fonts/ and tells the program, for an article that draws with them (App::request_font_faces).
// Their names in dist/ are content-hashed (fonts-faces/NAME.<hash>.ttf), which loader.js knows
// (Module.fontFacePath); the single-file page has them inline; the service worker precaches them.
EM_JS(void, js_fetch_font_faces, (const char* names_ptr), {
    const answer = (error) => {
        const e = allocateUTF8(error);
        Module._av_font_faces_arrived(e);
        _free(e);
    };
    const url = (name) => (Module.fontFacePath ? Module.fontFacePath(name) : null);
    Module.fetchFontFiles(UTF8ToString(names_ptr).split(","), Module.inlineFontFaces, url, "/fonts/")
        .then(() => answer(""), (e) => answer(String(e && e.message ? e.message : e)));
});

void wake() {
    if (g_wake) g_wake();
}

}  // namespace

namespace av::web {

void install_fonts(App& app, void (*wake)()) {
    g_app = &app;
    g_wake = wake;
    js_install_font_files();
    app.set_font_files(g_font_files);
}

void fetch_extended_fonts() {
    std::string names;
    for (const char* name : FontSet::file_names()) names += (names.empty() ? "" : ",") + std::string(name);
    js_fetch_extended_fonts(names.c_str());
}

void fetch_font_faces(const std::vector<std::string>& files) {
    std::string names;
    for (const std::string& file : files) names += (names.empty() ? "" : ",") + file;
    js_fetch_font_faces(names.c_str());
}

}  // namespace av::web

extern "C" {

// The fonts' extended subsets are in /fonts/ext/ (js_fetch_extended_fonts), or `error` says why not.
EMSCRIPTEN_KEEPALIVE void av_extended_fonts_arrived(const char* error) {
    if (g_app) g_app->extended_fonts_arrived(error ? error : "");
    wake();
}

// The window's `online` event.
EMSCRIPTEN_KEEPALIVE void av_browser_online() {
    if (g_app) g_app->browser_online();
    wake();
}

// The faces asked by js_fetch_font_faces are in /fonts/, or `error` says why not.
EMSCRIPTEN_KEEPALIVE void av_font_faces_arrived(const char* error) {
    if (g_app) g_app->font_faces_arrived(error ? error : "");
    wake();
}

// A font file arrives (Module.putFontFile): kept in memory under `path`.
EMSCRIPTEN_KEEPALIVE void av_font_file_put(const char* path, const unsigned char* data, int length) {
    if (!path || (!data && length > 0) || length < 0) return;
    g_font_files.put(path, std::vector<unsigned char>(data, data + length));
}

// The size of the font file at `path`, -1 when there is none; av_font_file_data: its bytes, valid
// until the next av_font_file_put of that path.
EMSCRIPTEN_KEEPALIVE int av_font_file_size(const char* path) {
    const std::vector<unsigned char>* bytes = path ? g_font_files.find(path) : nullptr;
    return bytes ? static_cast<int>(bytes->size()) : -1;
}
EMSCRIPTEN_KEEPALIVE const unsigned char* av_font_file_data(const char* path) {
    const std::vector<unsigned char>* bytes = path ? g_font_files.find(path) : nullptr;
    return bytes ? bytes->data() : nullptr;
}

}  // extern "C"
