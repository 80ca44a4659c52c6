"""Import rules that keep the pipeline layered (DESIGN: imports point downward only)."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the package
                parts = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level]
                base = ".".join(parts + ((base,) if base else ()))
            names.add(base)
            names.update(f"{base}.{a.name}" for a in node.names)
    return names


MODULES = {p: imports_of(p) for p in PACKAGE.rglob("*.py")}


def who_imports(prefix: str) -> set[str]:
    return {p.relative_to(PACKAGE).as_posix() for p, names in MODULES.items()
            if any(n == prefix or n.startswith(prefix + ".") for n in names)}


def test_only_the_index_talks_to_chromadb():
    assert who_imports("chromadb") == {"index.py"}


def test_openai_client_only_in_its_adapters():
    assert who_imports("openai") <= {"models/openai.py", "embeddings.py"}
    assert who_imports("langchain_openai") == {"models/openai.py"}


def test_library_does_not_import_interfaces():
    for interface in ("assistant.cli", "assistant.ui", "assistant.api"):
        assert who_imports(interface) <= {"__main__.py"}, interface
    assert who_imports("click") == {"cli.py"}


def test_lower_stages_do_not_import_higher_ones():
    order = ["types", "errors", "config", "cleaning", "metadata", "corpus", "sentences", "embeddings", "chunking",
             "lexical", "crosslingual", "index", "retrieval", "question", "citations", "prompts", "models",
             "answer", "evalset", "metrics", "evaluation", "app"]
    level = {name: i for i, name in enumerate(order)}
    for path, names in MODULES.items():
        me = path.relative_to(PACKAGE).with_suffix("").parts[0]
        if me not in level:
            continue
        for n in names:
            parts = n.split(".")
            if parts[0] == "assistant" and len(parts) > 1 and parts[1] in level:
                assert level[parts[1]] <= level[me], (me, n)
