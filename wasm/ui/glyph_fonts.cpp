#include "glyph_fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imstb_truetype.h>  // implemented once, in ui/stb_truetype_impl.cpp

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

namespace av::glyph_fonts {

namespace {

// What each glyph font is, by FontId: ImFontConfig::FontNo carries the id into the loader (ImGui
// asserts that FontLoaderData is empty before the loader's init, so it cannot carry it).
struct Registered {
    bool color = false;
    const TextEngine* engine = nullptr;
};
std::map<int, Registered>& registry() {
    static std::map<int, Registered> r;
    return r;
}

struct SourceData {
    stbtt_fontinfo info{};
    bool color = false;
    FontId id = no_font;
    const TextEngine* engine = nullptr;
    int glyph_count = 0;
};

std::uint32_t be32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// numGlyphs from the 'maxp' table, bounds checked: for fonts stb_truetype does not open.
int glyph_count(const unsigned char* data, int size) {
    if (size < 12) return 0;
    const int tables = (data[4] << 8) | data[5];
    for (int i = 0; i < tables; ++i) {
        const int at = 12 + 16 * i;
        if (at + 16 > size) return 0;
        if (std::memcmp(data + at, "maxp", 4) != 0) continue;
        const std::uint32_t offset = be32(data + at + 8);
        if (offset + 6 > static_cast<std::uint32_t>(size)) return 0;
        return (data[offset + 4] << 8) | data[offset + 5];
    }
    return 0;
}

bool src_init(ImFontAtlas*, ImFontConfig* src) {
    auto* d = IM_NEW(SourceData)();
    d->id = static_cast<FontId>(src->FontNo);
    const auto it = registry().find(src->FontNo);
    if (it != registry().end()) {
        d->color = it->second.color;
        d->engine = it->second.engine;
    }
    const auto* bytes = static_cast<const unsigned char*>(src->FontData);
    if (d->color) {
        d->glyph_count = glyph_count(bytes, src->FontDataSize);
    } else {
        const int offset = stbtt_GetFontOffsetForIndex(bytes, 0);
        if (offset < 0 || !stbtt_InitFont(&d->info, bytes, offset)) {
            IM_DELETE(d);
            return false;
        }
        d->glyph_count = d->info.numGlyphs;
    }
    src->FontLoaderData = d;
    return d->glyph_count > 0;
}

void src_destroy(ImFontAtlas*, ImFontConfig* src) {
    IM_DELETE(static_cast<SourceData*>(src->FontLoaderData));
    src->FontLoaderData = nullptr;
}

bool contains(ImFontAtlas*, ImFontConfig* src, ImWchar code) {
    const auto* d = static_cast<const SourceData*>(src->FontLoaderData);
    return d && code >= first_code && code - first_code < static_cast<ImWchar>(d->glyph_count);
}

bool baked_init(ImFontAtlas*, ImFontConfig* src, ImFontBaked* baked, void*) {
    const auto* d = static_cast<const SourceData*>(src->FontLoaderData);
    if (d && !d->color) {
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&d->info, &ascent, &descent, &gap);
        const float scale = stbtt_ScaleForMappingEmToPixels(&d->info, baked->Size);
        baked->Ascent = ImCeil(static_cast<float>(ascent) * scale);
        baked->Descent = ImFloor(static_cast<float>(descent) * scale);
    } else {
        baked->Ascent = ImCeil(baked->Size * 0.95f);  // Noto Color Emoji's own proportions
        baked->Descent = ImFloor(-baked->Size * 0.25f);
    }
    return true;
}

// Box-filters straight-alpha RGBA from (sw, sh) to (dw, dh), weighting colour by alpha so that
// transparent pixels' colour does not bleed into the edges.
void downscale(const std::vector<std::uint8_t>& src, int sw, int sh, std::vector<unsigned char>& dst, int dw, int dh) {
    dst.assign(static_cast<std::size_t>(dw) * static_cast<std::size_t>(dh) * 4, 0);
    const float fx = static_cast<float>(sw) / static_cast<float>(dw), fy = static_cast<float>(sh) / static_cast<float>(dh);
    for (int y = 0; y < dh; ++y) {
        const int y0 = static_cast<int>(static_cast<float>(y) * fy);
        const int y1 = std::max(y0 + 1, std::min(sh, static_cast<int>(std::ceil(static_cast<float>(y + 1) * fy))));
        for (int x = 0; x < dw; ++x) {
            const int x0 = static_cast<int>(static_cast<float>(x) * fx);
            const int x1 = std::max(x0 + 1, std::min(sw, static_cast<int>(std::ceil(static_cast<float>(x + 1) * fx))));
            float r = 0, g = 0, b = 0, a = 0;
            int n = 0;
            for (int sy = y0; sy < y1; ++sy) {
                for (int sx = x0; sx < x1; ++sx, ++n) {
                    const std::uint8_t* p = &src[(static_cast<std::size_t>(sy) * static_cast<std::size_t>(sw) + static_cast<std::size_t>(sx)) * 4];
                    const float pa = p[3];
                    r += p[0] * pa, g += p[1] * pa, b += p[2] * pa, a += pa;
                }
            }
            unsigned char* q = &dst[(static_cast<std::size_t>(y) * static_cast<std::size_t>(dw) + static_cast<std::size_t>(x)) * 4];
            if (a > 0) {
                q[0] = static_cast<unsigned char>(std::lround(r / a));
                q[1] = static_cast<unsigned char>(std::lround(g / a));
                q[2] = static_cast<unsigned char>(std::lround(b / a));
                q[3] = static_cast<unsigned char>(std::lround(a / static_cast<float>(n)));
            }
        }
    }
}

bool load_color(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, const SourceData& d, std::uint32_t glyph,
                ImWchar code, ImFontGlyph* out, float* out_advance) {
    TextEngine::ColorGlyph image;
    if (!d.engine || !d.engine->color_glyph(d.id, glyph, image) || image.width <= 0 || image.height <= 0 ||
        !(image.ppem > 0) || image.rgba.size() < static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4)
        return false;
    const float scale = baked->Size / image.ppem;  // strike pixels to layout pixels
    if (out_advance) {
        *out_advance = static_cast<float>(image.width) * scale;
        return true;
    }
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const int w = std::max(1, static_cast<int>(std::lround(static_cast<float>(image.width) * scale * density)));
    const int h = std::max(1, static_cast<int>(std::lround(static_cast<float>(image.height) * scale * density)));
    out->Codepoint = code & 0x3FFFFFF;  // the bitfield's width; glyph codes are far below it
    out->AdvanceX = static_cast<float>(image.width) * scale;
    const ImFontAtlasRectId pack = ImFontAtlasPackAddRect(atlas, w, h);
    if (pack == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, pack);
    std::vector<unsigned char> pixels;
    downscale(image.rgba, image.width, image.height, pixels, w, h);
    out->X0 = image.left * scale;
    out->Y0 = -image.top * scale;
    out->X1 = out->X0 + static_cast<float>(w) / density;
    out->Y1 = out->Y0 + static_cast<float>(h) / density;
    out->Visible = true;
    out->Colored = true;
    out->PackId = pack;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out, r, pixels.data(), ImTextureFormat_RGBA32, w * 4);
    return true;
}

bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar code, ImFontGlyph* out,
                float* out_advance) {
    const auto* d = static_cast<const SourceData*>(src->FontLoaderData);
    if (!d || code < first_code || code - first_code >= static_cast<ImWchar>(d->glyph_count)) return false;
    const int glyph = static_cast<int>(code - first_code);
    if (d->color) return load_color(atlas, src, baked, *d, static_cast<std::uint32_t>(glyph), code, out, out_advance);

    int oversample_h = 1, oversample_v = 1;
    ImFontAtlasBuildGetOversampleFactors(src, baked, &oversample_h, &oversample_v);
    const float scale = stbtt_ScaleForMappingEmToPixels(&d->info, baked->Size);  // the size is the em
    const float density = src->RasterizerDensity * baked->RasterizerDensity;
    const float raster_x = scale * density * static_cast<float>(oversample_h);
    const float raster_y = scale * density * static_cast<float>(oversample_v);
    int advance = 0, lsb = 0;
    stbtt_GetGlyphHMetrics(&d->info, glyph, &advance, &lsb);
    if (out_advance) {
        *out_advance = static_cast<float>(advance) * scale;
        return true;
    }
    out->Codepoint = code & 0x3FFFFFF;  // the bitfield's width; glyph codes are far below it
    out->AdvanceX = static_cast<float>(advance) * scale;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBoxSubpixel(&d->info, glyph, raster_x, raster_y, 0, 0, &x0, &y0, &x1, &y1);
    if (x0 == x1 || y0 == y1) return true;  // a space, or a mark with no outline
    const int w = x1 - x0 + oversample_h - 1, h = y1 - y0 + oversample_v - 1;
    const ImFontAtlasRectId pack = ImFontAtlasPackAddRect(atlas, w, h);
    if (pack == ImFontAtlasRectId_Invalid) return false;
    ImTextureRect* r = ImFontAtlasPackGetRect(atlas, pack);
    ImVector<unsigned char>& pixels = atlas->Builder->TempBuffer;
    pixels.resize(w * h);
    std::memset(pixels.Data, 0, static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    float sub_x = 0, sub_y = 0;
    stbtt_MakeGlyphBitmapSubpixelPrefilter(&d->info, pixels.Data, w, h, w, raster_x, raster_y, 0, 0, oversample_h,
                                           oversample_v, &sub_x, &sub_y, glyph);
    // Unlike ImGui's own loader, the glyph's box is from the pen on the baseline (no ascent added):
    // the reading view places each glyph where HarfBuzz put it.
    const float recip_h = 1.0f / (static_cast<float>(oversample_h) * density);
    const float recip_v = 1.0f / (static_cast<float>(oversample_v) * density);
    out->X0 = static_cast<float>(x0) * recip_h + sub_x;
    out->Y0 = static_cast<float>(y0) * recip_v + sub_y;
    out->X1 = static_cast<float>(x0 + static_cast<int>(r->w)) * recip_h + sub_x;
    out->Y1 = static_cast<float>(y0 + static_cast<int>(r->h)) * recip_v + sub_y;
    out->Visible = true;
    out->PackId = pack;
    ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out, r, pixels.Data, ImTextureFormat_Alpha8, w);
    return true;
}

}  // namespace

const ImFontLoader* loader() {
    static ImFontLoader l = [] {
        ImFontLoader x;
        x.Name = "av_glyph_ids";
        x.FontSrcInit = src_init;
        x.FontSrcDestroy = src_destroy;
        x.FontSrcContainsGlyph = contains;
        x.FontBakedInit = baked_init;
        x.FontBakedLoadGlyph = load_glyph;
        return x;
    }();
    return &l;
}

ImFont* add(const std::vector<unsigned char>& bytes, FontId id, bool color, const TextEngine* engine) {
    if (bytes.size() < 12 || bytes.size() > 0x7FFFFFFF) return nullptr;
    registry()[id] = Registered{color, engine};
    void* data = IM_ALLOC(bytes.size());
    std::memcpy(data, bytes.data(), bytes.size());
    ImFontConfig config;
    config.FontData = data;
    config.FontDataSize = static_cast<int>(bytes.size());
    config.FontDataOwnedByAtlas = true;
    config.FontNo = id;
    config.FontLoader = loader();
    config.OversampleH = 2;
    config.SizePixels = 20.0f;
    // ImGui names fonts for its debug tools; a name also keeps AddFont from reading the file's.
    ImFormatString(config.Name, IM_ARRAYSIZE(config.Name), "glyphs #%u", static_cast<unsigned>(id));
    return ImGui::GetIO().Fonts->AddFont(&config);
}

}  // namespace av::glyph_fonts
