// A Hyphenator that remembers each word's points (reader settings issue, justified text): layout
// asks for every word of 6 letters or more, once when it measures an article and again each time
// a block's lines are laid out for drawing, and an article repeats its words. On the web each ask
// also crosses into the text module (a second wasm instance: the word copied there, the points
// back), so the cache is on this side of it.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text/hyphenation.hpp"

namespace av {

class HyphenationCache : public Hyphenator {
public:
    // At most this many words are kept (about 2 MB of typical words); past it the cache starts over.
    static constexpr std::size_t max_words = 50000;

    // Asks `inner` (null: nothing is ever found) for the words not seen since the last reset.
    explicit HyphenationCache(const Hyphenator* inner = nullptr) : inner_(inner) {}
    // A new hyphenator, or the same one with new dictionaries (a language that had none has one
    // now): what was remembered may be wrong, so it is forgotten.
    void reset(const Hyphenator* inner);
    const Hyphenator* inner() const { return inner_; }

    void hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const override;

    std::size_t size() const { return words_.size(); }
    std::size_t asked() const { return asked_; }  // words `inner` was asked for since the last reset

private:
    const Hyphenator* inner_;
    // Key: the language, U+0000, the word.
    mutable std::unordered_map<std::u32string, std::vector<std::uint32_t>> words_;
    mutable std::u32string key_;
    mutable std::size_t asked_ = 0;
};

}  // namespace av
