// article_html: the loaded article as a plain HTML page, for readers without JavaScript. Every
// string escaped (hostile text never becomes markup), every block type, languages and directions
// as format 1.1 says, the canvas's labels, only the links the loader accepted.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/article_html.hpp"
#include "core/article_loader.hpp"
#include "core/plain_stylesheet.hpp"
#include "test_support.hpp"

namespace {

av::Article load(const std::string& file) {
    av::LoadResult r = av::load_article(file, "https://news.example/a/article.json");
    REQUIRE_MESSAGE(r.ok(), r.error);
    return std::move(r.article);
}

std::string html_of(const std::string& blocks, const std::string& top = R"("lang":"fr")") {
    return av::article_html(
        load(R"({"format":"article/1.1","id":"t",)" + top + R"(,"title":"Titre","blocks":[)" + blocks + "]}"));
}

bool has(const std::string& html, const std::string& part) {
    return html.find(part) != std::string::npos;
}

std::size_t count(const std::string& html, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = html.find(part); at != std::string::npos; at = html.find(part, at + 1)) ++n;
    return n;
}

// Reads every tag of `html` the way a browser's tokenizer would start to: `<name attr="value" ...>`
// with values in double quotes. Fails on a tag or attribute this writer never makes, on an
// attribute value that is not quoted, and on a '<' that starts no tag: what text that escaped
// badly would give.
void check_markup(const std::string& html) {
    static const std::set<std::string> tags = {
        "!doctype",   "html",   "head",       "meta", "title", "link", "body",   "nav", "main",  "article", "header",
        "h1",         "h2",     "h3",         "h4",   "p",     "a",    "strong", "em",  "span",  "br",      "time",
        "blockquote", "figure", "figcaption", "img",  "small", "ul",   "ol",     "li",  "aside", "hr"};
    static const std::set<std::string> attrs = {"lang",     "dir",      "id",         "class",           "href",
                                                "src",      "alt",      "width",      "height",          "loading",
                                                "decoding", "datetime", "aria-label", "aria-labelledby", "charset",
                                                "name",     "content",  "rel"};
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        std::size_t i = at + 1;
        if (html[i] == '/') ++i;
        const std::size_t name_end = html.find_first_of(" >", i);
        REQUIRE(name_end != std::string::npos);
        const std::string name = html.substr(i, name_end - i);
        INFO("tag at ", at, ": ", html.substr(at, 60));
        REQUIRE(tags.count(name) == 1);
        i = name_end;
        while (html[i] == ' ') {
            ++i;
            const std::size_t eq = html.find_first_of("=> ", i);
            REQUIRE(eq != std::string::npos);
            const std::string attr = html.substr(i, eq - i);
            if (name == "!doctype") {
                CHECK(attr == "html");
                i = eq;
                continue;
            }
            CHECK_MESSAGE(attrs.count(attr) == 1, attr);
            REQUIRE(html[eq] == '=');
            REQUIRE(html[eq + 1] == '"');
            const std::size_t close = html.find('"', eq + 2);
            REQUIRE(close != std::string::npos);
            const std::string value = html.substr(eq + 2, close - eq - 2);
            CHECK(value.find_first_of("<>'") == std::string::npos);
            i = close + 1;
        }
        REQUIRE(html[i] == '>');
    }
}

}  // namespace

TEST_SUITE("article html") {
    TEST_CASE("hostile strings are text everywhere, in text and in attributes") {
        const std::string evil = R"(<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)>)";
        const std::string escaped =
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;img src=x onerror=alert(1)&gt;";
        // Every string of the file is EVIL, written as a JSON string's contents.
        std::string file = R"J({"format":"article/1","id":"x","lang":"en","title":"EVIL","subtitle":"EVIL",
            "byline":{"authors":["EVIL"],"source":"S EVIL","url":"https://s.example/?q=\"1\"&r='2'<3>"},"blocks":[
            {"type":"paragraph","text":["EVIL",{"text":"EVIL","href":"https://x.example/?a=\"1\"&b='2'<3>"}]},
            {"type":"quote","text":"EVIL","cite":"EVIL"},
            {"type":"image","src":"p.png?a=\"1\"","alt":"EVIL","width":2,"height":1,"caption":"EVIL","credit":"EVIL"},
            {"type":"sponsored","label":"EVIL","title":"EVIL","sponsor":"EVIL"},
            {"type":"related","label":"EVIL","items":[{"title":"EVIL","href":"https://r.example/\"x"}]},
            {"type":"callout","label":"EVIL","title":"EVIL","text":"EVIL"},
            {"type":"tags","items":["EVIL"]}]})J";
        std::string e;
        for (char c : evil) e += c == '"' ? std::string("\\\"") : std::string(1, c);
        for (std::size_t at = file.find("EVIL"); at != std::string::npos; at = file.find("EVIL", at + e.size()))
            file.replace(at, 4, e);
        const av::Article a = load(file);
        const std::string page = av::article_html_page(a, av::PlainPageLinks{"s\"x.css", "../?article=\"a\"", "<l>"});
        check_markup(page);
        CHECK_FALSE(has(page, "<script"));
        CHECK_FALSE(has(page, "<img src=x"));
        CHECK(count(page, escaped) >= 20);  // title (in <title> and h1), subtitle, author, source, every block...
        CHECK(has(page, "<title>" + escaped + "</title>"));
        CHECK(has(page, R"(href="https://x.example/?a=&quot;1&quot;&amp;b=&#39;2&#39;&lt;3&gt;")"));
        CHECK(has(page, R"(href="https://s.example/?q=&quot;1&quot;&amp;r=&#39;2&#39;&lt;3&gt;")"));
        CHECK(has(page, R"(src="https://news.example/a/p.png?a=&quot;1&quot;")"));
        CHECK(has(page, R"(href="https://r.example/&quot;x")"));
        CHECK(has(page, R"(alt=")" + escaped + R"(")"));
        CHECK(has(page, R"(aria-label=")" + escaped + R"(")"));
        CHECK(has(page, R"(href="s&quot;x.css")"));
        CHECK(has(page, R"(href="../?article=&quot;a&quot;")"));
        CHECK(has(page, R"(href="&lt;l&gt;")"));
    }

    TEST_CASE("a complete page: language, direction, title, stylesheet, the way back to the viewer, no script") {
        const av::Article a = load(R"({"format":"article/1","id":"p","lang":"fr","title":"Le titre",
            "blocks":[{"type":"paragraph","text":"Un paragraphe."}]})");
        const std::string page = av::article_html_page(a, av::PlainPageLinks{"plain.0123abcd.css", "../", "index.html"});
        check_markup(page);
        CHECK(page.rfind("<!doctype html>\n<html lang=\"fr\" dir=\"auto\">\n<head>\n<meta charset=\"utf-8\">", 0) == 0);
        CHECK(has(page, "<title>Le titre</title>"));
        CHECK(has(page, R"(<link rel="stylesheet" href="plain.0123abcd.css">)"));
        CHECK(has(page, R"(<meta name="referrer" content="no-referrer">)"));
        CHECK(has(page, R"(<body class="plain">)"));
        CHECK(has(page, R"(<nav class="plain-nav" lang="en" dir="ltr" aria-label="Other versions">)"
                        R"(<a href="../">Open in the article viewer</a>)"));
        CHECK(has(page, R"(<a href="index.html">All articles</a>)"));
        CHECK(has(page, "<main>\n<article lang=\"fr\" dir=\"auto\">\n<header dir=\"auto\">\n<h1>Le titre</h1>"));
        CHECK(has(page, "<p dir=\"auto\">Un paragraphe.</p>"));
        CHECK(page.size() - page.rfind("</html>\n") == 8);
        CHECK_FALSE(has(page, "<script"));
        CHECK_FALSE(has(page, "style="));
        CHECK_FALSE(has(page, "<style"));
        // Without links, no navigation line and no stylesheet.
        const std::string bare = av::article_html_page(a, {});
        CHECK_FALSE(has(bare, "<nav"));
        CHECK_FALSE(has(bare, "<link"));
    }

    TEST_CASE("header: subtitle and the canvas's byline (authors, date, source, reading time)") {
        const std::string html = av::article_html(load(R"({"format":"article/1","id":"b","lang":"fr","title":"T",
            "subtitle":"Chapeau","byline":{"authors":["Jeanne","Paul"],"published":"2025-06-01T08:30:00Z",
            "source":"Exemple Presse","url":"https://ex.example/1"},"blocks":[{"type":"paragraph","text":"un deux"}]})"));
        CHECK(has(html, "<p class=\"subtitle\">Chapeau</p>"));
        CHECK(has(html, "<p class=\"byline\">Jeanne, Paul \xC2\xB7 <time datetime=\"2025-06-01T08:30:00Z\">"
                        "1er juin 2025</time> \xC2\xB7 <a href=\"https://ex.example/1\">Exemple Presse</a>"
                        " \xC2\xB7 1 min de lecture</p>"));
        // A source that repeats an author is left out, as on the canvas.
        const std::string repeat = av::article_html(load(R"({"format":"article/1","id":"b","title":"T",
            "byline":{"authors":["Mac & i"],"source":"mac & I"},"blocks":[]})"));
        CHECK(has(repeat, "<p class=\"byline\">Mac &amp; i \xC2\xB7 1 min read</p>"));
    }

    TEST_CASE("every block type") {
        const std::string html = html_of(R"(
            {"type":"heading","level":2,"id":"h-2","text":"Deux"},
            {"type":"heading","level":3,"text":"Trois"},
            {"type":"heading","level":4,"text":"Quatre"},
            {"type":"paragraph","text":["a ",{"text":"gras","bold":true}," ",{"text":"penché","italic":true}," ",
                                        {"text":"les deux","bold":true,"italic":true},"\nligne"]},
            {"type":"quote","text":"Citation"},
            {"type":"quote","text":"Citée","cite":"Quelqu’un"},
            {"type":"list","items":["un",[{"text":"deux","bold":true}]]},
            {"type":"list","ordered":true,"items":["premier"]},
            {"type":"image","src":"img/carte.png","alt":"Une carte","width":640,"height":480,"caption":"Légende",
             "credit":"AFP"},
            {"type":"image","src":"https://cdn.example/p.jpg","alt":"","width":10,"height":10},
            {"type":"related","items":[{"title":"A","href":"https://r.example/a"},{"title":"B"}]},
            {"type":"callout","label":"À lire","title":"Titre","text":"T","paragraphs":["P1","P2"]},
            {"type":"callout","title":"Sans étiquette","text":"T"},
            {"type":"tags","items":["Corée","Russie"]},
            {"type":"divider"})");
        check_markup(html);
        CHECK(has(html, "<h2 id=\"h-2\" dir=\"auto\">Deux</h2>"));
        CHECK(has(html, "<h3 dir=\"auto\">Trois</h3>"));
        CHECK(has(html, "<h4 dir=\"auto\">Quatre</h4>"));
        CHECK(has(html, "<p dir=\"auto\">a <strong>gras</strong> <em>penché</em> <strong><em>les deux</em></strong>"
                        "<br>ligne</p>"));
        CHECK(has(html, "<blockquote dir=\"auto\">\n<p>Citation</p>\n</blockquote>"));
        CHECK(has(html, "<figure class=\"quote\" dir=\"auto\">\n<blockquote>\n<p>Citée</p>\n</blockquote>\n"
                        "<figcaption>\xE2\x80\x94 Quelqu’un</figcaption>\n</figure>"));
        CHECK(has(html, "<ul dir=\"auto\">\n<li>un</li>\n<li><strong>deux</strong></li>\n</ul>"));
        CHECK(has(html, "<ol dir=\"auto\">\n<li>premier</li>\n</ol>"));
        CHECK(has(html, "<figure dir=\"auto\">\n<img src=\"https://news.example/a/img/carte.png\" alt=\"Une carte\""
                        " width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\">\n"
                        "<figcaption>Légende <small>\xE2\x80\x94 AFP</small></figcaption>\n</figure>"));
        // A decorative picture: an empty alt, said so.
        CHECK(has(html, "<img src=\"https://cdn.example/p.jpg\" alt=\"\" width=\"10\" height=\"10\""));
        CHECK(has(html, "<nav class=\"related\" dir=\"auto\" aria-label=\"À lire aussi\">\n"
                        "<p class=\"label\">À lire aussi</p>\n"
                        "<ul>\n<li><a href=\"https://r.example/a\">A</a></li>\n<li>B</li>\n</ul>\n</nav>"));
        CHECK(has(html, "<aside class=\"callout\" dir=\"auto\" aria-label=\"À lire\">\n<p class=\"label\">À lire</p>\n"
                        "<p id=\"callout:11\" class=\"title\">Titre</p>\n<p>T</p>\n<p>P1</p>\n<p>P2</p>\n</aside>"));
        // A callout without a label is named by its title.
        CHECK(has(html, "<aside class=\"callout\" dir=\"auto\" aria-labelledby=\"callout:12\">\n"
                        "<p id=\"callout:12\" class=\"title\">"));
        CHECK(has(html, "<ul class=\"tags\" dir=\"auto\">\n<li>Corée</li>\n<li>Russie</li>\n</ul>"));
        CHECK(has(html, "<hr dir=\"auto\">"));
    }

    TEST_CASE("sponsored blocks carry a visible label in the article's language, as the canvas draws them") {
        const std::string block = R"({"type":"sponsored","title":["Offre ",{"text":"ici","href":"https://o.example/"}],
            "text":"Texte","href":"https://ad.example/","sponsor":"ACME"})";
        const std::string fr = html_of(block);
        CHECK(has(fr, "<aside class=\"sponsored\" dir=\"auto\" aria-label=\"Sponsorisé\">\n"
                      "<p class=\"label\">Sponsorisé \xC2\xB7 ACME</p>\n"));
        // Runs without a link take the block's, as the canvas links them.
        CHECK(has(fr, "<p class=\"title\"><a href=\"https://ad.example/\">Offre </a>"
                      "<a href=\"https://o.example/\">ici</a></p>\n<p>Texte</p>"));
        const std::vector<std::pair<std::string, std::string>> labels = {
            {"en", "Sponsored"},     {"de", "Gesponsert"},   {"es", "Patrocinado"}, {"pt-BR", "Patrocinado"},
            {"it", "Sponsorizzato"}, {"cs", "Sponzorováno"}, {"ja", "Sponsored"}};
        for (const auto& lang_label : labels) {
            const std::string& lang = lang_label.first;
            const std::string& label = lang_label.second;
            INFO(lang);
            const std::string html = html_of(R"({"type":"sponsored","title":"T"})", R"("lang":")" + lang + "\"");
            CHECK(has(html, "aria-label=\"" + label + "\">\n<p class=\"label\">" + label + "</p>"));
        }
        // The block's own label wins, in the label and the name.
        CHECK(has(html_of(R"({"type":"sponsored","label":"Publicité","title":"T"})"),
                  "aria-label=\"Publicité\">\n<p class=\"label\">Publicité</p>"));
        // The related label too is the canvas's.
        CHECK(has(html_of(R"({"type":"related","items":[]})", R"("lang":"de")"), "aria-label=\"Mehr zum Thema\""));
    }

    TEST_CASE("links: only those the loader accepted; neighbours with one link share an <a>; #block links") {
        const std::string html = html_of(R"J(
            {"type":"heading","level":2,"id":"suite","text":"Suite"},
            {"type":"paragraph","text":[{"text":"a","href":"https://x.example/"},
                {"text":"b","bold":true,"href":"https://x.example/"},{"text":"c","href":"javascript:alert(1)"},
                {"text":"d","href":"mailto:a@b.example"},{"text":"e","href":"#suite"},{"text":"f","href":"#nowhere"},
                {"text":"g","href":"data:text/html,x"},{"text":"h","href":"relative.html"}]})J");
        CHECK(has(html, "<p dir=\"auto\"><a href=\"https://x.example/\">a<strong>b</strong></a>c"
                        "<a href=\"mailto:a@b.example\">d</a><a href=\"#suite\">e</a>fgh</p>"));
        CHECK_FALSE(has(html, "javascript"));
        CHECK_FALSE(has(html, "data:"));
        // Inside another page: ids and the links to them take the prefix.
        const av::Article a = load(R"({"format":"article/1","id":"t","title":"T","blocks":[
            {"type":"heading","level":2,"id":"suite","text":"Suite"},{"type":"paragraph","text":[{"text":"e","href":"#suite"}]},
            {"type":"callout","title":"C","text":"t"}]})");
        const std::string inside = av::article_html(a, "t:");
        CHECK(has(inside, "<h2 id=\"t:suite\""));
        CHECK(has(inside, "<a href=\"#t:suite\">e</a>"));
        CHECK(has(inside, "aria-labelledby=\"t:callout:2\""));
        CHECK(has(inside, "<p id=\"t:callout:2\" class=\"title\">C</p>"));
    }

    TEST_CASE("languages and directions (format 1.1)") {
        // An article of one direction: on <html> and <article>; blocks say only what is their own.
        const av::Article rtl = load(R"J({"format":"article/1.1","id":"r","lang":"ar","dir":"rtl","title":"عنوان",
            "blocks":[
            {"type":"paragraph","text":["مرحبا ",{"text":"Tokyo","lang":"en","bold":true}]},
            {"type":"paragraph","lang":"en","dir":"ltr","text":"An English note."},
            {"type":"heading","level":2,"lang":"ja","dir":"auto","text":"見出し"},
            {"type":"image","src":"a.png","alt":"","width":4,"height":3,"lang":"zh-Hant",
             "caption":[{"text":"臺北","lang":"zh-Hant-TW"}]},
            {"type":"divider","lang":"he","dir":"sideways"}]})J");
        const std::string page = av::article_html_page(rtl, {});
        CHECK(has(page, "<html lang=\"ar\" dir=\"rtl\">"));
        CHECK(has(page, "<article lang=\"ar\" dir=\"rtl\">\n<header>\n"));
        CHECK(has(page, "<p>مرحبا <strong><span lang=\"en\">Tokyo</span></strong></p>"));
        CHECK(has(page, "<p lang=\"en\" dir=\"ltr\">An English note.</p>"));
        CHECK(has(page, "<h2 lang=\"ja\" dir=\"auto\">見出し</h2>"));
        CHECK(has(page, "<figure lang=\"zh-Hant\">"));
        CHECK(has(page, "<figcaption><span lang=\"zh-Hant-TW\">臺北</span></figcaption>"));
        CHECK(has(page, "<hr lang=\"he\">"));  // the dir the loader dropped stays dropped
        // An article whose direction is automatic: each block finds its own, as on the canvas.
        const std::string automatic = html_of(
            R"({"type":"paragraph","text":"a"},{"type":"paragraph","dir":"rtl","text":"ب"})", R"("lang":"en")");
        CHECK(has(automatic, "<article lang=\"en\" dir=\"auto\">\n<header dir=\"auto\">"));
        CHECK(has(automatic, "<p dir=\"auto\">a</p>"));
        CHECK(has(automatic, "<p dir=\"rtl\">ب</p>"));
    }

    TEST_CASE("the list of plain pages") {
        const std::string page = av::article_list_html_page(
            {{"a.html", "Un <titre>", "Sous-titre", "fr", av::TextDirection::auto_},
             {"b.html", "عنوان", "", "ar", av::TextDirection::rtl}},
            av::PlainPageLinks{"plain.css", "../", "ignored.html"});
        check_markup(page);
        CHECK(has(page, "<html lang=\"en\" dir=\"ltr\">"));
        CHECK(has(page, "<title>Articles</title>"));
        CHECK(has(page, "<a href=\"../\">Open in the article viewer</a>"));
        CHECK_FALSE(has(page, "ignored.html"));
        CHECK(has(page, "<li lang=\"fr\" dir=\"auto\"><a href=\"a.html\">Un &lt;titre&gt;</a>"
                        "<p class=\"subtitle\">Sous-titre</p></li>"));
        CHECK(has(page, "<li lang=\"ar\" dir=\"rtl\"><a href=\"b.html\">عنوان</a></li>"));
    }

    TEST_CASE("the stylesheet: every rule inside .plain, light and dark") {
        const std::string css = av::plain_stylesheet();
        CHECK(has(css, "max-width: 70ch"));
        CHECK(has(css, "@media (prefers-color-scheme: dark)"));
        // Each selector starts with .plain, so the rules touch nothing else of a page that holds them.
        std::size_t rules = 0;
        for (std::size_t at = css.find('{'); at != std::string::npos; at = css.find('{', at + 1)) {
            // The selectors run from the end of the rule (or the @media line) before.
            const std::size_t close = css.rfind('}', at), open = css.rfind('{', at - 1);
            std::size_t start = css.find("*/") + 2;
            if (close != std::string::npos) start = std::max(start, close + 1);
            if (open != std::string::npos) start = std::max(start, open + 1);
            const std::string selectors = css.substr(start, at - start);
            if (selectors.find("@media") != std::string::npos) continue;
            for (std::size_t from = 0; from < selectors.size();) {
                const std::size_t comma = selectors.find(',', from);
                std::string one = selectors.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
                one.erase(0, one.find_first_not_of(" \n"));
                INFO(one);
                CHECK(one.rfind(".plain", 0) == 0);
                from = comma == std::string::npos ? selectors.size() : comma + 1;
                ++rules;
            }
        }
        CHECK(rules > 30);
    }

    TEST_CASE("the bundled seed: every block, the French label, its headings") {
        const std::string path = std::string(AV_ASSETS_DIR) + "/articles/russie-munitions-nord-coreennes.json";
        const av::LoadResult r = av::load_article(av::test::read_file(path), path);
        REQUIRE(r.ok());
        const std::string page = av::article_html_page(r.article, av::PlainPageLinks{"plain.css", "../", "index.html"});
        check_markup(page);
        CHECK(has(page, "<title>Russie : livraison de munitions nord-coréennes, l’ONU s’alerte</title>"));
        CHECK(has(page, "<p class=\"label\">Sponsorisé</p>"));
        std::size_t headings = 0, paragraphs = 0;
        for (const av::Block& b : r.article.blocks) {
            headings += b.type == av::BlockType::heading;
            paragraphs += b.type == av::BlockType::paragraph;
        }
        CHECK(count(page, "<h2") + count(page, "<h3") + count(page, "<h4") == headings);
        // Its paragraphs have ids ("p1"...), which become the elements' ids.
        CHECK(count(page, "<p id=\"p") == paragraphs);
        CHECK(has(page, "<p id=\"p1\" dir=\"auto\">La Corée du Nord a récemment livré"));
    }
}
