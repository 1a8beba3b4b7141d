// The library: bundled articles (assets/articles/index.json) and every article with a saved
// position, each with its progress and last-read date; open one, forget one, forget all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/library_reopen.hpp"
#include "core/progress_keeper.hpp"
#include "fonts.hpp"
#include "theme.hpp"

namespace av {

class LibraryView {
public:
    struct Bundled {
        std::string id, title, source, lang;
    };

    // Reads index.json (format "article-index/1"); bad entries are skipped. `base` is the index's
    // own URL or path, which relative article paths are resolved against.
    void set_index(std::string_view json, const std::string& base);
    const std::vector<Bundled>& bundled() const { return bundled_; }

    struct Action {
        enum Kind { none, open, forget, forget_all, close } kind = none;
        std::string value;  // open: the source; forget: the article id
    };
    // Draws the library into the current window. `reopen[i]`: how positions[i] opens again.
    Action draw(const std::vector<ProgressKeeper::Entry>& positions, const std::vector<Reopen>& reopen, const FontSet& fonts,
                const Theme& theme, std::int64_t now_ms);

    // How many highlights each article has (by an entry's name, "id" or "id@origin"), shown in
    // its row; App reads them from the highlights' storage when the library opens.
    void set_highlight_counts(std::vector<std::pair<std::string, std::size_t>> counts) { highlight_counts_ = std::move(counts); }

private:
    std::vector<Bundled> bundled_;
    std::vector<std::pair<std::string, std::size_t>> highlight_counts_;
};

}  // namespace av
