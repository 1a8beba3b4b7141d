#include "article_loader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "article_checks.hpp"
#include "fragment_links.hpp"
#include "text_facts.hpp"
#include "core/text/text_needs.hpp"
#include "url.hpp"
#include "utf8.hpp"

namespace av {

using nlohmann::json;
using namespace article_checks;


// The phases of a load, in order; each is done in pieces (ArticleLoad::step).
enum class LoadPhase { check_utf8, count_blocks, parse, needs, facts, done };

struct ArticleLoadState {
    std::string_view bytes;
    std::string src;
    LoadLimits limits;
    LoadPhase phase = LoadPhase::check_utf8;
    std::size_t pos = 0;        // check_utf8, count_blocks: bytes scanned
    std::size_t expected = 0;   // count_blocks: "type" members seen
    LoadResult result;
    std::unique_ptr<BlockStream> stream;
    std::unique_ptr<JsonReading> reading;
    std::unique_ptr<NeedsScan> needs;
    std::unique_ptr<TextFactsScan> facts;
};

namespace {

// How much one piece of each phase does: a few milliseconds of a slow phone's time, so that a
// caller checking its clock between pieces never overshoots by much (BENCHMARKS.md, "Longest task").
constexpr std::size_t scan_piece = 1u << 20;  // bytes: UTF-8 check, block count
constexpr std::size_t parse_piece = 2048;     // JSON values
constexpr std::size_t needs_piece = 256;      // blocks

void fail_with(ArticleLoadState& s, LoadErrorKind kind, std::string error) {
    s.result.kind = kind;
    s.result.error = std::move(error);
    s.phase = LoadPhase::done;
}

// After the JSON is read: the top-level members, checked first as before, then the blocks the
// stream kept, then the #id links. Leaves the phase at needs, or done on an error.
void read_members(ArticleLoadState& s, JsonReadResult& parsed) {
    LoadResult& result = s.result;
    const std::string& src = s.src;
    const std::string_view source = s.src;
    BlockStream& stream = *s.stream;
    s.phase = LoadPhase::done;  // until every check below has passed
    for (auto& w : parsed.warnings) result.warnings.push_back(src + ": " + w);

    Checker c(source, result);
    json& top = parsed.value;  // ours: its strings are moved into the article
    if (!top.is_object()) {
        c.fail(LoadErrorKind::wrong_type, "/", "expected an article (an object), got " + describe_json(top));
        return;
    }
    Article& a = result.article;
    std::string* format = c.require_string(top, "", "format");
    if (!format) return;
    const bool is_v1 = *format == "article/1" ||
                       (format->rfind("article/1.", 0) == 0 && format->size() > 10 &&
                        format->find_first_not_of("0123456789", 10) == std::string::npos);
    if (!is_v1) {
        const bool other_major = format->rfind("article/", 0) == 0;
        c.fail(other_major ? LoadErrorKind::unsupported_format : LoadErrorKind::wrong_type, "/format",
               other_major ? "unsupported format " + describe_json(*format) + " (this viewer reads article/1)"
                           : "expected \"article/1\", got " + describe_json(*format));
        return;
    }
    a.format = *format;
    std::string* id = c.require_string(top, "", "id");
    if (!id) return;
    if (!valid_id(*id)) {
        c.fail(LoadErrorKind::wrong_type, "/id", "expected 1 to 128 characters of A-Z a-z 0-9 . _ -, got " + describe_json(*id));
        return;
    }
    a.id = *id;
    std::string* title = c.require_string(top, "", "title");
    if (!title) return;
    // Blank once its control characters are gone: a title of "\u0000" would show as nothing.
    bool changed = false;
    std::string clean_title = clean_text(std::string(*title), changed);
    if (blank(clean_title)) {
        c.fail(LoadErrorKind::wrong_type, "/title", "expected a non-empty string, got " + describe_json(*title));
        return;
    }
    a.title = std::move(clean_title);
    if (std::string lang = c.optional_lang(top, ""); !lang.empty()) a.lang = std::move(lang);
    a.dir = c.optional_dir(top, "", TextDirection::auto_);
    a.subtitle = c.optional_string(top, "", "subtitle");
    read_byline(c, top, a.byline);

    json* blocks = c.require(top, "", "blocks", "an array of blocks");
    if (!blocks) return;
    if (!blocks->is_array()) {
        c.fail(LoadErrorKind::wrong_type, "/blocks", "expected an array of blocks, got " + describe_json(*blocks));
        return;
    }
    // The reader streamed the array's elements to `stream`, which checked them as they came.
    for (auto& w : stream.result().warnings) result.warnings.push_back(std::move(w));
    if (!stream.result().ok()) {
        result.kind = stream.result().kind;
        result.error = std::move(stream.result().error);
        return;
    }
    a.blocks = std::move(stream.blocks());
    if (a.blocks.capacity() > a.blocks.size() + a.blocks.size() / 8 + 16) a.blocks.shrink_to_fit();
    a.blocks.reserve(a.blocks.size() + blocks->size());
    for (std::size_t i = 0; i < blocks->size(); ++i) {  // none: kept for a tree read without a stream
        Block block;
        bool skip = false;
        if (!read_block(c, (*blocks)[i], "/blocks/" + std::to_string(i), source, block, skip)) return;
        if (!skip) a.blocks.push_back(std::move(block));
    }
    for (auto& link : c.fragment_links()) stream.checker().fragment_links().push_back(std::move(link));
    for (const auto& [pointer, message] : drop_dead_fragment_links(stream.checker().fragment_links(), a)) c.warn(pointer, message);
    if (!result.ok()) return;
    s.phase = LoadPhase::needs;
    s.needs = std::make_unique<NeedsScan>(result.article);
}

}  // namespace

ArticleLoad::ArticleLoad(std::string_view bytes, std::string_view source, const LoadLimits& limits)
    : state_(std::make_unique<ArticleLoadState>()) {
    ArticleLoadState& s = *state_;
    s.bytes = bytes;
    s.src = std::string(source);
    s.limits = limits;
    if (bytes.size() > limits.max_file_bytes) {
        fail_with(s, LoadErrorKind::too_large, s.src + ": file is " + std::to_string(bytes.size()) +
                                                   " bytes, more than the limit of " + std::to_string(limits.max_file_bytes));
    }
}

ArticleLoad::~ArticleLoad() = default;

bool ArticleLoad::piece() {
    ArticleLoadState& s = *state_;
    switch (s.phase) {
        case LoadPhase::check_utf8: {
            const std::size_t bad = utf8::find_invalid(s.bytes, s.pos, s.pos + scan_piece);
            if (bad != std::string_view::npos) {
                fail_with(s, LoadErrorKind::invalid_utf8, s.src + ": invalid UTF-8 at byte " + std::to_string(bad) + " (" +
                                                              line_column(s.bytes, bad) + ")");
            } else if (s.pos >= s.bytes.size()) {
                s.phase = LoadPhase::count_blocks;
                s.pos = 0;
            }
            break;
        }
        case LoadPhase::count_blocks: {
            // Room for the blocks before reading them: every block has a "type" member, so counting
            // `"type"` in the text gives their number (at most a few too many). Growing the vector
            // instead would hold up to three times the blocks' own memory while moving them
            // (BENCHMARKS.md, "Memory").
            constexpr std::string_view type = "\"type\"";
            const std::size_t stop = std::min(s.pos + scan_piece, s.bytes.size());
            const std::string_view window = s.bytes.substr(0, std::min(stop + type.size() - 1, s.bytes.size()));
            std::size_t at = window.find(type, s.pos);
            for (; at != std::string_view::npos && at < stop && s.expected < s.limits.max_array_items; at = window.find(type, at + type.size()))
                ++s.expected;
            s.pos = at != std::string_view::npos && at >= stop ? at : stop;
            if (s.pos >= s.bytes.size() || s.expected >= s.limits.max_array_items) {
                s.stream = std::make_unique<BlockStream>(s.src, s.expected);
                s.reading = std::make_unique<JsonReading>(s.bytes, s.limits, s.stream.get());
                s.phase = LoadPhase::parse;
            }
            break;
        }
        case LoadPhase::parse: {
            if (!s.reading->step(parse_piece)) break;
            JsonReadResult parsed = s.reading->take();
            s.reading.reset();
            if (parsed.kind != LoadErrorKind::none) {
                // Syntax errors read "FILE:LINE:COL: ..."; limit errors "FILE: /pointer: ...".
                fail_with(s, parsed.kind, s.src + (parsed.kind == LoadErrorKind::json_syntax ? ":" : ": ") + parsed.error);
                break;
            }
            read_members(s, parsed);
            break;
        }
        case LoadPhase::needs:
            if (s.needs->add_blocks(needs_piece)) {
                s.result.article.needs = s.needs->take();
                s.needs.reset();
                s.stream.reset();
                s.facts = std::make_unique<TextFactsScan>(s.result.article);
                s.phase = LoadPhase::facts;
            }
            break;
        case LoadPhase::facts:
            if (s.facts->add_blocks(needs_piece)) {
                s.result.article.digest = s.facts->digest();
                s.result.article.word_prefix = s.facts->take_prefix();
                s.facts.reset();
                s.phase = LoadPhase::done;
            }
            break;
        case LoadPhase::done: break;
    }
    return s.phase == LoadPhase::done;
}

bool ArticleLoad::step(const std::function<bool()>& enough) {
    while (!piece())
        if (enough()) return false;
    return true;
}

bool ArticleLoad::done() const { return state_->phase == LoadPhase::done; }

double ArticleLoad::fraction() const {
    const ArticleLoadState& s = *state_;
    const double size = static_cast<double>(std::max<std::size_t>(s.bytes.size(), 1));
    switch (s.phase) {
        case LoadPhase::check_utf8: return 0.05 * static_cast<double>(s.pos) / size;
        case LoadPhase::count_blocks: return 0.05 + 0.05 * static_cast<double>(s.pos) / size;
        case LoadPhase::parse: return 0.10 + 0.75 * static_cast<double>(s.reading->bytes_read()) / size;
        case LoadPhase::needs: {
            const double n = static_cast<double>(std::max<std::size_t>(s.result.article.blocks.size(), 1));
            return 0.85 + 0.10 * static_cast<double>(s.needs->scanned()) / n;
        }
        case LoadPhase::facts: {
            const double n = static_cast<double>(std::max<std::size_t>(s.result.article.blocks.size(), 1));
            return 0.95 + 0.05 * static_cast<double>(s.facts->scanned()) / n;
        }
        case LoadPhase::done: return 1.0;
    }
    return 1.0;
}

LoadResult ArticleLoad::take() {
    while (!piece()) {
    }
    return std::move(state_->result);
}

LoadResult load_article(std::string_view bytes, std::string_view source, const LoadLimits& limits) {
    return ArticleLoad(bytes, source, limits).take();
}

}  // namespace av
