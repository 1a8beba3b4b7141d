// libhyphen's HyphenDict built from a .dic's text without libhyphen's loader.
//
// Why: hnj_hyphen_load_file keeps every state's string in a hash table of a fixed 31 627 buckets
// and then finds each state's fallback by hashing every suffix of its string. Debian's German
// dictionary (hyph_de_DE.dic, 1.1 MB: 69 000 whole words among its patterns) has 292 000 states:
// chains of ten entries, quadratic work per state, 2 s natively and several seconds in wasm on the
// page's thread (docs/text-pipeline.md, "Hyphenation: loading a dictionary"). The states are the
// nodes of a trie (each is a pattern's prefix, reached from the next shorter one), and a state's
// fallback is the longest proper suffix of its string that is a state: the failure link of the
// Aho-Corasick automaton, which one breadth-first walk of the trie gives in linear time.
//
// HyphenTrie reads the lines exactly as hnj_hyphen_load_line does (the same fields, the same
// quirks: a pattern written twice keeps its last match, the default second level of a file with
// no NEXTLEVEL) into libhyphen's own structures, so hnj_hyphen_hyphenate2 runs on dict()
// unchanged; only the states' numbers differ. Unlike libhyphen's loader it allocates a few arrays
// per level rather than a block per state, transition list and string (300 000 of them for the
// German file): the trie owns them, and dict() must never be given to hnj_hyphen_free.
// tests/text/test_hyphen_dictionaries.cpp walks both loaders' automata side by side for every
// dictionary the viewer ships and checks them equal, field by field.
//
// The text must have passed HyphenDictionaries' check (lines of at most 98 bytes, a known
// encoding...): this reads it as libhyphen would, trusting it as libhyphen does.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

extern "C" {
#include "hyphen.h"
}

namespace av {

class HyphenTrie {
public:
    explicit HyphenTrie(std::string_view text);
    HyphenTrie(const HyphenTrie&) = delete;
    HyphenTrie& operator=(const HyphenTrie&) = delete;

    // The dictionary as libhyphen's functions take it (never null, as libhyphen's loader given
    // any file); valid while the trie lives.
    HyphenDict* dict() { return first_; }
    int states() const;

private:
    struct Level {
        HyphenDict dict{};
        std::vector<HyphenState> states;
        std::vector<HyphenTrans> trans;
        std::unique_ptr<char[]> strings;  // every match, replacement and NOHYPHEN list
    };
    Level levels_[2];
    HyphenDict* first_ = nullptr;
    friend class HyphenTrieBuilder;
};

}  // namespace av
