// What opening an article may take in memory, at most, from its size alone (hardening issue, item
// 2). The web makes room for it before reading the file (Host::make_room): a browser that gives
// the page less memory then refuses the article with an error on the page, instead of the program
// stopping half-way through loading, laying out, or the page's articleViewer.article() copy.
#pragma once

#include <cstddef>

namespace av {

// Bytes of memory opening a file of `bytes` bytes may take, whose JSON has at most `max_values`
// values (LoadLimits::max_values): 6 per byte of the file plus 150 per value, a value taking at
// least two bytes ("1,"). Measured in Chromium, as the wasm memory's size once the article was
// laid out and copied out by article() (docs/errors.md, "Memory"): at most 48 per byte (a million
// empty list items: 3 MB, 144 MB) and 5.1 per byte for text (43 MB of paragraphs, 220 MB).
std::size_t memory_to_open(std::size_t bytes, std::size_t max_values);

}  // namespace av
