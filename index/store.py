"""The Chroma store: the only code that reads and writes Chroma's collections (the client comes from
:mod:`index.chroma`).

Two collections: ``<name>`` holds passages with their vectors; ``<name>_docs`` holds one record per document
(cleaned text, metadata, content hash) and is the manifest every app instance shares. Passage ids carry the
document's content version, and a document's record is written only after all its passages: a reader follows
the record, so an ingest killed half-way leaves the previous version searchable.

Both live in a *generation*: ``<name>`` / ``<name>_docs`` for the first one, ``<name>_<generation>`` /
``<name>_<generation>_docs`` for each rebuild. A rebuild writes a new generation while searches keep reading the
active one, then swaps a pointer record (collection ``<name>_pointer``) in one write; every instance re-reads the
pointer when it checks the fingerprint, so all of them follow the swap. Every generation the pointer does not
name (a killed rebuild's, the first one replaced by a rebuild killed mid-swap) is dropped by the next ingest or
rebuild, with the vector folders Chroma leaves on disk for deleted collections.

A lexical (BM25) index is kept beside it as a derived cache (:mod:`index.lexical_state`), stamped with the
fingerprint of the document records it was built from; when the stamp does not match (another instance ingested, a
crash, a damaged file), it is rebuilt from Chroma. Every few seconds an instance checks whether another one wrote: it
reads one record by id, the generation's write stamp beside the pointer (changed after every write of a document
record), and reads the records themselves only when the stamp changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import threading
import time
import uuid
from dataclasses import dataclass

import numpy as np

from errors import IndexStorageProblem, IndexUnavailable
from index.chroma import (
    chroma_errors,
    connection_message,
    get_all,
    is_missing_collection,
    is_transient,
    make_client,
    remove_unused_segment_folders,
    retryable_errors,
    storage_message,
    storage_problem,
)
from index.derived_facts import by_kind, pack_facts
from index.embedders import Embedder, make_embedder
from index.lexical import LexicalIndex, passage_terms
from index.lexical_state import LexicalState, build_lexical_state, load_lexical_state
from index.model import KIND_LABELS, SCHEDULE_FACTS, Document, Passage, document_label
from settings import Settings

log = logging.getLogger(__name__)

_PASSAGE_FIELDS = ("doc_id", "version", "section", "kind", "start", "end")
_POINTER_ID = "active"
#: Beside the pointer record, one record per generation ("written:<generation>") whose stamp changes whenever a
#: document record of that generation is written or deleted: a reader compares it (one get by id, whatever the size
#: of the index) instead of reading every record to learn that nothing changed.
_STAMP_PREFIX = "written:"
#: First and longest pause between two attempts to reach a Chroma server that stopped answering, in seconds.
_RETRY_FIRST, _RETRY_LONGEST = 0.2, 2.0
#: Notes kept in :attr:`IndexStore.messages`: the latest ones (the log has them all).
_MAX_MESSAGES = 20
#: Passages written, fetched or deleted per Chroma call.
_BATCH = 1000
#: The write stamp (:meth:`IndexStore.write_stamp`) each embedded database's generation had when this process last
#: wrote or looked, by (database folder, generation). Chroma's embedded system keeps a collection's vector index in
#: memory from its first use: another process's writes reach the records (SQLite) but not that index, so a get of
#: their vectors fails ("Error finding id") and its nearest-neighbour query never returns them. A stamp this process
#: has not seen means the folder must be opened again (:meth:`IndexStore._follow_other_writers`).
_SEEN_STAMPS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class DocRecord:
    """One document's record in the ``_docs`` collection: where it came from, its version and metadata."""

    doc_id: str
    source: str
    title: str
    version: str
    metadata: dict
    n_passages: int
    written: str = ""  # changes on every write, so caches built before it are recognised as stale


def stored_metadata(meta: dict | None) -> dict:
    """A metadata dict as Chroma returned it, its keys sorted. Chroma (1.x) builds these dicts from a Rust hash map
    whose order is seeded afresh in every process (``PYTHONHASHSEED`` does not fix it), so without this a document's
    metadata came out in another key order from one run to the next (``assistant ask --json`` citations).

    >>> list(stored_metadata({"tinh": "Kiên Giang", "nam": "2021", "co_quan": ""}))
    ['co_quan', 'nam', 'tinh']
    >>> stored_metadata(None)
    {}
    """
    return dict(sorted((meta or {}).items()))


def _version(doc: Document) -> str:
    return (doc.content_hash or hashlib.sha256(doc.text.encode()).hexdigest())[:12]


def index_text(passage: Passage, metadata: dict) -> str:
    """What the embedder and BM25 see: the document label and section path, then the passage.

    >>> index_text(Passage("a:0", "a", "Quý III/2021.", 0, 13, "II. THỜI GIAN"), {"tinh": "Kiên Giang", "nam": "2021"})
    'Văn bản – Kiên Giang, 2021 | II. THỜI GIAN\\nQuý III/2021.'
    """
    label = document_label(metadata, metadata.get("tieu_de", ""))
    title = metadata.get("tieu_de", "")
    parts = (label, title if title and title not in label else "", passage.section, KIND_LABELS.get(passage.kind, ""))
    head = " | ".join(x for x in parts if x)
    return f"{head}\n{passage.text}"


def index_texts(doc: Document) -> list[str]:
    """:func:`index_text` of each passage of a document, in order: computed once per ingest, embedded by the caller
    and handed to :meth:`IndexStore.write_document`, which takes the BM25 terms from them.

    >>> doc = Document("a", "a.txt", "T", "Quý III/2021.", {"tinh": "Kiên Giang"},
    ...                (Passage("a:0", "a", "Quý III/2021.", 0, 13, "II. THỜI GIAN"),))
    >>> index_texts(doc)
    ['Văn bản – Kiên Giang | II. THỜI GIAN\\nQuý III/2021.']
    """
    return [index_text(p, {**doc.metadata, **p.metadata}) for p in doc.passages]


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
        self._stamp = ""  # the write stamp read before the records the lexical state was last checked against
        self._collections: dict = {}
        #: the latest notes about the lexical cache (rebuilt, and why), for a caller to show; bounded
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
                    self._client = make_client(self.settings)
        return self._client

    def _collection(self, name: str, metadata: dict | None = None):
        cached = self._collections.get(name)
        if cached is not None:
            return cached
        try:
            collection = self._retrying(lambda: self.client.get_or_create_collection(
                name, metadata=metadata, embedding_function=None))
        except chroma_errors() as exc:
            raise IndexUnavailable(connection_message(self.settings, exc)) from exc
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
            except retryable_errors() as exc:
                if storage_problem(exc):
                    raise IndexStorageProblem(storage_message(self.settings, storage_problem(exc))) from exc
                if is_missing_collection(exc) and not followed and not self._pinned:
                    followed = True
                    self.refresh_generation(force=True)
                    continue
                if not (is_transient(exc) and self._reached) or time.monotonic() + pause > deadline:
                    raise IndexUnavailable(connection_message(self.settings, exc)) from exc
                log.warning("Chroma không trả lời (%s); thử lại sau %.1f giây", exc, pause)
                time.sleep(pause)
                pause = min(pause * 2, _RETRY_LONGEST)
            except chroma_errors() as exc:  # a full disk, a read-only file: named, never shown as a traceback
                problem = storage_problem(exc)
                if problem:
                    raise IndexStorageProblem(storage_message(self.settings, problem)) from exc
                raise

    def reset(self) -> None:
        """Forget the client and everything read through it (after the database folder was moved aside)."""
        with self._lock:
            self._client = None
            self._collections.clear()
            self._lexical = None
            self._stamp = ""
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
        """Passages, document records and derived facts of this generation (the facts collection keeps the suffix
        "_schedule" it had when it held schedules only, so existing indexes are read as they are)."""
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

    def write_stamp(self) -> str:
        """This generation's write stamp (:data:`_STAMP_PREFIX`), changed by every write of a document record; ""
        for an index written before stamps existed (its readers then compare the records themselves)."""
        got = self._retrying(lambda: self._pointer.get(ids=[_STAMP_PREFIX + self.generation], include=["metadatas"]))
        return str(((got.get("metadatas") or [None])[0] or {}).get("stamp", ""))

    def announce(self) -> None:
        """Change this generation's write stamp: called right after a document record is written or deleted (the
        commit point), so that every instance reads the records again at its next check."""
        stamp = uuid.uuid4().hex
        # no document text: Chroma indexes a record's text for full-text search, and a fresh token per write would
        # grow that index at every write (the disk-use probe over rebuilds)
        self._retrying(lambda: self._pointer.upsert(ids=[_STAMP_PREFIX + self.generation], metadatas=[{"stamp": stamp}],
                                                    embeddings=[[0.0]]))
        _SEEN_STAMPS[self._stamp_key()] = stamp

    def _stamp_key(self) -> tuple[str, str]:
        return str(self.settings.chroma_dir.resolve()), self.generation

    def _follow_other_writers(self, stamp: str) -> None:
        """Open the embedded database again when ``stamp``, the write stamp just read, is one this process has
        neither written nor seen (:data:`_SEEN_STAMPS`): another process wrote since. Every search's freshness check
        (:meth:`lexical`) does this, so a search never reads vector indexes older than the records."""
        if self.settings.chroma_host or not stamp:  # a server holds one copy of every index for all its clients
            return
        key = self._stamp_key()
        seen, _SEEN_STAMPS[key] = _SEEN_STAMPS.get(key), stamp
        if seen is None or seen == stamp:
            return
        from chromadb.api.client import SharedSystemClient

        log.info("Chỉ mục đã được một tiến trình khác ghi; mở lại cơ sở dữ liệu để đọc các vectơ mới.")
        with self._lock:
            SharedSystemClient.clear_system_cache()  # the next client opens the folder afresh
            self._client = None
            self._collections.clear()

    def new_generation(self) -> "IndexStore":
        """An empty store for a rebuild, pinned to a new generation; searches keep reading this one meanwhile."""
        name = time.strftime("g%Y%m%d%H%M%S") + uuid.uuid4().hex[:4]
        return IndexStore(self.settings, self._embedder, self.client, generation=name)

    def activate(self, built: "IndexStore") -> None:
        """Make a rebuilt generation the active one (one pointer write), then drop every other generation."""
        self._retrying(lambda: self._pointer.upsert(ids=[_POINTER_ID], metadatas=[{"generation": built.generation}],
                                                    documents=[built.generation], embeddings=[[0.0]]))
        with self._lock:
            self._generation = built.generation
            self._collections.clear()
            self._lexical = None
        self.drop_stale_generations()

    def discard(self) -> None:
        """Delete this (pinned, never activated) generation: a rebuild that stored nothing."""
        for name in self._names():
            self._drop_collection(name)
        self._drop_stamps({self.generation})
        self._collections.clear()
        self._drop_unused_segment_folders()

    def drop_stale_generations(self) -> int:
        """Delete every generation the pointer does not name: one left by a rebuild that was killed, and the first
        generation (``<name>``, ``<name>_docs``…) once a rebuild replaced it, even when the kill came mid-swap; then
        the vector folders Chroma keeps of deleted collections. Run under the ingest lock (no rebuild is writing).

        Returns:
            How many collections were deleted.
        """
        if not self._pinned:
            self.refresh_generation(force=True)
        keep = {self.generation, self._active_generation()}  # a pinned store keeps its own and the active one
        names = [getattr(c, "name", c) for c in self._retrying(self.client.list_collections)]
        stale = [n for n in names if generation_of(n, self.settings.collection) not in (None, *keep)]
        for name in stale:
            self._drop_collection(name)
        self._drop_stamps({generation_of(n, self.settings.collection) for n in stale})
        self._drop_unused_segment_folders()
        return len(stale)

    def _drop_stamps(self, generations: set) -> None:
        """Delete the write stamps of generations that were dropped (best effort: a stamp left is a tiny record)."""
        if not generations:
            return
        try:
            self._retrying(lambda: self._pointer.delete(ids=[_STAMP_PREFIX + g for g in sorted(generations)]))
        except (IndexUnavailable, *chroma_errors()):
            log.warning("Không xóa được dấu ghi của thế hệ chỉ mục cũ", exc_info=True)

    def _drop_unused_segment_folders(self) -> None:
        """Remove the HNSW folders of deleted collections (Chroma's ``delete_collection`` leaves them on disk)."""
        if self.settings.chroma_host:
            return  # a server keeps its own files
        try:
            removed = remove_unused_segment_folders(self.settings.chroma_dir)
        except OSError:  # cleaning is an addition: the index works with the folders left
            log.warning("Không dọn được thư mục vectơ cũ trong %s", self.settings.chroma_dir, exc_info=True)
            return
        if removed:
            log.info("Đã xoá %d thư mục vectơ của bộ sưu tập đã xoá", removed)

    def _drop_collection(self, name: str) -> None:
        """Delete a collection, best effort: an absent one is fine, and one that cannot be deleted now is left to
        :meth:`drop_stale_generations`."""
        try:
            self.client.delete_collection(name)
        except (IndexUnavailable, *chroma_errors()) as exc:
            if is_missing_collection(exc):
                log.debug("delete_collection %s: %s", name, exc)
            else:
                log.warning("Không xóa được bộ sưu tập Chroma %s", name, exc_info=True)

    @property
    def passages(self):
        return self._collection(self._names()[0], {"hnsw:space": "cosine"})

    @property
    def docs(self):
        return self._collection(self._names()[1])

    @property
    def facts_items(self):
        """One item per document version ("doc_id@version") holding every kind of facts derived from its text
        (:mod:`index.derived_facts`), written before the document's record and superseded versions deleted after it,
        like passages; read only when the lexical state is built (never by the frequent freshness check of the
        records)."""
        return self._collection(self._names()[2])

    #: The name the facts collection had when it held schedules only (tests and benches still read it so).
    schedule_items = facts_items

    def derived(self, records: dict) -> dict[str, dict[str, str]]:
        """Kind → doc_id → facts JSON of the version each record points at."""
        ids = [f"{doc_id}@{r.version}" for doc_id, r in records.items()]
        items: dict[str, str] = {}
        try:
            for lo in range(0, len(ids), _BATCH):
                got = self.facts_items.get(ids=ids[lo:lo + _BATCH], include=["documents"])
                items.update({i.rsplit("@", 1)[0]: t for i, t in zip(got["ids"], got["documents"] or []) if t})
        except (IndexUnavailable, *chroma_errors()):  # facts are an addition: answers go on without them
            log.warning("Không đọc được dữ kiện rút ra từ văn bản (lịch kiểm tra, nhiệm vụ)", exc_info=True)
        return by_kind(items)

    def schedules(self, records: dict) -> dict[str, str]:
        """doc_id → schedule JSON of the version each record points at (the schedule kind of :meth:`derived`)."""
        return self.derived(records).get(SCHEDULE_FACTS, {})

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
            meta = stored_metadata(meta)
            out[doc_id] = DocRecord(doc_id=doc_id, source=meta.pop("source", ""), title=meta.get("tieu_de", ""),
                                    version=meta.pop("version", ""), n_passages=int(meta.pop("n_passages", 0)),
                                    written=meta.pop("written", ""), metadata=meta)
        return out

    def fingerprint(self, records: dict[str, DocRecord] | None = None) -> str:
        records = self.records() if records is None else records
        stamp = "|".join(f"{k}:{r.version}:{r.written}" for k, r in sorted(records.items()))
        generation = self.generation
        return hashlib.sha256(f"{generation}|{self.embedder_name_in_index()}|{stamp}".encode()).hexdigest()[:16]

    def document_text(self, doc_id: str) -> str | None:
        """A document's cleaned text alone (no passages fetched), or None when it is not indexed."""
        got = self._retrying(lambda: self.docs.get(ids=[doc_id], include=["documents"]))
        return got["documents"][0] if got["ids"] else None

    def get_document(self, doc_id: str) -> Document | None:
        got = self._retrying(lambda: self.docs.get(ids=[doc_id], include=["metadatas", "documents"]))
        if not got["ids"]:
            return None
        meta = stored_metadata(got["metadatas"][0])
        version = meta.pop("version", "")
        source = meta.pop("source", "")
        n_passages = int(meta.pop("n_passages", 0) or 0)
        meta.pop("written", None)
        passages = self.passages_of(doc_id, version, n_passages)
        metadata = {**meta, "source": source}
        return Document(doc_id=doc_id, source=source, title=meta.get("tieu_de", doc_id), text=got["documents"][0],
                        metadata=metadata, passages=tuple(passages), content_hash=version)

    def passages_of(self, doc_id: str, version: str, n_passages: int = 0) -> list[Passage]:
        """A document version's passages, in order. With ``n_passages`` (its record's), they are fetched by their
        ids (:func:`chroma_rows` names them ``doc_id@version#i``): a lookup, whatever the size of the index; without
        it, or when some id is missing, by a filter on the passages' metadata."""
        if n_passages:
            found = self.fetch_passages([f"{doc_id}@{version}#{i}" for i in range(n_passages)])
            if len(found) == n_passages:
                return sorted(found.values(), key=lambda p: p.start)
        got = self._retrying(lambda: self.passages.get(where={"$and": [{"doc_id": doc_id}, {"version": version}]},
                                                       include=["metadatas", "documents"]))
        rows = [self._passage(pid, text, meta) for pid, text, meta in
                zip(got["ids"], got["documents"], got["metadatas"])]
        return sorted(rows, key=lambda p: p.start)

    @staticmethod
    def _passage(pid: str, text: str, meta: dict) -> Passage:
        meta = stored_metadata(meta)
        meta.pop("terms", None)
        fields = {k: meta.pop(k, None) for k in _PASSAGE_FIELDS}
        return Passage(id=pid, doc_id=fields["doc_id"], text=text, start=int(fields["start"]), end=int(fields["end"]),
                       section=fields["section"] or "", kind=fields["kind"] or "text", metadata=meta)

    def write_document(self, doc: Document, vectors: np.ndarray, texts: list[str] | None = None) -> None:
        """Write a document's passages, then its record (the commit point), then drop older versions; ``texts``: the
        passages' :func:`index_texts` when the caller computed them to embed (not computed again)."""
        version, ids, metas, record = chroma_rows(doc, texts)
        for lo in range(0, len(ids), _BATCH):
            hi = lo + _BATCH
            self._retrying(lambda lo=lo, hi=hi: self.passages.upsert(
                ids=ids[lo:hi], embeddings=vectors[lo:hi].tolist(), documents=[p.text for p in doc.passages[lo:hi]],
                metadatas=metas[lo:hi]))
        facts = pack_facts(doc.facts)
        if facts:
            self._retrying(lambda: self.facts_items.upsert(
                ids=[f"{doc.doc_id}@{version}"], documents=[facts],
                metadatas=[{"doc_id": doc.doc_id, "version": version}], embeddings=[[0.0]]))
        record = {**self._dropped_keys(doc.doc_id, record), **record}
        self._retrying(lambda: self.docs.upsert(ids=[doc.doc_id], documents=[doc.text], metadatas=[record],
                                                embeddings=[[0.0]]))
        self.announce()
        self._retrying(lambda: self.passages.delete(
            where={"$and": [{"doc_id": doc.doc_id}, {"version": {"$ne": version}}]}))
        self._retrying(lambda: self.facts_items.delete(
            where={"$and": [{"doc_id": doc.doc_id}, {"version": {"$ne": version}}]}))
        self.invalidate()

    def _dropped_keys(self, doc_id: str, record: dict) -> dict:
        """Keys of the stored record that the new one lacks, set to None: Chroma's upsert merges metadata, and a
        key a document no longer has (a correction taken back) must not survive from its previous version."""
        got = self._retrying(lambda: self.docs.get(ids=[doc_id], include=["metadatas"]))
        return {k: None for meta in got["metadatas"] or [] for k in (meta or {}) if k not in record}

    def move_document(self, doc_id: str, source: str) -> None:
        """Give a document a new source (its file was renamed or moved; same content): its passages, then its record
        (the commit point), without re-embedding anything. Callers hold the ingest lock."""
        record = self._retrying(lambda: self.docs.get(ids=[doc_id], include=["metadatas"]))
        if not record["ids"]:
            raise IndexUnavailable(f"Không còn văn bản {doc_id} trong chỉ mục để đổi nguồn.")
        meta = dict(record["metadatas"][0] or {})
        got = self._retrying(lambda: self.passages.get(
            where={"$and": [{"doc_id": doc_id}, {"version": meta.get("version", "")}]}, include=["metadatas"]))
        ids, metas = got["ids"], [{**(m or {}), "source": source} for m in got["metadatas"] or []]
        for lo in range(0, len(ids), _BATCH):
            self._retrying(lambda lo=lo: self.passages.update(ids=ids[lo:lo + _BATCH], metadatas=metas[lo:lo + _BATCH]))
        meta.update(source=source, written=uuid.uuid4().hex)
        self._retrying(lambda: self.docs.update(ids=[doc_id], metadatas=[meta]))
        self.announce()
        self.invalidate()

    def delete_document(self, doc_id: str) -> None:
        """Remove one document; callers hold the ingest lock (:func:`ingest.pipeline.delete_documents`)."""
        self._retrying(lambda: self.docs.delete(ids=[doc_id]))
        self.announce()
        self._retrying(lambda: self.passages.delete(where={"doc_id": doc_id}))
        self._retrying(lambda: self.facts_items.delete(where={"doc_id": doc_id}))
        self.invalidate()

    def drop_orphans(self) -> int:
        """Delete passages no document record points to (left by an interrupted ingest)."""
        current = {k: r.version for k, r in self.records().items()}
        got = self._retrying(lambda: get_all(self.passages, ["metadatas"]))
        stale = [pid for pid, m in zip(got["ids"], got["metadatas"])
                 if current.get((m or {}).get("doc_id")) != (m or {}).get("version")]
        for lo in range(0, len(stale), _BATCH):
            self._retrying(lambda lo=lo: self.passages.delete(ids=stale[lo:lo + _BATCH]))
        if stale:
            self.invalidate()
        return len(stale)

    # -- search ------------------------------------------------------------------------------------------------
    def dense_search(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest passages by cosine similarity: (passage id, similarity). One Chroma call, the ANN query: Chroma
        (1.x) returns fewer than ``n`` when the collection holds fewer, and nothing when it is empty, so no count is
        asked first (a count costs a scan that grows with the index)."""
        got = self._retrying(lambda: self.passages.query(
            query_embeddings=[np.asarray(vector, np.float32).tolist()], n_results=n, where=where or None,
            include=["distances"]))
        return [(pid, 1.0 - float(d)) for pid, d in zip(got["ids"][0], got["distances"][0])]

    def exact_dense_search(self, state: LexicalState, vector: np.ndarray, n: int,
                           mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The ``n`` passages of ``state`` (among ``mask``'s, in the state's passage order; all when None) whose stored
        vectors are nearest to ``vector`` by cosine similarity: (passage id, similarity), best first, ties in the
        state's order. Exact, so every process gets the same list (Chroma's HNSW query does not: the graph it rebuilds
        from its log at each open differs, and misses a true neighbour now and then). The vectors are read from Chroma
        once per state (:meth:`dense_vectors`); a search is one matrix-vector product, no Chroma call."""
        matrix, present = self.dense_vectors(state)
        query = np.asarray(vector, np.float32)
        norm = float(np.linalg.norm(query))
        # einsum, not `@`: no BLAS call, whose worker threads keep spinning after it and slowed the rest of a search
        # 2.3 times on a busy machine (bench/README.md); one thread, one summation order
        sims = np.einsum("ij,j->i", matrix, query / norm if norm else query)
        rows = np.flatnonzero(present if mask is None else present & mask)
        if n < len(rows):  # the n best and every row tied with the n-th, then sorted: no full sort of a large index
            floor = np.partition(sims[rows], len(rows) - n)[len(rows) - n]
            rows = rows[sims[rows] >= floor]
        order = rows[np.lexsort((rows, -sims[rows]))[:n]]
        ids = state.index.ids
        return [(ids[i], float(sims[i])) for i in order]

    def dense_vectors(self, state: LexicalState) -> tuple[np.ndarray, np.ndarray]:
        """The stored vector of every passage of ``state``, in its passage order, scaled to length 1 (float32, one
        row per passage), and which rows Chroma held (a passage deleted since the state was read has a zero row,
        never returned). Read once per state and kept with it (:meth:`LexicalState.memo`): a state is one snapshot
        of the records, so an ingest or a rebuild anywhere makes a new state and the vectors are read again."""
        return state.memo("store.dense_vectors", lambda s: self._read_vectors(list(s.index.ids)))

    def _read_vectors(self, ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`dense_vectors` for these passage ids, fetched :data:`_BATCH` at a time by id (:meth:`_vectors_of`)."""
        position = {pid: i for i, pid in enumerate(ids)}
        matrix = np.zeros((len(ids), 0), np.float32)
        present = np.zeros(len(ids), bool)
        for lo in range(0, len(ids), _BATCH):
            got_ids, vectors = self._vectors_of(ids[lo:lo + _BATCH])
            if not got_ids:
                continue
            if not matrix.shape[1]:  # the first batch tells the vectors' length
                matrix = np.zeros((len(ids), vectors.shape[1]), np.float32)
            rows = np.array([position[pid] for pid in got_ids])
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            matrix[rows] = vectors / np.where(norms > 0, norms, 1.0)
            present[rows] = True
        if not present.all():
            log.warning("Không đọc được vectơ của %d đoạn (ví dụ %s); các đoạn này chỉ được tìm theo từ khóa.",
                        int((~present).sum()), ids[int(np.argmin(present))])
        return matrix, present

    def _vectors_of(self, ids: list[str]) -> tuple[list[str], np.ndarray]:
        """The stored vectors of these ids that Chroma can read: (ids, one row each). A passage whose record Chroma
        holds but whose vector its vector index cannot find ("Error finding id" fails the whole get: another process
        wrote it after this one loaded the index and :meth:`_follow_other_writers` has not reopened it yet) splits
        its batch in halves until the unreadable ids are found, and they are left out: the lexical search still
        finds those passages."""
        try:
            got = self._retrying(lambda: self.passages.get(ids=ids, include=["embeddings"]))
        except chroma_errors():
            if len(ids) == 1:
                return [], np.zeros((0, 0), np.float32)
            half = len(ids) // 2
            (first, a), (second, b) = self._vectors_of(ids[:half]), self._vectors_of(ids[half:])
            return first + second, (a if not second else b if not first else np.vstack([a, b]))
        return list(got["ids"]), np.asarray(got["embeddings"] if got["embeddings"] is not None else [], np.float32)

    def fetch_passages(self, ids: list[str]) -> dict[str, Passage]:
        """The passages of these ids that the index holds, by id (fetched :data:`_BATCH` at a time)."""
        ids = list(ids)
        out: dict[str, Passage] = {}
        for lo in range(0, len(ids), _BATCH):
            got = self._retrying(lambda lo=lo: self.passages.get(ids=ids[lo:lo + _BATCH],
                                                                 include=["metadatas", "documents"]))
            out.update({pid: self._passage(pid, text, meta)
                        for pid, text, meta in zip(got["ids"], got["documents"], got["metadatas"])})
        return out

    # -- lexical cache -----------------------------------------------------------------------------------------
    def invalidate(self) -> None:
        """Forget the lexical state: the next search re-reads it (after this store wrote or deleted)."""
        with self._lock:
            self._lexical = None

    def lexical(self, *, quiet: bool = False) -> LexicalState:
        """The BM25 index, per-passage data and accent model, rebuilt from Chroma when stale or damaged.

        Args:
            quiet: a missing or damaged cache is rebuilt without a warning (after an ingest, where it is expected).
        """
        with self._lock:
            now = time.monotonic()
            if self._lexical is not None and now - self._checked_at < self.freshness_seconds:
                return self._lexical
            self.refresh_generation()  # a rebuild elsewhere may have swapped in a new generation
            stamp = self.write_stamp()  # read before the records: a write after it changes it again
            self._follow_other_writers(stamp)
            self._checked_at = now
            if self._lexical is not None and stamp and stamp == self._stamp:
                return self._lexical  # no record written since the last check: none is read (one get by id)
            records = self.records()
            fingerprint = self.fingerprint(records)
            if self._lexical is None or self._lexical.index.fingerprint != fingerprint:
                self._lexical = self._load_lexical(records, fingerprint, quiet)
            elif self._lexical.records != records:
                self._lexical = dataclasses.replace(self._lexical, records=records)
            self._stamp = stamp  # only once the state matches the records read after it
            return self._lexical

    def _load_lexical(self, records: dict[str, DocRecord], fingerprint: str, quiet: bool) -> LexicalState:
        """The cached state when it matches ``fingerprint``; otherwise one rebuilt from Chroma."""
        folder = self.settings.lexical_dir
        try:
            lex = LexicalIndex.load(folder)
            if (lex.k1, lex.b) != self._bm25:
                raise ValueError(f"dựng với k1={lex.k1:g}, b={lex.b:g}, cấu hình nay là "
                                 f"k1={self._bm25[0]:g}, b={self._bm25[1]:g}")
            if lex.fingerprint == fingerprint:
                return load_lexical_state(folder, lex, records, self.derived(records))
        except ValueError as exc:  # missing, damaged, of another format or other BM25 values: rebuild from Chroma
            if records and not quiet:
                self._note(f"Dựng lại chỉ mục từ khóa từ Chroma: {exc}", logging.WARNING)
            return self._rebuild_lexical(records, fingerprint)
        # documents were written since (by this process or another instance): expected, not a fault
        log.info("Chỉ mục từ khóa cũ hơn Chroma: dựng lại")
        self._note("Chỉ mục từ khóa cũ hơn Chroma: đã dựng lại từ Chroma.")
        return self._rebuild_lexical(records, fingerprint)

    def _note(self, message: str, level: int | None = None) -> None:
        """Keep a note for :attr:`messages` (the latest :data:`_MAX_MESSAGES`); log it at ``level`` if given."""
        if level is not None:
            log.log(level, message)
        self.messages.append(message)
        del self.messages[:-_MAX_MESSAGES]

    def _rebuild_lexical(self, records: dict[str, DocRecord], fingerprint: str) -> LexicalState:
        rows = self._current_rows(records)
        k1, b = self._bm25
        return build_lexical_state(rows, records, fingerprint, self.settings.lexical_dir, self.derived(records),
                                   k1=k1, b=b)

    @property
    def _bm25(self) -> tuple[float, float]:
        """BM25's (k1, b) for this store's lexical index: the settings' (BM25_K1, BM25_B)."""
        return self.settings.bm25_k1, self.settings.bm25_b

    def _current_rows(self, records: dict[str, DocRecord]) -> list[tuple[Passage, dict, list[str]]]:
        """Every passage of the versions the records point at, with its document's metadata and BM25 terms."""
        got = self._retrying(lambda: get_all(self.passages, ["metadatas", "documents"])) if records else {"ids": []}
        rows = []
        for pid, text, m in zip(got["ids"], got.get("documents") or [], got.get("metadatas") or []):
            record = records.get((m or {}).get("doc_id"))
            if record is None or record.version != (m or {}).get("version"):
                continue
            passage = self._passage(pid, text, m)
            stored = (m or {}).get("terms")  # computed once at ingest; older indexes lack it
            terms = stored.split(" ") if stored else passage_terms(
                index_text(passage, {**record.metadata, **passage.metadata}))
            rows.append((passage, record.metadata, terms))
        return rows


#: What a generation's name looks like (:meth:`IndexStore.new_generation`: "g", a UTC-free timestamp, 4 hex digits).
_GENERATION = r"g\d{14}[0-9a-f]{4}"
#: The collections of one generation: passages, document records, derived facts (named when it held schedules only).
_GENERATION_SUFFIXES = ("", "_docs", "_schedule")


def generation_of(name: str, base: str) -> str | None:
    """The generation a collection of this index belongs to ("" for the first one), or None for any other name
    (the pointer, another application's collection).

    >>> [generation_of(n, "cchc") for n in ("cchc", "cchc_docs", "cchc_g20260101120000ab12_schedule")]
    ['', '', 'g20260101120000ab12']
    >>> generation_of("cchc_pointer", "cchc"), generation_of("cchc_gazette", "cchc"), generation_of("other", "cchc")
    (None, None, None)
    """
    pattern = rf"{re.escape(base)}(?:_({_GENERATION}))?(?:{'|'.join(_GENERATION_SUFFIXES)})"
    found = re.fullmatch(pattern, name)
    return None if found is None else found.group(1) or ""


def chroma_rows(doc: Document, texts: list[str] | None = None) -> tuple[str, list[str], list[dict], dict]:
    """How a document is stored: its version, its passages' ids and metadata (with their BM25 terms, computed once
    here from ``texts``, the passages' :func:`index_texts`, computed when not given), and its record. Every writer
    uses this, so all indexes have one format."""
    version = _version(doc)
    texts = index_texts(doc) if texts is None else texts
    ids, metas = [], []
    for i, (p, text) in enumerate(zip(doc.passages, texts, strict=True)):
        meta = {k: v for k, v in p.metadata.items() if isinstance(v, (str, int, float, bool))}
        meta.update(doc_id=doc.doc_id, version=version, section=p.section, kind=p.kind, start=p.start, end=p.end,
                    terms=" ".join(passage_terms(text)))
        ids.append(f"{doc.doc_id}@{version}#{i}")
        metas.append(meta)
    record = {k: v for k, v in doc.metadata.items() if isinstance(v, (str, int, float, bool))}
    record.update(source=doc.source, version=version, n_passages=len(doc.passages), written=uuid.uuid4().hex)
    return version, ids, metas, record


__all__ = ["IndexStore", "DocRecord", "index_text", "index_texts", "chroma_rows", "generation_of"]
