"""Japanese-like press text for generate_article.py --lang ja (word lists written for the benchmark).

No spaces between words (the line breaker finds the breaks), 「」 quotes, the ideographic comma and
full stop, full-width question marks, ASCII digits with thousands commas, katakana names. The same
interface as the other languages of generate_article.py: each function takes its Rng.
"""

from __future__ import annotations

LANG, DIR, FORMAT = "ja", None, "article/1.1"
JOINER = ""  # what joins the pieces a styled run is cut from (no spaces in Japanese)

SUBJECTS = [
    "政府", "文部科学省", "東京都", "大阪府の担当者", "気象庁", "日本銀行", "経済産業省", "県の教育委員会",
    "市長", "専門家の委員会", "野党", "労働組合", "地元の商工会議所", "研究チーム", "外務省の報道官",
    "自動車メーカー各社", "鉄道会社", "大学の研究者", "漁業協同組合", "アジア開発銀行",
]
VERBS = [
    "と発表した", "と明らかにした", "との見方を示した", "と強調した", "と述べた", "と説明した",
    "との考えを示した", "と指摘した", "と懸念を示した", "と報告した", "とコメントした",
]
CLAUSES = [
    "来年度の予算案に新しい子育て支援策を盛り込む", "{n}人以上が避難所で夜を過ごした",
    "交渉は選挙の後に再開される見通しだ", "沿岸部の状況は依然として厳しい", "電気料金が一年で{p}%上がった",
    "鉄道網を{year}年までに近代化する", "被害の全容を把握するには{y}年ほどかかる", "輸出額が{n}億円に達した",
    "独立した調査委員会を設置する", "住民への説明が十分ではなかった", "冬の寒さが農家に大きな影響を与えた",
    "地域の観光客数が過去最多を更新した", "学校は来月から授業を再開する", "半導体工場の建設計画を前倒しする",
    "港のコンテナ取扱量が{n}個に増えた",
]
PREFIXES = [
    "", "", "", "", "関係者によると、", "水曜日に公表された報告書によれば、", "複数の証言によると、",
    "{year}年以来初めて、", "地元紙の報道では、", "抗議の声が上がる中、",
]
QUOTES = [
    "歴史的な一歩だ", "ほかに選択肢はなかった", "状況は落ち着いている", "誰もこんな反応は予想していなかった",
    "冷静さを保つことが大切だ", "まだ何も決まっていない", "最後までやり抜く", "これは始まりにすぎない",
]
QUESTIONS = [
    "それでも心配する必要はあるのだろうか", "この約束はどこへ行ったのか", "費用は誰が負担するのか",
    "この状態はいつまで続くのか", "本当に驚くべきことなのか",
]
HEADINGS = [
    "安全保障をめぐる政府の見方", "深まる協力関係", "ヨーロッパ各国の受け止め", "経済：増える貿易",
    "数字が示すもの", "海外の反応", "揺らぐ均衡", "エネルギー：厳しい冬", "割れる地元議会", "出口は見えるか？",
    "押さえておきたい点", "住民の声",
]
LIST_ITEMS = [
    "152ミリ砲弾", "短距離弾道ミサイル", "軽装甲車両", "航空機の部品", "医療機器と発電機", "食料と飲料水",
    "通信機器", "肥料と種子",
]
SPONSORS = ["サンプル旅行", "デモ銀行", "架空出版", "モデル保険"]
SPONSORED_TITLES = [
    "秋の北海道へ：お得な旅のご案内", "資産形成：いま積み立てを始める理由", "シェフが選ぶ季節のレシピ",
    "在宅勤務：自宅の仕事場を整えるには？",
]


def fill(rng, text: str) -> str:
    return (text.replace("{n}", f"{rng.below(90000) + 1000:,}").replace("{y}", str(rng.below(15) + 2))
            .replace("{p}", str(rng.below(40) + 3)).replace("{year}", str(2000 + rng.below(31))))


def sentence(rng) -> str:
    kind = rng.below(10)
    if kind == 0:
        return f"「{rng.pick(QUOTES)}」と、会議の後に話す声が聞かれた。"
    if kind == 1:
        return f"{rng.pick(QUESTIONS)}？"
    return f"{fill(rng, rng.pick(PREFIXES))}{rng.pick(SUBJECTS)}は、{fill(rng, rng.pick(CLAUSES))}{rng.pick(VERBS)}。"


def paragraph_text(rng) -> str:
    return "".join(sentence(rng) for _ in range(2 + rng.below(3)))


def pieces(text: str) -> list[str]:
    """Two characters at a time: a styled run covers two to six of them."""
    return [text[i:i + 2] for i in range(0, len(text), 2)]


def heading(rng) -> str:
    return rng.pick(HEADINGS)


def quote_block(rng) -> dict:
    return {"type": "quote", "text": f"「{rng.pick(QUOTES)}。誰もがそれを知っている」", "cite": rng.pick(SUBJECTS)}


def list_block(rng) -> dict:
    items = [rng.pick(LIST_ITEMS) for _ in range(3)]
    return {"type": "list", "items": items, "ordered": rng.chance(30)}


def sponsored_block(rng) -> dict:
    return {"type": "sponsored", "label": "PR", "sponsor": rng.pick(SPONSORS), "title": rng.pick(SPONSORED_TITLES),
            "text": paragraph_text(rng)[:80] + "…", "href": "https://example.com/partner"}


def callout_block(rng) -> dict:
    return {"type": "callout", "label": "お知らせ", "title": "私たちの取材方針", "text": paragraph_text(rng)}


def head(paragraphs: int, seed: int) -> dict:
    return {
        "title": f"東京：読者を測るための{paragraphs}段落の記事（第{seed}版）",
        "subtitle": "生成されたテキスト。報道記事に似た日本語で、句読点とかぎ括弧を含む",
        "byline": {"authors": ["編集部"], "published": "2025-06-01T08:30:00Z", "source": "サンプル新聞"},
    }
