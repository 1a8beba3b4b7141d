#include "speech_text.hpp"

#include <algorithm>
#include <tuple>

#include "text_search.hpp"
#include "utf8.hpp"

namespace av {

namespace {

// A stretch of block_text in one language that is read, with nothing of another part of the
// block (title, text, a list item, caption) inside: a sentence never runs across two of them.
struct SpokenSpan {
    std::uint32_t begin = 0, end = 0;
    std::string lang;
};

bool spoken_type(BlockType type, const SpeechOptions& options) {
    switch (type) {
        case BlockType::heading:
        case BlockType::paragraph:
        case BlockType::quote:
        case BlockType::list:
        case BlockType::image:
            return true;
        case BlockType::sponsored:
            return options.sponsored;
        default:
            return false;
    }
}

class SpanBuilder {
public:
    explicit SpanBuilder(std::string fallback_lang) : fallback_(std::move(fallback_lang)) {}

    // Text of block_text that is not read (or not in this block type's reading): counted only.
    void skip(std::string_view text) {
        at_ += static_cast<std::uint32_t>(utf8::length(text));
        open_ = false;
    }
    void skip(const Inline& text) {
        for (const Run& run : text) skip(run.text);
    }
    // One part of the block (its text, an item, a caption): its runs, each in its language.
    void part(const Inline& text) {
        open_ = false;
        for (const Run& run : text) piece(run.text, run.lang);
        open_ = false;
    }
    void part(std::string_view text) {
        open_ = false;
        piece(text, "");
        open_ = false;
    }
    std::vector<SpokenSpan> spans;

private:
    void piece(std::string_view text, const std::string& lang) {
        const auto n = static_cast<std::uint32_t>(utf8::length(text));
        const std::string& l = lang.empty() ? fallback_ : lang;
        if (open_ && !spans.empty() && spans.back().lang == l) {
            spans.back().end += n;
        } else if (n > 0) {
            spans.push_back(SpokenSpan{at_, at_ + n, l});
            open_ = true;
        }
        at_ += n;
    }
    std::string fallback_;
    std::uint32_t at_ = 0;
    bool open_ = false;  // the last span may grow: the same part, nothing skipped since
};

// The spans in block_text's order (article.cpp): title, text, items, tags, related, caption.
std::vector<SpokenSpan> spans_of(const Article& article, int index, const SpeechOptions& options) {
    if (index < 0) {
        SpanBuilder b(article.lang);
        b.part(article.title);
        b.part(article.subtitle);
        return std::move(b.spans);
    }
    const Block& block = article.blocks[static_cast<std::size_t>(index)];
    SpanBuilder b(block.lang.empty() ? article.lang : block.lang);
    if (!spoken_type(block.type, options)) return {};
    const bool sponsored = block.type == BlockType::sponsored;
    if (sponsored)
        b.part(block.title);
    else
        b.skip(block.title);
    if (block.type != BlockType::image)
        b.part(block.text);
    else
        b.skip(block.text);
    for (const Inline& item : block.items) {
        if (block.type == BlockType::list)
            b.part(item);
        else
            b.skip(item);
    }
    // Tags and related titles belong to types that are not read; a caption is read.
    b.part(block.caption);
    return std::move(b.spans);
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

bool ends_sentence(char32_t c) {
    return c == U'.' || c == U'!' || c == U'?' || c == 0x2026 || c == 0x203C || c == 0x2047 || c == 0x2048 ||
           c == 0x2049 || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

// Full-width terminators need no space after them: Chinese and Japanese put none.
bool ends_without_space(char32_t c) {
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

// Closing quotes and brackets that belong to the sentence they follow ("« Non. » Puis").
bool closes(char32_t c) {
    return c == U'"' || c == U'\'' || c == U')' || c == U']' || c == 0xBB || c == 0x201D || c == 0x2019 ||
           c == 0x203A || c == 0x300D || c == 0x300F || c == 0xFF09;
}

// Enough of the lower-case letters to tell "etc. and so on" (one sentence) from a new sentence.
bool lower_case(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9) ||
           (c >= 0x430 && c <= 0x45F);
}

bool letter(char32_t c) {
    return (c >= U'A' && c <= U'Z') || lower_case(c) || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

// Where the sentence that starts at `start` ends (exclusive, before the spaces that follow).
std::uint32_t sentence_end(const std::u32string& cps, std::uint32_t start, std::uint32_t end) {
    for (std::uint32_t i = start; i < end; ++i) {
        if (!ends_sentence(cps[i])) continue;
        // "J. K. Rowling", "M. Dupont": a lone letter before a full stop is an initial.
        if (cps[i] == U'.' && i >= start + 1 && letter(cps[i - 1]) && (i == start + 1 || is_space(cps[i - 2])))
            continue;
        std::uint32_t j = i + 1;
        while (j < end && ends_sentence(cps[j])) ++j;  // "?!", "..."
        for (;;) {                                     // closing marks, maybe after a space (French "« Non ! »")
            std::uint32_t k = j;
            while (k < end && is_space(cps[k])) ++k;
            // A straight quote after a space may open the next sentence: only one that touches.
            if (k < end && closes(cps[k]) && (k == j || (cps[k] != U'"' && cps[k] != U'\'')))
                j = k + 1;
            else
                break;
        }
        if (j >= end) return end;
        if (ends_without_space(cps[i])) return j;
        if (!is_space(cps[j])) continue;  // "3.14", "example.com"
        std::uint32_t next = j;
        while (next < end && is_space(cps[next])) ++next;
        if (next < end && lower_case(cps[next])) continue;  // "etc. and"
        return j;
    }
    return end;
}

// Where a sentence longer than `max` is cut: after the last comma-like mark followed by a space
// within `max` of `start`, else at the last space, else at `max`.
std::uint32_t cut_point(const std::u32string& cps, std::uint32_t start, std::uint32_t end, std::uint32_t max) {
    const std::uint32_t limit = start + max;
    if (end <= limit) return end;
    for (std::uint32_t i = limit; i > start + 1; --i) {
        const char32_t c = cps[i - 2];
        if ((c == U',' || c == U';' || c == U':' || c == 0x2014 || c == 0x3001 || c == 0xFF0C) && is_space(cps[i - 1]))
            return i - 1;
    }
    for (std::uint32_t i = limit; i > start; --i)
        if (is_space(cps[i])) return i;
    return limit;
}

}  // namespace

bool is_spoken(const Article& article, int block, const SpeechOptions& options) {
    if (block < 0) return !article.title.empty() || !article.subtitle.empty();
    if (static_cast<std::size_t>(block) >= article.blocks.size()) return false;
    return spoken_type(article.blocks[static_cast<std::size_t>(block)].type, options);
}

std::vector<Utterance> block_utterances(const Article& article, int block, const SpeechOptions& options) {
    std::vector<Utterance> out;
    if (block >= static_cast<int>(article.blocks.size()) || !is_spoken(article, block, options)) return out;
    const std::vector<SpokenSpan> spans = spans_of(article, block, options);
    if (spans.empty()) return out;
    const std::string text =
        block < 0 ? header_text(article) : block_text(article.blocks[static_cast<std::size_t>(block)]);
    std::u32string cps;
    for (std::size_t pos = 0; pos < text.size();) cps.push_back(utf8::next(text, pos));
    const std::uint32_t max = std::max<std::uint32_t>(options.max_length, 16);
    for (const SpokenSpan& span : spans) {
        const std::uint32_t end = std::min<std::uint32_t>(span.end, static_cast<std::uint32_t>(cps.size()));
        std::uint32_t at = span.begin;
        while (at < end) {
            while (at < end && is_space(cps[at])) ++at;
            if (at >= end) break;
            const std::uint32_t stop = sentence_end(cps, at, end);
            std::uint32_t piece_end = cut_point(cps, at, stop, max);
            std::uint32_t last = piece_end;
            while (last > at && is_space(cps[last - 1])) --last;
            Utterance u;
            u.block = block;
            u.begin = at;
            u.end = last;
            u.lang = span.lang;
            for (std::uint32_t i = at; i < last; ++i) utf8::append(u.text, cps[i]);
            out.push_back(std::move(u));
            at = piece_end;
        }
    }
    return out;
}

std::optional<Utterance> utterance_from(const Article& article, Anchor from, const SpeechOptions& options) {
    const int n = static_cast<int>(article.blocks.size());
    for (int b = std::max(from.block, -1); b < n; ++b) {
        if (!is_spoken(article, b, options)) continue;
        for (Utterance& u : block_utterances(article, b, options))
            if (b != from.block || u.end > from.offset) return std::move(u);
    }
    return std::nullopt;
}

std::uint32_t code_points_before_utf16(std::string_view utf8_text, std::uint32_t utf16_index) {
    std::uint32_t units = 0, count = 0;
    for (std::size_t pos = 0; pos < utf8_text.size() && units < utf16_index;) {
        const char32_t c = utf8::next(utf8_text, pos);
        units += c >= 0x10000 ? 2 : 1;
        ++count;
    }
    return count;
}

std::pair<std::uint32_t, std::uint32_t> spoken_range(const Utterance& spoken, std::uint32_t char_index,
                                                     std::uint32_t char_length) {
    const auto length = static_cast<std::uint32_t>(utf8::length(spoken.text));
    std::uint32_t begin = std::min(code_points_before_utf16(spoken.text, char_index), length);
    std::uint32_t end = begin;
    if (char_length > 0) {
        end = std::min(code_points_before_utf16(spoken.text, char_index + char_length), length);
    } else if (begin < length) {
        std::tie(begin, end) = word_at(spoken.text, begin);
    }
    if (end <= begin) {  // at the very end, or a range of nothing: the last character
        begin = length > 0 ? std::min(begin, length - 1) : 0;
        end = std::min(begin + 1, length);
    }
    return {spoken.begin + begin, spoken.begin + end};
}

}  // namespace av
