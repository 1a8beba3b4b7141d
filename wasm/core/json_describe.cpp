#include "json_describe.hpp"

#include <cmath>

#include "utf8.hpp"

namespace av {

std::string describe_json(const nlohmann::json& v) {
    using json = nlohmann::json;
    switch (v.type()) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::null: return "null";
        case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case json::value_t::number_float:
            if (!std::isfinite(v.get<double>())) return "a number out of range";
            return v.dump();
        case json::value_t::string: {
            const std::string& s = v.get_ref<const std::string&>();
            constexpr std::size_t max_shown = 40;
            if (utf8::length(s) <= max_shown) return json(s).dump();
            std::string cut;
            std::size_t pos = 0;
            for (std::size_t n = 0; n < max_shown; ++n) utf8::append(cut, utf8::next(s, pos));
            return json(cut + "...").dump();
        }
        default: return v.dump();
    }
}

}  // namespace av
