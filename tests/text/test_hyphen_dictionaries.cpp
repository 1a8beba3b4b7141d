// HyphenDictionaries (wasm/text/hyphen_dictionaries.*): libhyphen built from Debian's source with
// Debian's dictionaries, natively and as wasm under node. The cuts are compared with Debian's own
// shared libhyphen on the same files (hyphen_oracle.py, a ctest fixture), then with core's rules
// around them (hyphenation_points), and malformed dictionaries are refused, never a crash.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/text/hyphen_languages.hpp"
#include "core/text/hyphenation.hpp"
#include "text/hyphen_dictionaries.hpp"
#include "text/hyphen_trie_loader.hpp"

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::u32string utf32(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
        for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out += c;
        i += n;
    }
    return out;
}

bool load(av::HyphenDictionaries& d, const std::string& name) {
    const std::string bytes = read(std::string(AV_HYPHEN_DIR) + "/hyph_" + name + ".dic");
    std::string error;
    const bool ok = d.load(name, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), error);
    INFO(error);
    CHECK(ok);
    return ok;
}

bool load_text(av::HyphenDictionaries& d, const std::string& text, std::string& error) {
    return d.load("test", reinterpret_cast<const unsigned char*>(text.data()), text.size(), error);
}

std::vector<std::uint32_t> cuts(const av::Hyphenator& h, const char* lang, const std::string& word) {
    std::vector<std::uint32_t> out;
    h.hyphenate(lang, utf32(word), out);
    return out;
}

std::vector<std::uint32_t> points(const av::Hyphenator& h, const char* lang, const std::string& chunk) {
    return av::hyphenation_points(h, lang, utf32(chunk));
}

using Cuts = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("every word gets the cuts Debian's libhyphen gives with the same dictionary") {
    std::ifstream oracle(AV_HYPHEN_ORACLE);
    REQUIRE_MESSAGE(oracle.good(), "no oracle at " AV_HYPHEN_ORACLE " (run the hyphen_oracle test first)");
    av::HyphenDictionaries d;
    std::vector<std::string> loaded;
    std::string line;
    int words = 0, cut_words = 0;
    while (std::getline(oracle, line)) {
        const std::size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        REQUIRE(t2 != std::string::npos);
        const std::string name = line.substr(0, t1), word = line.substr(t1 + 1, t2 - t1 - 1);
        Cuts expected;
        std::istringstream list(line.substr(t2 + 1));
        for (std::string n; std::getline(list, n, ',');) expected.push_back(static_cast<std::uint32_t>(std::stoul(n)));
        if (std::find(loaded.begin(), loaded.end(), name) == loaded.end()) {
            REQUIRE(load(d, name));
            loaded.push_back(name);
        }
        std::string lang = name;
        for (char& c : lang)
            if (c == '_') c = '-';
        INFO(name << " " << word);
        CHECK(cuts(d, lang.c_str(), word) == expected);
        ++words;
        cut_words += !expected.empty();
    }
    CHECK(words >= 55);
    CHECK(cut_words >= 30);  // an oracle that cuts nothing would prove nothing
    CHECK(d.names().size() == loaded.size());
}

TEST_CASE("a language finds its dictionary: region, language, then the language's own region") {
    CHECK(av::hyphen_dictionary_names("fr-CA") == std::vector<std::string>{"fr_CA", "fr", "fr_FR"});
    CHECK(av::hyphen_dictionary_names("en") == std::vector<std::string>{"en", "en_US"});
    CHECK(av::hyphen_dictionary_names("DE-at") == std::vector<std::string>{"de_AT", "de", "de_DE"});
    CHECK(av::hyphen_dictionary_names("sr-Latn-RS") == std::vector<std::string>{"sr_RS", "sr"});
    CHECK(av::hyphen_dictionary_names("es-419") == std::vector<std::string>{"es_419", "es", "es_ES"});
    CHECK(av::hyphen_dictionary_names("en-x-private") == std::vector<std::string>{"en", "en_US"});
    CHECK(av::hyphen_dictionary_names("").empty());
    CHECK(av::hyphen_dictionary_names("1234").empty());
    CHECK(av::hyphen_dictionary_names("x").empty());

    av::HyphenDictionaries d;
    REQUIRE(load(d, "fr"));
    REQUIRE(load(d, "en_US"));
    CHECK(d.dictionary_for("fr-CA") == "fr");
    CHECK(d.dictionary_for("fr") == "fr");
    CHECK(d.dictionary_for("en") == "en_US");
    CHECK(d.dictionary_for("en-GB") == "en_US");
    REQUIRE(load(d, "cs_CZ"));
    CHECK(d.dictionary_for("cs") == "cs_CZ");
    CHECK(d.dictionary_for("it").empty());
    // A language without a dictionary is not hyphenated.
    CHECK(cuts(d, "it", "straordinario").empty());
    CHECK(cuts(d, "fr-CA", "important") == Cuts{2, 5});
    CHECK(cuts(d, "en", "hyphenation") == Cuts{2, 6});
    // Loading one later reaches a language asked for before (the remembered choice is dropped).
    REQUIRE(load(d, "it_IT"));
    CHECK(d.dictionary_for("it") == "it_IT");
    CHECK_FALSE(cuts(d, "it", "straordinario").empty());
}

TEST_CASE("core's rules around the real patterns: im-por-tant, never an address, a number or a short word") {
    av::HyphenDictionaries d;
    REQUIRE(load(d, "fr"));
    REQUIRE(load(d, "en_US"));
    CHECK(points(d, "fr", "important") == Cuts{2, 5});
    CHECK(points(d, "fr", "important,") == Cuts{2, 5});
    CHECK(points(d, "fr", "«important»") == Cuts{3, 6});
    CHECK(points(d, "fr", "l’anticonstitutionnellement") == Cuts{4, 6, 10, 12, 14, 18, 21, 23});
    CHECK(points(d, "fr", "Typographie") == Cuts{2, 4, 7});
    CHECK(points(d, "en", "hyphenation.") == Cuts{2, 6});
    CHECK(points(d, "en-US", "Important") == Cuts{2, 5});
    CHECK(points(d, "fr", "https://example.com/important").empty());
    CHECK(points(d, "fr", "important2").empty());
    CHECK(points(d, "fr", "2025").empty());
    CHECK(points(d, "fr", "munir").empty());  // five letters
    CHECK(points(d, "en", "paragraph") == Cuts{4});
    // A compound with a hyphen: each word on its own, never next to the hyphen.
    CHECK(points(d, "fr", "typographie-important") == Cuts{2, 4, 7, 14, 17});
    // The hyphenator alone refuses what is not a word of letters.
    CHECK(cuts(d, "fr", "import3ant").empty());
    CHECK(cuts(d, "fr", "impor.tant").empty());
    CHECK(cuts(d, "fr", std::string(150, 'a')).empty());
}

TEST_CASE("a malformed dictionary is refused with its reason; those loaded stay") {
    av::HyphenDictionaries d;
    REQUIRE(load(d, "fr"));
    const std::string good = "UTF-8\nLEFTHYPHENMIN 2\n1ba\n";
    std::string error;
    CHECK(load_text(d, good, error));
    struct Case {
        std::string text;
        const char* reason;
    };
    const Case cases[] = {
        {"", "empty"},
        {"KOI8-R\n1ba\n", "encoding"},
        {"a very long first line that is no charset\n1ba\n", "encoding"},
        {std::string("UTF-8\n1b\0a\n", 11), "NUL"},
        {"UTF-8\n" + std::string(99, 'a') + "\n", "longer than 98"},
        {"UTF-8\n1ba\nNOHYPHEN", "NOHYPHEN"},
        {"UTF-8\n1ba\nNOHYPHEN ',\n", "NOHYPHEN"},
        {"UTF-8\n1ba\nNOHYPHEN a,,b\n", "NOHYPHEN"},
        {"UTF-8\nNOHYPHEN a\nNOHYPHEN b\n1ba\n", "second NOHYPHEN"},
        {"UTF-8\n1.ab\n", "before the word"},
        {"UTF-8\n1b\xC3\n", "UTF-8"},
        {"UTF-8\n% only a comment\nLEFTHYPHENMIN 2\n", "no hyphenation patterns"},
        {"UTF-8\na1b/a=b,5,3\n", "replacement"},
        {"UTF-8\na1b/a=b\n", "replacement"},
    };
    for (const Case& c : cases) {
        error.clear();
        INFO(c.text);
        CHECK_FALSE(load_text(d, c.text, error));
        CHECK(error.find(c.reason) != std::string::npos);
        CHECK(error.find("hyphenation dictionary test: ") == 0);
    }
    // A replacement pattern whose word cannot meet a word of letters is inert and accepted (Debian's
    // German file has one in a comment).
    CHECK(load_text(d, "UTF-8\n#  http://example.org/x\n1ba\n", error));
    CHECK(cuts(d, "fr", "important") == Cuts{2, 5});
}

TEST_CASE("damaged copies of a real dictionary load or are refused, and hyphenate without crashing") {
    const std::string fr = read(std::string(AV_HYPHEN_DIR) + "/hyph_fr.dic");
    av::HyphenDictionaries d;
    std::mt19937 random(1);
    const char pool[] = "0123456789.,/ \n\r%abeNOHYPHEN";
    int loaded = 0, refused = 0;
    for (int round = 0; round < 300; ++round) {
        std::string bytes = fr.substr(0, round % 3 == 0 ? random() % fr.size() : fr.size());
        const int edits = 1 + static_cast<int>(random() % 4);
        for (int k = 0; k < edits; ++k) {
            const std::size_t at = random() % bytes.size();
            const int what = static_cast<int>(random() % 10);
            if (what < 4)
                bytes[at] = pool[random() % (sizeof pool - 1)];
            else if (what < 7)
                bytes.insert(at, 1, pool[random() % (sizeof pool - 1)]);
            else if (what < 9)
                bytes.erase(at, 1 + random() % 4);
            else
                bytes[at] = static_cast<char>(random());
            if (bytes.empty()) bytes = "x";
        }
        std::string error;
        if (!d.load("fr", reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), error)) {
            CHECK_FALSE(error.empty());
            ++refused;
            continue;
        }
        ++loaded;
        for (const char* w : {"anticonstitutionnellement", "important", "typographie", "éléphant", "œuvre"}) {
            std::vector<std::uint32_t> out;
            d.hyphenate("fr", utf32(w), out);
            for (std::uint32_t p : out) CHECK((p > 0 && p < utf32(w).size()));
        }
    }
    MESSAGE(loaded << " damaged copies loaded, " << refused << " refused");
    CHECK(loaded > 0);
    CHECK(refused > 0);
}

namespace {

// libhyphen's loader on `text` (through fmemopen, as the viewer once did).
HyphenDict* libhyphen_load(std::string text) {
    FILE* f = fmemopen(text.data(), text.size(), "r");
    REQUIRE(f);
    HyphenDict* d = hnj_hyphen_load_file(f);
    std::fclose(f);
    return d;
}

std::string nohyphen_list(const HyphenDict* d) {
    std::string out;
    if (!d->nohyphen) return "(none)";
    const char* p = d->nohyphen;
    for (int i = 0; i <= d->nohyphenl; ++i) {
        out += std::string(p) + "|";
        p += std::strlen(p) + 1;
    }
    return out;
}

bool same_string(const char* a, const char* b) {
    return (!a && !b) || (a && b && std::strcmp(a, b) == 0);
}

// The two automata are one up to the states' numbers: every level's options, and from the start
// state on, the same transitions, matches, replacements and fallbacks.
void check_same_automaton(const HyphenDict* lib, const HyphenDict* ours, const std::string& name) {
    int level = 0;
    for (; lib && ours; lib = lib->nextlevel, ours = ours->nextlevel, ++level) {
        INFO(name << ", level " << level);
        CHECK(lib->lhmin == ours->lhmin);
        CHECK(lib->rhmin == ours->rhmin);
        CHECK(lib->clhmin == ours->clhmin);
        CHECK(lib->crhmin == ours->crhmin);
        CHECK(lib->nohyphenl == ours->nohyphenl);
        CHECK(nohyphen_list(lib) == nohyphen_list(ours));
        CHECK(std::string(lib->cset) == std::string(ours->cset));
        CHECK(lib->utf8 == ours->utf8);
        REQUIRE(lib->num_states == ours->num_states);
        std::vector<int> map(static_cast<std::size_t>(lib->num_states), -1);
        std::vector<int> queue{0};
        map[0] = 0;
        int differences = 0;
        for (std::size_t q = 0; q < queue.size(); ++q) {
            const HyphenState& a = lib->states[queue[q]];
            const HyphenState& b = ours->states[map[static_cast<std::size_t>(queue[q])]];
            bool same = a.num_trans == b.num_trans && same_string(a.match, b.match) && same_string(a.repl, b.repl);
            if (same && a.match) same = a.replindex == b.replindex && a.replcut == b.replcut;
            for (int t = 0; same && t < a.num_trans; ++t) {
                int found = -1;
                for (int u = 0; u < b.num_trans; ++u)
                    if (b.trans[u].ch == a.trans[t].ch) found = b.trans[u].new_state;
                if (found < 0) {
                    same = false;
                    break;
                }
                map[static_cast<std::size_t>(a.trans[t].new_state)] = found;
                queue.push_back(a.trans[t].new_state);
            }
            differences += !same;
        }
        CHECK(differences == 0);
        CHECK(queue.size() == map.size());  // every state reached, each once
        int fallbacks = 0;
        for (std::size_t s = 0; s < map.size(); ++s) {
            const int f = lib->states[s].fallback_state;
            const int expected = f < 0 ? -1 : map[static_cast<std::size_t>(f)];
            fallbacks += map[s] >= 0 && ours->states[map[s]].fallback_state != expected;
        }
        CHECK(fallbacks == 0);
    }
    CHECK(!lib);
    CHECK(!ours);
}

}  // namespace

TEST_CASE("the trie loader builds libhyphen's own automaton for every dictionary shipped") {
    for (const char* name : {"fr", "en_US", "de_DE", "es_ES", "it_IT", "pt_PT", "pt_BR", "cs_CZ"}) {
#ifdef __EMSCRIPTEN__
        // libhyphen's own loader takes minutes on the German file in wasm (the reason for the
        // trie loader); natively it is compared, and the cuts below come through the trie loader.
        if (std::string(name) == "de_DE") continue;
#endif
        const std::string text = read(std::string(AV_HYPHEN_DIR) + "/hyph_" + name + ".dic");
        HyphenDict* lib = libhyphen_load(text);
        av::HyphenTrie ours(text);
        check_same_automaton(lib, ours.dict(), name);
        hnj_hyphen_free(lib);
    }
}

TEST_CASE("the trie loader matches libhyphen's on odd files: a second level, duplicates, replacements") {
    const char* files[] = {
        // NEXTLEVEL: a compound level first, then the word level; patterns written twice.
        "ISO8859-1\nLEFTHYPHENMIN 1\nRIGHTHYPHENMIN 1\n1-1\nNEXTLEVEL\n1ba\nb1a\n1ba\n.ab4\nNOHYPHEN a,bb\n",
        // UTF-8 replacements with a dot, a replacement without its numbers, CRLF lines, a comment.
        "UTF-8\r\n% comment\r\nf1f/ff=f,1,2\r\n.schiff1f/ff=f,6,2\r\nc1k/k=k,1,1\r\né1é/é=é,1,2\r\nx1y/xy\r\n\r\n",
        // The default second level of a UTF-8 file, COMPOUND minimums, a lone pattern of zeros.
        "UTF-8\nCOMPOUNDLEFTHYPHENMIN 2\nCOMPOUNDRIGHTHYPHENMIN 3\n000\nab1c\nbc1d\n2cd\nä1ö\n"};
    for (const char* text : files) {
        HyphenDict* lib = libhyphen_load(text);
        av::HyphenTrie ours(text);
        check_same_automaton(lib, ours.dict(), text);
        hnj_hyphen_free(lib);
    }
}

TEST_CASE("the trie loader matches libhyphen's on every damaged copy the check lets through") {
    const std::string fr = read(std::string(AV_HYPHEN_DIR) + "/hyph_fr.dic");
    std::mt19937 random(7);
    const char pool[] = "0123456789.,/ \n\r%abeNOHYPHEN";
    int compared = 0;
    for (int round = 0; round < 200; ++round) {
        std::string bytes = fr;
        for (int k = 0; k < 3; ++k) {
            const std::size_t at = random() % bytes.size();
            if (random() % 2)
                bytes[at] = pool[random() % (sizeof pool - 1)];
            else
                bytes.insert(at, 1, pool[random() % (sizeof pool - 1)]);
        }
        av::HyphenDictionaries d;
        std::string error;
        if (!d.load("fr", reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), error)) continue;
        HyphenDict* lib = libhyphen_load(bytes);
        av::HyphenTrie ours(bytes);
        check_same_automaton(lib, ours.dict(), "damaged fr, round " + std::to_string(round));
        hnj_hyphen_free(lib);
        ++compared;
    }
    CHECK(compared > 100);
}
