#include "hyphen_dictionaries.hpp"

#include <cstdlib>
#include <cstring>

#include "core/text/hyphen_languages.hpp"
#include "hyphen_trie_loader.hpp"

extern "C" {
#include "hyphen.h"
}

namespace av {
namespace {

enum class Encoding { utf8, latin1, latin2, latin9 };

// ISO 8859-2's upper half (0xA0-0xFF): Czech, Slovak, Polish, Hungarian... (Debian's hyph_cs_CZ).
constexpr char16_t latin2_high[96] = {
    0x0A0, 0x104, 0x2D8, 0x141, 0x0A4, 0x13D, 0x15A, 0x0A7, 0x0A8, 0x160, 0x15E, 0x164, 0x179, 0x0AD, 0x17D, 0x17B,
    0x0B0, 0x105, 0x2DB, 0x142, 0x0B4, 0x13E, 0x15B, 0x2C7, 0x0B8, 0x161, 0x15F, 0x165, 0x17A, 0x2DD, 0x17E, 0x17C,
    0x154, 0x0C1, 0x0C2, 0x102, 0x0C4, 0x139, 0x106, 0x0C7, 0x10C, 0x0C9, 0x118, 0x0CB, 0x11A, 0x0CD, 0x0CE, 0x10E,
    0x110, 0x143, 0x147, 0x0D3, 0x0D4, 0x150, 0x0D6, 0x0D7, 0x158, 0x16E, 0x0DA, 0x170, 0x0DC, 0x0DD, 0x162, 0x0DF,
    0x155, 0x0E1, 0x0E2, 0x103, 0x0E4, 0x13A, 0x107, 0x0E7, 0x10D, 0x0E9, 0x119, 0x0EB, 0x11B, 0x0ED, 0x0EE, 0x10F,
    0x111, 0x144, 0x148, 0x0F3, 0x0F4, 0x151, 0x0F6, 0x0F7, 0x159, 0x16F, 0x0FA, 0x171, 0x0FC, 0x0FD, 0x163, 0x2D9};

// The byte of `c` in an 8-bit encoding; -1 when the encoding has no such character.
int byte_of(char32_t c, Encoding e) {
    if (c < 0x80) return static_cast<int>(c);
    if (e == Encoding::latin2) {
        for (int i = 0; i < 96; ++i)
            if (latin2_high[i] == c) return 0xA0 + i;
        return -1;
    }
    if (e == Encoding::latin9) {
        static const char32_t changed[][2] = {{0xA4, 0x20AC}, {0xA6, 0x160}, {0xA8, 0x161}, {0xB4, 0x17D},
                                              {0xB8, 0x17E},  {0xBC, 0x152}, {0xBD, 0x153}, {0xBE, 0x178}};
        for (const auto& row : changed) {
            if (row[1] == c) return static_cast<int>(row[0]);
            if (row[0] == c) return -1;
        }
    }
    return c >= 0xA0 && c <= 0xFF ? static_cast<int>(c) : -1;
}

// core/utf8.hpp has the same encoder, but the text module is a wasm of its own that links no core.
void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Lower case as the patterns are written, for the alphabets hyphenation dictionaries cover:
// Latin (Latin-1, Extended-A, the Latin Extended-B letters of Romanian), Greek and Cyrillic.
char32_t lower(char32_t c) {
    if (c < 0x80) return c >= U'A' && c <= U'Z' ? c + 0x20 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x130) return U'i';
        if (c == 0x178) return 0xFF;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
        if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
        return (c & 1) ? c : c + 1;
    }
    if (c == 0x218 || c == 0x21A) return c + 1;  // Ș Ț
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 0x25;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 0x3F;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    if (c >= 0x460 && c <= 0x4FF && c != 0x482 && !(c >= 0x483 && c <= 0x489)) return (c & 1) ? c : c + 1;
    return c;
}

// What a word handed to libhyphen may hold: letters (ASCII ones, and anything beyond ASCII but
// controls and the non-characters). No digit (libhyphen reads one as a word boundary), no
// punctuation (nothing else can reach a pattern with another character).
bool word_character(char32_t c) {
    if (c < 0x80) return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
    return c >= 0xA0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

std::size_t characters(std::string_view s, bool utf8) {
    if (!utf8) return s.size();
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) >> 6) != 2) ++n;
    return n;
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty() || s.size() > 3) return false;
    out = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

// libhyphen reads lines with fgets into 100 bytes; a pattern's letters and digits go to two arrays
// of 100 with one more slot used: 98 bytes a line (and its newline) always fit.
constexpr std::size_t max_line = 98;
constexpr std::size_t max_charset = 18;                // fgets(cset, 20) with its newline
constexpr std::size_t max_size = 16u * 1024u * 1024u;  // Debian's largest (German) is 1.1 MB
constexpr std::size_t max_word = 100;                  // code points handed to libhyphen

// Checks what libhyphen's loader and hyphenator assume of a file (hyphen.c, 2.8.8) and that it
// is one: a known encoding, at least one pattern. True with the encoding, or false with why.
bool check_dictionary(std::string_view text, Encoding& encoding, std::string& why) {
    if (text.empty()) {
        why = "empty file";
        return false;
    }
    if (text.size() > max_size) {
        why = "larger than 16 MB: not a hyphenation dictionary";
        return false;
    }
    if (text.find('\0') != std::string_view::npos) {
        why = "holds NUL bytes: not a hyphenation dictionary";
        return false;
    }
    std::size_t line_end = text.find('\n');
    std::string_view charset = text.substr(0, line_end);
    if (!charset.empty() && charset.back() == '\r') charset.remove_suffix(1);
    if (charset == "UTF-8")
        encoding = Encoding::utf8;
    else if (charset == "ISO8859-1")
        encoding = Encoding::latin1;
    else if (charset == "ISO8859-2")
        encoding = Encoding::latin2;
    else if (charset == "ISO8859-15")
        encoding = Encoding::latin9;
    else {
        why = "its first line names no encoding this viewer reads (UTF-8, ISO8859-1, ISO8859-2 or ISO8859-15): \"" +
              std::string(charset.substr(0, std::min<std::size_t>(charset.size(), max_charset))) + "\"";
        return false;
    }
    const bool utf8 = encoding == Encoding::utf8;
    if (utf8 && !valid_utf8(text)) {
        why = "not valid UTF-8 although its first line says UTF-8";
        return false;
    }
    std::size_t patterns = 0;
    int level = 0;             // 0, then 1 after NEXTLEVEL (libhyphen stops at a second one)
    int nohyphen[2] = {0, 0};  // NOHYPHEN lines per level
    std::size_t number = 1;
    for (std::size_t start = line_end == std::string_view::npos ? text.size() : line_end + 1; start < text.size();) {
        ++number;
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const bool newline = end < text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        // Built only for a reason: a string per line was a third of the check's time.
        const auto where = [number] { return "line " + std::to_string(number) + ": "; };
        if (line.size() > max_line) {
            why = where() + "longer than " + std::to_string(max_line) + " bytes";
            return false;
        }
        if (line.compare(0, 9, "NEXTLEVEL") == 0) {
            if (level == 1) break;
            level = 1;
            continue;
        }
        if (line.empty() || line[0] == '%') continue;
        if (line.compare(0, 13, "LEFTHYPHENMIN") == 0 || line.compare(0, 14, "RIGHTHYPHENMIN") == 0 ||
            line.compare(0, 21, "COMPOUNDLEFTHYPHENMIN") == 0 || line.compare(0, 22, "COMPOUNDRIGHTHYPHENMIN") == 0)
            continue;
        if (line.compare(0, 8, "NOHYPHEN") == 0) {
            // libhyphen keeps one list per level, drops its last byte (meant to be the newline) and
            // splits it at commas (a first one excepted): every element must be there.
            if (++nohyphen[level] > 1) {
                why = where() + "a second NOHYPHEN list";
                return false;
            }
            std::string list(line.substr(8));
            list.erase(0, list.find_first_not_of(" \t"));
            if (newline) list += '\n';
            if (!list.empty()) list.pop_back();
            if (!list.empty() && list.back() == '\r') list.pop_back();
            bool ok = !list.empty() && list.back() != ',';
            for (std::size_t i = 1; ok && i + 1 < list.size(); ++i)
                if (list[i] == ',' && list[i + 1] == ',') ok = false;
            if (!ok) {
                why = where() + "an empty NOHYPHEN element";
                return false;
            }
            continue;
        }
        // A pattern: letters with digits between them, up to the first space; "/repl,index,cut" for
        // a non-standard one.
        const std::size_t slash = line.find('/');
        const std::string_view head = line.substr(0, slash);
        std::string word;
        char first_digit = 0;
        bool leading = true;
        for (char c : head) {
            if (c > 0 && c <= ' ') break;
            if (c >= '0' && c <= '9') {
                if (leading) first_digit = c;
            } else {
                word += c;
                leading = false;
            }
        }
        if (word.empty()) continue;
        ++patterns;
        if (word[0] == '.' && first_digit > '0') {
            why = where() + "a hyphen before the word's start";
            return false;
        }
        if (slash == std::string_view::npos) continue;
        // Only a word of letters (a dot at either end) can meet the words hyphenate() passes; the
        // others are inert (Debian's German file has a URL in a comment line that reads as one).
        bool matchable = true;
        for (std::size_t i = 0; i < word.size(); ++i) {
            const auto c = static_cast<unsigned char>(word[i]);
            const bool edge_dot = c == '.' && (i == 0 || i + 1 == word.size());
            if (c < 0x80 && !edge_dot && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) matchable = false;
        }
        if (!matchable) continue;
        const std::string_view rest = line.substr(slash + 1);
        const std::size_t comma = rest.find(',');
        const std::size_t comma2 = comma == std::string_view::npos ? comma : rest.find(',', comma + 1);
        int index = 0, cut = 0;
        std::string_view cut_text = comma2 == std::string_view::npos ? std::string_view() : rest.substr(comma2 + 1);
        while (!cut_text.empty() && (cut_text.back() == '\r' || cut_text.back() == ' ')) cut_text.remove_suffix(1);
        const std::size_t letters = characters(word, utf8) - (word[0] == '.') - (word.size() > 1 && word.back() == '.');
        if (comma2 == std::string_view::npos || !parse_int(rest.substr(comma + 1, comma2 - comma - 1), index) ||
            !parse_int(cut_text, cut) || index < 1 || cut < 1 || static_cast<std::size_t>(index - 1 + cut) > letters) {
            why = where() + "a replacement pattern whose position is not inside its word";
            return false;
        }
    }
    if (patterns == 0) {
        why = "no hyphenation patterns";
        return false;
    }
    return true;
}

}  // namespace

struct HyphenDictionaries::Dictionary {
    std::unique_ptr<HyphenTrie> trie;
    Encoding encoding = Encoding::utf8;
};

HyphenDictionaries::HyphenDictionaries() = default;
HyphenDictionaries::~HyphenDictionaries() = default;

bool HyphenDictionaries::load(std::string_view name, const unsigned char* bytes, std::size_t size, std::string& error) {
    const std::string label = "hyphenation dictionary " + std::string(name) + ": ";
    if (name.empty() || name.size() > 32) {
        error = label + "no usable name";
        return false;
    }
    const std::string_view text(reinterpret_cast<const char*>(bytes), bytes ? size : 0);
    auto d = std::make_unique<Dictionary>();
    std::string why;
    if (!check_dictionary(text, d->encoding, why)) {
        error = label + why;
        return false;
    }
    d->trie = std::make_unique<HyphenTrie>(text);
    dictionaries_[std::string(name)] = std::move(d);
    by_lang_.clear();
    return true;
}

std::vector<std::string> HyphenDictionaries::names() const {
    std::vector<std::string> out;
    for (const auto& entry : dictionaries_) out.push_back(entry.first);
    return out;
}

std::string HyphenDictionaries::dictionary_for(std::string_view lang) const {
    for (const std::string& name : hyphen_dictionary_names(lang))
        if (dictionaries_.count(name)) return name;
    return {};
}

const HyphenDictionaries::Dictionary* HyphenDictionaries::find(std::string_view lang) const {
    auto known = by_lang_.find(lang);
    if (known != by_lang_.end()) return known->second;
    const std::string name = dictionary_for(lang);
    const Dictionary* d = name.empty() ? nullptr : dictionaries_.find(name)->second.get();
    by_lang_.emplace(std::string(lang), d);
    return d;
}

void HyphenDictionaries::hyphenate(std::string_view lang, std::u32string_view word,
                                   std::vector<std::uint32_t>& out) const {
    if (word.size() < 2 || word.size() > max_word) return;
    const Dictionary* d = find(lang);
    if (!d) return;
    std::string bytes;
    for (char32_t c : word) {
        if (!word_character(c)) return;
        const char32_t l = lower(c);
        if (d->encoding == Encoding::utf8) {
            append_utf8(bytes, l);
        } else {
            const int b = byte_of(l, d->encoding);
            if (b < 0) return;
            bytes += static_cast<char>(b);
        }
    }
    std::vector<char> hyphens(bytes.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(d->trie->dict(), bytes.data(), static_cast<int>(bytes.size()), hyphens.data(), nullptr, &rep, &pos,
                          &cut);
    // After hyphenate2, hyphens[i] (and rep[i]) are per character even for UTF-8 (hnj_hyphen_norm).
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
        if (!(hyphens[i] & 1)) continue;
        if (rep && rep[i]) continue;  // a cut that changes the letters ("Schiff-fahrt"): not ours to draw
        out.push_back(static_cast<std::uint32_t>(i + 1));
    }
    if (rep) {
        for (std::size_t i = 0; i < bytes.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
}

}  // namespace av
