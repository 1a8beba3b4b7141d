// Layout's measurements of the words of one inline (layout.cpp). Kept apart from the line
// breaking: it is where the speed of measuring lives (BENCHMARKS.md, "Load").
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "text_measurer.hpp"
#include "utf8.hpp"

namespace av {

// Measures the pieces of one inline at one size. Where the measurer lends its advance table
// (TextMeasurer::advances) and the table knows every character, the width is added up here, the
// way width() would add it; otherwise width() is asked. Calling width() once per word was a fifth
// of a layout (BENCHMARKS.md, "Load").
class PieceMeasurer {
public:
    PieceMeasurer(const TextMeasurer& m, float size) : m_(m), size_(size) {}

    float width(std::string_view text, Face face) {
        const auto k = static_cast<std::size_t>(face);
        if (!fetched_[k]) {
            tables_[k] = m_.advances(face, size_);
            fetched_[k] = true;
        }
        const AdvanceTable& t = tables_[k];
        float w = 0;
        for (std::size_t i = 0; i < text.size();) {
            char32_t c = static_cast<unsigned char>(text[i]);
            if (c < 0x80) {
                ++i;
                if (c == '\n' || c == '\r') return ask(text, face);
            } else if (c >= 0xC2 && c <= 0xDF && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
                c = ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);  // é, à, ç: two bytes
                i += 2;
            } else {
                c = utf8::next(text, i);
                // U+FFFD may stand for a broken sequence; above U+FFFF, ImGui may draw U+FFFD.
                if (c == 0xFFFD || c > 0xFFFF) return ask(text, face);
            }
            if (c >= t.count || t.advance[c] < 0) return ask(text, face);
            w += t.advance[c] * t.scale;
        }
        return w;
    }

private:
    float ask(std::string_view text, Face face) {
        // width() may load glyphs, which may move any table: each is fetched again when next used.
        fetched_.fill(false);
        return m_.width(text, face, size_);
    }

    const TextMeasurer& m_;
    float size_;
    std::array<AdvanceTable, static_cast<std::size_t>(Face::count)> tables_{};
    std::array<bool, static_cast<std::size_t>(Face::count)> fetched_{};
};

}  // namespace av
