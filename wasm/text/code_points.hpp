// The engine's view of a paragraph: UTF-32 that may hold values that are not Unicode scalar values
// (an unpaired surrogate copied from UTF-16, a value above U+10FFFF). Every library below gets
// U+FFFD in their place, so none of them sees a value it was not written for.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace av::engine {

inline std::uint32_t scalar_or_replacement(char32_t c) {
    return (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF ? 0xFFFDu : static_cast<std::uint32_t>(c);
}

// `text` with every non-scalar value replaced by U+FFFD, as the uint32_t the C libraries take.
inline void to_scalars(std::u32string_view text, std::vector<std::uint32_t>& out) {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = scalar_or_replacement(text[i]);
}

}  // namespace av::engine
