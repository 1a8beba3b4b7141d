// Reading progress: the stored format (every failure case), resuming in a changed article, the
// two-tab rule, saving only once the reader settles, reading speed, the library.
#include <doctest/doctest.h>

#include <string>

#include "core/article_loader.hpp"
#include "core/progress_keeper.hpp"
#include "memory_store.hpp"

using namespace av;
using av::test::MemoryStore;

namespace {

Article article_from(const std::string& blocks, const std::string& lang = "fr") {
    auto r = load_article(R"({"format":"article/1","id":"a1","lang":")" + lang + R"(","title":"Titre","blocks":[)" + blocks + "]}", "a.json");
    REQUIRE_MESSAGE(r.ok(), r.error);
    return r.article;
}

const std::string three = R"({"type":"paragraph","id":"p0","text":"Premier paragraphe avec quelques mots de texte."},
    {"type":"paragraph","id":"p1","text":"Deuxième paragraphe, plus long, qui parle de la Corée du Nord et de la Russie."},
    {"type":"sponsored","title":"Publicité à ne pas compter"},
    {"type":"paragraph","text":"Troisième paragraphe sans identifiant mais avec un texte reconnaissable ici."})";

}  // namespace

TEST_SUITE("progress format errors") {
    TEST_CASE("corrupt values are reported, never thrown") {
        for (const char* bad : {"", "{", "null", "[]", "42", "{\"version\":1}", "{\"version\":\"1\"}",
                                "{\"version\":1,\"anchor\":{\"block\":\"x\",\"offset\":0},\"percent\":0.5,\"updated\":1}",
                                "{\"version\":1,\"anchor\":{\"block\":1,\"offset\":-1},\"percent\":0.5,\"updated\":1}",
                                "{\"version\":1,\"anchor\":{\"block\":1,\"offset\":0},\"percent\":7,\"updated\":1}",
                                "{\"version\":1,\"anchor\":{\"block\":1,\"offset\":0},\"percent\":0.5}", "\xff\xfe"}) {
            CAPTURE(bad);
            CHECK(decode_progress(bad).status == ProgressReadStatus::corrupt);
        }
        CHECK(decode_progress("{").error == "not JSON: 1:2: syntax error while parsing object key - unexpected end of input; expected string literal");
        CHECK(decode_progress("[]").error == "not an object");
        CHECK(decode_progress("{\"version\":0}").error == "no version");
    }

    TEST_CASE("a value from a future version is recognised as such") {
        const ProgressRead r = decode_progress(R"({"version":2,"whatever":{"new":true}})");
        CHECK(r.status == ProgressReadStatus::future_version);
        CHECK(r.error == "written by a newer viewer (version 2)");
    }
}

TEST_SUITE("progress") {
    TEST_CASE("round trip") {
        const Article a = article_from(three);
        Progress p = make_progress(a, Anchor{1, 9}, 0.4213, 1700000000123, article_digest(a), "https://x/a.json");
        CHECK(p.block_id == "p1");
        CHECK(p.snippet == "paragraphe, plus long, qui parle de la Corée du Nord et de la Ru");
        const std::string text = encode_progress(p);
        CHECK(text == R"({"anchor":{"block":1,"id":"p1","offset":9,"text":"paragraphe, plus long, qui parle de la Corée du Nord et de la Ru"},"digest":")" +
                          article_digest(a) + R"(","percent":0.4213,"source":"https://x/a.json","title":"Titre","updated":1700000000123,"version":1})");
        const ProgressRead r = decode_progress(text);
        REQUIRE(r.status == ProgressReadStatus::ok);
        CHECK(r.progress.anchor == Anchor{1, 9});
        CHECK(r.progress.percent == doctest::Approx(0.4213));
        CHECK(r.progress.updated == 1700000000123);
        CHECK(r.progress.title == "Titre");
    }

    TEST_CASE("the digest follows the text, not the formatting") {
        const Article a = article_from(three);
        CHECK(article_digest(a) == article_digest(article_from(three)));
        CHECK(article_digest(a).size() == 16);
        CHECK(article_digest(a) != article_digest(article_from(three + R"(,{"type":"divider"})")));
    }

    TEST_CASE("resuming in a changed article: by id, by text, else the top") {
        const Article before = article_from(three);
        const Progress by_id = make_progress(before, Anchor{1, 11}, 0.5, 1, article_digest(before), "");
        const Progress by_text = make_progress(before, Anchor{3, 10}, 0.8, 1, article_digest(before), "");
        // Same article: the anchor as stored.
        CHECK(resume_position(before, article_digest(before), by_id).match == ResumeMatch::same_text);
        // A paragraph added at the start: p1 moved to index 2, the id finds it, the text is intact.
        const Article after = article_from(R"({"type":"paragraph","text":"Nouveau chapeau."},)" + three);
        Resume r = resume_position(after, article_digest(after), by_id);
        CHECK(r.match == ResumeMatch::by_id);
        CHECK(r.anchor == Anchor{2, 11});
        // The block without an id is found by its text.
        r = resume_position(after, article_digest(after), by_text);
        CHECK(r.match == ResumeMatch::by_text);
        CHECK(r.anchor == Anchor{4, 10});
        // Rewritten completely: the top.
        const Article rewritten = article_from(R"({"type":"paragraph","text":"Tout autre chose."})");
        r = resume_position(rewritten, article_digest(rewritten), by_text);
        CHECK(r.match == ResumeMatch::lost);
        CHECK(r.anchor == Anchor{});
    }

    TEST_CASE("the two-tab rule: the most recent reading wins") {
        Progress older, newer;
        older.updated = 100;
        newer.updated = 200;
        CHECK(should_store(std::nullopt, older));
        CHECK(should_store(older, newer));
        CHECK_FALSE(should_store(newer, older));
        CHECK(should_store(newer, newer));
    }

    TEST_CASE("words left exclude sponsored and callout blocks") {
        const Article a = article_from(three);
        const auto prefix = word_prefix(a);
        CHECK(prefix.back() == 7 + 15 + 10);
        CHECK(words_left(a, prefix, Anchor{}) == 32);
        CHECK(words_left(a, prefix, Anchor{1, 0}) == 25);
        CHECK(words_left(a, prefix, Anchor{3, 0}) == 10);
        CHECK(words_left(a, prefix, Anchor{99, 0}) == 0);
    }

    TEST_CASE("reading speed ignores implausible observations") {
        ReadingSpeed s;
        s = observe_speed(s, 100, 5, 200);  // too short to tell
        CHECK(s.samples == 0);
        s = observe_speed(s, 5000, 60, 200);  // skimming
        CHECK(s.samples == 0);
        s = observe_speed(s, 100, 3600, 200);  // a tab left open
        CHECK(s.samples == 0);
        s = observe_speed(s, 300, 60, 200);  // 300 wpm for a minute: a sixth of the way from 200
        CHECK(s.samples == 1);
        CHECK(s.wpm == doctest::Approx(200 + 100.0 / 6));
        CHECK(decode_speed(encode_speed(s))->wpm == doctest::Approx(217));
        CHECK_FALSE(decode_speed("{\"wpm\":\"fast\",\"samples\":1}"));
        CHECK_FALSE(decode_speed("garbage"));
    }

    TEST_CASE("reading speed moves steadily, and still finds a reader's own pace") {
        SUBCASE("stretches read fast and slow in turn move it by at most speed_step each") {
            ReadingSpeed s;
            double before = 195;
            const double stretches[][2] = {{30, 20}, {330, 20}, {40, 25}, {800, 50}, {35, 20}, {600, 40}};
            for (const auto& words_seconds : stretches) {
                s = observe_speed(s, words_seconds[0], words_seconds[1], 195);
                CHECK(s.wpm <= before * speed_step + 1e-9);
                CHECK(s.wpm >= before / speed_step - 1e-9);
                before = s.wpm;
            }
            CHECK(s.samples == 6);
            CHECK(s.wpm > 150);
            CHECK(s.wpm < 300);
        }
        SUBCASE("a reader who reads at 400 wpm is measured so within 15 minutes") {
            ReadingSpeed s;
            for (int i = 0; i < 30; ++i) s = observe_speed(s, 200, 30, 195);
            CHECK(s.wpm == doctest::Approx(400).epsilon(0.04));
            for (int i = 0; i < 30; ++i) s = observe_speed(s, 100, 30, 195);  // then slows to 200
            CHECK(s.wpm == doctest::Approx(200).epsilon(0.06));
        }
        SUBCASE("the language's average is where a new reader starts") {
            ReadingSpeed s = observe_speed(ReadingSpeed{}, 300, 60, 228);
            CHECK(s.wpm == doctest::Approx(228 + 72.0 / 6));
        }
    }
}

TEST_SUITE("progress keeper") {
    TEST_CASE("saves once the reader settles, not on every move") {
        MemoryStore store;
        const Article a = article_from(three);
        ProgressKeeper keeper(store);
        CHECK_FALSE(keeper.open(a, "a.json"));
        keeper.moved(Anchor{1, 0}, 0.3, 1000, 10.0);
        keeper.moved(Anchor{1, 20}, 0.35, 1100, 10.1);
        CHECK(keeper.tick(10.5) == doctest::Approx(10.1 + ProgressKeeper::settle_seconds));
        CHECK(store.sets == 0);
        CHECK(keeper.tick(11.0) < 0);
        CHECK(store.sets == 1);
        CHECK(keeper.tick(12.0) < 0);
        CHECK(store.sets == 1);
        // Reopening resumes there.
        ProgressKeeper again(store);
        auto resume = again.open(a, "a.json");
        REQUIRE(resume);
        CHECK(resume->anchor == Anchor{1, 20});
    }

    TEST_CASE("flush saves what is pending (page hidden, window closed)") {
        MemoryStore store;
        const Article a = article_from(three);
        ProgressKeeper keeper(store);
        keeper.open(a, "a.json");
        keeper.moved(Anchor{3, 5}, 0.9, 1000, 1.0);
        keeper.flush();
        CHECK(store.sets == 1);
        keeper.flush();
        CHECK(store.sets == 1);
    }

    TEST_CASE("an older tab never overwrites a newer position") {
        MemoryStore store;
        const Article a = article_from(three);
        ProgressKeeper tab_a(store), tab_b(store);
        tab_a.open(a, "a.json");
        tab_b.open(a, "a.json");
        tab_a.moved(Anchor{0, 5}, 0.1, 1000, 1.0);      // tab A moved at t=1000 ...
        tab_b.moved(Anchor{3, 0}, 0.9, 2000, 1.0);      // ... tab B read further at t=2000
        tab_b.flush();
        tab_a.flush();                                  // A is hidden later, but its reading is older
        auto resume = ProgressKeeper(store).open(a, "a.json");
        REQUIRE(resume);
        CHECK(resume->anchor == Anchor{3, 0});
    }

    // A value whose `updated` is a day ahead (a clock ahead, another device) used to win over every
    // later move, while stored() said the position was saved.
    TEST_CASE("a stored time from the future never freezes the position") {
        MemoryStore store;
        const Article a = article_from(three);
        const std::int64_t now = 1'700'000'000'000;
        const std::int64_t day = 24 * 3600 * 1000;
        Progress ahead = make_progress(a, Anchor{1, 0}, 0.3, now + day, article_digest(a), "a.json");
        store.values["progress/a1"] = encode_progress(ahead);
        ProgressKeeper keeper(store);
        auto resume = keeper.open(a, "a.json");
        REQUIRE(resume);
        CHECK(resume->anchor == Anchor{1, 0});
        CHECK(keeper.stored());  // what storage holds is where the reader is
        keeper.moved(Anchor{3, 4}, 0.9, now + 1000, 1.0);
        CHECK_FALSE(keeper.stored());  // a move waits to be saved
        CHECK(keeper.tick(1.0 + ProgressKeeper::settle_seconds) < 0);
        CHECK(keeper.stored());
        CHECK(decode_progress(store.values["progress/a1"]).progress.anchor == Anchor{3, 4});
        // And on: every later move is written too.
        keeper.moved(Anchor{3, 9}, 0.95, now + 2000, 5.0);
        keeper.flush();
        CHECK(decode_progress(store.values["progress/a1"]).progress.anchor == Anchor{3, 9});
        CHECK(keeper.stored());
    }

    TEST_CASE("another tab's value from the future wins once; the next move here is written") {
        MemoryStore store;
        const Article a = article_from(three);
        const std::int64_t now = 1'700'000'000'000;
        ProgressKeeper keeper(store);
        keeper.open(a, "a.json");
        keeper.moved(Anchor{1, 0}, 0.3, now, 1.0);
        keeper.flush();
        // Meanwhile someone else writes a position dated a day ahead.
        const std::string other =
            encode_progress(make_progress(a, Anchor{3, 0}, 0.9, now + 86'400'000, article_digest(a), "a.json"));
        store.values["progress/a1"] = other;
        keeper.moved(Anchor{1, 10}, 0.32, now + 1000, 2.0);
        keeper.flush();
        CHECK(store.values["progress/a1"] == other);  // written since this tab looked, and "newer"
        CHECK_FALSE(keeper.stored());                 // so this tab's place is not what is stored
        keeper.moved(Anchor{1, 20}, 0.34, now + 2000, 3.0);
        keeper.flush();
        CHECK(decode_progress(store.values["progress/a1"]).progress.anchor == Anchor{1, 20});
        CHECK(keeper.stored());
    }

    TEST_CASE("stored() is false when the write fails or another tab's newer position is kept") {
        MemoryStore store;
        const Article a = article_from(three);
        ProgressKeeper tab_a(store), tab_b(store);
        tab_a.open(a, "a.json");
        tab_b.open(a, "a.json");
        tab_a.moved(Anchor{0, 5}, 0.1, 1000, 1.0);
        tab_b.moved(Anchor{3, 0}, 0.9, 2000, 1.0);
        tab_b.flush();
        CHECK(tab_b.stored());
        tab_a.flush();
        CHECK_FALSE(tab_a.stored());
        MemoryStore full;
        ProgressKeeper keeper(full);
        keeper.open(a, "a.json");
        keeper.moved(Anchor{1, 0}, 0.3, 1000, 1.0);
        keeper.flush();
        CHECK(keeper.stored());
        full.set_fails = KeyValueStore::Status::quota;
        keeper.moved(Anchor{1, 5}, 0.31, 2000, 2.0);
        keeper.flush();
        CHECK_FALSE(keeper.stored());
    }

    TEST_CASE("corrupt stored value: start at the top, then replace it") {
        MemoryStore store;
        store.values["progress/a1"] = "{not json";
        const Article a = article_from(three);
        ProgressKeeper keeper(store);
        CHECK_FALSE(keeper.open(a, "a.json"));
        CHECK(keeper.warning().empty());
        keeper.moved(Anchor{1, 0}, 0.3, 1000, 1.0);
        keeper.flush();
        CHECK(decode_progress(store.values["progress/a1"]).status == ProgressReadStatus::ok);
    }

    TEST_CASE("a value from a future version is never overwritten") {
        MemoryStore store;
        const std::string future = R"({"version":9,"anchor":"somewhere new"})";
        store.values["progress/a1"] = future;
        const Article a = article_from(three);
        ProgressKeeper keeper(store);
        CHECK_FALSE(keeper.open(a, "a.json"));
        CHECK(keeper.warning() == "Your reading position was saved by a newer version of this viewer; it is left as it is.");
        keeper.moved(Anchor{1, 0}, 0.3, 1000, 1.0);
        keeper.flush();
        CHECK(store.values["progress/a1"] == future);
    }

    TEST_CASE("storage unavailable or full: a warning, once, and reading goes on") {
        MemoryStore store;
        store.get_fails = store.set_fails = KeyValueStore::Status::unavailable;
        const Article a = article_from(three);
        ProgressKeeper keeper(store);
        CHECK_FALSE(keeper.open(a, "a.json"));
        CHECK(keeper.warning() == "Your reading position cannot be saved here: this browser does not allow storage.");
        MemoryStore full;
        full.set_fails = KeyValueStore::Status::quota;
        ProgressKeeper k2(full);
        k2.open(a, "a.json");
        k2.moved(Anchor{1, 0}, 0.3, 1000, 1.0);
        k2.flush();
        CHECK(k2.warning() == "Your reading position could not be saved: storage is full.");
    }

    TEST_CASE("library lists positions, most recent first; forget one, forget all") {
        MemoryStore store;
        const Article a = article_from(three);
        ProgressKeeper keeper(store);
        keeper.open(a, "a.json");
        keeper.moved(Anchor{1, 0}, 0.3, 5000, 1.0);
        keeper.flush();
        Progress other;
        other.updated = 9000;
        other.title = "Autre";
        store.values["progress/b2"] = encode_progress(other);
        store.values["progress/broken"] = "nope";
        const auto lib = keeper.library();
        REQUIRE(lib.size() == 2);
        CHECK(lib[0].id == "b2");
        CHECK(lib[1].id == "a1");
        CHECK(lib[1].progress.percent == doctest::Approx(0.3));
        keeper.forget("b2");
        CHECK(keeper.library().size() == 1);
        keeper.forget_all();
        CHECK(keeper.library().empty());
    }

    TEST_CASE("another site's article with the same id never touches this site's position") {
        // Hardening issue, item 5: 57.9 % became 1.1 % when another site's file reused the id.
        MemoryStore store;
        const Article a = article_from(three);
        ProgressKeeper here(store);
        here.open(a, "https://home.example/articles/a.json");
        here.moved(Anchor{2, 4}, 0.579, 5000, 1.0);
        here.flush();
        ProgressKeeper there(store);
        CHECK_FALSE(there.open(a, "https://evil.example/a.json", "https://evil.example"));
        there.moved(Anchor{0, 1}, 0.011, 6000, 1.0);
        there.flush();
        CHECK(store.values.count("progress/a1@https://evil.example") == 1);
        ProgressKeeper back(store);
        const auto resume = back.open(a, "https://home.example/articles/a.json");
        REQUIRE(resume);
        CHECK(resume->anchor == Anchor{2, 4});
        // Both in the library, each with its origin; forgetting one leaves the other.
        auto lib = back.library();
        REQUIRE(lib.size() == 2);
        CHECK((lib[0].id == "a1" && lib[0].origin == "https://evil.example"));
        CHECK((lib[1].id == "a1" && lib[1].origin.empty()));
        back.forget("a1", "https://evil.example");
        lib = back.library();
        REQUIRE(lib.size() == 1);
        CHECK(lib[0].origin.empty());
        CHECK(back.stored());  // forgetting the other site's copy left this one's
    }

    TEST_CASE("minutes left use the measured speed, else the language's") {
        MemoryStore store;
        const Article a = article_from(three);
        ProgressKeeper keeper(store);
        keeper.open(a, "a.json");
        CHECK(keeper.words_per_minute("fr") == 195);
        CHECK(keeper.minutes_left(Anchor{}) == 1);
        store.values["reader"] = encode_speed(ReadingSpeed{300, 4});
        ProgressKeeper measured(store);
        CHECK(measured.words_per_minute("fr") == 300);
    }

    TEST_CASE("time left does not swing within a minute of reading (78 -> 175 -> 125 was the defect)") {
        // 60 paragraphs of 40 words; the reader settles every 22 s, at uneven speeds.
        std::string blocks;
        for (int i = 0; i < 60; ++i) {
            if (i) blocks += ",";
            std::string text;
            for (int w = 0; w < 40; ++w) text += "mot ";
            blocks += R"({"type":"paragraph","text":")" + text + R"("})";
        }
        MemoryStore store;
        const Article a = article_from(blocks);
        ProgressKeeper keeper(store);
        keeper.open(a, "a.json");
        int shown = keeper.minutes_left(Anchor{});
        CHECK(shown == 13);  // 2 400 words at 195 wpm
        double clock = 0;
        std::int64_t now = 0;
        const int steps[] = {1, 6, 2, 1, 8, 1};  // paragraphs read in each stretch
        int block = 0;
        for (int step : steps) {
            block += step;
            clock += 22;
            now += 22000;
            keeper.moved(Anchor{block, 0}, block / 60.0, now, clock);
            keeper.tick(clock + ProgressKeeper::settle_seconds);
            const int minutes = keeper.minutes_left(Anchor{block, 0});
            // The slow stretches raise the speed estimate by less than what was read lowers the
            // words left; the fast ones lower it by at most one speed_step beyond what was read.
            CHECK(minutes <= shown);
            CHECK(minutes >= static_cast<int>((shown - 1) / speed_step) - step);
            shown = minutes;
        }
    }
}
