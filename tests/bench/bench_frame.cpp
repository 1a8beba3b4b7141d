// Frame cost while scrolling (BENCHMARKS.md, "Scrolling"): the CPU side of a frame, i.e.
// av::App::frame() from ImGui::NewFrame() to ImGui::Render() (layout lookup, input handling and
// building ImGui's draw lists), with no GPU. ImGui runs headless: a display size, a time step, and
// texture requests marked as done by hand (what a renderer backend would do after uploading).
//
//   bench_frame [--frames N] [--width PX] [--height PX] [--fonts DIR] FILE...
//
// For each file: lays it out (not timed here: see bench_load), warms up, then reads through it:
// jumps to evenly spaced places (App::scroll_to_block, as the table of contents does) and, at
// each, scrolls with the mouse wheel for a few frames (smooth scrolling animates between notches).
// Prints the median, p90, p99 and max of the frame times as one JSON object per file.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <time.h>

#include "native_text.hpp"
#include "text/hb_text_engine.hpp"
#include "ui/app.hpp"

namespace {

double now_ms() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

// CPU time of this thread: other jobs on a shared machine barely disturb it (BENCHMARKS.md).
double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

// Hands the article over when asked, like a platform whose fetch answers at once; the fonts beyond
// the base faces and the text engine as the desktop gives them (wasm/platform/desktop.cpp), for an
// article in another script.
class BenchHost : public av::Host {
public:
    void fetch_article(const std::string& source) override { requested = source; }
    void open_link(const std::string&) override {}
    void set_title(const std::string&) override {}
    void fetch_font_catalog(unsigned) override {
        std::string bytes, error;
        if (av::native_text::read_catalog(bytes, error)) app->font_catalog_arrived(bytes, "");
        else app->font_catalog_arrived({}, error);
    }
    void fetch_font_files(const std::vector<std::pair<av::FontId, std::string>>& wanted) override {
        font_files += wanted.size();
        app->font_files_arrived(av::native_text::read_files(wanted));
    }
    void load_text_engine(bool dictionary) override {
        std::string error;
        if (av::HbTextEngine* engine = av::native_text::engine(dictionary, error)) {
            rich = true;
            app->text_engine_ready(engine);
        } else {
            app->text_engine_failed(error);
        }
    }
    std::string requested;
    av::App* app = nullptr;
    std::size_t font_files = 0;
    bool rich = false;
};

// What a renderer backend does with ImGui 1.92's texture requests, minus the GPU.
void process_textures() {
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->Status == ImTextureStatus_WantCreate) {
            tex->SetTexID(static_cast<ImTextureID>(1));
            tex->SetStatus(ImTextureStatus_OK);
        } else if (tex->Status == ImTextureStatus_WantUpdates) {
            tex->SetStatus(ImTextureStatus_OK);
        } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    int frames = 3000;
    float width = 1280, height = 800;
    std::string fonts_dir = "/usr/share/fonts/truetype/noto";
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bench_frame: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--frames") frames = std::max(20, std::atoi(value().c_str()));
        else if (a == "--width") width = static_cast<float>(std::atof(value().c_str()));
        else if (a == "--height") height = static_cast<float>(std::atof(value().c_str()));
        else if (a == "--fonts") fonts_dir = value();
        else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "usage: bench_frame [--frames N] [--width PX] [--height PX] [--fonts DIR] FILE...\n");
            return 2;
        } else files.push_back(a);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: bench_frame [--frames N] [--width PX] [--height PX] [--fonts DIR] FILE...\n");
        return 2;
    }

    int status = 0;
    for (const std::string& path : files) {
        std::ifstream in(path, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in && !in.eof()) {
            std::fprintf(stderr, "bench_frame: cannot read %s\n", path.c_str());
            status = 1;
            continue;
        }
        // A fresh context per file, so one article's glyphs and state never help the next.
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DisplayFramebufferScale = ImVec2(1, 1);
        io.DeltaTime = 1.0f / 60.0f;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
        BenchHost host;
        auto app = std::make_unique<av::App>(host, path);
        host.app = app.get();
        if (const std::string error = app->init(fonts_dir); !error.empty()) {
            std::fprintf(stderr, "bench_frame: %s\n", error.c_str());
            return 1;
        }
        app->open(path);
        app->article_arrived(host.requested, bytes);
        if (!app->error().empty()) {
            std::fprintf(stderr, "bench_frame: %s\n", app->error().c_str());
            ImGui::DestroyContext();
            status = 1;
            continue;
        }
        long long vertices = 0;  // drawn in the measured frames: proof that text was really drawn
        std::vector<double> wall;  // wall time of the same frames, for comparison
        auto frame = [&]() {
            const double w0 = now_ms(), t0 = cpu_ms();
            app->frame();
            const double t1 = cpu_ms(), w1 = now_ms();
            if (const ImDrawData* dd = ImGui::GetDrawData()) vertices += dd->TotalVtxCount;
            process_textures();
            wall.push_back(w1 - w0);
            return t1 - t0;
        };
        io.AddMousePosEvent(width / 2, height / 2);  // over the text, so the wheel scrolls it
        const double first_frame = frame();            // lays the article out: not a scrolling frame
        for (int i = 0; i < 30; ++i) frame();          // glyphs of the first screen, ImGui's own state
        // An article in another script waits for its fonts and engine (answered at once here) and
        // is laid out in the frame after: the measured frames start once it is ready.
        for (int i = 0; i < 600 && !app->ready(); ++i) frame();

        // Read through the article: `stops` evenly spaced jumps, then wheel notches at each stop.
        vertices = 0;
        wall.clear();
        std::vector<double> times;
        times.reserve(static_cast<std::size_t>(frames));
        const int per_stop = 20;
        const int stops = std::max(1, frames / per_stop);
        int block_count = 0;
        {
            // The block count, from the state the page reads.
            const std::string s = app->state_json();
            const std::size_t at = s.find("\"blocks\":");
            if (at != std::string::npos) block_count = std::atoi(s.c_str() + at + 9);
        }
        for (int stop = 0; stop < stops; ++stop) {
            app->scroll_to_block(static_cast<int>(static_cast<long long>(block_count) * stop / stops));
            times.push_back(frame());
            for (int f = 1; f < per_stop; ++f) {
                if (f % 4 == 1) io.AddMouseWheelEvent(0, -1);  // a notch every 4 frames; easing in between
                times.push_back(frame());
            }
        }
        std::printf(
            "{\"file\":\"%s\",\"bytes\":%zu,\"blocks\":%d,\"frames\":%zu,\"width\":%.0f,\"height\":%.0f,\"clock\":\"cpu\","
            "\"wall_median_ms\":%.4f,\"wall_p99_ms\":%.4f,"
            "\"first_frame_ms\":%.3f,\"median_ms\":%.4f,\"p90_ms\":%.4f,\"p99_ms\":%.4f,\"max_ms\":%.4f,"
            "\"vertices_per_frame\":%lld,\"ready\":%s,\"rich\":%s,\"font_files\":%zu}\n",
            path.c_str(), bytes.size(), block_count, times.size(), width, height, percentile(wall, 0.5), percentile(wall, 0.99),
            first_frame, percentile(times, 0.5),
            percentile(times, 0.9), percentile(times, 0.99), percentile(times, 1.0),
            times.empty() ? 0 : vertices / static_cast<long long>(times.size()), app->ready() ? "true" : "false",
            host.rich ? "true" : "false", host.font_files);
        std::fflush(stdout);
        app.reset();
        ImGui::DestroyContext();
    }
    return status;
}
