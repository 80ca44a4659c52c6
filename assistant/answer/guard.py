"""The grounding guard: an LLM's answer judged on its own sentences, not on the rules' evidence.

After the citation check (citations.check keeps a marker only where its passage holds the claim's words
and every name and number it states), the guard
- takes the model's word when it says the passages do not hold the answer (the refusal token, or a
  sentence saying so in English, Russian or Kazakh): an honest refusal;
- drops every sentence no passage supports (no marker survived the check): what the model added on its own;
- refuses an answer none of whose supported sentences holds the kind asked for (a name for "who is",
  a number for "how many", a date for "when", a sum for "how much"): an answer about something else;
- refuses an answer whose supported sentences and their quotes hold none of the question's own words, or
  date it to another year than asked: a true sentence about something else;
- refuses an answer that only restates the question (no new word, number or name): it answers nothing;
- refuses an answer to "who is the <role>" whose supported sentences never name that role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Passage
from ..text.crosslingual import english_for_matching
from ..text.tokens import name_keys, tokenize
from .citations import MARKER, Checked
from .kinds import common_words, contradicts, new_names, other_role, satisfies
from .models import REFUSAL_TOKEN
from .question import analyse, matched

# How models say the passages do not answer ("The passages do not mention …", "В текстах не указано …").
_SAYS_NOT_STATED = re.compile(
    r"\b(?:do(?:es)?|did) not (?:mention|say|state|specify|contain|provide|include|give|indicate|name)\b|"
    r"\b(?:is|are|was|were) not (?:mentioned|stated|specified|given|provided|named|indicated|available)\b|"
    r"\bno (?:information|mention|details?|data)\b|\bnot (?:enough|sufficient) information\b|"
    r"\bне (?:указан|упомина|сообща|говорит|содерж|приводит|назван)\w*|\bнет (?:информации|данных|сведений)\b|"
    r"\bинформаци\w* (?:о|об) .{0,40}\bнет\b|"
    r"\b(?:көрсетілмеген|айтылмаған|келтірілмеген|жазылмаған)\b|\bмәлімет (?:жоқ|берілмеген)\b|\bақпарат жоқ\b",
    re.IGNORECASE,
)
_TYPED = ("price", "year", "date", "count", "duration", "person", "agent", "organisation", "place")


ABOUT = 0.5  # share of the question's own words an answer's sentences, their quotes and titles must hold


def _share(terms, text: str) -> float:
    """Share of the terms a text holds, read as written and in its English rendering."""
    if not terms:
        return 1.0
    said = set(tokenize(text)) | set(tokenize(english_for_matching(text)))
    return len(matched(terms, said)) / len(terms)


@dataclass
class Judged:
    checked: Checked
    refused: bool
    problems: list[str] = field(default_factory=list)


def says_not_stated(raw: str) -> bool:
    """Whether the model says the passages do not hold the answer (in its first sentence, or in all it says)."""
    if REFUSAL_TOKEN in raw:
        return True
    first = re.split(r"(?<=[.!?])\s", raw.strip(), maxsplit=1)[0]
    return bool(_SAYS_NOT_STATED.search(first)) or (len(raw) < 300 and bool(_SAYS_NOT_STATED.search(raw)))


def _split(text: str) -> list[str]:
    return [p for p in re.split(r"(?<=[.!?…])\s+(?=\S)", text.strip()) if tokenize(p)]


def _supported(text: str) -> tuple[str, list[str], list[str]]:
    """(the text without its unsupported sentences, the supported claims, the dropped sentences): a claim is
    the sentence a marker ends; a sentence no marker ends is what the model added on its own."""
    parts = MARKER.split(text)
    claims: list[str] = []
    dropped: list[str] = []
    for i in range(0, len(parts), 2):
        pieces = _split(parts[i])
        cited = i + 1 < len(parts)
        if cited and pieces:
            claims.append(pieces.pop())
        dropped += [p for p in pieces if not MARKER.fullmatch(p.strip(" ."))]
    for sentence in dropped:
        text = text.replace(sentence, "", 1)
    return " ".join(text.split()), claims, dropped


def _names_share(question: str, said: str) -> float:
    """Share of the question's names (past its first word) an answer's sentences and quotes name, in any script:
    'Таджикский государственный университет' is not answered by a sentence about Uzbek universities."""
    rest = question.partition(" ")[2]
    asked = set(name_keys(rest))
    return len(asked & set(name_keys(said))) / len(asked) if asked else 1.0


def _restates(claims: str, question: str) -> bool:
    """Whether the answer says nothing the question does not: no new word (a misspelt one is not new), number
    or name ("Сарой мектепінде … не сыйлады" for "Сарой мектебінде … не сыйлады?")."""
    asked = set(tokenize(question)) | set(tokenize(english_for_matching(question)))
    beginnings = {w.lower()[:5] for w in re.findall(r"\w{5,}", question)}  # "мектепінде" misspells "мектебінде"
    said = {w: set(tokenize(w)) for w in set(re.findall(r"\w+", claims))}
    new = [w for w, tokens in said.items() if tokens and not tokens & asked and w.lower()[:5] not in beginnings]
    return not new and not new_names(claims, question)


def judge(raw: str, checked: Checked, passages: list[Passage], question: str) -> Judged:
    """The LLM's checked answer, kept to its supported sentences, or a refusal and why."""
    if says_not_stated(raw):
        return Judged(Checked("", [], checked.problems), True, ["the LLM says the passages do not hold the answer"])
    text, kept, dropped = _supported(checked.text)
    problems = list(checked.problems)
    if dropped:
        problems.append(f"dropped {len(dropped)} sentence(s) of the LLM's answer that no passage supports")
    if not kept:
        return Judged(Checked("", [], problems), True, [*problems, "no sentence of the LLM's answer is supported"])
    info = analyse(question)
    claims = " ".join(kept)
    common = common_words(" ".join(p.text for p in passages))
    quotes = " ".join(f"{c.title} {c.quote}" for c in checked.citations)
    if _share(info.terms, f"{claims} {quotes}") < ABOUT and _share(info.native, f"{claims} {quotes}") < ABOUT:
        return Judged(Checked("", [], problems), True, [*problems, "the LLM's answer is about something else"])
    if _names_share(info.text, f"{claims} {quotes}") < ABOUT:
        return Judged(Checked("", [], problems), True, [*problems, "the LLM's answer is about another body or place"])
    if _restates(claims, question):
        return Judged(Checked("", [], problems), True, [*problems, "the LLM's answer only restates the question"])
    if contradicts(claims, info.text):
        return Judged(Checked("", [], problems), True, [*problems, "the LLM's answer is about another year"])
    if info.kind in _TYPED and not satisfies(info.kind, claims, info.text, common):
        return Judged(Checked("", [], problems), True, [*problems, f"the LLM's answer holds no {info.kind}"])
    if info.role and (
        not matched([info.role], set(tokenize(quotes)))
        or all(other_role(c.quote, info.text, info.role) for c in checked.citations)
    ):
        return Judged(Checked("", [], problems), True, [*problems, f"no cited sentence names the {info.role}"])
    return Judged(Checked(text, checked.citations, problems), False, problems)
