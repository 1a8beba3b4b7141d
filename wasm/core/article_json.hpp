// The loaded, checked article written back as JSON, for the page's accessible mirror
// (shell/mirror.js): what the loader accepted, never the file's bytes, so whatever the loader
// dropped (a javascript: link, an unknown block, a control character) stays dropped.
//
//   {"id", "lang", "title", "subtitle"?,
//    "byline": {"authors": [...], "published"?, "publishedText"?, "updated"?, "updatedText"?,
//               "source"?, "url"?},
//    "blocks": [{"type": "heading", "index": 5, "id"?: "h-x", "level": 2, "text": RUNS}, ...]}
//
// RUNS is [{"text", "bold"?: true, "italic"?: true, "href"?: URL}] (false and empty members left
// out). Per type: heading level/text; paragraph text; quote text/cite?; list ordered/items [RUNS];
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

// Never throws: text that is not UTF-8 (the loader lets none through) would be replaced.
std::string article_json(const Article& article);

}  // namespace av
