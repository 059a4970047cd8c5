"""A tiny index of literal texts for tests whose point is the answerer, not the embedder (hashing vectors)."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths

#: The embedder of these indexes: vectors from hashed words, no model to load.
HASHING_EMBEDDER = "hashing:64"


def index_texts(folder: Path, texts: dict[str, str]):
    """Write each text to ``folder/name`` and ingest them all: ``(settings, store)``; every file must be added."""
    from index.store import IndexStore
    from settings import load_settings

    paths = []
    for name, text in texts.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    settings = load_settings({}, data_dir=folder / "data", embedding_model=HASHING_EMBEDDER, corpus_dir=folder)
    store = IndexStore(settings)
    assert len(ingest_paths(paths, settings, store).added) == len(paths)
    return settings, store
