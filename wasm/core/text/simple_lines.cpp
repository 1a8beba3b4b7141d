// The simple path of line breaking (docs/text-pipeline.md, "Two paths"): text that needs no
// shaping or reordering, measured word by word. Ragged lines are broken as the words come;
// justified paragraphs are gathered first and broken by first fit or total fit, with hyphenation.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/layout.hpp"
#include "core/piece_measurer.hpp"
#include "core/text/paragraph_text.hpp"
#include "core/text/total_fit.hpp"
#include "core/utf8.hpp"

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
        std::string_view lang;  // the run's own, or empty
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

    // The justified path: it has chosen the line's words itself. `space_before` as Word's.
    void place_unit(const Word& word) {
        justified_ = true;
        const float space = pending_space_width(word);
        place(word, started_ && word.space_before ? space : 0);
    }

    // Ends the line the justified path has filled: with the added hyphen (its width, 0: none)
    // and, for a full line, its spaces widened so that it ends flush at the column's edge.
    void end_line(float hyphen, bool justify) {
        if (!started_) return;
        Line& line = out_.back();
        if (hyphen > 0 && !line.spans.empty()) {
            line.spans.back().hyphen = true;
            line.spans.back().width += hyphen;
            cursor_ += hyphen;
        }
        if (justify) {
            line.justified = true;
            std::uint32_t spaces = 0;
            for (std::uint32_t n : span_spaces_) spaces += n;
            const float extra = spaces > 0 ? (width_ - cursor_) / static_cast<float>(spaces) : 0;
            if (extra > 0) {
                float shift = 0;
                for (std::size_t k = 0; k < line.spans.size(); ++k) {
                    Span& span = line.spans[k];
                    span.x += shift;
                    span.word_space = extra;
                    const float added = extra * static_cast<float>(span_spaces_[k]);
                    span.width += added;
                    shift += added;
                }
                cursor_ += shift;
            }
        }
        finish_line();
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
            ++span_spaces_.back();
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
            span_spaces_.push_back(0);
        }
        Span& span = line.spans.back();
        // A justified line widens every U+0020 of its text, as drawing and carets do: the spaces
        // glued inside a word (French spacing) too.
        if (justified_)
            for (std::size_t i = begin; i < end; ++i) span_spaces_.back() += f_.text[i] == ' ';
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
        if (style_.spare_spans && !style_.spare_spans->empty()) {
            line.spans = std::move(style_.spare_spans->back());
            style_.spare_spans->pop_back();
        }
        line.offset = base_offset_ + count_chars_;
        line.y = y_;
        line.height = style_.size * style_.line_height;
        out_.push_back(std::move(line));
        span_spaces_.clear();
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
    std::vector<std::uint32_t> span_spaces_;  // spaces in each span of the line being filled
    bool justified_ = false;                  // placing for the justified path
};

// A justified paragraph's words cut into units: a whole word, or the part of one between two
// places it may be cut (hyphenation points; any character of a word wider than the column).
struct Unit {
    enum class Before : std::uint8_t {
        space,   // a space separates it from the previous unit: a break, or a space to widen
        join,    // a break with nothing to add (after a dash inside a word)
        hyphen,  // a hyphenation point: a break adds a hyphen
        cut,     // inside a word too wide for the column: a break adds nothing, and is the last resort
    };
    std::size_t begin, end;  // bytes in the flattened text
    std::size_t word;        // index of its word
    float width = 0;
    float space = 0;  // the space's width, when `before` is `space`
    Face last_face = Face::serif;
    Before before = Before::join;
    bool hard = false;  // a line feed comes before it: the line before ends there, ragged
};

// Breaks a justified paragraph (docs/text-pipeline.md, "Justified text").
class JustifiedBreaker {
public:
    JustifiedBreaker(const InlineStyle& style, PieceMeasurer& m, const Flattened& f, float width)
        : style_(style), m_(m), f_(f), width_(width) {}

    void run(const std::vector<Word>& words, LineBuilder& builder) {
        words_ = &words;
        units_.clear();
        for (std::size_t i = 0; i < words.size(); ++i) add_word(words, i);
        std::vector<std::size_t> ends;
        std::size_t seg = 0;
        while (seg < units_.size()) {
            std::size_t seg_end = seg + 1;
            while (seg_end < units_.size() && !units_[seg_end].hard) ++seg_end;
            ends.clear();
            if (style_.breaking == LineBreaking::greedy) first_fit(seg, seg_end, ends);
            else total_fit(seg, seg_end, ends);
            std::size_t a = seg;
            for (std::size_t b : ends) {
                for (std::size_t k = a; k < b; ++k) builder.place_unit(piece_word(k, k > a && units_[k].before == Unit::Before::space));
                const bool hyphen = b < seg_end && units_[b].before == Unit::Before::hyphen;
                builder.end_line(hyphen ? hyphen_width(units_[b - 1].last_face) : 0, b < seg_end);
                a = b;
            }
            seg = seg_end;
        }
    }

private:
    float hyphen_width(Face face) {
        float& w = hyphen_[static_cast<std::size_t>(face)];
        if (w <= 0) w = m_.width("-", face);
        return w;
    }
    float space_width(Face face) {
        float& w = space_[static_cast<std::size_t>(face)];
        if (w <= 0) w = m_.width(" ", face);
        return w;
    }

    // The language of the word at byte `at`: its run's, else the paragraph's.
    std::string_view lang_at(std::size_t at) const {
        auto run = std::upper_bound(f_.runs.begin(), f_.runs.end(), at,
                                    [](std::size_t b, const Flattened::RunEnd& r) { return b < r.end; });
        return run != f_.runs.end() && !run->lang.empty() ? run->lang : style_.lang;
    }

    // Width and last face of bytes [a, b) of `word`.
    float measure(const Word& word, std::size_t a, std::size_t b, Face& last) {
        float w = 0;
        for (const Piece& p : word.pieces) {
            const std::size_t pa = std::max(a, p.begin), pb = std::min(b, p.end);
            if (pa >= pb) continue;
            w += (pa == p.begin && pb == p.end) ? p.width : m_.width(f_.text.substr(pa, pb - pa), p.face);
            last = p.face;
        }
        return w;
    }

    void add_word(const std::vector<Word>& words, std::size_t index) {
        const Word& word = words[index];
        if (word.pieces.empty()) return;
        const std::size_t wb = word.pieces.front().begin, we = word.pieces.back().end;
        Unit::Before before = word.space_before ? Unit::Before::space : Unit::Before::join;
        const float space = word.space_before && !units_.empty() ? space_width(units_.back().last_face) : 0;
        // Where the word may be cut, in bytes, with whether a cut there takes a hyphen.
        cuts_.clear();
        const bool too_wide = word.width > width_ + 0.01f;
        if ((style_.hyphenator && we - wb >= 6) || too_wide) {
            chunk_.clear();
            bytes_.clear();
            for (std::size_t pos = wb; pos < we;) {
                bytes_.push_back(pos);
                chunk_.push_back(utf8::next(f_.text, pos));
            }
            if (style_.hyphenator) points_ = hyphenation_points(*style_.hyphenator, lang_at(wb), chunk_);
            else points_.clear();
            std::size_t h = 0;
            for (std::uint32_t k = 1; k < chunk_.size(); ++k) {
                while (h < points_.size() && points_[h] < k) ++h;
                const bool hyphen = h < points_.size() && points_[h] == k;
                if (hyphen) cuts_.emplace_back(bytes_[k], Unit::Before::hyphen);
                else if (too_wide) cuts_.emplace_back(bytes_[k], Unit::Before::cut);
            }
        }
        std::size_t a = wb;
        for (std::size_t c = 0; c <= cuts_.size(); ++c) {
            const std::size_t b = c < cuts_.size() ? cuts_[c].first : we;
            Unit u{a, b, index};
            u.width = cuts_.empty() ? word.width : 0;
            Face last = word.pieces.back().face;
            if (!cuts_.empty()) u.width = measure(word, a, b, last);
            u.last_face = last;
            if (c == 0) {
                u.before = before;
                u.space = before == Unit::Before::space ? space : 0;
                u.hard = word.break_before;
            } else {
                u.before = cuts_[c - 1].second;
            }
            units_.push_back(u);
            a = b;
        }
    }

    // The unit as a word to place: its pieces clipped to it, measured.
    const Word& piece_word(std::size_t k, bool space_before) {
        const Unit& u = units_[k];
        scratch_.pieces.clear();
        scratch_.space_before = space_before;
        scratch_.width = u.width;
        for (const Piece& p : words_->at(u.word).pieces) {
            const std::size_t pa = std::max(u.begin, p.begin), pb = std::min(u.end, p.end);
            if (pa >= pb) continue;
            Piece q{pa, pb, p.face, p.link};
            q.width = (pa == p.begin && pb == p.end) ? p.width : m_.width(f_.text.substr(pa, pb - pa), p.face);
            scratch_.pieces.push_back(q);
        }
        return scratch_;
    }

    float end_width(std::size_t j, std::size_t seg_end) {
        return j < seg_end && units_[j].before == Unit::Before::hyphen ? hyphen_width(units_[j - 1].last_face) : 0;
    }

    // First fit: each line takes as much as fits, a word cut at its last hyphenation point that
    // fits; a cut without a hyphen (a word wider than the column) only when nothing else fits.
    void first_fit(std::size_t seg, std::size_t seg_end, std::vector<std::size_t>& ends) {
        std::size_t i = seg;
        while (i < seg_end) {
            float w = 0;
            std::size_t best = 0, best_cut = 0;
            for (std::size_t j = i + 1; j <= seg_end; ++j) {
                const Unit& u = units_[j - 1];
                w += u.width + (j - 1 > i && u.before == Unit::Before::space ? u.space : 0);
                if (w + end_width(j, seg_end) > width_ + 0.01f) break;
                if (j < seg_end && units_[j].before == Unit::Before::cut) best_cut = j;
                else best = j;
            }
            const std::size_t end = best ? best : best_cut ? best_cut : i + 1;
            ends.push_back(end);
            i = end;
        }
    }

    // Total fit (core/text/total_fit.hpp): the breaks of the whole paragraph whose lines' demerits
    // add up least. The units are its items: a space before a unit is its gap, and all of it
    // widens; a cut inside a word wider than the column costs nearly anything.
    void total_fit(std::size_t seg, std::size_t seg_end, std::vector<std::size_t>& ends) {
        items_.clear();
        for (std::size_t k = seg; k < seg_end; ++k) {
            const Unit& u = units_[k];
            FitItem item;
            item.width = u.width;
            if (u.before == Unit::Before::space) item.gap = item.gap_stretch = u.space;
            if (k > seg) {
                item.hyphen = end_width(k, seg_end);
                item.before = u.before == Unit::Before::hyphen ? FitBreak::hyphen
                              : u.before == Unit::Before::cut  ? FitBreak::cut
                                                               : FitBreak::plain;
            }
            items_.push_back(item);
        }
        const std::size_t first = ends.size();
        fit_.run(items_, width_, ends);
        for (std::size_t e = first; e < ends.size(); ++e) ends[e] += seg;
    }

    const InlineStyle& style_;
    PieceMeasurer& m_;
    const Flattened& f_;
    float width_;
    const std::vector<Word>* words_ = nullptr;
    std::vector<Unit> units_;
    std::vector<std::pair<std::size_t, Unit::Before>> cuts_;
    std::u32string chunk_;
    std::vector<std::size_t> bytes_;
    std::vector<std::uint32_t> points_;
    std::vector<FitItem> items_;
    TotalFit fit_;
    Word scratch_;
    float hyphen_[static_cast<std::size_t>(Face::count)] = {};
    float space_[static_cast<std::size_t>(Face::count)] = {};
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
        f.runs.push_back(Flattened::RunEnd{run_end, styled_face(style.face, run.bold, run.italic), link, run.lang});
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
    // A justified paragraph is gathered whole, then broken.
    std::vector<Word> gathered;
    auto emit = [&]() {
        for (Piece& p : word.pieces) {
            p.width = pieces.width(f.text.substr(p.begin, p.end - p.begin), p.face);
            word.width += p.width;
        }
        if (style.justify) gathered.push_back(word);
        else builder.add(word);
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
    if (style.justify) {
        JustifiedBreaker(style, pieces, f, std::max(width, 1.0f)).run(gathered, builder);
        return builder.finish();
    }
    if (pending_break) {
        word.break_before = true;
        builder.add(word);
    }
    return builder.finish();
}

}  // namespace av
