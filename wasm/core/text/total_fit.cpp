#include "total_fit.hpp"

#include <algorithm>
#include <limits>

namespace av {

double line_demerits(float width, float line, float spaces, FitBreak kind, bool last) {
    double demerits = kind == FitBreak::hyphen ? 2500.0 : kind == FitBreak::cut ? 1e12 : 0.0;
    if (!last) {
        const double stretch = std::max(0.0, static_cast<double>(width - line));
        const double ratio = spaces > 0 ? stretch / spaces : (stretch < 0.5 ? 0.0 : 20.0);
        const double badness = 1 + 100 * ratio * ratio * ratio;
        demerits += badness * badness;
    }
    if (line > width + 0.01f) demerits += 1e15;  // a character wider than the column
    return demerits;
}

// A shortest path over the break points: cost_[j] is the least demerits of the items before j
// broken into lines, each break point looking back only as far as a line can reach.
void TotalFit::run(const std::vector<FitItem>& items, float width, std::vector<std::size_t>& ends) {
    const std::size_t n = items.size();
    if (n == 0) return;
    cost_.assign(n + 1, std::numeric_limits<double>::infinity());
    from_.assign(n + 1, 0);
    cost_[0] = 0;
    for (std::size_t j = 1; j <= n; ++j) {
        const bool last = j == n;
        const float hyphen = last ? 0 : items[j].hyphen;
        const FitBreak kind = last ? FitBreak::plain : items[j].before;
        float w = 0, spaces = 0;
        for (std::size_t i = j; i-- > 0 && j - i <= max_line_items;) {
            const FitItem& it = items[i];
            w += it.width;
            spaces += it.stretch;
            if (i + 1 < j) {
                w += items[i + 1].gap;
                spaces += items[i + 1].gap_stretch;
            }
            const float line = w + hyphen;
            if (line > width + 0.01f && i + 1 < j) break;  // one item alone is always possible
            if (cost_[i] == std::numeric_limits<double>::infinity()) continue;
            const double demerits = line_demerits(width, line, spaces, kind, last);
            if (cost_[i] + demerits < cost_[j]) {
                cost_[j] = cost_[i] + demerits;
                from_[j] = i;
            }
        }
    }
    const std::size_t first = ends.size();
    for (std::size_t j = n; j > 0; j = from_[j]) ends.push_back(j);
    std::reverse(ends.begin() + static_cast<std::ptrdiff_t>(first), ends.end());
}

}  // namespace av
