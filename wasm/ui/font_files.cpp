#include "font_files.hpp"

#include <cstdio>
#include <cstring>

namespace av {

void* DiskFontFiles::read(const std::string& path, std::size_t& size, void* (*allocate)(std::size_t),
                          void (*release)(void*)) const {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (!in) return nullptr;
    long n = -1;
    if (std::fseek(in, 0, SEEK_END) == 0) n = std::ftell(in);
    void* data =
        n >= 0 && std::fseek(in, 0, SEEK_SET) == 0 ? allocate(n > 0 ? static_cast<std::size_t>(n) : 1) : nullptr;
    if (data && std::fread(data, 1, static_cast<std::size_t>(n), in) != static_cast<std::size_t>(n)) {
        release(data);
        data = nullptr;
    }
    std::fclose(in);
    if (data) size = static_cast<std::size_t>(n);
    return data;
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

void* MemoryFontFiles::read(const std::string& path, std::size_t& size, void* (*allocate)(std::size_t),
                            void (*)(void*)) const {
    const std::vector<unsigned char>* bytes = find(path);
    void* data = bytes ? allocate(bytes->empty() ? 1 : bytes->size()) : nullptr;
    if (!data) return nullptr;
    if (!bytes->empty()) std::memcpy(data, bytes->data(), bytes->size());
    size = bytes->size();
    return data;
}

}  // namespace av
