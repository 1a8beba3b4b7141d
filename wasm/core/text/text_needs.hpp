// Which characters an article draws beyond the base faces, computed once while it loads
// (load_article fills Article::needs): what the platform must fetch (font slices, the text
// engine) and the ui must load. Nobody scans the article's bytes again for it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace av {

struct Article;

// The glyph style of CJK ideographs (and of the punctuation and kana around them), from a
// language tag: docs/text-pipeline.md, "Fonts".
enum class Han : std::uint8_t { zh_hans, zh_hant, ja, ko, count };
Han han_for_lang(std::string_view lang);

// Weight of the face a character is drawn in: regular (serif, italic, sans) or bold.
enum class Weight : std::uint8_t { regular, bold, count };

enum class Face : std::uint8_t;  // core/text_measurer.hpp, which includes this header
constexpr std::uint8_t face_bit(Face face) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(face)); }

struct TextNeeds {
    // Code points outside the base faces' first-paint subsets, sorted and unique, by the weight of
    // the face that draws them and by the Han variant of their text.
    std::array<std::array<std::vector<char32_t>, static_cast<std::size_t>(Han::count)>,
               static_cast<std::size_t>(Weight::count)>
        chars;
    // The first code point of every emoji presentation cluster (👍, ❤️ = U+2764 U+FE0F, 🇫🇷's first
    // regional indicator, 1️⃣'s digit): the emoji font's slice of a sequence is the slice of its
    // first code point. The components (ZWJ, VS16, skin tones, tags, the keycap mark) and the
    // emoji after a ZWJ are not listed: they come with the sequence.
    std::vector<char32_t> emoji;
    bool rich = false;      // some paragraph needs the text engine (docs/text-pipeline.md, "Two paths")
    bool dictionary = false;  // Thai, Lao, Khmer or Myanmar text: the engine needs its word list
    bool extended = false;  // some code point is in the base faces' extended subsets (web: fonts-ext/)
    // The language tags of the text (the article's `lang`, then its blocks' and runs'), lower-cased,
    // each once, in order of appearance: justified text fetches their hyphenation dictionaries.
    std::vector<std::string> languages;
    // The faces the layout draws the article in, one bit per Face (face_bit): the web ships the
    // serif italic and bold italic apart from the first visit (shell/CMakeLists.txt) and fetches
    // them for an article that has bits for them, before its first frame.
    std::uint8_t faces = 0;
    bool needs_face(Face face) const { return (faces & face_bit(face)) != 0; }

    const std::vector<char32_t>& of(Weight w, Han h) const {
        return chars[static_cast<std::size_t>(w)][static_cast<std::size_t>(h)];
    }
    bool empty() const;
};

// The writing systems among the needs, for telling a reader which ones a copy of the viewer without
// the fonts or the engine cannot show: stable keys in this order, each once: "han", "kana",
// "hangul", "arabic", "hebrew", "devanagari", "bengali", "tamil", "thai", "emoji", "symbols" (math,
// arrows, box drawing and anything else beyond the base faces). locale::script_name names them.
std::vector<const char*> needed_scripts(const TextNeeds& needs);

// Computes the needs of a loaded article: every text the layout draws (title, subtitle, byline,
// blocks, and the words the viewer adds in the article's language).
TextNeeds compute_needs(const Article& article);

// compute_needs in parts, for a caller that must not hold the page's thread through a long
// article (ArticleLoad): the header's texts at construction, then the blocks in order, `count` at
// a time, then take(). `article` must outlive it and stay unchanged.
class NeedsScan {
public:
    explicit NeedsScan(const Article& article);
    ~NeedsScan();
    NeedsScan(const NeedsScan&) = delete;
    NeedsScan& operator=(const NeedsScan&) = delete;
    // Scans the next `count` blocks; true once every block is scanned.
    bool add_blocks(std::size_t count);
    std::size_t scanned() const;  // blocks scanned so far
    TextNeeds take();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace av
