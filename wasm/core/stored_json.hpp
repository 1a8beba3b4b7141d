// A value the viewer keeps on the reader's device (a reading position, an article's highlights):
// JSON with a "version" member. Every such value is first checked the same way, and never throws:
// not UTF-8, too large, not JSON, not an object or without a version is corrupt; a version above
// the one this viewer writes is a newer viewer's value, to be left alone.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace av {

enum class StoredJsonStatus { ok, corrupt, future_version };

struct StoredJson {
    StoredJsonStatus status = StoredJsonStatus::ok;
    std::string error;      // when not ok: why, in one line
    nlohmann::json value;   // when ok: an object with a version from 1 to the current one
};

struct StoredJsonLimits {
    std::size_t max_bytes = 1u << 20;
    std::size_t max_string_bytes = 64u << 10;
    std::size_t max_array_items = 100;
};

StoredJson read_stored_json(std::string_view text, int current_version, const StoredJsonLimits& limits);

}  // namespace av
