// One font the engine holds: its bytes (a copy), and HarfBuzz's face and font over them (HarfBuzz's
// own OpenType font functions; the scale is the font's units per em, so everything is in font units).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/text/text_engine.hpp"
#include "hb_handles.hpp"

namespace av::engine {

class FontFace {
public:
    // A face of an OpenType/TrueType file or collection. Null with `error` set (one line saying what
    // is wrong) when the bytes are not a font HarfBuzz can use.
    static std::unique_ptr<FontFace> load(const std::uint8_t* data, std::size_t size, unsigned face_index,
                                          std::string& error);

    hb_font_t* font() const { return font_.get(); }
    hb_face_t* face() const { return face_.get(); }
    const FontMetrics& metrics() const { return metrics_; }

private:
    FontFace() = default;

    std::vector<std::uint8_t> bytes_;  // HarfBuzz reads the tables in place, so they live as long as the face
    HbBlob blob_;
    HbFace face_;
    HbFont font_;
    FontMetrics metrics_;
};

}  // namespace av::engine
