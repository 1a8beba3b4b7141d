#!/usr/bin/env python3
"""`article-viewer --layout` with the reader's settings (--font, --justify, --line-spacing,
--measure): justified lines flush with the column and last lines ragged on the seed at 320 px and
on the corpus's Chinese and Japanese articles (widened between characters), and no line wider
than the column on the whole corpus for every font, width and justification, nor on its running
text sent to the rich path by an emoji (tests/bench/rich_paragraphs.py), for both line breakers.

Usage: test_justify.py PATH/TO/article-viewer SHARED_DIR FONTS_DIR   (run by ctest)
"""
import concurrent.futures
import glob
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest

VIEWER = None
SHARED = None
FONTS = None  # the build's fonts folder
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED = os.path.join(REPO, "assets", "articles", "russie-munitions-nord-coreennes.json")
def layout(*args):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env["AV_FONTS_DIR"] = FONTS
    result = subprocess.run([VIEWER, "--layout", *args], capture_output=True, text=True, env=env, timeout=300)
    return result


def report(*args):
    result = layout(*args)
    if result.returncode != 0:
        raise AssertionError(f"{args}: {result.stderr}")
    return json.loads(result.stdout)


class Justify(unittest.TestCase):
    def test_seed_at_320_full_lines_flush_last_lines_ragged(self):
        r = report(SEED, "--width", "320", "--justify", "--line-widths")
        self.assertEqual(r["overflow_lines"], 0)
        column = r["column_width"]
        lines = r["line_widths"]
        justified = [l for l in lines if l["justified"]]
        self.assertGreater(len(justified), 50)
        # A paragraph's full lines fill the column; an indented block's (list items, quotes) end
        # at one right edge, within the column.
        edges = {}
        paragraph_lines = 0
        for l in justified:
            if abs(l["x"] - r["column_x"]) <= 0.5:
                paragraph_lines += 1
                self.assertAlmostEqual(l["width"], column, delta=0.5, msg=l)
            edges.setdefault(l["block"], []).append(l["x"] + l["width"])
        self.assertGreater(paragraph_lines, 50)
        for block, right in edges.items():
            self.assertLessEqual(max(right) - min(right), 0.5, block)
            self.assertLessEqual(max(right), r["column_x"] + column + 0.5, block)
        # The last line of each paragraph: the line before another block's first line, or the
        # document's last; it is never justified, and narrower than the column.
        last = [l for i, l in enumerate(lines) if i + 1 == len(lines) or lines[i + 1]["block"] != l["block"]]
        paragraphs = {l["block"] for l in justified}
        body = [l for l in last if l["block"] in paragraphs]
        self.assertGreater(len(body), 10)
        for l in body:
            self.assertFalse(l["justified"], l)
            self.assertLess(l["width"], column - 0.5, l)
        ws = r["word_space"]
        self.assertEqual(ws["lines"] + ws["unjustifiable_lines"], len(justified))
        self.assertGreaterEqual(ws["max"], ws["p99"])
        self.assertGreaterEqual(ws["p99"], ws["p50"])
        self.assertGreater(ws["p50"], 1.0)
        # The seed is French, and Debian's French dictionary is there (tests/bootstrap.sh).
        self.assertEqual(r["hyphenation"], ["fr"])
        # Ragged: no line is justified, no space widened.
        ragged = report(SEED, "--width", "320", "--line-widths")
        self.assertFalse(any(l["justified"] for l in ragged["line_widths"]))
        self.assertNotIn("word_space", ragged)

    def test_chinese_and_japanese_full_lines_flush_by_their_gaps(self):
        # The corpus's Chinese (pixnet, zh-TW) and Japanese (yahoo-4) articles go through the text
        # engine: their full lines end flush by widening the gaps between characters.
        for name in ("pixnet.json", "yahoo-4.json"):
            path = os.path.join(SHARED, "corpus", name)
            for width in (320, 480, 720):
                with self.subTest(article=name, width=width):
                    r = report(path, "--width", str(width), "--justify", "--line-widths")
                    self.assertEqual(r["overflow_lines"], 0)
                    lines = r["line_widths"]
                    justified = [l for l in lines if l["justified"]]
                    widened = [l for l in justified if l["char_gap"] > 0]
                    gaps = r["word_space"]["char_gap"]
                    self.assertEqual(gaps["lines"], len(widened))
                    self.assertGreater(len(widened), 0)
                    if width == 320:
                        self.assertGreater(len(widened), 50)
                    # Every full line ends flush (each has CJK gaps to widen): a paragraph's at the
                    # column's edge, an indented block's at one right edge within the column.
                    self.assertEqual(r["word_space"]["unjustifiable_lines"], 0)
                    self.assertEqual(len(widened) + r["word_space"]["lines"], len(justified))
                    edge = r["column_x"] + r["column_width"]
                    edges = {}
                    for l in justified:
                        right = l["x"] + l["width"]
                        self.assertLessEqual(right, edge + 0.01, l)
                        if abs(l["x"] - r["column_x"]) <= 0.01:
                            self.assertAlmostEqual(right, edge, delta=0.01, msg=l)
                        edges.setdefault(l["block"], []).append(right)
                    for block, right in edges.items():
                        self.assertLessEqual(max(right) - min(right), 0.01, block)
                    # A paragraph's last line is ragged.
                    last = [l for i, l in enumerate(lines) if i + 1 == len(lines) or lines[i + 1]["block"] != l["block"]]
                    for l in last:
                        self.assertFalse(l["justified"], l)
                        self.assertEqual(l["char_gap"], 0, l)
                    # Most gaps gain a small part of an em (0.01 to 0.03 em at the median, measured).
                    self.assertLess(gaps["p50"], 0.1)
                    self.assertGreaterEqual(gaps["max"], gaps["p50"])
                    self.assertGreater(gaps["p50"], 0)
                    # Ragged: nothing widened.
                    ragged = report(path, "--width", str(width), "--line-widths")
                    self.assertFalse(any(l["justified"] or l["char_gap"] for l in ragged["line_widths"]))

    def test_settings_change_the_layout(self):
        base = report(SEED, "--width", "1280")
        narrow = report(SEED, "--width", "1280", "--measure", "45")
        wide = report(SEED, "--width", "1280", "--measure", "90")
        self.assertLess(narrow["column_width"], base["column_width"])
        self.assertGreater(wide["column_width"], base["column_width"])
        self.assertAlmostEqual(wide["column_width"] / narrow["column_width"], 2.0, delta=0.05)
        loose = report(SEED, "--width", "1280", "--line-spacing", "2")
        self.assertGreater(loose["height"], base["height"] * 1.2)
        self.assertEqual(loose["line_spacing"], 2)
        for font in ("sans", "legible"):
            other = report(SEED, "--width", "1280", "--font", font)
            self.assertEqual(other["font"], font)
            self.assertNotEqual(other["digest"], base["digest"])
            self.assertEqual(other["missing_glyphs"], 0)

    def test_bad_settings_are_usage_errors(self):
        for args in (["--font", "comic"], ["--measure", "30"], ["--measure", "70.5"], ["--line-spacing", "9"],
                     ["--line-spacing", "x"], ["--breaking", "best"]):
            with self.subTest(args=args):
                self.assertEqual(layout(SEED, "--width", "800", *args).returncode, 2)

    def test_no_overflow_on_the_corpus_for_any_setting(self):
        files = sorted(glob.glob(os.path.join(SHARED, "corpus", "*.json"))) + [SEED]
        self.assertGreater(len(files), 1)
        jobs = [(path, font, width, justify) for path in files for font in ("serif", "sans", "legible")
                for width in (320, 720, 1280) for justify in (False, True)]

        def run(job):
            path, font, width, justify = job
            args = [path, "--width", str(width), "--font", font] + (["--justify"] if justify else [])
            return job, report(*args)

        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for (path, font, width, justify), r in pool.map(run, jobs):
                with self.subTest(article=os.path.basename(path), font=font, width=width, justify=justify):
                    self.assertEqual(r["overflow_lines"], 0)
                    self.assertGreater(r["lines"], 0)


    def test_no_overflow_on_the_corpus_with_emoji_on_the_rich_path(self):
        # The benchmark's own way of sending running text to the rich path: an emoji at the end of
        # each paragraph, quote, list item and callout paragraph.
        spec = importlib.util.spec_from_file_location("rich_paragraphs", os.path.join(REPO, "tests", "bench", "rich_paragraphs.py"))
        bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bench)
        files = sorted(glob.glob(os.path.join(SHARED, "corpus", "*.json"))) + [SEED]
        with tempfile.TemporaryDirectory() as folder:
            emoji_files = []
            for path in files:
                with open(path, encoding="utf-8") as f:
                    article = json.load(f)
                blocks = [bench.emoji_block(b) for b in article["blocks"]]
                name = os.path.basename(path)
                bench.write_article(folder, name, article, blocks)
                emoji_files.append(os.path.join(folder, name))
            jobs = [(path, font, width, breaking) for path in emoji_files for font in ("serif", "sans", "legible")
                    for width in (320, 720) for breaking in ("total", "greedy")]

            def run(job):
                path, font, width, breaking = job
                return job, report(path, "--width", str(width), "--font", font, "--justify", "--breaking", breaking, "--dump")

            digests = {}
            visual = 0
            with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
                for (path, font, width, breaking), r in pool.map(run, jobs):
                    with self.subTest(article=os.path.basename(path), font=font, width=width, breaking=breaking):
                        self.assertEqual(r["overflow_lines"], 0)
                        self.assertGreater(r["lines"], 0)
                    visual += r["dump"].count(" visual")
                    digests.setdefault((path, font, width), {})[breaking] = r["digest"]
            self.assertGreater(visual, 1000)  # the running text did go through the engine
            # --breaking reaches the rich path: the breakers disagree somewhere in most articles.
            differ = sum(d["total"] != d["greedy"] for d in digests.values())
            self.assertGreater(differ, len(digests) // 2)


if __name__ == "__main__":
    VIEWER = os.path.abspath(sys.argv.pop(1))
    SHARED = sys.argv.pop(1)
    FONTS = sys.argv.pop(1)
    sys.exit(0 if unittest.main(verbosity=2, exit=False).result.wasSuccessful() else 1)
