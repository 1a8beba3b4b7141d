// The reading position as it is kept between visits (docs/progress-format.md): an anchor in the
// text plus what is needed to find it again if the article has changed, and the rules that keep
// a position from ever being lost (corrupt or future values, two tabs, an edited article).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "article.hpp"
#include "reading_position.hpp"

namespace av {

constexpr int progress_version = 1;

struct Progress {
    int version = progress_version;
    Anchor anchor;
    std::string block_id;     // the anchored block's id, when it has one
    std::string snippet;      // up to 64 characters of text from the anchor on, to find it again
    double percent = 0;       // 0..1, fraction of the article read
    std::int64_t updated = 0; // when the reader last moved, ms since 1970 (UTC)
    std::string digest;       // article_digest() of the text the anchor refers to
    std::string title;        // for the library
    std::string source;       // where the article was opened from, for the library
};

enum class ProgressReadStatus { ok, corrupt, future_version };

struct ProgressRead {
    ProgressReadStatus status = ProgressReadStatus::ok;
    Progress progress;  // when ok
    std::string error;  // when not ok: why, in one line
};

// A short, stable digest of the article's text (FNV-1a 64 over block types and text), as hex.
std::string article_digest(const Article& article);

// article_digest() and word_prefix() together, over the blocks in order, `count` at a time: what
// ArticleLoad fills Article::digest and Article::word_prefix with, one piece per step.
class TextFactsScan {
public:
    explicit TextFactsScan(const Article& article);
    bool add_blocks(std::size_t count);  // true once every block is in
    std::size_t scanned() const { return next_; }
    std::string digest() const;
    std::vector<std::size_t> take_prefix() { return std::move(prefix_); }

private:
    void mix_bytes(std::string_view s);  // no separator after
    void mix(std::string_view s);
    const Article& article_;
    std::uint64_t hash_ = 0xcbf29ce484222325ull;
    std::vector<std::size_t> prefix_;
    std::size_t next_ = 0;
};

std::string encode_progress(const Progress& progress);
// Never throws: anything that is not a well-formed value of a known version is reported.
ProgressRead decode_progress(std::string_view text);

// Builds the value to store for `anchor` in `article`.
Progress make_progress(const Article& article, const Anchor& anchor, double percent, std::int64_t updated,
                       const std::string& digest, const std::string& source);

// Where to resume. Same text: the stored anchor. Changed text: the block with the same id, else
// the block where the stored snippet is found, else the top; `moved` says which (for the notice).
enum class ResumeMatch { same_text, by_id, by_text, lost };
struct Resume {
    Anchor anchor;
    ResumeMatch match = ResumeMatch::same_text;
    double percent = 0;  // as stored, for the "Resumed at 42 %" notice
};
Resume resume_position(const Article& article, const std::string& digest, const Progress& stored);

// Two tabs, or an old tab waking up: a stored position that someone else wrote since this reader
// last looked is replaced only if the reader moved more recently than that writer's reader did.
// (ProgressKeeper asks only then: its own value, whatever time it carries, never holds it back.)
bool should_store(const std::optional<Progress>& stored, const Progress& mine);

// Words of reading text (headings, paragraphs, quotes, lists, captions; not sponsored or callout
// blocks) before each block: prefix[i] = words in blocks [0, i); prefix.back() = all of them.
std::vector<std::size_t> word_prefix(const Article& article);

// Words left to read from `anchor`, counting the anchored block's remainder proportionally.
std::size_t words_left(const Article& article, const std::vector<std::size_t>& prefix, const Anchor& anchor);

// The reader's measured speed, kept on the device.
struct ReadingSpeed {
    double wpm = 0;       // 0 until measured: the language's default is used
    int samples = 0;
};
std::string encode_speed(const ReadingSpeed& speed);
std::optional<ReadingSpeed> decode_speed(std::string_view text);
// Folds one observation (words read in `seconds` of steady reading) into the running estimate,
// which starts at `start_wpm` (the language's average) when nothing was measured yet.
// Implausible observations (skimming, jumps, a tab left open) are ignored. The estimate is a
// moving average over reading time that moves at most speed_step per observation, so the time left
// it gives cannot swing: an estimate that halves or doubles within a minute was the defect.
inline constexpr double speed_memory_seconds = 300;  // the estimate weighs like 5 minutes of reading
inline constexpr double speed_step = 1.15;          // most one observation changes it by (factor)
ReadingSpeed observe_speed(ReadingSpeed speed, double words, double seconds, double start_wpm);

}  // namespace av
