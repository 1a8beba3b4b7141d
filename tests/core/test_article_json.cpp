// article_json: the loaded article written back for the page's accessible mirror. What the loader
// dropped stays dropped; defaults the canvas shows (the sponsored label) are filled in.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/article_json.hpp"
#include "core/article_loader.hpp"
#include "test_support.hpp"

using nlohmann::json;

namespace {

json mirror_of(const std::string& file) {
    const av::LoadResult r = av::load_article(file, "https://news.example/a/article.json");
    REQUIRE_MESSAGE(r.ok(), r.error);
    return json::parse(av::article_json(r.article));
}

json with_blocks(const std::string& blocks, const std::string& lang = "fr") {
    return mirror_of(R"({"format":"article/1","id":"t","lang":")" + lang + R"(","title":"Titre","blocks":[)" + blocks + "]}");
}

}  // namespace

TEST_SUITE("article json") {
    TEST_CASE("top level and byline") {
        const json j = mirror_of(R"({"format":"article/1","id":"a-1","lang":"fr","title":"Le titre","subtitle":"Sous-titre",
            "byline":{"authors":["Jeanne","Paul"],"published":"2025-06-01T08:30:00Z","source":"Exemple Presse","url":"ftp://x"},
            "blocks":[]})");
        CHECK(j["id"] == "a-1");
        CHECK(j["lang"] == "fr");
        CHECK(j["title"] == "Le titre");
        CHECK(j["subtitle"] == "Sous-titre");
        CHECK(j["byline"]["authors"] == json::array({"Jeanne", "Paul"}));
        CHECK(j["byline"]["published"] == "2025-06-01T08:30:00Z");
        CHECK(j["byline"]["publishedText"] == "1er juin 2025");  // locale::format_date, as the canvas shows it
        CHECK(j["byline"]["source"] == "Exemple Presse");
        CHECK_FALSE(j["byline"].contains("url"));  // ftp: dropped by the loader
        CHECK_FALSE(j["byline"].contains("updated"));
        CHECK_FALSE(j["byline"].contains("sourceRepeatsAuthor"));
        CHECK(j["blocks"] == json::array());
    }

    TEST_CASE("a source that repeats an author is marked, as the canvas leaves it out") {
        // Reader-visible defects issue, item 15: "Mac & i · Mac & i".
        const json j = mirror_of(R"({"format":"article/1","id":"m","title":"T","blocks":[],
            "byline":{"authors":["Jo","Mac & i"],"source":"mac & I"}})");
        CHECK(j["byline"]["source"] == "mac & I");
        CHECK(j["byline"]["sourceRepeatsAuthor"] == true);
    }

    TEST_CASE("headings, paragraphs and runs; dropped links stay dropped") {
        const json j = with_blocks(R"J({"type":"heading","id":"h1","level":3,"text":"Section"},
            {"type":"paragraph","text":["a ",{"text":"b","bold":true},{"text":"c","italic":true,"href":"https://x.example/"},
                                        {"text":"d","href":"javascript:alert(1)"}]})J");
        const json& h = j["blocks"][0];
        CHECK(h["type"] == "heading");
        CHECK(h["index"] == 0);
        CHECK(h["id"] == "h1");
        CHECK(h["level"] == 3);
        CHECK(h["text"] == json::parse(R"([{"text":"Section"}])"));
        const json& p = j["blocks"][1];
        CHECK(p["index"] == 1);
        CHECK_FALSE(p.contains("id"));
        CHECK(p["text"] == json::parse(R"([{"text":"a "},{"text":"b","bold":true},
            {"text":"c","italic":true,"href":"https://x.example/"},{"text":"d"}])"));
    }

    TEST_CASE("format 1.1: the article's dir, blocks' lang and dir, runs' lang, only where the file set them") {
        const json j = mirror_of(R"J({"format":"article/1.1","id":"m","lang":"en","dir":"rtl","title":"T","blocks":[
            {"type":"paragraph","lang":"ar","dir":"rtl","text":["مرحبا ",{"text":"Tokyo","lang":"en","bold":true}]},
            {"type":"heading","level":2,"lang":"ja","dir":"auto","text":"見出し"},
            {"type":"paragraph","dir":"ltr","text":["A name: ",{"text":"山田","lang":"ja"}]},
            {"type":"list","items":[[{"text":"東京","lang":"ja"}]]},
            {"type":"image","src":"a.png","alt":"","width":4,"height":3,"lang":"zh-Hant","caption":[{"text":"臺北","lang":"zh-Hant-TW"}]},
            {"type":"divider","lang":"he","dir":"sideways"}]})J");
        CHECK(j["lang"] == "en");
        CHECK(j["dir"] == "rtl");
        const json& b = j["blocks"];
        CHECK(b[0]["lang"] == "ar");
        CHECK(b[0]["dir"] == "rtl");
        CHECK(b[0]["text"] == json::parse(R"J([{"text":"مرحبا "},{"text":"Tokyo","bold":true,"lang":"en"}])J"));
        CHECK(b[1]["lang"] == "ja");
        CHECK(b[1]["dir"] == "auto");
        CHECK_FALSE(b[2].contains("lang"));
        CHECK(b[2]["dir"] == "ltr");
        CHECK(b[2]["text"][1] == json::parse(R"J({"text":"山田","lang":"ja"})J"));
        CHECK(b[3] == json::parse(R"J({"type":"list","index":3,"ordered":false,"items":[[{"text":"東京","lang":"ja"}]]})J"));
        CHECK(b[4]["lang"] == "zh-Hant");
        CHECK_FALSE(b[4].contains("dir"));
        CHECK(b[4]["caption"] == json::parse(R"J([{"text":"臺北","lang":"zh-Hant-TW"}])J"));
        // A dir the loader dropped stays dropped.
        CHECK(b[5] == json::parse(R"J({"type":"divider","index":5,"lang":"he"})J"));
    }

    TEST_CASE("a 1.0 article: the article's dir is auto, no block or run has lang or dir") {
        const json j = with_blocks(R"({"type":"paragraph","text":["a",{"text":"b","bold":true}]},{"type":"divider"})");
        CHECK(j["lang"] == "fr");
        CHECK(j["dir"] == "auto");
        CHECK(j["blocks"][0] == json::parse(R"({"type":"paragraph","index":0,"text":[{"text":"a"},{"text":"b","bold":true}]})"));
        CHECK(j["blocks"][1] == json::parse(R"({"type":"divider","index":1})"));
    }

    TEST_CASE("sponsored: the label in the article's language when the file has none") {
        const std::string block = R"({"type":"sponsored","title":"Offre","text":"Texte","href":"https://ad.example/","sponsor":"ACME"})";
        const json fr = with_blocks(block)["blocks"][0];
        CHECK(fr["label"] == "Sponsorisé");
        CHECK(fr["sponsor"] == "ACME");
        CHECK(fr["href"] == "https://ad.example/");
        CHECK(fr["title"] == json::parse(R"([{"text":"Offre","href":"https://ad.example/"}])"));  // as the canvas links it
        CHECK(fr["text"] == json::parse(R"([{"text":"Texte"}])"));
        CHECK(with_blocks(block, "en")["blocks"][0]["label"] == "Sponsored");
        CHECK(with_blocks(R"({"type":"sponsored","label":"Publicité","title":"T"})")["blocks"][0]["label"] == "Publicité");
    }

    TEST_CASE("lists, quotes, images, related, callouts, tags, dividers") {
        const json b = with_blocks(R"(
            {"type":"list","ordered":true,"items":["un",[{"text":"deux","bold":true}]]},
            {"type":"quote","text":"Citation","cite":"Quelqu’un"},
            {"type":"image","src":"pic.png","alt":"Une carte","width":640,"height":480,"caption":"Légende","credit":"AFP"},
            {"type":"related","items":[{"title":"A","href":"https://r.example/a"},{"title":"B","href":"javascript:x"}]},
            {"type":"callout","label":"À lire","title":"Titre","text":"T","paragraphs":["P1","P2"]},
            {"type":"tags","items":["Corée","Russie"]},
            {"type":"divider"})")["blocks"];
        CHECK(b[0]["ordered"] == true);
        CHECK(b[0]["items"] == json::parse(R"([[{"text":"un"}],[{"text":"deux","bold":true}]])"));
        CHECK(b[1]["cite"] == "Quelqu’un");
        CHECK(b[2]["alt"] == "Une carte");
        CHECK(b[2]["caption"] == json::parse(R"([{"text":"Légende"}])"));
        CHECK(b[2]["credit"] == "AFP");
        CHECK(b[2]["width"] == 640);
        CHECK(b[2]["src"] == "https://news.example/a/pic.png");  // what the canvas fetches, and a print loads
        CHECK(b[3]["label"] == "À lire aussi");
        CHECK(b[3]["items"] == json::parse(R"([{"title":"A","href":"https://r.example/a"},{"title":"B"}])"));
        CHECK(b[4]["label"] == "À lire");
        CHECK(b[4]["title"] == json::parse(R"([{"text":"Titre"}])"));
        CHECK(b[4]["paragraphs"] == json::parse(R"([[{"text":"P1"}],[{"text":"P2"}]])"));
        CHECK(b[5]["items"] == json::array({"Corée", "Russie"}));
        CHECK(b[6] == json::parse(R"({"type":"divider","index":6})"));
    }

    TEST_CASE("unknown blocks are skipped, indices follow Article::blocks") {
        const json b = with_blocks(R"({"type":"paragraph","text":"a"},{"type":"carousel"},{"type":"paragraph","text":"b"})")["blocks"];
        REQUIRE(b.size() == 2);
        CHECK(b[1]["index"] == 1);
        CHECK(b[1]["text"][0]["text"] == "b");
    }

    TEST_CASE("markup in text is only text") {
        const json j = mirror_of(R"J({"format":"article/1","id":"x","title":"<img src=x onerror=alert(1)>",
            "blocks":[{"type":"paragraph","text":"<script>alert(1)</script>"}]})J");
        CHECK(j["title"] == "<img src=x onerror=alert(1)>");
        CHECK(j["blocks"][0]["text"][0]["text"] == "<script>alert(1)</script>");
    }

    // Written by hand, not through a tree of nlohmann values: every string escaped as JSON wants it.
    TEST_CASE("strings are escaped, and bytes that are not UTF-8 become U+FFFD") {
        av::Article a;
        a.id = "e";
        a.title = std::string("quote \" back \\ nl \n tab \t nul ") + '\0' + " \x01 del \x7f é 中 😀";
        a.subtitle = "bad \xC3 end \xF0\x9F";
        av::Block b;
        b.type = av::BlockType::paragraph;
        b.text.push_back(av::Run{"\x1f\"\\", true, false, "https://x/?a=\"1\"", ""});
        a.blocks.push_back(b);
        const std::string text = av::article_json(a);
        const json j = json::parse(text);
        CHECK(j["title"] == a.title);
        CHECK(j["subtitle"] == "bad \xEF\xBF\xBD end \xEF\xBF\xBD\xEF\xBF\xBD");
        CHECK(j["blocks"][0]["text"] == json::parse(R"([{"text":"\u001f\"\\","bold":true,"href":"https://x/?a=\"1\""}])"));
        CHECK(text.find("\\u0000") != std::string::npos);
        CHECK(text.find("\\n") != std::string::npos);
        CHECK(text.find(std::string(1, '\0')) == std::string::npos);
    }

    TEST_CASE("the bundled seed round-trips every block") {
        const std::string path = std::string(AV_ASSETS_DIR) + "/articles/russie-munitions-nord-coreennes.json";
        const av::LoadResult r = av::load_article(av::test::read_file(path), path);
        REQUIRE(r.ok());
        const json j = json::parse(av::article_json(r.article));
        REQUIRE(j["blocks"].size() == r.article.blocks.size());
        CHECK(j["blocks"][4]["type"] == "sponsored");
        CHECK(j["blocks"][4]["label"] == "Sponsorisé");
        CHECK(j["blocks"][5]["level"] == 2);
    }

    // Issue 20, item 7: the page reads a long article in pages, never as one string.
    TEST_CASE("the header and pages of blocks are the whole article's parts, byte for byte") {
        const av::LoadResult r = av::load_article(
            R"({"format":"article/1","id":"p","lang":"fr","title":"T","byline":{"authors":["A"]},"blocks":[
                {"type":"paragraph","text":"un"},{"type":"heading","level":2,"text":"Deux"},{"type":"divider"},
                {"type":"paragraph","text":"quatre"},{"type":"heading","level":3,"text":"Cinq"}]})",
            "https://news.example/p.json");
        REQUIRE(r.ok());
        const av::Article& a = r.article;
        json header = json::parse(av::article_header_json(a));
        CHECK(header["blockCount"] == 5);
        json whole = json::parse(av::article_json(a));
        const json blocks = whole["blocks"];
        whole.erase("blocks");
        header.erase("blockCount");
        CHECK(header == whole);
        // Pages laid end to end are the whole array; the text of each block is the same.
        std::string joined;
        for (std::size_t from = 0; from < 5; from += 2) {
            const std::string page = av::article_blocks_json(a, from, 2);
            joined += (joined.empty() ? "" : ",") + page.substr(1, page.size() - 2);
        }
        CHECK("[" + joined + "]" == av::article_blocks_json(a, 0, 5));
        CHECK(json::parse("[" + joined + "]") == blocks);
        CHECK(av::article_json(a).find(joined) != std::string::npos);
        // Clamped: past the end, an empty page; a count past the end stops there.
        CHECK(av::article_blocks_json(a, 5, 10) == "[]");
        CHECK(av::article_blocks_json(a, 99, 1) == "[]");
        CHECK(json::parse(av::article_blocks_json(a, 3, 99)).size() == 2);
        CHECK(json::parse(av::article_blocks_json(a, 3, 99))[0]["index"] == 3);
    }

    TEST_CASE("a page stops at the block that reaches its byte budget, and holds at least one") {
        std::string blocks;
        for (int i = 0; i < 10; ++i)
            blocks += std::string(i ? "," : "") + R"({"type":"paragraph","text":"0123456789"})";
        blocks += R"(,{"type":"paragraph","text":")" + std::string(1000, 'x') + R"("})";
        const av::LoadResult r =
            av::load_article(R"({"format":"article/1","id":"b","title":"T","blocks":[)" + blocks + "]}", "b.json");
        REQUIRE(r.ok());
        const std::string one = av::article_blocks_json(r.article, 0, 1);
        const std::size_t block_bytes = one.size() - 2;  // without the brackets
        // A budget of two and a half blocks: three (the third crosses it).
        const json page = json::parse(av::article_blocks_json(r.article, 0, 10, block_bytes * 5 / 2));
        REQUIRE(page.size() == 3);
        CHECK(page[2]["index"] == 2);
        // A budget smaller than one block still gives that block, and the large one comes alone.
        CHECK(json::parse(av::article_blocks_json(r.article, 4, 10, 1)).size() == 1);
        const json large = json::parse(av::article_blocks_json(r.article, 10, 10, 100));
        REQUIRE(large.size() == 1);
        CHECK(large[0]["text"][0]["text"].get<std::string>().size() == 1000);
        // Without a budget, the count rules.
        CHECK(json::parse(av::article_blocks_json(r.article, 0, 11)).size() == 11);
    }

    TEST_CASE("the headings of one level, as Contents lists them") {
        const av::LoadResult r = av::load_article(R"({"format":"article/1","id":"h","title":"T","blocks":[
            {"type":"heading","level":2,"text":"A"},{"type":"paragraph","text":"p"},
            {"type":"heading","level":3,"text":"B"},{"type":"heading","level":2,"text":"C"}]})",
                                                  "h.json");
        REQUIRE(r.ok());
        const json h = json::parse(av::article_headings_json(r.article, 2));
        REQUIRE(h.size() == 2);
        CHECK(h[0] == json::parse(R"({"type":"heading","index":0,"level":2,"text":[{"text":"A"}]})"));
        CHECK(h[1]["index"] == 3);
        CHECK(av::article_headings_json(av::Article{}, 2) == "[]");
    }
}
