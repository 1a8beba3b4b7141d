#include "grapheme_clusters.hpp"

#include <graphemebreak.h>

namespace av::engine {

bool always_apart(std::uint32_t c) {
    if (c < 0x3001) {
        return (c >= 0x20 && c <= 0x7E) ||      // printable ASCII
               (c >= 0x05D0 && c <= 0x05EA) ||  // Hebrew letters
               (c >= 0x0620 && c <= 0x064A) ||  // Arabic letters, tatweel
               (c >= 0x0660 && c <= 0x0669) ||  // Arabic-Indic digits
               (c >= 0x0671 && c <= 0x06D3);    // Arabic letters
    }
    return c <= 0x3002 ||                    // 、。
           (c >= 0x300C && c <= 0x300F) ||   // 「」『』
           (c >= 0x3041 && c <= 0x3096) ||   // hiragana
           (c >= 0x30A1 && c <= 0x30FA) ||   // katakana
           c == 0x30FC ||                    // ー
           (c >= 0x3400 && c <= 0x4DBF) ||   // CJK extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
           (c >= 0xFF01 && c <= 0xFF5E);     // fullwidth forms
}

void mark_cluster_starts(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info) {
    // Between two characters always_apart there is a boundary, and nothing before it carries over
    // to what follows (no regional indicator or emoji sequence is open): libunibreak is asked only
    // about the stretches between such pairs, each as a text of its own. Asking it about every
    // character was a fifth of laying out Japanese (BENCHMARKS.md, "Load").
    const std::size_t n = text.size();
    std::vector<char> brks;  // brks[i]: whether a cluster boundary follows the stretch's i-th character
    std::size_t start = 0;
    for (std::size_t i = 1; i <= n; ++i) {
        if (i < n && !(always_apart(text[i - 1]) && always_apart(text[i]))) continue;
        info[start].flags |= char_flags::cluster_start;
        if (i - start > 1) {
            brks.resize(i - start);
            set_graphemebreaks_utf32(text.data() + start, i - start, nullptr, brks.data());
            for (std::size_t k = start + 1; k < i; ++k)
                if (brks[k - 1 - start] == GRAPHEMEBREAK_BREAK) info[k].flags |= char_flags::cluster_start;
        }
        start = i;
    }
}

}  // namespace av::engine
