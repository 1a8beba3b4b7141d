#include "bidi_levels.hpp"

#include <climits>
#include <cstddef>

#include <fribidi.h>

namespace av::engine {

namespace {

FriBidiParType paragraph_type(const std::vector<FriBidiCharType>& types, BaseDirection direction) {
    switch (direction) {
        case BaseDirection::ltr: return FRIBIDI_PAR_LTR;
        case BaseDirection::rtl: return FRIBIDI_PAR_RTL;
        case BaseDirection::auto_ltr:
        case BaseDirection::auto_rtl: break;
    }
    const FriBidiParType found = fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(types.size()));
    if (found == FRIBIDI_PAR_LTR || found == FRIBIDI_PAR_RTL) return found;
    return direction == BaseDirection::auto_rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
}

}  // namespace

void resolve_bidi_levels(const std::vector<std::uint32_t>& text, BaseDirection direction,
                         std::vector<CharInfo>& info) {
    const std::size_t n = text.size();
    if (n == 0) return;
    // FriBidi counts in int. A paragraph that long cannot come from a loaded article (the loader's
    // limits are far below); should one arrive anyway it is laid out at the base level.
    const bool base_rtl = direction == BaseDirection::rtl || direction == BaseDirection::auto_rtl;
    if (n > static_cast<std::size_t>(INT_MAX / 2)) {
        for (CharInfo& c : info) {
            c.level = base_rtl ? 1 : 0;
            if (base_rtl) c.flags |= char_flags::rtl_paragraph;
        }
        return;
    }
    std::vector<FriBidiCharType> types(n);
    std::vector<FriBidiBracketType> brackets(n);
    std::vector<FriBidiLevel> levels(n);
    const auto len = static_cast<FriBidiStrIndex>(n);
    fribidi_get_bidi_types(text.data(), len, types.data());
    fribidi_get_bracket_types(text.data(), len, types.data(), brackets.data());
    const FriBidiParType par = paragraph_type(types, direction);
    const FriBidiLevel par_level = par == FRIBIDI_PAR_RTL ? 1 : 0;

    // FriBidi resolves one paragraph per call (it stops at a paragraph separator), so each part up to
    // and including a separator is resolved on its own.
    std::size_t begin = 0;
    while (begin < n) {
        std::size_t end = begin;
        while (end < n && types[end] != FRIBIDI_TYPE_BS) ++end;
        if (end < n) ++end;  // the separator belongs to the paragraph it ends
        FriBidiParType part = par;
        const FriBidiLevel got = fribidi_get_par_embedding_levels_ex(
            types.data() + begin, brackets.data() + begin, static_cast<FriBidiStrIndex>(end - begin), &part,
            levels.data() + begin);
        if (got == 0) {  // FriBidi could not allocate: lay the part out at the paragraph level
            for (std::size_t i = begin; i < end; ++i) levels[i] = par_level;
        }
        begin = end;
    }
    const std::uint8_t paragraph_flag = par == FRIBIDI_PAR_RTL ? char_flags::rtl_paragraph : 0;
    for (std::size_t i = 0; i < n; ++i) {
        info[i].level = static_cast<std::uint8_t>(levels[i]);
        info[i].flags |= paragraph_flag;
    }
}

}  // namespace av::engine
