// Step 0 of the rich-text pipeline (docs/text-pipeline.md): an inline's runs as one UTF-32 text,
// with the style of each stretch and where each character is in the UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.hpp"
#include "core/text/text_needs.hpp"
#include "core/text_measurer.hpp"

namespace av {

struct ParagraphText {
    struct Style {
        std::uint32_t end = 0;  // characters: the style holds up to here
        Face face = Face::serif;
        int link = -1;          // index into the layout's links, or -1
        Han han = Han::zh_hans;
        std::string_view lang;  // the run's own language, else the paragraph's
    };
    std::u32string text;
    std::string utf8;                  // the runs joined
    std::vector<std::uint32_t> bytes;  // UTF-8 offset of each character, and of the end
    std::vector<Style> styles;         // in order, covering the text

    // The style of character `i` (a binary search).
    const Style& style_at(std::size_t i) const;
};

// `links` receives the runs' link targets (as break_lines does); `lang` and `han` are the
// paragraph's. `face_of(bold, italic)` picks the face of a run.
ParagraphText flatten(const Inline& runs, Face base, std::string_view lang, Han han, std::vector<std::string>& links);

// Face of a run drawn in `base` with its own bold and italic flags.
Face styled_face(Face base, bool bold, bool italic);
inline bool is_bold(Face f) { return f == Face::serif_bold || f == Face::serif_bold_italic || f == Face::sans_bold; }

}  // namespace av
