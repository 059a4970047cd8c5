"""Retrieval measurement: recall@k and MRR on a question set, and an external benchmark (XQuAD-vi).

``python -m retriever eval --questions ../shared/eval/dev.jsonl --k 5`` prints both tables and saves them, with the
retriever configuration, to ``bench/results/retrieval_eval.json``.

Matching follows the shared scorer: both sides are folded (accents and case removed, ``đ`` as ``d``, only a-z and
0-9 kept), so reflowed lines or another tone placement never break a match.

>>> evidence_rank([["Sở Nội vụ"]], ["Giao Sở Tài chính", "2. So noi vu chu tri"])
2
>>> group_hits([["quý III/2021"], ["Y tế", "y te"]], ["Thời gian: Quý III/2021."])
[True, False]
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from settings import PROJECT_ROOT, Settings
from textnorm import fold_for_match

MODES = ("lexical", "dense", "hybrid")
DEFAULT_EXTERNAL = PROJECT_ROOT.parent / "shared" / "external" / "xquad_vi.jsonl"
DEFAULT_OUTPUT = PROJECT_ROOT / "bench" / "results" / "retrieval_eval.json"


# -- question sets -----------------------------------------------------------------------------------------------
def load_questions(path: str | Path) -> list[dict]:
    """Questions of a JSONL file (one object per line; blank lines ignored)."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
    return rows


def group_hits(evidence: list[list[str]], texts: list[str]) -> list[bool]:
    """For each evidence group, whether one of its alternatives occurs in one of the texts (after folding)."""
    folded = [fold_for_match(t) for t in texts]
    return [any(fold_for_match(alt) and fold_for_match(alt) in t for alt in group for t in folded)
            for group in evidence]


def evidence_rank(evidence: list[list[str]], texts: list[str]) -> int | None:
    """1-based rank of the first text holding any alternative of any evidence group; ``None`` if none does."""
    alternatives = [a for a in (fold_for_match(alt) for group in evidence for alt in group) if a]
    for rank, text in enumerate(texts, 1):
        folded = fold_for_match(text)
        if any(a in folded for a in alternatives):
            return rank
    return None


def _summary(rows: list[dict]) -> dict:
    n = len(rows)
    return {"n": n, "recall": sum(r["recall"] for r in rows) / n if n else 0.0,
            "mrr": sum(1.0 / r["rank"] for r in rows if r["rank"]) / n if n else 0.0}


def evaluate_questions(retriever, questions: list[dict], k: int, *, mode: str = "hybrid") -> dict:
    """recall@k and MRR@k of a retriever on questions with evidence groups.

    recall of a question: the share of its evidence groups for which some alternative occurs in some top-k passage.
    reciprocal rank: 1 / rank of the first top-k passage containing any evidence alternative (0 when none does).
    Questions without evidence (unanswerable ones) are skipped.

    Args:
        retriever: anything with ``search(query, k=..., mode=...)`` returning results with ``passage.text``.
        questions: dicts with ``id``, ``question``, ``kind``, ``evidence``.
        k: passages per question.
        mode: "hybrid", "lexical" or "dense".

    Returns:
        ``{"k", "mode", "n", "recall", "mrr", "by_kind": {kind: {"n", "recall", "mrr"}}, "questions": [...],
        "skipped": [ids]}``.
    """
    rows, skipped = [], []
    for q in questions:
        evidence = [list(g) for g in (q.get("evidence") or []) if g]
        if not evidence:
            skipped.append(q.get("id", ""))
            continue
        started = time.perf_counter()
        results = retriever.search(q["question"], k=k, mode=mode)[:k]
        seconds = time.perf_counter() - started
        texts = [r.passage.text for r in results]
        hits = group_hits(evidence, texts)
        rows.append({"id": q.get("id", ""), "kind": q.get("kind", ""), "question": q["question"],
                     "recall": sum(hits) / len(hits), "rank": evidence_rank(evidence, texts),
                     "missed": [g for g, hit in zip(evidence, hits) if not hit],
                     "doc_ids": [r.passage.doc_id for r in results], "seconds": round(seconds, 4)})
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_kind[row["kind"]].append(row)
    return {"k": k, "mode": mode, **_summary(rows),
            "by_kind": {kind: _summary(v) for kind, v in sorted(by_kind.items())},
            "questions": rows, "skipped": skipped}


# -- XQuAD-vi ----------------------------------------------------------------------------------------------------
class _QueryCache:
    """An embedder whose query vectors are remembered: the dense and hybrid runs embed each question once."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self._queries: dict = {}

    def __getattr__(self, name):  # name, dim, embed_passages…
        return getattr(self.inner, name)

    def embed_query(self, text: str):
        if text not in self._queries:
            self._queries[text] = self.inner.embed_query(text)
        return self._queries[text]


def load_xquad(path: str | Path) -> tuple[list[dict], dict[str, dict]]:
    """The questions of an XQuAD-vi file and its distinct passages (passage_id → {"passage", "title"})."""
    questions = load_questions(path)
    passages: dict[str, dict] = {}
    for q in questions:
        passages.setdefault(q["passage_id"], {"passage": q["passage"], "title": q.get("title", "")})
    return questions, passages


def index_passages(passages: dict[str, dict], store, embedder) -> float:
    """Write one document per passage into ``store`` (its own Chroma collection + lexical cache); returns seconds."""
    from index.model import Document, Passage
    from index.store import index_text

    started = time.perf_counter()
    store.check_embedder(claim=True)
    docs = []
    for pid, row in passages.items():
        text = row["passage"]
        # Wikipedia titles spell spaces as "_" ("Super_Bowl_50"); as words they can match a question
        metadata = {"tieu_de": row["title"].replace("_", " ")}
        passage = Passage(id=pid, doc_id=pid, text=text, start=0, end=len(text))
        docs.append(Document(doc_id=pid, source=f"xquad_vi.jsonl#{pid}", title=metadata["tieu_de"], text=text,
                             metadata=metadata, passages=(passage,),
                             content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest()))
    vectors = embedder.embed_passages([index_text(d.passages[0], d.metadata) for d in docs])
    for i, doc in enumerate(docs):
        store.write_document(doc, vectors[i:i + 1])
    store.lexical(quiet=True)  # build BM25 now, not inside the first timed search
    return time.perf_counter() - started


def evaluate_xquad(path: str | Path, settings: Settings, embedder, k_values=(1, 5, 10), *, config=None) -> dict:
    """recall@k for each of ``k_values`` and MRR@max(k_values), for lexical, dense and hybrid search.

    The distinct passages are indexed in a temporary data directory (collection ``xquad_eval``), never in the
    project's index. A hit is a retrieved passage whose id is the question's ``passage_id``.

    Args:
        path: the XQuAD-vi JSONL file (fields id, question, passage, passage_id, answer, title).
        settings: the project settings (Chroma server settings are ignored: the run is always embedded).
        embedder: the embedder to measure (the configured one).
        k_values: cut-offs; the largest is the search depth and the MRR cut-off.
        config: a :class:`RetrieverConfig`; default the retriever's.

    Returns:
        ``{"n_questions", "n_passages", "embedder", "index_seconds", "k_values", "modes": {mode: {...}}}``.
    """
    from index.store import IndexStore
    from retriever.hybrid import HybridRetriever

    questions, passages = load_xquad(path)
    depth = max(k_values)
    cached = _QueryCache(embedder)
    out = {"path": str(path), "n_questions": len(questions), "n_passages": len(passages),
           "embedder": embedder.name, "k_values": list(k_values), "modes": {}}
    with tempfile.TemporaryDirectory(prefix="xquad-eval-") as tmp:
        xsettings = settings.with_overrides(data_dir=Path(tmp), collection="xquad_eval", chroma_host="")
        store = IndexStore(xsettings, embedder=cached)
        out["index_seconds"] = round(index_passages(passages, store, cached), 2)
        retriever = HybridRetriever(store, config)
        for mode in MODES:
            started = time.perf_counter()
            ranks = []
            for q in questions:
                ids = [r.passage.doc_id for r in retriever.search(q["question"], k=depth, mode=mode)]
                ranks.append(ids.index(q["passage_id"]) + 1 if q["passage_id"] in ids else None)
            n = len(ranks) or 1
            row = {f"recall@{k}": sum(1 for r in ranks if r and r <= k) / n for k in k_values}
            row[f"mrr@{depth}"] = sum(1.0 / r for r in ranks if r) / n
            row["seconds"] = round(time.perf_counter() - started, 2)
            out["modes"][mode] = row
        del retriever, store  # let Chroma release its files before the folder goes
    return out


# -- report ------------------------------------------------------------------------------------------------------
def format_dev(result: dict, others: dict | None = None) -> str:
    k = result["k"]
    lines = [f"{'kind':16s}{'n':>4s}  {'recall@' + str(k):>9s}  {'MRR@' + str(k):>7s}"]
    for kind, s in result["by_kind"].items():
        lines.append(f"{kind:16s}{s['n']:4d}  {s['recall']:9.3f}  {s['mrr']:7.3f}")
    lines.append(f"{'all (' + result['mode'] + ')':16s}{result['n']:4d}  {result['recall']:9.3f}  {result['mrr']:7.3f}")
    for mode, s in (others or {}).items():
        lines.append(f"{'all (' + mode + ')':16s}{s['n']:4d}  {s['recall']:9.3f}  {s['mrr']:7.3f}")
    misses = [q for q in result["questions"] if q["recall"] < 1]
    if misses:
        lines.append("misses (" + result["mode"] + "):")
        for q in misses:
            missed = "; ".join(" | ".join(g) for g in q["missed"])
            lines.append(f"  {q['id']} ({q['recall']:.2f}) {q['question']}  — missing: {missed[:120]}")
    return "\n".join(lines)


def format_xquad(result: dict) -> str:
    keys = [f"recall@{k}" for k in result["k_values"]] + [f"mrr@{max(result['k_values'])}"]
    lines = [f"{'mode':10s}" + "".join(f"{k:>11s}" for k in keys) + f"{'seconds':>10s}"]
    for mode, row in result["modes"].items():
        lines.append(f"{mode:10s}" + "".join(f"{row[k]:11.3f}" for k in keys) + f"{row['seconds']:10.1f}")
    return "\n".join(lines)


def _command(args) -> str:
    parts = ["python -m retriever eval", "--questions", str(args.questions), "--k", str(args.k)]
    if getattr(args, "external", None):
        parts += ["--external", str(args.external)]
    if getattr(args, "no_external", False):
        parts.append("--no-external")
    return " ".join(parts)


def save_results(data: dict, path: Path) -> None:
    """Write JSON atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)



__all__ = ["evaluate_questions", "evaluate_xquad", "load_questions", "group_hits", "evidence_rank",
           "load_xquad", "index_passages"]
