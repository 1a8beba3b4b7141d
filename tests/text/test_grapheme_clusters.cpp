// Grapheme clusters (wasm/text/grapheme_clusters.cpp): the characters always_apart lets the engine
// separate without asking libunibreak must be exactly what Unicode's data says (Grapheme_Cluster_
// Break Other, not Extended_Pictographic), and the clusters found must be libunibreak's own for the
// whole text, in every script and at every kind of seam.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include <graphemebreak.h>

#include "text/grapheme_clusters.hpp"
#include "text_test_support.hpp"

namespace {

// The code points a UCD file lists with `property` ("" for any), from its "A..B ; Prop" lines.
std::vector<bool> listed(const std::string& path, const std::string& property) {
    std::vector<bool> out(0x110000, false);
    for (const std::string& line : av::test::lines_of(av::test::read_text(path))) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t semi = line.find(';');
        if (semi == std::string::npos) continue;
        std::string prop = line.substr(semi + 1, line.find('#') == std::string::npos ? std::string::npos : line.find('#') - semi - 1);
        while (!prop.empty() && prop.front() == ' ') prop.erase(prop.begin());
        while (!prop.empty() && prop.back() == ' ') prop.pop_back();
        if (!property.empty() && prop != property) continue;
        unsigned first = 0, last = 0;
        if (std::sscanf(line.c_str(), "%x..%x", &first, &last) != 2) {
            std::sscanf(line.c_str(), "%x", &first);
            last = first;
        }
        for (unsigned c = first; c <= last && c < out.size(); ++c) out[c] = true;
    }
    return out;
}

std::string hex(std::uint32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::vector<bool> starts_of(const std::u32string& text) {
    std::vector<std::uint32_t> scalars(text.begin(), text.end());
    std::vector<av::CharInfo> info(text.size());
    av::engine::mark_cluster_starts(scalars, info);
    std::vector<bool> out;
    for (const av::CharInfo& i : info) out.push_back(i.flags & av::char_flags::cluster_start);
    return out;
}

// libunibreak over the whole text, as the engine asked it before.
std::vector<bool> reference_starts(const std::u32string& text) {
    std::vector<std::uint32_t> scalars(text.begin(), text.end());
    std::vector<char> brks(text.size());
    if (!text.empty()) set_graphemebreaks_utf32(scalars.data(), scalars.size(), nullptr, brks.data());
    std::vector<bool> out;
    for (std::size_t i = 0; i < text.size(); ++i) out.push_back(i == 0 || brks[i - 1] == GRAPHEMEBREAK_BREAK);
    return out;
}

}  // namespace

TEST_CASE("Grapheme clusters: always_apart holds only characters UAX #29 always separates") {
    const std::vector<bool> property = listed(av::test::unicode_dir + "/auxiliary/GraphemeBreakProperty.txt", "");
    const std::vector<bool> pictographic = listed(av::test::unicode_dir + "/emoji/emoji-data.txt", "Extended_Pictographic");
    std::size_t apart = 0;
    for (std::uint32_t c = 0; c < 0x110000; ++c) {
        if (!av::engine::always_apart(c)) continue;
        ++apart;
        if (property[c]) FAIL_CHECK(hex(c) << " has a Grapheme_Cluster_Break other than Other");
        if (pictographic[c]) FAIL_CHECK(hex(c) << " is Extended_Pictographic");
    }
    // The files were read: what they list is refused (else this test could not fail).
    CHECK(property[0x0301]);       // a combining mark: Extend
    CHECK(pictographic[0x1F600]);  // 😀
    CHECK(!av::engine::always_apart(0x0301));
    CHECK(apart > 27000);  // ASCII, Hebrew, Arabic, kana, CJK
}

TEST_CASE("Grapheme clusters: libunibreak's own for the whole text") {
    std::vector<std::u32string> texts;
    for (const char* name : {"ar", "bn", "fa", "he", "hi", "ja", "ko", "symbols", "ta", "th", "ur", "zh-hans", "zh-hant"})
        texts.push_back(av::test::u32(av::test::read_text(std::string(AV_SCRIPTS_DIR) + "/" + name + ".json")));
    // Every seam between characters always_apart and the rest: marks after letters and kana, CR LF,
    // controls, emoji and their sequences, flags, keycaps, Hangul jamo, prepended marks, Indic
    // conjuncts, Thai's SPACING marks.
    texts.push_back(
        U"a\u0301b 日本\u3099語 かか\u309A \r\n\r\n\u0600\u0661\u0662 مَرْحَبًا a\u200Db "
        U"👍🏽x 👨\u200D👩\u200D👧y 🇫🇷🇩🇪🇮 1\uFE0F\u20E3z ©\uFE0F "
        U"\u1100\u1161\u11A8가각 क्ष क्\u200Dष ส\u0E33 ำ\u0E33 \u05E9\u05C1\u05B8 "
        U"\u0301start a\u0308\u0308\u0308 \t\u0007x\u00AD-\uFF21\uFF22\u3002\u300C\u0640\u0651");
    for (const std::u32string& text : texts) {
        const std::vector<bool> fast = starts_of(text), whole = reference_starts(text);
        REQUIRE(fast.size() == whole.size());
        for (std::size_t i = 0; i < text.size(); ++i)
            if (fast[i] != whole[i])
                FAIL_CHECK(hex(text[i]) << " at " << i << ": "
                                << (whole[i] ? "starts" : "does not start") << " a cluster for libunibreak");
    }
    CHECK(starts_of(U"").empty());
    CHECK(starts_of(U"x") == std::vector<bool>{true});
}
