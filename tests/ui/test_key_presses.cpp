// Shortcuts keep the modifiers held when their key went down, however late the frame that takes
// them (ui/key_presses.hpp). Runs ImGui on the CPU only: a context and frames, no drawing.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <imgui.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "ui/key_presses.hpp"

using namespace av;
using Held = KeyPresses::Held;

namespace {

// An ImGui context that runs frames without a renderer.
struct Context {
    Context() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800, 600);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        // ImGui makes the font atlas itself and would hand its texture to a renderer, which never
        // looks at it here. A base face, as the viewer's (ImGui's own font is left out of the build).
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
        // (Read here: the build leaves ImGui's file functions out too.)
        std::ifstream file(AV_FONTS_DIR "/NotoSans-Regular.ttf", std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
        REQUIRE(bytes.size() > 1000);
        void* data = ImGui::MemAlloc(bytes.size());  // the atlas owns and frees it
        std::memcpy(data, bytes.data(), bytes.size());
        REQUIRE(io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(bytes.size()), 16.0f));
    }
    ~Context() { ImGui::DestroyContext(); }
};

// One frame: the presses are collected before NewFrame, as App::frame does.
void frame(KeyPresses& keys) {
    keys.collect();
    ImGui::NewFrame();
}

void end_frame() {
    ImGui::EndFrame();
}

// Presses of Ctrl/Cmd+`k` (with repeats) over the next `frames` frames.
int presses_over(KeyPresses& keys, int frames, ImGuiKey k) {
    int n = 0;
    for (int i = 0; i < frames; ++i) {
        frame(keys);
        n += keys.presses(k, Held::command, true);
        end_frame();
    }
    return n;
}

void key(ImGuiKey k, bool down) {
    ImGui::GetIO().AddKeyEvent(k, down);
}

// What a platform backend queues for Ctrl going down or up (the modifier, then the key).
void ctrl(bool down) {
    key(ImGuiMod_Ctrl, down);
    key(ImGuiKey_LeftCtrl, down);
}

}  // namespace

TEST_CASE("Ctrl+C whose Ctrl is let go before the frame: still Ctrl+C, once") {
    Context context;
    KeyPresses keys;
    ctrl(true);
    frame(keys);
    end_frame();
    // A late frame: the rest of the chord is queued at once, Ctrl let go before C (as a quick
    // hand does).
    key(ImGuiKey_C, true);
    ctrl(false);
    key(ImGuiKey_C, false);
    frame(keys);
    // ImGui's own state in that frame has C pressed and no Ctrl: the chord would be lost.
    CHECK(ImGui::IsKeyPressed(ImGuiKey_C, false));
    CHECK_FALSE(ImGui::GetIO().KeyCtrl);
    CHECK(keys.presses(ImGuiKey_C, Held::command, false) == 1);
    end_frame();
    frame(keys);
    CHECK(keys.presses(ImGuiKey_C, Held::command, false) == 0);
    CHECK(keys.presses(ImGuiKey_C, Held::any, false) == 0);
    end_frame();
}

TEST_CASE("two quick presses that a late frame takes at once count twice, and once only") {
    Context context;
    KeyPresses keys;
    for (int i = 0; i < 2; ++i) {  // Ctrl+= twice, as a quick hand (or a test) types it
        ctrl(true);
        key(ImGuiKey_Equal, true);
        key(ImGuiKey_Equal, false);
        ctrl(false);
    }
    frame(keys);
    CHECK(keys.presses(ImGuiKey_Equal, Held::command, true) == 2);
    end_frame();
    // ImGui takes the queued changes over the next frames: none of them is a press again.
    CHECK(presses_over(keys, 10, ImGuiKey_Equal) == 0);
}

TEST_CASE("C typed after Ctrl is let go is not Ctrl+C, though the same frame takes both") {
    Context context;
    KeyPresses keys;
    ctrl(true);
    ctrl(false);
    key(ImGuiKey_C, true);
    frame(keys);
    CHECK(keys.presses(ImGuiKey_C, Held::command, false) == 0);
    CHECK(keys.presses(ImGuiKey_C, Held::any, false) == 1);
    end_frame();
}

TEST_CASE("Shift is reported as it was at the press") {
    Context context;
    KeyPresses keys;
    ctrl(true);
    key(ImGuiMod_Shift, true);
    key(ImGuiKey_G, true);
    key(ImGuiMod_Shift, false);
    frame(keys);
    int shifted = 0;
    CHECK(keys.presses(ImGuiKey_G, Held::command, false, &shifted) == 1);
    CHECK(shifted == 1);
    end_frame();
}

TEST_CASE("a held shortcut repeats only when asked to, and only with its modifier still held") {
    Context context;
    KeyPresses keys;
    ctrl(true);
    key(ImGuiKey_Equal, true);
    int with_repeat = 0, without = 0;
    for (int i = 0; i < 60; ++i) {  // one second held
        frame(keys);
        with_repeat += keys.presses(ImGuiKey_Equal, Held::command, true);
        without += keys.presses(ImGuiKey_Equal, Held::command, false);
        end_frame();
    }
    CHECK(without == 1);
    CHECK(with_repeat > 3);
    ctrl(false);
    CHECK(presses_over(keys, 30, ImGuiKey_Equal) == 0);
}

TEST_CASE("losing the window's focus lets go of the modifiers") {
    Context context;
    KeyPresses keys;
    ctrl(true);
    frame(keys);
    end_frame();
    ImGui::GetIO().AddFocusEvent(false);
    ImGui::GetIO().AddFocusEvent(true);
    key(ImGuiKey_C, true);
    frame(keys);
    CHECK(keys.presses(ImGuiKey_C, Held::command, false) == 0);
    end_frame();
}

TEST_CASE("a late frame's presses are listed in the order they came, each with its modifiers") {
    Context context;
    KeyPresses keys;
    // Shift+Right, Shift+Down, then Right alone: the keyboard's selection steps in this order.
    key(ImGuiMod_Shift, true);
    key(ImGuiKey_RightArrow, true);
    key(ImGuiKey_RightArrow, false);
    key(ImGuiKey_DownArrow, true);
    key(ImGuiKey_DownArrow, false);
    key(ImGuiMod_Shift, false);
    key(ImGuiKey_RightArrow, true);
    frame(keys);
    const std::vector<KeyPresses::Press>& got = keys.in_order();
    REQUIRE(got.size() == 3);
    CHECK(got[0].key == ImGuiKey_RightArrow);
    CHECK(got[0].mods == ImGuiMod_Shift);
    CHECK(got[1].key == ImGuiKey_DownArrow);
    CHECK(got[1].mods == ImGuiMod_Shift);
    CHECK(got[2].key == ImGuiKey_RightArrow);
    CHECK(got[2].mods == 0);
    end_frame();
}
