#!/usr/bin/env python3
"""Tests for serve.py (stdlib unittest only).

Run: python3 tests/serve/test_serve.py
"""

from __future__ import annotations

import errno
import http.client
import os
import queue
import re
import resource
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVE = os.path.join(REPO, "serve.py")
SECRET = b"TOP-SECRET-7f3c9a1e-do-not-serve"
INDEX = b"<!doctype html><title>viewer</title>INDEX-PAGE"
WASM = b"\x00asm\x01\x00\x00\x00"
DIGITS = b"0123456789"
SERVING_LINE = re.compile(r"^Serving (.+) at http://([^/]+):(\d+)/$")
START_TIMEOUT = 30


def start_server(args: list[str], env: dict | None = None, cwd: str | None = None,
                 serve: str = SERVE, preexec_fn=None):
    """Start serve.py with `args`; return (process, port, stderr file, stdout line).

    Raises AssertionError (after stopping the process) if no Serving line shows up.
    """
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, serve, *args], stdout=subprocess.PIPE,
                            stderr=err, env=env, cwd=cwd, text=True, preexec_fn=preexec_fn)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: lines.put(proc.stdout.readline()), daemon=True).start()
    try:
        line = lines.get(timeout=START_TIMEOUT)
    except queue.Empty:
        line = ""
    m = SERVING_LINE.match(line.rstrip("\n"))
    if not m:
        stop_server(proc)
        err.seek(0)
        output = err.read().decode(errors="replace")
        err.close()
        raise AssertionError(f"no Serving line, got {line!r}; stderr:\n{output}")
    return proc, int(m.group(3)), err, line


def stop_server(proc: subprocess.Popen) -> int | None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stdout:
        proc.stdout.close()
    return proc.returncode


def raw_request(port: int, target: str | bytes, method: str = "GET") -> tuple[int, dict, bytes]:
    """Send a request line exactly as given (no client-side normalisation)."""
    if isinstance(target, str):
        target = target.encode("latin-1")
    return raw_exchange(port, method.encode() + b" " + target +
                        b" HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")


def raw_exchange(port: int, request: bytes, timeout: float = 10) -> tuple[int, dict, bytes]:
    """Send `request` as it is; read the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    return parse_response(data)


def parse_response(data: bytes) -> tuple[int, dict, bytes]:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for h in lines[1:]:
        k, _, v = h.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers, body


# The Content-Security-Policy serve.py sends (README, "Security headers"), as directive -> sources.
CSP = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "connect-src": "'self' https: http:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
}
CSP_SINGLE_FILE = dict(CSP, **{
    "script-src": "'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
})

# The plain pages (dist/plain/): no script, no connection, the articles' pictures from anywhere.
CSP_PLAIN = {
    "default-src": "'self'",
    "script-src": "'none'",
    "img-src": "'self' https: http:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
}


def csp_directives(policy: str) -> dict:
    directives = {}
    for part in policy.split(";"):
        name, _, sources = part.strip().partition(" ")
        if name:
            assert name not in directives, f"{name} twice in {policy!r}"
            directives[name] = sources.strip()
    return directives


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


def fetch_all_at_once(port: int, count: int, give_up_after: float) -> tuple[list, float]:
    """Opens `count` connections at once and sends a GET on each as soon as it connects.

    Returns (each client's whole answer, or the reason it has none; seconds until the last
    answer). One thread and a selector: the clients really are simultaneous.
    """
    request = b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    sel = selectors.DefaultSelector()
    answers: dict[socket.socket, bytearray] = {}
    results = []
    start = time.monotonic()
    for _ in range(count):
        sock = socket.socket()
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        answers[sock] = bytearray()
        sel.register(sock, selectors.EVENT_WRITE)

    def done(sock, result):
        results.append(result)
        del answers[sock]
        sel.unregister(sock)
        sock.close()

    while answers and time.monotonic() - start < give_up_after:
        for key, events in sel.select(timeout=0.5):
            sock = key.fileobj
            if events & selectors.EVENT_WRITE:
                error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if error:
                    done(sock, f"connect: {os.strerror(error)}")
                    continue
                sock.send(request)
                sel.modify(sock, selectors.EVENT_READ)
                continue
            try:
                chunk = sock.recv(65536)
            except OSError as e:
                done(sock, f"recv: {e}")
                continue
            if chunk:
                answers[sock] += chunk
            else:
                done(sock, bytes(answers[sock]))
    elapsed = time.monotonic() - start
    for sock in list(answers):
        done(sock, "no answer")
    sel.close()
    return results, elapsed


class SlowClients:
    """`count` slowloris clients: each sends a request line, then one header line a second,
    never the end of its headers; a client the server drops connects again at once.

    They connect one after the other, as an attacker would, each waiting up to 0.1 s for its
    connection: a server that accepts while it can is filled up.
    """

    FIRST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"

    def __init__(self, port: int, count: int):
        self.port = port
        self.reconnects = 0
        self.sending: set[int] = set()  # the clients that have sent their request line
        self.socks = [self.connect(i) for i in range(count)]
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def connect(self, i: int) -> socket.socket:
        sock = socket.socket()
        sock.settimeout(0.1)
        try:
            sock.connect(("127.0.0.1", self.port))
            sock.send(self.FIRST)
            self.sending.add(i)
        except OSError:
            pass  # not connected yet: the kernel goes on trying, and run() sends once it has
        sock.setblocking(False)
        return sock

    def run(self) -> None:
        while not self.stopping.wait(1.0):
            for i, sock in enumerate(self.socks):
                try:
                    try:
                        if sock.recv(4096) == b"":
                            raise ConnectionResetError
                    except (BlockingIOError, InterruptedError):
                        pass
                    sock.send(b"X-Slow: 1\r\n" if i in self.sending else self.FIRST)
                    self.sending.add(i)
                except (BlockingIOError, InterruptedError):
                    pass  # still connecting
                except OSError as e:
                    if e.errno == errno.ENOTCONN:
                        continue  # still connecting
                    sock.close()
                    self.sending.discard(i)
                    self.socks[i] = self.connect(i)
                    self.reconnects += 1

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join()
        for sock in self.socks:
            sock.close()


def lower_fd_limit(limit: int):
    def lower() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
    return lower


class LoadTest(unittest.TestCase):
    """Many, slow and idle clients (README, "serve.py under load"). Figures go to stderr."""

    def serve(self, *args: str, preexec_fn=None) -> int:
        root = tempfile.mkdtemp(prefix="serve-load-")
        self.addCleanup(shutil.rmtree, root, True)
        with open(os.path.join(root, "index.html"), "wb") as f:
            f.write(INDEX)
        self.proc, port, self.stderr, _ = start_server(
            ["--no-build", "--dir", root, "--port", "0", *args], preexec_fn=preexec_fn)
        self.addCleanup(self.stderr.close)
        self.addCleanup(stop_server, self.proc)
        return port

    def assert_server_healthy(self) -> None:
        self.assertIsNone(self.proc.poll(), "serve.py exited")
        self.stderr.seek(0)
        self.assertNotIn(b"Traceback", self.stderr.read())

    def test_thousand_simultaneous_clients(self):
        count = 1000
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        needed = count + 100
        if soft != resource.RLIM_INFINITY and soft < needed:
            if hard != resource.RLIM_INFINITY and hard < needed:
                self.skipTest(f"needs {needed} file descriptors, the hard limit is {hard}")
            resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))
            self.addCleanup(resource.setrlimit, resource.RLIMIT_NOFILE, (soft, hard))
        port = self.serve()
        # A bound far above what is measured (README): the listen backlog of 5 there was left
        # most clients hanging for a minute.
        results, elapsed = fetch_all_at_once(port, count, give_up_after=30)
        failed = [r if isinstance(r, str) else (r[:40] or "closed without an answer") for r in results
                  if isinstance(r, str) or not r or parse_response(r)[::2] != (200, INDEX)]
        print(f"\n{count} simultaneous clients: {count - len(failed)} served, in {elapsed:.2f} s",
              file=sys.stderr)
        self.assertEqual(len(results), count)
        self.assertEqual(failed[:5], [], f"{len(failed)} of {count} clients not served")
        self.assert_server_healthy()

    def test_slowloris_beyond_fd_limit(self):
        # More slow clients than the server has file descriptors, reconnecting when dropped: a
        # normal client is still answered within a second.
        port = self.serve(preexec_fn=lower_fd_limit(256))
        slow = SlowClients(port, 320)
        try:
            # Every slow client connected and sending (some wait in the backlog, where the kernel
            # has completed their connection), and at least once dropped at the cap.
            for _ in range(100):
                if len(slow.sending) == 320 and slow.reconnects:
                    break
                time.sleep(0.1)
            time.sleep(1)
            times = []
            for _ in range(5):
                start = time.monotonic()
                status, _, body = raw_request(port, "/index.html")
                times.append(time.monotonic() - start)
                self.assertEqual((status, body), (200, INDEX))
                time.sleep(0.5)
        finally:
            slow.stop()
        print(f"\nnormal client beside 320 slowloris clients (fd limit 256): "
              f"{', '.join(f'{t * 1000:.0f}' for t in times)} ms; {slow.reconnects} reconnects",
              file=sys.stderr)
        self.assertLess(max(times), 1.0)
        self.assertGreater(slow.reconnects, 0, "the slow clients were never dropped")
        self.assert_server_healthy()

    def test_header_deadline_is_total(self):
        # A line every 0.3 s keeps any per-line timeout from firing; the whole header block is
        # due within 1.5 s.
        port = self.serve("--header-timeout", "1.5")
        with socket.create_connection(("127.0.0.1", port), timeout=0.3) as sock:
            sock.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            start = time.monotonic()
            answer, closed_after = b"", None
            while time.monotonic() - start < 6:
                try:
                    sock.sendall(b"X-Slow: 1\r\n")
                    chunk = sock.recv(4096)
                except socket.timeout:
                    continue
                except OSError:
                    closed_after = time.monotonic() - start
                    break
                if not chunk:
                    closed_after = time.monotonic() - start
                    break
                answer += chunk
        self.assertIsNotNone(closed_after, "a client trickling header lines was never cut")
        self.assertGreater(closed_after, 1.2)
        self.assertLess(closed_after, 4)
        status, headers, _ = parse_response(answer)
        self.assertEqual(status, 408)
        self.assertEqual(csp_directives(headers["content-security-policy"]), CSP)
        self.assertEqual(headers["x-content-type-options"], "nosniff")

        # A connection that never sends anything is closed by the same deadline, silently.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            start = time.monotonic()
            self.assertEqual(sock.recv(4096), b"")
            self.assertLess(time.monotonic() - start, 4)

        # Headers trickled in but complete within the deadline are answered.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            for line in (b"GET /index.html HTTP/1.0\r\n", b"Host: 127.0.0.1\r\n", b"X-A: 1\r\n", b"\r\n"):
                sock.sendall(line)
                time.sleep(0.2)
            answer = b""
            while chunk := sock.recv(4096):
                answer += chunk
        self.assertEqual(parse_response(answer)[::2], (200, INDEX))
        self.assert_server_healthy()

    def test_keep_alive_idle_timeout(self):
        port = self.serve("--idle-timeout", "1")
        request = b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
            # Kept alive: two requests in one write (pipelined), then a third after a pause
            # shorter than the idle timeout, all on this connection.
            sock.sendall(request * 2)
            answer = b""
            while answer.count(INDEX) < 2:
                chunk = sock.recv(65536)
                self.assertTrue(chunk, "closed before answering both pipelined requests")
                answer += chunk
            self.assertEqual(answer.count(b"HTTP/1.1 200 OK"), 2)
            time.sleep(0.5)
            sock.sendall(request)
            answer = b""
            while INDEX not in answer:
                chunk = sock.recv(65536)
                self.assertTrue(chunk, "closed before the idle timeout")
                answer += chunk
            # Then idle: closed after about a second.
            start = time.monotonic()
            try:
                rest = sock.recv(65536)
            except socket.timeout:
                self.fail("an idle kept-alive connection stayed open 5 s")
            idle = time.monotonic() - start
        print(f"\nidle kept-alive connection closed after {idle:.2f} s (--idle-timeout 1)", file=sys.stderr)
        self.assertEqual(rest, b"")
        self.assertGreater(idle, 0.8)
        self.assertLess(idle, 3)
        self.assert_server_healthy()


class CommandLineTest(unittest.TestCase):
    def run_serve(self, *args, serve=SERVE, env=None, timeout=60):
        return subprocess.run([sys.executable, serve, *args], capture_output=True, text=True,
                              timeout=timeout, env=env)

    def test_help_documents_every_option(self):
        r = self.run_serve("--help")
        self.assertEqual(r.returncode, 0)
        for opt in ("--dir", "--host", "--port", "--no-build", "--verbose", "--header-timeout",
                    "--idle-timeout", "--help"):
            self.assertIn(opt, r.stdout)

    def test_missing_dir(self):
        with tempfile.TemporaryDirectory() as tmp:
            missing = os.path.join(tmp, "does-not-exist")
            r = self.run_serve("--no-build", "--dir", missing, "--port", "0")
            self.assertNotEqual(r.returncode, 0)
            self.assertIn(missing, r.stderr)
            self.assertIn("does not exist", r.stderr)
            self.assertEqual(r.stdout, "")

    def test_dir_without_index(self):
        with tempfile.TemporaryDirectory() as tmp:
            r = self.run_serve("--no-build", "--dir", tmp, "--port", "0")
            self.assertEqual(r.returncode, 1)
            self.assertIn("index.html", r.stderr)

    def test_bad_port(self):
        r = self.run_serve("--no-build", "--port", "70000")
        self.assertNotEqual(r.returncode, 0)

    def test_port_in_use(self):
        with tempfile.TemporaryDirectory() as tmp, socket.socket() as s:
            open(os.path.join(tmp, "index.html"), "w").close()
            s.bind(("127.0.0.1", 0))
            s.listen()
            r = self.run_serve("--no-build", "--dir", tmp, "--port", str(s.getsockname()[1]))
            self.assertEqual(r.returncode, 1)
            self.assertIn("cannot listen", r.stderr)

    def test_ctrl_c_exits_zero(self):
        with tempfile.TemporaryDirectory() as tmp:
            open(os.path.join(tmp, "index.html"), "w").close()
            proc, port, err, _ = start_server(["--no-build", "--dir", tmp, "--port", "0"])
            try:
                self.assertEqual(raw_request(port, "/")[0], 200)
                proc.send_signal(signal.SIGINT)
                self.assertEqual(proc.wait(timeout=10), 0)
                err.seek(0)
                self.assertNotIn(b"Traceback", err.read())
            finally:
                stop_server(proc)
                err.close()

    def test_verbose_logs_requests(self):
        with tempfile.TemporaryDirectory() as tmp:
            open(os.path.join(tmp, "index.html"), "w").close()
            proc, port, err, _ = start_server(
                ["--no-build", "--verbose", "--dir", tmp, "--port", "0"])
            try:
                raw_request(port, "/index.html?verbose-marker")
            finally:
                stop_server(proc)
            err.seek(0)
            self.assertIn(b"verbose-marker", err.read())
            err.close()


class BuildStepTest(unittest.TestCase):
    """Runs a copy of serve.py in a fake repo with a fake bootstrap.sh and cmake."""

    def setUp(self):
        self.repo = os.path.realpath(tempfile.mkdtemp(prefix="serve-fake-repo-"))
        self.addCleanup(shutil.rmtree, self.repo, True)
        self.serve = os.path.join(self.repo, "serve.py")
        shutil.copy(SERVE, self.serve)
        self.bin = os.path.join(self.repo, "fakebin")
        os.makedirs(self.bin)
        self.log = os.path.join(self.repo, "calls.log")
        self.env = dict(os.environ, PATH=self.bin + os.pathsep + os.environ.get("PATH", ""),
                        FAKE_LOG=self.log, FAKE_REPO=self.repo)
        self.env.pop("IMGUI_DIR", None)

    def write_script(self, path, text):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o755)

    def fake_cmake(self, fail_on_build=False):
        self.write_script(os.path.join(self.bin, "cmake"), f"""#!/bin/sh
# Must run in the (fake) repo root; never touch anything else.
[ "$(pwd -P)" = "$FAKE_REPO" ] || {{ echo "fake cmake: wrong cwd $(pwd -P)" >&2; exit 99; }}
echo "cmake $* IMGUI_DIR=$IMGUI_DIR" >> "$FAKE_LOG"
echo "fake cmake output"
if [ "$1" = "--build" ]; then
  {"exit 7" if fail_on_build else ""}
  mkdir -p build/web/dist && echo BUILT > build/web/dist/index.html
fi
""")

    def bootstrap(self, rc=0):
        self.write_script(os.path.join(self.repo, "tests", "bootstrap.sh"), f"""#!/usr/bin/env bash
echo "bootstrap ran" >> "$FAKE_LOG"
echo "installing things" >&2
echo "IMGUI_DIR=/fake/imgui"
exit {rc}
""")

    def run_serve(self, *args):
        return subprocess.run([sys.executable, self.serve, *args], capture_output=True,
                              text=True, timeout=60, env=self.env, cwd=self.repo)

    def calls(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as f:
            return f.read().splitlines()

    def test_missing_bootstrap(self):
        self.fake_cmake()
        r = self.run_serve("--port", "0")
        self.assertEqual(r.returncode, 1)
        self.assertIn("bootstrap.sh", r.stderr)
        self.assertIn("not found", r.stderr)
        self.assertEqual(self.calls(), [])

    def test_bootstrap_failure(self):
        self.fake_cmake()
        self.bootstrap(rc=3)
        r = self.run_serve("--port", "0")
        self.assertEqual(r.returncode, 1)
        self.assertIn("build step failed: tests/bootstrap.sh", r.stderr)
        self.assertEqual(self.calls(), ["bootstrap ran"])

    def test_cmake_build_failure(self):
        self.fake_cmake(fail_on_build=True)
        self.bootstrap()
        r = self.run_serve("--port", "0")
        self.assertEqual(r.returncode, 1)
        self.assertIn("build step failed: cmake --build --preset web", r.stderr)
        self.assertEqual(r.stdout, "")

    def test_build_then_serve(self):
        self.fake_cmake()
        self.bootstrap()
        proc, port, err, line = start_server(["--port", "0"], env=self.env, cwd="/",
                                             serve=self.serve)
        try:
            dist = os.path.join(self.repo, "build", "web", "dist")
            self.assertEqual(line, f"Serving {dist} at http://127.0.0.1:{port}/\n")
            status, _, body = raw_request(port, "/")
            self.assertEqual((status, body), (200, b"BUILT\n"))
        finally:
            self.assertEqual(stop_server(proc), 0)
        err.seek(0)
        output = err.read().decode()
        err.close()
        self.assertIn("fake cmake output", output)  # build output streamed to stderr
        self.assertIn("installing things", output)
        self.assertEqual(self.calls(), [
            "bootstrap ran",
            "cmake --preset web IMGUI_DIR=/fake/imgui",
            "cmake --build --preset web IMGUI_DIR=/fake/imgui",
        ])

    def test_no_build_skips_everything(self):
        self.fake_cmake()
        self.bootstrap()
        r = self.run_serve("--no-build", "--port", "0")
        self.assertEqual(r.returncode, 1)  # nothing built, so no dist folder
        self.assertIn("does not exist", r.stderr)
        self.assertEqual(self.calls(), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
