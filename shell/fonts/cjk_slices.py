"""Noto Sans CJK cut into slices, fast (build_fonts.py; docs/text-pipeline.md, "Fonts").

fontTools' subsetter parses the 44 810-entry cmap and the 65 535-glyph CFF again for every slice
(0.3 s before any glyph) and turns each glyph's charstring over again (about 1.4 ms a glyph), for
each of the four faces. Here each glyph is turned once: the four faces of the collection share
one CFF table, so the 4 x 43 000 glyphs the families hold are 59 600 distinct ones. A glyph is
drawn through fontTools' T2CharStringPen, which gives a charstring without hints or subroutines
(what the subsetter gives with hinting=False, desubroutinize=True). Slices are then assembled from
those charstrings with fontTools' FontBuilder: a CID-keyed CFF (no glyph names to store), the
cmap, horizontal metrics, and the face's own head, hhea, OS/2 and name values. No layout tables:
the fallback fonts are drawn by code point (like the base faces' subsets).
"""

from __future__ import annotations

import io

from fontTools.cffLib import (CFFFontSet, CharStrings, FDArrayIndex, FDSelect, FontDict, GlobalSubrsIndex,
                              PrivateDict, TopDict, TopDictIndex)
from fontTools.fontBuilder import FontBuilder
from fontTools.misc.psCharStrings import T2CharString
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

# The advance most CJK glyphs have (1 em at 1000 units): the Private dict's defaultWidthX, so
# their charstrings carry no width.
DEFAULT_WIDTH = 1000
NAME_IDS = (0, 1, 2, 3, 4, 5, 6, 13, 14)  # copyright, names, version, licence (OFL) and its URL


def convert_glyphs(face: TTFont, names: list[str]) -> dict[str, tuple[bytes, int, int]]:
    """glyph name -> (charstring without hints or subroutines, advance, left side bearing)."""
    glyph_set = face.getGlyphSet()
    hmtx = face["hmtx"]
    out = {}
    for name in names:
        advance, lsb = hmtx[name]
        pen = T2CharStringPen(None if advance == DEFAULT_WIDTH else advance, glyph_set)
        glyph_set[name].draw(pen)
        charstring = pen.getCharString()
        charstring.compile()
        out[name] = (bytes(charstring.bytecode), advance, lsb)
    return out


def face_info(face: TTFont) -> dict:
    """The face's values every slice copies (plain data: it crosses process boundaries)."""
    os2 = face["OS/2"]
    hhea = face["hhea"]
    head = face["head"]
    names = {}
    for record in face["name"].names:
        if record.nameID in NAME_IDS and record.platformID == 3 and record.langID == 0x409:
            names[record.nameID] = record.toUnicode()
    os2_fields = {k: getattr(os2, k) for k in (
        "version", "xAvgCharWidth", "usWeightClass", "usWidthClass", "fsType", "ySubscriptXSize",
        "ySubscriptYSize", "ySubscriptXOffset", "ySubscriptYOffset", "ySuperscriptXSize", "ySuperscriptYSize",
        "ySuperscriptXOffset", "ySuperscriptYOffset", "yStrikeoutSize", "yStrikeoutPosition", "sFamilyClass",
        "achVendID", "fsSelection", "sTypoAscender", "sTypoDescender", "sTypoLineGap", "usWinAscent",
        "usWinDescent", "ulCodePageRange1", "ulCodePageRange2", "sxHeight", "sCapHeight", "usDefaultChar",
        "usBreakChar", "usMaxContext")}
    os2_fields["panose"] = os2.panose
    return {
        "units_per_em": head.unitsPerEm,
        "bbox": (head.xMin, head.yMin, head.xMax, head.yMax),
        "font_revision": head.fontRevision,
        "hhea": {"ascent": hhea.ascent, "descent": hhea.descent, "lineGap": hhea.lineGap},
        "os2": os2_fields,
        "names": names,
    }


def build_slice(info: dict, ps_name: str, cmap: dict[int, str], glyphs: dict[str, tuple[bytes, int, int]]) -> bytes:
    """A font holding the glyphs `cmap` maps to (data from convert_glyphs)."""
    used = sorted(set(cmap.values()), key=lambda n: int(n[3:]) if n.startswith("cid") else -1)
    # CID-keyed: glyph names are cid<gid>, stored as numbers in the charset.
    rename = {name: f"cid{i + 1:05d}" for i, name in enumerate(used)}
    order = [".notdef"] + [rename[n] for n in used]
    fb = FontBuilder(info["units_per_em"], isTTF=False)
    fb.font.recalcBBoxes = False  # the face's bounding box is kept: recomputing it decompiles every glyph
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({cp: rename[name] for cp, name in cmap.items()})
    metrics = {".notdef": (DEFAULT_WIDTH, 0)}
    charstrings = {".notdef": T2CharString(program=["endchar"])}
    for name in used:
        code, advance, lsb = glyphs[name]
        metrics[rename[name]] = (advance, lsb)
        charstrings[rename[name]] = T2CharString(bytecode=code)
    _setup_cid_cff(fb, ps_name, order, charstrings, info)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(**info["hhea"])
    names = dict(info["names"])
    names[6] = ps_name
    fb.setupNameTable({_NAME_KEYS[k]: v for k, v in names.items() if k in _NAME_KEYS}, mac=False)
    fb.setupOS2(**info["os2"])
    fb.setupPost(keepGlyphNames=False)
    fb.setupMaxp()
    head = fb.font["head"]
    head.xMin, head.yMin, head.xMax, head.yMax = info["bbox"]
    head.fontRevision = info["font_revision"]
    out = io.BytesIO()
    fb.save(out)
    return out.getvalue()


_NAME_KEYS = {0: "copyright", 1: "familyName", 2: "styleName", 3: "uniqueFontIdentifier", 4: "fullName",
              5: "version", 6: "psName", 13: "licenseDescription", 14: "licenseInfoURL"}


def _setup_cid_cff(fb: FontBuilder, ps_name: str, order: list[str], charstrings: dict, info: dict) -> None:
    font_set = CFFFontSet()
    font_set.major, font_set.minor = 1, 0
    font_set.otFont = fb.font
    font_set.fontNames = [ps_name]
    font_set.topDictIndex = TopDictIndex()
    global_subrs = GlobalSubrsIndex()
    font_set.GlobalSubrs = global_subrs
    private = PrivateDict()
    private.defaultWidthX = DEFAULT_WIDTH
    private.nominalWidthX = 0
    font_dict = FontDict()
    font_dict.Private = private
    fd_array = FDArrayIndex()
    fd_array.append(font_dict)
    fd_select = FDSelect()
    fd_select.format = 3
    fd_select.gidArray = [0] * len(order)
    top = TopDict()
    top.ROS = ("Adobe", "Identity", 0)
    top.CIDCount = len(order)
    top.charset = order
    top.FDArray = fd_array
    top.FDSelect = fd_select
    top.GlobalSubrs = global_subrs
    scale = 1 / info["units_per_em"]
    top.FontMatrix = [scale, 0, 0, scale, 0, 0]
    top.FontBBox = list(info["bbox"])
    strings = CharStrings(None, order, global_subrs, None, fd_select, fd_array)
    for name in order:
        cs = charstrings[name]
        cs.private = private
        cs.globalSubrs = global_subrs
        strings[name] = cs
    top.CharStrings = strings
    font_set.topDictIndex.append(top)
    from fontTools.ttLib import newTable
    fb.font["CFF "] = newTable("CFF ")
    fb.font["CFF "].cff = font_set
