"""A tiny index of literal texts for tests whose point is the answerer, not the embedder (hashing vectors)."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import ingest_paths

#: The embedder of these indexes: vectors from hashed words, no model to load.
HASHING_EMBEDDER = "hashing:64"
#: A small plan with a header, a number, a date and one inspected pair of departments (no signature): the scope tests'
#: document of a known province, year and number.
HA_NAM_PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 12/KH-UBND
Hà Nam, ngày 10 tháng 01 năm 2022
KẾ HOẠCH
Kiểm tra công tác cải cách hành chính năm 2022
I. ĐỐI TƯỢNG KIỂM TRA
Sở Xây dựng và Sở Giao thông vận tải được kiểm tra trong quý II năm 2022.
"""


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
