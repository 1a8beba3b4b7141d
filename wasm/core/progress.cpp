#include "progress.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "json_reader.hpp"
#include "stored_json.hpp"
#include "utf8.hpp"

namespace av {

using nlohmann::json;

namespace {

// The first `max_chars` characters of `text` from character `offset` on.
std::string slice(const std::string& text, std::uint32_t offset, std::size_t max_chars) {
    std::size_t pos = 0;
    for (std::uint32_t i = 0; i < offset && pos < text.size(); ++i) utf8::next(text, pos);
    std::size_t end = pos;
    for (std::size_t i = 0; i < max_chars && end < text.size(); ++i) utf8::next(text, end);
    return text.substr(pos, end - pos);
}

}  // namespace

TextFactsScan::TextFactsScan(const Article& article) : article_(article), prefix_(article.blocks.size() + 1, 0) {
    mix(article.title);
}

void TextFactsScan::mix_bytes(std::string_view s) {
    for (char c : s) {
        hash_ ^= static_cast<unsigned char>(c);
        hash_ *= 0x100000001b3ull;
    }
}

void TextFactsScan::mix(std::string_view s) {
    mix_bytes(s);
    hash_ ^= 0xFF;  // separator, so "ab"+"c" differs from "a"+"bc"
    hash_ *= 0x100000001b3ull;
}

bool TextFactsScan::add_blocks(std::size_t count) {
    const std::size_t last = next_ + std::min(count, article_.blocks.size() - next_);
    for (; next_ < last; ++next_) {
        const Block& b = article_.blocks[next_];
        mix(block_type_name(b.type));
        // block_text(b), piece by piece: the same digest without a copy of the block's text.
        for_each_text_piece(b, [&](std::string_view piece) { mix_bytes(piece); });
        mix({});
        prefix_[next_ + 1] = prefix_[next_] + reading_words(b);
    }
    return next_ >= article_.blocks.size();
}

std::string TextFactsScan::digest() const {
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_));
    return hex;
}

std::string article_digest(const Article& article) {
    TextFactsScan scan(article);
    scan.add_blocks(article.blocks.size());
    return scan.digest();
}

std::string encode_progress(const Progress& p) {
    json j;
    j["version"] = p.version;
    j["anchor"] = {{"block", p.anchor.block}, {"offset", p.anchor.offset}};
    if (!p.block_id.empty()) j["anchor"]["id"] = p.block_id;
    if (!p.snippet.empty()) j["anchor"]["text"] = p.snippet;
    j["percent"] = std::round(std::clamp(p.percent, 0.0, 1.0) * 10000.0) / 10000.0;
    j["updated"] = p.updated;
    j["digest"] = p.digest;
    if (!p.title.empty()) j["title"] = p.title;
    if (!p.source.empty()) j["source"] = p.source;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

ProgressRead decode_progress(std::string_view text) {
    ProgressRead out;
    auto corrupt = [&](std::string why) {
        out.status = ProgressReadStatus::corrupt;
        out.error = std::move(why);
        return out;
    };
    StoredJson stored = read_stored_json(text, progress_version, StoredJsonLimits{1u << 20, 64u << 10, 100});
    if (stored.status != StoredJsonStatus::ok) {
        out.status = stored.status == StoredJsonStatus::corrupt ? ProgressReadStatus::corrupt : ProgressReadStatus::future_version;
        out.error = std::move(stored.error);
        return out;
    }
    const json& j = stored.value;
    Progress& p = out.progress;
    auto anchor = j.find("anchor");
    if (anchor == j.end() || !anchor->is_object()) return corrupt("no anchor");
    auto block = anchor->find("block");
    auto offset = anchor->find("offset");
    if (block == anchor->end() || !block->is_number_integer() || block->get<std::int64_t>() < -1 ||
        block->get<std::int64_t>() > 100000000)
        return corrupt("bad anchor block");
    if (offset == anchor->end() || !offset->is_number_integer() || offset->get<std::int64_t>() < 0 ||
        offset->get<std::int64_t>() > 0xFFFFFFFFll)
        return corrupt("bad anchor offset");
    p.anchor = Anchor{static_cast<int>(block->get<std::int64_t>()), static_cast<std::uint32_t>(offset->get<std::int64_t>())};
    auto str = [](const json& o, const char* name) {
        auto it = o.find(name);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    p.block_id = str(*anchor, "id");
    p.snippet = str(*anchor, "text");
    auto percent = j.find("percent");
    if (percent == j.end() || !percent->is_number() || !(percent->get<double>() >= 0 && percent->get<double>() <= 1))
        return corrupt("bad percent");
    p.percent = percent->get<double>();
    auto updated = j.find("updated");
    if (updated == j.end() || !updated->is_number_integer()) return corrupt("bad time");
    p.updated = updated->get<std::int64_t>();
    p.digest = str(j, "digest");
    p.title = str(j, "title");
    p.source = str(j, "source");
    return out;
}

Progress make_progress(const Article& article, const Anchor& anchor, double percent, std::int64_t updated,
                       const std::string& digest, const std::string& source) {
    Progress p;
    p.anchor = anchor;
    p.percent = percent;
    p.updated = updated;
    p.digest = digest;
    p.title = article.title;
    p.source = source;
    if (anchor.block >= 0 && static_cast<std::size_t>(anchor.block) < article.blocks.size()) {
        const Block& b = article.blocks[static_cast<std::size_t>(anchor.block)];
        p.block_id = b.id;
        p.snippet = slice(block_text(b), anchor.offset, 64);
    }
    return p;
}

Resume resume_position(const Article& article, const std::string& digest, const Progress& stored) {
    const int count = static_cast<int>(article.blocks.size());
    if (stored.digest == digest && stored.anchor.block < count) return Resume{stored.anchor, ResumeMatch::same_text, stored.percent};
    if (!stored.block_id.empty()) {
        const int found = find_block(article, stored.block_id);
        if (found >= 0) {
            // Keep the offset only if the snippet is still there; else the block's start.
            const std::string text = block_text(article.blocks[static_cast<std::size_t>(found)]);
            const bool same = !stored.snippet.empty() && slice(text, stored.anchor.offset, 64) == stored.snippet;
            return Resume{Anchor{found, same ? stored.anchor.offset : 0}, ResumeMatch::by_id, stored.percent};
        }
    }
    if (stored.snippet.size() >= 8) {
        // The block whose text holds the snippet, nearest to where it used to be.
        int best = -1;
        std::uint32_t best_offset = 0;
        for (int i = 0; i < count; ++i) {
            const std::string text = block_text(article.blocks[static_cast<std::size_t>(i)]);
            const std::size_t at = text.find(stored.snippet);
            if (at == std::string::npos) continue;
            if (best < 0 || std::abs(i - stored.anchor.block) < std::abs(best - stored.anchor.block)) {
                best = i;
                best_offset = static_cast<std::uint32_t>(utf8::length(std::string_view(text).substr(0, at)));
            }
        }
        if (best >= 0) return Resume{Anchor{best, best_offset}, ResumeMatch::by_text, stored.percent};
    }
    return Resume{Anchor{}, ResumeMatch::lost};
}

bool should_store(const std::optional<Progress>& stored, const Progress& mine) {
    return !stored || stored->updated <= mine.updated;
}

std::vector<std::size_t> word_prefix(const Article& article) {
    TextFactsScan scan(article);
    scan.add_blocks(article.blocks.size());
    return scan.take_prefix();
}

std::size_t words_left(const Article& article, const std::vector<std::size_t>& prefix, const Anchor& anchor) {
    const std::size_t total = prefix.empty() ? 0 : prefix.back();
    if (anchor.block < 0) return total;
    const std::size_t b = std::min(static_cast<std::size_t>(anchor.block), article.blocks.size());
    if (b >= article.blocks.size()) return 0;
    const std::size_t in_block = prefix[b + 1] - prefix[b];
    const std::size_t chars = utf8::length(block_text(article.blocks[b]));
    const double read = chars ? std::min(1.0, static_cast<double>(anchor.offset) / static_cast<double>(chars)) : 0.0;
    return total - prefix[b] - static_cast<std::size_t>(std::llround(read * static_cast<double>(in_block)));
}

std::string encode_speed(const ReadingSpeed& speed) {
    return json{{"version", 1}, {"wpm", std::round(speed.wpm)}, {"samples", speed.samples}}.dump();
}

std::optional<ReadingSpeed> decode_speed(std::string_view text) {
    if (utf8::find_invalid(text) != std::string_view::npos || text.size() > 4096) return std::nullopt;
    LoadLimits limits;
    limits.max_depth = 4;
    JsonReadResult parsed = read_json(text, limits);
    if (parsed.kind != LoadErrorKind::none || !parsed.value.is_object()) return std::nullopt;
    const json& j = parsed.value;
    auto wpm = j.find("wpm");
    auto samples = j.find("samples");
    if (wpm == j.end() || !wpm->is_number() || samples == j.end() || !samples->is_number_integer()) return std::nullopt;
    const double w = wpm->get<double>();
    if (!(w >= 60 && w <= 1500)) return std::nullopt;
    return ReadingSpeed{w, static_cast<int>(std::clamp<std::int64_t>(samples->get<std::int64_t>(), 0, 1000000))};
}

ReadingSpeed observe_speed(ReadingSpeed speed, double words, double seconds, double start_wpm) {
    if (seconds < 20 || words < 30) return speed;  // too short to tell
    const double wpm = words / (seconds / 60.0);
    if (wpm < 60 || wpm > 1000) return speed;  // a tab left open, or skimming
    // Weighted by time: 20 s of reading moves the estimate by 6 % of the way, 5 minutes by half.
    // One stretch read fast or slow (a list skimmed, a paragraph read twice) then barely shows.
    const double base = speed.samples > 0 ? speed.wpm : std::clamp(start_wpm, 60.0, 1000.0);
    const double next = base + (wpm - base) * (seconds / (seconds + speed_memory_seconds));
    speed.wpm = std::clamp(next, base / speed_step, base * speed_step);
    ++speed.samples;
    return speed;
}

}  // namespace av
