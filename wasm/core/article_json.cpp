#include "article_json.hpp"

#include <algorithm>

#include "locale.hpp"
#include "utf8.hpp"

namespace av {

namespace {

const char* dir_name(TextDirection dir) {
    switch (dir) {
        case TextDirection::ltr: return "ltr";
        case TextDirection::rtl: return "rtl";
        case TextDirection::auto_: return "auto";
        case TextDirection::inherit: break;
    }
    return nullptr;
}

// Writes the JSON text straight out, in two passes over the article: one counting the bytes, one
// writing them into a string reserved to that size. A tree of nlohmann::json values first cost
// about five times the text it was dumped to (a list of a million empty items: 180 MiB of tree for
// 14 MiB of text in wasm), and a growing string holds up to three times its size while it moves.
class Writer {
public:
    explicit Writer(std::string* out) : out_(out) {}
    std::size_t size() const { return size_; }

    void raw(std::string_view s) {
        size_ += s.size();
        if (out_) out_->append(s);
    }
    void raw(char c) {
        ++size_;
        if (out_) out_->push_back(c);
    }

    // A JSON string: quotes, backslashes and control characters escaped, anything that is not
    // UTF-8 written as U+FFFD (the loader lets none through; this keeps the output valid anyway).
    void string(std::string_view s) {
        raw('"');
        std::size_t clean = 0;  // start of the stretch written as it is
        for (std::size_t pos = 0; pos < s.size();) {
            const unsigned char c = static_cast<unsigned char>(s[pos]);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                ++pos;
                continue;
            }
            const std::size_t start = pos;
            const char32_t cp = c < 0x80 ? (++pos, c) : utf8::next(s, pos);
            if (c >= 0x80 && !(cp == 0xFFFD && s.compare(start, 3, "\xEF\xBF\xBD") != 0)) continue;  // valid
            raw(s.substr(clean, start - clean));
            clean = pos;
            switch (cp) {
                case '"': raw("\\\""); break;
                case '\\': raw("\\\\"); break;
                case '\n': raw("\\n"); break;
                case '\r': raw("\\r"); break;
                case '\t': raw("\\t"); break;
                case '\b': raw("\\b"); break;
                case '\f': raw("\\f"); break;
                case 0xFFFD: raw("\xEF\xBF\xBD"); break;
                default: {
                    static const char hex[] = "0123456789abcdef";
                    const char escaped[] = {'\\', 'u', '0', '0', hex[(cp >> 4) & 15], hex[cp & 15]};
                    raw(std::string_view(escaped, sizeof escaped));
                }
            }
        }
        raw(s.substr(clean));
        raw('"');
    }

    // Members of an object: `"key":` with the comma before every member but the first.
    void key(const char* name) {
        if (!first_) raw(',');
        first_ = false;
        raw('"');
        raw(name);
        raw("\":");
    }
    void begin_object() {
        raw('{');
        first_ = true;
    }
    void end_object() {
        raw('}');
        first_ = false;
    }
    void begin_array() {
        raw('[');
        first_ = true;
    }
    void end_array() {
        raw(']');
        first_ = false;
    }
    // Before an array element.
    void element() {
        if (!first_) raw(',');
        first_ = false;
    }

    void member(const char* name, std::string_view value) {
        key(name);
        string(value);
    }
    void member_number(const char* name, long long value) {
        key(name);
        raw(std::to_string(value));
    }
    void member_bool(const char* name, bool value) {
        key(name);
        raw(value ? "true" : "false");
    }
    // Only when there is something to say.
    void optional(const char* name, std::string_view value) {
        if (!value.empty()) member(name, value);
    }

private:
    std::string* out_;
    std::size_t size_ = 0;
    bool first_ = true;
};

void runs(Writer& w, const Inline& text, const std::string* default_href = nullptr) {
    w.begin_array();
    for (const Run& r : text) {
        w.element();
        w.begin_object();
        w.member("text", r.text);
        if (r.bold) w.member_bool("bold", true);
        if (r.italic) w.member_bool("italic", true);
        if (!r.href.empty()) w.member("href", r.href);
        else if (default_href && !default_href->empty()) w.member("href", *default_href);
        w.optional("lang", r.lang);
        w.end_object();
    }
    w.end_array();
}

void optional_runs(Writer& w, const char* name, const Inline& text) {
    if (text.empty()) return;
    w.key(name);
    runs(w, text);
}

void inline_list(Writer& w, const char* name, const std::vector<Inline>& list) {
    w.key(name);
    w.begin_array();
    for (const Inline& item : list) {
        w.element();
        runs(w, item);
    }
    w.end_array();
}

void block(Writer& w, const Article& a, const Block& b, std::size_t index) {
    w.begin_object();
    w.member("type", block_type_name(b.type));
    w.member_number("index", static_cast<long long>(index));
    w.optional("id", b.id);
    w.optional("lang", b.lang);
    if (const char* dir = dir_name(b.dir)) w.member("dir", dir);
    switch (b.type) {
        case BlockType::heading:
            w.member_number("level", b.level);
            w.key("text");
            runs(w, b.text);
            break;
        case BlockType::paragraph:
            w.key("text");
            runs(w, b.text);
            break;
        case BlockType::quote:
            w.key("text");
            runs(w, b.text);
            w.optional("cite", b.cite);
            break;
        case BlockType::list:
            w.member_bool("ordered", b.ordered);
            inline_list(w, "items", b.items);
            break;
        case BlockType::image:
            w.member("src", b.src);
            w.member("alt", b.alt);
            optional_runs(w, "caption", b.caption);
            w.optional("credit", b.credit);
            w.member_number("width", b.width);
            w.member_number("height", b.height);
            break;
        case BlockType::sponsored:
            // Paid content is always labelled, in the article's language when the file gives none;
            // runs without a link take the block's, as the canvas draws them.
            w.member("label", b.label.empty() ? locale::sponsored_label(a.lang) : b.label);
            w.key("title");
            runs(w, b.title, &b.href);
            optional_runs(w, "text", b.text);
            w.optional("href", b.href);
            w.optional("sponsor", b.sponsor);
            break;
        case BlockType::related:
            w.member("label", b.label.empty() ? locale::related_label(a.lang) : b.label);
            w.key("items");
            w.begin_array();
            for (const RelatedItem& item : b.related) {
                w.element();
                w.begin_object();
                w.member("title", item.title);
                w.optional("href", item.href);
                w.end_object();
            }
            w.end_array();
            break;
        case BlockType::callout:
            w.optional("label", b.label);
            optional_runs(w, "title", b.title);
            optional_runs(w, "text", b.text);
            if (!b.items.empty()) inline_list(w, "paragraphs", b.items);
            break;
        case BlockType::tags:
            w.key("items");
            w.begin_array();
            for (const std::string& tag : b.tags) {
                w.element();
                w.string(tag);
            }
            w.end_array();
            break;
        case BlockType::divider: break;
    }
    w.end_object();
}

// The top level's members before "blocks" (the object is open).
void header_members(Writer& w, const Article& a) {
    w.member("id", a.id);
    w.member("lang", a.lang);
    w.member("dir", dir_name(a.dir == TextDirection::inherit ? TextDirection::auto_ : a.dir));
    w.member("title", a.title);
    w.optional("subtitle", a.subtitle);
    const Byline& by = a.byline;
    w.key("byline");
    w.begin_object();
    w.key("authors");
    w.begin_array();
    for (const std::string& author : by.authors) {
        w.element();
        w.string(author);
    }
    w.end_array();
    w.optional("published", by.published);
    w.optional("publishedText", locale::format_date(a.lang, by.published));
    w.optional("updated", by.updated);
    w.optional("updatedText", locale::format_date(a.lang, by.updated));
    w.optional("source", by.source);
    // The canvas leaves out a source that repeats an author (byline_shows_source); so does the mirror.
    if (!by.source.empty() && !byline_shows_source(by)) w.member_bool("sourceRepeatsAuthor", true);
    w.optional("url", by.url);
    w.end_object();
}

void blocks(Writer& w, const Article& a, std::size_t from, std::size_t to) {
    w.begin_array();
    for (std::size_t i = from; i < to; ++i) {
        w.element();
        block(w, a, a.blocks[i], i);
    }
    w.end_array();
}

void article(Writer& w, const Article& a) {
    w.begin_object();
    header_members(w, a);
    w.key("blocks");
    blocks(w, a, 0, a.blocks.size());
    w.end_object();
}

// Runs `write` twice: once counting, once into a string reserved to the count (see Writer).
template <typename Write>
std::string written(Write write) {
    Writer count(nullptr);
    write(count);
    std::string out;
    out.reserve(count.size());
    Writer w(&out);
    write(w);
    return out;
}

}  // namespace

std::string article_json(const Article& a) {
    return written([&](Writer& w) { article(w, a); });
}

std::string article_header_json(const Article& a) {
    return written([&](Writer& w) {
        w.begin_object();
        header_members(w, a);
        w.member_number("blockCount", static_cast<long long>(a.blocks.size()));
        w.end_object();
    });
}

std::string article_blocks_json(const Article& a, std::size_t from, std::size_t count, std::size_t max_bytes) {
    from = std::min(from, a.blocks.size());
    std::size_t to = from + std::min(count, a.blocks.size() - from);
    // The counting pass finds where the budget ends, block by block, so a page of small blocks
    // stops near max_bytes and a large block comes alone; its count is the page's exact size.
    Writer sizes(nullptr);
    sizes.begin_array();
    for (std::size_t i = from; i < to; ++i) {
        sizes.element();
        block(sizes, a, a.blocks[i], i);
        if (sizes.size() >= max_bytes) {
            to = i + 1;
            break;
        }
    }
    sizes.end_array();
    std::string out;
    out.reserve(sizes.size());
    Writer w(&out);
    blocks(w, a, from, to);
    return out;
}

std::string article_headings_json(const Article& a, int level) {
    const auto write = [&](Writer& w) {
        w.begin_array();
        for (std::size_t i = 0; i < a.blocks.size(); ++i) {
            const Block& b = a.blocks[i];
            if (b.type != BlockType::heading || b.level != level) continue;
            w.element();
            block(w, a, b, i);
        }
        w.end_array();
    };
    return written(write);
}

}  // namespace av
