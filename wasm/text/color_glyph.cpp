#include "color_glyph.hpp"

#include <cmath>
#include <cstddef>
#include <utility>

#include <hb-ot.h>

#include "hb_handles.hpp"
#include "png_decode.hpp"

namespace av::engine {

namespace {

// The pixels per em of the strike HarfBuzz uses when the font has no ppem: the largest one of the
// CBLC table, the first on a tie. HarfBuzz does not say which strike it took, so the CBLC header is
// read here: numSizes (uint32 at offset 4), then 48-byte BitmapSize records with ppemX and ppemY at
// 44 and 45 (OpenType's CBLC). 0 when there is no such table.
int largest_strike_ppem(hb_face_t* face) {
    HbBlob cblc(hb_face_reference_table(face, HB_TAG('C', 'B', 'L', 'C')));
    unsigned length = 0;
    const auto* data = reinterpret_cast<const std::uint8_t*>(hb_blob_get_data(cblc.get(), &length));
    if (data == nullptr || length < 8) return 0;
    const std::uint32_t sizes = (std::uint32_t{data[4]} << 24) | (std::uint32_t{data[5]} << 16) |
                                (std::uint32_t{data[6]} << 8) | std::uint32_t{data[7]};
    int best = 0;
    for (std::uint32_t i = 0; i < sizes; ++i) {
        const std::size_t at = 8 + std::size_t{48} * i;
        if (at + 48 > length) break;
        const int ppem = data[at + 44] > data[at + 45] ? data[at + 44] : data[at + 45];
        if (ppem > best) best = ppem;
    }
    return best;
}

}  // namespace

bool color_glyph_image(hb_font_t* font, std::uint32_t glyph, TextEngine::ColorGlyph& out) {
    HbBlob png(hb_ot_color_glyph_reference_png(font, glyph));
    unsigned length = 0;
    const char* data = hb_blob_get_data(png.get(), &length);
    if (data == nullptr || length == 0) return false;
    hb_face_t* face = hb_font_get_face(font);
    const int ppem = largest_strike_ppem(face);
    if (ppem == 0) return false;  // a PNG from another table (sbix): its strike size is not known here
    TextEngine::ColorGlyph g;
    if (!decode_png_rgba(reinterpret_cast<const std::uint8_t*>(data), length, g.width, g.height, g.rgba)) {
        return false;
    }
    // The bitmap's bearings are whole pixels of the strike; HarfBuzz gives them in font units.
    hb_glyph_extents_t extents{};
    if (!hb_font_get_glyph_extents(font, glyph, &extents)) return false;
    const double to_pixels = static_cast<double>(ppem) / static_cast<double>(hb_face_get_upem(face));
    g.left = static_cast<float>(std::round(extents.x_bearing * to_pixels));
    g.top = static_cast<float>(std::round(extents.y_bearing * to_pixels));
    g.ppem = static_cast<float>(ppem);
    out = std::move(g);
    return true;
}

}  // namespace av::engine
