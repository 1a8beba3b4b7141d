#include "rich_lines.hpp"

#include <algorithm>
#include <optional>

#include "core/text/bidi_reorder.hpp"
#include "core/text/font_fallback.hpp"
#include "core/text/itemize.hpp"
#include "core/text/justify_gaps.hpp"
#include "core/text/line_breaker.hpp"
#include "core/text/paragraph_text.hpp"
#include "core/text/rich_hyphenation.hpp"
#include "core/text/shape_items.hpp"
#include "core/text/text_class.hpp"
#include "core/utf8.hpp"

namespace av {

namespace {

// The engine's analysis, made whole whatever the engine returned: one entry per character.
std::uint8_t analyze(const TextEngine& engine, const ParagraphText& p, const ParagraphContext& ctx,
                     std::vector<CharInfo>& info) {
    const std::uint8_t level = engine.analyze(p.text, ctx.direction, ctx.lang, info) & 1;
    if (info.size() != p.text.size()) info.resize(p.text.size());
    if (!info.empty()) {
        info[0].flags |= char_flags::cluster_start;
        info[0].brk = BreakBefore::no;
    }
    return level;
}

// Carets of characters [b, e) (see Span::carets) from what each adds to the width.
std::vector<float> carets_of(const std::vector<CharInfo>& info, const std::vector<float>& advance, std::uint32_t b,
                             std::uint32_t e, bool rtl) {
    std::vector<float> carets(e - b + 1);
    float run = 0, cluster = 0;
    for (std::uint32_t k = b; k < e; ++k) {
        if (k == b || (info[k].flags & char_flags::cluster_start)) cluster = run;
        carets[k - b] = cluster;
        run += advance[k];
    }
    carets[e - b] = run;
    if (rtl)
        for (float& c : carets) c = run - c;
    return carets;
}

// Text a code-point span draws: its characters but those never drawn.
std::string drawn_text(const ParagraphText& p, std::uint32_t b, std::uint32_t e) {
    std::string out;
    out.reserve(p.bytes[e] - p.bytes[b]);
    for (std::uint32_t k = b; k < e; ++k)
        if (p.text[k] != U'\n' && !FontFallback::ignorable(p.text[k])) out.append(p.utf8, p.bytes[k], p.bytes[k + 1] - p.bytes[k]);
    return out;
}

// The pieces of a code-point span's drawn text (drawn_text) on a line justified between
// characters (Span::pieces): a new one after each character whose advance was widened, at the
// x its carets give; none for a span with no gap inside.
std::vector<TextPiece> pieces_of(const ParagraphText& p, const std::vector<float>& measured,
                                 const std::vector<float>& advance, std::uint32_t b, std::uint32_t e) {
    std::vector<TextPiece> pieces{TextPiece{}};
    std::uint32_t byte = 0;
    float x = 0;
    for (std::uint32_t k = b; k < e; ++k) {
        if (k > b && advance[k - 1] > measured[k - 1]) pieces.push_back(TextPiece{byte, x});
        if (p.text[k] != U'\n' && !FontFallback::ignorable(p.text[k])) byte += p.bytes[k + 1] - p.bytes[k];
        x += advance[k];
    }
    if (pieces.size() == 1) pieces.clear();  // no gap inside: drawn in one go
    return pieces;
}

// A shaped span's glyphs, placed by the advances of its characters [b, e): what justification
// added to a cluster's characters (a space, a gap between CJK characters) goes after the cluster's
// glyphs in reading order, so after them left to right and before them right to left (glyphs
// come in visual order). A cluster is the glyphs with one HarfBuzz cluster value, up to the next
// value in reading order (a ligature covers all the characters it merged).
void place_glyphs(const std::vector<ItemGlyph>& glyphs, const std::vector<float>& measured, const std::vector<float>& adv,
                  std::uint32_t b, std::uint32_t e, bool rtl, std::vector<Glyph>& out) {
    float pen = 0;
    for (std::size_t g0 = 0; g0 < glyphs.size();) {
        const std::uint32_t c = glyphs[g0].cluster;
        std::size_t g1 = g0 + 1;
        while (g1 < glyphs.size() && glyphs[g1].cluster == c) ++g1;
        if (c >= b && c < e) {
            std::uint32_t next = e;
            if (!rtl && g1 < glyphs.size()) next = glyphs[g1].cluster;
            if (rtl && g0 > 0) next = glyphs[g0 - 1].cluster;
            next = std::clamp(next, c + 1, e);
            float added = 0;
            for (std::uint32_t k = c; k < next; ++k) added += adv[k] - measured[k];
            if (rtl) pen += added;
            for (std::size_t g = g0; g < g1; ++g) {
                out.push_back(Glyph{glyphs[g].id, pen + glyphs[g].x_offset, -glyphs[g].y_offset});
                pen += glyphs[g].advance;
            }
            if (!rtl) pen += added;
        }
        g0 = g1;
    }
}

}  // namespace

bool is_rich(const Inline& text) {
    for (const Run& r : text) {
        const std::string& s = r.text;
        for (std::size_t pos = 0; pos < s.size();) {
            if (static_cast<unsigned char>(s[pos]) < 0x80) {
                ++pos;
                continue;
            }
            if (text_class_of(utf8::next(s, pos)) & text_class::rich) return true;
        }
    }
    return false;
}

bool has_ltr_letter(const Inline& text) {
    for (const Run& r : text) {
        const std::string& s = r.text;
        for (std::size_t pos = 0; pos < s.size();) {
            const char32_t c = utf8::next(s, pos);
            const bool ascii_letter = (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
            // Latin-1 to Cyrillic and beyond, up to General Punctuation: letters but the two
            // operators and the combining marks (which take their base's direction).
            const bool other_letter = c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7 && !(c >= 0x0300 && c <= 0x036F);
            if (ascii_letter || other_letter) return true;
        }
    }
    return false;
}

std::uint8_t paragraph_level(const Inline& text, const ParagraphContext& paragraph, const TextEngine& engine) {
    std::vector<std::string> links;
    const ParagraphText p = flatten(text, Face::serif, paragraph.lang, paragraph.han, links);
    std::vector<CharInfo> info;
    return analyze(engine, p, paragraph, info);
}

DocY break_rich_lines(const Inline& text, const InlineStyle& style, const ParagraphContext& paragraph,
                      const TextServices& services, const TextMeasurer& measurer, float x, DocY y, float width,
                      std::vector<Line>& out, std::vector<std::string>& links, std::uint32_t* offset, bool keep_text,
                      std::uint8_t* paragraph_level_out) {
    const ParagraphText p = flatten(text, style.face, paragraph.lang, paragraph.han, links);
    const std::uint32_t base = offset ? *offset : 0;
    if (offset) *offset += static_cast<std::uint32_t>(p.text.size());
    if (paragraph_level_out) *paragraph_level_out = 0;
    if (p.text.empty() || !services.engine) return y;
    const TextEngine& engine = *services.engine;
    width = std::max(width, 1.0f);

    std::vector<CharInfo> info;
    const std::uint8_t level = analyze(engine, p, paragraph, info);
    if (paragraph_level_out) *paragraph_level_out = level;
    const std::vector<Item> items = itemize(p, info, FontFallback(engine, services.catalog));
    const MeasuredParagraph measured = shape_items(p, info, items, engine, measurer, style.size, services.shape_cache);

    std::vector<std::uint32_t> piece_item, piece_begin, piece_end;
    std::vector<std::uint8_t> piece_level;
    // Justified text widens the spaces of full lines, and the gaps between characters of CJK ones
    // (docs/text-pipeline.md, "Justified text"): in a copy of the advances, so that the spans'
    // widths, their carets, their glyphs and their pieces all place what follows a widened
    // character alike. Lines never share characters, so it is never undone.
    std::vector<float> advance;
    std::vector<std::uint32_t> gaps;
    // Justified text is hyphenated where the simple path would hyphenate it (rich_hyphenation.hpp).
    std::optional<RichHyphenation> hyphenation;
    if (style.justify && style.hyphenator)
        hyphenation.emplace(p, info, items, *style.hyphenator, style.lang.empty() ? paragraph.lang : style.lang,
                            measurer, style.size);
    // Justified text is broken by total fit, as on the simple path, unless greedy is asked.
    const WordHyphenation* hyphens = hyphenation ? &*hyphenation : nullptr;
    const std::vector<LineRange> ranges =
        style.justify && style.breaking == LineBreaking::total_fit
            ? break_into_lines_total_fit(info, measured.advance, p.text, width, style.size, hyphens)
            : break_into_lines(info, measured.advance, p.text, width, hyphens);
    if (style.justify && ranges.size() > 1) advance = measured.advance;
    const std::vector<float>& adv = advance.empty() ? measured.advance : advance;
    for (std::size_t r = 0; r < ranges.size(); ++r) {
        const LineRange& range = ranges[r];
        Line line;
        line.y = y;
        line.height = style.size * style.line_height;
        line.offset = base + range.begin;
        line.visual = true;
        line.rtl = level & 1;
        // The items' pieces on this line, in reading order; trailing spaces are not drawn.
        piece_item.clear(), piece_begin.clear(), piece_end.clear(), piece_level.clear();
        auto first = std::upper_bound(items.begin(), items.end(), range.begin,
                                      [](std::uint32_t c, const Item& it) { return c < it.end; });
        // A line of blanks alone (a line feed, spaces) has no piece, even inside an item.
        for (auto it = first; it != items.end() && std::max(it->begin, range.begin) < range.content_end; ++it) {
            piece_item.push_back(static_cast<std::uint32_t>(it - items.begin()));
            piece_begin.push_back(std::max(it->begin, range.begin));
            piece_end.push_back(std::min(it->end, range.content_end));
            piece_level.push_back(it->level);
        }
        // The hyphen added where a word is cut counts in the line's width, not in its text.
        float total = range.hyphen;
        for (std::uint32_t k = range.begin; k < range.content_end; ++k) total += adv[k];
        // A full line: not the last, nor one that a line feed ends. Its spaces (U+0020, as the
        // simple path's) and, on a CJK line, its gaps between characters (justify_gaps.hpp) take
        // equal shares of what is left; a line with none (one long word) stays ragged.
        float extra = 0;
        bool between = false;
        const bool full = !advance.empty() && r + 1 < ranges.size() && range.end > range.begin &&
                          p.text[range.end - 1] != U'\n';
        if (full) {
            line.justified = true;
            between = justification_gaps(p.text, info, advance, range.begin, range.content_end, gaps);
            if (!gaps.empty() && width > total) {
                extra = (width - total) / static_cast<float>(gaps.size());
                for (std::uint32_t k : gaps) advance[k] += extra;
                total = width;
                if (between) line.char_gap = extra;
            }
            between = between && extra > 0;
        }
        float cursor = line.rtl ? x + width - total : x;
        for (std::size_t k : visual_order(piece_level)) {
            const Item& item = items[piece_item[k]];
            const std::uint32_t b = piece_begin[k], e = piece_end[k];
            const ParagraphText::Style& s = p.styles[item.style];
            Span span;
            span.face = s.face;
            span.role = s.link >= 0 ? Role::link : style.role;
            span.size = style.size;
            span.x = cursor;
            span.link = s.link;
            span.offset = base + b;
            span.level = item.level;
            span.han = s.han;
            span.font = item.font;
            span.cjk = item.cjk;
            for (std::uint32_t c = b; c < e; ++c) span.width += adv[c];
            // The hyphen goes after the word's last character, which ends the line: its piece is
            // the line's last, left to right (RichHyphenation cuts nothing else), so it is drawn
            // at the span's end, right after its last glyph, as on the simple path.
            if (range.hyphen > 0 && e == range.content_end) {
                span.hyphen = true;
                span.width += range.hyphen;
            }
            if (keep_text) {
                span.carets = carets_of(info, adv, b, e, item.level & 1);
                if (item.font == no_font) {
                    span.text = drawn_text(p, b, e);
                    span.word_space = extra;  // drawn by code point: the UI widens its spaces
                    if (between) span.pieces = pieces_of(p, measured.advance, advance, b, e);
                } else {
                    span.text.assign(p.utf8, p.bytes[b], p.bytes[e] - p.bytes[b]);
                    place_glyphs(measured.glyphs[piece_item[k]], measured.advance, adv, b, e, item.level & 1, span.glyphs);
                }
            }
            cursor += span.width;
            line.spans.push_back(std::move(span));
        }
        out.push_back(std::move(line));
        y += out.back().height;
    }
    return y;
}

}  // namespace av
