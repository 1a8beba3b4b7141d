#!/usr/bin/env python3
"""The desktop build opens the reader's own article files: from a path on the command line,
dropped on its window (a real XDND drop under Xvfb, sent by xdnd_drop.py as a file manager would),
through its "Open file…" panel (Ctrl+O, a typed path, Enter: real X key presses sent by xdotool),
and again from the Library, which says so when the file has moved.

Usage: test_open_files.py PATH/TO/article-viewer   (run by ctest; needs xvfb-run and xdotool)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

VIEWER = None
HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def article(article_id, title, paragraphs=1):
    return json.dumps({"format": "article/1", "id": article_id, "lang": "fr", "title": title,
                       "blocks": [{"type": "paragraph", "text": "Un paragraphe assez long pour remplir une ligne ou deux "
                                   "de la colonne, et plus encore quand il y en a beaucoup."}] * paragraphs},
                      ensure_ascii=False)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=30, check=True).stdout.strip()


def inner(viewer, steps, args):
    """Runs inside the X server: starts the viewer, sends `steps` (["key", "ctrl+o"], ["type", "text"]) as
    real key presses, prints the window's title and the viewer's last state as one JSON line."""
    proc = subprocess.Popen([viewer, *args], stdout=subprocess.PIPE, text=True)
    try:
        window = xdotool("search", "--sync", "--name", "Article viewer").splitlines()[0]
        time.sleep(1.5)  # the article on screen
        xdotool("windowfocus", window)
        before = xdotool("getwindowname", window)
        for kind, value in steps:
            if kind == "key":
                xdotool("key", "--delay", "80", value)
            else:
                xdotool("type", "--delay", "30", value)
            time.sleep(0.6)  # the viewer's next frame takes it (a field asks for the keyboard first)
        deadline = time.monotonic() + 3
        title = before
        while title == before and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            try:
                title = xdotool("getwindowname", window)
            except subprocess.CalledProcessError:  # the window closed meanwhile (--quit-after)
                break
        out, _ = proc.communicate(timeout=60)  # --quit-after prints the state and exits
        print(json.dumps({"title": title, "state": json.loads(out.strip().splitlines()[-1])}, ensure_ascii=False))
    finally:
        if proc.poll() is None:
            proc.kill()


class OpenFiles(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="av-open-")
        # Reading positions go to a state folder of the test's own, not the user's.
        self.env = dict(os.environ, XDG_STATE_HOME=os.path.join(self.tmp, "state"), XDG_CONFIG_HOME=os.path.join(self.tmp, "config"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def session(self, args, steps, seconds=9):
        """The viewer with `args` for `seconds`, `steps` typed into it: (its last state, its title)."""
        result = subprocess.run(["xvfb-run", "-a", PYTHON, os.path.abspath(__file__), "--inner", VIEWER, json.dumps(steps),
                                 "--quit-after", str(seconds), *args],
                                capture_output=True, text=True, timeout=120, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        out = json.loads(result.stdout.strip().splitlines()[-1])
        return out["state"], out["title"]

    def no_bundled_articles(self):
        """An assets folder whose index lists nothing, so the Library holds only what was read."""
        assets = os.path.join(self.tmp, "assets")
        os.makedirs(os.path.join(assets, "articles"), exist_ok=True)
        with open(os.path.join(assets, "articles", "index.json"), "w", encoding="utf-8") as f:
            json.dump({"format": "article-index/1", "articles": [], "default": "none"}, f)
        self.env["AV_ASSETS_DIR"] = assets

    def read_earlier(self, path):
        """A first session reads the article at `path` a little (Page Down): its position, with the
        path, is kept under XDG_STATE_HOME."""
        state, _ = self.session([path], [["key", "Next"], ["key", "Next"]], seconds=6)
        self.assertGreater(state["anchor"]["block"], 0)
        kept = os.path.join(self.env["XDG_STATE_HOME"], "article-viewer", "progress", state["articleId"] + ".json")
        with open(kept, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["source"], path)
        return kept

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def drop(self, path):
        """Starts the viewer (the seed article), drops `path` on its window, returns its last state
        and the window's title after the drop."""
        out = os.path.join(self.tmp, "state.json")
        script = ('"$0" --quit-after 5 > "$3" & pid=$!; "$4" "$1" "Article viewer" "$2" 20; status=$?; '
                  'wait $pid; exit $status')
        result = subprocess.run(["xvfb-run", "-a", "sh", "-c", script, VIEWER, os.path.join(HERE, "xdnd_drop.py"),
                                 path, out, PYTHON], capture_output=True, text=True, timeout=90, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        title = [line[7:] for line in result.stdout.splitlines() if line.startswith("title: ")]
        with open(out, encoding="utf-8") as f:
            return json.loads(f.read().strip().splitlines()[-1]), title[-1] if title else None

    def test_a_path_on_the_command_line_opens(self):
        path = self.write("chemin.json", article("chemin", "Par le chemin"))
        out = os.path.join(self.tmp, "shot.png")
        result = subprocess.run(["xvfb-run", "-a", VIEWER, "--screenshot", out, path], capture_output=True, text=True,
                                timeout=90, env=self.env)
        self.assertEqual(result.returncode, 0, result.stderr)
        state = json.loads(result.stdout.strip().splitlines()[-1])
        self.assertEqual((state["articleId"], state["title"], state["source"]), ("chemin", "Par le chemin", path))

    def test_a_file_dropped_on_the_window_opens(self):
        path = self.write("déposé sur la fenêtre.json", article("depose", "Déposé"))  # spaces and accents in the URI
        state, title = self.drop(path)
        self.assertIsNone(state["error"])
        self.assertEqual(title, "Déposé — Article viewer")
        self.assertEqual((state["articleId"], state["title"], state["source"]), ("depose", "Déposé", path))

    def test_a_broken_file_dropped_shows_its_error(self):
        path = self.write("casse.json", '{"format": "article/1", "id": "x", "title": "T", "blocks": [{"type": "heading", "level": "deux", "text": "a"}]}')
        state, title = self.drop(path)
        self.assertFalse(state["ready"])
        self.assertEqual(state["error"], path + ': /blocks/0/level: expected an integer from 2 to 4, got "deux"')
        # Reader-visible defects issue, item 16: the title named the article that was on screen.
        self.assertEqual(title, "Could not open casse.json — Article viewer")

    # Reader-visible defects issue, item 6: Ctrl+O and "Open file…" on the desktop.
    def test_ctrl_o_and_a_typed_path_open_the_article(self):
        first = self.write("premier.json", article("premier", "Premier"))
        self.write("second.json", article("second", "Par le menu"))
        self.env["HOME"] = self.tmp  # "~/second.json" is expanded
        state, title = self.session([first], [["key", "ctrl+o"], ["type", "~/second.json"], ["key", "Return"]])
        self.assertIsNone(state["error"])
        self.assertEqual((state["articleId"], state["source"]), ("second", os.path.join(self.tmp, "second.json")))
        self.assertEqual(title, "Par le menu — Article viewer")
        self.assertFalse(state["openFile"]["open"])

    def test_a_wrong_path_is_named_and_the_article_stays(self):
        first = self.write("premier.json", article("premier", "Premier"))
        state, title = self.session([first], [["key", "ctrl+o"], ["type", "/nulle/part/absent.json"], ["key", "Return"]])
        self.assertEqual(state["openFile"]["error"], "No such file: /nulle/part/absent.json")
        self.assertTrue(state["openFile"]["open"])
        self.assertTrue(state["ready"])
        self.assertIsNone(state["error"])
        self.assertEqual((state["articleId"], state["source"]), ("premier", first))
        self.assertEqual(title, "Premier — Article viewer")

    def test_the_panel_lists_the_folder_of_the_last_file_and_escape_closes_it(self):
        os.makedirs(os.path.join(self.tmp, "lecture", "dossier"))
        first = self.write("lecture/premier.json", article("premier", "Premier"))
        self.write("lecture/B-second.JSON", article("b", "B"))
        self.write("lecture/notes.txt", "pas un article")
        self.write("lecture/.cache.json", article("c", "C"))
        self.write("lecture/dossier/dedans.json", article("dedans", "Dedans"))
        state, _ = self.session([first], [["key", "ctrl+o"]])
        self.assertTrue(state["openFile"]["open"])
        self.assertEqual(state["openFile"]["folder"], os.path.join(self.tmp, "lecture"))
        # Folders first, then article files, ignoring case; no hidden or other files.
        self.assertEqual(state["openFile"]["listing"], ["..", "dossier/", "B-second.JSON", "premier.json"])
        # A folder typed and Enter: its listing; Escape closes the panel, the article stays.
        state, _ = self.session([first], [["key", "ctrl+o"], ["type", "dossier"], ["key", "Return"], ["key", "Escape"]])
        self.assertFalse(state["openFile"]["open"])
        self.assertEqual(state["openFile"]["folder"], os.path.join(self.tmp, "lecture", "dossier"))
        self.assertEqual(state["openFile"]["listing"], ["..", "dedans.json"])
        self.assertEqual(state["articleId"], "premier")

    # Item 5, desktop: the Library reopens a file from its path, and says so when it has moved.
    def test_the_library_reopens_a_file_read_earlier(self):
        self.no_bundled_articles()
        later = self.write("plus-tard.json", article("plus-tard", "Plus tard", paragraphs=60))
        first = self.write("premier.json", article("premier", "Premier"))
        self.read_earlier(later)
        # The Library's buttons in Tab order: Close, then the row's Open.
        state, title = self.session(["--library", first], [["key", "Tab"], ["key", "Tab"], ["key", "Return"]])
        self.assertIsNone(state["error"])
        self.assertEqual((state["articleId"], state["source"]), ("plus-tard", later))
        self.assertEqual(title, "Plus tard — Article viewer")
        self.assertGreater(state["anchor"]["block"], 0)  # where it was left

    def test_a_moved_file_is_reported_as_moved_and_can_be_forgotten(self):
        self.no_bundled_articles()
        later = self.write("plus-tard.json", article("plus-tard", "Plus tard", paragraphs=60))
        first = self.write("premier.json", article("premier", "Premier"))
        kept = self.read_earlier(later)
        os.rename(later, os.path.join(self.tmp, "ailleurs.json"))
        state, _ = self.session(["--library", first], [])
        self.assertTrue(state["library"])
        self.assertEqual(state["libraryNotes"],
                         [{"name": "plus-tard", "note": "This file has moved or was deleted: " + later}])
        self.assertEqual(state["articleId"], "premier")
        # No Open button on that row: Close, then Forget.
        state, _ = self.session(["--library", first], [["key", "Tab"], ["key", "Tab"], ["key", "Return"]])
        self.assertEqual(state["libraryNotes"], [])
        self.assertFalse(os.path.exists(kept))
        self.assertEqual(state["articleId"], "premier")


if __name__ == "__main__":
    if len(sys.argv) > 4 and sys.argv[1] == "--inner":
        inner(sys.argv[2], json.loads(sys.argv[3]), sys.argv[4:])
        sys.exit(0)
    for tool in ("xvfb-run", "xdotool"):
        if not shutil.which(tool):
            sys.exit(f"test_open_files.py: {tool} is missing (tests/bootstrap.sh installs it)")
    VIEWER = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
