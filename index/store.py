"""The only module that talks to Chroma.

Two collections: ``<name>`` holds passages with their vectors; ``<name>_docs`` holds one record per document
(cleaned text, metadata, content hash) and is the manifest every app instance shares. Passage ids carry the
document's content version, and a document's record is written only after all its passages: a reader follows
the record, so an ingest killed half-way leaves the previous version searchable.

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

from index.embedders import Embedder, make_embedder
from index.lexical import LexicalIndex, passage_terms
from index.model import OPENING_SECTION, Document, Passage
from settings import Settings
from textnorm.diacritics import DiacriticRestorer
from textnorm.gazetteer import canonical_province
from textnorm.patterns import has_time_expression

log = logging.getLogger(__name__)

_PASSAGE_FIELDS = ("doc_id", "version", "section", "kind", "start", "end")


class IndexError_(RuntimeError):
    """The index cannot be used as configured (embedder mismatch, unreachable server…); message in Vietnamese."""


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


def index_text(passage: Passage, metadata: dict) -> str:
    """What the embedder and BM25 see: the document label and section path, then the passage.

    >>> index_text(Passage("a:0", "a", "Quý III/2021.", 0, 13, "II. THỜI GIAN"), {"tinh": "Kiên Giang", "nam": "2021"})
    'Văn bản – Kiên Giang, 2021 | II. THỜI GIAN\\nQuý III/2021.'
    """
    from index.model import document_label

    label = document_label(metadata, metadata.get("tieu_de", ""))
    title = metadata.get("tieu_de", "")
    head = " | ".join(x for x in (label, title if title and title not in label else "", passage.section) if x)
    return f"{head}\n{passage.text}"


class IndexStore:
    """Chroma collections + lexical cache for one settings object. Thread-safe for readers."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None, client=None) -> None:
        self.settings = settings
        self._embedder = embedder
        self._client = client
        self._lock = threading.RLock()
        self._lexical: LexicalState | None = None
        self._checked_at = 0.0
        self._collections: dict = {}
        self.messages: list[str] = []
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
            collection = self.client.get_or_create_collection(name, metadata=metadata, embedding_function=None)
        except Exception as exc:  # noqa: BLE001
            raise IndexError_(_connection_message(self.settings, exc)) from exc
        self._collections[name] = collection
        return collection

    def drop_all(self) -> None:
        """Delete both collections and the lexical cache (``python -m ingest --rebuild``)."""
        for name in (self.settings.collection, self.settings.collection + "_docs",
                     self.settings.collection + "_schedule"):
            try:
                self.client.delete_collection(name)
            except Exception:  # noqa: BLE001 - an absent collection is fine
                pass
        self._collections.clear()
        self.invalidate()

    @property
    def passages(self):
        return self._collection(self.settings.collection, {"hnsw:space": "cosine"})

    @property
    def docs(self):
        return self._collection(self.settings.collection + "_docs")

    @property
    def schedule_items(self):
        """schedule hook (issue 14): one item per document version ("doc_id@version"), its schedule facts as JSON,
        written before the document's record and superseded versions deleted after it, like passages; read only
        when the lexical state is built (never by the frequent freshness check of the records)."""
        return self._collection(self.settings.collection + "_schedule")

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
        name = self.settings.collection + "_docs"
        self._collections.pop(name, None)  # re-read: another instance may have created the index meanwhile
        meta = self.docs.metadata or {}
        return meta.get("embedder")

    def check_embedder(self, *, claim: bool = False) -> None:
        """Refuse to mix vectors of two models; with ``claim`` record this embedder in an empty index."""
        recorded = self.embedder_name_in_index()
        name = self.embedder.name
        if recorded and recorded != name:
            raise IndexError_(
                f"Chỉ mục ở {self.location()} được tạo bằng mô hình nhúng '{recorded}', nhưng cấu hình hiện tại là "
                f"'{name}'. Đặt EMBEDDING_MODEL cho khớp, hoặc xóa chỉ mục và nạp lại (python -m ingest --rebuild)."
            )
        if claim and not recorded:
            self.docs.modify(metadata={"embedder": name})
            self._collections.pop(self.settings.collection + "_docs", None)

    def location(self) -> str:
        if self.settings.chroma_host:
            return f"Chroma {self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.chroma_dir)

    # -- documents ---------------------------------------------------------------------------------------------
    def records(self) -> dict[str, DocRecord]:
        got = self.docs.get(include=["metadatas"])
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
        return hashlib.sha256(f"{self.embedder_name_in_index()}|{stamp}".encode()).hexdigest()[:16]

    def get_document(self, doc_id: str) -> Document | None:
        got = self.docs.get(ids=[doc_id], include=["metadatas", "documents"])
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
        got = self.passages.get(where={"$and": [{"doc_id": doc_id}, {"version": version}]},
                                include=["metadatas", "documents"])
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
            self.passages.upsert(ids=ids[lo:lo + 1000], embeddings=vectors[lo:lo + 1000].tolist(),
                                 documents=[p.text for p in doc.passages[lo:lo + 1000]], metadatas=metas[lo:lo + 1000])
        if doc.schedule:  # schedule hook (issue 14)
            self.schedule_items.upsert(ids=[f"{doc.doc_id}@{version}"], documents=[doc.schedule],
                                       metadatas=[{"doc_id": doc.doc_id, "version": version}], embeddings=[[0.0]])
        self.docs.upsert(ids=[doc.doc_id], documents=[doc.text], metadatas=[record], embeddings=[[0.0]])
        self.passages.delete(where={"$and": [{"doc_id": doc.doc_id}, {"version": {"$ne": version}}]})
        self.schedule_items.delete(where={"$and": [{"doc_id": doc.doc_id}, {"version": {"$ne": version}}]})
        self.invalidate()

    def delete_document(self, doc_id: str) -> None:
        self.docs.delete(ids=[doc_id])
        self.passages.delete(where={"doc_id": doc_id})
        self.schedule_items.delete(where={"doc_id": doc_id})  # schedule hook (issue 14)
        self.invalidate()

    def drop_orphans(self) -> int:
        """Delete passages no document record points to (left by an interrupted ingest)."""
        current = {k: r.version for k, r in self.records().items()}
        got = _get_all(self.passages, ["metadatas"])
        stale = [pid for pid, m in zip(got["ids"], got["metadatas"])
                 if current.get((m or {}).get("doc_id")) != (m or {}).get("version")]
        for lo in range(0, len(stale), 1000):
            self.passages.delete(ids=stale[lo:lo + 1000])
        if stale:
            self.invalidate()
        return len(stale)

    # -- search ------------------------------------------------------------------------------------------------
    def dense_search(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest passages by cosine similarity: (passage id, similarity)."""
        count = self.passages.count()
        if count == 0:
            return []
        got = self.passages.query(query_embeddings=[np.asarray(vector, np.float32).tolist()],
                                  n_results=min(n, count), where=where or None, include=["distances"])
        return [(pid, 1.0 - float(d)) for pid, d in zip(got["ids"][0], got["distances"][0])]

    def fetch_passages(self, ids: list[str]) -> dict[str, Passage]:
        if not ids:
            return {}
        got = self.passages.get(ids=list(ids), include=["metadatas", "documents"])
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
        got = _get_all(self.passages, ["metadatas", "documents"]) if records else {"ids": []}
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
                         "loai_van_ban": record.metadata.get("loai_van_ban", ""),
                         "time": has_time_expression(text),
                         "opening": passage.section == OPENING_SECTION}
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
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        Path(settings.chroma_dir).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:  # noqa: BLE001
        raise IndexError_(_connection_message(settings, exc)) from exc


def _connection_message(settings: Settings, exc: Exception) -> str:
    if settings.chroma_host:
        return (f"Không kết nối được máy chủ Chroma {settings.chroma_host}:{settings.chroma_port} ({exc}). "
                "Kiểm tra CHROMA_HOST/CHROMA_PORT và máy chủ `chroma run`.")
    return f"Không mở được Chroma ở {settings.chroma_dir} ({exc})."


__all__ = ["IndexStore", "IndexError_", "DocRecord", "LexicalState", "index_text", "chroma_rows"]
