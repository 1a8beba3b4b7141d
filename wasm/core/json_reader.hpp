// Reads JSON text into a nlohmann::json tree without ever throwing, enforcing the loader's limits
// while it reads (so a hostile file is refused before it costs memory), and remembering where each
// problem is: line and column for syntax, JSON Pointer for limits and duplicate keys.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "load_error.hpp"

namespace av {

struct LoadLimits {
    std::size_t max_file_bytes = 64u << 20;    // 64 MiB
    std::size_t max_depth = 64;                // objects and arrays nested inside each other
    std::size_t max_string_bytes = 16u << 20;  // any one string, keys included
    std::size_t max_array_items = 200000;      // any one array: blocks, runs, list items, ...
    // Every value of the file together (objects, arrays, strings, numbers, ...): what the article
    // costs in memory grows with it. The largest file under this limit takes about 300 MB to load
    // and lay out natively (docs/errors.md, "Limits"); the benchmark's 100 000-paragraph article
    // has 656 072.
    std::size_t max_values = 1000000;
};

struct JsonReadResult {
    nlohmann::json value;               // valid only when kind == none
    LoadErrorKind kind = LoadErrorKind::none;
    std::string error;                  // "LINE:COL: ..." or "/pointer: ..." (without the file name)
    std::vector<std::string> warnings;  // "/pointer: ..." (duplicate keys)
};

// Receives the elements of the top-level "blocks" array one at a time, each as soon as it has
// been read, instead of the tree keeping them (the tree then holds an empty array there). The
// loader checks a block and drops its JSON: a large article never exists as a whole JSON tree too,
// which would take about twice the file's size in memory (BENCHMARKS.md, "Memory").
class BlockSink {
public:
    virtual ~BlockSink() = default;
    // A top-level "blocks" array starts; again if the file has the member twice (the last wins),
    // and when read_json reads a broken file a second time for nlohmann's error message.
    virtual void begin() = 0;
    // Element `index` of that array, complete (a block that is not an object comes here too).
    virtual void element(std::size_t index, nlohmann::json&& value) = 0;
};

// Parses `text`, which must be valid UTF-8 (utf8::find_invalid): the fast path takes the bytes of
// strings as they are. A leading BOM is skipped.
// With `blocks`, the elements of the top-level "blocks" array go to it as they are read.
JsonReadResult read_json(std::string_view text, const LoadLimits& limits, BlockSink* blocks = nullptr);

// read_json in parts: each step() reads about `values` more values and says whether the reading
// is over; then take() gives what read_json would have given, exactly. `text`, `limits` and
// `blocks` must outlive it. A text the fast path does not take (a broken file) is read again by
// nlohmann's parser for its message, in the step that finds it: that one step reads it all.
class JsonReading {
public:
    JsonReading(std::string_view text, const LoadLimits& limits, BlockSink* blocks = nullptr);
    ~JsonReading();
    JsonReading(const JsonReading&) = delete;
    JsonReading& operator=(const JsonReading&) = delete;

    bool step(std::size_t values);
    JsonReadResult take();
    // Bytes of `text` read so far: how far along a caller is, for a progress bar.
    std::size_t bytes_read() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// "LINE:COL" (1-based, column in code points) of byte `offset` in `text`.
std::string line_column(std::string_view text, std::size_t offset);

// Appends "/token" to a JSON Pointer, escaping '~' and '/' as RFC 6901 says.
void append_pointer(std::string& pointer, std::string_view token);

}  // namespace av
