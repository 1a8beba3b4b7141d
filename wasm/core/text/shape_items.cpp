#include "shape_items.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <string_view>

#include "core/piece_measurer.hpp"
#include "core/text/font_fallback.hpp"

namespace av {

namespace {

void measure_code_points(const ParagraphText& p, const std::vector<CharInfo>& info, const Item& item,
                         PieceMeasurer& m, std::vector<float>& advance) {
    const Face face = p.styles[item.style].face;
    std::string cluster;
    for (std::size_t i = item.begin; i < item.end;) {
        std::size_t end = i + 1;
        while (end < item.end && !(info[end].flags & char_flags::cluster_start)) ++end;
        cluster.clear();
        for (std::size_t k = i; k < end; ++k) {
            const char32_t c = p.text[k];
            if (c == U'\n' || FontFallback::ignorable(c)) continue;  // never drawn
            cluster.append(p.utf8, p.bytes[k], p.bytes[k + 1] - p.bytes[k]);
        }
        advance[i] = cluster.empty() ? 0.0f : m.width(cluster, face);
        i = end;
    }
}

void shape_run(const ParagraphText& p, const std::vector<CharInfo>& info, const Item& item, const TextEngine& engine,
               const TextMeasurer& measurer, float size, ShapeCache* cache, std::vector<ShapedGlyph>& scratch,
               std::vector<ItemGlyph>& out, std::vector<float>& advance, std::size_t& missing) {
    const ParagraphText::Style& style = p.styles[item.style];
    if (cache)
        cache->shape(engine, item.font, p.text, info, item.begin, item.end, item.level & 1, item.script, style.lang, scratch);
    else
        engine.shape(item.font, p.text, item.begin, item.end, item.level & 1, item.script, style.lang, scratch);
    const FontMetrics metrics = engine.metrics(item.font);
    const float scale = metrics.units_per_em > 0 ? measurer.em(style.face, size) / static_cast<float>(metrics.units_per_em) : 0.0f;
    out.clear();
    out.reserve(scratch.size());
    // HarfBuzz's clusters, each with its total advance, in logical order.
    std::vector<std::pair<std::uint32_t, float>> clusters;
    for (const ShapedGlyph& g : scratch) {
        // A cluster outside the item (an engine that misbehaves) is put at the item's start.
        const std::uint32_t cluster = g.cluster >= item.begin && g.cluster < item.end ? g.cluster : item.begin;
        out.push_back(ItemGlyph{g.glyph, cluster, static_cast<float>(g.x_advance) * scale,
                                static_cast<float>(g.x_offset) * scale, static_cast<float>(g.y_offset) * scale});
        if (g.glyph == 0) ++missing;
        clusters.emplace_back(cluster, out.back().advance);
    }
    std::sort(clusters.begin(), clusters.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < clusters.size();) {
        const std::uint32_t start = clusters[k].first;
        float total = 0;
        while (k < clusters.size() && clusters[k].first == start) total += clusters[k++].second;
        const std::uint32_t end = k < clusters.size() ? clusters[k].first : item.end;
        std::uint32_t graphemes = 0;
        for (std::uint32_t i = start; i < end; ++i)
            if (i == start || (info[i].flags & char_flags::cluster_start)) ++graphemes;
        for (std::uint32_t i = start; i < end; ++i)
            if (i == start || (info[i].flags & char_flags::cluster_start)) advance[i] = total / static_cast<float>(graphemes);
    }
}

}  // namespace

MeasuredParagraph shape_items(const ParagraphText& p, const std::vector<CharInfo>& info, const std::vector<Item>& items,
                              const TextEngine& engine, const TextMeasurer& measurer, float size, ShapeCache* cache) {
    MeasuredParagraph out;
    out.advance.assign(p.text.size(), 0.0f);
    out.glyphs.resize(items.size());
    // The faces' measurer, and one per Han variant met (most paragraphs: one), built when needed.
    PieceMeasurer faces(measurer, size);
    std::array<std::unique_ptr<PieceMeasurer>, static_cast<std::size_t>(Han::count)> cjk;
    std::vector<ShapedGlyph> scratch;
    for (std::size_t k = 0; k < items.size(); ++k) {
        const Item& item = items[k];
        if (item.font == no_font && !item.cjk) {
            measure_code_points(p, info, item, faces, out.advance);
        } else if (item.font == no_font) {
            const auto h = static_cast<std::size_t>(p.styles[item.style].han);
            if (!cjk[h]) cjk[h] = std::make_unique<PieceMeasurer>(measurer.with_han(static_cast<Han>(h)), size);
            measure_code_points(p, info, item, *cjk[h], out.advance);
        } else {
            shape_run(p, info, item, engine, measurer, size, cache, scratch, out.glyphs[k], out.advance, out.missing);
        }
    }
    return out;
}

}  // namespace av
