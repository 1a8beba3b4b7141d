// The page's address for what is on screen (history entries, reloads, copied URLs).
#include <doctest/doctest.h>

#include "core/page_address.hpp"

using namespace av;

TEST_SUITE("page address") {
    const std::string page = "https://news.example/reader/index.html?article=old.json#p9";
    const std::string home = "https://news.example/reader/articles/seed.json";

    TEST_CASE("the default article has no query; a block is the fragment") {
        CHECK(page_address::of(home, "", home, page) == "");
        CHECK(page_address::of(home, "p3", home, page) == "#p3");
    }

    TEST_CASE("an article of the page's folder is named relative to it") {
        CHECK(page_address::of("https://news.example/reader/articles/b.json", "", home, page) == "?article=articles/b.json");
        CHECK(page_address::of("https://news.example/reader/articles/b.json", "s2.x", home, page) ==
              "?article=articles/b.json#s2.x");
    }

    TEST_CASE("elsewhere on the site by its path, another site in full") {
        CHECK(page_address::of("https://news.example/archive/b.json", "", home, page) == "?article=/archive/b.json");
        CHECK(page_address::of("https://partner.example/a.json?v=2", "", home, page) ==
              "?article=https://partner.example/a.json?v=2");
        CHECK(page_address::of("http://news.example/reader/b.json", "", home, page) == "?article=http://news.example/reader/b.json");
    }

    TEST_CASE("a reader's file is ?file=NAME") {
        CHECK(page_address::of("file:mon article.json", "p1", home, page) == "?file=mon%20article.json#p1");
    }

    TEST_CASE("what a query value or fragment cannot hold is percent-encoded") {
        CHECK(page_address::encode("a&b=c#d+e%f g") == "a%26b=c%23d%2Be%25f%20g");
        CHECK(page_address::encode("corée") == "cor%C3%A9e");
        CHECK(page_address::encode("x\n\"<>") == "x%0A%22%3C%3E");
        CHECK(page_address::of("https://news.example/reader/a b&c.json", "", home, page) == "?article=a%20b%26c.json");
    }
}
