"""Partnerships stated in an article, found by rule with no model: one row per link, quoted verbatim.

A sentence is a candidate when it holds a cue of one kind (memorandum, co-organisation, support, joint
project, membership). Its parties are the organisations it names, plus the body a phrase refers to:
"this organization" is the last one named before; "the project" is the last named project, and "the
event/project/webinar…" otherwise the article's subject (the first body its title or lead names).
A row needs two different parties. Its date is a date the sentence states, else the article's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from ..records import Article
from ..text.dates import MONTH_NAME, find_dates, month_number
from ..text.organisation_words import not_organisations
from ..text.sentences import sentence_spans
from .organisations import defined_acronyms, is_head, names_in

VERSION = "3"  # bump when the rules change: stored rows of another version are extracted again

KINDS = [  # (kind, cue); the first kind whose cue a sentence holds is its kind
    (
        "memorandum",
        r"\bmemorand\w*|\bagreement\b.{0,40}\bsigned\b|\bsigned\b.{0,40}\bagreement\b|меморандум|"
        r"соглашени\w*|келісім\w*|\bдоговор\w* о сотрудничеств\w*|\bподписа\w* договор\w*|"
        r"ынтымақтастық туралы|қол қой\w*",
    ),
    (
        "sponsorship/support",
        r"\bsponsor\w*|\bsupport(?:ed)?\s+(?:by|from|of)\b|\bwith (?:the )?(?:\w+ ){0,2}support\b|"
        r"\bfunded by\b|\bfinanced by\b|\bgrants? from\b|при (?:\w+ )?поддержке|спонсор\w*|қолдау\w*|"
        r"\bна средства\b|\bза сч[её]т\b|профинансир\w*|\bподдержал[аи]?\b|\bподарил[аи]?\b|безвозмездно|"
        r"\bв дар\b|благотвори\w*|демеу\w*|қаржыландыр\w*|сыйға тарт\w*|сыйлад\w*|\bзаслуга\b|"
        r"\bdonat(?:ed|es|ing|ions?)\b|\bgifted\b|\bas a gift\b",
    ),
    (
        "co-organisation",
        r"\bin (?:cooperation|collaboration|partnership) with\b|\bco-organi[sz]\w*|\bjointly organi[sz]\w*|"
        r"\borgani[sz]ed by\b|совместно с|бірлесіп|\bорганизован\w*|\bорганизовал[аи]?\b|ұйымдастыр\w*",
    ),
    (
        "joint project",
        r"\bjointly with\b|\bjoint (?:project|programme|initiative)s?\b|\bpartners? (?:of|in)\b|"
        r"\bin the implementation of\b|\bimplementing (?:this|the) project\b|\bсовместн\w+ (?:проект|программ|"
        r"факультет|центр|лаборатори)\w*|\bинициировал[аи]?\b|бірлескен (?:жоба|бағдарлама)\w*",
    ),
    (
        "membership",
        r"\bmembers? of\b|\bmembership\b|\bhub of\b|\bmember-\w+|\brepresentative\b.{0,80}\bnetwork\b|"
        r"\bчлен\w*|\bмүше\w*",
    ),
]
_KINDS = [(kind, re.compile(cue, re.IGNORECASE)) for kind, cue in KINDS]
# "organized by" alone names an organiser; it links bodies only with a partner phrase or the event's subject
_ORGANISED_BY = re.compile(r"\borgani[sz]ed by\b", re.IGNORECASE)
_THIS_ORGANISATION = re.compile(r"\b(?:this|the) organi[sz]ation\b", re.IGNORECASE)
_THE_PROJECT = re.compile(r"\b(?:this|the) (?:project|programme|initiative)\b", re.IGNORECASE)
_THE_EVENT = re.compile(
    r"\b(?:this|the) (?:project|event|seminar|webinar|session|meeting|conference|forum|"
    r"workshop|programme|initiative)\b",
    re.IGNORECASE,
)
_THE_HEAD = re.compile(r"\b(?:the|this|our) (\w+)\b", re.IGNORECASE)  # "the zoo" for "the Almaty Zoo"
_PURPOSE = re.compile(
    r"\b(?:aimed at|with the aim of|in order to|so as to|the (?:main )?(?:goal|aim|purpose|objective)s? of "
    r"(?:which|the \w+) (?:is|was|are|were) to)\s+(.+)|\bto ((?:promote|develop|support|strengthen|implement)\b.+)",
    re.IGNORECASE,
)
_PURPOSE_NEXT = re.compile(
    r"^(?:the|its) (?:main )?(?:purpose|aim|goal|objective)s? of (?:the|this) (?:agreement|memorandum|project|"
    r"partnership|cooperation|event|initiative)s? (?:is|was|are|were) (?:to )?(.+)",
    re.IGNORECASE,
)
_SUPPORT_LIST = re.compile(
    r"\bsupport\s+(?:from|of)\s+(.+)$|\b(?:sponsored|funded|financed|supported) by\s+(.+)$", re.IGNORECASE
)
_DAY_MONTH = re.compile(
    r"\b(?:on\s+)?(\d{1,2})\s+([A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]{3,})\b|"
    r"\b(?:on\s+)?([A-Za-z]{3,})\s+(\d{1,2})\b(?!,?\s*\d{4})",
    re.IGNORECASE,
)


@dataclass
class Row:
    """One partnership link, as the table shows it; `quote` is verbatim `article text[start:end]`."""

    parties: list[str]
    kind: str
    date: str | None
    purpose: str
    article: str
    title: str
    quote: str
    start: int
    end: int
    source: str = "rules"  # or "llm"
    names: list[str] = field(default_factory=list)  # the parties as written in the article (for matching)

    def to_dict(self) -> dict:
        return asdict(self)


def _kind(sentence: str) -> str | None:
    for kind, cue in _KINDS:
        if cue.search(sentence):
            return kind
    return None


def event_date(sentence: str, article: Article) -> str | None:
    """A full date the sentence states; a day and month take the article's year; else the article's date."""
    full = find_dates(sentence)
    if full:
        return full[0][1].isoformat()
    if article.date:
        for m in _DAY_MONTH.finditer(sentence):
            day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            number = month_number(month) if re.fullmatch(MONTH_NAME, month, re.IGNORECASE) else None
            try:
                if number:
                    return dt.date(int(article.date[:4]), number, int(day)).isoformat()
            except ValueError:
                continue
    return article.date


def _purpose(sentence: str, next_sentence: str) -> str:
    m = _PURPOSE_NEXT.search(next_sentence) or _PURPOSE.search(sentence)
    if not m:
        return ""
    return next(g for g in m.groups() if g).strip().rstrip(".").rstrip('”"»')


def _listed_supporters(sentence: str) -> list[str]:
    """The items of "with support from A, B and the C": named by list position, not by head word."""
    m = _SUPPORT_LIST.search(sentence)
    if not m:
        return []
    items = re.split(r",\s*|\s+and\s+", (m.group(1) or m.group(2)).rstrip(". "))
    out = []
    for item in items:
        item = re.sub(r"^(?:the|a|an)\s+", "", item.strip(), flags=re.IGNORECASE)
        if item and item[0].isupper() and len(item.split()) <= 8:
            out.append(item)
    return out


def _subject(article: Article, spans: list[tuple[int, int]]) -> str | None:
    """The body the article is about: the first one its title names, else its first three sentences."""
    for text in [article.title] + [article.text[s:e] for s, e in spans[:3]]:
        names = names_in(text)
        if names:
            return names[0]
    return None


def _namer(article: Article, spans: list[tuple[int, int]]):
    """How this article's names are shown: with the acronym it defines, and short forms of longer names
    written out ("Kazakhstan National Federation" → "… Federation of UNESCO Clubs")."""
    acronyms = defined_acronyms(article.text)
    full_to_short = {full: short for short, full in acronyms.items()}
    every = {n for s, e in spans for n in names_in(article.text[s:e])}

    def name(n: str) -> str:
        if len(n.split()) >= 2:
            n = max((m for m in every if m.startswith(n + " ")), key=len, default=n)
        if n in full_to_short:
            return f"{n} ({full_to_short[n]})"
        return f"{acronyms[n]} ({n})" if n in acronyms else n

    return name


def extract(article: Article) -> list[Row]:
    """The partnership rows of one article, in text order."""
    spans = sentence_spans(article.text)
    subject = _subject(article, spans)
    name = _namer(article, spans)
    rows: list[Row] = []
    last_named: list[str] = []  # bodies named so far, latest last
    last_project: str | None = None
    for i, (s, e) in enumerate(spans):
        sentence = article.text[s:e]
        names = names_in(sentence)
        kind = _kind(sentence)
        if kind:
            parties = list(names)
            if kind == "memorandum":
                parties = _signers(sentence, parties)
            if kind == "sponsorship/support":
                parties += [n for n in _listed_supporters(sentence) if n not in parties]
            this = _THIS_ORGANISATION.search(sentence)
            if this:  # the last body named before the phrase, in this sentence or earlier ones
                before = names_in(sentence[: this.start()]) or last_named[-1:]
                parties = before[-1:] + [n for n in parties if n not in before[-1:]]
            elif _THE_PROJECT.search(sentence) and last_project and last_project not in parties:
                parties.append(last_project)
            elif (
                subject
                and subject not in parties
                and (_THE_EVENT.search(sentence) or _names_subject(sentence, subject))
            ):
                parties.insert(0, subject)
            if (
                kind == "co-organisation"
                and _ORGANISED_BY.search(sentence)
                and not _THE_EVENT.search(sentence)
                and not re.search(r"\b(?:cooperation|collaboration|partnership|together|jointly)\b", sentence, re.I)
            ):
                parties = []  # "a meeting was organised by the ministry": an organiser, not a link
            nxt = article.text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
            supporters = _listed_supporters(sentence) if kind == "sponsorship/support" else []
            groups = _groups(sentence, parties)  # two signings in one sentence are one memorandum each
            for group in groups if len(groups) > 1 else _links(sentence, kind, parties, supporters):
                written = _distinct(group)
                shown = _distinct([name(p) for p in written])
                if len(shown) >= 2:
                    rows.append(
                        Row(
                            parties=shown,
                            kind=kind,
                            date=event_date(sentence, article),
                            purpose=_purpose(sentence, nxt),
                            article=article.id,
                            title=article.title,
                            quote=sentence,
                            start=s,
                            end=e,
                            names=written,
                        )
                    )
        for n in names:
            if re.search(r"\b(?:project|programme|program|initiative)$", n, re.IGNORECASE):
                last_project = n
            elif n not in ("UN",):
                last_named.append(n)
    return rows


# "Microsoft has signed an MOU with Nazarbayev University": who signs is a party, a head word or not
_SIGNER = re.compile(r"(?<![\w-])((?:[A-Z][\w&'’.-]*\s+){0,3}[A-Z][\w&'’.-]*)\s+(?:has |have |had )?signed\b")
_SIGNED_WITH = re.compile(r"\bsigned\b[^.;]{0,80}?\bwith\s+(?:the\s+)?((?:[A-Z][\w&'’.-]*\s*){1,6})")


_NOT_SIGNERS = {"the", "this", "it", "they", "he", "she", "we", "who", "parties", "both", "sides"}


def _signers(sentence: str, parties: list[str]) -> list[str]:
    """The parties, with the capitalised subject of "signed" and the body "signed … with" names added."""
    out = list(parties)
    for pattern in (_SIGNER, _SIGNED_WITH):
        m = pattern.search(sentence)
        if not m:
            continue
        name = m.group(1).strip()
        first = name.split()[0].lower()
        if first in {"the", "this", "it", "they", "he", "she", "we", "who", "parties", "both", "sides"} or any(
            name in p or p in name for p in out
        ):
            continue
        if name.lower() not in not_organisations():
            out.insert(0 if pattern is _SIGNER else len(out), name)
    return out


_PLURAL_DEED = re.compile(
    r"\b(?:memorand(?:a|ums)|agreements|меморандумы|меморандумов|соглашения|соглашений|договоры|"
    r"меморандумдар\w*|келісімдер\w*)\b",
    re.IGNORECASE,
)


def _links(sentence: str, kind: str, parties: list[str], supporters: list[str]) -> list[list[str]]:
    """A list that is several links: support from A, B and C to one body is three (each sponsor and the body);
    "memoranda between A, B, C and D" are three, each with the one named last. One memorandum that several
    parties sign, or support from one sponsor, stays one row."""
    if len(parties) < 3:
        return [parties]
    if kind == "sponsorship/support":
        listed = [p for p in parties if p in supporters]
        others = [p for p in parties if p not in supporters]
        if len(listed) >= 2 and len(others) == 1:
            return [[others[0], s] for s in listed]
    if kind == "memorandum" and _PLURAL_DEED.search(sentence):
        return [[p, parties[-1]] for p in parties[:-1]]
    return [parties]


_SECOND_SET = re.compile(r",?\s+(?:а также между|а также|сонымен қатар|as well as between)\s+", re.IGNORECASE)


def _groups(sentence: str, parties: list[str]) -> list[list[str]]:
    """One sentence, two signings: "memoranda between A, B and C, and also between the department, D and E"
    are two rows; the second set's "the department" is the first set's party of that kind."""
    marker = _SECOND_SET.search(sentence)
    if not marker:
        return [parties]
    second = names_in(sentence[marker.end() :])
    first = [p for p in parties if p not in second]
    if len(first) < 2 or not second:
        return [parties]
    lead = sentence[marker.end() :].split(",", maxsplit=1)[0].split()
    if lead and len(lead) == 1 and lead[0][:5].lower() in first[0].lower():  # "управлением", "басқарма"
        second = [first[0], *second]
    return [first, second]


def _names_subject(sentence: str, subject: str) -> bool:
    """Whether the sentence calls the subject by its kind ("the zoo", "the university")."""
    kinds = {w.lower() for w in subject.split() if is_head(w)}
    return any(m.group(1).lower() in kinds for m in _THE_HEAD.finditer(sentence))


def _distinct(parties: list[str]) -> list[str]:
    """Without repeats, and without a name that only begins a longer one here ("UN" beside "UN Alliance …")."""
    out: list[str] = []
    for p in parties:
        if p not in out and not any(o != p and o.startswith(p + " ") for o in parties):
            out.append(p)
    return out
