// Reading aloud (README, "Read aloud"): what the speech engine is given, in what pieces, and how
// its answers (where it is in a piece) point back into the article's text.
//
// The text is cut into utterances of about a sentence each, so pausing, resuming and the reading
// position are as fine as a sentence even on engines that give no word boundaries. Each utterance
// lies inside one block and one language, and is a range of that block's block_text (or, block -1,
// of header_text): the words marked on screen are the ones spoken.
//
// What is read: the title and subtitle, headings, paragraphs, quotes, list items and image
// captions: the article's own text. Not read: words the viewer adds (labels, list markers), the
// byline, a quote's attribution, an image's alt text and credit, related links, tags, callouts
// (the site's boxes: a newsletter, "join the discussion"; they count no reading time either) and
// the sponsored block, unless the reader asks for it (ReaderSettings::read_sponsored).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"
#include "reading_position.hpp"

namespace av {

struct Utterance {
    int block = -1;           // -1: the header (title, subtitle)
    std::uint32_t begin = 0;  // code points of block_text (or header_text)
    std::uint32_t end = 0;    // exclusive
    std::string text;         // those code points, as UTF-8: what is spoken
    std::string lang;         // BCP 47: the run's, else the block's, else the article's
};

struct SpeechOptions {
    bool sponsored = false;  // read the sponsored blocks too
    // A sentence longer than this (code points) is cut at a comma, a semicolon or a space before
    // it: some engines stop in the middle of a long utterance (Chrome's after about 15 s).
    std::uint32_t max_length = 280;
};

// Whether block `block` (-1: the header) has text that is read aloud.
bool is_spoken(const Article& article, int block, const SpeechOptions& options);

// Every utterance of block `block` (-1: the header), in reading order; none for a block that is
// not read.
std::vector<Utterance> block_utterances(const Article& article, int block, const SpeechOptions& options);

// The utterance to speak from `from`: the one of block `from.block` that has the code point at
// `from.offset` (or the first after it), else the first of the next blocks that are read. None at
// the end of the article. Starting from the end of an utterance gives the one after it.
std::optional<Utterance> utterance_from(const Article& article, Anchor from, const SpeechOptions& options);

// Code points of `utf8` before UTF-16 unit `utf16_index` (a speech boundary event's charIndex):
// an index inside a surrogate pair counts the pair's character as before it; an index past the
// end gives the length.
std::uint32_t code_points_before_utf16(std::string_view utf8, std::uint32_t utf16_index);

// The range of the block that a boundary event names: `char_index` and `char_length` in UTF-16
// units of `spoken.text` (length 0 when the engine gives none: the word there). Always inside
// the utterance.
std::pair<std::uint32_t, std::uint32_t> spoken_range(const Utterance& spoken, std::uint32_t char_index,
                                                     std::uint32_t char_length);

}  // namespace av
