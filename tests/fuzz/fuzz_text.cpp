// libFuzzer target over the text pipeline alone (issue 17): one paragraph of text from every
// script (text_input.hpp turns the bytes into it) laid out by core's rich pipeline through the real
// engine (HbTextEngine: HarfBuzz, FriBidi, libunibreak, the Thai dictionary) with the real fonts,
// those FontCatalog::files_for picks for it, as the desktop loads them. Sanitizers (ASan, UBSan)
// catch memory and undefined-behaviour bugs; the checks below catch lines that are wrong without
// crashing. A violated check traps, so libFuzzer saves the input.
// Built by tests/fuzz/CMakeLists.txt, run by tests/fuzz/run.sh (see README.md, "Fuzzing").
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/layout.hpp"
#include "core/text/font_catalog.hpp"
#include "core/text_geometry.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"
#include "text/hb_text_engine.hpp"
#include "text/thai_dictionary_breaker.hpp"
#include "text_input.hpp"

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

bool finite(double v) { return std::isfinite(v); }

[[noreturn]] void fail_setup(const std::string& what) {
    std::fprintf(stderr, "fuzz_text: %s\n", what.c_str());
    std::exit(1);
}

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

std::string read_or_fail(const std::string& path) {
    std::string bytes = av::test::read_file(path);
    if (bytes.empty()) fail_setup(path + ": cannot be read (build the native preset's av_fonts_more and av_thai_dictionary)");
    return bytes;
}

// The engine as it is after loading an article of the paragraph at hand: it answers for the fonts
// the paragraph needs (FontCatalog::files_for) and for no other. Every font ever needed stays
// loaded in the HarfBuzz engine underneath, hidden when not needed, rather than being removed and
// added again: each add or remove leaves allocations behind (HarfBuzz's lazy tables, its shape
// plans), and an input that ends with more allocations than it started with makes libFuzzer run
// it again under LeakSanitizer, a scan of the whole heap (with the fonts, 500 MB). That made a
// quarter of the target's time (README.md, "Fuzzing"). Every `refresh_every` inputs, though, the
// fonts are loaded anew: HarfBuzz keeps a shape plan per script, direction and language a face has
// shaped, in a list it walks at every call; a desktop session sees a few, this fuzzer hundreds,
// and after 40 minutes that walk took 11 % of the time.
class Fonts final : public av::TextEngine {
public:
    Fonts() {
        const std::string dir = env_or("AV_FONTS_MORE_DIR", AV_FONTS_MORE_DIR);
        std::string error;
        if (!catalog_.parse(read_or_fail(dir + "/fonts.json"), error)) fail_setup(dir + "/fonts.json: " + error);
        dir_ = dir;
        // The base faces, in the order of av::Face, separated by '|'; always there, as on the desktop.
        std::string list = AV_BASE_FONT_FILES;
        unsigned face = 0;
        for (std::size_t start = 0; start <= list.size(); ++face) {
            const std::size_t end = std::min(list.find('|', start), list.size());
            const std::string bytes = read_or_fail(list.substr(start, end - start));
            const av::FontId id = av::FontCatalog::base_font(static_cast<av::Face>(face));
            path_[id] = list.substr(start, end - start);
            load(id, bytes);
            base_.insert(id);
            start = end + 1;
        }
        const std::string dict_path = env_or("AV_THAI_DICT", AV_THAI_DICT);
        const std::string dict = read_or_fail(dict_path);
        std::optional<av::ThaiBreaker> thai = av::ThaiBreaker::load(reinterpret_cast<const std::uint8_t*>(dict.data()), dict.size(), error);
        if (!thai) fail_setup(dict_path + ": " + error);
        thai_.emplace(std::move(*thai));
    }

    const av::FontCatalog& catalog() const { return catalog_; }

    // Shows exactly the files `needs` asks for (and the dictionary if it asks for it).
    void prepare(const av::TextNeeds& needs) {
        if (++prepared_ % refresh_every == 0)
            for (const auto& [id, path] : path_) {
                engine_.remove_font(id);
                load(id, read_or_fail(path));
            }
        const std::vector<av::FontId> wanted = catalog_.files_for(needs);
        shown_.assign(wanted.begin(), wanted.end());
        for (av::FontId id : wanted) {
            if (path_.count(id)) continue;
            path_[id] = dir_ + "/" + catalog_.files()[id].file;
            load(id, read_or_fail(path_[id]));
        }
        engine_.set_dictionary_breaker(needs.dictionary ? &*thai_ : nullptr);
    }

    std::uint8_t analyze(std::u32string_view text, av::BaseDirection direction, std::string_view lang,
                         std::vector<av::CharInfo>& out) const override {
        return engine_.analyze(text, direction, lang, out);
    }
    void shape(av::FontId font, std::u32string_view text, std::size_t begin, std::size_t end, bool rtl,
               av::ScriptTag script, std::string_view lang, std::vector<av::ShapedGlyph>& out) const override {
        check(shown(font));  // the layout shapes only with fonts it was told exist
        engine_.shape(font, text, begin, end, rtl, script, lang, out);
    }
    av::FontMetrics metrics(av::FontId font) const override {
        return shown(font) ? engine_.metrics(font) : av::FontMetrics{};
    }
    bool has_char(av::FontId font, char32_t cp) const override { return shown(font) && engine_.has_char(font, cp); }
    std::uint64_t font_generation() const override { return engine_.font_generation(); }
    bool color_glyph(av::FontId font, std::uint32_t glyph, ColorGlyph& out) const override {
        return shown(font) && engine_.color_glyph(font, glyph, out);
    }

private:
    static constexpr unsigned refresh_every = 4096;

    void load(av::FontId id, const std::string& bytes) {
        if (!engine_.add_font(id, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()))
            fail_setup(path_[id] + ": " + engine_.last_error());
    }

    bool shown(av::FontId font) const {
        return base_.count(font) || std::find(shown_.begin(), shown_.end(), font) != shown_.end();
    }

    av::FontCatalog catalog_;
    av::HbTextEngine engine_;
    std::optional<av::ThaiDictionaryBreaker> thai_;
    std::string dir_;
    std::set<av::FontId> base_;
    std::map<av::FontId, std::string> path_;  // every font loaded, base faces too: its file
    unsigned prepared_ = 0;
    std::vector<av::FontId> shown_;  // a handful: a vector beats a set here
};

// With AV_FUZZ_TEXT_DUMP=1 (reproducing one input): the paragraph and its lines on stderr.
void dump(const av::fuzz::TextInput& input, const std::u32string& text, const av::DocumentLayout& doc) {
    std::fprintf(stderr, "viewport %g px, size %g px%s, column %g..%g, article %s, block %s, %zu code points:\n",
                 static_cast<double>(input.viewport_width), static_cast<double>(input.font_size), input.justify ? ", justified" : "",
                 static_cast<double>(doc.column_x), static_cast<double>(doc.column_x + doc.column_width),
                 input.article.lang.c_str(), input.article.blocks[0].lang.c_str(), text.size());
    for (char32_t c : text) std::fprintf(stderr, " %04X", static_cast<unsigned>(c));
    std::fprintf(stderr, "\n");
    for (const av::Line& line : doc.lines(1)) {
        std::fprintf(stderr, "line offset %u%s%s\n", line.offset, line.visual ? " visual" : "", line.rtl ? " rtl" : "");
        for (const av::Span& s : line.spans)
            std::fprintf(stderr, "  span offset %u chars %zu level %u font %u x %g width %g text \"%s\"\n", s.offset,
                         s.carets.empty() ? 0 : s.carets.size() - 1, s.level, s.font, static_cast<double>(s.x),
                         static_cast<double>(s.width), s.text.c_str());
    }
}

// Slack for widths added up in another order than the line breaker added them.
float slack(float width) { return 0.02f + width * 1e-4f; }

// A rich paragraph's lines (Line::visual): their spans cover the paragraph's characters once,
// in order, but for the blanks ending a line; each span's carets run its direction's way; a line
// is no wider than the column unless it is one grapheme cluster; it starts at the column's
// start edge.
void check_lines(const std::vector<av::Line>& lines, const std::u32string& text, const av::DocumentLayout& doc,
                 const av::TextEngine& engine) {
    std::vector<av::CharInfo> info;  // the grapheme clusters, asked for when a line is too wide
    const auto n = static_cast<std::uint32_t>(text.size());
    const float left = doc.column_x, right = doc.column_x + doc.column_width;
    std::uint32_t covered = 0;  // characters before the current line
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const av::Line& line = lines[li];
        check(finite(line.y) && finite(line.height) && line.height > 0);
        check(!line.decor);
        if (!line.visual) {
            // The simple path (no rich character): its own tests cover it; here, in the column.
            check(line.offset >= covered && line.offset <= n);
            covered = line.offset;
            for (const av::Span& s : line.spans) check(s.x >= left - 0.5f && s.x + s.width <= right + 0.5f);
            continue;
        }
        // Spans cover [line.offset, content_end) once: sorted by offset, each starts where the
        // one before ends.
        check(line.offset == covered);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> pieces;
        float total = 0;
        for (std::size_t k = 0; k < line.spans.size(); ++k) {
            const av::Span& s = line.spans[k];
            check(finite(s.x) && finite(s.width) && s.width >= 0);
            check(s.level <= 126);  // UAX #9: explicit levels up to 125, one more from the implicit rules
            check(!s.carets.empty());
            const auto chars = static_cast<std::uint32_t>(s.carets.size() - 1);
            check(chars >= 1);
            check(s.offset <= n && chars <= n - s.offset);
            pieces.emplace_back(s.offset, s.offset + chars);
            // Carets: from the start edge of the span's direction to the other, monotonic.
            const bool rtl = s.level & 1;
            const float eps = slack(s.width);
            check(std::fabs(s.carets.front() - (rtl ? s.width : 0.0f)) <= eps);
            check(std::fabs(s.carets.back() - (rtl ? 0.0f : s.width)) <= eps);
            for (std::size_t c = 1; c < s.carets.size(); ++c)
                check(rtl ? s.carets[c] <= s.carets[c - 1] + eps : s.carets[c] >= s.carets[c - 1] - eps);
            // Shaped spans: the span's characters as text, glyphs of a font the engine has.
            if (s.font != av::no_font) {
                check(engine.metrics(s.font).units_per_em > 0);
                check(av::utf8::length(s.text) == chars);
                for (const av::Glyph& g : s.glyphs) check(finite(g.x) && finite(g.y));
            } else {
                check(s.glyphs.empty());
            }
            // Visual order: each span where the one on its left ends.
            if (k > 0) {
                const av::Span& prev = line.spans[k - 1];
                check(std::fabs(prev.x + prev.width - s.x) <= slack(std::fabs(s.x) + s.width));
            }
            total += s.width;
        }
        std::sort(pieces.begin(), pieces.end());
        std::uint32_t content_end = line.offset;
        for (const auto& [b, e] : pieces) {
            check(b == content_end);
            content_end = e;
        }
        // What the line leaves out is blanks, up to the next line (or the paragraph's end).
        const std::uint32_t next = li + 1 < lines.size() ? lines[li + 1].offset : n;
        check(next >= content_end && next <= n);
        for (std::uint32_t i = content_end; i < next; ++i) check(text[i] == U' ' || text[i] == U'\n');
        covered = next;
        if (line.spans.empty()) continue;
        // Width, and the start edge.
        const float line_left = line.spans.front().x, line_right = line.spans.back().x + line.spans.back().width;
        if (total > doc.column_width + slack(doc.column_width)) {
            // Clusters do not depend on the direction or the language.
            if (info.empty()) engine.analyze(text, av::BaseDirection::ltr, "en", info);
            check(info.size() == n);
            for (std::uint32_t i = line.offset + 1; i < content_end; ++i) check(!(info[i].flags & av::char_flags::cluster_start));
        } else {
            check(line_left >= left - slack(right) && line_right <= right + slack(right));
        }
        if (line.rtl) check(std::fabs(line_right - right) <= slack(right));
        else check(std::fabs(line_left - left) <= slack(right));
    }
    // The rich path gives every character a line (the simple path may leave blanks out).
    if (!lines.empty() && lines.back().visual) check(covered == n);
}

// hit_test and range_rects on the laid-out paragraph: no crash, offsets inside the texts,
// rectangles inside the paragraph's block.
void check_geometry(const av::DocumentLayout& doc, const av::TextMeasurer& measurer, std::uint32_t n, std::uint32_t header_n) {
    const std::vector<av::Line>& lines = doc.lines(1);
    auto hit = [&](float x, av::DocY y) {
        // The title always has a line: some text is always the nearest.
        const std::optional<av::TextPos> pos = av::hit_test(doc, measurer, x, y);
        check(pos.has_value());
        check(pos->block == -1 || pos->block == 0);
        check(pos->offset <= (pos->block == 0 ? n : header_n));
    };
    const float left = doc.column_x, right = doc.column_x + doc.column_width;
    hit(left - 50, -100);
    hit(right + 50, doc.height + 100);
    // At most 16 lines, spread over the paragraph: each line's edges and each span's middle.
    const std::size_t step = std::max<std::size_t>(1, lines.size() / 16);
    for (std::size_t i = 0; i < lines.size(); i += step) {
        const av::Line& line = lines[i];
        const av::DocY y = line.y + line.height / 2;
        hit(left - 10, y);
        hit(right + 10, y);
        for (const av::Span& s : line.spans) hit(s.x + s.width / 2, y);
    }
    const std::uint32_t ranges[][2] = {{0, n}, {n / 3, 2 * n / 3}, {n / 2, n / 2 + 1}, {2 * n / 3, n / 3}, {n, n + 5}, {0, 0}};
    const av::BlockLayout& block = doc.blocks[1];
    for (const auto& r : ranges)
        for (const av::Rect& rect : av::range_rects(doc, measurer, 0, r[0], r[1])) {
            check(finite(rect.x) && finite(rect.y) && finite(rect.w) && finite(rect.h));
            check(rect.w >= 0 && rect.h > 0);
            check(rect.y >= block.top - 0.5f && rect.y + rect.h <= block.bottom + 0.5f);
        }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Fonts fonts;
    static const av::test::FixedMeasurer measurer;

    const av::fuzz::TextInput input = av::fuzz::decode_text_input(data, size);
    const av::Article& article = input.article;
    fonts.prepare(article.needs);
    // As the desktop: the engine only for an article with a rich paragraph.
    // One shape cache for every input, as the app keeps one for every article.
    static av::ShapeCache shape_cache;
    const av::TextServices services{article.needs.rich ? &fonts : nullptr, &fonts.catalog(), nullptr, &shape_cache};
    av::LayoutParams params{input.viewport_width, input.font_size, 0};
    params.justify = input.justify;
    const av::DocumentLayout doc = av::layout_article(article, measurer, params, services);
    check(doc.blocks.size() == 2);

    std::u32string text;
    const std::string utf8 = av::block_text(article.blocks[0]);
    for (std::size_t pos = 0; pos < utf8.size();) text += av::utf8::next(utf8, pos);
    static const bool dumping = env_or("AV_FUZZ_TEXT_DUMP", "") == "1";
    if (dumping) dump(input, text, doc);
    check_lines(doc.lines(1), text, doc, fonts);
    check_geometry(doc, measurer, static_cast<std::uint32_t>(text.size()),
                   static_cast<std::uint32_t>(av::utf8::length(av::header_text(article))));
    return 0;
}
