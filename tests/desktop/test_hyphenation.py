"""The desktop's hyphenation dictionaries (README "Hyphenation"): justified text (--justify) loads the
dictionary of the article's language from the folder the build copies beside the program's assets
($AV_HYPHEN_DIR overrides it), falling back to Debian's /usr/share/hyphen; a broken file there is
said on stderr and the next folder is used. The state reports the languages loaded.

    test_hyphenation.py VIEWER HYPHEN_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

VIEWER = sys.argv[1] if len(sys.argv) > 1 else "build/native/article-viewer"
HYPHEN_DIR = sys.argv[2] if len(sys.argv) > 2 else "build/native/hyphen"


def run(args, env=None):
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 800x900x24", VIEWER, "--screenshot",
                             os.path.join(tempfile.gettempdir(), "hyphenation-test.png"), "--size", "420x800"] + args,
                            capture_output=True, text=True, timeout=120, env=env)
    return result, json.loads(result.stdout.strip().splitlines()[-1])


class Hyphenation(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_the_build_ships_the_dictionaries_with_their_licenses(self):
        for name in ["fr", "en_US", "de_DE", "es_ES", "it_IT", "pt_PT", "pt_BR", "cs_CZ"]:
            dic = os.path.join(HYPHEN_DIR, f"hyph_{name}.dic")
            self.assertTrue(os.path.getsize(dic) > 1000, dic)
            with open(os.path.join(HYPHEN_DIR, f"hyph_{name}.copyright"), encoding="utf-8") as f:
                self.assertIn("Copyright", f.read())
        self.assertTrue(os.path.exists(os.path.join(HYPHEN_DIR, "libhyphen.COPYING")))

    def test_justified_french_seed_loads_french_from_the_programs_folder(self):
        env = dict(os.environ, AV_HYPHEN_DIR=HYPHEN_DIR)
        result, state = run(["--justify"], env)
        self.assertTrue(state["ready"], result.stderr)
        self.assertTrue(state["justify"])
        self.assertEqual(state["hyphenation"], ["fr"])
        self.assertNotIn("hyphenation", result.stderr)

    def test_without_justification_no_dictionary_is_loaded(self):
        result, state = run([], dict(os.environ, AV_HYPHEN_DIR=HYPHEN_DIR))
        self.assertFalse(state["justify"])
        self.assertEqual(state["hyphenation"], [])

    def test_the_programs_folder_is_read_first_and_a_broken_file_there_is_said(self):
        with open(os.path.join(self.tmp, "hyph_fr.dic"), "w", encoding="utf-8") as f:
            f.write("UTF-8\nNOHYPHEN")
        result, state = run(["--justify"], dict(os.environ, AV_HYPHEN_DIR=self.tmp))
        self.assertIn(os.path.join(self.tmp, "hyph_fr.dic") + ": hyphenation dictionary fr: ", result.stderr)
        self.assertIn("NOHYPHEN", result.stderr)
        # The next folder (Debian's) still has French: justified and hyphenated.
        self.assertEqual(state["hyphenation"], ["fr"])
        self.assertTrue(state["ready"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
