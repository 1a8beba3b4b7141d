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
        result = check("--bogus", "a.json")
        self.assertEqual(result.returncode, 2)
        self.assertEqual(result.stderr, "article-viewer: --check takes files, not the option --bogus\n")
        self.assertEqual(result.stdout, "")

    def test_double_dash_ends_the_options(self):
        with tempfile.TemporaryDirectory() as tmp:
            name = os.path.join(tmp, "-odd.json")
            with open(name, "w") as f:
                f.write('{"format":"article/1","id":"o","title":"T","blocks":[]}')
            result = subprocess.run([VIEWER, "--check", "--", name], capture_output=True, text=True, timeout=60)
            self.assertEqual((result.returncode, result.stdout), (0, ""))

    def test_warnings_alone_exit_0(self):
        with tempfile.TemporaryDirectory() as tmp:
            warn = os.path.join(tmp, "warn.json")
            with open(warn, "w") as f:
                f.write('{"format":"article/1","id":"w","lang":"???","title":"T","blocks":[{"type":"poem"}]}')
            result = check(warn)
            self.assertEqual(result.returncode, 0)
            self.assertEqual(result.stdout.splitlines(), [
                f'warning: {warn}: /lang: expected a BCP 47 language tag such as "fr" or "pt-BR", got "???"; ignored',
                f'warning: {warn}: /blocks/0/type: unknown block type "poem"; block skipped',
            ])

    def test_format_1_1_members_of_the_wrong_type_or_value_are_warnings(self):
        with tempfile.TemporaryDirectory() as tmp:
            good = os.path.join(tmp, "good.json")
            with open(good, "w", encoding="utf-8") as f:
                f.write('{"format":"article/1.1","id":"g","lang":"en","dir":"auto","title":"T","blocks":['
                        '{"type":"paragraph","lang":"ar","dir":"rtl","text":["مرحبا ",{"text":"Tokyo","lang":"en"}]},'
                        '{"type":"heading","level":2,"lang":"ja","dir":"ltr","text":"見出し"}]}')
            warn = os.path.join(tmp, "warn.json")
            with open(warn, "w", encoding="utf-8") as f:
                f.write('{"format":"article/1.1","id":"w","dir":"RTL","title":"T","blocks":['
                        '{"type":"paragraph","lang":"ar_EG","dir":["rtl"],"text":[{"text":"x","lang":false}]},'
                        '{"type":"list","items":[[{"text":"y","lang":"ja-"}]]}]}')
            result = check(good, warn)
            self.assertEqual(result.returncode, 0)
            self.assertEqual(result.stdout.splitlines(), [
                f'warning: {warn}: /dir: expected "ltr", "rtl" or "auto", got "RTL"; ignored',
                f'warning: {warn}: /blocks/0/lang: expected a BCP 47 language tag such as "fr" or "pt-BR", got "ar_EG"; ignored',
                f'warning: {warn}: /blocks/0/dir: expected "ltr", "rtl" or "auto", got an array; ignored',
                f'warning: {warn}: /blocks/0/text/0/lang: expected a string, got false; ignored',
                f'warning: {warn}: /blocks/1/items/0/0/lang: expected a BCP 47 language tag such as "fr" or "pt-BR", got "ja-"; ignored',
            ])

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

    def test_bytes_after_the_value_and_a_title_of_control_characters_are_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            nul = os.path.join(tmp, "nul.json")
            with open(nul, "wb") as f:
                f.write(b'{"format":"article/1","id":"e","title":"t","blocks":[]}\x00<html>garbage')
            page = os.path.join(tmp, "page.json")
            with open(page, "wb") as f:
                f.write(b'{"format":"article/1","id":"e","title":"t","blocks":[]}\n<!doctype html>\n')
            control = os.path.join(tmp, "control.json")
            with open(control, "w") as f:
                f.write('{"format":"article/1","id":"c","title":"\\u0000","blocks":[]}')
            result = check(nul, page, control)
            self.assertEqual(result.returncode, 1)
            self.assertEqual(result.stdout.splitlines(), [
                f"{nul}:1:56: unexpected U+0000 after the JSON value (byte 55); only white space may follow it",
                f"{page}:2:1: unexpected '<' after the JSON value (byte 56); only white space may follow it",
                f'{control}: /title: expected a non-empty string, got "\\u0000"',
            ])

    def test_schema_and_loader_agree(self):
        """docs/article.schema.json and the loader accept and refuse the same files (edge cases)."""
        import json
        from jsonschema import Draft202012Validator
        with open(os.path.join(REPO, "docs", "article.schema.json"), encoding="utf-8") as f:
            validator = Draft202012Validator(json.load(f))
        top = '{"format":"article/1","id":"t","title":%s,"blocks":[%s]%s}'
        cases = {  # name: (title, blocks, extra top-level members), valid?
            "level 2.0": (('"T"', '{"type":"heading","level":2.0,"text":"x"}', ""), True),
            "level 2.5": (('"T"', '{"type":"heading","level":2.5,"text":"x"}', ""), False),
            "level 5": (('"T"', '{"type":"heading","level":5,"text":"x"}', ""), False),
            "width 4.0": (('"T"', '{"type":"image","src":"a.png","alt":"","width":4.0,"height":3}', ""), True),
            "width 200000": (('"T"', '{"type":"image","src":"a.png","alt":"","width":200000,"height":3}', ""), False),
            "width 0": (('"T"', '{"type":"image","src":"a.png","alt":"","width":0,"height":3}', ""), False),
            "title of no-break spaces": (('" \\u00a0\\u202f"', "", ""), False),
            "title with a word": (('" \\u00a0x"', "", ""), True),
            "title of control characters": (('"\\u0000 \\u0001\\u007f"', "", ""), False),
            "title with a word among control characters": (('"\\u0000x"', "", ""), True),
            "format article/1.4": (('"T"', "", ""), True),
            "missing blocks member": (('"T"', None, ""), False),
            "unknown block type": (('"T"', '{"type":"poem"}', ""), True),
            "unknown member": (('"T"', '{"type":"paragraph","text":"x","mood":1}', ',"extra":true'), True),
            "callout without text": (('"T"', '{"type":"callout","label":"x"}', ""), False),
        }
        with tempfile.TemporaryDirectory() as tmp:
            for name, ((title, blocks, extra), valid) in cases.items():
                text = top % (title, blocks or "", extra)
                if blocks is None:
                    text = text.replace(',"blocks":[]', "")
                if name == "format article/1.4":
                    text = text.replace('"article/1"', '"article/1.4"')
                path = os.path.join(tmp, "case.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                schema_ok = validator.is_valid(json.loads(text))
                loader_ok = check(path).returncode == 0
                with self.subTest(name):
                    self.assertEqual((schema_ok, loader_ok), (valid, valid), text)


if __name__ == "__main__":
    VIEWER = os.path.abspath(sys.argv.pop(1))
    SHARED = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(REPO, "..", "shared")
    unittest.main(verbosity=2)
