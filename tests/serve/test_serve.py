#!/usr/bin/env python3
"""Tests for serve.py (stdlib unittest only).

Run: python3 tests/serve/test_serve.py
"""

from __future__ import annotations

import http.client
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVE = os.path.join(REPO, "serve.py")
SECRET = b"TOP-SECRET-7f3c9a1e-do-not-serve"
INDEX = b"<!doctype html><title>viewer</title>INDEX-PAGE"
WASM = b"\x00asm\x01\x00\x00\x00"
SERVING_LINE = re.compile(r"^Serving (.+) at http://([^/]+):(\d+)/$")
START_TIMEOUT = 30


def start_server(args: list[str], env: dict | None = None, cwd: str | None = None,
                 serve: str = SERVE):
    """Start serve.py with `args`; return (process, port, stderr file, stdout line).

    Raises AssertionError (after stopping the process) if no Serving line shows up.
    """
    err = tempfile.TemporaryFile()
    proc = subprocess.Popen([sys.executable, serve, *args], stdout=subprocess.PIPE,
                            stderr=err, env=env, cwd=cwd, text=True)
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
    req = method.encode() + b" " + target + b" HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(req)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for h in lines[1:]:
        k, _, v = h.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers, body


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

    def test_quiet_by_default(self):
        self.get("/")
        self.get("/nope")
        self.stderr.flush()
        self.stderr.seek(0)
        self.assertEqual(self.stderr.read(), b"")


class CommandLineTest(unittest.TestCase):
    def run_serve(self, *args, serve=SERVE, env=None, timeout=60):
        return subprocess.run([sys.executable, serve, *args], capture_output=True, text=True,
                              timeout=timeout, env=env)

    def test_help_documents_every_option(self):
        r = self.run_serve("--help")
        self.assertEqual(r.returncode, 0)
        for opt in ("--dir", "--host", "--port", "--no-build", "--verbose", "--help"):
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
