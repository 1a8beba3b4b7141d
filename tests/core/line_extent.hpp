// Helpers of the rich-path tests (rich lines, total fit, justified CJK): a text as code points, as
// the engine's path sees it, and where a laid-out line's spans start and end.
#pragma once

#include <algorithm>
#include <string>

#include "core/layout.hpp"
#include "core/utf8.hpp"

namespace av::test {

inline std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t pos = 0; pos < s.size();) out += utf8::next(s, pos);
    return out;
}

// The left edge of the line's leftmost span (1e9 for a line with none).
inline float left_of(const Line& l) {
    float x = 1e9f;
    for (const Span& s : l.spans) x = std::min(x, s.x);
    return x;
}

// The right edge of the line's rightmost span (-1e9 for a line with none).
inline float right_of(const Line& l) {
    float x = -1e9f;
    for (const Span& s : l.spans) x = std::max(x, s.x + s.width);
    return x;
}

}  // namespace av::test
