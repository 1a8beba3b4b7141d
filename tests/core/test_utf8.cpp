// UTF-8 validation and decoding.
#include <doctest/doctest.h>

#include <string>

#include "core/utf8.hpp"

using namespace av;

TEST_SUITE("utf8 errors") {
TEST_CASE("validation finds the first bad byte") {
    CHECK(utf8::find_invalid("plain ascii") == std::string::npos);
    CHECK(utf8::find_invalid("Corée « ONU » — 😀") == std::string::npos);
    CHECK(utf8::find_invalid("ab\x80") == 2);             // lone continuation byte
    CHECK(utf8::find_invalid("\xC3") == 0);               // truncated sequence
    CHECK(utf8::find_invalid("x\xC1\xBF") == 1);          // overlong 2-byte
    CHECK(utf8::find_invalid("\xE0\x80\xAF") == 0);       // overlong 3-byte
    CHECK(utf8::find_invalid("\xF0\x80\x80\xAF") == 0);   // overlong 4-byte
    CHECK(utf8::find_invalid("\xED\xB0\x80") == 0);       // encoded low surrogate
    CHECK(utf8::find_invalid("\xF4\x90\x80\x80") == 0);   // above U+10FFFF
    CHECK(utf8::find_invalid("\xFF") == 0);
}

TEST_CASE("decoding walks code points and never gets stuck") {
    const std::string s = "é\xFF" "a";
    std::size_t pos = 0;
    CHECK(utf8::next(s, pos) == U'é');
    CHECK(utf8::next(s, pos) == 0xFFFD);
    CHECK(utf8::next(s, pos) == U'a');
    CHECK(pos == s.size());
    CHECK(utf8::length("Corée") == 5);
}

TEST_CASE("a value that is no scalar value is encoded as U+FFFD") {
    std::string out;
    utf8::append(out, 0xD800);
    utf8::append(out, 0x110000);
    CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}
}  // TEST_SUITE("utf8 errors")

TEST_CASE("encoding") {
    std::string out;
    utf8::append(out, U'é');
    utf8::append(out, 0x1F600);
    CHECK(out == "é😀");
}
