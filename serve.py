#!/usr/bin/env python3
"""Build the web version of the article viewer and serve it locally.

Usage:
    ./serve.py                  # bootstrap + build, then serve build/web/dist on 127.0.0.1:8000
    ./serve.py --no-build       # serve what is already built
    ./serve.py --dir DIR --port 0 --no-build

Python standard library only (3.11+). The server is meant for local development: it binds
127.0.0.1 by default, serves GET/HEAD only, never lists directories and refuses every path
that would leave the served folder (.., encoded separators, backslashes, NUL bytes, symlinks
pointing outside).
"""

from __future__ import annotations

import argparse
import email.utils
import http.server
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.parse

REPO = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(REPO, "build", "web", "dist")
BOOTSTRAP = os.path.join(REPO, "tests", "bootstrap.sh")

# Explicit table: the system mimetypes database differs between machines.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".wasm": "application/wasm",
    ".json": "application/json",
    ".map": "application/json",
    ".css": "text/css",
    ".webmanifest": "application/manifest+json",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".data": "application/octet-stream",
}
DEFAULT_MIME = "application/octet-stream"

NO_CACHE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
# name.<8 or more hex digits>.ext, e.g. app.3f9a0c1d.js
HASHED_NAME = re.compile(r"^.+\.[0-9a-fA-F]{8,}\.[A-Za-z0-9]+$")
# Percent-encodings that must never appear in a request path: '/', '\', NUL.
FORBIDDEN_ENCODED = re.compile(r"%(2f|5c|00)", re.IGNORECASE)


def content_type(name: str) -> str:
    return MIME_TYPES.get(os.path.splitext(name)[1].lower(), DEFAULT_MIME)


def cache_control(name: str) -> str:
    if name in ("index.html", "sw.js") or name.endswith(".webmanifest"):
        return NO_CACHE
    if HASHED_NAME.match(name):
        return IMMUTABLE
    return NO_CACHE


def resolve_request_path(root: str, raw_path: str) -> tuple[str, str, bool] | None:
    """Map a request target to a file inside `root` (an already realpath'd folder).

    Returns (real_path, name, is_directory) or None for anything that is not a plain path
    staying inside `root`. `name` is the last path component the client asked for (it decides
    caching; a symlink keeps its own name); a directory maps to its index.html. Existence of
    the file is left to the caller.
    """
    if "\x00" in raw_path or "\\" in raw_path:
        return None
    path = raw_path.split("#", 1)[0].split("?", 1)[0]
    if not path.startswith("/") or path.startswith("//"):
        return None
    if FORBIDDEN_ENCODED.search(path):
        return None
    try:
        path = urllib.parse.unquote(path, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        return None
    if "\x00" in path or "\\" in path or path.startswith("//"):
        return None
    segments = path[1:].split("/")
    if segments[-1] == "":
        segments.pop()  # trailing slash (or the root itself)
    for seg in segments:
        if seg in ("", ".", "..") or any(ord(c) < 0x20 or ord(c) == 0x7F for c in seg):
            return None
    real = os.path.realpath(os.path.join(root, *segments))
    if not _inside(root, real):
        return None
    if os.path.isdir(real):
        real = os.path.realpath(os.path.join(real, "index.html"))
        if not _inside(root, real):
            return None
        return real, "index.html", True
    return real, (segments[-1] if segments else "index.html"), False


def _inside(root: str, path: str) -> bool:
    try:
        return os.path.commonpath([root, path]) == root
    except ValueError:  # different drives on Windows, mixed abs/rel
        return False


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "ArticleViewerDevServer"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    root = ""  # realpath of the served folder, set by make_handler
    verbose = False

    # --- methods -----------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _refuse_method(self) -> None:
        self.send_response(405)
        body = b"405 Method Not Allowed\n"
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _refuse_method

    # --- serving -----------------------------------------------------------------------------
    def _not_found(self) -> None:
        self.send_error(404, "Not Found")

    def _serve(self, send_body: bool) -> None:
        resolved = resolve_request_path(self.root, self.path)
        if resolved is None or not os.path.isfile(resolved[0]):
            self._not_found()
            return
        path, name, is_dir = resolved
        target, _, query = self.path.split("#", 1)[0].partition("?")
        if is_dir and not target.endswith("/"):
            # Redirect so that relative URLs in the directory's index.html resolve correctly.
            self.send_response(301)
            self.send_header("Location", target + "/" + ("?" + query if query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        try:
            f = open(path, "rb")
        except OSError:
            self._not_found()
            return
        with f:
            st = os.fstat(f.fileno())
            etag = '"%x-%x"' % (st.st_mtime_ns, st.st_size)
            if self._not_modified(etag, st.st_mtime):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", cache_control(name))
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type(name))
            self.send_header("Content-Length", str(st.st_size))
            self.send_header("Cache-Control", cache_control(name))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if send_body:
                try:
                    shutil.copyfileobj(f, self.wfile, 1 << 16)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

    def _not_modified(self, etag: str, mtime: float) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return etag in tags or "*" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return int(mtime) <= since
        return False

    # --- logging -----------------------------------------------------------------------------
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
        if self.verbose:
            super().log_message(format, *args)


def make_handler(root: str, verbose: bool) -> type[Handler]:
    return type("BoundHandler", (Handler,), {"root": os.path.realpath(root), "verbose": verbose})


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # Client disconnects are normal; anything else only when verbose.
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        if getattr(self.RequestHandlerClass, "verbose", False):
            super().handle_error(request, client_address)


# --- build ---------------------------------------------------------------------------------------
def eprint(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


def build() -> int:
    """Bootstrap dependencies and build the web preset. Output streams to stderr."""
    if not os.path.isfile(BOOTSTRAP):
        eprint(f"serve.py: {BOOTSTRAP} not found; cannot install dependencies and build.\n"
               f"serve.py: use --no-build to serve an existing build (--dir DIR).")
        return 1
    env = dict(os.environ)
    sys.stdout.flush()
    # bootstrap.sh prints IMGUI_DIR=... as its last stdout line; pass it on to cmake.
    step = "tests/bootstrap.sh"
    eprint(f"serve.py: running {step}")
    try:
        proc = subprocess.Popen(["bash", BOOTSTRAP], cwd=REPO, stdout=subprocess.PIPE,
                                text=True, errors="replace")
    except OSError as e:
        eprint(f"serve.py: build step failed: {step}: {e}")
        return 1
    last = ""
    assert proc.stdout is not None
    for line in proc.stdout:
        sys.stderr.write(line)
        sys.stderr.flush()
        if line.strip():
            last = line.strip()
    rc = proc.wait()
    if rc != 0:
        eprint(f"serve.py: build step failed: {step} (exit code {rc})")
        return 1
    if last.startswith("IMGUI_DIR="):
        env["IMGUI_DIR"] = last[len("IMGUI_DIR="):]

    for cmd in (["cmake", "--preset", "web"], ["cmake", "--build", "--preset", "web"]):
        step = " ".join(cmd)
        eprint(f"serve.py: running {step}")
        try:
            subprocess.run(cmd, cwd=REPO, env=env, stdout=sys.stderr, check=True)
        except FileNotFoundError:
            eprint(f"serve.py: build step failed: {step}: '{cmd[0]}' not found on PATH")
            return 1
        except subprocess.CalledProcessError as e:
            eprint(f"serve.py: build step failed: {step} (exit code {e.returncode})")
            return 1
    return 0


# --- main ----------------------------------------------------------------------------------------
def port_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port out of range 0-65535: {value}")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Build the web article viewer (tests/bootstrap.sh, cmake --preset web, "
                    "cmake --build --preset web) and serve it over HTTP for local use.",
        epilog="Prints exactly one line 'Serving DIR at http://HOST:PORT/' on stdout once the "
               "socket is bound; build output goes to stderr. Ctrl+C stops the server (exit 0).",
    )
    p.add_argument("--dir", metavar="DIR", default=DEFAULT_DIR,
                   help="folder to serve; must contain index.html "
                        "(default: <repo>/build/web/dist)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default: 127.0.0.1, local only; "
                        "use 0.0.0.0 or :: to expose it on the network)")
    p.add_argument("--port", type=port_number, default=8000,
                   help="TCP port (default: 8000; 0 picks a free port)")
    p.add_argument("--no-build", action="store_true",
                   help="skip tests/bootstrap.sh and the cmake configure/build steps")
    p.add_argument("--verbose", action="store_true",
                   help="log every request to stderr (quiet by default)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.no_build:
        if build() != 0:
            return 1
    directory = os.path.abspath(args.dir)
    if not os.path.isdir(directory):
        hint = ""
        if args.dir == DEFAULT_DIR:
            hint = (" (run ./serve.py without --no-build to build it)" if args.no_build
                    else " (the build did not produce it; check the CMake 'web' preset)")
        eprint(f"serve.py: directory to serve does not exist: {directory}{hint}")
        return 1
    if not os.path.isfile(os.path.join(directory, "index.html")):
        eprint(f"serve.py: no index.html in {directory}; refusing to serve it")
        return 1

    Server.address_family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    try:
        server = Server((args.host, args.port), make_handler(directory, args.verbose))
    except OSError as e:
        eprint(f"serve.py: cannot listen on {args.host}:{args.port}: {e.strerror or e}")
        return 1

    host, port = server.server_address[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"Serving {directory} at http://{shown}:{port}/", flush=True)

    # SIGTERM behaves like Ctrl+C: clean shutdown, exit 0.
    def on_term(signum, frame):
        raise KeyboardInterrupt
    try:
        signal.signal(signal.SIGTERM, on_term)
    except (ValueError, OSError):
        pass
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # Ctrl+C during the build or before serving
        eprint("serve.py: interrupted")
        sys.exit(0)
