"""The package as users install it: build the wheel, install it into a fresh venv, answer from elsewhere."""

import os
import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT, SEEDS

UV = shutil.which("uv")


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh venv holding the built wheel and the locked dependencies (from uv's cache)."""
    if UV is None:
        pytest.fail("uv is not on PATH: install it with 'pip install uv' (the README's first step)")
    where = tmp_path_factory.mktemp("wheel")
    run = {"capture_output": True, "text": True, "timeout": 600, "check": True}
    subprocess.run([UV, "build", "--wheel", "--out-dir", str(where / "dist"), str(ROOT)], **run)
    (wheel,) = (where / "dist").glob("news_assistant-*.whl")
    subprocess.run(
        [
            UV,
            "export",
            "--frozen",
            "--no-dev",
            "--no-emit-project",
            "--no-hashes",
            "-q",
            "-o",
            str(where / "requirements.txt"),
        ],
        cwd=ROOT,
        **run,
    )
    subprocess.run([UV, "venv", "-q", "--python", sys.executable, str(where / "venv")], **run)
    env = {**os.environ, "VIRTUAL_ENV": str(where / "venv")}
    subprocess.run([UV, "pip", "install", "-q", "-r", str(where / "requirements.txt"), str(wheel)], env=env, **run)
    return where


def assistant_cmd(installed, *args, env=None):
    """`assistant …` from the venv, run in a folder outside the checkout, with no project env around."""
    home = installed / "elsewhere"
    home.mkdir(exist_ok=True)
    if not (home / "articles").exists():
        shutil.copytree(SEEDS, home / "articles")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "VIRTUAL_ENV", "UV_"))}
    clean.update({"ASSISTANT_CORPUS_DIR": "articles", "ASSISTANT_STORE_DIR": "store", **(env or {})})
    return subprocess.run(
        [str(installed / "venv" / "bin" / "assistant"), *args],
        cwd=home,
        env=clean,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def indexed(installed):
    ingest = assistant_cmd(installed, "ingest")
    assert ingest.returncode == 0, ingest.stderr
    return installed


@pytest.mark.slow
def test_installed_wheel_answers_from_a_folder_outside_the_checkout(indexed):
    installed = indexed
    site = subprocess.run(
        [
            str(installed / "venv" / "bin" / "python"),
            "-c",
            "import assistant, pathlib; print(pathlib.Path(assistant.__file__).parent)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=installed,
    ).stdout.strip()
    assert str(ROOT) not in site, "the venv imported the checkout, not the wheel"
    assert sorted(p.name for p in (installed.joinpath(site) / "data" / "prompts").glob("*.md")) == sorted(
        p.name for p in (ROOT / "prompts").glob("*.md")
    )
    ask = assistant_cmd(installed, "ask", "Who opened the ESG session at METU?")
    assert ask.returncode == 0, ask.stderr
    assert "Akpanbetov" in ask.stdout and "Sources" in ask.stdout


@pytest.mark.slow
def test_installed_wheel_honours_the_prompts_override(indexed, tmp_path):
    installed = indexed
    shutil.copytree(ROOT / "prompts", tmp_path / "my-prompts")
    ok = assistant_cmd(
        installed,
        "ask",
        "Who opened the ESG session at METU?",
        env={"ASSISTANT_PROMPTS_DIR": str(tmp_path / "my-prompts")},
    )
    assert ok.returncode == 0 and "Akpanbetov" in ok.stdout, ok.stderr
    (tmp_path / "my-prompts" / "answer_user.md").unlink()
    missing = assistant_cmd(
        installed,
        "ask",
        "Who opened the ESG session at METU?",
        env={"ASSISTANT_PROMPTS_DIR": str(tmp_path / "my-prompts")},
    )
    assert missing.returncode == 2 and "answer_user.md is missing" in missing.stderr
    assert "Traceback" not in missing.stderr
