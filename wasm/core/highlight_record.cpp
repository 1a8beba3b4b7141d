// The stored record of an article's highlights (docs/highlights-format.md) and the colour names.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "highlight_item_json.hpp"
#include "highlights.hpp"
#include "json_reader.hpp"
#include "stored_json.hpp"
#include "utf8.hpp"

namespace av {

using nlohmann::json;

namespace {
constexpr std::string_view color_names[] = {"yellow", "green", "blue", "pink"};
// The members of a stored item this viewer reads and writes (highlight_json::write).
constexpr std::string_view known_members[] = {"id",    "updated", "deleted", "block",  "block_id", "start",   "end",
                                              "color", "quote",   "note",    "prefix", "suffix",   "created", "digest"};
}  // namespace

std::string_view highlight_color_name(HighlightColor color) {
    const auto i = static_cast<std::size_t>(color);
    return i < std::size(color_names) ? color_names[i] : color_names[0];
}

std::optional<HighlightColor> highlight_color_from_name(std::string_view name) {
    for (std::size_t i = 0; i < std::size(color_names); ++i)
        if (color_names[i] == name) return static_cast<HighlightColor>(i);
    return std::nullopt;
}

HighlightRead decode_highlights(std::string_view text) {
    HighlightRead out;
    auto corrupt = [&](std::string why) {
        out.status = HighlightReadStatus::corrupt;
        out.error = std::move(why);
        out.record = HighlightRecord{};
        return out;
    };
    StoredJson stored = read_stored_json(text, highlights_version, StoredJsonLimits{16u << 20, 1u << 20, 100000});
    if (stored.status != StoredJsonStatus::ok) {
        out.status = stored.status == StoredJsonStatus::corrupt ? HighlightReadStatus::corrupt : HighlightReadStatus::future_version;
        out.error = std::move(stored.error);
        return out;
    }
    const json& j = stored.value;
    HighlightRecord& r = out.record;
    auto text_member = [&](const char* name) {
        auto it = j.find(name);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    r.article = text_member("article");
    r.digest = text_member("digest");
    auto items = j.find("items");
    if (items == j.end() || !items->is_array()) return corrupt("no items");
    std::string error;
    for (std::size_t i = 0; i < items->size(); ++i) {
        const json& item = (*items)[i];
        auto h = highlight_json::read(item, "items[" + std::to_string(i) + "]", highlight_json::Kind::stored, r.digest,
                                      error);
        if (!h) {
            out.skipped.push_back(error);
            r.unreadable.push_back(item.dump(-1, ' ', false, json::error_handler_t::replace));
            continue;
        }
        r.items.push_back(std::move(*h));
        const bool foreign =
            item.is_object() && std::any_of(item.items().begin(), item.items().end(), [](const auto& m) {
                return std::find(std::begin(known_members), std::end(known_members), m.key()) ==
                       std::end(known_members);
            });
        r.raw.push_back(foreign ? item.dump(-1, ' ', false, json::error_handler_t::replace) : std::string());
    }
    return out;
}

std::string encode_highlights(const HighlightRecord& record) {
    json j;
    j["version"] = highlights_version;
    j["article"] = record.article;
    j["digest"] = record.digest;
    json items = json::array();
    for (std::size_t i = 0; i < record.items.size(); ++i) {
        json item = json::object();
        if (i < record.raw.size() && !record.raw[i].empty()) {
            // What was stored, so that members a later viewer added survive; this viewer's
            // members are then written over it.
            LoadLimits limits;
            JsonReadResult parsed = read_json(record.raw[i], limits);
            if (parsed.kind == LoadErrorKind::none && parsed.value.is_object()) item = std::move(parsed.value);
        }
        highlight_json::write(record.items[i], item, record.digest, highlight_json::Kind::stored);
        items.push_back(std::move(item));
    }
    for (const std::string& raw : record.unreadable) {
        LoadLimits limits;
        JsonReadResult parsed = read_json(raw, limits);
        if (parsed.kind == LoadErrorKind::none) items.push_back(std::move(parsed.value));
    }
    j["items"] = std::move(items);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace av
