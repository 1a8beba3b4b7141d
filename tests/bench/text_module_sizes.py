#!/usr/bin/python3
"""Sizes of what the web bundle fetches only for text beyond the base faces (BENCHMARKS.md, "Sizes"):
the second wasm module (dist/text/article-viewer-text.HASH.wasm and its .js) and the Thai dictionary
(dist/text/thai-words.HASH.dict), raw and gzip -9, as one JSON object. Python standard library only.

    text_module_sizes.py DIST
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys

# name in the report -> the file's name in dist/text/ without its content hash
PARTS = {"module_wasm": "article-viewer-text.wasm", "module_js": "article-viewer-text.js", "thai_dictionary": "thai-words.dict"}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: text_module_sizes.py DIST", file=sys.stderr)
        return 2
    folder = os.path.join(argv[0], "text")
    try:
        names = sorted(os.listdir(folder))
    except OSError as e:
        print(f"text_module_sizes.py: {folder}: {e.strerror}", file=sys.stderr)
        return 1
    out = {}
    for key, plain in PARTS.items():
        stem, ext = os.path.splitext(plain)
        found = [n for n in names if re.fullmatch(re.escape(stem) + r"\.[0-9a-f]{8,}" + re.escape(ext), n)]
        if len(found) != 1:
            print(f"text_module_sizes.py: {folder}: expected one {stem}.HASH{ext}, found {len(found)}", file=sys.stderr)
            return 1
        with open(os.path.join(folder, found[0]), "rb") as f:
            data = f.read()
        out[key] = {"file": "text/" + found[0], "bytes": len(data), "gzip9": len(gzip.compress(data, 9, mtime=0))}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
