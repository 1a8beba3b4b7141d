#include "extended_font_requests.hpp"

namespace av {

void ExtendedFontRequests::opened(bool needs) {
    occasion_ = needs;                          // while a fetch is on its way, its answer decides (answered)
    if (!needs) online_while_pending_ = false;  // the article that needed them is gone
}

void ExtendedFontRequests::online(bool needs) {
    if (!needs || done_) return;
    if (pending_)
        online_while_pending_ = true;
    else if (!error_.empty())
        occasion_ = true;
}

bool ExtendedFontRequests::take() {
    if (done_ || pending_ || !occasion_) return false;
    occasion_ = false;
    return true;
}

void ExtendedFontRequests::sent(bool fetching) {
    if (fetching) {
        pending_ = true;
        online_while_pending_ = false;
    } else {
        done_ = true;
    }
}

void ExtendedFontRequests::answered(const std::string& error) {
    pending_ = false;
    error_ = error;
    if (error.empty()) done_ = true;
    // An article opened while the fetch was on its way has seen the failure like the one that
    // asked; only the browser coming back online since the fetch was sent makes it worth another.
    occasion_ = !error.empty() && online_while_pending_;
    online_while_pending_ = false;
}

}  // namespace av
