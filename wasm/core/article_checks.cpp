#include "article_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "bytes8.hpp"
#include "url.hpp"
#include "utf8.hpp"

namespace av::article_checks {

namespace {

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

}  // namespace

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

bool read_block(Checker& c, json& b, const std::string& p, std::string_view source, Block& block,
                bool& skip) {
    skip = false;
    if (!b.is_object()) {
        c.fail(LoadErrorKind::wrong_type, p, "expected a block (an object with \"type\"), got " + describe_json(b));
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
        c.warn(p + "/type", "unknown block type " + describe_json(json(*type)) + "; block skipped");
        skip = true;
        return true;
    }
    if (json* id = c.optional(b, "id")) {
        if (id->is_string() && valid_id(id->get_ref<const std::string&>())) block.id = std::move(id->get_ref<std::string&>());
        else c.warn(p + "/id", "expected 1 to 128 characters of A-Z a-z 0-9 . _ -, got " + describe_json(*id) + "; ignored");
    }
    block.lang = c.optional_lang(b, p);
    block.dir = c.optional_dir(b, p, TextDirection::inherit);
    switch (block.type) {
        case BlockType::heading: {
            json* level = c.require(b, p, "level", "an integer from 2 to 4");
            if (!level) return false;
            std::int64_t n = 0;
            if (!integer_in(*level, 2, 4, n)) {
                c.fail(LoadErrorKind::wrong_type, p + "/level", "expected an integer from 2 to 4, got " + describe_json(*level));
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
                c.fail(LoadErrorKind::wrong_type, p + "/items", "expected an array of text, got " + describe_json(*items));
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
                       "expected an http or https URL or a path relative to the article, got " + describe_json(json(*src)));
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
                    c.fail(LoadErrorKind::wrong_type, p + "/" + name, "expected an integer from 1 to 100000, got " + describe_json(*v));
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
                c.fail(LoadErrorKind::wrong_type, p + "/items", "expected an array of links, got " + describe_json(*items));
                return false;
            }
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string ip = p + "/items/" + std::to_string(i);
                json& item = (*items)[i];
                if (!item.is_object()) {
                    c.fail(LoadErrorKind::wrong_type, ip, "expected an object with \"title\", got " + describe_json(item));
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
                    c.fail(LoadErrorKind::wrong_type, p + "/paragraphs", "expected an array of text, got " + describe_json(*paragraphs));
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
                c.fail(LoadErrorKind::wrong_type, p + "/items", "expected an array of strings, got " + describe_json(*items));
                return false;
            }
            block.tags = c.read_strings(*items, p + "/items");
            return true;
        }
        case BlockType::divider: return true;
    }
    return true;
}

void read_byline(Checker& c, json& top, Byline& byline) {
    json* b = c.optional(top, "byline");
    if (!b) return;
    if (!b->is_object()) {
        c.warn("/byline", "expected an object, got " + describe_json(*b) + "; ignored");
        return;
    }
    if (json* authors = c.optional(*b, "authors")) {
        if (authors->is_array()) byline.authors = c.read_strings(*authors, "/byline/authors");
        else c.warn("/byline/authors", "expected an array of strings, got " + describe_json(*authors) + "; ignored");
    }
    for (const char* name : {"published", "updated"}) {
        std::string date = c.optional_string(*b, "/byline", name);
        // ISO 8601 starts with YYYY-MM-DD; anything else cannot be formatted for the reader.
        const bool looks_iso = date.size() >= 10 && date[4] == '-' && date[7] == '-' &&
                               date.find_first_not_of("0123456789", 0) >= 4;
        if (!date.empty() && !looks_iso) {
            c.warn(std::string("/byline/") + name, "expected an ISO 8601 date, got " + describe_json(json(date)) + "; ignored");
            date.clear();
        }
        (name[0] == 'p' ? byline.published : byline.updated) = date;
    }
    byline.source = c.optional_string(*b, "/byline", "source");
    byline.url = c.optional_link(*b, "/byline", "url", false);
}

}  // namespace av::article_checks
