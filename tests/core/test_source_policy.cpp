// What a page opens (hardening issue, item 5): its own site, the sites its publisher lists, the
// reader's own files; never data: or another scheme. And whose progress an article's is.
#include <doctest/doctest.h>

#include "core/source_policy.hpp"

using namespace av;

TEST_SUITE("source policy errors") {
    TEST_CASE("other sites, data: and other schemes are refused, with the reason") {
        const SourcePolicy page{"https://home.example", {}};
        CHECK(page.refusal("https://evil.example/a.json") ==
              "this page opens articles from its own site (https://home.example), not from https://evil.example");
        CHECK(page.refusal("http://home.example/a.json") ==
              "this page opens articles from its own site (https://home.example), not from http://home.example");
        CHECK(page.refusal("https://home.example:8443/a.json") ==
              "this page opens articles from its own site (https://home.example), not from https://home.example:8443");
        CHECK(page.refusal("data:application/json,{}") == "only http and https addresses are opened here");
        CHECK(page.refusal("javascript:alert(1)") == "only http and https addresses are opened here");
        CHECK(page.refusal("file:///etc/passwd") == "only http and https addresses are opened here");
        CHECK(page.refusal("blob:https://home.example/x") == "only http and https addresses are opened here");
        const SourcePolicy listing{"https://home.example", {"https://partner.example"}};
        CHECK(listing.refusal("https://evil.example/a.json") ==
              "this page opens articles from its own site (https://home.example) and the sites its publisher lists, "
              "not from https://evil.example");
    }
}

TEST_SUITE("source policy") {
    TEST_CASE("the page's own site, listed sites and the reader's files are opened") {
        const SourcePolicy page{"https://home.example", {"https://partner.example"}};
        CHECK(page.refusal("https://home.example/articles/a.json").empty());
        CHECK(page.refusal("HTTPS://Home.Example:443/a.json").empty());
        CHECK(page.refusal("https://partner.example/x/a.json").empty());
        CHECK(page.refusal("file:mon-article.json").empty());  // opened or dropped by the reader
        const SourcePolicy desktop{};
        CHECK(desktop.refusal("/home/me/a.json").empty());
        CHECK(desktop.refusal("articles/a.json").empty());
    }

    TEST_CASE("progress belongs to the page's site unless the article came from another") {
        const SourcePolicy page{"https://home.example", {"https://partner.example"}};
        CHECK(page.progress_origin("https://home.example/articles/a.json").empty());
        CHECK(page.progress_origin("file:a.json").empty());
        CHECK(page.progress_origin("https://partner.example/a.json") == "https://partner.example");
        const SourcePolicy desktop{};
        CHECK(desktop.progress_origin("/home/me/a.json").empty());
        CHECK(desktop.progress_origin("https://partner.example/a.json").empty());
    }
}
