"""A copy of the index's manifest kept outside Chroma, in ``DATA_DIR/manifest.json``: which files the index holds
(source path, resolved path, content version, doc id). When the Chroma database is damaged or lost, ingest rebuilds
the index from these files, so uploads and documents ingested from other folders come back too. Ingest writes it;
the retriever reads it to say what a rebuild would bring back.

>>> import tempfile
>>> from pathlib import Path
>>> from settings import load_settings
>>> s = load_settings({}, data_dir=Path(tempfile.mkdtemp()))
>>> read_manifest(s)
[]
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

FORMAT = 1


def write_manifest(settings: Settings, records: dict, paths: dict[str, Path]) -> None:
    """Write the manifest atomically (a reader sees the old file or the new one).

    Args:
        settings: where ``manifest.json`` lives.
        records: ``IndexStore.records()`` after the ingest.
        paths: source → resolved file path, for the sources this process knows the file of.
    """
    documents = []
    for doc_id, record in sorted(records.items()):
        path = paths.get(record.source) or source_path(record.source)
        documents.append({"doc_id": doc_id, "source": record.source, "path": str(path), "version": record.version})
    data = {"format": FORMAT, "written": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "documents": documents}
    write_atomically(settings.manifest_path, json.dumps(data, ensure_ascii=False, indent=1))


def write_atomically(target: Path, text: str) -> None:
    """Write a small text file so that a reader sees the old file or the new one, never a part (a file beside it,
    then one rename); the folder is made when missing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)


def read_manifest(settings: Settings) -> list[dict]:
    """The documents the manifest lists (empty when there is none or it cannot be read)."""
    try:
        data = json.loads(settings.manifest_path.read_text(encoding="utf-8"))
        return [d for d in data.get("documents", []) if isinstance(d, dict) and d.get("path")]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("Không đọc được %s: %s", settings.manifest_path, exc)
        return []


def source_path(source: str) -> Path:
    """The file a stored source names: relative sources are relative to the project root.

    >>> source_path("corpus/a.txt") == PROJECT_ROOT / "corpus" / "a.txt", source_path("/srv/a.txt").as_posix()
    (True, '/srv/a.txt')
    """
    path = Path(source)
    return path if path.is_absolute() else PROJECT_ROOT / path


__all__ = ["write_manifest", "read_manifest", "source_path", "write_atomically"]
