/* The web's text module (article-viewer-text.wasm): HbTextEngine behind a flat C API that
 * JavaScript calls with plain typed arrays (docs/text-pipeline.md, "The engine and the web's second
 * module"). Every function is exported with a leading underscore (Module._av_text_analyze), as are
 * malloc and free.
 *
 * Conventions:
 *   - Inputs live in the module's memory: allocate with _malloc, fill through HEAPU8 / HEAPU32,
 *     release with _free after the call (the module copies what it keeps: font bytes).
 *   - Text is UTF-32: one uint32 per code point, 4-byte aligned (as _malloc returns), `length` in
 *     code points. Values that are not Unicode scalar values (unpaired surrogates, > 0x10FFFF) are
 *     read as U+FFFD. Language tags are UTF-8 bytes (BCP 47, e.g. "ja", "ar-EG"), not
 *     NUL-terminated, with their length in bytes; a null pointer or 0 length means none.
 *   - Results live in buffers the module owns, read through the returned pointer; each stays valid
 *     until the next call of the same function (and any call may grow memory: take new typed array
 *     views of HEAPU8 / HEAP32 / HEAPF32 after every call).
 *   - Font ids are 0..0xFFFE (0xFFFF is "no font"); an id out of range is a font not loaded.
 *   - One thread: the module is not reentrant.
 */
#ifndef AV_TEXT_API_H
#define AV_TEXT_API_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Loads font `font` (replacing any font of that id) from the `size` bytes at `bytes`: an
 * OpenType/TrueType file, or collection with `face_index` the face to use (0 for a plain file).
 * Returns 1, or 0 when the bytes are not a usable font: av_text_error() then says why. */
int32_t av_text_add_font(uint32_t font, const uint8_t* bytes, uint32_t size, uint32_t face_index);

/* The last error of av_text_add_font, as UTF-8 (av_text_error_length() bytes, then a NUL). */
const char* av_text_error(void);
uint32_t av_text_error_length(void);

/* Loads the Thai dictionary (thai-words.dict, wasm/text/build_thai_dictionary.py's format) from the
 * `size` bytes at `bytes`, copied; Thai runs are then broken between words. Returns 1, or 0 when the
 * bytes are not such a file (av_text_error() then says why; the engine keeps its previous one). */
int32_t av_text_set_dictionary(const uint8_t* bytes, uint32_t size);

/* Forgets font `font` and frees its copy of the bytes. */
void av_text_remove_font(uint32_t font);

/* Analyses one paragraph (TextEngine::analyze, core/text/text_engine.hpp).
 *   text, length: the paragraph in UTF-32.
 *   direction: 0 left-to-right, 1 right-to-left, 2 automatic defaulting to left-to-right,
 *              3 automatic defaulting to right-to-left (other values: 0).
 *   lang, lang_length: the paragraph's language; it chooses the line-break tailoring.
 * Returns 8 bytes per code point (length * 8 bytes; null when length is 0):
 *   byte 0: bidi embedding level (UAX #9, rule L1 applied)
 *   byte 1: line break before this code point: 0 none, 1 allowed, 2 mandatory (0 for the first)
 *   byte 2: flags: 1 starts a grapheme cluster, 2 in an emoji cluster, 4 a space (UAX #14 SP),
 *           8 its paragraph is right-to-left (the direction resolved when asked for automatic)
 *   byte 3: 0
 *   bytes 4-7: script, ISO 15924 tag packed big-endian into a uint32 stored little-endian
 *              ("Arab" = 0x41726162), Common and Inherited resolved to their neighbours. */
const uint8_t* av_text_analyze(const uint32_t* text, uint32_t length, uint32_t direction, const uint8_t* lang,
                               uint32_t lang_length);

/* Shapes text[begin, end) of a paragraph with font `font` (TextEngine::shape); the rest of the text
 * is context.
 *   text, length: the whole paragraph in UTF-32; begin <= end <= length (end is clamped to length).
 *   rtl: 1 when the run's bidi level is odd (glyphs then come in visual order, right to left).
 *   script: ISO 15924 tag as a uint32 ("Arab" = 0x41726162), as av_text_analyze gives it.
 *   lang, lang_length: the run's language (it picks the font's language system).
 * Returns the number of glyphs; av_text_glyphs() gives them. 0 when the font is not loaded. */
uint32_t av_text_shape(uint32_t font, const uint32_t* text, uint32_t length, uint32_t begin, uint32_t end,
                       uint32_t rtl, uint32_t script, const uint8_t* lang, uint32_t lang_length);

/* The glyphs of the last av_text_shape: 6 int32 per glyph: glyph id (0 = .notdef), cluster (index
 * in `text` of the cluster's first code point), x advance, y advance, x offset, y offset, in font
 * units, y up. */
const int32_t* av_text_glyphs(void);

/* The font's metrics: 5 int32: units per em (0: not loaded), ascender, descender (negative),
 * glyph count, 1 if it has colour bitmaps (CBDT) else 0. */
const int32_t* av_text_metrics(uint32_t font);

/* 1 if the font's cmap maps code point `cp` to a glyph, else 0. */
int32_t av_text_has_char(uint32_t font, uint32_t cp);

/* The colour image of glyph `glyph` of a CBDT font (Noto Color Emoji). Returns 1 when there is one:
 * av_text_color_glyph_geometry() then gives 5 floats: width and height in pixels, the bitmap's
 * left and top from the pen in pixels of the strike (y up), and the strike's pixels per em (scale
 * by size_px_per_em / ppem); av_text_color_glyph_rgba() gives width * height * 4 bytes of RGBA,
 * rows top to bottom, straight alpha. 0 when the glyph has no colour image. */
int32_t av_text_color_glyph(uint32_t font, uint32_t glyph);
const float* av_text_color_glyph_geometry(void);
const uint8_t* av_text_color_glyph_rgba(void);

/* Hyphenation (libhyphen, wasm/text/hyphen_dictionaries.hpp; README "Hyphenation").
 * Loads the dictionary `name` (UTF-8, not NUL-terminated: "fr", "en_US", the file's name without
 * "hyph_" and ".dic") from the `size` bytes at `bytes` (a Debian hyph_*.dic file), copied.
 * Returns 1, or 0 when the bytes are not a usable dictionary (av_text_error() then says why; the
 * dictionaries loaded before stay). */
int32_t av_text_hyphen_load(const uint8_t* name, uint32_t name_length, const uint8_t* bytes, uint32_t size);

/* The cuts libhyphen allows in `word` (UTF-32, letters only, as core's hyphenation_points hands
 * them) for language `lang` (BCP 47, UTF-8): the dictionary is the first of
 * hyphen_dictionary_names(lang) loaded. Returns how many; av_text_hyphen_points() gives them as
 * uint32 code-point offsets, increasing. 0 when the language has no dictionary loaded. */
uint32_t av_text_hyphenate(const uint8_t* lang, uint32_t lang_length, const uint32_t* word, uint32_t length);
const uint32_t* av_text_hyphen_points(void);

/* The names of the dictionaries to try for `lang` (BCP 47, UTF-8), best first
 * (core/text/hyphen_languages.hpp), as NUL-terminated UTF-8, one a line; valid until the next call. */
const char* av_text_hyphen_names(const uint8_t* lang, uint32_t lang_length);

#ifdef __cplusplus
}
#endif

#endif /* AV_TEXT_API_H */
