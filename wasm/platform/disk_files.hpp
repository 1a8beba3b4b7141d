// The desktop's disk for the "Open file…" panel and the library (core/local_files.hpp).
#pragma once

#include "core/local_files.hpp"

namespace av {

class DiskFiles : public LocalFiles {
public:
    std::string home() const override;
    std::string working_folder() const override;
    bool list(const std::string& folder, std::vector<FolderEntry>& entries, std::string& error) override;
    Kind kind(const std::string& path, std::string& reason) override;
};

}  // namespace av
