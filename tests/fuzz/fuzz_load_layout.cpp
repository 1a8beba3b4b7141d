// libFuzzer target over the whole path a hostile file takes: bytes -> load_article -> layout.
// Sanitizers (ASan, UBSan) catch memory and undefined-behaviour bugs; the checks below catch
// layouts that are wrong without crashing, and a JSON fast path that parts from nlohmann's
// parser. A violated check traps, so libFuzzer saves the input.
// Built by tests/fuzz/CMakeLists.txt, run by tests/fuzz/run.sh (see README.md, "Fuzzing").
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/article_loader.hpp"
#include "core/json_fast_parser.hpp"
#include "core/json_nlohmann_parser.hpp"
#include "core/layout.hpp"
#include "core/utf8.hpp"
#include "sax_recorder.hpp"
#include "test_support.hpp"

namespace {

// Small limits keep every run fast; the defaults only differ in size, not in code paths.
av::LoadLimits fuzz_limits() {
    av::LoadLimits limits;
    limits.max_file_bytes = 1u << 20;     // 1 MiB
    limits.max_string_bytes = 64u << 10;  // 64 KiB
    limits.max_array_items = 5000;
    return limits;
}

void check(bool ok) {
    if (!ok) __builtin_trap();
}

bool finite(double v) { return std::isfinite(v); }

void check_layout(const av::Article& article, const av::DocumentLayout& doc) {
    check(doc.overflow_lines() == 0);
    check(finite(doc.column_x) && finite(doc.column_width) && finite(doc.height));
    // The header plus one layout per article block, in document order.
    check(doc.blocks.size() == article.blocks.size() + 1);
    check(doc.blocks.front().block == -1);
    std::size_t relaid_lines = 0;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const av::BlockLayout& b = doc.blocks[i];
        check(finite(b.top) && finite(b.bottom));
        check(b.bottom >= b.top);
        if (i > 0) {
            const av::BlockLayout& prev = doc.blocks[i - 1];
            check(b.block == static_cast<int>(i) - 1);
            check(b.top > prev.top);      // tops increasing
            check(b.top >= prev.bottom);  // and blocks never overlap
        }
        // Lines laid out again (lines()) are those the first pass counted.
        const std::vector<av::Line>& lines = doc.lines(i);
        relaid_lines += lines.size();
        for (const av::Line& line : lines) {
            check(finite(line.y) && finite(line.height) && line.height > 0);
            for (const av::Span& span : line.spans) {
                check(finite(span.x) && finite(span.width) && span.width >= 0);
                check(span.link < static_cast<int>(doc.links.size()));
            }
        }
        for (const av::Shape& s : b.shapes) check(finite(s.x) && finite(s.y) && finite(s.w) && finite(s.h));
    }
    check(relaid_lines == doc.line_count());
    check(doc.height >= doc.blocks.back().bottom);

    // visible(): a range inside the blocks, exactly those that meet the band.
    const std::size_t n = doc.blocks.size();
    const av::DocY bands[][2] = {{0, 0},
                              {0, 600},
                              {doc.height / 2, doc.height / 2 + 800},
                              {doc.height - 100, doc.height + 100},
                              {-1000, -10},
                              {doc.height + 10, doc.height + 1000},
                              {0, doc.height}};
    for (const auto& band : bands) {
        const auto [first, last] = doc.visible(band[0], band[1]);
        check(first <= last && last <= n);
        for (std::size_t i = 0; i < n; ++i) {
            const bool meets = doc.blocks[i].bottom > band[0] && doc.blocks[i].top < band[1];
            check(meets == (i >= first && i < last));
        }
    }
    check(doc.visible(0, doc.height) == std::make_pair(std::size_t{0}, n));
}

// The JSON fast path makes exactly the calls nlohmann's parser (as read_json runs it) makes, refuses
// the same byte after the value, or gives up where nlohmann refuses the text (on valid UTF-8, its
// precondition).
void check_fast_path(std::string_view text) {
    if (av::utf8::find_invalid(text) != std::string_view::npos) return;
    av::test::SaxRecorder slow, fast;
    std::size_t slow_at = 0, fast_at = 0;
    const av::json_nlohmann::Outcome reference = av::json_nlohmann::parse(text, slow, &slow_at);
    const av::json_fast::Outcome outcome = av::json_fast::parse(text, fast, &fast_at);
    switch (reference) {
        case av::json_nlohmann::Outcome::parsed:
            check(outcome == av::json_fast::Outcome::parsed && fast.calls == slow.calls);
            break;
        case av::json_nlohmann::Outcome::trailing:
            check(outcome == av::json_fast::Outcome::trailing && fast_at == slow_at && fast.calls == slow.calls);
            break;
        case av::json_nlohmann::Outcome::failed: check(outcome == av::json_fast::Outcome::gave_up); break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const av::LoadLimits limits = fuzz_limits();
    static const av::test::FixedMeasurer measurer;

    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    check_fast_path(bytes);
    const av::LoadResult result = av::load_article(bytes, "fuzz.json", limits);
    // Exactly one of: an article, or an error naming the file.
    if (!result.ok()) {
        check(result.error.rfind("fuzz.json", 0) == 0);
        return 0;
    }
    check(result.error.empty());
    for (const auto& w : result.warnings) check(w.rfind("fuzz.json: ", 0) == 0);

    for (const float width : {320.0f, 1200.0f}) {
        av::LayoutParams params;
        params.viewport_width = width;
        params.font_size = 20;
        check_layout(result.article, av::layout_article(result.article, measurer, params));
    }
    return 0;
}
