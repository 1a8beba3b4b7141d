#!/usr/bin/env python3
"""The reader's settings on the desktop (reader settings issue): kept in
$XDG_CONFIG_HOME/article-viewer/settings.json, written when the reader changes one (a real key press
under Xvfb, xdotool) and read back at the next start, before the first frame; a broken file is
ignored with a warning on stderr, and the viewer runs with the defaults.

Usage: test_settings.py PATH/TO/article-viewer   (run by ctest; needs xvfb-run and xdotool)
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
import xrun  # noqa: E402  (the --inner runner under Xvfb, shared with test_highlights.py)

VIEWER = None
DEFAULTS = {"theme": "auto", "fontSize": 20, "font": "serif", "measure": 70, "lineSpacing": 1.5, "justify": False,
            "speechRate": 1, "voice": "", "readSponsored": False}


def press_keys(window):
    """Ctrl+= twice, Ctrl+- once, Ctrl+= again: the text size goes from 20 to 24."""
    for key in ("ctrl+equal", "ctrl+equal", "ctrl+minus", "ctrl+equal"):
        xrun.xdotool("key", "--delay", "150", key)
        time.sleep(0.3)


# 20 s before the viewer quits: with 8 s, a run on a machine loaded by builds (load average 10)
# failed once, the likeliest cause being key presses that arrived after the deadline.
QUIT_AFTER = 20


class Settings(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="av-settings-")
        self.config = os.path.join(self.tmp, "config")
        self.file = os.path.join(self.config, "article-viewer", "settings.json")
        self.env = dict(os.environ, XDG_STATE_HOME=os.path.join(self.tmp, "state"), XDG_CONFIG_HOME=self.config)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def store(self, text):
        os.makedirs(os.path.dirname(self.file), exist_ok=True)
        with open(self.file, "w", encoding="utf-8") as f:
            f.write(text)

    def screenshot(self):
        """One frame of the seed; returns (state, stderr)."""
        out = os.path.join(self.tmp, "shot.png")
        result = subprocess.run(["xvfb-run", "-a", VIEWER, "--screenshot", out, "--size", "900x700"],
                                capture_output=True, text=True, timeout=120, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr

    def assert_applied(self, state, settings):
        self.assertEqual(state["settings"], settings)
        self.assertEqual(state["fontSize"], settings["fontSize"])
        self.assertEqual(state["fontFamily"], settings["font"])
        for field in ("measure", "lineSpacing", "justify", "fontSize"):
            self.assertEqual(state["layout"][field], settings[field], field)
        if settings["theme"] != "auto":
            self.assertEqual(state["theme"].lower(), settings["theme"])

    def test_no_file_the_defaults_and_none_written(self):
        state, stderr = self.screenshot()
        self.assert_applied(state, DEFAULTS)
        self.assertEqual(state["theme"], "Light", "auto is light on the desktop")
        self.assertNotIn("settings", stderr)
        self.assertFalse(os.path.exists(self.file), "nothing changed, nothing written")

    def test_a_key_press_is_written_and_read_back_at_the_next_start(self):
        state = xrun.run(__file__, VIEWER, self.tmp, self.env)
        self.assertEqual(state["fontSize"], 24)
        with open(self.file, encoding="utf-8") as f:
            stored = json.load(f)
        self.assertEqual(stored, {"version": 1, **DEFAULTS, "fontSize": 24})
        # The whole file, written by rename: no temporary file left beside it.
        self.assertEqual(os.listdir(os.path.dirname(self.file)), ["settings.json"])
        again, _ = self.screenshot()
        self.assert_applied(again, {**DEFAULTS, "fontSize": 24})

    def test_every_setting_read_from_the_file_before_the_first_frame(self):
        settings = {"theme": "dark", "fontSize": 26, "font": "legible", "measure": 50, "lineSpacing": 2, "justify": True,
                    "speechRate": 1.5, "voice": "Thomas", "readSponsored": True}
        self.store(json.dumps({"version": 1, **settings}))
        state, stderr = self.screenshot()
        self.assert_applied(state, settings)
        self.assertEqual(state["settingsWarnings"], [])
        self.assertNotIn("warning: settings", stderr)
        # No speech engine on the desktop: the reading-aloud settings are kept, but there is no Listen.
        self.assertFalse(state["canListen"])
        self.assertNotIn("Listen", state["toolbar"].get("buttons", {}))
        self.assertNotIn("Listen", state["toolbar"]["menu"])
        settings = {**settings, "theme": "sepia", "font": "sans", "lineSpacing": 1.3, "justify": False}
        self.store(json.dumps({"version": 1, **settings}))
        state, _ = self.screenshot()
        self.assert_applied(state, settings)

    def test_a_broken_file_is_ignored_with_a_warning(self):
        for text, settings, warnings in [
            ("{broken", DEFAULTS, ["settings: the stored value is not a JSON object; the defaults are used"]),
            ("", DEFAULTS, ["settings: the stored value is not a JSON object; the defaults are used"]),
            ('{"version":3,"theme":"dark"}', DEFAULTS, ["settings: version 3 is not one this viewer reads (1); the defaults are used"]),
            ('{"version":1,"theme":"sepia","fontSize":"big"}', {**DEFAULTS, "theme": "sepia"},
             ['settings: fontSize must be a number from 12 to 40; stored "big", using 20']),
        ]:
            self.store(text)
            state, stderr = self.screenshot()
            self.assertTrue(state["ready"], text)
            self.assertIsNone(state["error"], text)
            self.assert_applied(state, settings)
            self.assertEqual(state["settingsWarnings"], warnings, text)
            for w in warnings:
                self.assertIn("article-viewer: warning: " + w + "\n", stderr)
            with open(self.file, encoding="utf-8") as f:
                self.assertEqual(f.read(), text, "the broken file is left as it was")


if __name__ == "__main__":
    VIEWER = xrun.main(press_keys, QUIT_AFTER)
    unittest.main(verbosity=2)
