"""Whole laws at scale, with and without their header: every article indexed, recall@5 and MRR@10 each way.

    .venv/bin/python -m bench.laws --work /tmp/LB-laws                       # every law of bench/data/laws
    .venv/bin/python -m bench.laws --work /tmp/LB-laws --laws bo-luat-lao-dong-2019,bo-luat-hang-hai-viet-nam-2015
    .venv/bin/python -m bench.laws --work /tmp/LB-laws --count-only         # articles each way, no index (fast)

The laws of ``bench/data/laws`` (whole texts as found, ``sources.tsv`` says where from) are put beside the bundled
corpus in two folders under ``--work``: "with" (each law as found: header, motto, "Căn cứ", chapters, articles) and
"without" (each law from its first "Chương"/"Điều" line, as a paste of a portal's article view gives it). Each folder
is ingested into its own DATA_DIR with the configured (real) embedder and Chroma, as ``python -m ingest`` does.
Then, per way:

* **articles indexed**: for each law, the "Điều N" heading lines of the text that some passage of the indexed
  document holds (read back from the index), against those of the text;
* **retrieval**: the questions of ``bench/data/laws/questions.jsonl`` whose ``law`` is indexed, searched with the
  app's retriever (hybrid) at k = 5 (recall@5) and k = 10 (MRR@10);
* **baseline**: plain BM25 over one passage per article (:mod:`bench.legal_baseline`) on the same folder.

Results go to ``--work/results.json`` (``results-WAY.json`` for one way) and are printed; ``--phase eval``
re-scores existing indexes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.legal_shapes import ARTICLE_LINE, without_header

ROOT = Path(__file__).resolve().parents[1]
LAWS = ROOT / "bench" / "data" / "laws"
QUESTIONS = LAWS / "questions.jsonl"
#: The two ways a law reaches the index: as found, and cut to its body (a paste from an article view).
WAYS = {"with": False, "without": True}
#: Depth of the reciprocal rank (the maintainers' MRR@10) and of recall (their recall@5).
MRR_DEPTH, RECALL_DEPTH = 10, 5


def law_names(selected: str | None) -> list[str]:
    """The laws to index: ``selected`` (comma-separated stems) or every ``.txt`` of the data folder."""
    every = sorted(p.stem for p in LAWS.glob("*.txt"))
    if not selected:
        return every
    names = [s.strip() for s in selected.split(",") if s.strip()]
    unknown = sorted(set(names) - set(every))
    if unknown:
        raise SystemExit(f"unknown laws: {', '.join(unknown)} (have: {', '.join(every)})")
    return names


def law_text(name: str, cut: bool) -> str:
    text = (LAWS / f"{name}.txt").read_text(encoding="utf-8")
    return without_header(text) if cut else text


def build_folder(folder: Path, laws: list[str], cut: bool) -> None:
    """The bundled corpus and the laws (cut to their body when ``cut``) in ``folder``."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for f in (ROOT / "corpus").iterdir():
        if f.is_file():
            shutil.copy(f, folder / f.name)
    for name in laws:
        (folder / f"{name}.txt").write_text(law_text(name, cut), encoding="utf-8")


def article_heads(text: str) -> list[str]:
    """The "Điều N…" heading lines of a text, read as ingest reads it (:func:`textnorm.normalize_text`): Bộ luật Tố
    tụng hình sự as published writes 3 of its 510 headings with a decomposed "ề" ("Đie\\u0302\\u0300u 429."), which
    a pattern on the raw text misses (it counted 507).

    >>> article_heads("Chương I\\nĐiều 1. Phạm vi\\nNội dung.\\nĐie\\u0302\\u0300u 2. Hiệu lực")
    ['Điều 1. Phạm vi', 'Điều 2. Hiệu lực']
    """
    from textnorm import normalize_text

    return [m.group().strip() for m in ARTICLE_LINE.finditer(normalize_text(text))]


def held(heads: list[str], passages: list[str]) -> int:
    """How many heading lines some passage holds, compared folded as the evaluation compares evidence (ingest may
    normalise a spelling: "sức khoẻ" is indexed "sức khỏe").

    >>> held(["Điều 1. Bảo vệ sức khoẻ", "Điều 2. Hiệu lực"], ["Điều 1. Bảo vệ sức khỏe\\nLuật này."])
    1
    """
    from textnorm import fold_for_match

    folded = [fold_for_match(p) for p in passages]
    return sum(any(fold_for_match(h) in p for p in folded) for h in heads)


def questions_for(laws: list[str], path: Path = QUESTIONS) -> list[dict]:
    from retriever.evaluate import load_questions

    return [q for q in load_questions(path) if q.get("law") in laws]


# -- inside one DATA_DIR (a child process: settings are read from its environment) ------------------------------
def _worker(folder: Path, laws: list[str], cut: bool, questions_path: Path) -> dict:
    from bench.legal_baseline import corpus_passages
    from bench.legal_baseline import evaluate as bm25
    from index.store import IndexStore
    from retriever.evaluate import evaluate_questions
    from retriever.service import open_retriever
    from settings import load_settings

    settings = load_settings()
    store = IndexStore(settings)
    records = store.records()
    counts = {}
    for name in laws:
        heads = article_heads(law_text(name, cut))
        doc_id = next((d for d, r in records.items() if Path(r.source).stem == name), None)
        doc = store.get_document(doc_id) if doc_id else None
        texts = [p.text for p in doc.passages] if doc else []
        counts[name] = {"articles": len(heads), "indexed": held(heads, texts), "passages": len(texts)}
    questions = questions_for(laws, questions_path)
    retriever = open_retriever(settings, store)
    at5 = evaluate_questions(retriever, questions, RECALL_DEPTH)
    at10 = evaluate_questions(retriever, questions, MRR_DEPTH)
    base = bm25(corpus_passages(folder), questions, RECALL_DEPTH)
    misses = [{"id": r["id"], "question": r["question"], "rank@10": r10["rank"], "docs@5": r["doc_ids"]}
              for r, r10 in zip(at5["questions"], at10["questions"]) if r["recall"] < 1]
    return {"articles": counts, "n": at5["n"], f"recall@{RECALL_DEPTH}": at5["recall"],
            f"mrr@{MRR_DEPTH}": at10["mrr"], f"mrr@{RECALL_DEPTH}": at5["mrr"],
            "bm25": {key: base[key] for key in base if key != "n"}, "misses": misses}


def _env(work: Path, way: str) -> dict:
    return {**os.environ, "DATA_DIR": str(work / f"{way}-data"), "CORPUS_DIR": str(work / f"{way}-corpus")}


def build_way(work: Path, way: str, laws: list[str]) -> float:
    """A fresh folder and index for one way (``python -m ingest`` in its own DATA_DIR); the seconds it took."""
    build_folder(work / f"{way}-corpus", laws, WAYS[way])
    shutil.rmtree(work / f"{way}-data", ignore_errors=True)
    started = time.monotonic()
    with open(work / f"{way}-ingest.log", "w", encoding="utf-8") as log:
        subprocess.run([sys.executable, "-m", "ingest", str(work / f"{way}-corpus")], env=_env(work, way), cwd=ROOT,
                       check=False, stdout=log, stderr=subprocess.STDOUT)
    seconds = round(time.monotonic() - started, 1)
    (work / f"{way}-ingest.seconds").write_text(str(seconds), encoding="utf-8")
    return seconds


def _saved_seconds(work: Path, way: str) -> float | None:
    path = work / f"{way}-ingest.seconds"
    return float(path.read_text(encoding="utf-8")) if path.exists() else None


def run_way(work: Path, way: str, laws: list[str], *, build: bool, questions_path: Path) -> dict:
    """Build (when ``build``) and score one way in its own DATA_DIR; the result with build seconds."""
    folder = work / f"{way}-corpus"
    env = _env(work, way)
    seconds = build_way(work, way, laws) if build else _saved_seconds(work, way)
    code = ("import json, sys; from pathlib import Path; from bench.laws import _worker; "
            "print(json.dumps(_worker(Path(sys.argv[1]), sys.argv[2].split(','), sys.argv[3] == '1', "
            "Path(sys.argv[4])), ensure_ascii=False))")
    out = subprocess.run([sys.executable, "-c", code, str(folder), ",".join(laws), "1" if WAYS[way] else "0",
                          str(questions_path)], env=env, cwd=ROOT, check=False, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"{way}: scoring failed\n{out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["ingest_seconds"] = seconds
    return result


def format_way(way: str, r: dict) -> str:
    arts = r["articles"]
    total, indexed = sum(a["articles"] for a in arts.values()), sum(a["indexed"] for a in arts.values())
    passages = sum(a["passages"] for a in arts.values())
    lines = [f"== {way} header: {indexed}/{total} articles indexed in {passages} passages"
             + (f", ingest {r['ingest_seconds']:.0f} s ({total / r['ingest_seconds'] * 60:.0f} articles/min)"
                if r.get("ingest_seconds") else "")]
    lines += [f"   {name}: {a['indexed']}/{a['articles']}" for name, a in arts.items()]
    b = r["bm25"]
    lines.append(f"   retriever: n={r['n']} recall@{RECALL_DEPTH}={r[f'recall@{RECALL_DEPTH}']:.3f} "
                 f"MRR@{MRR_DEPTH}={r[f'mrr@{MRR_DEPTH}']:.3f} | BM25 per article: "
                 f"recall@{RECALL_DEPTH}={b[f'recall@{RECALL_DEPTH}']:.3f} MRR@{MRR_DEPTH}={b[f'mrr@{MRR_DEPTH}']:.3f}"
                 f" ({b['passages']} passages)")
    return "\n".join(lines)


def count_only(laws: list[str], work: Path) -> None:
    """Articles each way as ingest reads them (:func:`ingest.pipeline.load_document`: loader, cleaning, front
    matter, structure, passages), without embedder or index."""
    from ingest.pipeline import load_document
    from settings import load_settings

    settings = load_settings()
    for name in laws:
        row = []
        for way, cut in WAYS.items():
            path = work / f"count-{way}" / f"{name}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(law_text(name, cut), encoding="utf-8")
            doc = load_document(path, settings)
            heads = article_heads(law_text(name, cut))
            row.append(f"{way} {held(heads, [p.text for p in doc.passages])}/{len(heads)} ({len(doc.passages)} "
                       "passages)")
        print(f"{name}: " + ", ".join(row), flush=True)


def bm25_only(laws: list[str], work: Path, questions_path: Path) -> dict:
    """The BM25-per-article baseline each way (no embedder, no index): what ranking one article among all of the
    selected laws' articles gives without dense search."""
    from bench.legal_baseline import corpus_passages
    from bench.legal_baseline import evaluate as bm25

    questions = questions_for(laws, questions_path)
    out = {}
    for way, cut in WAYS.items():
        folder = work / f"bm25-{way}"
        build_folder(folder, laws, cut)
        out[way] = bm25(corpus_passages(folder), questions, RECALL_DEPTH)
        print(f"{way} header, BM25 per article: " + " ".join(
            f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in out[way].items()), flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", default="/tmp/laws-bench", help="folder for the corpora, indexes and results")
    parser.add_argument("--laws", help="comma-separated law stems (default: every law of bench/data/laws)")
    parser.add_argument("--ways", default="with,without", help="with, without or both (default)")
    parser.add_argument("--phase", choices=("all", "build", "eval"), default="all",
                        help="build: indexes only; eval: score existing indexes")
    parser.add_argument("--questions", default=str(QUESTIONS))
    parser.add_argument("--count-only", action="store_true", help="count indexed articles, build no index")
    parser.add_argument("--bm25-only", action="store_true", help="the BM25 baseline each way, build no index")
    args = parser.parse_args(argv)
    laws = law_names(args.laws)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    if args.count_only:
        count_only(laws, work)
        return 0
    if args.bm25_only:
        bm25_only(laws, work, Path(args.questions))
        return 0
    results = {"laws": laws, "ways": {}}
    for way in [w.strip() for w in args.ways.split(",") if w.strip()]:
        if args.phase == "build":
            print(f"{way}: ingest {build_way(work, way, laws)} s", flush=True)
            continue
        results["ways"][way] = run_way(work, way, laws, build=args.phase == "all",
                                       questions_path=Path(args.questions))
        print(format_way(way, results["ways"][way]), flush=True)
    name = "results.json" if set(results["ways"]) == set(WAYS) else f"results-{'-'.join(results['ways'])}.json"
    (work / name).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
