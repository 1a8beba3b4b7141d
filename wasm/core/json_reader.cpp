#include "json_reader.hpp"

#include <algorithm>

#include "json_fast_parser.hpp"
#include "json_nlohmann_parser.hpp"
#include "utf8.hpp"

namespace av {

using nlohmann::json;

std::string line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    const std::size_t column = utf8::length(text.substr(line_start, offset - line_start)) + 1;
    return std::to_string(line) + ":" + std::to_string(column);
}

void append_pointer(std::string& pointer, std::string_view token) {
    pointer += '/';
    for (char c : token) {
        if (c == '~') pointer += "~0";
        else if (c == '/') pointer += "~1";
        else pointer += c;
    }
}

namespace {

// Builds the tree like nlohmann's own DOM parser, but checks the limits as values arrive and
// reports where it stopped. Returning false from a callback makes the parser stop at once.
class LimitedDomBuilder {
public:
    LimitedDomBuilder(std::string_view text, const LoadLimits& limits, JsonReadResult& out, BlockSink* sink)
        : text_(text), limits_(limits), out_(out), sink_(sink) {}

    bool null() { return place(json(nullptr)); }
    bool boolean(bool v) { return place(json(v)); }
    bool number_integer(json::number_integer_t v) { return place(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return place(json(v)); }
    bool number_float(json::number_float_t v, const std::string&) { return place(json(v)); }
    bool binary(json::binary_t&) { return place(json(nullptr)); }  // never produced by text JSON

    bool string(json::string_t& v) {
        // The pointer is built only for the message: building it for every string cost ~5 % of a load.
        if (v.size() > limits_.max_string_bytes && !check_string(v, pointer(), "string")) return false;
        return place(json(std::move(v)));
    }

    bool key(json::string_t& k) {
        if (k.size() > limits_.max_string_bytes && !check_string(k, container_pointer(), "member name")) return false;
        frames_.back().key = std::move(k);
        return true;
    }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 4: <what>".
        // Keep <what>, and give the place ourselves, counting columns in characters, not bytes.
        std::string what = ex.what();
        const std::size_t column_at = what.find(", column ");
        if (column_at != std::string::npos) {
            const std::size_t colon = what.find(": ", column_at);
            if (colon != std::string::npos) what = what.substr(colon + 2);
        } else if (const std::size_t bracket = what.find("] "); bracket != std::string::npos) {
            what = what.substr(bracket + 2);
        }
        constexpr std::size_t max_message = 160;  // "last read" may quote a whole 50 MB string
        if (what.size() > max_message) {
            std::size_t cut = max_message;
            while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
            what = what.substr(0, cut) + "...";
        }
        // "last read" quotes raw bytes, which may be part of a character (a second BOM, say): the
        // message must stay valid UTF-8, so such bytes are written as \xNN.
        std::string clean;
        for (std::size_t pos = 0; pos < what.size();) {
            const std::size_t start = pos;
            const char32_t cp = utf8::next(what, pos);
            if (cp == 0xFFFD && what.compare(start, 3, "\xEF\xBF\xBD") != 0) {
                static const char hex[] = "0123456789ABCDEF";
                const auto byte = static_cast<unsigned char>(what[start]);
                clean += "\\x";
                clean += hex[byte >> 4];
                clean += hex[byte & 15];
            } else {
                clean.append(what, start, pos - start);
            }
        }
        fail(LoadErrorKind::json_syntax, line_column(text_, position > 0 ? position - 1 : 0) + ": " + clean);
        return false;
    }

    json take_root() { return std::move(root_); }

private:
    struct Frame {
        json* node;
        std::size_t items = 0;  // elements so far (arrays)
        std::string key;        // member being read (objects)
    };

    // JSON Pointer of the value about to be placed in the innermost open container (or, with
    // `depth`, of the container `depth` levels up). The whole document, pointer "", shows as "/".
    std::string pointer(std::size_t depth = 0) const {
        std::string p;
        for (std::size_t i = 0; i + depth < frames_.size(); ++i) {
            const Frame& f = frames_[i];
            append_pointer(p, f.node->is_array() ? std::to_string(f.items) : f.key);
        }
        return p.empty() ? "/" : p;
    }
    std::string container_pointer() const { return pointer(1); }

    void fail(LoadErrorKind kind, std::string message) {
        if (out_.kind != LoadErrorKind::none) return;
        out_.kind = kind;
        out_.error = std::move(message);
    }

    bool check_string(const std::string& s, const std::string& where, const char* what) {
        if (s.size() <= limits_.max_string_bytes) return true;
        fail(LoadErrorKind::string_too_long, where + ": " + what + " of " + std::to_string(s.size()) +
                                                 " bytes is longer than the limit of " +
                                                 std::to_string(limits_.max_string_bytes));
        return false;
    }

    // Puts a finished value where it belongs; returns the stored value's address via `stored`.
    bool place(json&& v, json** stored = nullptr) {
        if (++values_ > limits_.max_values) {
            fail(LoadErrorKind::too_many_values, pointer() + ": more than " + std::to_string(limits_.max_values) +
                                                     " values in the file");
            return false;
        }
        json* at = nullptr;
        if (frames_.empty()) {
            root_ = std::move(v);
            at = &root_;
        } else if (Frame& f = frames_.back(); f.node->is_array()) {
            if (f.items >= limits_.max_array_items) {
                fail(LoadErrorKind::too_many_items, container_pointer() + ": more than " +
                                                        std::to_string(limits_.max_array_items) + " items");
                return false;
            }
            if (f.node == streamed_ && !stored) {
                // A scalar element of the streamed "blocks" array: straight to the sink.
                sink_->element(f.items++, std::move(v));
                return true;
            }
            f.node->get_ref<json::array_t&>().push_back(std::move(v));
            at = &f.node->get_ref<json::array_t&>().back();
            ++f.items;
        } else {
            auto& object = f.node->get_ref<json::object_t&>();
            auto [it, inserted] = object.emplace(f.key, nullptr);
            if (!inserted) {
                out_.warnings.push_back(pointer() + ": duplicate member \"" + f.key + "\"; the last one is used");
            }
            if (&it->second == streamed_) streamed_ = nullptr;  // "blocks" again: open() decides anew
            it->second = std::move(v);
            at = &it->second;
        }
        if (stored) *stored = at;
        return true;
    }

    bool open(json&& container) {
        if (frames_.size() >= limits_.max_depth) {
            fail(LoadErrorKind::too_deep,
                 pointer() + ": nested deeper than the limit of " + std::to_string(limits_.max_depth) + " levels");
            return false;
        }
        // The top-level "blocks" array is streamed to the sink, element by element.
        const bool stream = sink_ && frames_.size() == 1 && frames_[0].node->is_object() && frames_[0].key == "blocks" &&
                            container.is_array();
        json* at = nullptr;
        if (!place(std::move(container), &at)) return false;
        // The array counted this element on placing it; the pointer of its children must still use
        // the element's own index, so count it back until the container closes.
        if (!frames_.empty() && frames_.back().node->is_array()) --frames_.back().items;
        frames_.push_back(Frame{at});
        if (stream) {
            streamed_ = at;
            sink_->begin();
        }
        return true;
    }

    bool close() {
        frames_.pop_back();
        if (!frames_.empty() && frames_.back().node->is_array()) {
            Frame& parent = frames_.back();
            if (parent.node == streamed_) {
                // A block (object or array) is complete: hand it over and forget it.
                auto& items = parent.node->get_ref<json::array_t&>();
                sink_->element(parent.items, std::move(items.back()));
                items.pop_back();
            }
            ++parent.items;
        }
        return true;
    }

    std::string_view text_;
    const LoadLimits& limits_;
    JsonReadResult& out_;
    BlockSink* sink_ = nullptr;
    json* streamed_ = nullptr;  // the top-level "blocks" array while it is streamed to sink_
    json root_;
    std::vector<Frame> frames_;
    std::size_t values_ = 0;  // every value placed so far (LoadLimits::max_values)
};

// Bytes after the JSON value (a NUL byte and a page appended by a broken server, say): the same
// error whichever parser found them. The byte is named, not quoted, when it cannot be seen.
void refuse_trailing(std::string_view text, std::size_t at, JsonReadResult& result) {
    std::size_t pos = at;
    const char32_t c = utf8::next(text, pos);
    std::string what;
    if (c < 0x20 || c == 0x7F) {
        static const char hex[] = "0123456789ABCDEF";
        what = std::string("U+00") + hex[c >> 4] + hex[c & 15];
    } else {
        what = "'" + std::string(text.substr(at, pos - at)) + "'";
    }
    result.kind = LoadErrorKind::json_syntax;
    result.error = line_column(text, at) + ": unexpected " + what + " after the JSON value (byte " + std::to_string(at) +
                   "); only white space may follow it";
    result.value = nullptr;
}

}  // namespace

// The fast path first (json_fast_parser.hpp). It makes the same calls as nlohmann's parser would,
// so a limit it stops at is the limit nlohmann's parser would stop at.
struct JsonReading::State {
    State(std::string_view t, const LoadLimits& l, BlockSink* b)
        : text(t), limits(l), blocks(b), builder(t, l, result, b), parser(t, builder) {}
    std::string_view text;
    const LoadLimits& limits;
    BlockSink* blocks;
    JsonReadResult result;
    LimitedDomBuilder builder;
    json_fast::Parser<LimitedDomBuilder> parser;
    bool done = false;
};

JsonReading::JsonReading(std::string_view text, const LoadLimits& limits, BlockSink* blocks)
    : state_(std::make_unique<State>(text, limits, blocks)) {}

JsonReading::~JsonReading() = default;

std::size_t JsonReading::bytes_read() const { return state_->done ? state_->text.size() : state_->parser.offset(); }

bool JsonReading::step(std::size_t values) {
    State& s = *state_;
    if (s.done) return true;
    const json_fast::Outcome outcome = s.parser.run(values);
    if (outcome == json_fast::Outcome::paused) return false;
    s.done = true;
    if (outcome != json_fast::Outcome::gave_up) {
        if (outcome == json_fast::Outcome::trailing) refuse_trailing(s.text, s.parser.trailing_at(), s.result);
        if (s.result.kind == LoadErrorKind::none) s.result.value = s.builder.take_root();
        return true;
    }
    // The text is not valid JSON: again with nlohmann's parser, for its error message. The sink
    // starts over (begin() comes again with the "blocks" array, if the parser gets that far).
    JsonReadResult again;
    LimitedDomBuilder builder(s.text, s.limits, again, s.blocks);
    std::size_t trailing_at = 0;
    const json_nlohmann::Outcome o = json_nlohmann::parse(s.text, builder, &trailing_at);
    if (o == json_nlohmann::Outcome::trailing) refuse_trailing(s.text, trailing_at, again);
    if (o == json_nlohmann::Outcome::failed && again.kind == LoadErrorKind::none) {
        again.kind = LoadErrorKind::json_syntax;
        again.error = line_column(s.text, s.text.size()) + ": unexpected end of input";
    }
    if (again.kind == LoadErrorKind::none) again.value = builder.take_root();
    s.result = std::move(again);
    return true;
}

JsonReadResult JsonReading::take() { return std::move(state_->result); }

JsonReadResult read_json(std::string_view text, const LoadLimits& limits, BlockSink* blocks) {
    JsonReading reading(text, limits, blocks);
    while (!reading.step(static_cast<std::size_t>(-1))) {
    }
    return reading.take();
}

}  // namespace av
