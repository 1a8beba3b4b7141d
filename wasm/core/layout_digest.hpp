// A fingerprint of a laid-out article: every block's place and shapes, every line's place and
// offset, every span's text, face, font, size, place and bidi level, every shaped glyph's id and
// place. Two builds that draw the same thing give the same digest, so the browser tests compare
// the web build's layout with the desktop build's (`article-viewer --layout`) without pixels, and
// show the two texts' first difference when they differ (docs/text-pipeline.md, "Desktop and web").
#pragma once

#include <string>

#include "core/layout.hpp"

namespace av {

// The layout as text, one line per block, shape, line and span: positions in 1/16 px (finer than
// anything a reader could see), glyphs as id@x,y (id 0 for the base faces, whose ids differ
// between the web's subsets and the desktop's whole files). Lays out again the blocks whose lines were
// released (DocumentLayout::lines), so it costs a full layout of the article: for tests and the
// command line, never for a frame.
std::string layout_text(const DocumentLayout& doc);

// 16 hex digits: FNV-1a (64 bits) of layout_text().
std::string layout_digest(const DocumentLayout& doc);

}  // namespace av
