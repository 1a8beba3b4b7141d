#include "cli.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sys/stat.h>

#include "core/article_loader.hpp"

namespace av::cli {

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = path + ": is a folder, not an article file";
        return false;
    }
    // Refuse before reading what the loader would refuse anyway, so a huge file costs nothing.
    const LoadLimits limits;
    if (static_cast<unsigned long long>(st.st_size) > limits.max_file_bytes) {
        error = path + ": file is " + std::to_string(st.st_size) + " bytes, more than the limit of " +
                std::to_string(limits.max_file_bytes);
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": " + std::strerror(errno);
        return false;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return true;
}

int check(const std::vector<std::string>& files) {
    if (files.empty()) {
        std::fprintf(stderr, "usage: article-viewer --check FILE.json...\n");
        return usage;
    }
    int result = ok;
    for (const std::string& path : files) {
        std::string bytes, error;
        if (!read_file(path, bytes, error)) {
            std::printf("%s\n", error.c_str());
            result = invalid;
            continue;
        }
        const LoadResult r = load_article(bytes, path);
        for (const std::string& w : r.warnings) std::printf("warning: %s\n", w.c_str());
        if (!r.ok()) {
            std::printf("%s\n", r.error.c_str());
            result = invalid;
        }
    }
    return result;
}

}  // namespace av::cli
