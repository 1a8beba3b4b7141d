#include <algorithm>
#include <random>

#include "highlight_finder.hpp"
#include "highlights.hpp"
#include "progress.hpp"
#include "utf8.hpp"

namespace av {

namespace {

std::string base36(std::uint64_t n, std::size_t width = 0) {
    std::string out;
    do {
        out.insert(out.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36]);
        n /= 36;
    } while (n > 0);
    while (out.size() < width) out.insert(out.begin(), '0');
    return out;
}

// Whether `a` replaces `b` (same id): the newer change; on a tie a deletion, so that a highlight
// deleted in one tab is not brought back by another tab's copy of the same moment.
bool wins(const Highlight& a, const Highlight& b) {
    return a.updated > b.updated || (a.updated == b.updated && a.deleted && !b.deleted);
}

bool same(const Highlight& a, const Highlight& b) {
    return a.id == b.id && a.block == b.block && a.start == b.start && a.end == b.end && a.block_id == b.block_id &&
           a.color == b.color && a.note == b.note && a.quote == b.quote && a.prefix == b.prefix &&
           a.suffix == b.suffix && a.created == b.created && a.updated == b.updated && a.deleted == b.deleted &&
           a.lost == b.lost && a.digest == b.digest;
}

// Reading order for found ones; lost ones after them, oldest first.
bool reading_order(const Highlight& a, const Highlight& b) {
    if (a.lost != b.lost) return !a.lost;
    if (a.lost) return a.created != b.created ? a.created < b.created : a.id < b.id;
    if (a.block != b.block) return a.block < b.block;
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return a.id < b.id;
}

std::string note_problem(const std::string& note) {
    if (utf8::find_invalid(note) != std::string::npos) return "the note is not valid UTF-8";
    const std::size_t chars = utf8::length(note);
    if (chars > max_note_chars)
        return "the note has " + std::to_string(chars) + " characters, at most " + std::to_string(max_note_chars);
    return {};
}

// A colour cast from a number the page sent.
std::string color_problem(HighlightColor color) {
    if (static_cast<int>(color) > static_cast<int>(HighlightColor::pink))
        return "unknown color " + std::to_string(static_cast<int>(color));
    return {};
}

// Keeps, per id, the item that wins; the order of first appearance otherwise.
void keep_winners(HighlightRecord& r) {
    std::vector<Highlight> items;
    std::vector<std::string> raw;
    std::unordered_map<std::string, std::size_t> at;  // id -> index in items
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        std::string item_raw = i < r.raw.size() ? std::move(r.raw[i]) : std::string();
        auto [it, fresh] = at.emplace(r.items[i].id, items.size());
        if (fresh) {
            items.push_back(std::move(r.items[i]));
            raw.push_back(std::move(item_raw));
        } else if (wins(r.items[i], items[it->second])) {
            items[it->second] = std::move(r.items[i]);
            raw[it->second] = std::move(item_raw);
        }
    }
    r.items = std::move(items);
    r.raw = std::move(raw);
}

}  // namespace

HighlightKeeper::HighlightKeeper(KeyValueStore& store) : store_(store) {
    std::random_device random;
    tab_tag_ = base36(random() % (36u * 36u * 36u * 36u), 4);
}

const std::string& HighlightKeeper::warning() const {
    static const std::string none;
    return warnings_.empty() ? none : warnings_.back();
}

void HighlightKeeper::warn(std::string message) {
    if (std::find(warnings_.begin(), warnings_.end(), message) == warnings_.end())
        warnings_.push_back(std::move(message));
}

void HighlightKeeper::warn_status(KeyValueStore::Status status) {
    switch (status) {
        case KeyValueStore::Status::quota:
            warn("Storage is full: your highlights were not saved. They are kept while this article stays open.");
            break;
        case KeyValueStore::Status::unavailable:
            warn(
                "Storage is not available here: your highlights are not saved. They are kept while this article "
                "stays open.");
            break;
        case KeyValueStore::Status::failed:
            warn("Your highlights could not be saved. They are kept while this article stays open.");
            break;
        default:
            break;
    }
}

void HighlightKeeper::open(const Article& article, const std::string& origin) {
    close();
    article_ = &article;
    key_ = key_for(article.id, origin);
    digest_ = article.digest.empty() ? article_digest(article) : article.digest;
    load();
    rebuild();
}

void HighlightKeeper::close() {
    const bool had = !items_.empty();
    article_ = nullptr;
    stored_ = HighlightRecord{};
    seen_.clear();
    unreadable_.clear();
    items_.clear();
    dirty_.clear();
    written_.clear();
    anchored_.clear();
    known_ids_.clear();
    read_only_ = false;
    error_.clear();
    warnings_.clear();
    if (had) ++generation_;
}

bool HighlightKeeper::load() {
    std::string value;
    const KeyValueStore::Status status = store_.get(key_, value);
    if (status == KeyValueStore::Status::missing) {
        stored_ = HighlightRecord{};
        seen_.clear();
        return true;
    }
    if (status != KeyValueStore::Status::ok) {
        warn_status(status);
        return false;
    }
    if (!seen_.empty() && value == seen_) return true;  // nobody wrote since: stored_ is what it holds
    seen_.clear();
    HighlightRead read = decode_highlights(value);
    switch (read.status) {
        case HighlightReadStatus::ok:
            for (const std::string& skipped : read.skipped)
                warn("A saved highlight could not be read (" + skipped +
                     "); it is skipped and kept in storage as it is.");
            stored_ = std::move(read.record);
            keep_winners(stored_);  // several copies of one id (a record written by hand): the winner
            seen_ = std::move(value);
            requeue_overwritten();
            return true;
        case HighlightReadStatus::corrupt:
            warn("Your saved highlights for this article could not be read (" + read.error +
                 "); they are set aside, and new ones are saved anew.");
            unreadable_ = std::move(value);
            stored_ = HighlightRecord{};
            return true;
        case HighlightReadStatus::future_version:
            warn(
                "Your highlights for this article were saved by a newer version of this viewer; they are left as "
                "they are, and changes made here are not saved.");
            read_only_ = true;
            stored_ = HighlightRecord{};
            return true;
    }
    return true;
}

const Highlight* HighlightKeeper::current(const std::string& id) const {
    for (const Highlight& h : dirty_)
        if (h.id == id) return &h;
    for (const Highlight& h : stored_.items)
        if (h.id == id) return &h;
    return nullptr;
}

Highlight HighlightKeeper::anchored(const Highlight& stored, HighlightFinder& finder) {
    auto it = anchored_.find(stored.id);
    if (it != anchored_.end() && same(it->second.first, stored)) return it->second.second;
    return finder.find(stored);
}

void HighlightKeeper::rebuild() {
    if (!article_) return;
    // Per id, the stored item or this reader's change, whichever wins; a change that lost to a
    // newer one from another tab is dropped, never written over it.
    std::vector<Highlight> merged = stored_.items;
    for (auto d = dirty_.begin(); d != dirty_.end();) {
        auto s = std::find_if(merged.begin(), merged.end(), [&](const Highlight& h) { return h.id == d->id; });
        if (s == merged.end()) {
            merged.push_back(*d);
        } else if (wins(*d, *s)) {
            *s = *d;
        } else {
            d = dirty_.erase(d);  // another tab's newer change, or this one already stored
            continue;
        }
        ++d;
    }
    HighlightFinder finder(*article_, digest_);
    std::vector<Highlight> items;
    std::unordered_map<std::string, std::pair<Highlight, Highlight>> keep;
    for (const Highlight& h : merged) {
        known_ids_.insert(h.id);
        if (h.deleted) continue;
        Highlight found = anchored(h, finder);
        keep.emplace(h.id, std::make_pair(h, found));
        items.push_back(std::move(found));
    }
    anchored_ = std::move(keep);
    std::stable_sort(items.begin(), items.end(), reading_order);
    const bool changed =
        items.size() != items_.size() || !std::equal(items.begin(), items.end(), items_.begin(),
                                                     [](const Highlight& a, const Highlight& b) { return same(a, b); });
    if (changed) {
        items_ = std::move(items);
        ++generation_;
    }
}

void HighlightKeeper::save(std::int64_t now_ms) {
    if (dirty_.empty() || !article_) return;
    if (!read_only_ && !load()) return;  // storage cannot be read: nothing can be merged safely
    if (read_only_) {
        warn(
            "Your highlights for this article were saved by a newer version of this viewer; they are left as "
            "they are, and changes made here are not saved.");
        return;
    }
    HighlightRecord out = stored_;
    std::vector<std::string> mine;
    for (const Highlight& d : dirty_) {
        auto s = std::find_if(out.items.begin(), out.items.end(), [&](const Highlight& h) { return h.id == d.id; });
        if (s == out.items.end()) {
            out.items.push_back(d);
            out.raw.emplace_back();
            mine.push_back(d.id);
        } else if (wins(d, *s)) {
            *s = d;  // its stored JSON is kept underneath, for members a newer viewer added
            mine.push_back(d.id);
        }
    }
    // Old tombstones go: a tab writes only what it changed itself, so a tab still holding the
    // highlight cannot bring it back by writing. Deletions made here are kept whatever their time.
    std::vector<std::pair<std::int64_t, std::size_t>> tombstones;
    for (std::size_t i = 0; i < out.items.size(); ++i)
        if (out.items[i].deleted && std::find(mine.begin(), mine.end(), out.items[i].id) == mine.end())
            tombstones.emplace_back(out.items[i].updated, i);
    std::sort(tombstones.begin(), tombstones.end(), std::greater<>());
    std::vector<bool> drop(out.items.size(), false);
    for (std::size_t k = 0; k < tombstones.size(); ++k)
        if (k >= max_tombstones || tombstones[k].first < now_ms - tombstone_keep_ms) drop[tombstones[k].second] = true;
    HighlightRecord pruned;
    for (std::size_t i = 0; i < out.items.size(); ++i) {
        if (drop[i]) continue;
        pruned.items.push_back(std::move(out.items[i]));
        pruned.raw.push_back(std::move(out.raw[i]));
    }
    pruned.unreadable = std::move(out.unreadable);
    pruned.article = article_->id;
    pruned.digest = digest_;
    if (!unreadable_.empty()) {
        // The value no viewer could read is moved aside, not overwritten: it may still be mended.
        const std::string aside = "highlights-unreadable/" + key_.substr(11);  // 11 = "highlights/"
        const KeyValueStore::Status status = store_.set(aside, unreadable_);
        if (status != KeyValueStore::Status::ok) {
            warn_status(status);
            return;
        }
        unreadable_.clear();
    }
    std::string encoded = encode_highlights(pruned);
    const KeyValueStore::Status status = store_.set(key_, encoded);
    if (status != KeyValueStore::Status::ok) {
        warn_status(status);
        return;
    }
    for (const std::string& id : mine) {
        const auto d = std::find_if(dirty_.begin(), dirty_.end(), [&](const Highlight& h) { return h.id == id; });
        const auto w = std::find_if(written_.begin(), written_.end(), [&](const Highlight& h) { return h.id == id; });
        if (w != written_.end()) *w = *d;
        else written_.push_back(*d);
    }
    dirty_.clear();
    stored_ = std::move(pruned);
    seen_ = std::move(encoded);
}

// Browsers hand one tab's storage writes to another tab asynchronously: a tab that had not yet
// seen a change written here can write its own record over it, with the older version of that
// highlight (seen in Chromium: a note edited in one tab came back to the other tab's older note).
// A change of ours that storage now holds in an older version, or not at all, is queued again, and
// the next save writes it back. A missing tombstone is not: old tombstones are pruned on purpose.
void HighlightKeeper::requeue_overwritten() {
    for (const Highlight& w : written_) {
        const auto s = std::find_if(stored_.items.begin(), stored_.items.end(), [&](const Highlight& h) { return h.id == w.id; });
        const bool lost_write = s == stored_.items.end() ? !w.deleted : wins(w, *s);
        if (!lost_write) continue;
        const auto d = std::find_if(dirty_.begin(), dirty_.end(), [&](const Highlight& h) { return h.id == w.id; });
        if (d == dirty_.end()) dirty_.push_back(w);
        else if (wins(w, *d)) *d = w;
    }
}

void HighlightKeeper::changed(Highlight h, std::int64_t now_ms) {
    auto d = std::find_if(dirty_.begin(), dirty_.end(), [&](const Highlight& x) { return x.id == h.id; });
    if (d != dirty_.end())
        *d = std::move(h);
    else
        dirty_.push_back(std::move(h));
    save(now_ms);
    rebuild();
}

std::string HighlightKeeper::new_id(std::int64_t now_ms) {
    for (;;) {
        std::string id = "h" + base36(static_cast<std::uint64_t>(std::max<std::int64_t>(now_ms, 0))) + "-" + tab_tag_ +
                         base36(counter_++);
        if (known_ids_.count(id) == 0 && !current(id)) {
            known_ids_.insert(id);
            return id;
        }
    }
}

std::string HighlightKeeper::add(int block, std::uint32_t start, std::uint32_t end, HighlightColor color,
                                 std::string note, std::int64_t now_ms) {
    error_.clear();
    if (!article_) {
        error_ = "no article is open";
        return {};
    }
    Highlight h;
    h.block = block;
    h.start = start;
    h.end = end;
    HighlightFinder finder(*article_, digest_);
    if (std::string why = finder.describe(h); !why.empty()) {
        error_ = why;
        return {};
    }
    if (std::string why = note_problem(note); !why.empty()) {
        error_ = why;
        return {};
    }
    if (std::string why = color_problem(color); !why.empty()) {
        error_ = why;
        return {};
    }
    if (items_.size() >= max_highlights) {
        error_ =
            "this article already has " + std::to_string(max_highlights) + " highlights, the most one article keeps";
        return {};
    }
    h.color = color;
    h.note = std::move(note);
    h.created = h.updated = now_ms;
    h.id = new_id(now_ms);
    const std::string id = h.id;
    changed(std::move(h), now_ms);
    return id;
}

const Highlight* HighlightKeeper::to_edit(const std::string& id) {
    error_.clear();
    refresh();
    const Highlight* h = find(id);
    if (!h) error_ = "there is no highlight \"" + id + "\"";
    return h;
}

void HighlightKeeper::replace(Highlight edited, const Highlight& was, std::int64_t now_ms) {
    edited.updated = std::max(now_ms, was.updated + 1);  // a change is always newer than what it changes
    changed(std::move(edited), now_ms);
}

bool HighlightKeeper::remove(const std::string& id, std::int64_t now_ms) {
    const Highlight* h = to_edit(id);
    if (!h) return false;
    Highlight tombstone;
    tombstone.id = id;
    tombstone.deleted = true;
    replace(std::move(tombstone), *h, now_ms);
    return true;
}

bool HighlightKeeper::set_note(const std::string& id, std::string note, std::int64_t now_ms) {
    const Highlight* h = to_edit(id);
    if (!h) return false;
    if (std::string why = note_problem(note); !why.empty()) {
        error_ = why;
        return false;
    }
    if (h->note == note) return true;
    Highlight edited = *h;
    edited.note = std::move(note);
    replace(std::move(edited), *h, now_ms);
    return true;
}

bool HighlightKeeper::set_color(const std::string& id, HighlightColor color, std::int64_t now_ms) {
    const Highlight* h = to_edit(id);
    if (!h) return false;
    if (std::string why = color_problem(color); !why.empty()) {
        error_ = why;
        return false;
    }
    if (h->color == color) return true;
    Highlight edited = *h;
    edited.color = color;
    replace(std::move(edited), *h, now_ms);
    return true;
}

const Highlight* HighlightKeeper::find(const std::string& id) const {
    for (const Highlight& h : items_)
        if (h.id == id) return &h;
    return nullptr;
}

void HighlightKeeper::refresh() {
    // An edit starts from what storage holds now: another tab may have changed this highlight's
    // other members (its note, while this reader changes its colour) or deleted it.
    if (article_ && load()) rebuild();
}

bool HighlightKeeper::reload(std::int64_t now_ms) {
    if (!article_) return false;
    const std::uint64_t before = generation_;
    if (!load()) return false;
    if (now_ms >= 0) save(now_ms);
    rebuild();
    return generation_ != before;
}

HighlightKeeper::ImportOutcome HighlightKeeper::import(const HighlightImport& data, std::int64_t now_ms) {
    ImportOutcome out;
    error_.clear();
    if (!article_) {
        error_ = "no article is open";
        return out;
    }
    std::vector<std::string> ids;
    std::size_t refused = 0;
    for (Highlight h : data.items) {
        h.deleted = false;
        h.lost = false;
        if (const Highlight* now = current(h.id)) {
            // A newer change here (a deletion too) stands: the export is older news.
            if (!wins(h, *now)) {
                ++out.unchanged;
                continue;
            }
            ++out.updated;
        } else {
            if (items_.size() + out.added >= max_highlights) {
                ++refused;
                continue;
            }
            ++out.added;
        }
        ids.push_back(h.id);
        auto d = std::find_if(dirty_.begin(), dirty_.end(), [&](const Highlight& x) { return x.id == h.id; });
        if (d != dirty_.end())
            *d = std::move(h);
        else
            dirty_.push_back(std::move(h));
    }
    if (refused > 0)
        error_ = std::to_string(refused) + (refused == 1 ? " highlight was" : " highlights were") +
                 " not imported: an article keeps at most " + std::to_string(max_highlights);
    save(now_ms);
    rebuild();
    for (const std::string& id : ids)
        if (const Highlight* h = find(id); h && h->lost) ++out.lost;
    return out;
}

std::size_t HighlightKeeper::count_in(KeyValueStore& store, const std::string& article_id, const std::string& origin) {
    std::string value;
    if (store.get(key_for(article_id, origin), value) != KeyValueStore::Status::ok) return 0;
    HighlightRead read = decode_highlights(value);
    if (read.status != HighlightReadStatus::ok) return 0;
    keep_winners(read.record);
    return static_cast<std::size_t>(std::count_if(read.record.items.begin(), read.record.items.end(),
                                                  [](const Highlight& h) { return !h.deleted; }));
}

void HighlightKeeper::forget(KeyValueStore& store, const std::string& article_id, const std::string& origin) {
    store.remove(key_for(article_id, origin));
}

}  // namespace av
