// How fuzz_text turns the fuzzer's bytes into one paragraph: text from real scripts (so random
// bytes become Arabic, pointed Hebrew, Devanagari, Thai, CJK, emoji sequences... instead of
// unassigned code points), mixed with bidi controls, joiners, marks and long repeats, in runs of
// their own face, link and language. README.md ("Fuzzing") has the byte format's purpose; the
// format itself is below, in text_input.cpp, and the seeds in tests/fuzz/corpus-text/ use it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/article.hpp"

namespace av::fuzz {

struct TextInput {
    Article article;  // one paragraph block, its needs computed as load_article computes them
    float viewport_width = 800;
    float font_size = 20;
    bool justify = false;  // the reader's justification: total fit, spaces widened
};

// Any bytes give an article the loader could have given (valid UTF-8, no C0 control but '\n',
// BCP 47 languages), of at most max_chars code points (max_plain but for long clusters).
TextInput decode_text_input(const std::uint8_t* data, std::size_t size);

// The paragraph's length: at most max_plain code points, but for a repeat of one or two code
// points (a long cluster: 1 000 combining marks on a letter, a chain of ZWJ + emoji), which may
// reach max_chars. Each code point costs about 10 µs per layout under the sanitizers: with
// max_chars for every input, the fuzzer chose long paragraphs and ran 80 inputs a second.
inline constexpr std::size_t max_plain = 192;
inline constexpr std::size_t max_chars = 1100;

}  // namespace av::fuzz
