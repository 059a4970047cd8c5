"""The only module that talks to Chroma.

Two collections: ``<name>`` holds passages with their vectors; ``<name>_docs`` holds one record per document
(cleaned text, metadata, content hash) and is the manifest every app instance shares. Passage ids carry the
document's content version, and a document's record is written only after all its passages: a reader follows
the record, so an ingest killed half-way leaves the previous version searchable.

Both live in a *generation*: ``<name>`` / ``<name>_docs`` for the first one, ``<name>_<generation>`` /
``<name>_<generation>_docs`` for each rebuild. A rebuild writes a new generation while searches keep reading the
active one, then swaps a pointer record (collection ``<name>_pointer``) in one write; every instance re-reads the
pointer when it checks the fingerprint, so all of them follow the swap.

A lexical (BM25) index is kept beside it as a derived cache, stamped with the fingerprint of the document records
it was built from; when the stamp does not match (another instance ingested, a crash, a damaged file), it is
rebuilt from Chroma.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from errors import IndexDamaged, IndexUnavailable
from index.embedders import Embedder, make_embedder
from index.lexical import LexicalIndex, passage_terms
from index.model import OPENING_SECTION, Document, Passage, document_years
from settings import Settings
from textnorm.diacritics import DiacriticRestorer
from textnorm.gazetteer import canonical_province
from textnorm.patterns import has_time_expression

log = logging.getLogger(__name__)

_PASSAGE_FIELDS = ("doc_id", "version", "section", "kind", "start", "end")
_POINTER_ID = "active"
#: First and longest pause between two attempts to reach a Chroma server that stopped answering, in seconds.
_RETRY_FIRST, _RETRY_LONGEST = 0.2, 2.0
_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class LexicalState:
    """BM25 index, metadata of each indexed passage (doc_id, tinh, nam, loai_van_ban, time, opening), diacritics
    model, and the document records it was built from (searches read them here, not from Chroma)."""

    index: LexicalIndex
    meta: dict
    restorer: DiacriticRestorer
    records: dict = field(default_factory=dict)
    #: schedule hook (issue 14): doc_id → schedule facts (JSON) of its current version, see ingest.schedule
    schedules: dict = field(default_factory=dict, compare=False)

    @cached_property
    def passage_docs(self) -> np.ndarray:
        """For each indexed passage (in index order), the position of its document in :attr:`doc_ids`."""
        position = {doc_id: i for i, doc_id in enumerate(self.doc_ids)}
        return np.asarray([position.get(self.meta.get(pid, {}).get("doc_id"), -1) for pid in self.index.ids],
                          dtype=np.int64)

    @cached_property
    def doc_ids(self) -> list[str]:
        return sorted({m.get("doc_id", "") for m in self.meta.values()})

    @cached_property
    def doc_meta(self) -> dict[str, dict]:
        """Metadata of each indexed document (tinh, nam, loai_van_ban), read from its first passage."""
        out: dict[str, dict] = {}
        for pid in self.index.ids:
            m = self.meta.get(pid, {})
            out.setdefault(m.get("doc_id"), m)
        return out

    @cached_property
    def province_names(self) -> dict[str, set[str]]:
        """Each indexed province (canonical name) → the names its documents give it ("Hà Nội", "TP. Hà Nội")."""
        out: dict[str, set[str]] = {}
        for m in self.doc_meta.values():
            tinh = m.get("tinh", "")
            if tinh:
                out.setdefault(canonical_province(tinh) or tinh, set()).add(tinh)
        return out

    def documents_where(self, keep) -> np.ndarray:
        """Boolean mask over passages whose document's metadata satisfies ``keep(doc_id, doc_meta)``."""
        wanted = np.asarray([keep(d, self.doc_meta.get(d, {})) for d in self.doc_ids] + [False], dtype=bool)
        return wanted[self.passage_docs]


@dataclass(frozen=True)
class DocRecord:
    doc_id: str
    source: str
    title: str
    version: str
    metadata: dict
    n_passages: int
    written: str = ""  # changes on every write, so caches built before it are recognised as stale


def _version(doc: Document) -> str:
    return (doc.content_hash or hashlib.sha256(doc.text.encode()).hexdigest())[:12]


def is_opening(passage: Passage) -> bool:
    """The passages that say what a document is: its title, or the opening text before section I. (the number,
    date, bases and signature are their own passages and say which, when, why and who)."""
    return passage.kind == "title" or (passage.section == OPENING_SECTION and passage.kind in ("text", "list"))


def index_text(passage: Passage, metadata: dict) -> str:
    """What the embedder and BM25 see: the document label and section path, then the passage.

    >>> index_text(Passage("a:0", "a", "Quý III/2021.", 0, 13, "II. THỜI GIAN"), {"tinh": "Kiên Giang", "nam": "2021"})
    'Văn bản – Kiên Giang, 2021 | II. THỜI GIAN\\nQuý III/2021.'
    """
    from index.model import KIND_LABELS, document_label

    label = document_label(metadata, metadata.get("tieu_de", ""))
    title = metadata.get("tieu_de", "")
    parts = (label, title if title and title not in label else "", passage.section, KIND_LABELS.get(passage.kind, ""))
    head = " | ".join(x for x in parts if x)
    return f"{head}\n{passage.text}"


class IndexStore:
    """Chroma collections + lexical cache for one settings object. Thread-safe for readers."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None, client=None, *,
                 generation: str | None = None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._client = client
        #: a store made by :meth:`new_generation` is pinned to it; others follow the pointer record
        self._pinned = generation is not None
        self._generation = generation
        self._reached = False  # a server that answered once is retried when it stops answering
        self._lock = threading.RLock()
        self._lexical: LexicalState | None = None
        self._checked_at = 0.0
        self._collections: dict = {}
        self.messages: list[str] = []
        #: what the app's first start did to build the index ("" when it was ready), shown once by the app
        self.first_start = ""
        #: seconds a search trusts its lexical cache before checking Chroma for another instance's ingest
        self.freshness_seconds = 5.0

    # -- connections -------------------------------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = make_embedder(self.settings.embedding_model)
        return self._embedder

    @property
    def client(self):
        if self._client is None:
            with self._lock:
                if self._client is None:
                    self._client = _make_client(self.settings)
        return self._client

    def _collection(self, name: str, metadata: dict | None = None):
        cached = self._collections.get(name)
        if cached is not None:
            return cached
        try:
            collection = self._retrying(lambda: self.client.get_or_create_collection(
                name, metadata=metadata, embedding_function=None))
        except IndexUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001
            raise IndexUnavailable(_connection_message(self.settings, exc)) from exc
        self._collections[name] = collection
        return collection

    def _retrying(self, call):
        """Run one Chroma call. A server that answered before and stops answering (restart, network) is retried
        with growing pauses for ``CHROMA_RETRY_SECONDS``; a collection swapped away by a rebuild elsewhere sends
        the store to the active generation once. Gives up with :class:`IndexUnavailable` (a Vietnamese message)."""
        deadline = time.monotonic() + self.settings.chroma_retry_seconds
        pause, followed = _RETRY_FIRST, False
        while True:
            try:
                result = call()
                self._reached = True
                return result
            except Exception as exc:  # noqa: BLE001 - sorted below
                if _is_missing_collection(exc) and not followed and not self._pinned:
                    followed = True
                    self.refresh_generation(force=True)
                    continue
                if not (_is_transient(exc) and self._reached) or time.monotonic() + pause > deadline:
                    if _is_transient(exc) or _is_missing_collection(exc):
                        raise IndexUnavailable(_connection_message(self.settings, exc)) from exc
                    raise
                log.warning("Chroma không trả lời (%s); thử lại sau %.1f giây", exc, pause)
                time.sleep(pause)
                pause = min(pause * 2, _RETRY_LONGEST)

    def reset(self) -> None:
        """Forget the client and everything read through it (after the database folder was moved aside)."""
        with self._lock:
            self._client = None
            self._collections.clear()
            self._lexical = None
            if not self._pinned:
                self._generation = None
            self._reached = False

    # -- generations ---------------------------------------------------------------------------------------------
    @property
    def generation(self) -> str:
        """The generation this store reads and writes ("" for the first one)."""
        if self._generation is None:
            self._generation = self._active_generation()
        return self._generation

    def _names(self) -> tuple[str, str, str]:
        """Passages, document records and schedule facts of this generation."""
        base = f"{self.settings.collection}_{self.generation}" if self.generation else self.settings.collection
        return base, base + "_docs", base + "_schedule"

    @property
    def _pointer(self):
        return self._collection(self.settings.collection + "_pointer")

    def _active_generation(self) -> str:
        got = self._retrying(lambda: self._pointer.get(ids=[_POINTER_ID], include=["metadatas"]))
        return str(((got.get("metadatas") or [None])[0] or {}).get("generation", ""))

    def refresh_generation(self, *, force: bool = False) -> bool:
        """Follow the pointer record (another process may have swapped in a rebuilt index); True if it moved."""
        if self._pinned or (self._generation is None and not force):
            return False
        active = self._active_generation()
        if active == self._generation:
            return False
        with self._lock:
            self._generation = active
            self._collections.clear()
            self._lexical = None
        return True

    def new_generation(self) -> "IndexStore":
        """An empty store for a rebuild, pinned to a new generation; searches keep reading this one meanwhile."""
        name = time.strftime("g%Y%m%d%H%M%S") + uuid.uuid4().hex[:4]
        return IndexStore(self.settings, self._embedder, self.client, generation=name)

    def activate(self, built: "IndexStore") -> None:
        """Make a rebuilt generation the active one (one pointer write), then drop the previous generation."""
        old = self._names()
        self._retrying(lambda: self._pointer.upsert(ids=[_POINTER_ID], metadatas=[{"generation": built.generation}],
                                                    documents=[built.generation], embeddings=[[0.0]]))
        with self._lock:
            self._generation = built.generation
            self._collections.clear()
            self._lexical = None
        for name in old:
            self._drop_collection(name)

    def discard(self) -> None:
        """Delete this (pinned, never activated) generation: a rebuild that stored nothing."""
        for name in self._names():
            self._drop_collection(name)
        self._collections.clear()

    def drop_stale_generations(self) -> int:
        """Delete generations no pointer names (left by a rebuild that was killed); run under the ingest lock."""
        active = set(self._names())
        prefix = self.settings.collection + "_g"
        names = [getattr(c, "name", c) for c in self._retrying(self.client.list_collections)]
        stale = [n for n in names if n.startswith(prefix) and n not in active]
        for name in stale:
            self._drop_collection(name)
        return len(stale)

    def _drop_collection(self, name: str) -> None:
        try:
            self.client.delete_collection(name)
        except Exception as exc:  # noqa: BLE001 - an absent collection is fine
            log.debug("delete_collection %s: %s", name, exc)

    @property
    def passages(self):
        return self._collection(self._names()[0], {"hnsw:space": "cosine"})

    @property
    def docs(self):
        return self._collection(self._names()[1])

    @property
    def schedule_items(self):
        """schedule hook (issue 14): one item per document version ("doc_id@version"), its schedule facts as JSON,
        written before the document's record and superseded versions deleted after it, like passages; read only
        when the lexical state is built (never by the frequent freshness check of the records)."""
        return self._collection(self._names()[2])

    def schedules(self, records: dict) -> dict[str, str]:
        """schedule hook (issue 14): doc_id → schedule JSON of the version each record points at."""
        ids = [f"{doc_id}@{r.version}" for doc_id, r in records.items()]
        out: dict[str, str] = {}
        try:
            for lo in range(0, len(ids), 1000):
                got = self.schedule_items.get(ids=ids[lo:lo + 1000], include=["documents"])
                out.update({i.rsplit("@", 1)[0]: t for i, t in zip(got["ids"], got["documents"] or []) if t})
        except Exception as exc:  # noqa: BLE001 - schedules are an addition: answers go on without them
            log.warning("Không đọc được lịch kiểm tra: %s", exc)
        return out

    def embedder_name_in_index(self) -> str | None:
        self._collections.pop(self._names()[1], None)  # re-read: another instance may have created the index
        meta = self.docs.metadata or {}
        return meta.get("embedder")

    def check_embedder(self, *, claim: bool = False) -> None:
        """Refuse to mix vectors of two models; with ``claim`` record this embedder in an empty index."""
        recorded = self.embedder_name_in_index()
        name = self.embedder.name
        if recorded and recorded != name:
            raise IndexUnavailable(
                f"Chỉ mục ở {self.location()} được tạo bằng mô hình nhúng '{recorded}', nhưng cấu hình hiện tại là "
                f"'{name}'. Đặt EMBEDDING_MODEL cho khớp, hoặc xóa chỉ mục và nạp lại (python -m ingest --rebuild)."
            )
        if claim and not recorded:
            self._retrying(lambda: self.docs.modify(metadata={"embedder": name}))
            self._collections.pop(self._names()[1], None)

    def location(self) -> str:
        if self.settings.chroma_host:
            return f"Chroma {self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.chroma_dir)

    # -- documents ---------------------------------------------------------------------------------------------
    def records(self) -> dict[str, DocRecord]:
        got = self._retrying(lambda: self.docs.get(include=["metadatas"]))
        out = {}
        for doc_id, meta in zip(got["ids"], got["metadatas"] or []):
            meta = dict(meta or {})
            out[doc_id] = DocRecord(doc_id=doc_id, source=meta.pop("source", ""), title=meta.get("tieu_de", ""),
                                    version=meta.pop("version", ""), n_passages=int(meta.pop("n_passages", 0)),
                                    written=meta.pop("written", ""), metadata=meta)
        return out

    def fingerprint(self, records: dict[str, DocRecord] | None = None) -> str:
        records = self.records() if records is None else records
        stamp = "|".join(f"{k}:{r.version}:{r.written}" for k, r in sorted(records.items()))
        generation = self.generation
        return hashlib.sha256(f"{generation}|{self.embedder_name_in_index()}|{stamp}".encode()).hexdigest()[:16]

    def get_document(self, doc_id: str) -> Document | None:
        got = self._retrying(lambda: self.docs.get(ids=[doc_id], include=["metadatas", "documents"]))
        if not got["ids"]:
            return None
        meta = dict(got["metadatas"][0] or {})
        version = meta.pop("version", "")
        source = meta.pop("source", "")
        meta.pop("n_passages", None)
        meta.pop("written", None)
        passages = self.passages_of(doc_id, version)
        metadata = {**meta, "source": source}
        return Document(doc_id=doc_id, source=source, title=meta.get("tieu_de", doc_id), text=got["documents"][0],
                        metadata=metadata, passages=tuple(passages), content_hash=version)

    def passages_of(self, doc_id: str, version: str) -> list[Passage]:
        got = self._retrying(lambda: self.passages.get(where={"$and": [{"doc_id": doc_id}, {"version": version}]},
                                                       include=["metadatas", "documents"]))
        rows = [self._passage(pid, text, meta) for pid, text, meta in
                zip(got["ids"], got["documents"], got["metadatas"])]
        return sorted(rows, key=lambda p: p.start)

    @staticmethod
    def _passage(pid: str, text: str, meta: dict) -> Passage:
        meta = dict(meta or {})
        meta.pop("terms", None)
        fields = {k: meta.pop(k, None) for k in _PASSAGE_FIELDS}
        return Passage(id=pid, doc_id=fields["doc_id"], text=text, start=int(fields["start"]), end=int(fields["end"]),
                       section=fields["section"] or "", kind=fields["kind"] or "text", metadata=meta)

    def write_document(self, doc: Document, vectors: np.ndarray) -> None:
        """Write a document's passages, then its record (the commit point), then drop older versions."""
        version, ids, metas, record = chroma_rows(doc)
        for lo in range(0, len(ids), 1000):
            self._retrying(lambda lo=lo: self.passages.upsert(
                ids=ids[lo:lo + 1000], embeddings=vectors[lo:lo + 1000].tolist(),
                documents=[p.text for p in doc.passages[lo:lo + 1000]], metadatas=metas[lo:lo + 1000]))
        if doc.schedule:  # schedule hook (issue 14)
            self._retrying(lambda: self.schedule_items.upsert(
                ids=[f"{doc.doc_id}@{version}"], documents=[doc.schedule],
                metadatas=[{"doc_id": doc.doc_id, "version": version}], embeddings=[[0.0]]))
        self._retrying(lambda: self.docs.upsert(ids=[doc.doc_id], documents=[doc.text], metadatas=[record],
                                                embeddings=[[0.0]]))
        self._retrying(lambda: self.passages.delete(
            where={"$and": [{"doc_id": doc.doc_id}, {"version": {"$ne": version}}]}))
        self._retrying(lambda: self.schedule_items.delete(
            where={"$and": [{"doc_id": doc.doc_id}, {"version": {"$ne": version}}]}))
        self.invalidate()

    def delete_document(self, doc_id: str) -> None:
        """Remove one document; callers hold the ingest lock (:func:`ingest.pipeline.delete_documents`)."""
        self._retrying(lambda: self.docs.delete(ids=[doc_id]))
        self._retrying(lambda: self.passages.delete(where={"doc_id": doc_id}))
        self._retrying(lambda: self.schedule_items.delete(where={"doc_id": doc_id}))  # schedule hook (issue 14)
        self.invalidate()

    def drop_orphans(self) -> int:
        """Delete passages no document record points to (left by an interrupted ingest)."""
        current = {k: r.version for k, r in self.records().items()}
        got = self._retrying(lambda: _get_all(self.passages, ["metadatas"]))
        stale = [pid for pid, m in zip(got["ids"], got["metadatas"])
                 if current.get((m or {}).get("doc_id")) != (m or {}).get("version")]
        for lo in range(0, len(stale), 1000):
            self._retrying(lambda lo=lo: self.passages.delete(ids=stale[lo:lo + 1000]))
        if stale:
            self.invalidate()
        return len(stale)

    # -- search ------------------------------------------------------------------------------------------------
    def dense_search(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest passages by cosine similarity: (passage id, similarity)."""
        count = self._retrying(lambda: self.passages.count())
        if count == 0:
            return []
        got = self._retrying(lambda: self.passages.query(
            query_embeddings=[np.asarray(vector, np.float32).tolist()], n_results=min(n, count), where=where or None,
            include=["distances"]))
        return [(pid, 1.0 - float(d)) for pid, d in zip(got["ids"][0], got["distances"][0])]

    def fetch_passages(self, ids: list[str]) -> dict[str, Passage]:
        if not ids:
            return {}
        got = self._retrying(lambda: self.passages.get(ids=list(ids), include=["metadatas", "documents"]))
        return {pid: self._passage(pid, text, meta)
                for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])}

    # -- lexical cache -----------------------------------------------------------------------------------------
    def invalidate(self) -> None:
        with self._lock:
            self._lexical = None

    def lexical(self, *, quiet: bool = False) -> "LexicalState":
        """The BM25 index, per-passage metadata and diacritics model, rebuilt from Chroma when stale or damaged."""
        with self._lock:
            now = time.monotonic()
            if self._lexical is not None and now - self._checked_at < self.freshness_seconds:
                return self._lexical
            self.refresh_generation()  # a rebuild elsewhere may have swapped in a new generation
            records = self.records()
            fingerprint = self.fingerprint(records)
            self._checked_at = now
            if self._lexical is not None and self._lexical.index.fingerprint == fingerprint:
                if self._lexical.records != records:
                    self._lexical = LexicalState(self._lexical.index, self._lexical.meta, self._lexical.restorer,
                                                 records, self._lexical.schedules)
                return self._lexical
            folder = self.settings.lexical_dir
            try:
                lex = LexicalIndex.load(folder)
                if lex.fingerprint != fingerprint:
                    # documents were written since (by this process or another instance): expected, not a fault
                    log.info("Chỉ mục từ khóa cũ hơn Chroma: dựng lại")
                    self.messages.append("Chỉ mục từ khóa cũ hơn Chroma: đã dựng lại từ Chroma.")
                    self._lexical = self._rebuild_lexical(records, fingerprint)
                    return self._lexical
                meta = json.loads((folder / "passages.json").read_text(encoding="utf-8"))
                restorer = DiacriticRestorer.from_json((folder / "restore.json").read_text(encoding="utf-8"))
                state = LexicalState(lex, meta, restorer, records, self.schedules(records))
            except Exception as exc:  # noqa: BLE001 - missing, stale or damaged: rebuild from Chroma
                if records and not quiet:
                    msg = f"Dựng lại chỉ mục từ khóa từ Chroma: {exc}"
                    log.warning(msg)
                    self.messages.append(msg)
                state = self._rebuild_lexical(records, fingerprint)
            self._lexical = state
            return state

    def _rebuild_lexical(self, records: dict[str, DocRecord], fingerprint: str) -> "LexicalState":
        got = self._retrying(lambda: _get_all(self.passages, ["metadatas", "documents"])) if records else {"ids": []}
        ids, terms, meta, texts = [], [], {}, []
        for pid, text, m in zip(got["ids"], got.get("documents") or [], got.get("metadatas") or []):
            record = records.get((m or {}).get("doc_id"))
            if record is None or record.version != (m or {}).get("version"):
                continue
            passage = self._passage(pid, text, m)
            ids.append(pid)
            texts.append(text)
            stored = (m or {}).get("terms")  # computed once at ingest; older indexes lack it
            terms.append(stored.split(" ") if stored else
                         passage_terms(index_text(passage, {**record.metadata, **passage.metadata})))
            meta[pid] = {"doc_id": passage.doc_id, "tinh": record.metadata.get("tinh", ""),
                         "nam": str(record.metadata.get("nam", "")),
                         "years": document_years(record.metadata),
                         "loai_van_ban": record.metadata.get("loai_van_ban", ""),
                         # a basis line's date is the cited document's, not a time the document sets
                         "time": passage.kind != "basis" and has_time_expression(text),
                         "opening": is_opening(passage), "title": passage.kind == "title"}
        lex = LexicalIndex.build(ids, terms, fingerprint)
        restorer = DiacriticRestorer.from_texts(texts)
        try:
            lex.save(self.settings.lexical_dir, extras={
                "passages.json": json.dumps(meta, ensure_ascii=False).encode("utf-8"),
                "restore.json": restorer.to_json().encode("utf-8"),
            })
        except OSError as exc:  # read-only data dir: serve from memory
            log.warning("Không ghi được chỉ mục từ khóa: %s", exc)
        return LexicalState(lex, meta, restorer, records, self.schedules(records))


def chroma_rows(doc: Document) -> tuple[str, list[str], list[dict], dict]:
    """How a document is stored: its version, its passages' ids and metadata (with their BM25 terms, computed once
    here), and its record. Every writer uses this, so all indexes have one format."""
    version = _version(doc)
    ids, metas = [], []
    for i, p in enumerate(doc.passages):
        meta = {k: v for k, v in p.metadata.items() if isinstance(v, (str, int, float, bool))}
        meta.update(doc_id=doc.doc_id, version=version, section=p.section, kind=p.kind, start=p.start, end=p.end,
                    terms=" ".join(passage_terms(index_text(p, {**doc.metadata, **p.metadata}))))
        ids.append(f"{doc.doc_id}@{version}#{i}")
        metas.append(meta)
    record = {k: v for k, v in doc.metadata.items() if isinstance(v, (str, int, float, bool))}
    record.update(source=doc.source, version=version, n_passages=len(doc.passages), written=uuid.uuid4().hex)
    return version, ids, metas, record


def _get_all(collection, include: list[str], page: int = 5000) -> dict:
    """Every item of a collection, fetched in pages: one unpaged get of ~100k items fails in Chroma's SQLite
    backend with "too many SQL variables"."""
    out: dict = {"ids": [], **{key: [] for key in include}}
    offset = 0
    while True:
        got = collection.get(include=include, limit=page, offset=offset)
        out["ids"] += got["ids"]
        for key in include:
            out[key] += list(got.get(key) or [])
        if len(got["ids"]) < page:
            return out
        offset += page


def _make_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if not settings.chroma_host:
        reason = chroma_damage(settings)
        if reason:
            raise IndexDamaged(damaged_message(settings, reason), reason)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        Path(settings.chroma_dir).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:  # noqa: BLE001
        if not settings.chroma_host and "database" in str(exc).lower():
            reason = f"SQLite từ chối mở tệp: {_root_cause(exc)}"
            raise IndexDamaged(damaged_message(settings, reason), reason) from exc
        raise IndexUnavailable(_connection_message(settings, exc)) from exc


def chroma_damage(settings: Settings) -> str:
    """Why the embedded Chroma folder cannot be trusted ("" when it looks sound or does not exist yet)."""
    folder = Path(settings.chroma_dir)
    database = folder / "chroma.sqlite3"
    if not folder.is_dir():
        return ""
    if not database.exists():
        return "thiếu tệp chroma.sqlite3 bên cạnh dữ liệu vectơ" if any(folder.iterdir()) else ""
    with open(database, "rb") as handle:
        head = handle.read(len(_SQLITE_HEADER))
    if head and head != _SQLITE_HEADER:
        return "phần đầu tệp chroma.sqlite3 không phải của một cơ sở dữ liệu SQLite"
    return ""


def damaged_message(settings: Settings, reason: str) -> str:
    """What a read path tells the user about a damaged embedded database (it never rebuilds by itself)."""
    return (f"Cơ sở dữ liệu Chroma ở {settings.chroma_dir} bị hỏng ({reason}). Chạy `python -m ingest`: thư mục "
            f"hỏng được chuyển sang chroma.broken-<thời điểm> và chỉ mục được dựng lại từ các nguồn ghi trong "
            f"{settings.manifest_path}.")


def _root_cause(exc: BaseException) -> str:
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return str(exc)


def _is_transient(exc: BaseException) -> bool:
    """A connection to a Chroma server that failed (refused, reset, timed out): worth retrying."""
    import httpx

    return isinstance(exc, (httpx.TransportError, ConnectionError, TimeoutError))


def _is_missing_collection(exc: BaseException) -> bool:
    from chromadb.errors import NotFoundError

    return isinstance(exc, NotFoundError)


def _connection_message(settings: Settings, exc: Exception) -> str:
    if isinstance(exc, IndexUnavailable):
        return str(exc)
    if _is_missing_collection(exc):
        return (f"Chỉ mục không còn bộ sưu tập Chroma cần đọc ({_root_cause(exc)}); có thể một lượt dựng lại khác "
                "vừa thay nó. Hãy thử lại, hoặc chạy `python -m ingest`.")
    if settings.chroma_host:
        return (f"Không kết nối được máy chủ Chroma {settings.chroma_host}:{settings.chroma_port} "
                f"({_root_cause(exc)}). Kiểm tra CHROMA_HOST/CHROMA_PORT và máy chủ `chroma run`.")
    return f"Không mở được Chroma ở {settings.chroma_dir} ({_root_cause(exc)})."


__all__ = ["IndexStore", "IndexUnavailable", "IndexDamaged", "chroma_damage", "damaged_message", "DocRecord",
           "LexicalState", "index_text", "chroma_rows"]
