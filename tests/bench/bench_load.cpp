// Load throughput benchmark (BENCHMARKS.md, "Load"): parse + validate (load_article) and lay out
// (layout_article with the real Noto fonts measured by ImGui on the CPU) an article file, several
// times, and print the medians as one JSON object per file. The same source builds natively and
// as wasm for node (NODERAWFS reads the files and fonts from disk), so the two can be compared.
//
//   bench_load [--runs N] [--warmup N] [--width PX] [--font-size PX] [--fonts DIR] FILE...
//
// An article in a script beyond the base faces (Japanese, Arabic, ...) is laid out as the viewer
// lays it out: in the first run, between the load and the layout, the fonts its text needs are read
// from the build's fonts-more folder (FontCatalog::files_for) and, for rich paragraphs, the text
// engine (HarfBuzz, FriBidi, libunibreak) is given them; exactly what `article-viewer --layout`
// does (wasm/platform/cli.cpp). That setup is the fetch of the web's fonts and text module: it is
// printed apart ("text_setup_ms"), outside the load + layout time. In wasm the engine is linked
// into this program; on the web it is a second module called through JavaScript (BENCHMARKS.md).
//
// The first run (a warm-up) gives the memory figures and the cold time; then `--warmup` more
// unmeasured runs (default 2: in wasm, V8 recompiles the hot functions in the background meanwhile,
// which a CPU-time clock would otherwise count), then `--runs` measured ones (default 5).
//
// No timing is ever asserted here: the figures are for BENCHMARKS.md only.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/heap.h>
#include <malloc.h>
#else
#include <sys/resource.h>
#include <time.h>
#endif

#include "core/article_loader.hpp"
#include "core/json_reader.hpp"
#include "core/layout.hpp"
#include "native_text.hpp"
#include "text/hb_text_engine.hpp"
#include "ui/fonts.hpp"

namespace {

#ifdef __EMSCRIPTEN__
// Emscripten has no CPU-time clock; node has the process's (this program is single-threaded;
// V8's background compiler threads count too, mostly during the first run).
EM_JS(double, node_cpu_ms, (), {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
});
#endif

// Two clocks: wall time, and the CPU time of this process, which other jobs on a shared machine
// barely disturb (BENCHMARKS.md says which figure a target is judged on).
struct Stamp {
    double wall, cpu;
};

Stamp now() {
    using clock = std::chrono::steady_clock;
    const double wall = std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
#ifdef __EMSCRIPTEN__
    return {wall, node_cpu_ms()};
#else
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return {wall, static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6};
#endif
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Bytes of memory the program holds from the system: the wasm memory size (it only grows, so it
// is also the peak), or natively the peak resident set size.
double memory_bytes() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(emscripten_get_heap_size());
#else
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) * 1024.0;
#endif
}

// Bytes currently allocated with malloc (wasm only; natively not comparable, so 0).
double live_bytes() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(mallinfo().uordblks);
#else
    return 0;
#endif
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

// What the viewer does once an article that needs more than the base faces has arrived, as
// cli::layout_report does: the catalog, the files for the article's text, the engine for rich
// paragraphs. Returns the engine (null when the article needs none); counts the files read.
av::HbTextEngine* set_up_text(const av::TextNeeds& needs, av::FontSet& fonts, std::size_t& files_read) {
    std::string error;
    av::HbTextEngine* engine = needs.rich ? av::native_text::engine(needs.dictionary, error) : nullptr;
    if (needs.rich && !engine) std::fprintf(stderr, "bench_load: %s\n", error.c_str());
    std::string catalog_bytes;
    if (!needs.empty() && av::native_text::read_catalog(catalog_bytes, error)) {
        av::FontCatalog catalog;
        if (!catalog.parse(catalog_bytes, error)) std::fprintf(stderr, "bench_load: fonts.json: %s\n", error.c_str());
        fonts.set_catalog(std::move(catalog));
        std::vector<std::pair<av::FontId, std::string>> wanted;
        for (av::FontId id : fonts.catalog().files_for(needs)) wanted.emplace_back(id, fonts.catalog().files()[id].file);
        for (auto& [id, font] : av::native_text::read_files(wanted)) {
            fonts.add_file(id, std::move(font));
            ++files_read;
        }
    } else if (!needs.empty()) {
        std::fprintf(stderr, "bench_load: %s\n", error.c_str());
    }
    if (engine) {
        fonts.feed(*engine);
        fonts.set_engine(engine);
    }
    if (const std::string reload_error = fonts.reload(); !reload_error.empty())
        std::fprintf(stderr, "bench_load: %s\n", reload_error.c_str());
    return engine;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    int warmup = 2;
    float width = 1280, font_size = 20;
    std::string fonts_dir = "/usr/share/fonts/truetype/noto";
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bench_load: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--runs") runs = std::max(1, std::atoi(value().c_str()));
        else if (a == "--warmup") warmup = std::max(0, std::atoi(value().c_str()));
        else if (a == "--width") width = static_cast<float>(std::atof(value().c_str()));
        else if (a == "--font-size") font_size = static_cast<float>(std::atof(value().c_str()));
        else if (a == "--fonts") fonts_dir = value();
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "usage: bench_load [--runs N] [--warmup N] [--width PX] [--font-size PX] [--fonts DIR] FILE...\n");
            return 2;
        } else files.push_back(a);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: bench_load [--runs N] [--warmup N] [--width PX] [--font-size PX] [--fonts DIR] FILE...\n");
        return 2;
    }

    // ImGui measures text on the CPU: a context and the font files are enough (as in --layout).
    ImGui::CreateContext();
    av::FontSet fonts;
    if (const std::string error = fonts.load(fonts_dir); !error.empty()) {
        std::fprintf(stderr, "bench_load: %s\n", error.c_str());
        return 1;
    }
    const double memory_at_start = memory_bytes();
    const double live_at_start = live_bytes();

    int status = 0;
    for (const std::string& path : files) {
        std::vector<double> parse, load, layout, total, wall_load, wall_layout, wall_total;
        double first_total = 0, memory_after_first = 0, live_after_first = 0, live_tree = 0, live_article = 0,
               memory_article = 0;
        std::size_t bytes = 0, blocks = 0, lines = 0, font_files = 0;
        double text_setup = 0;
        bool text_ready = false, rich = false;
        av::HbTextEngine* engine = nullptr;
        bool failed = false;
        // Run 0 is the cold one (memory figures); runs 1..warmup are not measured either.
        for (int run = 0; run < 1 + warmup + runs && !failed; ++run) {
            const bool measured = run > warmup;
            // The file is read again each run, as the browser hands over a fresh copy each time.
            std::string text;
            if (!read_file(path, text)) {
                std::fprintf(stderr, "bench_load: cannot read %s\n", path.c_str());
                failed = true;
                break;
            }
            bytes = text.size();
            // Parsing alone into a whole JSON tree (no checks), for the breakdown; not in the first
            // run, whose memory figures must be the viewer's (it never builds the whole tree).
            const Stamp t0 = now();
            if (measured) {
                av::JsonReadResult parsed = av::read_json(text, av::LoadLimits{});
                if (parsed.kind != av::LoadErrorKind::none) {
                    std::fprintf(stderr, "bench_load: %s: %s\n", path.c_str(), parsed.error.c_str());
                    failed = true;
                    break;
                }
                if (live_tree == 0) live_tree = live_bytes();
            }
            const Stamp t1 = now();
            av::LoadResult loaded = av::load_article(text, path);
            const Stamp t2 = now();
            if (!loaded.ok()) {
                std::fprintf(stderr, "bench_load: %s\n", loaded.error.c_str());
                failed = true;
                break;
            }
            if (run == 0) {
                live_article = live_bytes();
                memory_article = memory_bytes();
            }
            // As in the viewer (App::article_arrived, then the next frame): the file's bytes are
            // gone by the time the article is laid out.
            std::string().swap(text);
            if (!text_ready) {
                // Once per file, in the cold run: the fonts and engine the article needs (none for
                // an article the base faces draw alone).
                rich = loaded.article.needs.rich;
                if (rich || !loaded.article.needs.empty()) {
                    const Stamp s0 = now();
                    engine = set_up_text(loaded.article.needs, fonts, font_files);
                    text_setup = now().cpu - s0.cpu;
                }
                text_ready = true;
            }
            // A new cache each run: the first layout of an article a reader opens, not its second.
            av::ShapeCache shape_cache;
            const Stamp t2b = now();
            const av::DocumentLayout doc = av::layout_article(loaded.article, fonts, av::LayoutParams{width, font_size, 0},
                                                              av::TextServices{engine, &fonts.catalog(), nullptr, &shape_cache});
            const Stamp t3 = now();
            if (measured) {
                parse.push_back(t1.cpu - t0.cpu);
                load.push_back(t2.cpu - t1.cpu);
                layout.push_back(t3.cpu - t2b.cpu);
                total.push_back(load.back() + layout.back());
                wall_load.push_back(t2.wall - t1.wall);
                wall_layout.push_back(t3.wall - t2b.wall);
                wall_total.push_back(wall_load.back() + wall_layout.back());
            }
            blocks = loaded.article.blocks.size();
            lines = doc.line_count();
            if (run == 0) {
                first_total = (t2.cpu - t1.cpu) + (t3.cpu - t2b.cpu);
                // Everything of one load is still alive here: the article and its layout (the
                // file's bytes and the JSON tree were alive during the load: the peak counts them).
                memory_after_first = memory_bytes();
                live_after_first = live_bytes();
            }
        }
        if (failed) {
            status = 1;
            continue;
        }
        const double mb = static_cast<double>(bytes) / 1e6;
        const double t = median(total), wt = median(wall_total);
        const double best = *std::min_element(total.begin(), total.end());
        std::printf(
            "{\"file\":\"%s\",\"bytes\":%zu,\"blocks\":%zu,\"lines\":%zu,\"runs\":%d,\"clock\":\"cpu\","
            "\"parse_ms\":%.3f,\"load_ms\":%.3f,\"layout_ms\":%.3f,\"total_ms\":%.3f,\"total_min_ms\":%.3f,\"first_total_ms\":%.3f,"
            "\"mb_per_s\":%.2f,\"best_mb_per_s\":%.2f,"
            "\"wall_load_ms\":%.3f,\"wall_layout_ms\":%.3f,\"wall_total_ms\":%.3f,\"wall_mb_per_s\":%.2f,"
            "\"memory_start\":%.0f,\"memory_after_load\":%.0f,\"memory_end\":%.0f,\"live_start\":%.0f,\"live_after_load\":%.0f,"
            "\"live_with_tree\":%.0f,\"live_with_article\":%.0f,\"memory_with_article\":%.0f,"
            "\"rich\":%s,\"font_files\":%zu,\"text_setup_ms\":%.3f,\"target\":\"%s\"}\n",
            path.c_str(), bytes, blocks, lines, runs, median(parse), median(load), median(layout), t, best, first_total,
            t > 0 ? mb / (t / 1000) : 0, best > 0 ? mb / (best / 1000) : 0, median(wall_load), median(wall_layout), wt,
            wt > 0 ? mb / (wt / 1000) : 0, memory_at_start, memory_after_first, memory_bytes(), live_at_start,
            live_after_first, live_tree, live_article, memory_article, rich ? "true" : "false", font_files, text_setup,
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
