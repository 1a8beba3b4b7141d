#include "reading_position.hpp"

#include <algorithm>

namespace av {

std::size_t layout_index(const DocumentLayout& doc, int block) {
    // doc.blocks hold the header then the article's blocks in order, so `block` is found by binary
    // search on BlockLayout::block.
    auto it = std::lower_bound(doc.blocks.begin(), doc.blocks.end(), block,
                               [](const BlockLayout& b, int value) { return b.block < value; });
    if (it == doc.blocks.end()) return doc.blocks.empty() ? 0 : doc.blocks.size() - 1;
    return static_cast<std::size_t>(it - doc.blocks.begin());
}

Anchor anchor_at(const DocumentLayout& doc, DocY scroll_y) {
    if (doc.blocks.empty() || scroll_y <= 0) return Anchor{};
    auto [first, last] = doc.visible(scroll_y, scroll_y + 1e12);
    for (std::size_t i = first; i < doc.blocks.size(); ++i) {
        const BlockLayout& b = doc.blocks[i];
        const std::vector<Line>& lines = doc.lines(i);
        for (const Line& line : lines) {
            if (line.y + line.height > scroll_y + 0.5f) return Anchor{b.block, line.offset};
        }
        if (lines.empty() && b.bottom > scroll_y) return Anchor{b.block, 0};
    }
    const std::vector<Line>& end = doc.lines(doc.blocks.size() - 1);
    return Anchor{doc.blocks.back().block, end.empty() ? 0 : end.back().offset};
}

DocY scroll_for(const DocumentLayout& doc, const Anchor& anchor) {
    if (doc.blocks.empty()) return 0;
    if (anchor.block < 0 && anchor.offset == 0) return 0;
    const std::size_t i = layout_index(doc, anchor.block);
    const BlockLayout& b = doc.blocks[i];
    if (b.block != anchor.block) return b.top;  // the block is gone: its nearest neighbour
    DocY y = b.top;
    for (const Line& line : doc.lines(i)) {
        if (line.offset > anchor.offset) break;
        y = line.y;
    }
    return y;
}

double fraction_read(const DocumentLayout& doc, DocY scroll_y, float view_h) {
    const DocY range = doc.height - view_h;
    if (range <= 0) return 1.0;
    return std::clamp(scroll_y / range, 0.0, 1.0);
}

int find_block(const Article& article, const std::string& id) {
    if (id.empty()) return -1;
    for (std::size_t i = 0; i < article.blocks.size(); ++i)
        if (article.blocks[i].id == id) return static_cast<int>(i);
    return -1;
}

std::string place_id(const Article& article, int block) {
    for (int i = std::min(block, static_cast<int>(article.blocks.size()) - 1); i >= 0; --i)
        if (!article.blocks[static_cast<std::size_t>(i)].id.empty()) return article.blocks[static_cast<std::size_t>(i)].id;
    return {};
}

bool deep_link_wins(const Article& article, const std::string& fragment, const Anchor* saved) {
    if (find_block(article, fragment) < 0) return false;
    return !saved || place_id(article, saved->block) != fragment;
}

}  // namespace av
