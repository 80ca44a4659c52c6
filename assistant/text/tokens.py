"""The one tokenizer: lower-cased, stop-word-free, stemmed tokens that bridge scripts.

BM25, the offline model, question analysis and the citation check all compare text
through it. Cyrillic words come out as written (Russian-stemmed, cut short for Kazakh endings) and
in English (the glossary's word, or for names the Latin letters), so "студентов" meets "students"
and "Алматы" in a question meets "Almaty" in an article. BM25 also gets `name_keys`,
so a name meets itself across scripts, spellings and case endings ("Костанае", "Қостанайдағы", "Kostanay").
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from .script import has_cyrillic

_TOKEN = re.compile(r"\w\w+|\d", re.UNICODE)
_DOUBLED_END = re.compile(r"([b-df-hj-np-tv-z])\1$")  # "programm(e)" and "program" meet
_BRITISH = re.compile(r"(?<=\w{3})is(e|ed|es|ing|ation|ations)$")  # "organised" and "organized" meet
STOPWORDS = frozenset(
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
    де бұл ол осы сол үшін қай қандай кім қайда не
    скольких скольким сколькими какого какому каком какую каких каким какими какое который которая которое
    которые которого которой котором которому которую которых которым которыми чей чья чьё чьи чьей чьего
    называется называют называемый
    қанша неше нешінші қалай қашан кімнің кімге кімді кіммен қайсы қайсысы ма ме ба бе па пе аталады
    деп деген""".split()
)


_local = threading.local()  # PyStemmer's stemmers are not thread-safe: one pair per thread


def _stemmers():
    pair = getattr(_local, "stemmers", None)
    if pair is None:
        import Stemmer

        pair = _local.stemmers = (Stemmer.Stemmer("english"), Stemmer.Stemmer("russian"))
    return pair


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop-word-free, stemmed tokens; Cyrillic words as `_cyrillic_tokens` gives them."""
    return [token for word in _TOKEN.findall(text.lower()) for token in _word_tokens(word)]


@lru_cache(maxsize=1 << 18)
def _word_tokens(word: str) -> tuple[str, ...]:
    """One lower-case word's tokens (none for a stop word); cached: news repeats its words, and every
    answer tokenizes the same passages again."""
    if word in STOPWORDS:
        return ()
    if has_cyrillic(word):
        return _cyrillic_tokens(word)
    return (_english_stem(_stemmers()[0], word),)


def _english_stem(en, word: str) -> str:
    """The one English path, for English words, a glossary's English and names' Latin letters alike."""
    return _DOUBLED_END.sub(r"\1", en.stemWord(_BRITISH.sub(r"iz\1", word)))


CYRILLIC_STEM_LETTERS = 7  # Russian stems are cut here too: Kazakh has no stemmer, and its endings are long


@lru_cache(maxsize=65536)
def _cyrillic_tokens(word: str) -> tuple[str, ...]:
    """A Russian or Kazakh word's tokens: its stem cut to a length that leaves Kazakh and Russian endings off
    ("отырғызды" and "отырғызу" meet), and either the English of its glossary stem ("студентов" meets
    "students") or, for a word the glossary does not know (a name), its Latin letters ("Алматы" meets
    "Almaty"). One or the other, so that a Cyrillic word counts as often as an English one in BM25."""
    from .crosslingual import glossary_english, transliterate  # imports this module: loaded on first use

    en, ru = _stemmers()
    out = [ru.stemWord(word)[:CYRILLIC_STEM_LETTERS]]
    english = glossary_english(word)
    if english:
        out += [_english_stem(en, w) for w in english.lower().split() if w not in STOPWORDS]
    else:
        latin = transliterate(word).lower()
        if latin.isalnum() and latin not in STOPWORDS:
            out.append(_english_stem(en, latin))
    return tuple(dict.fromkeys(out))


_NAME = re.compile(r"[^\W\d_][\w'’-]{3,}", re.UNICODE)
# Spellings that differ between transliterations of one Russian or Kazakh name (Қ/К, Ғ/Г, Х, Ж, Й/Ы).
_FOLDS = (("q", "k"), ("gh", "g"), ("kh", "h"), ("zh", "j"), ("y", "i"), ("w", "v"))
NAME_KEY_LETTERS = 6  # long enough to tell names apart, short enough to leave case endings off


def name_key(word: str) -> str:
    """A spelling- and ending-insensitive key for a name in any script: "Қостанайдағы" → "~kostan"."""
    from anyascii import anyascii

    latin = re.sub(r"[^a-z]", "", anyascii(word).lower())
    for a, b in _FOLDS:
        latin = latin.replace(a, b)
    latin = re.sub(r"(.)\1+", r"\1", latin)
    latin = re.sub(r"^ie", "e", latin)  # Yerlan / Ерлан → Erlan
    return "~" + latin[:NAME_KEY_LETTERS] if len(latin) >= 4 else ""


def name_keys(text: str) -> list[str]:
    """Keys of the capitalised words (names, and the odd sentence start) that are not stop words."""
    keys = []
    for m in _NAME.finditer(text):
        word = m.group(0)
        if word[0].isupper() and word.lower() not in STOPWORDS and (key := name_key(word)):
            keys.append(key)
    return keys


def lexical_terms(text: str) -> list[str]:
    """What BM25 indexes and searches: the tokens, and the name keys."""
    return tokenize(text) + name_keys(text)
