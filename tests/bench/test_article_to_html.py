#!/usr/bin/python3
"""article_to_html.py, the static twin of an article for the first-paint benchmark: the page says
the article's languages and directions as the viewer's mirror does (format 1.1), and its text stays
text.

Usage: test_article_to_html.py   (run by ctest as article_to_html; Python standard library only)
"""
import html.parser
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CONVERTER = os.path.join(HERE, "article_to_html.py")
SEED = os.path.join(REPO, "assets", "articles", "russie-munitions-nord-coreennes.json")

MIXED = {
    "format": "article/1.1", "id": "mixed", "lang": "en", "title": "Three languages",
    "blocks": [
        {"type": "paragraph", "text": ["Naming ", {"text": "東京", "lang": "ja"}, " and ",
                                       {"text": "القاهرة", "lang": "ar", "bold": True}, "."]},
        {"type": "heading", "level": 2, "lang": "ja", "text": "日本語の見出し"},
        {"type": "paragraph", "lang": "ar", "dir": "rtl",
         "text": ["مرحبا ", {"text": "Hello", "lang": "en", "href": "https://example.org/"}]},
        {"type": "list", "dir": "ltr", "items": [[{"text": "二", "lang": "ja"}]]},
        {"type": "divider", "lang": "x y", "dir": "sideways"},
    ],
}
RTL = {
    "format": "article/1.1", "id": "rtl", "lang": "ar", "dir": "rtl", "title": "عنوان",
    "blocks": [
        {"type": "paragraph", "text": "فقرة"},
        {"type": "paragraph", "lang": "en", "dir": "ltr", "text": "English"},
        {"type": "quote", "dir": "auto", "text": "اقتباس"},
    ],
}


class Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, in order, and the text inside each <span lang>."""

    def __init__(self):
        super().__init__()
        self.tags = []
        self.spans = []
        self._in_span = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "span":
            self._in_span = [dict(attrs).get("lang"), ""]
            self.spans.append(self._in_span)

    def handle_endtag(self, tag):
        if tag == "span":
            self._in_span = None

    def handle_data(self, data):
        if self._in_span is not None:
            self._in_span[1] += data


def convert(article):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "a.json")
        out = os.path.join(tmp, "a.html")
        with open(src, "w", encoding="utf-8") as f:
            json.dump(article, f, ensure_ascii=False)
        subprocess.run([sys.executable, CONVERTER, src, "-o", out], check=True, timeout=60)
        with open(out, encoding="utf-8") as f:
            page = f.read()
    parsed = Elements()
    parsed.feed(page)
    return parsed


def blocks(parsed):
    """(tag, lang, dir) of the block-level elements, in order (the 1.1 fixtures nest none)."""
    tags = [t for t in parsed.tags if t[0] in ("h2", "p", "ul", "ol", "hr", "blockquote", "aside")]
    return [(t, a.get("lang"), a.get("dir")) for t, a in tags]


class ArticleToHtml(unittest.TestCase):
    def test_mixed_languages(self):
        page = convert(MIXED)
        self.assertEqual(page.tags[0], ("html", {"lang": "en", "dir": "auto"}))
        # No dir in the file: auto, per block; a block's own lang and dir where it has them; a lang
        # or dir that the viewer drops is left out.
        self.assertEqual(blocks(page), [
            ("p", None, "auto"), ("h2", "ja", "auto"), ("p", "ar", "rtl"), ("ul", None, "ltr"), ("hr", None, "auto"),
        ])
        self.assertEqual(page.spans, [["ja", "東京"], ["ar", "القاهرة"], ["en", "Hello"], ["ja", "二"]])
        self.assertIn(("a", {"href": "https://example.org/"}), page.tags)

    def test_right_to_left_article(self):
        page = convert(RTL)
        self.assertEqual(page.tags[0], ("html", {"lang": "ar", "dir": "rtl"}))
        # Blocks without a dir of their own inherit the page's, which is not auto: no attribute.
        self.assertEqual(blocks(page), [("p", None, None), ("p", "en", "ltr"), ("blockquote", None, "auto")])

    def test_seed_article(self):
        with open(SEED, encoding="utf-8") as f:
            seed = json.load(f)
        page = convert(seed)
        self.assertEqual(page.tags[0], ("html", {"lang": "fr", "dir": "auto"}))
        # Every block's top element is dir="auto" (the paragraphs inside its boxes inherit it).
        top = [b for b in blocks(page) if b[2] is not None]
        self.assertEqual(len(top), len(seed["blocks"]))
        self.assertTrue(all(b[1] is None and b[2] == "auto" for b in top), top)
        self.assertEqual(page.spans, [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
