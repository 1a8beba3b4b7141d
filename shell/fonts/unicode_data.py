"""Readers for the Unicode Character Database files Debian's `unicode-data` package installs in
/usr/share/unicode (Scripts.txt, ScriptExtensions.txt, emoji/*.txt, Unihan_*.txt.bz2), for
build_fonts.py. Python standard library only.
"""

from __future__ import annotations

import bz2
import os
import re

UCD = "/usr/share/unicode"


class DataError(Exception):
    pass


def _lines(path: str):
    """(line number, the line without its comment) for every non-empty line of a UCD text file."""
    opener = bz2.open if path.endswith(".bz2") else open
    try:
        with opener(path, "rt", encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.split("#", 1)[0].strip()
                if line:
                    yield number, line
    except OSError as e:
        raise DataError(f"{path}: {e.strerror} (Debian package unicode-data)") from None


def _code_range(text: str, where: str) -> tuple[int, int]:
    try:
        if ".." in text:
            a, b = text.split("..")
            return int(a, 16), int(b, 16)
        return int(text, 16), int(text, 16)
    except ValueError:
        raise DataError(f"{where}: not a code point range: {text!r}") from None


def property_ranges(name: str, ucd: str = UCD) -> list[tuple[int, int, str]]:
    """`XXXX..YYYY ; Value` lines of a UCD file (relative to ucd/), as (first, last, value)."""
    path = os.path.join(ucd, name)
    out = []
    for number, line in _lines(path):
        fields = [f.strip() for f in line.split(";")]
        if len(fields) < 2:
            raise DataError(f"{path}:{number}: expected `range ; value`")
        a, b = _code_range(fields[0], f"{path}:{number}")
        out.append((a, b, fields[1]))
    return out


def code_points_with(name: str, value: str, ucd: str = UCD) -> set[int]:
    return {cp for a, b, v in property_ranges(name, ucd) if v == value for cp in range(a, b + 1)}


def script_codes(ucd: str = UCD) -> dict[str, str]:
    """Script long name (Scripts.txt: `Arabic`) -> ISO 15924 code (`Arab`), PropertyValueAliases.txt."""
    path = os.path.join(ucd, "PropertyValueAliases.txt")
    out = {}
    for _, line in _lines(path):
        fields = [f.strip() for f in line.split(";")]
        if fields[0] == "sc" and len(fields) >= 3:
            out[fields[2]] = fields[1]
    if "Arabic" not in out:
        raise DataError(f"{path}: no script aliases (sc ; Arab ; Arabic)")
    return out


def scripts(ucd: str = UCD) -> dict[int, str]:
    """Code point -> ISO 15924 code of its Script property (absent: Unknown, Zzzz)."""
    codes = script_codes(ucd)
    out = {}
    for a, b, name in property_ranges("Scripts.txt", ucd):
        code = codes.get(name)
        if code is None:
            raise DataError(f"Scripts.txt: script {name!r} has no alias in PropertyValueAliases.txt")
        for cp in range(a, b + 1):
            out[cp] = code
    return out


def script_extensions(ucd: str = UCD) -> dict[int, set[str]]:
    """Code point -> the ISO 15924 codes of ScriptExtensions.txt (only the code points listed there)."""
    out: dict[int, set[str]] = {}
    for a, b, value in property_ranges("ScriptExtensions.txt", ucd):
        for cp in range(a, b + 1):
            out[cp] = set(value.split())
    return out


def blocks(ucd: str = UCD) -> list[tuple[int, int, str]]:
    return property_ranges("Blocks.txt", ucd)


def emoji_property(value: str, ucd: str = UCD) -> set[int]:
    """Code points with an emoji property (emoji/emoji-data.txt: Emoji, Emoji_Presentation, ...)."""
    return code_points_with(os.path.join("emoji", "emoji-data.txt"), value, ucd)


def emoji_sequences(ucd: str = UCD) -> list[tuple[int, ...]]:
    """The RGI emoji of emoji-sequences.txt and emoji-zwj-sequences.txt, as code point tuples (a
    range of single code points gives one tuple each)."""
    out = []
    for name in ("emoji-sequences.txt", "emoji-zwj-sequences.txt"):
        path = os.path.join(ucd, "emoji", name)
        for number, line in _lines(path):
            field = line.split(";", 1)[0].strip()
            if ".." in field:
                a, b = _code_range(field, f"{path}:{number}")
                out.extend((cp,) for cp in range(a, b + 1))
            else:
                try:
                    out.append(tuple(int(x, 16) for x in field.split()))
                except ValueError:
                    raise DataError(f"{path}:{number}: not a code point sequence: {field!r}") from None
    return out


def emoji_test_order(ucd: str = UCD) -> list[tuple[int, ...]]:
    """Every sequence of emoji-test.txt in its order (CLDR's: faces, people, animals, ..., flags),
    which keeps related emoji together."""
    path = os.path.join(ucd, "emoji", "emoji-test.txt")
    out = []
    for number, line in _lines(path):
        field = line.split(";", 1)[0].strip()
        try:
            out.append(tuple(int(x, 16) for x in field.split()))
        except ValueError:
            raise DataError(f"{path}:{number}: not a code point sequence: {field!r}") from None
    return out


_UNIHAN_LINE = re.compile(r"U\+([0-9A-F]{4,6})\t(k\w+)\t(.*)")


def unihan(fields: set[str], ucd: str = UCD) -> dict[str, dict[int, str]]:
    """The Unihan fields asked for: field -> {code point: value}. Reads every Unihan_*.txt.bz2."""
    out: dict[str, dict[int, str]] = {f: {} for f in fields}
    names = sorted(n for n in os.listdir(ucd) if n.startswith("Unihan_") and n.endswith(".txt.bz2"))
    if not names:
        raise DataError(f"{ucd}: no Unihan_*.txt.bz2 (Debian package unicode-data)")
    for name in names:
        with bz2.open(os.path.join(ucd, name), "rt", encoding="utf-8") as f:
            for line in f:
                m = _UNIHAN_LINE.match(line)
                if m and m.group(2) in out:
                    out[m.group(2)][int(m.group(1), 16)] = m.group(3)
    return out


def parse_unicodes(text: str) -> set[int]:
    """pyftsubset's --unicodes syntax as CMake passes it: `U+0020-007E,U+00A0,...`."""
    out: set[int] = set()
    for item in filter(None, (s.strip() for s in text.split(","))):
        m = re.fullmatch(r"(?:U\+)?([0-9A-Fa-f]{1,6})(?:-(?:U\+)?([0-9A-Fa-f]{1,6}))?", item)
        if not m:
            raise DataError(f"not a code point or range: {item!r}")
        a = int(m.group(1), 16)
        b = int(m.group(2), 16) if m.group(2) else a
        if b < a:
            raise DataError(f"range ends before it starts: {item!r}")
        out.update(range(a, b + 1))
    return out


def to_ranges(cps) -> list[list[int]]:
    """Sorted code points as inclusive [first, last] pairs."""
    out: list[list[int]] = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out
