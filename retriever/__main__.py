"""``python -m retriever search [--json] [--k K] [QUERY]`` and ``python -m retriever eval --questions FILE``."""

from __future__ import annotations

import argparse
import json
import sys

from index.store import IndexError_
from retriever.hybrid import SearchFilters
from retriever.service import open_retriever
from settings import load_settings


def _filters(args) -> SearchFilters:
    return SearchFilters(tuple(args.province or ()), tuple(args.year or ()), tuple(args.doc_type or ()),
                         tuple(args.doc_id or ()))


def _search(args) -> int:
    settings = load_settings()
    try:
        retriever = open_retriever(settings)
    except IndexError_ as exc:
        print(str(exc), file=sys.stderr)
        return 2
    queries = [args.query] if args.query is not None else (line.rstrip("\n") for line in sys.stdin)
    filters = _filters(args)
    for query in queries:
        results = retriever.search(query, k=args.k, filters=filters, mode=args.mode)
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
        print()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m retriever", description="Tìm đoạn văn bản liên quan.")
    sub = parser.add_subparsers(dest="command", required=True)
    search = sub.add_parser("search", help="tìm kiếm; không có QUERY thì đọc mỗi dòng stdin một câu hỏi")
    search.add_argument("query", nargs="?")
    search.add_argument("--json", action="store_true")
    search.add_argument("--k", type=int, default=5)
    search.add_argument("--mode", choices=["hybrid", "lexical", "dense"], default="hybrid")
    for name in ("province", "year", "doc-type", "doc-id"):
        search.add_argument(f"--{name}", action="append")
    ev = sub.add_parser("eval", help="đo recall@k, MRR trên một bộ câu hỏi và trên XQuAD-vi")
    ev.add_argument("--questions", required=True)
    ev.add_argument("--k", type=int, default=5)
    ev.add_argument("--external", default=None, help="tệp XQuAD-vi (mặc định ../shared/external/xquad_vi.jsonl)")
    ev.add_argument("--no-external", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "search":
        return _search(args)
    from retriever.evaluate import run_eval

    return run_eval(args)


if __name__ == "__main__":
    sys.exit(main())
