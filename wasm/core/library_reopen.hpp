// How a recently read article opens again from the library. A URL opens from its URL. The web's
// "file:NAME" (a file the browser handed over once) opens from the copy the browser keeps
// (platform/web_files.cpp), while it keeps one; if not, the row says so. On the desktop a path
// opens from the disk, if the file is still there; if not, the row says so.
#pragma once

#include <string>
#include <vector>

#include "local_files.hpp"

namespace av {

struct Reopen {
    std::string source;  // what the row's Open button opens; "" for no button
    std::string note;    // what the row says instead, when the file is gone or cannot be read
};

// `files`: the platform's disk, or null where there is none (the web). `kept`: the names of the
// files the browser keeps (the web), or null where none are kept.
Reopen reopen(const std::string& source, LocalFiles* files, const std::vector<std::string>* kept = nullptr);

}  // namespace av
