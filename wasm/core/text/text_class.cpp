#include "text_class.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>

namespace av {
namespace {

#include "text_class_table.inc"  // text_class_ranges, generated at build time (gen_text_tables.py)
#include "base_coverage.inc"     // base_coverage_ranges, likewise

// The value of the range holding `cp` in a table of (first << 8 | value) entries.
template <std::size_t N>
std::uint8_t lookup(const std::uint32_t (&table)[N], char32_t cp) {
    const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 8) | 0xFF;
    const std::uint32_t* it = std::upper_bound(std::begin(table), std::end(table), key);
    return it == std::begin(table) ? 0 : static_cast<std::uint8_t>(*(it - 1) & 0xFF);
}

}  // namespace

std::uint8_t text_class_of(char32_t cp) {
    // Nothing below the Bopomofo tone marks is rich: most of any article is answered here.
    if (cp < 0x02EA) return 0;
    if (cp > 0x10FFFF) return 0;
    return lookup(text_class_ranges, cp);
}

std::vector<std::pair<char32_t, char32_t>> base_uncovered_ranges() {
    std::vector<std::pair<char32_t, char32_t>> out;
    const std::size_t n = std::size(base_coverage_ranges);
    for (std::size_t i = 0; i < n; ++i) {
        if ((base_coverage_ranges[i] & 0xFF) != 0) continue;
        const char32_t first = std::max<char32_t>(1, base_coverage_ranges[i] >> 8);
        const char32_t last = i + 1 < n ? (base_coverage_ranges[i + 1] >> 8) - 1 : 0x10FFFF;
        if (first <= last) out.emplace_back(first, last);
    }
    return out;
}

BaseCoverage base_coverage_of(char32_t cp) {
    if (cp >= 0x20 && cp < 0x7F) return BaseCoverage::first_paint;
    if (cp > 0x10FFFF) return BaseCoverage::none;
    return static_cast<BaseCoverage>(lookup(base_coverage_ranges, cp));
}

}  // namespace av
