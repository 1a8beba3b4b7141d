// Finds highlights in an article's text: describes a new one (its quote and context) and finds a
// stored one again after the article changed, or says it is lost (docs/highlights-format.md,
// "Finding highlights again"). One finder serves a whole pass over the stored highlights, so each
// block's text is built at most once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "highlights.hpp"

namespace av {

class HighlightFinder {
public:
    HighlightFinder(const Article& article, std::string digest);

    // Fills quote, prefix, suffix, block_id and digest of `h` from its block and offsets; "" when
    // they are places in the text, else why not (naming the block and offset).
    std::string describe(Highlight& h);

    // `h` found again (block, offsets, context and digest updated, lost = false), or `h` as it
    // was with lost = true.
    Highlight find(Highlight h);

private:
    struct Occurrence {
        int block = -1;
        std::uint32_t start = 0;
        int score = 0;            // context agreement, 0..64
        bool home_by_id = false;  // in the block with the highlight's block id
        bool same_place = false;  // there, at the same offset
        std::string prefix, suffix;
    };
    const std::string& text(int block);
    // Every occurrence of h.quote in `block`, scored against h's context, appended to `out`;
    // false when there were too many to look at.
    bool occurrences(const Highlight& h, int block, bool home_by_id, std::vector<Occurrence>& out);
    Highlight place(Highlight h, const Occurrence& at) const;

    const Article& article_;
    std::string digest_;
    std::vector<std::string> texts_;
    std::vector<bool> built_;
    std::size_t looked_ = 0;  // occurrences scored in this find()
};

}  // namespace av
