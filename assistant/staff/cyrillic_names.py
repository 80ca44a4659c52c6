"""Organisation names in Russian and Kazakh sentences, found by their head word (no model).

Russian and Kazakh names are mostly lower-case words around a head ("университет", "акимат", "басқарма",
data/organisation_words.txt), so the capitalised runs that find English names miss them. Russian puts the
head after its adjectives and before its complements: "Уфимским государственным нефтяным техническим
университетом", "управлением образования Костанайской области", "акимат ВКО", "компания «Шеврон»",
"университет имени аль-Фараби". Kazakh ends the name at its head: "Қостанай облысының білім басқармасы",
"Әбілқас Сағынов атындағы ҚарТУ", "«King Holding» ЖШС", "Рудный құрылыс және көлік колледжі".
A head alone ("с холдингом", "басқарма") refers to a body named elsewhere and is no name here.
"""

from __future__ import annotations

import re

from ..text.organisation_words import cyrillic_heads, legal_forms
from ..text.script import detect_language

_TOKEN = re.compile(
    r"«[^»]{1,80}»|“[^”]{1,80}”|\"[^\"]{1,80}\"|"  # a quoted name, one token
    r"(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?){1,3}[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’-]+|"  # initials with a surname: "К.И.Сатпаева"
    r"[\w][\w'’-]*|\S"
)
_ADJECTIVE = re.compile(
    r"(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ую|юю|ых|их|ыми|ими|ой|ей)$", re.IGNORECASE
)
_GENITIVE_RU = re.compile(r"(?:ия|ии|ой|ого|ых|их|ей|ы|и|а|я|ов|ев|ства|ния)$", re.IGNORECASE)
# verbs and short participles ("подписали", "построены") end a name's complement
_VERB_RU = re.compile(r"(?:али|яли|или|ыли|ели|ала|яла|ила|ыла|ела|ало|ило|ал|ил|ыл|ел|ены|ена|ено|ся|сь)$")
_GENITIVE_KK = re.compile(r"(?:ның|нің|дың|дің|тың|тің|ның)$", re.IGNORECASE)
# Kazakh words that end in a case, verb or converb suffix do not stand inside a name before its head
_NOT_IN_KK_NAME = re.compile(
    r"(?:да|де|та|те|нда|нде|ға|ге|қа|ке|на|не|ны|ні|ды|ді|ты|ті|мен|пен|бен|ып|іп|ған|ген|қан|кен|ды|ді|у|ю)$",
    re.IGNORECASE,
)
_RU_STOP = frozenset(
    "в во на с со и а но между по для о об при к ко от до из у за под над также как что это этот эта эти "
    "который которая которые его её их их был была были будет с целью года году г год ещё уже его".split()
)
_KK_STOP = frozenset(
    "және мен пен бен да де та те арасында бойынша үшін туралы ретінде жылы жыл күні осы сол бұл бұдан былай "
    "аталған сонымен қатар сондай-ақ екі бірге кейін".split()
)
_REPORTED_BY = frozenset("передает передаёт сообщает сообщили пишет хабарлайды хабарлады".split())
_NAMED_AFTER = frozenset({"имени", "им.", "им"})
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
_NUMBERED = re.compile(r"^(?:№|No\.?)$")


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or tok[:1] in '«“"'


def _is_quoted(tok: str) -> bool:
    return tok[:1] in '«“"'


def _is_head(tok: str) -> bool:
    low = tok.lower()
    return tok in legal_forms() or (tok.isalpha() and any(low.startswith(stem) for stem in cyrillic_heads()))


def _is_word(tok: str) -> bool:
    return bool(re.match(r"[\w«“\"]", tok))


def _complement(tok: str) -> bool:
    """A lower-case Russian word in the genitive that may continue a name ("образования", "охраны")."""
    return (
        tok.isalpha()
        and tok.islower()
        and tok not in _RU_STOP
        and bool(_GENITIVE_RU.search(tok))
        and not _VERB_RU.search(tok)
        and not _is_head(tok)
    )


_PUBLIC_BODIES = ("акимат", "әкімдіг", "әкімдік")  # named by their region alone: "областного акимата"


def _proper(tok: str) -> bool:
    """A capitalised or quoted word, an acronym, a Latin word or a number: what makes a phrase a name."""
    return tok[:1].isupper() or _is_quoted(tok) or tok[:1].isdigit() or bool(re.match(r"[A-Za-z]", tok))


def _genitive_list(toks: list[str], j: int) -> int:
    """Where a list of complements after a comma ends (", бизнеса и политики"), or 0 when there is none."""
    k = j
    while k + 1 < len(toks) and toks[k] == "," and _complement(toks[k + 1]):
        k += 2
    last = toks[k + 1] if k + 1 < len(toks) else ""
    if k > j and toks[k] == "и" and last.isalpha() and last.islower() and _GENITIVE_RU.search(last):
        return k + 2
    return 0


def _right_ru(toks: list[str], h: int) -> int:
    """Index after the last token of a Russian name's complement that follows its head at h."""
    j, end = h + 1, h + 1
    while j < len(toks) and j - h <= 7:
        t = toks[j]
        low = t.lower()
        cyrillic_word = bool(re.match(r"[А-ЯЁ]", t))
        if _is_quoted(t) or (
            t[:1].isupper() and not _is_head(t) and (not cyrillic_word or t.isupper() or _ADJECTIVE.search(t))
        ):  # a quoted or Latin name, an acronym, or an adjective ("Костанайской области"); not a person's name
            j += 1
            end = j
        elif _NUMBERED.match(t) and j + 1 < len(toks) and toks[j + 1].isdigit():
            j += 2  # "школа № 12"
            end = j
        elif low in _NAMED_AFTER and j + 1 < len(toks) and _is_word(toks[j + 1]):
            j += 2  # "имени аль-Фараби", "им. К.И.Сатпаева"
            while j < len(toks) and _is_cap(toks[j]) and j - h <= 8:
                j += 1
            end = j
        elif _complement(t):
            j += 1
            end = j
        elif low == "," and end == j and _genitive_list(toks, j):  # "университет права, бизнеса и политики"
            j = _genitive_list(toks, j)
            end = j
        elif (  # "колледж строительства и транспорта": "и" between two complements that end the name
            low == "и"
            and end == j
            and j + 1 < len(toks)
            and _complement(toks[j + 1])
            and (j + 2 >= len(toks) or not _is_word(toks[j + 2]))
        ):
            j += 2
            end = j
        else:
            break
    return end


def _left_ru(toks: list[str], h: int) -> int:
    i = h
    while i > 0 and h - i < 5:
        t = toks[i - 1]
        if t.lower() in _RU_STOP or not _is_word(t) or _is_head(t):
            break
        if _ADJECTIVE.search(t) or _is_quoted(t) or (t[:1].isupper() and re.search(r"[A-Za-z]", t)):
            i -= 1
        else:
            break
    return i


def _left_kk(toks: list[str], h: int) -> int:
    i = h
    while i > 0 and h - i < 7:
        t = toks[i - 1]
        low = t.lower()
        if not _is_word(t) or low in _KK_STOP - {"және"} or (_is_head(t) and t not in legal_forms() and i < h):
            break
        if low == "және":  # "құрылыс және көлік колледжі": inside a name between two of its modifiers
            before = toks[i - 2] if i >= 2 else ""
            if i < h and before.isalpha() and not _is_head(before) and before.lower() not in _KK_STOP:
                i -= 1
                continue
            break
        if i == 1 and not _is_quoted(t) and _NOT_IN_KK_NAME.search(t):
            break  # "Шараға облыс әкімдігі қатысты": a sentence's first word in a case is no part of a name
        if (
            _is_cap(t)
            or low == "атындағы"
            or _GENITIVE_KK.search(t)
            or (t.isalpha() and t.islower() and not _NOT_IN_KK_NAME.search(t))
        ):
            i -= 1
        else:
            break
    while i < h and toks[i].lower() in ("және",):
        i += 1
    return i


def cyrillic_names(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each Russian or Kazakh organisation name in the sentence, in text order."""
    found = list(_TOKEN.finditer(sentence))
    toks = [m.group(0) for m in found]
    kazakh = detect_language(_QUOTED.sub(" ", sentence)) == "kk"  # a Kazakh name quoted in Russian text is Russian
    out: list[tuple[int, int, str]] = []
    taken = -1
    for h, tok in enumerate(toks):
        if h <= taken or not _is_head(tok):
            continue
        if kazakh:
            a, b = _left_kk(toks, h), h + 1
            if tok in legal_forms() and a == h and h + 1 < len(toks) and _is_quoted(toks[h + 1]):
                b = h + 2  # a Russian-style "ТОО «…»" in a Kazakh text
        else:
            a, b = _left_ru(toks, h), _right_ru(toks, h)
        if b - a < 2:
            continue  # a head alone refers to a body named elsewhere
        if any(t.lower() in _REPORTED_BY for t in toks[max(0, a - 3) : a]):
            continue  # "…, передает пресс-служба акимата": who reports the news, not a party
        if a == 0 and toks[0].lower() in _RU_STOP | _KK_STOP:
            a += 1
        if not any(_proper(t) for t in toks[a:b]) and not tok.lower().startswith(_PUBLIC_BODIES):
            continue  # "крупных предприятий области": a description, not a name
        start, end = found[a].start(), found[b - 1].end()
        out = [o for o in out if o[1] <= start]  # a later, longer reading of the same words wins
        out.append((start, end, sentence[start:end].strip(" ,.;:")))
        taken = b - 1
    return out
