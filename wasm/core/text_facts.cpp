#include "text_facts.hpp"

#include <algorithm>
#include <cstdio>

namespace av {

TextFactsScan::TextFactsScan(const Article& article) : article_(article), prefix_(article.blocks.size() + 1, 0) {
    mix(article.title);
}

void TextFactsScan::mix_bytes(std::string_view s) {
    for (char c : s) {
        hash_ ^= static_cast<unsigned char>(c);
        hash_ *= 0x100000001b3ull;
    }
}

void TextFactsScan::mix(std::string_view s) {
    mix_bytes(s);
    hash_ ^= 0xFF;  // separator, so "ab"+"c" differs from "a"+"bc"
    hash_ *= 0x100000001b3ull;
}

bool TextFactsScan::add_blocks(std::size_t count) {
    const std::size_t last = next_ + std::min(count, article_.blocks.size() - next_);
    for (; next_ < last; ++next_) {
        const Block& b = article_.blocks[next_];
        mix(block_type_name(b.type));
        // block_text(b), piece by piece: the same digest without a copy of the block's text.
        for_each_text_piece(b, [&](std::string_view piece) { mix_bytes(piece); });
        mix({});
        prefix_[next_ + 1] = prefix_[next_] + reading_words(b);
    }
    return next_ >= article_.blocks.size();
}

std::string TextFactsScan::digest() const {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_));
    return hex;
}

std::string article_digest(const Article& article) {
    TextFactsScan scan(article);
    scan.add_blocks(article.blocks.size());
    return scan.digest();
}

std::vector<std::size_t> word_prefix(const Article& article) {
    TextFactsScan scan(article);
    scan.add_blocks(article.blocks.size());
    return scan.take_prefix();
}

}  // namespace av
