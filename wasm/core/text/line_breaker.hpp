// Step 4 of the rich-text pipeline (docs/text-pipeline.md): where a paragraph's lines end, over the
// engine's break opportunities and widths added up per character. Greedy like the simple path's
// ragged text and first fit; justified text may also cut a word at a hyphenation point, and is
// broken by total fit as the simple path's (core/text/total_fit.hpp) unless greedy is asked.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av {

struct LineRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;          // the next line's begin
    std::uint32_t content_end = 0;  // `end` without the trailing spaces and line feed, never drawn
    float hyphen = 0;               // the line ends inside a word, with a hyphen this wide; 0: none
};

// A place where a word may take a hyphen: before character `at`, the hyphen `width` pixels wide.
struct HyphenPoint {
    std::uint32_t at = 0;
    float width = 0;
};

// Where the words of a paragraph may be hyphenated (core/text/rich_hyphenation.hpp).
class WordHyphenation {
public:
    virtual ~WordHyphenation() = default;
    // Appends the points of the word text[begin, end) (between two break opportunities, trailing
    // blanks excluded), `at` increasing, begin < at < end; nothing when it may not be cut.
    virtual void points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const = 0;
};

// `advance[i]`: what character i adds to a line's width. Lines of at most `width` pixels (trailing
// spaces do not count); a stretch with no break opportunity wider than that is cut between
// grapheme clusters, at least one cluster a line. A mandatory break ends a line ("a\n\nb" is three
// lines, "a\n" one, as in the simple path). An empty text has no line. With `hyphenation`, the word
// that does not fit is cut at its last point whose part and hyphen fit (LineRange::hyphen), when
// that is further than the last break opportunity, as the simple path's first fit does.
std::vector<LineRange> break_into_lines(const std::vector<CharInfo>& info, const std::vector<float>& advance,
                                        const std::u32string_view text, float width,
                                        const WordHyphenation* hyphenation = nullptr);

// The same lines (same rules for mandatory breaks, trailing blanks, clusters and hyphens) chosen by
// total fit, for justified text: each section between mandatory breaks is cut into items at every
// break opportunity, every hyphenation point of every word and, in a stretch between two
// opportunities wider than `width`, every grapheme cluster (a cut with no hyphen, the last
// resort); the items' breaks are those whose lines' demerits add up least (TotalFit), the last
// line of each section free. What widens on a line, and so its looseness r, is what rich_lines
// widens: its justification opportunities (justify_gaps.hpp), its U+0020 spaces and, on CJK text,
// its gaps between characters. A space's normal width is its advance; a gap's is a quarter of
// `em` (the font size): with the line's slack in equal shares, as rich_lines and browsers give
// it, a gap and a Latin space (about a quarter em in the viewer's faces) gaining the same pixels
// are as loose (docs/text-pipeline.md, "Justified CJK", says how Blink, WebKit and JLREQ weigh
// them). A line with no opportunity (a Thai line with no space, a word cut to the
// column) is weighed as the simple path weighs a line with no space.
std::vector<LineRange> break_into_lines_total_fit(const std::vector<CharInfo>& info, const std::vector<float>& advance,
                                                  std::u32string_view text, float width, float em,
                                                  const WordHyphenation* hyphenation = nullptr);

}  // namespace av
