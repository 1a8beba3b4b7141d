// Keeps the reader's place for the open article: finds it again on open, saves it once the reader
// has settled (never on every frame), measures reading speed, and keeps the library of positions.
// Times come from the caller (wall clock for `updated`, a steady clock for settling) so that all
// of this is testable without waiting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "key_value_store.hpp"
#include "progress.hpp"

namespace av {

class ProgressKeeper {
public:
    static constexpr double settle_seconds = 0.8;

    explicit ProgressKeeper(KeyValueStore& store);

    // An article was opened: where to resume (nullopt: at the top, nothing stored). `origin`: the
    // site its position belongs to (SourcePolicy::progress_origin; "" for the page's own site).
    std::optional<Resume> open(const Article& article, const std::string& source, const std::string& origin = "");
    void close();

    // The reader moved to `anchor` (wall time `now_ms`, steady time `clock_s`).
    void moved(const Anchor& anchor, double percent, std::int64_t now_ms, double clock_s);

    // Saves if the reader has been still long enough. Returns the steady time at which it wants
    // to be called again, or a negative number if nothing is pending.
    double tick(double clock_s);

    // True while a move waits to be saved.
    bool pending() const { return moved_clock_ >= 0; }

    // Saves now if anything is unsaved (page hidden, window closing).
    void flush();

    // "" or a storage problem worth telling the reader once (unavailable, full, newer viewer).
    const std::string& warning() const { return warning_; }
    // True when storage holds the reader's current place: read from it on open and not moved
    // since, or written since the last move. False while a move waits, after a failed write, and
    // when another tab's more recent position was kept instead.
    bool stored() const { return stored_; }
    std::size_t saves() const { return saves_; }

    // Reading speed: measured for this reader, else the language's default.
    double words_per_minute(const std::string& lang) const;
    int minutes_left(const Anchor& anchor) const;

    // The library: every stored position, most recently read first.
    struct Entry {
        std::string id;      // the article's id
        std::string origin;  // "" for the page's own site, else the other site's origin
        Progress progress;
        // "id" or "id@origin": what forget() takes, unique in the library.
        std::string name() const { return origin.empty() ? id : id + "@" + origin; }
        // Whether this is the position of this site's article `article_id` (a bundled one's).
        bool is(const std::string& article_id) const { return origin.empty() && id == article_id; }
    };
    std::vector<Entry> library();
    void forget(const std::string& article_id, const std::string& origin = "");
    // forget() of an Entry::name().
    void forget_named(const std::string& name);
    void forget_all();

    // "progress/<id>" for the page's own site (the key positions always had), "progress/<id>@<origin>"
    // for another: ids never hold '@'.
    static std::string key_for(const std::string& article_id, const std::string& origin = "") {
        return "progress/" + article_id + (origin.empty() ? "" : "@" + origin);
    }

private:
    void save();
    void warn(KeyValueStore::Status status);

    KeyValueStore& store_;
    const Article* article_ = nullptr;
    std::string source_;
    std::string key_;  // key_for the open article and its origin
    std::string origin_;
    std::string digest_;
    // The stored value as this keeper last read or wrote it (nullopt: there was none). A value that
    // is still the same when saving was written by nobody else since: this reader's move is the
    // latest, whatever the time the value carries (a clock ahead, another device).
    std::optional<std::string> seen_;
    std::vector<std::size_t> words_;  // word_prefix of the article

    Anchor anchor_;
    double percent_ = 0;
    std::int64_t moved_ms_ = 0;
    double moved_clock_ = -1;   // steady time of the last unsaved move, < 0 when all is saved
    bool read_only_ = false;    // the stored value is from a newer viewer: leave it alone

    ReadingSpeed speed_;
    Anchor speed_from_;         // where the last steady stretch of reading began
    double speed_clock_ = -1;

    std::string warning_;
    bool stored_ = false;
    std::size_t saves_ = 0;
};

}  // namespace av
