#include "utf8.hpp"

#include <algorithm>

namespace av::utf8 {
namespace {

// Length of a well-formed sequence starting at `pos`, or 0 if it is ill-formed (RFC 3629 table).
std::size_t sequence_length(std::string_view s, std::size_t pos) {
    auto byte = [&](std::size_t i) -> unsigned { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0x100u; };
    const unsigned b0 = byte(pos);
    if (b0 < 0x80) return 1;
    auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
    const unsigned b1 = byte(pos + 1);
    if (in(b0, 0xC2, 0xDF)) return in(b1, 0x80, 0xBF) ? 2 : 0;
    const unsigned b2 = byte(pos + 2);
    if (b0 == 0xE0) return in(b1, 0xA0, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) ? 3 : 0;
    if (b0 == 0xED) return in(b1, 0x80, 0x9F) && in(b2, 0x80, 0xBF) ? 3 : 0;  // no surrogates
    const unsigned b3 = byte(pos + 3);
    if (b0 == 0xF0) return in(b1, 0x90, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (in(b0, 0xF1, 0xF3)) return in(b1, 0x80, 0xBF) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    if (b0 == 0xF4) return in(b1, 0x80, 0x8F) && in(b2, 0x80, 0xBF) && in(b3, 0x80, 0xBF) ? 4 : 0;
    return 0;
}

}  // namespace

std::size_t find_invalid(std::string_view text) {
    std::size_t pos = 0;
    return find_invalid(text, pos, text.size());
}

std::size_t find_invalid(std::string_view text, std::size_t& pos, std::size_t stop) {
    stop = std::min(stop, text.size());
    while (pos < stop) {
        // Fast path over ASCII, which is most of any article: eight bytes at a time while none has
        // its high bit set, then byte by byte.
        if (pos + 8 <= stop && ascii8(text, pos)) {
            pos += 8;
            continue;
        }
        if (static_cast<unsigned char>(text[pos]) < 0x80) { ++pos; continue; }
        const std::size_t n = sequence_length(text, pos);
        if (n == 0) return pos;
        pos += n;
    }
    return std::string_view::npos;
}

char32_t next(std::string_view text, std::size_t& pos) {
    const std::size_t n = sequence_length(text, pos);
    const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i])); };
    char32_t cp = 0xFFFD;
    switch (n) {
        case 1: cp = b(0); break;
        case 2: cp = ((b(0) & 0x1F) << 6) | (b(1) & 0x3F); break;
        case 3: cp = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F); break;
        case 4: cp = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F); break;
        default: break;
    }
    pos += n == 0 ? 1 : n;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        next(text, pos);
        ++count;
    }
    return count;
}

}  // namespace av::utf8
