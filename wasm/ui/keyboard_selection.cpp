#include "keyboard_selection.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "core/reading_position.hpp"
#include "core/text_search.hpp"
#include "core/utf8.hpp"

namespace av {

namespace {

std::vector<char32_t> chars_of(const Article& article, int block) {
    std::vector<char32_t> out;
    if (block < 0 || static_cast<std::size_t>(block) >= article.blocks.size()) return out;
    const std::string text = block_text(article.blocks[static_cast<std::size_t>(block)]);
    for (std::size_t pos = 0; pos < text.size();) out.push_back(utf8::next(text, pos));
    return out;
}

std::uint32_t line_chars(const Line& line) {
    std::uint32_t n = 0;
    for (const Span& s : line.spans) n += static_cast<std::uint32_t>(utf8::length(s.text));
    return n;
}

// The lines of doc.blocks[i] that carry its own text (what selection and find see).
std::vector<const Line*> text_lines(const DocumentLayout& doc, std::size_t i) {
    std::vector<const Line*> out;
    for (const Line& line : doc.lines(i))
        if (!line.decor && !line.spans.empty()) out.push_back(&line);
    return out;
}

// The nearest layout block after (step 1) or before (step -1) doc.blocks[i] that is an article
// block with text lines; doc.blocks.size() when there is none.
std::size_t text_block_near(const DocumentLayout& doc, std::size_t i, int step) {
    for (std::size_t j = i;;) {
        if (step > 0 ? j + 1 >= doc.blocks.size() : j == 0) return doc.blocks.size();
        j = step > 0 ? j + 1 : j - 1;
        if (doc.blocks[j].block < 0) return doc.blocks.size();  // the header: not walked
        if (!text_lines(doc, j).empty()) return j;
    }
}

// The index in `lines` of the caret's line.
std::size_t line_of(const std::vector<const Line*>& lines, const Caret& c) {
    std::size_t k = 0;
    while (k + 1 < lines.size() && lines[k + 1]->offset <= c.pos.offset) ++k;
    if (c.upstream && k > 0 && lines[k]->offset == c.pos.offset) --k;
    return k;
}

// The caret at the end of `line`'s text: before its closing space (where the line was broken),
// after the last character otherwise, which may be where the next line starts (upstream then).
Caret line_end(const Line& line, int block, const std::vector<char32_t>& chars) {
    std::uint32_t end =
        std::min<std::uint32_t>(line.offset + line_chars(line), static_cast<std::uint32_t>(chars.size()));
    if (end > line.offset + 1 && chars[end - 1] == U' ') --end;
    return Caret{TextPos{block, end}, end > line.offset, std::nullopt};
}

// The caret on `line` (of doc.blocks[i]) nearest to x.
Caret caret_on_line(const Article& article, const DocumentLayout& doc, const TextMeasurer& measurer, std::size_t i,
                    const Line& line, float x) {
    const int block = doc.blocks[i].block;
    const std::uint32_t first = line.offset, last = line.offset + line_chars(line);
    const std::optional<TextPos> hit = hit_test(doc, measurer, x, line.y + line.height / 2);
    std::uint32_t at = hit && hit->block == block ? std::clamp(hit->offset, first, last) : first;
    const std::vector<char32_t> chars = chars_of(article, block);
    // Past the line's closing space is the next line's start: its end is before that space.
    const Caret end = line_end(line, block, chars);
    if (at > end.pos.offset) at = end.pos.offset;
    return Caret{TextPos{block, at}, at == end.pos.offset && at > first, std::nullopt};
}

// The caret's x: the left of the character after it, or (at a line's or the block's end) the
// right of the one before it.
float caret_x(const DocumentLayout& doc, const TextMeasurer& measurer, const Caret& c) {
    if (!c.upstream) {
        const std::vector<Rect> r = range_rects(doc, measurer, c.pos.block, c.pos.offset, c.pos.offset + 1);
        if (!r.empty()) return r.front().x;
    }
    if (c.pos.offset > 0) {
        const std::vector<Rect> r = range_rects(doc, measurer, c.pos.block, c.pos.offset - 1, c.pos.offset);
        if (!r.empty()) return r.back().x + r.back().w;
    }
    return doc.column_x;
}

Caret step_char(const Article& article, const DocumentLayout& doc, const Caret& c, int step) {
    const std::uint32_t length = static_cast<std::uint32_t>(chars_of(article, c.pos.block).size());
    if (step > 0 && c.pos.offset < length) return Caret{TextPos{c.pos.block, c.pos.offset + 1}, false, std::nullopt};
    if (step < 0 && c.pos.offset > 0) return Caret{TextPos{c.pos.block, c.pos.offset - 1}, false, std::nullopt};
    // Between two blocks: one step, as the paragraph break between them.
    const std::size_t j = text_block_near(doc, layout_index(doc, c.pos.block), step);
    if (j >= doc.blocks.size()) return Caret{c.pos, false, std::nullopt};
    const int block = doc.blocks[j].block;
    return Caret{TextPos{block, step > 0 ? 0 : static_cast<std::uint32_t>(chars_of(article, block).size())}, false,
                 std::nullopt};
}

// To the end of the next word (step 1) or the start of the previous one (step -1), within the
// block; from the block's end (start), into the next (previous) block.
Caret step_word(const Article& article, const DocumentLayout& doc, const Caret& c, int step) {
    TextPos pos = c.pos;
    std::vector<char32_t> chars = chars_of(article, pos.block);
    const auto n = static_cast<std::uint32_t>(chars.size());
    if ((step > 0 && pos.offset >= n) || (step < 0 && pos.offset == 0)) {
        const std::size_t j = text_block_near(doc, layout_index(doc, pos.block), step);
        if (j >= doc.blocks.size()) return Caret{c.pos, false, std::nullopt};
        pos.block = doc.blocks[j].block;
        chars = chars_of(article, pos.block);
        pos.offset = step > 0 ? 0 : static_cast<std::uint32_t>(chars.size());
    }
    std::uint32_t p = std::min(pos.offset, static_cast<std::uint32_t>(chars.size()));
    if (step > 0) {
        while (p < chars.size() && !word_char(chars[p])) ++p;
        while (p < chars.size() && word_char(chars[p])) ++p;
        // Hyphens and apostrophes end no word (as a double click's word_at): "l'" + "article".
        while (p > pos.offset + 1 && (chars[p - 1] == U'-' || chars[p - 1] == U'\'' || chars[p - 1] == 0x2019) &&
               (p == chars.size() || !word_char(chars[p])))
            --p;
    } else {
        while (p > 0 && !word_char(chars[p - 1])) --p;
        while (p > 0 && word_char(chars[p - 1])) --p;
        while (p + 1 < pos.offset && p < chars.size() && (chars[p] == U'-' || chars[p] == U'\'') &&
               (p == 0 || !word_char(chars[p - 1])))
            ++p;
    }
    return Caret{TextPos{pos.block, p}, false, std::nullopt};
}

Caret step_line(const Article& article, const DocumentLayout& doc, const TextMeasurer& measurer, const Caret& c,
                int step) {
    std::size_t i = layout_index(doc, c.pos.block);
    const std::vector<const Line*> lines = text_lines(doc, i);
    if (doc.blocks[i].block != c.pos.block || lines.empty()) return c;
    const float x = c.goal_x ? *c.goal_x : caret_x(doc, measurer, c);
    const std::size_t k = line_of(lines, c);
    const Line* target = nullptr;
    if (step > 0 && k + 1 < lines.size()) {
        target = lines[k + 1];
    } else if (step < 0 && k > 0) {
        target = lines[k - 1];
    } else if (const std::size_t j = text_block_near(doc, i, step); j < doc.blocks.size()) {
        i = j;
        const std::vector<const Line*> there = text_lines(doc, j);
        target = step > 0 ? there.front() : there.back();
    } else {
        // Down on the last line goes to its end, Up on the first to its start, as in a text field.
        Caret out = step > 0 ? line_end(*lines[k], c.pos.block, chars_of(article, c.pos.block))
                             : Caret{TextPos{c.pos.block, lines[k]->offset}, false, std::nullopt};
        out.goal_x = x;
        return out;
    }
    Caret out = caret_on_line(article, doc, measurer, i, *target, x);
    out.goal_x = x;
    return out;
}

}  // namespace

Caret move_caret(const Article& article, const DocumentLayout& doc, const TextMeasurer& measurer, const Caret& from,
                 CaretMove move) {
    if (doc.blocks.empty() || from.pos.block < 0) return from;
    switch (move) {
        case CaretMove::char_next:
            return step_char(article, doc, from, 1);
        case CaretMove::char_prev:
            return step_char(article, doc, from, -1);
        case CaretMove::word_next:
            return step_word(article, doc, from, 1);
        case CaretMove::word_prev:
            return step_word(article, doc, from, -1);
        case CaretMove::line_down:
            return step_line(article, doc, measurer, from, 1);
        case CaretMove::line_up:
            return step_line(article, doc, measurer, from, -1);
        case CaretMove::line_start:
        case CaretMove::line_end: {
            const std::size_t i = layout_index(doc, from.pos.block);
            const std::vector<const Line*> lines = text_lines(doc, i);
            if (doc.blocks[i].block != from.pos.block || lines.empty()) return from;
            const Line& line = *lines[line_of(lines, from)];
            if (move == CaretMove::line_start) return Caret{TextPos{from.pos.block, line.offset}, false, std::nullopt};
            return line_end(line, from.pos.block, chars_of(article, from.pos.block));
        }
    }
    return from;
}

std::optional<TextPos> keyboard_selection_start(const DocumentLayout& doc, DocY scroll_y, float view_h) {
    const std::size_t first = doc.visible(scroll_y, scroll_y + view_h).first;
    std::optional<TextPos> below;  // the first line starting in the view, if none is all in it
    for (std::size_t i = first; i < doc.blocks.size(); ++i) {
        if (doc.blocks[i].block < 0) continue;
        for (const Line* line : text_lines(doc, i)) {
            if (line->y + 0.5 < scroll_y) continue;
            if (line->y + line->height <= scroll_y + view_h + 0.5) return TextPos{doc.blocks[i].block, line->offset};
            if (!below) below = TextPos{doc.blocks[i].block, line->offset};
        }
        if (below) break;
    }
    return below;
}

std::optional<Rect> caret_rect(const DocumentLayout& doc, const TextMeasurer& measurer, const Caret& caret) {
    if (doc.blocks.empty() || caret.pos.block < 0) return std::nullopt;
    const std::size_t i = layout_index(doc, caret.pos.block);
    const std::vector<const Line*> lines = text_lines(doc, i);
    if (doc.blocks[i].block != caret.pos.block || lines.empty()) return std::nullopt;
    const Line& line = *lines[line_of(lines, caret)];
    return Rect{caret_x(doc, measurer, caret), line.y, 1.0f, line.height};
}

}  // namespace av
