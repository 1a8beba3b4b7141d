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
// image alt/caption?/credit?/width/height (never src: the mirror must not load the picture);
// sponsored label (the block's, else locale::sponsored_label), title (runs without a link take the
// block's href, as the canvas draws it), text?, href?, sponsor?; related label (the block's, else
// locale::related_label), items [{"title", "href"?}]; callout label? (as given), title?, text?,
// paragraphs?; tags items [string]; divider nothing. "*Text" dates are locale::format_date.
// `index` is the block's position in Article::blocks (what App::scroll_to_block takes).
#pragma once

#include <string>

#include "article.hpp"

namespace av {

// Text that is not UTF-8 (the loader lets none through) is written as U+FFFD, so the output is
// always valid JSON. Written straight out, the string reserved once to its exact size: the memory
// it takes is the text's own (docs/errors.md, "Limits"). Throws only std::bad_alloc.
std::string article_json(const Article& article);

}  // namespace av
