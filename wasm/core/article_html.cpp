#include "article_html.hpp"

#include "locale.hpp"
#include "url.hpp"

namespace av {

namespace {

const char* dir_name(TextDirection dir) {
    switch (dir) {
        case TextDirection::ltr:
            return "ltr";
        case TextDirection::rtl:
            return "rtl";
        case TextDirection::auto_:
            return "auto";
        case TextDirection::inherit:
            break;
    }
    return nullptr;
}

// The article's direction, which the loader never leaves at `inherit`; read as auto if it did.
TextDirection article_dir(const Article& a) {
    return a.dir == TextDirection::inherit ? TextDirection::auto_ : a.dir;
}

// Appends HTML to one string. Every piece of article text goes through text() or attr(), which
// escape the five characters that could end a text or an attribute value or start markup.
class Html {
public:
    explicit Html(std::string& out) : out_(out) {}

    void raw(std::string_view s) { out_.append(s); }

    // `open`, then `s` escaped, then `close`: an element holding only text.
    void wrapped(std::string_view open, std::string_view s, std::string_view close) {
        raw(open);
        text(s);
        raw(close);
    }

    void text(std::string_view s) {
        std::size_t clean = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char* entity = nullptr;
            switch (s[i]) {
                case '&':
                    entity = "&amp;";
                    break;
                case '<':
                    entity = "&lt;";
                    break;
                case '>':
                    entity = "&gt;";
                    break;
                case '"':
                    entity = "&quot;";
                    break;
                case '\'':
                    entity = "&#39;";
                    break;
                default:
                    continue;
            }
            out_.append(s.substr(clean, i - clean));
            out_.append(entity);
            clean = i + 1;
        }
        out_.append(s.substr(clean));
    }

    // ` name="value"`; nothing when `value` is null (an attribute the element does not need).
    void attr(const char* name, std::string_view value) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        text(value);
        out_ += '"';
    }
    void attr(const char* name, const char* value) {
        if (value) attr(name, std::string_view(value));
    }

    // Text whose "\n" are line breaks inside the block (format: "\n inside a run").
    void lines(std::string_view s) {
        for (std::size_t start = 0;;) {
            const std::size_t nl = s.find('\n', start);
            text(s.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
            if (nl == std::string_view::npos) return;
            raw("<br>");
            start = nl + 1;
        }
    }

private:
    std::string& out_;
};

// Whether a link target may be written: what the loader accepts (checked again, as the mirror
// does, so this page never depends on the loader alone for what becomes an href).
bool writable_link(std::string_view href) {
    return url::is_allowed_link(href) || (href.size() > 1 && href[0] == '#');
}

// A picture's source: a relative reference, or http(s). Never data:, javascript: or file:.
bool writable_picture(std::string_view src) {
    return !src.empty() && (url::scheme(src).empty() || url::is_http(src));
}

class ArticleWriter {
public:
    ArticleWriter(Html& h, const Article& a, std::string_view prefix) : h_(h), a_(a), prefix_(prefix) {}

    void article() {
        h_.raw("<article");
        h_.attr("lang", a_.lang);
        h_.attr("dir", dir_name(article_dir(a_)));
        h_.raw(">\n");
        header();
        for (std::size_t i = 0; i < a_.blocks.size(); ++i) block(a_.blocks[i], i);
        h_.raw("</article>\n");
    }

private:
    // Runs into the current element: <a> around <strong> around <em> around <span lang>, as the
    // mirror nests them; neighbouring runs with the same link share one <a>. Runs without a link
    // take `default_href` (a sponsored title takes its block's, as the canvas draws it).
    void runs(const Inline& text, std::string_view default_href = {}) {
        std::string open_href;  // the href of the <a> left open, "" when none is
        for (const Run& r : text) {
            std::string_view href = r.href.empty() ? default_href : std::string_view(r.href);
            if (!writable_link(href)) href = {};
            if (href != open_href) {
                if (!open_href.empty()) h_.raw("</a>");
                open_href = std::string(href);
                if (!href.empty()) {
                    h_.raw("<a");
                    h_.attr("href", href[0] == '#' ? "#" + std::string(prefix_) + std::string(href.substr(1))
                                                   : std::string(href));
                    h_.raw(">");
                }
            }
            if (r.bold) h_.raw("<strong>");
            if (r.italic) h_.raw("<em>");
            if (!r.lang.empty()) {
                h_.raw("<span");
                h_.attr("lang", r.lang);
                h_.raw(">");
            }
            h_.lines(r.text);
            if (!r.lang.empty()) h_.raw("</span>");
            if (r.italic) h_.raw("</em>");
            if (r.bold) h_.raw("</strong>");
        }
        if (!open_href.empty()) h_.raw("</a>");
    }

    // <tag class?>runs</tag>
    void element(const char* tag, const Inline& text, const char* cls = nullptr, std::string_view default_href = {}) {
        h_.raw("<");
        h_.raw(tag);
        h_.attr("class", cls);
        h_.raw(">");
        runs(text, default_href);
        h_.raw("</");
        h_.raw(tag);
        h_.raw(">\n");
    }

    // A label the reader sees (not only a screen reader's name): paid content never reads as the
    // article's own.
    void label(std::string_view text) {
        h_.wrapped("<p class=\"label\">", text, "</p>\n");
    }

    void header() {
        h_.raw("<header");
        // With an automatic direction the header finds its own, from the title, as the canvas does.
        if (article_dir(a_) == TextDirection::auto_) h_.attr("dir", "auto");
        h_.wrapped(">\n<h1>", a_.title, "</h1>\n");
        if (!a_.subtitle.empty()) h_.wrapped("<p class=\"subtitle\">", a_.subtitle, "</p>\n");
        // The canvas's byline: authors · date · source · reading time.
        const Byline& by = a_.byline;
        h_.raw("<p class=\"byline\">");
        bool first = true;
        auto separator = [&] {
            if (!first) h_.raw(" \xC2\xB7 ");
            first = false;
        };
        if (!by.authors.empty()) {
            separator();
            for (std::size_t i = 0; i < by.authors.size(); ++i) {
                if (i) h_.raw(", ");
                h_.text(by.authors[i]);
            }
        }
        if (const std::string date = locale::format_date(a_.lang, by.published); !date.empty()) {
            separator();
            h_.raw("<time");
            h_.attr("datetime", by.published);
            h_.raw(">");
            h_.text(date);
            h_.raw("</time>");
        }
        if (!by.source.empty() && byline_shows_source(by)) {
            separator();
            // The source links to the original when the file names it (http and https only).
            if (url::is_http(by.url)) {
                h_.raw("<a");
                h_.attr("href", by.url);
                h_.raw(">");
                h_.text(by.source);
                h_.raw("</a>");
            } else {
                h_.text(by.source);
            }
        }
        std::size_t words = 0;
        for (const Block& b : a_.blocks) words += reading_words(b);
        const std::size_t per_minute = static_cast<std::size_t>(locale::words_per_minute(a_.lang));
        separator();
        h_.text(locale::reading_time(a_.lang, static_cast<int>((words + per_minute - 1) / per_minute)));
        h_.raw("</p>\n</header>\n");
    }

    // The block's top element's attributes: its id (with the page's prefix), its own language,
    // and its direction when it has its own or the article's is automatic.
    void block_attrs(const Block& b, const char* cls = nullptr) {
        if (!b.id.empty()) h_.attr("id", std::string(prefix_) + b.id);
        h_.attr("class", cls);
        if (!b.lang.empty()) h_.attr("lang", b.lang);
        if (b.dir != TextDirection::inherit)
            h_.attr("dir", dir_name(b.dir));
        else if (article_dir(a_) == TextDirection::auto_)
            h_.attr("dir", "auto");
    }

    void open(const char* tag, const Block& b, const char* cls = nullptr) {
        h_.raw("<");
        h_.raw(tag);
        block_attrs(b, cls);
    }

    void block(const Block& b, std::size_t index) {
        switch (b.type) {
            case BlockType::heading: {
                static const char* const tags[] = {"h2", "h3", "h4"};
                const char* tag = tags[b.level <= 2 ? 0 : b.level >= 4 ? 2 : b.level - 2];
                open(tag, b);
                h_.raw(">");
                runs(b.text);
                h_.raw("</");
                h_.raw(tag);
                h_.raw(">\n");
                break;
            }
            case BlockType::paragraph:
                open("p", b);
                h_.raw(">");
                runs(b.text);
                h_.raw("</p>\n");
                break;
            case BlockType::quote:
                // The attribution goes beside the quotation, not inside it (HTML's figure pattern).
                if (b.cite.empty()) {
                    open("blockquote", b);
                    h_.raw(">\n");
                    element("p", b.text);
                    h_.raw("</blockquote>\n");
                } else {
                    open("figure", b, "quote");
                    h_.raw(">\n<blockquote>\n");
                    element("p", b.text);
                    h_.raw("</blockquote>\n<figcaption>\xE2\x80\x94 ");
                    h_.text(b.cite);
                    h_.raw("</figcaption>\n</figure>\n");
                }
                break;
            case BlockType::list:
                open(b.ordered ? "ol" : "ul", b);
                h_.raw(">\n");
                for (const Inline& item : b.items) element("li", item);
                h_.raw(b.ordered ? "</ol>\n" : "</ul>\n");
                break;
            case BlockType::image:
                open("figure", b);
                h_.raw(">\n");
                if (writable_picture(b.src)) {
                    // Its size reserves the space before it arrives; below the first screen it
                    // arrives only when the reader gets near.
                    h_.raw("<img");
                    h_.attr("src", b.src);
                    h_.attr("alt", b.alt);
                    if (b.width > 0 && b.height > 0) {
                        h_.attr("width", std::to_string(b.width));
                        h_.attr("height", std::to_string(b.height));
                    }
                    h_.raw(" loading=\"lazy\" decoding=\"async\">\n");
                }
                if (!b.caption.empty() || !b.credit.empty()) {
                    h_.raw("<figcaption>");
                    runs(b.caption);
                    if (!b.credit.empty()) {
                        h_.raw(b.caption.empty() ? "<small>" : " <small>\xE2\x80\x94 ");
                        h_.text(b.credit);
                        h_.raw("</small>");
                    }
                    h_.raw("</figcaption>\n");
                }
                h_.raw("</figure>\n");
                break;
            case BlockType::sponsored: {
                // Labelled as the canvas labels it: the block's label, else the article language's word.
                std::string name = b.label.empty() ? locale::sponsored_label(a_.lang) : b.label;
                open("aside", b, "sponsored");
                h_.attr("aria-label", name);
                h_.raw(">\n");
                if (!b.sponsor.empty()) name += " \xC2\xB7 " + b.sponsor;
                label(name);
                element("p", b.title, "title", b.href);
                if (!b.text.empty()) element("p", b.text);
                h_.raw("</aside>\n");
                break;
            }
            case BlockType::related: {
                const std::string name = b.label.empty() ? locale::related_label(a_.lang) : b.label;
                open("nav", b, "related");
                h_.attr("aria-label", name);
                h_.raw(">\n");
                label(name);
                h_.raw("<ul>\n");
                for (const RelatedItem& item : b.related) {
                    h_.raw("<li>");
                    if (writable_link(item.href) && item.href[0] != '#') {
                        h_.raw("<a");
                        h_.attr("href", item.href);
                        h_.raw(">");
                        h_.text(item.title);
                        h_.raw("</a>");
                    } else {
                        h_.text(item.title);
                    }
                    h_.raw("</li>\n");
                }
                h_.raw("</ul>\n</nav>\n");
                break;
            }
            case BlockType::callout: {
                // Named by its label, else by its title. The title's id has a ':', which no block id
                // has ([A-Za-z0-9._-]), so it never clashes with one.
                const std::string title_id = std::string(prefix_) + "callout:" + std::to_string(index);
                open("aside", b, "callout");
                if (!b.label.empty())
                    h_.attr("aria-label", b.label);
                else if (!b.title.empty())
                    h_.attr("aria-labelledby", title_id);
                h_.raw(">\n");
                if (!b.label.empty()) label(b.label);
                if (!b.title.empty()) {
                    h_.raw("<p");
                    h_.attr("id", title_id);
                    h_.raw(" class=\"title\">");
                    runs(b.title);
                    h_.raw("</p>\n");
                }
                if (!b.text.empty()) element("p", b.text);
                for (const Inline& p : b.items) element("p", p);
                h_.raw("</aside>\n");
                break;
            }
            case BlockType::tags:
                open("ul", b, "tags");
                h_.raw(">\n");
                for (const std::string& tag : b.tags) {
                    h_.raw("<li>");
                    h_.text(tag);
                    h_.raw("</li>\n");
                }
                h_.raw("</ul>\n");
                break;
            case BlockType::divider:
                open("hr", b);
                h_.raw(">\n");
                break;
        }
    }

    Html& h_;
    const Article& a_;
    std::string_view prefix_;
};

// <!doctype html> to <body class="plain"> and the navigation line.
void page_start(Html& h, std::string_view lang, const char* dir, std::string_view title, const PlainPageLinks& links) {
    h.raw("<!doctype html>\n<html");
    h.attr("lang", lang);
    h.attr("dir", dir);
    // No referrer: the viewer sends none either (serve.py's Referrer-Policy), and a static host
    // may send no such header.
    h.raw(
        ">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"referrer\" "
        "content=\"no-referrer\">\n<title>");
    h.text(title);
    h.raw("</title>\n");
    if (!links.stylesheet.empty()) {
        h.raw("<link rel=\"stylesheet\"");
        h.attr("href", links.stylesheet);
        h.raw(">\n");
    }
    h.raw("</head>\n<body class=\"plain\">\n");
    if (links.viewer.empty() && links.list.empty()) return;
    // The viewer's own words are English (README, "Toolbar words"), whatever the article's language.
    h.raw("<nav class=\"plain-nav\" lang=\"en\" dir=\"ltr\" aria-label=\"Other versions\">");
    if (!links.viewer.empty()) {
        h.raw("<a");
        h.attr("href", links.viewer);
        h.raw(">Open in the article viewer</a> (needs JavaScript)");
    }
    if (!links.list.empty()) {
        if (!links.viewer.empty()) h.raw(" \xC2\xB7 ");
        h.raw("<a");
        h.attr("href", links.list);
        h.raw(">All articles</a>");
    }
    h.raw("</nav>\n");
}

}  // namespace

std::string article_html(const Article& article, std::string_view anchor_prefix) {
    std::string out;
    Html h(out);
    ArticleWriter(h, article, anchor_prefix).article();
    return out;
}

std::string article_html_page(const Article& article, const PlainPageLinks& links) {
    std::string out;
    Html h(out);
    page_start(h, article.lang, dir_name(article_dir(article)), article.title, links);
    h.raw("<main>\n");
    ArticleWriter(h, article, {}).article();
    h.raw("</main>\n</body>\n</html>\n");
    return out;
}

std::string article_list_html_page(const std::vector<PlainListItem>& items, const PlainPageLinks& links) {
    std::string out;
    Html h(out);
    page_start(h, "en", "ltr", "Articles", PlainPageLinks{links.stylesheet, links.viewer, {}});
    h.raw("<main>\n<h1>Articles</h1>\n<ul class=\"plain-list\">\n");
    for (const PlainListItem& item : items) {
        h.raw("<li");
        h.attr("lang", item.lang.empty() ? std::string("en") : item.lang);
        h.attr("dir", dir_name(item.dir == TextDirection::inherit ? TextDirection::auto_ : item.dir));
        h.raw("><a");
        h.attr("href", item.href);
        h.wrapped(">", item.title, "</a>");
        if (!item.subtitle.empty()) h.wrapped("<p class=\"subtitle\">", item.subtitle, "</p>");
        h.raw("</li>\n");
    }
    h.raw("</ul>\n</main>\n</body>\n</html>\n");
    return out;
}

}  // namespace av
