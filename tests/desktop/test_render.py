#!/usr/bin/env python3
"""Desktop build in a real window under Xvfb: the seed article is drawn (not a blank frame), its
French text reaches the pixels (read back by OCR), and a broken file shows an error screen.

Usage: test_render.py PATH/TO/article-viewer   (run by ctest; needs xvfb-run and tesseract)
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

VIEWER = None
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_png(path):
    """Decodes the 8-bit RGB, filter-0 PNGs the viewer writes. Returns (width, height, rows)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 3 + 1
    rows = [raw[y * stride + 1:(y + 1) * stride] for y in range(height)]
    assert all(raw[y * stride] == 0 for y in range(height)), "unexpected PNG filter"
    return width, height, rows


def ink_share(rows):
    """Share of pixels clearly darker than the white page: text and shapes."""
    dark = total = 0
    for row in rows:
        for i in range(0, len(row), 3):
            total += 1
            if row[i] + row[i + 1] + row[i + 2] < 3 * 140:
                dark += 1
    return dark / max(total, 1)


def solid_png(path, width, height, rgb):
    """Writes a solid-colour RGB PNG."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def colour_share(rows, rgb):
    near = total = 0
    for row in rows:
        for i in range(0, len(row), 3):
            total += 1
            if all(abs(row[i + k] - rgb[k]) < 40 for k in range(3)):
                near += 1
    return near / max(total, 1)


def render(args, out):
    return subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", VIEWER, "--screenshot", out] + args,
                          capture_output=True, text=True, timeout=120)


class DesktopRender(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="av-desktop-")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_seed_is_drawn_and_readable(self):
        out = os.path.join(self.tmp, "seed.png")
        result = render(["--size", "1100x1400"], out)
        self.assertEqual(result.returncode, 0, result.stderr)
        state = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertTrue(state["ready"])
        self.assertEqual(state["articleId"], "russie-munitions-nord-coreennes")
        width, height, rows = read_png(out)
        self.assertEqual((width, height), (1100, 1400))
        self.assertGreater(ink_share(rows), 0.01, "the frame looks blank")
        if shutil.which("tesseract"):
            ocr = subprocess.run(["tesseract", out, "-", "-l", "fra"], capture_output=True, text=True, timeout=120).stdout
            for words in ["Russie", "livraison de munitions", "Corée du Nord", "Sponsorisé"]:
                self.assertIn(words, ocr, f"OCR did not find {words!r} in:\n{ocr}")

    def test_pictures_next_to_the_article_are_drawn(self):
        os.makedirs(os.path.join(self.tmp, "img"))
        solid_png(os.path.join(self.tmp, "img", "red.png"), 40, 20, (220, 20, 20))
        article = os.path.join(self.tmp, "pictures.json")
        with open(article, "w", encoding="utf-8") as f:
            json.dump({"format": "article/1", "id": "pictures", "title": "Images", "blocks": [
                {"type": "image", "src": "img/red.png", "alt": "Rouge", "width": 400, "height": 200},
                {"type": "image", "src": "https://example.invalid/x.png", "alt": "Distante", "width": 400, "height": 100},
            ]}, f)
        out = os.path.join(self.tmp, "pictures.png")
        result = render(["--size", "1000x800", article], out)
        self.assertEqual(result.returncode, 0, result.stderr)
        state = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertEqual(state["images"], {"total": 2, "requested": 2, "loaded": 1, "failed": 1})
        _, _, rows = read_png(out)
        # 400x200 red in a 1000x800 window: 10 %.
        self.assertAlmostEqual(colour_share(rows, (220, 20, 20)), 0.10, delta=0.02)

    def test_pictures_outside_the_article_folder_are_never_read(self):
        # The desktop drew any picture on disk ("../../../../usr/share/icons/...", "/usr/share/..."):
        # sources resolve inside the article's folder, as a page's stay inside its site.
        outside = os.path.join(self.tmp, "outside", "green.png")
        os.makedirs(os.path.dirname(outside))
        solid_png(outside, 40, 20, (20, 200, 20))
        folder = os.path.join(self.tmp, "article")
        os.makedirs(folder)
        climb = "../" * (folder.count("/") + 2) + outside.lstrip("/")  # past the root, back down
        article = os.path.join(folder, "escape.json")
        with open(article, "w", encoding="utf-8") as f:
            json.dump({"format": "article/1", "id": "escape", "title": "Images", "blocks": [
                {"type": "image", "src": "../outside/green.png", "alt": "Up", "width": 400, "height": 100},
                {"type": "image", "src": climb, "alt": "Root", "width": 400, "height": 100},
                {"type": "image", "src": outside, "alt": "Absolute", "width": 400, "height": 100},
            ]}, f)
        out = os.path.join(self.tmp, "escape.png")
        result = render(["--size", "1000x800", article], out)
        self.assertEqual(result.returncode, 0, result.stderr)
        state = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertEqual(state["images"], {"total": 3, "requested": 3, "loaded": 0, "failed": 3})
        _, _, rows = read_png(out)
        self.assertLess(colour_share(rows, (20, 200, 20)), 0.001, "a picture from outside the folder was drawn")
        # Each was looked for inside the folder, and the path says so.
        for inside in ["outside/green.png", outside.lstrip("/")]:
            self.assertIn(f"picture {os.path.join(folder, inside)}:", result.stderr)

    def test_idle_window_draws_no_frames(self):
        # Three seconds with no input: only the first few frames (loading, article, settling).
        result = subprocess.run(["xvfb-run", "-a", VIEWER, "--quit-after", "3"], capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        state = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertTrue(state["ready"])
        self.assertLessEqual(state["frames"], 8, "the window kept drawing while idle")

    def test_reading_position_round_trip_through_the_state_file(self):
        env = dict(os.environ, XDG_STATE_HOME=os.path.join(self.tmp, "state"), XDG_CONFIG_HOME=os.path.join(self.tmp, "config"))
        seed = os.path.join(REPO, "assets", "articles", "russie-munitions-nord-coreennes.json")
        run = lambda *args: subprocess.run(["xvfb-run", "-a", VIEWER, "--quit-after", "1", *args],
                                           capture_output=True, text=True, timeout=60, env=env)
        # Open at a deep link (a reader's move), quit: the position is saved on the way out.
        first = run(seed + "#p10")
        self.assertEqual(first.returncode, 0, first.stderr)
        anchor = json.loads(first.stdout.strip().splitlines()[-1])["anchor"]
        path = os.path.join(self.tmp, "state", "article-viewer", "progress", "russie-munitions-nord-coreennes.json")
        with open(path, encoding="utf-8") as f:
            saved = json.load(f)
        self.assertEqual(saved["version"], 1)
        self.assertEqual({"block": saved["anchor"]["block"], "offset": saved["anchor"]["offset"]}, anchor)
        self.assertEqual(saved["anchor"]["id"], "p10")
        # Open again without the link: back at the same line, with the notice.
        second = json.loads(run(seed).stdout.strip().splitlines()[-1])
        self.assertEqual(second["anchor"], anchor)
        self.assertTrue(second["notice"].startswith("Reprise à "))
        # A corrupt state file: the viewer still opens, at the top.
        with open(path, "w") as f:
            f.write("{corrupt")
        third = json.loads(run(seed).stdout.strip().splitlines()[-1])
        self.assertTrue(third["ready"])
        self.assertEqual(third["anchor"], {"block": -1, "offset": 0})

    def test_broken_file_shows_an_error_screen(self):
        bad = os.path.join(self.tmp, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write('{"format": "article/1", "id": "x", "title": "T", "blocks": [{"type": "heading", "level": "deux"}]}')
        out = os.path.join(self.tmp, "bad.png")
        result = render([bad], out)
        self.assertEqual(result.returncode, 1)  # not ready: the error screen is up
        state = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertEqual(state["error"], bad + ': /blocks/0/level: expected an integer from 2 to 4, got "deux"')
        _, _, rows = read_png(out)
        self.assertGreater(ink_share(rows), 0.002, "the error screen looks blank")


if __name__ == "__main__":
    VIEWER = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
