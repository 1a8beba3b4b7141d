#!/usr/bin/env python3
"""Assembles build/web/dist/, the whole static site (run by the `dist` target after every build).

    assemble_dist.py --shell shell/ --assets assets/ --program BUILD/wasm --dist BUILD/dist

- The page (shell/index.html) and everything it refers to, the program (article-viewer.js, .wasm,
  .data = the fonts), the fonts' extended subsets (fonts-ext/) and generated icons get
  content-hashed names (`loader.3f9a0c1d.js`), so hosts may cache them for a year; index.html,
  sw.js and manifest.webmanifest keep their names and are small. References are rewritten: src/href
  in index.html, icon names in the manifest, and the program's and extended fonts' file names (and
  the program's sizes) in loader.js (between its /*@bundle*/ markers). Our scripts go out without
  their comment lines, the style sheet without its comments, the page without its comments but the
  one on the setting hosts edit.
- sw.js (the service worker) gets the list of files to precache and a version derived from their
  contents, so every new bundle installs cleanly and replaces the old one.
- article-viewer.html: the single-file page, with the program, fonts, styles, scripts and the
  bundled articles inline (base64), for file:// and double-clicks.
- articles/: the bundled articles and their index.json, under their own names (they are linked to).
- fonts/: the fonts beyond the base faces (shell/fonts/build_fonts.py, --fonts-more), hashed like
  the rest, fetched per article and never precached; their manifest in six versions that list the
  same files in the same order (so a file's FontId is the same in all): fonts.json without the CJK
  families' maps (most articles: symbols, scripts, emoji), fonts-<variant>.json with one CJK map,
  fonts-all.json with all four. loader.js learns their hashed names (bundle.fontsMore).
- hyphen/: the hyphenation dictionaries (hyph_NAME.<hash>.dic) and their licences, fetched into the
  text module for the languages of an article read justified (README "Hyphenation"); loader.js
  learns their hashed names (bundle.hyphen); never precached, not in the single-file page.
- text/: the text engine, a second wasm module (article-viewer-text.js and .wasm, wasm/text/), and
  the Thai dictionary (thai-words.dict), hashed, fetched only for articles with rich paragraphs
  (docs/text-pipeline.md), never precached (the service worker keeps them once fetched), not in
  the single-file page. loader.js learns their hashed names (bundle.textModule).
- plain/: every bundled article as a plain HTML page, for readers without JavaScript, with
  plain/index.html listing them and their stylesheet (hashed): written by the web build's
  plain-pages tool (wasm/tools/plain_pages.cpp, wasm run under node, --plain-tool) from core's own
  model. index.html's <noscript> links to the default article's page and to the list (between its
  <!--@plain--> markers); the single-file page's <noscript> holds the articles themselves, as a file
  opened alone has no plain/ beside it. Nothing of it is fetched while JavaScript runs, nor precached.
- Prints every file's size, raw and gzipped (the on-demand fonts per family).

Python standard library only; every URL in the result is relative, so dist/ works under any path.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html import escape

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icons  # noqa: E402  (shell/icons.py, next to this file)

PROGRAM_FILES = ("article-viewer.js", "article-viewer.wasm", "article-viewer.data")
TEXT_MODULE_FILES = ("article-viewer-text.js", "article-viewer-text.wasm")
SINGLE_FILE = "article-viewer.html"
HASH_LENGTH = 8  # serve.py (and most CDN rules) treat name.<8+ hex>.ext as immutable

REF = re.compile(r'\b(src|href)="([^"]*)"')
MARKER = r"/\*@{0}\*/.*?/\*@{0}\*/"
PLAIN = "plain"  # dist/plain/: the articles without JavaScript
# index.html's scripts that loader.js runs once the first frame is drawn (the browser neither fetches
# nor runs a script of an unknown type).
AFTER_FIRST_FRAME = re.compile(r'<script type="text/x-after-first-frame" src="([^"]+)"></script>')
PLAIN_MARKER = re.compile(r"<!--@plain-->.*?<!--@plain-->", re.DOTALL)


class BuildError(Exception):
    pass


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hashed_name(name: str, data: bytes) -> str:
    stem, ext = os.path.splitext(name)
    return f"{stem}.{digest(data)[:HASH_LENGTH]}{ext}"


def fill(text: str, key: str, value, where: str) -> str:
    """Replaces what stands between /*@key*/ markers with `value` as JSON."""
    pattern = re.compile(MARKER.format(key), re.DOTALL)
    if not pattern.search(text):
        raise BuildError(f"{where}: no /*@{key}*/ ... /*@{key}*/ markers to fill")
    payload = json.dumps(value, separators=(",", ":"), ensure_ascii=True)
    return pattern.sub(lambda _: f"/*@{key}*/{payload}/*@{key}*/", text, count=1)


def local_refs(html: str) -> list[str]:
    """Relative src/href values of the page (no scheme, no fragment-only, no absolute path), but the
    links to plain/, which are pages to go to, not files the page loads."""
    out = []
    for _, value in REF.findall(html):
        if value and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^/|^#", value) and value not in out \
                and not value.startswith(PLAIN + "/"):
            out.append(value)
    return out


def plain_pages(tool: str, node: str, assets: str,
                article_index: dict) -> tuple[dict[str, bytes], list[dict], dict]:
    """Runs the plain-pages tool (wasm for node) on the bundled articles: {dist path: bytes} for
    plain/ (a page per article, index.html, the stylesheet under its hashed name), what the tool
    says of each article (id, page, title, lang, dir, fragment) in index.json's order, and of the
    default article."""
    def run(args: list[str]) -> bytes:
        # Toolchain quirk (Node 20 vs Emscripten 3.1.6): node's own fetch confuses the runtime.
        try:
            return subprocess.run([node, "--no-experimental-fetch", tool, *args], check=True,
                                  stdout=subprocess.PIPE).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            raise BuildError(f"plain pages: {tool} failed ({e})") from None

    css = run(["--print-stylesheet"])
    css_name = hashed_name("plain.css", css)
    entries = article_index.get("articles", [])
    default_at = next((i for i, a in enumerate(entries) if a.get("id") == article_index.get("default")), None)
    if default_at is None:
        raise BuildError("assets/articles/index.json: its default article is not in its list")
    default = entries[default_at]["path"]
    args = ["--stylesheet", css_name, "--default", "articles/" + default]
    for entry in entries:
        args += ["--article", os.path.join(assets, "articles", entry["path"]), "articles/" + entry["path"]]
    out = {f"{PLAIN}/{css_name}": css}
    with tempfile.TemporaryDirectory(prefix="av-plain-") as tmp:
        written = json.loads(run(["--out", tmp, *args]))["articles"]
        for name in [w["page"] for w in written] + ["index.html"]:
            with open(os.path.join(tmp, name), "rb") as f:
                out[f"{PLAIN}/{name}"] = f.read()
    return out, written, written[default_at]


def noscript_links(html: str, default: dict) -> str:
    """index.html's <noscript>: the default article's plain page and the list, between the
    <!--@plain--> markers (the title in its own language and direction)."""
    link = (f'<a href="{PLAIN}/{escape(default["page"])}" lang="{escape(default["lang"])}" '
            f'dir="{escape(default["dir"])}">{escape(default["title"])}</a>')
    return fill_plain(html, f'<p>Without it, read {link} as a plain page, '
                            f'or see <a href="{PLAIN}/index.html">all the articles</a>.</p>')


def noscript_articles(html: str, articles: list[dict], css: bytes) -> str:
    """The single-file page's <noscript>: the articles themselves (it is often opened alone, where a
    link to plain/ leads nowhere), dressed by the plain pages' stylesheet, which only applies with
    JavaScript off (a <noscript> of the head)."""
    intro = "<p>Without it, here " + ("is this copy's article as a plain page" if len(articles) == 1
                                      else "are this copy's articles as plain pages") + ".</p>\n"
    html = fill_plain(html, intro + "<hr>\n".join(a["fragment"] for a in articles))
    html = html.replace('<div class="noscript"', '<div class="noscript plain"', 1)
    rules = re.sub(r"</(style)", r"<\\/\1", css.decode("utf-8"), flags=re.IGNORECASE)
    style = "<noscript><style>\n" + rules + "</style></noscript>\n"
    if "</head>" not in html:
        raise BuildError("index.html has no </head>")
    return html.replace("</head>", style + "</head>", 1)


def fill_plain(html: str, content: str) -> str:
    if not PLAIN_MARKER.search(html):
        raise BuildError("index.html: no <!--@plain--> ... <!--@plain--> markers in its <noscript>")
    return PLAIN_MARKER.sub(lambda _: content, html, count=1)


def inline_script(code: str) -> str:
    """Makes JavaScript safe to place between <script> and </script>."""
    return re.sub(r"<(/script|!--)", r"<\\\1", code, flags=re.IGNORECASE)


def single_file_page(html: str, read_ref, inline_data: dict, program_js: str) -> str:
    """The page with every local reference inline: styles in <style>, scripts (in order) at the end
    of <body> after the data and the program, icons as data: URLs, no manifest (no use on file://)."""
    scripts = []

    def script_tag(m: re.Match) -> str:
        scripts.append(read_ref(m.group(1)).decode("utf-8"))
        return ""

    html = re.sub(r'[ \t]*<script\b[^>]*\bsrc="([^"]+)"[^>]*>\s*</script>[ \t]*\n?', script_tag, html)

    def link_tag(m: re.Match) -> str:
        tag = m.group(0)
        href = re.search(r'\bhref="([^"]+)"', tag)
        rel = re.search(r'\brel="([^"]+)"', tag)
        if not href or href.group(1) not in local_refs(tag):
            return tag
        rel_value = rel.group(1).lower() if rel else ""
        if "stylesheet" in rel_value.split():
            return "<style>\n" + re.sub(r"</(style)", r"<\\/\1", read_ref(href.group(1)).decode("utf-8"), flags=re.IGNORECASE) + "</style>"
        if "icon" in rel_value.split() or "apple-touch-icon" in rel_value.split():
            ref = href.group(1)
            mime = {".svg": "image/svg+xml", ".png": "image/png"}.get(os.path.splitext(ref)[1], "application/octet-stream")
            data = base64.b64encode(read_ref(ref)).decode("ascii")
            return tag.replace(f'href="{ref}"', f'href="data:{mime};base64,{data}"')
        return ""  # manifest and anything else that needs a server

    html = re.sub(r"<link\b[^>]*>\n?", link_tag, html)
    body = ["<script>window.articleViewerInline = " + json.dumps(inline_data, separators=(",", ":")) + ";</script>\n",
            "<script>\n" + inline_script(program_js) + "\n</script>\n"]
    body += ["<script>\n" + inline_script(code) + "\n</script>\n" for code in scripts]
    if "</body>" not in html:
        raise BuildError("index.html has no </body>")
    return html.replace("</body>", "".join(body) + "</body>", 1)


def human(n: int) -> str:
    return f"{n / 1024:.1f} KiB" if n >= 1024 else f"{n} B"


def human_big(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB" if n >= 10 * 1024 * 1024 else human(n)


FONTS_MORE = "fonts"  # dist/fonts/: the on-demand fonts and their manifests
CJK_VARIANTS = ("zh-Hans", "zh-Hant", "ja", "ko")


def fonts_more_files(folder: str, read) -> tuple[dict[str, bytes], dict[str, str], list[tuple[str, int, int, int]]]:
    """The on-demand fonts (build_fonts.py's folder) for dist/fonts/: {dist path: bytes}, the
    manifests' plain names -> dist paths, and per family (name, files, raw, gzip) for the report."""
    manifest_path = os.path.join(folder, "fonts.json")
    try:
        doc = json.loads(read(manifest_path))
        families = doc["families"]
    except (ValueError, KeyError, TypeError) as e:
        raise BuildError(f"{manifest_path}: not a font manifest ({e})") from None
    out: dict[str, bytes] = {}
    summary: dict[str, list[int]] = {}
    for family in families:
        totals = summary.setdefault(family["name"], [0, 0, 0])
        for entry in family["files"]:
            name = entry["file"]
            if "/" in name or name.startswith("."):
                raise BuildError(f"{manifest_path}: {name!r} is not a file name of its folder")
            data = read(os.path.join(folder, name))
            entry["file"] = hashed_name(name, data)
            out[f"{FONTS_MORE}/{entry['file']}"] = data
            totals[0] += 1
            totals[1] += len(data)
            totals[2] += entry["gzip"]

    def version(keep) -> bytes:
        """The manifest with only the maps of the CJK families whose Han variant `keep` accepts."""
        copy = json.loads(json.dumps(doc))
        for family in copy["families"]:
            if "map" in family and not keep(family.get("han")):
                del family["map"]
                for entry in family["files"]:
                    entry["ranges"] = []
        return (json.dumps(copy, separators=(",", ":"), ensure_ascii=True) + "\n").encode("ascii")

    versions = {"fonts.json": version(lambda han: False), "fonts-all.json": version(lambda han: True)}
    for variant in CJK_VARIANTS:
        versions[f"fonts-{variant}.json"] = version(lambda han, v=variant: han == v)
    paths = {}
    for name, data in versions.items():
        paths[name] = f"{FONTS_MORE}/{hashed_name(name, data)}"
        out[paths[name]] = data
    return out, paths, [(name, *totals) for name, totals in summary.items()]


HTML_COMMENT = re.compile(r"[ \t]*<!--(?!@)(.*?)-->[ \t]*\n?", re.DOTALL)
HOST_SETTING = '<meta name="article-viewer-origins"'


def without_html_comments(html: str) -> str:
    """The page without its comments, as our scripts go without their comment lines: they speak to
    the source's readers, and were a third of what index.html weighs gzipped (about 490 of 1 530
    bytes; the <noscript>'s links to the plain pages took 110 more). The comment a host needs
    stays: the one on the setting hosts edit in dist/index.html (article-viewer-origins). The
    assembly's <!--@...--> markers stay, to be filled."""
    def keep(m: re.Match) -> str:
        return m.group(0) if html[m.end():].lstrip().startswith(HOST_SETTING) else ""
    return HTML_COMMENT.sub(keep, html)


def without_comment_lines(source: str, name: str) -> str:
    """The script without its lines that are only a // comment, and without its lines'
    indentation: our scripts explain themselves at length, and those lines were a third of what a
    first visit downloads of them (16.2 KB of gzip, 10.6 KB without); the indentation was 0.7 KB
    more, which brought the first visit under its 400 KB (BENCHMARKS.md, "Transfer size"). Lines
    inside a template literal that spans lines are kept as they are (there, the spaces are text);
    nothing else is rewritten (no minifier: what runs is what the source says, line for line
    apart from the comments)."""
    kept = []
    in_template = False
    for line in source.split("\n"):
        if not in_template and line.lstrip().startswith("//"):
            continue
        # Outside a template literal, a line's leading spaces mean nothing to JavaScript.
        kept.append(line if in_template else line.lstrip(" \t"))
        # Backticks not escaped: enough for our scripts, which never put a backtick in a string, a
        # regular expression or a comment.
        if (line.count("`") - line.count("\\`")) % 2 == 1:
            in_template = not in_template
    if in_template:
        raise BuildError(f"{name}: a template literal never ends")
    return "\n".join(kept)


CSS_COMMENT = re.compile(r"/\*.*?\*/[ \t]*\n?", re.DOTALL)


def without_css_comments(css: str, name: str) -> str:
    """The style sheet without its comments, as the scripts go without theirs: they were a third of
    viewer.css gzipped (970 of 2 730 bytes before the print rules came, 1 380 of 3 980 after);
    and without its lines' indentation, which means nothing to CSS (a string cannot span lines).
    Nothing else is rewritten. Our style sheets never put "/*" inside a string, which this would
    cut: checked, so a rule that does fails the build instead of the page."""
    kept = CSS_COMMENT.sub("", css)
    if "/*" in kept or "*/" in kept:
        raise BuildError(f"{name}: a comment that does not end, or a comment mark inside a string")
    return "\n".join(line.lstrip(" \t") for line in kept.split("\n"))


def assemble(shell: str, assets: str, program: str, dist: str, quiet: bool = False, fonts_ext: str | None = None,
             fonts_more: str | None = None, text_module: str | None = None, thai_dictionary: str | None = None,
             hyphen: str | None = None,
             plain_tool: str | None = None, node: str = "node", fonts_families: str | None = None,
             fonts_faces: str | None = None) -> dict:
    def read(path: str) -> bytes:
        try:
            with open(path, "rb") as f:
                return f.read()
        except OSError as e:
            raise BuildError(f"{path}: {e.strerror}") from None

    # --- inputs ----------------------------------------------------------------------------------
    program_bytes = {name: read(os.path.join(program, name)) for name in PROGRAM_FILES}
    generated = {"icon.svg": icons.svg().encode("utf-8"), "icon-192.png": icons.png(192), "icon-512.png": icons.png(512)}
    index_html = without_html_comments(read(os.path.join(shell, "index.html")).decode("utf-8"))
    manifest = json.loads(read(os.path.join(shell, "manifest.webmanifest")))
    sw = read(os.path.join(shell, "sw.js")).decode("utf-8")
    article_index_bytes = read(os.path.join(assets, "articles", "index.json"))
    article_index = json.loads(article_index_bytes)
    articles_dir = os.path.join(assets, "articles")
    article_files = sorted(f for f in os.listdir(articles_dir) if f.endswith(".json"))
    bundled = [a["path"] for a in article_index.get("articles", [])]
    for path in bundled:
        if path not in article_files:
            raise BuildError(f"assets/articles/index.json lists {path}, which is not in assets/articles/")

    out: dict[str, bytes] = {}     # dist-relative name -> bytes
    renamed: dict[str, str] = {}   # source name -> hashed name

    def add_hashed(name: str, data: bytes) -> str:
        renamed[name] = hashed_name(name, data)
        out[renamed[name]] = data
        return renamed[name]

    # --- the program and the icons ---------------------------------------------------------------
    for name, data in program_bytes.items():
        add_hashed(name, data)
    for name, data in generated.items():
        add_hashed(name, data)
    def font_folder(folder: str | None, prefix: str) -> tuple[list[str], dict[str, bytes], dict[str, str]]:
        """The .ttf files of `folder`: their names, bytes and hashed paths under `prefix`/ (added to out)."""
        names = sorted(f for f in os.listdir(folder) if f.endswith(".ttf")) if folder else []
        data = {name: read(os.path.join(folder, name)) for name in names}
        paths = {name: f"{prefix}/" + hashed_name(name, data[name]) for name in names}
        for name in names:
            out[paths[name]] = data[name]
        return names, data, paths

    # The fonts' extended subsets (Greek, Cyrillic, ...): not part of the first visit; the program
    # fetches them, by the hashed names loader.js learns here, when an article needs them
    # (js_fetch_extended_fonts in platform/web.cpp; the single-file page has them inline).
    ext_fonts, ext_font_bytes, ext_font_paths = font_folder(fonts_ext, "fonts-ext")
    # The base faces a first visit leaves out (the serif italics, CMakeLists.txt AV_LATER_FACES):
    # fetched before the first frame of an article that draws with them (js_fetch_font_faces in
    # platform/web.cpp), by the hashed names loader.js learns here; precached for offline reading;
    # inline in the single-file page.
    face_names, face_bytes, face_paths = font_folder(fonts_faces, "fonts-faces")
    # The font families a reader may choose (sans, legible: families/<name>/<file>): fetched only
    # when one is chosen, by the hashed names loader.js learns here; not precached (a reader who
    # keeps the defaults never pays for them), kept by the service worker once fetched; not in the
    # single-file page, which keeps the base faces.
    family_paths = {}
    if fonts_families:
        for family in sorted(os.listdir(fonts_families)):
            folder = os.path.join(fonts_families, family)
            for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
                data = read(os.path.join(folder, name))
                family_paths[f"families/{family}/{name}"] = f"fonts-families/{family}/" + hashed_name(name, data)
                out[family_paths[f"families/{family}/{name}"]] = data
    # The fonts beyond the base faces: fetched per article (by the hashed names of the manifests,
    # which loader.js learns here, and the names those list), never precached, not in the
    # single-file page (which draws with the base faces only).
    more_files, more_manifests, more_summary = fonts_more_files(fonts_more, read) if fonts_more else ({}, {}, [])
    out.update(more_files)
    # The text engine and the Thai dictionary: like the fonts beyond the base faces, fetched when an
    # article needs them, by the hashed names loader.js learns here; never precached.
    text_paths = {}
    text_sources = {}
    if text_module:
        for name in TEXT_MODULE_FILES:
            text_sources[name] = read(os.path.join(text_module, name))
    if thai_dictionary:
        text_sources["thai-words.dict"] = read(thai_dictionary)
    for name, data in text_sources.items():
        text_paths[name] = "text/" + hashed_name(name, data)
        out[text_paths[name]] = data
    # The hyphenation dictionaries (README "Hyphenation"): fetched into the text module for the
    # languages of an article read justified, by the hashed names loader.js learns here
    # (bundle.hyphen: {"fr": "hyphen/hyph_fr.<hash>.dic", ...}); never precached. Their licences
    # (Debian's copyright file of each package, libhyphen's COPYING) beside them, unhashed.
    hyphen_paths = {}
    if hyphen:
        for file in sorted(os.listdir(hyphen)):
            data = read(os.path.join(hyphen, file))
            if file.startswith("hyph_") and file.endswith(".dic"):
                hyphen_paths[file[len("hyph_"):-len(".dic")]] = "hyphen/" + hashed_name(file, data)
                out[hyphen_paths[file[len("hyph_"):-len(".dic")]]] = data
            elif file.endswith((".copyright", ".COPYING")):
                out["hyphen/" + file] = data
    program_version = digest(b"".join(digest(program_bytes[n]).encode() for n in PROGRAM_FILES))[:16]
    bundle = {"version": program_version,
              "files": {n: {"name": renamed[n], "size": len(program_bytes[n])} for n in PROGRAM_FILES},
              "fontsExt": ext_font_paths, "fontsFaces": face_paths}
    if more_manifests:
        bundle["fontsMore"] = more_manifests
    if text_paths:
        bundle["textModule"] = text_paths
    if hyphen_paths:
        bundle["hyphen"] = hyphen_paths
    if family_paths:
        bundle["fontsFamilies"] = family_paths
    # The default article, which loader.js downloads beside the program (as the program would ask
    # for it by the same URL: AV_DEFAULT_ARTICLE in wasm/CMakeLists.txt comes from the same index).
    default = next((a["path"] for a in article_index.get("articles", []) if a.get("id") == article_index.get("default")), None)
    if default:
        bundle["article"] = "articles/" + default

    # --- files the page refers to (styles, scripts); loader.js learns the program's names -----------
    page_refs = local_refs(index_html)
    filled_bundle = False
    shell_sources: dict[str, bytes] = {}
    for ref in page_refs:
        if ref in renamed:
            continue
        if ref == "manifest.webmanifest":
            continue
        path = os.path.join(shell, ref)
        if not os.path.isfile(path):
            raise BuildError(f"shell/index.html refers to {ref}, which is neither in shell/ nor generated")
        data = read(path)
        if ref.endswith(".js"):
            data = without_comment_lines(data.decode("utf-8"), ref).encode("utf-8")
        if ref.endswith(".css"):
            data = without_css_comments(data.decode("utf-8"), ref).encode("utf-8")
        if ref.endswith(".js") and b"/*@bundle*/" in data:
            data = fill(data.decode("utf-8"), "bundle", bundle, ref).encode("utf-8")
            filled_bundle = True
        shell_sources[ref] = data
        add_hashed(ref, data)
    if not filled_bundle:
        raise BuildError("no script of shell/index.html has the /*@bundle*/ markers (loader.js): "
                         "the page would not find the hashed program files")

    # --- manifest, index.html ----------------------------------------------------------------------
    for icon in manifest.get("icons", []):
        if icon.get("src") not in renamed:
            raise BuildError(f"manifest.webmanifest: icon {icon.get('src')} is not generated")
        icon["src"] = renamed[icon["src"]]
    out["manifest.webmanifest"] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    # The plain pages, and the <noscript> that leads to them. Without the tool (a bundle assembled
    # by hand) the page keeps its message alone.
    plain_files, plain_articles, default_plain = plain_pages(plain_tool, node, assets, article_index) if plain_tool \
        else ({}, [], None)
    out.update(plain_files)
    page = REF.sub(lambda m: f'{m.group(1)}="{renamed.get(m.group(2), m.group(2))}"', index_html)
    page = noscript_links(page, default_plain) if default_plain else fill_plain(page, "")
    out["index.html"] = page.encode("utf-8")
    page_needs = [renamed[r] for r in page_refs if r in renamed]
    # Scripts loader.js runs only once the first frame is drawn (index.html's
    # type="text/x-after-first-frame"): precached, but not part of the first frame's download.
    after_first_frame = {renamed[r] for r in AFTER_FIRST_FRAME.findall(index_html) if r in renamed}

    # --- articles --------------------------------------------------------------------------------
    for name in article_files:
        out["articles/" + name] = read(os.path.join(articles_dir, name))

    # --- the service worker ----------------------------------------------------------------------
    precache = ["index.html", "manifest.webmanifest"] + sorted(set(renamed.values()))
    precache += ["articles/index.json"] + ["articles/" + p for p in bundled]
    precache += [ext_font_paths[name] for name in ext_fonts]
    precache += [face_paths[name] for name in face_names]
    version = digest("\n".join(f"{p} {digest(out[p])}" for p in precache).encode())[:16]
    sw = fill(sw, "version", version, "sw.js")
    sw = fill(sw, "precache", precache, "sw.js")
    sw = fill(sw, "page", page_needs, "sw.js")
    # The worker keeps fetched fonts across bundles; at an update it drops those this bundle's
    # manifests no longer list (it reads fonts-all.json's file names then).
    sw = fill(sw, "fonts", {"manifests": sorted(more_manifests.values()), "all": more_manifests.get("fonts-all.json")},
              "sw.js")
    out["sw.js"] = sw.encode("utf-8")

    # --- the single-file page --------------------------------------------------------------------
    def read_ref(ref: str) -> bytes:
        if ref in shell_sources:
            return shell_sources[ref]
        if ref in generated:
            return generated[ref]
        raise BuildError(f"single-file page: cannot inline {ref}")

    inline_data = {
        "version": program_version,
        "files": {n: base64.b64encode(program_bytes[n]).decode("ascii") for n in ("article-viewer.wasm", "article-viewer.data")},
        "articles": {name: base64.b64encode(out[name]).decode("ascii")
                     for name in ["articles/index.json"] + ["articles/" + p for p in bundled]},
        "fontsExt": {name: base64.b64encode(data).decode("ascii") for name, data in ext_font_bytes.items()},
        "fontFaces": {name: base64.b64encode(data).decode("ascii") for name, data in face_bytes.items()},
    }
    single = single_file_page(index_html, read_ref, inline_data,
                              program_bytes["article-viewer.js"].decode("utf-8"))
    css = next((data for name, data in plain_files.items() if name.endswith(".css")), None)
    single = noscript_articles(single, plain_articles, css) if plain_articles else fill_plain(single, "")
    out[SINGLE_FILE] = single.encode("utf-8")

    # --- write -----------------------------------------------------------------------------------
    if os.path.isdir(dist):
        shutil.rmtree(dist)  # stale hashed files from earlier builds go
    for name, data in out.items():
        path = os.path.join(dist, *name.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    if not quiet:
        report(dist, out, [n for n in page_needs if n not in after_first_frame] + [renamed[n] for n in PROGRAM_FILES]
               + ["articles/" + p for p in bundled[:1]], set(more_files) - set(more_manifests.values()), more_summary,
               sorted(after_first_frame))
    return {"version": version, "program_version": program_version, "files": renamed}


def report(dist: str, out: dict[str, bytes], first_visit: list[str], grouped: set[str] | None = None,
           families: list[tuple[str, int, int, int]] | None = None, later: list[str] | None = None) -> None:
    """Every file of dist/ with its size, raw and gzipped; the on-demand fonts (`grouped`) only per
    family, from the manifest's own gzip -9 sizes (hundreds of files)."""
    rows = []
    for name in sorted(out, key=lambda n: (n.count("/"), n)):
        if grouped and name in grouped:
            continue
        raw = len(out[name])
        rows.append((name, raw, len(gzip.compress(out[name], 9, mtime=0))))
    width = max(len(r[0]) for r in rows)
    print(f"dist: {dist}")
    print(f"  {'file':<{width}}  {'raw':>10}  {'gzipped':>10}")
    for name, raw, gz in rows:
        print(f"  {name:<{width}}  {human(raw):>10}  {human(gz):>10}")
    if families:
        print(f"  {FONTS_MORE}/: the fonts fetched per article, by family (gzip -9, as the manifest gives it)")
        fw = max(len(f[0]) for f in families)
        print(f"    {'family':<{fw}}  {'files':>5}  {'raw':>10}  {'gzipped':>10}")
        for name, count, raw, gz in families:
            print(f"    {name:<{fw}}  {count:>5}  {human_big(raw):>10}  {human_big(gz):>10}")
        count = sum(f[1] for f in families)
        raw = sum(f[2] for f in families)
        gz = sum(f[3] for f in families)
        print(f"    {'all':<{fw}}  {count:>5}  {human_big(raw):>10}  {human_big(gz):>10}")
    sizes = {r[0]: r for r in rows}
    visit = ["index.html"] + [n for n in first_visit if n in sizes]
    raw = sum(sizes[n][1] for n in set(visit))
    gz = sum(sizes[n][2] for n in set(visit))
    print(f"  first visit (page, program, fonts, default article): {human(raw)} raw, {human(gz)} gzipped")
    if later:
        print(f"  after the first frame ({', '.join(later)}): {human(sum(sizes[n][1] for n in later))} raw, "
              f"{human(sum(sizes[n][2] for n in later))} gzipped")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--shell", required=True, help="the page's sources (shell/)")
    p.add_argument("--assets", required=True, help="assets/ (articles/ and its index.json)")
    p.add_argument("--program", required=True, help="folder holding article-viewer.js, .wasm, .data")
    p.add_argument("--dist", required=True, help="output folder (replaced)")
    p.add_argument("--fonts-ext", help="folder of the fonts' extended subsets (fetched when needed)")
    p.add_argument("--fonts-faces", help="folder of the base faces a first visit leaves out (fetched when needed)")
    p.add_argument("--fonts-more", help="folder of the fonts beyond the base faces (shell/fonts/build_fonts.py)")
    p.add_argument("--text-module", help="folder holding article-viewer-text.js and .wasm (the text engine)")
    p.add_argument("--thai-dictionary", help="thai-words.dict (wasm/text/build_thai_dictionary.py)")
    p.add_argument("--hyphen", help="folder of the hyphenation dictionaries (hyph_NAME.dic) and their licences")
    p.add_argument("--plain-tool", help="the plain-pages tool (plain-pages.js, wasm/tools/): writes plain/")
    p.add_argument("--node", default="node", help="node, which runs the plain-pages tool")
    p.add_argument("--fonts-families", help="folder of the font families a reader may choose (<name>/<file>)")
    p.add_argument("--quiet", action="store_true", help="no size report")
    args = p.parse_args(argv)
    try:
        assemble(args.shell, args.assets, args.program, args.dist, args.quiet, args.fonts_ext, args.fonts_more,
                 args.text_module, args.thai_dictionary, args.hyphen, args.plain_tool, args.node, args.fonts_families,
                 args.fonts_faces)
    except BuildError as e:
        print(f"assemble_dist.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
