// Bidi embedding levels (UAX #9 up to rule L1, per paragraph) with FriBidi.
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av::engine {

// Sets CharInfo::level, and char_flags::rtl_paragraph when the paragraph is right-to-left, for every
// code point of `text` (scalar values). A paragraph separator inside
// `text` (bidi class B: \n, \r, U+2029, ...) ends a bidi paragraph (UAX #9 P1): embeddings and
// isolates do not cross it. An automatic direction is decided once for the whole text, from its
// first strong character, as HTML's dir="auto" does for an element, and holds for every part.
void resolve_bidi_levels(const std::vector<std::uint32_t>& text, BaseDirection direction,
                         std::vector<CharInfo>& info);

}  // namespace av::engine
