// How a JSON value is shown after "got" in the messages of every reader of JSON files (articles,
// the font catalog): JSON text for scalars, a string cut after 40 characters, a noun for an object
// or an array, so that messages stay one readable line whatever the file holds (docs/errors.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace av {

std::string describe_json(const nlohmann::json& value);

}  // namespace av
