#!/usr/bin/python3
"""Builds the fonts beyond the six base faces: a folder of font slices and their manifest,
fonts.json (format av-fonts/1, docs/text-pipeline.md "Fonts"), from Debian's font packages.

    build_fonts.py --out DIR --base-unicodes U+0020-007E,... --ext-unicodes U+0180-024F,...

Families, in the manifest's order (the fallback order first):
- fallback, drawn by code point behind every face (no hinting, no layout tables): base-rest
  (NotoSerif-Regular: what no subset of the base faces has), math (NotoSansMath), symbols (NotoSansSymbols), symbols2 (NotoSansSymbols2), mono (NotoSansMono, box
  drawing and block elements only), then cjk-zh-hans, cjk-zh-hant, cjk-ja, cjk-ko (one face of
  NotoSansCJK-Regular.ttc each, Regular only). A code point belongs to the first of them that has
  it, never to one the base faces draw; box drawing only to mono (one design for a whole table).
- shaped, drawn by glyph id after HarfBuzz (layout tables kept, no hinting), Regular and Bold:
  arabic (Noto Naskh Arabic), hebrew, devanagari, bengali, tamil, thai (Noto Sans), one slice
  each; emoji (Noto Color Emoji), sliced by emoji_groups.py.
CJK faces are sliced by cjk_order.py's frequency order; the manifest gives their slices as one
map per family (below), the other families as ranges per file.

Debian's python3 and fontTools only. Two processes by default (--jobs); each source font is read
once per process. --cache DIR keeps the result under a key made of this folder's scripts, the
arguments and the input files' contents, so the native and web builds share one run.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import multiprocessing
import os
import resource
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fontTools import subset  # noqa: E402
from fontTools.ttLib import TTFont  # noqa: E402

import cjk_order  # noqa: E402
import cjk_slices  # noqa: E402
import emoji_groups  # noqa: E402
import unicode_data  # noqa: E402

FORMAT = "av-fonts/1"
NOTO = "/usr/share/fonts/truetype/noto"
NOTO_CJK = "/usr/share/fonts/opentype/noto"
BASE_FACES = ("NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic",
              "NotoSans-Regular", "NotoSans-Bold")
# base-rest: what Noto Serif draws beyond the web's two subsets of the base faces (IPA, phonetic
# subscripts such as U+1D62, polytonic Greek, number forms such as U+2153, Latin Extended-C/D, ...):
# the desktop's whole faces do not draw them either (ui/fonts.cpp), so both draw them from here.
FALLBACK = (("base-rest", "NotoSerif-Regular.ttf"), ("math", "NotoSansMath-Regular.ttf"),
            ("symbols", "NotoSansSymbols-Regular.ttf"),
            ("symbols2", "NotoSansSymbols2-Regular.ttf"), ("mono", "NotoSansMono-Regular.ttf"))
MONO_ONLY = range(0x2500, 0x25A0)  # box drawing and block elements: mono's alone
CJK_FILE = "NotoSansCJK-Regular.ttc"
CJK_FACES = {cjk_order.HANS: "SC", cjk_order.HANT: "TC", cjk_order.JA: "JP", cjk_order.KO: "KR"}
SHAPED = (("arabic", "Arab", "NotoNaskhArabic"), ("hebrew", "Hebr", "NotoSansHebrew"),
          ("devanagari", "Deva", "NotoSansDevanagari"), ("bengali", "Beng", "NotoSansBengali"),
          ("tamil", "Taml", "NotoSansTamil"), ("thai", "Thai", "NotoSansThai"))
WEIGHTS = (("Regular", 400), ("Bold", 700))
EMOJI_FILE = "NotoColorEmoji.ttf"
# What text in a shaped script uses besides its own letters: ASCII punctuation and digits, spaces,
# the no-break space and guillemets, general punctuation (ZWNJ, ZWJ, LRM, RLM, dashes, quotes) and
# the dotted circle HarfBuzz shows a lone mark on.
SHAPED_COMMON = set(range(0x20, 0x41)) | set(range(0x5B, 0x61)) | set(range(0x7B, 0x7F)) | {
    0xA0, 0xAB, 0xAD, 0xBB, 0xD7, 0xF7, 0x25CC} | set(range(0x2000, 0x2070))
NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # names, version, copyright, the OFL and its URL

# Slice sizes (measured: README "Fonts", tests/bench/font_transfer.py).
SLICE_BYTES = 40_000         # fallback families (math, symbols): glyph data per slice
EMOJI_SLICE_BYTES = 12_000   # emoji: PNG bytes per slice (one group may exceed it)
# CJK, in characters of the frequency order: the first slice (after the leading punctuation and
# kana), then slices of `step` up to rank `until`, ...; the rest (characters no list ranks) by
# code point in `tail` slices.
CJK_FIRST = 1000
CJK_STEPS = ((40, 3000), (80, 6000), (150, 14000))
CJK_TAIL = 400
MAP_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


class BuildError(Exception):
    pass


# --- worker side: every source font read once per process ----------------------------------------

_SOURCES: dict[str, bytes] = {}
_FACES: dict[tuple[str, int], TTFont] = {}


def _source(path: str) -> bytes:
    if path not in _SOURCES:
        try:
            with open(path, "rb") as f:
                _SOURCES[path] = f.read()
        except OSError as e:
            raise BuildError(f"{path}: {e.strerror}") from None
    return _SOURCES[path]


def _face(path: str, number: int = -1) -> TTFont:
    """A read-only parsed face, kept for the process (CJK glyphs are drawn from it)."""
    key = (path, number)
    if key not in _FACES:
        _FACES[key] = TTFont(io.BytesIO(_source(path)), fontNumber=number, lazy=True)
    return _FACES[key]


def _subset(path: str, glyphs: set[str] | None, unicodes: set[int], shaped: bool) -> bytes:
    """fontTools' subsetter on a fresh copy of the source (it changes the font it works on)."""
    font = TTFont(io.BytesIO(_source(path)), lazy=True)
    options = subset.Options()
    options.hinting = False
    options.name_IDs = NAME_IDS
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "vhea", "vmtx", "VORG", "BASE", "STAT", "MATH"]
    if shaped:
        options.layout_features = ["*"]
    else:
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    if glyphs is not None:
        options.layout_closure = False  # exactly these glyphs: emoji_groups chose them
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=sorted(glyphs or []), unicodes=sorted(unicodes))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _run(job: tuple):
    """One unit of work in a worker process; returns plain data."""
    kind = job[0]
    if kind == "subset":  # (kind, out name, path, unicodes, shaped)
        _, name, path, unicodes, shaped = job
        return kind, name, _subset(path, None, unicodes, shaped)
    if kind == "emoji":  # (kind, [(out name, glyphs, groups)], path)
        _, slices, path = job
        out = []
        for name, glyphs, groups in slices:
            data = _subset(path, glyphs, set(), True)
            problems = emoji_groups.check_slice(TTFont(io.BytesIO(data)), groups)
            if problems:
                raise BuildError(f"{name}: {len(problems)} emoji sequences do not shape: {problems[0]}")
            out.append((name, data))
        return kind, out, None
    if kind == "cjk-glyphs":  # (kind, path, face number, names)
        _, path, number, names = job
        return kind, cjk_slices.convert_glyphs(_face(path, number), names), None
    if kind == "cjk-slices":  # (kind, [(out name, ps name, cmap)], info, glyph data)
        _, slices, info, glyphs = job
        return kind, [(name, cjk_slices.build_slice(info, ps, cmap, glyphs)) for name, ps, cmap in slices], None
    raise ValueError(kind)


# --- planning (main process) ----------------------------------------------------------------------


def _cmap(path: str, number: int = -1) -> dict[int, str]:
    try:
        return TTFont(path, fontNumber=number, lazy=True).getBestCmap()
    except OSError as e:
        raise BuildError(f"{path}: {e.strerror}") from None


def _glyph_sizes(path: str) -> dict[str, int]:
    """Bytes of each glyph's outline in a TrueType font (from loca): the cost of a code point."""
    font = TTFont(path, lazy=True)
    loca = font["loca"]
    order = font.getGlyphOrder()
    return {order[i]: loca[i + 1] - loca[i] for i in range(len(order))}


def _cjk_face_numbers(path: str) -> dict[str, int]:
    """Han variant -> index of its face in the collection, from the faces' family names."""
    from fontTools.ttLib import TTCollection
    collection = TTCollection(path, lazy=True)
    found = {}
    for number, face in enumerate(collection.fonts):
        family = face["name"].getDebugName(1) or ""
        for variant, region in CJK_FACES.items():
            if family == f"Noto Sans CJK {region}":
                found[variant] = number
    missing = [v for v in CJK_FACES if v not in found]
    if missing:
        raise BuildError(f"{path}: no face named Noto Sans CJK {CJK_FACES[missing[0]]}")
    return found


def _pack_blocks(cps: list[int], cost, budget: int, blocks) -> list[list[int]]:
    """Sorted code points into slices of at most `budget` bytes, cut at Unicode block boundaries
    where possible (a block bigger than the budget is cut where the budget says)."""
    by_block: dict[int, list[int]] = {}
    for cp in cps:
        block = next((i for i, (a, b, _) in enumerate(blocks) if a <= cp <= b), -1)
        by_block.setdefault(block, []).append(cp)
    slices: list[list[int]] = []
    current: list[int] = []
    size = 0
    for block in sorted(by_block, key=lambda k: by_block[k][0]):
        members = by_block[block]
        block_cost = sum(cost(cp) for cp in members)
        if current and size + block_cost > budget:
            slices.append(current)
            current, size = [], 0
        for cp in members:
            if current and size + cost(cp) > budget:
                slices.append(current)
                current, size = [], 0
            current.append(cp)
            size += cost(cp)
    if current:
        slices.append(current)
    return slices


def _cjk_slices(variant: str, cps: set[int], unihan: dict) -> list[list[int]]:
    ordered: list[int] = []
    seen: set[int] = set()
    for cp in cjk_order.leading(variant) + cjk_order.order(variant, unihan):
        if cp in cps and cp not in seen:
            seen.add(cp)
            ordered.append(cp)
    lead = sum(1 for cp in cjk_order.leading(variant) if cp in cps)
    slices = [ordered[:lead + CJK_FIRST]]
    i = lead + CJK_FIRST
    for step, until in CJK_STEPS:
        while i < min(until, len(ordered)):
            slices.append(ordered[i:min(i + step, until)])
            i += step
        i = min(i, until)
    rest = sorted(set(ordered[i:]) | (cps - seen))
    slices += [rest[j:j + CJK_TAIL] for j in range(0, len(rest), CJK_TAIL)]
    return [s for s in slices if s]


def plan(args) -> dict:
    """Every family, its files and what goes into each, before any font is made."""
    ucd = args.ucd
    first = unicode_data.parse_unicodes(args.base_unicodes)
    ext = unicode_data.parse_unicodes(args.ext_unicodes)
    base_cover = None
    for face in BASE_FACES:
        cmap = set(_cmap(os.path.join(args.fonts, face + ".ttf")))
        base_cover = cmap if base_cover is None else base_cover & cmap
    base = (first | ext) & base_cover   # drawn by the base faces on the web (first paint or fonts-ext/)
    base_first = first & base_cover     # never in an article's needs (text_needs.hpp)
    presentation = unicode_data.emoji_property("Emoji_Presentation", ucd)
    scripts = unicode_data.scripts(ucd)
    extensions = unicode_data.script_extensions(ucd)
    blocks = unicode_data.blocks(ucd)

    families = []
    taken: set[int] = set()
    for name, file in FALLBACK:
        path = os.path.join(args.fonts, file)
        cps = set(_cmap(path)) - base - presentation - taken
        cps = cps & set(MONO_ONLY) if name == "mono" else cps - set(MONO_ONLY)
        taken |= cps
        sizes = _glyph_sizes(path)
        cmap = _cmap(path)
        slices = _pack_blocks(sorted(cps), lambda cp: sizes[cmap[cp]] + 8, SLICE_BYTES, blocks)
        families.append({"name": name, "kind": "fallback", "weight": 400, "source": path,
                         "files": [{"file": f"{name}-{i}.ttf", "cps": s} for i, s in enumerate(slices)]})

    cjk_path = os.path.join(args.cjk_fonts, CJK_FILE)
    numbers = _cjk_face_numbers(cjk_path)
    unihan = cjk_order.load(ucd)
    for variant in cjk_order.VARIANTS:
        cmap = _cmap(cjk_path, numbers[variant])
        cps = set(cmap) - base - presentation - taken
        name = "cjk-" + variant.lower()
        slices = _cjk_slices(variant, cps, unihan)
        families.append({"name": name, "kind": "fallback", "han": variant, "weight": 400, "source": cjk_path,
                         "face": numbers[variant], "cmap": {cp: cmap[cp] for cp in cps},
                         "files": [{"file": f"{name}-{i}.otf", "cps": s} for i, s in enumerate(slices)]})

    for name, script, stem in SHAPED:
        for style, weight in WEIGHTS:
            path = os.path.join(args.fonts, f"{stem}-{style}.ttf")
            cmap = _cmap(path)
            own = {cp for cp in cmap if scripts.get(cp) == script}
            if not own:
                raise BuildError(f"{path}: no character of script {script}")
            keep = {cp for cp in cmap if cp in own or script in extensions.get(cp, ()) or
                    scripts.get(cp) == "Zinh" or cp in SHAPED_COMMON}
            families.append({"name": name, "kind": "shaped", "script": script, "weight": weight, "source": path,
                             "files": [{"file": f"{name}-{weight}.ttf", "cps": sorted(own), "keep": keep}]})

    emoji_path = os.path.join(args.fonts, EMOJI_FILE)
    emoji_font = TTFont(emoji_path)
    groups, notes = emoji_groups.groups(emoji_font, base_first, ucd)
    for note in notes:
        print(f"build_fonts.py: note: {note}", file=sys.stderr)
    bitmap_bytes = {g: len(b.data) for strike in emoji_font["CBDT"].strikeData for g, b in strike.items()}
    main_index, _ = emoji_groups.main_ligatures(emoji_font)
    packed = emoji_groups.pack(groups, lambda g: bitmap_bytes.get(g, 0) + 32, EMOJI_SLICE_BYTES)
    files = []
    owned_all: set[int] = set()
    for i, members in enumerate(packed):
        owned = set().union(*(emoji_groups.owned(g) for g in members))
        glyphs = emoji_groups.support_glyphs(emoji_font, main_index, set().union(*(g.glyphs() for g in members)))
        files.append({"file": f"emoji-{i}.ttf", "cps": sorted(owned), "glyphs": glyphs, "groups": members})
        owned_all |= owned
    text_default = {cp for cp in owned_all if cp not in presentation} - {emoji_groups.VS16, emoji_groups.KEYCAP}
    families.append({"name": "emoji", "kind": "shaped", "script": "Zsye", "color": True, "weight": 400,
                     "source": emoji_path, "text_default": sorted(text_default), "files": files})
    return {"families": families}


# --- building ------------------------------------------------------------------------------------


def jobs_of(planned: dict, processes: int) -> tuple[list[tuple], list[dict]]:
    """First-stage jobs (subsets, emoji slices, CJK glyph drawing), biggest first; and the CJK
    families whose slices are assembled once their glyphs are drawn."""
    heavy, light, cjk = [], [], []
    for family in planned["families"]:
        if "face" in family:
            cjk.append(family)
        elif family["name"] == "emoji":
            files = family["files"]
            per_job = max(1, len(files) // (4 * processes))
            for j in range(0, len(files), per_job):
                heavy.append(("emoji", [(f["file"], f["glyphs"], f["groups"]) for f in files[j:j + per_job]],
                              family["source"]))
        else:
            for f in family["files"]:
                unicodes = f.get("keep", set(f["cps"]))
                light.append(("subset", f["file"], family["source"], set(unicodes), family["kind"] == "shaped"))
    # The four CJK faces share their glyphs: each distinct glyph is drawn once.
    names = sorted({n for family in cjk for n in family["cmap"].values()})
    chunk = max(1, len(names) // (8 * processes))
    glyph_jobs = [("cjk-glyphs", cjk[0]["source"], cjk[0]["face"], names[i:i + chunk])
                  for i in range(0, len(names), chunk)] if cjk else []
    return glyph_jobs + heavy + light, cjk


def build(planned: dict, processes: int, log) -> dict[str, bytes]:
    stage1, cjk = jobs_of(planned, processes)
    data: dict[str, bytes] = {}
    glyphs: dict[str, tuple] = {}
    started = time.monotonic()
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        for kind, a, b in pool.imap_unordered(_run, stage1):
            if kind == "subset":
                data[a] = b
            elif kind == "emoji":
                data.update(dict(a))
            else:
                glyphs.update(a)
        log(f"fonts, glyphs and emoji: {time.monotonic() - started:.1f} s")
        stage2 = []
        for family in cjk:
            info = cjk_slices.face_info(TTFont(family["source"], fontNumber=family["face"], lazy=True))
            files = family["files"]
            per_job = max(1, len(files) // (2 * processes))
            for j in range(0, len(files), per_job):
                batch = []
                needed = {}
                for f in files[j:j + per_job]:
                    cmap = {cp: family["cmap"][cp] for cp in f["cps"]}
                    ps = f"AVFonts-{family['name']}-{f['file'].rsplit('-', 1)[1].split('.')[0]}"
                    batch.append((f["file"], ps, cmap))
                    needed.update({n: glyphs[n] for n in cmap.values()})
                stage2.append(("cjk-slices", batch, info, needed))
        for kind, a, _ in pool.imap_unordered(_run, stage2):
            data.update(dict(a))
    log(f"all fonts: {time.monotonic() - started:.1f} s")
    return data


def _map_of(files: list[dict]) -> dict:
    """A family's compact map: its code points as ranges, and for each code point in order the
    index of its file, in MAP_ALPHABET (one character each up to 64 files, else two)."""
    owner = {cp: i for i, f in enumerate(files) for cp in f["cps"]}
    width = 1 if len(files) <= len(MAP_ALPHABET) else 2
    if len(files) > len(MAP_ALPHABET) ** 2:
        raise BuildError(f"{len(files)} files in one family: the map holds at most {len(MAP_ALPHABET) ** 2}")
    n = len(MAP_ALPHABET)
    text = "".join(MAP_ALPHABET[owner[cp]] if width == 1 else MAP_ALPHABET[owner[cp] // n] + MAP_ALPHABET[owner[cp] % n]
                   for cp in sorted(owner))
    return {"ranges": unicode_data.to_ranges(owner), "files": text}


def manifest(planned: dict, data: dict[str, bytes]) -> dict:
    families = []
    for family in planned["families"]:
        entry = {"name": family["name"], "kind": family["kind"]}
        for key in ("han", "script"):
            if key in family:
                entry[key] = family[key]
        entry["weight"] = family["weight"]
        if family.get("color"):
            entry["color"] = True
        if family.get("text_default"):
            entry["text_default"] = unicode_data.to_ranges(family["text_default"])
        files = []
        compact = "han" in family
        for f in family["files"]:
            item = {"file": f["file"]}
            if not compact:
                item["ranges"] = unicode_data.to_ranges(f["cps"])
            item["bytes"] = len(data[f["file"]])
            item["gzip"] = len(gzip.compress(data[f["file"]], 9, mtime=0))
            files.append(item)
        if compact:
            entry["map"] = _map_of(family["files"])
        entry["files"] = files
        families.append(entry)
    return {"format": FORMAT, "families": families}


def write(out: str, data: dict[str, bytes], doc: dict) -> None:
    """Writes the folder in one go: a folder beside it, then renamed (no stale slices remain)."""
    tmp = out.rstrip("/") + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    for name, bytes_ in data.items():
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(bytes_)
    with open(os.path.join(tmp, "fonts.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"), ensure_ascii=True)
        f.write("\n")
    shutil.rmtree(out, ignore_errors=True)
    os.rename(tmp, out)


def cache_key(args) -> str:
    """The scripts of this folder, the arguments that shape the output and every input's bytes."""
    h = hashlib.sha256()
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(here)):
        if name.endswith(".py"):
            with open(os.path.join(here, name), "rb") as f:
                h.update(name.encode() + b"\0" + f.read())
    h.update(f"{args.base_unicodes}\0{args.ext_unicodes}\0".encode())
    inputs = [os.path.join(args.fonts, n + ".ttf") for n in BASE_FACES]
    inputs += [os.path.join(args.fonts, f) for _, f in FALLBACK]
    inputs += [os.path.join(args.fonts, f"{stem}-{style}.ttf") for _, _, stem in SHAPED for style, _ in WEIGHTS]
    inputs += [os.path.join(args.fonts, EMOJI_FILE), os.path.join(args.cjk_fonts, CJK_FILE)]
    for root, _, names in os.walk(args.ucd):
        inputs += [os.path.join(root, n) for n in names]
    for path in sorted(inputs):
        try:
            with open(path, "rb") as f:
                h.update(path.encode() + b"\0" + hashlib.sha256(f.read()).digest())
        except OSError as e:
            raise BuildError(f"{path}: {e.strerror}") from None
    return h.hexdigest()[:32]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="output folder (replaced)")
    p.add_argument("--base-unicodes", required=True, help="the base faces' first-paint subset (pyftsubset syntax)")
    p.add_argument("--ext-unicodes", required=True, help="the base faces' extended subset (fonts-ext/)")
    p.add_argument("--fonts", default=NOTO, help=f"Noto fonts (default {NOTO})")
    p.add_argument("--cjk-fonts", default=NOTO_CJK, help=f"Noto CJK fonts (default {NOTO_CJK})")
    p.add_argument("--ucd", default=unicode_data.UCD, help=f"Unicode data (default {unicode_data.UCD})")
    p.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    p.add_argument("--cache", help="folder keeping the last result, reused while nothing changed")
    p.add_argument("--quiet", action="store_true")
    args = p.parse_args(argv)
    log = (lambda _: None) if args.quiet else (lambda m: print(f"build_fonts.py: {m}", flush=True))
    try:
        started = time.monotonic()
        key = cache_key(args) if args.cache else None
        kept = os.path.join(args.cache, key) if key else None
        if kept and os.path.isfile(os.path.join(kept, "fonts.json")):
            tmp = args.out.rstrip("/") + ".tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(kept, tmp)
            shutil.rmtree(args.out, ignore_errors=True)
            os.rename(tmp, args.out)
            log(f"{args.out}: from the cache {kept}")
            return 0
        planned = plan(args)
        log(f"plan: {time.monotonic() - started:.1f} s")
        data = build(planned, max(1, args.jobs), log)
        doc = manifest(planned, data)
        write(args.out, data, doc)
        usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
        cpu = sum(u.ru_utime + u.ru_stime for u in usage)
        log(f"{args.out}: {len(data)} files, {sum(map(len, data.values())) / 1e6:.1f} MB, "
            f"{time.monotonic() - started:.1f} s ({cpu:.1f} s of CPU in all processes)")
        if kept:
            # One entry, the last build's, appearing whole (renamed into place): a build of the
            # other preset running meanwhile sees it complete or not at all.
            os.makedirs(args.cache, exist_ok=True)
            for name in os.listdir(args.cache):
                if name != key and not name.endswith(".tmp"):
                    shutil.rmtree(os.path.join(args.cache, name), ignore_errors=True)
            tmp = f"{kept}.{os.getpid()}.tmp"
            shutil.copytree(args.out, tmp)
            try:
                os.rename(tmp, kept)
            except OSError:  # another build put the same entry there first
                shutil.rmtree(tmp, ignore_errors=True)
    except (BuildError, unicode_data.DataError, emoji_groups.EmojiError) as e:
        print(f"build_fonts.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
