#include "file_store.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <unistd.h>

namespace av {

namespace fs = std::filesystem;

namespace {

KeyValueStore::Status status_of(int error) {
    switch (error) {
        case ENOENT: return KeyValueStore::Status::missing;
        case EACCES:
        case EPERM:
        case EROFS: return KeyValueStore::Status::unavailable;
        case ENOSPC:
        case EDQUOT: return KeyValueStore::Status::quota;
        default: return KeyValueStore::Status::failed;
    }
}

// Keys are "progress/<article id>" (ids are [A-Za-z0-9._-]) or plain names: anything else, or a
// key that could climb out of the folder, is refused.
bool safe_key(const std::string& key) {
    if (key.empty() || key.size() > 200 || key.front() == '/' || key.find("..") != std::string::npos) return false;
    for (char c : key) {
        const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '/';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

FileStore::FileStore(std::string dir) : dir_(std::move(dir)) {
    if (dir_.empty()) {
        const char* state = std::getenv("XDG_STATE_HOME");
        const char* home = std::getenv("HOME");
        if (state && *state == '/') dir_ = std::string(state) + "/article-viewer";
        else if (home && *home) dir_ = std::string(home) + "/.local/state/article-viewer";
    }
}

std::string FileStore::config_dir() {
    const char* config = std::getenv("XDG_CONFIG_HOME");
    const char* home = std::getenv("HOME");
    if (config && *config == '/') return std::string(config) + "/article-viewer";
    if (home && *home) return std::string(home) + "/.config/article-viewer";
    return {};
}

std::string FileStore::data_dir() {
    const char* data = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    if (data && *data == '/') return std::string(data) + "/article-viewer";
    if (home && *home) return std::string(home) + "/.local/share/article-viewer";
    return {};
}

std::string FileStore::path_for(const std::string& key) const { return dir_ + "/" + key + ".json"; }

KeyValueStore::Status FileStore::get(const std::string& key, std::string& value) {
    if (dir_.empty()) return Status::unavailable;
    if (!safe_key(key)) return Status::missing;
    std::ifstream in(path_for(key), std::ios::binary);
    if (!in) return status_of(errno);
    value.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return in.bad() ? Status::failed : Status::ok;
}

KeyValueStore::Status FileStore::set(const std::string& key, const std::string& value) {
    if (dir_.empty()) return Status::unavailable;
    if (!safe_key(key)) return Status::failed;
    const std::string path = path_for(key);
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) return status_of(ec.value());
    const std::string tmp = path + ".tmp" + std::to_string(::getpid());
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return status_of(errno);
    const bool written = std::fwrite(value.data(), 1, value.size(), f) == value.size();
    const int write_error = written ? 0 : errno;
    if (std::fclose(f) != 0 || !written) {
        const int error = write_error ? write_error : errno;
        std::remove(tmp.c_str());
        return status_of(error);
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        std::remove(tmp.c_str());
        return status_of(error);
    }
    return Status::ok;
}

KeyValueStore::Status FileStore::remove(const std::string& key) {
    if (dir_.empty()) return Status::unavailable;
    if (!safe_key(key)) return Status::missing;
    return std::remove(path_for(key).c_str()) == 0 ? Status::ok : status_of(errno);
}

std::vector<std::string> FileStore::keys(const std::string& prefix) {
    std::vector<std::string> out;
    if (dir_.empty()) return out;
    // Keys with a folder part ("progress/") live in that folder.
    const std::size_t slash = prefix.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : prefix.substr(0, slash + 1);
    std::error_code ec;
    for (fs::directory_iterator it(dir_ + "/" + folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
        const std::string key = folder + name.substr(0, name.size() - 5);
        if (key.rfind(prefix, 0) == 0 && safe_key(key)) out.push_back(key);
    }
    return out;
}

}  // namespace av
