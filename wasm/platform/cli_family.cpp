// Apart from cli.cpp: core/font_family.hpp's FontFamily and the font catalog's (which cli.cpp sees
// through layout.hpp) share a name, so the two headers cannot meet in one file.
#include <array>
#include <string>

#include "cli.hpp"
#include "core/font_family.hpp"

namespace av::cli {

bool font_family_files_named(const std::string& name, std::array<std::string, 4>& files) {
    const auto family = font_family_from_name(name);
    if (!family) return false;
    const auto names = font_family_files(*family);
    for (std::size_t i = 0; i < files.size(); ++i) files[i] = std::string(names[i]);
    return true;
}

}  // namespace av::cli
