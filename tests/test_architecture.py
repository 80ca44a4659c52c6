"""Import rules that keep the pipeline layered (DESIGN: imports point downward only)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"

# The stages, lowest first: a module may import its own stage and the ones below it, never above.
# The interfaces come last; the command line is on top because it starts the others (`assistant serve`).
STAGES = [
    "errors",
    "records",
    "config",
    "service",
    "ledger",
    "text",
    "corpus",
    "index",
    "retrieval",
    "answer",
    "evaluation",
    "feedback",
    "staff",
    "pictures",
    "examples",
    "core",
    "ui",
    "api",
    "cli",
]
INTERFACES = {"cli", "ui", "api"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the package
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[: -node.level]
                base = ".".join(parts + ((base,) if base else ()))
            names.add(base)
            names.update(f"{base}.{a.name}" for a in node.names)
    return names


MODULES = {p: imports_of(p) for p in PACKAGE.rglob("*.py")}


def stage_of(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def who_imports(prefix: str) -> set[str]:
    return {
        p.relative_to(PACKAGE).as_posix()
        for p, names in MODULES.items()
        if any(n == prefix or n.startswith(prefix + ".") for n in names)
    }


def test_every_module_belongs_to_a_stage():
    unknown = {p.relative_to(PACKAGE).as_posix() for p in MODULES} - {"__init__.py", "__main__.py"}
    unknown = {m for m in unknown if m.split("/")[0].removesuffix(".py") not in STAGES}
    assert not unknown, f"place these in a stage (or add the stage to STAGES): {sorted(unknown)}"


def test_lower_stages_do_not_import_higher_ones():
    level = {name: i for i, name in enumerate(STAGES)}
    broken = []
    for path, names in MODULES.items():
        me = stage_of(path)
        if me not in level:
            continue
        for n in names:
            parts = n.split(".")
            if parts[0] == "assistant" and len(parts) > 1 and parts[1] in level and level[parts[1]] > level[me]:
                broken.append(f"{path.relative_to(PACKAGE)} imports {n}")
    assert not broken, broken


def test_no_stage_imports_an_interface():
    for interface in INTERFACES:
        importers = {m.split("/")[0].removesuffix(".py") for m in who_imports(f"assistant.{interface}")}
        assert importers <= INTERFACES | {"__main__"}, (interface, importers - INTERFACES)


def test_only_the_store_talks_to_chromadb():
    assert who_imports("chromadb") == {"index/store.py", "index/chroma_http.py"}  # the latter: its HTTP client


def test_openai_client_only_in_its_adapters():
    assert who_imports("openai") <= {"answer/models/openai.py", "index/embeddings.py"}
    assert who_imports("langchain_openai") == {"answer/models/openai.py"}


def test_each_framework_only_in_its_interface():
    assert {m.split("/")[0] for m in who_imports("click")} == {"cli"}
    assert {m.split("/")[0] for m in who_imports("gradio")} <= {"ui"}
    assert {m.split("/")[0] for m in who_imports("fastapi")} <= {"api"}
    # documents are read in one place and written in one place; feeds are parsed in one place
    assert who_imports("docx") == {"staff/docx_export.py", "corpus/formats.py"}
    assert who_imports("pypdf") == who_imports("trafilatura") == {"corpus/formats.py"}
    assert who_imports("feedparser") == {"corpus/feeds.py"}
    # pictures are drawn in one stage, and the graph laid out in one module
    assert {m.split("/")[0] for m in who_imports("plotly")} == {"pictures"}
    assert who_imports("networkx") == {"pictures/network.py"}


def test_the_tokenizer_and_script_rules_have_one_home():
    """One Cyrillic test and one tokenizer: nobody else spells the Cyrillic range or stems words."""
    cyrillic_range = "\\u0400"
    spelled = {p.relative_to(PACKAGE).as_posix() for p in MODULES if cyrillic_range in p.read_text()}
    assert spelled == {"text/script.py"}
    assert who_imports("Stemmer") == {"text/tokens.py"}
