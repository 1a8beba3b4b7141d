#include "justify_gaps.hpp"

#include <algorithm>

#include "core/text/text_class.hpp"

namespace av {

void justification_opportunities(std::u32string_view text, const std::vector<CharInfo>& info,
                                 const std::vector<float>& advance, std::uint32_t begin, std::uint32_t end, bool spaced,
                                 std::vector<JustifyOpportunity>& out) {
    out.clear();
    end = std::min({end, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(info.size()),
                    static_cast<std::uint32_t>(advance.size())});
    enum class Kind : std::uint8_t { space, cjk, other };
    bool have_prev = false;
    Kind prev = Kind::other;
    std::uint32_t prev_last = 0;  // the last character of the previous cluster that has a width
    for (std::uint32_t k = begin; k < end;) {
        std::uint32_t next = k + 1;
        while (next < end && !(info[next].flags & char_flags::cluster_start)) ++next;
        float w = 0;
        for (std::uint32_t i = k; i < next; ++i) w += advance[i];
        const char32_t c = text[k];
        Kind kind = Kind::other;
        if (c == U' ')
            kind = Kind::space;
        else if ((text_class_of(c) & text_class::han) && !(spaced && info[k].script == script_tag("Hang")))
            kind = Kind::cjk;
        if (kind == Kind::space || w > 0) {
            if (have_prev && prev != Kind::space && kind != Kind::space && (prev == Kind::cjk || kind == Kind::cjk))
                out.push_back(JustifyOpportunity{prev_last, k, false});
            have_prev = true;
            prev = kind;
            prev_last = next - 1;
        }
        for (std::uint32_t i = k; i < next; ++i)
            if (text[i] == U' ') out.push_back(JustifyOpportunity{i, i + 1, true});
        k = next;
    }
}

bool justification_gaps(std::u32string_view text, const std::vector<CharInfo>& info, const std::vector<float>& advance,
                        std::uint32_t begin, std::uint32_t end, std::vector<std::uint32_t>& out) {
    out.clear();
    end = std::min({end, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(info.size()),
                    static_cast<std::uint32_t>(advance.size())});
    if (begin >= end) return false;
    const bool spaced = std::find(text.begin() + begin, text.begin() + end, U' ') != text.begin() + end;
    std::vector<JustifyOpportunity> found;
    justification_opportunities(text, info, advance, begin, end, spaced, found);
    bool between = false;
    for (const JustifyOpportunity& o : found) {
        out.push_back(o.at);
        between = between || !o.space;
    }
    return between;
}

}  // namespace av
