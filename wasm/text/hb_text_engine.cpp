#include "hb_text_engine.hpp"

#include <optional>

#include "thai_dictionary_breaker.hpp"

#include <algorithm>

#include <hb.h>

#include "bidi_levels.hpp"
#include "code_points.hpp"
#include "color_glyph.hpp"
#include "emoji_clusters.hpp"
#include "font_face.hpp"
#include "grapheme_clusters.hpp"
#include "hb_handles.hpp"
#include "line_breaks.hpp"
#include "script_runs.hpp"

namespace av {

namespace {

// HarfBuzz looks at no more than this many characters of context on each side of a run
// (HB_BUFFER_CONTEXT_LENGTH); only those are copied, so shaping a run costs its own length, not the
// paragraph's.
constexpr std::size_t shaping_context = 5;

}  // namespace

struct HbTextEngine::Scratch {
    engine::HbBuffer buffer{hb_buffer_create()};
    std::vector<std::uint32_t> text;
};

HbTextEngine::HbTextEngine() : scratch_(new Scratch()) {}
HbTextEngine::~HbTextEngine() = default;

bool HbTextEngine::add_font(FontId id, const std::uint8_t* data, std::size_t size, std::string& error,
                            unsigned face_index) {
    if (id == no_font) {
        error = "font id 0xFFFF is no_font";
        return false;
    }
    std::unique_ptr<engine::FontFace> face = engine::FontFace::load(data, size, face_index, error);
    if (!face) return false;
    const auto it = std::lower_bound(fonts_.begin(), fonts_.end(), id, [](const auto& f, FontId i) { return f.first < i; });
    if (it != fonts_.end() && it->first == id) {
        it->second = std::move(face);
    } else {
        fonts_.emplace(it, id, std::move(face));
    }
    ++generation_;
    return true;
}

void HbTextEngine::remove_font(FontId id) {
    const auto it = std::lower_bound(fonts_.begin(), fonts_.end(), id, [](const auto& f, FontId i) { return f.first < i; });
    if (it != fonts_.end() && it->first == id) {
        fonts_.erase(it);
        ++generation_;
    }
}

const engine::FontFace* HbTextEngine::find(FontId id) const {
    const auto it = std::lower_bound(fonts_.begin(), fonts_.end(), id, [](const auto& f, FontId i) { return f.first < i; });
    return it != fonts_.end() && it->first == id ? it->second.get() : nullptr;
}

std::uint8_t HbTextEngine::analyze(std::u32string_view text, BaseDirection direction, std::string_view lang,
                                   std::vector<CharInfo>& out) const {
    std::vector<std::uint32_t>& scalars = scratch_->text;
    engine::to_scalars(text, scalars);
    out.assign(text.size(), CharInfo{});
    engine::mark_cluster_starts(scalars, out);
    engine::resolve_scripts(scalars, out);
    engine::resolve_bidi_levels(scalars, direction, out);
    engine::find_line_breaks(scalars, lang, dictionary_, out);
    for (std::size_t i = 0; i < scalars.size(); ++i) {
        if (scalars[i] == 0x20) out[i].flags |= char_flags::space;
    }
    engine::mark_emoji_clusters(scalars, out);
    if (out.empty()) return direction == BaseDirection::rtl || direction == BaseDirection::auto_rtl ? 1 : 0;
    return (out.front().flags & char_flags::rtl_paragraph) ? 1 : 0;
}

bool HbTextEngine::add_font(FontId id, const unsigned char* bytes, std::size_t size) {
    error_.clear();
    return add_font(id, bytes, size, error_);
}

bool HbTextEngine::set_dictionary(const unsigned char* bytes, std::size_t size) {
    error_.clear();
    std::optional<ThaiBreaker> thai = ThaiBreaker::load(bytes, size, error_);
    if (!thai) return false;
    own_dictionary_ = std::make_unique<ThaiDictionaryBreaker>(std::move(*thai));
    dictionary_ = own_dictionary_.get();
    return true;
}

void HbTextEngine::shape(FontId font, std::u32string_view text, std::size_t begin, std::size_t end, bool rtl,
                         ScriptTag script, std::string_view lang, std::vector<ShapedGlyph>& out) const {
    out.clear();
    const engine::FontFace* face = find(font);
    end = std::min(end, text.size());
    if (face == nullptr || begin >= end) return;

    const std::size_t from = begin > shaping_context ? begin - shaping_context : 0;
    const std::size_t to = std::min(text.size(), end + shaping_context);
    engine::to_scalars(text.substr(from, to - from), scratch_->text);

    hb_buffer_t* buffer = scratch_->buffer.get();
    hb_buffer_clear_contents(buffer);
    hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, static_cast<hb_script_t>(script));
    hb_buffer_set_language(buffer, lang.empty() ? HB_LANGUAGE_INVALID
                                                : hb_language_from_string(lang.data(), static_cast<int>(lang.size())));
    hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_GRAPHEMES);
    unsigned flags = HB_BUFFER_FLAG_DEFAULT;
    if (begin == 0) flags |= HB_BUFFER_FLAG_BOT;
    if (end == text.size()) flags |= HB_BUFFER_FLAG_EOT;
    hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(flags));
    hb_buffer_add_utf32(buffer, scratch_->text.data(), static_cast<int>(scratch_->text.size()),
                        static_cast<unsigned>(begin - from), static_cast<int>(end - begin));
    hb_shape(face->font(), buffer, nullptr, 0);

    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    out.resize(count);
    for (unsigned i = 0; i < count; ++i) {
        ShapedGlyph& g = out[i];
        g.glyph = infos[i].codepoint;
        g.cluster = static_cast<std::uint32_t>(from + infos[i].cluster);
        g.x_advance = positions[i].x_advance;
        g.y_advance = positions[i].y_advance;
        g.x_offset = positions[i].x_offset;
        g.y_offset = positions[i].y_offset;
    }
}

FontMetrics HbTextEngine::metrics(FontId font) const {
    const engine::FontFace* face = find(font);
    return face == nullptr ? FontMetrics{} : face->metrics();
}

bool HbTextEngine::has_char(FontId font, char32_t cp) const {
    const engine::FontFace* face = find(font);
    if (face == nullptr || engine::scalar_or_replacement(cp) != static_cast<std::uint32_t>(cp)) return false;
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(face->font(), static_cast<hb_codepoint_t>(cp), &glyph) != 0;
}

bool HbTextEngine::color_glyph(FontId font, std::uint32_t glyph, ColorGlyph& out) const {
    const engine::FontFace* face = find(font);
    if (face == nullptr || !face->metrics().color) return false;
    return engine::color_glyph_image(face->font(), glyph, out);
}

}  // namespace av
