// Hyphenation: where a word may take a hyphen at the end of a justified line (reader settings
// issue). Core sees the patterns only through Hyphenator; the platform's implementation (libhyphen
// with Debian's dictionaries, wasm/text/) is handed to layout through TextServices.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace av {

class Hyphenator {
public:
    virtual ~Hyphenator() = default;
    // The points where `word` (code points; letters only, as the patterns see them) may be cut,
    // for language `lang` (BCP 47, e.g. "fr", "en-US"): each point i, 0 < i < word.size(), cuts
    // between word[i-1] and word[i]; appended to `out` in increasing order. Nothing when there is
    // no dictionary for the language (yet).
    virtual void hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const = 0;
};

// The points where layout may hyphenate `chunk` (the code points of one word as it stands in the
// text, between spaces, punctuation included), in code-point offsets of `chunk`, increasing: the
// hyphenator's points with the typographic rules applied. Never in a URL, an address, a number or
// a word with a digit; never in a word of fewer than 6 letters; never fewer than 2 letters on
// either side of the cut.
std::vector<std::uint32_t> hyphenation_points(const Hyphenator& hyphenator, std::string_view lang,
                                              std::u32string_view chunk);

}  // namespace av
