#include "grapheme_clusters.hpp"

#include <graphemebreak.h>

namespace av::engine {

void mark_cluster_starts(const std::vector<std::uint32_t>& text, std::vector<CharInfo>& info) {
    if (text.empty()) return;
    // brks[i]: whether a cluster boundary follows text[i].
    std::vector<char> brks(text.size());
    set_graphemebreaks_utf32(text.data(), text.size(), nullptr, brks.data());
    info[0].flags |= char_flags::cluster_start;
    for (std::size_t i = 1; i < text.size(); ++i) {
        if (brks[i - 1] == GRAPHEMEBREAK_BREAK) info[i].flags |= char_flags::cluster_start;
    }
}

}  // namespace av::engine
