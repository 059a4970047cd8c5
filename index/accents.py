"""Storage of the accent (diacritics) model: the syllable counts of the indexed text that restore the accents of a
question typed without them. It is built with the BM25 cache from the same passages and saved in the same folder,
in one atomic write, so the two always describe the same documents.

>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> for name, data in accent_model_files(DiacriticRestorer.from_texts(["Sở Nội vụ chủ trì"])).items():
...     _ = (folder / name).write_bytes(data)
>>> load_accent_model(folder).restore("so noi vu")
'sở nội vụ'
"""

from __future__ import annotations

from pathlib import Path

from textnorm.diacritics import DiacriticRestorer

#: The model's file in the lexical cache folder.
ACCENT_MODEL_FILE = "restore.json"


def accent_model_files(model: DiacriticRestorer) -> dict[str, bytes]:
    """The files that hold ``model``, by name, for :meth:`index.lexical.LexicalIndex.save` to write with the index."""
    return {ACCENT_MODEL_FILE: model.to_json().encode("utf-8")}


def load_accent_model(folder: Path) -> DiacriticRestorer:
    """The model saved in ``folder``.

    Raises:
        ValueError: the file is missing, unreadable, or not a model (damaged or hand-edited).
    """
    try:
        return DiacriticRestorer.from_json((folder / ACCENT_MODEL_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"mô hình khôi phục dấu ở {folder} thiếu hoặc bị hỏng ({exc})") from exc


__all__ = ["ACCENT_MODEL_FILE", "accent_model_files", "load_accent_model"]
