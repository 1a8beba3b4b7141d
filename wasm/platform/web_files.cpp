#include "web_files.hpp"

#include <emscripten/emscripten.h>

#include <vector>

#include "ui/app.hpp"

namespace {

av::App* g_app = nullptr;
void (*g_wake)() = nullptr;

// One database, two stores keyed by the file's name: the bytes, and their sizes (summed before a
// file is kept without reading every file's bytes). A store that cannot be opened (no IndexedDB,
// a browser that refuses it) answers every call with its reason; nothing is thrown into the program.
EM_JS(void, js_install_kept_files, (double cap), {
    let opened = null;
    const database = () => {
        opened = opened || new Promise((resolve, reject) => {
            if (!self.indexedDB) throw new Error("this browser keeps no files here (no IndexedDB)");
            const req = indexedDB.open("article-viewer-files", 1);
            req.onupgradeneeded = () => {
                req.result.createObjectStore("files");
                req.result.createObjectStore("sizes");
            };
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error || new Error("the browser's storage cannot be opened"));
            req.onblocked = () => reject(new Error("another tab holds the browser's storage"));
        });
        opened.catch(() => { opened = null; });
        return opened;
    };
    const ask = (r) => new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
    });
    const finished = (tx) => new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = tx.onabort = () => reject(tx.error || new Error("the browser's storage refused it"));
    });
    const why = (e) => (e && e.name === "QuotaExceededError" ? "the browser's storage for this site is full; forget articles in the Library to make room"
                                                              : (e && e.message) || String(e));
    const tell = () => database()
        .then((d) => ask(d.transaction("sizes").objectStore("sizes").getAllKeys()))
        .then((names) => Module.ccall("av_kept_files", null, ["string"], [names.join(String.fromCharCode(10))]))
        .catch((e) => console.warn("article-viewer: kept files: " + why(e)));
    Module.keptFiles = {
        keep(name, bytes) {
            database().then((d) => {
                const sizes = d.transaction("sizes").objectStore("sizes");
                return Promise.all([ask(sizes.getAllKeys()), ask(sizes.getAll())]).then(([names, counts]) => {
                    let total = 0;
                    names.forEach((n, i) => { if (n !== name) total += counts[i]; });
                    if (total + bytes.length > cap)
                        throw new Error("the files kept in this browser would take more than " + Math.round(cap / 1e6) +
                                        " MB; forget articles in the Library to make room");
                    const tx = d.transaction(["files", "sizes"], "readwrite");
                    tx.objectStore("files").put(bytes, name);
                    tx.objectStore("sizes").put(bytes.length, name);
                    return finished(tx);
                });
            }).then(tell, (e) => Module.ccall("av_file_not_kept", null, ["string", "string"], [name, why(e)]));
        },
        read(source, name) {
            const fail = (reason) => Module.ccall("av_article_failed", null, ["string", "string"], [source, source + ": " + reason]);
            database()
                .then((d) => ask(d.transaction("files").objectStore("files").get(name)))
                .then((bytes) => {
                    if (!(bytes instanceof Uint8Array)) {
                        fail("this browser keeps no copy of this file; open it again with Open file" + String.fromCharCode(0x2026));
                        return;
                    }
                    const data = Module._malloc(Math.max(bytes.length, 1));
                    if (!data) { fail("not enough memory for " + bytes.length + " bytes"); return; }
                    Module.HEAPU8.set(bytes, data);
                    // The program owns `data` now and frees it (web.cpp, av_article_arrived).
                    Module.ccall("av_article_arrived", null, ["string", "number", "number"], [source, data, bytes.length]);
                }, (e) => fail(why(e)));
        },
        forget(name) {
            database().then((d) => {
                const tx = d.transaction(["files", "sizes"], "readwrite");
                tx.objectStore("files").delete(name);
                tx.objectStore("sizes").delete(name);
                return finished(tx);
            }).then(tell, (e) => console.warn("article-viewer: " + name + ": " + why(e)));
        },
        forgetAll() {
            database().then((d) => {
                const tx = d.transaction(["files", "sizes"], "readwrite");
                tx.objectStore("files").clear();
                tx.objectStore("sizes").clear();
                return finished(tx);
            }).then(tell, (e) => console.warn("article-viewer: " + why(e)));
        },
    };
    tell();
});

// The bytes are copied out of the program's memory at once (`slice`): the caller frees them.
EM_JS(void, js_keep_file, (const char* name, const char* data, double size), {
    Module.keptFiles.keep(UTF8ToString(name), HEAPU8.slice(data, data + size));
});
EM_JS(void, js_read_kept_file, (const char* source, const char* name), {
    Module.keptFiles.read(UTF8ToString(source), UTF8ToString(name));
});
EM_JS(void, js_forget_kept_file, (const char* name), { Module.keptFiles.forget(UTF8ToString(name)); });
EM_JS(void, js_forget_all_kept_files, (), { Module.keptFiles.forgetAll(); });

}  // namespace

namespace av::web {

void install_kept_files(App& app, void (*wake)()) {
    g_app = &app;
    g_wake = wake;
    js_install_kept_files(kept_files_cap_bytes);
}

void keep_file(const std::string& name, const char* data, std::size_t size) {
    js_keep_file(name.c_str(), data, static_cast<double>(size));
}

void read_kept_file(const std::string& source) { js_read_kept_file(source.c_str(), source.substr(5).c_str()); }
void forget_file(const std::string& name) { js_forget_kept_file(name.c_str()); }
void forget_all_files() { js_forget_all_kept_files(); }

}  // namespace av::web

extern "C" {

// The names of the kept files, one a line.
EMSCRIPTEN_KEEPALIVE void av_kept_files(const char* names) {
    if (!g_app) return;
    std::vector<std::string> list;
    for (const char* at = names; *at;) {
        const char* end = at;
        while (*end && *end != '\n') ++end;
        if (end > at) list.emplace_back(at, end);
        at = *end ? end + 1 : end;
    }
    g_app->set_kept_files(std::move(list));
    if (g_wake) g_wake();
}

EMSCRIPTEN_KEEPALIVE void av_file_not_kept(const char* name, const char* reason) {
    if (g_app) g_app->file_not_kept(name, reason);
    if (g_wake) g_wake();
}

}  // extern "C"
