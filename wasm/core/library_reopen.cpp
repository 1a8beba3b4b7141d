#include "library_reopen.hpp"

#include <algorithm>

#include "local_path.hpp"

namespace av {

Reopen reopen(const std::string& source, LocalFiles* files, const std::vector<std::string>* kept) {
    if (kept && source.rfind("file:", 0) == 0 && source.compare(5, 2, "//") != 0) {
        const std::string name = source.substr(5);
        if (std::find(kept->begin(), kept->end(), name) != kept->end()) return Reopen{source, ""};
        return Reopen{"", "This file is not kept in this browser: open it again with Open file\xE2\x80\xA6"};
    }
    if (!files || !local_path::is_local(source)) {
        const bool by_url = !source.empty() && source.rfind("file:", 0) != 0;
        return Reopen{by_url ? source : "", ""};
    }
    std::string reason;
    switch (files->kind(source, reason)) {
        case LocalFiles::Kind::file:
            return Reopen{source, ""};
        case LocalFiles::Kind::unreadable:
            return Reopen{"", "This file cannot be read: " + source + " (" + reason + ")"};
        case LocalFiles::Kind::missing:
        case LocalFiles::Kind::folder:
            break;
    }
    return Reopen{"", "This file has moved or was deleted: " + source};
}

}  // namespace av
