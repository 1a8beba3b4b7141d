#include "web_listen.hpp"

#include <emscripten/emscripten.h>

#include "ui/app.hpp"

namespace {

av::App* g_app = nullptr;
void (*g_wake)() = nullptr;
bool g_can_speak = false;

// shell/listen.js sets window.articleViewerSpeech when the browser has speechSynthesis. It is a
// deferred script after loader.js, and the program can start before it has run (the wasm compiled
// from the cache, the page still running its scripts): then it finds the program waiting and
// attaches itself (av_speech_available).
EM_JS(int, js_install_speech, (), {
    const speech = window.articleViewerSpeech;
    if (!speech) {
        window.articleViewerSpeechWaiting = (late) => {
            late.attach(Module);
            Module._av_speech_available();
        };
        return 0;
    }
    speech.attach(Module);
    return 1;
});

EM_JS(void, js_speech_command, (const char* command), {
    if (window.articleViewerSpeech) window.articleViewerSpeech.command(UTF8ToString(command));
});

void wake() {
    if (g_wake) g_wake();
}

}  // namespace

namespace av::web {

void install_listen(App& app, void (*wake_fn)()) {
    g_app = &app;
    g_wake = wake_fn;
    g_can_speak = js_install_speech() != 0;
}

bool can_speak() {
    return g_can_speak;
}

void speech(const std::string& command) {
    js_speech_command(command.c_str());
}

}  // namespace av::web

// --- Exported to the page (shell/listen.js) -------------------------------------------------------

extern "C" {

// shell/listen.js ran after the program started (js_install_speech): the page can speak.
EMSCRIPTEN_KEEPALIVE void av_speech_available() {
    g_can_speak = true;
    wake();
}

// Listen (or Resume when paused), Pause, Stop: what the toolbar's buttons do.
EMSCRIPTEN_KEEPALIVE void av_listen() {
    if (!g_app) return;
    g_app->listen();
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_pause_listening() {
    if (!g_app) return;
    g_app->pause_listening();
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_stop_listening() {
    if (!g_app) return;
    g_app->stop_listening();
    wake();
}

// The next utterance as JSON (App::next_utterance), "null" at the end; valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* av_listen_next() {
    static std::string next;
    next = g_app ? g_app->next_utterance() : "null";
    wake();
    return next.c_str();
}

EMSCRIPTEN_KEEPALIVE void av_listen_started(int id) {
    if (!g_app) return;
    g_app->utterance_started(id);
    wake();
}

// A boundary event: `char_index` and `char_length` in UTF-16 units of the utterance's text.
EMSCRIPTEN_KEEPALIVE void av_listen_boundary(int id, int char_index, int char_length) {
    if (!g_app || char_index < 0) return;
    g_app->speech_boundary(id, static_cast<std::uint32_t>(char_index),
                           static_cast<std::uint32_t>(char_length > 0 ? char_length : 0));
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_listen_failed(const char* message) {
    if (!g_app) return;
    g_app->speech_failed(message);
    wake();
}

EMSCRIPTEN_KEEPALIVE void av_listen_no_voice(const char* lang, const char* name) {
    if (!g_app) return;
    g_app->no_voice(lang, name);
    wake();
}

}  // extern "C"
