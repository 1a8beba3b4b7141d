"""The order in which each Han variant's characters go into font slices: the ones an article is most
likely to use first, so that an article fetches a few slices of frequent characters and rarely a
slice of rare ones (docs/text-pipeline.md, "Fonts"; README, "Fonts").

Frequency and importance come from the Unihan database (Debian's unicode-data) and Python's own
codecs, nothing else:
- kHanyuPinlu: counts from a corpus of modern Mandarin (Xiandai Hanyu Pinlu Cidian), about 3 800
  characters; a character gets the highest count of itself and its variants (kSimplifiedVariant,
  kTraditionalVariant, kSemanticVariant, kZVariant, two steps), so 們 counts as 们 and 気 as 氣 (气);
- kFrequency (1 = most common, from Chinese Usenet postings) breaks ties;
- tiers of official lists: Simplified Chinese GB 2312 level 1 and the Tongyong Guifan Hanzi Biao
  (kTGH, levels 1-3); Traditional Chinese Big5 level 1 then level 2 (kBigFive); Japanese Joyo
  (kJoyoKanji), Jinmeiyo (kJinmeiyoKanji), JIS X 0208 levels 1 and 2 (kJis0); Korean the 2 350
  hangul syllables of KS X 1001 (Python's euc_kr codec) first, hanja of the education list
  (kKoreanEducationHanja) and KS X 1001 (kKSC0) after.
Within a tier, characters go by their count, then kFrequency, then code point.
"""

from __future__ import annotations

import re

import unicode_data

HANS, HANT, JA, KO = "zh-Hans", "zh-Hant", "ja", "ko"
VARIANTS = (HANS, HANT, JA, KO)

UNIHAN_FIELDS = {"kHanyuPinlu", "kFrequency", "kGB0", "kTGH", "kBigFive", "kJoyoKanji", "kJinmeiyoKanji",
                 "kJis0", "kKSC0", "kKoreanEducationHanja", "kSimplifiedVariant", "kTraditionalVariant",
                 "kSemanticVariant", "kZVariant"}
_VARIANT_FIELDS = ("kSimplifiedVariant", "kTraditionalVariant", "kSemanticVariant", "kZVariant")

# What a reader of each variant meets on every page, before any ideograph: CJK punctuation and
# fullwidth forms for all, kana for Japanese, bopomofo for Traditional Chinese (zhuyin, common in
# Taiwanese informal writing). They go into the first slice.
_LEADING = {
    HANS: [(0x3000, 0x303F), (0xFF00, 0xFFEF)],
    HANT: [(0x3000, 0x303F), (0x3100, 0x312F), (0xFF00, 0xFFEF)],  # and bopomofo
    JA: [(0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0xFF00, 0xFFEF)],
    KO: [(0x3000, 0x303F), (0xFF00, 0xFFEF)],
}


def leading(variant: str) -> list[int]:
    return [cp for a, b in _LEADING[variant] for cp in range(a, b + 1)]


def _pinlu_counts(data: dict) -> dict[int, int]:
    counts: dict[int, int] = {}
    for cp, value in data["kHanyuPinlu"].items():
        counts[cp] = sum(int(n) for n in re.findall(r"\((\d+)\)", value))
    return counts


def _variants(data: dict) -> dict[int, set[int]]:
    links: dict[int, set[int]] = {}
    for field in _VARIANT_FIELDS:
        for cp, value in data[field].items():
            for other in re.findall(r"U\+([0-9A-F]{4,6})", value):
                o = int(other, 16)
                links.setdefault(cp, set()).add(o)
                links.setdefault(o, set()).add(cp)
    return links


def _counts_through_variants(data: dict) -> dict[int, int]:
    """Each character's corpus count: the highest of itself and its variants up to two steps away."""
    own = _pinlu_counts(data)
    links = _variants(data)
    out = dict(own)
    for cp in links:
        near = {cp} | links[cp]
        for v in list(links[cp]):
            near |= links.get(v, set())
        best = max(own.get(v, 0) for v in near)
        if best:
            out[cp] = max(out.get(cp, 0), best)
    return out


def _row(value: str) -> int:
    """The row of a two-byte national standard code given as 4 decimal digits (kGB0, kJis0, kKSC0)."""
    return int(value[:2])


def _ks_x_1001_hangul() -> list[int]:
    out = []
    for cp in range(0xAC00, 0xD7A4):
        # Python's euc_kr also writes the other syllables, as 8-byte KS X 1001 Annex 3 sequences.
        if len(chr(cp).encode("euc_kr")) == 2:
            out.append(cp)
    return out


def order(variant: str, data: dict) -> list[int]:
    """Ideographs (and, for Korean, hangul syllables) in the order slices take them, most likely
    first. Characters not listed here come after, in code point order (the caller adds them)."""
    pinlu = _pinlu_counts(data)
    shared = _counts_through_variants(data)
    freq = {cp: int(v) for cp, v in data["kFrequency"].items()}

    def tiers_of(tier_of, count) -> list[int]:
        keyed = []
        for cp in set(tier_of):
            keyed.append((tier_of[cp], -count.get(cp, 0), freq.get(cp, 6), cp))
        return [k[-1] for k in sorted(keyed)]

    if variant == HANS:
        tier = {}
        for cp in pinlu:
            tier[cp] = 0
        for cp, v in data["kGB0"].items():
            tier.setdefault(cp, 1 if _row(v) <= 55 else 3)
        for cp, v in data["kTGH"].items():
            n = int(v.split(":")[1])
            tier.setdefault(cp, 2 if n <= 3500 else 4 if n <= 6500 else 5)
        return tiers_of(tier, pinlu)
    if variant == HANT:
        tier = {}
        for cp, v in data["kBigFive"].items():
            code = int(v, 16)
            level1 = 0xA440 <= code <= 0xC67E
            tier[cp] = (0 if shared.get(cp) else 1) if level1 else 2
        return tiers_of(tier, shared)
    if variant == JA:
        tier = {}
        for cp in data["kJoyoKanji"]:
            tier[cp] = 0
        for cp in data["kJinmeiyoKanji"]:
            tier.setdefault(cp, 1)
        for cp, v in data["kJis0"].items():
            if 0x3400 <= cp:  # kJis0 also maps kana and symbols: ideographs only here
                tier.setdefault(cp, 2 if _row(v) <= 47 else 3)
        return tiers_of(tier, shared)
    if variant == KO:
        hangul = _ks_x_1001_hangul()
        tier = {cp: 1 for cp in data["kKoreanEducationHanja"]}
        for cp in data["kKSC0"]:
            tier.setdefault(cp, 2)
        return hangul + tiers_of(tier, shared)
    raise ValueError(variant)


def load(ucd: str = unicode_data.UCD) -> dict:
    return unicode_data.unihan(UNIHAN_FIELDS, ucd)
