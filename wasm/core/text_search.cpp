#include "text_search.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace av {

namespace {

// Base letters of U+0100..U+017F (Latin Extended-A), lower case; '*' marks the ligature Œœ.
const char latin_ext_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof(latin_ext_a) == 129, "one letter for each of U+0100..U+017F");

void fold_char(char32_t c, std::u32string& out) {
    if (c >= U'A' && c <= U'Z') { out += c + 32; return; }
    if (c < 0x80) { out += c; return; }
    if (c >= 0x300 && c <= 0x36F) return;  // combining accents
    switch (c) {
        case 0xC6: case 0xE6: out += U"ae"; return;
        case 0x152: case 0x153: out += U"oe"; return;
        case 0xDF: out += U"ss"; return;
        case 0xD0: case 0xF0: out += U'd'; return;
        case 0xDE: case 0xFE: out += U"th"; return;
        case 0xD7: case 0xF7: out += c; return;
        case 0x2018: case 0x2019: case 0x02BC: out += U'\''; return;
        case 0x201C: case 0x201D: out += U'"'; return;
        case 0xA0: case 0x202F: case 0x2007: out += U' '; return;
        case 0x2010: case 0x2011: out += U'-'; return;
        default: break;
    }
    if (c >= 0xC0 && c <= 0xFF) {
        static const char latin1[] = "aaaaaaaceeeeiiiidnooooo*ouuuuyts" "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
        out += static_cast<char32_t>(latin1[c - 0xC0]);
        return;
    }
    if (c >= 0x100 && c <= 0x17F) { out += static_cast<char32_t>(latin_ext_a[c - 0x100]); return; }
    if (c == 0x178) { out += U'y'; return; }
    if (c >= 0x391 && c <= 0x3A9) { out += c + 0x20; return; }  // Greek capitals
    if (c >= 0x3AC && c <= 0x3CE) {                             // Greek with tonos
        switch (c) {
            case 0x3AC: out += U'α'; return;
            case 0x3AD: out += U'ε'; return;
            case 0x3AE: out += U'η'; return;
            case 0x3AF: out += U'ι'; return;
            case 0x3CC: out += U'ο'; return;
            case 0x3CD: out += U'υ'; return;
            case 0x3CE: out += U'ω'; return;
            default: out += c; return;
        }
    }
    if (c >= 0x410 && c <= 0x42F) { out += c + 0x20; return; }  // Cyrillic capitals
    if (c >= 0x400 && c <= 0x40F) { out += c + 0x50; return; }
    if (c == 0x451) { out += U'е'; return; }  // ё as е, as Russian readers type it
    out += c;
}

std::uint32_t count_chars(std::string_view s) { return static_cast<std::uint32_t>(utf8::length(s)); }

// Byte position of character `n` of `s` (clamped to the end).
std::size_t byte_of(std::string_view s, std::uint32_t n) {
    std::size_t pos = 0;
    for (std::uint32_t i = 0; i < n && pos < s.size(); ++i) utf8::next(s, pos);
    return pos;
}

}  // namespace

bool word_char(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c == U'\'' ||
           c == 0x2019 || c == U'-' || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F) && c != 0xA0 &&
                                        c != 0x202F && c != 0xAB && c != 0xBB);
}

FoldedText fold(std::string_view utf8_text) {
    FoldedText out;
    out.text.reserve(utf8_text.size());
    out.origin.reserve(utf8_text.size());
    std::uint32_t index = 0;
    for (std::size_t pos = 0; pos < utf8_text.size(); ++index) {
        const char32_t c = utf8::next(utf8_text, pos);
        const std::size_t before = out.text.size();
        fold_char(c, out.text);
        out.origin.insert(out.origin.end(), out.text.size() - before, index);
    }
    return out;
}

std::vector<TextRange> find_all(const Article& article, std::string_view query, std::size_t limit) {
    std::vector<TextRange> out;
    FoldedText q = fold(query);
    // Leading and trailing spaces of a query are noise.
    while (!q.text.empty() && q.text.back() == U' ') q.text.pop_back();
    std::size_t lead = 0;
    while (lead < q.text.size() && q.text[lead] == U' ') ++lead;
    const std::u32string needle = q.text.substr(lead);
    if (needle.empty()) return out;
    auto search = [&](int block, const std::string& text) {
        const FoldedText hay = fold(text);
        const std::uint32_t total = count_chars(text);
        for (std::size_t at = hay.text.find(needle); at != std::u32string::npos && out.size() < limit;
             at = hay.text.find(needle, at + 1)) {
            const std::size_t last = at + needle.size() - 1;
            const std::uint32_t end = last + 1 < hay.origin.size() ? hay.origin[last + 1] : total;
            out.push_back(TextRange{block, hay.origin[at], std::max(end, hay.origin[last] + 1)});
        }
    };
    search(-1, header_text(article));
    for (std::size_t i = 0; i < article.blocks.size() && out.size() < limit; ++i)
        search(static_cast<int>(i), block_text(article.blocks[i]));
    return out;
}

std::string text_between(const Article& article, int first_block, std::uint32_t first_offset, int last_block,
                         std::uint32_t last_offset) {
    std::string out;
    const int count = static_cast<int>(article.blocks.size());
    for (int b = std::max(first_block, -1); b <= std::min(last_block, count - 1); ++b) {
        const std::string text = b < 0 ? header_text(article) : block_text(article.blocks[static_cast<std::size_t>(b)]);
        const std::uint32_t from = b == first_block ? first_offset : 0;
        const std::uint32_t to = b == last_block ? last_offset : count_chars(text);
        if (to <= from) continue;
        if (!out.empty()) out += "\n\n";
        const std::size_t begin = byte_of(text, from);
        out += text.substr(begin, byte_of(text, to) - begin);
    }
    return out;
}

std::pair<std::uint32_t, std::uint32_t> word_at(std::string_view text, std::uint32_t offset) {
    std::vector<char32_t> chars;
    for (std::size_t pos = 0; pos < text.size();) chars.push_back(utf8::next(text, pos));
    if (offset >= chars.size() || !word_char(chars[offset])) return {offset, std::min<std::uint32_t>(offset + 1, static_cast<std::uint32_t>(chars.size()))};
    std::uint32_t begin = offset, end = offset + 1;
    while (begin > 0 && word_char(chars[begin - 1])) --begin;
    while (end < chars.size() && word_char(chars[end])) ++end;
    // Punctuation that can sit inside a word does not end or start one.
    while (end > begin + 1 && (chars[end - 1] == U'-' || chars[end - 1] == U'\'' || chars[end - 1] == 0x2019)) --end;
    while (begin + 1 < end && (chars[begin] == U'-' || chars[begin] == U'\'')) ++begin;
    return {begin, end};
}

}  // namespace av
