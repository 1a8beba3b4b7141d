#include "font_files.hpp"

#include <cstdio>

namespace av {

bool DiskFontFiles::read(const std::string& path, std::vector<unsigned char>& out) const {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) return false;
    long n = -1;
    if (std::fseek(in, 0, SEEK_END) == 0) n = std::ftell(in);
    bool ok = n >= 0 && std::fseek(in, 0, SEEK_SET) == 0;
    std::vector<unsigned char> bytes(ok ? static_cast<std::size_t>(n) : 0);
    ok = ok && std::fread(bytes.data(), 1, bytes.size(), in) == bytes.size();
    std::fclose(in);
    if (ok) out = std::move(bytes);
    return ok;
}

bool DiskFontFiles::exists(const std::string& path) const {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (in) std::fclose(in);
    return in != nullptr;
}

const std::vector<unsigned char>* MemoryFontFiles::find(const std::string& path) const {
    const auto it = files_.find(path);
    return it == files_.end() ? nullptr : &it->second;
}

bool MemoryFontFiles::read(const std::string& path, std::vector<unsigned char>& out) const {
    const std::vector<unsigned char>* bytes = find(path);
    if (bytes) out = *bytes;
    return bytes != nullptr;
}

}  // namespace av
