#!/usr/bin/env python3
"""Tests for serve.py's command line and its build step (bootstrap, cmake), with fakes.

Run: python3 -m unittest discover -s tests/serve (every serve test), or this file alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import unittest

from serve_harness import SERVE, start_server, stop_server, raw_request


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
