#include "core/layout_digest.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace av {
namespace {

// Sixteenths of a pixel, as an integer: the text is the same on every platform.
long long px(double v) { return std::llround(v * 16.0); }

template <typename... Values>
void put(std::string& out, const char* format, Values... values) {
    char buffer[160];
    const int n = std::snprintf(buffer, sizeof buffer, format, values...);
    if (n > 0) out.append(buffer, static_cast<std::size_t>(n) < sizeof buffer ? static_cast<std::size_t>(n) : sizeof buffer - 1);
}

}  // namespace

std::string layout_text(const DocumentLayout& doc) {
    std::string out;
    put(out, "column %lld %lld height %lld\n", px(doc.column_x), px(doc.column_width), px(doc.height));
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const BlockLayout& b = doc.blocks[i];
        put(out, "block %d %lld-%lld\n", b.block, px(b.top), px(b.bottom));
        for (const Shape& s : b.shapes)
            put(out, " shape %d %lld,%lld %lldx%lld\n", static_cast<int>(s.kind), px(s.x), px(s.y), px(s.w), px(s.h));
        for (const Line& l : doc.lines(i)) {
            put(out, " line y%lld h%lld @%u%s%s%s%s\n", px(l.y), px(l.height), l.offset, l.decor ? " decor" : "",
                l.visual ? " visual" : "", l.rtl ? " rtl" : "", l.justified ? " justified" : "");
            for (const Span& s : l.spans) {
                put(out, "  span face%d role%d size%lld x%lld w%lld link%d @%u level%d font%u%s han%d \"",
                    static_cast<int>(s.face), static_cast<int>(s.role), px(s.size), px(s.x), px(s.width), s.link,
                    s.offset, s.level, static_cast<unsigned>(s.font), s.cjk ? " cjk" : "", static_cast<int>(s.han));
                out += s.text;
                out += '"';
                if (s.word_space > 0) put(out, " ws%lld", px(s.word_space));
                for (const TextPiece& piece : s.pieces) put(out, " piece%u@%lld", piece.byte, px(piece.x));
                if (s.hyphen) out += " hyphen";
                // The base faces are subsets on the web and Debian's whole files on the desktop: the
                // same glyphs under other ids. Their places are compared; the ids of the fonts beyond
                // (the same files on both) are too.
                const bool base = FontCatalog::is_base_font(s.font);
                for (const Glyph& g : s.glyphs) put(out, " %u@%lld,%lld", base ? 0u : g.id, px(g.x), px(g.y));
                out += '\n';
            }
        }
    }
    return out;
}

std::string layout_digest(const DocumentLayout& doc) {
    const std::string text = layout_text(doc);
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (unsigned char c : text) h = (h ^ c) * 0x100000001B3ull;
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

}  // namespace av
