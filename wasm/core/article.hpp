// The article model: what an article/1 file means once it has been loaded and checked.
// Plain data, no behaviour: the loader fills it, layout reads it. See docs/article-format.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/text_needs.hpp"

namespace av {

// Base direction of a block's text (format 1.1 `dir`). `inherit`: the article's (blocks only);
// `auto_`: from the first strong character (UAX #9 P2-P3), else from the language.
enum class TextDirection : unsigned char { inherit, auto_, ltr, rtl };

// One styled piece of inline text. `href` is empty, or an http, https or mailto URL, or
// `#block-id`.
struct Run {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string href;
    std::string lang;  // BCP 47 (format 1.1); empty: the block's
};

// Inline text: the runs in reading order.
using Inline = std::vector<Run>;

enum class BlockType { heading, paragraph, quote, list, image, sponsored, related, callout, tags, divider };

// A link in a `related` block.
struct RelatedItem {
    std::string title;
    std::string href;  // empty when the file gives none (or gives a scheme we drop)
};

// One block of the article. Members not used by a block's type stay empty; the comment on each
// member names the types that fill it.
struct Block {
    BlockType type = BlockType::paragraph;
    std::string id;     // optional deep-link anchor, [A-Za-z0-9._-]{1,128}
    std::string lang;   // BCP 47 (format 1.1); empty: the article's
    TextDirection dir = TextDirection::inherit;  // format 1.1; inherit: the article's
    int level = 0;      // heading: 2..4
    Inline title;       // sponsored (required), callout
    Inline text;        // heading, paragraph, quote, sponsored, callout
    std::string cite;   // quote
    std::string label;  // sponsored, related, callout (as the file gives it; the UI supplies defaults)
    std::string href;   // sponsored
    std::string sponsor;                // sponsored
    bool ordered = false;               // list
    std::vector<Inline> items;          // list items; callout paragraphs
    std::vector<std::string> tags;      // tags
    std::vector<RelatedItem> related;   // related
    std::string src;                    // image, resolved against the article's own URL
    std::string alt;                    // image
    int width = 0;                      // image, intrinsic pixels
    int height = 0;                     // image
    Inline caption;                     // image
    std::string credit;                 // image
};

struct Byline {
    std::vector<std::string> authors;
    std::string published;  // ISO 8601 as given
    std::string updated;    // ISO 8601 as given
    std::string source;
    std::string url;        // http/https only
};

struct Article {
    std::string format;  // "article/1" or an "article/1.x" minor
    std::string id;
    std::string lang = "en";
    TextDirection dir = TextDirection::auto_;  // format 1.1; never `inherit`
    std::string title;
    std::string subtitle;
    Byline byline;
    std::vector<Block> blocks;
    // What it draws beyond the base faces (fonts to fetch, the text engine): filled by
    // load_article, once (core/text/text_needs.hpp).
    TextNeeds needs;
    // Also filled by load_article, in pieces, so that opening a long article never walks all of
    // its text again at once: article_digest() and word_prefix() (core/progress.hpp). Empty for
    // an article made some other way: then they are computed when they are needed.
    std::string digest;
    std::vector<std::size_t> word_prefix;
};

// The plain text of an inline (runs joined), for reading-time counts, search and tests.
std::string plain_text(const Inline& text);

// A block's own text, in the order layout lays it out: what line offsets, anchors, find and
// selection count through. Words the viewer adds (labels, list markers, alt text) are not in it.
std::string block_text(const Block& block);

// block_text's pieces in its order, each handed to `f` as a std::string_view: for the scans of
// every block at load (the digest) that need its bytes and not a copy of them.
template <class F>
void for_each_text_piece(const Block& b, F&& f) {
    for (const Run& run : b.title) f(std::string_view(run.text));
    for (const Run& run : b.text) f(std::string_view(run.text));
    for (const Inline& item : b.items)
        for (const Run& run : item) f(std::string_view(run.text));
    for (const std::string& tag : b.tags) f(std::string_view(tag));
    for (const RelatedItem& r : b.related) f(std::string_view(r.title));
    for (const Run& run : b.caption) f(std::string_view(run.text));
}

// The header's own text (title, then subtitle): "block -1" for anchors, find and selection.
std::string header_text(const Article& article);

// Words of the article's reading in `block` (reading time, reading speed): those of headings,
// paragraphs, quotes, list items and image captions; sponsored blocks and callouts have none. A
// word is a stretch of characters other than space and newline (runs joined); each CJK ideograph
// or kana and each Thai, Lao, Khmer or Myanmar letter counts as one on its own, those scripts
// being read (and their speeds measured) by the character: locale::words_per_minute gives
// characters per minute for them.
std::size_t reading_words(const Block& block);

// Whether the byline shows `source` after the authors: not when it only repeats an author's
// name ("Mac & i · Mac & i"), compared without ASCII case and surrounding spaces.
bool byline_shows_source(const Byline& byline);

// Lower-case name of a block type as it appears in the file ("heading", "sponsored", ...).
const char* block_type_name(BlockType type);

}  // namespace av
