// The stored record of an article's highlights: what is refused as a whole (every message), each
// unreadable item skipped with a message naming it (every message) and kept for the next write,
// members of a later viewer kept, and the round trip.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/highlights.hpp"

using namespace av;

namespace {

// A well-formed item, with `change` merged over it (null members removed).
std::string item(const std::string& change = "{}") {
    nlohmann::json j = nlohmann::json::parse(
        R"({"id":"h1","block":2,"start":4,"end":9,"color":"green","quote":"hello","created":100,"updated":200})");
    j.merge_patch(nlohmann::json::parse(change));
    return j.dump();
}

std::string record(const std::string& items) {
    return R"({"version":1,"article":"a1","digest":"d1","items":[)" + items + "]}";
}

// The message an item is skipped with, and that it is skipped.
std::string skipped(const std::string& change) {
    const HighlightRead r = decode_highlights(record(item(change)));
    REQUIRE(r.status == HighlightReadStatus::ok);
    CHECK(r.record.items.empty());
    CHECK(r.record.unreadable.size() == 1);
    return r.skipped.size() == 1 ? r.skipped[0] : "(" + std::to_string(r.skipped.size()) + " messages)";
}

}  // namespace

TEST_SUITE("highlight record errors") {
    TEST_CASE("a value that is not a record is corrupt, never thrown") {
        auto error = [](std::string_view text) {
            const HighlightRead r = decode_highlights(text);
            CHECK(r.status == HighlightReadStatus::corrupt);
            CHECK(r.record.items.empty());
            return r.error;
        };
        CHECK(error("") ==
              "not JSON: 1:1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
              "literal");
        CHECK(
            error("{") ==
            "not JSON: 1:2: syntax error while parsing object key - unexpected end of input; expected string literal");
        CHECK(error("\xff\xfe") == "not UTF-8");
        CHECK(error("[]") == "not an object");
        CHECK(error("null") == "not an object");
        CHECK(error(R"({"items":[]})") == "no version");
        CHECK(error(R"({"version":"1","items":[]})") == "no version");
        CHECK(error(R"({"version":0,"items":[]})") == "no version");
        CHECK(error(R"({"version":1})") == "no items");
        CHECK(error(R"({"version":1,"items":{}})") == "no items");
        CHECK(error(std::string(17u << 20, ' ')) == "too large");
    }

    TEST_CASE("a record of a newer viewer is recognised as such") {
        const HighlightRead r = decode_highlights(R"({"version":2,"items":"whatever it became"})");
        CHECK(r.status == HighlightReadStatus::future_version);
        CHECK(r.error == "written by a newer viewer (version 2)");
    }

    TEST_CASE("each unreadable item is named, word for word") {
        CHECK(skipped(R"({"id":null})") == "items[0].id: missing");
        CHECK(skipped(R"({"id":7})") == "items[0].id: should be a string");
        CHECK(skipped(R"({"id":"a b"})") == "items[0].id: should be 1 to 64 letters, digits, '-' or '_'");
        CHECK(skipped(R"({"id":""})") == "items[0].id: should be 1 to 64 letters, digits, '-' or '_'");
        CHECK(skipped(R"({"updated":null})") == "items[0].updated: missing");
        CHECK(skipped(R"({"updated":-1})") == "items[0].updated: should be a time in ms since 1970");
        CHECK(skipped(R"({"updated":1.5})") == "items[0].updated: should be a time in ms since 1970");
        CHECK(skipped(R"({"deleted":"yes"})") == "items[0].deleted: should be true or false");
        CHECK(skipped(R"({"block":null})") == "items[0].block: missing");
        CHECK(skipped(R"({"block":-1})") == "items[0].block: should be a block index (0 or more)");
        CHECK(skipped(R"({"start":"4"})") == "items[0].start: should be a character offset (0 or more)");
        CHECK(skipped(R"({"end":4294967296})") == "items[0].end: should be a character offset (0 or more)");
        CHECK(skipped(R"({"end":4})") == "items[0].end: 4 is not after start 4");
        CHECK(skipped(R"({"color":null})") == "items[0].color: missing");
        CHECK(skipped(R"({"color":"red"})") == "items[0].color: \"red\" is not yellow, green, blue or pink");
        CHECK(skipped(R"({"quote":null})") == "items[0].quote: missing");
        CHECK(skipped(R"({"quote":"hell"})") == "items[0].quote: 4 characters where end - start is 5");
        CHECK(skipped(R"({"note":5})") == "items[0].note: should be a string");
        CHECK(skipped(R"({"note":")" + std::string(10001, 'x') + "\"}") ==
              "items[0].note: 10001 characters, at most 10000");
        CHECK(skipped(R"({"prefix":")" + std::string(33, 'x') + "\"}") == "items[0].prefix: 33 characters, at most 32");
        CHECK(skipped(R"({"suffix":[]})") == "items[0].suffix: should be a string");
        CHECK(skipped(R"({"created":"then"})") == "items[0].created: should be a time in ms since 1970");
        const HighlightRead r = decode_highlights(record("42"));
        CHECK(r.skipped == std::vector<std::string>{"items[0]: should be an object"});
    }

    TEST_CASE("an unreadable item is kept for the next write; the readable ones are read") {
        const HighlightRead r = decode_highlights(
            record(item() + "," + item(R"({"id":"h2","color":"red"})") + "," + item(R"({"id":"h3","start":0})")));
        REQUIRE(r.status == HighlightReadStatus::ok);
        CHECK(r.skipped == std::vector<std::string>{"items[1].color: \"red\" is not yellow, green, blue or pink",
                                                    "items[2].quote: 5 characters where end - start is 9"});
        REQUIRE(r.record.items.size() == 1);
        CHECK(r.record.items[0].id == "h1");
        const HighlightRead again = decode_highlights(encode_highlights(r.record));
        CHECK(again.record.items.size() == 1);
        CHECK(again.record.unreadable.size() == 2);
        CHECK(again.skipped == std::vector<std::string>{"items[1].color: \"red\" is not yellow, green, blue or pink",
                                                        "items[2].quote: 5 characters where end - start is 9"});
    }
}

TEST_SUITE("highlight record") {
    TEST_CASE("round trip of every member") {
        HighlightRecord r;
        r.article = "a1";
        r.digest = "d1";
        Highlight h;
        h.id = "hk3-ab01";
        h.block = 3;
        h.start = 2;
        h.end = 7;
        h.block_id = "p2";
        h.color = HighlightColor::pink;
        h.note = "A note\non two lines «é»";
        h.quote = "cœur!";
        h.prefix = "au ";
        h.suffix = " de";
        h.created = 1795462399067;
        h.updated = 1795462399999;
        h.digest = "d0";  // anchored in an older text than the record's
        Highlight gone;
        gone.id = "h2";
        gone.deleted = true;
        gone.updated = 5;
        Highlight unknown = h;  // anchored in a text not known (an import without a digest)
        unknown.id = "h3";
        unknown.digest = "";
        r.items = {h, gone, unknown};
        const std::string text = encode_highlights(r);
        const HighlightRead back = decode_highlights(text);
        REQUIRE(back.status == HighlightReadStatus::ok);
        CHECK(back.skipped.empty());
        REQUIRE(back.record.items.size() == 3);
        const Highlight& b = back.record.items[0];
        CHECK(b.id == h.id);
        CHECK(b.block == 3);
        CHECK(b.start == 2);
        CHECK(b.end == 7);
        CHECK(b.block_id == "p2");
        CHECK(b.color == HighlightColor::pink);
        CHECK(b.note == h.note);
        CHECK(b.quote == h.quote);
        CHECK(b.prefix == "au ");
        CHECK(b.suffix == " de");
        CHECK(b.created == h.created);
        CHECK(b.updated == h.updated);
        CHECK(b.digest == "d0");
        CHECK_FALSE(b.deleted);
        CHECK(back.record.items[1].deleted);
        CHECK(back.record.items[1].updated == 5);
        CHECK(back.record.items[2].digest == "");
        // A tombstone holds nothing of what it was; an item of the record's text has no digest.
        CHECK(text.find(R"({"deleted":true,"id":"h2","updated":5})") != std::string::npos);
        h.digest = "d1";
        r.items = {h};
        CHECK(encode_highlights(r).find("digest\":\"d1\",\"items") != std::string::npos);
        CHECK(encode_highlights(r).find("\"digest\"", encode_highlights(r).find("items")) == std::string::npos);
        CHECK(decode_highlights(encode_highlights(r)).record.items[0].digest == "d1");
    }

    TEST_CASE("members of a later viewer survive a rewrite") {
        HighlightRead r = decode_highlights(record(item(R"({"tags":["a","b"],"note":"old"})")));
        REQUIRE(r.record.items.size() == 1);
        r.record.items[0].note = "";
        r.record.items[0].color = HighlightColor::blue;
        const nlohmann::json j = nlohmann::json::parse(encode_highlights(r.record));
        CHECK(j["items"][0]["tags"] == nlohmann::json::parse(R"(["a","b"])"));
        CHECK(j["items"][0]["color"] == "blue");
        CHECK_FALSE(j["items"][0].contains("note"));
    }

    TEST_CASE("colour names") {
        for (HighlightColor c :
             {HighlightColor::yellow, HighlightColor::green, HighlightColor::blue, HighlightColor::pink})
            CHECK(highlight_color_from_name(highlight_color_name(c)) == c);
        CHECK(highlight_color_name(HighlightColor::blue) == "blue");
        CHECK_FALSE(highlight_color_from_name("Yellow"));
        CHECK_FALSE(highlight_color_from_name(""));
    }
}
