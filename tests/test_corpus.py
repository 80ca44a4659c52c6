import pytest

from assistant.corpus.cleaning import clean_text
from assistant.corpus.formats import UnusableFile, decode, from_html
from assistant.corpus.loader import load_corpus
from assistant.corpus.metadata import extract_date, extract_publisher, extract_title
from assistant.errors import CorpusError
from assistant.text.script import detect_language

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds():
    return {a.id: a for a in load_corpus(SEEDS).articles}


def test_every_seed_is_loaded_with_its_file_stem_as_id(seeds):
    assert set(seeds) == {p.stem for p in SEEDS.glob("*.txt")}


@pytest.mark.parametrize(
    "stem, date",
    [
        ("000_fc73a623d024f7d6", "2026-02-19"),  # "19 February 2026"
        ("001_c1e361d9777a6549", "2023-04-03"),  # "April 3-4, 2023"
        ("002_363c11803347ebae", "2019-04-24"),  # "Дата публикации: 24.04.2019"
        ("004_92e8f732f7c6ab2a", "2025-02-04"),  # "February 4, 2025"
        ("003_206415cd81af1730", None),  # states no date
    ],
)
def test_dates_of_the_seeds(seeds, stem, date):
    assert seeds[stem].date == date


def test_titles_of_the_seeds(seeds):
    assert seeds["000_fc73a623d024f7d6"].title.startswith("Practical Session “ESG")
    assert seeds["000_fc73a623d024f7d6"].title.endswith("Campaign")
    assert seeds["001_c1e361d9777a6549"].title.lower().startswith("experts from around the world")
    assert seeds["002_363c11803347ebae"].title.startswith("On April 23, a meeting")  # no heading: first sentence
    assert not seeds["002_363c11803347ebae"].title.startswith("“")  # the epigraph is not the title


def test_publisher_and_language(seeds):
    assert seeds["002_363c11803347ebae"].publisher == "Баспасөз-орталығы"
    assert all(a.language == "en" for a in seeds.values())


def test_navigation_and_counters_are_dropped_but_article_text_kept(seeds):
    a000, a002, a003 = seeds["000_fc73a623d024f7d6"], seeds["002_363c11803347ebae"], seeds["003_206415cd81af1730"]
    assert "Главная" not in a000.text and "Новости" not in a000.text
    assert "42" not in a000.text.split("\n")[1]  # the view counter after the date
    assert a000.text.count("Held within the “Taza Kazakhstan” Campaign") == 1  # repeated heading dropped
    assert "Просмотров" not in a002.text and "Categories:" not in a002.text
    assert not a003.text.startswith("- Main page")
    assert "Main page" not in a003.text
    # article sentences are intact, word for word
    raw = (SEEDS / "003_206415cd81af1730.txt").read_text()
    for para in a003.text.split("\n\n"):
        for line in para.split("\n"):
            assert line in raw
    assert "founded in 1963" in a002.text  # sidebar facts stay: they are part of the page's text


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Held on 19 February 2026 in Almaty", "2026-02-19"),
        ("in Almaty on April 3-4, 2023.", "2023-04-03"),
        ("[Дата публикации: 24.04.2019, 14:42:56]", "2019-04-24"),
        ("on February 4, 2025, METU hosted", "2025-02-04"),
        ("Published: 2024-11-05", "2024-11-05"),
        ("19 февраля 2026 года", "2026-02-19"),
        ("2025 жылғы 3 наурыз", "2025-03-03"),  # Kazakh order: year first
        ("3 наурыз 2025", "2025-03-03"),
        ("Sept. 9, 2021", "2021-09-09"),
        ("no date at all, only 1963", None),
        ("31.02.2020 is not a day", None),
    ],
)
def test_date_formats(text, iso):
    assert extract_date(text) == iso


def test_labelled_publication_date_wins_over_earlier_event_date():
    text = "The forum of 3 March 2020 was a success.\nPublished: 05.03.2020"
    assert extract_date(text) == "2020-03-05"


def test_publisher_patterns():
    assert extract_publisher("Source: Kazinform\nbody") == "Kazinform"
    assert extract_publisher("Источник: Tengrinews.kz") == "Tengrinews.kz"
    assert extract_publisher("no publisher here") is None


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The university signed a memorandum with the city of Almaty.", "en"),
        ("Университет подписал меморандум с акиматом города Алматы.", "ru"),
        ("Университет қала әкімдігімен меморандумға қол қойды және жоба бастады.", "kk"),
    ],
)
def test_language(text, lang):
    assert detect_language(text) == lang


def test_title_heading_then_first_sentence():
    assert (
        extract_title("Main Heading Of The Story\n19 February 2026\n\nBody text " + "word " * 20)
        == "Main Heading Of The Story"
    )
    body = "The council met on Monday to approve the new park plan for the whole district and its people. More."
    assert (
        extract_title(body)
        == "The council met on Monday to approve the new park plan for the whole district and its people."
    )


def test_clean_text_handles_crumbs_bold_and_links():
    raw = "Home / News\n**BIG\nTITLE HERE**\nSee <https://example.org/x>\nViews: 1200\nRead more »\n\n\n\nEnd."
    assert clean_text(raw) == "BIG TITLE HERE\nSee https://example.org/x\n\nEnd."


def test_html_is_stripped_to_text():
    html = (
        "<html><head><title>Page</title><style>p{}</style></head><body><nav>Home News</nav>"
        "<h1>Green campus opens</h1><p>The &amp; campus <b>opened</b> its doors to the students of the city."
        "</p><script>x()</script><footer>(c) site</footer></body></html>"
    )
    doc = from_html(html)
    assert doc.title == "Green campus opens"
    assert "The & campus opened its doors" in doc.text
    assert "x()" not in doc.text and "(c) site" not in doc.text and "Home News" not in doc.text


def test_decode_utf8_bom_cp1251_and_rejects():
    assert decode("Привет, мир".encode("utf-8-sig")) == "Привет, мир"
    assert decode("Университет подписал меморандум".encode("cp1251")) == "Университет подписал меморандум"
    with pytest.raises(UnusableFile, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(UnusableFile, match="UTF-8"):
        decode(bytes(range(128, 256)) * 4)


def test_bad_files_are_skipped_with_a_reason_and_the_rest_loaded(tmp_path):
    (tmp_path / "good.txt").write_text("A proper article about a memorandum between two universities in Almaty.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "cp1251.txt").write_bytes(
        "Университет подписал меморандум о сотрудничестве с городом.".encode("cp1251")
    )
    (tmp_path / "huge.txt").write_text("word " * 300_000)
    (tmp_path / "short.md").write_text("Главная\nНовости\n")
    (tmp_path / "notes.csv").write_text("ignored,file")
    result = load_corpus(tmp_path, max_mb=1)
    assert sorted(a.id for a in result.articles) == ["cp1251", "good"]
    reasons = {s.path.name: s.reason for s in result.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.txt", "short.md"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["huge.txt"] and "ASSISTANT_MAX_FILE_MB" in reasons["huge.txt"]
    assert "skipped empty.txt: empty file" in [str(s) for s in result.skipped]


def test_side_file_overrides_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Some heading of the news\n\nThe body of the article, " + "words " * 20 + ".")
    (tmp_path / "a.meta.yaml").write_text("title: Corrected title\ndate: 2024-01-31\npublisher: KazNU press\n")
    art = load_corpus(tmp_path).articles[0]
    assert (art.title, art.date, art.publisher) == ("Corrected title", "2024-01-31", "KazNU press")


def test_bad_side_file_skips_the_article_with_a_clear_reason(tmp_path):
    (tmp_path / "a.txt").write_text("The body of the article, " + "words " * 20 + ".")
    (tmp_path / "a.meta.json").write_text('{"date": "yesterday"}')
    result = load_corpus(tmp_path)
    assert not result.articles
    assert "YYYY-MM-DD" in result.skipped[0].reason


def test_same_stem_twice_is_reported(tmp_path):
    (tmp_path / "a.txt").write_text("The body of the article, " + "words " * 20 + ".")
    (tmp_path / "a.md").write_text("Another body of an article, " + "words " * 20 + ".")
    result = load_corpus(tmp_path)
    assert len(result.articles) == 1 and "same id" in result.skipped[0].reason


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="ASSISTANT_CORPUS_DIR"):
        load_corpus(tmp_path / "nope")


def test_content_hash_changes_with_text_or_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("The body of the article, " + "words " * 20 + ".")
    h1 = load_corpus(tmp_path).articles[0].content_hash
    (tmp_path / "a.meta.yaml").write_text("title: New title\n")
    h2 = load_corpus(tmp_path).articles[0].content_hash
    assert h1 != h2
    assert load_corpus(tmp_path).articles[0].content_hash == h2
