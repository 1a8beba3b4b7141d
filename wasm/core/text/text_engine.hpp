// What core's rich-text pipeline needs from the text libraries (HarfBuzz, FriBidi, libunibreak, a
// Thai dictionary), behind an interface so that core never includes them: natively the program
// links wasm/text/'s HbTextEngine, the web build reaches the same engine in a second wasm module
// (platform/web_text_engine.cpp), and unit tests may give a fake. docs/text-pipeline.md has the
// whole pipeline.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace av {

// A font the engine knows: the index of a file in the FontCatalog (core/text/font_catalog.hpp),
// or one of the base faces (FontCatalog::base_font(face)).
using FontId = std::uint16_t;
inline constexpr FontId no_font = 0xFFFF;

// ISO 15924 script code as four ASCII letters packed big-endian, HarfBuzz's hb_script_t:
// script_tag("Arab") == 0x41726162.
using ScriptTag = std::uint32_t;
constexpr ScriptTag script_tag(const char (&s)[5]) {
    return (static_cast<ScriptTag>(static_cast<unsigned char>(s[0])) << 24) |
           (static_cast<ScriptTag>(static_cast<unsigned char>(s[1])) << 16) |
           (static_cast<ScriptTag>(static_cast<unsigned char>(s[2])) << 8) |
           static_cast<ScriptTag>(static_cast<unsigned char>(s[3]));
}

// The base direction asked for a paragraph.
enum class BaseDirection : std::uint8_t {
    ltr,
    rtl,
    auto_ltr,  // from the first strong character (UAX #9 P2-P3); left-to-right when there is none
    auto_rtl,  // the same; right-to-left when there is none (an article in Arabic, Hebrew, ...)
};

// Where a line may end before a character (UAX #14, tailored: docs/text-pipeline.md).
enum class BreakBefore : std::uint8_t { no, allowed, mandatory };

// What the engine says of each code point of a paragraph.
struct CharInfo {
    std::uint8_t level = 0;  // bidi embedding level (UAX #9 after rule I2; L1 applied: trailing spaces at the paragraph level)
    BreakBefore brk = BreakBefore::no;  // before this character; the first character's is `no`
    std::uint8_t flags = 0;             // CharFlags
    ScriptTag script = 0;               // Common and Inherited resolved to the surrounding script
};

namespace char_flags {
inline constexpr std::uint8_t cluster_start = 1;  // starts a grapheme cluster (UAX #29)
inline constexpr std::uint8_t emoji = 2;          // in a cluster shown as an emoji (emoji presentation)
inline constexpr std::uint8_t space = 4;          // a space a line may end on without drawing it (UAX #14 SP)
// Its paragraph's base direction is right-to-left (the resolved one, for auto_ltr and auto_rtl): the
// levels alone do not always tell ("12" in an auto_rtl paragraph is at level 2, its paragraph at 1).
inline constexpr std::uint8_t rtl_paragraph = 8;
}  // namespace char_flags

// A glyph as HarfBuzz gives it, in font units (the font's units per em): for right-to-left runs
// in visual order, as HarfBuzz returns them.
struct ShapedGlyph {
    std::uint32_t glyph = 0;    // glyph id in the font; 0 is .notdef (the font lacks a character)
    std::uint32_t cluster = 0;  // index, in code points of the paragraph, of its cluster's first character
    std::int32_t x_advance = 0;
    std::int32_t y_advance = 0;
    std::int32_t x_offset = 0;
    std::int32_t y_offset = 0;  // up is positive, as in fonts
};

struct FontMetrics {
    std::int32_t units_per_em = 0;  // 0: the font is not loaded
    std::int32_t ascender = 0;      // hhea (or OS/2 typo) ascender, font units, positive up
    std::int32_t descender = 0;     // negative
    std::uint32_t glyph_count = 0;
    bool color = false;             // colour bitmaps (CBDT), e.g. Noto Color Emoji
};

class TextEngine {
public:
    virtual ~TextEngine() = default;

    // Analyses one paragraph: `text` in UTF-32, `lang` its language (BCP 47; it chooses the line
    // breaking's tailoring). Fills `out` with text.size() entries. Returns the paragraph's level
    // (0 left-to-right, 1 right-to-left), `direction` resolved.
    virtual std::uint8_t analyze(std::u32string_view text, BaseDirection direction, std::string_view lang,
                                 std::vector<CharInfo>& out) const = 0;

    // Shapes text[begin, end) of a paragraph with `font`, the rest of `text` being context. `rtl`:
    // the run's level is odd. `script`, `lang`: as HarfBuzz takes them. Replaces `out`.
    virtual void shape(FontId font, std::u32string_view text, std::size_t begin, std::size_t end, bool rtl,
                       ScriptTag script, std::string_view lang, std::vector<ShapedGlyph>& out) const = 0;

    // The font's metrics (units_per_em 0 when the engine does not have the font).
    virtual FontMetrics metrics(FontId font) const = 0;
    // Whether the font maps `cp` to a glyph (its cmap).
    virtual bool has_char(FontId font, char32_t cp) const = 0;
    // Changes whenever a font is added, replaced or removed, so that what was shaped before
    // (ShapeCache) is shaped again. An engine whose fonts never change may keep the default.
    virtual std::uint64_t font_generation() const { return 0; }

    // A colour glyph (a PNG strike of a CBDT font, decoded to RGBA, straight alpha), for the ui's
    // atlas; core never draws. False when the glyph has no colour image.
    struct ColorGlyph {
        int width = 0, height = 0;
        float left = 0, top = 0;  // bitmap's top-left from the pen, in pixels of the strike, y up
        float ppem = 0;           // the strike's pixels per em: scale by size_px_per_em / ppem
        std::vector<std::uint8_t> rgba;
    };
    virtual bool color_glyph(FontId, std::uint32_t /*glyph*/, ColorGlyph& /*out*/) const { return false; }
};

// The engine as the platform holds it: a TextEngine the ui gives font files to, as they arrive.
class LoadableTextEngine : public TextEngine {
public:
    // Makes font `id` (a catalog file, or a base face: FontCatalog::base_font) available, from the
    // file's bytes, which the engine copies. False if the bytes are not a font it can use.
    virtual bool add_font(FontId id, const unsigned char* bytes, std::size_t size) = 0;
    // The Thai dictionary (wasm/text/thai_breaker.hpp's data file), for Thai, Lao, Khmer and
    // Myanmar line breaks. False if the bytes are not one.
    virtual bool set_dictionary(const unsigned char* bytes, std::size_t size) = 0;
};

}  // namespace av
