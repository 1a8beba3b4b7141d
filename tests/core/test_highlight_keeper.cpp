// The open article's highlights as the keeper holds them: what it refuses (every message), what it
// stores, two tabs on one store (never overwriting each other's newer edits, deletions not undone),
// storage full, unavailable, corrupt or of a newer viewer (every warning), tombstone pruning, and
// the highlights of an edited article found again or listed as lost.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "core/highlights.hpp"
#include "core/progress.hpp"
#include "highlight_test_support.hpp"

using namespace av;
using av::test::MemoryStore;

namespace {

// Block 0: 27 characters; block 1 has no id; block 2: a heading.
const std::string blocks = R"({"type":"paragraph","id":"p0","text":"The first paragraph's text."},
    {"type":"paragraph","text":["A second one, ",{"text":"with a link","href":"https://example.org"},", and   spaces."]},
    {"type":"heading","id":"h","level":2,"text":"A heading"})";

const std::int64_t day = 24ll * 60 * 60 * 1000;

nlohmann::json stored(MemoryStore& store, const std::string& key = "highlights/a1") {
    REQUIRE(store.values.count(key) == 1);
    return nlohmann::json::parse(store.values[key]);
}

const char* const full = "Storage is full: your highlights were not saved. They are kept while this article stays open.";
const char* const unavailable =
    "Storage is not available here: your highlights are not saved. They are kept while this article stays open.";
const char* const newer =
    "Your highlights for this article were saved by a newer version of this viewer; they are left "
    "as they are, and changes made here are not saved.";

}  // namespace

TEST_SUITE("highlight keeper errors") {
    TEST_CASE("add refuses, naming what is wrong, and changes nothing") {
        MemoryStore store;
        HighlightKeeper keeper(store);
        CHECK(keeper.add(0, 0, 3, HighlightColor::yellow, "", 1) == "");
        CHECK(keeper.error() == "no article is open");
        const Article a = av::test::article_of(blocks);
        keeper.open(a);
        const std::uint64_t generation = keeper.generation();
        auto refused = [&](int block, std::uint32_t start, std::uint32_t end, const std::string& note,
                           HighlightColor color = HighlightColor::green) {
            CHECK(keeper.add(block, start, end, color, note, 1000) == "");
            CHECK(keeper.items().empty());
            CHECK(keeper.generation() == generation);
            CHECK(store.values.empty());
            return keeper.error();
        };
        CHECK(refused(3, 0, 1, "") == "block 3 does not exist (the article has 3 blocks)");
        CHECK(refused(-1, 0, 1, "") == "block -1 does not exist (the article has 3 blocks)");
        CHECK(refused(0, 5, 5, "") == "the range 5..5 of block 0 is empty");
        CHECK(refused(0, 6, 5, "") == "the range 6..5 of block 0 is empty");
        CHECK(refused(0, 20, 28, "") == "end 28 is past the end of block 0 (27 characters)");
        CHECK(refused(1, 30, 33, "") == "the range 30..33 of block 1 holds only spaces");
        CHECK(refused(0, 0, 3, std::string(10001, 'n')) == "the note has 10001 characters, at most 10000");
        CHECK(refused(0, 0, 3, "\xC3") == "the note is not valid UTF-8");
        CHECK(refused(0, 0, 3, "", static_cast<HighlightColor>(9)) == "unknown color 9");
        // 10 000 characters (not bytes) is allowed.
        std::string note;
        for (int i = 0; i < 10000; ++i) note += "é";
        CHECK(keeper.add(0, 0, 3, HighlightColor::yellow, note, 1000) != "");
        CHECK(keeper.error() == "");
    }

    TEST_CASE("edits of a highlight that is not there, or not allowed") {
        MemoryStore store;
        HighlightKeeper keeper(store);
        const Article a = av::test::article_of(blocks);
        keeper.open(a);
        const std::string id = keeper.add(0, 4, 9, HighlightColor::yellow, "", 1000);
        const std::string before = store.values["highlights/a1"];
        CHECK_FALSE(keeper.remove("nope", 2000));
        CHECK(keeper.error() == "there is no highlight \"nope\"");
        CHECK_FALSE(keeper.set_note("nope", "x", 2000));
        CHECK(keeper.error() == "there is no highlight \"nope\"");
        CHECK_FALSE(keeper.set_color("nope", HighlightColor::blue, 2000));
        CHECK(keeper.error() == "there is no highlight \"nope\"");
        CHECK_FALSE(keeper.set_note(id, std::string(10001, 'x'), 2000));
        CHECK(keeper.error() == "the note has 10001 characters, at most 10000");
        CHECK_FALSE(keeper.set_color(id, static_cast<HighlightColor>(4), 2000));
        CHECK(keeper.error() == "unknown color 4");
        CHECK(store.values["highlights/a1"] == before);
        CHECK(keeper.set_note(id, "fine", 2000));
        CHECK(keeper.error() == "");
    }

    TEST_CASE("an article keeps at most max_highlights") {
        const Article a = av::test::article_of(blocks);
        HighlightRecord r;
        r.article = "a1";
        r.digest = a.digest;
        for (std::size_t i = 0; i < max_highlights; ++i) {
            Highlight h;
            h.id = "h" + std::to_string(i);
            h.block = 0;
            h.start = 0;
            h.end = 3;
            h.quote = "The";
            h.digest = a.digest;
            h.updated = 1;
            r.items.push_back(h);
        }
        MemoryStore store;
        store.values["highlights/a1"] = encode_highlights(r);
        HighlightKeeper keeper(store);
        keeper.open(a);
        CHECK(keeper.items().size() == max_highlights);
        CHECK(keeper.add(0, 4, 9, HighlightColor::yellow, "", 1000) == "");
        CHECK(keeper.error() == "this article already has 2000 highlights, the most one article keeps");
    }
}

TEST_SUITE("highlight keeper") {
    TEST_CASE("add, edit, remove: stored at once, in reading order") {
        MemoryStore store;
        HighlightKeeper keeper(store);
        const Article a = av::test::article_of(blocks);
        keeper.open(a);
        CHECK(keeper.saved());
        const std::uint64_t g0 = keeper.generation();
        const std::string later = keeper.add(2, 2, 9, HighlightColor::blue, "on the heading", 1000);
        const std::string first = keeper.add(0, 4, 9, HighlightColor::yellow, "", 1001);
        CHECK(later != first);
        CHECK(later.rfind("hrs-", 0) == 0);  // "h" + 1000 in base 36 ("rs") + "-" + this keeper's tag and count
        CHECK(keeper.generation() == g0 + 2);
        REQUIRE(keeper.items().size() == 2);
        CHECK(keeper.items()[0].id == first);
        CHECK(keeper.items()[0].quote == "first");
        CHECK(keeper.items()[0].prefix == "The ");
        CHECK(keeper.items()[0].suffix == " paragraph's text.");
        CHECK(keeper.items()[0].block_id == "p0");
        CHECK(keeper.items()[1].quote == "heading");
        CHECK(keeper.items()[1].note == "on the heading");
        CHECK(keeper.saved());
        CHECK(HighlightKeeper::count_in(store, "a1") == 2);
        const nlohmann::json j = stored(store);
        CHECK(j["version"] == 1);
        CHECK(j["article"] == "a1");
        CHECK(j["digest"] == a.digest);
        CHECK(j["items"].size() == 2);

        // Another keeper (a reload) reads the same.
        HighlightKeeper again(store);
        again.open(a);
        REQUIRE(again.items().size() == 2);
        CHECK(again.items()[0].id == first);
        CHECK(again.items()[1].color == HighlightColor::blue);

        CHECK(keeper.set_note(first, "a note", 2000));
        CHECK(keeper.set_color(first, HighlightColor::pink, 2001));
        CHECK(keeper.find(first)->note == "a note");
        CHECK(keeper.find(first)->color == HighlightColor::pink);
        CHECK(keeper.find(first)->updated == 2001);
        CHECK(keeper.find(first)->created == 1001);
        const std::uint64_t g1 = keeper.generation();
        CHECK(keeper.set_note(first, "a note", 2002));  // the same: no change
        CHECK(keeper.generation() == g1);
        CHECK(keeper.remove(later, 3000));
        CHECK(keeper.items().size() == 1);
        CHECK(HighlightKeeper::count_in(store, "a1") == 1);
        // The deletion is kept as a tombstone, so that another tab's copy is not brought back.
        const nlohmann::json k = stored(store);
        bool tombstone = false;
        for (const auto& item : k["items"])
            if (item["id"] == later)
                tombstone = item == nlohmann::json{{"id", later}, {"updated", 3000}, {"deleted", true}};
        CHECK(tombstone);
        // An edit is always newer than what it edits, whatever the clock says.
        CHECK(keeper.set_note(first, "clock behind", 5));
        CHECK(keeper.find(first)->updated == 2002);
    }

    TEST_CASE("ids are never given twice") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper one(store), two(store);
        one.open(a);
        two.open(a);
        std::vector<std::string> ids;
        for (int i = 0; i < 20; ++i) {
            ids.push_back(one.add(0, 0, 3, HighlightColor::yellow, "", 5000));
            ids.push_back(two.add(0, 4, 9, HighlightColor::yellow, "", 5000));  // same ms, another tab
        }
        std::sort(ids.begin(), ids.end());
        CHECK(std::unique(ids.begin(), ids.end()) == ids.end());
        CHECK(HighlightKeeper::count_in(store, "a1") == 40);
        // A removed highlight's id is not given again, even by a new keeper.
        one.reload();
        const std::string gone = one.items()[0].id;
        one.remove(gone, 6000);
        HighlightKeeper three(store);
        three.open(a);
        for (int i = 0; i < 50; ++i) CHECK(three.add(0, 0, 3, HighlightColor::yellow, "", 5000) != gone);
    }

    TEST_CASE("origins and the library") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper keeper(store);
        keeper.open(a, "https://partner.example");
        keeper.add(0, 0, 3, HighlightColor::yellow, "", 1);
        CHECK(store.values.count("highlights/a1@https://partner.example") == 1);
        CHECK(HighlightKeeper::key_for("a1", "https://partner.example") == "highlights/a1@https://partner.example");
        CHECK(HighlightKeeper::count_in(store, "a1", "https://partner.example") == 1);
        CHECK(HighlightKeeper::count_in(store, "a1") == 0);
        CHECK(HighlightKeeper::count_in(store, "other") == 0);
        store.values["highlights/broken"] = "{";
        CHECK(HighlightKeeper::count_in(store, "broken") == 0);
        HighlightKeeper::forget(store, "a1", "https://partner.example");
        CHECK(store.values.count("highlights/a1@https://partner.example") == 0);
    }

    TEST_CASE("two tabs: both tabs' new highlights are kept") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper tab_a(store), tab_b(store);
        tab_a.open(a);
        tab_b.open(a);
        const std::string ha = tab_a.add(0, 0, 3, HighlightColor::yellow, "from A", 1000);
        const std::string hb = tab_b.add(2, 2, 9, HighlightColor::green, "from B", 1001);  // B had not heard of A's
        CHECK(HighlightKeeper::count_in(store, "a1") == 2);
        CHECK(tab_b.items().size() == 2);  // B's write merged A's in
        CHECK(tab_a.items().size() == 1);
        const std::uint64_t g = tab_a.generation();
        CHECK(tab_a.reload());  // the 'storage' event
        CHECK(tab_a.generation() == g + 1);
        CHECK(tab_a.items().size() == 2);
        CHECK(tab_a.find(hb)->note == "from B");
        CHECK_FALSE(tab_a.reload());  // nothing new
    }

    TEST_CASE("two tabs: the library forgets the article in another tab") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper tab_a(store), tab_b(store);
        tab_a.open(a);
        tab_a.add(0, 0, 3, HighlightColor::yellow, "", 1000);
        const std::string value = store.values["highlights/a1"];
        HighlightKeeper::forget(store, "a1");
        CHECK(tab_a.reload());
        CHECK(tab_a.items().empty());
        // Written back word for word by someone else: read again, not taken for what was seen.
        store.values["highlights/a1"] = value;
        CHECK(tab_a.reload());
        CHECK(tab_a.items().size() == 1);
        // A tab's next change does not bring forgotten highlights back.
        HighlightKeeper::forget(store, "a1");
        tab_a.add(2, 0, 1, HighlightColor::blue, "", 2000);
        CHECK(HighlightKeeper::count_in(store, "a1") == 1);
        CHECK(tab_a.items().size() == 1);
    }

    TEST_CASE("two tabs: an edit applies to the other tab's latest version of the highlight") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper tab_a(store), tab_b(store);
        tab_a.open(a);
        const std::string id = tab_a.add(0, 0, 3, HighlightColor::yellow, "", 1000);
        tab_b.open(a);
        CHECK(tab_a.set_note(id, "A's note", 2000));
        // B still shows the highlight without the note, and changes its colour (clock behind A's).
        CHECK(tab_b.find(id)->note == "");
        CHECK(tab_b.set_color(id, HighlightColor::pink, 1500));
        tab_a.reload();
        for (HighlightKeeper* tab : {&tab_a, &tab_b}) {
            CHECK(tab->find(id)->note == "A's note");
            CHECK(tab->find(id)->color == HighlightColor::pink);
        }
        // Deleted in A: B's later edit finds it gone instead of bringing it back.
        CHECK(tab_a.remove(id, 3000));
        CHECK_FALSE(tab_b.set_note(id, "too late", 4000));
        CHECK(tab_b.error() == "there is no highlight \"" + id + "\"");
        CHECK(HighlightKeeper::count_in(store, "a1") == 0);
    }

    TEST_CASE("two tabs: a change written over by a tab that had not seen it yet is written again") {
        // Browsers hand storage to other tabs asynchronously: tab A writes its record, built before
        // B's change reached it, over B's change (seen in Chromium's highlights test).
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper tab_a(store), tab_b(store);
        tab_a.open(a);
        const std::string id = tab_a.add(0, 0, 3, HighlightColor::yellow, "A's note", 1000);
        const std::string before_b = store.values.at(HighlightKeeper::key_for("a1"));
        tab_b.open(a);
        CHECK(tab_b.set_note(id, "B's later note", 2000));
        store.values[HighlightKeeper::key_for("a1")] = before_b;  // A's stale write lands
        tab_b.reload(3000);  // the storage event: B reads A's write and writes its change again
        CHECK(tab_b.saved());
        tab_a.reload();
        for (HighlightKeeper* tab : {&tab_a, &tab_b}) CHECK(tab->find(id)->note == "B's later note");
        // A newer change from A is not undone by B's memory of its older one.
        CHECK(tab_a.set_note(id, "A's newest note", 4000));
        tab_b.reload(5000);
        CHECK(tab_b.find(id)->note == "A's newest note");
        CHECK(store.values.at(HighlightKeeper::key_for("a1")).find("A's newest note") != std::string::npos);
        // A tombstone pruned from storage is not written back.
        CHECK(tab_b.remove(id, 6000));
        store.values.erase(HighlightKeeper::key_for("a1"));
        store.values[HighlightKeeper::key_for("a1")] = "{\"version\":1,\"article\":\"a1\",\"digest\":\"x\",\"items\":[]}";
        tab_b.reload(7000);
        CHECK(tab_b.saved());
        CHECK(HighlightKeeper::count_in(store, "a1") == 0);
    }

    TEST_CASE("two tabs: an unsaved change meets a newer one when it is written at last") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper tab_a(store), tab_b(store);
        tab_a.open(a);
        const std::string id = tab_a.add(0, 0, 3, HighlightColor::yellow, "", 1000);
        const std::string other = tab_a.add(0, 4, 9, HighlightColor::yellow, "", 1000);
        tab_b.open(a);
        // B's notes cannot be written (storage full for a while).
        store.set_fails = KeyValueStore::Status::quota;
        CHECK(tab_b.set_note(id, "older than A's deletion", 2500));
        CHECK(tab_b.set_note(other, "newer than A's note", 3500));
        CHECK_FALSE(tab_b.saved());
        store.set_fails = KeyValueStore::Status::ok;
        CHECK(tab_a.remove(id, 3000));
        CHECK(tab_a.set_note(other, "A's note", 3000));
        // B writes when it can: per highlight, the newer change wins.
        CHECK(tab_b.reload(4000));
        CHECK(tab_b.saved());
        CHECK(tab_b.find(id) == nullptr);  // the deletion was newer
        CHECK(tab_b.find(other)->note == "newer than A's note");
        tab_a.reload();
        CHECK(tab_a.find(id) == nullptr);
        CHECK(tab_a.find(other)->note == "newer than A's note");
        // A tab never overwrites a newer edit: A's older unsaved note loses to B's.
        store.set_fails = KeyValueStore::Status::quota;
        CHECK(tab_a.set_note(other, "A, unsaved", 5000));
        store.set_fails = KeyValueStore::Status::ok;
        CHECK(tab_b.set_note(other, "B, later", 6000));
        CHECK(tab_a.reload(7000));
        CHECK(tab_a.find(other)->note == "B, later");
        CHECK(tab_a.saved());
        CHECK(stored(store)["items"].dump().find("A, unsaved") == std::string::npos);
    }

    TEST_CASE("a deletion and a change of the same moment: the deletion wins") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper tab_a(store), tab_b(store);
        tab_a.open(a);
        const std::string id = tab_a.add(0, 0, 3, HighlightColor::yellow, "", 1000);
        tab_b.open(a);
        store.set_fails = KeyValueStore::Status::quota;
        CHECK(tab_b.set_note(id, "same ms", 2000));
        store.set_fails = KeyValueStore::Status::ok;
        CHECK(tab_a.remove(id, 2000));
        tab_b.reload(2100);
        CHECK(tab_b.find(id) == nullptr);
    }

    TEST_CASE("storage full: the change stays in memory, said clearly, and is written later") {
        MemoryStore store;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper keeper(store);
        keeper.open(a);
        store.set_fails = KeyValueStore::Status::quota;
        const std::string id = keeper.add(0, 4, 9, HighlightColor::green, "kept", 1000);
        CHECK(id != "");
        CHECK(keeper.error() == "");
        CHECK(keeper.warning() == full);
        CHECK(keeper.warnings() == std::vector<std::string>{full});
        CHECK_FALSE(keeper.saved());
        CHECK(keeper.items().size() == 1);
        CHECK(store.values.empty());
        keeper.set_note(id, "still kept", 1100);
        CHECK(keeper.warnings().size() == 1);  // told once
        CHECK(keeper.find(id)->note == "still kept");
        store.set_fails = KeyValueStore::Status::ok;
        CHECK_FALSE(keeper.reload());  // without a time: read only
        CHECK_FALSE(keeper.saved());
        keeper.reload(1200);
        CHECK(keeper.saved());
        CHECK(HighlightKeeper::count_in(store, "a1") == 1);
        CHECK(stored(store)["items"][0]["note"] == "still kept");
    }

    TEST_CASE("storage unavailable: highlights work for this visit, said clearly") {
        MemoryStore store;
        store.get_fails = KeyValueStore::Status::unavailable;
        store.set_fails = KeyValueStore::Status::unavailable;
        const Article a = av::test::article_of(blocks);
        HighlightKeeper keeper(store);
        keeper.open(a);
        CHECK(keeper.warnings() == std::vector<std::string>{unavailable});
        const std::string id = keeper.add(0, 4, 9, HighlightColor::green, "", 1000);
        CHECK(keeper.items().size() == 1);
        CHECK(keeper.set_note(id, "n", 1001));
        CHECK(keeper.find(id)->note == "n");
        CHECK(keeper.remove(id, 1002));
        CHECK(keeper.items().empty());
        CHECK(keeper.warnings() == std::vector<std::string>{unavailable});
        NoStore none;
        HighlightKeeper nowhere(none);
        nowhere.open(a);
        CHECK(nowhere.add(0, 4, 9, HighlightColor::green, "", 1000) != "");
        CHECK(nowhere.warning() == unavailable);
    }

    TEST_CASE("a corrupt record is set aside, not lost") {
        MemoryStore store;
        store.values["highlights/a1"] = "{\"version\":1,\"items\":[";
        const Article a = av::test::article_of(blocks);
        HighlightKeeper keeper(store);
        keeper.open(a);
        CHECK(keeper.warnings() ==
              std::vector<std::string>{
                  "Your saved highlights for this article could not be read (not JSON: 1:23: syntax error "
                  "while parsing value - unexpected end of input; expected '[', '{', or a literal); they "
                  "are set aside, and new ones are saved anew."});
        CHECK(keeper.items().empty());
        CHECK(store.values["highlights/a1"] == "{\"version\":1,\"items\":[");  // opening writes nothing
        keeper.add(0, 4, 9, HighlightColor::green, "", 1000);
        CHECK(store.values["highlights-unreadable/a1"] == "{\"version\":1,\"items\":[");
        CHECK(HighlightKeeper::count_in(store, "a1") == 1);
    }

    TEST_CASE("a corrupt item is skipped with a warning naming it, and kept") {
        const Article a = av::test::article_of(blocks);
        MemoryStore store;
        store.values["highlights/a1"] = R"({"version":1,"article":"a1","digest":")" + a.digest + R"(","items":[
            {"id":"x1","block":0,"start":0,"end":3,"color":"red","quote":"The","updated":5},
            {"id":"x2","block":0,"start":4,"end":9,"color":"blue","quote":"first","updated":5}]})";
        HighlightKeeper keeper(store);
        keeper.open(a);
        CHECK(keeper.warnings() ==
              std::vector<std::string>{"A saved highlight could not be read (items[0].color: \"red\" is not "
                                       "yellow, green, blue or pink); it is skipped and kept in storage as it is."});
        REQUIRE(keeper.items().size() == 1);
        CHECK(keeper.items()[0].id == "x2");
        keeper.add(2, 0, 1, HighlightColor::yellow, "", 1000);
        const nlohmann::json j = stored(store);
        REQUIRE(j["items"].size() == 3);
        CHECK(j["items"].dump().find("\"red\"") != std::string::npos);
        CHECK(keeper.items().size() == 2);
    }

    TEST_CASE("a newer viewer's record is left alone") {
        const Article a = av::test::article_of(blocks);
        MemoryStore store;
        const std::string future = R"({"version":2,"items":[{"id":"z","shape":"circle"}]})";
        store.values["highlights/a1"] = future;
        HighlightKeeper keeper(store);
        keeper.open(a);
        CHECK(keeper.warnings() == std::vector<std::string>{newer});
        const std::string id = keeper.add(0, 4, 9, HighlightColor::green, "", 1000);
        CHECK(id != "");
        CHECK(keeper.items().size() == 1);
        CHECK_FALSE(keeper.saved());
        CHECK(store.values["highlights/a1"] == future);
        CHECK(store.sets == 0);
        keeper.reload(2000);
        CHECK(store.values["highlights/a1"] == future);
        CHECK(keeper.warnings().size() == 1);
    }

    TEST_CASE("tombstones are dropped after tombstone_keep_ms, and a stale tab does not bring one back") {
        const Article a = av::test::article_of(blocks);
        MemoryStore store;
        HighlightKeeper tab_a(store), tab_b(store);
        tab_a.open(a);
        const std::string id = tab_a.add(0, 4, 9, HighlightColor::green, "", 1000);
        tab_b.open(a);  // B shows it, and will not hear of its deletion
        tab_a.remove(id, 2000);
        tab_a.add(0, 0, 3, HighlightColor::green, "", 2000 + tombstone_keep_ms - day);
        CHECK(stored(store)["items"].dump().find(id) != std::string::npos);  // 89 days: kept
        tab_a.add(0, 10, 19, HighlightColor::green, "", 2001 + tombstone_keep_ms);
        CHECK(stored(store)["items"].dump().find(id) == std::string::npos);  // 90 days: gone
        CHECK(stored(store)["items"].size() == 2);
        // B writes its own change: the highlight it still shows is not written back.
        CHECK(tab_b.find(id) != nullptr);
        tab_b.add(2, 0, 1, HighlightColor::blue, "", 3000 + tombstone_keep_ms);
        CHECK(stored(store)["items"].dump().find(id) == std::string::npos);
        CHECK(tab_b.find(id) == nullptr);
        CHECK(tab_b.items().size() == 3);
    }

    TEST_CASE("at most max_tombstones are kept, the newest") {
        const Article a = av::test::article_of(blocks);
        HighlightRecord r;
        r.article = "a1";
        r.digest = a.digest;
        for (std::size_t i = 0; i < HighlightKeeper::max_tombstones + 5; ++i) {
            Highlight h;
            h.id = "t" + std::to_string(i);
            h.deleted = true;
            h.updated = 10000 + static_cast<std::int64_t>(i);
            r.items.push_back(h);
        }
        MemoryStore store;
        store.values["highlights/a1"] = encode_highlights(r);
        HighlightKeeper keeper(store);
        keeper.open(a);
        keeper.add(0, 0, 3, HighlightColor::green, "", 20000);
        const nlohmann::json items = stored(store)["items"];
        CHECK(items.size() == HighlightKeeper::max_tombstones + 1);
        CHECK(items.dump().find("\"t4\"") == std::string::npos);
        CHECK(items.dump().find("\"t5\"") != std::string::npos);
    }

    TEST_CASE("an edited article: found again or listed as lost; opening rewrites nothing") {
        const Article seed = av::test::article_file(av::test::seed_path);
        MemoryStore store;
        HighlightKeeper keeper(store);
        keeper.open(seed);
        const std::string kept = keeper.add(9, 0, 16, HighlightColor::yellow, "kept", 1000);  // "Selon le rapport"
        const std::string lost = keeper.add(10, 0, 20, HighlightColor::pink, "its note", 1001);
        const std::string quote = keeper.find(lost)->quote;
        keeper.close();
        CHECK(keeper.items().empty());

        Article changed = seed;
        changed.blocks.erase(changed.blocks.begin() + 10);
        changed.blocks.insert(changed.blocks.begin(), changed.blocks[1]);
        changed.blocks[0].id = "new";
        changed.digest = article_digest(changed);
        const std::string before = store.values["highlights/" + seed.id];
        keeper.open(changed);
        REQUIRE(keeper.items().size() == 2);
        CHECK(keeper.items()[0].id == kept);
        CHECK_FALSE(keeper.items()[0].lost);
        CHECK(keeper.items()[0].block == 10);
        CHECK(keeper.items()[1].id == lost);  // lost ones last
        CHECK(keeper.items()[1].lost);
        CHECK(keeper.items()[1].quote == quote);
        CHECK(keeper.items()[1].note == "its note");
        CHECK(store.values["highlights/" + seed.id] == before);
        CHECK(HighlightKeeper::count_in(store, seed.id) == 2);
        // A lost highlight can still be edited and deleted.
        CHECK(keeper.set_note(lost, "still here", 2000));
        CHECK(keeper.find(lost)->lost);
        CHECK(keeper.remove(lost, 2001));
        CHECK(HighlightKeeper::count_in(store, seed.id) == 1);
        // Back on the original text, the found one is where it always was.
        keeper.open(seed);
        REQUIRE(keeper.items().size() == 1);
        CHECK(keeper.items()[0].block == 9);
    }
}
