// The typographic rules around any hyphenator (core/text/hyphenation.hpp), with a fake that offers
// a cut between every two letters, so that what is left is exactly what the rules allow.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/text/hyphenation.hpp"

namespace {

struct EveryPoint : av::Hyphenator {
    mutable std::vector<std::u32string> asked;
    void hyphenate(std::string_view, std::u32string_view word, std::vector<std::uint32_t>& out) const override {
        asked.emplace_back(word);
        for (std::uint32_t i = 1; i < word.size(); ++i) out.push_back(i);
    }
};

struct Garbage : av::Hyphenator {  // a broken dictionary: out of range, repeated, unordered
    void hyphenate(std::string_view, std::u32string_view word, std::vector<std::uint32_t>& out) const override {
        out = {0, 5, 3, 3, static_cast<std::uint32_t>(word.size()), 4000};
    }
};

std::vector<std::uint32_t> points(const av::Hyphenator& h, std::u32string_view chunk) {
    return av::hyphenation_points(h, "fr", chunk);
}

}  // namespace

TEST_CASE("hyphenation: what is never cut") {
    EveryPoint h;
    CHECK(points(h, U"court").empty());                      // 5 letters
    CHECK(points(h, U"https://exemple.fr/longue").empty());  // a URL
    CHECK(points(h, U"www.exemple.com").empty());
    CHECK(points(h, U"redaction@exemple.fr").empty());      // an address
    CHECK(points(h, U"exemple.com").empty());                // a host name
    CHECK(points(h, U"1234567").empty());                    // a number
    CHECK(points(h, U"covid19variant").empty());             // a word with a digit
    CHECK(points(h, U"« mot »").empty());                    // letters of a short word, quoted
    CHECK(h.asked.empty());
}

TEST_CASE("hyphenation: two letters on each side, per word of the chunk") {
    EveryPoint h;
    CHECK(points(h, U"partout") == std::vector<std::uint32_t>{2, 3, 4, 5});
    // Punctuation around the word is not a letter: "(partout)," cuts inside "partout" only.
    CHECK(points(h, U"(partout),") == std::vector<std::uint32_t>{3, 4, 5, 6});
    // After an apostrophe, the word is what follows; a sentence's last dot is not a host name.
    CHECK(points(h, U"l’important.") == std::vector<std::uint32_t>{4, 5, 6, 7, 8, 9});
    // Each part of a compound is a word of its own; a part of fewer than 6 letters stays whole.
    CHECK(points(h, U"porte-manteau") == std::vector<std::uint32_t>{8, 9, 10, 11});
    CHECK(h.asked.back() == U"manteau");
    CHECK(points(h, U"Éléphant") == std::vector<std::uint32_t>{2, 3, 4, 5, 6});
}

TEST_CASE("hyphenation: a broken dictionary's points are dropped, not trusted") {
    Garbage h;
    CHECK(points(h, U"anticonstitutionnellement") == std::vector<std::uint32_t>{5});
}
