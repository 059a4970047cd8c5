"""The lexical state: the BM25 index of the current passages, plain data about each passage, the accent model and
the document records it was built from. Searches read it instead of Chroma.

It is a derived cache, kept in one folder (``LEXICAL_DIR``) and written atomically: built from Chroma's rows,
stamped with the fingerprint of the document records, and rebuilt whenever it is missing, damaged, of another
format or stale (:meth:`index.store.IndexStore.lexical` decides when).

>>> from index.lexical import LexicalIndex, passage_terms
>>> p = Passage("a@1#0", "a", "Kiểm tra trong quý III/2021.", 0, 28, "II. THỜI GIAN")
>>> state = build_lexical_state([(p, {"tinh": "Kiên Giang", "nam": "2021"}, passage_terms(p.text, segment=False))],
...                             {}, "f", None)
>>> state.meta["a@1#0"]["dated"], state.doc_ids, state.restorer.restore("kiem tra")
(True, ['a'], 'kiểm tra')

What a reader derives from one state (the provinces it names, the plans with schedules…) goes through its memo:
computed once per state, dropped with it (:meth:`LexicalState.memo`).

>>> state.memo("documents", lambda s: len(s.doc_ids))
1
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

import numpy as np

from index.accents import accent_model_files, load_accent_model
from index.lexical import K1, B, LexicalIndex
from index.model import SCHEDULE_FACTS, Passage, document_years
from textnorm.diacritics import DiacriticRestorer
from textnorm.patterns import has_time_expression
from textnorm.terms import is_english

log = logging.getLogger(__name__)

#: Plain data about each passage, in the cache folder beside the BM25 files.
PASSAGES_FILE = "passages.json"
#: Version of :data:`PASSAGES_FILE`; a cache of another version is rebuilt. 2: each passage's kind, section and
#: whether it states a time, from which the retriever derives its features (1, unversioned: the features themselves);
#: 3: whether it is written in English (:func:`textnorm.terms.is_english`).
PASSAGES_FORMAT = 3

#: What a memo entry holds: whatever its compute function returns.
T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class LexicalState:
    """BM25 index, plain data of each indexed passage (:func:`passage_data`), accent model, and the document records
    it was built from. One state is one snapshot of the index: states compare by identity, and what a reader derives
    from one is kept in its :meth:`memo`, so a new state starts with none and an old one takes its data with it."""

    index: LexicalIndex
    meta: dict
    restorer: DiacriticRestorer
    records: dict = field(default_factory=dict)
    #: Facts derived at ingest (ingest.facts): kind (index.model.FACT_KINDS) → doc_id → JSON of its current version
    derived: dict = field(default_factory=dict)
    #: What readers derived from this state, by key (:meth:`memo`); never compared, never given to a new state.
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def memo(self, key: Hashable, compute: Callable[["LexicalState"], T]) -> T:
        """``compute(self)``, computed once per state and kept with it: the one place for data derived from a
        state (a module-level cache would hold an old state alive, or pair a state with another's data).

        Args:
            key: names what is derived; a module's own name as prefix keeps keys apart ("schedule.plans").
            compute: a function of the state; its value must not hold the state itself (it is kept by it).

        Returns:
            The value computed first for ``key`` (two threads racing may both compute it; one value is kept).

        >>> state = LexicalState(LexicalIndex.build(["a#0"], [["sở"]]), {"a#0": {"doc_id": "a"}}, None)
        >>> state.memo("example.documents", lambda s: list(s.doc_ids))
        ['a']
        >>> state.memo("example.documents", lambda s: ["not computed again"])
        ['a']
        >>> import dataclasses
        >>> dataclasses.replace(state, records={}).memo("example.documents", lambda s: [])  # a new state: empty
        []
        """
        try:
            return self._memo[key]
        except KeyError:
            return self._memo.setdefault(key, compute(self))

    @property
    def schedules(self) -> dict[str, str]:
        """doc_id → inspection-schedule facts (JSON) of its current version: the schedule kind of :attr:`derived`."""
        return self.derived.get(SCHEDULE_FACTS, {})

    @cached_property
    def passage_docs(self) -> np.ndarray:
        """For each indexed passage (in index order), the position of its document in :attr:`doc_ids`."""
        position = {doc_id: i for i, doc_id in enumerate(self.doc_ids)}
        return np.asarray([position.get(self.meta.get(pid, {}).get("doc_id"), -1) for pid in self.index.ids],
                          dtype=np.int64)

    @cached_property
    def doc_ids(self) -> list[str]:
        """The indexed documents, sorted."""
        return sorted({m.get("doc_id", "") for m in self.meta.values()})

    @cached_property
    def doc_meta(self) -> dict[str, dict]:
        """Metadata of each indexed document (tinh, nam, years, loai_van_ban), read from its first passage."""
        out: dict[str, dict] = {}
        for pid in self.index.ids:
            m = self.meta.get(pid, {})
            out.setdefault(m.get("doc_id"), m)
        return out


def passage_data(passage: Passage, document: dict) -> dict:
    """What a search reads about one passage without fetching it: its document (doc_id, province, years, type) and
    itself (kind, section, whether its text states a time, whether it is written in English).

    >>> p = Passage("a@1#2", "a", "Thời gian kiểm tra: quý III/2022.", 0, 33, "II. THỜI GIAN", "list")
    >>> data = passage_data(p, {"tinh": "Hà Nam", "nam": 2022, "ky_ke_hoach": "2022-2023"})
    >>> data["nam"], data["years"], data["kind"], data["dated"], data["english"]
    ('2022', ['2022', '2023'], 'list', True, False)
    """
    return {"doc_id": passage.doc_id, "tinh": document.get("tinh", ""), "nam": str(document.get("nam", "")),
            "years": document_years(document), "loai_van_ban": document.get("loai_van_ban", ""),
            "kind": passage.kind, "section": passage.section, "dated": has_time_expression(passage.text),
            "english": is_english(passage.text)}


def build_lexical_state(rows: list[tuple[Passage, dict, list[str]]], records: dict, fingerprint: str,
                        folder: Path | None, derived: dict | None = None, *, k1: float = K1,
                        b: float = B) -> LexicalState:
    """Build the state of the current passages and save it as the cache.

    Args:
        rows: each current passage with its document's metadata and its BM25 terms, in index order.
        records: the document records the rows belong to (``IndexStore.records()``).
        fingerprint: the stamp of those records, saved with the index.
        folder: where the cache is written (``None``: kept in memory only); a folder that cannot be written is
            logged and the state served from memory.
        derived: kind → doc_id → facts (JSON) of the current versions (``IndexStore.derived``).
        k1, b: BM25's parameters (:data:`index.lexical.K1`, :data:`index.lexical.B`), saved with the index.

    Returns:
        The new :class:`LexicalState`.
    """
    ids = [passage.id for passage, _, _ in rows]
    meta = {passage.id: passage_data(passage, document) for passage, document, _ in rows}
    lex = LexicalIndex.build(ids, [terms for _, _, terms in rows], fingerprint, k1=k1, b=b)
    restorer = DiacriticRestorer.from_texts([passage.text for passage, _, _ in rows])
    if folder is not None:
        passages = json.dumps({"format": PASSAGES_FORMAT, "passages": meta}, ensure_ascii=False).encode("utf-8")
        try:
            lex.save(folder, extras={PASSAGES_FILE: passages, **accent_model_files(restorer)})
        except OSError as exc:  # read-only data dir: serve from memory
            log.warning("Không ghi được chỉ mục từ khóa: %s", exc)
    return LexicalState(lex, meta, restorer, records, derived or {})


def load_lexical_state(folder: Path, index: LexicalIndex, records: dict, derived: dict) -> LexicalState:
    """The cached state around an already loaded BM25 ``index`` (whose fingerprint the caller has checked).

    Raises:
        ValueError: the passages' data or the accent model is missing, damaged or of another format.
    """
    return LexicalState(index, _load_passages(folder), load_accent_model(folder), records, derived)


def _load_passages(folder: Path) -> dict:
    try:
        data = json.loads((folder / PASSAGES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"dữ liệu đoạn văn ở {folder} thiếu hoặc bị hỏng ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != PASSAGES_FORMAT or not isinstance(data.get("passages"),
                                                                                              dict):
        raise ValueError(f"dữ liệu đoạn văn ở {folder} có định dạng cũ hoặc bị hỏng")
    return data["passages"]


#: A lexical temp folder younger than this may be a save running now in another process (an app instance rebuilds
#: its cache outside the ingest lock); older ones were left by a process killed mid-save.
TEMP_MIN_AGE_SECONDS = 600.0


def remove_leftover_saves(folder: Path, *, min_age: float = TEMP_MIN_AGE_SECONDS, now: float | None = None) -> int:
    """Remove what a save of the cache at ``folder`` killed half-way leaves beside it (the ``.lexical-XXXX`` temp
    folders of :meth:`index.lexical.LexicalIndex.save`, and ``<folder>.old``) when older than ``min_age`` seconds;
    returns how many. The cache itself is never touched (it is rebuilt from Chroma anyway when damaged)."""
    import shutil
    import time

    parent = Path(folder).parent
    if not parent.is_dir():
        return 0
    now = time.time() if now is None else now
    old = Path(folder).with_name(Path(folder).name + ".old")
    leftovers = [p for p in parent.iterdir() if p.name.startswith(".lexical-") or p == old]
    removed = 0
    for path in leftovers:
        try:
            if now - path.lstat().st_mtime < min_age:
                continue
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
            removed += 1
        except FileNotFoundError:  # removed meanwhile by the save that made it
            continue
    return removed


__all__ = ["LexicalState", "PASSAGES_FILE", "PASSAGES_FORMAT", "passage_data", "build_lexical_state",
           "load_lexical_state", "remove_leftover_saves", "TEMP_MIN_AGE_SECONDS"]
