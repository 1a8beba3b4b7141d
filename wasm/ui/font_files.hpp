// Where FontSet reads its font files: a folder on disk (the desktop, the tools), or the files the
// page hands over (the web build links no file system: Emscripten's is 10 KB of a first visit,
// BENCHMARKS.md "Transfer size"). Paths are the same in both: "<fonts folder>/NAME.ttf",
// ".../ext/NAME.ttf", ".../families/<family>/NAME.ttf".
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace av {

class FontFiles {
public:
    virtual ~FontFiles() = default;
    // The whole file at `path`, read straight into a block from `allocate` (which the caller then
    // owns), with its length in `size`: FontSet reads into ImGui's memory with no copy in between
    // (each face is read again at every font reload). Null, with nothing left allocated (what
    // `allocate` gave is handed to `release`), when there is none or it cannot be read.
    virtual void* read(const std::string& path, std::size_t& size, void* (*allocate)(std::size_t),
                       void (*release)(void*)) const = 0;
    virtual bool exists(const std::string& path) const = 0;
};

// Files on disk, read with stdio (not <fstream>: iostreams would add about 70 KB of locale code
// to a wasm that used it, and read a byte at a time).
class DiskFontFiles final : public FontFiles {
public:
    void* read(const std::string& path, std::size_t& size, void* (*allocate)(std::size_t),
               void (*release)(void*)) const override;
    bool exists(const std::string& path) const override;
};

// Files held in memory, put there by the platform as they arrive.
class MemoryFontFiles final : public FontFiles {
public:
    void put(const std::string& path, std::vector<unsigned char> bytes) { files_[path] = std::move(bytes); }
    // The file at `path`, or null; valid until the next put() of that path.
    const std::vector<unsigned char>* find(const std::string& path) const;
    void* read(const std::string& path, std::size_t& size, void* (*allocate)(std::size_t),
               void (*release)(void*)) const override;
    bool exists(const std::string& path) const override { return files_.count(path) != 0; }

private:
    std::map<std::string, std::vector<unsigned char>> files_;
};

}  // namespace av
