#include "font_fallback.hpp"

#include "core/text/paragraph_text.hpp"

namespace av {

bool FontFallback::ignorable(char32_t c) {
    return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) ||
           c == 0xFEFF || (c >= 0xE0000 && c <= 0xE0FFF);
}

bool FontFallback::usable(FontId font, std::u32string_view text, std::size_t begin, std::size_t end) const {
    if (font == no_font || engine_.metrics(font).units_per_em == 0) return false;
    for (std::size_t i = begin; i < end; ++i)
        if (!ignorable(text[i]) && !engine_.has_char(font, text[i])) return false;
    return true;
}

FontId FontFallback::choose(std::u32string_view text, std::size_t begin, std::size_t end, const CharInfo& info,
                            Face face) const {
    const Weight weight = is_bold(face) ? Weight::bold : Weight::regular;
    // The first character that is drawn picks the slice (an emoji sequence's slice is its first
    // code point's: docs/text-pipeline.md, "Fonts").
    std::size_t first = begin;
    while (first + 1 < end && ignorable(text[first])) ++first;
    if (catalog_ && !catalog_->empty()) {
        if (info.flags & char_flags::emoji) {
            const int family = catalog_->shaped_family(script_tag("Zsye"), weight);
            if (family >= 0) {
                const FontId f = catalog_->file_for(family, text[first]);
                if (usable(f, text, begin, end)) return f;
            }
        }
        const int family = catalog_->shaped_family(info.script, weight);
        if (family >= 0) {
            const FontId f = catalog_->file_for(family, text[first]);
            if (usable(f, text, begin, end)) return f;
        }
    }
    if (info.level & 1) {
        const FontId f = FontCatalog::base_font(face);
        if (usable(f, text, begin, end)) return f;
    }
    return no_font;
}

}  // namespace av
