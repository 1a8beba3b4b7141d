#!/usr/bin/python3
"""Writes a deterministic article file for the benchmarks (tests/bench/, BENCHMARKS.md): French-like
(article/1, the default), Japanese-like or Arabic-like (article/1.1 with lang, and dir "rtl" for Arabic).

    generate_article.py --paragraphs N [--seed S] [--lang fr|ja|ar] -o FILE

The same N, S and language always give the same bytes (own PRNG, no dependence on Python's `random`).
The French text has what real French articles have and what the loader and line breaker must handle:
accents, the typographic apostrophe (’), « guillemets » with no-break spaces inside, em dashes,
a no-break space before : ; ! ?, numbers with narrow no-break spaces, bold, italic and links.
Besides paragraphs (N of them) it writes a heading every few paragraphs (level 2, sometimes 3)
and, now and then, a quote, a list, a sponsored block and a callout. Python standard library only.

The Japanese text (article_ja.py) is press-like sentences without spaces, 「」 quotes, the ideographic
comma and full stop, digits with commas and a few katakana names; the Arabic text (article_ar.py) has
the Arabic comma, semicolon and question mark, « » quotes, an occasional tanween, Western digits and
a Latin acronym now and then (left-to-right runs inside right-to-left paragraphs). Both go through
the text engine (HarfBuzz, FriBidi, libunibreak), the French through the base faces alone.
"""

from __future__ import annotations

import argparse
import json
import sys

sys.dont_write_bytecode = True  # the language modules beside this file: no __pycache__ in the tree
import article_ar  # noqa: E402
import article_ja  # noqa: E402

NBSP = "\u00a0"
NNBSP = "\u202f"


class Rng:
    """xorshift64*: tiny, fast, and the same on every Python."""

    def __init__(self, seed: int) -> None:
        self.state = (seed * 0x9E3779B97F4A7C15 + 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF or 1

    def next(self) -> int:
        x = self.state
        x ^= (x >> 12)
        x ^= (x << 25) & 0xFFFFFFFFFFFFFFFF
        x ^= (x >> 27)
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF

    def below(self, n: int) -> int:
        return (self.next() >> 11) % n

    def pick(self, items):
        return items[self.below(len(items))]

    def chance(self, percent: int) -> bool:
        return self.below(100) < percent


SUBJECTS = [
    "La délégation", "Le gouvernement", "L’équipe de surveillance", "Le ministère des Affaires étrangères",
    "La Commission européenne", "Le Conseil de sécurité", "Une source diplomatique", "Le président de la région",
    "L’opposition", "La société civile", "Le porte-parole du Kremlin", "Le secrétaire général",
    "Un haut fonctionnaire", "La presse régionale", "L’état-major", "Le comité d’experts",
    "La mairie de Besançon", "Le préfet de l’Hérault", "Une économiste de l’université", "Le syndicat des pêcheurs",
]
VERBS = [
    "a déclaré", "a rappelé", "estime", "souligne", "a révélé", "reconnaît", "dénonce", "a confirmé",
    "craint", "affirme", "a précisé", "s’inquiète de ce", "a annoncé", "juge", "a expliqué",
]
CLAUSES = [
    "que la coopération économique s’est nettement renforcée depuis l’été",
    "que les négociations reprendront à Genève après les élections",
    "que près de {n} conteneurs ont été expédiés par voie maritime",
    "qu’aucun accord n’a été trouvé sur la question des frontières",
    "que la situation reste très préoccupante dans les régions côtières",
    "que l’hiver a été particulièrement rude pour les agriculteurs",
    "qu’il faudra au moins {y} ans pour reconstruire les infrastructures",
    "que les prix de l’énergie ont augmenté de {p} % en un an",
    "que le réseau ferroviaire sera modernisé d’ici à {year}",
    "qu’une enquête indépendante a été ouverte à la demande des familles",
    "que les échanges commerciaux ont atteint {n} millions d’euros",
    "que la décision a été prise après de longues délibérations",
    "qu’il s’agit d’un tournant majeur pour la diplomatie régionale",
    "que la population n’a pas été consultée sur ce projet",
    "que les élèves reprendront les cours dès le mois prochain",
]
TAILS = [
    "", "", "", ", selon un rapport publié mercredi", ", d’après plusieurs témoins", " — une première depuis {year}",
    ", au grand dam des riverains", ", malgré les protestations", " — ce que Paris conteste", ", à en croire la presse locale",
    ", ce qui n’étonne guère les observateurs", ", selon l’Agence France-Presse",
]
QUOTES = [
    "C’est un moment historique", "Nous n’avons pas d’autre choix", "La situation est sous contrôle",
    "Personne ne s’attendait à une telle réaction", "Il faut garder son calme", "Rien n’est encore décidé",
    "Nous irons jusqu’au bout", "Ce n’est que le début",
]
QUESTIONS = [
    "Faut-il pour autant s’en inquiéter", "Que reste-t-il de cette promesse", "Qui paiera la facture",
    "Combien de temps cela durera-t-il", "Est-ce vraiment une surprise",
]
HEADINGS = [
    "L’environnement sécuritaire selon Moscou", "Une coopération qui s’intensifie", "Le regard des capitales européennes",
    "Économie : des échanges en hausse", "Ce que disent les chiffres", "Les réactions à l’étranger",
    "Un équilibre fragile", "Énergie : l’hiver de tous les dangers", "Les élus locaux divisés",
    "Vers une sortie de crise ?", "Ce qu’il faut retenir", "La parole aux habitants",
]
LIST_ITEMS = [
    "des munitions d’artillerie de 152 mm", "des missiles balistiques à courte portée", "des véhicules blindés légers",
    "des pièces détachées pour l’aviation", "du matériel médical et des générateurs", "des vivres et de l’eau potable",
    "des équipements de télécommunication", "des engrais et des semences",
]
SPONSORS = ["Exemple Voyages", "Banque Démo", "Éditions Fictives", "Assurances Modèle"]
SPONSORED_TITLES = [
    "Découvrez la Bretagne autrement : nos séjours d’automne à prix doux",
    "Épargne : pourquoi les Français se tournent vers l’assurance-vie",
    "Les meilleures recettes de saison, sélectionnées par nos chefs",
    "Télétravail : comment bien équiper son bureau à la maison ?",
]


def number(rng: Rng) -> str:
    """A French-formatted number: thousands separated by narrow no-break spaces."""
    n = rng.below(90000) + 1000
    s = str(n)
    return s[:-3] + NNBSP + s[-3:]


def fill(rng: Rng, text: str) -> str:
    return (text.replace("{n}", number(rng)).replace("{y}", str(rng.below(15) + 2))
            .replace("{p}", str(rng.below(40) + 3)).replace("{year}", str(2000 + rng.below(31))))


def sentence(rng: Rng) -> str:
    kind = rng.below(10)
    if kind == 0:
        q = rng.pick(QUOTES)
        return f"«{NBSP}{q}{NBSP}», a-t-on entendu à la sortie de la réunion."
    if kind == 1:
        return f"{rng.pick(QUESTIONS)}{NBSP}?"
    if kind == 2:
        clause = fill(rng, rng.pick(CLAUSES))
        clause = clause[4:] if clause.startswith("que ") else clause[3:]  # "que x" / "qu’x" -> "x"
        return f"{rng.pick(SUBJECTS)} {rng.pick(VERBS)}{NBSP}: {clause}{fill(rng, rng.pick(TAILS))}."
    s = f"{rng.pick(SUBJECTS)} {rng.pick(VERBS)} {fill(rng, rng.pick(CLAUSES))}{fill(rng, rng.pick(TAILS))}"
    return s + (NBSP + "!" if kind == 3 else ";" if kind == 4 else ".")


def paragraph_text(rng: Rng) -> str:
    parts = []
    for i in range(2 + rng.below(3)):
        s = sentence(rng)
        if parts and parts[-1].endswith(";"):
            s = s[0].lower() + s[1:]
        parts.append(s)
    if parts[-1].endswith(";"):
        parts[-1] = parts[-1][:-1] + "."
    return " ".join(parts)


def inline(rng: Rng, text: str, lang):
    """Plain string most of the time; sometimes runs with bold, italic or a link."""
    if not rng.chance(20):
        return text
    words = lang.pieces(text)
    if len(words) < 8:
        return text
    j = lang.JOINER
    a = 1 + rng.below(len(words) - 5)
    b = a + 1 + rng.below(3)
    run = {"text": j.join(words[a:b])}
    style = rng.below(3)
    if style == 0:
        run["bold"] = True
    elif style == 1:
        run["italic"] = True
    else:
        run["href"] = f"https://example.org/articles/{rng.below(100000)}"
    return [j.join(words[:a]) + j, run, j + j.join(words[b:])]


class French:
    """The default language: article/1, as before --lang existed (the same bytes for the same N and S)."""

    LANG, DIR, FORMAT = "fr", None, "article/1"
    JOINER = " "
    paragraph_text = staticmethod(paragraph_text)

    @staticmethod
    def pieces(text: str) -> list[str]:
        return text.split(" ")

    @staticmethod
    def heading(rng: Rng) -> str:
        return rng.pick(HEADINGS)

    @staticmethod
    def quote_block(rng: Rng) -> dict:
        return {"type": "quote", "text": f"«{NBSP}{rng.pick(QUOTES)}, et nous le savons tous{NBSP}»", "cite": rng.pick(SUBJECTS)}

    @staticmethod
    def list_block(rng: Rng) -> dict:
        items = [rng.pick(LIST_ITEMS) + (";" if i < 2 else ".") for i in range(3)]
        return {"type": "list", "ordered": rng.chance(30), "items": items}

    @staticmethod
    def sponsored_block(rng: Rng) -> dict:
        return {"type": "sponsored", "label": "Sponsorisé", "sponsor": rng.pick(SPONSORS),
                "title": rng.pick(SPONSORED_TITLES), "text": paragraph_text(rng)[:160] + "…",
                "href": "https://example.com/partenaire"}

    @staticmethod
    def callout_block(rng: Rng) -> dict:
        return {"type": "callout", "label": "À savoir", "title": "Comment nous travaillons", "text": paragraph_text(rng)}

    @staticmethod
    def head(paragraphs: int, seed: int) -> dict:
        return {
            "title": f"Russie{NBSP}: un article de {paragraphs} paragraphes pour mesurer le lecteur — édition {seed}",
            "subtitle": "Texte généré, semblable à du français de presse, avec accents et typographie française",
            "byline": {"authors": ["Rédaction Exemple"], "published": "2025-06-01T08:30:00Z", "source": "Exemple Presse"},
        }


LANGUAGES = {"fr": French, "ja": article_ja, "ar": article_ar}


def generate(paragraphs: int, seed: int, lang=French) -> dict:
    rng = Rng(seed)
    blocks = []
    heading_in = 3 + rng.below(4)
    for p in range(1, paragraphs + 1):
        heading_in -= 1
        if heading_in == 0 and p > 1:
            level = 3 if rng.chance(25) else 2
            blocks.append({"type": "heading", "id": f"h{p}", "level": level, "text": lang.heading(rng)})
            heading_in = 3 + rng.below(5)
        blocks.append({"type": "paragraph", "id": f"p{p}", "text": inline(rng, lang.paragraph_text(rng), lang)})
        r = rng.below(100)
        if r < 4:
            blocks.append(lang.quote_block(rng))
        elif r < 7:
            blocks.append(lang.list_block(rng))
        elif r < 9:
            blocks.append(lang.sponsored_block(rng))
        elif r < 10:
            blocks.append(lang.callout_block(rng))
    article = {"format": lang.FORMAT, "id": f"bench-{paragraphs}-{seed}" + ("" if lang is French else f"-{lang.LANG}"),
               "lang": lang.LANG}
    if lang.DIR:
        article["dir"] = lang.DIR
    head = lang.head(paragraphs, seed)
    article.update({"title": head["title"], "subtitle": head["subtitle"], "byline": head["byline"], "blocks": blocks})
    return article


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lang", choices=sorted(LANGUAGES), default="fr", help="the article's language (default fr)")
    ap.add_argument("-o", "--output", required=True, help="file to write ('-' for stdout)")
    args = ap.parse_args(argv)
    if args.paragraphs < 1:
        ap.error("--paragraphs must be at least 1")
    article = generate(args.paragraphs, args.seed, LANGUAGES[args.lang])
    # One block per line: diffable, and still about as compact as minified JSON.
    head = {k: v for k, v in article.items() if k != "blocks"}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"blocks":[\n'
    text += ",\n".join(json.dumps(b, ensure_ascii=False, separators=(",", ":")) for b in article["blocks"])
    text += "\n]}\n"
    data = text.encode("utf-8")
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        with open(args.output, "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
