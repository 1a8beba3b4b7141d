#include "article.hpp"

namespace av {

std::string plain_text(const Inline& text) {
    std::string out;
    for (const Run& run : text) out += run.text;
    return out;
}

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
