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
