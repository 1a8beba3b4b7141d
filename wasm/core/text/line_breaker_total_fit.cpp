// Total fit on the rich path (docs/text-pipeline.md, "Hyphenation and line breaking on the rich
// path"): the paragraph's sections cut into TotalFit's items at the engine's break opportunities, the words'
// hyphenation points and, in a stretch too wide for the column, its grapheme clusters; each item
// stretches by the justification opportunities rich_lines.cpp widens (justify_gaps.hpp).
#include <algorithm>

#include "core/text/justify_gaps.hpp"
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
                                                  std::u32string_view text, float width, float em,
                                                  const WordHyphenation* hyphenation) {
    std::vector<LineRange> lines;
    const std::size_t n = text.size();
    auto blank = [&](std::size_t i) { return (info[i].flags & char_flags::space) || text[i] == U'\n'; };
    auto cluster_start = [&](std::size_t i) { return i == 0 || i >= n || (info[i].flags & char_flags::cluster_start); };
    // What widens on a justified line (rich_lines.cpp): its opportunities (justify_gaps.hpp), each
    // at its normal width. A space's is its own advance; a gap between characters has none, and is
    // weighed as a quarter em (line_breaker.hpp says why), so that r is the looseness of both.
    // widens[k]: what character k's own opportunity (a space) brings; joins[k]: what the gap
    // before the cluster at k brings, which counts only when that cluster's line has the one
    // before it.
    const float gap_normal = std::max(em, 0.0f) * 0.25f;
    std::vector<float> widens, joins;
    std::vector<JustifyOpportunity> opportunities;
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
        // Hangul counts as CJK in a section with no space (justify_gaps decides it by the line:
        // the lines of such a section have none either; a line with no space in a section that
        // has some, a Korean word cut to the column, is weighed by its spaces alone).
        const bool spaced = std::find(text.begin() + static_cast<std::ptrdiff_t>(a),
                                      text.begin() + static_cast<std::ptrdiff_t>(section_end),
                                      U' ') != text.begin() + static_cast<std::ptrdiff_t>(section_end);
        justification_opportunities(text, info, advance, static_cast<std::uint32_t>(a),
                                    static_cast<std::uint32_t>(section_end), spaced, opportunities);
        widens.assign(section_end - a, 0.0f);
        joins.assign(section_end - a, 0.0f);
        for (const JustifyOpportunity& o : opportunities) {
            if (o.space)
                widens[o.at - a] += advance[o.at];
            else
                joins[o.next - a] += gap_normal;
        }
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
            // The gap before the item's first cluster widens only when the item does not start
            // its line, as its leading blanks do; so do the gaps inside its trailing blanks (a
            // U+3000 that ends a line is not drawn). A gap whose cluster before it is in an item
            // of no width further back is counted as if it were the item just before (only
            // zero-width items, such as a run of zero-width spaces, tell them apart).
            FitItem item;
            item.gap = trailing;
            item.gap_stretch = trailing_stretch + joins[b - a];
            item.before = bounds[t].kind;
            item.hyphen = bounds[t].hyphen;
            for (std::size_t k = b; k < c; ++k) {
                item.width += advance[k];
                item.stretch += widens[k - a] + (k > b ? joins[k - a] : 0.0f);
            }
            trailing = trailing_stretch = 0;
            for (std::size_t k = c; k < e; ++k) {
                trailing += advance[k];
                trailing_stretch += widens[k - a] + (k > b ? joins[k - a] : 0.0f);
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
