// What the largest files the loader accepts cost (docs/errors.md, "Limits"): the steps the web
// viewer takes for one article, in its order, with the memory held after each. The same source
// builds natively and as wasm for node, where the figure is the wasm memory: it only grows, so the
// last one is the peak of the whole sequence, which the memory budget is about.
//
//   limits_memory [--width PX] [--fonts DIR] FILE...
//
// Steps, as platform/web.cpp runs them: the file's bytes are copied into the heap; load_article
// (default limits); the first frame lays the article out and lays out the lines of the first
// screens, the bytes still held (av_article_arrived draws before it returns); the bytes are
// freed; the page's mirror asks for article_json. One JSON object per file on stdout; a refused
// file prints its error instead. Measures, never asserts (tests/bench/limits_memory.sh).
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#include <malloc.h>
#else
#include <sys/resource.h>
#endif

#include "core/article_json.hpp"
#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "ui/fonts.hpp"

namespace {

// The wasm memory (the peak: it never shrinks), or natively the peak resident set.
double memory_mib() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size()) / (1 << 20);
#else
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
#endif
}

double now_ms() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    float width = 1280;
    const float view_h = 800;
    std::string fonts_dir = "/usr/share/fonts/truetype/noto";
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--width" && i + 1 < argc) width = static_cast<float>(std::atof(argv[++i]));
        else if (a == "--fonts" && i + 1 < argc) fonts_dir = argv[++i];
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "usage: limits_memory [--width PX] [--fonts DIR] FILE...\n");
            return 2;
        } else files.push_back(a);
    }
    ImGui::CreateContext();
    av::FontSet fonts;
    if (const std::string error = fonts.load(fonts_dir); !error.empty()) {
        std::fprintf(stderr, "limits_memory: %s\n", error.c_str());
        return 1;
    }
    const double start = memory_mib();
    int status = 0;
    for (const std::string& path : files) {
        std::string bytes;
        if (!read_file(path, bytes)) {
            std::fprintf(stderr, "limits_memory: cannot read %s\n", path.c_str());
            status = 1;
            continue;
        }
        const std::size_t size = bytes.size();
        const double t0 = now_ms();
        av::LoadResult loaded = av::load_article(bytes, path);
        const double t1 = now_ms();
        const double after_load = memory_mib();
        if (!loaded.ok()) {
            std::printf("{\"file\":\"%s\",\"bytes\":%zu,\"refused\":true,\"load_ms\":%.0f,\"memory_mib\":%.1f}\n", path.c_str(),
                        size, t1 - t0, after_load);
            std::fprintf(stderr, "limits_memory: %s\n", loaded.error.c_str());
            std::fflush(stdout);
            continue;
        }
        const av::DocumentLayout doc = av::layout_article(loaded.article, fonts, av::LayoutParams{width, 20, 0});
        // The first frame draws the top; the view keeps a screen above and two below laid out.
        const auto [first, last] = doc.visible(0, 3 * view_h);
        std::size_t lines = 0;
        for (std::size_t i = first; i < last; ++i) lines += doc.lines(i).size();
        const double t2 = now_ms();
        const double after_layout = memory_mib();
        std::string().swap(bytes);  // the page frees them once av_article_arrived returns
        const std::string mirror = av::article_json(loaded.article);
        const double t3 = now_ms();
        const double after_mirror = memory_mib();
        std::printf(
            "{\"file\":\"%s\",\"bytes\":%zu,\"blocks\":%zu,\"warnings\":%zu,\"first_lines\":%zu,\"mirror_bytes\":%zu,"
            "\"load_ms\":%.0f,\"layout_ms\":%.0f,\"mirror_ms\":%.0f,"
            "\"memory_start_mib\":%.1f,\"after_load_mib\":%.1f,\"after_layout_mib\":%.1f,\"after_mirror_mib\":%.1f,"
            "\"target\":\"%s\"}\n",
            path.c_str(), size, loaded.article.blocks.size(), loaded.warnings.size(), lines, mirror.size(), t1 - t0, t2 - t1,
            t3 - t2, start, after_load, after_layout, after_mirror,
#ifdef __EMSCRIPTEN__
            "wasm"
#else
            "native"
#endif
        );
        std::fflush(stdout);
    }
    ImGui::DestroyContext();
    return status;
}
