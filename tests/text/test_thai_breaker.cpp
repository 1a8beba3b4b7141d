// ThaiBreaker (wasm/text/thai_breaker.hpp): its dictionary file's validation, and its word
// boundaries against Intl.Segmenter('th') (ICU inside node, the browser's algorithm and word list)
// on the corpus thai_oracle.mjs writes (AV_THAI_ORACLE). Natively and as wasm under node.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.hpp"
#include "text/thai_breaker.hpp"

namespace {

using av::ThaiBreaker;

std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::u32string utf32(std::string_view text) {
    std::u32string out;
    for (std::size_t pos = 0; pos < text.size();) out.push_back(av::utf8::next(text, pos));
    return out;
}

std::string utf8(std::u32string_view text) {
    std::string out;
    for (char32_t c : text) av::utf8::append(out, c);
    return out;
}

const std::vector<std::uint8_t>& dictionary_bytes() {
    static const std::vector<std::uint8_t> bytes = read_bytes(AV_THAI_DICT);
    return bytes;
}

const ThaiBreaker& breaker() {
    static const ThaiBreaker loaded = [] {
        std::string error;
        auto b = ThaiBreaker::load(dictionary_bytes().data(), dictionary_bytes().size(), error);
        if (!b) FAIL(AV_THAI_DICT << ": " << error);
        return *b;
    }();
    return loaded;
}

// The words of `text` as ThaiBreaker cuts its Thai runs, joined with '|' (for readable checks).
std::string cut(std::string_view text) {
    const std::u32string t = utf32(text);
    std::vector<std::size_t> breaks;
    breaker().find_breaks(t, 0, t.size(), breaks);
    std::string out;
    std::size_t from = 0;
    for (std::size_t b : breaks) {
        out += utf8(t.substr(from, b - from)) + "|";
        from = b;
    }
    return out + utf8(t.substr(from));
}

// A CRC-32 of our own for the tests that rewrite a file's body: the file's checksum is zlib's.
std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        c ^= data[i];
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

void reseal(std::vector<std::uint8_t>& file) {
    const std::uint32_t c = crc32(file.data() + 28, file.size() - 28);
    for (int i = 0; i < 4; ++i) file[24 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(c >> (8 * i));
}

std::string load_error(const std::vector<std::uint8_t>& file) {
    std::string error;
    auto b = ThaiBreaker::load(file.data(), file.size(), error);
    return b ? std::string() : error;
}

}  // namespace

TEST_CASE("the dictionary file loads: ICU's 26 383 words and the license notice") {
    CHECK(breaker().word_count() == 26383);
    CHECK(breaker().notice().find("ICU 72.1") != std::string::npos);
    CHECK(breaker().notice().find("COPYRIGHT AND PERMISSION NOTICE") != std::string::npos);
    CHECK(breaker().notice().find("Unicode, Inc.") != std::string::npos);
}

TEST_CASE("a truncated, foreign, other-version or corrupt file is refused with the place, never a crash") {
    const std::vector<std::uint8_t>& good = dictionary_bytes();
    REQUIRE(good.size() > 1000);

    SUBCASE("every truncation") {
        for (std::size_t size = 0; size < good.size(); ++size) {
            std::string error;
            REQUIRE_MESSAGE(!ThaiBreaker::load(good.data(), size, error),
                            "a file cut to " << size << " bytes was accepted");
            if (size < 28)
                CHECK(error.find("fewer than its 28-byte header") != std::string::npos);
            else if (size == 28)
                CHECK(error.find("truncated") != std::string::npos);
        }
        std::string error;
        CHECK_FALSE(ThaiBreaker::load(nullptr, 100, error));
        CHECK(error.find("0 bytes") != std::string::npos);
    }
    SUBCASE("not our file") {
        std::vector<std::uint8_t> other(good);
        other[0] = 'X';
        CHECK(load_error(other) == "byte 0: not a Thai dictionary (no AVTHDICT signature)");
        const std::string text = "{\"format\": \"article/1\", \"padding\": \"....................\"}";
        CHECK(load_error(std::vector<std::uint8_t>(text.begin(), text.end())).find("byte 0: not a Thai") == 0);
    }
    SUBCASE("another version") {
        std::vector<std::uint8_t> v2(good);
        v2[8] = 2;
        CHECK(load_error(v2) == "byte 8: format version 2, this program reads version 1");
    }
    SUBCASE("extra bytes") {
        std::vector<std::uint8_t> longer(good);
        longer.push_back(0x81);
        CHECK(load_error(longer) ==
              "byte " + std::to_string(good.size()) + ": 1 byte after the end the header announces");
    }
    SUBCASE("a changed byte without a new checksum") {
        std::vector<std::uint8_t> bad(good);
        bad[good.size() / 2] ^= 0x01;
        CHECK(load_error(bad) == "byte 24: checksum mismatch: the file is corrupt");
    }
    SUBCASE("a word list out of order, with the checksum redone") {
        // The last word's first byte says it shares more letters than the word before has.
        std::vector<std::uint8_t> bad(good);
        std::size_t last = good.size() - 1;
        while (!(bad[last] & 0x80)) --last;
        bad[last] = 0x80 | 0x7F;
        reseal(bad);
        CHECK(load_error(bad).find("byte " + std::to_string(last) + ": word 26383 shares 127 letters") == 0);
        // Two letters swapped somewhere in the middle: an unsorted list (or, by luck, another valid one).
        std::vector<std::uint8_t> swapped(good);
        std::size_t at = good.size() / 2;
        while ((swapped[at] & 0x80) || (swapped[at + 1] & 0x80) || swapped[at] == swapped[at + 1]) ++at;
        std::swap(swapped[at], swapped[at + 1]);
        reseal(swapped);
        const std::string error = load_error(swapped);
        if (!error.empty()) CHECK(error.find("does not sort after the word before it") != std::string::npos);
    }
    SUBCASE("the header's word count") {
        std::vector<std::uint8_t> bad(good);
        bad[12] ^= 1;
        CHECK(load_error(bad) == "byte 12: the header announces 26382 words, the list holds 26383");
    }
    SUBCASE("random bytes: in place of the file, and as its body with a valid checksum") {
        std::mt19937 random(7);
        for (int round = 0; round < 300; ++round) {
            std::vector<std::uint8_t> noise(static_cast<std::size_t>(random() % 4000));
            for (auto& b : noise) b = static_cast<std::uint8_t>(random());
            CHECK_FALSE(load_error(noise).empty());
            // A real header announcing this body.
            std::vector<std::uint8_t> file(good.begin(), good.begin() + 28);
            for (int i = 0; i < 4; ++i) file[16 + static_cast<std::size_t>(i)] = 0;
            const auto size = static_cast<std::uint32_t>(noise.size());
            for (int i = 0; i < 4; ++i)
                file[20 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(size >> (8 * i));
            file.insert(file.end(), noise.begin(), noise.end());
            reseal(file);
            std::string error;
            auto b = ThaiBreaker::load(file.data(), file.size(), error);
            if (b) {  // noise that happens to be a word list: it must still break text safely
                const std::u32string t = utf32("ภาษาไทยเป็นภาษาที่สวยงามมาก");
                std::vector<std::size_t> out;
                b->find_breaks(t, 0, t.size(), out);
            } else {
                CHECK(error.rfind("byte ", 0) == 0);
            }
        }
        // Bytes of the real list changed one at a time, the checksum redone: loads or a clear error.
        for (int round = 0; round < 300; ++round) {
            std::vector<std::uint8_t> file(good);
            const std::size_t block = good.size() - (good[20] | (good[21] << 8) | (good[22] << 16));
            const std::size_t at = block + random() % (good.size() - block);
            file[at] = static_cast<std::uint8_t>(random());
            reseal(file);
            std::string error;
            auto b = ThaiBreaker::load(file.data(), file.size(), error);
            CHECK((b.has_value() || error.rfind("byte ", 0) == 0));
        }
    }
}

// Expected cuts as node 20 (ICU 78.2) gives them; the corpus test below checks thousands more.
TEST_CASE("words: dictionary words, look-ahead, unknown stretches, marks, ๆ and ฯ") {
    CHECK(cut("ภาษาไทย") == "ภาษา|ไทย");
    CHECK(cut("ไทย") == "ไทย");  // runs of 4 or fewer characters are never cut
    CHECK(cut("ไปมา") == "ไปมา");
    CHECK(cut("กินข้าว") == "กิน|ข้าว");
    CHECK(cut("เด็กๆ วิ่งเล่น") == "เด็กๆ วิ่ง|เล่น");  // the space is the rules' boundary, not ours
    CHECK(cut("กรุงเทพฯ เป็นเมืองหลวง") == "กรุงเทพฯ เป็น|เมือง|หลวง");
    CHECK(cut("ช้าๆ") == "ช้าๆ");
    CHECK(cut("นายวีรพงษ์ศรีสุวรรณ") == "นาย|วี|รพงษ์|ศรี|สุวรรณ");  // a name no dictionary holds
    CHECK(cut("ภาษาไทยเด็กๆเล่น") == "ภาษา|ไทย|เด็กๆ|เล่น");
    CHECK(cut("กรุงเทพฯลฯ") == "กรุงเทพ|ฯลฯ");          // ฯลฯ is a word: ฯ does not join the word before
    CHECK(cut("ABCภาษาไทยDEF") == "ABCภาษา|ไทยDEF");  // only inside the Thai run
    CHECK(cut("ปี๒๕๖๗ภาษาไทย") == "ปี๒๕๖๗ภาษา|ไทย");
}

TEST_CASE("find_breaks reads only [begin, end) and answers in the text's indexes") {
    const std::u32string t = utf32("xx ภาษาไทยง่ายมาก yy");
    std::vector<std::size_t> all, part;
    breaker().find_breaks(t, 0, t.size(), all);
    breaker().find_breaks(t, 3, 3 + 14, part);
    CHECK(all == part);
    CHECK(all == std::vector<std::size_t>{7, 10, 14});
    // A range ending inside the run is a shorter run: boundaries at its end are not reported.
    part.clear();
    breaker().find_breaks(t, 3, 10, part);
    CHECK(part == std::vector<std::size_t>{7});
    part.clear();
    breaker().find_breaks(t, 5, 100, part);  // an end past the text is the text's end
    for (std::size_t b : part) CHECK((b > 5 && b < t.size()));
    part.clear();
    breaker().find_breaks(t, 0, 0, part);
    CHECK(part.empty());
}

namespace {

struct Tally {
    std::size_t lines = 0, lines_same = 0, lines_orphan_marks = 0, runs = 0, boundaries = 0, boundaries_same = 0;
};

bool is_thai_mark(char32_t c) {
    return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}

std::set<std::size_t> breaks_in(std::u32string_view t, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> out;
    breaker().find_breaks(t, begin, end, out);
    REQUIRE(std::is_sorted(out.begin(), out.end()));
    return std::set<std::size_t>(out.begin(), out.end());
}

std::string positions(const std::set<std::size_t>& set) {
    std::string out;
    for (std::size_t p : set) out += std::to_string(p) + ' ';
    return out;
}

}  // namespace

// Run by run, node's boundaries strictly inside each Thai run (between two characters
// ThaiBreaker::handles) must be ours and no other: outside the runs the boundaries are the rules'
// (UAX #29 / #14), which are the engine's business. One documented difference: a run that starts
// with combining marks with no consonant before them (at the line's start, after a space,
// punctuation, an unassigned code point). ICU's word rules (UAX #29 WB4, tailored) attach the
// marks to the character before the run and, when that is no letter or digit, end a word after
// them; its dictionary then divides the rest of the run. ThaiBreaker never reads outside its range,
// so it divides the whole run: such a run counts as explained when ICU's boundaries are exactly
// "after the marks" plus ours for the rest of the run.
TEST_CASE("the boundaries of Intl.Segmenter('th') on the corpus") {
    std::ifstream in(AV_THAI_ORACLE);
    REQUIRE_MESSAGE(in.good(), AV_THAI_ORACLE << " is missing: ctest's thai_oracle test writes it");
    const nlohmann::json oracle = nlohmann::json::parse(in);
    const std::string icu = oracle.at("icu").get<std::string>();
    std::map<std::string, Tally> tallies;  // by source: written, generated, translations
    std::vector<std::string> differences;
    for (const auto& line : oracle.at("lines")) {
        const std::u32string t = utf32(line.at("text").get<std::string>());
        std::set<std::size_t> icu_breaks;
        for (const auto& b : line.at("boundaries")) icu_breaks.insert(b.get<std::size_t>());
        Tally& tally = tallies[line.at("source").get<std::string>()];
        ++tally.lines;
        bool same = true, explained = true;
        for (std::size_t a = 0; a < t.size();) {
            if (!ThaiBreaker::handles(t[a])) {
                ++a;
                continue;
            }
            std::size_t b = a;
            while (b < t.size() && ThaiBreaker::handles(t[b])) ++b;
            ++tally.runs;
            const std::set<std::size_t> expected(icu_breaks.upper_bound(a), icu_breaks.lower_bound(b));
            const std::set<std::size_t> ours = breaks_in(t, a, b);
            tally.boundaries += expected.size();
            for (std::size_t p : expected) tally.boundaries_same += ours.count(p);
            if (expected != ours) {
                same = false;
                std::size_t marks = a;
                while (marks < b && is_thai_mark(t[marks])) ++marks;
                std::set<std::size_t> after_marks = breaks_in(t, marks, b);
                if (marks > a && marks < b) after_marks.insert(marks);
                if (marks == a || expected != after_marks) {
                    explained = false;
                    if (differences.size() < 20) {
                        differences.push_back(line.at("text").get<std::string>() + "\n  run " + std::to_string(a) +
                                              ".." + std::to_string(b) + ", ICU: " + positions(expected) +
                                              "\n  ours: " + positions(ours));
                    }
                }
            }
            a = b;
        }
        if (same)
            ++tally.lines_same;
        else if (explained)
            ++tally.lines_orphan_marks;
    }
    for (const auto& d : differences) MESSAGE(d);
    for (const auto& [source, tally] : tallies) {
        MESSAGE(source << ": " << tally.lines_same << " of " << tally.lines << " lines the same as ICU " << icu << ", "
                       << tally.lines_orphan_marks << " more with runs that start with orphan marks (documented); "
                       << tally.runs << " Thai runs; " << tally.boundaries_same << " of ICU's " << tally.boundaries
                       << " boundaries inside them are ours");
        CHECK(tally.lines_same + tally.lines_orphan_marks == tally.lines);
    }
    CHECK(tallies["written"].lines_same == tallies["written"].lines);
    CHECK(tallies["written"].lines > 50);
    CHECK(tallies["generated"].lines >= 1000);
}

TEST_CASE("random code points: sane boundaries, linear time") {
    std::mt19937 random(11);
    std::vector<std::size_t> out;
    for (int round = 0; round < 2000; ++round) {
        std::u32string t(static_cast<std::size_t>(random() % 200), U'\0');
        for (auto& c : t) {
            const auto roll = random() % 100;
            c = roll < 90   ? static_cast<char32_t>(0x0E00 + random() % 0x80)
                : roll < 95 ? U' '
                            : static_cast<char32_t>(random() % 0x110000);
        }
        out.clear();
        breaker().find_breaks(t, 0, t.size(), out);
        for (std::size_t i = 0; i < out.size(); ++i) {
            REQUIRE(out[i] > 0);
            REQUIRE(out[i] < t.size());
            REQUIRE(ThaiBreaker::handles(t[out[i] - 1]));
            REQUIRE(ThaiBreaker::handles(t[out[i]]));
            if (i > 0) REQUIRE(out[i] > out[i - 1]);
        }
    }

    // 1 MB of Thai (UTF-8): dictionary sentences with some unknown words, and the same size of
    // random Thai letters; the time is printed (BENCHMARKS-style figures, never asserted).
    const std::u32string sample = utf32(
        "รัฐบาลประกาศมาตรการใหม่เพื่อช่วยเหลือเกษตรกรที่ได้รับผลกระทบจากน้ำท่วมนายวีรพงษ์ศรีสุวรรณกล่าวว่า"
        "เด็กๆวิ่งเล่นกันอยู่ในสนามหญ้าหน้าโรงเรียนกรุงเทพฯเป็นเมืองหลวงของประเทศไทยกขฃคฅฆงจฉชซฌญฎฏ");
    std::u32string text;
    while (text.size() * 3 < 1000000) text += sample;
    std::u32string noise(text.size(), U'\0');
    for (auto& c : noise) c = static_cast<char32_t>(0x0E01 + random() % 0x4E);
    for (const auto* t : {&text, &noise}) {
        out.clear();
        const auto start = std::chrono::steady_clock::now();
        breaker().find_breaks(*t, 0, t->size(), out);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        MESSAGE(std::string(t == &text ? "sentences" : "random letters")
                << ": " << t->size() << " characters (" << t->size() * 3 << " bytes of UTF-8) in " << ms << " ms, "
                << out.size() << " boundaries");
        CHECK(out.size() > t->size() / 40);
    }
    const auto start = std::chrono::steady_clock::now();
    std::string error;
    for (int i = 0; i < 10; ++i)
        REQUIRE(ThaiBreaker::load(dictionary_bytes().data(), dictionary_bytes().size(), error));
    MESSAGE("load: " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 10
                     << " ms");
}
