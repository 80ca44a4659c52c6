"""Citations: number the passages for the prompt, then check every [n] the model wrote.

A marker must name a passage the model was given, and that passage must support the
sentence it ends: hold half of its content words and every name and number it states.
Markers that name no passage are removed; a marker on a passage that does not support its
sentence is moved to the passage that does, or removed. Every kept citation carries its
quote (the supporting sentence) with offsets in the article.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from ..records import Citation, Passage
from ..text.crosslingual import english_for_matching
from ..text.sentences import sentence_spans
from ..text.tokens import tokenize

MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")
SUPPORT = 0.5  # share of a claim's content words that its passage must contain


_MARKER_VARIANTS = [
    (re.compile(r"\[\s*(?:passage|source|doc(?:ument)?|ref)\s*#?\s*(\d+)\s*\]", re.IGNORECASE), r"[\1]"),
    (re.compile(r"【\s*(\d+)[^】]*】"), r"[\1]"),
    (re.compile(r"\[\^(\d+)\]"), r"[\1]"),
]


def normalize_markers(answer: str) -> str:
    """[Passage 2], [source 2], 【2†…】 and [^2], as models write them, become [2]."""
    for pattern, repl in _MARKER_VARIANTS:
        answer = pattern.sub(repl, answer)
    return answer


def number_passages(passages: list[Passage]) -> str:
    """The passages as the prompt shows them: "[n] title (date)" then the text."""
    blocks = []
    for i, p in enumerate(passages, start=1):
        blocks.append(f"[{i}] {p.title} ({p.date or 'undated'})\n{p.text}")
    return "\n\n".join(blocks)


@dataclass
class Checked:
    text: str
    citations: list[Citation]
    problems: list[str]


def claim_tokens(text: str) -> set[str]:
    """Content tokens of a claim; a Russian or Kazakh claim about English articles is rendered first."""
    return set(tokenize(english_for_matching(text)))


_SPECIFIC = re.compile(r"(?<=\S\s)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*|\d[\d,.]*\d|\d")


def specifics(claim: str) -> set[str]:
    """Tokens of the names (capitalised words past the first) and numbers a claim states."""
    text = english_for_matching(claim)
    return set(tokenize(" ".join(m.group(0) for m in _SPECIFIC.finditer(text))))


def _support(claim_tokens: set[str], passage_tokens: set[str], names: Set[str] = frozenset()) -> float:
    """Share of the claim's words the passage holds; 0 when it lacks a name or number of the claim."""
    if names - passage_tokens:
        return 0.0
    return len(claim_tokens & passage_tokens) / len(claim_tokens) if claim_tokens else 1.0


def _best_quote(claim_tokens: set[str], passage: Passage) -> tuple[int, int, float]:
    """[start, end) within the passage text of the sentence that best supports the claim."""
    best = (0, len(passage.text), -1.0)
    for s, e in sentence_spans(passage.text):
        score = _support(claim_tokens, set(tokenize(passage.text[s:e])))
        if score > best[2]:
            best = (s, e, score)
    return best


def _claim_before(text: str) -> str:
    """The last sentence of the text before a marker."""
    text = text.rstrip(" ")
    spans = sentence_spans(text)
    while spans:
        s, e = spans[-1]
        claim = text[s:e].strip(" .,;:")
        if tokenize(claim):
            return claim
        spans.pop()
    return ""


def _passage_tokens(passages: list[Passage]) -> list[set[str]]:
    return [set(tokenize(f"{p.title} {p.date or ''} {p.text}")) for p in passages]  # as the prompt shows them


def check(answer: str, passages: list[Passage], question: str = "") -> Checked:
    """Verify and repair the markers of an answer; build the citations.

    Marker forms are normalized and uncited sentences that a passage clearly supports get a
    marker first (`attach`). A claim that only restates the question (no word the question
    lacks) supports nothing: small models often echo the question with a marker.
    """
    tokens = _passage_tokens(passages)
    asked = claim_tokens(question) if question else set()
    parts = MARKER.split(attach(normalize_markers(answer), passages, tokens))
    out: list[str] = [parts[0]]
    problems: list[str] = []
    best_for: dict[int, tuple[float, int, int]] = {}  # n -> (support, quote start, quote end)
    claim = ""
    for i in range(1, len(parts), 2):
        before, numbers, after = parts[i - 1], parts[i], parts[i + 1]
        if before.strip(" .,;:"):
            claim = _claim_before(before)
        claim_toks, names = claim_tokens(claim), specifics(claim)
        kept: list[int] = []
        for n in (int(x) for x in re.split(r"\s*[,;]\s*", numbers)):
            if not 1 <= n <= len(passages):
                problems.append(f"removed [{n}]: there is no passage {n}")
                continue
            if asked and claim_toks and claim_toks <= asked:
                problems.append(f"removed [{n}]: “{claim[:60]}” only restates the question")
                continue
            support = _support(claim_toks, tokens[n - 1], names)
            if support < SUPPORT:
                alt = max(range(len(passages)), key=lambda j: _support(claim_toks, tokens[j], names))
                alt_support = _support(claim_toks, tokens[alt], names)
                if alt_support >= SUPPORT:
                    problems.append(f"moved [{n}] to [{alt + 1}]: passage {n} does not state “{claim[:60]}”")
                    n, support = alt + 1, alt_support
                else:
                    problems.append(f"removed [{n}]: no passage states “{claim[:60]}”")
                    continue
            if n not in kept:
                kept.append(n)
            s, e, quote_support = _best_quote(claim_toks, passages[n - 1])
            if n not in best_for or quote_support > best_for[n][0]:
                best_for[n] = (quote_support, s, e)
        if kept:
            out[-1] = out[-1].rstrip(" ") + " " if out[-1].strip() else out[-1]
            out.append("".join(f"[{n}]" for n in kept))
        else:
            out[-1] = out[-1].rstrip(" ")
        out.append(after)
    citations = []
    for n in sorted(best_for):
        p = passages[n - 1]
        _, s, e = best_for[n]
        citations.append(
            Citation(
                n=n,
                article=p.article,
                chunk=p.chunk,
                title=p.title,
                date=p.date,
                quote=p.text[s:e],
                start=p.start + s,
                end=p.start + e,
            )
        )
    text = re.sub(r"[ \t]+([.,;:])", r"\1", "".join(out)).strip()
    return Checked(text, citations, problems)


def attach(answer: str, passages: list[Passage], tokens: list[set[str]] | None = None) -> str:
    """Add a marker to each uncited sentence that one passage clearly supports (for models that forget)."""
    if not passages:
        return answer
    tokens = tokens or _passage_tokens(passages)
    out: list[str] = []
    spans = sentence_spans(answer)
    for i, (s, e) in enumerate(spans):
        sentence = answer[s:e]
        cited = MARKER.search(sentence) or (i + 1 < len(spans) and MARKER.match(answer[spans[i + 1][0] :]))
        if MARKER.fullmatch(sentence.strip()) or cited:
            out.append(sentence)
            continue
        claim, names = claim_tokens(sentence), specifics(sentence)
        j = max(range(len(passages)), key=lambda x: _support(claim, tokens[x], names))
        out.append(f"{sentence} [{j + 1}]" if claim and _support(claim, tokens[j], names) >= 0.6 else sentence)
    return " ".join(out)
