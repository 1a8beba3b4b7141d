#!/usr/bin/env python3
"""Writes core's generated text tables (run by CMake at build time; nothing generated is committed):

  text_class_table.inc  from Debian's unicode-data (/usr/share/unicode): what each code point asks
                        of the layout (core/text/text_class.hpp), as sorted range starts.
  base_coverage.inc     from the base faces (Debian's fonts-noto-core) and the web build's two subset
                        lists: the code points every base face really draws in its first-paint subset
                        and in its extended subset. pyftsubset drops characters a font lacks without a
                        word (U+2212 and U+25CF are in the first-paint list and in no Noto Serif face),
                        so the lists alone would promise glyphs that are not there.

Usage: gen_text_tables.py --unicode DIR --fonts FONT... --first-paint U+.. --extended U+.. --out DIR
"""
import argparse
import os
import re
import sys

# What the table stores (text_class.hpp): RICH, HAN, EMOJI, DICTIONARY. The finer reasons a character is rich
# (right-to-left, shaped, CJK line breaking, dictionary breaking) are the engine's business; keeping
# them out of the table makes it a third of the size.
RICH, HAN_BIT, EMOJI_BIT, DICTIONARY_BIT = 1, 2, 4, 8
RTL, SHAPED, CJK, DICTIONARY, EMOJI, HAN = 1, 2, 4, 8, 16, 32

# Scripts the code-point path draws well: alphabets without shaping, and the CJK scripts (which
# are rich for their line breaking, not for shaping). Every other script is shaped.
UNSHAPED_SCRIPTS = {
    "Latin", "Greek", "Cyrillic", "Common", "Inherited", "Han", "Hiragana", "Katakana", "Hangul",
    "Bopomofo", "Armenian", "Georgian", "Cherokee", "Ethiopic", "Canadian_Aboriginal", "Runic",
    "Ogham", "Coptic", "Glagolitic", "Gothic", "Old_Italic", "Deseret", "Braille", "Yi", "Vai",
    "Tifinagh", "Lisu", "Osage", "Unknown",
}
HAN_SCRIPTS = {"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"}
CJK_LINE_BREAK = {"ID", "CJ", "H2", "H3", "JL", "JV", "JT"}
# Explicit bidi formatting characters and marks that can reorder text with no strong R/AL letter.
BIDI_CONTROLS = [(0x061C, 0x061C), (0x200F, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069)]
# Parts of emoji sequences: ZWJ, VS16, the keycap mark, skin tones, tags.
EMOJI_COMPONENTS = [(0x200D, 0x200D), (0xFE0F, 0xFE0F), (0x20E3, 0x20E3), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F)]

LINE = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([^#\s;]+)")


def read_property(path):
    """Yields (first, last, value) from a UCD file of `code(..code) ; value` lines."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line)
            if m:
                first = int(m.group(1), 16)
                yield first, int(m.group(2), 16) if m.group(2) else first, m.group(3)


def text_classes(unicode_dir):
    cls = bytearray(0x110000)
    script = [None] * 0x110000

    def mark(first, last, bits):
        for cp in range(first, last + 1):
            cls[cp] |= bits

    for first, last, value in read_property(os.path.join(unicode_dir, "Scripts.txt")):
        for cp in range(first, last + 1):
            script[cp] = value
        if value not in UNSHAPED_SCRIPTS:
            mark(first, last, SHAPED)
        if value in HAN_SCRIPTS:
            mark(first, last, HAN | CJK)
    for first, last, value in read_property(os.path.join(unicode_dir, "extracted", "DerivedBidiClass.txt")):
        if value in ("R", "AL"):
            mark(first, last, RTL)
    for first, last in BIDI_CONTROLS:
        mark(first, last, RTL)
    for first, last, value in read_property(os.path.join(unicode_dir, "LineBreak.txt")):
        if value in CJK_LINE_BREAK:
            mark(first, last, CJK)
        elif value == "SA":
            mark(first, last, DICTIONARY)
    for first, last, value in read_property(os.path.join(unicode_dir, "emoji", "emoji-data.txt")):
        if value == "Emoji_Presentation":
            mark(first, last, EMOJI)
    for first, last in EMOJI_COMPONENTS:
        mark(first, last, EMOJI)
    # Wide and fullwidth punctuation of the Common script (、。「」！（）) takes the Han variant's
    # glyphs and CJK line breaking; wide emoji stay emoji.
    for first, last, value in read_property(os.path.join(unicode_dir, "EastAsianWidth.txt")):
        if value in ("W", "F"):
            for cp in range(first, last + 1):
                if script[cp] == "Common" and not cls[cp] & EMOJI:
                    cls[cp] |= HAN | CJK
    out = bytearray(0x110000)
    for cp, c in enumerate(cls):
        if c:
            out[cp] = (RICH | (HAN_BIT if c & HAN else 0) | (EMOJI_BIT if c & EMOJI else 0) |
                       (DICTIONARY_BIT if c & DICTIONARY else 0))
    # Short stretches of plain characters between two rich ones of the same kind inside one block
    # of a rich script (the Arabic comma and marks, unassigned code points) count as rich too: it
    # changes nothing for a paragraph that holds the script anyway, and the table is a third of the
    # size. Never in the blocks Latin text uses (General Punctuation holds RLM and the bidi
    # controls, but also “ ” … — which must stay plain).
    block = block_starts(unicode_dir)
    starts = ranges_of(out)
    for i in range(1, len(starts) - 1):
        (a, prev), (b, v), (c, nxt) = starts[i - 1], starts[i], starts[i + 1]
        same_block = block[b - 1] == block[c] and block[b - 1][1] not in SHARED_BLOCKS
        if v == 0 and prev == nxt and prev and c - b <= 32 and same_block:
            out[b:c] = bytes([prev]) * (c - b)
    return out


SHARED_BLOCKS = {"Basic Latin", "Latin-1 Supplement", "General Punctuation", "Combining Diacritical Marks",
                 "Variation Selectors", "Specials", "Letterlike Symbols", "Number Forms", "Arrows",
                 "Mathematical Operators", "Geometric Shapes", "Miscellaneous Symbols", "Dingbats"}


def block_starts(unicode_dir):
    """The (first code point, name) of the Unicode block each code point is in (Blocks.txt)."""
    block = [(-1, "")] * 0x110000
    with open(os.path.join(unicode_dir, "Blocks.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^([0-9A-F]+)\.\.([0-9A-F]+); (.+)$", line.strip())
            if m:
                first, last = int(m.group(1), 16), int(m.group(2), 16)
                block[first:last + 1] = [(first, m.group(3))] * (last - first + 1)
    return block


def ranges_of(values):
    """Sorted (start, value) pairs: value holds from start to the next start."""
    out = []
    for cp, v in enumerate(values):
        if not out or out[-1][1] != v:
            out.append((cp, v))
    return out


def parse_unicodes(spec):
    """pyftsubset's --unicodes syntax: U+XXXX or U+XXXX-YYYY, comma separated."""
    cps = set()
    for part in spec.split(","):
        part = part.strip().upper().replace("U+", "")
        if not part:
            continue
        first, _, last = part.partition("-")
        cps.update(range(int(first, 16), int(last or first, 16) + 1))
    return cps


def base_coverage(fonts, first_paint, extended):
    from fontTools.ttLib import TTFont  # Debian's fonttools; only this output needs it

    common = None
    for path in fonts:
        cmap = set(TTFont(path, lazy=True).getBestCmap())
        common = cmap if common is None else common & cmap
    return sorted(first_paint & common), sorted(extended & common - first_paint)


def write_ranges(out, name, values):
    starts = ranges_of(values)
    out.write("// %d ranges: (first code point << 8) | value; the value holds up to the next entry.\n" % len(starts))
    out.write("static const std::uint32_t %s[] = {\n" % name)
    for i in range(0, len(starts), 8):
        out.write("    " + ", ".join("0x%08X" % (cp << 8 | v) for cp, v in starts[i:i + 8]) + ",\n")
    out.write("};\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--unicode", required=True)
    ap.add_argument("--fonts", nargs="+", required=True)
    ap.add_argument("--first-paint", required=True)
    ap.add_argument("--extended", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    for name in ("Scripts.txt", "LineBreak.txt", "EastAsianWidth.txt"):
        if not os.path.exists(os.path.join(a.unicode, name)):
            sys.exit("gen_text_tables.py: %s missing: install Debian's unicode-data (tests/bootstrap.sh)" % name)
    os.makedirs(a.out, exist_ok=True)
    header = "// Generated by wasm/core/text/gen_text_tables.py at build time: do not edit.\n"
    with open(os.path.join(a.out, "text_class_table.inc"), "w") as out:
        out.write(header)
        write_ranges(out, "text_class_ranges", text_classes(a.unicode))
    first, ext = base_coverage(a.fonts, parse_unicodes(a.first_paint), parse_unicodes(a.extended))
    values = bytearray(0x110000)
    for cp in first:
        values[cp] = 1
    for cp in ext:
        values[cp] = 2
    with open(os.path.join(a.out, "base_coverage.inc"), "w") as out:
        out.write(header)
        out.write("// 1: every base face draws it from its first-paint subset; 2: from its extended subset.\n")
        write_ranges(out, "base_coverage_ranges", values)


if __name__ == "__main__":
    main()
