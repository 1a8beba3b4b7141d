// Characters typed right after a shortcut opens a text field (Ctrl+F, Ctrl+O) reach ImGui before
// the field is active, and nothing else takes them: kept here and typed into the field once it
// is (a fast typist, a slow device), instead of lost.
#pragma once

#include <imgui.h>

#include <string>

namespace av {

class KeptTyping {
public:
    // Takes the characters ImGui has queued. Call in the frames the field asks for the keyboard.
    void keep();
    void clear() { typed_.clear(); }
    // Text that reached the page as text, not as keys: what the browser composed or pasted
    // (platform/web_input.cpp). Typed in the same way, even while Ctrl is held (a paste), when
    // ImGui's field would drop characters.
    void add(const std::string& text) { typed_ += text; }
    // Types what was kept at the cursor, over the selection the field makes when it takes the
    // keyboard: from the field's callback (ImGuiInputTextFlags_CallbackAlways).
    void type_into(ImGuiInputTextCallbackData* data);
    // That callback, for a field whose user data is this KeptTyping.
    static int callback(ImGuiInputTextCallbackData* data) {
        static_cast<KeptTyping*>(data->UserData)->type_into(data);
        return 0;
    }

private:
    std::string typed_;  // UTF-8
};

}  // namespace av
