// A text engine small enough to reason about, for core's rich-text pipeline tests (the real one,
// wasm/text/, has tests of its own against Unicode's and HarfBuzz's). It knows:
// - bidi: Hebrew letters (U+05D0-05EA) are right-to-left, ASCII letters left-to-right, digits
//   take the level above an odd paragraph level, and other characters the level of their
//   neighbours when both agree, else the paragraph's (a crude but deterministic UAX #9);
// - breaks: after spaces, a mandatory one after '\n', between two ideographs (U+4E00-9FFF) but
//   never before 、 or 。;
// - clusters: combining marks (U+0300-036F, U+05B0-05C7) and what ZWJ joins stay with their base;
// - fonts: font 0 has Hebrew (600 units a letter, marks 0), the base faces have ASCII and Latin-1
//   (500 units); 1000 units per em. Glyph ids: the code point, so tests can read them.
#pragma once

#include <algorithm>
#include <stdexcept>

#include "core/text/font_catalog.hpp"
#include "core/text/text_engine.hpp"

namespace av::test {

class FakeTextEngine : public TextEngine {
public:
    static bool hebrew(char32_t c) { return c >= 0x05D0 && c <= 0x05EA; }
    static bool mark(char32_t c) { return (c >= 0x0300 && c <= 0x036F) || (c >= 0x05B0 && c <= 0x05C7); }
    static bool latin(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
    static bool ideograph(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

    std::uint8_t analyze(std::u32string_view t, BaseDirection direction, std::string_view,
                         std::vector<CharInfo>& out) const override {
        ++analyses;
        std::uint8_t p = direction == BaseDirection::rtl ? 1 : 0;
        if (direction == BaseDirection::auto_ltr || direction == BaseDirection::auto_rtl) {
            p = direction == BaseDirection::auto_rtl ? 1 : 0;
            for (char32_t c : t) {
                if (hebrew(c) || latin(c)) {
                    p = hebrew(c) ? 1 : 0;
                    break;
                }
            }
        }
        out.assign(t.size(), CharInfo{});
        // Strong levels first, then neutrals from their neighbours.
        std::vector<int> strong(t.size(), -1);
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (hebrew(t[i])) strong[i] = 1;
            else if (latin(t[i]) || ideograph(t[i])) strong[i] = p == 1 ? 2 : 0;
            else if (t[i] >= U'0' && t[i] <= U'9') strong[i] = p == 1 ? 2 : 0;
        }
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (strong[i] >= 0) {
                out[i].level = static_cast<std::uint8_t>(strong[i]);
                continue;
            }
            if (mark(t[i]) && i > 0) {
                out[i].level = out[i - 1].level;
                continue;
            }
            int before = p, after = p;
            for (std::size_t k = i; k-- > 0;)
                if (strong[k] >= 0) {
                    before = strong[k];
                    break;
                }
            for (std::size_t k = i + 1; k < t.size(); ++k)
                if (strong[k] >= 0) {
                    after = strong[k];
                    break;
                }
            out[i].level = static_cast<std::uint8_t>((before & 1) == (after & 1) ? std::min(before, after) : p);
        }
        // L1: trailing spaces at the paragraph level.
        for (std::size_t i = t.size(); i-- > 0 && (t[i] == U' ' || t[i] == U'\n');) out[i].level = p;
        for (std::size_t i = 0; i < t.size(); ++i) {
            const char32_t c = t[i], prev = i ? t[i - 1] : 0;
            if (i > 0 && prev == U'\n') out[i].brk = BreakBefore::mandatory;
            else if (i > 0 && prev == U' ' && c != U' ') out[i].brk = BreakBefore::allowed;
            else if (i > 0 && ideograph(prev) && (ideograph(c)) && c != U'、' && c != U'。') out[i].brk = BreakBefore::allowed;
            const bool joined = mark(c) || c == 0x200D || prev == 0x200D;
            if (i == 0 || !joined) out[i].flags |= char_flags::cluster_start;
            if (c == U' ') out[i].flags |= char_flags::space;
            if (c >= 0x1F300) out[i].flags |= char_flags::emoji;
            out[i].script = hebrew(c) || (c >= 0x05B0 && c <= 0x05C7) ? script_tag("Hebr") : ideograph(c) ? script_tag("Hani") : script_tag("Latn");
        }
        // Common characters take the script before them.
        for (std::size_t i = 1; i < t.size(); ++i)
            if (!hebrew(t[i]) && !latin(t[i]) && !ideograph(t[i]) && !mark(t[i])) out[i].script = out[i - 1].script;
        return p;
    }

    void shape(FontId font, std::u32string_view t, std::size_t begin, std::size_t end, bool rtl, ScriptTag,
               std::string_view, std::vector<ShapedGlyph>& out) const override {
        ++shapes;
        out.clear();
        for (std::size_t i = begin; i < end; ++i) {
            ShapedGlyph g;
            g.cluster = static_cast<std::uint32_t>(i);
            g.glyph = has_char(font, t[i]) ? t[i] : 0;
            g.x_advance = mark(t[i]) ? 0 : font == 0 ? 600 : 500;
            if (mark(t[i])) g.x_offset = -300, g.y_offset = 200;
            out.push_back(g);
        }
        if (rtl) std::reverse(out.begin(), out.end());
    }

    FontMetrics metrics(FontId font) const override {
        FontMetrics m;
        if (font == 0 || FontCatalog::is_base_font(font)) m.units_per_em = 1000, m.ascender = 800, m.descender = -200;
        return m;
    }

    bool has_char(FontId font, char32_t c) const override {
        if (font == 0) return hebrew(c) || mark(c) || c == U' ' || c == U',' || c == U'.';
        if (FontCatalog::is_base_font(font)) return c >= 0x20 && c < 0x250;
        return false;
    }

    mutable int analyses = 0;
    mutable int shapes = 0;
};

// A catalog with the fake engine's Hebrew font as font 0.
inline FontCatalog fake_catalog() {
    FontCatalog c;
    std::string error;
    if (!c.parse(R"({"format":"av-fonts/1","families":[{"name":"hebrew","kind":"shaped","script":"Hebr","weight":400,
        "files":[{"file":"hebrew.ttf","ranges":[[32,32],[44,46],[1424,1535]],"bytes":1000,"gzip":500}]}]})",
                 error))
        throw std::runtime_error("fake_catalog: " + error);
    return c;
}

}  // namespace av::test
