// The loaded, checked article as a plain HTML5 page: what a reader without JavaScript gets
// (README, "Choices the issues left open": the plain pages). The web build's tool
// wasm/tools/plain_pages.cpp writes one per bundled article into dist/plain/, and the single-file
// page carries the same <article> element in its <noscript>.
//
// Made from the model the canvas draws, never from the file's bytes: a link or block the loader
// dropped is not here either, and the words the viewer adds are the canvas's (the sponsored and
// related labels of core/locale.hpp, the byline's date and reading time). Semantic markup only:
//
//   <article lang dir> <header> h1, p.subtitle, p.byline </header>
//     heading h2-h4 | paragraph p | quote blockquote (in a figure with its cite) | list ul/ol
//     image figure img + figcaption | sponsored aside.sponsored (visible label) | related nav
//     callout aside.callout | tags ul.tags | divider hr
//   runs: <a href> around <strong> around <em> around <span lang>; "\n" is <br>.
//
// Languages and directions as format 1.1 says: the article's on <article> (and <html>); a block's
// own lang where it has one; a block's dir where it has one, and dir="auto" on every block when
// the article's direction is auto (each block then finds its own, as the canvas does); a run's
// lang on a <span>. Every string is escaped (& < > " '), in text and attributes alike, so no
// article text becomes markup; the page has no script and no style attribute (the stylesheet is a
// file, core/plain_stylesheet.hpp: serve.py's Content-Security-Policy allows no inline style).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"

namespace av {

// Where a plain page's links go (relative references, written as given). Empty: no such link.
struct PlainPageLinks {
    std::string stylesheet;  // plain_stylesheet() as a file
    std::string viewer;      // the full viewer, at this article ("../?article=articles/a.json")
    std::string list;        // the list of plain pages ("index.html")
};

// The article as an <article> element, for a page of its own or inside another page.
// `anchor_prefix` goes before every block id made an element id, and before the target of every
// "#block-id" link, so that several articles (or the viewer's own elements) share a page without
// clashing ids: "" on a page of its own.
std::string article_html(const Article& article, std::string_view anchor_prefix = {});

// A complete page: <!doctype html> ... with the article's title and language, the links to the
// viewer and the list at the top (in English, as are the viewer's own words), then the article.
std::string article_html_page(const Article& article, const PlainPageLinks& links);

// One line of the list of plain pages.
struct PlainListItem {
    std::string href;  // the article's plain page ("a.html")
    std::string title;
    std::string subtitle;
    std::string lang;
    TextDirection dir = TextDirection::auto_;
};

// The list of plain pages (plain/index.html): an English page with each article's title in its
// own language and direction. `links.list` is not used.
std::string article_list_html_page(const std::vector<PlainListItem>& items, const PlainPageLinks& links);

}  // namespace av
