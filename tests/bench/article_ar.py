"""Arabic-like press text for generate_article.py --lang ar (word lists written for the benchmark).

Verb-first sentences joined by spaces, the Arabic comma, semicolon and question mark, « » quotes,
an occasional tanween or shadda, Western digits with thousands commas, and now and then a Latin
acronym: left-to-right runs inside right-to-left paragraphs. The same interface as the other
languages of generate_article.py: each function takes its Rng.
"""

from __future__ import annotations

LANG, DIR, FORMAT = "ar", "rtl", "article/1.1"
JOINER = " "

SUBJECTS = [
    "الوفد", "الحكومة", "فريق المراقبة", "وزارة الخارجية", "المفوضية الأوروبية", "مجلس الأمن", "مصدر دبلوماسي",
    "رئيس المنطقة", "المعارضة", "المجتمع المدني", "المتحدث باسم الكرملين", "الأمين العام", "مسؤول رفيع",
    "الصحافة المحلية", "لجنة الخبراء", "بلدية المدينة", "محافظ الإقليم", "نقابة الصيادين",
]
# {s} is the subject: the verb comes first, then the particle that opens the reported clause.
VERBS = [
    "قال {s} إن", "أعلن {s} أن", "أكد {s} أن", "أوضح {s} أن", "ذكر {s} أن", "كشف {s} أن", "رأى {s} أن",
    "أشار {s} إلى أن", "يخشى {s} أن", "اعترف {s} بأن", "حذّر {s} من أن",
]
CLAUSES = [
    "التعاون الاقتصادي تعزز كثيرًا منذ الصيف", "المفاوضات ستُستأنف في جنيف بعد الانتخابات",
    "نحو {n} حاوية شُحنت عن طريق البحر", "أي اتفاق لم يُبرم بشأن مسألة الحدود",
    "الوضع لا يزال مقلقًا جدًا في المناطق الساحلية", "الشتاء كان قاسيًا على المزارعين",
    "إعادة بناء البنية التحتية ستستغرق {y} سنوات على الأقل", "أسعار الطاقة ارتفعت بنسبة {p}% في عام واحد",
    "شبكة السكك الحديدية ستُحدَّث بحلول عام {year}", "تحقيقًا مستقلًا فُتح بطلب من العائلات",
    "المبادلات التجارية بلغت {n} مليون يورو", "القرار اتُّخذ بعد مداولات طويلة",
    "الأمر يمثل منعطفًا كبيرًا للدبلوماسية الإقليمية", "السكان لم يُستشاروا في هذا المشروع",
    "الطلاب سيعودون إلى الدراسة في الشهر المقبل", "قمة COP30 ستناقش تمويل المناخ",
    "منظمة WHO أصدرت توصيات جديدة للمستشفيات",
]
TAILS = [
    "", "", "", "، بحسب تقرير نُشر يوم الأربعاء", "، وفقًا لعدة شهود", " — وهي الأولى منذ عام {year}",
    "، رغم الاحتجاجات", "، على حد قول الصحافة المحلية", "، بحسب وكالة AFP", "، وهو ما لا يفاجئ المراقبين",
]
QUOTES = [
    "إنها لحظة تاريخية", "ليس لدينا خيار آخر", "الوضع تحت السيطرة", "لم يتوقع أحد رد فعل كهذا",
    "يجب أن نحافظ على هدوئنا", "لم يُحسم شيء بعد", "سنمضي حتى النهاية", "هذه ليست إلا البداية",
]
QUESTIONS = [
    "هل ينبغي القلق من ذلك", "ماذا بقي من هذا الوعد", "من سيدفع الفاتورة", "إلى متى سيستمر ذلك",
    "هل هي مفاجأة حقًا",
]
HEADINGS = [
    "البيئة الأمنية كما تراها موسكو", "تعاون يتعمق", "نظرة العواصم الأوروبية", "الاقتصاد: مبادلات في ارتفاع",
    "ما تقوله الأرقام", "ردود الفعل في الخارج", "توازن هش", "الطاقة: شتاء المخاطر", "المنتخبون المحليون منقسمون",
    "نحو الخروج من الأزمة؟", "ما يجب تذكره", "الكلمة للسكان",
]
LIST_ITEMS = [
    "ذخائر مدفعية عيار 152 ملم", "صواريخ باليستية قصيرة المدى", "مركبات مدرعة خفيفة", "قطع غيار للطيران",
    "معدات طبية ومولدات", "مؤن ومياه للشرب", "معدات اتصالات", "أسمدة وبذور",
]
SPONSORS = ["رحلات المثال", "بنك العرض", "دار النشر الخيالية", "تأمينات النموذج"]
SPONSORED_TITLES = [
    "اكتشف الساحل بطريقة مختلفة: رحلات الخريف بأسعار مناسبة", "الادخار: لماذا يتجه الناس إلى التأمين على الحياة",
    "أفضل وصفات الموسم باختيار طهاتنا", "العمل عن بعد: كيف تجهز مكتبك في البيت؟",
]


def fill(rng, text: str) -> str:
    return (text.replace("{n}", f"{rng.below(90000) + 1000:,}").replace("{y}", str(rng.below(8) + 3))
            .replace("{p}", str(rng.below(40) + 3)).replace("{year}", str(2000 + rng.below(31))))


def sentence(rng) -> str:
    kind = rng.below(10)
    if kind == 0:
        return f"«{rng.pick(QUOTES)}»، هكذا سُمع عند الخروج من الاجتماع."
    if kind == 1:
        return f"{rng.pick(QUESTIONS)}؟"
    opening = rng.pick(VERBS).replace("{s}", rng.pick(SUBJECTS))
    s = f"{opening} {fill(rng, rng.pick(CLAUSES))}{fill(rng, rng.pick(TAILS))}"
    return s + ("!" if kind == 3 else "؛" if kind == 4 else ".")


def paragraph_text(rng) -> str:
    parts = [sentence(rng) for _ in range(2 + rng.below(3))]
    if parts[-1].endswith("؛"):
        parts[-1] = parts[-1][:-1] + "."
    return " ".join(parts)


def pieces(text: str) -> list[str]:
    return text.split(" ")


def heading(rng) -> str:
    return rng.pick(HEADINGS)


def quote_block(rng) -> dict:
    return {"type": "quote", "text": f"«{rng.pick(QUOTES)}، ونحن جميعًا نعرف ذلك»", "cite": rng.pick(SUBJECTS)}


def list_block(rng) -> dict:
    items = [rng.pick(LIST_ITEMS) + ("؛" if i < 2 else ".") for i in range(3)]
    return {"type": "list", "items": items, "ordered": rng.chance(30)}


def sponsored_block(rng) -> dict:
    return {"type": "sponsored", "label": "محتوى مموَّل", "sponsor": rng.pick(SPONSORS), "title": rng.pick(SPONSORED_TITLES),
            "text": paragraph_text(rng)[:160] + "…", "href": "https://example.com/partner"}


def callout_block(rng) -> dict:
    return {"type": "callout", "label": "للعلم", "title": "كيف نعمل", "text": paragraph_text(rng)}


def head(paragraphs: int, seed: int) -> dict:
    return {
        "title": f"روسيا: مقال من {paragraphs} فقرة لقياس أداء القارئ — الطبعة {seed}",
        "subtitle": "نص مولَّد يشبه لغة الصحافة العربية، مع علامات الترقيم العربية",
        "byline": {"authors": ["هيئة التحرير"], "published": "2025-06-01T08:30:00Z", "source": "صحيفة المثال"},
    }
