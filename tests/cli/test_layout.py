#!/usr/bin/env python3
"""`article-viewer --layout`: the JSON report, with no display, for every bundled and corpus
article at phone to desktop widths and the smallest to largest text size: no line may be wider
than the column.

Usage: test_layout.py PATH/TO/article-viewer [SHARED_DIR]   (run by ctest)
"""
import glob
import json
import os
import subprocess
import sys
import unittest

VIEWER = None
SHARED = None
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def layout(*args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    return subprocess.run([VIEWER, "--layout", *args], capture_output=True, text=True, env=env, timeout=120)


def articles():
    files = [f for f in glob.glob(os.path.join(REPO, "assets", "articles", "*.json")) if not f.endswith("index.json")]
    # The bundled articles, the shared corpus (real pages, Chinese and Japanese among them) and an
    # article per script (tests/scripts/).
    return (sorted(files) + sorted(glob.glob(os.path.join(SHARED, "corpus", "*.json"))) +
            sorted(glob.glob(os.path.join(REPO, "tests", "scripts", "*.json"))))


class Layout(unittest.TestCase):
    def test_report_fields(self):
        seed = os.path.join(REPO, "assets", "articles", "russie-munitions-nord-coreennes.json")
        result = layout(seed, "--width", "1280")
        self.assertEqual(result.returncode, 0, result.stderr)
        report = json.loads(result.stdout)
        for key in ["blocks", "lines", "height", "overflow_lines", "missing_glyphs", "column_width", "reading_minutes"]:
            self.assertIn(key, report)
        self.assertEqual(report["blocks"], 32)
        self.assertEqual(report["missing_glyphs"], 0)  # French with accents, quotes, dashes: all drawable
        self.assertLessEqual(report["column_width"], 800)  # about 70 characters, not the whole screen
        self.assertEqual(report["font_size"], 20)
        bigger = json.loads(layout(seed, "--width", "1280", "--font-size", "40").stdout)
        self.assertGreater(bigger["height"], report["height"] * 1.5)

    def test_no_line_wider_than_the_column_and_no_glyph_missing(self):
        files = articles()
        self.assertGreater(len(files), 1)
        for path in files:
            for width, size in [(320, 20), (390, 40), (768, 12), (1280, 20), (1920, 28)]:
                with self.subTest(article=os.path.basename(path), width=width, size=size):
                    result = layout(path, "--width", str(width), "--font-size", str(size))
                    self.assertEqual(result.returncode, 0, result.stderr)
                    report = json.loads(result.stdout)
                    self.assertEqual(report["overflow_lines"], 0)
                    self.assertGreater(report["lines"], 0)
                    self.assertEqual(report["missing_glyphs"], 0, report["missing_examples"])

    def test_usage_and_errors(self):
        self.assertEqual(layout().returncode, 2)
        self.assertEqual(layout("x.json").returncode, 2)  # no width
        self.assertEqual(layout("x.json", "--width", "abc").returncode, 2)
        self.assertEqual(layout("x.json", "--width", "10").returncode, 2)
        missing = layout("/nonexistent/x.json", "--width", "800")
        self.assertEqual(missing.returncode, 1)
        self.assertIn("/nonexistent/x.json: No such file or directory", missing.stderr)


if __name__ == "__main__":
    VIEWER = os.path.abspath(sys.argv.pop(1))
    SHARED = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared")
    unittest.main(verbosity=2)
