// The reader's highlights and notes for the open article (issue 19), kept as safely as the reading
// position: anchored to the text (block, code-point offsets, the quoted words and a little context),
// found again in an edited article or reported as lost (never moved to other words), stored per
// article as a versioned record (docs/highlights-format.md) that two tabs merge instead of
// overwriting, and exported as Markdown or JSON (and that JSON imported back).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "article.hpp"
#include "key_value_store.hpp"

namespace av {

constexpr int highlights_version = 1;         // of the stored record
constexpr int highlights_export_version = 1;  // of highlights_json()

enum class HighlightColor : std::uint8_t { yellow, green, blue, pink };
// "yellow", "green", "blue", "pink".
std::string_view highlight_color_name(HighlightColor color);
std::optional<HighlightColor> highlight_color_from_name(std::string_view name);

constexpr std::size_t max_note_chars = 10000;        // code points
constexpr std::size_t max_highlights = 2000;         // live ones per article: add() refuses more
constexpr std::size_t highlight_context_chars = 32;  // prefix / suffix, code points
// Tombstones (deleted highlights) are dropped from storage this long after the deletion: long
// enough for any other tab still holding the highlight to have heard of it (a tab only ever
// writes highlights it changed itself, so a pruned tombstone cannot bring one back).
constexpr std::int64_t tombstone_keep_ms = 90ll * 24 * 60 * 60 * 1000;

struct Highlight {
    std::string id;                    // unique, stable; never reused
    int block = 0;                     // index into Article::blocks
    std::uint32_t start = 0, end = 0;  // code points of block_text(block), start < end
    std::string block_id;              // that block's id, when it has one
    HighlightColor color = HighlightColor::yellow;
    std::string note;                       // plain text, <= max_note_chars
    std::string quote;                      // block_text[start, end)
    std::string prefix, suffix;             // up to highlight_context_chars before/after, in the block
    std::int64_t created = 0, updated = 0;  // ms since 1970
    bool deleted = false;                   // tombstone, so another tab's copy is not resurrected
    // Computed when re-anchored: its words are no longer in the article. block/start/end are then
    // where it was in the text `digest` names, not places in the open article: draw nothing.
    bool lost = false;
    // article digest of the text block/start/end refer to ("" when unknown, e.g. imported without).
    std::string digest;
};

// Finds `h` again in `article` (whose digest is `digest`). Same digest as h.digest and the quote
// still at block/start/end: as it is. Else the quote is searched for, first in the block with the
// same id (or the same index when it has none), then in every block, and an occurrence is taken
// only if it is an exact match whose context agrees enough and better than any other
// occurrence's; otherwise the highlight comes back with lost = true and its old places.
// docs/highlights-format.md ("Finding highlights again") gives the rule in full.
Highlight reanchor(const Article& article, const std::string& digest, Highlight h);

struct HighlightImport;
class HighlightFinder;

// The stored record (docs/highlights-format.md).
struct HighlightRecord {
    std::string article;           // the article's id
    std::string digest;            // the writer's article digest (items without their own carry this one)
    std::vector<Highlight> items;  // readable ones, tombstones included
    // Items kept as they were read: unreadable ones (so that a write never drops them) and, for
    // the readable ones, their JSON as stored (members a later viewer may add survive a rewrite).
    std::vector<std::string> unreadable;  // JSON text of each unreadable item
    // Parallel to items: the JSON text of items[i] when it holds members this viewer does not
    // know, else "" (this viewer's members are written from items[i]).
    std::vector<std::string> raw;
};
enum class HighlightReadStatus { ok, corrupt, future_version };
struct HighlightRead {
    HighlightReadStatus status = HighlightReadStatus::ok;
    HighlightRecord record;            // when ok (possibly with skipped items)
    std::string error;                 // when not ok: why, one line
    std::vector<std::string> skipped;  // "items[3].end: ..." for each unreadable item
};
// Never throws.
HighlightRead decode_highlights(std::string_view text);
std::string encode_highlights(const HighlightRecord& record);

// The open article's highlights, kept in a KeyValueStore under key_for(article id, origin)
// ("highlights/<id>" or "highlights/<id>@<origin>", beside "progress/..."). Every write reads the
// stored record again and merges: per id the newer `updated` wins (a tombstone also on a tie), and
// a keeper writes only the highlights this reader changed here, so it never overwrites another
// tab's newer edits. A change that cannot be stored (storage full, unavailable, a newer viewer's
// record) stays in memory and is tried again with the next change or reload(now); warning() says so.
class HighlightKeeper {
public:
    explicit HighlightKeeper(KeyValueStore& store);

    // Reads and re-anchors the article's highlights (digest = article.digest, computed if empty).
    void open(const Article& article, const std::string& origin = "");
    void close();
    bool is_open() const { return article_ != nullptr; }

    // Returns the new id, or "" with error() set (bad block or offsets, naming them; an empty or
    // blank range; a note too long; too many highlights; no article open).
    std::string add(int block, std::uint32_t start, std::uint32_t end, HighlightColor color, std::string note,
                    std::int64_t now_ms);
    bool remove(const std::string& id, std::int64_t now_ms);
    bool set_note(const std::string& id, std::string note, std::int64_t now_ms);
    bool set_color(const std::string& id, HighlightColor color, std::int64_t now_ms);

    // Live ones (not deleted): found ones in reading order (block, start, end), then lost ones
    // (lost = true), in the order they had.
    const std::vector<Highlight>& items() const { return items_; }
    // Valid until the next call that changes items() (any of the above, reload, import, open).
    const Highlight* find(const std::string& id) const;
    // Bumps on every change of items().
    std::uint64_t generation() const { return generation_; }

    // Another tab changed storage (the web's 'storage' event), or periodically: re-read and merge
    // (this keeper's unsaved changes are kept). True if items() changed. With `now_ms` (>= 0),
    // unsaved changes (storage was full) are also written again.
    bool reload(std::int64_t now_ms = -1);

    // Merges exported highlights in (same id: the newer `updated` wins), re-anchored against the
    // open article. Imported ones count as this reader's changes and are written.
    struct ImportOutcome {
        std::size_t added = 0, updated = 0, unchanged = 0, lost = 0;
    };
    ImportOutcome import(const HighlightImport& data, std::int64_t now_ms);

    // The last refused operation, one line ("" after a success).
    const std::string& error() const { return error_; }
    // Storage problems worth telling the reader, each once per open(): storage full or unavailable
    // ("... not saved"), a corrupt record or item skipped, a record of a newer viewer left alone.
    // warning() is the latest of warnings().
    const std::string& warning() const;
    const std::vector<std::string>& warnings() const { return warnings_; }
    // True when storage holds every change made here.
    bool saved() const { return dirty_.empty(); }

    static std::string key_for(const std::string& article_id, const std::string& origin = "") {
        return "highlights/" + article_id + (origin.empty() ? "" : "@" + origin);
    }
    // Library: how many live highlights the stored article has (0 when none or unreadable).
    static std::size_t count_in(KeyValueStore& store, const std::string& article_id, const std::string& origin = "");
    // Library's "forget": removes the article's highlights from storage.
    static void forget(KeyValueStore& store, const std::string& article_id, const std::string& origin = "");
    // Where a record that could not be read at all is moved before a new one replaces it.
    static std::string unreadable_key_for(const std::string& article_id, const std::string& origin = "") {
        return "highlights-unreadable/" + article_id + (origin.empty() ? "" : "@" + origin);
    }
    // Tombstones kept at most (the oldest go first), besides tombstone_keep_ms.
    static constexpr std::size_t max_tombstones = 2000;

private:
    void warn(std::string message);
    void warn_status(KeyValueStore::Status status);
    // Reads the stored record into stored_; false when storage could not be read.
    bool load();
    // items_ from stored_ and this keeper's unsaved changes; bumps the generation if they changed.
    void rebuild();
    // Writes this keeper's unsaved changes: reads the record again, merges, writes.
    void save(std::int64_t now_ms);
    // load() and rebuild() before an edit, so that it applies to what storage holds.
    void refresh();
    // A change made here: kept as unsaved, written, shown.
    void changed(Highlight h, std::int64_t now_ms);
    // The live highlight `id` once storage was read again (another tab's latest version of it),
    // or null with error_ set.
    const Highlight* to_edit(const std::string& id);
    // `edited` (a changed copy of `was`, or its tombstone) replaces it: changed() with a time
    // newer than `was`'s, whatever this device's clock says.
    void replace(Highlight edited, const Highlight& was, std::int64_t now_ms);
    std::string new_id(std::int64_t now_ms);
    const Highlight* current(const std::string& id) const;  // in stored_ or dirty_, tombstones too
    Highlight anchored(const Highlight& stored, HighlightFinder& finder);

    KeyValueStore& store_;
    const Article* article_ = nullptr;
    std::string key_;
    std::string digest_;
    HighlightRecord stored_;  // as last read or written
    // The stored value stored_ was read from or written as: a read that finds it unchanged (the
    // usual case: no other tab wrote) is not decoded again.
    std::string seen_;
    std::string unreadable_;  // the stored value, when it could not be read at all: set aside before a write
    std::vector<Highlight> items_;
    std::vector<Highlight> dirty_;  // this reader's changes not yet in storage (tombstones included)
    // This reader's changes written since the article was opened (their latest version each), to
    // write again if another tab's stale write loses them (requeue_overwritten).
    std::vector<Highlight> written_;
    void requeue_overwritten();
    // Re-anchoring results by id: the stored form and what it gave (a change or a reload finds
    // only what changed again).
    std::unordered_map<std::string, std::pair<Highlight, Highlight>> anchored_;
    std::unordered_set<std::string> known_ids_;  // every id seen here: never given out again
    bool read_only_ = false;                     // the stored record is a newer viewer's
    std::uint64_t generation_ = 0;
    std::uint64_t counter_ = 0;
    std::string tab_tag_;  // random per keeper: two tabs adding in the same ms get other ids
    std::string error_;
    std::vector<std::string> warnings_;
};

// Export: Markdown (title, source, each highlight as a `>` quote with its note and a link to its
// block, `article_url#block-id` when the block has an id, else `article_url`).
std::string highlights_markdown(const Article& article, const std::vector<Highlight>& items,
                                const std::string& article_url);
// Export: JSON, {"format":"article-viewer/highlights","version":1,...} (docs/highlights-format.md).
std::string highlights_json(const Article& article, const std::vector<Highlight>& items);

struct HighlightImport {
    std::string article;  // the exported article's id
    std::string digest;   // its digest at export time
    std::vector<Highlight> items;
    std::vector<std::string> errors;  // each naming the place, e.g. "highlights[3].end: ..."
};
// Never throws. A file that is not an export at all (not JSON, another format or version) gives
// one error and no items; a bad highlight gives an error naming it and is left out.
HighlightImport parse_highlights_json(std::string_view text);

}  // namespace av
