#!/usr/bin/env python3
"""Build the web version of the article viewer and serve it locally.

Usage:
    ./serve.py                  # bootstrap + build, then serve build/web/dist on 127.0.0.1:8000
    ./serve.py --no-build       # serve what is already built
    ./serve.py --dir DIR --port 0 --no-build

Python standard library only (3.11+). The server is meant for local development and tests: it
binds 127.0.0.1 by default, serves GET/HEAD only, never lists directories and refuses every path
that would leave the served folder (.., encoded separators, backslashes, NUL bytes, symlinks
pointing outside). A production host serves dist/ as it is (README, "Hosting").

Under load (README, "serve.py under load"): one selector thread accepts connections and reads
request headers, each against a total deadline; only a complete request reaches the bounded pool
of worker threads. Connections are capped below the file-descriptor limit; at the cap, idle and
slow connections make room for new ones, else new ones wait in the listen backlog.
"""

from __future__ import annotations

import argparse
import collections
import email.utils
import errno
import http.server
import io
import os
import queue
import re
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.parse

try:
    import resource  # POSIX only
except ImportError:  # pragma: no cover (Windows)
    resource = None

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

# --- security headers (README, "Security headers", says why each value) -------------------------
# Every response carries them, errors and 304s included. The page's own scripts and styles are
# files of its origin; the wasm is compiled by WebAssembly.compileStreaming ('wasm-unsafe-eval');
# articles and their pictures are fetch()ed from anywhere (the canvas decodes a picture from the
# fetched bytes), and a print loads the same pictures as <img>s of the accessible copy (img-src:
# the same hosts as connect-src, so nothing new is reachable).
_CSP_COMMON = (
    "connect-src 'self' https: http:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
)
CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "img-src 'self' https: http:",
) + _CSP_COMMON)
# The single-file page carries its scripts and styles inline and its icons as data: URLs (it is
# made for file://, where no header applies; served over HTTP it gets this).
SINGLE_FILE_PAGE = "article-viewer.html"
CSP_SINGLE_FILE = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https: http:",
) + _CSP_COMMON)
# The plain pages (dist/plain/: the articles for readers without JavaScript) run no script at all,
# connect nowhere, and show the articles' pictures as <img>, which may be on any site (the viewer
# fetches the same pictures under connect-src). Their stylesheet is a file of the folder.
PLAIN_DIR = "plain"
CSP_PLAIN = "; ".join((
    "default-src 'self'",
    "script-src 'none'",
    "img-src 'self' https: http:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
))
SECURITY_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
)

# --- limits (README, "serve.py under load") ------------------------------------------------------
LISTEN_BACKLOG = 1024           # connections the kernel holds while none is accepted
DEFAULT_HEADER_TIMEOUT = 10.0   # s: a request's whole header block, from the connection (or its first byte)
DEFAULT_IDLE_TIMEOUT = 5.0      # s: a kept-alive connection waiting for its next request
MAX_CONNECTIONS = 1024          # open client connections, lowered to fit the fd limit
WORKERS = 16                    # threads that answer complete requests
FD_RESERVE = WORKERS + 32       # descriptors kept for the pool's open files, stdio, the selector...
MIN_CONNECTIONS = 16            # below this the fd limit is too low to serve a browser
MAX_HEADER_BYTES = 64 * 1024    # request line and headers together
PRESSURE_GRACE = 0.25           # s: at the cap, a connection idle or still sending its headers this long gives way
ACCEPT_RETRY = 0.1              # s: at the cap with nothing to give way (or out of fds), next look at the backlog
ACCEPT_BATCH = 64               # accepts per turn of the loop, so reading keeps its share
LINGER = 1.0                    # s: after a last response, what the client still sends is read and dropped
SEND_TIMEOUT = 20.0             # s: a response's headers, plus the body's share below
MIN_SEND_RATE = 32 * 1024       # bytes/s a client must at least read a body at
CHUNK = 64 * 1024
# The number of digits past which a range position is larger than any file (int() of a huge
# string would also hit Python's digit limit).
MAX_POSITION_DIGITS = 18
RANGE_SPEC = re.compile(r"^(\d*)-(\d*)$")


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


def content_security_policy(name: str, relative: str = "") -> str:
    """The policy for the file the client named `name`, at `relative` ('/'-separated) in the folder."""
    if name == SINGLE_FILE_PAGE:
        return CSP_SINGLE_FILE
    if relative.startswith(PLAIN_DIR + "/"):
        return CSP_PLAIN
    return CSP


def byte_range(header: str, size: int) -> tuple[int, int] | str | None:
    """Reads a Range header against a file of `size` bytes.

    Returns (first, last) for one satisfiable range, "unsatisfiable" (416), or None when the
    header is to be ignored and the whole file sent with 200: another unit, a malformed header,
    several ranges (served whole rather than as multipart/byteranges), or an empty file.
    """
    unit, sep, specs = header.partition("=")
    if not sep or unit.strip().lower() != "bytes" or size == 0:
        return None
    parts = [p.strip() for p in specs.split(",") if p.strip()]
    if len(parts) != 1:
        return None
    m = RANGE_SPEC.match(parts[0])
    if not m or m.group(0) == "-":
        return None
    first_text, last_text = m.groups()

    def number(text: str) -> int:
        return int(text) if len(text) <= MAX_POSITION_DIGITS else 1 << 64

    if not first_text:  # suffix: the last N bytes
        suffix = number(last_text)
        if suffix == 0:
            return "unsatisfiable"
        return max(0, size - suffix), size - 1
    first = number(first_text)
    last = number(last_text) if last_text else size - 1
    if last_text and last < first:
        return None  # an invalid range-spec makes the header invalid
    if first >= size:
        return "unsatisfiable"
    return first, min(last, size - 1)


class DeadlineWriter:
    """The handler's wfile: writes to the socket, all of a response within its deadline.

    A client that stops reading would otherwise hold a worker thread for as long as it likes.
    """

    def __init__(self, sock: socket.socket, seconds: float):
        self.sock = sock
        self.deadline = time.monotonic() + seconds

    def allow(self, nbytes: int) -> None:
        self.deadline += nbytes / MIN_SEND_RATE

    def write(self, data: bytes) -> int:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("response deadline passed")
        self.sock.settimeout(remaining)
        self.sock.sendall(data)  # the timeout bounds the whole call (Python 3.5+)
        return len(data)

    def flush(self) -> None:
        pass


class Handler(http.server.BaseHTTPRequestHandler):
    """Answers one request whose header block the server has already read.

    The server reads the headers (Server below); a handler is made per request with them and
    writes its response straight to the socket.
    """

    server_version = "ArticleViewerDevServer"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    root = ""  # realpath of the served folder, set by make_handler
    verbose = False
    # HTTP/0.9 answers have no status line and no headers (so none of ours): a request line
    # without a version is refused (parse_request), and every answer, even to a malformed
    # request line, is an HTTP/1.x one.
    default_request_version = "HTTP/1.0"

    def __init__(self, sock: socket.socket, client_address, server, head: bytes):
        # Not BaseRequestHandler's constructor: no buffered socket files, one request only.
        self.request = self.connection = sock
        self.client_address = client_address
        self.server = server
        self.rfile = io.BytesIO(head)
        self.wfile = DeadlineWriter(sock, SEND_TIMEOUT)
        self.close_connection = True
        self.csp = CSP
        self.handle_one_request()
        headers = getattr(self, "headers", None)
        if headers is not None and (headers.get("Transfer-Encoding") or
                                    headers.get("Content-Length", "0").strip() not in ("", "0")):
            self.close_connection = True  # a body we never read must not be taken for a request

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if len(self.requestline.split()) < 3:
            self.send_error(400, "A request line needs an HTTP version")
            return False
        return True

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.csp)
        for key, value in SECURITY_HEADERS:
            self.send_header(key, value)
        super().end_headers()

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
            size = st.st_size
            etag = '"%x-%x"' % (st.st_mtime_ns, size)
            last_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
            self.csp = content_security_policy(name, os.path.relpath(path, self.root).replace(os.sep, "/"))
            if self._not_modified(etag, st.st_mtime):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Cache-Control", cache_control(name))
                self.end_headers()
                return
            # Range applies to GET only (RFC 9110, 14.2), after the conditional headers.
            wanted = None
            if send_body and "Range" in self.headers and self._if_range(etag, last_modified):
                wanted = byte_range(self.headers["Range"], size)
            if wanted == "unsatisfiable":
                self._send_text(416, "416 Range Not Satisfiable\n",
                                [("Content-Range", f"bytes */{size}"), ("Accept-Ranges", "bytes")])
                return
            first, last = wanted if wanted else (0, size - 1)
            count = last - first + 1
            if wanted:
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
            else:
                self.send_response(200)
            self.send_header("Content-Type", content_type(name))
            self.send_header("Content-Length", str(count))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("Cache-Control", cache_control(name))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            self.end_headers()
            if send_body:
                self._send_file(f, first, count)

    def _send_file(self, f, first: int, count: int) -> None:
        self.wfile.allow(count)
        f.seek(first)
        try:
            while count > 0:
                chunk = f.read(min(CHUNK, count))
                if not chunk:  # the file shrank under us: the client's length is now wrong
                    self.close_connection = True
                    return
                self.wfile.write(chunk)
                count -= len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send_text(self, status: int, text: str, headers: list[tuple[str, str]]) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_modified(self, etag: str, mtime: float) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return etag in tags or "W/" + etag in tags or "*" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims:
            try:
                since = email.utils.parsedate_to_datetime(ims).timestamp()
            except (TypeError, ValueError, IndexError, OverflowError):
                return False
            return int(mtime) <= since
        return False

    def _if_range(self, etag: str, last_modified: str) -> bool:
        """True when Range is to be honoured: no If-Range, or one naming this very file.

        An entity tag is compared strongly (a weak one never matches); a date must be the
        file's Last-Modified exactly.
        """
        condition = self.headers.get("If-Range")
        if condition is None:
            return True
        condition = condition.strip()
        if condition.startswith(('"', "W/")):
            return condition == etag
        try:
            asked = email.utils.parsedate_to_datetime(condition)
            return asked == email.utils.parsedate_to_datetime(last_modified)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    # --- logging -----------------------------------------------------------------------------
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (stdlib signature)
        if self.verbose:
            super().log_message(format, *args)


def make_handler(root: str, verbose: bool) -> type[Handler]:
    return type("BoundHandler", (Handler,), {"root": os.path.realpath(root), "verbose": verbose})


# --- connections ---------------------------------------------------------------------------------
READING, IDLE, BUSY, CLOSING = "reading", "idle", "busy", "closing"


class Connection:
    """A client socket and what the selector thread knows of it."""

    __slots__ = ("sock", "address", "buffer", "state", "since", "deadline", "head_end")

    def __init__(self, sock: socket.socket, address, now: float, header_timeout: float):
        self.sock = sock
        self.address = address
        self.buffer = bytearray()
        self.head_end = 0  # once known, the length of the first request's header block
        self.state = READING
        self.since = now
        self.deadline = now + header_timeout


def header_block_end(buffer: bytearray, start: int = 0) -> int:
    """The length of the header block at the start of `buffer` (up to its empty line), or 0."""
    start = max(0, start - 3)
    ends = [i + n for sep, n in ((b"\n\r\n", 3), (b"\n\n", 2)) if (i := buffer.find(sep, start)) >= 0]
    return min(ends) if ends else 0


def reply_bytes(status: int, reason: str) -> bytes:
    """A whole small response, for what the selector thread answers itself (408, 431)."""
    body = f"{status} {reason}\n".encode()
    lines = [f"HTTP/1.1 {status} {reason}", "Content-Type: text/plain; charset=utf-8",
             f"Content-Length: {len(body)}", "Connection: close", f"Content-Security-Policy: {CSP}"]
    lines += [f"{key}: {value}" for key, value in SECURITY_HEADERS]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def connection_limit(max_connections: int = MAX_CONNECTIONS) -> int:
    """The cap on open client connections: `max_connections`, lowered to fit the fd limit.

    The soft fd limit is first raised as far as the cap needs, if the hard limit allows (it is
    often 1024 while the hard limit is far higher).
    """
    if resource is None:
        return max_connections
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = max_connections + FD_RESERVE
    if soft != resource.RLIM_INFINITY and soft < wanted:
        raised = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
            soft = raised
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return max_connections
    return min(max_connections, soft - FD_RESERVE)


class LimitError(Exception):
    """The process's limits leave too little room to serve."""


class Server:
    """A static file server that slow or numerous clients cannot lock up.

    The thread that calls serve_forever() owns every connection: it accepts, reads header
    blocks with a selector against their deadlines, and hands each complete request to one of
    WORKERS threads, which answers it and gives the connection back (kept alive or to close).
    """

    def __init__(self, address: tuple[str, int], handler: type[Handler], *,
                 header_timeout: float = DEFAULT_HEADER_TIMEOUT,
                 idle_timeout: float = DEFAULT_IDLE_TIMEOUT):
        self.handler = handler
        self.header_timeout = header_timeout
        self.idle_timeout = idle_timeout
        self.cap = connection_limit()
        if self.cap < MIN_CONNECTIONS:
            raise LimitError(f"the file-descriptor limit leaves room for {max(self.cap, 0)} "
                             f"connections; raise it (ulimit -n) to at least {MIN_CONNECTIONS + FD_RESERVE}")
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        # "::" takes IPv4 too, as the system's default for IPv6 sockets did before (create_server
        # would make it IPv6 only).
        dualstack = address[0] == "::" and socket.has_dualstack_ipv6()
        self.listener = socket.create_server(address, family=family, backlog=LISTEN_BACKLOG,
                                             dualstack_ipv6=dualstack)
        self.listener.setblocking(False)
        self.server_address = self.listener.getsockname()
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.listener, selectors.EVENT_READ, "listen")
        self.accepting = True
        self.accept_again_at = 0.0
        self.paused_with = 0  # connections open when accepting paused
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.wake_w.setblocking(False)
        self.selector.register(self.wake_r, selectors.EVENT_READ, "wake")
        self.connections: set[Connection] = set()
        self.next_expiry = 0.0
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.returned: collections.deque = collections.deque()
        self.workers = [threading.Thread(target=self._work, name=f"serve-worker-{i}", daemon=True)
                        for i in range(WORKERS)]
        for worker in self.workers:
            worker.start()

    # --- the selector thread ---------------------------------------------------------------------
    def serve_forever(self) -> None:
        while True:
            now = time.monotonic()
            wake_at = self.next_expiry if self.accepting else min(self.next_expiry, self.accept_again_at)
            for key, _ in self.selector.select(min(max(0.0, wake_at - now), 1.0)):
                now = time.monotonic()
                if key.data == "listen":
                    self._accept(now)
                elif key.data == "wake":
                    self._take_back(now)
                else:
                    self._read(key.data, now)
            now = time.monotonic()
            if now >= self.next_expiry:
                self._expire(now)
            # Back to the backlog after a pause, or as soon as a connection has closed since.
            if not self.accepting and (now >= self.accept_again_at or len(self.connections) < self.paused_with):
                self.selector.register(self.listener, selectors.EVENT_READ, "listen")
                self.accepting = True

    def _accept(self, now: float) -> None:
        for _ in range(ACCEPT_BATCH):
            if len(self.connections) >= self.cap and not self._make_room(now):
                self._pause_accepting(now)
                return
            try:
                sock, address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as e:
                if e.errno in (errno.ECONNABORTED, errno.EPROTO):
                    continue  # the client left before we took it
                # Out of descriptors or memory (EMFILE, ENFILE, ENOBUFS, ENOMEM): make room, and
                # let the backlog wait a moment rather than spin on it.
                self._make_room(now)
                self._pause_accepting(now)
                return
            sock.setblocking(False)
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
            conn = Connection(sock, address, now, self.header_timeout)
            self.connections.add(conn)
            self.selector.register(sock, selectors.EVENT_READ, conn)
            self.next_expiry = min(self.next_expiry, conn.deadline)

    def _pause_accepting(self, now: float) -> None:
        if self.accepting:
            self.selector.unregister(self.listener)
            self.accepting = False
        self.accept_again_at = now + ACCEPT_RETRY
        self.paused_with = len(self.connections)

    def _make_room(self, now: float) -> bool:
        """At the cap: closes every connection that is idle or still sending its headers after
        PRESSURE_GRACE. A normal client sends its request at once; a slowloris never finishes."""
        stale = [c for c in self.connections
                 if c.state != BUSY and now - c.since >= PRESSURE_GRACE]
        for conn in stale:
            self._close(conn)
        return bool(stale)

    def _read(self, conn: Connection, now: float) -> None:
        try:
            data = conn.sock.recv(CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self._close(conn)
            return
        if not data:
            self._close(conn)
            return
        if conn.state == CLOSING:
            return  # dropped: see _finish
        if conn.state == IDLE:  # the next request on a kept-alive connection starts
            conn.state = READING
            conn.since = now
            conn.deadline = now + self.header_timeout
            self.next_expiry = min(self.next_expiry, conn.deadline)
        scanned = len(conn.buffer)
        conn.buffer += data
        conn.head_end = header_block_end(conn.buffer, scanned)
        if conn.head_end:
            self.selector.unregister(conn.sock)
            self._dispatch(conn)
        elif len(conn.buffer) > MAX_HEADER_BYTES:
            self._reply_and_close(conn, 431, "Request Header Fields Too Large", now)

    def _dispatch(self, conn: Connection) -> None:
        conn.state = BUSY
        self.jobs.put(conn)

    def _expire(self, now: float) -> None:
        next_expiry = now + 1.0
        for conn in list(self.connections):
            if conn.state == BUSY:
                continue
            if now >= conn.deadline:
                if conn.state == CLOSING:
                    self._close(conn)
                elif conn.state == READING and conn.buffer:
                    self._reply_and_close(conn, 408, "Request Timeout", now)
                else:
                    self._close(conn)  # nothing asked: nothing to answer
            else:
                next_expiry = min(next_expiry, conn.deadline)
        self.next_expiry = next_expiry

    def _take_back(self, now: float) -> None:
        try:
            while self.wake_r.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        while self.returned:
            conn, keep = self.returned.popleft()
            if not keep:
                self._finish(conn, now)
                continue
            # What followed the last request (pipelining) may already be the next one.
            conn.sock.setblocking(False)
            conn.head_end = header_block_end(conn.buffer)
            if conn.head_end:
                self._dispatch(conn)
                continue
            if len(conn.buffer) > MAX_HEADER_BYTES:
                self._reply_and_close(conn, 431, "Request Header Fields Too Large", now)
                continue
            conn.state = READING if conn.buffer else IDLE
            conn.since = now
            conn.deadline = now + (self.header_timeout if conn.buffer else self.idle_timeout)
            self.next_expiry = min(self.next_expiry, conn.deadline)
            self.selector.register(conn.sock, selectors.EVENT_READ, conn)

    def _reply_and_close(self, conn: Connection, status: int, reason: str, now: float) -> None:
        try:
            conn.sock.send(reply_bytes(status, reason))  # best effort: the socket never blocks here
        except OSError:
            pass
        self._finish(conn, now)

    def _finish(self, conn: Connection, now: float) -> None:
        """Closes after a last response, gracefully: closing a socket with unread bytes (the rest
        of a request, a body we refused) sends a reset, which can destroy the response before the
        client reads it. So our side is shut, and what comes in is dropped until the client closes
        or LINGER passes."""
        try:
            conn.sock.setblocking(False)
            conn.sock.shutdown(socket.SHUT_WR)
        except OSError:
            self._close(conn)
            return
        registered = conn.state != BUSY
        conn.state = CLOSING
        conn.buffer = bytearray()
        conn.since = float("-inf")  # the first to give way at the cap
        conn.deadline = now + LINGER
        self.next_expiry = min(self.next_expiry, conn.deadline)
        if not registered:
            self.selector.register(conn.sock, selectors.EVENT_READ, conn)

    def _close(self, conn: Connection) -> None:
        if conn.state != BUSY:
            try:
                self.selector.unregister(conn.sock)
            except (KeyError, ValueError):
                pass
        self.connections.discard(conn)
        try:
            conn.sock.close()
        except OSError:
            pass

    # --- the worker threads ----------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            conn = self.jobs.get()
            if conn is None:
                return
            keep = False
            try:
                head = bytes(conn.buffer[:conn.head_end])
                del conn.buffer[:conn.head_end]
                keep = not self.handler(conn.sock, conn.address, self, head).close_connection
            except Exception:
                self.handle_error(conn.sock, conn.address)
            self.returned.append((conn, keep))
            try:
                self.wake_w.send(b"\0")
            except (BlockingIOError, InterruptedError):
                pass  # the pipe is full: the selector thread is being woken already
            except OSError:
                return  # closed: the server is shutting down

    def handle_error(self, request, client_address) -> None:
        # Client disconnects are normal; anything else only when verbose.
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, TimeoutError)):
            return
        if getattr(self.handler, "verbose", False):
            eprint(f"serve.py: error while answering {client_address}:")
            traceback.print_exc()

    def server_close(self) -> None:
        for _ in self.workers:
            self.jobs.put(None)
        for conn in list(self.connections):
            self._close(conn)
        for sock in (self.listener, self.wake_r, self.wake_w):
            sock.close()
        self.selector.close()


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


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"out of range (0, 3600] seconds: {value:g}")
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
    p.add_argument("--header-timeout", type=seconds, default=DEFAULT_HEADER_TIMEOUT, metavar="S",
                   help="seconds a client has to send a request's whole header block, from the "
                        f"connection or the request's first byte (default: {DEFAULT_HEADER_TIMEOUT:g})")
    p.add_argument("--idle-timeout", type=seconds, default=DEFAULT_IDLE_TIMEOUT, metavar="S",
                   help="seconds a kept-alive connection may wait for its next request "
                        f"(default: {DEFAULT_IDLE_TIMEOUT:g})")
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

    try:
        server = Server((args.host, args.port), make_handler(directory, args.verbose),
                        header_timeout=args.header_timeout, idle_timeout=args.idle_timeout)
    except LimitError as e:
        eprint(f"serve.py: {e}")
        return 1
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
