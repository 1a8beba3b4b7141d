#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <cstdint>

#include "core/text/paragraph_text.hpp"
#include "core/text/rich_lines.hpp"
#include "locale.hpp"

namespace av {

std::pair<std::size_t, std::size_t> DocumentLayout::visible(DocY y0, DocY y1) const {
    // Blocks are sorted by top and do not overlap, so bottoms are sorted too.
    auto first = std::partition_point(blocks.begin(), blocks.end(), [&](const BlockLayout& b) { return b.bottom <= y0; });
    auto last = std::partition_point(first, blocks.end(), [&](const BlockLayout& b) { return b.top < y1; });
    return {static_cast<std::size_t>(first - blocks.begin()), static_cast<std::size_t>(last - blocks.begin())};
}

namespace {

// Lays out one article block. `y` is where the block starts; returns its layout.
class BlockLayouter {
public:
    // `links` receives the targets of the links laid out (DocumentLayout::links, or a scratch
    // vector when one block is laid out again).
    // Without `keep_text`, lines are placed and counted but hold no text (the first pass).
    BlockLayouter(const Article& a, const TextMeasurer& m, const DocumentLayout& doc, const TextServices& services,
                  std::vector<std::string>& links, bool keep_text)
        : a_(a), m_(m), doc_(doc), services_(services), links_(links), keep_text_(keep_text) {
        s_ = doc.params.font_size;
        // As LayoutBuild keeps it: the document's params are as asked (LayoutCache compares them).
        ls_ = std::isfinite(doc.params.line_spacing) ? std::clamp(doc.params.line_spacing, 1.0f, 3.0f) : LayoutParams{}.line_spacing;
    }

    Inline plain(const std::string& text) const { return Inline{Run{text}}; }

    // The block's own text: its characters count in line offsets (see progress.cpp block_text()).
    DocY text(BlockLayout& b, const Inline& t, Face face, Role role, float size, float lh, float x, DocY y, float w) {
        return lay_out(b, t, InlineStyle{face, role, size, lead(lh)}, x, y, w, &offset_);
    }

    // Running text (paragraphs, list items, quotes, callouts): the reader's line spacing, and
    // justified when the reader asks, hyphenated in the paragraph's language.
    DocY body(BlockLayout& b, const Inline& t, Face face, Role role, float size, float x, DocY y, float w) {
        InlineStyle style{face, role, size, ls_};
        if (doc_.params.justify) {
            style.justify = true;
            style.hyphenator = services_.hyphenator;
            style.lang = paragraph_.lang;
            style.breaking = doc_.params.breaking;
        }
        return lay_out(b, t, style, x, y, w, &offset_);
    }

    // The line height of text other than running text (`base` at the default spacing of 1.5):
    // it follows the reader's spacing a third as much, so that headings stay compact.
    float lead(float base) const { return std::max(base + (ls_ - 1.5f) / 3, 1.1f); }

    // Whether `t` would be laid out right to left in the current block (list markers and quote
    // bars go on that side).
    bool rtl(const Inline& t) const {
        if (!services_.engine || !needs_engine(t)) return false;
        return paragraph_level(t, paragraph_, *services_.engine) & 1;
    }

    // Words the viewer adds (labels, list markers, alt text, credits): drawn, but not counted in
    // offsets, so an anchor means the same text whatever the viewer writes around it.
    DocY decor(BlockLayout& b, const Inline& t, Face face, Role role, float size, float lh, float x, DocY y, float w) {
        InlineStyle style{face, role, size, lead(lh)};
        std::uint32_t at = offset_;
        const std::size_t first = b.kept_lines.size();
        const DocY bottom = lay_out(b, t, style, x, y, w, &at);
        for (std::size_t i = first; i < b.kept_lines.size(); ++i) b.kept_lines[i].decor = true;
        return bottom;
    }

    // A list marker, on its item's first line: the item's line height, not the lead of decor.
    void marker_at(BlockLayout& b, const std::string& marker, float x, DocY y, float w) {
        std::uint32_t at = offset_;
        const std::size_t first = b.kept_lines.size();
        lay_out(b, plain(marker), InlineStyle{Face::serif, Role::body, s_, ls_}, x, y, w, &at);
        for (std::size_t i = first; i < b.kept_lines.size(); ++i) b.kept_lines[i].decor = true;
    }

    BlockLayout header(DocY y) {
        offset_ = 0;
        set_paragraph(a_.lang, a_.dir);
        BlockLayout b;
        b.top = y;
        const float x = doc_.column_x, w = doc_.column_width;
        y = text(b, plain(a_.title), Face::serif_bold, Role::title, s_ * 2.0f, 1.22f, x, y, w);
        if (!a_.subtitle.empty()) y = text(b, plain(a_.subtitle), Face::serif_italic, Role::subtitle, s_ * 1.2f, 1.4f, x, y + s_ * 0.5f, w);
        std::string meta;
        // In a right-to-left article each part is isolated (FSI ... PDI), so that a part of the
        // other direction keeps its own order: "1 min read" is not "min read 1".
        const bool isolate = services_.engine && paragraph_.direction != BaseDirection::ltr &&
                             paragraph_.direction != BaseDirection::auto_ltr;
        auto add = [&](const std::string& part) {
            if (part.empty()) return;
            if (!meta.empty()) meta += " · ";
            meta += isolate ? "\u2068" + part + "\u2069" : part;
        };
        std::string authors;
        for (const std::string& name : a_.byline.authors) authors += (authors.empty() ? "" : ", ") + name;
        add(authors);
        add(locale::format_date(a_.lang, a_.byline.published));
        if (byline_shows_source(a_.byline)) add(a_.byline.source);
        add(locale::reading_time(a_.lang, doc_.reading_minutes));
        y = decor(b, plain(meta), Face::sans, Role::meta, s_ * 0.8f, 1.5f, x, y + s_ * 0.6f, w);
        b.bottom = y;
        return b;
    }

    float space_before(const Block& block) const {
        switch (block.type) {
            case BlockType::heading: return s_ * (block.level == 2 ? 1.8f : 1.4f);
            case BlockType::sponsored:
            case BlockType::callout:
            case BlockType::image:
            case BlockType::divider: return s_ * 1.4f;
            default: return s_ * 0.9f;
        }
    }

    BlockLayout block(int index, DocY y) {
        const Block& bl = a_.blocks[static_cast<std::size_t>(index)];
        offset_ = 0;
        set_paragraph(bl.lang.empty() ? std::string_view(a_.lang) : std::string_view(bl.lang),
                      bl.dir == TextDirection::inherit ? a_.dir : bl.dir);
        BlockLayout b;
        b.kept_lines = std::move(spare_lines_);
        spare_lines_ = {};
        b.block = index;
        b.top = y;
        const float x = doc_.column_x, w = doc_.column_width;
        const float pad = s_ * 0.9f;
        switch (bl.type) {
            case BlockType::heading: {
                const float size = s_ * (bl.level == 2 ? 1.45f : bl.level == 3 ? 1.2f : 1.05f);
                y = text(b, bl.text, Face::sans_bold, Role::heading, size, 1.3f, x, y, w);
                break;
            }
            case BlockType::paragraph: y = body(b, bl.text, Face::serif, Role::body, s_, x, y, w); break;
            case BlockType::quote: {
                // A right-to-left quote is mirrored: its bar on the right, its text indented from there.
                const float indent = s_ * 1.2f;
                const DocY top = y;
                const bool r = rtl(bl.text);
                const float tx = r ? x : x + indent;
                y = body(b, bl.text, Face::serif_italic, Role::quote, s_ * 1.05f, tx, y, w - indent);
                if (!bl.cite.empty()) y = decor(b, plain("— " + bl.cite), Face::sans, Role::meta, s_ * 0.85f, 1.5f, tx, y + s_ * 0.3f, w - indent);
                b.shapes.push_back(Shape{ShapeKind::quote_bar, r ? x + w - s_ * 0.2f : x, top, s_ * 0.2f, y - top, index});
                break;
            }
            case BlockType::list: {
                // Markers on the side each item starts from: the right for a right-to-left item.
                const float indent = s_ * 1.6f;
                for (std::size_t i = 0; i < bl.items.size(); ++i) {
                    if (i) y += s_ * 0.35f;
                    const std::string marker = bl.ordered ? std::to_string(i + 1) + "." : "•";
                    const float mw = m_.width(marker, Face::serif, s_);
                    if (rtl(bl.items[i])) {
                        marker_at(b, marker, x + w - indent + s_ * 0.4f, y, mw + 1);
                        y = body(b, bl.items[i], Face::serif, Role::body, s_, x, y, w - indent);
                    } else {
                        marker_at(b, marker, x + indent - mw - s_ * 0.4f, y, mw + 1);
                        y = body(b, bl.items[i], Face::serif, Role::body, s_, x + indent, y, w - indent);
                    }
                }
                break;
            }
            case BlockType::image: {
                const float box_w = std::min(w, static_cast<float>(bl.width));
                const float box_h = box_w * static_cast<float>(bl.height) / static_cast<float>(bl.width);
                const float bx = x + (w - box_w) / 2;
                b.shapes.push_back(Shape{ShapeKind::image_box, bx, y, box_w, box_h, index});
                // The alt text shows in the reserved box until the picture arrives.
                if (!bl.alt.empty()) {
                    decor(b, plain(bl.alt), Face::sans, Role::alt, s_ * 0.8f, 1.4f, bx + pad / 2, y + pad / 2, box_w - pad);
                    // Alt text never spills out of the box: a small picture shows what fits.
                    while (!b.kept_lines.empty() && b.kept_lines.back().y + b.kept_lines.back().height > y + box_h) b.kept_lines.pop_back();
                }
                y += box_h;
                if (!bl.caption.empty()) y = text(b, bl.caption, Face::sans, Role::caption, s_ * 0.8f, 1.4f, x, y + s_ * 0.4f, w);
                if (!bl.credit.empty()) y = decor(b, plain(bl.credit), Face::sans, Role::meta, s_ * 0.7f, 1.4f, x, y + s_ * 0.2f, w);
                break;
            }
            case BlockType::sponsored: {
                const DocY top = y;
                y += pad;
                std::string label = bl.label.empty() ? locale::sponsored_label(a_.lang) : bl.label;
                if (!bl.sponsor.empty()) label += " · " + bl.sponsor;
                y = decor(b, plain(label), Face::sans_bold, Role::label, s_ * 0.75f, 1.4f, x + pad, y, w - 2 * pad);
                Inline title = bl.title;
                if (!bl.href.empty()) for (Run& r : title) if (r.href.empty()) r.href = bl.href;
                y = text(b, title, Face::sans_bold, Role::sponsored, s_ * 1.05f, 1.35f, x + pad, y + s_ * 0.3f, w - 2 * pad);
                if (!bl.text.empty()) y = text(b, bl.text, Face::sans, Role::sponsored, s_ * 0.9f, 1.45f, x + pad, y + s_ * 0.3f, w - 2 * pad);
                y += pad;
                b.shapes.insert(b.shapes.begin(), Shape{ShapeKind::sponsored_box, x, top, w, y - top, index});
                break;
            }
            case BlockType::related: {
                const std::string label = bl.label.empty() ? locale::related_label(a_.lang) : bl.label;
                y = decor(b, plain(label), Face::sans_bold, Role::label, s_ * 0.75f, 1.4f, x, y, w);
                for (const RelatedItem& item : bl.related) {
                    Run r{item.title};
                    r.href = item.href;
                    y = text(b, Inline{r}, Face::sans_bold, Role::heading, s_ * 0.95f, 1.35f, x, y + s_ * 0.2f, w);
                }
                break;
            }
            case BlockType::callout: {
                const DocY top = y;
                y += pad;
                if (!bl.label.empty()) y = decor(b, plain(bl.label), Face::sans_bold, Role::label, s_ * 0.75f, 1.4f, x + pad, y, w - 2 * pad) + s_ * 0.3f;
                if (!bl.title.empty()) y = text(b, bl.title, Face::sans_bold, Role::callout, s_ * 1.05f, 1.35f, x + pad, y, w - 2 * pad) + s_ * 0.3f;
                bool first = true;
                auto para = [&](const Inline& t) {
                    if (!first) y += s_ * 0.6f;
                    first = false;
                    y = body(b, t, Face::serif, Role::callout, s_ * 0.95f, x + pad, y, w - 2 * pad);
                };
                if (!bl.text.empty()) para(bl.text);
                for (const Inline& p : bl.items) para(p);
                y += pad;
                b.shapes.insert(b.shapes.begin(), Shape{ShapeKind::callout_box, x, top, w, y - top, index});
                break;
            }
            case BlockType::tags: {
                // Chips flow like words: each is measured, and wraps when the row is full. A tag
                // wider than the column is broken onto lines inside a taller chip (like any text:
                // at spaces, else between characters), so it stays whole and within the column.
                const float size = s_ * 0.8f, cpad = s_ * 0.5f, gap = s_ * 0.4f, lh = 1.3f;
                const float chip_h = size * 1.8f, text_inset = (chip_h - size * lh) / 2;
                float cx = 0;
                DocY row_h = 0;
                for (const std::string& tag : bl.tags) {
                    const float cw = std::min(m_.width(tag, Face::sans, size), w - 2 * cpad) + 2 * cpad;
                    if (cx > 0 && cx + cw > w) {
                        cx = 0;
                        y += row_h + gap;
                        row_h = 0;
                    }
                    const std::size_t first = b.kept_lines.size();
                    const DocY bottom = text(b, plain(tag), Face::sans, Role::chip, size, lh, x + cx + cpad, y + text_inset,
                                              w - cx - 2 * cpad);
                    // The chip is as wide as its widest line really is, and as tall as its lines.
                    float tw = 0;
                    for (std::size_t i = first; i < b.kept_lines.size(); ++i)
                        if (!b.kept_lines[i].spans.empty())
                            tw = std::max(tw, b.kept_lines[i].spans.back().x + b.kept_lines[i].spans.back().width - (x + cx + cpad));
                    const DocY h = std::max(static_cast<DocY>(chip_h), bottom - y + text_inset);
                    b.shapes.push_back(Shape{ShapeKind::chip, x + cx, y, tw + 2 * cpad, h, index});
                    row_h = std::max(row_h, h);
                    cx += tw + 2 * cpad + gap;
                }
                y += row_h;
                break;
            }
            case BlockType::divider:
                b.shapes.push_back(Shape{ShapeKind::rule, x + w * 0.3f, y + s_ * 0.5f, w * 0.4f, 1.0f, index});
                y += s_;
                break;
        }
        b.bottom = std::max(y, b.top + 1.0f);  // never empty, so the binary search stays strict
        return b;
    }

    // The lines of a block laid out only to be measured (LayoutBuild), handed back: the next
    // block fills the same vector instead of growing a new one from nothing (its reallocations
    // were 6 % of a layout in wasm; BENCHMARKS.md, "Load").
    // Their spans' vectors are kept too, for the next lines (a line's one allocation, and a fifth
    // of a first pass in wasm).
    void recycle(std::vector<Line>&& lines) {
        // Only the simple path takes them back: a run of rich blocks must not pile them up.
        for (Line& l : lines)
            if (l.spans.capacity() && spare_spans_.size() < max_spare_spans) {
                l.spans.clear();
                spare_spans_.push_back(std::move(l.spans));
            }
        lines.clear();
        spare_lines_ = std::move(lines);
    }

private:
    void set_paragraph(std::string_view lang, TextDirection dir) {
        paragraph_.lang = lang;
        // Every block asks, nearly always with the article's language: its facts are kept for the
        // next block (they normalise the tag, which was a tenth of layout's time in wasm).
        if (!facts_of_ || *facts_of_ != lang) {
            facts_of_ = std::string(lang);
            han_ = han_for_lang(lang);
            rtl_language_ = locale::right_to_left(lang);
        }
        paragraph_.han = han_;
        paragraph_.direction = dir == TextDirection::ltr   ? BaseDirection::ltr
                               : dir == TextDirection::rtl ? BaseDirection::rtl
                               : rtl_language_             ? BaseDirection::auto_rtl
                                                           : BaseDirection::auto_ltr;
    }

    // Whether `t` takes the rich path (docs/text-pipeline.md, "Two paths"): it has a character
    // only the engine handles, or its paragraph is right to left (explicitly, or `auto` in a
    // right-to-left language with no left-to-right letter to take the direction from).
    bool needs_engine(const Inline& t) const {
        switch (paragraph_.direction) {
            case BaseDirection::rtl: return true;
            case BaseDirection::auto_rtl: return !has_ltr_letter(t) || is_rich(t);
            default: return is_rich(t);
        }
    }

    DocY lay_out(BlockLayout& b, const Inline& t, const InlineStyle& style, float x, DocY y, float w, std::uint32_t* offset) {
        if (services_.engine && needs_engine(t))
            return break_rich_lines(t, style, paragraph_, services_, m_, x, y, w, b.kept_lines, links_, offset, keep_text_);
        if (keep_text_) return break_lines(t, style, m_, x, y, w, b.kept_lines, links_, offset, true);
        InlineStyle measuring = style;
        measuring.spare_spans = &spare_spans_;
        return break_lines(t, measuring, m_, x, y, w, b.kept_lines, links_, offset, false);
    }

    const Article& a_;
    const TextMeasurer& m_;
    const DocumentLayout& doc_;
    const TextServices& services_;
    ParagraphContext paragraph_;
    bool rtl_language_ = false;
    std::vector<Line> spare_lines_;  // recycle()'s, for the next block
    std::vector<std::vector<Span>> spare_spans_;  // recycle()'s, for the simple path's next lines
    static constexpr std::size_t max_spare_spans = 1024;
    Han han_ = Han::zh_hans;
    std::optional<std::string> facts_of_;  // the language rtl_language_ and han_ are for
    std::vector<std::string>& links_;
    bool keep_text_ = true;
    float s_ = 20;
    float ls_ = 1.5f;           // the body text's line height, as a multiple of its size
    std::uint32_t offset_ = 0;  // characters of the current block laid out so far
};

}  // namespace

// The builder's working state: the document being built (at a fixed address, since the
// layouter keeps references into it) and where it has got to.
struct LayoutBuildState {
    DocumentLayout doc;
    std::unique_ptr<BlockLayouter> layouter;
    const Article* article = nullptr;
    DocY y = 0;
    std::size_t next = 0;   // the first article block not laid out yet
    std::size_t words = 0;  // reading words of the blocks laid out
};

LayoutBuild::LayoutBuild(const Article& article, const TextMeasurer& measurer, const LayoutParams& params,
                         const TextServices& text)
    : state_(std::make_unique<LayoutBuildState>()) {
    LayoutBuildState& st = *state_;
    DocumentLayout& doc = st.doc;
    st.article = &article;
    doc.params = params;
    // The UI and the command line check their numbers; a NaN or an infinity would still turn every
    // position into NaN, so they fall back to the defaults here as well.
    const float s = std::clamp(std::isfinite(params.font_size) ? params.font_size : LayoutParams{}.font_size, 6.0f, 200.0f);
    const float viewport_width = std::isfinite(params.viewport_width) ? std::max(params.viewport_width, 0.0f) : LayoutParams{}.viewport_width;
    doc.params.font_size = s;
    // The reader's measure (45 to 90 characters) and line spacing, kept within their ranges here
    // too: a settings value from storage or the command line is never trusted to be.
    doc.params.measure = std::clamp(params.measure, 45, 90);
    doc.params.line_spacing = std::isfinite(params.line_spacing) ? std::clamp(params.line_spacing, 1.0f, 3.0f) : LayoutParams{}.line_spacing;
    // A column of `measure` characters of body text (a character: the mean width of the lowercase
    // alphabet), centred, with a margin on narrow screens.
    const float sample = measurer.width("abcdefghijklmnopqrstuvwxyz", Face::serif, s) / 26.0f;
    const float margin = std::max(16.0f, s * 0.8f);
    const float ideal = std::max(sample, 1.0f) * static_cast<float>(doc.params.measure);
    doc.column_width = std::max(std::min(ideal, viewport_width - 2 * margin), s * 4);
    doc.column_x = std::max((viewport_width - doc.column_width) / 2, 0.0f);

    doc.article_ = &article;
    doc.measurer_ = &measurer;
    doc.text_ = text;
    // Each block is laid out once here for its height, line count and links; its lines are then
    // dropped, and lines() lays it out again when it is drawn (or searched, or anchored).
    st.layouter = std::make_unique<BlockLayouter>(article, measurer, doc, doc.text_, doc.links, false);
    doc.blocks.reserve(article.blocks.size() + 1);
    st.y = s * 2.0f;
    add(st.layouter->header(st.y), 0);
}

LayoutBuild::~LayoutBuild() = default;

void LayoutBuild::add(BlockLayout b, std::uint32_t first_link) {
    DocumentLayout& doc = state_->doc;
    const float left = doc.column_x - 0.5f, right = doc.column_x + doc.column_width + 0.5f;
    b.first_link = first_link;
    doc.total_lines_ += b.kept_lines.size();
    for (const Line& l : b.kept_lines)
        for (const Span& sp : l.spans)
            // A right-aligned (right-to-left) line overflows on the left; a list's markers may
            // hang into the margin, as a browser's outside markers do.
            if (sp.x + sp.width > right || (l.visual && sp.x < left)) {
                ++doc.overflowing_;
                break;
            }
    state_->layouter->recycle(std::move(b.kept_lines));
    b.kept_lines = {};
    doc.blocks.push_back(std::move(b));
    state_->y = doc.blocks.back().bottom;
}

bool LayoutBuild::step(std::size_t blocks) {
    LayoutBuildState& st = *state_;
    const Article& article = *st.article;
    const std::size_t last = st.next + std::min(blocks, article.blocks.size() - st.next);
    for (; st.next < last; ++st.next) {
        const Block& b = article.blocks[st.next];
        // The loader has counted them already (Article::word_prefix); an article made otherwise
        // (tests, tools) is counted here.
        st.words += article.word_prefix.size() == article.blocks.size() + 1
                        ? article.word_prefix[st.next + 1] - article.word_prefix[st.next]
                        : reading_words(b);
        st.y += st.layouter->space_before(b);
        const auto first_link = static_cast<std::uint32_t>(st.doc.links.size());  // before the block adds its own
        add(st.layouter->block(static_cast<int>(st.next), st.y), first_link);
    }
    return st.next >= article.blocks.size();
}

std::size_t LayoutBuild::laid_out() const { return state_->next; }

double LayoutBuild::fraction() const {
    const std::size_t n = state_->article->blocks.size();
    return n == 0 ? 1.0 : static_cast<double>(state_->next) / static_cast<double>(n);
}

DocumentLayout LayoutBuild::take() {
    step(static_cast<std::size_t>(-1));
    LayoutBuildState& st = *state_;
    DocumentLayout& doc = st.doc;
    const auto wpm = static_cast<std::size_t>(locale::words_per_minute(st.article->lang));
    doc.reading_minutes = static_cast<int>((st.words + wpm - 1) / wpm);
    doc.height = st.y + doc.params.font_size * 4.0f;
    st.layouter.reset();
    return std::move(doc);
}

DocumentLayout layout_article(const Article& article, const TextMeasurer& measurer, const LayoutParams& params,
                              const TextServices& text) {
    return LayoutBuild(article, measurer, params, text).take();
}

const std::vector<Line>& DocumentLayout::lines(std::size_t i) const {
    const BlockLayout& b = blocks[i];
    if (b.lines_kept) return b.kept_lines;
    // The same inputs as the first time (article, measurer, parameters, column, top), so the same
    // lines; only the link numbers start at 0 and are moved to where this block's links are.
    std::vector<std::string> links_again;
    BlockLayouter layouter(*article_, *measurer_, *this, text_, links_again, true);
    BlockLayout again = b.block < 0 ? layouter.header(b.top) : layouter.block(b.block, b.top);
    for (Line& l : again.kept_lines)
        for (Span& sp : l.spans)
            if (sp.link >= 0) sp.link += static_cast<int>(b.first_link);
    again.kept_lines.shrink_to_fit();
    b.kept_lines = std::move(again.kept_lines);
    b.lines_kept = true;
    kept_.push_back(i);
    return b.kept_lines;
}

void DocumentLayout::release_lines_outside(std::size_t first, std::size_t last) const {
    std::size_t n = 0;
    for (std::size_t i : kept_) {
        if (i >= first && i < last) {
            kept_[n++] = i;
            continue;
        }
        std::vector<Line>().swap(blocks[i].kept_lines);
        blocks[i].lines_kept = false;
    }
    kept_.resize(n);
}

const DocumentLayout* LayoutCache::advance(const Article& article, const TextMeasurer& measurer, const LayoutParams& params,
                                           const TextServices& text, const std::function<bool()>& enough) {
    const bool same_article = valid_ && article_ == &article;
    if (same_article && layout_.params == params) {
        build_.reset();  // back to the parameters on screen: the build for others is not wanted
        return &layout_;
    }
    if (!build_ || build_article_ != &article || build_params_ != params) {
        build_.reset();
        if (!same_article) {  // nothing of this article to draw meanwhile: free the old one first
            layout_ = DocumentLayout{};
            valid_ = false;
        }
        build_ = std::make_unique<LayoutBuild>(article, measurer, params, text);
        build_article_ = &article;
        build_params_ = params;
    }
    constexpr std::size_t piece = 64;  // blocks: about a millisecond in wasm (BENCHMARKS.md, "Load")
    while (!build_->step(piece))
        if (enough()) return same_article ? &layout_ : nullptr;
    layout_ = DocumentLayout{};  // the old one goes before the new one moves in
    layout_ = build_->take();
    build_.reset();
    layout_.params = params;  // as asked (layout may clamp the size), so the next call compares equal
    article_ = &article;
    valid_ = true;
    ++computations_;
    return &layout_;
}

const DocumentLayout& LayoutCache::get(const Article& article, const TextMeasurer& measurer, const LayoutParams& params,
                                       const TextServices& text) {
    return *advance(article, measurer, params, text, [] { return false; });  // never enough: all at once
}

}  // namespace av
