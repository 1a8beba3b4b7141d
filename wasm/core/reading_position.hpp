// Where the reader is, as an anchor in the text rather than in pixels: the first visible line is
// named by its block and the character offset where it starts. Any layout (another width, text
// size or font) can find that line again, so the same text stays at the top.
#pragma once

#include <cstdint>
#include <string>

#include "article.hpp"
#include "layout.hpp"

namespace av {

struct Anchor {
    int block = -1;            // index into Article::blocks; -1 is the header (title, byline)
    std::uint32_t offset = 0;  // characters of the block's text before the anchored line
    bool operator==(const Anchor& o) const { return block == o.block && offset == o.offset; }
    bool operator!=(const Anchor& o) const { return !(*this == o); }
};

// The line at the top of a viewport scrolled to `scroll_y`: the first line whose bottom is
// below it (a line cut in half at the top still counts as the one being read).
Anchor anchor_at(const DocumentLayout& doc, DocY scroll_y);

// The scroll position that puts the anchored line at the top; clamps an offset past the block's
// end to its last line and an unknown block to the nearest one laid out.
DocY scroll_for(const DocumentLayout& doc, const Anchor& anchor);

// Fraction of the article read, 0..1, for a viewport of `view_h` scrolled to `scroll_y`.
double fraction_read(const DocumentLayout& doc, DocY scroll_y, float view_h);

// The block index whose `id` is `id`, or -1.
int find_block(const Article& article, const std::string& id);

// The id the viewer keeps in the URL (#id) for a reader in block `block`: that block's id, else
// the id of the nearest block before it that has one; "" when none has.
std::string place_id(const Article& article, int block);

// Whether the URL's fragment `fragment` (a block id, "" for none) moves the reader on open,
// rather than the saved anchor `saved`. A link to a block does, unless it is the fragment the
// viewer itself writes for `saved` (place_id): a reload carries that one, and the saved line is
// the more precise of the two.
bool deep_link_wins(const Article& article, const std::string& fragment, const Anchor* saved);

// Index into doc.blocks of the article block `block` (-1: the header), or the nearest one.
std::size_t layout_index(const DocumentLayout& doc, int block);

}  // namespace av
