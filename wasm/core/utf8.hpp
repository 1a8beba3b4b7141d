// UTF-8 helpers shared by the loader (validation) and layout (walking code points).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bytes8.hpp"

namespace av::utf8 {

// Whether the 8 bytes of `text` from `pos` (which must all exist) are ASCII: the fast path of the
// scans that walk every byte of an article (find_invalid, layout's character counts).
inline bool ascii8(std::string_view text, std::size_t pos) {
    return (bytes8::load(text.data() + pos) & bytes8::highs) == 0;
}

// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed), or npos when all of `text` is valid.
std::size_t find_invalid(std::string_view text);

// The same scan in parts, for a caller that must not hold the thread for a whole large file:
// checks the sequences that start in [pos, stop) (each checked against all of `text`, so one cut
// across a sequence changes nothing), leaves `pos` at the first sequence start at or after `stop`,
// and returns the first ill-formed byte's offset, or npos.
std::size_t find_invalid(std::string_view text, std::size_t& pos, std::size_t stop);

// Decodes the code point starting at `pos` and advances `pos` past it. On an ill-formed sequence
// returns U+FFFD and advances one byte, so a caller can never loop forever.
char32_t next(std::string_view text, std::size_t& pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for values that are not scalar values).
void append(std::string& out, char32_t cp);

// Number of code points in `text` (ill-formed bytes count one each).
std::size_t length(std::string_view text);

}  // namespace av::utf8
