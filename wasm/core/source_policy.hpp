// Which article sources a page opens, and whose progress an article's is (hardening issue, item
// 5): an article from another site that reused a bundled article's id took over its reading
// position. The page's own site is always opened; another site only when the page's publisher
// lists it; data:, javascript: and every other scheme never. Progress is kept per article id and
// origin, so no other site can touch the positions of this one's articles.
#pragma once

#include <string>
#include <vector>

namespace av {

struct SourcePolicy {
    // The page's origin ("https://host", url::origin); "" on the desktop, which opens any file.
    std::string home;
    // Other origins the publisher lets articles come from (the page's configuration).
    std::vector<std::string> allowed;

    // "" when `source` may be opened: an absolute URL (the web resolves every address first),
    // "file:NAME" (a file the reader opened on the web) or a file path (the desktop). Otherwise
    // why not, as the error screen says it after the source.
    std::string refusal(const std::string& source) const;

    // The origin an article's progress is kept under: "" for the page's own site and the reader's
    // own files (the key every position had before origins counted), else url::origin(source).
    // Always "" without a `home` (the desktop and file:// pages, which keep no sites apart).
    std::string progress_origin(const std::string& source) const;
};

}  // namespace av
