// The reading view's fonts: six Noto faces loaded into ImGui's atlas once, rasterised on demand
// at whatever size and density a frame asks for (ImGui 1.92 dynamic fonts), so text is never a
// scaled bitmap. Also the TextMeasurer that core's layout uses, backed by the same fonts.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/font_family.hpp"
#include "core/text/font_catalog.hpp"
#include "core/text/text_engine.hpp"
#include "core/text_measurer.hpp"
#include "font_files.hpp"

struct ImFont;

namespace av {

class FontSet : public TextMeasurer {
public:
    // Loads NotoSerif-{Regular,Bold,Italic,BoldItalic}.ttf and NotoSans-{Regular,Bold}.ttf from
    // `dir` into the current ImGui context. Returns "" on success, else what is missing. A file
    // of the same name in `dir`/ext/ is merged into its face: the web build's extended subsets
    // (Greek, Cyrillic, Vietnamese, ...), which the page fetches only for an article that needs
    // them, so that the first visit stays small (BENCHMARKS.md, "Transfer size").
    std::string load(const std::string& dir);
    // Where the files are read (ui/font_files.hpp): the disk unless set; `files` must outlive the set.
    void set_files(const FontFiles& files) { files_ = &files; }
    // Loads the fonts again from the same folder (after files arrived in `dir`/ext/). The faces
    // are new objects: generation() changes, and layout, which keys on it, runs again.
    std::string reload();
    std::uint32_t generation() const { return generation_; }
    bool extended() const { return extended_; }
    // The serif italic and bold italic may be missing from `dir` (the web ships them apart from the
    // first visit and fetches them for an article that needs them, TextNeeds::faces): load() then
    // draws them with their upright twin (serif, serif bold) and reports them here, one bit per
    // Face (face_bit). Any other face missing is an error.
    std::uint8_t stood_in() const { return stood_in_; }
    // The base faces not in `dir` (a superset of stood_in(): a chosen family's face may be drawn
    // in front of a missing one). Until they arrive the engine shapes with their twins' bytes.
    std::uint8_t missing() const { return missing_; }
    static bool can_stand_in(Face face);

    // --- The reader's font family (core/font_family.hpp) ----------------------------------------
    // The four text faces are the chosen family's files (font_family_files, under `dir`, the
    // fonts folder unless set_families_dir says otherwise), with the base faces (and their
    // extended subsets) merged behind each for what the family lacks: OpenDyslexic has only
    // Latin. Takes effect at the next reload(). A family whose files are not all there is not
    // used (the base faces are): family() says which one is drawn.
    void set_family(FontFamily family) { wanted_family_ = family; }
    FontFamily wanted_family() const { return wanted_family_; }
    FontFamily family() const { return family_; }
    void set_families_dir(std::string dir) { families_dir_ = std::move(dir); }
    // Whether every file of `family` is in the folder (the web fetches them first).
    bool has_family_files(FontFamily family) const;

    // --- Fonts beyond the base faces (docs/text-pipeline.md, "Fonts") ---------------------------
    // The catalog of them (fonts.json), and the files of it that have arrived. A file takes effect
    // at the next reload(): fallback files are merged behind every face, CJK files make one font
    // per Han variant, shaped files become glyph fonts (ui/glyph_fonts.hpp).
    void set_catalog(FontCatalog catalog) { catalog_ = std::move(catalog); }
    const FontCatalog& catalog() const { return catalog_; }
    // False (and nothing kept) when `id` is not in the catalog or the bytes are not the size it says.
    bool add_file(FontId id, std::vector<unsigned char> bytes);
    bool has_file(FontId id) const { return extra_.count(id) != 0; }
    const std::vector<unsigned char>* file_bytes(FontId id) const;
    // The base faces' own bytes (the first-paint files), which the engine shapes with too.
    const std::vector<unsigned char>& base_bytes(Face face) const { return base_bytes_[static_cast<std::size_t>(face)]; }
    // The engine that draws colour glyphs (emoji); it must outlive the fonts. Takes effect at reload().
    void set_engine(const TextEngine* engine) { engine_ = engine; }
    // Gives `engine` every font it shapes with that the set has: the base faces and the files.
    void feed(LoadableTextEngine& engine) const;
    // Gives `engine` the base faces of `faces` (face_bit) again: a face that stood in for one that
    // has now arrived (stood_in) must not keep shaping the text drawn with the arrived one.
    void feed_faces(LoadableTextEngine& engine, std::uint8_t faces) const;

    // The glyph font of a shaped file or of a base face (FontCatalog::base_font), or null. Its
    // size is pixels per em: draw with em(face, size).
    ImFont* glyph_font(FontId id) const;
    // The CJK font of a Han variant, or null when no CJK file of it has arrived. Draw it at
    // cjk_size(): the size that gives its characters the em of `face` at `size`.
    ImFont* cjk_font(Han han) const { return cjk_[static_cast<std::size_t>(han)]; }
    float cjk_size(Han han, Face face, float size) const;

    bool loaded() const { return fonts_[0] != nullptr; }
    // Rasterises every face at `density` (device pixels per logical pixel) from now on; called
    // each frame with ImGui's current density. ImGui 1.92 keeps a density per font and updates it
    // only for the font it pushes (UpdateCurrentFontSize), while the reading view draws its faces
    // with ImDrawList::AddText without pushing them: without this, those faces stay baked at
    // density 1 and are drawn scaled up, blurry, on a hi-DPI screen.
    void set_density(float density);
    ImFont* font(Face face) const { return fonts_[static_cast<std::size_t>(face)]; }

    float width(std::string_view text, Face face, float size) const override;
    // ImGui's own table, the one width() reads: ImFontBaked::IndexAdvanceX (-1 for a glyph not
    // loaded yet) and the bake's scale.
    AdvanceTable advances(Face face, float size) const override;
    bool has_glyph(char32_t cp, Face face) const override;
    float em(Face face, float size) const override;
    const TextMeasurer& with_han(Han han) const override;
    // Whether the CJK font of `han` draws `cp` (the missing-glyph report of CJK spans).
    bool has_cjk_glyph(char32_t cp, Han han) const;

    // File names in the fonts folder, in Face order (the build copies exactly these).
    static const std::array<const char*, static_cast<std::size_t>(Face::count)>& file_names();

private:
    // Measures CJK text with the CJK font of one Han variant, whatever the face (Span::cjk).
    class CjkMeasurer : public TextMeasurer {
    public:
        CjkMeasurer(const FontSet& set, Han han) : set_(set), han_(han) {}
        float width(std::string_view text, Face face, float size) const override;
        AdvanceTable advances(Face face, float size) const override;
        bool has_glyph(char32_t cp, Face) const override { return set_.has_cjk_glyph(cp, han_); }
        float em(Face face, float size) const override { return set_.em(face, size); }

    private:
        const FontSet& set_;
        Han han_;
    };

    void load_extras();
    const FontFiles& files() const;

    std::array<ImFont*, static_cast<std::size_t>(Face::count)> fonts_{};
    std::array<float, static_cast<std::size_t>(Face::count)> em_ratio_{};  // pixels per em at size 1
    std::array<std::vector<unsigned char>, static_cast<std::size_t>(Face::count)> base_bytes_;
    std::array<ImFont*, static_cast<std::size_t>(Han::count)> cjk_{};
    std::array<float, static_cast<std::size_t>(Han::count)> cjk_em_ratio_{};
    std::vector<std::unique_ptr<CjkMeasurer>> cjk_measurers_;
    std::map<FontId, ImFont*> glyph_fonts_;
    std::map<FontId, std::vector<unsigned char>> extra_;
    FontCatalog catalog_;
    const TextEngine* engine_ = nullptr;
    std::string dir_;
    std::string families_dir_;  // "" : dir_
    FontFamily wanted_family_ = FontFamily::serif;
    FontFamily family_ = FontFamily::serif;
    std::uint32_t generation_ = 0;
    bool extended_ = false;
    std::uint8_t stood_in_ = 0;  // faces drawn by a twin (stood_in())
    std::uint8_t missing_ = 0;   // base faces not in the folder (missing())
    const FontFiles* files_ = nullptr;  // null: the disk
};

}  // namespace av
