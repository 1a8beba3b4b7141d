// The reader's own files, as a platform with a disk (the desktop) shows them to the viewer's
// "Open file…" panel and library. An interface, like KeyValueStore: the desktop implements it
// with std::filesystem (platform/disk_files.*), the web has none, tests use a fake.
#pragma once

#include <string>
#include <vector>

namespace av {

struct FolderEntry {
    std::string name;
    bool folder = false;
};

class LocalFiles {
public:
    // What is at a path, for opening it.
    enum class Kind { file, folder, missing, unreadable };

    virtual ~LocalFiles() = default;
    // The reader's home folder and the program's working folder ("" when unknown).
    virtual std::string home() const = 0;
    virtual std::string working_folder() const = 0;
    // The entries of `folder`, in no order; false with `error` (one line) when it cannot be read.
    virtual bool list(const std::string& folder, std::vector<FolderEntry>& entries, std::string& error) = 0;
    // What `path` is; for `unreadable`, `reason` says why ("Permission denied").
    virtual Kind kind(const std::string& path, std::string& reason) = 0;
};

// What the panel lists of a folder: ".." first (but at the root), then the folders, then the
// article files (".json", any case), each group by name ignoring ASCII case. Hidden entries (a
// leading '.') and other files are left out; a typed path still opens them.
std::vector<FolderEntry> entries_to_open(const std::string& folder, std::vector<FolderEntry> entries);

}  // namespace av
