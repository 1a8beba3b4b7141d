#include "fragment_links.hpp"

#include <algorithm>
#include <string_view>

namespace av {

std::vector<std::pair<std::string, std::string>> drop_dead_fragment_links(const std::vector<FragmentLink>& links,
                                                                           Article& article) {
    std::vector<std::pair<std::string, std::string>> warnings;
    if (links.empty()) return warnings;
    std::vector<std::string_view> ids;
    for (const Block& b : article.blocks)
        if (!b.id.empty()) ids.push_back(b.id);
    std::sort(ids.begin(), ids.end());
    std::vector<std::string> dead;
    for (const FragmentLink& link : links) {
        if (std::binary_search(ids.begin(), ids.end(), std::string_view(link.id))) continue;
        // Ids are [A-Za-z0-9._-]: quoted as they are, nothing to escape.
        warnings.emplace_back(link.pointer, "no block has the id \"" + link.id + "\"; link dropped");
        dead.push_back("#" + link.id);
    }
    if (dead.empty()) return warnings;
    auto clear = [&](Inline& text) {
        for (Run& run : text)
            if (!run.href.empty() && run.href[0] == '#' && std::find(dead.begin(), dead.end(), run.href) != dead.end())
                run.href.clear();
    };
    for (Block& b : article.blocks) {
        clear(b.title);
        clear(b.text);
        clear(b.caption);
        for (Inline& item : b.items) clear(item);
    }
    return warnings;
}

}  // namespace av
