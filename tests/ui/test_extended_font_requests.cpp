// When the fonts' extended subsets are asked of the platform (ui/extended_font_requests.hpp): by
// the first article that needs them; after a failed fetch by the next such article or as the
// browser comes back online, never by the article that saw the failure on its own.
#include <doctest/doctest.h>

#include "ui/extended_font_requests.hpp"

using namespace av;

namespace {

// An article that needs the subsets has opened and they were asked: the fetch is on its way.
void open_and_send(ExtendedFontRequests& ext) {
    ext.opened(true);
    REQUIRE(ext.take());
    ext.sent(true);
}

}  // namespace

TEST_SUITE("extended font requests") {
    TEST_CASE("asked by the first article that needs them, once") {
        ExtendedFontRequests ext;
        CHECK_FALSE(ext.take());  // nothing opened yet
        ext.opened(false);
        CHECK_FALSE(ext.take());  // a French article needs none
        ext.opened(true);
        REQUIRE(ext.take());
        ext.sent(true);
        CHECK(ext.waiting());
        CHECK_FALSE(ext.take());  // at every frame after: never twice
        ext.opened(true);         // another such article while they are on their way
        CHECK_FALSE(ext.take());
        ext.answered("");
        CHECK_FALSE(ext.waiting());
        CHECK(ext.error().empty());
        CHECK_FALSE(ext.take());
        ext.opened(true);  // they are loaded: never asked again
        CHECK_FALSE(ext.take());
        ext.online(true);
        CHECK_FALSE(ext.take());
    }

    TEST_CASE("a failed fetch is asked again by the next article that needs them, not by the one that saw it") {
        ExtendedFontRequests ext;
        open_and_send(ext);
        ext.answered("fonts-ext/NotoSerif-Regular.0123abcd.ttf: HTTP 404");
        CHECK(ext.error() == "fonts-ext/NotoSerif-Regular.0123abcd.ttf: HTTP 404");
        CHECK_FALSE(ext.waiting());
        for (int frame = 0; frame < 3; ++frame) CHECK_FALSE(ext.take());
        ext.opened(false);  // an article without such characters asks nothing
        CHECK_FALSE(ext.take());
        ext.opened(true);  // the next that has some (or the same one opened again) does
        REQUIRE(ext.take());
        CHECK_FALSE(ext.take());
        ext.sent(true);
        CHECK(ext.error() == "fonts-ext/NotoSerif-Regular.0123abcd.ttf: HTTP 404");  // until the answer
        ext.answered("");
        CHECK(ext.error().empty());
        ext.opened(true);
        CHECK_FALSE(ext.take());
    }

    TEST_CASE("an article opened while a fetch is on its way sees its failure like the one that asked") {
        ExtendedFontRequests ext;
        open_and_send(ext);
        ext.opened(true);
        ext.answered("fonts-ext/NotoSans-Bold.0123abcd.ttf: network error (Failed to fetch)");
        CHECK_FALSE(ext.take());
        ext.opened(true);
        CHECK(ext.take());
    }

    TEST_CASE("the browser back online asks again while an article that needs them is open") {
        ExtendedFontRequests ext;
        ext.online(true);  // nothing failed: nothing to ask again
        CHECK_FALSE(ext.take());
        ext.opened(true);
        REQUIRE(ext.take());
        ext.sent(true);
        ext.answered("offline");
        ext.online(false);  // the open article has no such characters
        CHECK_FALSE(ext.take());
        ext.online(true);
        REQUIRE(ext.take());
        ext.sent(true);
        ext.answered("offline again");
        CHECK_FALSE(ext.take());  // one online event, one ask
        ext.online(true);
        REQUIRE(ext.take());
        ext.sent(true);
        ext.answered("");
        ext.online(true);
        CHECK_FALSE(ext.take());
    }

    TEST_CASE("back online while a fetch is on its way: asked again if that fetch fails") {
        ExtendedFontRequests ext;
        open_and_send(ext);
        ext.online(true);
        CHECK_FALSE(ext.take());  // not two fetches at once
        ext.answered("network error");
        REQUIRE(ext.take());
        ext.sent(true);
        ext.answered("network error");
        CHECK_FALSE(ext.take());  // that online event is used up

        // ... but not once the article that needed them is gone.
        ext.opened(true);
        REQUIRE(ext.take());
        ext.sent(true);
        ext.online(true);
        ext.opened(false);
        ext.answered("network error");
        CHECK_FALSE(ext.take());

        // A success leaves nothing to ask.
        ext.opened(true);
        REQUIRE(ext.take());
        ext.sent(true);
        ext.online(true);
        ext.answered("");
        CHECK_FALSE(ext.take());
    }

    TEST_CASE("a platform whose faces are whole is never asked again, and shows no error") {
        ExtendedFontRequests ext;
        ext.opened(true);
        REQUIRE(ext.take());
        ext.sent(false);
        CHECK_FALSE(ext.waiting());
        CHECK(ext.error().empty());
        ext.opened(true);
        CHECK_FALSE(ext.take());
        ext.online(true);
        CHECK_FALSE(ext.take());
    }
}
