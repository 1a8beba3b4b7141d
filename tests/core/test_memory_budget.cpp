// What opening an article may take in memory (core/memory_budget.hpp): at least what the largest
// accepted files were measured to take in Chromium (wasm memory once laid out and copied out by
// articleViewer.article(), docs/errors.md "Memory"), and little for an ordinary article.
#include <doctest/doctest.h>

#include "core/json_reader.hpp"
#include "core/memory_budget.hpp"

using namespace av;

TEST_CASE("the room asked for covers the measured worst cases and stays small for ordinary articles") {
    const std::size_t values = LoadLimits{}.max_values;
    const std::size_t mb = 1000000;
    CHECK(memory_to_open(3000135, values) >= 151 * mb);    // a million empty list items: 144 MiB
    CHECK(memory_to_open(4000135, values) >= 116 * mb);    // a million runs "a": 110.6 MiB
    CHECK(memory_to_open(43165980, values) >= 231 * mb);   // 100 000 paragraphs of French: 220.3 MiB
    CHECK(memory_to_open(7766841, values) >= 61 * mb);     // 20 000 paragraphs of Japanese: 57.6 MiB
    CHECK(memory_to_open(11118, values) < 1 * mb);         // the seed article (11 KB)
    CHECK(memory_to_open(200000, values) < 17 * mb);       // a long article (200 KB)
    CHECK(memory_to_open(0, values) == 150);
    // Never more than the file allows: the whole 64 MiB file, at most a million values.
    CHECK(memory_to_open(LoadLimits{}.max_file_bytes, values) == 6 * LoadLimits{}.max_file_bytes + 150 * values);
}
