#include "cli.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <map>

#include "core/article_loader.hpp"
#include "core/font_family.hpp"
#include "core/layout.hpp"
#include "core/text/hyphenation_cache.hpp"
#include "core/layout_digest.hpp"
#include "core/utf8.hpp"
#include "ui/fonts.hpp"
#include "ui/missing_glyphs.hpp"
#include "native_text.hpp"
#include "text/hb_text_engine.hpp"
#include "text/hyphen_dictionaries.hpp"

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

namespace {

// The word-space figures of justified lines (docs/text-pipeline.md, "Justified text"): for each
// justified line, its widest space as a multiple of the face's normal space; lines justified
// between characters (CJK) apart (`char_gap`), by what each gap gains as a multiple of the font size.
nlohmann::json word_spaces(const DocumentLayout& doc, const TextMeasurer& m) {
    std::vector<double> ratios;
    std::vector<double> gaps;       // lines justified between characters (CJK): each gap's extra, in ems
    std::size_t unjustifiable = 0;  // full lines with no space to widen (a long word, a URL)
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        for (const Line& l : doc.lines(i)) {
            if (!l.justified) continue;
            // Their spaces take what their gaps take: they are figured apart, per gap.
            if (l.char_gap > 0 && !l.spans.empty() && l.spans.front().size > 0) {
                gaps.push_back(static_cast<double>(l.char_gap) / static_cast<double>(l.spans.front().size));
                continue;
            }
            double widest = 1;
            bool space = false;
            // A rich line's shaped spans keep their widened spaces in their glyphs: such a line
            // counts through its code-point spans (Span::word_space) only.
            const bool counted = !l.visual || std::any_of(l.spans.begin(), l.spans.end(), [](const Span& s) { return s.word_space > 0; });
            if (!counted) continue;
            for (const Span& s : l.spans) {
                if (s.text.find(' ') == std::string::npos) continue;
                space = true;
                const float normal = m.width(" ", s.face, s.size);
                if (normal > 0) widest = std::max(widest, (normal + s.word_space) / static_cast<double>(normal));
            }
            if (space) ratios.push_back(widest);
            else ++unjustifiable;
        }
    }
    std::sort(ratios.begin(), ratios.end());
    std::sort(gaps.begin(), gaps.end());
    auto percentile = [](const std::vector<double>& v, double p, double none) {
        if (v.empty()) return none;
        const auto k = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size()))) - (p > 0 ? 1 : 0);
        return std::round(v[std::min(k, v.size() - 1)] * 1000) / 1000;
    };
    auto pct = [&](double p) { return percentile(ratios, p, 1.0); };
    nlohmann::json out;
    out["lines"] = ratios.size();
    out["p50"] = pct(50);
    out["p90"] = pct(90);
    out["p99"] = pct(99);
    out["max"] = pct(100);
    out["over_1_5"] = std::count_if(ratios.begin(), ratios.end(), [](double r) { return r > 1.5; });
    out["over_2"] = std::count_if(ratios.begin(), ratios.end(), [](double r) { return r > 2.0; });
    out["unjustifiable_lines"] = unjustifiable;
    // Each line's figure, for a distribution over many articles (tests/bench/word_space.py).
    nlohmann::json each = nlohmann::json::array();
    for (double r : ratios) each.push_back(std::round(r * 1000) / 1000);
    out["ratios"] = each;
    // CJK lines: what each gap between characters gains, as a multiple of the font size.
    nlohmann::json cjk;
    cjk["lines"] = gaps.size();
    cjk["p50"] = percentile(gaps, 50, 0.0);
    cjk["p90"] = percentile(gaps, 90, 0.0);
    cjk["p99"] = percentile(gaps, 99, 0.0);
    cjk["max"] = percentile(gaps, 100, 0.0);
    nlohmann::json each_gap = nlohmann::json::array();
    for (double g : gaps) each_gap.push_back(std::round(g * 10000) / 10000);
    cjk["gaps"] = each_gap;
    out["char_gap"] = cjk;
    return out;
}

}  // namespace

int layout_report(const std::string& file, const LayoutOptions& options, const std::string& fonts_dir) {
    const float width = options.width, font_size = options.font_size;
    const bool dump = options.dump;
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
    const std::optional<FontFamily> family = font_family_from_name(options.font);
    if (!family) {
        std::fprintf(stderr, "article-viewer: --font takes serif, sans or legible, not %s\n", options.font.c_str());
        ImGui::DestroyContext();
        return usage;
    }
    // The family's faces first, the base faces behind them, from the folder the window reads.
    fonts.set_family(*family);
    const char* families_dir = std::getenv("AV_FAMILIES_DIR");
    fonts.set_families_dir(families_dir && *families_dir ? families_dir : AV_FAMILIES_DIR);
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
    LayoutParams params{width, font_size, 0};
    params.justify = options.justify;
    params.line_spacing = options.line_spacing;
    params.measure = options.measure;
    params.breaking = options.greedy ? LineBreaking::greedy : LineBreaking::total_fit;
    // Justified text is hyphenated as the window hyphenates it: libhyphen with the dictionaries of
    // the article's languages (native_text::hyphen_dirs); a language without one is not.
    const Hyphenator* hyphenator = nullptr;
    std::vector<std::string> hyphen_languages;
    if (options.justify && !needs.languages.empty()) {
        std::string hyphen_error;
        HyphenDictionaries& dictionaries = native_text::hyphenation(needs.languages, hyphen_languages, hyphen_error);
        if (!hyphen_error.empty()) std::fprintf(stderr, "article-viewer: %s\n", hyphen_error.c_str());
        if (!hyphen_languages.empty()) hyphenator = &dictionaries;
    }
    // Through the cache the window's layout uses too (App::hyphenation_arrived).
    HyphenationCache hyphen_cache(hyphenator);
    if (hyphenator) hyphenator = &hyphen_cache;
    ShapeCache shape_cache;  // as the window's (App::shape_cache_); the layout keeps it for lines()
    const auto started = std::chrono::steady_clock::now();
    const DocumentLayout doc =
        layout_article(loaded.article, fonts, params, TextServices{engine, &fonts.catalog(), hyphenator, &shape_cache});
    const double layout_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
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
    report["font"] = options.font;
    report["measure"] = doc.params.measure;
    report["line_spacing"] = doc.params.line_spacing;
    report["justify"] = options.justify;
    report["layout_ms"] = std::round(layout_ms * 100) / 100;
    if (options.justify) {
        report["breaking"] = options.greedy ? "greedy" : "total_fit";
        report["hyphenation"] = hyphen_languages;  // the languages whose dictionary was loaded
        report["word_space"] = word_spaces(doc, fonts);
    }
    if (options.line_widths) {
        // Each text line (not the viewer's own words): where it starts and how wide it is drawn.
        nlohmann::json lines = nlohmann::json::array();
        for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
            for (const Line& l : doc.lines(i)) {
                if (l.decor || l.spans.empty()) continue;
                float left = l.spans.front().x, right = left;
                for (const Span& sp : l.spans) {
                    left = std::min(left, sp.x);
                    right = std::max(right, sp.x + sp.width);
                }
                lines.push_back({{"block", doc.blocks[i].block}, {"x", left}, {"width", right - left},
                                 {"justified", l.justified}, {"char_gap", l.char_gap}, {"offset", l.offset}});
            }
        }
        report["line_widths"] = lines;
    }
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
