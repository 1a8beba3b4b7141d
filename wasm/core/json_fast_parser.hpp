// A fast path for reading JSON: it drives a SAX handler with exactly the calls nlohmann's
// `json::sax_parse(..., strict = true)` makes, in the same order and with the same values, about
// four times as fast (BENCHMARKS.md, "Load").
//
// It is not a second authority on JSON. It accepts only text that nlohmann accepts (as read_json
// runs it, json_nlohmann_parser.hpp: one value, then only white space), and it gives up at the
// first thing nlohmann would refuse (a syntax error, or a number too large for a double). read_json
// then parses the text again with nlohmann's parser from the start, so error messages and
// positions are nlohmann's, word for word. Bytes after the value are the one thing both report
// alike without that: Outcome::trailing, at the same offset.
// tests/core/test_json_fast_parser.cpp compares the two on every file of the corpus and on
// thousands of broken variants of them.
//
// Why it is faster: the text is known to be valid UTF-8 (read_json's precondition), so a string
// is scanned 8 bytes at a time for its end, a backslash or a control character, and made at its
// final size; nlohmann's lexer takes each byte through a state machine and grows a buffer.
#pragma once

#include <clocale>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bytes8.hpp"
#include "utf8.hpp"

namespace av::json_fast {

enum class Outcome {
    parsed,    // the text is one JSON value, then only white space; every call was made and returned true
    trailing,  // one JSON value (every call made and returned true), then a byte that is not white space
    stopped,   // the handler returned false (a limit): the calls up to that one were made
    paused,    // run(max_values) made its values' calls: run() again goes on from there
    gave_up,   // not handled here: the caller must parse the text again another way
};

// `Sax` has nlohmann's SAX interface (null, boolean, number_integer, number_unsigned,
// number_float, string, key, start_object, end_object, start_array, end_array); parse_error and
// binary are never called.
template <class Sax>
class Parser {
public:
    Parser(std::string_view text, Sax& sax)
        : begin_(text.data()), p_(text.data()), end_(text.data() + text.size()), sax_(sax) {}

    // After Outcome::trailing: the byte offset of the first byte after the value that is not white space.
    std::size_t trailing_at() const { return static_cast<std::size_t>(p_ - begin_); }
    // Bytes read so far.
    std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }

    // Parses until the text ends or, with `max_values`, until that many values (a container
    // counts when it closes) are complete: then Outcome::paused, and the next run() goes on at the
    // next byte. A large article is read in parts that way, each short enough not to hold the
    // page's thread (ArticleLoad).
    Outcome run(std::size_t max_values = npos) {
        std::size_t values = 0;
        if (paused_) {
            paused_ = false;
            goto after_value;
        }
        // nlohmann skips a UTF-8 byte order mark at the very start, and refuses a partial one.
        if (end_ - p_ >= 3 && p_[0] == '\xEF' && p_[1] == '\xBB' && p_[2] == '\xBF') p_ += 3;
    value:
        skip_space();
        if (p_ == end_) return Outcome::gave_up;
        switch (*p_) {
            case '{':
            case '[': {
                const bool object = *p_++ == '{';
                if (!(object ? sax_.start_object(npos) : sax_.start_array(npos))) return Outcome::stopped;
                skip_space();
                if (p_ < end_ && *p_ == (object ? '}' : ']')) {  // empty
                    ++p_;
                    if (!(object ? sax_.end_object() : sax_.end_array())) return Outcome::stopped;
                    goto after_value;
                }
                in_object_.push_back(object);
                if (object) goto member;
                goto value;
            }
            case '"': {
                std::string s;
                if (!read_string(s)) return Outcome::gave_up;
                if (!sax_.string(s)) return Outcome::stopped;
                goto after_value;
            }
            case 't':
                if (!literal("true")) return Outcome::gave_up;
                if (!sax_.boolean(true)) return Outcome::stopped;
                goto after_value;
            case 'f':
                if (!literal("false")) return Outcome::gave_up;
                if (!sax_.boolean(false)) return Outcome::stopped;
                goto after_value;
            case 'n':
                if (!literal("null")) return Outcome::gave_up;
                if (!sax_.null()) return Outcome::stopped;
                goto after_value;
            default: {
                const Outcome o = number();
                if (o != Outcome::parsed) return o;
                goto after_value;
            }
        }
    member:
        skip_space();
        if (p_ == end_ || *p_ != '"') return Outcome::gave_up;
        {
            std::string k;
            if (!read_string(k)) return Outcome::gave_up;
            if (!sax_.key(k)) return Outcome::stopped;
        }
        skip_space();
        if (p_ == end_ || *p_ != ':') return Outcome::gave_up;
        ++p_;
        goto value;
    after_value:
        if (++values >= max_values && !in_object_.empty()) {
            paused_ = true;
            return Outcome::paused;
        }
        skip_space();
        // After the value, anything but white space is refused, a NUL byte too (which nlohmann's
        // lexer would take for the end of the input: see json_nlohmann_parser.hpp).
        if (in_object_.empty()) return p_ == end_ ? Outcome::parsed : Outcome::trailing;
        if (p_ == end_) return Outcome::gave_up;
        if (*p_ == ',') {
            ++p_;
            if (in_object_.back()) goto member;
            goto value;
        }
        if (*p_ == (in_object_.back() ? '}' : ']')) {
            ++p_;
            const bool object = in_object_.back();
            in_object_.pop_back();
            if (!(object ? sax_.end_object() : sax_.end_array())) return Outcome::stopped;
            goto after_value;
        }
        return Outcome::gave_up;
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);  // nlohmann's size of a container

    void skip_space() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool literal(std::string_view word) {
        if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
        p_ += word.size();
        return true;
    }

    static bool digit(char c) { return c >= '0' && c <= '9'; }

    // RFC 8259's number, converted as nlohmann's lexer does: an integer that fits 64 bits (signed
    // if it has a '-', unsigned if not) is an integer; anything else goes through strtod.
    Outcome number() {
        const char* const start = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ == end_ || !digit(*p_)) return Outcome::gave_up;
        std::uint64_t magnitude = 0;
        bool overflow = false;
        if (*p_ == '0') {
            ++p_;
        } else {
            for (; p_ < end_ && digit(*p_); ++p_) {
                const auto d = static_cast<std::uint64_t>(*p_ - '0');
                if (magnitude > (UINT64_MAX - d) / 10) overflow = true;
                magnitude = magnitude * 10 + d;
            }
        }
        bool integer = true;
        if (p_ < end_ && *p_ == '.') {
            integer = false;
            ++p_;
            if (p_ == end_ || !digit(*p_)) return Outcome::gave_up;
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            integer = false;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !digit(*p_)) return Outcome::gave_up;
            while (p_ < end_ && digit(*p_)) ++p_;
        }
        if (integer && !overflow) {
            if (!negative) return sax_.number_unsigned(magnitude) ? Outcome::parsed : Outcome::stopped;
            constexpr std::uint64_t min_magnitude = std::uint64_t{1} << 63;  // of INT64_MIN
            if (magnitude < min_magnitude) {
                return sax_.number_integer(-static_cast<std::int64_t>(magnitude)) ? Outcome::parsed : Outcome::stopped;
            }
            if (magnitude == min_magnitude) return sax_.number_integer(INT64_MIN) ? Outcome::parsed : Outcome::stopped;
        }
        // As nlohmann: strtod on the token, with the locale's decimal point in place of '.'.
        std::string token(start, p_);
        const std::lconv* loc = std::localeconv();
        const char point = loc->decimal_point == nullptr ? '.' : *loc->decimal_point;
        for (char& c : token)
            if (c == '.') c = point;
        const double value = std::strtod(token.c_str(), nullptr);
        if (!std::isfinite(value)) return Outcome::gave_up;  // nlohmann's "number overflow" error
        return sax_.number_float(value, token) ? Outcome::parsed : Outcome::stopped;
    }

    // The string whose opening quote is at p_, into `out`; false on anything but a well-formed
    // string (a control character, a bad escape, a lone surrogate, no closing quote).
    bool read_string(std::string& out) {
        ++p_;
        const char* run = p_;  // start of the bytes not yet copied to `out`
        for (;;) {
            if constexpr (bytes8::little_endian) {
                while (end_ - p_ >= 8) {
                    const std::uint64_t w = bytes8::load(p_);
                    const std::uint64_t stop = bytes8::equal_bytes(w, '"') | bytes8::equal_bytes(w, '\\') |
                                               bytes8::zero_bytes(w & (0xE0 * bytes8::ones));  // below 0x20
                    if (stop) {
                        p_ += __builtin_ctzll(stop) / 8;
                        break;
                    }
                    p_ += 8;
                }
            }
            while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
            if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
            if (*p_ == '"') {
                out.append(run, p_);
                ++p_;
                return true;
            }
            out.append(run, p_);
            if (!escape(out)) return false;
            run = p_;
        }
    }

    // The escape whose backslash is at p_, appended to `out`.
    bool escape(std::string& out) {
        ++p_;
        if (p_ == end_) return false;
        const char c = *p_++;
        switch (c) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        int cp = hex4();
        if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            const int low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        utf8::append(out, static_cast<char32_t>(cp));
        return true;
    }

    // Four hex digits at p_ (consumed), or -1.
    int hex4() {
        if (end_ - p_ < 4) return -1;
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *p_++;
            int d = -1;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    }

    std::vector<bool> in_object_;  // the open containers, innermost last
    bool paused_ = false;
    const char* const begin_;
    const char* p_;
    const char* const end_;
    Sax& sax_;
};

// Parses `text` (valid UTF-8) into calls on `sax`; see Outcome. On Outcome::trailing,
// `*trailing_at` (if given) is the offset of the first byte after the value that is not white space.
template <class Sax>
Outcome parse(std::string_view text, Sax& sax, std::size_t* trailing_at = nullptr) {
    Parser<Sax> parser(text, sax);
    const Outcome outcome = parser.run();
    if (outcome == Outcome::trailing && trailing_at) *trailing_at = parser.trailing_at();
    return outcome;
}

}  // namespace av::json_fast
