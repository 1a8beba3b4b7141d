#!/usr/bin/python3
"""Checks the folder shell/fonts/build_fonts.py made (build/native/fonts-more), independently of
the script that made it:

- the manifest's sizes are the files' (raw and gzip -9), and each file maps every code point its
  ranges (or its family's map) give it;
- fallback files have no hinting and no layout tables; shaped ones keep GSUB and GPOS, the dotted
  circle and ZWJ/ZWNJ, and HarfBuzz (hb-shape, Debian's libharfbuzz-bin) shapes text of their script
  with them exactly as with the whole Debian font (same clusters, advances and offsets);
- every emoji of emoji-test.txt (fully-qualified) shapes to one glyph, not .notdef, in the slice
  that owns its first owned code point (docs/text-pipeline.md, "Emoji slices").

    test_fonts_folder.py FOLDER [NOTO_DIR]

The emoji slice that owns U+FE0F (keycaps, ©️) has no glyph for it, as the whole font has none:
HarfBuzz hides a variation selector the font does not map.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile

from fontTools.ttLib import TTFont

MAP_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
EMOJI_TEST = "/usr/share/unicode/emoji/emoji-test.txt"
VS16 = 0xFE0F
# Each shaped family's Debian font and text to shape with both.
SHAPED_SOURCES = {
    "arabic": ("NotoNaskhArabic", ["بِسْمِ اللَّهِ الرَّحْمَٰنِ", "لا إله", "کتاب‌خانه‌ها ۱۲۳", "یہ کتب خانہ ہے۔", "(٤٥٠٠) «نص»"]),
    "hebrew": ("NotoSansHebrew", ["שָׁלוֹם עוֹלָם", "בְּרֵאשִׁית, 2025!"]),
    "devanagari": ("NotoSansDevanagari", ["क्षत्रिय हिन्दी", "श्री र्क ॥ १२३", "◌ि"]),
    "bengali": ("NotoSansBengali", ["ক্ষমা বাংলা ভাষা।", "র্ক ৳১২"]),
    "tamil": ("NotoSansTamil", ["ஸ்ரீ தமிழ் மொழி", "க்ஷ கொ கௌ"]),
    "thai": ("NotoSansThai", ["กำลังภาษาไทย", "น้ำ ฯลฯ ๑๒๓"]),
}

failures: list[str] = []


def check(ok: bool, message: str) -> None:
    if not ok:
        failures.append(message)


def owned(family: dict) -> list[set[int]]:
    """Each file's code points: its ranges, or what the family's map gives it."""
    files = family["files"]
    out = [{cp for a, b in f.get("ranges", []) for cp in range(a, b + 1)} for f in files]
    if "map" in family:
        width = 1 if len(files) <= len(MAP_ALPHABET) else 2
        text = family["map"]["files"]
        i = 0
        for a, b in family["map"]["ranges"]:
            for cp in range(a, b + 1):
                index = 0
                for d in text[i * width:(i + 1) * width]:
                    index = index * len(MAP_ALPHABET) + MAP_ALPHABET.index(d)
                out[index].add(cp)
                i += 1
    return out


def shape(font: str, lines: list[str], positions: bool = False) -> list[list[str]]:
    """hb-shape, one buffer per line: each glyph as hb-shape writes it (`gid`, or with positions
    `gid=cluster@x,y+advance`)."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        path = f.name
    flags = ["--no-glyph-names"] + ([] if positions else ["--no-positions", "--no-clusters"])
    try:
        out = subprocess.run(["hb-shape", *flags, font, f"--text-file={path}"], check=True, capture_output=True,
                             text=True).stdout
    finally:
        os.unlink(path)
    return [[g for g in line.strip("[]").split("|") if g] for line in out.splitlines()]


def main() -> int:
    folder = sys.argv[1]
    noto = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/fonts/truetype/noto"
    with open(os.path.join(folder, "fonts.json"), encoding="utf-8") as f:
        doc = json.load(f)
    check(doc["format"] == "av-fonts/1", f"format {doc['format']!r}")
    names = [f["name"] for f in doc["families"]]
    check(names[:5] == ["base-rest", "math", "symbols", "symbols2", "mono"] and
          names[5:9] == ["cjk-zh-hans", "cjk-zh-hant", "cjk-ja", "cjk-ko"], f"the fallback order is {names[:9]}")
    # base-rest holds what Noto Serif draws beyond the web's subsets of the base faces: ᵢ, ⅓, ἀ.
    rest = {cp for entry in doc["families"][0]["files"] for a, b in entry["ranges"] for cp in range(a, b + 1)}
    check({0x1D62, 0x2153, 0x1F00} <= rest and not rest & {0x41, 0xE9, 0x416}, "base-rest's code points")
    listed = set()
    emoji_family = None
    for family in doc["families"]:
        per_file = owned(family)
        seen: set[int] = set()
        for entry, cps in zip(family["files"], per_file):
            path = os.path.join(folder, entry["file"])
            listed.add(entry["file"])
            with open(path, "rb") as f:
                data = f.read()
            check(entry["bytes"] == len(data), f"{entry['file']}: bytes {entry['bytes']}, the file has {len(data)}")
            check(entry["gzip"] == len(gzip.compress(data, 9, mtime=0)), f"{entry['file']}: gzip size")
            check(not (cps & seen), f"{entry['file']}: shares code points with another file of {family['name']}")
            seen |= cps
            font = TTFont(path, lazy=True)
            cmap = font.getBestCmap()
            missing = sorted(cps - set(cmap) - {VS16})
            check(not missing, f"{entry['file']}: no glyph for {len(missing)} of its code points, e.g. U+{missing[0]:04X}" if missing else "")
            tables = set(font.keys())
            if family["kind"] == "fallback":
                check(not tables & {"GSUB", "GPOS", "GDEF", "fpgm", "prep", "cvt "}, f"{entry['file']}: keeps {sorted(tables & {'GSUB', 'GPOS', 'GDEF', 'fpgm', 'prep', 'cvt '})}")
            elif not family.get("color"):
                check({"GSUB", "GDEF"} <= tables, f"{entry['file']}: lost its layout tables")
                check(not tables & {"fpgm", "prep", "cvt "}, f"{entry['file']}: keeps hinting")
                for cp in (0x25CC, 0x200C, 0x200D):
                    check(cp in cmap, f"{entry['file']}: no U+{cp:04X}")
        if family.get("color"):
            emoji_family = (family, per_file)
    extra = set(os.listdir(folder)) - listed - {"fonts.json"}
    check(not extra, f"files the manifest does not list: {sorted(extra)[:5]}")

    # The shaped slices shape as the whole fonts do (glyph ids differ, nothing else may).
    for family in doc["families"]:
        if family["kind"] != "shaped" or family.get("color"):
            continue
        stem, texts = SHAPED_SOURCES[family["name"]]
        style = "Bold" if family["weight"] == 700 else "Regular"
        whole = shape(os.path.join(noto, f"{stem}-{style}.ttf"), texts, positions=True)
        part = shape(os.path.join(folder, family["files"][0]["file"]), texts, positions=True)
        for text, a, b in zip(texts, whole, part):
            # Glyph ids differ; .notdef (where the whole font lacks a character too) must not.
            strip = lambda glyphs: [("notdef=" if g.startswith("0=") else "") + g.split("=", 1)[1] for g in glyphs]  # noqa: E731
            check(strip(a) == strip(b), f"{family['files'][0]['file']}: {text} shapes as {b}, the whole font as {a}")

    # Every fully-qualified emoji, in the slice owning its first owned code point.
    family, per_file = emoji_family
    owner = {cp: i for i, cps in enumerate(per_file) for cp in cps}
    by_file: dict[int, list[str]] = {}
    count = 0
    with open(EMOJI_TEST, encoding="utf-8") as f:
        for line in f:
            if "; fully-qualified" not in line:
                continue
            cps = [int(x, 16) for x in line.split(";")[0].split()]
            key = next((owner[cp] for cp in cps if cp in owner), None)
            check(key is not None, f"no emoji slice owns a code point of {line.split('#')[1].strip()}")
            if key is not None:
                by_file.setdefault(key, []).append("".join(map(chr, cps)))
                count += 1
    for index, sequences in by_file.items():
        glyphs = shape(os.path.join(folder, family["files"][index]["file"]), sequences)
        for seq, got in zip(sequences, glyphs):
            check(len(got) == 1 and got[0] != "0", f"{family['files'][index]['file']}: {seq} shapes to {got}")
    check(count > 3500, f"only {count} emoji checked")

    if failures:
        for message in failures[:40]:
            print("FAIL:", message)
        print(f"{len(failures)} failures")
        return 1
    print(f"ok: {len(listed)} files, {count} emoji sequences shaped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
