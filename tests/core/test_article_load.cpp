// ArticleLoad: load_article in pieces (issue 20, item 7: no long task while a long article loads).
// The one thing that matters is that a load in pieces ends exactly as the load in one go does,
// for good files and for every kind of bad one: same article, same error, same warnings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/article_json.hpp"
#include "core/article_loader.hpp"
#include "core/progress.hpp"
#include "core/text/text_needs.hpp"
#include "core/utf8.hpp"
#include "test_support.hpp"

namespace {

struct Stepped {
    av::LoadResult result;
    std::size_t steps = 0;
    bool fractions_rise = true;  // 0 <= fraction, never going back, 1 once done
};

// Loads `text` one piece per step (the smallest pieces there are).
Stepped load_in_pieces(const std::string& text, const av::LoadLimits& limits = {}) {
    Stepped out;
    av::ArticleLoad load(text, "f.json", limits);
    double last = load.fraction();
    out.fractions_rise = last >= 0.0;
    while (!load.step([] { return true; })) {
        ++out.steps;
        const double f = load.fraction();
        if (f < last || f > 1.0) out.fractions_rise = false;
        last = f;
        CHECK_FALSE(load.done());
    }
    ++out.steps;
    CHECK(load.done());
    if (load.fraction() != 1.0) out.fractions_rise = false;
    out.result = load.take();
    return out;
}

void check_same(const av::LoadResult& pieces, const av::LoadResult& whole, const std::string& what) {
    CHECK_MESSAGE(pieces.kind == whole.kind, what);
    CHECK_MESSAGE(pieces.error == whole.error, what);
    CHECK_MESSAGE(pieces.warnings == whole.warnings, what);
    if (whole.ok() && pieces.ok()) {
        CHECK_MESSAGE(av::article_json(pieces.article) == av::article_json(whole.article), what);
        CHECK_MESSAGE(pieces.article.digest == whole.article.digest, what);
        CHECK_MESSAGE(pieces.article.word_prefix == whole.article.word_prefix, what);
        // What the load filled in is what progress computes from the article itself.
        CHECK_MESSAGE(pieces.article.digest == av::article_digest(pieces.article), what);
        CHECK_MESSAGE(pieces.article.word_prefix == av::word_prefix(pieces.article), what);
        const av::TextNeeds& a = pieces.article.needs;
        const av::TextNeeds& b = whole.article.needs;
        CHECK_MESSAGE((a.chars == b.chars && a.emoji == b.emoji && a.rich == b.rich && a.dictionary == b.dictionary &&
                       a.extended == b.extended),
                      what);
    }
}

// A long article: `n` paragraphs with accents, a CJK phrase and an emoji now and then.
std::string long_article(int n) {
    std::string s = R"({"format":"article/1.1","id":"long","title":"Long","lang":"fr","blocks":[)";
    for (int i = 0; i < n; ++i) {
        if (i) s += ',';
        if (i % 50 == 0) s += R"({"type":"heading","level":2,"text":"Partie )" + std::to_string(i / 50) + R"(","id":"p)" + std::to_string(i) + "\"}";
        else if (i % 7 == 0) s += R"({"type":"paragraph","lang":"ja","text":"東京の話 🙂 )" + std::to_string(i) + "\"}";
        else s += R"({"type":"paragraph","text":[{"text":"Été n° )" + std::to_string(i) + R"( — « déjà » "},{"text":"vu","bold":true}]})";
    }
    return s + R"(,{"type":"paragraph","text":[{"text":"back","href":"#p0"}]}]})";
}

}  // namespace

TEST_SUITE("article load in pieces") {
    TEST_CASE("errors: each kind ends as in one go, with the same message") {
        const std::string good = long_article(300);
        std::vector<std::pair<std::string, std::string>> bad = {
            {"too large", good},
            {"invalid UTF-8 far in", good.substr(0, good.size() / 2) + "\xC3(" + good.substr(good.size() / 2)},
            {"syntax error far in", good.substr(0, good.size() - 10) + "}}"},
            {"cut short", good.substr(0, good.size() * 3 / 4)},
            {"trailing bytes", good + " <html>"},
            {"a bad block", R"({"format":"article/1","id":"x","title":"T","blocks":[{"type":"paragraph","text":"a"},{"type":"heading","level":"deux","text":"b"}]})"},
            {"no title", R"({"format":"article/1","id":"x","blocks":[]})"},
            {"not an object", "[1, 2]"},
            {"other format", R"({"format":"article/2","id":"x","title":"T","blocks":[]})"},
            {"blocks not an array", R"({"format":"article/1","id":"x","title":"T","blocks":{}})"},
            {"dead #link warns", R"({"format":"article/1","id":"x","title":"T","blocks":[{"type":"paragraph","text":[{"text":"a","href":"#nowhere"}]}]})"},
        };
        for (const auto& entry : bad) {
            const std::string& what = entry.first;  // not a structured binding: C++17 lambdas cannot capture one
            const std::string& text = entry.second;
            av::LoadLimits limits;
            if (what == "too large") limits.max_file_bytes = good.size() - 1;
            const av::LoadResult whole = av::load_article(text, "f.json", limits);
            const Stepped pieces = load_in_pieces(text, limits);
            check_same(pieces.result, whole, what);
            CHECK_MESSAGE(pieces.fractions_rise, what);
        }
        // The expected words, so the comparison above cannot pass on two empty errors.
        CHECK(av::load_article(bad[1].second, "f.json").error.find("f.json: invalid UTF-8 at byte ") == 0);
        CHECK(av::load_article(bad[5].second, "f.json").error ==
              "f.json: /blocks/1/level: expected an integer from 2 to 4, got \"deux\"");
        CHECK(av::load_article(bad[10].second, "f.json").warnings ==
              std::vector<std::string>{"f.json: /blocks/0/text/0/href: no block has the id \"nowhere\"; link dropped"});
    }

    TEST_CASE("a long article takes many pieces, and ends as in one go") {
        const std::string text = long_article(20000);  // about 1.4 MB, 20 000 blocks
        const av::LoadResult whole = av::load_article(text, "f.json");
        REQUIRE(whole.ok());
        CHECK(whole.article.blocks.size() == 20001);
        CHECK_FALSE(whole.article.needs.of(av::Weight::regular, av::Han::ja).empty());
        const Stepped pieces = load_in_pieces(text);
        check_same(pieces.result, whole, "long");
        CHECK(pieces.fractions_rise);
        // UTF-8 and the block count (one piece each at this size), about 90 000 values in pieces
        // of 2048, 20 001 blocks scanned for their characters, then for the digest and the word
        // counts, 256 at a time.
        CHECK(pieces.steps > 40 + 78 + 78);
        CHECK(pieces.result.article.word_prefix.back() > 20000 * 5);
    }

    TEST_CASE("enough() is asked only between pieces: a caller that never has enough gets one step") {
        const std::string text = long_article(2000);
        av::ArticleLoad load(text, "f.json");
        int asked = 0;
        CHECK(load.step([&] { ++asked; return false; }));
        CHECK(asked > 10);
        CHECK(load.take().ok());
    }

    TEST_CASE("every bundled and corpus article loads in pieces as in one go") {
        std::vector<std::string> files = av::test::json_files(AV_ASSETS_DIR "/articles");
        for (const std::string& f : av::test::json_files(AV_SHARED_DIR "/corpus")) files.push_back(f);
        REQUIRE(files.size() > 3);
        for (const std::string& f : files) {
            const std::string text = av::test::read_file(f);
            check_same(load_in_pieces(text).result, av::load_article(text, "f.json"), f);
            // Cut anywhere, the error is the same too.
            for (std::size_t cut = 1; cut < text.size(); cut += text.size() / 7 + 1)
                check_same(load_in_pieces(text.substr(0, cut)).result, av::load_article(text.substr(0, cut), "f.json"), f);
        }
    }
}

TEST_SUITE("utf8 check in parts") {
    TEST_CASE("every place to cut finds what the whole scan finds") {
        const std::vector<std::string> texts = {
            "ascii only, long enough for the eight-byte path",
            "é — 東京 🙂 ok and then some more text",
            "bad \xC3( in the middle of ééé",
            "cut 4-byte \xF0\x9F\x99 at the end",
            "lone continuation \x80\x80\x80\x80 bytes",
            "surrogate \xED\xA0\x80 here",
        };
        for (const std::string& t : texts) {
            const std::size_t whole = av::utf8::find_invalid(t);
            for (std::size_t piece = 1; piece <= t.size(); ++piece) {
                std::size_t pos = 0;
                std::size_t found = std::string_view::npos;
                while (pos < t.size() && found == std::string_view::npos) {
                    const std::size_t before = pos;
                    found = av::utf8::find_invalid(t, pos, pos + piece);
                    REQUIRE((pos > before || found != std::string_view::npos));  // always moves on
                }
                CHECK_MESSAGE(found == whole, t << " in pieces of " << piece);
            }
        }
    }
}

TEST_SUITE("text needs in parts") {
    TEST_CASE("any piece size gives compute_needs' answer") {
        const av::LoadResult loaded = av::load_article(long_article(500), "f.json");
        REQUIRE(loaded.ok());
        const av::TextNeeds whole = av::compute_needs(loaded.article);
        for (std::size_t piece : {1u, 3u, 256u, 100000u}) {
            av::NeedsScan scan(loaded.article);
            std::size_t calls = 0;
            while (!scan.add_blocks(piece)) ++calls;
            CHECK(scan.scanned() == loaded.article.blocks.size());
            const av::TextNeeds parts = scan.take();
            CHECK(parts.chars == whole.chars);
            CHECK(parts.emoji == whole.emoji);
            CHECK(parts.rich == whole.rich);
            CHECK(calls + 1 == (loaded.article.blocks.size() + piece - 1) / piece);
        }
    }
}
