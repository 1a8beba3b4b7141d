// Export (Markdown, JSON) and import (JSON) of an article's highlights (docs/highlights-format.md).
#include <nlohmann/json.hpp>

#include "highlight_item_json.hpp"
#include "highlights.hpp"
#include "json_reader.hpp"
#include "progress.hpp"
#include "utf8.hpp"

namespace av {

using nlohmann::json;

namespace {

const char* const export_format = "article-viewer/highlights";

// Text as Markdown shows it literally: the characters that start emphasis, links, code or HTML
// are escaped anywhere, and those that start a heading, a list or a quote at the start of a line.
std::string markdown_text(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r') continue;
        if (c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' || c == '>' || c == '|' ||
            (line_start && (c == '#' || c == '-' || c == '+' || c == '=' || c == '~')))
            out += '\\';
        if (line_start && c >= '0' && c <= '9') {
            // "1. " would start an ordered list.
            std::size_t j = i;
            while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
            if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
                out.append(text.substr(i, j - i));
                out += '\\';
                i = j - 1;
                line_start = false;
                continue;
            }
        }
        out += c;
        line_start = c == '\n';
    }
    return out;
}

// Each line of `text` after `lead` ("> " for a quote), with hard line breaks inside.
std::string lines(const std::string& text, const std::string& lead) {
    std::string out = lead;
    const std::string escaped = markdown_text(text);
    for (char c : escaped) {
        if (c == '\n') {
            out += "  \n" + lead;
        } else {
            out += c;
        }
    }
    return out + "\n";
}

// The address of the article without its fragment, with `#id` when the block has one.
std::string block_link(const std::string& url, const std::string& block_id) {
    std::string base = url.substr(0, url.find('#'));
    if (block_id.empty()) return base;
    return base + "#" + block_id;
}

}  // namespace

std::string highlights_markdown(const Article& article, const std::vector<Highlight>& items,
                                const std::string& article_url) {
    std::string out = "# " + markdown_text(article.title.empty() ? article.id : article.title) + "\n\n";
    if (!article.byline.authors.empty()) {
        std::string authors;
        for (const std::string& a : article.byline.authors) authors += (authors.empty() ? "" : ", ") + a;
        out += "By " + markdown_text(authors) + "  \n";
    }
    const std::string source = article_url.empty() ? article.byline.url : article_url;
    if (!source.empty()) out += "Source: <" + source.substr(0, source.find('#')) + ">\n";
    std::size_t found = 0, lost = 0;
    for (const Highlight& h : items) (h.lost ? lost : found) += h.deleted ? 0 : 1;
    out += "\n" + std::to_string(found) + (found == 1 ? " highlight" : " highlights") + "\n";
    for (const Highlight& h : items) {
        if (h.deleted || h.lost) continue;
        out += "\n" + lines(h.quote, "> ");
        if (!h.note.empty()) out += "\n**Note:** " + lines(h.note, "");
        const std::string link = block_link(source, h.block_id);
        if (!link.empty()) out += "\n[Go to the passage](<" + link + ">)\n";
    }
    if (lost > 0) {
        out += "\n## No longer in the article\n\nThe article changed; these passages were not found in it again.\n";
        for (const Highlight& h : items) {
            if (h.deleted || !h.lost) continue;
            out += "\n" + lines(h.quote, "> ");
            if (!h.note.empty()) out += "\n**Note:** " + lines(h.note, "");
        }
    }
    return out;
}

std::string highlights_json(const Article& article, const std::vector<Highlight>& items) {
    const std::string digest = article.digest.empty() ? article_digest(article) : article.digest;
    json j;
    j["format"] = export_format;
    j["version"] = highlights_export_version;
    j["article"] = {{"id", article.id}, {"title", article.title}, {"digest", digest}};
    json list = json::array();
    for (const Highlight& h : items) {
        if (h.deleted) continue;
        json item = json::object();
        highlight_json::write(h, item, digest, highlight_json::Kind::exported);
        list.push_back(std::move(item));
    }
    j["highlights"] = std::move(list);
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

HighlightImport parse_highlights_json(std::string_view text) {
    HighlightImport out;
    auto refuse = [&](std::string why) {
        out.items.clear();
        out.errors = {std::move(why)};
        return out;
    };
    if (const std::size_t bad = utf8::find_invalid(text); bad != std::string_view::npos)
        return refuse("not UTF-8 (byte " + std::to_string(bad) + ")");
    LoadLimits limits;
    limits.max_file_bytes = 32u << 20;
    limits.max_depth = 8;
    limits.max_string_bytes = 1u << 20;
    limits.max_array_items = 100000;
    if (text.size() > limits.max_file_bytes)
        return refuse("the file is larger than " + std::to_string(limits.max_file_bytes >> 20) + " MB");
    JsonReadResult parsed = read_json(text, limits);
    if (parsed.kind != LoadErrorKind::none) return refuse("not JSON: " + parsed.error);
    const json& j = parsed.value;
    if (!j.is_object()) return refuse("not a highlights export: the file is not a JSON object");
    auto format = j.find("format");
    if (format == j.end() || !format->is_string() || format->get<std::string>() != export_format)
        return refuse(std::string("format: not a highlights export (\"format\" should be \"") + export_format + "\")");
    auto version = j.find("version");
    if (version == j.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1)
        return refuse("version: should be a whole number from 1");
    if (version->get<std::int64_t>() > highlights_export_version)
        return refuse("version: " + std::to_string(version->get<std::int64_t>()) +
                      " is newer than this viewer reads (" + std::to_string(highlights_export_version) + ")");
    auto article = j.find("article");
    if (article != j.end() && article->is_object()) {
        auto id = article->find("id");
        if (id != article->end() && id->is_string()) out.article = id->get<std::string>();
        auto digest = article->find("digest");
        if (digest != article->end() && digest->is_string()) out.digest = digest->get<std::string>();
    }
    auto list = j.find("highlights");
    if (list == j.end()) return refuse("highlights: missing");
    if (!list->is_array()) return refuse("highlights: should be an array");
    std::string error;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto h = highlight_json::read((*list)[i], "highlights[" + std::to_string(i) + "]",
                                      highlight_json::Kind::exported, out.digest, error);
        if (h)
            out.items.push_back(std::move(*h));
        else
            out.errors.push_back(error);
    }
    return out;
}

}  // namespace av
