// Word boundaries inside Thai text, as ICU's dictionary break engine for Thai finds them, so that
// lines break where Intl.Segmenter('th') in the browser puts word boundaries (docs/text-pipeline.md,
// "Line-break tailoring"). UAX #14 gives no break opportunity inside runs of class SA; the text
// engine asks this class for the boundaries inside them.
//
// The word list is ICU's own (brkitr/thaidict.dict), compiled at build time into our format by
// build_thai_dictionary.py, which documents it. The algorithm is ICU's ThaiBreakEngine, written
// anew from its description: at each position take the dictionary words that start there; among
// several, prefer one that is followed by a word that is itself followed by a word (three words
// of look-ahead); run stretches that start no dictionary word into the word before (when that word
// is short) up to a plausible word start; never end a word before a combining mark; attach ฯ and
// ๆ to the word before. Standard C++ only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace av {

class ThaiBreaker {
public:
    // Reads a dictionary file (format 1). On any problem (truncated, another version, corrupt)
    // returns nothing and sets `error` to what is wrong and where ("byte 1234: ...").
    static std::optional<ThaiBreaker> load(const std::uint8_t* bytes, std::size_t size, std::string& error);

    // Whether ICU's Thai engine handles `cp`: Thai script and line break class SA
    // (U+0E01..U+0E3A, U+0E40..U+0E4E; not the digits, ฿, ๏, ๚, ๛).
    static bool handles(char32_t cp) { return (cp >= 0x0E01 && cp <= 0x0E3A) || (cp >= 0x0E40 && cp <= 0x0E4E); }

    // Appends to `out`, in increasing order, the word boundaries strictly inside the runs of
    // characters that handles() accepts within text[begin, end): indexes into `text` of the first
    // character of each word but the run's first. The characters around a run do not change its
    // boundaries (ICU's range for Thai is the same run), and nothing outside [begin, end) is read.
    // Runs of 4 characters or fewer get no boundary (ICU: too short for two words of two).
    void find_breaks(std::u32string_view text, std::size_t begin, std::size_t end, std::vector<std::size_t>& out) const;

    std::size_t word_count() const { return word_count_; }
    // The data's source and the license notice that must go with it (UTF-8), from the file.
    const std::string& notice() const { return notice_; }

private:
    // The dictionary words that start at a position, shortest first, as ICU's matcher reports
    // them: `examined` counts the characters looked at before the trie said no more, including the
    // one it refused (ICU's "longest prefix", used as such by the algorithm).
    struct Candidates {
        static constexpr int max_words = 20;
        int count = 0;
        int examined = 0;
        std::array<std::uint8_t, max_words> lengths{};
        int longest() const { return lengths[count - 1]; }
    };
    class Run;

    ThaiBreaker() = default;
    void match(const char32_t* run, std::size_t length, Candidates& out) const;

    // The words' trie, nodes in preorder; a node's first child, if any, is the next node and its
    // siblings follow through next_sibling_ in increasing letter order. Node 0 is unused.
    static constexpr std::uint8_t is_word = 1;
    static constexpr std::uint8_t has_child = 2;
    std::vector<std::uint8_t> letter_;  // code point - U+0E00
    std::vector<std::uint8_t> flags_;
    std::vector<std::uint32_t> next_sibling_;       // 0: the last child
    std::array<std::uint32_t, 128> first_level_{};  // the node of a one-letter prefix, by letter
    std::size_t word_count_ = 0;
    std::string notice_;
};

}  // namespace av
