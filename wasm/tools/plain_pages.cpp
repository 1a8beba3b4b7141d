// plain-pages: the bundle's articles as plain HTML pages, for readers without JavaScript (README,
// "The static bundle"). Built by the web build as wasm for node (NODERAWFS reads and writes the
// disk), from core alone, and run by shell/assemble_dist.py at every assembly of dist/: the web
// build needs nothing native, and the pages come from the loader and the model the canvas draws
// (core/article_html.hpp), not from a second reading of the JSON.
//
//   plain-pages --print-stylesheet
//       prints the pages' stylesheet (core/plain_stylesheet.hpp), which the assembly names by its
//       hash and writes beside them;
//   plain-pages --out DIR --stylesheet HREF --default DIST_PATH --article FILE DIST_PATH [--article ...]
//       loads each FILE (DIST_PATH: where it is in dist/, "articles/a.json"), writes
//       DIR/<article id>.html for each, with a link to the viewer at that article (its address as
//       the viewer writes it, core/page_address.hpp; --default names the viewer's default
//       article), and DIR/index.html listing them, and prints on stdout, as JSON,
//       {"articles": [{"id", "page", "title", "lang", "dir", "fragment"}]}: "page" the file
//       written ("a.html"), "fragment" the <article> element for a page at dist/'s top (the
//       single-file page's <noscript>), its ids prefixed "<id>:".
//
// Exit 0 when every page was written; 1 with a message on stderr when an article does not load,
// two articles have one id, an id would not make a plain file name ("index", which is the list, or
// a leading '.', which hosts hide), or a file cannot be written; 2 on a usage error. The loader's
// warnings go to stderr and do not stop it.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/article_html.hpp"
#include "core/article_loader.hpp"
#include "core/page_address.hpp"
#include "core/plain_stylesheet.hpp"
#include "core/url.hpp"

namespace {

// Articles are loaded as if from this site, so that relative picture sources resolve as the
// viewer resolves them against the article's URL; they are then written relative to the page that
// shows them (url::relative_reference). ".invalid" names no host (RFC 2606).
constexpr const char* bundle_root = "https://bundle.invalid/";

struct Job {
    std::string file;
    std::string dist_path;
};

struct Loaded {
    av::Article article;
    std::string page;  // "<id>.html"
};

int usage() {
    std::fprintf(stderr,
                 "usage: plain-pages --print-stylesheet\n"
                 "       plain-pages --out DIR --stylesheet HREF --default DIST_PATH --article FILE DIST_PATH "
                 "[--article ...]\n");
    return 2;
}

bool read_file(const std::string& path, std::string& bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (out) return true;
    std::fprintf(stderr, "plain-pages: %s: cannot write (%s)\n", path.c_str(), std::strerror(errno));
    return false;
}

// The loader names the file by the URL it was given; the reader of the build log wants the path.
std::string named(const std::string& message, const std::string& source, const std::string& path) {
    return message.compare(0, source.size(), source) == 0 ? path + message.substr(source.size()) : message;
}

// Every picture's source, written from where `page` (a path under the bundle's root) is.
void rebase_pictures(av::Article& article, const std::string& page) {
    const std::string from = std::string(bundle_root) + page;
    for (av::Block& b : article.blocks)
        if (b.type == av::BlockType::image) b.src = av::url::relative_reference(from, b.src);
}

const char* dir_name(av::TextDirection dir) {
    return dir == av::TextDirection::rtl ? "rtl" : dir == av::TextDirection::ltr ? "ltr" : "auto";
}

// The viewer at this article, from dist/plain/: "../" for the default article, else
// "../?article=articles/a.json", as the viewer itself names what it shows.
std::string viewer_href(const std::string& dist_path, const std::string& default_path) {
    const std::string root = bundle_root;
    return "../" + av::page_address::of(root + dist_path, {}, root + default_path, root);
}

int write_pages(const std::string& out_dir, const std::string& stylesheet, const std::string& default_path,
                const std::vector<Job>& jobs) {
    std::vector<Loaded> loaded;
    std::set<std::string> ids;
    for (const Job& job : jobs) {
        std::string bytes;
        if (!read_file(job.file, bytes)) {
            std::fprintf(stderr, "plain-pages: %s: %s\n", job.file.c_str(), std::strerror(errno));
            return 1;
        }
        const std::string source = bundle_root + job.dist_path;
        av::LoadResult r = av::load_article(bytes, source);
        for (const std::string& w : r.warnings)
            std::fprintf(stderr, "warning: %s\n", named(w, source, job.file).c_str());
        if (!r.ok()) {
            std::fprintf(stderr, "plain-pages: %s\n", named(r.error, source, job.file).c_str());
            return 1;
        }
        const std::string& id = r.article.id;
        if (id == "index" || id[0] == '.') {
            std::fprintf(
                stderr, "plain-pages: %s: the id \"%s\" cannot name a plain page (%s); give the article another\n",
                job.file.c_str(), id.c_str(), id == "index" ? "plain/index.html is the list" : "hosts hide dot files");
            return 1;
        }
        if (!ids.insert(id).second) {
            std::fprintf(stderr, "plain-pages: %s: another article has the id \"%s\"\n", job.file.c_str(), id.c_str());
            return 1;
        }
        std::string page = id + ".html";
        loaded.push_back(Loaded{std::move(r.article), std::move(page)});
    }

    nlohmann::json manifest = {{"articles", nlohmann::json::array()}};
    std::vector<av::PlainListItem> list;
    for (std::size_t i = 0; i < loaded.size(); ++i) {
        av::Article& a = loaded[i].article;
        // For the single-file page, at the bundle's top (it sits beside articles/ in dist/).
        av::Article top = a;
        rebase_pictures(top, "article-viewer.html");
        rebase_pictures(a, "plain/" + loaded[i].page);
        const av::PlainPageLinks links{stylesheet, viewer_href(jobs[i].dist_path, default_path), "index.html"};
        if (!write_file(out_dir + "/" + loaded[i].page, av::article_html_page(a, links))) return 1;
        list.push_back(av::PlainListItem{loaded[i].page, a.title, a.subtitle, a.lang, a.dir});
        manifest["articles"].push_back({{"id", a.id},
                                        {"page", loaded[i].page},
                                        {"title", a.title},
                                        {"lang", a.lang},
                                        {"dir", dir_name(a.dir)},
                                        {"fragment", av::article_html(top, a.id + ":")}});
    }
    // The list's link to the viewer: its default article (the viewer's own address, "../").
    if (!write_file(out_dir + "/index.html",
                    av::article_list_html_page(list, av::PlainPageLinks{stylesheet, "../", {}})))
        return 1;
    std::printf("%s\n", manifest.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "--print-stylesheet") {
        std::fputs(av::plain_stylesheet(), stdout);
        return 0;
    }
    std::string out_dir, stylesheet, default_path;
    std::vector<Job> jobs;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--out" && i + 1 < args.size()) {
            out_dir = args[++i];
        } else if (args[i] == "--stylesheet" && i + 1 < args.size()) {
            stylesheet = args[++i];
        } else if (args[i] == "--default" && i + 1 < args.size()) {
            default_path = args[++i];
        } else if (args[i] == "--article" && i + 2 < args.size()) {
            jobs.push_back(Job{args[i + 1], args[i + 2]});
            i += 2;
        } else {
            std::fprintf(stderr, "plain-pages: unexpected %s\n", args[i].c_str());
            return usage();
        }
    }
    if (out_dir.empty() || jobs.empty()) return usage();
    return write_pages(out_dir, stylesheet, default_path, jobs);
}
