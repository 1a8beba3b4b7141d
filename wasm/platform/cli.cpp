#include "cli.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <map>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "core/layout_digest.hpp"
#include "core/utf8.hpp"
#include "ui/fonts.hpp"
#include "ui/missing_glyphs.hpp"
#include "native_text.hpp"
#include "text/hb_text_engine.hpp"

namespace av::cli {

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = path + ": is a folder, not an article file";
        return false;
    }
    // Refuse before reading what the loader would refuse anyway, so a huge file costs nothing.
    const LoadLimits limits;
    if (static_cast<unsigned long long>(st.st_size) > limits.max_file_bytes) {
        error = path + ": file is " + std::to_string(st.st_size) + " bytes, more than the limit of " +
                std::to_string(limits.max_file_bytes);
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

int check(const std::vector<std::string>& args) {
    // Everything after --check is a file, but an option there is a typo, not a file to report
    // missing: a usage error (exit 2). "--" ends the options, for files whose names start with "-".
    std::vector<std::string> files;
    bool options = true;
    for (const std::string& a : args) {
        if (options && a == "--") {
            options = false;
        } else if (options && a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "article-viewer: --check takes files, not the option %s\n", a.c_str());
            return usage;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: article-viewer --check [--] FILE.json...\n");
        return usage;
    }
    int result = ok;
    for (const std::string& path : files) {
        std::string bytes, error;
        if (!read_file(path, bytes, error)) {
            std::printf("%s\n", error.c_str());
            result = invalid;
            continue;
        }
        const LoadResult r = load_article(bytes, path);
        for (const std::string& w : r.warnings) std::printf("warning: %s\n", w.c_str());
        if (!r.ok()) {
            std::printf("%s\n", r.error.c_str());
            result = invalid;
        }
    }
    return result;
}

int layout_report(const std::string& file, float width, float font_size, const std::string& fonts_dir, bool dump) {
    std::string bytes, error;
    if (!read_file(file, bytes, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return invalid;
    }
    const LoadResult loaded = load_article(bytes, file);
    for (const std::string& w : loaded.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    if (!loaded.ok()) {
        std::fprintf(stderr, "%s\n", loaded.error.c_str());
        return invalid;
    }
    // ImGui measures text on the CPU: a context and the font files are enough, no GPU or window.
    ImGui::CreateContext();
    FontSet fonts;
    const std::string font_error = fonts.load(fonts_dir);
    if (!font_error.empty()) {
        std::fprintf(stderr, "article-viewer: %s\n", font_error.c_str());
        ImGui::DestroyContext();
        return invalid;
    }
    // The fonts beyond the base faces and the engine, as the window would have them for this
    // article (docs/text-pipeline.md).
    const TextNeeds& needs = loaded.article.needs;
    std::string text_error;
    HbTextEngine* engine = needs.rich ? native_text::engine(needs.dictionary, text_error) : nullptr;
    if (needs.rich && !engine) std::fprintf(stderr, "article-viewer: %s\n", text_error.c_str());
    std::string catalog_bytes;
    if (!needs.empty() && native_text::read_catalog(catalog_bytes, text_error)) {
        FontCatalog catalog;
        if (!catalog.parse(catalog_bytes, text_error)) std::fprintf(stderr, "article-viewer: fonts.json: %s\n", text_error.c_str());
        fonts.set_catalog(std::move(catalog));
        std::vector<std::pair<FontId, std::string>> wanted;
        for (FontId id : fonts.catalog().files_for(needs)) wanted.emplace_back(id, fonts.catalog().files()[id].file);
        for (auto& [id, font] : native_text::read_files(wanted)) fonts.add_file(id, std::move(font));
    }
    if (engine) {
        fonts.feed(*engine);
        fonts.set_engine(engine);
    }
    const std::string reload_error = fonts.reload();
    if (!reload_error.empty()) std::fprintf(stderr, "article-viewer: %s\n", reload_error.c_str());
    const DocumentLayout doc =
        layout_article(loaded.article, fonts, LayoutParams{width, font_size, 0}, TextServices{engine, &fonts.catalog()});
    // Every character drawn, checked against the fonts that draw it (ui/missing_glyphs.hpp).
    std::map<char32_t, std::size_t> missing;
    std::size_t missing_total = 0;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i)
        for (const Line& l : doc.lines(i)) missing_total += missing_glyphs(l, fonts, &missing);
    nlohmann::json report;
    report["file"] = file;
    report["width"] = width;
    report["font_size"] = doc.params.font_size;
    report["column_x"] = doc.column_x;
    report["column_width"] = doc.column_width;
    report["blocks"] = loaded.article.blocks.size();
    report["lines"] = doc.line_count();
    report["height"] = doc.height;
    report["overflow_lines"] = doc.overflow_lines();
    report["reading_minutes"] = doc.reading_minutes;
    report["missing_glyphs"] = missing_total;
    report["digest"] = layout_digest(doc);
    if (dump) report["dump"] = layout_text(doc);
    nlohmann::json chars = nlohmann::json::array();
    for (const auto& [cp, count] : missing) {
        if (chars.size() == 50) break;  // enough to see which script is missing
        char name[16];
        std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(cp));
        chars.push_back(name);
    }
    report["missing_examples"] = chars;
    report["warnings"] = loaded.warnings.size();
    std::printf("%s\n", report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    ImGui::DestroyContext();
    return ok;
}

}  // namespace av::cli
