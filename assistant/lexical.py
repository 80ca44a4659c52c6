"""The BM25 side of hybrid retrieval (bm25s), with tokens that bridge scripts.

Cyrillic words are indexed and queried both as written (Russian-stemmed) and
transliterated to Latin, so "Алматы" in a question meets "Almaty" in an article:
names and numbers carry over between languages.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

# Bump when what BM25 indexes changes (tokens here, the article lead in index.py): saved indexes of
# another version are rebuilt when opened.
LEXICAL_VERSION = "2"

_TOKEN = re.compile(r"\w\w+|\d", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_DOUBLED_END = re.compile(r"([b-df-hj-np-tv-z])\1$")  # "programm(e)" and "program" meet
STOPWORDS = set(
    """a an and are as at be been by for from had has have he her his how i in into is it its of on or our
    she that the their them there these they this those to was we were what when where which who whom whose why
    will with would you your do does did can could about after also than then so such not no but if all any
    many much among one ones there here
    и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
    меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас нибудь опять уж вам
    ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто
    чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти
    мой тем чтобы нее были куда зачем всех никогда можно при наконец два об другой хоть после над больше тот
    через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше
    чуть том нельзя такой им более всегда конечно всю между являлся является являются проходил проходила
    проводился состоялся состоялась каким какие какой какая кто когда где почему сколько және мен бен пен да
    де бұл ол осы сол үшін қай қандай кім қайда не""".split()
)


@lru_cache(maxsize=2)
def _stemmer(language: str):
    import Stemmer

    return Stemmer.Stemmer(language)


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, stemmed tokens; Cyrillic words also transliterated."""
    from anyascii import anyascii

    en, ru = _stemmer("english"), _stemmer("russian")
    tokens: list[str] = []
    for word in _TOKEN.findall(text.lower()):
        if word in STOPWORDS:
            continue
        if _CYRILLIC.search(word):
            tokens.append(ru.stemWord(word))
            latin = anyascii(word).lower()
            if latin.isalnum() and latin not in STOPWORDS:
                tokens.append(_DOUBLED_END.sub(r"\1", en.stemWord(latin)))
        else:
            tokens.append(_DOUBLED_END.sub(r"\1", en.stemWord(word)))
    return tokens


class LexicalIndex:
    """BM25 over chunk texts, addressed by chunk id; saved beside the vector store."""

    def __init__(self, ids: list[str], retriever, fingerprint: str, version: str = LEXICAL_VERSION) -> None:
        self.ids = ids
        self.fingerprint = fingerprint
        self.version = version
        self._retriever = retriever
        self._position = {cid: i for i, cid in enumerate(ids)}

    @classmethod
    def build(cls, ids: list[str], texts: list[str], fingerprint: str) -> "LexicalIndex":
        import bm25s

        retriever = bm25s.BM25()
        corpus = [tokenize(t) or ["\u2205"] for t in texts]  # an empty document still needs a token
        if ids:
            retriever.index(corpus, show_progress=False)
        return cls(list(ids), retriever, fingerprint)

    def save(self, folder: Path) -> None:
        """Write atomically: a half-written index is never read back."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = folder.with_name(folder.name + ".tmp")
        if tmp.exists():
            _rmtree(tmp)
        tmp.mkdir(parents=True)
        if self.ids:
            self._retriever.save(str(tmp), show_progress=False)
        (tmp / "ids.json").write_text(json.dumps({"fingerprint": self.fingerprint, "version": self.version,
                                                  "ids": self.ids}))
        old = folder.with_name(folder.name + ".old")
        if old.exists():
            _rmtree(old)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        _rmtree(old)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex | None":
        """The saved index, or None when there is none or it cannot be read."""
        import bm25s

        try:
            meta = json.loads((folder / "ids.json").read_text())
            retriever = bm25s.BM25.load(str(folder), show_progress=False) if meta["ids"] else bm25s.BM25()
        except (OSError, ValueError, KeyError):
            return None
        return cls(meta["ids"], retriever, meta["fingerprint"], meta.get("version", "1"))

    def search(self, query: str, n: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Up to n (chunk id, BM25 score) pairs with a positive score, best first."""
        if not self.ids:
            return []
        vocab = self._retriever.vocab_dict
        token_ids = [vocab[t] for t in tokenize(query) if t in vocab]
        if not token_ids:
            return []
        scores = self._retriever.get_scores_from_ids(token_ids)
        if allowed is not None:
            mask = np.zeros(len(self.ids), dtype=bool)
            mask[[self._position[c] for c in allowed if c in self._position]] = True
            scores = np.where(mask, scores, 0.0)
        n = min(n, len(self.ids))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
