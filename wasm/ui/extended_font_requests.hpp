// When the fonts' extended subsets (the web's Greek, Cyrillic, Vietnamese, ...: fonts-ext/, shipped
// apart from the first visit) are asked of the platform (Host::fetch_extended_fonts), and how it
// answered. The first article that needs them asks. After a failed fetch (the reader offline for a
// moment, the host down) they are asked again by the next article that needs them (the same one
// opened again too), or when the browser comes back online while such an article is open: the
// reader reopens nothing. Never by the article that saw the failure on its own: it is drawn with
// replacement glyphs, state().fontsExtendedError says why, and asking at each frame would loop.
// Platform-free: the App tells it what happened, the platform only fetches and answers.
#pragma once

#include <string>

namespace av {

class ExtendedFontRequests {
public:
    // An article opened; `needs`: it has characters of the extended subsets.
    void opened(bool needs);
    // The browser is back online; `needs`: the open article has such characters.
    void online(bool needs);
    // Whether to ask the platform now. It counts as asked from here: the next ask needs another
    // occasion (opened, online), and none comes while a fetch is on its way.
    bool take();
    // What the platform said to take(): it fetches them (an answer follows), or its fonts are whole
    // (the desktop's: there is nothing to fetch, they are never asked again).
    void sent(bool fetching);
    // A fetch's answer: "" when the subsets are in the fonts folder (never asked again), else why not.
    void answered(const std::string& error);

    bool waiting() const { return pending_; }
    const std::string& error() const { return error_; }  // the last answer's, "" once they arrived

private:
    bool occasion_ = false;  // an article that needs them opened, or the browser came back online
    bool pending_ = false;   // a fetch is on its way
    // The browser came back online while a fetch was on its way: if that fetch fails (it may have
    // been sent offline), that is an occasion to ask again.
    bool online_while_pending_ = false;
    bool done_ = false;  // they arrived, or the platform has nothing to fetch
    std::string error_;
};

}  // namespace av
