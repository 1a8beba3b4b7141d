#!/usr/bin/python3
"""Writes the large, valid but hostile articles that the loader's total limits are about
(docs/errors.md, "Limits"): many blocks of many tiny members, the shape that costs the most memory
per byte of JSON. Files are generated when a test needs them, never committed.

    limit_articles.py SHAPE --blocks N --per-block M [--text S] -o FILE

SHAPE is one of
  items     N list blocks of M items each, every item the text S (default "": an empty item)
  runs      N paragraphs of M runs each, every run the string S (default "a")
  links     N paragraphs of M run objects {"text": S, "href": "https://e.org/"}
  tags      N tag blocks of M tags each (S)
  text      N paragraphs of one string of M copies of S (default "a ")

`-o -` writes to standard output. Python standard library only; streamed, so a 60 MB file costs
no more memory than a small one.
"""

from __future__ import annotations

import argparse
import json
import sys


def block(shape: str, per_block: int, text: str) -> str:
    s = json.dumps(text, ensure_ascii=False)
    if shape == "items":
        return '{"type":"list","items":[' + ",".join([s] * per_block) + "]}"
    if shape == "runs":
        return '{"type":"paragraph","text":[' + ",".join([s] * per_block) + "]}"
    if shape == "links":
        run = '{"text":' + s + ',"href":"https://e.org/"}'
        return '{"type":"paragraph","text":[' + ",".join([run] * per_block) + "]}"
    if shape == "tags":
        return '{"type":"tags","items":[' + ",".join([s] * per_block) + "]}"
    if shape == "text":
        return '{"type":"paragraph","text":' + json.dumps(text * per_block, ensure_ascii=False) + "}"
    raise SystemExit(f"limit_articles.py: unknown shape {shape!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("shape", choices=["items", "runs", "links", "tags", "text"])
    parser.add_argument("--blocks", type=int, required=True)
    parser.add_argument("--per-block", type=int, required=True)
    parser.add_argument("--text", default=None)
    parser.add_argument("--id", default="limits")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    default_text = {"items": "", "runs": "a", "links": "a", "tags": "t", "text": "a "}[args.shape]
    text = default_text if args.text is None else args.text
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        out.write('{"format":"article/1","id":' + json.dumps(args.id) + ',"title":"Limits","blocks":[')
        one = block(args.shape, args.per_block, text)  # every block is the same: made once
        for i in range(args.blocks):
            if i:
                out.write(",")
            out.write(one)
        out.write("]}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
