#include "disk_files.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace av {

namespace fs = std::filesystem;

std::string DiskFiles::home() const {
    const char* home = std::getenv("HOME");
    return home ? home : "";
}

std::string DiskFiles::working_folder() const {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    return ec ? "" : cwd.string();
}

bool DiskFiles::list(const std::string& folder, std::vector<FolderEntry>& entries, std::string& error) {
    entries.clear();
    std::error_code ec;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;  // a link to a folder lists as a folder; a broken link as a file
        entries.push_back(FolderEntry{it->path().filename().string(), it->is_directory(type_ec)});
    }
    if (ec) error = folder + ": " + ec.message();
    return !ec;
}

LocalFiles::Kind DiskFiles::kind(const std::string& path, std::string& reason) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (st.type() == fs::file_type::not_found) return Kind::missing;
    if (ec) {
        reason = ec.message();
        return Kind::unreadable;
    }
    if (st.type() == fs::file_type::directory) return Kind::folder;
    // Opening is the only test that holds for every reason (permissions, ACLs, a dead mount).
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        reason = std::strerror(errno);
        return Kind::unreadable;
    }
    return Kind::file;
}

}  // namespace av
