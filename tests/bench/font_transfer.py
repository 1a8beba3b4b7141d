#!/usr/bin/python3
"""What each article would download in fonts beyond the base faces: the files FontCatalog::files_for
picks for the article's code points (same rules, docs/text-pipeline.md "Fonts"), and their gzip -9
sizes from the manifest, as a table.

    tests/bench/font_transfer.py --fonts build/native/fonts-more [--json] ARTICLE.json...

With --json, one JSON object per article instead of the table (tests/bench/run.sh, BENCHMARKS.md).

The article's code points are computed here as core's TextNeeds does (the layout's faces: the title,
headings, labels and bold runs are bold, the rest regular; Han variant from the run's, block's or
article's lang), leaving out what the base faces' first-paint subset draws (the six Noto faces'
cmaps within AV_FONT_UNICODES of CMakeLists.txt). "first screen" counts only the title, subtitle
and the blocks up to the first 800 characters of text, about one screen of CJK text.
Debian's python3 with fontTools (for the base faces' cmaps).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys

sys.dont_write_bytecode = True
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "shell", "fonts"))
import unicode_data  # noqa: E402

MAP_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
BASE_FACES = ("NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic",
              "NotoSans-Regular", "NotoSans-Bold")
VS16 = 0xFE0F
MODIFIERS = range(0x1F3FB, 0x1F400)
FIRST_SCREEN = 800


def han_for_lang(lang: str) -> str:
    tag = lang.replace("_", "-").lower()
    parts = tag.split("-")
    if parts[0] == "ja":
        return "ja"
    if parts[0] == "ko":
        return "ko"
    if parts[0] == "zh" and any(p in ("hant", "tw", "hk", "mo") for p in parts[1:]):
        return "zh-Hant"
    return "zh-Hans"


class Catalog:
    """fonts.json read as core's FontCatalog reads it (maps expanded into ranges per file)."""

    def __init__(self, folder: str):
        with open(os.path.join(folder, "fonts.json"), encoding="utf-8") as f:
            self.doc = json.load(f)
        self.files = []  # (family index, file entry, set of code points)
        self.families = []
        for fi, family in enumerate(self.doc["families"]):
            ids = []
            owned: dict[int, set[int]] = {}
            if "map" in family:
                width = 1 if len(family["files"]) <= len(MAP_ALPHABET) else 2
                text = family["map"]["files"]
                i = 0
                for a, b in family["map"]["ranges"]:
                    for cp in range(a, b + 1):
                        digits = text[i * width:(i + 1) * width]
                        index = 0
                        for d in digits:
                            index = index * len(MAP_ALPHABET) + MAP_ALPHABET.index(d)
                        owned.setdefault(index, set()).add(cp)
                        i += 1
            for k, entry in enumerate(family["files"]):
                cps = {cp for a, b in entry.get("ranges", []) for cp in range(a, b + 1)} | owned.get(k, set())
                ids.append(len(self.files))
                self.files.append((fi, entry, cps))
            text_default = {cp for a, b in family.get("text_default", []) for cp in range(a, b + 1)}
            self.families.append((family, ids, text_default))

    def file_for(self, family: int, cp: int):
        for fid in self.families[family][1]:
            if cp in self.files[fid][2]:
                return fid
        return None

    def files_for(self, needs: dict[tuple[str, str], set[int]]) -> set[int]:
        out = set()
        every = set().union(*needs.values()) if needs else set()
        vs = VS16 in every or any(cp in every for cp in MODIFIERS)
        weight_of = {"regular": 400, "bold": 700}
        for (weight, han), cps in needs.items():
            fallback = [i for i, (f, _, _) in enumerate(self.families) if f["kind"] == "fallback" and "han" not in f]
            fallback += [i for i, (f, _, _) in enumerate(self.families) if f["kind"] == "fallback" and f.get("han") == han]
            for cp in cps:
                done = False
                for i, (f, _, text_default) in enumerate(self.families):
                    if f["kind"] == "shaped" and f.get("color"):
                        fid = self.file_for(i, cp)
                        if fid is not None and (cp not in text_default or vs):
                            out.add(fid)
                            done = cp not in text_default
                if done:
                    continue
                shaped = [(abs(f["weight"] - weight_of[weight]), i) for i, (f, _, _) in enumerate(self.families)
                          if f["kind"] == "shaped" and not f.get("color") and self.file_for(i, cp) is not None]
                if shaped:
                    out.add(self.file_for(min(shaped)[1], cp))
                    continue
                for i in fallback:
                    fid = self.file_for(i, cp)
                    if fid is not None:
                        out.add(fid)
                        break
        return out


def base_first_paint(fonts_dir: str) -> set[int]:
    from fontTools.ttLib import TTFont
    with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        m = re.search(r'set\(AV_FONT_UNICODES "([^"]+)"', f.read())
    if not m:
        raise SystemExit("font_transfer.py: CMakeLists.txt sets no AV_FONT_UNICODES")
    cover = None
    for face in BASE_FACES:
        cmap = set(TTFont(os.path.join(fonts_dir, face + ".ttf"), lazy=True).getBestCmap())
        cover = cmap if cover is None else cover & cmap
    return unicode_data.parse_unicodes(m.group(1)) & cover


def needs_of(article: dict, base: set[int], limit: int | None = None) -> dict[tuple[str, str], set[int]]:
    """(weight, han) -> code points, as core's compute_needs (approximately: see the file's comment)."""
    needs: dict[tuple[str, str], set[int]] = {}
    budget = [limit]
    article_lang = article.get("lang", "en") if isinstance(article.get("lang"), str) else "en"

    def add(text: str, bold: bool, lang: str) -> None:
        if budget[0] is not None:
            if budget[0] <= 0:
                return
            budget[0] -= len(text)
        key = ("bold" if bold else "regular", han_for_lang(lang))
        needs.setdefault(key, set()).update(ord(c) for c in text if ord(c) not in base and c not in "\n\r\t")

    def inline(value, bold: bool, lang: str) -> None:
        if isinstance(value, str):
            add(value, bold, lang)
        elif isinstance(value, list):
            for run in value:
                if isinstance(run, str):
                    add(run, bold, lang)
                elif isinstance(run, dict) and isinstance(run.get("text"), str):
                    add(run["text"], bold or run.get("bold") is True, run.get("lang", lang))

    inline(article.get("title", ""), True, article_lang)
    inline(article.get("subtitle", ""), False, article_lang)
    byline = article.get("byline") or {}
    for author in byline.get("authors", []) if isinstance(byline.get("authors"), list) else []:
        inline(author, False, article_lang)
    inline(byline.get("source", ""), False, article_lang)
    for block in article.get("blocks", []):
        if not isinstance(block, dict):
            continue
        lang = block.get("lang", article_lang) if isinstance(block.get("lang"), str) else article_lang
        kind = block.get("type")
        if kind == "heading":
            inline(block.get("text", ""), True, lang)
        elif kind in ("sponsored", "callout"):
            inline(block.get("label", ""), True, lang)
            inline(block.get("title", ""), True, lang)
            inline(block.get("text", ""), False, lang)
            inline(block.get("sponsor", ""), False, lang)
            for p in block.get("paragraphs", []) if isinstance(block.get("paragraphs"), list) else []:
                inline(p, False, lang)
        elif kind == "related":
            inline(block.get("label", ""), True, lang)
            for item in block.get("items", []) if isinstance(block.get("items"), list) else []:
                if isinstance(item, dict):
                    inline(item.get("title", ""), False, lang)
        elif kind in ("list", "tags"):
            for item in block.get("items", []) if isinstance(block.get("items"), list) else []:
                inline(item, False, lang)
        elif kind == "image":
            inline(block.get("caption", ""), False, lang)
            inline(block.get("credit", ""), False, lang)
        else:
            inline(block.get("text", ""), False, lang)
            inline(block.get("cite", ""), False, lang)
    return {k: v for k, v in needs.items() if v}


def kib(n: int) -> str:
    return f"{n / 1024:.1f}"


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--fonts", required=True, help="the folder build_fonts.py made (fonts.json and the slices)")
    p.add_argument("--base-fonts", default="/usr/share/fonts/truetype/noto", help="the six base faces")
    p.add_argument("--json", action="store_true", help="one JSON object per article (bytes), not a table")
    p.add_argument("articles", nargs="+")
    args = p.parse_args(argv)
    catalog = Catalog(args.fonts)
    base = base_first_paint(args.base_fonts)
    rows = []
    for path in args.articles:
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        row = [os.path.basename(path), str(article.get("lang", "en"))]
        record = {"file": path, "lang": row[1]}
        for limit in (None, FIRST_SCREEN):
            needs = needs_of(article, base, limit)
            ids = catalog.files_for(needs)
            gz = sum(catalog.files[i][1]["gzip"] for i in ids)
            raw = sum(catalog.files[i][1]["bytes"] for i in ids)
            if limit is None:
                families = sorted({catalog.families[catalog.files[i][0]][0]["name"] for i in ids})
                chars = len(set().union(*needs.values())) if needs else 0
                row += [str(chars), str(len(ids)), kib(raw), kib(gz)]
                record.update(chars=chars, files=len(ids), bytes=raw, gzip=gz, families=families)
            else:
                row += [str(len(ids)), kib(gz)]
                record.update(screen_files=len(ids), screen_gzip=gz)
        row.append(", ".join(families) or "-")
        rows.append(row)
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
    if args.json:
        return 0
    header = ["article", "lang", "chars", "files", "raw KiB", "gzip KiB", "screen files", "screen gzip KiB", "families"]
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print("  ".join(h.ljust(w) if i in (0, 1, 8) else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths))))
    for r in rows:
        print("  ".join(c.ljust(w) if i in (0, 1, 8) else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
