#!/usr/bin/python3
"""Check article JSON files against docs/article.schema.json (JSON Schema draft 2020-12).

Usage:
    /usr/bin/python3 tests/schema/check_articles.py [--shared DIR] [--viewer PATH/TO/article-viewer]

Needs Debian's python3-jsonschema (seen by /usr/bin/python3, not by other pythons on PATH).

Checks, in order:
  1. docs/article.schema.json is itself a valid draft 2020-12 schema;
  2. every assets/articles/*.json except index.json passes it;
  3. assets/articles/index.json lists existing files whose ids match;
  4. every DIR/corpus/*.json passes it (DIR = --shared, default <repo>/../shared; if that folder
     is absent this is said and skipped, the bundled articles are still checked);
  5. tests/tools/seed_to_json.py run on DIR/seeds/seed-article.txt gives exactly the committed
     assets/articles/russie-munitions-nord-coreennes.json (skipped, saying so, without the seed);
  6. the format 1.1 cases below (CASES_1_1): the schema judges each as it says (valid, or invalid
     at the JSON pointer it names), and with --viewer so does the loader (`article-viewer --check`:
     a valid case gives no line at all, an invalid one exactly one warning at that pointer, as an
     optional member of the wrong type or value is dropped with a warning). Without --viewer the
     loader's side is said to be skipped.

Prints `ok FILE` or `FAIL FILE: <json pointer>: <message>` per checked file, then exactly
`N passed, M failed`; exits 1 if anything failed. Warnings (duplicate keys, duplicate block ids)
go to stderr and do not fail.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match
except ImportError:
    sys.exit("check_articles: needs python3-jsonschema; run with /usr/bin/python3 "
             "(apt-get install python3-jsonschema)")

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(REPO, "docs", "article.schema.json")
ARTICLES = os.path.join(REPO, "assets", "articles")
GENERATOR = os.path.join(REPO, "tests", "tools", "seed_to_json.py")
SEED_JSON = os.path.join(ARTICLES, "russie-munitions-nord-coreennes.json")


# Format 1.1 (lang and dir): (name, article, None if valid else the JSON pointer of the fault).
# The loader reads the 1.1 members whatever minor the file names, and so does the schema.
def _article(blocks, fmt="article/1.1", **top):
    doc = {"format": fmt, "id": "c", "title": "T"}
    doc.update(top)
    doc["blocks"] = blocks
    return doc


def _para(text, **members):
    return dict({"type": "paragraph", "text": text}, **members)


CASES_1_1 = [
    ("every 1.1 member", _article([
        _para(["مرحبا ", {"text": "Tokyo", "lang": "en", "bold": True}], lang="ar", dir="rtl"),
        {"type": "heading", "level": 2, "lang": "ja", "dir": "auto", "text": "東京"},
        {"type": "list", "items": [[{"text": "東京", "lang": "ja"}, " Tower"]], "dir": "ltr"},
        {"type": "image", "src": "a.png", "alt": "", "width": 4, "height": 3, "lang": "zh-Hant",
         "caption": [{"text": "臺北", "lang": "zh-Hant-TW"}]},
        {"type": "callout", "lang": "he", "dir": "rtl", "paragraphs": [[{"text": "שלום", "lang": "he"}]]},
        {"type": "divider", "lang": "en", "dir": "ltr"},
    ], lang="en", dir="rtl"), None),
    ("1.1 without the new members", _article([_para("x")]), None),
    ("1.1 members in an article/1 file", _article([_para("x", lang="es-419")], fmt="article/1", dir="auto"), None),
    ("top-level dir sideways", _article([], dir="sideways"), "/dir"),
    ("top-level dir in capitals", _article([], dir="RTL"), "/dir"),
    ("block dir a number", _article([_para("x", dir=5)]), "/blocks/0/dir"),
    ("block dir null", _article([{"type": "divider", "dir": None}]), "/blocks/0/dir"),
    ("block lang with an underscore", _article([_para("x", lang="ar_EG")]), "/blocks/0/lang"),
    ("block lang empty", _article([_para("x", lang="")]), "/blocks/0/lang"),
    ("block lang with a NUL", _article([_para("x", lang="f\u0000r")]), "/blocks/0/lang"),
    ("run lang a number", _article([_para([{"text": "x", "lang": 7}])]), "/blocks/0/text/0/lang"),
    ("run lang ending in a hyphen", _article([_para(["a", {"text": "b", "lang": "ja-"}])]), "/blocks/0/text/1/lang"),
    ("run lang in a callout paragraph", _article([{"type": "callout", "paragraphs": [[{"text": "p", "lang": "x y"}]]}]),
     "/blocks/0/paragraphs/0/0/lang"),
    ("run lang in a sponsored title", _article([{"type": "sponsored", "title": [{"text": "t", "lang": "123"}]}]),
     "/blocks/0/title/0/lang"),
]


class Bad(Exception):
    def __init__(self, pointer, message):
        super().__init__(message)
        self.pointer = pointer
        self.message = message


def pointer(path):
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "".join("/" + p for p in parts)


def show(name):
    rel = os.path.relpath(name, REPO)
    return os.path.abspath(name) if rel.startswith(os.path.join(os.pardir, os.pardir)) else rel


def warn(name, msg):
    print("warning %s: %s" % (show(name), msg), file=sys.stderr)


def load_json(name):
    """Strict load: UTF-8 (a leading BOM is skipped), no NaN/Infinity; duplicate keys warn."""
    with open(name, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Bad("", "invalid UTF-8 at byte offset %d" % e.start)

    dups = []

    def pairs(items):
        obj = {}
        for k, v in items:
            if k in obj:
                dups.append(k)
            obj[k] = v
        return obj

    def no_constant(c):
        raise ValueError("%s is not JSON" % c)

    try:
        doc = json.loads(text, object_pairs_hook=pairs, parse_constant=no_constant)
    except json.JSONDecodeError as e:
        raise Bad("", "not JSON: line %d column %d: %s" % (e.lineno, e.colno, e.msg))
    except ValueError as e:
        raise Bad("", "not JSON: %s" % e)
    for k in dups:
        warn(name, "duplicate key %r (the last one wins)" % k)
    return doc


def check_article(validator, name):
    doc = load_json(name)
    errors = list(validator.iter_errors(doc))
    if errors:
        err = best_match(errors)
        more = "" if len(errors) == 1 else " (%d errors in all)" % len(errors)
        raise Bad(pointer(err.absolute_path), err.message + more)
    seen = {}
    for i, b in enumerate(doc.get("blocks", [])):
        bid = b.get("id") if isinstance(b, dict) else None
        if isinstance(bid, str):
            if bid in seen:
                warn(name, "/blocks/%d/id: %r already used by /blocks/%d" % (i, bid, seen[bid]))
            else:
                seen[bid] = i


def check_index(name):
    doc = load_json(name)
    if not isinstance(doc, dict) or doc.get("format") != "article-index/1":
        raise Bad("/format", 'expected "article-index/1"')
    arts = doc.get("articles")
    if not isinstance(arts, list) or not arts:
        raise Bad("/articles", "expected a non-empty array")
    ids = []
    for i, a in enumerate(arts):
        at = "/articles/%d" % i
        if not isinstance(a, dict):
            raise Bad(at, "expected an object")
        for key in ("id", "path", "title"):
            if not isinstance(a.get(key), str) or not a[key]:
                raise Bad(at + "/" + key, "expected a non-empty string")
        path = os.path.join(os.path.dirname(name), a["path"])
        if not os.path.isfile(path):
            raise Bad(at + "/path", "no such file: %s" % show(path))
        art = load_json(path)
        if art.get("id") != a["id"]:
            raise Bad(at + "/id", "%r, but %s has id %r" % (a["id"], a["path"], art.get("id")))
        if art.get("title") != a["title"]:
            raise Bad(at + "/title", "differs from the title in %s" % a["path"])
        if "lang" in a and a["lang"] != art.get("lang", "en"):
            raise Bad(at + "/lang", "differs from the lang in %s" % a["path"])
        ids.append(a["id"])
    if len(set(ids)) != len(ids):
        raise Bad("/articles", "duplicate ids")
    if "default" in doc and doc["default"] not in ids:
        raise Bad("/default", "%r is not one of the listed ids" % doc["default"])


def check_generator(seed):
    out = subprocess.run([sys.executable, GENERATOR, seed], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    if out.returncode != 0:
        raise Bad("", "generator failed: %s" % out.stderr.decode("utf-8", "replace").strip())
    with open(SEED_JSON, "rb") as f:
        committed = f.read()
    if out.stdout != committed:
        a = out.stdout.decode("utf-8", "replace").split("\n")
        b = committed.decode("utf-8", "replace").split("\n")
        line = next((i for i in range(max(len(a), len(b)))
                     if i >= len(a) or i >= len(b) or a[i] != b[i]), 0)
        raise Bad("", "differs from %s from line %d (regenerate with: %s %s -o %s)"
                  % (show(SEED_JSON), line + 1, show(GENERATOR), seed, show(SEED_JSON)))


def check_case(validator, viewer, tmp, name, doc, fault):
    errors = list(validator.iter_errors(doc))
    if fault is None and errors:
        err = best_match(errors)
        raise Bad(pointer(err.absolute_path), "the schema refuses a valid case: " + err.message)
    if fault is not None:
        if not errors:
            raise Bad(fault, "the schema accepts an invalid case")
        if not any(pointer(e.absolute_path) == fault for e in _leaves(errors)):
            raise Bad(fault, "the schema finds no fault there: %s" % ", ".join(
                sorted({pointer(e.absolute_path) or '""' for e in _leaves(errors)})))
    if viewer is None:
        return
    path = os.path.join(tmp, "case.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    out = subprocess.run([viewer, "--check", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = out.stdout.decode("utf-8", "replace").splitlines()
    if fault is None:
        if out.returncode != 0 or lines:
            raise Bad("", "the loader does not find it clean: %s" % " | ".join(lines))
        return
    prefix = "warning: %s: %s: " % (path, fault)
    if out.returncode != 0 or len(lines) != 1 or not lines[0].startswith(prefix):
        raise Bad(fault, "the loader does not warn once there: %s" % " | ".join(lines))


def _leaves(errors):
    """Every error, with those inside anyOf/oneOf (where a run's fault is found)."""
    for e in errors:
        yield e
        yield from _leaves(e.context or [])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"),
                    help="the shared folder holding corpus/ and seeds/ (default: <repo>/../shared)")
    ap.add_argument("--viewer", help="the article-viewer program: the loader judges the 1.1 cases too")
    args = ap.parse_args()
    shared = os.path.abspath(args.shared)

    passed = failed = 0

    def run(label, fn, *a):
        nonlocal passed, failed
        try:
            fn(*a)
        except Bad as e:
            failed += 1
            print("FAIL %s: %s: %s" % (label, e.pointer or '""', e.message))
        except OSError as e:
            failed += 1
            print('FAIL %s: "": %s' % (label, e))
        else:
            passed += 1
            print("ok %s" % label)

    # 1. the schema itself
    validator = None

    def check_schema():
        nonlocal validator
        schema = load_json(SCHEMA)
        try:
            Draft202012Validator.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            raise Bad(pointer(e.absolute_path), "not a valid draft 2020-12 schema: " + e.message)
        validator = Draft202012Validator(schema)

    run(show(SCHEMA), check_schema)
    if validator is None:
        print("%d passed, %d failed" % (passed, failed))
        return 1

    # 2. bundled articles, 3. their index
    bundled = sorted(f for f in glob.glob(os.path.join(ARTICLES, "*.json"))
                     if os.path.basename(f) != "index.json")
    if not bundled:
        failed += 1
        print('FAIL %s: "": no article files' % show(ARTICLES))
    for f in bundled:
        run(show(f), check_article, validator, f)
    index = os.path.join(ARTICLES, "index.json")
    run(show(index), check_index, index)

    # 4. shared corpus, 5. the seed conversion
    if not os.path.isdir(shared):
        print("note: %s is absent: corpus and seed conversion not checked" % shared)
    else:
        corpus = sorted(glob.glob(os.path.join(shared, "corpus", "*.json")))
        if not corpus:
            print("note: no %s/corpus/*.json" % shared)
        for f in corpus:
            run(show(f), check_article, validator, f)
        seed = os.path.join(shared, "seeds", "seed-article.txt")
        if os.path.isfile(seed):
            run("%s output == %s" % (show(GENERATOR), show(SEED_JSON)), check_generator, seed)
        else:
            print("note: %s is absent: seed conversion not checked" % seed)

    # 6. format 1.1 cases, judged alike by the schema and the loader
    viewer = os.path.abspath(args.viewer) if args.viewer else None
    if viewer is None:
        print("note: no --viewer: the loader's side of the 1.1 cases not checked")
    with tempfile.TemporaryDirectory() as tmp:
        for name, doc, fault in CASES_1_1:
            label = "1.1 case %s (%s)" % (name, "valid" if fault is None else "invalid at " + fault)
            run(label, check_case, validator, viewer, tmp, name, doc, fault)

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
