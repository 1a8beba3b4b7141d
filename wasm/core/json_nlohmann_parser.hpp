// nlohmann's parser as read_json runs it: the authority on JSON that the fast path
// (json_fast_parser.hpp) must agree with, call for call, and the one whose messages are reported.
//
// One rule is ours, not nlohmann's: after the JSON value there may be white space and nothing else.
// nlohmann's lexer takes a NUL byte for the end of the input (for C strings), so with strict parsing
// `{...}` followed by a NUL and anything at all would be accepted. Here nlohmann reads one value
// (strict = false) and the bytes after it are checked: the first one that is not white space is
// reported (Outcome::trailing), whatever it is, NUL included.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <iterator>
#include <string_view>

namespace av::json_nlohmann {

enum class Outcome {
    parsed,    // the text is one JSON value, then only white space; every call was made and returned true
    trailing,  // one JSON value (every call made and returned true), then a byte that is not white space
    failed,    // a syntax error (the handler's parse_error was called) or the handler returned false
};

namespace detail {

// nlohmann reads its input through an iterator, one byte at a time and never back (its unget is a
// flag of the lexer, not a step of the iterator): counting the steps says how far it has read.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator(const char* at, const char** furthest) : at_(at), furthest_(furthest) {}
    reference operator*() const { return *at_; }
    CountingIterator& operator++() {
        ++at_;
        if (at_ > *furthest_) *furthest_ = at_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
    bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

private:
    const char* at_;
    const char** furthest_;
};

inline bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool digit(char c) { return c >= '0' && c <= '9'; }

// Length of the JSON number (RFC 8259) at text[at], which nlohmann has read as one.
inline std::size_t number_length(std::string_view text, std::size_t at) {
    std::size_t i = at;
    const auto digits = [&] {
        while (i < text.size() && digit(text[i])) ++i;
    };
    if (i < text.size() && text[i] == '-') ++i;
    if (i < text.size() && text[i] == '0') ++i;
    else digits();
    if (i < text.size() && text[i] == '.') {
        ++i;
        digits();
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        digits();
    }
    return i - at;
}

}  // namespace detail

// Parses `text` with nlohmann's SAX parser into `sax`. On Outcome::trailing, `*trailing_at` (if
// given) is the byte offset of the first byte after the value that is not white space.
template <class Sax>
Outcome parse(std::string_view text, Sax& sax, std::size_t* trailing_at = nullptr) {
    const char* const begin = text.data();
    const char* furthest = begin;
    detail::CountingIterator first(begin, &furthest), last(begin + text.size(), &furthest);
    const bool strict = false;  // the bytes after the value are checked below
    const bool ok = nlohmann::json::sax_parse(first, last, &sax, nlohmann::json::input_format_t::json, strict);
    if (!ok) return Outcome::failed;
    // Where the value ends. nlohmann stops reading right after a container, a string or a literal;
    // after a number it has read one byte further (the one that ended it) unless the text ended.
    std::size_t end = static_cast<std::size_t>(furthest - begin);
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (start < text.size() && detail::space(text[start])) ++start;
    if (start < text.size() && (text[start] == '-' || detail::digit(text[start])))
        end = start + detail::number_length(text, start);
    while (end < text.size() && detail::space(text[end])) ++end;
    if (end == text.size()) return Outcome::parsed;
    if (trailing_at) *trailing_at = end;
    return Outcome::trailing;
}

}  // namespace av::json_nlohmann
