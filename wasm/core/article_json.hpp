// The loaded, checked article written back as JSON, for the page's accessible mirror
// (shell/mirror.js): what the loader accepted, never the file's bytes, so whatever the loader
// dropped (a javascript: link, an unknown block, a control character) stays dropped.
//
//   {"id", "lang", "dir", "title", "subtitle"?,
//    "byline": {"authors": [...], "published"?, "publishedText"?, "updated"?, "updatedText"?,
//               "source"?, "url"?},
//    "blocks": [{"type": "heading", "index": 5, "id"?: "h-x", "lang"?: "ja", "dir"?: "rtl",
//                "level": 2, "text": RUNS}, ...]}
//
// RUNS is [{"text", "bold"?: true, "italic"?: true, "href"?: URL, "lang"?: "ja"}] (false and
// empty members left out). The article's "lang" and "dir" ("ltr", "rtl" or "auto") are always
// there; a block's "lang" and "dir" and a run's "lang" only when the file set them (format 1.1):
// without them a block takes the article's, a run its block's. Per type: heading level/text; paragraph text; quote text/cite?; list ordered/items [RUNS];
// image src (resolved against the article's address, as the canvas fetches it: the mirror loads
// it only for a print)/alt/caption?/credit?/width/height;
// sponsored label (the block's, else locale::sponsored_label), title (runs without a link take the
// block's href, as the canvas draws it), text?, href?, sponsor?; related label (the block's, else
// locale::related_label), items [{"title", "href"?}]; callout label? (as given), title?, text?,
// paragraphs?; tags items [string]; divider nothing. "*Text" dates are locale::format_date.
// `index` is the block's position in Article::blocks (what App::scroll_to_block takes).
//
// The page reads a long article in pages (issue 20, item 7): the whole of a 43 MB article as one
// string took 2.3 s in one task to write, decode and parse in Chromium. article_header_json is the
// top level without "blocks", plus "blockCount"; article_blocks_json a range of blocks as an
// array, written exactly as in the whole article.
#pragma once

#include <cstddef>
#include <limits>
#include <string>

#include "article.hpp"

namespace av {

// Text that is not UTF-8 (the loader lets none through) is written as U+FFFD, so the output is
// always valid JSON. Written straight out, the string reserved once to its exact size: the memory
// it takes is the text's own (docs/errors.md, "Limits"). Throws only std::bad_alloc.
std::string article_json(const Article& article);

// {"id", "lang", "dir", "title", "subtitle"?, "byline": {...}, "blockCount": N}: the members
// article_json has before "blocks", and how many blocks there are.
std::string article_header_json(const Article& article);

// [block, ...] for blocks [from, from + count) (clamped to the article), cut short after the block
// that takes the text to `max_bytes` or past it: a page never holds more than one block beyond its
// budget, and always holds one when `from` is inside the article ("[]" when it is not).
std::string article_blocks_json(const Article& article, std::size_t from, std::size_t count,
                                std::size_t max_bytes = std::numeric_limits<std::size_t>::max());

// [block, ...] for the headings of `level` only, in article order: what the page's Contents lists,
// without writing out the rest of a long article.
std::string article_headings_json(const Article& article, int level);

}  // namespace av
