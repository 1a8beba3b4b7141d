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

using CodeRanges = std::vector<std::pair<char32_t, char32_t>>;  // inclusive, sorted, disjoint

struct FontFile {
    std::string file;  // path relative to the manifest's folder
    // The code points this file is chosen for (files_for, file_for); no two files of a family share
    // one. The file may map more than these: a shaped file also has the Common and Inherited
    // characters its script's text uses (punctuation, ZWJ, U+25CC, marks), an emoji slice the
    // components of its sequences; the engine's cmap (TextEngine::has_char) knows all of them.
    CodeRanges ranges;
    std::uint32_t bytes = 0;
    std::uint32_t gzip = 0;
    int family = -1;  // index into FontCatalog::families()

    bool covers(char32_t cp) const;
};

// A family of the manifest (fonts.json): not the reader's font family (core/font_family.hpp), whose
// name it had until both were in one program.
struct CatalogFamily {
    enum class Kind : std::uint8_t { fallback, shaped };
    std::string name;
    Kind kind = Kind::fallback;
    int weight = 400;
    bool has_han = false;  // a CJK family: `han` says which style
    Han han = Han::zh_hans;
    ScriptTag script = 0;  // shaped families: the script they draw ("Zsye" for emoji)
    bool color = false;
    // Colour families: code points of their ranges that are emoji only with a VS16 or a skin tone
    // after them (Emoji_Presentation=No: ❤ ☀ ✈); files_for picks their slice only when the needs
    // also hold U+FE0F or U+1F3FB-1F3FF.
    CodeRanges text_default;
    std::vector<FontId> files;  // indices into FontCatalog::files()
};

class FontCatalog {
public:
    // Reads fonts.json. False with a one-line `error` naming the place (a JSON Pointer, or line and
    // column for a syntax error) on anything malformed; the catalog is then empty: the viewer draws
    // with the base faces only. Unknown members are ignored.
    bool parse(std::string_view json, std::string& error);

    const std::vector<CatalogFamily>& families() const { return families_; }
    const std::vector<FontFile>& files() const { return files_; }  // FontId = index
    bool empty() const { return files_.empty(); }

    // The base faces as the engine knows them (shaping right-to-left neutrals with Noto Serif).
    static FontId base_font(Face face) { return static_cast<FontId>(0xFF00u | static_cast<unsigned>(face)); }
    static bool is_base_font(FontId id) { return id != no_font && (id & 0xFF00u) == 0xFF00u; }

    // The shaped family drawing `script` at a weight (regular 400, bold 700: the nearest weight
    // there is, the lighter on a tie), or -1.
    int shaped_family(ScriptTag script, Weight weight) const;
    // The fallback families behind every face, in the order they are tried, for a Han variant: the
    // families without a Han variant (math, symbols, ...) in the manifest's order, then the CJK
    // family of `han`. Fallback families are drawn at every weight (bold CJK text in Regular).
    std::vector<int> fallback_families(Han han) const;
    // The file of `family` whose ranges hold `cp`, or no_font. For an emoji cluster the itemiser
    // asks this for the cluster's code points in order and takes the first answer: the slice that
    // holds the cluster's sequence (docs/text-pipeline.md, "Emoji slices").
    FontId file_for(int family, char32_t cp) const;

    // Every file the article's characters need (sorted ids, no duplicates). For each emoji cluster
    // of needs.emoji, the colour family's file owning its first code point (VS16 when the base faces
    // draw that one: keycaps, ©️). For each code point of needs.of(weight, han):
    //   1. a colour family's file whose ranges hold it, unless it is listed in that family's
    //      text_default and the needs hold no U+FE0F nor U+1F3FB-1F3FF; it is then drawn as an
    //      emoji, done (a text_default one goes on to 2 and 3 as well: it may be text elsewhere);
    //   2. else a shaped family (not colour) whose ranges hold it, of the nearest weight: ranges of
    //      a shaped family are its script's own characters, so this is "the shaped family of the
    //      code point's script"; done;
    //   3. else the first family of fallback_families(han) whose ranges hold it;
    //   4. else nothing (the base faces' replacement glyph).
    std::vector<FontId> files_for(const TextNeeds& needs) const;

private:
    struct Span {
        char32_t first, last;
        FontId file;
    };
    void clear();
    int nearest(const std::vector<int>& candidates, Weight weight) const;

    std::vector<CatalogFamily> families_;
    std::vector<FontFile> files_;
    std::vector<std::vector<Span>> spans_;  // per family: every range of its files, sorted (file_for)
    // shaped_family's answers, computed once by parse: it is asked for every cluster of a paragraph.
    struct ShapedKey {
        ScriptTag script;
        Weight weight;
        int family;
    };
    std::vector<ShapedKey> shaped_;  // sorted by (script, weight)
};

}  // namespace av
