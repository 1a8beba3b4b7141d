// The kinds of problem the loader reports. Each kind has a stable id (never renumbered, never
// reused) so tools and tests can tell them apart without parsing English; docs/errors.md lists them.
#pragma once

#include <string>

namespace av {

enum class LoadErrorKind {
    none = 0,
    read_failed = 100,      // the file or URL could not be read at all (platform layer)
    too_large = 101,        // file larger than LoadLimits::max_file_bytes
    invalid_utf8 = 102,     // bytes that are not UTF-8, with the byte offset
    json_syntax = 103,      // not JSON: line and column
    too_deep = 104,         // nesting deeper than LoadLimits::max_depth
    string_too_long = 105,  // a string longer than LoadLimits::max_string_bytes
    too_many_items = 106,   // an array longer than LoadLimits::max_array_items (blocks, runs, items)
    wrong_type = 107,       // a required member has the wrong type or value
    missing_member = 108,   // a required member is absent
    unsupported_format = 109,  // "format" names another major version
    too_many_values = 110,  // more values in the whole file than LoadLimits::max_values
};

// Short stable name of a kind ("json_syntax"), for logs and the state() API.
const char* load_error_name(LoadErrorKind kind);

}  // namespace av
