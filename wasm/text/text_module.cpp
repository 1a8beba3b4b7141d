// The web's text module: HbTextEngine behind text_api.h's flat C API (its header documents every
// parameter). Built only by the web preset, as a standalone wasm program (article-viewer-text).
#include "text_api.h"

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "hb_text_engine.hpp"
#include "core/text/hyphen_languages.hpp"
#include "hyphen_dictionaries.hpp"

namespace {

struct Module {
    av::HbTextEngine engine;
    std::string error;
    std::vector<av::CharInfo> info;
    std::vector<std::uint8_t> analysis;  // 8 bytes per code point, as text_api.h describes
    std::vector<av::ShapedGlyph> shaped;
    std::vector<std::int32_t> glyphs;    // 6 int32 per glyph
    std::int32_t metrics[5] = {};
    av::TextEngine::ColorGlyph color;
    float color_geometry[5] = {};
    av::HyphenDictionaries hyphen;
    std::vector<std::uint32_t> hyphen_points;
    std::string hyphen_names;
};

Module& module() {
    static Module m;
    return m;
}

av::FontId font_id(std::uint32_t font) { return font < av::no_font ? static_cast<av::FontId>(font) : av::no_font; }

std::string_view lang_of(const std::uint8_t* lang, std::uint32_t length) {
    if (lang == nullptr || length == 0) return {};
    return {reinterpret_cast<const char*>(lang), length};
}

std::u32string_view text_of(const std::uint32_t* text, std::uint32_t length) {
    if (text == nullptr) return {};
    // char32_t and uint32_t have one size and representation: JavaScript writes uint32 values.
    static_assert(sizeof(char32_t) == sizeof(std::uint32_t), "UTF-32 code units are 32 bits");
    return {reinterpret_cast<const char32_t*>(text), length};
}

av::BaseDirection direction_of(std::uint32_t d) {
    switch (d) {
        case 1: return av::BaseDirection::rtl;
        case 2: return av::BaseDirection::auto_ltr;
        case 3: return av::BaseDirection::auto_rtl;
        default: return av::BaseDirection::ltr;
    }
}

}  // namespace

extern "C" {

int32_t av_text_add_font(uint32_t font, const uint8_t* bytes, uint32_t size, uint32_t face_index) {
    Module& m = module();
    m.error.clear();
    if (font_id(font) == av::no_font) {
        m.error = "font id out of range (0..65534)";
        return 0;
    }
    return m.engine.add_font(font_id(font), bytes, size, m.error, face_index) ? 1 : 0;
}

int32_t av_text_set_dictionary(const uint8_t* bytes, uint32_t size) {
    Module& m = module();
    const bool ok = bytes != nullptr && m.engine.set_dictionary(bytes, size);
    m.error = ok ? std::string() : bytes ? m.engine.last_error() : "no bytes";
    return ok ? 1 : 0;
}

const char* av_text_error(void) { return module().error.c_str(); }
uint32_t av_text_error_length(void) { return static_cast<uint32_t>(module().error.size()); }

void av_text_remove_font(uint32_t font) {
    if (font_id(font) != av::no_font) module().engine.remove_font(font_id(font));
}

const uint8_t* av_text_analyze(const uint32_t* text, uint32_t length, uint32_t direction, const uint8_t* lang,
                               uint32_t lang_length) {
    Module& m = module();
    m.engine.analyze(text_of(text, length), direction_of(direction), lang_of(lang, lang_length), m.info);
    m.analysis.resize(m.info.size() * 8);
    std::uint8_t* out = m.analysis.data();
    for (const av::CharInfo& c : m.info) {
        out[0] = c.level;
        out[1] = static_cast<std::uint8_t>(c.brk);
        out[2] = c.flags;
        out[3] = 0;
        std::memcpy(out + 4, &c.script, 4);  // wasm is little-endian
        out += 8;
    }
    return m.analysis.empty() ? nullptr : m.analysis.data();
}

uint32_t av_text_shape(uint32_t font, const uint32_t* text, uint32_t length, uint32_t begin, uint32_t end,
                       uint32_t rtl, uint32_t script, const uint8_t* lang, uint32_t lang_length) {
    Module& m = module();
    m.engine.shape(font_id(font), text_of(text, length), begin, end, rtl != 0, script, lang_of(lang, lang_length),
                   m.shaped);
    m.glyphs.resize(m.shaped.size() * 6);
    std::int32_t* out = m.glyphs.data();
    for (const av::ShapedGlyph& g : m.shaped) {
        out[0] = static_cast<std::int32_t>(g.glyph);
        out[1] = static_cast<std::int32_t>(g.cluster);
        out[2] = g.x_advance;
        out[3] = g.y_advance;
        out[4] = g.x_offset;
        out[5] = g.y_offset;
        out += 6;
    }
    return static_cast<uint32_t>(m.shaped.size());
}

const int32_t* av_text_glyphs(void) { return module().glyphs.data(); }

const int32_t* av_text_metrics(uint32_t font) {
    Module& m = module();
    const av::FontMetrics f = m.engine.metrics(font_id(font));
    m.metrics[0] = f.units_per_em;
    m.metrics[1] = f.ascender;
    m.metrics[2] = f.descender;
    m.metrics[3] = static_cast<std::int32_t>(f.glyph_count);
    m.metrics[4] = f.color ? 1 : 0;
    return m.metrics;
}

int32_t av_text_has_char(uint32_t font, uint32_t cp) {
    return module().engine.has_char(font_id(font), static_cast<char32_t>(cp)) ? 1 : 0;
}

int32_t av_text_color_glyph(uint32_t font, uint32_t glyph) {
    Module& m = module();
    m.color = {};
    if (!m.engine.color_glyph(font_id(font), glyph, m.color)) return 0;
    m.color_geometry[0] = static_cast<float>(m.color.width);
    m.color_geometry[1] = static_cast<float>(m.color.height);
    m.color_geometry[2] = m.color.left;
    m.color_geometry[3] = m.color.top;
    m.color_geometry[4] = m.color.ppem;
    return 1;
}

const float* av_text_color_glyph_geometry(void) { return module().color_geometry; }

int32_t av_text_hyphen_load(const uint8_t* name, uint32_t name_length, const uint8_t* bytes, uint32_t size) {
    Module& m = module();
    m.error.clear();
    return m.hyphen.load(lang_of(name, name_length), bytes, bytes ? size : 0, m.error) ? 1 : 0;
}

uint32_t av_text_hyphenate(const uint8_t* lang, uint32_t lang_length, const uint32_t* word, uint32_t length) {
    Module& m = module();
    m.hyphen_points.clear();
    m.hyphen.hyphenate(lang_of(lang, lang_length), text_of(word, length), m.hyphen_points);
    return static_cast<uint32_t>(m.hyphen_points.size());
}

const uint32_t* av_text_hyphen_points(void) { return module().hyphen_points.data(); }

const char* av_text_hyphen_names(const uint8_t* lang, uint32_t lang_length) {
    Module& m = module();
    m.hyphen_names.clear();
    for (const std::string& name : av::hyphen_dictionary_names(lang_of(lang, lang_length))) m.hyphen_names += name + "\n";
    return m.hyphen_names.c_str();
}
const uint8_t* av_text_color_glyph_rgba(void) { return module().color.rgba.data(); }

}  // extern "C"
