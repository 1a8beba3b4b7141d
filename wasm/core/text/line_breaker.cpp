#include "line_breaker.hpp"

namespace av {
namespace {

// The furthest place before character `i` (which does not fit on the line that starts at `a`)
// where the word holding it may take a hyphen with the line still fitting, and the hyphen's
// width; `a` when there is none.
std::size_t hyphen_cut(const std::vector<CharInfo>& info, const std::vector<float>& advance, std::u32string_view text,
                       float width, const WordHyphenation& hyphenation, std::size_t a, std::size_t i, float& hyphen) {
    const std::size_t n = text.size();
    // The word: from the break opportunity before it (on an earlier line, when the line starts
    // inside it: the rest of a word hyphenated already) to the next one, without its blanks.
    std::size_t begin = i;
    while (begin > 0 && info[begin].brk == BreakBefore::no) --begin;
    if (begin >= i) return a;  // `i` starts the word: no part of it fits
    std::size_t end = i + 1;
    while (end < n && info[end].brk == BreakBefore::no) ++end;
    while (end > i && ((info[end - 1].flags & char_flags::space) || text[end - 1] == U'\n')) --end;
    std::vector<HyphenPoint> points;
    hyphenation.points(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), points);
    std::size_t cut = a, k = a;
    float w = 0;  // [a, k)
    for (const HyphenPoint& p : points) {
        if (p.at <= a || p.at <= begin) continue;
        if (p.at > i) break;
        while (k < p.at) w += advance[k++];
        if (w + p.width <= width + 0.01f) {
            cut = p.at;
            hyphen = p.width;
        }
    }
    return cut;
}

}  // namespace

std::vector<LineRange> break_into_lines(const std::vector<CharInfo>& info, const std::vector<float>& advance,
                                        const std::u32string_view text, float width,
                                        const WordHyphenation* hyphenation) {
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
        float hyphen = 0;
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
            float hyphen_width = 0;
            const std::size_t hyphen_at =
                hyphenation ? hyphen_cut(info, advance, text, width, *hyphenation, a, i, hyphen_width) : a;
            if (hyphen_at > best) {
                end = hyphen_at;
                hyphen = hyphen_width;
            } else if (best > a) {
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
                                  static_cast<std::uint32_t>(content_end), hyphen});
        a = end;
    }
    return lines;
}

}  // namespace av
