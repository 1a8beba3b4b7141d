// The rules of article/1 (docs/article-format.md), checked while walking a file's JSON tree with a
// JSON Pointer in hand: the loader's checks, apart from its phased load (article_loader.cpp), which
// is all that includes this header.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "article.hpp"
#include "article_loader.hpp"
#include "fragment_links.hpp"
#include "json_describe.hpp"
#include "json_reader.hpp"
#include "url.hpp"
#include "utf8.hpp"

namespace av::article_checks {

using nlohmann::json;

// An id as the contract allows it: 1 to 128 of A-Z a-z 0-9 . _ -
bool valid_id(const std::string& s);

// Blank as JSON Schema's `\S` sees it (ECMAScript white space and line terminators), so the loader
// and docs/article.schema.json refuse the same titles: a title of one no-break space is blank.
bool blank(const std::string& s);

// A JSON integer in [lo, hi]. 2.0 counts, as in JSON Schema (a number whose fraction is zero).
bool integer_in(const json& v, std::int64_t lo, std::int64_t hi, std::int64_t& out);

// BCP 47 in the shape docs/article.schema.json gives it: letters, then subtags of letters and digits.
bool valid_lang(const std::string& s);

// Control characters are never drawable: keep \n (a line break, per the contract), turn tabs and
// carriage returns into spaces, drop the rest (NUL included).
std::string clean_text(std::string&& s, bool& changed);

// Walks the tree with a JSON Pointer in hand. Required members failing their rule stop the load
// (fail); optional ones are dropped with a warning (warn).
class Checker {
public:
    Checker(std::string_view source, LoadResult& out) : source_(source), out_(out) {}

    bool failed() const { return out_.kind != LoadErrorKind::none; }

    void fail(LoadErrorKind kind, const std::string& pointer, const std::string& message) {
        if (failed()) return;
        out_.kind = kind;
        out_.error = std::string(source_) + ": " + pointer + ": " + message;
    }

    void warn(const std::string& pointer, const std::string& message) {
        out_.warnings.push_back(std::string(source_) + ": " + pointer + ": " + message);
    }

    // A required member: present (else missing_member), or null when it is absent.
    json* require(json& object, const std::string& pointer, const char* name, const char* expected) {
        auto it = object.find(name);
        if (it == object.end()) {
            fail(LoadErrorKind::missing_member, pointer + "/" + name, std::string("missing (expected ") + expected + ")");
            return nullptr;
        }
        return &*it;
    }

    json* optional(json& object, const char* name) {
        auto it = object.find(name);
        return it == object.end() ? nullptr : &*it;
    }

    // A required string member; nullptr after a failure.
    std::string* require_string(json& object, const std::string& pointer, const char* name) {
        json* v = require(object, pointer, name, "a string");
        if (!v) return nullptr;
        if (!v->is_string()) {
            fail(LoadErrorKind::wrong_type, pointer + "/" + name, "expected a string, got " + describe_json(*v));
            return nullptr;
        }
        return &v->get_ref<std::string&>();
    }

    // An optional string member: its text, or "" (with a warning if it had the wrong type).
    std::string optional_string(json& object, const std::string& pointer, const char* name) {
        json* v = optional(object, name);
        if (!v) return {};
        if (!v->is_string()) {
            warn(pointer + "/" + name, "expected a string, got " + describe_json(*v) + "; ignored");
            return {};
        }
        bool changed = false;
        return clean_text(std::move(v->get_ref<std::string&>()), changed);
    }

    // An optional link: http, https or mailto only, anything else dropped with a warning. A run's
    // link may also be "#id", a block of the same article: kept with its place, for
    // drop_dead_fragment_links to check once every block is known.
    std::string optional_link(json& object, const std::string& pointer, const char* name, bool in_text) {
        std::string link = optional_string(object, pointer, name);
        if (link.empty()) return link;
        if (in_text && link[0] == '#' && valid_id(link.substr(1))) {
            fragment_links_.push_back({pointer + "/" + name, link.substr(1)});
            return link;
        }
        const bool ok = in_text ? url::is_allowed_link(link) : url::is_http(link);
        if (!ok) {
            warn(pointer + "/" + name, std::string("only ") + (in_text ? "http, https, mailto and #block-id" : "http and https") +
                                           " links are followed, got " + describe_json(json(link)) + "; dropped");
            return {};
        }
        return link;
    }

    std::vector<FragmentLink>& fragment_links() { return fragment_links_; }

    // `lang`: a BCP 47 tag (the article's since format 1.0; a block's or a run's since 1.1), or ""
    // with a warning. Checked as the file writes it, before control characters are removed, as the
    // schema's pattern checks it.
    std::string optional_lang(json& object, const std::string& pointer) {
        json* v = optional(object, "lang");
        if (!v) return {};
        if (!v->is_string()) {
            warn(pointer + "/lang", "expected a string, got " + describe_json(*v) + "; ignored");
            return {};
        }
        if (!valid_lang(v->get_ref<const std::string&>())) {
            warn(pointer + "/lang",
                 "expected a BCP 47 language tag such as \"fr\" or \"pt-BR\", got " + describe_json(*v) + "; ignored");
            return {};
        }
        return std::move(v->get_ref<std::string&>());
    }

    // `dir` (format 1.1): "ltr", "rtl" or "auto", else `absent` (with a warning if it is there).
    TextDirection optional_dir(json& object, const std::string& pointer, TextDirection absent) {
        json* v = optional(object, "dir");
        if (!v) return absent;
        if (v->is_string()) {
            const std::string& s = v->get_ref<const std::string&>();
            if (s == "ltr") return TextDirection::ltr;
            if (s == "rtl") return TextDirection::rtl;
            if (s == "auto") return TextDirection::auto_;
        }
        warn(pointer + "/dir", "expected \"ltr\", \"rtl\" or \"auto\", got " + describe_json(*v) + "; ignored");
        return absent;
    }

    bool optional_bool(json& object, const std::string& pointer, const char* name) {
        json* v = optional(object, name);
        if (!v) return false;
        if (!v->is_boolean()) {
            warn(pointer + "/" + name, "expected true or false, got " + describe_json(*v) + "; ignored");
            return false;
        }
        return v->get<bool>();
    }

    // Inline = string | [ string | {text, bold?, italic?, href?, lang?} ].
    bool read_inline(json& v, const std::string& pointer, Inline& out) {
        if (v.is_string()) {
            out.push_back(Run{clean(std::move(v.get_ref<std::string&>()), pointer)});
            return true;
        }
        if (!v.is_array()) {
            fail(LoadErrorKind::wrong_type, pointer, "expected text (a string or an array of runs), got " + describe_json(v));
            return false;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            json& r = v[i];
            const std::string rp = pointer + "/" + std::to_string(i);
            if (r.is_string()) {
                out.push_back(Run{clean(std::move(r.get_ref<std::string&>()), rp)});
                continue;
            }
            if (!r.is_object()) {
                fail(LoadErrorKind::wrong_type, rp, "expected a run (a string or an object with \"text\"), got " + describe_json(r));
                return false;
            }
            std::string* text = require_string(r, rp, "text");
            if (!text) return false;
            Run run{clean(std::move(*text), rp + "/text")};
            run.bold = optional_bool(r, rp, "bold");
            run.italic = optional_bool(r, rp, "italic");
            run.href = optional_link(r, rp, "href", true);
            run.lang = optional_lang(r, rp);
            out.push_back(std::move(run));
        }
        return true;
    }

    bool require_inline(json& object, const std::string& pointer, const char* name, Inline& out) {
        json* v = require(object, pointer, name, "text");
        return v && read_inline(*v, pointer + "/" + name, out);
    }

    void optional_inline(json& object, const std::string& pointer, const char* name, Inline& out) {
        json* v = optional(object, name);
        if (!v) return;
        if (!v->is_string() && !v->is_array()) {
            warn(pointer + "/" + name, "expected text (a string or an array of runs), got " + describe_json(*v) + "; ignored");
            return;
        }
        // A malformed run inside an optional inline makes the whole member optional-and-wrong:
        // read it into a scratch result so the article itself still loads.
        LoadResult scratch;
        Checker inner(source_, scratch);
        Inline value;
        if (inner.read_inline(*v, pointer + "/" + name, value)) {
            out = std::move(value);
        } else {
            out_.warnings.push_back(scratch.error + "; ignored");
        }
        for (auto& w : scratch.warnings) out_.warnings.push_back(std::move(w));
    }

    // [string] for tags; non-strings dropped with a warning.
    std::vector<std::string> read_strings(json& v, const std::string& pointer) {
        std::vector<std::string> out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i].is_string()) out.push_back(clean(std::move(v[i].get_ref<std::string&>()), pointer));
            else warn(pointer + "/" + std::to_string(i), "expected a string, got " + describe_json(v[i]) + "; ignored");
        }
        return out;
    }

private:
    std::string clean(std::string&& s, const std::string& pointer) {
        bool changed = false;
        std::string out = clean_text(std::move(s), changed);
        if (changed) warn(pointer, "control characters removed");
        return out;
    }

    std::string_view source_;
    LoadResult& out_;
    std::vector<FragmentLink> fragment_links_;
};

// One block of /blocks at pointer `p`: false after an error; `skip` for a block dropped with a warning.
bool read_block(Checker& c, json& b, const std::string& p, std::string_view source, Block& block,
                bool& skip);

// Checks each block as the reader hands it over, then its JSON is dropped (see BlockSink). What it
// finds is kept aside: the top-level members are checked first, at the end, as before.
class BlockStream : public BlockSink {
public:
    BlockStream(std::string_view source, std::size_t expected) : source_(source), checker_(source, result_) {
        blocks_.reserve(expected);
    }

    void begin() override {
        blocks_.clear();
        result_.kind = LoadErrorKind::none;
        result_.error.clear();
        result_.warnings.clear();
    }

    void element(std::size_t index, json&& value) override {
        if (checker_.failed()) return;  // only the first error is reported; later blocks are not read
        Block block;
        bool skip = false;
        if (read_block(checker_, value, "/blocks/" + std::to_string(index), source_, block, skip) && !skip)
            blocks_.push_back(std::move(block));
    }

    LoadResult& result() { return result_; }
    std::vector<Block>& blocks() { return blocks_; }

    Checker& checker() { return checker_; }

private:
    std::string_view source_;
    LoadResult result_;
    Checker checker_;
    std::vector<Block> blocks_;
};

// The optional byline of the top-level object `top`: what is wrong is dropped with a warning.
void read_byline(Checker& c, json& top, Byline& byline);

}  // namespace av::article_checks
