#include "text_input.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/text_needs.hpp"
#include "core/utf8.hpp"

// The byte format. Three header bytes (missing ones read as 0):
//   [0] viewport width: 24 + 8 * byte px
//   [1] low nibble: font size (size_steps); bits 4-5: the block's dir (inherit, auto, ltr, rtl);
//       bit 6: the article's dir is rtl (else auto); bit 7: justified (total fit, no hyphenation)
//   [2] low nibble: the block's language, high nibble: the article's (languages)
// then tokens, by their first byte:
//   0x00-0x7F  a code point of script table (byte % tables), index from the next two bytes
//   0x80-0x9F  one of the controls (bidi controls, joiners, spaces, line breaks, ...)
//   0xA0-0xBF  one of the sequences (emoji ZWJ sequences, flags, keycaps, words of each script)
//   0xC0-0xDF  repeat: the last (1 + next % 8) code points, (byte & 31) + 4 * next-next times
//              (past max_plain code points only for units of one or two: text_input.hpp)
//   0xE0-0xEF  a new run: bit 0 bold, bit 1 italic, bit 2 a link, bit 3 its own language (next byte)
//   0xF0-0xFF  a code point of the last table used, at (next * size / 256 + (byte & 15))
namespace av::fuzz {

namespace {

struct Range {
    char32_t first, last;
};

struct Table {
    std::vector<Range> ranges;
    std::uint32_t size() const {
        std::uint32_t n = 0;
        for (const Range& r : ranges) n += static_cast<std::uint32_t>(r.last - r.first + 1);
        return n;
    }
    char32_t at(std::uint32_t index) const {
        index %= size();
        for (const Range& r : ranges) {
            const auto n = static_cast<std::uint32_t>(r.last - r.first + 1);
            if (index < n) return r.first + index;
            index -= n;
        }
        return ranges.front().first;
    }
};

const std::vector<Table>& tables() {
    static const std::vector<Table> t = {
        {{{0x41, 0x5A}, {0x61, 0x7A}, {0x30, 0x39}, {0x21, 0x2F}, {0xC0, 0x24F}}},             // Latin
        {{{0x370, 0x3FF}, {0x400, 0x4FF}, {0x250, 0x2AF}, {0x1F00, 0x1FFF}, {0x1D00, 0x1DBF}}},  // Greek, Cyrillic, IPA
        {{{0x300, 0x36F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20FF}, {0xFE20, 0xFE2F}}},  // combining marks
        {{{0x591, 0x5F4}, {0xFB1D, 0xFB4F}}},                                                  // Hebrew with points
        {{{0x600, 0x6FF}, {0x750, 0x77F}, {0x8A0, 0x8FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}}},  // Arabic
        // Persian and Urdu letters, their digits, the harakat
        {{{0x67E, 0x67E}, {0x686, 0x686}, {0x698, 0x698}, {0x6A9, 0x6A9}, {0x6AF, 0x6AF}, {0x6CC, 0x6CC},
          {0x679, 0x679}, {0x688, 0x688}, {0x691, 0x691}, {0x6BA, 0x6BA}, {0x6BE, 0x6BE}, {0x6C1, 0x6C1},
          {0x6D2, 0x6D4}, {0x6F0, 0x6F9}, {0x621, 0x63A}, {0x641, 0x64A}, {0x64B, 0x652}, {0x670, 0x670}}},
        {{{0x900, 0x97F}, {0xA8E0, 0xA8FF}}},                                                  // Devanagari
        {{{0x980, 0x9FF}}},                                                                    // Bengali
        {{{0xB80, 0xBFF}}},                                                                    // Tamil
        {{{0xE01, 0xE5B}}},                                                                    // Thai
        {{{0xE80, 0xEFF}, {0x1780, 0x17FF}, {0x1000, 0x109F}}},                                // Lao, Khmer, Myanmar
        {{{0x4E00, 0x9FFF}, {0x3400, 0x4DBF}, {0x20000, 0x2A6DF}, {0xF900, 0xFAFF}}},          // Han
        {{{0x3000, 0x30FF}, {0x31F0, 0x31FF}, {0xFF00, 0xFFEF}, {0x3100, 0x312F}}},            // kana, CJK punctuation, fullwidth
        {{{0xAC00, 0xD7A3}, {0x1100, 0x11FF}, {0x3130, 0x318F}}},                              // Hangul
        {{{0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x2600, 0x27BF}}},  // emoji
        // emoji components: ZWJ, VS15/16, keycap, skin tones, tags, hair, gender and profession signs,
        // regional indicators, keycap bases
        {{{0x200D, 0x200D}, {0xFE0E, 0xFE0F}, {0x20E3, 0x20E3}, {0x1F3FB, 0x1F3FF}, {0xE0020, 0xE007F},
          {0x1F9B0, 0x1F9B3}, {0x2640, 0x2640}, {0x2642, 0x2642}, {0x2695, 0x2695}, {0x2708, 0x2708},
          {0x2764, 0x2764}, {0x1F1E6, 0x1F1FF}, {0x23, 0x23}, {0x2A, 0x2A}, {0x30, 0x39}}},
        // symbols: punctuation, currency, letterlike, arrows, math, technical, boxes, shapes, math
        // letters, private use, specials, noncharacters
        {{{0x2010, 0x205E}, {0x20A0, 0x20CF}, {0x2100, 0x218F}, {0x2190, 0x23FF}, {0x2500, 0x25FF},
          {0x2B00, 0x2BFF}, {0x1D400, 0x1D7FF}, {0xE000, 0xE0FF}, {0xFFF0, 0xFFFD}, {0xFDD0, 0xFDEF},
          {0x1FFFE, 0x1FFFF}, {0x10FFFE, 0x10FFFF}}},
        // other scripts (some with no font here): Syriac, Thaana, N'Ko, Armenian, Georgian,
        // Ethiopic, Tibetan, Mongolian, Sinhala, Gurmukhi, Gujarati, Telugu to Malayalam, Cherokee,
        // Phoenician and Adlam (right to left), unassigned, CJK extension G, variation selectors
        {{{0x700, 0x74F}, {0x780, 0x7BF}, {0x7C0, 0x7FF}, {0x530, 0x58F}, {0x10A0, 0x10FF}, {0x1200, 0x137F},
          {0xF00, 0xFFF}, {0x1800, 0x18AF}, {0xD80, 0xDFF}, {0xA00, 0xAFF}, {0xC00, 0xD7F}, {0x13A0, 0x13FF},
          {0x10900, 0x1091F}, {0x1E900, 0x1E95F}, {0x378, 0x379}, {0x2FE0, 0x2FEF}, {0x30000, 0x3134F},
          {0xE0100, 0xE01EF}}},
        // brackets, quotes, digits and the neutrals bidi resolves around them
        {{{0x28, 0x29}, {0x5B, 0x5D}, {0x7B, 0x7D}, {0x3C, 0x3E}, {0xAB, 0xAB}, {0xBB, 0xBB}, {0x2039, 0x203A},
          {0x300C, 0x300F}, {0x3008, 0x3011}, {0x2018, 0x201F}, {0x30, 0x39}, {0x660, 0x66C}, {0x2C, 0x2F},
          {0x25, 0x25}, {0x2B, 0x2B}, {0x24, 0x24}, {0x20AC, 0x20AC}, {0x2212, 0x2212}}},
    };
    return t;
}

// Controls the loader lets through ('\n' is the only C0 one it keeps).
constexpr std::array<char32_t, 32> controls = {
    0x20,   0x20,   0x0A,   0xA0,   0x85,   0x2028, 0x2029, 0x200B,  // spaces, line and paragraph breaks
    0x200C, 0x200D, 0x200E, 0x200F, 0x061C,                          // ZWNJ, ZWJ, LRM, RLM, ALM
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E,                          // LRE, RLE, PDF, LRO, RLO
    0x2066, 0x2067, 0x2068, 0x2069,                                  // LRI, RLI, FSI, PDI
    0xFE0E, 0xFE0F, 0xAD,   0x2060, 0xFEFF, 0x3000, 0x34F, 0x1680, 0x180E, 0x2009,
};

// Whole sequences: what random code points rarely make.
const std::array<std::u32string_view, 32> sequences = {
    U"👨\u200D👩\u200D👧\u200D👦", U"👩🏽\u200D🚀", U"🧑🏿\u200D🤝\u200D🧑🏻", U"🏳️\u200D🌈", U"🏴\u200D☠️",
    U"🇫🇷", U"🇯🇵🇸🇦🇮🇱", U"1️⃣", U"#️⃣", U"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
    U"👍🏽", U"❤️", U"☀\uFE0E", U"👩\u200D❤️\u200D💋\u200D👨",
    U"שָׁלוֹם עוֹלָם", U"בְּרֵאשִׁית", U"مَرْحَبًا بِالْعَالَمِ", U"لا إله", U"می‌خواهم", U"اردو زبان ہے۔",
    U"क्षत्रिय", U"हिन्दी", U"বাংলা ভাষা", U"ஸ்ரீ தமிழ்", U"ภาษาไทยง่ายนิดเดียว", U"ก\u0E31\u0E49\u0E48",
    U"日本語の文章です。", U"「かぎ括弧」――……", U"한국어 문장", U"繁體中文，測試。", U"abc ١٢٣ def", U"(\u05D0[b]\u05D1)",
};

constexpr std::array<float, 16> size_steps = {6, 8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 40, 48, 64, 100, 200};

constexpr std::array<const char*, 16> languages = {"en", "ja", "zh-Hans", "zh-Hant", "ko", "ar", "fa", "ur",
                                                   "he", "hi", "bn", "ta", "th", "fr", "ru", "zh-HK"};

constexpr TextDirection directions[] = {TextDirection::inherit, TextDirection::auto_, TextDirection::ltr,
                                        TextDirection::rtl};

class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool done() const { return pos_ >= size_; }
    std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

}  // namespace

TextInput decode_text_input(const std::uint8_t* data, std::size_t size) {
    Reader in(data, size);
    TextInput out;
    out.viewport_width = 24.0f + 8.0f * in.byte();
    const std::uint8_t shape = in.byte();
    out.font_size = size_steps[shape & 15];
    const std::uint8_t langs = in.byte();

    Article& a = out.article;
    a.format = "article/1.1";
    a.id = "fuzz";
    a.title = "Fuzz";
    a.lang = languages[langs >> 4];
    a.dir = (shape & 0x40) ? TextDirection::rtl : TextDirection::auto_;
    out.justify = (shape & 0x80) != 0;
    Block block;
    block.type = BlockType::paragraph;
    block.lang = languages[langs & 15];
    block.dir = directions[(shape >> 4) & 3];

    // The code points so far (for repeats) and the runs they are cut into.
    std::u32string text;
    std::vector<std::size_t> run_starts{0};
    Inline& runs = block.text;
    runs.emplace_back();
    std::size_t last_table = 0;
    auto add = [&](char32_t c, std::size_t limit = max_plain) {
        if (text.size() < limit) text += c;
    };
    while (!in.done() && text.size() < max_chars) {
        const std::uint8_t op = in.byte();
        if (op < 0x80) {
            last_table = op % tables().size();
            const auto index = static_cast<std::uint32_t>(in.byte() << 8 | in.byte());
            add(tables()[last_table].at(index));
        } else if (op < 0xA0) {
            add(controls[op - 0x80]);
        } else if (op < 0xC0) {
            for (char32_t c : sequences[op - 0xA0]) add(c);
        } else if (op < 0xE0) {
            const std::size_t length = std::min<std::size_t>(1 + in.byte() % 8, text.size() - run_starts.back());
            const std::size_t times = (op & 31u) + 4u * in.byte();
            const std::u32string unit = text.substr(text.size() - length);
            const std::size_t limit = length <= 2 ? max_chars : max_plain;  // a long cluster, or text
            for (std::size_t i = 0; i < times && text.size() < limit; ++i)
                for (char32_t c : unit) add(c, limit);
        } else if (op < 0xF0) {
            if (text.size() == run_starts.back()) runs.pop_back();  // an empty run: replaced
            else run_starts.push_back(text.size());
            Run run;
            run.bold = op & 1;
            run.italic = op & 2;
            if (op & 4) run.href = "https://example.org/";
            if (op & 8) run.lang = languages[in.byte() & 15];
            runs.push_back(std::move(run));
        } else {
            const Table& t = tables()[last_table];
            add(t.at(static_cast<std::uint32_t>(in.byte()) * t.size() / 256 + (op & 15u)));
        }
    }
    // Each run's text, in UTF-8.
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const std::size_t end = r + 1 < run_starts.size() ? run_starts[r + 1] : text.size();
        for (std::size_t i = run_starts[r]; i < end; ++i) utf8::append(runs[r].text, text[i]);
    }
    a.blocks.push_back(std::move(block));
    a.needs = compute_needs(a);
    return out;
}

}  // namespace av::fuzz
