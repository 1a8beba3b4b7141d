#include "paragraph_text.hpp"

#include <algorithm>

#include "core/utf8.hpp"

namespace av {

Face styled_face(Face base, bool bold, bool italic) {
    if (base == Face::sans || base == Face::sans_bold) {
        bold = bold || base == Face::sans_bold;
        // There is no sans italic face: an italic run in sans text (a caption, a sponsored or
        // callout block) takes the serif's italic, which keeps the emphasis a reader would lose
        // in upright sans (reader-visible defects issue, item 9).
        if (italic) return bold ? Face::serif_bold_italic : Face::serif_italic;
        return bold ? Face::sans_bold : Face::sans;
    }
    const bool b = bold || base == Face::serif_bold || base == Face::serif_bold_italic;
    const bool i = italic || base == Face::serif_italic || base == Face::serif_bold_italic;
    return b && i ? Face::serif_bold_italic : b ? Face::serif_bold : i ? Face::serif_italic : Face::serif;
}

const ParagraphText::Style& ParagraphText::style_at(std::size_t i) const {
    auto it = std::upper_bound(styles.begin(), styles.end(), i,
                               [](std::size_t k, const Style& s) { return k < s.end; });
    return it == styles.end() ? styles.back() : *it;
}

ParagraphText flatten(const Inline& runs, Face base, std::string_view lang, Han han, std::vector<std::string>& links) {
    ParagraphText p;
    std::size_t bytes = 0;
    for (const Run& r : runs) bytes += r.text.size();
    p.utf8.reserve(bytes);
    p.text.reserve(bytes);
    p.bytes.reserve(bytes + 1);
    for (const Run& r : runs) {
        ParagraphText::Style style;
        style.face = styled_face(base, r.bold, r.italic);
        if (!r.href.empty()) {
            style.link = static_cast<int>(links.size());
            links.push_back(r.href);
        }
        style.lang = r.lang.empty() ? lang : std::string_view(r.lang);
        style.han = r.lang.empty() ? han : han_for_lang(r.lang);
        const std::size_t at = p.utf8.size();
        p.utf8 += r.text;
        for (std::size_t pos = 0; pos < r.text.size();) {
            p.bytes.push_back(static_cast<std::uint32_t>(at + pos));
            p.text.push_back(utf8::next(r.text, pos));
        }
        style.end = static_cast<std::uint32_t>(p.text.size());
        if (!p.styles.empty() && p.styles.back().face == style.face && p.styles.back().link == style.link &&
            p.styles.back().han == style.han && p.styles.back().lang == style.lang) {
            p.styles.back().end = style.end;  // runs that differ in nothing the layout sees
        } else {
            p.styles.push_back(style);
        }
    }
    p.bytes.push_back(static_cast<std::uint32_t>(p.utf8.size()));
    if (p.styles.empty()) p.styles.push_back(ParagraphText::Style{0, base, -1, han, lang});
    return p;
}

}  // namespace av
