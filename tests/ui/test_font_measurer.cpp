// FontSet as layout's measurer, with the real Noto fonts measured by ImGui on the CPU: layout adds
// up word widths from FontSet's advance table (TextMeasurer::advances) and must place every line
// and span exactly where asking width() for each word places them, glyphs loaded or not yet.
#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "core/article_loader.hpp"
#include "core/layout.hpp"
#include "ui/fonts.hpp"
#include "../core/test_support.hpp"

using namespace av;

namespace {

// FontSet without its table: layout asks width() for every piece, as before the table existed.
class AskEveryTime : public TextMeasurer {
public:
    explicit AskEveryTime(const TextMeasurer& m) : m_(m) {}
    float width(std::string_view text, Face face, float size) const override {
        ++calls;
        return m_.width(text, face, size);
    }
    bool has_glyph(char32_t cp, Face face) const override { return m_.has_glyph(cp, face); }
    mutable long calls = 0;

private:
    const TextMeasurer& m_;
};

// FontSet with its table, counting the calls of width() that layout still makes.
class Counting : public AskEveryTime {
public:
    explicit Counting(const FontSet& f) : AskEveryTime(f), f_(f) {}
    AdvanceTable advances(Face face, float size) const override { return f_.advances(face, size); }

private:
    const FontSet& f_;
};

// Every line of every block, floats to the last bit.
std::vector<std::string> every_line(const Article& a, const TextMeasurer& m, float viewport, float size) {
    const DocumentLayout doc = layout_article(a, m, LayoutParams{viewport, size, 0});
    std::vector<std::string> out{"height " + std::to_string(doc.height) + " lines " + std::to_string(doc.line_count())};
    char buf[96];
    for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
        std::snprintf(buf, sizeof buf, "block %d %a %a", doc.blocks[b].block, doc.blocks[b].top, doc.blocks[b].bottom);
        out.emplace_back(buf);
        for (const Line& l : doc.lines(b)) {
            std::snprintf(buf, sizeof buf, " line %a %a %u", l.y, l.height, l.offset);
            std::string line = buf;
            for (const Span& s : l.spans) {
                std::snprintf(buf, sizeof buf, " [%d %a %a %d ", static_cast<int>(s.face), s.x, s.width, s.link);
                line += buf + s.text + "]";
            }
            out.push_back(std::move(line));
        }
    }
    return out;
}

// An ImGui context with the six faces, none of their glyphs loaded yet.
struct Fonts {
    Fonts() {
        ImGui::CreateContext();
        ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
        error = set.load(AV_FONTS_DIR);
    }
    ~Fonts() { ImGui::DestroyContext(); }
    FontSet set;
    std::string error;
};

}  // namespace

TEST_CASE("layout from FontSet's advance table places every span where width() places it") {
    std::vector<std::string> files = test::json_files(AV_ASSETS_DIR "/articles");
    for (const std::string& f : test::json_files(AV_SHARED_DIR "/corpus")) files.push_back(f);
    REQUIRE(files.size() > 3);
    for (const std::string& file : files) {
        const LoadResult loaded = load_article(test::read_file(file), file);
        REQUIRE_MESSAGE(loaded.ok(), loaded.error);
        for (const float viewport : {360.0f, 1280.0f}) {
            for (const float size : {17.0f, 24.0f}) {
                Fonts fonts;  // fresh: the first layout meets glyphs not loaded yet (-1 in the table)
                REQUIRE_MESSAGE(fonts.error.empty(), fonts.error);
                Counting table(fonts.set);
                AskEveryTime ask(fonts.set);
                const auto cold = every_line(loaded.article, table, viewport, size);
                const long cold_calls = table.calls;
                const auto asked = every_line(loaded.article, ask, viewport, size);
                table.calls = 0;
                const auto warm = every_line(loaded.article, table, viewport, size);
                CHECK_MESSAGE(cold == asked, file);
                CHECK_MESSAGE(warm == asked, file);
                // Once the glyphs are loaded, the table answers nearly everything.
                CHECK_MESSAGE(table.calls * 20 < ask.calls, file << ": " << table.calls << " of " << ask.calls);
                CHECK(cold_calls >= table.calls);
            }
        }
    }
}
