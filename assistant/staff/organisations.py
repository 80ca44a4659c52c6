"""Organisation names in news sentences, and which names are one body.

Names are found by rule, with no model: capitalised runs that hold a head word (University, Council,
Foundation, …) cut at that head plus its "of/for …" complement; acronyms; quoted names after a type
word ("the municipal institution “Zhasyl Almaty”"); named projects ("the Coca-Cola Belesteri project").
An acronym defined in brackets ("Arab Council for Social Responsibility (ACSR)"), or one whose letters
begin the words of a name ("KazNU" ← "Kazakh National University"), makes the two one party; so does a
Russian or Kazakh name whose English rendering has the same words as an English name. Russian and Kazakh
names, mostly lower-case words around a head word, are found by staff/cyrillic_names.py.
"""

from __future__ import annotations

import re

from ..text.crosslingual import english_for_matching
from ..text.organisation_words import heads, legal_forms, not_organisations
from ..text.script import has_cyrillic, latin_lookalike
from ..text.tokens import tokenize
from .cyrillic_names import cyrillic_names

_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
_WORD = rf"[{_UPPER}][\w'’&.\-]*"
_CONNECTORS = {"of", "for", "and", "the", "on", "in", "&", "de"}
_QUOTES = '“”"«»„'
_RUN = re.compile(rf"{_WORD}(?:\s+(?:(?:of|for|and|the|on|in|de|&)\s+)*{_WORD})*")
_ACRONYM = re.compile(rf"\b(?:[{_UPPER}]{{2,8}}|[{_UPPER}][a-zа-я]{{1,3}}[{_UPPER}]{{1,4}})\b")
_DEFINED = re.compile(
    rf"({_WORD}(?:\s+(?:(?:of|for|and|the|on|in|&)\s+)*{_WORD})*)\s*\(\s*({_WORD}(?:\s+{_WORD})?)\s*\)"
)
# Quoted names that are bodies: after a type word ("the institution “Zhasyl Almaty”") or before one
# ("the UN «Academic Impact» Program"). Other quoted text (titles of events, models, campaigns) is no name.
_QUOTED_AFTER_TYPE = re.compile(
    r"\b(?:institution|organi[sz]ation|initiative|company|foundation|fund|network|association|club|brand|"
    r"movement|platform|агентство|организаци\w*|фонд|компани\w*)\s*[“\"«]([^”\"»]{2,80})[”\"»]",
    re.IGNORECASE,
)
_QUOTED_BEFORE_TYPE = re.compile(
    rf"(?:\b([{_UPPER}]{{2,8}})\s+)?[“\"«]([^”\"»]{{2,60}})[”\"»]\s+(Program|Programme|Initiative|Network|Foundation)\b"
)
_QUOTED_SPAN = re.compile(r"[“\"«][^”\"»]{1,300}[”\"»]")
_NAMED_PROJECT = re.compile(rf"((?:{_WORD}\s+){{1,4}})(project|programme|program|initiative)\b")
_ROLE = re.compile(
    r"^(?:(?:the|a|an|this|these|that|its|their|at|in|on|by|with|from|for|during|as|of|representatives?|heads?|"
    r"rector|vice-rector|director|"
    r"secretary|president|chairman|chair|minister|dean|founder|members?|press|service)\s+)+",
    re.IGNORECASE,
)
_LEGAL_PREFIXES = {"jsc", "llp", "llc", "ltd", "plc"}
_NUMBER_AFTER = re.compile(r"\s*(?:№|No\.?)\s*\d+")
_INITIALS = re.compile(rf"^[{_UPPER}]\.(?:[{_UPPER}]\.)*$")


def is_head(word: str) -> bool:
    low = word.lower().strip(".,")
    return low in heads() or ("-" in low and low.rsplit("-", 1)[1] in heads())  # "School-Gymnasium"


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.fullmatch(word)) and word.lower() not in not_organisations() and word not in legal_forms()


_CYRILLIC_LEAD = re.compile(r"^(?:[А-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі-]+\s+)+(?=[A-Za-z])")


def _clean(name: str) -> str:
    name = " ".join(name.translate({ord(q): " " for q in _QUOTES}).split()).strip(" ,.;:")
    if re.search(r"[A-Za-z]{2}", name) and not re.search(r"[A-Za-z]", name.split()[0]):
        name = _CYRILLIC_LEAD.sub("", name)  # "Студенты Astana IT University": a Russian word before a Latin name
    if re.search(r"[A-Za-z]", name) and has_cyrillic(name):  # "IСESCO" typed with a Cyrillic С
        name = " ".join(latin_lookalike(w) for w in name.split())
    return _ROLE.sub("", name).strip(" ,.;:")


def _cut_at_head(words: list[str]) -> int | None:
    """How many words of a capitalised run make a name: to its last head word, its "of/for …" complement,
    and one proper name right after it ("Institute Almatygenplan"); None when it has no head word."""
    last = max((i for i, w in enumerate(words) if is_head(w)), default=None)
    if last is None:
        return None
    if last == 0 and words[0].lower() in _LEGAL_PREFIXES and len(words) > 1:
        return len(words)  # "JSC NC Kazakhstan Temirzholy": a legal form before the name
    end = last + 1
    while end < len(words) - 1 and words[end].lower() in ("of", "for", "on"):
        j = end + 1
        while j < len(words) and (
            words[j][0].isupper()
            or words[j] == "&"
            or (
                words[j].lower() in ("the", "and")
                and j + 1 < len(words)
                and words[j + 1][0].isupper()
                and not (words[j].lower() == "and" and words[j + 1].lower() == "the")
            )
        ):
            j += 1
        if j == end + 1:
            break
        end = j
    if (
        end < len(words)
        and words[end][0].isupper()
        and not is_head(words[end])
        and not (end + 1 < len(words) and (_INITIALS.match(words[end + 1]) or words[end + 1][:1].isupper()))
        and words[end].lower() not in _CONNECTORS
    ):
        end += 1
    return end


def _name_runs(run: str) -> list[tuple[int, int]]:
    """(start word, end word) of each name in a capitalised run; "X Office and the Y Commission" is two."""
    words = run.split()
    pieces: list[list[int]] = [[0, 0]]  # word ranges split at "and" where a finished name meets a new one
    for i, w in enumerate(words):
        if w.lower() == "and" and i > 0 and (is_head(words[i - 1]) or _is_acronym(words[i - 1])) and i + 1 < len(words):
            nxt = i + 2 if words[i + 1].lower() == "the" else i + 1
            if nxt < len(words) and not _is_acronym(words[nxt]):
                pieces[-1][1] = i
                pieces.append([nxt, nxt])
                continue
        pieces[-1][1] = i + 1
    names = []
    for a, b in pieces:
        part = words[a:b]
        lead = 0
        while lead < len(part) and _ROLE.match(part[lead] + " "):
            lead += 1
        cut = _cut_at_head(part[lead:])
        if cut and (cut >= 2 or part[lead].isupper()):
            names.append((a + lead, a + lead + cut))
    return names


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def names_in(sentence: str) -> list[str]:
    """Organisation (and named project) names in a sentence, in order of appearance, without duplicates."""
    if _mostly_upper(sentence):
        return []  # a headline in capitals: every word looks like an acronym
    spans: list[tuple[int, int, str, int]] = []  # start, end, name, priority
    for m in _QUOTED_AFTER_TYPE.finditer(sentence):
        spans.append((m.start(1), m.end(1), _clean(m.group(1)), 2))
    for m in _QUOTED_BEFORE_TYPE.finditer(sentence):
        spans.append((m.start(), m.end(), _clean(" ".join(x for x in m.groups() if x)), 2))
    # quoted titles (of events, models, campaigns) are masked: their capitalised words name no body
    plain = _QUOTED_SPAN.sub(lambda q: " " * len(q.group(0)), sentence)
    for m in _NAMED_PROJECT.finditer(plain):
        name = _clean(m.group(0))
        if len(name.split()) >= 2:
            spans.append((m.start(), m.end(), name, 1))
    for m in _RUN.finditer(plain):
        offsets = [w.start() + m.start() for w in re.finditer(r"\S+", m.group(0))]
        words = m.group(0).split()
        for a, b in _name_runs(m.group(0)):
            start, end = offsets[a], offsets[b - 1] + len(words[b - 1])
            numbered = _NUMBER_AFTER.match(plain, end)  # "Secondary School № 24", "Boarding School No. 7"
            end = numbered.end() if numbered else end
            spans.append((start, end, _clean(plain[start:end]), 1))
    if has_cyrillic(sentence):  # Russian and Kazakh names, around their lower-case head words
        spans.extend((a, b, _clean(name), 2) for a, b, name in cyrillic_names(sentence))
    for m in _ACRONYM.finditer(plain):
        if _is_acronym(m.group(0)):
            spans.append((m.start(), m.end(), _clean(m.group(0)), 0))
    kept: list[tuple[int, int, str, int]] = []
    for span in sorted(spans, key=lambda x: (-x[3], x[0] - x[1])):  # priority first, then longer first
        if span[2] and not any(
            (k[0] <= span[0] and span[1] <= k[1]) or (span[0] < k[1] and k[0] < span[1]) for k in kept
        ):
            kept.append(span)
    names: list[str] = []
    for _, _, name, _ in sorted(kept):
        if name.lower() not in not_organisations() and name not in names:
            names.append(name)
    return names


def acronym_of(acronym: str, name: str) -> bool:
    """Whether the acronym's letters begin the name's words in order ("KazNU" ← "… Kazakh National University")."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in _CONNECTORS]
    a = acronym.lower()

    def match(i: int, j: int) -> bool:  # acronym from i, words from j
        if i == len(a):
            return j == len(words)  # every remaining word used: the head is part of it
        for k in range(j, len(words)):
            w = words[k].lower()
            for n in range(min(len(w), len(a) - i, 4), 0, -1):
                if a[i : i + n] == w[:n] and match(i + n, k + 1):
                    return True
            if k > j or j > 0:  # words may be skipped only before the first match ("Al-Farabi")
                break
        return False

    return len(a) >= 2 and len(words) >= 2 and any(match(0, start) for start in range(len(words)))


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronym → full name, for every "Full Name (ACR)" in a text whose name ends at a head word."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text.translate({ord(q): " " for q in _QUOTES})):
        runs = _name_runs(m.group(1))
        short = m.group(2)
        if runs and runs[-1][1] == len(m.group(1).split()) and short.lower() not in not_organisations():
            a, b = runs[-1]
            out.setdefault(short, " ".join(m.group(1).split()[a:b]))
    return out


def _words(name: str) -> frozenset[str]:
    return frozenset(tokenize(english_for_matching(name)))


_WITH_ACRONYM = re.compile(r"^(.*\S)\s+\(([^()]+)\)$")


class PartyNames:
    """One name per body across the corpus: "Full Name (ACR)" where an acronym is known, so an acronym and its
    full name, or the Russian and English names of one body, are one party."""

    def __init__(self, names: list[str]) -> None:
        self.full: dict[str, list[str]] = {}  # acronym -> full names seen for it, once per mention
        for name in names:
            m = _WITH_ACRONYM.match(name)
            if m:
                self.full.setdefault(m.group(2), []).append(m.group(1))
            elif _ACRONYM.fullmatch(name):
                self.full.setdefault(name, [])
        plain = [n for n in names if not _WITH_ACRONYM.match(n) and not _ACRONYM.fullmatch(n)]
        for name in plain:  # full names written without their acronym: "Al-Farabi Kazakh National University"
            for acronym in self.full:
                if acronym_of(acronym, name):
                    self.full[acronym].append(name)
        for name in plain:  # the same body in another language: "Казахский национальный университет"
            for fulls in self.full.values():
                if name not in fulls and any(_same(name, f) for f in fulls):
                    fulls.append(name)
        self._first: dict[str, str] = {}
        for name in names:
            self._first.setdefault(self.key(name), name)

    def key(self, name: str) -> str:
        m = _WITH_ACRONYM.match(name)
        if m:
            return m.group(2)
        if name in self.full:
            return name
        for acronym, fulls in self.full.items():
            if name in fulls:
                return acronym
        return " ".join(sorted(_words(name))) or name.lower()

    def display(self, name: str) -> str:
        key = self.key(name)
        if key in self.full:  # the full name written most often, the shorter of a tie
            fulls = self.full[key]
            best = min(fulls, key=lambda f: (-fulls.count(f), len(f)), default=None)
            return f"{best} ({key})" if best else key
        return self._first.get(key, name)


def _same(a: str, b: str) -> bool:
    """The same body written twice, or in two languages (same words once rendered in English)."""
    if a.lower() == b.lower():
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa) and wa == wb
