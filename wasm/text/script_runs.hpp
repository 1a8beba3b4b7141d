// The script of every code point, with Common and Inherited (and Unknown) resolved to the script of
// the text around them, as HarfBuzz's users (raqm, Pango) resolve them: a character takes the script
// of the character before it; characters before the first one with a real script take that script;
// a closing bracket takes the script of its opening bracket. So "(سلام 123)" is one Arab run, and
// in "a (بب) c" the brackets and spaces are Latin.
#pragma once

#include <cstdint>
#include <vector>

#include "core/text/text_engine.hpp"

namespace av::engine {

// Sets CharInfo::script for every code point of `text` (scalar values). A text with no character of
// a real script is all Common ("Zyyy").
void resolve_scripts(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info);

}  // namespace av::engine
