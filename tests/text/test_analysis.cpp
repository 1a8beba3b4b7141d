// analyze(): scripts (Common and Inherited resolved), emoji clusters, grapheme clusters and bidi
// levels on small paragraphs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/hb_text_engine.hpp"
#include "text_test_support.hpp"

namespace {

std::vector<av::CharInfo> analyze(const std::u32string& text, av::BaseDirection dir = av::BaseDirection::ltr,
                                  const char* lang = "und") {
    static const av::HbTextEngine engine;
    std::vector<av::CharInfo> info;
    engine.analyze(text, dir, lang, info);
    REQUIRE(info.size() == text.size());
    return info;
}

// One letter per code point: the first letter of its script's tag ("Arab" -> 'A', "Zyyy" -> 'Z').
std::string scripts(const std::string& text) {
    std::string out;
    for (const auto& c : analyze(av::test::u32(text))) {
        const char tag[5] = {static_cast<char>(c.script >> 24), static_cast<char>(c.script >> 16),
                             static_cast<char>(c.script >> 8), static_cast<char>(c.script), 0};
        out += std::string(tag) + " ";
    }
    return out.substr(0, out.empty() ? 0 : out.size() - 1);
}

// 'e' for a code point in an emoji cluster, '.' otherwise.
std::string emoji(const std::string& text) {
    std::string out;
    for (const auto& c : analyze(av::test::u32(text))) out += (c.flags & av::char_flags::emoji) ? 'e' : '.';
    return out;
}

// '^' for a code point that starts a grapheme cluster, '.' otherwise.
std::string clusters(const std::u32string& text) {
    std::string out;
    for (const auto& c : analyze(text)) out += (c.flags & av::char_flags::cluster_start) ? '^' : '.';
    return out;
}

std::string levels(const std::u32string& text, av::BaseDirection dir) {
    std::string out;
    for (const auto& c : analyze(text, dir)) out += static_cast<char>('0' + c.level);
    return out;
}

}  // namespace

TEST_CASE("Scripts: Common and Inherited take the script around them") {
    // Spaces and digits inside Arabic: one Arab run.
    CHECK(scripts("سلام 12 دنيا") == "Arab Arab Arab Arab Arab Arab Arab Arab Arab Arab Arab Arab");
    // Before the first letter: the first letter's script.
    CHECK(scripts("1. abc") == "Latn Latn Latn Latn Latn Latn");
    // A closing bracket takes its opening bracket's script.
    CHECK(scripts("a (بب) c") == "Latn Latn Latn Arab Arab Latn Latn Latn");
    // Marks (Inherited) take their base's.
    CHECK(scripts("e\u0301") == "Latn Latn");
    CHECK(scripts("\u0301e") == "Latn Latn");
    CHECK(scripts("नमस्ते") == "Deva Deva Deva Deva Deva Deva");
    CHECK(scripts("日本のカナ") == "Hani Hani Hira Kana Kana");
    // Nothing but Common: Common.
    CHECK(scripts("12 !") == "Zyyy Zyyy Zyyy Zyyy");
    CHECK(scripts("").empty());
}

TEST_CASE("Emoji: clusters shown as emoji") {
    CHECK(emoji("a😀b") == ".e.");
    CHECK(emoji("©") == ".");                       // Emoji, text presentation by default
    CHECK(emoji("©️") == "ee");                      // VS16
    CHECK(emoji("⌚︎") == "..");                      // VS15 on a default emoji
    CHECK(emoji("☺ ☺️") == "..ee");
    CHECK(emoji("1 1️⃣ #⃣") == "..eee.ee");            // keycaps, with and without VS16
    CHECK(emoji("🇫🇷🇩") == "eee");                    // a flag, and a lone regional indicator
    CHECK(emoji("👍🏽x") == "ee.");                    // skin tone modifier
    CHECK(emoji("👩‍👩‍👧") == "eeeee");                // ZWJ sequence
    CHECK(emoji("⛹‍♀") == "eee");                     // ZWJ sequence of text-default pictographs
    CHECK(emoji("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == "eeeeeee");        // tag sequence (Scotland)
    CHECK(emoji("x\u200Dy") == "...");
}

TEST_CASE("Grapheme clusters") {
    CHECK(clusters(U"e\u0301x") == "^.^");
    CHECK(clusters(U"क्षa") == "^..^");  // Indic conjunct (UAX #29 GB9c, Unicode 15.1)
    CHECK(clusters(U"👩‍👩‍👧!") == "^....^");
    CHECK(clusters(U"🇫🇷🇩🇪") == "^.^.");
    CHECK(clusters(U"a\r\nb") == "^^.^");
    CHECK(clusters(U"") == "");
}

TEST_CASE("Bidi levels") {
    using av::BaseDirection;
    CHECK(levels(U"ab אב cd", BaseDirection::ltr) == "00011000");
    CHECK(levels(U"ab אב cd", BaseDirection::rtl) == "22111122");
    CHECK(levels(U"אב cd", BaseDirection::rtl) == "11122");
    CHECK(levels(U"אב cd", BaseDirection::auto_ltr) == "11122");
    CHECK(levels(U"ab אב", BaseDirection::auto_rtl) == "00011");
    CHECK(levels(U"12 !", BaseDirection::auto_rtl) == "2211");  // no strong character: right to left
    CHECK(levels(U"12 !", BaseDirection::auto_ltr) == "0000");
    // L1: trailing spaces at the paragraph level.
    CHECK(levels(U"אב cd  ", BaseDirection::rtl) == "1112211");
    // Arabic digits inside Arabic: level 2.
    CHECK(levels(U"ب ١٢", BaseDirection::rtl) == "1122");
    // A paragraph separator ends embeddings, and the direction found first holds for every part.
    CHECK(levels(U"\u202Bab\ncd", BaseDirection::ltr).substr(1) == "22000");  // RLE itself: removed by X9
    CHECK(levels(U"אב\ncd", BaseDirection::auto_ltr) == "11122");
}

TEST_CASE("Bidi: the resolved paragraph direction") {
    using av::BaseDirection;
    const auto rtl = [](const std::u32string& text, BaseDirection dir) {
        std::string out;
        for (const auto& c : analyze(text, dir)) out += (c.flags & av::char_flags::rtl_paragraph) ? 'R' : 'L';
        return out;
    };
    CHECK(rtl(U"12", BaseDirection::auto_rtl) == "RR");  // levels 2 2: the flag says what they cannot
    CHECK(rtl(U"12", BaseDirection::auto_ltr) == "LL");
    CHECK(rtl(U"ab אב", BaseDirection::auto_rtl) == "LLLLL");
    CHECK(rtl(U"אב ab", BaseDirection::auto_ltr) == "RRRRR");
    CHECK(rtl(U"\u202Bab", BaseDirection::auto_rtl) == "LLL");  // the first strong character is in an embedding
    CHECK(rtl(U"ab", BaseDirection::rtl) == "RR");
    CHECK(rtl(U"אב", BaseDirection::ltr) == "LL");
}
