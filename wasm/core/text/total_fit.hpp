// Total fit (docs/text-pipeline.md, "Line breaking: total fit"): Knuth and Plass, simplified (no
// shrinking, no fitness classes), over a paragraph section cut into items between its break points.
// One copy for both paths: the simple path's JustifiedBreaker (simple_lines.cpp) and the rich
// path's break_into_lines_total_fit (line_breaker_total_fit.cpp) each describe their paragraph as
// items and take the breaks from here, so that they weigh a line alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace av {

// What a break before an item costs besides the line's looseness.
enum class FitBreak : std::uint8_t {
    plain,   // a break opportunity (after a space, after a dash, between ideographs)
    hyphen,  // a hyphenation point: 2500
    cut,     // inside a stretch wider than the column: the last resort
};

// The part of a paragraph section between two of its break points.
struct FitItem {
    float width = 0;                    // its own width
    float gap = 0;                      // what comes before it on its line unless the line starts with it (a space)
    float gap_stretch = 0;              // the normal width of what widens between it and the item before
    float stretch = 0;                  // the normal width of what widens inside it (spaces that are no
                                        // break opportunity; on the rich path, gaps between CJK characters)
    float hyphen = 0;                   // what a line ending just before it adds (its hyphen's width)
    FitBreak before = FitBreak::plain;  // the break before it (the first item's is never used)
};

// The demerits of one line `line` pixels wide, out of `width`, whose justification opportunities
// (spaces; on the rich path also gaps between CJK characters) are `spaces` pixels wide at their
// normal width, ending at a break of kind `kind`: (1 + 100 r^3)^2 with r their widening as a
// multiple of that width, plus the break's cost; the section's `last` line is ragged and free but
// for its break. A line with no opportunity has no r: it costs as if r were 20 unless it already
// ends within half a pixel of the edge. A line wider than the column (a character wider than it)
// costs more than anything else.
double line_demerits(float width, float line, float spaces, FitBreak kind, bool last);

class TotalFit {
public:
    // The most items a line may hold. Each break point looks back over the items a line can
    // reach, which width alone bounds but for items of no width (a run of zero-width spaces, each
    // a break opportunity): without this bound such a paragraph would take quadratic time. No line
    // of real text comes near it (a line of single characters cut from a word wider than a
    // 1 200 px column holds a few hundred).
    static constexpr std::size_t max_line_items = 1024;

    // The breaks of `items` (one section: no mandatory break inside) into lines of at most `width`
    // pixels whose demerits add up least: `ends` receives each line's end (the index of the item
    // that starts the next line; the last is items.size()), increasing. A line holds at least one
    // item, even one too wide, and at most max_line_items. Nothing for no item.
    void run(const std::vector<FitItem>& items, float width, std::vector<std::size_t>& ends);

private:
    std::vector<double> cost_;
    std::vector<std::size_t> from_;
};

}  // namespace av
