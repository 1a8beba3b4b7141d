// What the page's URL says is on screen, so that a reload, Back and Forward, and a URL copied to
// another machine all open the same article at the same place (reader-visible defects issue,
// items 1 and 2). Platform-free: the web turns these into history entries; the desktop has none.
#pragma once

#include <string>
#include <string_view>

namespace av::page_address {

// The address of `source` opened at block `block_id`, relative to the page at `page_url` (the
// document's base URL): its query and fragment.
// - the page's default article has no query: "" or "#p3";
// - an article in the page's folder or below is named relative to it: "?article=articles/a.json#p3";
// - one elsewhere on the same site by its path ("?article=/other/a.json"), another site's in full;
// - a file the reader opened ("file:NAME") is "?file=NAME".
// The query value and the fragment are percent-encoded where a URL needs it (space, %, &, #, +,
// and every byte outside ASCII), so URLSearchParams and decodeURIComponent give them back.
std::string of(std::string_view source, std::string_view block_id, std::string_view default_source,
               std::string_view page_url);

// Percent-encodes what cannot stand as it is in a query value or a fragment.
std::string encode(std::string_view text);

}  // namespace av::page_address
