// Line-break opportunities: UAX #14 by libunibreak 6.1, tailored by language (docs/text-pipeline.md,
// "Line-break tailoring"):
//   - every language: class CJ (small kana, the prolonged sound mark ー) resolved to NS, UAX #14's
//     default (libunibreak's "-strict" variant; without it libunibreak resolves CJ to ID).
//   - ja: that is Japanese strict kinsoku, CSS's `line-break: strict`: no line starts with a
//     character of class CL, CP, EX, IS, NS or CJ, nor with the hyphens ‐ – (BA); —— and …… never
//     split (LB17, LB22). Ambiguous characters (AI) are ideographic (also for zh and ko).
//   - ko: `word-break: keep-all`: no break between two letters (classes AL, HL, NU, ID, AI, CJ, SA,
//     Hangul H2, H3, JL, JV, JT) unless something else (a space) separates them.
//   - fr (and en, de, es, ru, zh): libunibreak's tables for their quotation marks; French « » are
//     opening and closing punctuation, so a space after « or before » never breaks, and UAX #14
//     already keeps : ; ! ? with the word before them (LB13).
//   - Thai, Lao, Khmer, Myanmar (class SA): word starts from the DictionaryBreaker, if any.
// And everywhere: no break inside a grapheme cluster.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/text_engine.hpp"
#include "dictionary_breaker.hpp"

namespace av::engine {

// How a language tag (BCP 47) tailors line breaking.
struct BreakLanguage {
    const char* unibreak = "-strict";  // the language libunibreak is given ("-strict": untailored UAX #14)
    bool keep_all = false;           // Korean: no break between letters
};
BreakLanguage break_language(std::string_view bcp47);

// Sets CharInfo::brk for every code point of `text` (scalar values). `info` has cluster starts and
// scripts already. `dictionary` may be null.
void find_line_breaks(const std::vector<std::uint32_t>& text, std::string_view lang,
                      const DictionaryBreaker* dictionary, std::vector<CharInfo>& info);

}  // namespace av::engine
