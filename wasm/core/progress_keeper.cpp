#include "progress_keeper.hpp"

#include <algorithm>
#include <cmath>

#include "locale.hpp"

namespace av {

namespace {
const char* const speed_key = "reader";
}

ProgressKeeper::ProgressKeeper(KeyValueStore& store) : store_(store) {
    std::string value;
    if (store_.get(speed_key, value) == KeyValueStore::Status::ok) {
        if (auto speed = decode_speed(value)) speed_ = *speed;
    }
}

void ProgressKeeper::warn(KeyValueStore::Status status) {
    if (!warning_.empty()) return;  // once
    switch (status) {
        case KeyValueStore::Status::unavailable:
            warning_ = "Your reading position cannot be saved here: this browser does not allow storage.";
            break;
        case KeyValueStore::Status::quota: warning_ = "Your reading position could not be saved: storage is full."; break;
        case KeyValueStore::Status::failed: warning_ = "Your reading position could not be saved."; break;
        default: break;
    }
}

std::optional<Resume> ProgressKeeper::open(const Article& article, const std::string& source,
                                           const std::string& origin) {
    close();
    article_ = &article;
    source_ = source;
    origin_ = origin;
    key_ = key_for(article.id, origin);
    // Computed while the article loaded (ArticleLoad), unless it was made some other way.
    digest_ = article.digest.empty() ? article_digest(article) : article.digest;
    words_ = article.word_prefix.size() == article.blocks.size() + 1 ? article.word_prefix : word_prefix(article);
    std::string value;
    const KeyValueStore::Status status = store_.get(key_, value);
    if (status == KeyValueStore::Status::missing) return std::nullopt;
    if (status == KeyValueStore::Status::ok) seen_ = value;
    if (status != KeyValueStore::Status::ok) {
        warn(status);
        return std::nullopt;
    }
    const ProgressRead read = decode_progress(value);
    if (read.status == ProgressReadStatus::future_version) {
        // Written by a newer viewer: do not overwrite what we cannot read.
        read_only_ = true;
        warning_ = "Your reading position was saved by a newer version of this viewer; it is left as it is.";
        return std::nullopt;
    }
    if (read.status == ProgressReadStatus::corrupt) return std::nullopt;  // garbage: the next save replaces it
    stored_ = true;
    anchor_ = read.progress.anchor;
    percent_ = read.progress.percent;
    moved_ms_ = read.progress.updated;
    return resume_position(article, digest_, read.progress);
}

void ProgressKeeper::close() {
    flush();
    article_ = nullptr;
    read_only_ = false;
    moved_clock_ = -1;
    speed_clock_ = -1;
    anchor_ = Anchor{};
    percent_ = 0;
    moved_ms_ = 0;
    stored_ = false;
    seen_.reset();
}

void ProgressKeeper::moved(const Anchor& anchor, double percent, std::int64_t now_ms, double clock_s) {
    if (!article_) return;
    if (anchor == anchor_ && moved_clock_ < 0) return;
    anchor_ = anchor;
    percent_ = percent;
    moved_ms_ = now_ms;
    moved_clock_ = clock_s;
    stored_ = false;  // until it is written
}

double ProgressKeeper::tick(double clock_s) {
    if (moved_clock_ < 0) return -1;
    const double due = moved_clock_ + settle_seconds;
    if (clock_s < due) return due;
    // The reader settled: one stretch of reading ends here; count it towards the speed.
    if (speed_clock_ >= 0 && anchor_.block > speed_from_.block) {
        const std::size_t from = words_left(*article_, words_, speed_from_);
        const std::size_t to = words_left(*article_, words_, anchor_);
        const ReadingSpeed before = speed_;
        speed_ = observe_speed(speed_, static_cast<double>(from - std::min(from, to)), clock_s - speed_clock_,
                               locale::words_per_minute(article_->lang));
        if (speed_.samples != before.samples) store_.set(speed_key, encode_speed(speed_));
    }
    speed_from_ = anchor_;
    speed_clock_ = clock_s;
    save();
    return -1;
}

void ProgressKeeper::flush() {
    if (moved_clock_ >= 0) save();
}

void ProgressKeeper::save() {
    moved_clock_ = -1;
    if (!article_ || read_only_) return;
    const Progress mine = make_progress(*article_, anchor_, percent_, moved_ms_, digest_, source_);
    // Another tab (or another window) may have read further since: keep the most recent reading.
    std::string value;
    std::optional<std::string> now_stored;
    std::optional<Progress> stored;
    if (store_.get(key_, value) == KeyValueStore::Status::ok) {
        const ProgressRead read = decode_progress(value);
        if (read.status == ProgressReadStatus::future_version) {
            read_only_ = true;
            return;
        }
        if (read.status == ProgressReadStatus::ok) stored = read.progress;
        now_stored = std::move(value);
    }
    // Times are compared only with a value someone else wrote since this keeper last looked: the
    // value it read or wrote itself may carry any time (a clock a day ahead would otherwise win
    // over every later move, for a day). A foreign value that wins is taken as seen, so the
    // reader's next move here writes again.
    if (now_stored != seen_ && !should_store(stored, mine)) {
        seen_ = std::move(now_stored);
        stored_ = false;
        return;
    }
    std::string encoded = encode_progress(mine);
    const KeyValueStore::Status status = store_.set(key_, encoded);
    if (status == KeyValueStore::Status::ok) {
        seen_ = std::move(encoded);
        stored_ = true;
        ++saves_;
    } else {
        stored_ = false;
        warn(status);
    }
}

double ProgressKeeper::words_per_minute(const std::string& lang) const {
    return speed_.samples > 0 ? speed_.wpm : locale::words_per_minute(lang);
}

int ProgressKeeper::minutes_left(const Anchor& anchor) const {
    if (!article_) return 0;
    const double words = static_cast<double>(words_left(*article_, words_, anchor));
    return static_cast<int>(std::ceil(words / words_per_minute(article_->lang)));
}

std::vector<ProgressKeeper::Entry> ProgressKeeper::library() {
    std::vector<Entry> out;
    for (const std::string& key : store_.keys("progress/")) {
        std::string value;
        if (store_.get(key, value) != KeyValueStore::Status::ok) continue;
        ProgressRead read = decode_progress(value);
        if (read.status != ProgressReadStatus::ok) continue;
        const std::string name = key.substr(9);  // 9 = "progress/"
        const std::size_t at = name.find('@');
        out.push_back(Entry{name.substr(0, at), at == std::string::npos ? std::string() : name.substr(at + 1),
                            std::move(read.progress)});
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.progress.updated > b.progress.updated; });
    return out;
}

void ProgressKeeper::forget(const std::string& article_id, const std::string& origin) {
    store_.remove(key_for(article_id, origin));
    if (article_ && article_->id == article_id && origin_ == origin) {
        moved_clock_ = -1;
        stored_ = false;
        seen_.reset();
    }
}

void ProgressKeeper::forget_named(const std::string& name) {
    const std::size_t at = name.find('@');
    forget(name.substr(0, at), at == std::string::npos ? std::string() : name.substr(at + 1));
}

void ProgressKeeper::forget_all() {
    for (const std::string& key : store_.keys("progress/")) store_.remove(key);
    moved_clock_ = -1;
    stored_ = false;
    seen_.reset();
}

}  // namespace av
