"""How Noto Color Emoji is cut into slices (docs/text-pipeline.md, "Fonts", "Emoji slices").

Every emoji sequence (ZWJ sequences, skin tones, flags, keycaps, tag sequences) must shape inside
one slice, so a sequence goes to the slice that owns its *key*: its first code point that is not
a base-face character (the first-paint subset: digits, #, *, ©, ®, ‼, ⁉, ™) nor ZWJ nor a tag
character. The key of 1️⃣ and ©️ is therefore U+FE0F; U+20E3 (keycap without VS16) is owned by
the same slice. A slice's `ranges` list the keys it owns (no two slices own a code point); the
slice also maps every other code point its sequences use (components). The itemiser finds a
cluster's slice as the slice owning the cluster's first code point that any emoji slice owns,
which is the key by construction.

Sequences come from emoji-test.txt (every status: fully-qualified, minimally-qualified,
unqualified, component), checked against emoji-sequences.txt and emoji-zwj-sequences.txt; the
glyph each one becomes is read from the font's own ligature table. Keys are packed into slices
in emoji-test.txt's order (faces, people, animals, food, ..., flags), which keeps emoji that are
used together in few slices.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import unicode_data

VS16 = 0xFE0F
ZWJ = 0x200D
KEYCAP = 0x20E3
TAGS = range(0xE0020, 0xE0080)


class EmojiError(Exception):
    pass


@dataclass
class Sequence:
    cps: tuple[int, ...]
    glyphs: list[str]  # the glyphs of its code points (VS16 dropped: the font has none) ...
    result: str        # ... and the glyph shaping gives


@dataclass
class Group:
    key: int
    sequences: list[Sequence] = field(default_factory=list)

    def glyphs(self) -> set[str]:
        return {g for s in self.sequences for g in s.glyphs} | {s.result for s in self.sequences}


def main_ligatures(font):
    """The font's ligature lookup holding the emoji sequences (the biggest LigatureSubst) and its
    index."""
    best, best_index, best_count = None, -1, -1
    for index, lookup in enumerate(font["GSUB"].table.LookupList.Lookup):
        if lookup.LookupType != 4:
            continue
        count = sum(len(v) for st in lookup.SubTable for v in st.ligatures.values())
        if count > best_count:
            best, best_index, best_count = lookup, index, count
    if best is None:
        raise EmojiError("no ligature lookup")
    table = {}
    for st in best.SubTable:
        for first, ligs in st.ligatures.items():
            for lig in ligs:
                table[(first,) + tuple(lig.Component)] = lig.LigGlyph
    return best_index, table


def key_of(cps: tuple[int, ...], base: set[int]) -> int | None:
    for cp in cps:
        if cp in base or cp == ZWJ or cp in TAGS:
            continue
        return VS16 if cp == KEYCAP else cp
    return None


def groups(font, base: set[int], ucd: str = unicode_data.UCD) -> tuple[list[Group], list[str]]:
    """The font's emoji sequences grouped by key, in emoji-test.txt order; and notes on sequences
    the Unicode files list that the font cannot draw as one glyph."""
    cmap = font.getBestCmap()
    _, ligatures = main_ligatures(font)
    emoji = unicode_data.emoji_property("Emoji", ucd)
    notes = []

    def resolve(cps: tuple[int, ...]) -> Sequence | None:
        drawn = tuple(cp for cp in cps if cp != VS16)
        if any(cp not in cmap for cp in drawn):
            return None
        glyphs = [cmap[cp] for cp in drawn]
        if len(glyphs) == 1:
            return Sequence(cps, glyphs, glyphs[0])
        result = ligatures.get(tuple(glyphs))
        return Sequence(cps, glyphs, result) if result else None

    by_key: dict[int, Group] = {}
    order: list[int] = []
    seen: set[tuple[int, ...]] = set()

    def add(cps: tuple[int, ...], listed_in: str) -> None:
        if cps in seen:
            return
        seen.add(cps)
        seq = resolve(cps)
        if seq is None:
            notes.append(f"{listed_in}: {' '.join(f'{c:04X}' for c in cps)} is not one glyph in the font")
            return
        key = key_of(cps, base)
        if key is None:
            return  # a base-face character alone (digits, ©): the base faces draw it
        if key not in by_key:
            by_key[key] = Group(key)
            order.append(key)
        by_key[key].sequences.append(seq)

    for cps in unicode_data.emoji_test_order(ucd):
        add(cps, "emoji-test.txt")
    for cps in unicode_data.emoji_sequences(ucd):
        add(cps, "emoji-sequences.txt")
    # Single code points the font draws that no list names (regional indicators alone, ...).
    for cp in sorted(cmap):
        if cp in emoji and cp not in base:
            add((cp,), "emoji-data.txt")
    # U+20E3 alone is owned with the keycaps (key_of maps it to VS16's group).
    if VS16 in by_key and KEYCAP in cmap:
        by_key[VS16].sequences.append(Sequence((KEYCAP,), [cmap[KEYCAP]], cmap[KEYCAP]))
    return [by_key[k] for k in order], notes


def owned(group: Group) -> set[int]:
    """The code points a group's slice is chosen for: its key (and U+20E3 with VS16's group)."""
    return {group.key, KEYCAP} if group.key == VS16 else {group.key}


def support_glyphs(font, main_index: int, glyphs: set[str]) -> set[str]:
    """Glyphs the font's other lookups produce from `glyphs` (a lone regional indicator or tag
    becomes the font's unknown-flag glyph), so those rules keep working in the slice."""
    out = set(glyphs)
    changed = True
    while changed:
        changed = False
        for index, lookup in enumerate(font["GSUB"].table.LookupList.Lookup):
            if index == main_index:
                continue
            for st in lookup.SubTable:
                new = set()
                if lookup.LookupType == 1:
                    new = {v for k, v in st.mapping.items() if k in out}
                elif lookup.LookupType == 2:
                    new = {g for k, v in st.mapping.items() if k in out for g in v}
                elif lookup.LookupType == 4:
                    new = {lig.LigGlyph for first, ligs in st.ligatures.items() if first in out
                           for lig in ligs if all(c in out for c in lig.Component)}
                if not new <= out:
                    out |= new
                    changed = True
    return out


def pack(groups_: list[Group], cost, budget: int) -> list[list[Group]]:
    """Consecutive groups into slices of at most `budget` bytes of glyph data (a group bigger than
    the budget is a slice of its own)."""
    slices: list[list[Group]] = []
    current: list[Group] = []
    current_glyphs: set[str] = set()
    for group in groups_:
        glyphs = current_glyphs | group.glyphs()
        if current and sum(cost(g) for g in glyphs) > budget:
            slices.append(current)
            current, glyphs = [], group.glyphs()
        current.append(group)
        current_glyphs = glyphs
    if current:
        slices.append(current)
    return slices


def check_slice(font, groups_: list[Group]) -> list[str]:
    """Problems of a built slice: a sequence of its groups that the slice's ligatures (or cmap) no
    longer turn into the expected glyph."""
    cmap = font.getBestCmap()
    try:
        _, ligatures = main_ligatures(font)
    except (EmojiError, KeyError):
        ligatures = {}  # a slice of single code points keeps no ligature lookup
    bitmaps = {g for strike in font["CBDT"].strikeData for g in strike}
    problems = []
    for group in groups_:
        for seq in group.sequences:
            drawn = tuple(cp for cp in seq.cps if cp != VS16)
            if any(cp not in cmap for cp in drawn):
                problems.append(f"{' '.join(f'{c:04X}' for c in seq.cps)}: a code point is missing from the cmap")
                continue
            glyphs = tuple(cmap[cp] for cp in drawn)
            got = glyphs[0] if len(glyphs) == 1 else ligatures.get(glyphs)
            if got is None:
                problems.append(f"{' '.join(f'{c:04X}' for c in seq.cps)}: the ligature is gone")
            elif got not in bitmaps:
                problems.append(f"{' '.join(f'{c:04X}' for c in seq.cps)}: its glyph has no bitmap")
    return problems
