"""``python -m retriever search [--json] [--k K] [QUERY]`` and ``python -m retriever eval --questions FILE``."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from errors import IndexUnavailable
from retriever.hybrid import SearchFilters
from retriever.service import open_retriever
from settings import load_settings_or_exit
from textnorm.inputs import NOT_UTF8, questions_of


def _positive(value: str) -> int:
    """``--k``: a whole number above zero (``--k -1`` once returned nothing, silently).

    >>> _positive("3")
    3
    """
    try:
        k = int(value)
    except ValueError:
        k = 0
    if k < 1:
        raise argparse.ArgumentTypeError(f"cần một số nguyên lớn hơn 0, không phải {value!r}")
    return k


def _filters(args) -> SearchFilters:
    return SearchFilters(tuple(args.province or ()), tuple(args.year or ()), tuple(args.doc_type or ()),
                         tuple(args.doc_id or ()))


def _open(settings):
    """The retriever, or None after printing why the index cannot be used (empty, damaged, unreachable: the message
    names the command that builds it). Never ingests."""
    try:
        return open_retriever(settings)
    except IndexUnavailable as exc:
        print(str(exc), file=sys.stderr)
        return None


def _search(args) -> int:
    settings = load_settings_or_exit()
    retriever = _open(settings)
    if retriever is None:
        return 2
    k = args.k or settings.top_k
    filters = _filters(args)
    failed = 0
    for n, query in questions_of(args.query, sys.stdin):
        if query is None:  # not UTF-8: said for this line, the next ones still searched
            failed += 1
            message = NOT_UTF8.format(n=n)
            print(message, file=sys.stderr, flush=True)
            if args.json:
                print(json.dumps({"query": "", "results": [], "error": message}, ensure_ascii=False), flush=True)
            continue
        try:
            results = retriever.search(query, k=k, filters=filters, mode=args.mode)
        except IndexUnavailable as exc:  # the server stopped answering: say so for this query, keep reading the next
            failed += 1
            print(str(exc), file=sys.stderr, flush=True)
            if args.json:
                print(json.dumps({"query": query, "results": [], "error": str(exc)}, ensure_ascii=False), flush=True)
            continue
        if args.json:
            print(json.dumps({"query": query, "results": [r.to_dict() for r in results]}, ensure_ascii=False),
                  flush=True)
            continue
        print(f"# {query}")
        if not results:
            print("  (không tìm thấy đoạn nào)")
        for r in results:
            md = r.doc_metadata
            print(f"[{r.rank}] {r.score:.4f}  {md.get('loai_van_ban', '')} {md.get('so_hieu', '')} – "
                  f"{md.get('tinh', '')} {md.get('nam', '')} | {r.passage.section}\n    {r.source} "
                  f"[{r.passage.start}:{r.passage.end}]\n    " + r.passage.text[:300].replace("\n", "\n    "))
        print(flush=True)
    return 1 if failed else 0


def run_eval(args) -> int:
    """``python -m retriever eval``: dev-set recall/MRR, then XQuAD-vi side by side per mode; save JSON.

    ``args``: ``questions``, ``k``, ``external`` (path or None), ``no_external``; optional ``output``.
    Returns the exit status (0; 2 when the question file or the index cannot be used).
    """
    from retriever.evaluate import (
        DEFAULT_EXTERNAL,
        DEFAULT_OUTPUT,
        MODES,
        _command,
        evaluate_questions,
        evaluate_xquad,
        format_dev,
        format_xquad,
        load_questions,
        save_results,
    )

    questions_path = Path(args.questions)
    try:
        questions = load_questions(questions_path)
    except (OSError, ValueError) as exc:
        print(f"Không đọc được bộ câu hỏi {questions_path}: {exc}", file=sys.stderr)
        return 2
    settings = load_settings_or_exit()
    retriever = _open(settings)
    if retriever is None:
        return 2
    k = int(args.k or settings.top_k)
    dev = evaluate_questions(retriever, questions, k)
    others = {m: evaluate_questions(retriever, questions, k, mode=m) for m in MODES if m != dev["mode"]}
    print(f"Dev set {questions_path}: {dev['n']} questions with evidence ({len(dev['skipped'])} skipped), "
          f"k={k}, embedder {retriever.store.embedder.name}")
    print(format_dev(dev, others))
    data = {"timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"), "command": _command(args),
            "retriever_config": asdict(retriever.config),
            "settings": {"embedding_model": settings.embedding_model, "collection": settings.collection,
                         "data_dir": str(settings.data_dir)},
            "dev": {"path": str(questions_path), **dev,
                    "other_modes": {m: {key: r[key] for key in ("n", "recall", "mrr", "by_kind")}
                                    for m, r in others.items()}}}
    if getattr(args, "no_external", False):
        data["xquad"] = {"skipped": "--no-external"}
    else:
        external = Path(args.external) if getattr(args, "external", None) else DEFAULT_EXTERNAL
        if not external.is_file():
            print(f"\nXQuAD-vi: {external} not found; external benchmark skipped.")
            data["xquad"] = {"skipped": f"{external} not found"}
        else:
            xq = evaluate_xquad(external, settings, retriever.store.embedder, config=retriever.config)
            print(f"\nXQuAD-vi {external}: {xq['n_questions']} questions over {xq['n_passages']} passages, "
                  f"embedder {xq['embedder']} (indexed in {xq['index_seconds']:.1f} s)")
            print(format_xquad(xq))
            data["xquad"] = xq
    output = Path(getattr(args, "output", None) or DEFAULT_OUTPUT)
    save_results(data, output)
    print(f"\nrecall@{k} (dev, hybrid): {dev['recall']:.3f}   MRR@{k}: {dev['mrr']:.3f}   saved: {output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever", description="Tìm đoạn văn bản liên quan.")
    sub = parser.add_subparsers(dest="command", required=True)
    search = sub.add_parser("search", help="tìm kiếm; không có QUERY thì đọc mỗi dòng stdin một câu hỏi")
    search.add_argument("query", nargs="?")
    search.add_argument("--json", action="store_true")
    search.add_argument("--k", type=_positive, default=None, help="số đoạn (mặc định: TOP_K)")
    search.add_argument("--mode", choices=["hybrid", "lexical", "dense"], default="hybrid")
    for name in ("province", "year", "doc-type", "doc-id"):
        search.add_argument(f"--{name}", action="append")
    ev = sub.add_parser("eval", help="đo recall@k, MRR trên một bộ câu hỏi và trên XQuAD-vi")
    ev.add_argument("--questions", required=True)
    ev.add_argument("--k", type=_positive, default=None, help="số đoạn (mặc định: TOP_K)")
    ev.add_argument("--external", default=None, help="tệp XQuAD-vi (mặc định ../shared/external/xquad_vi.jsonl)")
    ev.add_argument("--no-external", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "search":
        return _search(args)
    return run_eval(args)


if __name__ == "__main__":
    sys.exit(main())
