"""The partnership table scored against a gold table (eval/real/README.md has the gold format).

A row is right when every party it shows is a different party of one gold partnership of its article
(at least two of them): a headline, a cut-short name ("Акимат Карагандинской" for "Акимат Карагандинской
области") or a body that is not a party makes it wrong. A gold partnership is found when a right row
matches it. A shown name matches a gold party when it holds every word of one of the party's spellings,
with at most three words more ("the Kazakh-American Free University (KAFU)"); words are compared by their
first six letters, so that Russian and Kazakh case endings do not count ("Уфимским государственным
университетом" is "Уфимский государственный университет").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InvalidInputError

_QUOTES = re.compile(r"[\"'«»“”„‘’`]")
_EXTRA_WORDS = 3


@dataclass
class GoldPartnership:
    article: str
    kind: str
    parties: list[list[str]]  # each party: its acceptable spellings
    date: str | None = None
    evidence: str = ""


def load_gold(path: Path) -> list[GoldPartnership]:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        gold = [
            GoldPartnership(**{k: e.get(k) for k in ("article", "kind", "parties", "date", "evidence")})
            for e in data["partnerships"]
        ]
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as e:
        raise InvalidInputError(f"{path} is not a gold partnership table ({e})", "see eval/real/README.md") from None
    return [g for g in gold if g.article and len(g.parties or []) >= 2]


_WORD = re.compile(r"\w+")
_STEM = 6


def _words(name: str) -> list[str]:
    return [w[:_STEM] for w in _WORD.findall(_QUOTES.sub(" ", name.casefold().replace("ё", "е")))]


def name_matches(shown: str, spellings: list[str]) -> bool:
    """A shown party name holds every word of one of the spellings, with at most a few words more."""
    have = _words(shown)
    for spelling in spellings:
        wanted = _words(str(spelling))
        if wanted and set(wanted) <= set(have) and len(have) - len(wanted) <= _EXTRA_WORDS:
            return True
    return False


def _assign(shown: list[str], gold: GoldPartnership) -> set[int] | None:
    """The gold parties the shown names are, each a different one; None when a name is none of them."""
    used: set[int] = set()
    for name in shown:
        free = [i for i, spellings in enumerate(gold.parties) if i not in used and name_matches(name, spellings)]
        if not free:
            return None
        used.add(free[0])
    return used


@dataclass
class PartnershipScore:
    gold: int = 0
    found: int = 0
    rows: int = 0
    right: int = 0
    kind_right: int = 0  # right rows whose kind is the gold one's
    missed: list[dict] = field(default_factory=list)  # gold partnerships no right row matches
    wrong: list[dict] = field(default_factory=list)  # rows that match no gold partnership

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.rows if self.rows else 0.0

    def summary(self) -> dict:
        return {
            "gold": self.gold,
            "found": self.found,
            "recall": round(self.recall, 3),
            "rows": self.rows,
            "right": self.right,
            "precision": round(self.precision, 3),
            "kind_right": self.kind_right,
        }


def score(rows: list[dict], gold: list[GoldPartnership], articles: set[str] | None = None) -> PartnershipScore:
    """Rows (as the table gives them) against the gold table; only the given articles count when set."""
    if articles is not None:
        rows = [r for r in rows if r["article"] in articles]
        gold = [g for g in gold if g.article in articles]
    result = PartnershipScore(gold=len(gold), rows=len(rows))
    found: set[int] = set()
    for row in rows:
        matches = [
            (i, g)
            for i, g in enumerate(gold)
            if g.article == row["article"] and len(row["parties"]) >= 2 and _assign(row["parties"], g) is not None
        ]
        if not matches:
            result.wrong.append(row)
            continue
        result.right += 1
        result.kind_right += any(g.kind == row["kind"] for _, g in matches)
        found.update(i for i, _ in matches)
    result.found = len(found)
    result.missed = [vars(g) for i, g in enumerate(gold) if i not in found]
    return result
