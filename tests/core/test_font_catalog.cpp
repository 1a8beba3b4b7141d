// FontCatalog (core/text/font_catalog.hpp): errors first (each wording asserted exactly), then the
// lookups and files_for on a small handmade manifest, then the manifest the build made
// (shell/fonts/build_fonts.py, AV_FONTS_MORE_DIR).
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/text/font_catalog.hpp"
#include "test_support.hpp"

using av::FontCatalog;
using av::CatalogFamily;
using av::FontFile;
using av::FontId;
using av::Han;
using av::TextNeeds;
using av::Weight;

namespace {

// The error parse() gives, checking that the catalog is left empty.
std::string error_of(const std::string& json) {
    FontCatalog c;
    std::string error;
    const bool ok = c.parse(json, error);
    CHECK_FALSE(ok);
    CHECK(c.empty());
    CHECK(c.families().empty());
    return error;
}

// A manifest with one family whose members are `family` (spliced in).
std::string one_family(const std::string& family) {
    return R"({"format":"av-fonts/1","families":[{)" + family + "}]}";
}

const std::string math_files = R"("files":[{"file":"m.ttf","ranges":[[8592,8703]],"bytes":10,"gzip":5}])";

std::string with_file(const std::string& file) {
    return one_family(R"("name":"math","kind":"fallback","weight":400,"files":[{)" + file + "}]");
}

std::string with_map(const std::string& map, int files = 2) {
    std::string list;
    for (int i = 0; i < files; ++i) {
        list += (i ? "," : "") + std::string(R"({"file":"c-)") + std::to_string(i) + R"(.otf","bytes":1,"gzip":1})";
    }
    return one_family(R"("name":"cjk-ja","kind":"fallback","han":"ja","weight":400,"map":)" + map + R"(,"files":[)" + list + "]");
}

TextNeeds needs(Weight w, Han h, std::vector<char32_t> cps) {
    TextNeeds n;
    std::sort(cps.begin(), cps.end());
    n.chars[static_cast<std::size_t>(w)][static_cast<std::size_t>(h)] = cps;
    return n;
}

std::vector<std::string> names_of(const FontCatalog& c, const std::vector<FontId>& ids) {
    std::vector<std::string> out;
    for (FontId id : ids) out.push_back(c.files()[id].file);
    return out;
}

}  // namespace

TEST_SUITE("font catalog errors") {
    TEST_CASE("not JSON, not UTF-8") {
        CHECK(error_of("") == "1:1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
        CHECK(error_of("{\"format\": av}") == "1:12: syntax error while parsing value - invalid literal; last read: '\"format\": a'");
        CHECK(error_of("{\"format\": \"\xff\"}") == "invalid UTF-8 at byte 12 (1:13)");
    }

    TEST_CASE("the document and its format") {
        CHECK(error_of("[]") == "/: expected an object, got an array");
        CHECK(error_of("{}") == "/format: missing (expected \"av-fonts/1\")");
        CHECK(error_of(R"({"format":1})") == "/format: expected a string, got 1");
        CHECK(error_of(R"({"format":"av-fonts/2","families":[]})") ==
              "/format: unsupported format \"av-fonts/2\" (this viewer reads av-fonts/1)");
        CHECK(error_of(R"({"format":"av-fonts/1"})") == "/families: missing (expected an array of font families)");
        CHECK(error_of(R"({"format":"av-fonts/1","families":{}})") == "/families: expected an array of font families, got an object");
        CHECK(error_of(R"({"format":"av-fonts/1","families":[3]})") == "/families/0: expected a font family (an object), got 3");
    }

    TEST_CASE("a family's members") {
        CHECK(error_of(one_family("")) == "/families/0/name: missing (expected a non-empty string)");
        CHECK(error_of(one_family(R"("name":"")")) == "/families/0/name: expected a non-empty string, got \"\"");
        CHECK(error_of(one_family(R"("name":"m")")) == "/families/0/kind: missing (expected \"fallback\" or \"shaped\")");
        CHECK(error_of(one_family(R"("name":"m","kind":"other")")) ==
              "/families/0/kind: expected \"fallback\" or \"shaped\", got \"other\"");
        CHECK(error_of(one_family(R"("name":"m","kind":"fallback")")) ==
              "/families/0/weight: missing (expected an integer from 1 to 1000)");
        CHECK(error_of(one_family(R"("name":"m","kind":"fallback","weight":400.5)")) ==
              "/families/0/weight: expected an integer from 1 to 1000, got 400.5");
        CHECK(error_of(one_family(R"("name":"m","kind":"fallback","weight":0)")) ==
              "/families/0/weight: expected an integer from 1 to 1000, got 0");
        CHECK(error_of(one_family(R"("name":"a","kind":"shaped","han":"ja","weight":400)")) ==
              "/families/0/han: only a fallback family has a Han variant");
        CHECK(error_of(one_family(R"("name":"c","kind":"fallback","han":"zh","weight":400)")) ==
              "/families/0/han: expected \"zh-Hans\", \"zh-Hant\", \"ja\" or \"ko\", got \"zh\"");
        CHECK(error_of(one_family(R"("name":"m","kind":"fallback","script":"Arab","weight":400)")) ==
              "/families/0/script: only a shaped family has a script");
        CHECK(error_of(one_family(R"("name":"a","kind":"shaped","weight":400)")) ==
              "/families/0/script: missing (expected an ISO 15924 code such as \"Arab\")");
        CHECK(error_of(one_family(R"("name":"a","kind":"shaped","script":"arab","weight":400)")) ==
              "/families/0/script: expected an ISO 15924 code such as \"Arab\", got \"arab\"");
        CHECK(error_of(one_family(R"("name":"a","kind":"shaped","script":"Arabic","weight":400)")) ==
              "/families/0/script: expected an ISO 15924 code such as \"Arab\", got \"Arabic\"");
        CHECK(error_of(one_family(R"("name":"e","kind":"shaped","script":"Zsye","weight":400,"color":1)")) ==
              "/families/0/color: expected true or false, got 1");
        CHECK(error_of(one_family(R"("name":"m","kind":"fallback","weight":400,"color":true)")) ==
              "/families/0/color: only a shaped family is drawn in colour");
        CHECK(error_of(one_family(R"("name":"a","kind":"shaped","script":"Arab","weight":400,"text_default":[])")) ==
              "/families/0/text_default: only a colour family has text_default");
        CHECK(error_of(one_family(R"("name":"e","kind":"shaped","script":"Zsye","color":true,"weight":400,"text_default":[[5,4]])")) ==
              "/families/0/text_default/0: expected [first, last] code points from 0 to 1114111 with first <= last, got [5, 4]");
    }

    TEST_CASE("two families for one script and weight, or one Han variant") {
        const std::string arab = R"({"name":"a","kind":"shaped","script":"Arab","weight":400,)" + math_files + "}";
        CHECK(error_of(R"({"format":"av-fonts/1","families":[)" + arab + "," + arab + "]}") ==
              "/families/1: another family already draws Arab at weight 400 (/families/0)");
        const std::string ja = R"({"name":"j","kind":"fallback","han":"ja","weight":400,)" + math_files + "}";
        CHECK(error_of(R"({"format":"av-fonts/1","families":[)" + ja + "," + ja + "]}") ==
              "/families/1: another family already has the Han variant ja (/families/0)");
    }

    TEST_CASE("files") {
        const std::string head = R"("name":"math","kind":"fallback","weight":400)";
        CHECK(error_of(one_family(head)) == "/families/0/files: missing (expected a non-empty array of files)");
        CHECK(error_of(one_family(head + R"(,"files":[])")) == "/families/0/files: expected a non-empty array of files, got []");
        CHECK(error_of(one_family(head + R"(,"files":"m.ttf")")) ==
              "/families/0/files: expected a non-empty array of files, got \"m.ttf\"");
        CHECK(error_of(one_family(head + R"(,"files":[null])")) == "/families/0/files/0: expected a file (an object), got null");
        CHECK(error_of(with_file("")) == "/families/0/files/0/file: missing (expected a relative path such as \"math-0.ttf\")");
        for (const char* bad : {"/etc/passwd", "../x.ttf", "a//b.ttf", "a/./b.ttf", "a\\\\b.ttf", "c:x.ttf", "", "a/"}) {
            CAPTURE(bad);
            CHECK(error_of(with_file(std::string(R"("file":")") + bad + "\"")) ==
                  std::string("/families/0/files/0/file: expected a relative path such as \"math-0.ttf\", got \"") + bad + "\"");
        }
        CHECK(error_of(with_file(R"("file":"m.ttf")")) ==
              "/families/0/files/0/ranges: missing (expected an array of [first, last] code points)");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":{})")) ==
              "/families/0/files/0/ranges: expected an array of [first, last] code points, got an object");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[[1,2],[3]])")) ==
              "/families/0/files/0/ranges/1: expected [first, last] code points from 0 to 1114111 with first <= last, got an array");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[[1,1114112]])")) ==
              "/families/0/files/0/ranges/0: expected [first, last] code points from 0 to 1114111 with first <= last, got [1, 1114112]");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[[-1,2]])")) ==
              "/families/0/files/0/ranges/0: expected [first, last] code points from 0 to 1114111 with first <= last, got [-1, 2]");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[["a","b"]])")) ==
              "/families/0/files/0/ranges/0: expected [first, last] code points from 0 to 1114111 with first <= last, got [\"a\", \"b\"]");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[[10,20],[20,30]])")) ==
              "/families/0/files/0/ranges/1: starts at or before the end of the range before it (ranges must be sorted and disjoint)");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[[10,20],[5,6]])")) ==
              "/families/0/files/0/ranges/1: starts at or before the end of the range before it (ranges must be sorted and disjoint)");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[])")) ==
              "/families/0/files/0/bytes: missing (expected an integer from 0 to 4294967295)");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[],"bytes":"1")")) ==
              "/families/0/files/0/bytes: expected an integer from 0 to 4294967295, got \"1\"");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[],"bytes":1)")) ==
              "/families/0/files/0/gzip: missing (expected an integer from 0 to 4294967295)");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[],"bytes":1,"gzip":4294967296)")) ==
              "/families/0/files/0/gzip: expected an integer from 0 to 4294967295, got 4294967296");
        CHECK(error_of(with_file(R"("file":"m.ttf","ranges":[],"bytes":1,"gzip":1e400)")) == "1:140: number overflow parsing '1e400'");
    }

    TEST_CASE("two files of a family share a code point") {
        CHECK(error_of(one_family(R"("name":"m","kind":"fallback","weight":400,"files":[)"
                                  R"({"file":"a.ttf","ranges":[[100,200]],"bytes":1,"gzip":1},)"
                                  R"({"file":"b.ttf","ranges":[[50,60],[200,201]],"bytes":1,"gzip":1}])")) ==
              "/families/0/files/1: shares U+00C8 with /families/0/files/0 (a code point belongs to one file of a family)");
    }

    TEST_CASE("a family's map") {
        CHECK(error_of(with_map("[]")) == "/families/0/map: expected an object with \"ranges\" and \"files\", got an array");
        CHECK(error_of(with_map("{}")) == "/families/0/map/ranges: missing (expected an array of [first, last] code points)");
        CHECK(error_of(with_map(R"({"ranges":[[1,3]]})")) == "/families/0/map/files: missing (expected a string: each code point's file)");
        CHECK(error_of(with_map(R"({"ranges":[[1,3]],"files":[0,1,0]})")) ==
              "/families/0/map/files: expected a string: each code point's file, got an array");
        CHECK(error_of(with_map(R"({"ranges":[[1,3]],"files":"AB"})")) ==
              "/families/0/map/files: 2 characters for 3 code points (expected 1 per code point)");
        CHECK(error_of(with_map(R"({"ranges":[[1,3]],"files":"AB"})", 65)) ==
              "/families/0/map/files: 2 characters for 3 code points (expected 2 per code point)");
        CHECK(error_of(with_map(R"({"ranges":[[1,3]],"files":"A!B"})")) ==
              "/families/0/map/files: character 1 is not one of ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
        CHECK(error_of(with_map(R"({"ranges":[[1,3]],"files":"ABC"})")) ==
              "/families/0/map/files: character 2 names file 2, but the family has 2");
        CHECK(error_of(with_map(R"({"ranges":[[1,2]],"files":"AABB"})", 65)) ==
              "/families/0/map/files: character 2 names file 65, but the family has 65");
        CHECK(error_of(one_family(R"("name":"c","kind":"fallback","weight":400,"map":{"ranges":[],"files":""},)"
                                  R"("files":[{"file":"a.otf","ranges":[],"bytes":1,"gzip":1}])")) ==
              "/families/0/files/0/ranges: not allowed in a family that has a map");
    }

    TEST_CASE("at most 65280 files: the FontIds above are the base faces'") {
        std::string files;
        for (int i = 0; i < 0xFF01; ++i) files += std::string(i ? "," : "") + R"({"file":"f.ttf","ranges":[],"bytes":0,"gzip":0})";
        CHECK(error_of(one_family(R"("name":"m","kind":"fallback","weight":400,"files":[)" + files + "]")) ==
              "/families/0/files: more than 65280 files in the manifest");
    }

    TEST_CASE("a failed parse empties a catalog that was full") {
        FontCatalog c;
        std::string error;
        REQUIRE(c.parse(one_family(R"("name":"m","kind":"fallback","weight":400,)" + math_files), error));
        CHECK_FALSE(c.empty());
        CHECK_FALSE(c.parse("{}", error));
        CHECK(c.empty());
        CHECK(c.families().empty());
        CHECK(c.file_for(0, 0x2192) == av::no_font);
        CHECK(c.files_for(needs(Weight::regular, Han::zh_hans, {0x2192})).empty());
    }
}

namespace {

// Handmade: math (2 files), symbols, a Japanese CJK family by map, a Korean one by ranges, Arabic
// at 400 and 700, Hebrew at 400 only, emoji in colour with text-default ❤ (U+2764).
const char* handmade = R"({
  "format": "av-fonts/1",
  "future member": "ignored",
  "families": [
    {"name": "math", "kind": "fallback", "weight": 400, "files": [
      {"file": "math-0.ttf", "ranges": [[8592, 8703]], "bytes": 100, "gzip": 50},
      {"file": "math-1.ttf", "ranges": [[8704, 8959], [10176, 10223]], "bytes": 200, "gzip": 90}]},
    {"name": "symbols", "kind": "fallback", "weight": 400, "files": [
      {"file": "symbols-0.ttf", "ranges": [[9984, 10175]], "bytes": 80, "gzip": 40}]},
    {"name": "cjk-ja", "kind": "fallback", "han": "ja", "weight": 400,
     "map": {"ranges": [[12354, 12356], [26085, 26085], [26412, 26412]], "files": "AAABC"},
     "files": [
      {"file": "cjk-ja-0.otf", "bytes": 1000, "gzip": 800},
      {"file": "cjk-ja-1.otf", "bytes": 300, "gzip": 200},
      {"file": "cjk-ja-2.otf", "bytes": 300, "gzip": 200}]},
    {"name": "cjk-ko", "kind": "fallback", "han": "ko", "weight": 400, "files": [
      {"file": "cjk-ko-0.otf", "ranges": [[26085, 26085], [44032, 44035]], "bytes": 500, "gzip": 400}]},
    {"name": "arabic", "kind": "shaped", "script": "Arab", "weight": 400, "files": [
      {"file": "arabic-400.ttf", "ranges": [[1536, 1791]], "bytes": 90, "gzip": 60}]},
    {"name": "arabic", "kind": "shaped", "script": "Arab", "weight": 700, "files": [
      {"file": "arabic-700.ttf", "ranges": [[1536, 1791]], "bytes": 91, "gzip": 61}]},
    {"name": "hebrew", "kind": "shaped", "script": "Hebr", "weight": 400, "files": [
      {"file": "hebrew-400.ttf", "ranges": [[1424, 1535]], "bytes": 30, "gzip": 20}]},
    {"name": "emoji", "kind": "shaped", "script": "Zsye", "color": true, "weight": 400,
     "text_default": [[10084, 10084]], "files": [
      {"file": "emoji-0.ttf", "ranges": [[10084, 10084], [128512, 128515]], "bytes": 9000, "gzip": 8900},
      {"file": "emoji-1.ttf", "ranges": [[65039, 65039], [127995, 127999]], "bytes": 3000, "gzip": 2900}]}
  ]
})";

FontCatalog handmade_catalog() {
    FontCatalog c;
    std::string error;
    REQUIRE_MESSAGE(c.parse(handmade, error), error);
    return c;
}

}  // namespace

TEST_SUITE("font catalog lookups") {
    TEST_CASE("families and files as the manifest lists them") {
        const FontCatalog c = handmade_catalog();
        REQUIRE(c.families().size() == 8);
        REQUIRE(c.files().size() == 12);
        const CatalogFamily& math = c.families()[0];
        CHECK(math.name == "math");
        CHECK(math.kind == CatalogFamily::Kind::fallback);
        CHECK(math.weight == 400);
        CHECK_FALSE(math.has_han);
        CHECK(math.files == std::vector<FontId>{0, 1});
        CHECK(c.files()[1].file == "math-1.ttf");
        CHECK(c.files()[1].bytes == 200);
        CHECK(c.files()[1].gzip == 90);
        CHECK(c.files()[1].family == 0);
        CHECK(c.files()[1].ranges == av::CodeRanges{{8704, 8959}, {10176, 10223}});
        const CatalogFamily& ja = c.families()[2];
        CHECK(ja.has_han);
        CHECK(ja.han == Han::ja);
        // The map gave each file its ranges.
        CHECK(c.files()[3].ranges == av::CodeRanges{{12354, 12356}});
        CHECK(c.files()[4].ranges == av::CodeRanges{{26085, 26085}});
        CHECK(c.files()[5].ranges == av::CodeRanges{{26412, 26412}});
        const CatalogFamily& arabic_bold = c.families()[5];
        CHECK(arabic_bold.kind == CatalogFamily::Kind::shaped);
        CHECK(arabic_bold.script == av::script_tag("Arab"));
        CHECK(arabic_bold.weight == 700);
        const CatalogFamily& emoji = c.families()[7];
        CHECK(emoji.color);
        CHECK(emoji.script == av::script_tag("Zsye"));
        CHECK(emoji.text_default == av::CodeRanges{{10084, 10084}});
    }

    TEST_CASE("covers, file_for") {
        const FontCatalog c = handmade_catalog();
        CHECK(c.files()[1].covers(8704));
        CHECK(c.files()[1].covers(8959));
        CHECK(c.files()[1].covers(10200));
        CHECK_FALSE(c.files()[1].covers(8703));
        CHECK_FALSE(c.files()[1].covers(10224));
        CHECK(c.file_for(0, 0x2192) == 0);
        CHECK(c.file_for(0, 0x2200) == 1);
        CHECK(c.file_for(0, 0x27E0) == 1);
        CHECK(c.file_for(0, 0x2700) == av::no_font);
        CHECK(c.file_for(2, 0x3042) == 3);
        CHECK(c.file_for(2, 0x65E5) == 4);
        CHECK(c.file_for(2, 0x672C) == 5);
        CHECK(c.file_for(2, 0x65E6) == av::no_font);
        CHECK(c.file_for(-1, 0x2192) == av::no_font);
        CHECK(c.file_for(8, 0x2192) == av::no_font);
    }

    TEST_CASE("shaped families by script and nearest weight; the fallback chain per Han variant") {
        const FontCatalog c = handmade_catalog();
        CHECK(c.shaped_family(av::script_tag("Arab"), Weight::regular) == 4);
        CHECK(c.shaped_family(av::script_tag("Arab"), Weight::bold) == 5);
        CHECK(c.shaped_family(av::script_tag("Hebr"), Weight::bold) == 6);
        CHECK(c.shaped_family(av::script_tag("Zsye"), Weight::bold) == 7);
        CHECK(c.shaped_family(av::script_tag("Thai"), Weight::regular) == -1);
        CHECK(c.fallback_families(Han::ja) == std::vector<int>{0, 1, 2});
        CHECK(c.fallback_families(Han::ko) == std::vector<int>{0, 1, 3});
        CHECK(c.fallback_families(Han::zh_hans) == std::vector<int>{0, 1});
    }

    TEST_CASE("base faces as font ids") {
        CHECK(FontCatalog::base_font(av::Face::serif) == 0xFF00);
        CHECK(FontCatalog::base_font(av::Face::sans_bold) == 0xFF05);
        CHECK(FontCatalog::is_base_font(FontCatalog::base_font(av::Face::serif_italic)));
        CHECK_FALSE(FontCatalog::is_base_font(3));
        CHECK_FALSE(FontCatalog::is_base_font(av::no_font));
    }

    TEST_CASE("files_for: fallback families, in the chain of each Han variant") {
        const FontCatalog c = handmade_catalog();
        // Arrows and a math operator: two files of math; a dingbat: symbols.
        CHECK(names_of(c, c.files_for(needs(Weight::regular, Han::zh_hans, {0x2192, 0x2211, 0x2713}))) ==
              std::vector<std::string>{"math-0.ttf", "math-1.ttf", "symbols-0.ttf"});
        // Bold text takes the same fallback files (CJK bold is drawn in Regular).
        CHECK(names_of(c, c.files_for(needs(Weight::bold, Han::ja, {0x3042, 0x65E5}))) ==
              std::vector<std::string>{"cjk-ja-0.otf", "cjk-ja-1.otf"});
        // 日 in Korean text comes from the Korean family; in Simplified Chinese no family has it.
        CHECK(names_of(c, c.files_for(needs(Weight::regular, Han::ko, {0x65E5, 0xAC00}))) ==
              std::vector<std::string>{"cjk-ko-0.otf"});
        CHECK(c.files_for(needs(Weight::regular, Han::zh_hans, {0x65E5})).empty());
        // Code points no family has: nothing.
        CHECK(c.files_for(needs(Weight::regular, Han::ja, {0x10FFFF, 0x41})).empty());
        CHECK(c.files_for(TextNeeds{}).empty());
    }

    TEST_CASE("files_for: shaped families of the nearest weight, every weight and variant together") {
        const FontCatalog c = handmade_catalog();
        TextNeeds n = needs(Weight::regular, Han::zh_hans, {0x0627, 0x05D0});
        n.chars[static_cast<std::size_t>(Weight::bold)][static_cast<std::size_t>(Han::ja)] = {0x0627, 0x05D0, 0x3042};
        CHECK(names_of(c, c.files_for(n)) ==
              std::vector<std::string>{"cjk-ja-0.otf", "arabic-400.ttf", "arabic-700.ttf", "hebrew-400.ttf"});
    }

    TEST_CASE("files_for: emoji, and text-default emoji only beside VS16 or a skin tone") {
        const FontCatalog c = handmade_catalog();
        // 😀: the emoji slice only.
        CHECK(names_of(c, c.files_for(needs(Weight::regular, Han::zh_hans, {0x1F600}))) ==
              std::vector<std::string>{"emoji-0.ttf"});
        // ❤ alone is text: the fallback chain (symbols), not the emoji slice.
        CHECK(names_of(c, c.files_for(needs(Weight::regular, Han::zh_hans, {0x2764}))) ==
              std::vector<std::string>{"symbols-0.ttf"});
        // ❤️ (with VS16): its emoji slice, VS16's own slice, and the text glyph for a ❤ elsewhere.
        CHECK(names_of(c, c.files_for(needs(Weight::regular, Han::zh_hans, {0x2764, 0xFE0F}))) ==
              std::vector<std::string>{"symbols-0.ttf", "emoji-0.ttf", "emoji-1.ttf"});
        // A skin tone anywhere (in bold text here) counts as well.
        TextNeeds n = needs(Weight::regular, Han::ja, {0x2764});
        n.chars[static_cast<std::size_t>(Weight::bold)][static_cast<std::size_t>(Han::ja)] = {0x1F3FD};
        CHECK(names_of(c, c.files_for(n)) == std::vector<std::string>{"symbols-0.ttf", "emoji-0.ttf", "emoji-1.ttf"});
    }

    TEST_CASE("integers may be written with a zero fraction") {
        FontCatalog c;
        std::string error;
        REQUIRE(c.parse(one_family(R"("name":"m","kind":"fallback","weight":400.0,"files":[)"
                                   R"({"file":"d/m.ttf","ranges":[[1.0,2]],"bytes":3.0,"gzip":2}])"),
                        error));
        CHECK(c.families()[0].weight == 400);
        CHECK(c.files()[0].ranges == av::CodeRanges{{1, 2}});
        CHECK(c.files()[0].bytes == 3);
        CHECK(error.empty());
    }
}

#ifdef AV_FONTS_MORE_DIR
namespace {

std::size_t file_size(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 ? static_cast<std::size_t>(st.st_size) : 0;
}

int family_named(const FontCatalog& c, const std::string& name, int weight = 400) {
    for (std::size_t i = 0; i < c.families().size(); ++i) {
        if (c.families()[i].name == name && c.families()[i].weight == weight) return static_cast<int>(i);
    }
    return -1;
}

// The families of the files files_for picks.
std::vector<std::string> families_for(const FontCatalog& c, const TextNeeds& n) {
    std::vector<std::string> out;
    for (FontId id : c.files_for(n)) {
        const auto& f = c.families()[static_cast<std::size_t>(c.files()[id].family)];
        const std::string name = f.name + (f.kind == CatalogFamily::Kind::shaped && !f.color ? "-" + std::to_string(f.weight) : "");
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
    return out;
}

}  // namespace

TEST_SUITE("font catalog: the built manifest") {
    TEST_CASE("reads, lists every family in the fallback order, and every file is there") {
        FontCatalog c;
        std::string error;
        const std::string dir = AV_FONTS_MORE_DIR;
        REQUIRE_MESSAGE(c.parse(av::test::read_file(dir + "/fonts.json"), error), error);
        std::vector<std::string> names;
        for (const CatalogFamily& f : c.families()) names.push_back(f.name + "/" + std::to_string(f.weight));
        CHECK(names == std::vector<std::string>{"base-rest/400", "math/400", "symbols/400", "symbols2/400", "mono/400", "cjk-zh-hans/400",
                                                "cjk-zh-hant/400", "cjk-ja/400", "cjk-ko/400", "arabic/400", "arabic/700",
                                                "hebrew/400", "hebrew/700", "devanagari/400", "devanagari/700",
                                                "bengali/400", "bengali/700", "tamil/400", "tamil/700", "thai/400",
                                                "thai/700", "emoji/400"});
        CHECK(c.families()[5].han == Han::zh_hans);
        CHECK(c.families()[6].han == Han::zh_hant);
        CHECK(c.families()[7].han == Han::ja);
        CHECK(c.families()[8].han == Han::ko);
        for (const FontFile& f : c.files()) {
            CAPTURE(f.file);
            CHECK(file_size(dir + "/" + f.file) == f.bytes);
            CHECK(f.gzip > 0);
            CHECK(f.gzip < f.bytes + 1024);
        }
    }

    TEST_CASE("which families draw what") {
        FontCatalog c;
        std::string error;
        REQUIRE(c.parse(av::test::read_file(std::string(AV_FONTS_MORE_DIR) + "/fonts.json"), error));
        using V = std::vector<std::string>;
        // − → ∑ (Noto Serif has none of them), box drawing, a geometric shape.
        CHECK(families_for(c, needs(Weight::regular, Han::zh_hans, {0x2212, 0x2192, 0x2211})) == V{"math"});
        CHECK(families_for(c, needs(Weight::regular, Han::zh_hans, {0x2500, 0x2588})) == V{"mono"});
        // ᵢ ⅓ ἀ: Noto Serif draws them, no web subset of the base faces has them.
        CHECK(families_for(c, needs(Weight::bold, Han::zh_hans, {0x1D62, 0x2153, 0x1F00})) == V{"base-rest"});
        // Kana and kanji, in Japanese and in Korean text; hangul.
        CHECK(families_for(c, needs(Weight::bold, Han::ja, {0x3042, 0x65E5, 0x672C})) == V{"cjk-ja"});
        CHECK(families_for(c, needs(Weight::regular, Han::ko, {0x65E5, 0xD55C})) == V{"cjk-ko"});
        CHECK(families_for(c, needs(Weight::regular, Han::zh_hant, {0x570B})) == V{"cjk-zh-hant"});
        // Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai: their script's family at the weight.
        CHECK(families_for(c, needs(Weight::regular, Han::zh_hans, {0x0627, 0x0644})) == V{"arabic-400"});
        CHECK(families_for(c, needs(Weight::bold, Han::zh_hans, {0x05D0, 0x0915, 0x0995, 0x0B95, 0x0E01})) ==
              V{"hebrew-700", "devanagari-700", "bengali-700", "tamil-700", "thai-700"});
        // Emoji: 😀 from the emoji family only; ❤ alone from a fallback, ❤️ from both.
        CHECK(families_for(c, needs(Weight::regular, Han::zh_hans, {0x1F600})) == V{"emoji"});
        CHECK(families_for(c, needs(Weight::regular, Han::zh_hans, {0x2764})) == V{"symbols2"});
        CHECK(families_for(c, needs(Weight::regular, Han::zh_hans, {0x2764, 0xFE0F})) == V{"symbols2", "emoji"});
    }

    TEST_CASE("an emoji sequence's slice is the one owning its first owned code point") {
        FontCatalog c;
        std::string error;
        REQUIRE(c.parse(av::test::read_file(std::string(AV_FONTS_MORE_DIR) + "/fonts.json"), error));
        const int emoji = family_named(c, "emoji");
        REQUIRE(emoji >= 0);
        // 1️⃣ and ©️: the digit and © are the base faces', VS16 owns their slice, and U+20E3 too.
        const FontId keycaps = c.file_for(emoji, 0xFE0F);
        CHECK(keycaps != av::no_font);
        CHECK(c.file_for(emoji, 0x20E3) == keycaps);
        CHECK(c.file_for(emoji, 0x31) == av::no_font);
        CHECK(c.file_for(emoji, 0xA9) == av::no_font);
        // ZWJ and tag characters own nothing: 👩‍👩‍👧 goes by 👩, 🏴󠁧󠁢󠁳󠁣󠁴󠁿 by 🏴.
        CHECK(c.file_for(emoji, 0x200D) == av::no_font);
        CHECK(c.file_for(emoji, 0xE0067) == av::no_font);
        CHECK(c.file_for(emoji, 0x1F469) != av::no_font);
        CHECK(c.file_for(emoji, 0x1F3F4) != av::no_font);
    }
}
#endif
