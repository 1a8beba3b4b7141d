// Characters drawn as nothing or as a replacement box: what `--layout` reports as missing_glyphs
// and the web's state() as missingGlyphs (issue 17's target: none, in every script).
#pragma once

#include <cstddef>
#include <map>

#include "core/layout.hpp"
#include "fonts.hpp"

namespace av {

// Missing glyphs of one laid-out line drawn with `fonts`: a shaped glyph that is .notdef, a
// character no font of its span's chain has. Spaces, line feeds and characters never drawn
// (ZWJ, bidi controls, ...) do not count. `examples` (optional) receives the code points of
// code-point spans that are missing, with their counts.
std::size_t missing_glyphs(const Line& line, const FontSet& fonts, std::map<char32_t, std::size_t>* examples = nullptr);

}  // namespace av
