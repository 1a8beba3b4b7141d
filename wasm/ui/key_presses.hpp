// The keyboard shortcuts' key presses, each with the modifiers held at the moment it was pressed.
//
// Why not ImGui::IsKeyPressed with io.KeyCtrl: ImGui feeds its queued input one change per key per
// frame, but changes of different keys in the same frame. When a frame comes late (a busy machine,
// a slow first frame), "C down, Ctrl up, C up" arrive together, ImGui takes C down and Ctrl up in
// one frame, and that frame sees C pressed with no Ctrl held: the Ctrl+C is lost. Measured on the
// desktop under load: one fast Ctrl+C in three (tests/desktop/test_copy.py). Reading the presses
// from ImGui's input queue, in order, keeps each press with its modifiers, on every platform.
#pragma once

#include <imgui.h>

#include <vector>

namespace av {

class KeyPresses {
public:
    // Which modifiers a shortcut asks for: any at all, or Ctrl or Cmd (Super), as the same thing.
    enum class Held { any, command };

    // Takes the key presses queued since the last call, with the modifiers held at each. Call once
    // per frame, before ImGui::NewFrame() consumes the queue.
    void collect();

    // How many times `key` was pressed with `held` since the last frame: a late frame can take
    // two quick presses at once, and each must count (two Ctrl+= are two steps of text size).
    // With `repeat`, ImGui's repeat while the key stays down counts too (the modifiers then are
    // those held now). `shifted`, if given, receives how many of them had Shift held.
    int presses(ImGuiKey key, Held held, bool repeat, int* shifted = nullptr) const;

    struct Press {
        ImGuiKey key;
        ImGuiKeyChord mods;  // ImGuiMod_ flags
    };
    // This frame's presses in the order they came: where that order matters (Shift+Right then
    // Shift+Down is not Shift+Down then Shift+Right).
    const std::vector<Press>& in_order() const { return presses_; }

private:
    std::vector<Press> presses_;  // this frame's
    ImGuiKeyChord mods_ = 0;      // held after the last event read
    unsigned last_event_ = 0;     // ImGuiInputEvent::EventId of the last event read
};

}  // namespace av
