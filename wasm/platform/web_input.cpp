// The browser's input into ImGui (web_input.hpp): DOM key codes to ImGui keys, text through the
// browser's own text input (a hidden field), wheel deltas in one unit whatever the browser, one
// finger as a touch mouse, two as a pinch.
#include "web_input.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cfloat>
#include <cmath>
#include <cstring>

namespace av::web {
namespace {

App* g_app = nullptr;
void (*g_wake)() = nullptr;

// Text reaches ImGui through a hidden <textarea> that has the keyboard while an ImGui text field
// wants it (sync_text_input): the browser composes there what keydown events cannot carry, dead
// keys ("é" typed as ´ then e), IME text, AltGr and Option characters ("@", "œ"), and pastes
// there with Ctrl+V / Cmd+V from the system clipboard (reader-visible defects issue, item 4). Its
// text goes to ImGui as characters and the field is emptied. What is composed arrives once, at
// compositionend; a paste longer than any field is cut before it crosses (ccall's strings live
// on the stack).
EM_JS(void, js_install_text_input, (), {
    const field = document.createElement("textarea");
    field.className = "text-input";
    field.setAttribute("aria-hidden", "true");
    field.setAttribute("autocomplete", "off");
    field.setAttribute("autocapitalize", "off");
    field.spellcheck = false;
    field.tabIndex = -1;
    document.body.appendChild(field);
    const send = () => {
        const text = field.value.slice(0, 1024);
        field.value = "";
        if (text) Module.ccall("av_text_input", null, ["string"], [text]);
    };
    field.addEventListener("input", (e) => { if (!e.isComposing) send(); });
    field.addEventListener("compositionend", send);
    Module.textInput = field;
});

EM_JS(int, js_text_input_focused, (), { return document.activeElement === Module.textInput ? 1 : 0; });

// The field takes the keyboard while ImGui's text field wants it; then gives it back to the
// canvas, unless the reader has moved it elsewhere (the page's controls).
EM_JS(void, js_focus_text_input, (int focus), {
    const field = Module.textInput;
    if (!field) return;
    if (focus) field.focus({ preventScroll: true });
    else if (document.activeElement === field && Module.canvas) Module.canvas.focus({ preventScroll: true });
});

bool g_text_wanted = false;

ImGuiKey key_from_code(const char* code) {
    struct Entry { const char* code; ImGuiKey key; };
    static const Entry table[] = {
        {"ArrowDown", ImGuiKey_DownArrow}, {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow}, {"PageDown", ImGuiKey_PageDown}, {"PageUp", ImGuiKey_PageUp},
        {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"Space", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter},
        {"NumpadEnter", ImGuiKey_KeypadEnter}, {"Escape", ImGuiKey_Escape}, {"Tab", ImGuiKey_Tab},
        {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete}, {"Equal", ImGuiKey_Equal},
        {"Minus", ImGuiKey_Minus}, {"NumpadAdd", ImGuiKey_KeypadAdd}, {"NumpadSubtract", ImGuiKey_KeypadSubtract},
        {"Digit0", ImGuiKey_0}, {"Numpad0", ImGuiKey_Keypad0}, {"KeyA", ImGuiKey_A}, {"KeyC", ImGuiKey_C},
        {"KeyF", ImGuiKey_F}, {"KeyG", ImGuiKey_G}, {"KeyH", ImGuiKey_H}, {"F3", ImGuiKey_F3}, {"KeyO", ImGuiKey_O}, {"KeyV", ImGuiKey_V}, {"KeyX", ImGuiKey_X},
        {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
        {"AltLeft", ImGuiKey_LeftAlt}, {"AltRight", ImGuiKey_RightAlt},
        {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
    };
    for (const Entry& e : table)
        if (std::strcmp(code, e.code) == 0) return e.key;
    return ImGuiKey_None;
}

void add_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    add_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    const ImGuiKey key = key_from_code(e->code);
    if (key != ImGuiKey_None) io.AddKeyEvent(key, type == EMSCRIPTEN_EVENT_KEYDOWN);
    const bool in_field = js_text_input_focused() != 0;
    if (in_field) {
        // The field's input events bring the text. The browser keeps what makes text (printable
        // keys, Space, dead keys, Ctrl+V); the viewer takes what moves it or leaves the field.
        g_wake();
        const bool command = (e->ctrlKey || e->metaKey) && !e->altKey;
        if (command) return key == ImGuiKey_F || key == ImGuiKey_G || key == ImGuiKey_O;
        return key == ImGuiKey_Enter || key == ImGuiKey_KeypadEnter || key == ImGuiKey_Escape || key == ImGuiKey_Tab ||
               key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow || key == ImGuiKey_F3;
    }
    // Keys typed before the field has the keyboard (right after Ctrl+F) come from keydown.
    if (type == EMSCRIPTEN_EVENT_KEYDOWN && !e->ctrlKey && !e->metaKey && !e->altKey && std::strlen(e->key) > 0 &&
        std::strlen(e->key) <= 4 && static_cast<unsigned char>(e->key[0]) >= 0x20) {
        // `key` holds the character typed when it is one character long (as UTF-8).
        if (std::strlen(e->key) == 1 || static_cast<unsigned char>(e->key[0]) >= 0x80) io.AddInputCharactersUTF8(e->key);
    }
    g_wake();
    // Keep the browser's own shortcuts (reload, find, ...); take the keys the viewer uses: the
    // scrolling keys, so the page does not scroll behind the canvas, and Ctrl+= / Ctrl+- / Ctrl+0,
    // which resize the text sharply instead of zooming the page.
    const bool plain = !e->ctrlKey && !e->metaKey && !e->altKey;
    const bool command = (e->ctrlKey || e->metaKey) && !e->altKey;
    if (command) {
        // Ctrl+F / Cmd+F and Ctrl+G open the viewer's own find (the browser's cannot see the canvas);
        // Ctrl+O: Open file…
        return key == ImGuiKey_Equal || key == ImGuiKey_Minus || key == ImGuiKey_0 || key == ImGuiKey_KeypadAdd ||
               key == ImGuiKey_KeypadSubtract || key == ImGuiKey_Keypad0 || key == ImGuiKey_O || key == ImGuiKey_F ||
               key == ImGuiKey_G;
    }
    if (key == ImGuiKey_F3) return true;
    return plain && (key == ImGuiKey_DownArrow || key == ImGuiKey_UpArrow || key == ImGuiKey_PageDown ||
                     key == ImGuiKey_PageUp || key == ImGuiKey_Home || key == ImGuiKey_End || key == ImGuiKey_Space);
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    add_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
        if (button >= 0) io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    g_wake();
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // DOM wheel deltas come in pixels (Chromium), lines (Firefox) or pages. One ImGui wheel unit is
    // one notch of a Chromium mouse wheel (100 px); lines and pages are converted to match.
    double dy = e->deltaY, dx = e->deltaX;
    if (e->deltaMode == DOM_DELTA_LINE) { dy *= 33.0; dx *= 33.0; }
    else if (e->deltaMode == DOM_DELTA_PAGE) { dy *= ImGui::GetIO().DisplaySize.y; dx *= ImGui::GetIO().DisplaySize.y; }
    // Ctrl+wheel, and a trackpad's pinch (the browser sends it so, with no key pressed): the text
    // size, sharp, instead of the browser zooming a picture of the page. Taken (true) so it does not.
    if (e->mouse.ctrlKey) g_app->zoom_by_wheel(static_cast<float>(-dy / 100.0));
    else ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-dx / 100.0), static_cast<float>(-dy / 100.0));
    g_wake();
    return true;
}

// One finger acts as a mouse marked as touch: the reading view scrolls with it and flings, and
// a long press selects (ui/reader_view.cpp).
// Two fingers pinch the text size, as they would zoom a page (reader-visible defects issue, item
// 18): the size follows the fingers' distance from where the pinch began. The one-finger touch in
// progress is let go away from any link, so the pinch neither scrolls nor follows one; until every
// finger is up, nothing else happens.
struct Pinch {
    bool active = false;
    double start_distance = 0;
    float start_size = 0;
} g_pinch;

bool pinch(int type, const EmscriptenTouchEvent* e) {
    const EmscriptenTouchPoint* down[2] = {nullptr, nullptr};
    int fingers = 0;
    for (int i = 0; i < e->numTouches; ++i) {
        const bool lifted = e->touches[i].isChanged && (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL);
        if (lifted) continue;
        if (fingers < 2) down[fingers] = &e->touches[i];
        ++fingers;
    }
    const auto distance = [&] {
        return std::hypot(static_cast<double>(down[0]->targetX - down[1]->targetX),
                          static_cast<double>(down[0]->targetY - down[1]->targetY));
    };
    if (fingers >= 2 && !g_pinch.active) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        io.AddMouseButtonEvent(0, false);
        g_app->touch(TouchPhase::cancel, e->timestamp / 1000.0, 0);
        g_pinch = Pinch{true, std::max(distance(), 1.0), g_app->font_size()};
        return true;
    }
    if (!g_pinch.active) return false;
    if (fingers >= 2 && type == EMSCRIPTEN_EVENT_TOUCHMOVE)
        g_app->set_font_size(static_cast<float>(g_pinch.start_size * distance() / g_pinch.start_distance));
    if (fingers == 0) g_pinch.active = false;
    return true;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (pinch(type, e)) {
        g_wake();
        return true;
    }
    ImGuiIO& io = ImGui::GetIO();
    const EmscriptenTouchPoint* touch = nullptr;
    for (int i = 0; i < e->numTouches; ++i)
        if (e->touches[i].isChanged) touch = &e->touches[i];
    if (!touch) return false;
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(touch->targetX), static_cast<float>(touch->targetY));
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(0, true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) io.AddMouseButtonEvent(0, false);
    // The event's own time, for the fling: frames are drawn later, at their own pace.
    const TouchPhase phase = type == EMSCRIPTEN_EVENT_TOUCHSTART ? TouchPhase::start
                                 : type == EMSCRIPTEN_EVENT_TOUCHMOVE ? TouchPhase::move
                                 : type == EMSCRIPTEN_EVENT_TOUCHEND  ? TouchPhase::end
                                                                      : TouchPhase::cancel;
    g_app->touch(phase, e->timestamp / 1000.0, static_cast<float>(touch->targetY));
    g_wake();
    return true;  // no emulated mouse events, no page scroll
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    g_wake();
    return false;
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    g_wake();
    return false;
}

}  // namespace

void sync_text_input() {
    const bool wanted = ImGui::GetIO().WantTextInput;
    if (wanted == g_text_wanted) return;
    g_text_wanted = wanted;
    js_focus_text_input(wanted ? 1 : 0);
}

void install_input(App& app, const char* canvas_id, void (*wake)()) {
    g_app = &app;
    g_wake = wake;
    js_install_text_input();
    // Pastes come from the browser's paste into the field: ImGui's own Ctrl+V, which reads only
    // what ImGui itself copied, would insert a second, stale text.
    ImGui::GetPlatformIO().Platform_GetClipboardTextFn = [](ImGuiContext*) -> const char* { return nullptr; };
    const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_keydown_callback(window, nullptr, true, on_key);
    emscripten_set_keyup_callback(window, nullptr, true, on_key);
    emscripten_set_mousedown_callback(canvas_id, nullptr, true, on_mouse);
    emscripten_set_mouseup_callback(canvas_id, nullptr, true, on_mouse);
    emscripten_set_mousemove_callback(canvas_id, nullptr, true, on_mouse);
    emscripten_set_mouseleave_callback(canvas_id, nullptr, true, on_mouse);
    emscripten_set_wheel_callback(canvas_id, nullptr, false, on_wheel);
    emscripten_set_touchstart_callback(canvas_id, nullptr, false, on_touch);
    emscripten_set_touchmove_callback(canvas_id, nullptr, false, on_touch);
    emscripten_set_touchend_callback(canvas_id, nullptr, false, on_touch);
    emscripten_set_touchcancel_callback(canvas_id, nullptr, false, on_touch);
    emscripten_set_resize_callback(window, nullptr, true, on_resize);
    emscripten_set_focus_callback(window, nullptr, true, on_focus);
    emscripten_set_blur_callback(window, nullptr, true, on_focus);
}

}  // namespace av::web

extern "C" EMSCRIPTEN_KEEPALIVE void av_text_input(const char* text) {
    if (av::web::g_app) av::web::g_app->type_text(text);
    if (av::web::g_wake) av::web::g_wake();
}
