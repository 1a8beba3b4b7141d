#!/usr/bin/python3
"""Convert the reference article (shared/seeds/seed-article.txt) into format "article/1" JSON.

Usage:
    /usr/bin/python3 tests/tools/seed_to_json.py [SEED_TXT] [-o OUT_JSON]

SEED_TXT defaults to <repo>/../shared/seeds/seed-article.txt; the JSON goes to stdout unless -o
is given. The committed assets/articles/russie-munitions-nord-coreennes.json must be byte-identical
to this script's output (tests/schema/check_articles.py checks it). Python 3 standard library only.

The source is plain text: one block per run of non-empty lines, runs separated by blank lines.
Conversion rules (the text of every line is copied character for character: both apostrophes
’ and ' are kept as they are, so is the — dash; nothing is trimmed but the line end):

  * Top level: "format": "article/1", "id": "russie-munitions-nord-coreennes", "lang": "fr",
    "title" = the first line exactly. No byline (the source names no author, date or publisher).
  * Languages and directions (format 1.1): the article's "lang" is the only one. The seed is French
    throughout and the first strong character of every text is a left-to-right letter, so no block
    or run needs a "lang" of its own and the default "dir" ("auto") gives every block its
    direction: the output has no 1.1 member and stays "article/1" (a 1.1 file without them is a
    1.0 file). tests/bench/article_to_html.py carries the "lang" to the static page.
  * The second line is a related-article teaser that the source repeats twice by accident
    ("X X"): it is emitted ONCE, as {"type": "related", "items": [{"title": X}]} (no href and no
    label: the source has neither).
  * "Sponsorisé" followed by a line -> {"type": "sponsored", "label": "Sponsorisé", "title": line}.
  * A single line made of names joined by "- " ("Corée du Nord- Russie- Groupe Wagner")
    -> {"type": "tags", "items": [...]}.
  * "IMPORTANT - À lire" and the paragraphs after it (two) up to the closing invitation
    -> {"type": "callout", "label": "IMPORTANT - À lire", "paragraphs": [p1, p2]}.
  * The closing "Participez au débat, et partagez votre opinion !" and the line after it
    -> {"type": "callout", "title": that line, "text": the next line}.
  * Any other short standalone line (one line, at most 100 characters, not ending in . ! ? or …)
    is a level-2 heading; everything else is a paragraph.
  * Every heading and paragraph gets a stable block "id" (charset [A-Za-z0-9._-]) for deep links
    and reading progress: paragraphs are "p1", "p2", ... in order (callout paragraphs are not
    blocks and get none); headings are "h-" + an ASCII slug of their text with French elisions
    (l’, d’, qu’ ...) dropped, e.g. "h-environnement-securitaire-selon-moscou".
  * Output: UTF-8 (no escapes for non-ASCII), 2-space indentation, a final newline; keys in the
    order the contract shows them (format, id, lang, title, blocks; in a block type, id, then its
    members), except that the sponsored block says its label before its title, as it reads.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

ARTICLE_ID = "russie-munitions-nord-coreennes"
LANG = "fr"
SPONSORED_LABEL = "Sponsorisé"
IMPORTANT_LABEL = "IMPORTANT - À lire"
DEBATE_TITLE = "Participez au débat, et partagez votre opinion !"
TAGS_RE = re.compile(r"^[^.!?:]+?(?:(?<=\S)- [^.!?:]+)+$")
HEADING_MAX = 100


def chunks_of(text):
    """Runs of non-empty lines, separated by one or more blank lines."""
    chunks, cur = [], []
    for line in text.split("\n"):
        if line.strip() == "":
            if cur:
                chunks.append(cur)
                cur = []
        else:
            cur.append(line)
    if cur:
        chunks.append(cur)
    return chunks


def slug(text):
    s = re.sub(r"\b(?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)[’']", "", text, flags=re.IGNORECASE)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("œ", "oe").replace("Œ", "Oe")
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:100].rstrip("-")


def is_heading(chunk):
    line = chunk[0]
    return len(chunk) == 1 and len(line) <= HEADING_MAX and line.rstrip()[-1] not in ".!?…"


def fail(msg):
    sys.exit("seed_to_json: " + msg)


def convert(text):
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    chunks = chunks_of(text)
    if len(chunks) < 2 or len(chunks[0]) != 1:
        fail("expected a one-line title followed by the related-article teaser")
    title = chunks[0][0]

    blocks = []
    teaser = chunks[1]
    if len(teaser) != 1:
        fail("expected the related-article teaser on one line")
    line = teaser[0]
    half = (len(line) - 1) // 2
    if len(line) % 2 == 1 and line[half] == " " and line[:half] == line[half + 1:]:
        line = line[:half]  # the accidental repetition
    blocks.append({"type": "related", "items": [{"title": line}]})

    used_ids = set()
    n_par = 0

    def block_id(base):
        i, cand = 2, base
        while cand in used_ids:
            cand = "%s-%d" % (base, i)
            i += 1
        used_ids.add(cand)
        return cand

    i = 2
    while i < len(chunks):
        c = chunks[i]
        first = c[0]
        if first == SPONSORED_LABEL:
            rest = c[1:] if len(c) > 1 else (chunks[i + 1] if i + 1 < len(chunks) else [])
            if len(rest) != 1:
                fail("expected one title line after %r" % SPONSORED_LABEL)
            if len(c) == 1:
                i += 1
            blocks.append({"type": "sponsored", "label": SPONSORED_LABEL, "title": rest[0]})
        elif first == IMPORTANT_LABEL and len(c) == 1:
            paras = []
            while i + 1 < len(chunks) and chunks[i + 1][0] != DEBATE_TITLE:
                i += 1
                paras.append("\n".join(chunks[i]))
            if len(paras) != 2:
                fail("expected two paragraphs after %r, got %d" % (IMPORTANT_LABEL, len(paras)))
            blocks.append({"type": "callout", "label": IMPORTANT_LABEL, "paragraphs": paras})
        elif first == DEBATE_TITLE and len(c) == 1:
            if i + 1 >= len(chunks) or len(chunks[i + 1]) != 1:
                fail("expected one line after %r" % DEBATE_TITLE)
            i += 1
            blocks.append({"type": "callout", "title": DEBATE_TITLE, "text": chunks[i][0]})
        elif len(c) == 1 and TAGS_RE.match(first):
            items = re.split(r"(?<=\S)- ", first)
            blocks.append({"type": "tags", "items": items})
        elif is_heading(c):
            blocks.append({"type": "heading", "id": block_id("h-" + slug(first)),
                           "level": 2, "text": first})
        else:
            n_par += 1
            blocks.append({"type": "paragraph", "id": block_id("p%d" % n_par),
                           "text": "\n".join(c)})
        i += 1

    return {"format": "article/1", "id": ARTICLE_ID, "lang": LANG, "title": title,
            "blocks": blocks}


def render(article):
    return json.dumps(article, ensure_ascii=False, indent=2) + "\n"


def main():
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    default_seed = os.path.join(os.path.dirname(repo), "shared", "seeds", "seed-article.txt")
    ap = argparse.ArgumentParser(description="seed-article.txt -> article/1 JSON")
    ap.add_argument("seed", nargs="?", default=default_seed)
    ap.add_argument("-o", "--output", help="write here instead of stdout")
    args = ap.parse_args()
    with open(args.seed, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("%s: invalid UTF-8 at byte %d" % (args.seed, e.start))
    out = render(convert(text)).encode("utf-8")
    if args.output:
        with open(args.output, "wb") as f:
            f.write(out)
    else:
        sys.stdout.buffer.write(out)


if __name__ == "__main__":
    main()
