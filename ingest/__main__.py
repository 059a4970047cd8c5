"""``python -m ingest [PATH ...] [--prune] [--rebuild]``, ``python -m ingest list [--json]`` and
``python -m ingest check-metadata GOLD.jsonl [--docs DIR] [--verbose]``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from index.store import IndexError_, IndexStore
from ingest.pipeline import IngestBusy, ingest_paths
from settings import load_settings


def _progress_bar():
    from tqdm import tqdm

    bar = tqdm(total=0, unit="tệp", file=sys.stderr, disable=not sys.stderr.isatty())

    def update(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(Path(name).name[:40] if name else "")
        bar.refresh()
        if done == total:
            bar.close()

    return update


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check-metadata"]:
        from ingest.check import main as check_main

        return check_main(argv[1:])
    settings = load_settings()
    if argv[:1] == ["list"]:
        parser = argparse.ArgumentParser(prog="python -m ingest list", description="Liệt kê văn bản đã nạp.")
        parser.add_argument("--json", action="store_true", help="một đối tượng JSON mỗi dòng")
        args = parser.parse_args(argv[1:])
        try:
            records = IndexStore(settings).records()
        except IndexError_ as exc:
            print(str(exc), file=sys.stderr)
            return 2
        for r in sorted(records.values(), key=lambda r: r.source):
            row = {"doc_id": r.doc_id, "source": r.source, "passages": r.n_passages, **r.metadata}
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
            else:
                md = r.metadata
                print(f"{r.doc_id}\n  {md.get('loai_van_ban', '')} {md.get('so_hieu', '')} – {md.get('tinh', '')}, "
                      f"{md.get('ngay_ban_hanh', '')} – {r.n_passages} đoạn\n  {md.get('tieu_de', '')}\n  {r.source}")
        return 0
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Nạp văn bản vào chỉ mục.")
    parser.add_argument("paths", nargs="*", type=Path, help="tệp hoặc thư mục (mặc định: CORPUS_DIR)")
    parser.add_argument("--prune", action="store_true", help="gỡ văn bản có tệp đã bị xóa")
    parser.add_argument("--rebuild", action="store_true", help="xóa chỉ mục rồi nạp lại từ đầu")
    args = parser.parse_args(argv)
    paths = args.paths or [settings.corpus_dir]
    store = IndexStore(settings)
    try:
        if args.rebuild:
            store.drop_all()
        report = ingest_paths(paths, settings, store, prune=args.prune, progress=_progress_bar())
    except (IngestBusy, IndexError_) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
