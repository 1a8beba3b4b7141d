#include "article_loader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "bytes8.hpp"
#include "fragment_links.hpp"
#include "progress.hpp"
#include "core/text/text_needs.hpp"
#include "url.hpp"
#include "utf8.hpp"

namespace av {

using nlohmann::json;

namespace {

// How a value is shown after "got": JSON text for scalars (cut short), a noun for containers.
std::string describe(const json& v) {
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

bool valid_id(const std::string& s) {
    if (s.empty() || s.size() > 128) return false;
    for (char c : s) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

// Blank as JSON Schema's `\S` sees it (ECMAScript white space and line terminators), so the loader
// and docs/article.schema.json refuse the same titles: a title of one no-break space is blank.
bool blank(const std::string& s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const char32_t c = utf8::next(s, pos);
        const bool space = c == U' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
                           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
        if (!space) return false;
    }
    return true;
}

// A JSON integer in [lo, hi]. 2.0 counts, as in JSON Schema (a number whose fraction is zero).
bool integer_in(const json& v, std::int64_t lo, std::int64_t hi, std::int64_t& out) {
    if (v.is_number_integer()) {
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) return false;
        out = v.get<std::int64_t>();
    } else if (v.is_number_float()) {
        const double d = v.get<double>();
        if (!(d >= static_cast<double>(lo) && d <= static_cast<double>(hi)) || std::floor(d) != d) return false;
        out = static_cast<std::int64_t>(d);
    } else {
        return false;
    }
    return out >= lo && out <= hi;
}

// BCP 47 in the shape docs/article.schema.json gives it: letters, then subtags of letters and digits.
bool valid_lang(const std::string& s) {
    std::size_t part = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '-') {
            if (part == 0 || part > 8) return false;
            part = 0;
            continue;
        }
        const char c = s[i];
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        const bool digit = c >= '0' && c <= '9';
        if (!(letter || (digit && i > s.find('-')))) return false;  // the first subtag is letters only
        ++part;
    }
    return true;
}

// Whether clean_text has anything to change in `s`: a byte below 0x20 other than \n, or 0x7F.
// Eight bytes at a time, a word being looked at byte by byte only if it may hold one (SWAR: a
// byte below 0x20, or equal to 0x7F, sets its high bit in `suspect`; a \n does too).
bool has_control(const std::string& s) {
    using bytes8::highs, bytes8::ones;
    const auto control = [](char c) {
        const unsigned char u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\n') || u == 0x7F;
    };
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        const std::uint64_t w = bytes8::load(p + i);
        const std::uint64_t del = w ^ (0x7F * ones);
        const std::uint64_t suspect = ((w - 0x20 * ones) & ~w & highs) | ((del - ones) & ~del & highs);
        if (suspect && std::any_of(p + i, p + i + 8, control)) return true;
    }
    return std::any_of(p + i, p + n, control);
}

// Control characters are never drawable: keep \n (a line break, per the contract), turn tabs and
// carriage returns into spaces, drop the rest (NUL included).
std::string clean_text(std::string&& s, bool& changed) {
    // Nearly all text has nothing to clean: it is kept as it is (moved out of the JSON tree, which
    // is dropped next), after a check of 8 bytes at a time.
    if (!has_control(s)) return std::move(s);
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x20 || c == '\n') out += c;
        else if (c == '\t' || c == '\r') out += ' ';
        else changed = true;
        if (u == 0x7F) { out.pop_back(); changed = true; }
    }
    return out;
}

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
            fail(LoadErrorKind::wrong_type, pointer + "/" + name, "expected a string, got " + describe(*v));
            return nullptr;
        }
        return &v->get_ref<std::string&>();
    }

    // An optional string member: its text, or "" (with a warning if it had the wrong type).
    std::string optional_string(json& object, const std::string& pointer, const char* name) {
        json* v = optional(object, name);
        if (!v) return {};
        if (!v->is_string()) {
            warn(pointer + "/" + name, "expected a string, got " + describe(*v) + "; ignored");
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
                                           " links are followed, got " + describe(json(link)) + "; dropped");
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
            warn(pointer + "/lang", "expected a string, got " + describe(*v) + "; ignored");
            return {};
        }
        if (!valid_lang(v->get_ref<const std::string&>())) {
            warn(pointer + "/lang",
                 "expected a BCP 47 language tag such as \"fr\" or \"pt-BR\", got " + describe(*v) + "; ignored");
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
        warn(pointer + "/dir", "expected \"ltr\", \"rtl\" or \"auto\", got " + describe(*v) + "; ignored");
        return absent;
    }

    bool optional_bool(json& object, const std::string& pointer, const char* name) {
        json* v = optional(object, name);
        if (!v) return false;
        if (!v->is_boolean()) {
            warn(pointer + "/" + name, "expected true or false, got " + describe(*v) + "; ignored");
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
            fail(LoadErrorKind::wrong_type, pointer, "expected text (a string or an array of runs), got " + describe(v));
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
                fail(LoadErrorKind::wrong_type, rp, "expected a run (a string or an object with \"text\"), got " + describe(r));
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
            warn(pointer + "/" + name, "expected text (a string or an array of runs), got " + describe(*v) + "; ignored");
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
            else warn(pointer + "/" + std::to_string(i), "expected a string, got " + describe(v[i]) + "; ignored");
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

bool read_block(Checker& c, json& b, const std::string& p, std::string_view source, Block& block,
                bool& skip) {
    skip = false;
    if (!b.is_object()) {
        c.fail(LoadErrorKind::wrong_type, p, "expected a block (an object with \"type\"), got " + describe(b));
        return false;
    }
    std::string* type = c.require_string(b, p, "type");
    if (!type) return false;
    static const std::pair<const char*, BlockType> types[] = {
        {"heading", BlockType::heading}, {"paragraph", BlockType::paragraph}, {"quote", BlockType::quote},
        {"list", BlockType::list},       {"image", BlockType::image},         {"sponsored", BlockType::sponsored},
        {"related", BlockType::related}, {"callout", BlockType::callout},     {"tags", BlockType::tags},
        {"divider", BlockType::divider},
    };
    bool known = false;
    for (const auto& [name, value] : types) {
        if (*type == name) {
            block.type = value;
            known = true;
        }
    }
    if (!known) {
        c.warn(p + "/type", "unknown block type " + describe(json(*type)) + "; block skipped");
        skip = true;
        return true;
    }
    if (json* id = c.optional(b, "id")) {
        if (id->is_string() && valid_id(id->get_ref<const std::string&>())) block.id = std::move(id->get_ref<std::string&>());
        else c.warn(p + "/id", "expected 1 to 128 characters of A-Z a-z 0-9 . _ -, got " + describe(*id) + "; ignored");
    }
    block.lang = c.optional_lang(b, p);
    block.dir = c.optional_dir(b, p, TextDirection::inherit);
    switch (block.type) {
        case BlockType::heading: {
            json* level = c.require(b, p, "level", "an integer from 2 to 4");
            if (!level) return false;
            std::int64_t n = 0;
            if (!integer_in(*level, 2, 4, n)) {
                c.fail(LoadErrorKind::wrong_type, p + "/level", "expected an integer from 2 to 4, got " + describe(*level));
                return false;
            }
            block.level = static_cast<int>(n);
            return c.require_inline(b, p, "text", block.text);
        }
        case BlockType::paragraph: return c.require_inline(b, p, "text", block.text);
        case BlockType::quote:
            block.cite = c.optional_string(b, p, "cite");
            return c.require_inline(b, p, "text", block.text);
        case BlockType::list: {
            block.ordered = c.optional_bool(b, p, "ordered");
            json* items = c.require(b, p, "items", "an array of text");
            if (!items) return false;
            if (!items->is_array()) {
                c.fail(LoadErrorKind::wrong_type, p + "/items", "expected an array of text, got " + describe(*items));
                return false;
            }
            for (std::size_t i = 0; i < items->size(); ++i) {
                Inline item;
                if (!c.read_inline((*items)[i], p + "/items/" + std::to_string(i), item)) return false;
                block.items.push_back(std::move(item));
            }
            return true;
        }
        case BlockType::image: {
            std::string* src = c.require_string(b, p, "src");
            if (!src) return false;
            const std::string scheme = url::scheme(*src);
            if (blank(*src) || (!scheme.empty() && !url::is_http(*src))) {
                c.fail(LoadErrorKind::wrong_type, p + "/src",
                       "expected an http or https URL or a path relative to the article, got " + describe(json(*src)));
                return false;
            }
            block.src = url::resolve_in_folder(source, *src);
            std::string* alt = c.require_string(b, p, "alt");
            if (!alt) return false;
            block.alt = std::move(*alt);
            for (const char* name : {"width", "height"}) {
                json* v = c.require(b, p, name, "an integer from 1 to 100000");
                if (!v) return false;
                std::int64_t n = 0;
                if (!integer_in(*v, 1, 100000, n)) {
                    c.fail(LoadErrorKind::wrong_type, p + "/" + name, "expected an integer from 1 to 100000, got " + describe(*v));
                    return false;
                }
                (name[0] == 'w' ? block.width : block.height) = static_cast<int>(n);
            }
            c.optional_inline(b, p, "caption", block.caption);
            block.credit = c.optional_string(b, p, "credit");
            return true;
        }
        case BlockType::sponsored:
            if (!c.require_inline(b, p, "title", block.title)) return false;
            c.optional_inline(b, p, "text", block.text);
            block.href = c.optional_link(b, p, "href", false);
            block.sponsor = c.optional_string(b, p, "sponsor");
            block.label = c.optional_string(b, p, "label");
            return true;
        case BlockType::related: {
            block.label = c.optional_string(b, p, "label");
            json* items = c.require(b, p, "items", "an array of links");
            if (!items) return false;
            if (!items->is_array()) {
                c.fail(LoadErrorKind::wrong_type, p + "/items", "expected an array of links, got " + describe(*items));
                return false;
            }
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string ip = p + "/items/" + std::to_string(i);
                json& item = (*items)[i];
                if (!item.is_object()) {
                    c.fail(LoadErrorKind::wrong_type, ip, "expected an object with \"title\", got " + describe(item));
                    return false;
                }
                std::string* title = c.require_string(item, ip, "title");
                if (!title) return false;
                std::string href = c.optional_link(item, ip, "href", false);
                block.related.push_back(RelatedItem{std::move(*title), std::move(href)});
            }
            return true;
        }
        case BlockType::callout: {
            block.label = c.optional_string(b, p, "label");
            c.optional_inline(b, p, "title", block.title);
            json* text = c.optional(b, "text");
            json* paragraphs = c.optional(b, "paragraphs");
            if (!text && !paragraphs) {
                c.fail(LoadErrorKind::missing_member, p, "a callout needs \"text\" or \"paragraphs\"");
                return false;
            }
            if (text && !c.read_inline(*text, p + "/text", block.text)) return false;
            if (paragraphs) {
                if (!paragraphs->is_array()) {
                    c.fail(LoadErrorKind::wrong_type, p + "/paragraphs", "expected an array of text, got " + describe(*paragraphs));
                    return false;
                }
                for (std::size_t i = 0; i < paragraphs->size(); ++i) {
                    Inline para;
                    if (!c.read_inline((*paragraphs)[i], p + "/paragraphs/" + std::to_string(i), para)) return false;
                    block.items.push_back(std::move(para));
                }
            }
            return true;
        }
        case BlockType::tags: {
            json* items = c.require(b, p, "items", "an array of strings");
            if (!items) return false;
            if (!items->is_array()) {
                c.fail(LoadErrorKind::wrong_type, p + "/items", "expected an array of strings, got " + describe(*items));
                return false;
            }
            block.tags = c.read_strings(*items, p + "/items");
            return true;
        }
        case BlockType::divider: return true;
    }
    return true;
}

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

void read_byline(Checker& c, json& top, Byline& byline) {
    json* b = c.optional(top, "byline");
    if (!b) return;
    if (!b->is_object()) {
        c.warn("/byline", "expected an object, got " + describe(*b) + "; ignored");
        return;
    }
    if (json* authors = c.optional(*b, "authors")) {
        if (authors->is_array()) byline.authors = c.read_strings(*authors, "/byline/authors");
        else c.warn("/byline/authors", "expected an array of strings, got " + describe(*authors) + "; ignored");
    }
    for (const char* name : {"published", "updated"}) {
        std::string date = c.optional_string(*b, "/byline", name);
        // ISO 8601 starts with YYYY-MM-DD; anything else cannot be formatted for the reader.
        const bool looks_iso = date.size() >= 10 && date[4] == '-' && date[7] == '-' &&
                               date.find_first_not_of("0123456789", 0) >= 4;
        if (!date.empty() && !looks_iso) {
            c.warn(std::string("/byline/") + name, "expected an ISO 8601 date, got " + describe(json(date)) + "; ignored");
            date.clear();
        }
        (name[0] == 'p' ? byline.published : byline.updated) = date;
    }
    byline.source = c.optional_string(*b, "/byline", "source");
    byline.url = c.optional_link(*b, "/byline", "url", false);
}

}  // namespace

// The phases of a load, in order; each is done in pieces (ArticleLoad::step).
enum class LoadPhase { check_utf8, count_blocks, parse, needs, facts, done };

struct ArticleLoadState {
    std::string_view bytes;
    std::string src;
    LoadLimits limits;
    LoadPhase phase = LoadPhase::check_utf8;
    std::size_t pos = 0;        // check_utf8, count_blocks: bytes scanned
    std::size_t expected = 0;   // count_blocks: "type" members seen
    LoadResult result;
    std::unique_ptr<BlockStream> stream;
    std::unique_ptr<JsonReading> reading;
    std::unique_ptr<NeedsScan> needs;
    std::unique_ptr<TextFactsScan> facts;
};

namespace {

// How much one piece of each phase does: a few milliseconds of a slow phone's time, so that a
// caller checking its clock between pieces never overshoots by much (BENCHMARKS.md, "Longest task").
constexpr std::size_t scan_piece = 1u << 20;  // bytes: UTF-8 check, block count
constexpr std::size_t parse_piece = 2048;     // JSON values
constexpr std::size_t needs_piece = 256;      // blocks

void fail_with(ArticleLoadState& s, LoadErrorKind kind, std::string error) {
    s.result.kind = kind;
    s.result.error = std::move(error);
    s.phase = LoadPhase::done;
}

// After the JSON is read: the top-level members, checked first as before, then the blocks the
// stream kept, then the #id links. Leaves the phase at needs, or done on an error.
void read_members(ArticleLoadState& s, JsonReadResult& parsed) {
    LoadResult& result = s.result;
    const std::string& src = s.src;
    const std::string_view source = s.src;
    BlockStream& stream = *s.stream;
    s.phase = LoadPhase::done;  // until every check below has passed
    for (auto& w : parsed.warnings) result.warnings.push_back(src + ": " + w);

    Checker c(source, result);
    json& top = parsed.value;  // ours: its strings are moved into the article
    if (!top.is_object()) {
        c.fail(LoadErrorKind::wrong_type, "/", "expected an article (an object), got " + describe(top));
        return;
    }
    Article& a = result.article;
    std::string* format = c.require_string(top, "", "format");
    if (!format) return;
    const bool is_v1 = *format == "article/1" ||
                       (format->rfind("article/1.", 0) == 0 && format->size() > 10 &&
                        format->find_first_not_of("0123456789", 10) == std::string::npos);
    if (!is_v1) {
        const bool other_major = format->rfind("article/", 0) == 0;
        c.fail(other_major ? LoadErrorKind::unsupported_format : LoadErrorKind::wrong_type, "/format",
               other_major ? "unsupported format " + describe(*format) + " (this viewer reads article/1)"
                           : "expected \"article/1\", got " + describe(*format));
        return;
    }
    a.format = *format;
    std::string* id = c.require_string(top, "", "id");
    if (!id) return;
    if (!valid_id(*id)) {
        c.fail(LoadErrorKind::wrong_type, "/id", "expected 1 to 128 characters of A-Z a-z 0-9 . _ -, got " + describe(*id));
        return;
    }
    a.id = *id;
    std::string* title = c.require_string(top, "", "title");
    if (!title) return;
    // Blank once its control characters are gone: a title of "\u0000" would show as nothing.
    bool changed = false;
    std::string clean_title = clean_text(std::string(*title), changed);
    if (blank(clean_title)) {
        c.fail(LoadErrorKind::wrong_type, "/title", "expected a non-empty string, got " + describe(*title));
        return;
    }
    a.title = std::move(clean_title);
    if (std::string lang = c.optional_lang(top, ""); !lang.empty()) a.lang = std::move(lang);
    a.dir = c.optional_dir(top, "", TextDirection::auto_);
    a.subtitle = c.optional_string(top, "", "subtitle");
    read_byline(c, top, a.byline);

    json* blocks = c.require(top, "", "blocks", "an array of blocks");
    if (!blocks) return;
    if (!blocks->is_array()) {
        c.fail(LoadErrorKind::wrong_type, "/blocks", "expected an array of blocks, got " + describe(*blocks));
        return;
    }
    // The reader streamed the array's elements to `stream`, which checked them as they came.
    for (auto& w : stream.result().warnings) result.warnings.push_back(std::move(w));
    if (!stream.result().ok()) {
        result.kind = stream.result().kind;
        result.error = std::move(stream.result().error);
        return;
    }
    a.blocks = std::move(stream.blocks());
    if (a.blocks.capacity() > a.blocks.size() + a.blocks.size() / 8 + 16) a.blocks.shrink_to_fit();
    a.blocks.reserve(a.blocks.size() + blocks->size());
    for (std::size_t i = 0; i < blocks->size(); ++i) {  // none: kept for a tree read without a stream
        Block block;
        bool skip = false;
        if (!read_block(c, (*blocks)[i], "/blocks/" + std::to_string(i), source, block, skip)) return;
        if (!skip) a.blocks.push_back(std::move(block));
    }
    for (auto& link : c.fragment_links()) stream.checker().fragment_links().push_back(std::move(link));
    for (const auto& [pointer, message] : drop_dead_fragment_links(stream.checker().fragment_links(), a)) c.warn(pointer, message);
    if (!result.ok()) return;
    s.phase = LoadPhase::needs;
    s.needs = std::make_unique<NeedsScan>(result.article);
}

}  // namespace

ArticleLoad::ArticleLoad(std::string_view bytes, std::string_view source, const LoadLimits& limits)
    : state_(std::make_unique<ArticleLoadState>()) {
    ArticleLoadState& s = *state_;
    s.bytes = bytes;
    s.src = std::string(source);
    s.limits = limits;
    if (bytes.size() > limits.max_file_bytes) {
        fail_with(s, LoadErrorKind::too_large, s.src + ": file is " + std::to_string(bytes.size()) +
                                                   " bytes, more than the limit of " + std::to_string(limits.max_file_bytes));
    }
}

ArticleLoad::~ArticleLoad() = default;

bool ArticleLoad::piece() {
    ArticleLoadState& s = *state_;
    switch (s.phase) {
        case LoadPhase::check_utf8: {
            const std::size_t bad = utf8::find_invalid(s.bytes, s.pos, s.pos + scan_piece);
            if (bad != std::string_view::npos) {
                fail_with(s, LoadErrorKind::invalid_utf8, s.src + ": invalid UTF-8 at byte " + std::to_string(bad) + " (" +
                                                              line_column(s.bytes, bad) + ")");
            } else if (s.pos >= s.bytes.size()) {
                s.phase = LoadPhase::count_blocks;
                s.pos = 0;
            }
            break;
        }
        case LoadPhase::count_blocks: {
            // Room for the blocks before reading them: every block has a "type" member, so counting
            // `"type"` in the text gives their number (at most a few too many). Growing the vector
            // instead would hold up to three times the blocks' own memory while moving them
            // (BENCHMARKS.md, "Memory").
            constexpr std::string_view type = "\"type\"";
            const std::size_t stop = std::min(s.pos + scan_piece, s.bytes.size());
            const std::string_view window = s.bytes.substr(0, std::min(stop + type.size() - 1, s.bytes.size()));
            std::size_t at = window.find(type, s.pos);
            for (; at != std::string_view::npos && at < stop && s.expected < s.limits.max_array_items; at = window.find(type, at + type.size()))
                ++s.expected;
            s.pos = at != std::string_view::npos && at >= stop ? at : stop;
            if (s.pos >= s.bytes.size() || s.expected >= s.limits.max_array_items) {
                s.stream = std::make_unique<BlockStream>(s.src, s.expected);
                s.reading = std::make_unique<JsonReading>(s.bytes, s.limits, s.stream.get());
                s.phase = LoadPhase::parse;
            }
            break;
        }
        case LoadPhase::parse: {
            if (!s.reading->step(parse_piece)) break;
            JsonReadResult parsed = s.reading->take();
            s.reading.reset();
            if (parsed.kind != LoadErrorKind::none) {
                // Syntax errors read "FILE:LINE:COL: ..."; limit errors "FILE: /pointer: ...".
                fail_with(s, parsed.kind, s.src + (parsed.kind == LoadErrorKind::json_syntax ? ":" : ": ") + parsed.error);
                break;
            }
            read_members(s, parsed);
            break;
        }
        case LoadPhase::needs:
            if (s.needs->add_blocks(needs_piece)) {
                s.result.article.needs = s.needs->take();
                s.needs.reset();
                s.stream.reset();
                s.facts = std::make_unique<TextFactsScan>(s.result.article);
                s.phase = LoadPhase::facts;
            }
            break;
        case LoadPhase::facts:
            if (s.facts->add_blocks(needs_piece)) {
                s.result.article.digest = s.facts->digest();
                s.result.article.word_prefix = s.facts->take_prefix();
                s.facts.reset();
                s.phase = LoadPhase::done;
            }
            break;
        case LoadPhase::done: break;
    }
    return s.phase == LoadPhase::done;
}

bool ArticleLoad::step(const std::function<bool()>& enough) {
    while (!piece())
        if (enough()) return false;
    return true;
}

bool ArticleLoad::done() const { return state_->phase == LoadPhase::done; }

double ArticleLoad::fraction() const {
    const ArticleLoadState& s = *state_;
    const double size = static_cast<double>(std::max<std::size_t>(s.bytes.size(), 1));
    switch (s.phase) {
        case LoadPhase::check_utf8: return 0.05 * static_cast<double>(s.pos) / size;
        case LoadPhase::count_blocks: return 0.05 + 0.05 * static_cast<double>(s.pos) / size;
        case LoadPhase::parse: return 0.10 + 0.75 * static_cast<double>(s.reading->bytes_read()) / size;
        case LoadPhase::needs: {
            const double n = static_cast<double>(std::max<std::size_t>(s.result.article.blocks.size(), 1));
            return 0.85 + 0.10 * static_cast<double>(s.needs->scanned()) / n;
        }
        case LoadPhase::facts: {
            const double n = static_cast<double>(std::max<std::size_t>(s.result.article.blocks.size(), 1));
            return 0.95 + 0.05 * static_cast<double>(s.facts->scanned()) / n;
        }
        case LoadPhase::done: return 1.0;
    }
    return 1.0;
}

LoadResult ArticleLoad::take() {
    while (!piece()) {
    }
    return std::move(state_->result);
}

LoadResult load_article(std::string_view bytes, std::string_view source, const LoadLimits& limits) {
    return ArticleLoad(bytes, source, limits).take();
}

}  // namespace av
