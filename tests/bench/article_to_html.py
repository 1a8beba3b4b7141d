#!/usr/bin/python3
"""Writes an article/1 file as a plain static HTML page: the browser's own rendering of the same
article, for the side-by-side first-paint benchmark (tests/bench/browser_bench.mjs, BENCHMARKS.md).

    article_to_html.py ARTICLE.json -o PAGE.html [--fonts URL]

The page uses the viewer's fonts (the web subsets of Noto Serif and Noto Sans) through @font-face
from the folder URL given with --fonts (default "fonts/"), with font-display: block so that the
first paint with text is a paint in those fonts, like the viewer's. Layout is the viewer's too: a
centred column of about 70 characters, 20 px body text. No script. Python standard library only.

Languages and directions (format 1.1) as the viewer's mirror gives them: <html> has the article's
lang and dir (default "auto"); a block element has its own lang where the block sets one, and its
own dir, or dir="auto" where the article's direction is auto (HTML resolves "auto" per element,
the contract per block); a run with a lang is a <span lang>. A lang or dir the viewer would drop
(not a BCP 47 tag, not one of ltr/rtl/auto) is left out here too.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys

FACES = [
    ("Noto Serif", "NotoSerif-Regular.ttf", 400, "normal"),
    ("Noto Serif", "NotoSerif-Bold.ttf", 700, "normal"),
    ("Noto Serif", "NotoSerif-Italic.ttf", 400, "italic"),
    ("Noto Serif", "NotoSerif-BoldItalic.ttf", 700, "italic"),
    ("Noto Sans", "NotoSans-Regular.ttf", 400, "normal"),
    ("Noto Sans", "NotoSans-Bold.ttf", 700, "normal"),
]

CSS = """
html { background: #fff; color: #1f1f1f; }
body { margin: 0; font: 20px/1.5 "Noto Serif", serif; }
main { max-width: 35em; margin: 0 auto; padding: 40px 16px 80px; }
h1 { font-size: 2em; line-height: 1.22; margin: 0; }
.subtitle { font-style: italic; font-size: 1.2em; line-height: 1.4; margin: .4em 0 0; }
.meta { font: .8em/1.5 "Noto Sans", sans-serif; color: #666; margin: .6em 0 0; }
h2, h3, h4 { font-family: "Noto Sans", sans-serif; line-height: 1.3; margin: 1.2em 0 0; }
h2 { font-size: 1.45em; } h3 { font-size: 1.2em; } h4 { font-size: 1.05em; }
p, ul, ol, blockquote { margin: .9em 0 0; }
blockquote { font-style: italic; border-left: 4px solid #ddd; padding-left: 1em; margin-left: 0; }
blockquote cite { display: block; font: normal .85em/1.5 "Noto Sans", sans-serif; }
.box { font-family: "Noto Sans", sans-serif; border: 1.5px solid #d9c9a3; background: #fbf6ea; border-radius: 6px;
       padding: .9em; margin: 1.4em 0 0; }
.box .label { font-size: .75em; font-weight: 700; text-transform: none; margin: 0; }
.box .title { font-weight: 700; font-size: 1.05em; margin: .3em 0 0; }
a { color: #0052a3; }
"""


DIRS = ("ltr", "rtl", "auto")
LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")  # docs/article.schema.json's BCP 47 shape


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def lang_of(value) -> str | None:
    return value if isinstance(value, str) and LANG.match(value) else None


def dir_of(value) -> str | None:
    return value if value in DIRS else None


def block_attrs(b: dict, article_dir: str) -> str:
    """ lang="..." dir="..." for a block's top element: its own, or dir="auto" when the article's is."""
    out = ""
    if lang_of(b.get("lang")):
        out += f' lang="{esc(b["lang"])}"'
    own = dir_of(b.get("dir"))
    if own or article_dir == "auto":
        out += f' dir="{own or "auto"}"'
    return out


def inline(value) -> str:
    if isinstance(value, str):
        return esc(value).replace("\n", "<br>")
    out = []
    for run in value or []:
        if isinstance(run, str):
            out.append(esc(run).replace("\n", "<br>"))
            continue
        text = esc(run.get("text", "")).replace("\n", "<br>")
        if lang_of(run.get("lang")):
            text = f'<span lang="{esc(run["lang"])}">{text}</span>'
        if run.get("bold") is True:
            text = f"<b>{text}</b>"
        if run.get("italic") is True:
            text = f"<i>{text}</i>"
        href = run.get("href")
        if isinstance(href, str) and href.startswith(("http:", "https:", "mailto:")):
            text = f'<a href="{esc(href)}">{text}</a>'
        out.append(text)
    return "".join(out)


def block(b: dict, article_dir: str = "auto") -> str:
    t = b.get("type")
    a = block_attrs(b, article_dir)
    if t == "heading":
        level = b.get("level", 2)
        return f"<h{level}{a}>{inline(b.get('text'))}</h{level}>"
    if t == "paragraph":
        return f"<p{a}>{inline(b.get('text'))}</p>"
    if t == "quote":
        cite = f"<cite>— {esc(b['cite'])}</cite>" if b.get("cite") else ""
        return f"<blockquote{a}>{inline(b.get('text'))}{cite}</blockquote>"
    if t == "list":
        tag = "ol" if b.get("ordered") else "ul"
        return f"<{tag}{a}>" + "".join(f"<li>{inline(i)}</li>" for i in b.get("items", [])) + f"</{tag}>"
    if t == "sponsored":
        label = esc(b.get("label") or "Sponsorisé") + (f" · {esc(b['sponsor'])}" if b.get("sponsor") else "")
        text = f"<p>{inline(b['text'])}</p>" if b.get("text") else ""
        return f'<aside class="box"{a}><p class="label">{label}</p><p class="title">{inline(b.get("title"))}</p>{text}</aside>'
    if t == "callout":
        label = f'<p class="label">{esc(b["label"])}</p>' if b.get("label") else ""
        title = f'<p class="title">{inline(b["title"])}</p>' if b.get("title") else ""
        paras = ([b["text"]] if b.get("text") else []) + list(b.get("paragraphs", []))
        return f'<aside class="box"{a}>{label}{title}' + "".join(f"<p>{inline(p)}</p>" for p in paras) + "</aside>"
    if t == "related":
        items = "".join(f"<li>{esc(i.get('title', ''))}</li>" for i in b.get("items", []))
        return f'<aside class="box"{a}><p class="label">{esc(b.get("label") or "À lire aussi")}</p><ul>{items}</ul></aside>'
    if t == "tags":
        return f"<p{a}>" + " · ".join(esc(x) for x in b.get("items", []) if isinstance(x, str)) + "</p>"
    if t == "divider":
        return f"<hr{a}>"
    if t == "image":
        return f'<p{a}>{esc(b.get("alt", ""))}</p>'
    return ""


def page(article: dict, fonts: str) -> str:
    faces = "".join(
        f'@font-face {{ font-family: "{family}"; src: url("{fonts}{file}") format("truetype"); '
        f"font-weight: {weight}; font-style: {style}; font-display: block; }}\n"
        for family, file, weight, style in FACES)
    lang = lang_of(article.get("lang")) or "en"
    direction = dir_of(article.get("dir")) or "auto"
    byline = article.get("byline") or {}
    meta = " · ".join(x for x in [", ".join(byline.get("authors", [])), byline.get("source", "")] if x)
    parts = [
        "<!doctype html>",
        f'<html lang="{esc(lang)}" dir="{direction}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(article['title'])}</title>",
        f"<style>{faces}{CSS}</style></head><body><main>",
        f"<h1>{esc(article['title'])}</h1>",
    ]
    if article.get("subtitle"):
        parts.append(f'<p class="subtitle">{esc(article["subtitle"])}</p>')
    if meta:
        parts.append(f'<p class="meta">{esc(meta)}</p>')
    parts.extend(block(b, direction) for b in article.get("blocks", []) if isinstance(b, dict))
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--fonts", default="fonts/", help="URL of the folder holding the font files (ends with /)")
    args = ap.parse_args(argv)
    with open(args.article, encoding="utf-8") as f:
        article = json.load(f)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(page(article, args.fonts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
