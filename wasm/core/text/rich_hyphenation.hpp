// Hyphenation on the rich path (docs/text-pipeline.md, "Justified text"): where the words of a
// paragraph that goes through the engine may take a hyphen. The simple path's rules, through the
// same function (hyphenation_points), so that a French paragraph with one emoji in it is cut
// where the same paragraph without it would be.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/text/hyphenation.hpp"
#include "core/text/itemize.hpp"
#include "core/text/line_breaker.hpp"
#include "core/text/paragraph_text.hpp"
#include "core/text_measurer.hpp"

namespace av {

// A word is hyphenated only when all of it is left-to-right text at the paragraph's level 0 drawn
// by code point (Latin, Greek, Cyrillic, ...): never a word with a right-to-left, CJK, emoji or
// shaped character, nor anything in a right-to-left paragraph, where the hyphen would not end the
// line. Its language is its run's, else the paragraph's (`lang`); cuts fall between grapheme
// clusters. The hyphen is measured in the face of the character before it, as the UI draws it.
class RichHyphenation : public WordHyphenation {
public:
    // Everything given must outlive the object.
    RichHyphenation(const ParagraphText& text, const std::vector<CharInfo>& info, const std::vector<Item>& items,
                    const Hyphenator& hyphenator, std::string_view lang, const TextMeasurer& measurer, float size);
    void points(std::uint32_t begin, std::uint32_t end, std::vector<HyphenPoint>& out) const override;

private:
    const ParagraphText& text_;
    const std::vector<CharInfo>& info_;
    const Hyphenator& hyphenator_;
    std::string_view lang_;
    const TextMeasurer& measurer_;
    float size_;
    std::vector<bool> plain_;  // per character: may be part of a hyphenated word
    mutable std::vector<std::uint32_t> found_;
    mutable float hyphen_[static_cast<std::size_t>(Face::count)] = {};  // 0: not measured yet
};

}  // namespace av
