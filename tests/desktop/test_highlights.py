#!/usr/bin/env python3
"""Highlights on the desktop (issue 19): a paragraph selected with the mouse (a triple click under
Xvfb, xdotool) and highlighted with H is stored in the reader's data directory,
$XDG_DATA_HOME/article-viewer/highlights/<article id>.json (not the state directory, where
positions are), and is shown again at the next start: listed in the state and drawn in its tint.

Usage: test_highlights.py PATH/TO/article-viewer   (run by ctest; needs xvfb-run and xdotool)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xrun  # noqa: E402  (the --inner runner under Xvfb, shared with test_settings.py)
from test_render import read_png  # noqa: E402  (the viewer's own PNGs: 8-bit RGB, filter 0)

VIEWER = None
YELLOW = (255, 240, 150)  # the light theme's yellow tint (wasm/ui/highlight_colors.cpp)


def highlight_a_paragraph(window):
    """A triple click on a paragraph, then H."""
    xrun.xdotool("mousemove", "--window", window, "300", "470")
    xrun.xdotool("click", "--repeat", "3", "--delay", "80", "1")
    time.sleep(0.5)
    xrun.xdotool("key", "--delay", "150", "h")
    time.sleep(0.5)


class Highlights(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="av-highlights-")
        self.data = os.path.join(self.tmp, "data")
        self.state_dir = os.path.join(self.tmp, "state")
        self.env = dict(os.environ, XDG_STATE_HOME=self.state_dir, XDG_CONFIG_HOME=os.path.join(self.tmp, "config"),
                        XDG_DATA_HOME=self.data)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_a_highlight_is_stored_in_the_data_directory_and_shown_after_a_restart(self):
        state = xrun.run(__file__, VIEWER, self.tmp, self.env)
        self.assertEqual(state["highlights"]["count"], 1, state["highlights"])
        self.assertTrue(state["highlights"]["saved"])
        folder = os.path.join(self.data, "article-viewer", "highlights")
        files = os.listdir(folder)
        self.assertEqual(files, [state["articleId"] + ".json"])
        with open(os.path.join(folder, files[0]), encoding="utf-8") as f:
            record = json.load(f)
        self.assertEqual(record["article"], state["articleId"])
        self.assertEqual(len(record["items"]), 1)
        quote = record["items"][0]["quote"]
        self.assertGreater(len(quote), 20, "a triple click selects a whole paragraph")
        # Nothing of it in the state directory (positions only), which may be thrown away.
        for root, _, names in os.walk(self.state_dir):
            for name in names:
                self.assertNotIn("highlight", os.path.join(root, name))

        # The next start: read back before the first frame, and drawn (the position brings the
        # paragraph back on screen) in the yellow tint.
        out = os.path.join(self.tmp, "shot.png")
        result = subprocess.run(["xvfb-run", "-a", VIEWER, "--screenshot", out, "--size", "800x600"],
                                capture_output=True, text=True, timeout=120, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        again = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertEqual(again["highlights"]["count"], 1)
        rects = list(again["highlights"]["rects"].values())
        self.assertEqual(len(rects), 1, again["highlights"])
        width, height, rows = read_png(out)
        tinted = total = 0
        for x, y, w, h in rects[0]:
            for py in range(int(y) + 2, min(int(y + h) - 1, height)):
                row = rows[py]
                for px in range(int(x) + 2, min(int(x + w) - 1, width)):
                    total += 1
                    if all(abs(row[px * 3 + c] - YELLOW[c]) <= 4 for c in range(3)):
                        tinted += 1
        self.assertGreater(total, 0)
        self.assertGreater(tinted / total, 0.3, f"{tinted} of {total} pixels in the tint")


if __name__ == "__main__":
    VIEWER = xrun.main(highlight_a_paragraph, quit_after=8)
    unittest.main()
