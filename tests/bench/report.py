#!/usr/bin/python3
"""Turns the results of tests/bench/run.sh into BENCHMARKS.md, or (--check) verifies that every
benchmark ran and printed numbers, without ever judging a timing. Python standard library only.

    report.py --results DIR --native-build DIR --web-build DIR -o BENCHMARKS.md
    report.py --check DIR
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
KB = 1000  # sizes in BENCHMARKS.md are decimal: 400 KB = 400 000 bytes
MIB = 1 << 20
# generate_article.py's files as run.sh names them: article-N.json (French), article-LANG-N.json.
GENERATED = re.compile(r"article-(?:([a-z]{2})-)?(\d+)\.json$")
LANG_NAMES = {"ja": "Japanese", "ar": "Arabic", "fr": "French"}


def read_jsonl(path: str) -> list[dict]:
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_json(path: str):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def lang_of(row: dict) -> str:
    m = GENERATED.search(row.get("file", ""))
    return (m.group(1) or "fr") if m else "fr"


def is_script(row: dict) -> bool:
    """A generated article in another script than the French one (the text engine's path)."""
    return lang_of(row) != "fr"


def number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and x == x and x >= 0


# --- --check: the quick run's only assertion is "it ran and printed numbers". -------------------

def check(results: str) -> int:
    problems = []
    found = 0
    for name, keys in [("load-native.jsonl", ["mb_per_s", "total_ms", "layout_ms", "memory_after_load"]),
                       ("load-wasm.jsonl", ["mb_per_s", "total_ms", "layout_ms", "memory_after_load"]),
                       ("frame-native.jsonl", ["median_ms", "p99_ms", "frames"])]:
        rows = read_jsonl(os.path.join(results, name))
        if os.path.exists(os.path.join(results, name)):
            found += 1
            if not rows:
                problems.append(f"{name}: no results")
        for row in rows:
            for k in keys:
                if not number(row.get(k)):
                    problems.append(f"{name}: {row.get('file')}: {k} is {row.get(k)!r}")
    # The Japanese and Arabic articles must really have gone through the text engine with fonts of
    # the catalog (what they measure), and every frame benchmark must have reached the article.
    for name in ("load-native.jsonl", "load-wasm.jsonl", "frame-native.jsonl"):
        for row in read_jsonl(os.path.join(results, name)):
            if is_script(row) and not (row.get("rich") is True and number(row.get("font_files")) and row["font_files"] > 0):
                problems.append(f"{name}: {row.get('file')}: not laid out with the text engine and its fonts")
            if name.startswith("frame") and row.get("ready") is not True:
                problems.append(f"{name}: {row.get('file')}: the article never became ready")
    if os.path.exists(os.path.join(results, "word-space.jsonl")):
        spaces = read_jsonl(os.path.join(results, "word-space.jsonl"))
        if {(r.get("width"), r.get("breaking")) for r in spaces} != {(w, b) for w in (320, 720) for b in ("greedy", "total")}:
            problems.append("word-space.jsonl: not every width and breaker")
        for row in spaces:
            for k in ("lines", "p50", "p90", "p99", "max", "over_2", "layout_ms", "overflow_lines"):
                if not number(row.get(k)):
                    problems.append(f"word-space.jsonl: {row.get('width')} {row.get('breaking')}: {k} is {row.get(k)!r}")
    fonts = read_jsonl(os.path.join(results, "font-transfer.jsonl"))
    if os.path.exists(os.path.join(results, "font-transfer.jsonl")):
        found += 1
        if not fonts:
            problems.append("font-transfer.jsonl: no results")
        for row in fonts:
            if not (number(row.get("screen_gzip")) and number(row.get("gzip"))):
                problems.append(f"font-transfer.jsonl: {row.get('file')}: no sizes")
    sizes = read_json(os.path.join(results, "text-sizes.json"))
    if sizes is not None:
        found += 1
        for k in ("module_wasm", "module_js", "thai_dictionary"):
            if not number((sizes.get(k) or {}).get("gzip9")):
                problems.append(f"text-sizes.json: no size for {k}")
    browser = read_json(os.path.join(results, "browser.json"))
    if browser is not None:
        found += 1
        for fp in browser.get("firstPaint", []):
            for k in ("viewerMs", "staticMs"):
                if not number(fp.get(k)):
                    problems.append(f"browser.json: {fp.get('article')}: {k} is {fp.get(k)!r}")
            if is_script({"file": fp.get("article", "") + ".json"}) and not (fp.get("text") or {}).get("textFiles"):
                problems.append(f"browser.json: {fp.get('article')}: the viewer fetched no text module")
        visit = browser.get("latinVisit") or {}
        if not number(visit.get("requests")):
            problems.append("browser.json: the Latin first visit's requests were not recorded")
        elif visit.get("textModule") or visit.get("fontFiles"):
            problems.append(f"browser.json: the Latin first visit fetched {visit.get('textModule')} {visit.get('fontFiles')}")
        if not number((browser.get("idle") or {}).get("frames")):
            problems.append("browser.json: no idle frame count")
        if not number((browser.get("transfer") or {}).get("gzip9")):
            problems.append("browser.json: no transfer size")
    longtask = read_jsonl(os.path.join(results, "longtask.jsonl"))
    if os.path.exists(os.path.join(results, "longtask.jsonl")):
        found += 1
        if not longtask:
            problems.append("longtask.jsonl: no results")
        for row in longtask:
            for k in ("longestMs", "firstPaintMs", "copiedMs"):
                if not number(row.get(k)):
                    problems.append(f"longtask.jsonl: {row.get('article')}: {k} is {row.get(k)!r}")
    if found == 0:
        problems.append("no results at all")
    for p in problems:
        print("bench: " + p, file=sys.stderr)
    return 1 if problems else 0


# --- The machine and the tools. ---------------------------------------------------------------

def run(cmd: list[str]) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def cache_value(build: str, key: str) -> str:
    try:
        with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return ""


def machine(native_build: str, web_build: str, chromium: str) -> list[str]:
    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = ""
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / (1 << 20):.1f} GiB"
    osname = ""
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release", encoding="utf-8") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M)
            osname = m.group(1) if m else ""
    imgui = ""
    imgui_h = os.path.join(os.environ.get("IMGUI_DIR", os.path.join(REPO, "build", "deps", "imgui")), "imgui.h")
    if os.path.exists(imgui_h):
        with open(imgui_h, encoding="utf-8") as f:
            m = re.search(r'#define IMGUI_VERSION\s+"([^"]+)"', f.read())
            imgui = m.group(1) if m else ""
    gxx = run(["g++", "--version"]).splitlines()[:1]
    emcc = run(["emcc", "--version"]).splitlines()[:1]
    rows = [
        ("CPU", f"{cpu}, {os.cpu_count()} logical cores (`nproc` {run(['nproc'])})"),
        ("Memory", mem),
        ("System", f"{osname}, Linux {platform.release()}"),
        ("Native compiler", (gxx[0] if gxx else "?") + f"; CMAKE_BUILD_TYPE={cache_value(native_build, 'CMAKE_BUILD_TYPE')}"),
        ("wasm compiler", (emcc[0] if emcc else "?") + f"; CMAKE_BUILD_TYPE={cache_value(web_build, 'CMAKE_BUILD_TYPE')}"),
        ("Node", run(["node", "--version"])),
        ("Chromium", f"{chromium} (Debian, headless, WebGL2 through SwiftShader: software rendering)"),
        ("Dear ImGui", imgui),
    ]
    out = ["| | |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in rows]
    return out


# --- Tables. ----------------------------------------------------------------------------------

def size_name(row: dict) -> str:
    """"10k" for the French article of 10 000 paragraphs, "ja 10k" for the Japanese one."""
    m = GENERATED.search(row.get("file", ""))
    if not m:
        return os.path.basename(row.get("file", "?"))
    n = int(m.group(2))
    size = f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)
    return f"{m.group(1)} {size}" if m.group(1) else size


def mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def load_table(native: list[dict], wasm: list[dict], ratios: dict[str, float]) -> list[str]:
    by_file = {os.path.basename(r["file"]): r for r in wasm}
    out = ["| article | JSON | blocks | lines | native: parse + check | layout | total | **native MB/s** | wasm: parse + check | layout | total | **wasm MB/s** | wasm / native | wall-clock MB/s (native, wasm) | target: ≥ 50 MB/s native, wasm ≤ 2x |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for n in native:
        w = by_file.get(os.path.basename(n["file"]))
        ratio = ratios.get(os.path.basename(n["file"])) if w else None
        ok = n["mb_per_s"] >= 50 and ratio is not None and ratio <= 2
        wasm_cells = (f"{w['load_ms']:.1f} ms | {w['layout_ms']:.1f} ms | {w['total_ms']:.1f} ms | **{w['mb_per_s']:.1f}** | {ratio:.2f}x"
                      if w else "– | – | – | – | –")
        wall = f"{n['wall_mb_per_s']:.1f}, {w['wall_mb_per_s']:.1f}" if w else f"{n['wall_mb_per_s']:.1f}, –"
        out.append(f"| {size_name(n)} | {n['bytes'] / 1e6:.2f} MB | {n['blocks']} | {n['lines']} | {n['load_ms']:.1f} ms | {n['layout_ms']:.1f} ms | "
                   f"{n['total_ms']:.1f} ms | **{n['mb_per_s']:.1f}** | {wasm_cells} | {wall} | {mark(ok)} |")
    return out


def frame_table(rows: list[dict]) -> list[str]:
    out = ["| article | blocks | frames measured | median | p90 | p99 | max | median / 1k median | wall-clock median, p99 | vertices per frame | target: median < 1 ms, 100k ≤ 1.5x 1k |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    base = rows[0]["median_ms"] if rows else 0
    for r in rows:
        ratio = r["median_ms"] / base if base else 0
        ok = r["median_ms"] < 1 and ratio <= 1.5
        out.append(f"| {size_name(r)} | {r['blocks']} | {r['frames']} | {r['median_ms']:.3f} ms | {r['p90_ms']:.3f} ms | "
                   f"{r['p99_ms']:.3f} ms | {r['max_ms']:.3f} ms | {ratio:.2f}x | {r.get('wall_median_ms', 0):.3f}, {r.get('wall_p99_ms', 0):.3f} ms | "
                   f"{r.get('vertices_per_frame', 0)} | {mark(ok)} |")
    return out


def scripts_load_table(native: list[dict], wasm: list[dict], ratios: dict[str, float], french: list[dict]) -> list[str]:
    """Japanese and Arabic beside the French article of the same size."""
    by_file = {os.path.basename(r["file"]): r for r in wasm}
    french_by_size = {size_name(r): r for r in french}
    out = ["| article | JSON | blocks | lines | font files | fonts + engine set up (cold, not in total) | native: parse + check | layout | total "
           "| **native MB/s** | French, same size: native MB/s | wasm: total | **wasm MB/s** | wasm / native | target: ≥ 50 MB/s native, wasm ≤ 2x |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for n in native:
        w = by_file.get(os.path.basename(n["file"]))
        ratio = ratios.get(os.path.basename(n["file"])) if w else None
        fr = french_by_size.get(size_name(n).split(" ")[-1])
        ok = n["mb_per_s"] >= 50 and ratio is not None and ratio <= 2
        wasm_cells = f"{w['total_ms']:.1f} ms | **{w['mb_per_s']:.1f}** | {ratio:.2f}x" if w else "– | – | –"
        french_cell = f"{fr['mb_per_s']:.1f}" if fr else "–"
        out.append(f"| {size_name(n)} | {n['bytes'] / 1e6:.2f} MB | {n['blocks']} | {n['lines']} | {n.get('font_files', 0)} | "
                   f"{n.get('text_setup_ms', 0):.1f} ms | {n['load_ms']:.1f} ms | {n['layout_ms']:.1f} ms | {n['total_ms']:.1f} ms | "
                   f"**{n['mb_per_s']:.1f}** | {french_cell} | {wasm_cells} | {mark(ok)} |")
    return out


def scripts_frame_table(rows: list[dict]) -> list[str]:
    out = ["| article | blocks | font files | frames measured | median | p90 | p99 | max | wall-clock median, p99 | vertices per frame | target: median < 1 ms |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        out.append(f"| {size_name(r)} | {r['blocks']} | {r.get('font_files', 0)} | {r['frames']} | {r['median_ms']:.3f} ms | {r['p90_ms']:.3f} ms | "
                   f"{r['p99_ms']:.3f} ms | {r['max_ms']:.3f} ms | {r.get('wall_median_ms', 0):.3f}, {r.get('wall_p99_ms', 0):.3f} ms | "
                   f"{r.get('vertices_per_frame', 0)} | {mark(r['median_ms'] < 1)} |")
    return out


def text_sizes_table(sizes: dict) -> list[str]:
    module = sizes["module_wasm"]["gzip9"] + sizes["module_js"]["gzip9"]
    d = sizes["thai_dictionary"]
    out = ["| file | bytes | gzip -9 | target | |", "|---|---:|---:|---|---|"]
    for k in ("module_wasm", "module_js"):
        out.append(f"| `{sizes[k]['file']}` | {sizes[k]['bytes']:,} | {sizes[k]['gzip9']:,} | | |")
    out.append(f"| **the text module (.wasm + .js)** | **{sizes['module_wasm']['bytes'] + sizes['module_js']['bytes']:,}** | **{module:,}** "
               f"({module / KB:.1f} KB) | ≤ 160 KB gzipped | {mark(module <= 160 * KB)} |")
    out.append(f"| `{d['file']}` (Thai, Lao, Khmer, Myanmar only) | {d['bytes']:,} | {d['gzip9']:,} ({d['gzip9'] / KB:.1f} KB) | none set | |")
    return out


FONT_SCREEN_TARGET = 800 * KB


def font_screen_label(row: dict) -> str:
    path = row["file"]
    where = "corpus" if "/corpus/" in path else "fixture" if ("/font_fixtures/" in path or "/tests/scripts/" in path) else "generated"
    name = size_name(row) + " paragraphs" if GENERATED.search(path) else os.path.basename(path)
    return f"{name} ({where})"


def cjk_screen(row: dict) -> str | None:
    """"Chinese" or "Japanese" for the articles the 800 KB target is about, else None."""
    lang = row.get("lang", "").lower()
    return "Chinese" if lang.startswith("zh") else "Japanese" if lang.startswith("ja") else None


def font_screens_table(rows: list[dict]) -> list[str]:
    out = ["| article | lang | characters beyond the base faces | font files (whole article) | gzip (whole article) | files, first screen | "
           "**gzip, first screen** | target | |", "|---|---|---:|---:|---:|---:|---:|---|---|"]
    for r in rows:
        cjk = cjk_screen(r)
        target, ok = ("≤ 800 KB", mark(r["screen_gzip"] <= FONT_SCREEN_TARGET)) if cjk else ("none set", "")
        out.append(f"| {font_screen_label(r)} | {r['lang']} | {r['chars']} | {r['files']} | {r['gzip'] / KB:.1f} KB | {r['screen_files']} | "
                   f"**{r['screen_gzip'] / KB:.1f} KB** | {target} | {ok} |")
    return out


def latin_visit_lines(browser: dict) -> list[str]:
    v = browser.get("latinVisit")
    if not v:
        return ["(not measured)"]
    clean = not v["textModule"] and not v["fontFiles"]
    later = ", ".join(f"`{p}`" for p in v["afterFirstFrame"]) or "none"
    return [f"The seed (French) in a fresh context, every request until the end of the idle time: {v['requests']} requests, "
            f"{len(v['textModule'])} of `text/` and {len(v['fontFiles'])} of `fonts/` (target: none of either): {mark(clean)}. "
            f"Requests after the first frame: {later}."]


def paint_table(browser: dict) -> list[str]:
    out = ["| article | JSON | viewer (median) | static HTML page (median) | viewer / static | target: ≤ 2x | viewer runs (ms) | static runs (ms) |",
           "|---|---:|---:|---:|---:|---|---|---|"]
    for fp in browser["firstPaint"]:
        ratio = fp["ratio"]
        runs = lambda v: ", ".join(f"{x:.0f}" for x in v)
        name = "seed" if fp["article"] == "seed" else size_name({"file": fp["article"] + ".json"}) + " paragraphs"
        out.append(f"| {name} | {fp['bytes'] / 1e3:.0f} KB | {fp['viewerMs']:.0f} ms | {fp['staticMs']:.0f} ms | {ratio:.2f}x | "
                   f"{mark(ratio <= 2)} | {runs(fp['viewerRuns'])} | {runs(fp['staticRuns'])} |")
    return out


def resources_table(browser: dict) -> list[str]:
    out = ["| article | loader.js | article-viewer.js | .wasm | .data (fonts) | article JSON | text module (last file) | files of fonts/ (last) | **first frame with text** |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for fp in browser["firstPaint"]:
        r = fp["resources"]
        article = next((v for k, v in r.items() if k.endswith(".json") and k != "index.json"), None)
        cell = lambda v: f"{v} ms" if v is not None else "–"
        name = "seed" if fp["article"] == "seed" else size_name({"file": fp["article"] + ".json"}) + " paragraphs"
        t = fp.get("text") or {}
        fonts = f"{t['fontFiles']} ({t['fontsEnd']} ms)" if t.get("fontFiles") else "none"
        out.append(f"| {name} | {cell(r.get('loader.js'))} | {cell(r.get('article-viewer.js'))} | {cell(r.get('article-viewer.wasm'))} | "
                   f"{cell(r.get('article-viewer.data'))} | {cell(article)} | {cell(t.get('textEnd')) if t.get('textFiles') else 'none'} | "
                   f"{fonts} | **{fp['viewerMs']:.0f} ms** |")
    return out


def floor_table(browser: dict) -> list[str]:
    f = browser.get("webglFloor")
    if not f:
        return ["(not measured)"]
    return ["| page script starts | WebGL2 context made | program linked | first draw issued | **first frame** | runs (first frame, ms) |",
            "|---:|---:|---:|---:|---:|---|",
            f"| {f['start']:.0f} ms | {f['context']:.0f} ms | {f['program']:.0f} ms | {f['draw']:.0f} ms | **{f['frame']:.0f} ms** | "
            + ", ".join(str(x) for x in f["runs"]) + " |"]


def transfer_table(browser: dict) -> list[str]:
    t = browser["transfer"]
    out = ["| file | bytes | gzip -6 | gzip -9 |", "|---|---:|---:|---:|"]
    for f in t["files"]:
        out.append(f"| `{f['file']}` | {f['bytes']:,} | {f['gzip6']:,} | {f['gzip9']:,} |")
    ok = t["gzip9"] <= 400 * KB
    out.append(f"| **total** | **{t['bytes']:,}** | **{t['gzip6']:,}** | **{t['gzip9']:,}** |")
    out.append("")
    out.append(f"Total gzipped (level 9): **{t['gzip9'] / KB:.1f} KB** ({t['gzip9'] / 1024:.1f} KiB): target ≤ 400 KB, {mark(ok)}.")
    return out


def word_space_table(rows: list[dict]) -> list[str]:
    """Justified text: each justified line's widest space, as a multiple of the normal space."""
    out = ["| width | line breaking | justified lines | p50 | p90 | p99 | max | lines over 1.5x | lines over 2x | lines with no space | layout (all articles) | lines wider than the column | hyphenation | CJK lines: gap p50 / p90 / max (em) |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    names = {"greedy": "first fit", "total": "**total fit** (the viewer's)"}
    for r in sorted(rows, key=lambda r: (r["width"], r["breaking"] != "greedy")):
        out.append(f"| {r['width']} px | {names.get(r['breaking'], r['breaking'])} | {r['lines']} | {r['p50']:.2f} | {r['p90']:.2f} | "
                   f"{r['p99']:.2f} | {r['max']:.2f} | {r['over_1_5']} | {r['over_2']} | {r['unjustifiable_lines']} | {r['layout_ms']:.0f} ms | "
                   f"{r['overflow_lines']} | {', '.join(r['hyphenation']) if isinstance(r['hyphenation'], list) and r['hyphenation'] else 'none'} | "
                   + (f"{r['cjk_lines']}: {r['cjk_gap_p50']:.3f} / {r['cjk_gap_p90']:.3f} / {r['cjk_gap_max']:.3f} |" if "cjk_lines" in r else "(not measured) |"))
    return out


def article_size(article: str) -> str:
    """"10k" for "article-10000": the generated articles' names as the tables write them."""
    name = article.replace("article-", "")
    return name[:-3] + "k" if name.endswith("000") else name


def longtask_table(rows: list[dict]) -> list[str]:
    out = ["| article | JSON | blocks | **longest task** (median of runs) | worst run | tasks over 50 ms | longest start-up task | first paint | copy for screen readers done | target: no task over 200 ms |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        name = article_size(r["article"])
        out.append(f"| {name} | {r['bytes'] / 1e6:.2f} MB | {r['blocks']} | **{r['longestMs']:.0f} ms** | {r['worstMs']:.0f} ms | "
                   f"{r['over50']:.0f} | {r['startupMs']:.0f} ms | {r['firstPaintMs']:.0f} ms | {r['copiedMs']:.0f} ms | {mark(r['worstMs'] <= 200)} |")
    return out


def memory_table(native: list[dict], wasm: list[dict]) -> list[str]:
    out = ["| article | JSON | wasm memory after load + layout (peak) | malloc'd then (live) | of which article + layout | target: 3 x JSON + 32 MiB | |",
           "|---|---:|---:|---:|---:|---:|---|"]
    for w in wasm:
        target = 3 * w["bytes"] + 32 * MIB
        peak = w["memory_after_load"]
        out.append(f"| {size_name(w)} | {w['bytes'] / MIB:.1f} MiB | **{peak / MIB:.1f} MiB** | {w['live_after_load'] / MIB:.1f} MiB | "
                   f"{(w['live_after_load'] - w['live_start']) / MIB:.1f} MiB | {target / MIB:.1f} MiB | {mark(peak <= target)} |")
    return out


def summary_table(native: list[dict], wasm: list[dict], paired: dict[str, float], frames: list[dict], browser: dict,
                  scripts: dict) -> list[str]:
    ratios = [paired[os.path.basename(n["file"])] for n in native if os.path.basename(n["file"]) in paired]
    load_ok = all(n["mb_per_s"] >= 50 for n in native) and ratios and max(ratios) <= 2
    base = frames[0]["median_ms"] if frames else 0
    frame_ok = all(f["median_ms"] < 1 for f in frames) and frames and frames[-1]["median_ms"] <= 1.5 * base
    paint = browser["firstPaint"]
    big = wasm[-1] if wasm else None
    mem_ok = big is not None and big["memory_after_load"] <= 3 * big["bytes"] + 32 * MIB
    t = browser["transfer"]["gzip9"]
    rows = [
        ("Load, native", "≥ 50 MB/s", ", ".join(f"{size_name(n)} {n['mb_per_s']:.1f}" for n in native) + " MB/s",
         all(n["mb_per_s"] >= 50 for n in native)),
        ("Load, wasm under node", "within 2x of native", ", ".join(f"{r:.2f}x" for r in ratios), bool(ratios) and max(ratios) <= 2),
        ("Frame while scrolling", "median < 1 ms; 100k ≤ 1.5x 1k",
         ", ".join(f"{size_name(f)} {f['median_ms'] * 1000:.0f} µs" for f in frames) + f" (p99 ≤ {max(f['p99_ms'] for f in frames) * 1000:.0f} µs)", bool(frame_ok)),
    ]
    for fp in paint:
        name = "seed" if fp["article"] == "seed" else size_name({"file": fp["article"] + ".json"})
        rows.append((f"First paint, {name}", "≤ 2x static HTML", f"{fp['viewerMs']:.0f} ms vs {fp['staticMs']:.0f} ms: {fp['ratio']:.2f}x", fp["ratio"] <= 2))
    rows.append(("Idle", "0 frames in 5 s", str(browser["idle"]["frames"]), browser["idle"]["frames"] == 0))
    rows.append(("Transfer, first visit", "≤ 400 KB gzipped", f"{t / KB:.1f} KB", t <= 400 * KB))
    if big:
        rows.append(("Memory, 100k", "≤ 3 x JSON + 32 MiB", f"{big['memory_after_load'] / MIB:.1f} MiB vs {(3 * big['bytes'] + 32 * MIB) / MIB:.1f} MiB", mem_ok))

    # Text in other scripts (issue 17).
    french = {size_name(n): n for n in native}
    wasm_by_file = {os.path.basename(w["file"]): w for w in scripts["wasm"]}
    for n in scripts["native"]:
        name = os.path.basename(n["file"])
        fr = french.get(size_name(n).split(" ")[-1])
        ratio = scripts["ratios"].get(name) if name in wasm_by_file else None
        beside = f" (French {fr['mb_per_s']:.1f})" if fr else ""
        rows.append((f"Load, {LANG_NAMES.get(lang_of(n), lang_of(n))} {size_name(n).split(' ')[-1]}, native", "≥ 50 MB/s (the French target)",
                     f"{n['mb_per_s']:.1f} MB/s{beside}", n["mb_per_s"] >= 50))
        rows.append((f"Load, {LANG_NAMES.get(lang_of(n), lang_of(n))} {size_name(n).split(' ')[-1]}, wasm under node", "within 2x of native",
                     f"{ratio:.2f}x ({wasm_by_file[name]['mb_per_s']:.1f} MB/s)" if ratio is not None else "not measured", ratio is not None and ratio <= 2))
    for f in scripts["frames"]:
        rows.append((f"Frame while scrolling, {LANG_NAMES.get(lang_of(f), lang_of(f))} {size_name(f).split(' ')[-1]}", "median < 1 ms",
                     f"median {f['median_ms'] * 1000:.0f} µs, p99 {f['p99_ms'] * 1000:.0f} µs", f["median_ms"] < 1))
    sizes = scripts["sizes"]
    if sizes:
        module = sizes["module_wasm"]["gzip9"] + sizes["module_js"]["gzip9"]
        rows.append(("Text module (.wasm + .js)", "≤ 160 KB gzipped", f"{module / KB:.1f} KB", module <= 160 * KB))
    for r in scripts.get("longtask") or []:
        rows.append((f"Longest task while loading, {article_size(r['article'])}", "≤ 200 ms",
                     f"{r['longestMs']:.0f} ms (worst run {r['worstMs']:.0f} ms)", r["worstMs"] <= 200))
    visit = browser.get("latinVisit")
    if visit:
        rows.append(("Latin first visit: text module, fonts/", "none fetched",
                     f"{len(visit['textModule'])} of text/, {len(visit['fontFiles'])} of fonts/ in {visit['requests']} requests",
                     not visit["textModule"] and not visit["fontFiles"]))
    for r in scripts["fonts"]:
        if cjk_screen(r):
            rows.append((f"Fonts, first screen, {cjk_screen(r)}: {font_screen_label(r)}", "≤ 800 KB gzipped", f"{r['screen_gzip'] / KB:.1f} KB",
                         r["screen_gzip"] <= FONT_SCREEN_TARGET))
    out = ["| what | target | now | |", "|---|---|---|---|"]
    out += [f"| {a} | {b} | {c} | {mark(ok)} |" for a, b, c, ok in rows]
    if sizes:
        d = sizes["thai_dictionary"]["gzip9"]
        out.append(f"| Thai dictionary | none set (fetched for Thai, Lao, Khmer, Myanmar only) | {d / KB:.1f} KB gzipped | – |")
    return out


def loadavg_table(results: str) -> list[str]:
    path = os.path.join(results, "loadavg.txt")
    if not os.path.exists(path):
        return []
    out = ["| step | load average (1, 5, 15 min) when it started |", "|---|---|"]
    with open(path, encoding="utf-8") as f:
        for line in f:
            step, _, load = line.rstrip("\n").rpartition(" | ")
            out.append(f"| {step} | {load} |")
    return out


def rounds_by_file(rows: list[dict]) -> dict[str, list[dict]]:
    """The rows of each article file (by its name), in round order; files in the order they first
    appear."""
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        by_file.setdefault(os.path.basename(row["file"]), []).append(row)
    return by_file


def median_rounds(rows: list[dict]) -> list[dict]:
    """One row per article file, in the order they first appear: of the rounds that measured it
    (run.sh), the one with the median total time (the lower middle for an even count)."""
    out = []
    for same in rounds_by_file(rows).values():
        ranked = sorted(same, key=lambda r: r["total_ms"])
        out.append(ranked[(len(ranked) - 1) // 2])
    return out


def paired_ratios(native_rows: list[dict], wasm_rows: list[dict]) -> dict[str, float]:
    """wasm / native total time for each article file: in each round, the wasm time over the
    native time measured just before it (the same minute of the machine), and of the rounds the
    median ratio (the lower middle for an even count). The machine's speed changes for minutes at
    a time: a ratio of two medians taken from different rounds would compare different speeds."""
    native = rounds_by_file(native_rows)
    ratios: dict[str, list[float]] = {}
    for name, rounds in rounds_by_file(wasm_rows).items():
        for w, n in zip(rounds, native.get(name, [])):
            if n["total_ms"] > 0:
                ratios.setdefault(name, []).append(w["total_ms"] / n["total_ms"])
    return {name: sorted(r)[(len(r) - 1) // 2] for name, r in ratios.items()}


def write_report(results: str, native_build: str, web_build: str, output: str) -> int:
    all_native = read_jsonl(os.path.join(results, "load-native.jsonl"))
    all_wasm = read_jsonl(os.path.join(results, "load-wasm.jsonl"))
    all_frames = read_jsonl(os.path.join(results, "frame-native.jsonl"))
    # French (issue 7's tables, unchanged) apart from the other scripts (issue 17's).
    native_rows = [r for r in all_native if not is_script(r)]
    wasm_rows = [r for r in all_wasm if not is_script(r)]
    native = median_rounds(native_rows)
    wasm = median_rounds(wasm_rows)
    ratios = paired_ratios(native_rows, wasm_rows)
    frames = [r for r in all_frames if not is_script(r)]
    script_native = [r for r in all_native if is_script(r)]
    script_wasm = [r for r in all_wasm if is_script(r)]
    scripts = {"native": median_rounds(script_native), "wasm": median_rounds(script_wasm),
               "ratios": paired_ratios(script_native, script_wasm), "frames": [r for r in all_frames if is_script(r)],
               "fonts": read_jsonl(os.path.join(results, "font-transfer.jsonl")),
               "sizes": read_json(os.path.join(results, "text-sizes.json")),
               "longtask": read_jsonl(os.path.join(results, "longtask.jsonl"))}
    browser = read_json(os.path.join(results, "browser.json"))
    longtask = read_jsonl(os.path.join(results, "longtask.jsonl"))
    spaces = read_jsonl(os.path.join(results, "word-space.jsonl"))
    if not (native and wasm and frames and browser):
        print("report.py: results are missing (run tests/bench/run.sh without --only)", file=sys.stderr)
        return 1
    with open(os.path.join(HERE, "BENCHMARKS.head.md"), encoding="utf-8") as f:
        head = f.read().rstrip("\n")
    with open(os.path.join(HERE, "BENCHMARKS.tail.md"), encoding="utf-8") as f:
        tail = f.read().rstrip("\n")
    history = ""
    if os.path.exists(os.path.join(HERE, "history.md")):
        with open(os.path.join(HERE, "history.md"), encoding="utf-8") as f:
            history = f.read().rstrip("\n")
    sections = {
        "SUMMARY": summary_table(native, wasm, ratios, frames, browser, scripts),
        "HISTORY": [history],
        "MACHINE": machine(native_build, web_build, browser.get("chromium", "?")),
        "DATE": [datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")],
        "LOAD": load_table(native, wasm, ratios),
        "FRAMES": frame_table(frames),
        "PAINT": paint_table(browser),
        "RESOURCES": resources_table(browser),
        "FLOOR": floor_table(browser),
        "IDLE": [f"| frames drawn in {browser['idle']['seconds']} s without input | target | |", "|---:|---:|---|",
                 f"| **{browser['idle']['frames']}** | 0 | {mark(browser['idle']['frames'] == 0)} |"],
        "TRANSFER": transfer_table(browser),
        "MEMORY": memory_table(native, wasm),
        "LOADAVG": loadavg_table(results),
        "SCRIPTS_LOAD": scripts_load_table(scripts["native"], scripts["wasm"], scripts["ratios"], native) if scripts["native"] else ["(not measured)"],
        "SCRIPTS_FRAMES": scripts_frame_table(scripts["frames"]) if scripts["frames"] else ["(not measured)"],
        "TEXT_SIZES": text_sizes_table(scripts["sizes"]) if scripts["sizes"] else ["(not measured)"],
        "FONT_SCREENS": font_screens_table(scripts["fonts"]) if scripts["fonts"] else ["(not measured)"],
        "LATIN_VISIT": latin_visit_lines(browser),
        "LONGTASK": longtask_table(longtask) if longtask else ["(not measured)"],
        "WORD_SPACE": word_space_table(spaces) if spaces else ["(not measured)"],
    }
    text = head + "\n\n" + tail + "\n"
    for key, lines in sections.items():
        text = text.replace("{{" + key + "}}", "\n".join(lines))
    with open(output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", metavar="DIR")
    ap.add_argument("--results")
    ap.add_argument("--native-build")
    ap.add_argument("--web-build")
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)
    if args.check:
        return check(args.check)
    if not (args.results and args.output):
        ap.error("--results and -o are needed (or --check DIR)")
    return write_report(args.results, args.native_build or "", args.web_build or "", args.output)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
