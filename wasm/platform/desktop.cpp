// Desktop platform: a GLFW window with OpenGL 3.3, files from disk, links through xdg-open.
// Draws only when something happens (glfwWaitEvents), so an idle window costs no CPU.
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <spawn.h>
#include <unistd.h>
#include <sys/wait.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <stb/stb_image.h>

#include "cli.hpp"
#include "native_text.hpp"
#include "text/hb_text_engine.hpp"
#include "core/url.hpp"
#include "core/local_path.hpp"
#include "disk_files.hpp"
#include "file_store.hpp"
#include "gl_texture.hpp"
#include "screenshot.hpp"
#include "text/hyphen_dictionaries.hpp"
#include "ui/app.hpp"
#include "ui/open_file_panel.hpp"

extern char** environ;

namespace {

const char* const usage_text =
    "usage: article-viewer [FILE.json]            open an article in a window (default: the bundled seed)\n"
    "       article-viewer --check FILE.json...   validate article files; no display needed\n"
    "       article-viewer --layout FILE.json --width PX [--font-size PX] [--dump]\n"
    "                      [--font serif|sans|legible] [--justify] [--line-spacing X] [--measure N]\n"
    "                      [--breaking greedy|total] [--line-widths]\n"
    "                                             print a JSON layout report (its digest, the justified\n"
    "                                             lines' word spaces, and with --dump the layout as text);\n"
    "                                             no display needed\n"
    "       article-viewer --screenshot OUT.png [--size WxH] [FILE.json]\n"
    "                                             draw once, save the window as PNG, exit\n"
    "       article-viewer --quit-after SECONDS [FILE.json]\n"
    "                                             run normally, then print the state (frames drawn) and exit\n"
    "       article-viewer --library [FILE.json]  start with the Library shown (with the options above too)\n"
    "       article-viewer --justify ...           justified text, hyphenated (with the options above too)\n"
    "Environment: AV_FONTS_DIR (Noto fonts, default " AV_FONTS_DIR "),\n"
    "             AV_FAMILIES_DIR (the font families' files, default " AV_FAMILIES_DIR "),\n"
    "             AV_ASSETS_DIR (bundled articles, default " AV_ASSETS_DIR "),\n"
    "             AV_HYPHEN_DIR (hyphenation dictionaries, default " AV_HYPHEN_DIR "; then " AV_HYPHEN_SYSTEM_DIR ")\n";

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

class DesktopHost : public av::Host {
public:
    av::App* app = nullptr;
    GLFWwindow* window = nullptr;
    av::FileStore files;
    av::FileStore config{av::FileStore::config_dir()};  // settings.json
    av::FileStore data{av::FileStore::data_dir()};      // highlights/<id>.json
    av::DiskFiles disk;
    av::OpenFilePanel panel;
    std::string index_path;

    av::KeyValueStore& store() override { return files; }
    av::KeyValueStore& settings_store() override { return config; }
    av::KeyValueStore& highlights_store() override { return data; }
    // Exports go to the data folder's exports/, whose path the panel shows (README "Highlights").
    std::string export_folder() const override { return data.dir().empty() ? "" : data.dir() + "/exports"; }
    std::string save_export(const std::string& name, const std::string& mime, const std::string& bytes) override {
        (void)mime;
        const std::string folder = export_folder();
        if (folder.empty()) return "Not saved: neither XDG_DATA_HOME nor HOME is set";
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec) return "Not saved: " + folder + ": " + ec.message();
        const std::string path = folder + "/" + name;
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) return "Not saved: " + path + ": " + std::strerror(errno);
        const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
        const int error = written ? 0 : errno;
        if (std::fclose(f) != 0 || !written) return "Not saved: " + path + ": " + std::strerror(error ? error : errno);
        return "Saved to " + path;
    }
    bool read_text_file(const std::string& path, std::string& text, std::string& error) override {
        return av::cli::read_file(path, text, error);
    }
    // "Open file…" is the viewer's own panel over these, and the library reopens files by path.
    av::LocalFiles* local_files() override { return &disk; }
    av::FilePanel* file_panel() override { return &panel; }

    void fetch_index() override {
        std::string bytes, error;
        if (av::cli::read_file(index_path, bytes, error)) app->index_arrived(bytes, index_path);
    }

    void fetch_article(const std::string& source) override {
        std::string bytes, error;
        if (av::cli::read_file(source, bytes, error)) app->article_arrived(source, bytes);
        else app->article_failed(source, error);
    }

    void open_link(const std::string& url) override {
        // posix_spawn, not system(): the URL never passes through a shell.
        pid_t pid = 0;
        char* argv[] = {const_cast<char*>("xdg-open"), const_cast<char*>(url.c_str()), nullptr};
        if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) {
            std::fprintf(stderr, "article-viewer: cannot start xdg-open for %s\n", url.c_str());
        }
    }

    // Pictures next to the article file are decoded with stb_image (Debian's libstb). The desktop
    // build has no HTTP client: remote pictures keep their alt text.
    void fetch_image(std::uint32_t request, const std::string& src) override {
        if (!av::url::scheme(src).empty()) {
            app->image_failed(request);
            return;
        }
        std::string bytes, error;
        int w = 0, h = 0, channels = 0;
        unsigned char* pixels = nullptr;
        if (av::cli::read_file(src, bytes, error)) {
            pixels = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()),
                                           &w, &h, &channels, 4);
        }
        if (!pixels) {
            std::fprintf(stderr, "article-viewer: picture %s: %s\n", src.c_str(), error.empty() ? stbi_failure_reason() : error.c_str());
            app->image_failed(request);
            return;
        }
        app->image_arrived(request, pixels, w, h);
        stbi_image_free(pixels);
    }

    std::uint64_t create_texture(const unsigned char* rgba, int width, int height) override {
        return av::create_gl_texture(rgba, width, height);
    }
    void destroy_texture(std::uint64_t texture) override { av::destroy_gl_texture(texture); }

    void set_title(const std::string& title) override {
        if (window) glfwSetWindowTitle(window, (title + " — Article viewer").c_str());
    }

    // Text in every script: the same fonts and engine as the web's, read and linked here
    // (platform/native_text.hpp). Answered at once; the App reloads its fonts at its next frame.
    void fetch_font_catalog(unsigned) override {
        std::string bytes, error;
        if (av::native_text::read_catalog(bytes, error)) app->font_catalog_arrived(bytes, "");
        else app->font_catalog_arrived({}, error);
    }
    void fetch_font_files(const std::vector<std::pair<av::FontId, std::string>>& wanted) override {
        app->font_files_arrived(av::native_text::read_files(wanted));
    }
    void load_text_engine(bool dictionary) override {
        std::string error;
        if (av::HbTextEngine* engine = av::native_text::engine(dictionary, error)) app->text_engine_ready(engine);
        else app->text_engine_failed(error);
    }
    void load_hyphenation(const std::vector<std::string>& languages) override {
        std::vector<std::string> found;
        std::string error;
        const av::Hyphenator& dictionaries = av::native_text::hyphenation(languages, found, error);
        app->hyphenation_arrived(&dictionaries, found, error);
    }
};

DesktopHost* g_host = nullptr;

void on_drop(GLFWwindow*, int count, const char** paths) {
    if (count > 0 && g_host && g_host->app) g_host->app->open(paths[0]);
}

void draw(GLFWwindow* window, av::App& app) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    app.frame();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string screenshot, file;
    int width = 1100, height = 800;
    bool layout = false, dump = false, library = false, justify = false;
    float quit_after = 0;
    float layout_width = 0, font_size = 20;
    av::cli::LayoutOptions layout_options;
    auto number = [](const std::string& text, float lo, float hi, float& out) {
        char* end = nullptr;
        const float v = std::strtof(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0' || !(v >= lo && v <= hi)) return false;
        out = v;
        return true;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage_text, stdout);
            return 0;
        } else if (a == "--check") {
            return av::cli::check(std::vector<std::string>(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end()));
        } else if (a == "--layout") {
            layout = true;
        } else if (a == "--dump") {
            dump = true;
        } else if (a == "--justify") {  // --layout's, and the window's (justified from the start)
            layout_options.justify = true;
            justify = true;
        } else if (a == "--line-widths") {
            layout_options.line_widths = true;
        } else if (a == "--font" && i + 1 < args.size()) {
            layout_options.font = args[++i];
        } else if (a == "--breaking" && i + 1 < args.size()) {
            const std::string& b = args[++i];
            if (b != "greedy" && b != "total") {
                std::fprintf(stderr, "article-viewer: --breaking takes greedy or total\n");
                return av::cli::usage;
            }
            layout_options.greedy = b == "greedy";
        } else if (a == "--line-spacing" && i + 1 < args.size()) {
            if (!number(args[++i], 1, 3, layout_options.line_spacing)) {
                std::fprintf(stderr, "article-viewer: --line-spacing takes a number from 1 to 3\n");
                return av::cli::usage;
            }
        } else if (a == "--measure" && i + 1 < args.size()) {
            float m = 0;
            if (!number(args[++i], 45, 90, m) || m != std::floor(m)) {
                std::fprintf(stderr, "article-viewer: --measure takes a number of characters from 45 to 90\n");
                return av::cli::usage;
            }
            layout_options.measure = static_cast<int>(m);
        } else if (a == "--library") {
            library = true;
        } else if (a == "--width" && i + 1 < args.size()) {
            if (!number(args[++i], 50, 100000, layout_width)) {
                std::fprintf(stderr, "article-viewer: --width takes a number of pixels from 50 to 100000\n");
                return av::cli::usage;
            }
        } else if (a == "--font-size" && i + 1 < args.size()) {
            if (!number(args[++i], 6, 200, font_size)) {
                std::fprintf(stderr, "article-viewer: --font-size takes a number of pixels from 6 to 200\n");
                return av::cli::usage;
            }
        } else if (a == "--quit-after" && i + 1 < args.size()) {
            if (!number(args[++i], 0.1f, 86400, quit_after)) {
                std::fprintf(stderr, "article-viewer: --quit-after takes a number of seconds\n");
                return av::cli::usage;
            }
        } else if (a == "--screenshot" && i + 1 < args.size()) {
            screenshot = args[++i];
        } else if (a == "--size" && i + 1 < args.size()) {
            if (std::sscanf(args[++i].c_str(), "%dx%d", &width, &height) != 2 || width < 100 || height < 100 ||
                width > 8192 || height > 8192) {
                std::fprintf(stderr, "article-viewer: --size takes WIDTHxHEIGHT, e.g. 1100x800\n");
                return av::cli::usage;
            }
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "article-viewer: unknown option %s\n%s", a.c_str(), usage_text);
            return av::cli::usage;
        } else if (file.empty()) {
            file = a;
        } else {
            std::fprintf(stderr, "article-viewer: one article at a time\n%s", usage_text);
            return av::cli::usage;
        }
    }
    if (layout) {
        if (file.empty() || layout_width <= 0) {
            std::fprintf(stderr, "usage: article-viewer --layout FILE.json --width PX [--font-size PX] [--dump] [...]: see --help\n");
            return av::cli::usage;
        }
        layout_options.width = layout_width;
        layout_options.font_size = font_size;
        layout_options.dump = dump;
        return av::cli::layout_report(file, layout_options, env_or("AV_FONTS_DIR", AV_FONTS_DIR));
    }
    const std::string assets = env_or("AV_ASSETS_DIR", AV_ASSETS_DIR);
    const std::string default_article = assets + "/" AV_DEFAULT_ARTICLE;
    if (file.empty()) file = default_article;
    // FILE.json#block-id opens at that block, like a deep link on the web.
    std::string fragment;
    if (const std::size_t hash = file.rfind('#'); hash != std::string::npos && access(file.c_str(), F_OK) != 0) {
        fragment = file.substr(hash + 1);
        file.erase(hash);
    }
    // The source is kept with the reading position: the library reopens it from any folder.
    if (av::local_path::is_local(file) && file[0] != '/') {
        if (const std::string cwd = av::DiskFiles().working_folder(); !cwd.empty()) file = av::local_path::absolute(cwd, file);
    }

    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
    if (!glfwInit()) {
        std::fprintf(stderr, "article-viewer: no display (is DISPLAY set?). --check works without one.\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    if (!screenshot.empty()) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(width, height, "Article viewer", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "article-viewer: cannot open an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    DesktopHost host;
    g_host = &host;
    host.window = window;
    host.index_path = assets + "/articles/index.json";
    av::App app(host, default_article);
    host.app = &app;
    // The font families' files (families/<name>/...) are cut at build time (CMakeLists.txt), beside
    // Debian's whole Noto faces which the fonts folder holds.
    app.set_families_dir(env_or("AV_FAMILIES_DIR", AV_FAMILIES_DIR));
    app.init(env_or("AV_FONTS_DIR", AV_FONTS_DIR));
    glfwSetDropCallback(window, on_drop);
    app.open(file, fragment);
    if (justify) app.set_justify(true);
    if (library) app.show_library(true);

    int exit_code = 0;
    if (!screenshot.empty()) {
        // Draw until the article (or its error screen) is on screen and settled, then save.
        for (int i = 0; i < 10 && (app.wants_frame() || i < 3); ++i) {
            glfwPollEvents();
            draw(window, app);
        }
        app.flush();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        const std::string error = av::save_framebuffer_png(screenshot, w, h);
        if (!error.empty()) std::fprintf(stderr, "article-viewer: %s\n", error.c_str());
        std::printf("%s\n", app.state_json().c_str());
        exit_code = error.empty() && app.ready() ? 0 : 1;
    } else {
        // Idle is free: block in glfwWaitEvents until something happens, then draw a few frames so
        // ImGui's hover and focus state settles; keep drawing only while an animation runs.
        // Timed work (saving the position once the reader settles) wakes the loop with a timeout
        // and draws nothing unless it changes what is on screen.
        int pending = 3;
        const double deadline = quit_after > 0 ? glfwGetTime() + quit_after : 0;
        while (!glfwWindowShouldClose(window)) {
            bool redraw = false;
            const double tick_in = app.tick(redraw);
            if (redraw) pending = std::max(pending, 1);
            if (pending > 0 || app.wants_frame()) {
                glfwPollEvents();
            } else {
                double wait = tick_in;
                if (deadline > 0) wait = wait < 0 ? deadline - glfwGetTime() : std::min(wait, deadline - glfwGetTime());
                const double before = glfwGetTime();
                if (wait < 0) glfwWaitEvents();
                else glfwWaitEventsTimeout(std::max(wait, 0.0));
                // Returning before the timeout means an event (input, resize, expose) arrived; a
                // timeout alone is no reason to draw.
                const bool event = wait < 0 || glfwGetTime() - before < wait - 0.002;
                pending = event ? 3 : 0;
            }
            if (deadline > 0 && glfwGetTime() >= deadline) break;
            if (pending == 0 && !app.wants_frame()) continue;
            draw(window, app);
            glfwSwapBuffers(window);
            if (pending > 0) --pending;
        }
        app.flush();
        if (deadline > 0) std::printf("%s\n", app.state_json().c_str());
    }

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
