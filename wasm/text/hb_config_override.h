// HarfBuzz's build options for the text engine (read by hb-config.hh through HB_CONFIG_OVERRIDE_H;
// the meaning of each option is in HarfBuzz's CONFIG.md). The same options natively and in the
// web's text module, so both shape alike. What each one saves in the web module is measured in
// wasm/text/README.md ("The web's text module").
//
// Kept on purpose: OpenType shaping (GSUB/GPOS, every script shaper), the cmap/hmtx font functions,
// emoji sequences, 3-letter language tags (they choose a font's language system), colour bitmaps
// (CBDT: hb_ot_color_glyph_reference_png and the bitmap extents of hb-ot-font), and what changes the
// glyphs of some texts (fallback mark positioning for fonts without GPOS marks, the dotted circles
// of invalid Indic vowel sequences, fractions).
#pragma once

// Nothing our engine calls, and nothing shaping uses.
#define HB_DISABLE_DEPRECATED
#define HB_NO_ATEXIT
#define HB_NO_BUFFER_MESSAGE
#define HB_NO_BUFFER_SERIALIZE
#define HB_NO_BUFFER_VERIFY
#define HB_NO_DRAW
#define HB_NO_PAINT
#define HB_NO_ERRNO
#define HB_NO_FACE_COLLECT_UNICODES
#define HB_NO_GETENV
#define HB_NO_HINTING
#define HB_NO_LAYOUT_COLLECT_GLYPHS
#define HB_NO_LAYOUT_FEATURE_PARAMS
#define HB_NO_LAYOUT_UNUSED
#define HB_NO_MATH
#define HB_NO_META
#define HB_NO_MMAP
#define HB_NO_NAME
#define HB_NO_OT_FONT_GLYPH_NAMES
#define HB_NO_RESOURCE_FORK
#define HB_NO_SETLOCALE
#define HB_NO_STYLE
#define HB_NO_BASE
#define HB_NO_WIN1256

// Horizontal text in static fonts only: no vertical layout, no font variations, no Apple (AAT) tables,
// no CFF outlines (glyph extents of CFF fonts are not needed to shape; advances come from hmtx).
#define HB_NO_VERTICAL
#define HB_NO_VAR
#define HB_NO_AAT
#define HB_NO_BORING_EXPANSION
#define HB_NO_CFF

// Old font formats: fonts without GPOS kerning ('kern' table), legacy cmap subtables, and the
// shapers' fallbacks for fonts without OpenType tables (the catalog's fonts all have them).
#define HB_NO_OT_KERN
#define HB_NO_CMAP_LEGACY_SUBTABLES
#define HB_NO_FALLBACK_SHAPE
#define HB_NO_OT_LAYOUT_BLOCKLIST
#define HB_NO_OT_SHAPER_ARABIC_FALLBACK
#define HB_NO_OT_SHAPER_HEBREW_FALLBACK
#define HB_NO_OT_SHAPER_THAI_FALLBACK
#define HB_NO_OT_SHAPER_MYANMAR_ZAWGYI

// One thread: the engine is used from one thread (wasm has one).
#define HB_NO_MT

// Not HB_NO_OPEN (no file reading): in HarfBuzz 10.2.0 it removes hb_blob_create_from_file_or_fail
// but not hb_face_create_from_file_or_fail, which calls it, so nothing links. Unused, the linker
// drops both anyway.
