#include "load_error.hpp"

namespace av {

const char* load_error_name(LoadErrorKind kind) {
    switch (kind) {
        case LoadErrorKind::none: return "none";
        case LoadErrorKind::read_failed: return "read_failed";
        case LoadErrorKind::too_large: return "too_large";
        case LoadErrorKind::invalid_utf8: return "invalid_utf8";
        case LoadErrorKind::json_syntax: return "json_syntax";
        case LoadErrorKind::too_deep: return "too_deep";
        case LoadErrorKind::string_too_long: return "string_too_long";
        case LoadErrorKind::too_many_items: return "too_many_items";
        case LoadErrorKind::too_many_values: return "too_many_values";
        case LoadErrorKind::wrong_type: return "wrong_type";
        case LoadErrorKind::missing_member: return "missing_member";
        case LoadErrorKind::unsupported_format: return "unsupported_format";
    }
    return "unknown";
}

}  // namespace av
