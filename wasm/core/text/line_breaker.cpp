#include "line_breaker.hpp"

namespace av {

std::vector<LineRange> break_into_lines(const std::vector<CharInfo>& info, const std::vector<float>& advance,
                                        const std::u32string_view text, float width) {
    std::vector<LineRange> lines;
    const std::size_t n = text.size();
    auto blank = [&](std::size_t i) { return (info[i].flags & char_flags::space) || text[i] == U'\n'; };
    auto cluster_start = [&](std::size_t i) { return i == 0 || i >= n || (info[i].flags & char_flags::cluster_start); };
    std::size_t a = 0;
    while (a < n) {
        float w = 0;        // [a, i)
        float content = 0;  // [a, i) without its trailing blanks
        std::size_t best = a;  // the last break opportunity met, while what comes before it fits
        std::size_t end = n;
        for (std::size_t i = a; i < n; ++i) {
            if (i > a && info[i].brk == BreakBefore::mandatory) {
                end = i;
                break;
            }
            if (i > a && info[i].brk == BreakBefore::allowed) best = i;
            w += advance[i];
            if (blank(i)) continue;
            content = w;
            if (content <= width + 0.01f) continue;
            if (best > a) {
                end = best;
            } else {
                // Nothing to break at: cut before the cluster that does not fit, keeping at least
                // one cluster on the line.
                std::size_t cut = i;
                while (cut > a && !cluster_start(cut)) --cut;
                if (cut == a) {
                    cut = i + 1;
                    while (cut < n && !cluster_start(cut)) ++cut;
                }
                end = cut;
            }
            break;
        }
        std::size_t content_end = end;
        while (content_end > a && blank(content_end - 1)) --content_end;
        lines.push_back(LineRange{static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(end),
                                  static_cast<std::uint32_t>(content_end)});
        a = end;
    }
    return lines;
}

}  // namespace av
