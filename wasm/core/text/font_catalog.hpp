// The fonts beyond the base faces, as the build described them in fonts.json (docs/text-pipeline.md,
// "Fonts"): families of slices, each slice a file covering ranges of code points. Pure data and
// lookups: the platform fetches or reads the files, the ui loads them, core's itemiser asks which
// font draws what.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/text_engine.hpp"
#include "core/text/text_needs.hpp"
#include "core/text_measurer.hpp"

namespace av {

struct FontFile {
    std::string file;  // path relative to the manifest's folder
    std::vector<std::pair<char32_t, char32_t>> ranges;  // inclusive, sorted, disjoint
    std::uint32_t bytes = 0;
    std::uint32_t gzip = 0;
    int family = -1;  // index into FontCatalog::families()

    bool covers(char32_t cp) const;
};

struct FontFamily {
    enum class Kind : std::uint8_t { fallback, shaped };
    std::string name;
    Kind kind = Kind::fallback;
    int weight = 400;
    bool has_han = false;  // a CJK family: `han` says which style
    Han han = Han::zh_hans;
    ScriptTag script = 0;  // shaped families: the script they draw ("Zsye" for emoji)
    bool color = false;
    std::vector<FontId> files;  // indices into FontCatalog::files()
};

class FontCatalog {
public:
    // Reads fonts.json. False with a one-line `error` naming the place on anything malformed
    // (the catalog is then empty: the viewer draws with the base faces only).
    bool parse(std::string_view json, std::string& error);

    const std::vector<FontFamily>& families() const { return families_; }
    const std::vector<FontFile>& files() const { return files_; }  // FontId = index
    bool empty() const { return files_.empty(); }

    // The base faces as the engine knows them (shaping right-to-left neutrals with Noto Serif).
    static FontId base_font(Face face) { return static_cast<FontId>(0xFF00u | static_cast<unsigned>(face)); }
    static bool is_base_font(FontId id) { return id != no_font && (id & 0xFF00u) == 0xFF00u; }

    // The shaped family drawing `script` at a weight (the nearest weight there is), or -1.
    int shaped_family(ScriptTag script, Weight weight) const;
    // The fallback families behind every face, in the order they are tried, for a Han variant.
    std::vector<int> fallback_families(Han han) const;
    // The file of `family` that covers `cp`, or no_font.
    FontId file_for(int family, char32_t cp) const;

    // Every file the article's characters need (sorted ids, no duplicates): for each code point,
    // the file of the first family that covers it (shaped family of its script and weight first,
    // the emoji family for emoji, then the fallback chain of its Han variant).
    std::vector<FontId> files_for(const TextNeeds& needs) const;

private:
    std::vector<FontFamily> families_;
    std::vector<FontFile> files_;
};

}  // namespace av
