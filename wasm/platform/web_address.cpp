#include "web_address.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "ui/app.hpp"

namespace {

std::string take(char* text) {
    std::string out = text ? text : "";
    std::free(text);
    return out;
}

EM_JS(char*, js_requested_source, (), {
    const query = new URLSearchParams(location.search);
    const file = query.get("file");
    if (file) return allocateUTF8("file:" + file);
    const asked = query.get("article");
    let source = "";
    try { source = asked ? new URL(asked, document.baseURI).href : ""; } catch (e) { source = asked; }
    return allocateUTF8(source);
});

EM_JS(char*, js_requested_block, (), {
    let id = location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) {}
    return allocateUTF8(id);
});

EM_JS(char*, js_page_url, (), { return allocateUTF8(document.baseURI); });

// The place being left is kept in the entry's state, so Back returns to the same line, not only to
// the block the fragment names.
EM_JS(void, js_show_address, (const char* address, int new_entry, int block, int offset), {
    const url = location.pathname + UTF8ToString(address);
    try {
        if (new_entry) {
            history.replaceState({ block, offset }, "");
            history.pushState(null, "", url);
        } else if (url !== location.pathname + location.search + location.hash) {
            history.replaceState(null, "", url);
        }
    } catch (e) { /* a page whose URL cannot be rewritten (some file:// pages): the URL stays */ }
});

EM_JS(void, js_show_block, (const char* id), {
    const fragment = UTF8ToString(id);
    const url = location.pathname + location.search + (fragment ? "#" + encodeURIComponent(fragment) : "");
    try {
        if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    } catch (e) {}
});

// The place noted on the entry Back or Forward reached; 0 when it has none (or something else put
// a state there: only two integers in range are taken).
EM_JS(int, js_history_place, (int* out), {
    const s = history.state;
    const ok = (v, low) => Number.isInteger(v) && v >= low && v < 2147483647;
    if (!s || !ok(s.block, -1) || !ok(s.offset, 0)) return 0;
    HEAP32[out >> 2] = s.block;
    HEAP32[(out >> 2) + 1] = s.offset;
    return 1;
});

// popstate covers Back, Forward and a fragment typed in the address bar or followed in the
// page's accessible copy (hashchange would come second and undo a restored line).
EM_JS(void, js_watch_history, (), {
    window.addEventListener("popstate", () => Module._av_history_moved());
});

av::App* g_app = nullptr;
void (*g_wake)() = nullptr;

}  // namespace

namespace av::web {

std::string requested_source() { return take(js_requested_source()); }
std::string requested_block() { return take(js_requested_block()); }
std::string page_url() { return take(js_page_url()); }

void show_address(const std::string& address, bool new_entry, const Anchor& leaving) {
    js_show_address(address.c_str(), new_entry ? 1 : 0, leaving.block, static_cast<int>(std::min<std::uint32_t>(leaving.offset, 2147483646u)));
}

void show_block(const std::string& block_id) { js_show_block(block_id.c_str()); }

void watch_history(App& app, void (*wake)()) {
    g_app = &app;
    g_wake = wake;
    js_watch_history();
}

}  // namespace av::web

extern "C" EMSCRIPTEN_KEEPALIVE void av_history_moved() {
    if (!g_app) return;
    int place[2] = {0, 0};
    std::optional<av::Anchor> anchor;
    if (js_history_place(place)) anchor = av::Anchor{place[0], static_cast<std::uint32_t>(place[1])};
    g_app->address_changed(av::web::requested_source(), av::web::requested_block(), anchor);
    if (g_wake) g_wake();
}
