#!/usr/bin/python3
"""Check article JSON files against docs/article.schema.json (JSON Schema draft 2020-12).

Usage:
    /usr/bin/python3 tests/schema/check_articles.py [--shared DIR]

Needs Debian's python3-jsonschema (seen by /usr/bin/python3, not by other pythons on PATH).

Checks, in order:
  1. docs/article.schema.json is itself a valid draft 2020-12 schema;
  2. every assets/articles/*.json except index.json passes it;
  3. assets/articles/index.json lists existing files whose ids match;
  4. every DIR/corpus/*.json passes it (DIR = --shared, default <repo>/../shared; if that folder
     is absent this is said and skipped, the bundled articles are still checked);
  5. tests/tools/seed_to_json.py run on DIR/seeds/seed-article.txt gives exactly the committed
     assets/articles/russie-munitions-nord-coreennes.json (skipped, saying so, without the seed).

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


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"),
                    help="the shared folder holding corpus/ and seeds/ (default: <repo>/../shared)")
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

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
