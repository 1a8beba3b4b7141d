#!/usr/bin/env python3
"""Copy and paste on the desktop: in the native window under Xvfb, a drag selects a line and a
double-click a word, and Ctrl+C puts them on the X clipboard (ImGui::SetClipboardText, which
the GLFW backend hands to glfwSetClipboardString), as another program reads it: xclip. The other
way, the find bar takes accented letters typed as X sends them (GLFW's character callback) and
Ctrl+V pastes what another program put on the clipboard (reader-visible defects issue, item 4).
The mouse and the keys are real X input (xdotool, through XTEST).

Usage: test_copy.py PATH/TO/article-viewer   (run by ctest; needs xvfb-run, xdotool and xclip)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

VIEWER = None
# Every paragraph is this text, so whichever one the click lands on is the one expected; long
# enough for several lines, with accents, typographic quotes and spaces, and a euro sign.
PARAGRAPH = ("Le déménagement du musée de Séoul coûte 2 € ; « œuvres naïves » et façades "
             "anciennes voyagent ensemble, précieusement emballées, jusqu’à Pyongyang et au-delà "
             "des montagnes enneigées.")
WORDS = set(re.findall(r"[\w’-]+", PARAGRAPH))


def article():
    return json.dumps({"format": "article/1", "id": "copie", "lang": "fr", "title": "Copier",
                       "blocks": [{"type": "paragraph", "text": PARAGRAPH} for _ in range(30)]}, ensure_ascii=False)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30, check=True).stdout.strip()


def clipboard():
    """The X clipboard's text, or None while nobody owns it."""
    result = subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True, timeout=10)
    return result.stdout.decode("utf-8") if result.returncode == 0 else None


def copy(before):
    """Presses Ctrl+C and returns the clipboard once it differs from `before` (or after 3 s)."""
    xdotool("key", "ctrl+c")
    # The viewer answers at its next frame; another program reads it through the X server.
    deadline = time.monotonic() + 3
    text = clipboard()
    while text == before and time.monotonic() < deadline:
        time.sleep(0.1)
        text = clipboard()
    time.sleep(0.6)  # past the double-click time, so the next clicks count afresh
    return text


def double_click(window, x, y):
    before = clipboard()
    xdotool("mousemove", "--window", window, str(x), str(y))
    time.sleep(0.3)
    xdotool("click", "--repeat", "2", "--delay", "60", "1")
    time.sleep(0.5)
    return copy(before)


def drag(window, x0, x1, y):
    """Presses at (x0, y), moves to (x1, y) in steps, releases: what the mouse selects."""
    before = clipboard()
    xdotool("mousemove", "--window", window, str(x0), str(y))
    time.sleep(0.3)
    xdotool("mousedown", "1")
    for i in range(1, 6):
        time.sleep(0.1)
        xdotool("mousemove", "--window", window, str(x0 + (x1 - x0) * i // 5), str(y))
    time.sleep(0.5)  # the last move drawn before the release (ImGui takes both in one frame)
    xdotool("mouseup", "1")
    time.sleep(0.5)
    return copy(before)


def inner(viewer, path):
    """Runs inside the X server: starts the viewer, copies, prints what the clipboard held."""
    # A small window: llvmpipe draws its frames faster, and ImGui counts a double-click in frames'
    # time (the clicks reach it one change per frame).
    proc = subprocess.Popen([viewer, "--size", "800x600", "--quit-after", "60", path], stdout=subprocess.DEVNULL)
    try:
        window = xdotool("search", "--sync", "--name", "Article viewer").splitlines()[0]
        time.sleep(1.0)  # the article on screen
        xdotool("windowfocus", window)
        # A whole line, dragged from left of the column to right of it.
        line = drag(window, 5, 780, 300)
        # A double-click on a word (one of these places, in case one falls between two words).
        word = None
        for x in (200, 330, 460, 590, 270, 400, 530):
            text = double_click(window, x, 330)
            if text and text.strip() and " " not in text and text != line:
                word = text
                break
        print(json.dumps({"word": word, "line": line}, ensure_ascii=False))
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def inner_typing(viewer, path, state_file):
    """Runs inside the X server: types into the find bar, pastes, lets the viewer quit and write
    its state (--quit-after prints it)."""
    with open(state_file, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([viewer, "--size", "800x600", "--quit-after", "16", path], stdout=out)
        try:
            window = xdotool("search", "--sync", "--name", "Article viewer").splitlines()[0]
            time.sleep(1.0)
            xdotool("windowfocus", window)
            # The clipboard is filled first: xclip serves it from a process of its own, which must
            # own the selection well before Ctrl+V asks for it.
            subprocess.run(["xclip", "-selection", "clipboard"], input="l’ONU".encode("utf-8"), check=True, timeout=10)
            xdotool("key", "ctrl+f")
            time.sleep(0.5)
            # xdotool types "é" and "œ" through keysyms it maps for the moment, as an X input
            # method hands over composed letters: GLFW's character callback, not a key of its own.
            xdotool("type", "--delay", "80", "musée œuvres ")
            # xdotool gave "é" and "œ" a spare keycode for the moment and took it back: the viewer
            # must have read the restored keyboard map before Ctrl+V, or on a busy machine the
            # V may arrive under the old map and be lost (seen once in a clean-clone run).
            time.sleep(1.5)
            xdotool("key", "--delay", "150", "ctrl+v")
        finally:
            proc.wait(timeout=60)


class Copy(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="av-copy-")
        self.path = os.path.join(self.tmp, "copie.json")
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(article())

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def inside_x(self, mode, *args):
        """Runs this file in `mode` inside its own X server; returns its standard output."""
        env = dict(os.environ, XDG_STATE_HOME=os.path.join(self.tmp, "state"),  # no reading positions of the user's
                   XDG_CONFIG_HOME=os.path.join(self.tmp, "config"))  # nor settings
        result = subprocess.run(["xvfb-run", "-a", sys.executable, os.path.abspath(__file__), mode, VIEWER, self.path, *args],
                                capture_output=True, text=True, timeout=180, env=env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def test_find_takes_composed_letters_and_pastes_the_x_clipboard(self):
        state_file = os.path.join(self.tmp, "state.json")
        self.inside_x("--inner-typing", state_file)
        with open(state_file, encoding="utf-8") as f:
            state = json.loads(f.read().strip().splitlines()[-1])
        self.assertEqual(state["find"]["query"], "musée œuvres l’ONU")

    def test_double_and_triple_click_then_ctrl_c_fill_the_x_clipboard(self):
        copied = json.loads(self.inside_x("--inner").strip().splitlines()[-1])
        line = copied["line"] or ""
        # One line of a paragraph, from its first character to its last, as UTF-8.
        self.assertGreater(len(line), 30, f"the drag copied {line!r}")
        self.assertIn(line.strip(), PARAGRAPH)
        self.assertRegex(line, "[éèêûœçïà€«»’]")
        self.assertIn(copied["word"], WORDS, f"a double-click copied {copied['word']!r}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--inner":
        inner(sys.argv[2], sys.argv[3])
        sys.exit(0)
    if len(sys.argv) == 5 and sys.argv[1] == "--inner-typing":
        inner_typing(sys.argv[2], sys.argv[3], sys.argv[4])
        sys.exit(0)
    for tool in ("xvfb-run", "xdotool", "xclip"):
        if not shutil.which(tool):
            sys.exit(f"test_copy.py: {tool} is missing (tests/bootstrap.sh installs it)")
    VIEWER = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
