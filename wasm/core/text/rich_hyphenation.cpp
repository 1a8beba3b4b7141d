#include "rich_hyphenation.hpp"

namespace av {

RichHyphenation::RichHyphenation(const ParagraphText& text, const std::vector<CharInfo>& info,
                                 const std::vector<Item>& items, const Hyphenator& hyphenator, std::string_view lang,
                                 const TextMeasurer& measurer, float size)
    : text_(text),
      info_(info),
      hyphenator_(hyphenator),
      lang_(lang),
      measurer_(measurer),
      size_(size),
      plain_(text.text.size(), false) {
    for (const Item& item : items) {
        if (item.level != 0 || item.font != no_font || item.cjk) continue;
        for (std::uint32_t k = item.begin; k < item.end && k < plain_.size(); ++k)
            plain_[k] = !(info[k].flags & char_flags::emoji);
    }
}

void RichHyphenation::points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const {
    if (end > plain_.size() || begin >= end) return;
    for (std::uint32_t k = begin; k < end; ++k)
        if (!plain_[k]) return;
    const ParagraphText::Style& style = text_.style_at(begin);
    const std::string_view lang = style.lang.empty() ? lang_ : style.lang;
    found_ = hyphenation_points(hyphenator_, lang, std::u32string_view(text_.text).substr(begin, end - begin));
    for (std::uint32_t p : found_) {
        const std::uint32_t at = begin + p;
        if (!(info_[at].flags & char_flags::cluster_start)) continue;  // a mark stays on its letter
        const Face face = text_.style_at(at - 1).face;
        float& w = hyphen_[static_cast<std::size_t>(face)];
        if (w <= 0) w = measurer_.width("-", face, size_);
        out.push_back(HyphenPoint{at, w});
    }
}

}  // namespace av
