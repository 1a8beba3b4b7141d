// Total fit on the rich path (docs/text-pipeline.md, "Hyphenation and line breaking on the rich
// path"): the paragraph's sections cut into TotalFit's items at the engine's break opportunities, the words'
// hyphenation points and, in a stretch too wide for the column, its grapheme clusters.
#include "core/text/line_breaker.hpp"
#include "core/text/total_fit.hpp"

namespace av {
namespace {

// A place an item starts: a break point of the section, or the section's start.
struct Bound {
    std::size_t at;
    FitBreak kind;
    float hyphen;  // the hyphen's width, for FitBreak::hyphen
};

}  // namespace

std::vector<LineRange> break_into_lines_total_fit(const std::vector<CharInfo>& info, const std::vector<float>& advance,
                                                  std::u32string_view text, float width,
                                                  const WordHyphenation* hyphenation) {
    std::vector<LineRange> lines;
    const std::size_t n = text.size();
    auto blank = [&](std::size_t i) { return (info[i].flags & char_flags::space) || text[i] == U'\n'; };
    auto cluster_start = [&](std::size_t i) { return i == 0 || i >= n || (info[i].flags & char_flags::cluster_start); };
    // Only U+0020 widens on a justified line (rich_lines.cpp): the rest of the blanks are rigid.
    auto widens = [&](std::size_t i) { return text[i] == U' ' ? advance[i] : 0.0f; };
    std::vector<Bound> bounds;
    std::vector<FitItem> items;
    std::vector<HyphenPoint> points;
    std::vector<std::size_t> ends;
    TotalFit fit;
    std::size_t a = 0;
    while (a < n) {
        // A section: up to the next mandatory break, which ends a line whatever it costs.
        std::size_t section_end = a + 1;
        while (section_end < n && info[section_end].brk != BreakBefore::mandatory) ++section_end;
        bounds.clear();
        // Its words: from one break opportunity to the next, asked for their hyphenation points
        // without their trailing blanks, as the greedy breaker asks them.
        for (std::size_t word = a; word < section_end;) {
            std::size_t next = word + 1;
            while (next < section_end && info[next].brk != BreakBefore::allowed) ++next;
            std::size_t content_end = next;
            while (content_end > word && blank(content_end - 1)) --content_end;
            bounds.push_back(Bound{word, FitBreak::plain, 0});
            if (content_end > word + 1) {
                points.clear();
                if (hyphenation)
                    hyphenation->points(static_cast<std::uint32_t>(word), static_cast<std::uint32_t>(content_end),
                                        points);
                float w = 0;
                for (std::size_t k = word; k < content_end; ++k) w += advance[k];
                const bool too_wide = w > width + 0.01f;
                if (too_wide || !points.empty()) {
                    std::size_t h = 0;
                    for (std::size_t k = word + 1; k < content_end; ++k) {
                        while (h < points.size() && points[h].at < k) ++h;
                        if (h < points.size() && points[h].at == k)
                            bounds.push_back(Bound{k, FitBreak::hyphen, points[h].width});
                        else if (too_wide && cluster_start(k))
                            bounds.push_back(Bound{k, FitBreak::cut, 0});
                    }
                }
            }
            word = next;
        }
        // The items: what lies between two bounds, its trailing blanks the next one's gap.
        items.clear();
        float trailing = 0, trailing_stretch = 0;
        for (std::size_t t = 0; t < bounds.size(); ++t) {
            const std::size_t b = bounds[t].at, e = t + 1 < bounds.size() ? bounds[t + 1].at : section_end;
            std::size_t c = e;
            while (c > b && blank(c - 1)) --c;
            FitItem item;
            item.gap = trailing;
            item.gap_stretch = trailing_stretch;
            item.before = bounds[t].kind;
            item.hyphen = bounds[t].hyphen;
            for (std::size_t k = b; k < c; ++k) {
                item.width += advance[k];
                item.stretch += widens(k);
            }
            trailing = trailing_stretch = 0;
            for (std::size_t k = c; k < e; ++k) {
                trailing += advance[k];
                trailing_stretch += widens(k);
            }
            items.push_back(item);
        }
        ends.clear();
        fit.run(items, width, ends);
        std::size_t first = 0;
        for (std::size_t last : ends) {
            const std::size_t begin = bounds[first].at, end = last < bounds.size() ? bounds[last].at : section_end;
            std::size_t content_end = end;
            while (content_end > begin && blank(content_end - 1)) --content_end;
            const float hyphen = last < items.size() && items[last].before == FitBreak::hyphen ? items[last].hyphen : 0;
            lines.push_back(LineRange{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                                      static_cast<std::uint32_t>(content_end), hyphen});
            first = last;
        }
        a = section_end;
    }
    return lines;
}

}  // namespace av
