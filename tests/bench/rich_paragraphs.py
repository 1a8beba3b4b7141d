#!/usr/bin/python3
"""Running text on the rich path in a language with a hyphenation dictionary (docs/text-pipeline.md,
"Justified text"): lays each article out with `article-viewer --layout --justify --dump`, takes the
blocks of running text (paragraphs, quotes, lists, callouts) that have a line laid out by the text
engine (a `visual` line of the dump) and whose language has a dictionary (the report's
`hyphenation`), and prints one JSON line per article and one for all: how many such blocks, and
their justified lines.

    rich_paragraphs.py --viewer PATH/article-viewer [--width 320] [--out DIR] [--add-emoji DIR] ARTICLE.json...

With --out, each article's affected blocks are written alone to DIR/NAME (same header, only those
blocks), so that word_space.py can give their word-space figures apart from the rest. With
--add-emoji, the running text in a language with a dictionary is written twice, as it is
(DIR/plain/NAME) and with an emoji at the end of each paragraph, quote, list item and callout
paragraph (DIR/emoji/NAME), which sends it to the rich path: the same words on both paths.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys

RUNNING_TEXT = {"paragraph", "quote", "list", "callout"}
BLOCK = re.compile(r"^block (-?\d+) ")
LINE = re.compile(r"^ line .*")


def block_lines(dump: str) -> dict[int, list[str]]:
    """The dump's line records (" line y.. h.. @.. [decor] [visual] [rtl] [justified]") per block."""
    out: dict[int, list[str]] = {}
    current = None
    for row in dump.splitlines():
        m = BLOCK.match(row)
        if m:
            current = int(m.group(1))
            out[current] = []
        elif current is not None and LINE.match(row):
            out[current].append(row)
    return out


EMOJI = " \U0001F642"


def with_emoji(inline):
    """The inline with EMOJI at its end (an Inline is a string or a list of runs)."""
    if isinstance(inline, str):
        return inline + EMOJI
    if isinstance(inline, list):
        return inline + [EMOJI]
    return inline


def emoji_block(block: dict) -> dict:
    out = dict(block)
    kind = block.get("type")
    if kind in ("paragraph", "quote") and "text" in block:
        out["text"] = with_emoji(block["text"])
    elif kind == "list" and isinstance(block.get("items"), list):
        out["items"] = [with_emoji(item) for item in block["items"]]
    elif kind == "callout":
        if "text" in block:
            out["text"] = with_emoji(block["text"])
        if isinstance(block.get("paragraphs"), list):
            out["paragraphs"] = [with_emoji(p) for p in block["paragraphs"]]
    return out


def write_article(folder: str, name: str, article: dict, blocks: list[dict]) -> None:
    os.makedirs(folder, exist_ok=True)
    alone = dict(article)
    alone["blocks"] = blocks
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        json.dump(alone, f, ensure_ascii=False)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--viewer", required=True)
    ap.add_argument("--width", type=int, default=320)
    ap.add_argument("--out", help="write each article's affected blocks alone into this folder")
    ap.add_argument("--add-emoji", help="write the running text with a dictionary, as it is and with an emoji")
    ap.add_argument("articles", nargs="+")
    args = ap.parse_args(argv)
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    total = {"articles": len(args.articles), "running_blocks": 0, "running_blocks_with_dictionary": 0,
             "rich_blocks_with_dictionary": 0, "justified_lines_with_dictionary": 0, "rich_justified_lines": 0}
    for path in args.articles:
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        out = subprocess.run([args.viewer, "--layout", path, "--width", str(args.width), "--justify", "--dump"],
                             capture_output=True, text=True, env=env, timeout=300)
        if out.returncode != 0:
            print(f"rich_paragraphs.py: {path}: {out.stderr.strip()}", file=sys.stderr)
            return 1
        report = json.loads(out.stdout)
        with_dictionary = {lang.lower() for lang in report["hyphenation"]}
        lines = block_lines(report["dump"])
        article_lang = str(article.get("lang", "en")).lower()
        row = {"file": os.path.basename(path), "lang": article_lang, "running_blocks": 0,
               "running_blocks_with_dictionary": 0, "rich_blocks_with_dictionary": 0,
               "justified_lines_with_dictionary": 0, "rich_justified_lines": 0}
        kept = []
        running = []  # running text in a language with a dictionary
        for index, block in enumerate(article["blocks"]):
            if block.get("type") not in RUNNING_TEXT:
                continue
            row["running_blocks"] += 1
            lang = str(block.get("lang", article_lang)).lower()
            if lang not in with_dictionary:
                continue
            row["running_blocks_with_dictionary"] += 1
            running.append(block)
            own = lines.get(index, [])
            justified = sum(" justified" in l for l in own)
            row["justified_lines_with_dictionary"] += justified
            if any(" visual" in l for l in own):
                row["rich_blocks_with_dictionary"] += 1
                row["rich_justified_lines"] += justified
                kept.append(block)
        for key in total:
            if key != "articles":
                total[key] += row[key]
        print(json.dumps(row), flush=True)
        name = os.path.basename(path)
        if args.out and kept:
            write_article(args.out, name, article, kept)
        if args.add_emoji and running:
            write_article(os.path.join(args.add_emoji, "plain"), name, article, running)
            write_article(os.path.join(args.add_emoji, "emoji"), name, article, [emoji_block(b) for b in running])
    print(json.dumps({"total": total}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
