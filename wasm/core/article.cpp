#include "article.hpp"

namespace av {

std::string plain_text(const Inline& text) {
    std::string out;
    for (const Run& run : text) out += run.text;
    return out;
}

std::string block_text(const Block& b) {
    std::string out = plain_text(b.title) + plain_text(b.text);
    for (const Inline& item : b.items) out += plain_text(item);
    for (const std::string& tag : b.tags) out += tag;
    for (const RelatedItem& r : b.related) out += r.title;
    out += plain_text(b.caption);
    return out;
}

std::string header_text(const Article& article) { return article.title + article.subtitle; }

const char* block_type_name(BlockType type) {
    switch (type) {
        case BlockType::heading: return "heading";
        case BlockType::paragraph: return "paragraph";
        case BlockType::quote: return "quote";
        case BlockType::list: return "list";
        case BlockType::image: return "image";
        case BlockType::sponsored: return "sponsored";
        case BlockType::related: return "related";
        case BlockType::callout: return "callout";
        case BlockType::tags: return "tags";
        case BlockType::divider: return "divider";
    }
    return "?";
}

}  // namespace av
