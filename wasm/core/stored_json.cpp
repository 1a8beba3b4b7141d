#include "stored_json.hpp"

#include <cstdint>

#include "json_reader.hpp"
#include "utf8.hpp"

namespace av {

StoredJson read_stored_json(std::string_view text, int current_version, const StoredJsonLimits& limits) {
    StoredJson out;
    auto corrupt = [&](std::string why) {
        out.status = StoredJsonStatus::corrupt;
        out.error = std::move(why);
        out.value = nullptr;
        return out;
    };
    if (utf8::find_invalid(text) != std::string_view::npos) return corrupt("not UTF-8");
    if (text.size() > limits.max_bytes) return corrupt("too large");
    LoadLimits reading;
    reading.max_file_bytes = limits.max_bytes;
    reading.max_depth = 8;
    reading.max_string_bytes = limits.max_string_bytes;
    reading.max_array_items = limits.max_array_items;
    JsonReadResult parsed = read_json(text, reading);
    if (parsed.kind != LoadErrorKind::none) return corrupt("not JSON: " + parsed.error);
    if (!parsed.value.is_object()) return corrupt("not an object");
    auto version = parsed.value.find("version");
    if (version == parsed.value.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1)
        return corrupt("no version");
    if (version->get<std::int64_t>() > current_version) {
        out.status = StoredJsonStatus::future_version;
        out.error = "written by a newer viewer (version " + std::to_string(version->get<std::int64_t>()) + ")";
        return out;
    }
    out.value = std::move(parsed.value);
    return out;
}

}  // namespace av
