#include "highlight_item_json.hpp"

#include "utf8.hpp"

namespace av::highlight_json {

using nlohmann::json;

namespace {

constexpr std::int64_t max_offset = 0xFFFFFFFFll;
constexpr std::int64_t max_block = 100000000;
constexpr std::size_t max_id_chars = 64;
// A quote longer than this is not one a reader selected: the largest block of the corpus is
// shorter. It bounds what one item can cost.
constexpr std::size_t max_quote_chars = 200000;

bool id_ok(const std::string& id) {
    if (id.empty() || id.size() > max_id_chars) return false;
    for (char c : id) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

// Reads members of one item, remembering the first problem as "<where>.<member>: <why>".
class Members {
public:
    Members(const json& item, const std::string& where, std::string& error)
        : item_(item), where_(where), error_(error) {}

    bool failed() const { return !error_.empty(); }

    const json* find(const char* name) const {
        auto it = item_.find(name);
        return it == item_.end() ? nullptr : &*it;
    }

    void fail(const char* name, const std::string& why) {
        if (error_.empty()) error_ = where_ + "." + name + ": " + why;
    }

    // A required or optional string; `max_chars` in code points (0: no limit).
    std::string text(const char* name, bool required, std::size_t max_chars = 0) {
        const json* v = find(name);
        if (!v) {
            if (required) fail(name, "missing");
            return {};
        }
        if (!v->is_string()) {
            fail(name, "should be a string");
            return {};
        }
        std::string s = v->get<std::string>();
        if (max_chars > 0) {
            const std::size_t n = utf8::length(s);
            if (n > max_chars) fail(name, std::to_string(n) + " characters, at most " + std::to_string(max_chars));
        }
        return s;
    }

    std::int64_t whole(const char* name, bool required, std::int64_t lo, std::int64_t hi, const char* what) {
        const json* v = find(name);
        if (!v) {
            if (required) fail(name, "missing");
            return lo;
        }
        if (!v->is_number_integer() ||
            (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(hi)) ||
            v->get<std::int64_t>() < lo || v->get<std::int64_t>() > hi) {
            fail(name, std::string("should be ") + what);
            return lo;
        }
        return v->get<std::int64_t>();
    }

    bool flag(const char* name) {
        const json* v = find(name);
        if (!v) return false;
        if (!v->is_boolean()) {
            fail(name, "should be true or false");
            return false;
        }
        return v->get<bool>();
    }

private:
    const json& item_;
    const std::string& where_;
    std::string& error_;
};

}  // namespace

std::string slice(std::string_view text, std::size_t from, std::size_t count) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < from && pos < text.size(); ++i) utf8::next(text, pos);
    std::size_t end = pos;
    for (std::size_t i = 0; i < count && end < text.size(); ++i) utf8::next(text, end);
    return std::string(text.substr(pos, end - pos));
}

std::optional<Highlight> read(const json& item, const std::string& where, Kind kind, const std::string& default_digest,
                              std::string& error) {
    error.clear();
    if (!item.is_object()) {
        error = where + ": should be an object";
        return std::nullopt;
    }
    Members m(item, where, error);
    Highlight h;
    h.id = m.text("id", true);
    if (!m.failed() && !id_ok(h.id)) m.fail("id", "should be 1 to 64 letters, digits, '-' or '_'");
    if (kind == Kind::stored) h.deleted = m.flag("deleted");
    h.updated = m.whole("updated", true, 0, max_offset * 1000000, "a time in ms since 1970");
    if (m.failed()) return std::nullopt;
    if (h.deleted) return h;  // a tombstone needs nothing else

    h.block = static_cast<int>(m.whole("block", true, 0, max_block, "a block index (0 or more)"));
    h.start = static_cast<std::uint32_t>(m.whole("start", true, 0, max_offset, "a character offset (0 or more)"));
    h.end = static_cast<std::uint32_t>(m.whole("end", true, 0, max_offset, "a character offset (0 or more)"));
    if (!m.failed() && h.end <= h.start)
        m.fail("end", std::to_string(h.end) + " is not after start " + std::to_string(h.start));
    const std::string color = m.text("color", true);
    if (!m.failed()) {
        if (auto c = highlight_color_from_name(color))
            h.color = *c;
        else
            m.fail("color", "\"" + color + "\" is not yellow, green, blue or pink");
    }
    h.quote = m.text("quote", true, max_quote_chars);
    if (!m.failed()) {
        const std::size_t n = utf8::length(h.quote);
        if (n != h.end - h.start)
            m.fail("quote", std::to_string(n) + " characters where end - start is " + std::to_string(h.end - h.start));
    }
    h.note = m.text("note", false, max_note_chars);
    h.prefix = m.text("prefix", false, highlight_context_chars);
    h.suffix = m.text("suffix", false, highlight_context_chars);
    h.block_id = m.text("block_id", false, 128);
    h.created = m.whole("created", false, 0, max_offset * 1000000, "a time in ms since 1970");
    if (!m.find("created")) h.created = h.updated;
    h.digest = m.find("digest") ? m.text("digest", false, 64) : default_digest;
    if (m.failed()) return std::nullopt;
    return h;
}

void write(const Highlight& h, json& out, const std::string& record_digest, Kind kind) {
    if (!out.is_object()) out = json::object();
    out["id"] = h.id;
    out["updated"] = h.updated;
    static const char* const content[] = {"block", "block_id", "start",  "end",     "color",  "note",
                                          "quote", "prefix",   "suffix", "created", "digest", "lost"};
    if (h.deleted) {
        for (const char* name : content) out.erase(name);
        out["deleted"] = true;
        return;
    }
    out.erase("deleted");
    out["block"] = h.block;
    out["start"] = h.start;
    out["end"] = h.end;
    out["color"] = std::string(highlight_color_name(h.color));
    out["quote"] = h.quote;
    out["created"] = h.created;
    auto optional = [&](const char* name, const std::string& value) {
        if (value.empty())
            out.erase(name);
        else
            out[name] = value;
    };
    optional("block_id", h.block_id);
    optional("note", h.note);
    optional("prefix", h.prefix);
    optional("suffix", h.suffix);
    // An empty digest ("not known", an old import) is written too: left out, it would read back
    // as the record's.
    if (h.digest == record_digest)
        out.erase("digest");
    else
        out["digest"] = h.digest;
    if (kind == Kind::exported && h.lost)
        out["lost"] = true;
    else
        out.erase("lost");
}

}  // namespace av::highlight_json
