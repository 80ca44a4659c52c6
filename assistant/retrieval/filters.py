"""Search filters: article ids and an inclusive date range, as one Chroma `where` clause."""

from __future__ import annotations

from dataclasses import dataclass

from ..text.dates import date_ord


@dataclass(frozen=True)
class Filters:
    """Which passages a search may return: these article ids only, and articles dated in [date_from, date_to]."""

    articles: tuple[str, ...] = ()
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None

    def where(self) -> dict | None:
        return build_where(list(self.articles), self.date_from, self.date_to)


def build_where(
    articles: list[str] | None = None, date_from: str | None = None, date_to: str | None = None
) -> dict | None:
    """A Chroma metadata filter for article ids and an inclusive ISO date range."""
    clauses: list[dict] = []
    if articles:
        clauses.append({"article": {"$in": list(articles)}})
    if date_from or date_to:  # an undated article (date_ord 0) is left out of any date range, not guessed in
        clauses.append({"date_ord": {"$gte": date_ord(date_from) if date_from else 1}})
    if date_to:
        clauses.append({"date_ord": {"$lte": date_ord(date_to)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
