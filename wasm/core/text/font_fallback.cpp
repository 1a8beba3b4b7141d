#include "font_fallback.hpp"

#include "core/text/paragraph_text.hpp"
#include "core/text/text_class.hpp"

namespace av {

bool FontFallback::ignorable(char32_t c) {
    return c == 0x00AD || c == 0x034F || c == 0x061C || (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) ||
           c == 0xFEFF || (c >= 0xE0000 && c <= 0xE0FFF);
}

bool FontFallback::usable(FontId font, std::u32string_view text, std::size_t begin, std::size_t end) const {
    if (font == no_font || engine_.metrics(font).units_per_em == 0) return false;
    // A base face draws only what every platform's copy of it has: the web's subsets are smaller
    // than the desktop's whole files (text_class.hpp, base_coverage_of).
    const bool base = FontCatalog::is_base_font(font);
    for (std::size_t i = begin; i < end; ++i)
        if (!ignorable(text[i]) &&
            (!engine_.has_char(font, text[i]) || (base && base_coverage_of(text[i]) == BaseCoverage::none)))
            return false;
    return true;
}

FontId FontFallback::pick(int family, std::u32string_view text, std::size_t begin, std::size_t end) const {
    // The slice chosen for the cluster's code points, in order (an emoji sequence's is the one
    // owning its first owned code point: a keycap's digit is the base faces', its VS16 decides).
    for (std::size_t i = begin; i < end; ++i) {
        const FontId f = catalog_->file_for(family, text[i]);
        if (f != no_font) return usable(f, text, begin, end) ? f : no_font;
    }
    // Characters no slice is chosen for, the Common and Inherited ones of the script (its
    // punctuation, spaces, marks): any file of the family that has them.
    for (FontId f : catalog_->families()[static_cast<std::size_t>(family)].files)
        if (usable(f, text, begin, end)) return f;
    return no_font;
}

FontId FontFallback::choose(std::u32string_view text, std::size_t begin, std::size_t end, const CharInfo& info,
                            Face face) const {
    if (end != begin + 1) return choose_uncached(text, begin, end, info, face);
    const char32_t cp = text[begin];
    const auto how = static_cast<std::uint16_t>(static_cast<unsigned>(face) | (info.flags & char_flags::emoji ? 0x100u : 0u) |
                                                (info.level & 1 ? 0x200u : 0u));
    Chosen& c = chosen_[cp & 0xFF];
    if (c.cp != cp || c.script != info.script || c.how != how) c = Chosen{cp, info.script, how, choose_uncached(text, begin, end, info, face)};
    return c.font;
}

FontId FontFallback::choose_uncached(std::u32string_view text, std::size_t begin, std::size_t end, const CharInfo& info,
                                     Face face) const {
    const Weight weight = is_bold(face) ? Weight::bold : Weight::regular;
    if (catalog_ && !catalog_->empty()) {
        if (info.flags & char_flags::emoji) {
            const int family = catalog_->shaped_family(script_tag("Zsye"), weight);
            if (family >= 0)
                if (const FontId f = pick(family, text, begin, end); f != no_font) return f;
        }
        const int family = catalog_->shaped_family(info.script, weight);
        if (family >= 0)
            if (const FontId f = pick(family, text, begin, end); f != no_font) return f;
    }
    if (info.level & 1) {
        const FontId f = FontCatalog::base_font(face);
        if (usable(f, text, begin, end)) return f;
    }
    return no_font;
}

}  // namespace av
