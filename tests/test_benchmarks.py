"""The benchmark scripts still import what they use (they run by hand, so nothing else would notice)."""

import runpy
import sys

import pytest

from .conftest import ROOT

HELPERS = {"baseline.py", "serving.py"}  # modules the scripts import
SCRIPTS = sorted((ROOT / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_benchmark_script_loads(script, monkeypatch):
    monkeypatch.syspath_prepend(str(script.parent))
    namespace = runpy.run_path(str(script), run_name="benchmark_under_test")  # top level only, not main()
    assert "main" in namespace or script.name in HELPERS
    for helper in HELPERS:
        sys.modules.pop(helper.removesuffix(".py"), None)


def _run_json(*args: str) -> dict:
    import json
    import subprocess

    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_scale_benchmark_measures_a_small_generated_corpus():
    figures = _run_json("benchmarks/scale.py", "--articles", "4", "--embedding", "minilm", "--json")
    assert figures["articles"] == 4 and figures["chunks"] >= 4 and figures["embedded"] == figures["chunks"]
    assert figures["reingest_embedded"] == 0  # nothing changed, nothing embedded
    for key in ("ingest_s", "chunks_per_s", "model_chunks_per_s", "reingest_s", "search_p50_ms", "search_p95_ms"):
        assert figures[key] > 0, key
    assert figures["answer_p95_ms"] >= figures["answer_p50_ms"] > 0 and figures["rss_mb"] > 50
    assert figures["store_mb"] > 0


def test_load_benchmark_counts_requests_and_errors():
    figures = _run_json("benchmarks/load.py", "--users", "3", "--seconds", "3", "--think", "0.1,0.3", "--json")
    assert figures["errors"] == 0 and figures["requests"] >= 6
    assert sum(k["requests"] for k in figures["kinds"].values()) == figures["requests"]
    assert figures["p95_ms"] >= figures["p50_ms"] > 0
