// One highlight as JSON, shared by the stored record and the export (docs/highlights-format.md):
// the two hold the same members, so one reader checks them both, with messages naming the place.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "highlights.hpp"

namespace av::highlight_json {

enum class Kind {
    stored,    // tombstones allowed ({"id","updated","deleted":true}); "digest" defaults to the record's
    exported,  // live highlights only; "lost" is ignored (it is computed again on import)
};

// The item at `where` (e.g. "items[3]"), or nullopt with `error` = "items[3].end: ...".
// `default_digest` is what an item without its own "digest" refers to.
std::optional<Highlight> read(const nlohmann::json& item, const std::string& where, Kind kind,
                              const std::string& default_digest, std::string& error);

// Writes the members of `h` into `out`, keeping members this viewer does not know (a later
// viewer's) and removing the ones `h` leaves empty. "digest" is written only when it differs from
// `record_digest`. A tombstone keeps only id, updated and deleted.
void write(const Highlight& h, nlohmann::json& out, const std::string& record_digest, Kind kind);

// The first `count` code points of `text` from code point `from` on (fewer at its end).
std::string slice(std::string_view text, std::size_t from, std::size_t count);

}  // namespace av::highlight_json
