#!/usr/bin/env python3
"""`article-viewer --check`: exit codes, one line per problem, no display needed.

Usage: test_check.py PATH/TO/article-viewer [SHARED_DIR]   (run by ctest)
"""
import glob
import os
import subprocess
import sys
import tempfile
import unittest

VIEWER = None
SHARED = None
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def check(*files):
    env = dict(os.environ)
    env.pop("DISPLAY", None)  # proves no display is needed
    return subprocess.run([VIEWER, "--check", *files], capture_output=True, text=True, env=env, timeout=60)


class Check(unittest.TestCase):
    def test_usage_error(self):
        result = check()
        self.assertEqual(result.returncode, 2)
        self.assertIn("usage: article-viewer --check", result.stderr)

    def test_bundled_and_corpus_articles_are_valid(self):
        files = [f for f in glob.glob(os.path.join(REPO, "assets", "articles", "*.json")) if not f.endswith("index.json")]
        files += sorted(glob.glob(os.path.join(SHARED, "corpus", "*.json")))
        self.assertGreater(len(files), 1)
        result = check(*files)
        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertNotIn("warning:", result.stdout)

    def test_invalid_files_one_line_each(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, "bad.json")
            with open(bad, "w") as f:
                f.write('{"format": "article/1",\n "id": tru}')
            warn = os.path.join(tmp, "warn.json")
            with open(warn, "w") as f:
                f.write('{"format":"article/1","id":"w","title":"T","blocks":[{"type":"poem"}]}')
            missing = os.path.join(tmp, "missing.json")
            result = check(bad, warn, missing)
            self.assertEqual(result.returncode, 1)
            self.assertEqual(result.stdout.splitlines(), [
                f"{bad}:2:11: syntax error while parsing value - invalid literal; last read: '\"id\": tru}}'",
                f'warning: {warn}: /blocks/0/type: unknown block type "poem"; block skipped',
                f"{missing}: No such file or directory",
            ])


if __name__ == "__main__":
    VIEWER = os.path.abspath(sys.argv.pop(1))
    SHARED = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared")
    unittest.main(verbosity=2)
