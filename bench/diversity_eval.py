"""Measure the per-document diversity rule of the hybrid search: fixed factor against the adaptive one.

    .venv/bin/python -m bench.diversity_eval --questions ../shared/eval/dev.jsonl      # over DATA_DIR's index
    .venv/bin/python -m bench.diversity_eval --xquad-grouped                          # XQuAD-vi by article

``--questions``: the index of ``DATA_DIR`` as it is (build it first with ``python -m ingest``), each question with
evidence scored like the shared scorer (recall@5 on folded evidence, MRR@10 of the first passage holding any).
``--xquad-grouped``: the XQuAD-vi paragraphs indexed as passages of one document per Wikipedia article (48 documents
of 5 paragraphs), in a temporary folder; a hit is the question's own paragraph. This is the "few documents, one of
them holds the answer" case nobody here wrote questions for.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
from pathlib import Path

from retriever.evaluate import DEFAULT_EXTERNAL, evidence_rank, group_hits, load_questions, load_xquad
from retriever.hybrid import HybridRetriever, RetrieverConfig
from settings import load_settings

RECALL_K = 5
MRR_DEPTH = 10
VARIANTS = {"fixed ×0.5": RetrieverConfig(adaptive_diversity=False), "adaptive": RetrieverConfig()}


def _score(ranks: list[int | None], recalls: list[float]) -> str:
    n = len(ranks) or 1
    return (f"recall@{RECALL_K}={sum(recalls) / n:.3f} "
            f"MRR@{MRR_DEPTH}={sum(1.0 / r for r in ranks if r) / n:.3f} (n={len(ranks)})")


def eval_questions(store, questions: list[dict]) -> None:
    questions = [q for q in questions if q.get("evidence")]
    for name, config in VARIANTS.items():
        retriever = HybridRetriever(store, config)
        ranks, recalls = [], []
        for q in questions:
            texts = [r.passage.text for r in retriever.search(q["question"], k=MRR_DEPTH)]
            hits = group_hits(q["evidence"], texts[:RECALL_K])
            recalls.append(sum(hits) / len(hits))
            ranks.append(evidence_rank(q["evidence"], texts))
        print(f"{name:12s} {_score(ranks, recalls)}")


def _grouped_documents(passages: dict[str, dict]):
    from index.model import Document, Passage

    by_title: dict[str, list[tuple[str, str]]] = {}
    for pid, row in passages.items():
        by_title.setdefault(row["title"], []).append((pid, row["passage"]))
    for title, rows in by_title.items():
        text, parts, pos = "", [], 0
        for pid, body in rows:
            text += ("\n\n" if text else "") + body
            start = len(text) - len(body)
            parts.append(Passage(id=pid, doc_id=title, text=body, start=start, end=start + len(body)))
            pos = start + len(body)
        metadata = {"tieu_de": title.replace("_", " ")}
        yield Document(doc_id=title, source=f"xquad_vi.jsonl#{title}", title=metadata["tieu_de"], text=text[:pos],
                       metadata=metadata, passages=tuple(parts),
                       content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())


def eval_xquad_grouped(path: Path) -> None:
    from index.store import IndexStore, index_text

    questions, passages = load_xquad(path)
    settings = load_settings()
    with tempfile.TemporaryDirectory(prefix="diversity-eval-") as tmp:
        store = IndexStore(settings.with_overrides(data_dir=Path(tmp), collection="diversity_eval", chroma_host=""))
        store.check_embedder(claim=True)
        located: dict[str, tuple[str, int]] = {}  # the index names passages by position: find them by offset
        for doc in _grouped_documents(passages):
            located.update({p.id: (p.doc_id, p.start) for p in doc.passages})
            vectors = store.embedder.embed_passages([index_text(p, doc.metadata) for p in doc.passages])
            store.write_document(doc, vectors)
        store.lexical(quiet=True)
        for name, config in VARIANTS.items():
            retriever = HybridRetriever(store, config)
            ranks = []
            for q in questions:
                found = [(r.passage.doc_id, r.passage.start) for r in retriever.search(q["question"], k=MRR_DEPTH)]
                where = located[q["passage_id"]]
                ranks.append(found.index(where) + 1 if where in found else None)
            recalls = [1.0 if r and r <= RECALL_K else 0.0 for r in ranks]
            print(f"{name:12s} {_score(ranks, recalls)}")
        del store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", help="question file scored over DATA_DIR's index")
    parser.add_argument("--xquad-grouped", action="store_true", help="XQuAD-vi paragraphs grouped by article")
    parser.add_argument("--external", default=str(DEFAULT_EXTERNAL))
    args = parser.parse_args(argv)
    if args.questions:
        from retriever.service import open_retriever

        eval_questions(open_retriever(load_settings()).store, load_questions(args.questions))
    if args.xquad_grouped:
        eval_xquad_grouped(Path(args.external))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
