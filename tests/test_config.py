import pytest

from assistant.config import get_settings
from assistant.errors import ConfigError


def test_defaults():
    s = get_settings()
    assert (s.collection, s.top_k, s.answer_k, s.embedding, s.llm) == ("news", 4, 6, "e5", "offline")


def test_dotenv_file_in_the_working_directory(isolated_env, monkeypatch):
    (isolated_env / ".env").write_text("ASSISTANT_TOP_K=7\nOPENAI_BASE_URL=http://127.0.0.1:1234/v1\n")
    s = get_settings()
    assert s.top_k == 7 and s.openai_base_url == "http://127.0.0.1:1234/v1"
    monkeypatch.setenv("ASSISTANT_TOP_K", "9")  # the environment wins over .env
    assert get_settings().top_k == 9


def test_cli_overrides_win_and_none_means_not_given(monkeypatch):
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "http://127.0.0.1:8000")
    assert get_settings(chroma_url=None).chroma_url == "http://127.0.0.1:8000"
    assert get_settings(chroma_url="http://127.0.0.1:9000").chroma_url == "http://127.0.0.1:9000"


def test_blank_values_count_as_unset(monkeypatch):
    monkeypatch.setenv("ASSISTANT_CHROMA_URL", "  ")
    assert get_settings().chroma_url is None


@pytest.mark.parametrize(
    "var, value", [("ASSISTANT_TOP_K", "0"), ("ASSISTANT_LLM", "gpt"), ("ASSISTANT_CHUNK_WORDS", "1000")]
)
def test_invalid_values_name_the_setting(monkeypatch, var, value):
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError, match=var.removeprefix("ASSISTANT_").lower()):
        get_settings()


def env_names() -> set[str]:
    """Every environment variable Settings reads (its alias, else ASSISTANT_ + the field name)."""
    from pydantic import AliasChoices

    from assistant.config import Settings

    names = set()
    for field, info in Settings.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names.update(str(choice) for choice in alias.choices)
        else:
            names.add(f"ASSISTANT_{field.upper()}")
    return names


def test_readme_settings_table_matches_settings():
    import re

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    first_cells = re.findall(r"^\|([^|]*`[A-Z_]+`[^|]*)\|", table, re.MULTILINE)
    documented = {name for cell in first_cells for name in re.findall(r"`([A-Z_]+)`", cell)}
    edge_only = {"ASSISTANT_DEBUG"}  # read by the CLI before settings load: it shows tracebacks of bad settings
    assert documented - edge_only == env_names(), (
        f"undocumented: {sorted(env_names() - documented)}; documented but unknown: "
        f"{sorted(documented - edge_only - env_names())}"
    )
