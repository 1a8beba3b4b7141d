#include "hyphenation.hpp"

namespace av {
namespace {

bool is_digit(char32_t c) {
    return (c >= U'0' && c <= U'9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) ||
           (c >= 0x966 && c <= 0x96F) || (c >= 0xFF10 && c <= 0xFF19);
}

// What the patterns see as part of a word: letters and the marks on them. Punctuation, quotes,
// apostrophes, hyphens, dashes and symbols end a word; anything past the symbol blocks counts as
// a letter (the patterns of a language without a dictionary are never asked).
bool is_letter(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º; « » ¡ ¿ · and the rest end a word
    if (c == 0xD7 || c == 0xF7) return false;                  // × ÷
    if (c >= 0x2000 && c <= 0x2BFF) return false;              // punctuation, symbols, arrows, shapes
    if (c >= 0x2E00 && c <= 0x2E7F) return false;              // supplemental punctuation
    if (c >= 0x3000 && c <= 0x303F) return false;              // CJK punctuation
    if (c >= 0xFE30 && c <= 0xFE6F) return false;              // compatibility forms, small forms
    if (c >= 0xFF00 && c <= 0xFF20) return false;              // fullwidth punctuation and digits
    return true;
}

// A URL, an e-mail address or a host name: never cut (a reader copies them, and a hyphen in one
// reads as part of it).
bool is_address(std::u32string_view chunk) {
    if (chunk.find(U"://") != std::u32string_view::npos) return true;
    if (chunk.substr(0, 4) == U"www." || chunk.substr(0, 4) == U"WWW.") return true;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        const char32_t c = chunk[i];
        if (c == U'@' || c == U'/' || c == U'\\' || c == U'_' || c == U'=' || c == U'#') return true;
        // A dot between two letters ("example.com", "index.html"); a sentence's final dot has none after it.
        if (c == U'.' && i > 0 && i + 1 < chunk.size() && is_letter(chunk[i - 1]) && is_letter(chunk[i + 1])) return true;
    }
    return false;
}

}  // namespace

std::vector<std::uint32_t> hyphenation_points(const Hyphenator& hyphenator, std::string_view lang,
                                              std::u32string_view chunk) {
    constexpr std::size_t min_letters = 6;  // no word shorter than this is cut
    constexpr std::uint32_t min_side = 2;   // letters left on either side of a cut
    std::vector<std::uint32_t> points;
    if (chunk.size() < min_letters || is_address(chunk)) return points;
    for (char32_t c : chunk)
        if (is_digit(c)) return points;
    std::vector<std::uint32_t> found;
    std::size_t i = 0;
    while (i < chunk.size()) {
        if (!is_letter(chunk[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < chunk.size() && is_letter(chunk[end])) ++end;
        const std::size_t letters = end - i;
        if (letters >= min_letters) {
            found.clear();
            hyphenator.hyphenate(lang, chunk.substr(i, letters), found);
            std::uint32_t last = 0;
            for (std::uint32_t p : found) {
                // Increasing, inside the word, with two letters each side: anything else from a
                // dictionary is dropped, not trusted.
                if (p < min_side || p + min_side > letters || p <= last) continue;
                last = p;
                points.push_back(static_cast<std::uint32_t>(i) + p);
            }
        }
        i = end;
    }
    return points;
}

}  // namespace av
