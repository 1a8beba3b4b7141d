// Workaround (Dear ImGui 1.92, web build only): ImGui's error recovery (ImGui::End, EndFrame) ends
// whatever a window left open: a table, a tab bar, a multi-selection, a menu bar, legacy columns.
// Those calls keep the whole of each feature in the wasm although this program opens none of them
// (wasm/ui uses no BeginTable, BeginTabBar, BeginMultiSelect, BeginMenuBar or Columns): 24 KB of
// code, 13 KB of a first visit gzipped (BENCHMARKS.md, "Transfer size"). The link wraps each of
// these entry points (-Wl,--wrap, wasm/CMakeLists.txt) with the definitions below, so nothing
// references the real ones and the linker drops them.
//
// Error recovery calls an End* only when the matching Begin* ran, which cannot happen without a
// call in our code; should one be added, its End* would land here and stop the program with a
// message naming the feature instead of silently doing nothing. Initialize registers the tables'
// .ini handler unconditionally: this program keeps no .ini (io.IniFilename is null), so it is not
// registered.
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void compiled_out(const char* what) {
    std::fprintf(stderr, "article-viewer: ImGui's %s is left out of the web build (wasm/platform/imgui_trim.cpp)\n", what);
    std::abort();
}

}  // namespace

// The mangled names of ImGui::EndTable(), EndTabBar(), EndMultiSelect(), EndMenuBar(),
// EndColumns() and TableSettingsAddSettingsHandler().
extern "C" {
void __wrap__ZN5ImGui8EndTableEv() { compiled_out("EndTable"); }
void __wrap__ZN5ImGui9EndTabBarEv() { compiled_out("EndTabBar"); }
void* __wrap__ZN5ImGui14EndMultiSelectEv() { compiled_out("EndMultiSelect"); }
void __wrap__ZN5ImGui10EndMenuBarEv() { compiled_out("EndMenuBar"); }
void __wrap__ZN5ImGui10EndColumnsEv() { compiled_out("EndColumns"); }
void __wrap__ZN5ImGui31TableSettingsAddSettingsHandlerEv() {}
}
