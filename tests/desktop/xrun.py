"""Real X input for the desktop tests (test_settings.py, test_highlights.py): the test runs its own
file again inside a fresh Xvfb (`xvfb-run`) with --inner, and there the viewer is started, its
window found and focused, the test's input sent through xdotool (XTEST, as a reader's keyboard and
mouse would), and the state the viewer prints as it quits (--quit-after) kept in a file that the
test then reads.

In a test file:
    state = xrun.run(__file__, VIEWER, folder, env)      # in a test: the state after the input
    VIEWER = xrun.main(act, quit_after)                  # in __main__: act(window) is the input
"""
import json
import os
import shutil
import subprocess
import sys
import time


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30, check=True).stdout.strip()


def inner(viewer, state_file, quit_after, act):
    """Inside the X server: starts the viewer on the seed (800x600), waits for its window, focuses
    it, calls act(window), and lets the viewer quit after `quit_after` seconds and print its state."""
    with open(state_file, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([viewer, "--size", "800x600", "--quit-after", str(quit_after)], stdout=out)
        try:
            window = xdotool("search", "--sync", "--name", "Article viewer").splitlines()[0]
            time.sleep(1.5)  # the first frames: input sent sooner can arrive before the window takes it
            xdotool("windowfocus", window)
            act(window)
        finally:
            proc.wait(timeout=60)


def run(test_file, viewer, folder, env):
    """Runs `test_file` --inner under xvfb-run with `env`; returns the viewer's last state. A run
    that fails, or a viewer that printed no state, fails the test with what it said."""
    state_file = os.path.join(folder, "state.json")
    result = subprocess.run(["xvfb-run", "-a", sys.executable, os.path.abspath(test_file), "--inner", viewer, state_file],
                            capture_output=True, text=True, timeout=180, env=env)
    if result.returncode != 0:
        raise AssertionError(f"xvfb-run {os.path.basename(test_file)} --inner exited with {result.returncode}: {result.stderr}")
    with open(state_file, encoding="utf-8") as f:
        lines = f.read().strip().splitlines()
    if not lines:
        raise AssertionError(f"the viewer printed no state: {result.stderr}")
    return json.loads(lines[-1])


def main(act, quit_after):
    """A desktop test's __main__: with --inner VIEWER STATE_FILE, drives the viewer with act (inside
    the X server) and exits; otherwise checks the tools and returns the viewer's path, taken from
    the command line (the rest is unittest's)."""
    if len(sys.argv) == 4 and sys.argv[1] == "--inner":
        inner(sys.argv[2], sys.argv[3], quit_after, act)
        sys.exit(0)
    name = os.path.basename(sys.argv[0])
    for tool in ("xvfb-run", "xdotool"):
        if not shutil.which(tool):
            sys.exit(f"{name}: {tool} is missing (tests/bootstrap.sh installs it)")
    if len(sys.argv) < 2:
        sys.exit(f"usage: {name} PATH/TO/article-viewer")
    return os.path.abspath(sys.argv.pop(1))
