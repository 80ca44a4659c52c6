"""Evaluation files: canned queries in the format of `dev_queries.yaml`, validated with clear errors."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import EvalFileError
from ..records import Turn


class EvalQuery(BaseModel):
    """One canned query. `sources: []` means the corpus does not answer it."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    question: str = Field(min_length=1)
    sources: list[str]
    expect: list[list[str]] = Field(default_factory=list)
    lang: str = "en"
    history: list[Turn] = Field(default_factory=list)
    multi: bool = False

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, v):
        return str(v) if isinstance(v, int) else v

    @field_validator("expect", mode="before")
    @classmethod
    def _groups(cls, v):
        # a bare string is a group of one; a group may be written as a single string
        if isinstance(v, str):
            return [[v]]
        if isinstance(v, list):
            return [[g] if isinstance(g, (str, int, float)) else g for g in v]
        return v

    @field_validator("expect")
    @classmethod
    def _strings(cls, v):
        return [[str(s) for s in group] for group in v]

    @property
    def answerable(self) -> bool:
        return bool(self.sources)


def load_queries(path: Path) -> list[EvalQuery]:
    """All queries of a file; EvalFileError naming the query and field at the first problem."""
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvalFileError(f"cannot read {path} ({e.strerror or e})") from None
    except yaml.YAMLError as e:
        raise EvalFileError(f"{path} is not valid YAML ({e})") from None
    rows = data.get("queries") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not rows:
        raise EvalFileError(f"{path}: expected a top-level 'queries:' list of queries")
    queries: list[EvalQuery] = []
    seen: set[str] = set()
    for i, row in enumerate(rows, start=1):
        name = f"query {i}" + (f" ({row.get('id')})" if isinstance(row, dict) and row.get("id") else "")
        if not isinstance(row, dict):
            raise EvalFileError(f"{path}: {name} must be a mapping with id, question, sources")
        try:
            q = EvalQuery.model_validate(row)
        except ValidationError as e:
            err = e.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "?"
            message = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
            raise EvalFileError(f"{path}: {name}, field '{field}': {message}") from None
        if q.id in seen:
            raise EvalFileError(f"{path}: {name}, field 'id': '{q.id}' is used twice")
        seen.add(q.id)
        queries.append(q)
    return queries
