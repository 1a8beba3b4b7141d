// Lays an article out into positioned lines for a given column width and text size. Pure
// arithmetic over an injected TextMeasurer: no drawing, no fonts, no platform.
//
// Coordinates are in CSS-like logical pixels: x from the left edge of the viewport, y from the top
// of the document. The UI adds the scroll offset and draws only blocks that meet the viewport.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "article.hpp"
#include "core/text/font_catalog.hpp"
#include "core/text/hyphenation.hpp"
#include "core/text/shape_cache.hpp"
#include "core/text/text_engine.hpp"
#include "text_measurer.hpp"

namespace av {

// A vertical position or extent in the document, in pixels. A double: a float has 24 bits, so past
// 2^24 px (16.7 M: a list of a million items, a long paragraph at a narrow width) it rounds to 2,
// 4, 8 px, and a 63.5 MB article stopped growing at 2^27 px with its lines rounded onto each other
// (hardening issue, item 3). A double is exact to far below a pixel for any accepted article.
// Widths, x and sizes stay float; the UI draws y - scroll, small again, as a float.
using DocY = double;

// What a piece of text is, so the UI can pick its colour; layout has already picked face and size.
enum class Role : std::uint8_t { title, subtitle, meta, heading, body, quote, label, sponsored, callout, link, chip, caption, alt };

// A glyph of a shaped span, placed: x from the span's left edge, y from the baseline (down), in
// pixels.
struct Glyph {
    std::uint32_t id = 0;  // in the span's font; 0 is .notdef, a character the font lacks
    float x = 0;
    float y = 0;
};

// A stretch of a code-point span's `text` drawn in one go: where it starts (a byte of `text`) and
// its x from the span's left edge.
struct TextPiece {
    std::uint32_t byte = 0;
    float x = 0;
};

struct Span {
    std::string text;
    Face face = Face::serif;
    Role role = Role::body;
    float size = 0;
    float x = 0;
    float width = 0;
    int link = -1;  // index into DocumentLayout::links, or -1
    // Rich lines only (Line::visual; docs/text-pipeline.md):
    std::uint32_t offset = 0;   // characters of the block's own text before the span's first
    std::uint8_t level = 0;     // bidi embedding level: odd is right-to-left
    FontId font = no_font;      // shaped spans: the font of `glyphs`; no_font: drawn by code point
    bool cjk = false;           // code-point spans: drawn with the CJK fonts of `han`, else with `face`
    Han han = Han::zh_hans;
    std::vector<Glyph> glyphs;  // shaped spans, in visual order
    // x of the boundary before each character of `text` and after the last, from the span's left
    // edge (right-to-left spans: decreasing); the characters of one cluster share their cluster's
    // start. Empty on lines that are not visual: measure the text.
    std::vector<float> carets;
    // Justified lines of the simple path (docs/text-pipeline.md, "Justified text"): what each
    // space (U+0020) of `text` adds to its measured width, so that drawing, carets, selection and
    // hit testing all place the characters after it alike; `width` includes it.
    float word_space = 0;
    // Code-point spans of a rich line justified between characters (CJK; docs/text-pipeline.md,
    // "Justified text"): the stretches of `text` between its widened gaps, each at its place, the
    // first at 0. Empty: `text` is drawn in one go (widening its spaces by word_space), as a span
    // with no widened gap inside is.
    std::vector<TextPiece> pieces;
    // The span ends with a hyphen the layout added where it cut a word: drawn after the text,
    // counted in `width`, but not a character of the text (offsets, find, copy skip it).
    bool hyphen = false;
};

struct Line {
    DocY y = 0;        // top of the line box
    float height = 0;  // line box height (font size x line height)
    // Characters (code points) of the block's own text before this line: the same at every
    // width and size, so a reading position can be kept as (block, offset).
    std::uint32_t offset = 0;
    // Text the viewer adds (labels, markers, alt text, the byline): not part of the block's text,
    // so find and selection skip it.
    bool decor = false;
    // A rich paragraph's line: its spans are in visual order and carry their own offsets and carets
    // (Span::offset, Span::carets); otherwise they are in reading order from `offset` on.
    bool visual = false;
    bool rtl = false;  // the paragraph is right-to-left (its lines are right-aligned)
    // A full line of a justified paragraph: its spaces (Span::word_space), and on a CJK line its
    // gaps between characters (char_gap), are widened to end flush with the column, unless it has
    // none. The last line of a paragraph, or one ending in a line feed, is not.
    bool justified = false;
    // A justified rich line widened between characters too (CJK): what each gap between two
    // characters adds, the same as each space adds (Span::word_space); 0 on other lines.
    float char_gap = 0;
    std::vector<Span> spans;
};

// What rich paragraphs need (docs/text-pipeline.md). Without an engine (the web before its second
// module has arrived, or a test) every paragraph takes the simple path.
struct TextServices {
    const TextEngine* engine = nullptr;
    const FontCatalog* catalog = nullptr;
    // Justified text hyphenates with it (core/text/hyphenation.hpp); none: no hyphenation.
    const Hyphenator* hyphenator = nullptr;
    // Words shaped already, kept by whoever lays out again and again (the app, a tool); none: every
    // paragraph is shaped whole each time.
    ShapeCache* shape_cache = nullptr;
};

// Non-text shapes that belong to a block.
enum class ShapeKind : std::uint8_t { sponsored_box, callout_box, quote_bar, rule, image_box, chip, bullet };

struct Shape {
    ShapeKind kind;
    float x;
    DocY y;
    float w;
    DocY h;
    int block = -1;  // the article block it belongs to
};

struct BlockLayout {
    int block = -1;    // index into Article::blocks; -1 for the header (title, subtitle, byline)
    DocY top = 0;     // first pixel of the block, margins excluded
    DocY bottom = 0;  // last pixel + 1
    std::vector<Shape> shapes;  // drawn under the lines
    // The lines, while they are kept: read them through DocumentLayout::lines(), which lays the
    // block out again when they are not. A long article's lines take about twice its text, so
    // only the blocks near the reader keep theirs (BENCHMARKS.md, "Memory").
    mutable std::vector<Line> kept_lines;
    mutable bool lines_kept = false;
    std::uint32_t first_link = 0;  // DocumentLayout::links of this block start here
};

// Justified text's line breaking: first fit, line by line (a word that does not fit is hyphenated
// if it can be, else goes to the next line), or total fit over the paragraph (Knuth and Plass: the
// breaks that keep the paragraph's widest spaces smallest).
enum class LineBreaking : std::uint8_t { greedy, total_fit };

struct LayoutParams {
    float viewport_width = 800;
    float font_size = 20;        // body text, pixels
    std::uint32_t font_set = 0;  // bumped by the UI whenever the fonts change (a font family chosen too)
    // The reader's settings (core/reader_settings.hpp): the column's width in characters of body
    // text (45 to 90), the line height as a multiple of the text size, and justified text
    // (hyphenated with TextServices::hyphenator, the last line of a paragraph ragged).
    int measure = 70;
    float line_spacing = 1.5f;
    bool justify = false;
    // How justified paragraphs are broken into lines (docs/text-pipeline.md, "Justified text"):
    // total fit is the viewer's; greedy stays for the benchmark that compares them.
    LineBreaking breaking = LineBreaking::total_fit;
    // Bumped by the UI whenever a text service changes under the same fonts (TextServices: a
    // hyphenation dictionary arrived), so the text is laid out again as for new fonts.
    std::uint32_t text_services = 0;
    bool operator==(const LayoutParams& o) const {
        return viewport_width == o.viewport_width && font_size == o.font_size && font_set == o.font_set &&
               measure == o.measure && line_spacing == o.line_spacing && justify == o.justify && breaking == o.breaking &&
               text_services == o.text_services;
    }
    bool operator!=(const LayoutParams& o) const { return !(*this == o); }
};

struct DocumentLayout {
    LayoutParams params;
    float column_x = 0;
    float column_width = 0;
    DocY height = 0;
    std::vector<BlockLayout> blocks;  // in document order, `top` increasing
    std::vector<std::string> links;   // targets of Span::link
    int reading_minutes = 0;

    // Indices [first, last) of blocks that meet the band [y0, y1): a binary search, so the cost of
    // a frame does not grow with the article's length.
    std::pair<std::size_t, std::size_t> visible(DocY y0, DocY y1) const;
    // Number of lines wider than the column (must be 0) and lines in all, counted while laying out.
    std::size_t overflow_lines() const { return overflowing_; }
    std::size_t line_count() const { return total_lines_; }

    // The lines of blocks[i], laid out again (the same lines, exactly) if they were not kept. The
    // reference stays valid until release_lines_outside() drops them. Needs the article and the
    // measurer that layout_article() was given, alive and unchanged.
    const std::vector<Line>& lines(std::size_t i) const;
    // Drops the kept lines of every block outside blocks[first, last): the platform's frame keeps
    // those near the viewport, so memory does not grow with what the reader has scrolled past.
    void release_lines_outside(std::size_t first, std::size_t last) const;
    std::size_t kept_blocks() const { return kept_.size(); }  // for tests

private:
    friend class LayoutBuild;
    const Article* article_ = nullptr;
    const TextMeasurer* measurer_ = nullptr;
    TextServices text_;
    std::size_t total_lines_ = 0;
    std::size_t overflowing_ = 0;
    mutable std::vector<std::size_t> kept_;  // indices of blocks whose lines are kept
};

// Lays out the whole article. `text`'s engine and catalog must outlive the layout, like the measurer.
DocumentLayout layout_article(const Article& article, const TextMeasurer& measurer, const LayoutParams& params,
                              const TextServices& text = {});

struct LayoutBuildState;

// layout_article in pieces, so that a long article (130 000 blocks take about 2 s in wasm) never
// holds the page's thread: the header at construction, then step() lays out the next blocks, in
// order; take() finishes and gives exactly what layout_article gives. The article, measurer and
// services must outlive the layout, as for layout_article.
class LayoutBuild {
public:
    LayoutBuild(const Article& article, const TextMeasurer& measurer, const LayoutParams& params, const TextServices& text = {});
    ~LayoutBuild();
    LayoutBuild(const LayoutBuild&) = delete;
    LayoutBuild& operator=(const LayoutBuild&) = delete;

    bool step(std::size_t blocks);  // lays out up to `blocks` more; true once every block is
    std::size_t laid_out() const;   // article blocks laid out so far
    double fraction() const;        // 0 to 1
    DocumentLayout take();

private:
    void add(BlockLayout b, std::uint32_t first_link);
    std::unique_ptr<LayoutBuildState> state_;
};

// Breaks one inline into lines of at most `width` pixels starting at (x, y); returns the y after
// the last line. Exposed for unit tests of line breaking.
struct InlineStyle {
    Face face = Face::serif;
    Role role = Role::body;
    float size = 20;
    float line_height = 1.5f;
    // Justified (Line::justified; full lines flush with `width`), hyphenated with `hyphenator` in
    // language `lang` when there is one. Off: ragged, never hyphenated.
    bool justify = false;
    const Hyphenator* hyphenator = nullptr;
    std::string_view lang;
    LineBreaking breaking = LineBreaking::total_fit;
    // Not style but scratch: span vectors of lines already dropped, which the simple path's new
    // lines take instead of allocating their own (layout's first pass; null: none).
    std::vector<std::vector<Span>>* spare_spans = nullptr;
};
// `offset` is the character offset of this inline's first character within its block; it
// advances by the inline's length. Without `keep_text` the spans are placed and measured but
// hold no text: layout_article's first pass, which keeps only heights and counts.
DocY break_lines(const Inline& text, const InlineStyle& style, const TextMeasurer& measurer, float x, DocY y,
                 float width, std::vector<Line>& out, std::vector<std::string>& links, std::uint32_t* offset = nullptr,
                  bool keep_text = true);

// Keeps the last layout and recomputes it only when the article or the parameters change.
class LayoutCache {
public:
    // Recomputes when the article or the parameters change; `params.font_set` must change whenever
    // the fonts or the text services do.
    const DocumentLayout& get(const Article& article, const TextMeasurer& measurer, const LayoutParams& params,
                              const TextServices& text = {});
    // get() in pieces (LayoutBuild), for a frame that must not take long: lays out until
    // `enough()` says so (asked between pieces of about a millisecond). Returns the layout for
    // these arguments once it is complete; until then the last complete layout of the same article
    // (drawn meanwhile: a resize of a long article keeps its text on screen), or null when there
    // is none. Changing the article or the parameters starts the build over.
    const DocumentLayout* advance(const Article& article, const TextMeasurer& measurer, const LayoutParams& params,
                                  const TextServices& text, const std::function<bool()>& enough);
    bool building() const { return build_ != nullptr; }
    double fraction() const { return build_ ? build_->fraction() : 1.0; }  // of the build under way
    void invalidate() {
        valid_ = false;
        build_.reset();
    }
    // Invalidates and frees the layout (invalidate() keeps its memory until the next get()).
    void clear() {
        build_.reset();
        layout_ = DocumentLayout{};
        article_ = nullptr;
        valid_ = false;
    }
    // The layout the last get() returned, or null when there is none (nothing laid out since the
    // last invalidate()).
    const DocumentLayout* current() const { return valid_ ? &layout_ : nullptr; }
    std::size_t computations() const { return computations_; }  // for tests: how often it really laid out

private:
    DocumentLayout layout_;
    const Article* article_ = nullptr;
    bool valid_ = false;
    std::size_t computations_ = 0;
    std::unique_ptr<LayoutBuild> build_;  // advance()'s layout under way, of build_article_ for build_params_
    const Article* build_article_ = nullptr;
    LayoutParams build_params_;
};

}  // namespace av
