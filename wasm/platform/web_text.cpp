#include "web_text.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "ui/app.hpp"

namespace {

av::App* g_text_app = nullptr;
std::vector<std::pair<av::FontId, std::vector<unsigned char>>> g_font_files;  // arriving, until done

// Fetches one of the bundle's font manifests (loader.js knows their hashed names:
// Module.fontsMorePath) and remembers its URL, which the files it lists are relative to.
EM_JS(void, js_fetch_font_catalog, (const char* name_ptr), {
    const name = UTF8ToString(name_ptr);
    const answer = (bytes, error) => {
        const data = bytes ? _malloc(Math.max(bytes.length, 1)) : 0;
        if (bytes && data) HEAPU8.set(bytes, data);
        const e = allocateUTF8(bytes && !data ? "not enough memory for " + name : error);
        Module._av_font_catalog_arrived(data, bytes && data ? bytes.length : 0, e);
        _free(e);
        if (data) _free(data);
    };
    const path = Module.fontsMorePath ? Module.fontsMorePath(name) : null;
    if (!path) {
        answer(null, "fonts: this bundle has no " + name + " (the single-file page has no fonts beyond the base faces)");
        return;
    }
    const url = new URL(path, document.baseURI).href;
    fetch(url).then((r) => {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.arrayBuffer();
    }).then((b) => {
        Module.fontsMoreBase = url;
        answer(new Uint8Array(b), "");
    }, (e) => answer(null, url + ": " + (e && e.message ? e.message : e)));
});

// Fetches font files (`list`: "id\tpath\n" lines, paths relative to the last manifest), all at
// once; each that arrives goes to the program, then one call says they are all done. A file that
// fails is left out (its characters stay missing) and said on the console.
EM_JS(void, js_fetch_font_files, (const char* list_ptr), {
    const lines = UTF8ToString(list_ptr).split("\n").filter((l) => l);
    const base = Module.fontsMoreBase || document.baseURI;
    Promise.all(lines.map((line) => {
        const tab = line.indexOf("\t");
        const id = Number(line.slice(0, tab));
        const url = new URL(line.slice(tab + 1), base).href;
        return fetch(url).then((r) => {
            if (!r.ok) throw new Error("HTTP " + r.status);
            return r.arrayBuffer();
        }).then((b) => {
            const bytes = new Uint8Array(b);
            const data = _malloc(Math.max(bytes.length, 1));
            if (!data) throw new Error("not enough memory");
            HEAPU8.set(bytes, data);
            Module._av_font_file(id, data, bytes.length);
            _free(data);
        }).catch((e) => console.warn("font " + url + ": " + (e && e.message ? e.message : e)));
    })).then(() => Module._av_font_files_done());
});

// --- The text engine: the second module (wasm/text/text_api.h), reached through JavaScript -----
// Every call copies its input into the module's memory and its results back into ours: the two
// wasm instances share no memory. The module is not reentrant; nor is this program.

// Installs Module.getTextModule(): a promise of the text module, fetched once (its JavaScript,
// which compiles its wasm) whoever asks first: the engine (js_load_text_module) or hyphenation
// (js_load_hyphenation). loader.js knows the hashed names (Module.textModulePath); the single-file
// page has no module.
EM_JS(void, js_install_text_module_loader, (), {
    if (Module.getTextModule) return;
    let pending = null;
    Module.getTextModule = () => {
        if (Module.textModule) return Promise.resolve(Module.textModule);
        if (pending) return pending;
        const path = (name) => Module.textModulePath ? Module.textModulePath(name) : null;
        const js = path("article-viewer-text.js");
        if (!js) return Promise.reject(new Error("this page has no text engine"));
        pending = new Promise((resolve, reject) => {
            const script = document.createElement("script");
            script.src = js;
            script.onerror = () => {
                pending = null;
                reject(new Error(js + ": could not be loaded"));
            };
            script.onload = () => {
                createTextModule({ locateFile: (name) => path(name) || name }).then((tm) => {
                    // Copies `bytes` of ours at `ptr` into a scratch buffer of the module's, grown as needed.
                    tm.put = (ptr, bytes) => {
                        if (!tm.scratch || tm.scratchSize < bytes) {
                            if (tm.scratch) tm._free(tm.scratch);
                            tm.scratchSize = Math.max(bytes, 4096) * 2;
                            tm.scratch = tm._malloc(tm.scratchSize);
                        }
                        tm.HEAPU8.set(HEAPU8.subarray(ptr, ptr + bytes), tm.scratch);
                        return tm.scratch;
                    };
                    tm.lastError = () => {
                        const e = tm._av_text_error();
                        return new TextDecoder().decode(tm.HEAPU8.subarray(e, e + tm._av_text_error_length()));
                    };
                    Module.textModule = tm;
                    resolve(tm);
                }, (e) => {
                    pending = null;
                    reject(e);
                });
            };
            document.head.appendChild(script);
        });
        return pending;
    };
});

// Makes the module ready for the engine and, when `dictionary`, loads the Thai dictionary into it;
// answers with av_text_module_ready.
EM_JS(void, js_load_text_module, (int dictionary), {
    const done = (ok, error) => {
        const e = allocateUTF8(error || "");
        Module._av_text_module_ready(ok ? 1 : 0, e);
        _free(e);
    };
    const path = (name) => Module.textModulePath ? Module.textModulePath(name) : null;
    const fail = (e) => done(false, "text engine: " + (e && e.message ? e.message : e));
    const withDictionary = (tm) => {
        if (!dictionary || tm.dictionaryLoaded) return Promise.resolve(tm);
        const url = path("thai-words.dict");
        if (!url) return Promise.reject(new Error("this bundle has no Thai dictionary"));
        return fetch(url).then((r) => {
            if (!r.ok) throw new Error(url + ": HTTP " + r.status);
            return r.arrayBuffer();
        }).then((b) => {
            const bytes = new Uint8Array(b);
            const p = tm._malloc(Math.max(bytes.length, 1));
            tm.HEAPU8.set(bytes, p);
            const ok = tm._av_text_set_dictionary(p, bytes.length);
            tm._free(p);
            if (!ok) throw new Error(url + ": " + tm.lastError());
            tm.dictionaryLoaded = true;
            return tm;
        });
    };
    if (!Module.textModule && !path("article-viewer-text.js")) {
        done(false, "this page has no text engine: it shows Latin, Greek and Cyrillic text only (open the article in the full viewer for every script)");
        return;
    }
    Module.getTextModule().then(withDictionary).then(() => done(true), fail);
});

// Hyphenation (README "Hyphenation"): `list` has the languages, one a line. The text module
// fetches their dictionaries (wasm/text/hyphen_post.js: Module.loadHyphenation, by the hashed names
// loader.js knows, Module.hyphenPath); the module itself is fetched only if the bundle has a
// dictionary of some language's primary subtag. Answers once with av_hyphenation_arrived: the
// languages that have a dictionary now, one a line, and what failed. A language the bundle has no
// dictionary for, or a page with none (the single-file page), is simply not hyphenated.
EM_JS(void, js_load_hyphenation, (const char* list_ptr), {
    const answer = (langs, error) => {
        const a = allocateUTF8(langs.join("\n"));
        const e = allocateUTF8(error || "");
        Module._av_hyphenation_arrived(a, e);
        _free(a);
        _free(e);
    };
    const names = Module.hyphenNames ? Module.hyphenNames() : [];
    const langs = UTF8ToString(list_ptr).split("\n").filter((lang) => {
        const primary = lang.split("-")[0];
        return lang && names.some((n) => n === primary || n.startsWith(primary + "_"));
    });
    if (!langs.length) {
        answer([], "");
        return;
    }
    Module.getTextModule().then((tm) => tm.loadHyphenation(langs, Module.hyphenPath))
        .then((r) => answer(r.langs, r.error), (e) => answer([], "text engine: " + (e && e.message ? e.message : e)));
});

// av_text_hyphenate: lang and word are ours; the cuts come back into `out` (at most length - 1).
EM_JS(int, js_text_hyphenate, (const char* lang, int lang_length, const char32_t* word, int length, unsigned* out), {
    const tm = Module.textModule;
    if (!tm) return 0;
    const at = tm.put(word, length * 4 + lang_length);  // the word, then the language tag after it
    tm.HEAPU8.set(HEAPU8.subarray(lang, lang + lang_length), at + length * 4);
    const n = tm._av_text_hyphenate(at + length * 4, lang_length, at, length);
    if (n > 0) {
        const p = tm._av_text_hyphen_points() >> 2;
        HEAPU32.set(tm.HEAPU32.subarray(p, p + Math.min(n, Math.max(length - 1, 0))), out >> 2);
    }
    return Math.min(n, Math.max(length - 1, 0));
});

// av_text_analyze: text (UTF-32) and lang are ours; the 8 bytes a character come back into `out`.
EM_JS(void, js_text_analyze, (const char32_t* text, int length, int direction, const char* lang, int lang_length,
                              unsigned char* out), {
    const tm = Module.textModule;
    const bytes = length * 4 + lang_length;
    const at = tm.put(text, bytes);  // text, then the language tag right after it
    tm.HEAPU8.set(HEAPU8.subarray(lang, lang + lang_length), at + length * 4);
    const result = tm._av_text_analyze(at, length, direction, at + length * 4, lang_length);
    if (result) HEAPU8.set(tm.HEAPU8.subarray(result, result + length * 8), out);
});

// av_text_shape: returns the glyph count; the glyphs wait in Module.textGlyphs for js_text_glyphs.
EM_JS(int, js_text_shape, (int font, const char32_t* text, int length, int begin, int end, int rtl, unsigned script,
                           const char* lang, int lang_length), {
    const tm = Module.textModule;
    const at = tm.put(text, length * 4 + lang_length);
    tm.HEAPU8.set(HEAPU8.subarray(lang, lang + lang_length), at + length * 4);
    const n = tm._av_text_shape(font, at, length, begin, end, rtl, script >>> 0, at + length * 4, lang_length);
    const glyphs = tm._av_text_glyphs();
    Module.textGlyphs = n ? tm.HEAP32.slice(glyphs >> 2, (glyphs >> 2) + n * 6) : null;
    return n;
});

EM_JS(void, js_text_glyphs, (int* out), {
    if (Module.textGlyphs) HEAP32.set(Module.textGlyphs, out >> 2);
    Module.textGlyphs = null;
});

EM_JS(void, js_text_metrics, (int font, int* out), {
    const tm = Module.textModule;
    const m = tm._av_text_metrics(font);
    HEAP32.set(tm.HEAP32.subarray(m >> 2, (m >> 2) + 5), out >> 2);
});

EM_JS(int, js_text_has_char, (int font, unsigned cp), { return Module.textModule._av_text_has_char(font, cp >>> 0); });

// av_text_add_font: the module copies the bytes.
EM_JS(int, js_text_add_font, (int font, const unsigned char* bytes, int size), {
    const tm = Module.textModule;
    const p = tm._malloc(Math.max(size, 1));
    if (!p) return 0;
    tm.HEAPU8.set(HEAPU8.subarray(bytes, bytes + size), p);
    const ok = tm._av_text_add_font(font, p, size, 0);
    tm._free(p);
    if (!ok) {
        const e = tm._av_text_error();
        console.warn("text engine: font " + font + ": " + new TextDecoder().decode(tm.HEAPU8.subarray(e, e + tm._av_text_error_length())));
    }
    return ok;
});

// av_text_color_glyph: the 5 floats of its geometry into `geometry`; the pixels wait in
// Module.textRgba for js_text_rgba.
EM_JS(int, js_text_color_glyph, (int font, unsigned glyph, float* geometry), {
    const tm = Module.textModule;
    if (!tm._av_text_color_glyph(font, glyph)) return 0;
    const g = tm._av_text_color_glyph_geometry();
    const f = tm.HEAPF32.subarray(g >> 2, (g >> 2) + 5);
    HEAPF32.set(f, geometry >> 2);
    const rgba = tm._av_text_color_glyph_rgba();
    Module.textRgba = tm.HEAPU8.slice(rgba, rgba + Math.round(f[0]) * Math.round(f[1]) * 4);
    return 1;
});

EM_JS(void, js_text_rgba, (unsigned char* out), {
    if (Module.textRgba) HEAPU8.set(Module.textRgba, out);
    Module.textRgba = null;
});

class WebTextEngine final : public av::LoadableTextEngine {
public:
    std::uint8_t analyze(std::u32string_view text, av::BaseDirection direction, std::string_view lang,
                         std::vector<av::CharInfo>& out) const override {
        out.assign(text.size(), av::CharInfo{});
        if (text.empty()) return direction == av::BaseDirection::rtl || direction == av::BaseDirection::auto_rtl;
        raw_.resize(text.size() * 8);
        js_text_analyze(text.data(), static_cast<int>(text.size()), static_cast<int>(direction), lang.data(),
                        static_cast<int>(lang.size()), raw_.data());
        for (std::size_t i = 0; i < text.size(); ++i) {
            const unsigned char* r = &raw_[i * 8];
            out[i].level = r[0];
            out[i].brk = r[1] <= 2 ? static_cast<av::BreakBefore>(r[1]) : av::BreakBefore::no;
            out[i].flags = r[2];
            out[i].script = static_cast<av::ScriptTag>(r[4]) | (static_cast<av::ScriptTag>(r[5]) << 8) |
                            (static_cast<av::ScriptTag>(r[6]) << 16) | (static_cast<av::ScriptTag>(r[7]) << 24);
        }
        return (raw_[2] & av::char_flags::rtl_paragraph) ? 1 : 0;
    }

    void shape(av::FontId font, std::u32string_view text, std::size_t begin, std::size_t end, bool rtl,
               av::ScriptTag script, std::string_view lang, std::vector<av::ShapedGlyph>& out) const override {
        out.clear();
        end = std::min(end, text.size());
        if (begin >= end) return;
        // Only the run and a window of context around it cross to the module, not the paragraph:
        // a paragraph is shaped word by word (ShapeCache), and copying all of it for each word
        // would grow as its square. The window is wider than the context the engine reads
        // (hb_text_engine.cpp's shaping_context), and it starts or ends where the paragraph does
        // only when the run does, so the engine's paragraph flags are the same.
        const std::size_t from = begin > context_window ? begin - context_window : 0;
        const std::size_t to = std::min(text.size(), end + context_window);
        const int n = js_text_shape(font, text.data() + from, static_cast<int>(to - from), static_cast<int>(begin - from),
                                    static_cast<int>(end - from), rtl, script, lang.data(), static_cast<int>(lang.size()));
        if (n <= 0) return;
        glyphs_.resize(static_cast<std::size_t>(n) * 6);
        js_text_glyphs(glyphs_.data());
        out.resize(static_cast<std::size_t>(n));
        for (std::size_t i = 0; i < out.size(); ++i) {
            const int* g = &glyphs_[i * 6];
            out[i] = av::ShapedGlyph{static_cast<std::uint32_t>(g[0]), static_cast<std::uint32_t>(g[1] + static_cast<int>(from)),
                                     g[2], g[3], g[4], g[5]};
        }
    }

    av::FontMetrics metrics(av::FontId font) const override {
        int m[5] = {};
        js_text_metrics(font, m);
        return av::FontMetrics{m[0], m[1], m[2], static_cast<std::uint32_t>(m[3]), m[4] != 0};
    }

    bool has_char(av::FontId font, char32_t cp) const override { return js_text_has_char(font, static_cast<unsigned>(cp)) != 0; }

    bool color_glyph(av::FontId font, std::uint32_t glyph, ColorGlyph& out) const override {
        float g[5] = {};
        if (!js_text_color_glyph(font, glyph, g)) return false;
        out.width = static_cast<int>(g[0] + 0.5f);
        out.height = static_cast<int>(g[1] + 0.5f);
        out.left = g[2];
        out.top = g[3];
        out.ppem = g[4];
        out.rgba.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4);
        js_text_rgba(out.rgba.data());
        return out.width > 0 && out.height > 0;
    }

    bool add_font(av::FontId id, const unsigned char* bytes, std::size_t size) override {
        const bool added = size <= 0x7FFFFFFF && js_text_add_font(id, bytes, static_cast<int>(size)) != 0;
        if (added) ++generation_;
        return added;
    }

    // The dictionary comes with the module (js_load_text_module): the bytes never pass through here.
    bool set_dictionary(const unsigned char*, std::size_t) override { return false; }

    std::uint64_t font_generation() const override { return generation_; }

private:
    static constexpr std::size_t context_window = 16;
    std::uint64_t generation_ = 0;  // fonts added
    mutable std::vector<unsigned char> raw_;
    mutable std::vector<int> glyphs_;
};

WebTextEngine g_engine;

// Core's Hyphenator over the text module's libhyphen (js_text_hyphenate): one call a word.
class WebHyphenator final : public av::Hyphenator {
public:
    void hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const override {
        if (word.size() < 2 || word.size() > 0x10000) return;
        points_.resize(word.size());
        const int n = js_text_hyphenate(lang.data(), static_cast<int>(lang.size()), word.data(), static_cast<int>(word.size()),
                                        points_.data());
        for (int i = 0; i < n; ++i) out.push_back(points_[static_cast<std::size_t>(i)]);
    }

private:
    mutable std::vector<unsigned> points_;
};

WebHyphenator g_hyphenator;

}  // namespace

namespace av::web {

void set_text_app(App* app) { g_text_app = app; }

void fetch_font_catalog(unsigned han_variants) {
    // One manifest per Han variant, for the maps of CJK slices are most of a manifest's bytes
    // (docs/text-pipeline.md, "On the web"); Han's order: zh-Hans, zh-Hant, ja, ko.
    static const char* const single[] = {"fonts-zh-Hans.json", "fonts-zh-Hant.json", "fonts-ja.json", "fonts-ko.json"};
    const char* name = "fonts.json";
    if (han_variants != 0) name = "fonts-all.json";
    for (unsigned h = 0; h < 4; ++h)
        if (han_variants == (1u << h)) name = single[h];
    js_fetch_font_catalog(name);
}

void load_text_engine(bool dictionary) {
    js_install_text_module_loader();
    js_load_text_module(dictionary ? 1 : 0);
}

void load_hyphenation(const std::vector<std::string>& languages) {
    std::string list;
    for (const std::string& lang : languages) list += lang + "\n";
    js_install_text_module_loader();
    js_load_hyphenation(list.c_str());
}

void fetch_font_files(const std::vector<std::pair<FontId, std::string>>& files) {
    std::string list;
    for (const auto& [id, path] : files) list += std::to_string(id) + "\t" + path + "\n";
    g_font_files.clear();
    js_fetch_font_files(list.c_str());
}

}  // namespace av::web

extern "C" {

EMSCRIPTEN_KEEPALIVE void av_request_frame();

// js_fetch_font_catalog's answer: the manifest's bytes, or none and why.
EMSCRIPTEN_KEEPALIVE void av_font_catalog_arrived(const char* data, int size, const char* error) {
    if (!g_text_app) return;
    g_text_app->font_catalog_arrived(std::string_view(data ? data : "", data ? static_cast<std::size_t>(size) : 0),
                                     error ? error : "");
    av_request_frame();
}

// js_load_text_module's answer.
EMSCRIPTEN_KEEPALIVE void av_text_module_ready(int ok, const char* error) {
    if (!g_text_app) return;
    if (ok) g_text_app->text_engine_ready(&g_engine);
    else g_text_app->text_engine_failed(error ? error : "text engine: failed");
    av_request_frame();
}

// js_load_hyphenation's answer: the languages that have a dictionary now (one a line), and what failed.
EMSCRIPTEN_KEEPALIVE void av_hyphenation_arrived(const char* languages, const char* error) {
    if (!g_text_app) return;
    std::vector<std::string> langs;
    std::string_view rest(languages ? languages : "");
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        if (end > 0) langs.emplace_back(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    g_text_app->hyphenation_arrived(&g_hyphenator, langs, error ? error : "");
    av_request_frame();
}

EMSCRIPTEN_KEEPALIVE void av_font_file(int id, const unsigned char* data, int size) {
    if (id < 0 || id >= av::no_font || !data || size <= 0) return;
    g_font_files.emplace_back(static_cast<av::FontId>(id), std::vector<unsigned char>(data, data + size));
}

EMSCRIPTEN_KEEPALIVE void av_font_files_done() {
    if (!g_text_app) return;
    g_text_app->font_files_arrived(std::move(g_font_files));
    g_font_files.clear();
    av_request_frame();
}

}  // extern "C"
