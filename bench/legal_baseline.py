"""Reference for legal retrieval: plain BM25 over one passage per article, with the project's lexical terms.

    .venv/bin/python -m bench.legal_baseline --corpus DIR --questions tests/fixtures/legal/questions.jsonl

Every document of ``--corpus`` is cleaned like ingest does; a document with "Điều N" headings is cut into one passage
per article (from its heading to the next Phần/Chương/Mục/Điều heading), any other document keeps the passages of
:func:`ingest.document.build_document`. Passages are scored with :class:`index.lexical.LexicalIndex` over
:func:`index.lexical.passage_terms` (the question's terms weighted 1, no section path, no dense search, no diversity).
Prints recall@k and MRR@10 in the shared scorer's matching (folded evidence found in a passage's text).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from index.lexical import LexicalIndex, passage_terms
from ingest.clean import clean_lines
from ingest.document import build_document
from ingest.legal import legal_heading
from ingest.loaders import load_file
from retriever.evaluate import evidence_rank, group_hits, load_questions

MRR_DEPTH = 10


def article_passages(raw: str) -> list[str]:
    """One text per article of a legal document; [] when it has no "Điều N" heading.

    >>> article_passages("Chương I\\nQUY ĐỊNH CHUNG\\nĐiều 1. Phạm vi\\nLuật này quy định.\\nĐiều 2. Hiệu lực\\nNgay.")
    ['Điều 1. Phạm vi\\nLuật này quy định.', 'Điều 2. Hiệu lực\\nNgay.']
    """
    articles: list[list[str]] = []
    inside = False
    for line in clean_lines(raw):
        heading = legal_heading(line.text)
        if heading:
            inside = heading.level == "dieu"
            if inside:
                articles.append([])
        if inside:
            articles[-1].append(line.text)
    return ["\n".join(lines) for lines in articles]


def corpus_passages(folder: Path) -> list[str]:
    texts: list[str] = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        raw = load_file(path).text
        articles = article_passages(raw)
        texts += articles or [p.text for p in build_document(path.stem, str(path), raw).passages]
    return texts


def evaluate(texts: list[str], questions: list[dict], k: int) -> dict:
    index = LexicalIndex.build([str(i) for i in range(len(texts))], [passage_terms(t) for t in texts])
    recalls, reciprocal = [], []
    for q in questions:
        evidence = [g for g in q.get("evidence") or [] if g]
        if not evidence:
            continue
        weights: dict[str, float] = {}
        for term in passage_terms(q["question"]):
            weights[term] = weights.get(term, 0.0) + 1.0
        scores = index.scores(weights)
        order = [int(i) for i in scores.argsort()[::-1][:max(k, MRR_DEPTH)] if scores[i] > 0]
        top = [texts[i] for i in order]
        hits = group_hits(evidence, top[:k])
        recalls.append(sum(hits) / len(hits))
        rank = evidence_rank(evidence, top[:MRR_DEPTH])
        reciprocal.append(1.0 / rank if rank else 0.0)
    n = len(recalls) or 1
    return {"n": len(recalls), "passages": len(texts), f"recall@{k}": sum(recalls) / n,
            f"mrr@{MRR_DEPTH}": sum(reciprocal) / n}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, help="folder of documents (the bundled corpus and the laws)")
    parser.add_argument("--questions", required=True)
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args(argv)
    result = evaluate(corpus_passages(Path(args.corpus)), load_questions(args.questions), args.k)
    print(" ".join(f"{key}={value:.3f}" if isinstance(value, float) else f"{key}={value}"
                   for key, value in result.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
