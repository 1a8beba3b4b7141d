#include "itemize.hpp"

#include "core/text/text_class.hpp"

namespace av {

std::vector<Item> itemize(const ParagraphText& p, const std::vector<CharInfo>& info, const FontFallback& fonts) {
    std::vector<Item> items;
    const std::size_t n = p.text.size();
    std::uint32_t style = 0;
    std::size_t begin = 0;
    while (begin < n) {
        // One grapheme cluster: up to the next cluster start, and never across a style boundary
        // (a run's end is where the file says its text ends).
        while (style + 1 < p.styles.size() && begin >= p.styles[style].end) ++style;
        std::size_t end = begin + 1;
        while (end < n && !(info[end].flags & char_flags::cluster_start) && end < p.styles[style].end) ++end;
        const CharInfo& first = info[begin];
        const FontId font = fonts.choose(p.text, begin, end, first, p.styles[style].face);
        const bool cjk = font == no_font && (text_class_of(p.text[begin]) & text_class::han);
        const bool merge = !items.empty() && items.back().end == begin && items.back().style == style &&
                           items.back().level == first.level && items.back().font == font &&
                           (font == no_font ? !(first.level & 1) && items.back().cjk == cjk : items.back().script == first.script);
        if (merge) {
            items.back().end = static_cast<std::uint32_t>(end);
        } else {
            items.push_back(Item{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), first.level, font, cjk,
                                 first.script, style});
        }
        begin = end;
    }
    return items;
}

}  // namespace av
