#include "article_json.hpp"

#include <nlohmann/json.hpp>

#include "locale.hpp"

namespace av {

namespace {

using nlohmann::json;

const char* dir_name(TextDirection dir) {
    switch (dir) {
        case TextDirection::ltr: return "ltr";
        case TextDirection::rtl: return "rtl";
        case TextDirection::auto_: return "auto";
        case TextDirection::inherit: break;
    }
    return nullptr;
}

json runs_json(const Inline& text) {
    json out = json::array();
    for (const Run& r : text) {
        json run = {{"text", r.text}};
        if (r.bold) run["bold"] = true;
        if (r.italic) run["italic"] = true;
        if (!r.href.empty()) run["href"] = r.href;
        if (!r.lang.empty()) run["lang"] = r.lang;
        out.push_back(std::move(run));
    }
    return out;
}

void put(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

void put(json& j, const char* key, const Inline& value) {
    if (!value.empty()) j[key] = runs_json(value);
}

json block_json(const Article& a, const Block& b, std::size_t index) {
    json j = {{"type", block_type_name(b.type)}, {"index", index}};
    put(j, "id", b.id);
    put(j, "lang", b.lang);
    if (const char* dir = dir_name(b.dir)) j["dir"] = dir;
    switch (b.type) {
        case BlockType::heading:
            j["level"] = b.level;
            j["text"] = runs_json(b.text);
            break;
        case BlockType::paragraph: j["text"] = runs_json(b.text); break;
        case BlockType::quote:
            j["text"] = runs_json(b.text);
            put(j, "cite", b.cite);
            break;
        case BlockType::list: {
            j["ordered"] = b.ordered;
            json items = json::array();
            for (const Inline& item : b.items) items.push_back(runs_json(item));
            j["items"] = std::move(items);
            break;
        }
        case BlockType::image:
            j["alt"] = b.alt;
            put(j, "caption", b.caption);
            put(j, "credit", b.credit);
            j["width"] = b.width;
            j["height"] = b.height;
            break;
        case BlockType::sponsored: {
            // Paid content is always labelled, in the article's language when the file gives none.
            j["label"] = b.label.empty() ? locale::sponsored_label(a.lang) : b.label;
            Inline title = b.title;
            if (!b.href.empty())
                for (Run& r : title)
                    if (r.href.empty()) r.href = b.href;
            j["title"] = runs_json(title);
            put(j, "text", b.text);
            put(j, "href", b.href);
            put(j, "sponsor", b.sponsor);
            break;
        }
        case BlockType::related: {
            j["label"] = b.label.empty() ? locale::related_label(a.lang) : b.label;
            json items = json::array();
            for (const RelatedItem& item : b.related) {
                json i = {{"title", item.title}};
                put(i, "href", item.href);
                items.push_back(std::move(i));
            }
            j["items"] = std::move(items);
            break;
        }
        case BlockType::callout: {
            put(j, "label", b.label);
            put(j, "title", b.title);
            put(j, "text", b.text);
            if (!b.items.empty()) {
                json paragraphs = json::array();
                for (const Inline& p : b.items) paragraphs.push_back(runs_json(p));
                j["paragraphs"] = std::move(paragraphs);
            }
            break;
        }
        case BlockType::tags: j["items"] = b.tags; break;
        case BlockType::divider: break;
    }
    return j;
}

}  // namespace

std::string article_json(const Article& article) {
    json out;
    out["id"] = article.id;
    out["lang"] = article.lang;
    out["dir"] = dir_name(article.dir == TextDirection::inherit ? TextDirection::auto_ : article.dir);
    out["title"] = article.title;
    put(out, "subtitle", article.subtitle);
    const Byline& by = article.byline;
    json byline = {{"authors", by.authors}};
    put(byline, "published", by.published);
    put(byline, "publishedText", locale::format_date(article.lang, by.published));
    put(byline, "updated", by.updated);
    put(byline, "updatedText", locale::format_date(article.lang, by.updated));
    put(byline, "source", by.source);
    put(byline, "url", by.url);
    out["byline"] = std::move(byline);
    json blocks = json::array();
    for (std::size_t i = 0; i < article.blocks.size(); ++i) blocks.push_back(block_json(article, article.blocks[i], i));
    out["blocks"] = std::move(blocks);
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace av
