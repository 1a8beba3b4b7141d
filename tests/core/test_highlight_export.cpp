// Export (Markdown, JSON) and import (JSON) of an article's highlights: every refusal of an import
// word for word, the exact exported text, the round trip, and what an import merges.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "core/highlights.hpp"
#include "core/progress.hpp"
#include "highlight_test_support.hpp"

using namespace av;
using av::test::MemoryStore;

namespace {

const std::string blocks = R"({"type":"paragraph","id":"p0","text":"The *first* paragraph's text, with [brackets]."},
    {"type":"paragraph","text":"1. A second one, without an id."},
    {"type":"heading","id":"end","level":2,"text":"A heading"})";

std::string export_of(const std::string& items) {
    return R"({"format":"article-viewer/highlights","version":1,"article":{"id":"a1","digest":"d"},"highlights":[)" +
           items + "]}";
}

const std::string good = R"({"id":"h1","block":0,"start":4,"end":11,"color":"green","quote":"*first*","updated":10})";

std::vector<std::string> errors_of(std::string_view text) {
    return parse_highlights_json(text).errors;
}
using Errors = std::vector<std::string>;

Highlight made(const std::string& id, int block, std::uint32_t start, const std::string& quote, const std::string& note,
               const std::string& block_id, bool lost = false) {
    Highlight h;
    h.id = id;
    h.block = block;
    h.start = start;
    h.end = start + static_cast<std::uint32_t>(quote.size());
    h.quote = quote;
    h.note = note;
    h.block_id = block_id;
    h.lost = lost;
    h.created = 1;
    h.updated = 2;
    return h;
}

}  // namespace

TEST_SUITE("highlight import errors") {
    TEST_CASE("a file that is not an export is refused as a whole") {
        CHECK(errors_of("") == Errors{"not JSON: 1:1: syntax error while parsing value - unexpected end of input; "
                                      "expected '[', '{', or a literal"});
        CHECK(errors_of("ab\xff") == Errors{"not UTF-8 (byte 2)"});
        CHECK(errors_of("[]") == Errors{"not a highlights export: the file is not a JSON object"});
        CHECK(errors_of(R"({"format":"article/1"})") ==
              Errors{"format: not a highlights export (\"format\" should be \"article-viewer/highlights\")"});
        CHECK(errors_of(R"({"version":1,"highlights":[]})") ==
              Errors{"format: not a highlights export (\"format\" should be \"article-viewer/highlights\")"});
        CHECK(errors_of(R"({"format":"article-viewer/highlights","highlights":[]})") ==
              Errors{"version: should be a whole number from 1"});
        CHECK(errors_of(R"({"format":"article-viewer/highlights","version":"1","highlights":[]})") ==
              Errors{"version: should be a whole number from 1"});
        CHECK(errors_of(R"({"format":"article-viewer/highlights","version":2,"highlights":[]})") ==
              Errors{"version: 2 is newer than this viewer reads (1)"});
        CHECK(errors_of(R"({"format":"article-viewer/highlights","version":1})") == Errors{"highlights: missing"});
        CHECK(errors_of(R"({"format":"article-viewer/highlights","version":1,"highlights":{}})") ==
              Errors{"highlights: should be an array"});
        CHECK(errors_of(std::string(33u << 20, ' ')) == Errors{"the file is larger than 32 MB"});
        CHECK(parse_highlights_json(R"({"format":"article-viewer/highlights","version":2,"highlights":[)" + good + "]}")
                  .items.empty());
    }

    TEST_CASE("each bad highlight is named and left out; the others are read") {
        const HighlightImport r = parse_highlights_json(export_of(
            good + R"(,42,{"id":"h3","block":0,"start":5,"end":3,"color":"green","quote":"x","updated":1},)" +
            R"({"id":"h4","block":0,"start":0,"end":1,"color":"mauve","quote":"x","updated":1},)" +
            R"({"id":"h5","block":0,"start":0,"end":1,"color":"blue","quote":"x"},)" +
            R"({"id":"h6","block":0,"start":0,"end":1,"color":"blue","quote":"x","updated":1,"deleted":true})"));
        CHECK(r.errors == Errors{"highlights[1]: should be an object", "highlights[2].end: 3 is not after start 5",
                                 "highlights[3].color: \"mauve\" is not yellow, green, blue or pink",
                                 "highlights[4].updated: missing"});
        REQUIRE(r.items.size() == 2);
        CHECK(r.items[0].id == "h1");
        CHECK(r.items[0].digest == "d");  // the export's
        CHECK(r.items[1].id == "h6");
        CHECK_FALSE(r.items[1].deleted);  // an export holds live highlights only
        CHECK(r.article == "a1");
    }
}

TEST_SUITE("highlight export") {
    TEST_CASE("Markdown: title, source, each quote with its note and a link to its block") {
        const Article a = av::test::article_of(blocks);
        const std::vector<Highlight> items = {
            made("h1", 0, 4, "*first*", "A note\non two lines", "p0"),
            made("h2", 1, 0, "1. A second", "", ""),
            made("h3", 9, 0, "gone words", "why it mattered", "", true),
        };
        CHECK(highlights_markdown(a, items, "https://example.org/a.json#p4") ==
              "# Title\n"
              "\n"
              "Source: <https://example.org/a.json>\n"
              "\n"
              "2 highlights\n"
              "\n"
              "> \\*first\\*\n"
              "\n"
              "**Note:** A note  \n"
              "on two lines\n"
              "\n"
              "[Go to the passage](<https://example.org/a.json#p0>)\n"
              "\n"
              "> 1\\. A second\n"
              "\n"
              "[Go to the passage](<https://example.org/a.json>)\n"
              "\n"
              "## No longer in the article\n"
              "\n"
              "The article changed; these passages were not found in it again.\n"
              "\n"
              "> gone words\n"
              "\n"
              "**Note:** why it mattered\n");
        // Without an address, a link to the block still works inside the page.
        const std::string local = highlights_markdown(a, {items[0]}, "");
        CHECK(local.find("[Go to the passage](<#p0>)") != std::string::npos);
        CHECK(local.find("Source:") == std::string::npos);
        CHECK(local.find("1 highlight\n") != std::string::npos);
    }

    TEST_CASE("JSON: the documented format") {
        const Article a = av::test::article_of(blocks);
        std::vector<Highlight> items = {made("h1", 0, 4, "*first*", "n", "p0")};
        items[0].digest = a.digest;
        items[0].prefix = "The ";
        items.push_back(made("h2", 9, 0, "gone", "", "", true));
        items[1].digest = "0123456789abcdef";
        const nlohmann::json j = nlohmann::json::parse(highlights_json(a, items));
        CHECK(j == nlohmann::json::parse(R"({
            "format": "article-viewer/highlights", "version": 1,
            "article": {"id": "a1", "title": "Title", "digest": ")" +
                                         a.digest + R"("},
            "highlights": [
                {"id": "h1", "block": 0, "block_id": "p0", "start": 4, "end": 11, "color": "yellow", "note": "n",
                 "quote": "*first*", "prefix": "The ", "created": 1, "updated": 2},
                {"id": "h2", "block": 9, "start": 0, "end": 4, "color": "yellow", "quote": "gone", "created": 1,
                 "updated": 2, "lost": true, "digest": "0123456789abcdef"}
            ]})"));
    }

    TEST_CASE("round trip: exported, imported into another store, the same highlights") {
        const Article seed = av::test::article_file(av::test::seed_path);
        MemoryStore store;
        HighlightKeeper keeper(store);
        keeper.open(seed);
        keeper.add(9, 0, 16, HighlightColor::green, "Note «1»\nline two", 1000);
        keeper.add(1, 3, 20, HighlightColor::pink, "", 1001);
        keeper.add(5, 0, 5, HighlightColor::blue, "\"quoted\" \\ and *stars*", 1002);
        const std::string exported = highlights_json(seed, keeper.items());

        const HighlightImport parsed = parse_highlights_json(exported);
        CHECK(parsed.errors.empty());
        CHECK(parsed.article == seed.id);
        CHECK(parsed.digest == seed.digest);
        MemoryStore other;
        HighlightKeeper fresh(other);
        fresh.open(seed);
        const HighlightKeeper::ImportOutcome outcome = fresh.import(parsed, 5000);
        CHECK(outcome.added == 3);
        CHECK(outcome.updated == 0);
        CHECK(outcome.lost == 0);
        REQUIRE(fresh.items().size() == 3);
        for (std::size_t i = 0; i < 3; ++i) {
            const Highlight& x = keeper.items()[i];
            const Highlight& y = fresh.items()[i];
            CHECK(x.id == y.id);
            CHECK(x.block == y.block);
            CHECK(x.start == y.start);
            CHECK(x.end == y.end);
            CHECK(x.color == y.color);
            CHECK(x.note == y.note);
            CHECK(x.quote == y.quote);
            CHECK(x.prefix == y.prefix);
            CHECK(x.suffix == y.suffix);
            CHECK(x.created == y.created);
            CHECK(x.updated == y.updated);
        }
        CHECK(HighlightKeeper::count_in(other, seed.id) == 3);
        CHECK(highlights_json(seed, fresh.items()) == exported);
        // Again: nothing new.
        const HighlightKeeper::ImportOutcome twice = fresh.import(parsed, 6000);
        CHECK(twice.added == 0);
        CHECK(twice.unchanged == 3);
    }

    TEST_CASE("import merges: the newer change wins, a later deletion stands") {
        const Article a = av::test::article_of(blocks);
        MemoryStore store;
        HighlightKeeper keeper(store);
        keeper.open(a);
        const std::string edited = keeper.add(0, 0, 3, HighlightColor::yellow, "", 1000);
        const std::string older_here = keeper.add(0, 4, 11, HighlightColor::yellow, "", 1000);
        const std::string deleted = keeper.add(2, 0, 1, HighlightColor::yellow, "", 1000);
        const HighlightImport old_export = parse_highlights_json(highlights_json(a, keeper.items()));
        keeper.set_note(edited, "edited after the export", 2000);
        keeper.remove(deleted, 2000);
        HighlightImport newer = parse_highlights_json(highlights_json(a, keeper.items()));
        for (Highlight& h : newer.items)
            if (h.id == older_here) {
                h.note = "from a newer export";
                h.updated = 3000;
            }
        newer.items.erase(
            std::remove_if(newer.items.begin(), newer.items.end(), [&](const Highlight& h) { return h.id == edited; }),
            newer.items.end());
        const HighlightKeeper::ImportOutcome from_old = keeper.import(old_export, 4000);
        CHECK(from_old.added == 0);
        CHECK(from_old.updated == 0);
        CHECK(from_old.unchanged == 3);
        CHECK(keeper.find(edited)->note == "edited after the export");
        CHECK(keeper.find(deleted) == nullptr);
        const HighlightKeeper::ImportOutcome from_new = keeper.import(newer, 4000);
        CHECK(from_new.updated == 1);
        CHECK(from_new.unchanged == 0);
        CHECK(keeper.find(older_here)->note == "from a newer export");
        HighlightKeeper reopened(store);
        reopened.open(a);
        CHECK(reopened.find(older_here)->note == "from a newer export");
    }

    TEST_CASE("import into an edited article: found again, or lost with its quote") {
        const Article seed = av::test::article_file(av::test::seed_path);
        MemoryStore store;
        HighlightKeeper keeper(store);
        keeper.open(seed);
        keeper.add(9, 0, 16, HighlightColor::green, "", 1000);
        const std::string gone = keeper.add(10, 0, 20, HighlightColor::green, "", 1000);
        const HighlightImport exported = parse_highlights_json(highlights_json(seed, keeper.items()));
        Article changed = seed;
        changed.blocks.erase(changed.blocks.begin() + 10);
        changed.blocks.insert(changed.blocks.begin() + 2, changed.blocks[1]);
        changed.blocks[2].id = "copy";
        changed.digest = article_digest(changed);
        MemoryStore other;
        HighlightKeeper fresh(other);
        fresh.open(changed);
        const HighlightKeeper::ImportOutcome outcome = fresh.import(exported, 5000);
        CHECK(outcome.added == 2);
        CHECK(outcome.lost == 1);
        REQUIRE(fresh.items().size() == 2);
        CHECK(fresh.items()[0].block == 10);
        CHECK_FALSE(fresh.items()[0].lost);
        CHECK(fresh.items()[1].id == gone);
        CHECK(fresh.items()[1].lost);
        CHECK(fresh.items()[1].quote == exported.items[1].quote);
        // An export of another article: its quotes are looked for here, and lost when absent.
        const Article unrelated = av::test::article_of(blocks);
        MemoryStore third;
        HighlightKeeper elsewhere(third);
        elsewhere.open(unrelated);
        CHECK(elsewhere.import(exported, 5000).lost == 2);
        CHECK(elsewhere.items().size() == 2);
        CHECK(elsewhere.import(HighlightImport{}, 5000).added == 0);
        HighlightKeeper closed(third);
        CHECK(closed.import(exported, 5000).added == 0);
        CHECK(closed.error() == "no article is open");
    }
}
