// Links of an article to its own blocks ("#id" in a run's href, article format "Inline text").
// Kept apart from the loader, which is compiled for speed: this runs once per load, on few links,
// and is compiled for size (wasm/CMakeLists.txt).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "article.hpp"

namespace av {

// A "#id" link as the loader met it: its JSON Pointer and the id it names.
struct FragmentLink {
    std::string pointer;
    std::string id;
};

// Drops the links of `article` whose id no block has (after unknown blocks were skipped): they
// would look like links and lead nowhere. Their text stays. Returns a warning for each, as
// (pointer, message).
std::vector<std::pair<std::string, std::string>> drop_dead_fragment_links(const std::vector<FragmentLink>& links,
                                                                           Article& article);

}  // namespace av
