// A SAX handler for nlohmann's parser and the JSON fast path that writes each call down, so that
// the two can be compared call by call (tests/core/test_json_fast_parser.cpp, the fuzz target).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>
#include <vector>

namespace av::test {

// Writes each SAX call down as a line; stops (returns false) at call number `stop_at`, if given.
class SaxRecorder {
public:
    explicit SaxRecorder(long stop_at = -1) : stop_at_(stop_at) {}

    bool null() { return note("null"); }
    bool boolean(bool v) { return note(v ? "true" : "false"); }
    bool number_integer(nlohmann::json::number_integer_t v) { return note("int " + std::to_string(v)); }
    bool number_unsigned(nlohmann::json::number_unsigned_t v) { return note("unsigned " + std::to_string(v)); }
    bool number_float(nlohmann::json::number_float_t v, const std::string& token) {
        char exact[40];
        std::snprintf(exact, sizeof exact, "%a", v);  // every bit of the double
        return note(std::string("float ") + exact + " " + token);
    }
    bool string(nlohmann::json::string_t& v) { return note("string " + v); }
    bool binary(nlohmann::json::binary_t&) { return note("binary"); }
    bool key(nlohmann::json::string_t& k) { return note("key " + k); }
    bool start_object(std::size_t n) { return note("{ " + std::to_string(n)); }
    bool end_object() { return note("}"); }
    bool start_array(std::size_t n) { return note("[ " + std::to_string(n)); }
    bool end_array() { return note("]"); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        calls.push_back("error");
        return false;
    }

    std::vector<std::string> calls;

private:
    bool note(std::string call) {
        calls.push_back(std::move(call));
        return static_cast<long>(calls.size()) != stop_at_;
    }
    long stop_at_;
};

}  // namespace av::test
