"""The partnership table: what the seed articles state plainly is found, nothing is made up, rows stay in
step with the corpus, names of one body are one party; and the same rules on an article written here."""

import json
import os
import re

import pytest

from assistant.config import get_settings
from assistant.core import Assistant
from assistant.corpus import load_corpus
from assistant.records import Article
from assistant.staff.extract import extract
from assistant.staff.organisations import PartyNames, acronym_of, names_in
from assistant.text.script import latin_lookalike

from .cli import run_cli
from .conftest import SEEDS


@pytest.fixture(scope="module")
def table(seeded_store):
    from assistant.config import Settings

    return Assistant(Settings(corpus_dir=SEEDS, store_dir=seeded_store)).partnerships()


def find(rows, *names, kind=None):
    """Rows naming every one of `names` (part of a party's name, case-insensitive)."""
    return [
        r
        for r in rows
        if all(any(n.lower() in p.lower() for p in r["parties"]) for n in names) and (kind is None or r["kind"] == kind)
    ]


def test_the_links_the_seed_articles_state_plainly(table):
    rows = table.rows
    (metu_zhasyl,) = find(rows, "METU", "Zhasyl Almaty")
    assert metu_zhasyl["kind"] == "memorandum" and metu_zhasyl["date"] == "2026-02-19"
    assert "joint environmental initiatives" in metu_zhasyl["purpose"]
    (colleges,) = find(rows, "(METU)", "METU College", "ATK", "ASTK", "POLYTECHNIC COLLEGE", "KITIG")
    assert colleges["kind"] == "memorandum" and colleges["date"] == "2025-02-04"
    assert colleges["purpose"].startswith("develop long-term partnerships")
    (belesteri,) = find(rows, "Coca-Cola Belesteri", "Expo & Women")
    assert belesteri["kind"] == "joint project" and belesteri["date"] == "2019-04-24"
    assert find(rows, "KazNU", "ACSR") and find(rows, "KazNU", "Academic Impact", kind="membership")
    (organisers,) = find(
        rows,
        "Federation of UNESCO Clubs",
        "UNESCO Almaty Cluster Office",
        "National Commission for UNESCO",
        kind="co-organisation",
    )
    # support from three sponsors is three links, each sponsor and the body supported
    sponsors = [
        find(rows, "Federation of UNESCO Clubs", sponsor, kind="sponsorship/support")
        for sponsor in ("Exxon Mobil Kazakhstan", "Holiday Inn Express", "Almatygenplan")
    ]
    assert [len(s) for s in sponsors] == [1, 1, 1] and all(len(s[0]["parties"]) == 2 for s in sponsors)
    assert organisers["date"] == sponsors[0][0]["date"] == "2023-04-03"
    assert table.unverified == 0


def test_no_row_is_made_up(table):
    articles = {a.id: a for a in load_corpus(SEEDS).articles}
    assert table.rows
    for r in table.rows:
        text = articles[r["article"]].text
        assert text[r["start"] : r["end"]] == r["quote"]  # verbatim, with its offsets
        # names are read without quote marks, and "IСESCO" (typed with a Cyrillic С) as ICESCO
        as_read = " ".join(latin_lookalike(w) for w in re.sub(r"[“”\"«»„]", " ", text).split())
        for written in r["names"]:
            assert written in text or written in as_read, (written, r["quote"])
        assert len(r["parties"]) >= 2 and r["kind"] and r["title"] == articles[r["article"]].title


def test_one_body_is_one_party(table):
    kaznu = {p for r in table.rows for p in r["parties"] if "KazNU" in p or "Al-Farabi" in p}
    assert kaznu == {"Al-Farabi Kazakh National University (KazNU)"}
    metu = {p for r in table.rows for p in r["parties"] if p.endswith("(METU)")}
    assert len(metu) == 1  # two articles spell the full name differently; one party
    names = PartyNames(["Казахский национальный университет", "Kazakh National University", "KazNU"])
    assert (
        len({names.display(n) for n in ["Казахский национальный университет", "Kazakh National University", "KazNU"]})
        == 1
    )
    assert acronym_of("KazNU", "Al-Farabi Kazakh National University")
    assert not acronym_of("METU", "International Engineering and Technology University")


def test_filters(seeded_settings):
    assistant = Assistant(seeded_settings)
    metu = assistant.partnerships(org="METU").rows
    assert {r["date"] for r in metu} == {"2026-02-19", "2025-02-04"}
    assert assistant.partnerships(org="international engineering and technology").rows == metu
    window = assistant.partnerships(since="2023-01-01", until="2025-12-31").rows
    assert window and all("2023-01-01" <= r["date"] <= "2025-12-31" for r in window)
    assert all(r["kind"] == "membership" for r in assistant.partnerships(kind="membership").rows)


def test_the_same_rules_on_an_article_written_here():
    text = (
        "On 14 May 2024 the Almaty Zoo opened a pollinator garden. The garden was organized by the Almaty Zoo in "
        "cooperation with the Kazakh Geographic Society and the Institute of Botany and Phytointroduction (IBP).\n"
        "The project was carried out with the support of Halyk Bank and the Green Kazakhstan Foundation.\n"
        "Later that month the zoo signed a memorandum of understanding with Satbayev University.\n"
        "The zoo is a member of the European Association of Zoos and Aquaria (EAZA).\n"
        "A stakeholder meeting was organised by the Ministry of Ecology on 20 May."
    )
    rows = extract(Article(id="zoo", text=text, title="Almaty zoo opens a pollinator garden", date="2024-05-20"))
    got = {(r.kind, frozenset(r.parties)) for r in rows}
    assert got == {
        (
            "co-organisation",
            frozenset({"Almaty Zoo", "Kazakh Geographic Society", "Institute of Botany and Phytointroduction (IBP)"}),
        ),
        ("sponsorship/support", frozenset({"Almaty Zoo", "Halyk Bank"})),  # two sponsors: two links
        ("sponsorship/support", frozenset({"Almaty Zoo", "Green Kazakhstan Foundation"})),
        ("memorandum", frozenset({"Almaty Zoo", "Satbayev University"})),
        ("membership", frozenset({"Almaty Zoo", "European Association of Zoos and Aquaria (EAZA)"})),
    }  # an organiser alone ("organised by the Ministry") is no link


def test_a_gift_in_english_is_a_sponsorship():
    text = (
        "Taraz Regional University opened a new library. "
        "The books were donated to Taraz Regional University by the Green Kazakhstan Foundation."
    )
    rows = extract(Article(id="gift", text=text, title="A new library", date="2025-03-01"))
    assert {(r.kind, frozenset(r.parties)) for r in rows} == {
        ("sponsorship/support", frozenset({"Taraz Regional University", "Green Kazakhstan Foundation"}))
    }


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("EXPERTS FROM AROUND THE WORLD DISCUSS EDUCATION IN ALMATY", []),  # a headline in capitals
        (
            "The seminar «Towards a Virtuous Society» was held by the Almaty Management University.",
            ["Almaty Management University"],
        ),  # quoted titles are no names
        (
            "Director of ATK Karagulov E.S. met the head of the UNESCO Almaty Cluster Office.",
            ["ATK", "UNESCO Almaty Cluster Office"],
        ),
        ("It was supported by the international organization IСESCO.", ["ICESCO"]),  # a Cyrillic С typed in
    ],
)
def test_names_in_sentences(sentence, expected):
    assert names_in(sentence) == expected


def test_a_changed_article_has_its_rows_redone(isolated_env):
    from assistant.staff import table as staff_table

    assistant = Assistant(get_settings())
    assistant.ingest()
    assert assistant.partnerships(org="Zhasyl Almaty").rows
    path = isolated_env / "corpus" / "000_fc73a623d024f7d6.txt"
    path.write_text(path.read_text().replace("signing of a memorandum of cooperation between", "talk between"))
    report, corpus = assistant.ingest()
    assert report.updated == 1
    assert not assistant.partnerships(org="Zhasyl Almaty").rows  # the link is gone with its sentence
    assert staff_table.update(assistant.index.store, corpus).articles == 0  # all in step: nothing redone


def test_cli_json_and_csv(seeded_settings):
    env = dict(os.environ)
    out = run_cli("partnerships", "--org", "KazNU", "--json", env=env, check=False)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows and set(rows[0]) >= {"parties", "kind", "date", "purpose", "article", "quote", "start", "end"}
    csv = run_cli("partnerships", "--csv", env=env, check=False)
    assert csv.stdout.splitlines()[0] == "date,kind,parties,purpose,article,title,quote,start,end,source"
    bad = run_cli("partnerships", "--since", "last year", env=env, check=False)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr and "Traceback" not in bad.stderr


def test_summary_of_metu_as_docx_every_marker_resolves(seeded_settings, tmp_path):
    import docx

    out = tmp_path / "draft.docx"
    proc = run_cli("summarize", "--org", "METU", "--format", "docx", "--output", str(out), check=False)
    assert proc.returncode == 0, proc.stderr
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Partnerships of METU in the news"
    split = texts.index("Sources")
    body, sources = texts[1:split], texts[split + 1 :]
    listed = {int(m.group(1)): line for line in sources if (m := re.match(r"\[(\d+)\] ", line))}
    cited = {int(n) for line in body for n in re.findall(r"\[(\d+)\]", line)}
    assert cited and cited <= set(listed)  # every [n] resolves to a source in the list
    assert any("Zhasyl Almaty" in line for line in body) and any("KITIG" in line for line in body)
    articles = {a.id: a.text for a in load_corpus(SEEDS).articles}
    source_paragraphs = doc.paragraphs[split + 1 :]
    assert len(source_paragraphs) == len(listed)
    for paragraph in source_paragraphs:  # each source's quote (its italic run) is the article's own sentence
        quote = paragraph.runs[-1].text.removeprefix("“").removesuffix("”")
        assert paragraph.runs[-1].italic and any(quote in text for text in articles.values()), quote


def test_summary_in_markdown_and_by_topic(seeded_settings):
    assistant = Assistant(seeded_settings)
    everything = assistant.summarize()
    assert len(everything.paragraphs) == len(assistant.partnerships().rows) >= 8
    by_topic = assistant.summarize(topic="environmental")
    assert by_topic.paragraphs and len(by_topic.paragraphs) < len(everything.paragraphs)
    text = by_topic.markdown()
    assert text.startswith("# Partnerships on environmental in the news") and "## Sources" in text
    nothing = assistant.summarize(org="No Such Body")
    assert nothing.paragraphs == [] and "states no partnership" in nothing.intro


def test_docx_needs_an_output_file(seeded_settings):
    proc = run_cli("summarize", "--format", "docx", check=False)
    assert proc.returncode == 2 and "--output" in proc.stderr and "Traceback" not in proc.stderr
