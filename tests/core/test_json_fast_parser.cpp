// The JSON fast path against nlohmann's parser as read_json runs it (json_nlohmann_parser.hpp), the
// authority it must agree with: on text nlohmann refuses it gives up (errors first), on text
// nlohmann accepts it makes the same SAX calls with the same values, after the value both refuse
// the same first byte that is not white space, and a handler that stops makes both stop at the
// same call. Then the real files and thousands of broken variants of them.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/json_fast_parser.hpp"
#include "core/json_nlohmann_parser.hpp"
#include "core/json_reader.hpp"
#include "core/utf8.hpp"
#include "sax_recorder.hpp"
#include "test_support.hpp"

using av::json_fast::Outcome;
using Reference = av::json_nlohmann::Outcome;
using nlohmann::json;

namespace {

struct Both {
    Reference nlohmann;
    std::vector<std::string> nlohmann_calls;
    std::size_t nlohmann_at;  // after Reference::trailing
    Outcome fast;
    std::vector<std::string> fast_calls;
    std::size_t fast_at;  // after Outcome::trailing
};

Both parse_both(const std::string& text, long stop_at = -1) {
    av::test::SaxRecorder slow(stop_at), fast(stop_at);
    std::size_t slow_at = 0, fast_at = 0;
    const Reference r = av::json_nlohmann::parse(text, slow, &slow_at);
    const Outcome o = av::json_fast::parse(text, fast, &fast_at);
    return {r, slow.calls, slow_at, o, fast.calls, fast_at};
}

// The fast path's contract on one text (valid UTF-8): see the file's header.
void check_agrees(const std::string& text) {
    const Both b = parse_both(text);
    switch (b.nlohmann) {
        case Reference::failed: CHECK_MESSAGE(b.fast == Outcome::gave_up, text); return;
        case Reference::parsed: CHECK_MESSAGE(b.fast == Outcome::parsed, text); break;
        case Reference::trailing:
            CHECK_MESSAGE(b.fast == Outcome::trailing, text);
            CHECK_MESSAGE(b.fast_at == b.nlohmann_at, text);
            break;
    }
    CHECK_MESSAGE(b.fast_calls == b.nlohmann_calls, text);
}

// With a handler that refuses its n-th call, for n at a few places: the same calls, then a stop.
void check_stops_alike(const std::string& text) {
    const std::size_t calls = parse_both(text).nlohmann_calls.size();
    for (std::size_t n : {std::size_t{1}, calls / 3 + 1, calls / 2 + 1, calls}) {
        if (n == 0 || n > calls) continue;
        const Both b = parse_both(text, static_cast<long>(n));
        REQUIRE_MESSAGE(b.nlohmann == Reference::failed, text);
        CHECK(b.fast == Outcome::stopped);
        CHECK(b.fast_calls == b.nlohmann_calls);
    }
}

// Valid UTF-8 variants of `text`: cut short at every `step`-th byte, and with one byte replaced by
// each of the characters that matter to JSON, at positions a fixed generator picks.
std::vector<std::string> broken_variants(const std::string& text, std::size_t step, int replacements) {
    std::vector<std::string> out;
    for (std::size_t cut = 0; cut < text.size(); cut += step) out.push_back(text.substr(0, cut));
    const std::string significant = "{}[]\",:\\ -.0eE+tfnu/\t\n\x01";
    std::uint32_t seed = 12345;
    for (int i = 0; i < replacements && !text.empty(); ++i) {
        seed = seed * 1664525u + 1013904223u;  // Numerical Recipes' LCG: the same variants every run
        std::string v = text;
        v[(seed >> 8) % v.size()] = significant[(seed >> 3) % significant.size()];
        out.push_back(std::move(v));
    }
    std::vector<std::string> valid;
    for (std::string& v : out)
        if (av::utf8::find_invalid(v) == std::string::npos) valid.push_back(std::move(v));
    return valid;
}

}  // namespace

TEST_SUITE("json fast path") {
    TEST_CASE("errors: it gives up wherever nlohmann refuses the text") {
        for (const char* text : {
                 "", " ", "\n\t ", "x", "tru", "nul", "fals", "True", "[", "]", "{", "}", "[1", "[1,", "[1,]",
                 "[,1]", "[1 2]", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{1:2}",
                 "{'a':1}", "\"abc", "\"a\\\"", "\"\\x\"", "\"\\u12\"", "\"\\u12G4\"",
                 "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"\\ud800\\\"", "\"a\tb\"",
                 "\"a\nb\"", "\"\x1f\"", "1.", ".5", "-", "+1",
                 "1e", "1e+", "1E-", "-.5", "1e400", "-1e400", "NaN", "Infinity", "[1e999]", "\xEF\xBB",
                 "\xEF\xBB\xBF", "\xEF\xBB\xBF\xEF\xBB\xBF[]", "/* */ 1", "// x\n1", "[1e400] x",
             }) {
            check_agrees(text);
            CHECK_MESSAGE(parse_both(text).fast == Outcome::gave_up, text);
        }
        // NUL bytes (the C strings above stop at them): inside a string, and where a value or a
        // separator should be, nlohmann reads them as the end of the input, too early.
        for (const std::string& text : {std::string("\"a\0b\"", 5), std::string("[1\0]", 4), std::string("{\"a\":\0}", 7),
                                        std::string("\0", 1), std::string("tr\0ue", 5), std::string("\0[]", 3)}) {
            check_agrees(text);
            CHECK(parse_both(text).fast == Outcome::gave_up);
        }
    }

    TEST_CASE("errors: after the value, both refuse the first byte that is not white space") {
        const std::vector<std::pair<std::string, std::size_t>> cases = {
            {"1 2", 2}, {"[] x", 3}, {"[]]", 2}, {"{}}", 2}, {"[1]\x01", 3}, {"01", 1}, {"00", 1}, {"-01", 2},
            {"0x10", 1}, {"1.5e3.", 5}, {"12x", 2}, {"\"s\"\"t\"", 3}, {"true false", 5}, {"nulls", 4}, {"null\n\n  {", 8},
            {"\xEF\xBB\xBF{} \xC3\xA9", 6},
            // A NUL byte, which nlohmann's lexer takes for the end of the input, and what follows it.
            {std::string("true\0", 5), 4}, {std::string("{}\0 garbage", 11), 2}, {std::string("[1] \0\0x", 7), 4},
            {std::string("12\0", 3), 2}, {std::string("0\0", 2), 1}, {std::string("\"a\"\r\n\0<html>", 12), 5},
        };
        for (const auto& c : cases) {  // (no structured binding: C++17 lambdas, as in CHECK, cannot capture one)
            const std::string& text = c.first;
            check_agrees(text);
            const Both b = parse_both(text);
            CHECK_MESSAGE(b.nlohmann == Reference::trailing, text);
            CHECK_MESSAGE(b.nlohmann_at == c.second, text);
        }
        // nlohmann's own strict parsing accepts what follows a NUL byte: the reason for the
        // reference parser's own check.
        CHECK(json::accept(std::string("{}\0 garbage", 11)));
    }

    TEST_CASE("numbers become the same integers and doubles") {
        for (const char* text : {
                 "0", "-0", "7", "-7", "1234567890", "18446744073709551615", "18446744073709551616", "99999999999999999999",
                 "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                 "-18446744073709551616", "0.0", "-0.0", "1.5", "-1.5", "1e5", "1E+2", "1e-2", "2.5e-3", "1e-400",
                 "4.9e-324", "1.7976931348623157e308", "0.1", "123.456e78", "[1,-2,3.5,4e1]",
             }) {
            check_agrees(text);
            CHECK_MESSAGE(parse_both(text).fast == Outcome::parsed, text);
        }
        // What the events carry, said once in full. nlohmann gives containers no size: npos.
        const std::string open = "[ " + std::to_string(static_cast<std::size_t>(-1));
        CHECK(parse_both("[18446744073709551615, -9223372036854775808, 18446744073709551616]").fast_calls ==
              std::vector<std::string>{open, "unsigned 18446744073709551615",
                                       "int -9223372036854775808", "float 0x1p+64 18446744073709551616", "]"});
    }

    TEST_CASE("strings and escapes become the same bytes") {
        for (const char* text : {
                 "\"\"", "\"abc\"", "\"é à ç — « »\"", "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\u0000\"", "\"\\u0041\\u00e9\"",
                 "\"\\u20AC\\u20ac\"", "\"\\ud83d\\ude00\"", "\"\\uD83D\\uDE00 tail\"", "\"\x7f\"", "\"a very long string "
                 "that runs over several eight-byte words, with an escape \\n in the middle and é at the end é\"",
                 "\"12345678\\\"12345678\"", "\"1234567\"", "\"12345678\"", "\"123456789\"",
             }) {
            check_agrees(text);
            CHECK_MESSAGE(parse_both(text).fast == Outcome::parsed, text);
        }
        CHECK(parse_both("\"\\u0000x\\ud83d\\ude00\"").fast_calls == std::vector<std::string>{std::string("string \0x\xF0\x9F\x98\x80", 13)});
    }

    TEST_CASE("structure, white space and the byte order mark") {
        for (const char* text : {
                 "{}", "[]", " [ ] ", "\t\r\n{\r\n}\n", "[[[[]]]]", "{\"a\":{\"b\":[{}]}}", "{\"a\":1,\"a\":2}", "[true,false,null]",
                 "{\"\":\"\"}", "\xEF\xBB\xBF{}", "\xEF\xBB\xBF 1", "\"top-level string\"", "true", "null",
             }) {
            check_agrees(text);
            CHECK_MESSAGE(parse_both(text).fast == Outcome::parsed, text);
        }
        const std::string npos = std::to_string(static_cast<std::size_t>(-1));  // nlohmann's size of a container
        CHECK(parse_both("{\"k\": [1, \"v\"]}").fast_calls ==
              std::vector<std::string>{"{ " + npos, "key k", "[ " + npos, "unsigned 1", "string v", "]", "}"});
    }

    TEST_CASE("a format 1.1 article: the same calls, in every script") {
        const std::string text = R"({"format":"article/1.1","id":"m","lang":"en","dir":"auto","title":"T","blocks":[
            {"type":"paragraph","lang":"ar","dir":"rtl","text":["مرحبا ",{"text":"Tokyo","lang":"en"}]},
            {"type":"heading","level":2,"lang":"ja","text":"東京の見出し"},
            {"type":"paragraph","text":["\u5c71\u7530 ",{"text":"שלום","lang":"he","bold":true}]}]})";
        check_agrees(text);
        CHECK(parse_both(text).fast == Outcome::parsed);
        check_stops_alike(text);
    }

    TEST_CASE("a handler that stops stops both at the same call") {
        check_stops_alike("{\"a\": [1, 2.5, \"x\", true, null, {\"b\": []}], \"c\": {}}");
        check_stops_alike("[[[[\"deep\"]]]]");
    }

    TEST_CASE("read_json gives nlohmann's message for a broken file, and the fast path's value for a good one") {
        const av::JsonReadResult bad = av::read_json("{\"a\": tru}", av::LoadLimits{});
        CHECK(bad.kind == av::LoadErrorKind::json_syntax);
        CHECK(bad.error == "1:10: syntax error while parsing value - invalid literal; last read: '\"a\": tru}'");
        // Bytes after the value: the fast path's offset, in the words of the other syntax errors.
        const av::JsonReadResult trailing = av::read_json(std::string("{}\n\0<html>", 10), av::LoadLimits{});
        CHECK(trailing.kind == av::LoadErrorKind::json_syntax);
        CHECK(trailing.error == "2:1: unexpected U+0000 after the JSON value (byte 3); only white space may follow it");
        CHECK(trailing.value.is_null());
        const av::JsonReadResult good = av::read_json("{\"a\": [1, -2, 2.5, \"\\u00e9\"]}", av::LoadLimits{});
        REQUIRE(good.kind == av::LoadErrorKind::none);
        CHECK(good.value == json::parse("{\"a\": [1, -2, 2.5, \"é\"]}"));
    }
}

TEST_SUITE("json fast path on real files") {
    TEST_CASE("every bundled and corpus file, and broken variants of each, parse as nlohmann parses them") {
        std::vector<std::string> files = av::test::json_files(AV_ASSETS_DIR "/articles");
        for (const std::string& f : av::test::json_files(AV_SHARED_DIR "/corpus")) files.push_back(f);
        files.push_back(AV_ASSETS_DIR "/articles/index.json");
        REQUIRE(files.size() > 3);
        std::size_t variants = 0;
        for (const std::string& f : files) {
            const std::string text = av::test::read_file(f);
            REQUIRE_MESSAGE(!text.empty(), f);
            const Both whole = parse_both(text);
            CHECK_MESSAGE(whole.nlohmann == Reference::parsed, f);
            CHECK_MESSAGE(whole.fast == Outcome::parsed, f);
            CHECK_MESSAGE(whole.fast_calls == whole.nlohmann_calls, f);
            check_stops_alike(text);
            // About 200 cuts and 300 replacements per file.
            for (const std::string& v : broken_variants(text, text.size() / 200 + 1, 300)) {
                const Both b = parse_both(v);
                switch (b.nlohmann) {
                    case Reference::parsed:
                        CHECK_MESSAGE((b.fast == Outcome::parsed && b.fast_calls == b.nlohmann_calls), f);
                        break;
                    case Reference::trailing:
                        CHECK_MESSAGE((b.fast == Outcome::trailing && b.fast_at == b.nlohmann_at && b.fast_calls == b.nlohmann_calls), f);
                        break;
                    case Reference::failed: CHECK_MESSAGE(b.fast == Outcome::gave_up, f); break;
                }
                ++variants;
            }
        }
        MESSAGE(variants << " variants compared");
        CHECK(variants > 5000);
    }
}
