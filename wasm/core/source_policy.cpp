#include "source_policy.hpp"

#include <algorithm>

#include "url.hpp"

namespace av {

std::string SourcePolicy::refusal(const std::string& source) const {
    if (home.empty()) return {};  // the desktop: the reader's own files
    const std::string scheme = url::scheme(source);
    if (scheme == "file" && source.compare(0, 7, "file://") != 0) return {};  // "file:NAME": opened by the reader
    const std::string from = url::origin(source);
    if (from.empty()) return "only http and https addresses are opened here";
    if (from == home || std::find(allowed.begin(), allowed.end(), from) != allowed.end()) return {};
    return "this page opens articles from its own site (" + home + ")" +
           (allowed.empty() ? std::string() : " and the sites its publisher lists") + ", not from " + from;
}

std::string SourcePolicy::progress_origin(const std::string& source) const {
    if (home.empty()) return {};  // no site (the desktop, file://): one reader's files, one key each
    const std::string from = url::origin(source);
    return from == home ? std::string() : from;
}

}  // namespace av
