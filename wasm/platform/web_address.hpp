// The page's URL and its history entries (reader-visible defects issue, items 1 and 2). The URL
// names what is on screen (core/page_address.hpp); Back and Forward move between the articles and
// places the reader opened. Web only.
#pragma once

#include <string>

#include "core/reading_position.hpp"

namespace av {
class App;
}

namespace av::web {

// What the page's URL asks for: ?article= resolved against the page, ?file=NAME as "file:NAME";
// "" when it names neither (the default article).
std::string requested_source();
// The URL's fragment, percent-decoded: a block id, or "".
std::string requested_block();
// The document's base URL, for core/page_address.
std::string page_url();

// Shows `address` (a query and fragment, core/page_address.hpp) as the page's URL: as a new
// history entry, after noting `leaving` (the reader's place) on the entry being left, or in place
// of the current one.
void show_address(const std::string& address, bool new_entry, const Anchor& leaving);
// Keeps the block being read in the URL (#id), without a history entry.
void show_block(const std::string& block_id);

// From now on Back and Forward (and a fragment typed in the address bar) reach `app`; `wake`
// asks for frames.
void watch_history(App& app, void (*wake)());

}  // namespace av::web
