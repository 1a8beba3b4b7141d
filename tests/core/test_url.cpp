// URL helpers: scheme checks and relative resolution (RFC 3986 section 5.4 examples).
#include <doctest/doctest.h>

#include "core/url.hpp"

using namespace av;

TEST_SUITE("url errors") {
TEST_CASE("links the viewer never follows") {
    CHECK_FALSE(url::is_allowed_link("javascript:alert(1)"));
    CHECK_FALSE(url::is_allowed_link("JaVaScRiPt:alert(1)"));
    CHECK_FALSE(url::is_allowed_link("data:text/html,x"));
    CHECK_FALSE(url::is_allowed_link("/relative"));
    CHECK_FALSE(url::is_allowed_link(""));
    CHECK_FALSE(url::is_http("http:/x"));
    CHECK_FALSE(url::is_http("file:///etc/passwd"));
}

// The desktop read any picture on disk: "../../../../usr/share/icons/..." or "/usr/share/...".
TEST_CASE("a picture of an article file stays inside the article's folder") {
    const char* base = "/home/me/articles/a.json";
    CHECK(url::resolve_in_folder(base, "img/x.png") == "/home/me/articles/img/x.png");
    CHECK(url::resolve_in_folder(base, "./img/../x.png") == "/home/me/articles/x.png");
    CHECK(url::resolve_in_folder(base, "../../../../usr/share/icons/x.png") == "/home/me/articles/usr/share/icons/x.png");
    CHECK(url::resolve_in_folder(base, "img/../../b/x.png") == "/home/me/articles/b/x.png");
    CHECK(url::resolve_in_folder(base, "/usr/share/x.png") == "/home/me/articles/usr/share/x.png");
    CHECK(url::resolve_in_folder(base, "//usr/share/x.png") == "/home/me/articles/usr/share/x.png");
    CHECK(url::resolve_in_folder(base, "..") == "/home/me/articles/");
    CHECK(url::resolve_in_folder(base, "../x.png?v=2#top") == "/home/me/articles/x.png?v=2#top");
    CHECK(url::resolve_in_folder("a.json", "../../etc/passwd") == "etc/passwd");
    CHECK(url::resolve_in_folder("articles/a.json", "../../etc/passwd") == "articles/etc/passwd");
    // A URL base is a site: its root is as far as ".." goes, as the browser resolves it.
    CHECK(url::resolve_in_folder("https://h/a/b/c.json", "../../../x.png") == "https://h/x.png");
    CHECK(url::resolve_in_folder("https://h/a/c.json", "/x.png") == "https://h/x.png");
    CHECK(url::resolve_in_folder(base, "https://e.org/x.png") == "https://e.org/x.png");
}
}  // TEST_SUITE("url errors")

TEST_CASE("schemes") {
    CHECK(url::scheme("HTTPS://a") == "https");
    CHECK(url::scheme("img/a.png") == "");
    CHECK(url::scheme("a:b") == "a");
    CHECK(url::scheme("1a:b") == "");
    CHECK(url::is_allowed_link("mailto:x@y.z"));
    CHECK(url::is_allowed_link("https://x"));
}

TEST_CASE("relative resolution") {
    const char* base = "http://a/b/c/d;p?q";
    CHECK(url::resolve(base, "g") == "http://a/b/c/g");
    CHECK(url::resolve(base, "./g") == "http://a/b/c/g");
    CHECK(url::resolve(base, "g/") == "http://a/b/c/g/");
    CHECK(url::resolve(base, "/g") == "http://a/g");
    CHECK(url::resolve(base, "//g") == "http://g");
    CHECK(url::resolve(base, "?y") == "http://a/b/c/d;p?y");
    CHECK(url::resolve(base, "g?y") == "http://a/b/c/g?y");
    CHECK(url::resolve(base, "#s") == "http://a/b/c/d;p#s");
    CHECK(url::resolve(base, "..") == "http://a/b/");
    CHECK(url::resolve(base, "../g") == "http://a/b/g");
    CHECK(url::resolve(base, "../..") == "http://a/");
    CHECK(url::resolve(base, "../../../g") == "http://a/g");
    CHECK(url::resolve(base, "https://x/y") == "https://x/y");
    CHECK(url::resolve("http://a", "g") == "http://a/g");
    // Plain file paths, as the desktop build passes them.
    CHECK(url::resolve("articles/seed.json", "img/a.png") == "articles/img/a.png");
    CHECK(url::resolve("/home/me/a.json", "../b.png") == "/home/b.png");
    CHECK(url::resolve("a.json", "b.png") == "b.png");
}

TEST_CASE("the origin of a URL, as browsers compare them") {
    CHECK(url::origin("https://Example.ORG/a/b.json?x#y") == "https://example.org");
    CHECK(url::origin("HTTPS://example.org:443/") == "https://example.org");
    CHECK(url::origin("http://example.org:80") == "http://example.org");
    CHECK(url::origin("http://example.org:8080/a") == "http://example.org:8080");
    CHECK(url::origin("https://user:pw@example.org/a") == "https://example.org");
    CHECK(url::origin("http://[::1]:8000/a.json") == "http://[::1]:8000");
    CHECK(url::origin("http://[::1]/a.json") == "http://[::1]");
    CHECK(url::origin("articles/a.json").empty());
    CHECK(url::origin("//example.org/a.json").empty());  // a reference: resolve it first
    CHECK(url::origin("data:application/json,{}").empty());
    CHECK(url::origin("file:///home/a.json").empty());
    CHECK(url::origin("https://").empty());
}

TEST_CASE("the file name a failed article's title gives") {
    CHECK(url::file_name("https://h.example/x/a.json?v=2#p3") == "a.json");
    CHECK(url::file_name("/home/me/casse.json") == "casse.json");
    CHECK(url::file_name("file:mon article.json") == "mon article.json");
    CHECK(url::file_name("a.json") == "a.json");
    CHECK(url::file_name("https://h.example/") == "https://h.example/");
}

// The plain pages (dist/plain/) write their pictures relative to themselves, so the bundle works
// under any path of any host.
TEST_CASE("a reference from one page of a site to another file of it") {
    const char* page = "https://bundle.invalid/plain/a.html";
    CHECK(url::relative_reference(page, "https://bundle.invalid/articles/img/p.png") == "../articles/img/p.png");
    CHECK(url::relative_reference(page, "https://bundle.invalid/plain/p.png?v=2#x") == "p.png?v=2#x");
    CHECK(url::relative_reference(page, "https://bundle.invalid/plain/") == "./");
    CHECK(url::relative_reference(page, "https://bundle.invalid/x.png") == "../x.png");
    CHECK(url::relative_reference(page, "https://bundle.invalid/plainer/x.png") == "../plainer/x.png");
    CHECK(url::relative_reference(page, "https://bundle.invalid/plain/a:b.png") == "./a:b.png");  // not a scheme
    CHECK(url::relative_reference("https://bundle.invalid/top.html", "https://bundle.invalid/articles/p.png") == "articles/p.png");
    // Another site, or no site: as it is.
    CHECK(url::relative_reference(page, "https://cdn.example/p.png") == "https://cdn.example/p.png");
    CHECK(url::relative_reference(page, "http://bundle.invalid/p.png") == "http://bundle.invalid/p.png");
    CHECK(url::relative_reference("a.html", "https://bundle.invalid/p.png") == "https://bundle.invalid/p.png");
}
