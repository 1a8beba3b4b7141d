#include "key_presses.hpp"

#include <imgui_internal.h>  // the input event queue

namespace av {
namespace {

bool command(ImGuiKeyChord mods) {
    return (mods & (ImGuiMod_Ctrl | ImGuiMod_Super)) != 0;
}

}  // namespace

void KeyPresses::collect() {
    presses_.clear();
    const ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g) return;
    // Events stay queued until ImGui takes them, possibly over several frames: each is read once.
    for (const ImGuiInputEvent& e : g->InputEventsQueue) {
        if (e.EventId <= last_event_) continue;
        last_event_ = e.EventId;
        if (e.Type == ImGuiInputEventType_Focus && !e.AppFocused.Focused) mods_ = 0;  // ImGui lets go of every key too
        if (e.Type != ImGuiInputEventType_Key) continue;
        const ImGuiKey key = e.Key.Key;
        if (key & ImGuiMod_Mask_) {
            mods_ = e.Key.Down ? (mods_ | key) : (mods_ & ~key);
        } else if (e.Key.Down) {
            presses_.push_back(Press{key, mods_});
        }
    }
}

int KeyPresses::presses(ImGuiKey key, Held held, bool repeat, int* shifted) const {
    int n = 0, with_shift = 0;
    for (const Press& p : presses_) {
        if (p.key != key || (held == Held::command && !command(p.mods))) continue;
        ++n;
        if (p.mods & ImGuiMod_Shift) ++with_shift;
    }
    // A repeat: the key has been down since an earlier frame (its first press was counted then).
    if (n == 0 && repeat && ImGui::IsKeyDown(key) && ImGui::GetKeyData(key)->DownDuration > 0.0f) {
        const ImGuiIO& io = ImGui::GetIO();
        if ((held == Held::any || io.KeyCtrl || io.KeySuper) && ImGui::IsKeyPressed(key, true)) {
            n = 1;
            with_shift = io.KeyShift ? 1 : 0;
        }
    }
    if (shifted) *shifted = with_shift;
    return n;
}

}  // namespace av
