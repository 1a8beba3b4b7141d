#!/usr/bin/env python3
"""Tests for serve.py: what it serves and refuses, its headers and policies (stdlib unittest only).

Run: python3 -m unittest discover -s tests/serve (every serve test), or this file alone.
"""

from __future__ import annotations

import http.client
import os
import shutil
import tempfile
import unittest

from serve_harness import SERVE, SECRET, INDEX, WASM, DIGITS, start_server, stop_server, raw_request, raw_exchange, csp_directives, CSP, CSP_SINGLE_FILE, CSP_PLAIN


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.base = tempfile.mkdtemp(prefix="serve-test-")
        cls.addClassCleanup(shutil.rmtree, cls.base, True)
        # The secret lives next to the served folder (so ../ would reach it) and in a
        # separate temp dir (reached only through a symlink).
        cls.root = os.path.join(cls.base, "site")
        cls.outside = tempfile.mkdtemp(prefix="serve-test-outside-")
        cls.addClassCleanup(shutil.rmtree, cls.outside, True)
        for d in (cls.base, cls.outside):
            with open(os.path.join(d, "secret.txt"), "wb") as f:
                f.write(SECRET)
        files = {
            "index.html": INDEX,
            "a.wasm": WASM,
            "sub/x.json": b'{"x": 1}',
            "sub/index.html": b"SUB-INDEX",
            "nolisting/readme.txt": b"hello",
            "app.0123abcd.js": b"console.log(1)",
            "app.js": b"console.log(2)",
            "sw.js": b"self.addEventListener('fetch', () => {})",
            "site.webmanifest": b"{}",
            "style.css": b"body{}",
            "font.woff2": b"wOF2",
            "font.ttf": b"\x00\x01\x00\x00",
            "icon.svg": b"<svg/>",
            "icon.png": b"\x89PNG",
            "articles.data": b"DATA",
            "mod.mjs": b"export {}",
            "digits.txt": DIGITS,
            "empty.txt": b"",
            "article-viewer.html": b"<!doctype html><script>1</script>SINGLE-FILE",
            "plain/a.html": b"<!doctype html>PLAIN-PAGE",
            "plain/index.html": b"<!doctype html>PLAIN-LIST",
        }
        for rel, content in files.items():
            p = os.path.join(cls.root, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(content)
        os.symlink(os.path.join(cls.outside, "secret.txt"), os.path.join(cls.root, "leak.txt"))
        os.symlink(cls.outside, os.path.join(cls.root, "leakdir"))
        os.symlink(os.path.join(cls.root, "a.wasm"), os.path.join(cls.root, "inside.wasm"))

        cls.proc, cls.port, cls.stderr, cls.line = start_server(
            ["--no-build", "--dir", cls.root, "--port", "0"])
        cls.addClassCleanup(cls.stderr.close)
        cls.addClassCleanup(stop_server, cls.proc)

    def get(self, path: str, method: str = "GET", headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        finally:
            conn.close()

    # --- startup ---------------------------------------------------------------------------
    def test_serving_line(self):
        self.assertEqual(self.line, f"Serving {self.root} at http://127.0.0.1:{self.port}/\n")
        self.assertNotEqual(self.port, 0)

    def test_executable_with_shebang(self):
        with open(SERVE, "rb") as f:
            self.assertEqual(f.readline(), b"#!/usr/bin/env python3\n")
        self.assertTrue(os.access(SERVE, os.X_OK), "serve.py is not executable")

    # --- content ---------------------------------------------------------------------------
    def test_index_at_root(self):
        status, headers, body = self.get("/")
        self.assertEqual(status, 200)
        self.assertEqual(body, INDEX)
        self.assertEqual(headers["content-type"], "text/html; charset=utf-8")

    def test_index_with_query(self):
        status, _, body = self.get("/index.html?article=foo")
        self.assertEqual((status, body), (200, INDEX))
        status, _, body = self.get("/?article=foo#frag")
        self.assertEqual((status, body), (200, INDEX))

    def test_subdirectory(self):
        self.assertEqual(self.get("/sub/x.json")[::2], (200, b'{"x": 1}'))
        self.assertEqual(self.get("/sub/")[::2], (200, b"SUB-INDEX"))
        status, headers, _ = self.get("/sub?a=1")
        self.assertEqual(status, 301)
        self.assertEqual(headers["location"], "/sub/?a=1")

    def test_no_directory_listing(self):
        status, _, body = self.get("/nolisting/")
        self.assertEqual(status, 404)
        self.assertNotIn(b"readme.txt", body)

    def test_missing_file(self):
        self.assertEqual(self.get("/nope.js")[0], 404)

    def test_head(self):
        status, headers, body = self.get("/a.wasm", method="HEAD")
        self.assertEqual(status, 200)
        self.assertEqual(body, b"")
        self.assertEqual(headers["content-length"], str(len(WASM)))
        self.assertEqual(headers["content-type"], "application/wasm")

    def test_conditional_get(self):
        _, headers, _ = self.get("/app.js")
        status, _, body = self.get("/app.js", headers={"If-None-Match": headers["etag"]})
        self.assertEqual((status, body), (304, b""))

    def test_symlink_inside_is_served(self):
        status, headers, body = self.get("/inside.wasm")
        self.assertEqual((status, body), (200, WASM))
        self.assertEqual(headers["content-type"], "application/wasm")

    def test_mime_types(self):
        expected = {
            "/a.wasm": "application/wasm",
            "/app.js": "text/javascript",
            "/mod.mjs": "text/javascript",
            "/sub/x.json": "application/json",
            "/index.html": "text/html; charset=utf-8",
            "/style.css": "text/css",
            "/site.webmanifest": "application/manifest+json",
            "/font.ttf": "font/ttf",
            "/font.woff2": "font/woff2",
            "/icon.svg": "image/svg+xml",
            "/icon.png": "image/png",
            "/articles.data": "application/octet-stream",
        }
        for path, mime in expected.items():
            with self.subTest(path=path):
                status, headers, _ = self.get(path)
                self.assertEqual(status, 200)
                self.assertEqual(headers["content-type"], mime)

    def test_cache_headers(self):
        expected = {
            "/": "no-cache",
            "/index.html": "no-cache",
            "/sw.js": "no-cache",
            "/site.webmanifest": "no-cache",
            "/app.0123abcd.js": "public, max-age=31536000, immutable",
            "/app.js": "no-cache",
            "/a.wasm": "no-cache",
            "/sub/x.json": "no-cache",
        }
        for path, cc in expected.items():
            with self.subTest(path=path):
                status, headers, _ = self.get(path)
                self.assertEqual(status, 200)
                self.assertEqual(headers["cache-control"], cc)

    # --- security --------------------------------------------------------------------------
    ATTACKS = [
        "/../secret.txt",
        "/../../../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
        "///etc/passwd",
        "/%2fetc/passwd",
        "/%2Fetc%2Fpasswd",
        "/..\\..\\etc\\passwd",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/..%5csecret.txt",
        "/leak.txt",
        "/leakdir/secret.txt",
        "/leakdir/",
        "/sub/../leak.txt",
        "/index.html%00",
        "/leak.txt%00.png",
        "/%00../secret.txt",
        "/.%2e/secret.txt",
        "/%252e%252e/secret.txt",
        "..",
        "../secret.txt",
        "secret.txt",
        "http://127.0.0.1/../secret.txt",
    ]

    def assert_refused(self, status, body, what):
        self.assertIn(status, (403, 404), f"{what!r} not refused (status {status})")
        self.assertNotIn(SECRET, body, f"{what!r} leaked the secret")
        self.assertNotIn(b"root:", body, f"{what!r} leaked /etc/passwd")

    def test_traversal_refused(self):
        for target in self.ATTACKS:
            with self.subTest(target=target):
                status, _, body = raw_request(self.port, target)
                self.assert_refused(status, body, target)

    def test_nul_byte_refused(self):
        for target in (b"/index.html\x00", b"/leak.txt\x00.png", b"/\x00/../secret.txt",
                       b"/a.wasm\x00/../../secret.txt"):
            with self.subTest(target=target):
                status, _, body = raw_request(self.port, target)
                self.assert_refused(status, body, target)

    def test_head_traversal_refused(self):
        status, _, body = raw_request(self.port, "/../secret.txt", method="HEAD")
        self.assertIn(status, (403, 404))
        self.assertNotIn(SECRET, body)

    def test_other_methods_refused(self):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO"):
            with self.subTest(method=method):
                status, _, body = raw_request(self.port, "/index.html", method=method)
                self.assertGreaterEqual(status, 400)
                self.assertNotIn(b"INDEX-PAGE", body)
        status, headers, body = self.get("/index.html", method="POST")
        self.assertEqual(status, 405)
        self.assertNotIn(b"INDEX-PAGE", body)

    def test_server_still_alive_after_attacks(self):
        self.test_traversal_refused()
        self.assertEqual(self.get("/")[0], 200)
        self.assertIsNone(self.proc.poll())

    # --- security headers ------------------------------------------------------------------
    def assert_security_headers(self, headers: dict, what: str, csp: dict = CSP) -> None:
        self.assertIn("content-security-policy", headers, f"{what}: no Content-Security-Policy")
        self.assertEqual(csp_directives(headers["content-security-policy"]), csp, what)
        self.assertEqual(headers.get("x-content-type-options"), "nosniff", what)
        self.assertEqual(headers.get("referrer-policy"), "no-referrer", what)

    def test_security_headers_on_every_response(self):
        etag = self.get("/app.js")[1]["etag"]
        cases = [
            ("/", {}, 200),
            ("/a.wasm", {}, 200),
            ("/app.0123abcd.js", {}, 200),
            ("/digits.txt", {"Range": "bytes=0-1"}, 206),
            ("/app.js", {"If-None-Match": etag}, 304),
            ("/nope.js", {}, 404),
            ("/../secret.txt", {}, 404),
            ("/digits.txt", {"Range": "bytes=50-"}, 416),
            ("/sub", {}, 301),
        ]
        for path, headers, status in cases:
            with self.subTest(path=path, status=status):
                got, response_headers, _ = self.get(path, headers=headers)
                self.assertEqual(got, status)
                self.assert_security_headers(response_headers, f"{status} {path}")
        status, response_headers, _ = self.get("/index.html", method="POST")
        self.assertEqual(status, 405)
        self.assert_security_headers(response_headers, "405")
        for request in (b"NONSENSE\r\n\r\n", b"GET / x HTTP/1.1\r\n\r\n", b"GET /\r\n\r\n"):
            with self.subTest(request=request):
                # The last is HTTP/0.9, whose answers have no headers at all: refused.
                status, response_headers, body = raw_exchange(self.port, request)
                self.assertEqual(status, 400)
                self.assert_security_headers(response_headers, "400")
                self.assertNotIn(b"INDEX-PAGE", body)
        status, response_headers, _ = raw_exchange(
            self.port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 70000 + b"\r\n\r\n")
        self.assertEqual(status, 431)
        self.assert_security_headers(response_headers, "431")

    def test_single_file_page_policy(self):
        # Its scripts, styles and icons are inline: served over HTTP it needs them allowed.
        status, headers, body = self.get("/article-viewer.html")
        self.assertEqual(status, 200)
        self.assertIn(b"SINGLE-FILE", body)
        self.assert_security_headers(headers, "article-viewer.html", CSP_SINGLE_FILE)

    def test_plain_pages_policy(self):
        # The articles for readers without JavaScript: no script at all, pictures from anywhere;
        # their folder's index too. Elsewhere the usual policy.
        for path, marker in (("/plain/a.html", b"PLAIN-PAGE"), ("/plain/", b"PLAIN-LIST")):
            with self.subTest(path=path):
                status, headers, body = self.get(path)
                self.assertEqual(status, 200)
                self.assertIn(marker, body)
                self.assert_security_headers(headers, path, CSP_PLAIN)
                self.assertEqual(headers["cache-control"], "no-cache")
        self.assert_security_headers(self.get("/sub/x.json")[1], "/sub/x.json")

    # --- ranges ----------------------------------------------------------------------------
    RANGES = [  # Range header, status, body, Content-Range
        ("bytes=0-3", 206, b"0123", "bytes 0-3/10"),
        ("bytes=7-", 206, b"789", "bytes 7-9/10"),
        ("bytes=-3", 206, b"789", "bytes 7-9/10"),
        ("bytes=-30", 206, DIGITS, "bytes 0-9/10"),
        ("bytes=5-100", 206, b"56789", "bytes 5-9/10"),
        ("bytes=9-9", 206, b"9", "bytes 9-9/10"),
        ("bytes=0-1,", 206, b"01", "bytes 0-1/10"),  # empty list elements are ignored
        ("Bytes=1-2", 206, b"12", "bytes 1-2/10"),  # the unit is case-insensitive
        ("bytes=3-99999999999999999999999999999", 206, b"3456789", "bytes 3-9/10"),
        ("bytes=10-", 416, None, "bytes */10"),
        ("bytes=10-20", 416, None, "bytes */10"),
        ("bytes=-0", 416, None, "bytes */10"),
        ("bytes=99999999999999999999999999999-", 416, None, "bytes */10"),
        # Several ranges: the whole file with 200 (no multipart/byteranges).
        ("bytes=0-1,4-5", 200, DIGITS, None),
        ("bytes=0-1,20-30", 200, DIGITS, None),
        # Malformed or another unit: ignored, the whole file.
        ("bytes=3-1", 200, DIGITS, None),
        ("bytes=abc", 200, DIGITS, None),
        ("bytes=", 200, DIGITS, None),
        ("bytes=-", 200, DIGITS, None),
        ("bytes=1-2-3", 200, DIGITS, None),
        ("items=0-1", 200, DIGITS, None),
        ("0-1", 200, DIGITS, None),
    ]

    def test_ranges(self):
        _, full, _ = self.get("/digits.txt")
        self.assertEqual(full["accept-ranges"], "bytes")
        for value, status, body, content_range in self.RANGES:
            with self.subTest(range=value):
                got, headers, data = self.get("/digits.txt", headers={"Range": value})
                self.assertEqual(got, status)
                self.assertEqual(headers.get("content-range"), content_range)
                self.assertEqual(int(headers["content-length"]), len(data))
                if body is not None:
                    self.assertEqual(data, body)
                    self.assertEqual(headers["content-type"], "text/plain; charset=utf-8")
                    self.assertEqual(headers["etag"], full["etag"])
                    self.assertEqual(headers["cache-control"], "no-cache")
                    self.assertEqual(headers["accept-ranges"], "bytes")

    def test_range_with_validators(self):
        _, full, _ = self.get("/digits.txt")
        etag, modified = full["etag"], full["last-modified"]
        cases = [  # extra headers, status, body
            ({"If-Range": etag}, 206, b"23"),
            ({"If-Range": modified}, 206, b"23"),
            ({"If-Range": '"another"'}, 200, DIGITS),
            ({"If-Range": "W/" + etag}, 200, DIGITS),  # weak tags never match If-Range
            ({"If-Range": "Thu, 01 Jan 1970 00:00:00 GMT"}, 200, DIGITS),
            ({"If-Range": "not a date"}, 200, DIGITS),
            ({"If-None-Match": etag}, 304, b""),  # the conditional comes first
            ({"If-None-Match": '"another"'}, 206, b"23"),
        ]
        for extra, status, body in cases:
            with self.subTest(headers=extra):
                got, _, data = self.get("/digits.txt", headers={"Range": "bytes=2-3", **extra})
                self.assertEqual((got, data), (status, body))

    def test_range_ignored_for_head_and_empty_files(self):
        self.assertEqual(self.get("/digits.txt", headers={"Range": "bytes=0-1"})[0], 206)
        status, headers, body = self.get("/digits.txt", method="HEAD", headers={"Range": "bytes=0-1"})
        self.assertEqual((status, body, headers["content-length"]), (200, b"", "10"))
        self.assertNotIn("content-range", headers)
        status, headers, body = self.get("/empty.txt", headers={"Range": "bytes=0-"})
        self.assertEqual((status, body, headers["content-length"]), (200, b"", "0"))

    def test_range_of_a_larger_file(self):
        status, headers, body = self.get("/a.wasm", headers={"Range": "bytes=4-"})
        self.assertEqual((status, body), (206, WASM[4:]))
        self.assertEqual(headers["content-type"], "application/wasm")
        self.assertEqual(headers["cache-control"], "no-cache")

    def test_quiet_by_default(self):
        self.get("/")
        self.get("/nope")
        self.stderr.flush()
        self.stderr.seek(0)
        self.assertEqual(self.stderr.read(), b"")


if __name__ == "__main__":
    unittest.main(verbosity=2)
