// Hyphenation with libhyphen (Debian's `hyphen` source, built as av_hyphen) and the dictionaries
// Debian ships (hyph_fr.dic, hyph_en_US.dic, ...; README "Hyphenation"): core's Hyphenator for
// justified text. The same code natively and in the web's text module.
//
// Dictionaries are loaded from bytes: the web fetches them, the desktop reads them. They are read
// into libhyphen's own structure by hyphen_trie_loader.hpp rather than by hnj_hyphen_load_file,
// whose hash table made Debian's German dictionary take seconds (see there).
//
// libhyphen trusts its file: a line longer than its 100-byte buffer, an empty NOHYPHEN list or a
// pattern that reaches before the word overflow its arrays. load() checks the bytes first and
// refuses such a file with a reason; the words it hyphenates are letters only, so no malformed
// replacement pattern (whose word has other characters) can ever match.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/hyphenation.hpp"

namespace av {

class HyphenDictionaries final : public Hyphenator {
public:
    HyphenDictionaries();
    ~HyphenDictionaries() override;
    HyphenDictionaries(const HyphenDictionaries&) = delete;
    HyphenDictionaries& operator=(const HyphenDictionaries&) = delete;

    // Loads the dictionary `name` (its file's name without "hyph_" and ".dic": "fr", "en_US")
    // from `size` bytes, replacing one of that name. False, with `error` (one line, the name and
    // the reason), when the bytes are not a dictionary libhyphen can use safely; the dictionaries
    // already loaded stay.
    bool load(std::string_view name, const unsigned char* bytes, std::size_t size, std::string& error);

    // The names of the dictionaries loaded, sorted.
    std::vector<std::string> names() const;
    // The dictionary `lang` (BCP 47) is hyphenated with: the first of hyphen_dictionary_names(lang)
    // that is loaded; "" when none is.
    std::string dictionary_for(std::string_view lang) const;

    // Hyphenator: libhyphen's points for `word` (lower-cased, in the dictionary's encoding), with
    // the dictionary's own minimums, in code-point offsets. Nothing for a language without a
    // dictionary, a word with a character that is not a letter or that the dictionary's encoding
    // cannot hold, or a word longer than 100 code points.
    void hyphenate(std::string_view lang, std::u32string_view word, std::vector<std::uint32_t>& out) const override;

private:
    struct Dictionary;
    std::map<std::string, std::unique_ptr<Dictionary>, std::less<>> dictionaries_;
    mutable std::map<std::string, const Dictionary*, std::less<>> by_lang_;  // dictionary_for, remembered
    const Dictionary* find(std::string_view lang) const;
};

}  // namespace av
