#include "fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8, as ImGui itself decodes what it draws
#include <imstb_truetype.h>  // the faces' vertical metrics (implemented in ui/stb_truetype_impl.cpp)

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cstdio>
#include <cstring>

#include "core/text/text_class.hpp"
#include "glyph_fonts.hpp"


namespace av {

const std::array<const char*, static_cast<std::size_t>(Face::count)>& FontSet::file_names() {
    static const std::array<const char*, static_cast<std::size_t>(Face::count)> names = {
        "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf",
        "NotoSerif-BoldItalic.ttf", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
    };
    return names;
}

namespace {

// Reads a whole font file straight into memory ImGui will own (IM_ALLOC); nullptr if it cannot be
// read. Each block goes to one AddFontFromMemoryTTF with FontDataOwnedByAtlas, and the atlas frees
// it once: when the font is removed (FontSet::reload), or at once if ImGui cannot use it. Read by
// us: ImGui's AddFontFromFileTTF asserts on a missing file, and a missing font must be an error
// message, not a crash.
void* read_font(const FontFiles& files, const std::string& path, int& size) {
    std::size_t n = 0;
    void* data = files.read(path, n, &ImGui::MemAlloc, &ImGui::MemFree);
    if (data && (n < 12 || n > static_cast<std::size_t>(INT_MAX))) {
        IM_FREE(data);
        return nullptr;
    }
    size = static_cast<int>(n);
    return data;
}

const DiskFontFiles disk_files;

// What no base face may draw (core/text/text_class.hpp): the web's subsets lack it, so the desktop's
// whole faces must leave it to the same fallback fonts. ImGui takes at most 32 ranges here
// (ImFontConfig::GlyphExcludeRanges); the generated table has 19 today.
const ImWchar* base_exclusions() {
    static const std::vector<ImWchar> ranges = [] {
        std::vector<ImWchar> out;
        for (const auto& [first, last] : base_uncovered_ranges()) {
            out.push_back(static_cast<ImWchar>(first));
            out.push_back(static_cast<ImWchar>(last));
        }
        if (out.size() > 62) out.resize(62);  // keeps the first ranges; a core test keeps this from happening
        out.push_back(0);
        return out;
    }();
    return ranges.data();
}

// A copy of `bytes` that ImGui owns (it frees it with the atlas's font).
void* imgui_copy(const std::vector<unsigned char>& bytes) {
    void* data = IM_ALLOC(bytes.size());
    std::memcpy(data, bytes.data(), bytes.size());
    return data;
}

// Pixels per em of a font drawn at ImGui size 1: ImGui's size is the height from descender to
// ascender (stbtt_ScaleForPixelHeight), rich text's glyphs are placed by the em.
float em_ratio(const unsigned char* bytes) {
    stbtt_fontinfo info;
    const int offset = stbtt_GetFontOffsetForIndex(bytes, 0);
    if (offset < 0 || !stbtt_InitFont(&info, bytes, offset)) return 1.0f;
    return stbtt_ScaleForPixelHeight(&info, 1.0f) / stbtt_ScaleForMappingEmToPixels(&info, 1.0f);
}
float em_ratio(const std::vector<unsigned char>& bytes) { return em_ratio(bytes.data()); }

float text_width(ImFont* f, std::string_view text, float size) {
    if (!f || text.empty()) return 0;
    // ImFont::CalcTextSizeA(size, FLT_MAX, 0, ...).x, step for step (the same sums in the same
    // order, so the same floats as the text ImGui draws), without its wrapping machinery: layout
    // measures every word of an article here (BENCHMARKS.md, "Load").
    ImFontBaked* baked = f->GetFontBaked(size);
    const float scale = size / baked->Size;
    float widest = 0, line = 0;
    const char* const end = text.data() + text.size();
    for (const char* s = text.data(); s < end;) {
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) s += 1;
        else s += ImTextCharFromUtf8(&c, s, end);
        if (c < 32) {
            if (c == '\n') {
                widest = std::max(widest, line);
                line = 0;
                continue;
            }
            if (c == '\r') continue;
        }
        float advance = c < static_cast<unsigned int>(baked->IndexAdvanceX.Size) ? baked->IndexAdvanceX.Data[c] : -1.0f;
        if (advance < 0.0f) advance = baked->GetCharAdvance(static_cast<ImWchar>(c));
        line += advance * scale;
    }
    return std::max(widest, line);
}

AdvanceTable advance_table(ImFont* f, float size) {
    if (!f) return {};
    ImFontBaked* baked = f->GetFontBaked(size);
    return {baked->IndexAdvanceX.Data, static_cast<std::size_t>(baked->IndexAdvanceX.Size), size / baked->Size};
}

}  // namespace

const FontFiles& FontSet::files() const { return files_ ? *files_ : disk_files; }

bool FontSet::has_family_files(FontFamily family) const {
    const std::string& root = families_dir_.empty() ? dir_ : families_dir_;
    for (std::string_view file : font_family_files(family)) {
        if (!files().exists(root + "/" + std::string(file))) return false;
    }
    return true;
}

std::string FontSet::load(const std::string& dir) {
    dir_ = dir;
    extended_ = false;
    stood_in_ = missing_ = 0;
    // The chosen family's faces go first, the base faces behind them; a family not (yet) all there
    // is not used: the reader sees the base faces rather than a mix of two families.
    family_ = wanted_family_ != FontFamily::serif && has_family_files(wanted_family_) ? wanted_family_ : FontFamily::serif;
    const std::string& families_root = families_dir_.empty() ? dir : families_dir_;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    // The fallback families merged behind every face (math, symbols, box drawing), in order.
    std::vector<FontId> fallbacks;
    for (const CatalogFamily& family : catalog_.families())
        if (family.kind == CatalogFamily::Kind::fallback && !family.has_han)
            for (FontId id : family.files)
                if (has_file(id)) fallbacks.push_back(id);
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        const std::string path = dir + "/" + file_names()[i];
        int size = 0;
        void* data = read_font(files(), path, size);
        if (!data && !can_stand_in(static_cast<Face>(i))) return "cannot read font " + path;
        if (!data) missing_ |= face_bit(static_cast<Face>(i));
        if (data) {
            base_bytes_[i].assign(static_cast<unsigned char*>(data), static_cast<unsigned char*>(data) + size);
            em_ratio_[i] = em_ratio(base_bytes_[i]);
        }
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true;
        config.OversampleH = 2;  // sharper glyph positioning for body text at small sizes
        config.GlyphExcludeRanges = base_exclusions();
        // A text face (the first four) of another family: its file first, the base face merged
        // behind it. The engine keeps shaping with the base face's bytes (base_bytes_), which only
        // right-to-left neutrals of rich paragraphs use.
        const bool text_face = i < font_family_files(family_).size();
        int family_size = 0;
        void* family_data = family_ != FontFamily::serif && text_face
                                ? read_font(files(), families_root + "/" + std::string(font_family_files(family_)[i]), family_size)
                                : nullptr;
        fonts_[i] = nullptr;
        if (family_data) {
            // Measured before ImGui takes the block (it frees it at once if it cannot use it).
            const float family_em = em_ratio(static_cast<const unsigned char*>(family_data));
            fonts_[i] = atlas->AddFontFromMemoryTTF(family_data, family_size, 20.0f, &config);
            if (fonts_[i]) {
                em_ratio_[i] = family_em;
                config.MergeMode = true;
            }
        }
        ImFont* base = data ? atlas->AddFontFromMemoryTTF(data, size, 20.0f, &config) : nullptr;
        if (!fonts_[i]) fonts_[i] = base;
        if (!fonts_[i] && data) return "cannot use font " + path;
        if (!fonts_[i]) {
            stood_in_ |= face_bit(static_cast<Face>(i));  // drawn by another face until it arrives (below)
            continue;
        }
        // The web build's extended subset of the same face, once the page has fetched it: merged
        // into the face just added (ImGui merges into the atlas's last font).
        config.MergeMode = true;
        if (void* more = read_font(files(), dir + "/ext/" + file_names()[i], size)) {
            extended_ = atlas->AddFontFromMemoryTTF(more, size, 20.0f, &config) != nullptr;
        }
        config.GlyphExcludeRanges = nullptr;
        for (FontId id : fallbacks) {
            const std::vector<unsigned char>& bytes = extra_[id];
            atlas->AddFontFromMemoryTTF(imgui_copy(bytes), static_cast<int>(bytes.size()), 20.0f, &config);
        }
    }
    // A face not there yet (the web fetches the italics for the articles that have some) is drawn
    // by its upright twin: every Face keeps a font, and layout measures with what is drawn.
    // The engine shapes with the twin's bytes too (a family's face drawn in front of a missing base
    // face keeps its own font and size).
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        if (!(missing_ & face_bit(static_cast<Face>(i)))) continue;
        const std::size_t twin = static_cast<std::size_t>(i == static_cast<std::size_t>(Face::serif_bold_italic) && fonts_[1] ? Face::serif_bold : Face::serif);
        base_bytes_[i] = base_bytes_[twin];
        if (!(stood_in_ & face_bit(static_cast<Face>(i)))) continue;
        fonts_[i] = fonts_[twin];
        em_ratio_[i] = em_ratio_[twin];
    }
    load_extras();
    return {};
}

bool FontSet::can_stand_in(Face face) { return face == Face::serif_italic || face == Face::serif_bold_italic; }

void FontSet::load_extras() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    cjk_.fill(nullptr);
    glyph_fonts_.clear();
    for (const CatalogFamily& family : catalog_.families()) {
        if (family.kind == CatalogFamily::Kind::fallback && family.has_han) {
            // One font per Han variant, its slices merged, drawn at the size that gives it the em of
            // the face around it (cjk_size). Workaround (ImGui 1.92.2b): em-based sizing
            // (SizePixels < 0) breaks its advance clamping, which scales by SizePixels.
            ImFont*& font = cjk_[static_cast<std::size_t>(family.han)];
            for (FontId id : family.files) {
                if (!has_file(id)) continue;
                const std::vector<unsigned char>& bytes = extra_[id];
                ImFontConfig config;
                config.FontDataOwnedByAtlas = true;
                config.OversampleH = 2;
                config.MergeMode = font != nullptr;
                ImFont* added = atlas->AddFontFromMemoryTTF(imgui_copy(bytes), static_cast<int>(bytes.size()), 20.0f, &config);
                if (!font) {
                    font = added;
                    cjk_em_ratio_[static_cast<std::size_t>(family.han)] = em_ratio(bytes);
                }
            }
        } else if (family.kind == CatalogFamily::Kind::shaped) {
            for (FontId id : family.files)
                if (has_file(id))
                    if (ImFont* f = glyph_fonts::add(extra_[id], id, family.color, engine_)) glyph_fonts_[id] = f;
        }
    }
    // The base faces as glyph fonts, for what the engine shapes with them (right-to-left neutrals).
    if (engine_)
        for (std::size_t i = 0; i < fonts_.size(); ++i)
            if (ImFont* f = glyph_fonts::add(base_bytes_[i], FontCatalog::base_font(static_cast<Face>(i)), false, engine_))
                glyph_fonts_[FontCatalog::base_font(static_cast<Face>(i))] = f;
}

std::string FontSet::reload() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        // A stand-in is its twin's font, removed once, as that face.
        if (fonts_[i] && !(stood_in_ & face_bit(static_cast<Face>(i)))) atlas->RemoveFont(fonts_[i]);
        fonts_[i] = nullptr;
    }
    stood_in_ = 0;
    for (ImFont*& f : cjk_) {
        if (f) atlas->RemoveFont(f);
        f = nullptr;
    }
    for (auto& [id, f] : glyph_fonts_) atlas->RemoveFont(f);
    glyph_fonts_.clear();
    ++generation_;
    return load(dir_);
}

bool FontSet::add_file(FontId id, std::vector<unsigned char> bytes) {
    if (id >= catalog_.files().size() || bytes.size() < 12) return false;
    const std::uint32_t expected = catalog_.files()[id].bytes;
    if (expected != 0 && bytes.size() != expected) return false;  // a truncated or foreign download
    extra_[id] = std::move(bytes);
    return true;
}

void FontSet::feed(LoadableTextEngine& engine) const {
    for (std::size_t f = 0; f < base_bytes_.size(); ++f)
        engine.add_font(FontCatalog::base_font(static_cast<Face>(f)), base_bytes_[f].data(), base_bytes_[f].size());
    for (const auto& [id, bytes] : extra_) engine.add_font(id, bytes.data(), bytes.size());
}

void FontSet::feed_faces(LoadableTextEngine& engine, std::uint8_t faces) const {
    for (std::size_t f = 0; f < base_bytes_.size(); ++f)
        if (faces & face_bit(static_cast<Face>(f)))
            engine.add_font(FontCatalog::base_font(static_cast<Face>(f)), base_bytes_[f].data(), base_bytes_[f].size());
}

const std::vector<unsigned char>* FontSet::file_bytes(FontId id) const {
    const auto it = extra_.find(id);
    return it == extra_.end() ? nullptr : &it->second;
}

ImFont* FontSet::glyph_font(FontId id) const {
    const auto it = glyph_fonts_.find(id);
    return it == glyph_fonts_.end() ? nullptr : it->second;
}

float FontSet::em(Face face, float size) const { return size * em_ratio_[static_cast<std::size_t>(face)]; }

const TextMeasurer& FontSet::with_han(Han han) const {
    const auto h = static_cast<std::size_t>(han);
    if (h >= cjk_.size()) return *this;
    auto& measurers = const_cast<std::vector<std::unique_ptr<CjkMeasurer>>&>(cjk_measurers_);
    if (measurers.empty())
        for (std::size_t i = 0; i < cjk_.size(); ++i) measurers.push_back(std::make_unique<CjkMeasurer>(*this, static_cast<Han>(i)));
    return *measurers[h];
}

bool FontSet::has_cjk_glyph(char32_t cp, Han han) const {
    ImFont* f = cjk_font(han);
    return f && cp <= IM_UNICODE_CODEPOINT_MAX && f->IsGlyphInFont(static_cast<ImWchar>(cp));
}

// Without a CJK font of its variant, CJK text is measured (and drawn) with the face, where it
// shows as missing glyphs: the same as the simple path.
float FontSet::CjkMeasurer::width(std::string_view text, Face face, float size) const {
    ImFont* f = set_.cjk_font(han_);
    return f ? text_width(f, text, set_.cjk_size(han_, face, size)) : set_.width(text, face, size);
}

AdvanceTable FontSet::CjkMeasurer::advances(Face face, float size) const {
    ImFont* f = set_.cjk_font(han_);
    return f ? advance_table(f, set_.cjk_size(han_, face, size)) : set_.advances(face, size);
}

float FontSet::cjk_size(Han han, Face face, float size) const {
    const float ratio = cjk_em_ratio_[static_cast<std::size_t>(han)];
    return em(face, size) / (ratio > 0 ? ratio : 1.0f);
}

void FontSet::set_density(float density) {
    if (!(density > 0)) return;
    // ImFont::GetFontBaked(size), which AddText, CalcTextSizeA and width() use, picks the bake for
    // (size, CurrentRasterizerDensity): setting it is how ImGui itself selects the density.
    for (ImFont* f : fonts_)
        if (f) f->CurrentRasterizerDensity = density;
}

float FontSet::width(std::string_view text, Face face, float size) const { return text_width(font(face), text, size); }

AdvanceTable FontSet::advances(Face face, float size) const { return advance_table(font(face), size); }

bool FontSet::has_glyph(char32_t cp, Face face) const {
    ImFont* f = font(face);
    if (cp > IM_UNICODE_CODEPOINT_MAX) return false;
    return f && f->IsGlyphInFont(static_cast<ImWchar>(cp));
}

}  // namespace av
