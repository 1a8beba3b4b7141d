// Owning handles for HarfBuzz objects (each destroyed with its own hb_*_destroy).
#pragma once

#include <memory>

#include <hb.h>

namespace av::engine {

struct HbDestroy {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
    void operator()(hb_font_t* p) const { hb_font_destroy(p); }
    void operator()(hb_buffer_t* p) const { hb_buffer_destroy(p); }
};

using HbBlob = std::unique_ptr<hb_blob_t, HbDestroy>;
using HbFace = std::unique_ptr<hb_face_t, HbDestroy>;
using HbFont = std::unique_ptr<hb_font_t, HbDestroy>;
using HbBuffer = std::unique_ptr<hb_buffer_t, HbDestroy>;

}  // namespace av::engine
