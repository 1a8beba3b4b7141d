#include "article.hpp"

#include <cstdint>
#include <string_view>

#include "bytes8.hpp"
#include "core/text/text_class.hpp"
#include "utf8.hpp"

namespace av {

namespace {

// A word starts at each byte that is neither a space nor a newline and follows one (or starts the
// text). Eight bytes at a time: a mask with the high bit of each space byte (exact, no carry
// between bytes), shifted by one byte to ask "was the byte before a space", and counted.
// CJK and Thai are read character by character, not word by word (there are no spaces to count):
// each ideograph, kana and Thai, Lao, Khmer or Myanmar letter is a unit of its own. Korean, written
// with spaces, is counted in words like Latin.
bool read_by_character(char32_t c) {
    const std::uint8_t cls = text_class_of(c);
    const bool hangul = (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
                        (c >= 0xAC00 && c <= 0xD7FF);
    return (cls & text_class::dictionary) || ((cls & text_class::han) && !hangul);
}

// A byte that starts a three- or four-byte character, in each of the 8 bytes of `w` (bit 7 set):
// only those can be CJK or Thai (U+0E00 and up), so only the words of 8 bytes holding one are read
// character by character. French text has one in most paragraphs (’ and … are three bytes each),
// where the rest of the paragraph keeps the 8-byte count (BENCHMARKS.md, "Load").
std::uint64_t long_leads(std::uint64_t w) { return bytes8::equal_bytes(w & (0xE0 * bytes8::ones), 0xE0); }

std::size_t count_words(const Inline& text) {
    std::size_t words = 0;
    bool in_word = false;
    for (const Run& r : text) {
        const std::string_view t = r.text;
        for (std::size_t i = 0; i < t.size();) {
            if constexpr (bytes8::little_endian) {
                if (i + 8 <= t.size()) {
                    const std::uint64_t w = bytes8::load(t.data() + i);
                    if (long_leads(w) == 0) {
                        const std::uint64_t space = bytes8::equal_bytes(w, ' ') | bytes8::equal_bytes(w, '\n');
                        const std::uint64_t space_before = (space << 8) | (in_word ? 0 : 0x80);
                        words += bytes8::count(~space & space_before & bytes8::highs);
                        in_word = (space >> 63) == 0;
                        i += 8;
                        continue;
                    }
                }
            }
            // One byte, or one character of three or four bytes (the bytes of a shorter character
            // other than its first are never spaces: they count as the word they are in).
            const auto byte = static_cast<unsigned char>(t[i]);
            if (byte >= 0xE0 && read_by_character(utf8::next(t, i))) {
                ++words;
                in_word = false;
                continue;
            }
            if (byte < 0xE0) ++i;
            const bool space = byte == ' ' || byte == '\n';
            if (!space && !in_word) ++words;
            in_word = !space;
        }
    }
    return words;
}

}  // namespace

std::string plain_text(const Inline& text) {
    std::string out;
    for (const Run& run : text) out += run.text;
    return out;
}

std::string block_text(const Block& b) {
    std::string out;
    for_each_text_piece(b, [&](std::string_view piece) { out += piece; });
    return out;
}

std::string header_text(const Article& article) { return article.title + article.subtitle; }

namespace {

std::string folded(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

bool byline_shows_source(const Byline& byline) {
    if (byline.source.empty()) return false;
    const std::string source = folded(byline.source);
    for (const std::string& author : byline.authors)
        if (folded(author) == source) return false;
    return true;
}

const char* block_type_name(BlockType type) {
    switch (type) {
        case BlockType::heading: return "heading";
        case BlockType::paragraph: return "paragraph";
        case BlockType::quote: return "quote";
        case BlockType::list: return "list";
        case BlockType::image: return "image";
        case BlockType::sponsored: return "sponsored";
        case BlockType::related: return "related";
        case BlockType::callout: return "callout";
        case BlockType::tags: return "tags";
        case BlockType::divider: return "divider";
    }
    return "?";
}

std::size_t reading_words(const Block& b) {
    switch (b.type) {
        case BlockType::heading:
        case BlockType::paragraph:
        case BlockType::quote: return count_words(b.text);
        case BlockType::list: {
            std::size_t n = 0;
            for (const Inline& item : b.items) n += count_words(item);
            return n;
        }
        case BlockType::image: return count_words(b.caption);
        default: return 0;  // sponsored blocks, callouts, ...: not the article's reading
    }
}

}  // namespace av
