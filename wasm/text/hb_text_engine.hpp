// core's TextEngine over HarfBuzz 10.2.0 (shaping, colour glyph PNGs), FriBidi 1.0.16 (bidi levels)
// and libunibreak 6.1 (line breaks, grapheme clusters), with an optional dictionary for Thai and its
// neighbours (DictionaryBreaker). docs/text-pipeline.md has the pipeline; wasm/text/README.md the
// build options and the conformance exceptions.
//
// One engine serves one thread: shaping reuses one HarfBuzz buffer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text/text_engine.hpp"
#include "dictionary_breaker.hpp"

namespace av {

namespace engine {
class FontFace;
}

class HbTextEngine final : public LoadableTextEngine {
public:
    HbTextEngine();
    ~HbTextEngine() override;
    HbTextEngine(const HbTextEngine&) = delete;
    HbTextEngine& operator=(const HbTextEngine&) = delete;

    // Adds (or replaces) the font `id` from the bytes of an OpenType/TrueType file, copied.
    // `face_index` picks a face of a collection (.ttc). False, with a one-line `error`, when the bytes
    // are not a usable font or `id` is no_font; the engine is then unchanged.
    bool add_font(FontId id, const std::uint8_t* data, std::size_t size, std::string& error,
                  unsigned face_index = 0);
    void remove_font(FontId id);

    // The breaker asked for word starts inside Thai, Lao, Khmer and Myanmar runs (UAX #14 class SA);
    // not owned, null for none (then such runs are never broken inside).
    void set_dictionary_breaker(const DictionaryBreaker* breaker) { dictionary_ = breaker; }

    // LoadableTextEngine: a font from its bytes (a plain file, face 0); the Thai dictionary from a
    // thai-words.dict file (ThaiBreaker), which the engine then owns and breaks Thai with. Their
    // errors, if any: last_error().
    bool add_font(FontId id, const unsigned char* bytes, std::size_t size) override;
    bool set_dictionary(const unsigned char* bytes, std::size_t size) override;
    const std::string& last_error() const { return error_; }

    std::uint8_t analyze(std::u32string_view text, BaseDirection direction, std::string_view lang,
                         std::vector<CharInfo>& out) const override;
    void shape(FontId font, std::u32string_view text, std::size_t begin, std::size_t end, bool rtl,
               ScriptTag script, std::string_view lang, std::vector<ShapedGlyph>& out) const override;
    FontMetrics metrics(FontId font) const override;
    bool has_char(FontId font, char32_t cp) const override;
    bool color_glyph(FontId font, std::uint32_t glyph, ColorGlyph& out) const override;
    std::uint64_t font_generation() const override { return generation_; }

private:
    const engine::FontFace* find(FontId id) const;

    // Sorted by id: a handful of fonts, and no hash table's code in the web module.
    std::vector<std::pair<FontId, std::unique_ptr<engine::FontFace>>> fonts_;
    const DictionaryBreaker* dictionary_ = nullptr;
    std::unique_ptr<DictionaryBreaker> own_dictionary_;  // set_dictionary's
    std::string error_;
    std::uint64_t generation_ = 0;  // add_font and remove_font count
    struct Scratch;
    std::unique_ptr<Scratch> scratch_;  // buffers reused by every call (hence one thread)
};

}  // namespace av
