// What the loader learns of an article's text while it reads it, once (BENCHMARKS.md, "Load"):
// the digest that tells stored positions and highlights whether the text changed, and the words
// before each block that reading time and "minutes left" count with. Apart from progress.cpp so
// that this hot loop is compiled for speed in the web build and the JSON code around it for size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"

namespace av {

// A short, stable digest of the article's text (FNV-1a 64 over block types and text), as hex.
std::string article_digest(const Article& article);

// article_digest() and word_prefix() together, over the blocks in order, `count` at a time: what
// ArticleLoad fills Article::digest and Article::word_prefix with, one piece per step.
class TextFactsScan {
public:
    explicit TextFactsScan(const Article& article);
    bool add_blocks(std::size_t count);  // true once every block is in
    std::size_t scanned() const { return next_; }
    std::string digest() const;
    std::vector<std::size_t> take_prefix() { return std::move(prefix_); }

private:
    void mix_bytes(std::string_view s);  // no separator after
    void mix(std::string_view s);
    const Article& article_;
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
    std::vector<std::size_t> prefix_;
    std::size_t next_ = 0;
};

// Words of reading text (headings, paragraphs, quotes, lists, captions; not sponsored or callout
// blocks) before each block: prefix[i] = words in blocks [0, i); prefix.back() = all of them.
std::vector<std::size_t> word_prefix(const Article& article);

}  // namespace av
