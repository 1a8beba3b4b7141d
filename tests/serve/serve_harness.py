"""What the tests of serve.py share: starting and stopping it, raw HTTP exchanges, the
Content-Security-Policy parsed (stdlib only)."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading

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
    "img-src": "'self' https: http:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
}
CSP_SINGLE_FILE = dict(CSP, **{
    "script-src": "'self' 'unsafe-inline' 'wasm-unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: https: http:",
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
