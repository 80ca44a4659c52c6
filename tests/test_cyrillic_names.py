"""Russian and Kazakh organisation names and partnerships (staff/cyrillic_names.py, staff/extract.py), on
sentences written here in the word orders news uses."""

import pytest

from assistant.records import Article
from assistant.staff.cyrillic_names import cyrillic_names
from assistant.staff.extract import extract


def names(sentence):
    return [n for _, _, n in cyrillic_names(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # Russian: adjectives, head, complements; an acronym; a quoted name after a legal form
            "Министерство просвещения и акимат Павлодарской области подписали меморандум с ТОО «Эко Старт».",
            ["Министерство просвещения", "акимат Павлодарской области", "ТОО «Эко Старт»"],
        ),
        (  # names in the instrumental case, one "имени" with initials, a list of complements
            "Соглашение заключено между Павлодарским государственным университетом имени С. Торайгырова и "
            "Омским институтом права, экономики и управления.",
            [
                "Павлодарским государственным университетом имени С. Торайгырова",
                "Омским институтом права, экономики и управления",
            ],
        ),
        (  # a person's name after the head is not part of the body's name; a numbered school is
            "Директор школы Айгуль Серикова поблагодарила гимназию № 8 и компанию «Арман».",
            ["гимназию № 8", "компанию «Арман»"],
        ),
        (  # Kazakh: the name ends at its head; "және" inside a name; a quoted name before a legal form
            "Павлодар облысының білім басқармасы, «Эко Старт» ЖШС және Павлодар құрылыс және көлік колледжі "
            "арасында меморандумға қол қойылды.",
            ["Павлодар облысының білім басқармасы", "«Эко Старт» ЖШС", "Павлодар құрылыс және көлік колледжі"],
        ),
        (  # Kazakh: "атындағы" names, in the instrumental case
            "Университет Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университетімен келісім жасады.",
            ["Ахмет Байтұрсынұлы атындағы Қостанай өңірлік университетімен"],
        ),
    ],
)
def test_names_whole_in_russian_and_kazakh_word_order(sentence, expected):
    assert names(sentence) == expected


def test_descriptions_bare_heads_and_who_reports_are_no_names():
    assert names("Меморандум о шефстве крупных предприятий над колледжами подписан с холдингом.") == []
    assert names("Студенты вышли на субботник, передает пресс-служба городского акимата.") == []
    assert names("Шараға облыс әкімдігі қатысты.") == ["облыс әкімдігі"]  # a public body named by its region


def rows_of(text, title="Новости"):
    return {(r.kind, frozenset(r.parties)) for r in extract(Article(id="a", text=text, title=title, date="2025-03-05"))}


def test_russian_and_kazakh_memoranda_sponsors_and_two_signings_in_one_sentence():
    got = rows_of(
        "Акимат Павлодарской области и компания «Арман» подписали меморандум о сотрудничестве. "
        "Школы построены на средства компаний Kaspi Bank и Halyk Finance. "
        "Подписаны меморандумы между управлением образования Павлодарской области, ТОО «Эко Старт» и Павлодарским "
        "строительным колледжем, а также между управлением, АО «Стройсервис» и Экибастузским колледжем транспорта."
    )
    assert ("memorandum", frozenset({"Акимат Павлодарской области", "компания Арман"})) in got
    assert (
        "memorandum",
        frozenset(
            {"управлением образования Павлодарской области", "ТОО Эко Старт", "Павлодарским строительным колледжем"}
        ),
    ) in got
    assert (
        "memorandum",
        frozenset(
            {"управлением образования Павлодарской области", "АО Стройсервис", "Экибастузским колледжем транспорта"}
        ),
    ) in got
    kk = rows_of("Облыс әкімдігі мен «Жасыл Қала» ЖШС арасында ынтымақтастық меморандумына қол қойылды.")
    assert kk == {("memorandum", frozenset({"Облыс әкімдігі", "Жасыл Қала ЖШС"}))}


def test_plural_memoranda_with_a_list_are_links_with_the_one_named_last():
    got = rows_of(
        "Были подписаны меморандумы между Омским аграрным университетом, Томским политехническим университетом "
        "и Павлодарским педагогическим университетом."
    )
    assert got == {
        ("memorandum", frozenset({"Омским аграрным университетом", "Павлодарским педагогическим университетом"})),
        (
            "memorandum",
            frozenset({"Томским политехническим университетом", "Павлодарским педагогическим университетом"}),
        ),
    }


def test_an_english_subject_without_a_head_word_signs_too():
    got = rows_of("Microsoft has signed a memorandum of understanding with Satbayev University.", "Tech news")
    assert got == {("memorandum", frozenset({"Microsoft", "Satbayev University"}))}
