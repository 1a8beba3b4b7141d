#include "library_reopen.hpp"

#include "local_path.hpp"

namespace av {

Reopen reopen(const std::string& source, LocalFiles* files) {
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
