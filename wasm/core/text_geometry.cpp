#include "text_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "reading_position.hpp"
#include "utf8.hpp"

namespace av {

namespace {

std::uint32_t line_chars(const Line& line) {
    std::uint32_t n = 0;
    for (const Span& s : line.spans) n += static_cast<std::uint32_t>(utf8::length(s.text));
    return n;
}

// x of the boundary before character `k` of the line.
float x_of(const Line& line, const TextMeasurer& m, std::uint32_t k) {
    float x = line.spans.empty() ? 0 : line.spans.front().x;
    for (const Span& s : line.spans) {
        const std::uint32_t n = static_cast<std::uint32_t>(utf8::length(s.text));
        if (k <= n) {
            std::size_t pos = 0;
            std::uint32_t spaces = 0;  // widened on a justified line (Span::word_space)
            for (std::uint32_t i = 0; i < k; ++i) spaces += utf8::next(s.text, pos) == U' ';
            return s.x + m.width(std::string_view(s.text).substr(0, pos), s.face, s.size) + s.word_space * static_cast<float>(spaces);
        }
        k -= n;
        x = s.x + s.width;
    }
    return x;
}

// Characters of a visual line's span (see Span::carets).
std::uint32_t span_chars(const Span& s) { return s.carets.empty() ? 0 : static_cast<std::uint32_t>(s.carets.size() - 1); }

// A visual line's rectangles for characters [begin, end): one per span it meets, joined where
// they touch (a right-to-left word and its punctuation, two runs of one word).
void visual_rects(const Line& line, std::uint32_t begin, std::uint32_t end, std::vector<Rect>& out) {
    const std::size_t first = out.size();
    for (const Span& s : line.spans) {
        const std::uint32_t n = span_chars(s);
        const std::uint32_t b = std::max(begin, s.offset), e = std::min(end, s.offset + n);
        if (n == 0 || b >= e) continue;
        const float x0 = s.x + s.carets[b - s.offset], x1 = s.x + s.carets[e - s.offset];
        const Rect r{std::min(x0, x1), line.y, std::max(std::fabs(x1 - x0), 1.0f), line.height};
        if (out.size() > first && std::fabs(out.back().x + out.back().w - r.x) < 0.5f) out.back().w = r.x + r.w - out.back().x;
        else out.push_back(r);
    }
}

// The character boundary nearest to x on a visual line.
std::uint32_t visual_hit(const Line& line, float x) {
    std::uint32_t best = line.offset;
    float best_dx = INFINITY;
    for (const Span& s : line.spans) {
        for (std::uint32_t k = 0; k < s.carets.size(); ++k) {
            const float dx = std::fabs(x - (s.x + s.carets[k]));
            if (dx < best_dx) {
                best_dx = dx;
                best = s.offset + k;
            }
        }
    }
    return best;
}

}  // namespace

std::vector<Rect> range_rects(const DocumentLayout& doc, const TextMeasurer& measurer, int block, std::uint32_t begin,
                              std::uint32_t end) {
    std::vector<Rect> out;
    if (doc.blocks.empty() || end <= begin) return out;
    const std::size_t i = layout_index(doc, block);
    if (doc.blocks[i].block != block) return out;
    for (const Line& line : doc.lines(i)) {
        if (line.decor || line.spans.empty()) continue;
        if (line.visual) {
            visual_rects(line, begin, end, out);
            continue;
        }
        const std::uint32_t first = line.offset, last = line.offset + line_chars(line);
        if (end <= first || begin >= last) continue;
        const float x0 = x_of(line, measurer, std::max(begin, first) - first);
        const float x1 = x_of(line, measurer, std::min(end, last) - first);
        out.push_back(Rect{x0, line.y, std::max(x1 - x0, 1.0f), line.height});
    }
    return out;
}

std::optional<TextPos> hit_test(const DocumentLayout& doc, const TextMeasurer& measurer, float x, DocY y) {
    // The nearest text line: search the block under y and its neighbours.
    auto [first, last] = doc.visible(y, y + 1);
    std::size_t from = first > 0 ? first - 1 : 0;
    std::size_t to = std::min(std::max(last, first + 1) + 1, doc.blocks.size());
    const Line* best = nullptr;
    int best_block = -1;
    DocY best_distance = INFINITY;
    auto consider = [&](std::size_t i) {
        for (const Line& line : doc.lines(i)) {
            if (line.decor || line.spans.empty()) continue;
            const DocY d = y < line.y ? line.y - y : y >= line.y + line.height ? y - (line.y + line.height) + 0.001 : 0;
            if (d < best_distance) {
                best_distance = d;
                best = &line;
                best_block = doc.blocks[i].block;
            }
        }
    };
    for (std::size_t i = from; i < to; ++i) consider(i);
    // Blocks with no text line around y (pictures, a paragraph of blanks, below the last block):
    // the nearest text before and after them, so a drag past them still selects to its end.
    for (std::size_t i = from; !best && i-- > 0;) consider(i);
    for (std::size_t i = to; i < doc.blocks.size(); ++i) {
        const DocY before = best_distance;
        if (doc.blocks[i].top - y > best_distance) break;
        consider(i);
        if (best_distance < before) break;
    }
    if (!best) return std::nullopt;
    if (best->visual) return TextPos{best_block, visual_hit(*best, x)};
    // The boundary nearest to x, walking characters.
    std::uint32_t k = 0, best_k = 0;
    float best_dx = std::fabs(x - x_of(*best, measurer, 0));
    for (const Span& s : best->spans) {
        float cx = s.x;
        for (std::size_t pos = 0; pos < s.text.size();) {
            const std::size_t start = pos;
            const char32_t c = utf8::next(s.text, pos);
            cx += measurer.width(std::string_view(s.text).substr(start, pos - start), s.face, s.size);
            if (c == U' ') cx += s.word_space;
            ++k;
            const float dx = std::fabs(x - cx);
            if (dx < best_dx) {
                best_dx = dx;
                best_k = k;
            }
        }
    }
    return TextPos{best_block, best->offset + best_k};
}

}  // namespace av
