"""Example questions a student would ask, drawn from what the articles say, kept only where they are answered.

Candidates come from an article's facts: a person's role at a body ("Rector of KAFU", "аким Карагандинской
области", "Абай мектебінің директоры") and its partnership rows (two parties and how they are linked).
Each is phrased in the article's language; `choose` asks them (the offline reader, at ingest) and keeps,
per article, the first one answered with a citation into that article. Nothing is special to one corpus:
a body with no stated role and no partnership gives no example rather than a guessed one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable

from .records import Article
from .staff.organisations import names_in
from .text.sentences import sentences

VERSION = "1"  # bump when the candidates change: stored examples of another version are drawn again
NEWEST = 12  # articles (newest first) examples are drawn from at each ingest
MAX_PARTY_WORDS = 8

_ROLE_WORDS = {  # the role before its body ("Rector of KAFU", "аким Карагандинской области"), or after it in Kazakh
    "en": re.compile(
        r"\b(?i:(vice-rector|rector|director|president|chairman|chairwoman|dean|akim|minister|principal|head|ceo|"
        r"founder|governor|mayor))\s+of\s+(?:the\s+)?"
    ),
    "ru": re.compile(r"\b(?i:(ректор|директор|председатель|президент|декан|руководитель|аким|министр))\s+"),
    "kk": re.compile(r"\s((?:бас\s+)?(?:ректоры|директоры|әкімі|төрағасы|басшысы|деканы|президенті|меңгерушісі))\b"),
}
PARTNERSHIP = {  # kind → question by language; "*" for any kind
    "memorandum": {
        "en": "What memorandum did {a} and {b} sign?",
        "ru": "Какой меморандум подписали {a} и {b}?",
        "kk": "{a} мен {b} қандай меморандумға қол қойды?",
    },
    "co-organisation": {
        "en": "What did {a} and {b} organise together?",
        "ru": "Что организовали {a} и {b}?",
        "kk": "{a} мен {b} не ұйымдастырды?",
    },
    "*": {
        "en": "How are {a} and {b} working together?",
        "ru": "Как сотрудничают {a} и {b}?",
        "kk": "{a} мен {b} қалай ынтымақтасады?",
    },
}
# Russian parties are written as the article declines them ("подписали с Ташкентским университетом"): a
# question joins them only in a case both are in, nominative or instrumental.
PARTNERSHIP_INSTRUMENTAL = {
    "memorandum": "Какой меморандум подписан между {a} и {b}?",
    "co-organisation": "Что было организовано {a} и {b}?",
    "*": "О каком сотрудничестве между {a} и {b} сообщается?",
}
_INSTRUMENTAL = re.compile(r"(?:ым|им|ом|ем|ой|ей|ами|ями)$")
_OBLIQUE = re.compile(r"(?:ого|его|ому|ему|ую|юю|у|ю|ых|их)$")
_CYRILLIC_WORD = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w&-]{1,9})\)")
ROLE = {"en": "Who is the {role} of {org}?", "ru": "Кто {role} {org}?", "kk": "{org} {role} кім?"}


def _russian_place(after: str) -> str | None:
    """'Карагандинской области Ермаганбет Булекпаев …' → 'Карагандинской области': a capitalised word and the
    lower-case words after it, up to a person's name (two capitalised words); a region is no organisation."""
    words = after.split()[:5]
    if len(words) < 3 or not words[0][0].isupper():
        return None
    for i in range(1, len(words) - 1):
        if words[i][0].isupper() and words[i + 1][0].isupper():
            return " ".join(words[:i]) if all(w.isalpha() and w.islower() for w in words[1:i]) else None
    return None


def _roles(sentence: str, lang: str) -> Iterable[tuple[str, str]]:
    """(role, body) where a role word stands next to a body's whole name, as staff extraction finds names."""
    bodies = [b for b in names_in(sentence) if len(b.split()) <= MAX_PARTY_WORDS]
    for m in _ROLE_WORDS[lang].finditer(sentence):
        role = m.group(1).lower() if lang != "kk" else " ".join(m.group(1).split())
        if lang == "kk":
            before = sentence[: m.start()].rstrip()
            body = next((b for b in bodies if before.endswith(b)), None)
        else:
            body = next((b for b in bodies if sentence.startswith(b, m.end())), None)
            if body is None and lang == "ru":
                body = _russian_place(sentence[m.end() :])
            if body and lang == "en" and m.group(0).rstrip().lower().endswith(" the"):
                body = "the " + body
        if body:
            yield role, body


def _russian_case(party: str) -> str:
    """'nom', 'ins', 'other', or 'any' (a Latin name or an acronym, which Russian does not decline)."""
    first = party.split(maxsplit=1)[0].strip('«»"“”')
    if not _CYRILLIC_WORD.search(first) or first.isupper():
        return "any"
    low = first.lower()
    return "ins" if _INSTRUMENTAL.search(low) else "other" if _OBLIQUE.search(low) else "nom"


def _partnership_template(kind: str, lang: str, parties: list[str]) -> str | None:
    if lang != "ru":
        return PARTNERSHIP.get(kind, PARTNERSHIP["*"])[lang]
    cases = {_russian_case(p) for p in parties} - {"any"}
    if cases <= {"nom"}:
        return PARTNERSHIP.get(kind, PARTNERSHIP["*"])["ru"]
    if cases == {"ins"}:
        return PARTNERSHIP_INSTRUMENTAL.get(kind, PARTNERSHIP_INSTRUMENTAL["*"])
    return None


def _language(article: Article) -> str:
    return article.language if article.language in ROLE else "en"


def _short(party: str) -> str:
    """A party as a student names it: 'International … University (METU)' is METU."""
    m = _ACRONYM_IN_BRACKETS.search(party)
    return m.group(1) if m else party


def candidates(article: Article, rows: list[dict]) -> dict[str, list[str]]:
    """Questions about one article's facts, by kind ("partnership", "role"), in the article's order."""
    lang = _language(article)
    linked = []
    for row in rows:
        parties = [_short(p) for p in row["parties"] if len(p.split()) <= MAX_PARTY_WORDS]
        template = _partnership_template(row["kind"], lang, parties[:2])
        if len(parties) >= 2 and parties[0] != parties[1] and template:
            linked.append(template.format(a=parties[0], b=parties[1]))
    roles = [ROLE[lang].format(role=r, org=o) for s in sentences(article.text) for r, o in _roles(s, lang)]
    return {
        kind: list(dict.fromkeys(q[0].upper() + q[1:] for q in questions))
        for kind, questions in (("partnership", sorted(linked, key=len)), ("role", roles))  # short names first
    }


def choose(
    articles: list[Article],
    rows: dict[str, list[dict]],
    answered: Callable[[str, str], bool],
    per_kind: int = 2,
) -> list[dict]:
    """For each article (newest first), the first of its candidates that `answered(question, article id)`
    accepts, trying first the kind fewer examples have so far (a mix of partnerships and roles); at most
    `per_kind` of each kind are tried. Each as {"question", "article", "kind"}."""
    chosen: list[dict] = []
    for article in articles:
        found = candidates(article, rows.get(article.id, []))
        kinds = sorted(found, key=lambda k: sum(c["kind"] == k for c in chosen))
        tries = [(k, q) for k in kinds for q in found[k][:per_kind]]
        picked = next(((k, q) for k, q in tries if answered(q, article.id)), None)
        if picked:
            chosen.append({"question": picked[1], "article": article.id, "kind": picked[0]})
    return chosen


def fingerprint(articles: list[Article]) -> str:
    """What a set of examples was drawn from: these articles as they are, and these rules."""
    key = "\n".join(f"{a.id} {a.content_hash}" for a in articles)
    return VERSION + ":" + hashlib.sha1(key.encode()).hexdigest()


def newest(articles: list[Article], n: int = NEWEST) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date or "", a.id), reverse=True)[:n]
