#include "font_face.hpp"

#include <hb-ot.h>

namespace av::engine {

namespace {

// Decimal digits of `n`. Not std::to_string: in Emscripten 3.1.6's libc++ it calls snprintf,
// which brings printf's whole formatter (about 8 KB) into the web's text module.
std::string decimal(unsigned n) {
    char digits[10];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n != 0);
    std::string out;
    while (count > 0) out += digits[--count];
    return out;
}

}  // namespace

std::unique_ptr<FontFace> FontFace::load(const std::uint8_t* data, std::size_t size, unsigned face_index,
                                         std::string& error) {
    if (data == nullptr || size == 0) {
        error = "the font file is empty";
        return nullptr;
    }
    if (size > 0x7FFFFFFFu) {  // HarfBuzz's blobs count bytes in unsigned int
        error = "the font file is larger than 2 GB";
        return nullptr;
    }
    std::unique_ptr<FontFace> f(new FontFace());
    f->bytes_.assign(data, data + size);
    f->blob_.reset(hb_blob_create(reinterpret_cast<const char*>(f->bytes_.data()),
                                  static_cast<unsigned>(f->bytes_.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    const unsigned faces = hb_face_count(f->blob_.get());
    if (faces == 0) {
        error = "not an OpenType or TrueType font (no sfnt header)";
        return nullptr;
    }
    if (face_index >= faces) {
        error = "face " + decimal(face_index) + " asked of a file with " + decimal(faces) + " face(s)";
        return nullptr;
    }
    f->face_.reset(hb_face_create(f->blob_.get(), face_index));
    HbBlob head(hb_face_reference_table(f->face_.get(), HB_TAG('h', 'e', 'a', 'd')));
    if (hb_blob_get_length(head.get()) < 54) {  // the size of a 'head' table
        error = "the font has no 'head' table";
        return nullptr;
    }
    const unsigned glyphs = hb_face_get_glyph_count(f->face_.get());
    if (glyphs == 0) {
        error = "the font has no glyphs (no 'maxp' table)";
        return nullptr;
    }
    f->font_.reset(hb_font_create(f->face_.get()));
    hb_font_make_immutable(f->font_.get());

    FontMetrics& m = f->metrics_;
    m.units_per_em = static_cast<std::int32_t>(hb_face_get_upem(f->face_.get()));
    hb_font_extents_t extents{};
    hb_font_get_h_extents(f->font_.get(), &extents);
    m.ascender = extents.ascender;
    m.descender = extents.descender;
    m.glyph_count = glyphs;
    m.color = hb_ot_color_has_png(f->face_.get()) != 0;
    return f;
}

}  // namespace av::engine
