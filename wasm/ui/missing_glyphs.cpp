#include "missing_glyphs.hpp"

#include "core/text/font_fallback.hpp"
#include "core/utf8.hpp"

namespace av {

std::size_t missing_glyphs(const Line& line, const FontSet& fonts, std::map<char32_t, std::size_t>* examples) {
    std::size_t missing = 0;
    for (const Span& s : line.spans) {
        if (s.font != no_font) {
            const bool font = fonts.glyph_font(s.font) != nullptr;
            for (const Glyph& g : s.glyphs) missing += g.id == 0 || !font;
            continue;
        }
        for (std::size_t pos = 0; pos < s.text.size();) {
            const char32_t cp = utf8::next(s.text, pos);
            if (cp <= 0x20 || FontFallback::ignorable(cp)) continue;
            const bool drawn = s.cjk && fonts.cjk_font(s.han) ? fonts.has_cjk_glyph(cp, s.han) : fonts.has_glyph(cp, s.face);
            if (drawn) continue;
            ++missing;
            if (examples) ++(*examples)[cp];
        }
    }
    return missing;
}

}  // namespace av
