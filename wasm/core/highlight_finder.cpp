#include "highlight_finder.hpp"

#include <algorithm>

#include "highlight_item_json.hpp"
#include "reading_position.hpp"
#include "utf8.hpp"

namespace av {

namespace {

constexpr int full_side = static_cast<int>(highlight_context_chars);
// A quote that occurs more often than this is not looked at further (a one-letter quote in a long
// article): it is lost rather than making the open slow.
constexpr std::size_t max_occurrences = 20000;

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Byte offset of code point `cp` in `text` (its size when past the end).
std::size_t byte_at(std::string_view text, std::size_t cp) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < cp && pos < text.size(); ++i) utf8::next(text, pos);
    return pos;
}

// Up to highlight_context_chars code points before byte `pos` / from byte `pos` on.
std::string before(std::string_view text, std::size_t pos) {
    std::size_t from = pos;
    for (std::size_t n = 0; n < highlight_context_chars && from > 0; ++n) {
        --from;
        while (from > 0 && continuation(text[from])) --from;
    }
    return std::string(text.substr(from, pos - from));
}
std::string after(std::string_view text, std::size_t pos) {
    std::size_t end = pos;
    for (std::size_t n = 0; n < highlight_context_chars && end < text.size(); ++n) utf8::next(text, end);
    return std::string(text.substr(pos, end - pos));
}

// How much of the stored context the text has: the same context (the same words up to the same
// block edge, or 32 characters of them) counts full; else the characters that agree next to the
// quote.
int prefix_agreement(const std::string& stored, const std::string& actual) {
    if (stored == actual) return full_side;
    std::size_t common = 0;
    while (common < stored.size() && common < actual.size() &&
           stored[stored.size() - 1 - common] == actual[actual.size() - 1 - common])
        ++common;
    std::string_view tail = std::string_view(actual).substr(actual.size() - common);
    while (!tail.empty() && continuation(tail.front())) tail.remove_prefix(1);  // whole characters only
    return static_cast<int>(utf8::length(tail));
}
int suffix_agreement(const std::string& stored, const std::string& actual) {
    if (stored == actual) return full_side;
    std::size_t common = 0;
    while (common < stored.size() && common < actual.size() && stored[common] == actual[common]) ++common;
    while (common > 0 && common < actual.size() && continuation(actual[common])) --common;
    return static_cast<int>(utf8::length(std::string_view(actual).substr(0, common)));
}

// The context a quote of `chars` characters needs to be taken as the same words: a long quote is
// its own evidence; a short one must also sit among the same words. At the highlight's own place
// (same block id, same offset) the words there are already the evidence.
int needed(std::size_t chars, bool same_place) {
    if (same_place) return chars >= 4 ? 0 : 16;
    if (chars >= 32) return 0;
    if (chars >= 4) return 16;
    return 48;
}

}  // namespace

HighlightFinder::HighlightFinder(const Article& article, std::string digest)
    : article_(article),
      digest_(std::move(digest)),
      texts_(article.blocks.size()),
      built_(article.blocks.size(), false) {}

const std::string& HighlightFinder::text(int block) {
    const auto b = static_cast<std::size_t>(block);
    if (!built_[b]) {
        texts_[b] = block_text(article_.blocks[b]);
        built_[b] = true;
    }
    return texts_[b];
}

std::string HighlightFinder::describe(Highlight& h) {
    const std::size_t count = article_.blocks.size();
    if (h.block < 0 || static_cast<std::size_t>(h.block) >= count)
        return "block " + std::to_string(h.block) + " does not exist (the article has " + std::to_string(count) +
               (count == 1 ? " block)" : " blocks)");
    if (h.start >= h.end)
        return "the range " + std::to_string(h.start) + ".." + std::to_string(h.end) + " of block " +
               std::to_string(h.block) + " is empty";
    const std::string& t = text(h.block);
    const std::size_t chars = utf8::length(t);
    if (h.end > chars)
        return "end " + std::to_string(h.end) + " is past the end of block " + std::to_string(h.block) + " (" +
               std::to_string(chars) + " characters)";
    const std::size_t from = byte_at(t, h.start);
    const std::size_t to = from + byte_at(std::string_view(t).substr(from), h.end - h.start);
    h.quote = t.substr(from, to - from);
    if (h.quote.find_first_not_of(" \t\n\r") == std::string::npos)
        return "the range " + std::to_string(h.start) + ".." + std::to_string(h.end) + " of block " +
               std::to_string(h.block) + " holds only spaces";
    h.prefix = before(t, from);
    h.suffix = after(t, to);
    h.block_id = article_.blocks[static_cast<std::size_t>(h.block)].id;
    h.digest = digest_;
    h.lost = false;
    return {};
}

bool HighlightFinder::occurrences(const Highlight& h, int block, bool home_by_id, std::vector<Occurrence>& out) {
    const std::string& t = text(block);
    std::size_t chars = 0, counted = 0;  // code points before byte `counted`
    for (std::size_t at = t.find(h.quote); at != std::string::npos; at = t.find(h.quote, at + 1)) {
        if (++looked_ > max_occurrences) return false;
        chars += utf8::length(std::string_view(t).substr(counted, at - counted));
        counted = at;
        Occurrence o;
        o.block = block;
        o.start = static_cast<std::uint32_t>(chars);
        o.home_by_id = home_by_id;
        o.same_place = home_by_id && o.start == h.start;
        o.prefix = before(t, at);
        o.suffix = after(t, at + h.quote.size());
        o.score = prefix_agreement(h.prefix, o.prefix) + suffix_agreement(h.suffix, o.suffix);
        out.push_back(std::move(o));
    }
    return true;
}

Highlight HighlightFinder::place(Highlight h, const Occurrence& at) const {
    h.block = at.block;
    h.end = at.start + (h.end - h.start);
    h.start = at.start;
    h.block_id = article_.blocks[static_cast<std::size_t>(at.block)].id;
    h.prefix = at.prefix;
    h.suffix = at.suffix;
    h.digest = digest_;
    h.lost = false;
    return h;
}

Highlight HighlightFinder::find(Highlight h) {
    const int count = static_cast<int>(article_.blocks.size());
    h.lost = false;
    if (h.quote.empty()) {
        h.lost = true;
        return h;
    }
    // The same text: where it was, provided the quote is still there (a record written by hand, or
    // a digest collision, is not trusted blindly).
    if (h.digest == digest_ && h.block >= 0 && h.block < count) {
        const std::string& t = text(h.block);
        const std::size_t from = byte_at(t, h.start);
        if (t.compare(from, h.quote.size(), h.quote) == 0 && utf8::length(h.quote) == h.end - h.start) return h;
    }
    looked_ = 0;
    const int home_by_id = h.block_id.empty() ? -1 : find_block(article_, h.block_id);
    std::vector<Occurrence> found;
    if (home_by_id >= 0) {
        if (!occurrences(h, home_by_id, true, found)) {
            h.lost = true;
            return h;
        }
        // The same words among the same context in the block of the same id: nothing else can be
        // a better match.
        const auto full =
            std::count_if(found.begin(), found.end(), [](const Occurrence& o) { return o.score == 2 * full_side; });
        if (full == 1)
            return place(h, *std::find_if(found.begin(), found.end(),
                                          [](const Occurrence& o) { return o.score == 2 * full_side; }));
    }
    for (int b = 0; b < count; ++b) {
        if (b == home_by_id) continue;
        if (!occurrences(h, b, false, found)) {
            h.lost = true;
            return h;
        }
    }
    // The best agreement wins; between equals, the one at the highlight's own place, then one in
    // its own block; any other tie is a guess, and a guess is never taken.
    auto better = [](const Occurrence& a, const Occurrence& b) {
        if (a.score != b.score) return a.score > b.score;
        if (a.same_place != b.same_place) return a.same_place;
        return a.home_by_id && !b.home_by_id;
    };
    std::sort(found.begin(), found.end(), better);
    if (found.empty() || (found.size() > 1 && !better(found[0], found[1]))) {
        h.lost = true;
        return h;
    }
    const Occurrence& best = found[0];
    if (best.score < needed(h.end - h.start, best.same_place)) {
        h.lost = true;
        return h;
    }
    return place(h, best);
}

Highlight reanchor(const Article& article, const std::string& digest, Highlight h) {
    HighlightFinder finder(article, digest);
    return finder.find(std::move(h));
}

}  // namespace av
