#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <cstdint>

#include "core/text/paragraph_text.hpp"
#include "core/text/rich_lines.hpp"
#include "locale.hpp"
#include "piece_measurer.hpp"
#include "utf8.hpp"

namespace av {
namespace {

bool is_dash(char32_t c) { return c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014; }

// utf8::next with the common case inline: most of any article is ASCII, and layout walks every
// character (BENCHMARKS.md, "Load").
inline char32_t decode(std::string_view s, std::size_t& pos) {
    const unsigned char b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
        ++pos;
        return b;
    }
    return utf8::next(s, pos);
}

// Steps `pos` through the characters of `s` up to `end` (as `decode` does, so it may stop past
// `end` inside a character), returning how many: eight at a time over ASCII.
inline std::size_t count_chars(std::string_view s, std::size_t& pos, std::size_t end) {
    end = std::min(end, s.size());
    std::size_t n = 0;
    while (pos < end) {
        if (pos + 8 <= end && utf8::ascii8(s, pos)) {
            pos += 8;
            n += 8;
        } else {
            decode(s, pos);
            ++n;
        }
    }
    return n;
}

// Typographic spaces that must hold: NBSP, narrow NBSP, figure space, word joiner.
bool is_glue(char32_t c) { return c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0x2060; }

// French spacing written with plain spaces ("Russie : livraison", "« mot »") must not break either:
// a space before : ; ! ? » or after « is treated as glue.
bool binds_to_previous(char32_t c) { return c == U':' || c == U';' || c == U'!' || c == U'?' || c == 0x00BB; }

// A piece of one word in one face: the unit that is measured.
struct Piece {
    std::size_t begin, end;  // bytes in the flattened text
    Face face;
    int link;
    float width = 0;
};

// An unbreakable stretch: pieces with no break opportunity between them.
struct Word {
    std::vector<Piece> pieces;
    bool space_before = false;  // a breakable space separates it from the previous word
    bool break_before = false;  // a forced line break (\n) comes before it
    float width = 0;
};

// The runs of an inline as one text. Most blocks are one run: their text is used where it is, and
// only several runs are copied together (one allocation, sized first). Copying every block's text,
// growing as it went, was 6 % of a load (BENCHMARKS.md, "Load").
struct Flattened {
    struct RunEnd {
        std::size_t end;  // byte where the run ends
        Face face;
        int link;
    };
    std::string_view text;
    std::string joined;  // the text, when there are several runs
    std::vector<RunEnd> runs;
};

class LineBuilder {
public:
    LineBuilder(const InlineStyle& style, PieceMeasurer& m, const Flattened& f, float x, DocY y, float width,
                std::vector<Line>& out, std::uint32_t base_offset, bool keep_text)
        : style_(style), m_(m), f_(f), x0_(x), y_(y), width_(width), out_(out), base_offset_(base_offset), keep_text_(keep_text) {}

    void add(Word& word) {
        if (word.break_before && started_) finish_line();
        if (word.pieces.empty()) return;
        const float space = pending_space_width(word);
        if (started_ && cursor_ + space + word.width > width_ + 0.01f) finish_line();
        if (word.width > width_ + 0.01f) {
            split_long_word(word);
            return;
        }
        place(word, started_ && word.space_before ? space : 0);
    }

    DocY finish() {
        if (started_) finish_line();
        return y_;
    }

private:
    float pending_space_width(const Word& word) {
        if (!word.space_before) return 0;
        // One measurement per face and line builder, not one per word.
        float& w = space_width_[static_cast<std::size_t>(last_face_)];
        if (w <= 0) w = m_.width(" ", last_face_);  // 0: not measured yet
        return w;
    }

    void place(const Word& word, float space) {
        if (!started_) start_line();
        Line& line = out_.back();
        if (space > 0 && !line.spans.empty()) {
            if (keep_text_) line.spans.back().text += ' ';
            line.spans.back().width += space;
            cursor_ += space;
        }
        for (const Piece& p : word.pieces) add_piece(line, p.begin, p.end, p.face, p.link, p.width);
    }

    void add_piece(Line& line, std::size_t begin, std::size_t end, Face face, int link, float width) {
        if (line.spans.empty()) line.offset = base_offset_ + chars_before(begin);
        const Role role = link >= 0 ? Role::link : style_.role;
        if (line.spans.empty() || line.spans.back().face != face || line.spans.back().link != link) {
            Span span;
            span.face = face;
            span.role = role;
            span.size = style_.size;
            span.x = x0_ + cursor_;
            span.link = link;
            // Room for about a line at once (as much as the last line took) rather than growing
            // word by word; finish_line() gives back a large excess.
            if (keep_text_) span.text.reserve(std::min(f_.text.size() - begin, line_bytes_));
            line.spans.push_back(std::move(span));
        }
        Span& span = line.spans.back();
        if (keep_text_) span.text.append(f_.text, begin, end - begin);
        span.width += width;
        cursor_ += width;
        last_face_ = face;
    }

    // A word wider than the column is cut between characters, so that no line is ever wider.
    void split_long_word(const Word& word) {
        if (started_ && cursor_ > 0) finish_line();
        for (const Piece& p : word.pieces) {
            std::size_t pos = p.begin;
            while (pos < p.end) {
                const std::size_t start = pos;
                utf8::next(f_.text, pos);
                const float w = m_.width(f_.text.substr(start, pos - start), p.face);
                if (started_ && cursor_ > 0 && cursor_ + w > width_ + 0.01f) finish_line();
                if (!started_) start_line();
                add_piece(out_.back(), start, pos, p.face, p.link, w);
            }
        }
    }

    // Code points of the flattened text before byte `byte`. Lines start in increasing order, so a
    // cursor that only moves forward keeps this linear in the text's length.
    std::uint32_t chars_before(std::size_t byte) {
        count_chars_ += static_cast<std::uint32_t>(count_chars(f_.text, count_byte_, byte));
        return count_chars_;
    }

    void start_line() {
        Line line;
        line.offset = base_offset_ + count_chars_;
        line.y = y_;
        line.height = style_.size * style_.line_height;
        out_.push_back(std::move(line));
        started_ = true;
        cursor_ = 0;
    }

    void finish_line() {
        if (!started_) start_line();  // an empty line from "\n\n"
        // A long article keeps hundreds of thousands of spans: no unused capacity beyond the
        // allocator's rounding (BENCHMARKS.md, "Memory").
        if (keep_text_) {
            std::size_t bytes = 0;
            for (Span& span : out_.back().spans) {
                bytes += span.text.size();
                if (span.text.capacity() > span.text.size() + 16) span.text.shrink_to_fit();
            }
            line_bytes_ = bytes + 8;
        }
        y_ += out_.back().height;
        started_ = false;
        cursor_ = 0;
    }

    const InlineStyle& style_;
    PieceMeasurer& m_;
    const Flattened& f_;
    float x0_;
    DocY y_;
    float width_;
    std::vector<Line>& out_;
    bool started_ = false;
    float cursor_ = 0;
    Face last_face_ = Face::serif;
    float space_width_[static_cast<std::size_t>(Face::count)] = {};
    std::size_t line_bytes_ = 96;  // bytes of the last line: what a new span reserves
    std::uint32_t base_offset_ = 0;
    bool keep_text_ = true;
    std::size_t count_byte_ = 0;
    std::uint32_t count_chars_ = 0;
};

}  // namespace

DocY break_lines(const Inline& text, const InlineStyle& style, const TextMeasurer& measurer, float x, DocY y,
                 float width, std::vector<Line>& out, std::vector<std::string>& links, std::uint32_t* offset,
                  bool keep_text) {
    Flattened f;
    f.runs.reserve(text.size());
    if (text.size() == 1) {
        f.text = text.front().text;
    } else {
        std::size_t bytes = 0;
        for (const Run& run : text) bytes += run.text.size();
        f.joined.reserve(bytes);
        for (const Run& run : text) f.joined += run.text;
        f.text = f.joined;
    }
    std::size_t run_end = 0;
    for (const Run& run : text) {
        run_end += run.text.size();
        int link = -1;
        if (!run.href.empty()) {
            link = static_cast<int>(links.size());
            links.push_back(run.href);
        }
        f.runs.push_back(Flattened::RunEnd{run_end, styled_face(style.face, run.bold, run.italic), link});
    }
    const std::uint32_t base = offset ? *offset : 0;
    if (offset) {
        std::size_t p = 0;
        *offset += static_cast<std::uint32_t>(count_chars(f.text, p, f.text.size()));
    }
    PieceMeasurer pieces(measurer, style.size);
    LineBuilder builder(style, pieces, f, x, y, std::max(width, 1.0f), out, base, keep_text);
    Word word;
    std::size_t run = 0;
    auto run_at = [&](std::size_t byte) {
        while (run < f.runs.size() && byte >= f.runs[run].end) ++run;
        return std::min(run, f.runs.size() - 1);
    };
    auto emit = [&]() {
        for (Piece& p : word.pieces) {
            p.width = pieces.width(f.text.substr(p.begin, p.end - p.begin), p.face);
            word.width += p.width;
        }
        builder.add(word);
        // Reset in place: the pieces keep their capacity (one allocation per inline, not per word).
        word.pieces.clear();
        word.space_before = word.break_before = false;
        word.width = 0;
    };
    auto append = [&](std::size_t begin, std::size_t end) {
        const Flattened::RunEnd& r = f.runs[run_at(begin)];
        if (!word.pieces.empty() && word.pieces.back().end == begin && word.pieces.back().face == r.face &&
            word.pieces.back().link == r.link) {
            word.pieces.back().end = end;
        } else {
            word.pieces.push_back(Piece{begin, end, r.face, r.link});
        }
    };
    char32_t prev = 0;
    bool pending_space = false;
    bool pending_break = false;
    // Each character is decoded once: `next` (the look-ahead) becomes `c` on the next turn.
    std::size_t pos = 0;
    std::size_t next_end = 0;
    char32_t next = f.text.empty() ? 0 : decode(f.text, next_end);
    while (pos < f.text.size()) {
        const std::size_t start = pos;
        const char32_t c = next;
        pos = next_end;
        next = pos < f.text.size() ? decode(f.text, next_end) : 0;
        if (c == U'\n') {
            if (!word.pieces.empty()) emit();
            pending_break = true;
            pending_space = false;
        } else if (c == U' ') {
            if (!word.pieces.empty() && (binds_to_previous(next) || prev == 0x00AB) && next != U' ') {
                append(start, pos);  // French spacing: glue
            } else {
                if (!word.pieces.empty()) emit();
                pending_space = true;
            }
        } else {
            if (word.pieces.empty()) {
                word.space_before = pending_space;
                word.break_before = pending_break;
                pending_space = pending_break = false;
            }
            append(start, pos);
            // Break after a hyphen or dash inside a word ("nord-coréennes", "Moscou—Pyongyang").
            if (is_dash(c) && prev != 0 && prev != U' ' && !is_glue(prev) && next != 0 && next != U' ' &&
                !is_glue(next) && !is_dash(next)) {
                emit();
            } else if (pos < f.text.size()) {
                // Fast path: the characters that follow and can neither break nor glue (ASCII but
                // space, newline and '-'; the letters U+00C0-00FF) join this piece in one go, up to
                // the end of the run. Most of a word is taken here (BENCHMARKS.md, "Load").
                const std::size_t limit = f.runs[run_at(start)].end;
                std::size_t q = pos;
                char32_t last = c;
                while (q < limit) {
                    const unsigned char b = static_cast<unsigned char>(f.text[q]);
                    if (b < 0x80 && b != ' ' && b != '\n' && b != '-') {
                        last = b;
                        q += 1;
                    } else if (b == 0xC3 && q + 1 < limit && (static_cast<unsigned char>(f.text[q + 1]) & 0xC0) == 0x80) {
                        last = 0xC0 | (static_cast<unsigned char>(f.text[q + 1]) & 0x3F);
                        q += 2;
                    } else {
                        break;
                    }
                }
                if (q > pos) {
                    word.pieces.back().end = q;
                    pos = next_end = q;
                    next = pos < f.text.size() ? decode(f.text, next_end) : 0;
                    prev = last;
                    continue;
                }
            }
        }
        prev = c;
    }
    if (!word.pieces.empty()) emit();
    if (pending_break) {
        word.break_before = true;
        builder.add(word);
    }
    return builder.finish();
}

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
    }

    Inline plain(const std::string& text) const { return Inline{Run{text}}; }

    // The block's own text: its characters count in line offsets (see progress.cpp block_text()).
    DocY text(BlockLayout& b, const Inline& t, Face face, Role role, float size, float lh, float x, DocY y, float w) {
        return lay_out(b, t, InlineStyle{face, role, size, lh}, x, y, w, &offset_);
    }

    // Whether `t` would be laid out right to left in the current block (list markers and quote
    // bars go on that side).
    bool rtl(const Inline& t) const {
        if (!services_.engine || !needs_engine(t)) return false;
        return paragraph_level(t, paragraph_, *services_.engine) & 1;
    }

    // Words the viewer adds (labels, list markers, alt text, credits): drawn, but not counted in
    // offsets, so an anchor means the same text whatever the viewer writes around it.
    DocY decor(BlockLayout& b, const Inline& t, Face face, Role role, float size, float lh, float x, DocY y, float w) {
        InlineStyle style{face, role, size, lh};
        std::uint32_t at = offset_;
        const std::size_t first = b.kept_lines.size();
        const DocY bottom = lay_out(b, t, style, x, y, w, &at);
        for (std::size_t i = first; i < b.kept_lines.size(); ++i) b.kept_lines[i].decor = true;
        return bottom;
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
            case BlockType::paragraph: y = text(b, bl.text, Face::serif, Role::body, s_, 1.5f, x, y, w); break;
            case BlockType::quote: {
                // A right-to-left quote is mirrored: its bar on the right, its text indented from there.
                const float indent = s_ * 1.2f;
                const DocY top = y;
                const bool r = rtl(bl.text);
                const float tx = r ? x : x + indent;
                y = text(b, bl.text, Face::serif_italic, Role::quote, s_ * 1.05f, 1.5f, tx, y, w - indent);
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
                        decor(b, plain(marker), Face::serif, Role::body, s_, 1.5f, x + w - indent + s_ * 0.4f, y, mw + 1);
                        y = text(b, bl.items[i], Face::serif, Role::body, s_, 1.5f, x, y, w - indent);
                    } else {
                        decor(b, plain(marker), Face::serif, Role::body, s_, 1.5f, x + indent - mw - s_ * 0.4f, y, mw + 1);
                        y = text(b, bl.items[i], Face::serif, Role::body, s_, 1.5f, x + indent, y, w - indent);
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
                    y = text(b, t, Face::serif, Role::callout, s_ * 0.95f, 1.5f, x + pad, y, w - 2 * pad);
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

private:
    void set_paragraph(std::string_view lang, TextDirection dir) {
        paragraph_.lang = lang;
        paragraph_.han = han_for_lang(lang);
        rtl_language_ = locale::right_to_left(lang);
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
        return break_lines(t, style, m_, x, y, w, b.kept_lines, links_, offset, keep_text_);
    }

    const Article& a_;
    const TextMeasurer& m_;
    const DocumentLayout& doc_;
    const TextServices& services_;
    ParagraphContext paragraph_;
    bool rtl_language_ = false;
    std::vector<std::string>& links_;
    bool keep_text_ = true;
    float s_ = 20;
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
    // A column of about 70 characters of body text, centred, with a margin on narrow screens.
    const float sample = measurer.width("abcdefghijklmnopqrstuvwxyz", Face::serif, s) / 26.0f;
    const float margin = std::max(16.0f, s * 0.8f);
    const float ideal = std::max(sample, 1.0f) * 70.0f;
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
    std::vector<Line>().swap(b.kept_lines);
    doc.blocks.push_back(std::move(b));
    state_->y = doc.blocks.back().bottom;
}

bool LayoutBuild::step(std::size_t blocks) {
    LayoutBuildState& st = *state_;
    const Article& article = *st.article;
    const std::size_t last = st.next + std::min(blocks, article.blocks.size() - st.next);
    for (; st.next < last; ++st.next) {
        const Block& b = article.blocks[st.next];
        st.words += reading_words(b);
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
