"""``python -m ingest [PATH ...] [--prune] [--rebuild]``, ``python -m ingest list [--json]`` and
``python -m ingest check-metadata GOLD.jsonl [--docs DIR] [--verbose]``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from errors import IndexUnavailable, IngestBusy
from index.store import IndexStore
from ingest.pipeline import ingest_paths, rebuild_sources, shown
from settings import load_settings_or_exit

#: Seconds between two progress lines of one stage when stderr is not a terminal (a log, CI).
_LOG_EVERY = 5.0


def _progress_bar():
    """tqdm over files, its postfix the file at work and its stage ("nhúng 64/3953 đoạn"); on a non-terminal,
    one line per stage and file (embedding progress at most every few seconds)."""
    from tqdm import tqdm

    tty = sys.stderr.isatty()
    bar = tqdm(total=0, unit="tệp", file=sys.stderr, disable=not tty)
    last = {"stage": None, "at": 0.0}

    def update(done: int, total: int, name: str, detail: str = "") -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(f"{Path(name).name[:40]} — {detail}" if name else "")
        bar.refresh()
        stage = (name, detail.split(" ")[0])
        if not tty and name and (stage != last["stage"] or time.monotonic() - last["at"] > _LOG_EVERY):
            print(f"[{done + 1}/{total}] {name}: {detail}", file=sys.stderr, flush=True)
            last.update(stage=stage, at=time.monotonic())
        if done == total:
            bar.close()

    return update


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check-metadata"]:
        from ingest.check import main as check_main

        return check_main(argv[1:])
    settings = load_settings_or_exit()
    if argv[:1] == ["list"]:
        parser = argparse.ArgumentParser(prog="python -m ingest list", description="Liệt kê văn bản đã nạp.")
        parser.add_argument("--json", action="store_true", help="một đối tượng JSON mỗi dòng")
        args = parser.parse_args(argv[1:])
        try:
            records = IndexStore(settings).records()
        except IndexUnavailable as exc:
            print(str(exc), file=sys.stderr)
            return 2
        for r in sorted(records.values(), key=lambda r: r.source):
            row = {"doc_id": r.doc_id, "source": r.source, "passages": r.n_passages, **r.metadata}
            if args.json:
                print(json.dumps(row, ensure_ascii=False))
            else:
                md = r.metadata
                print(f"{shown(r.doc_id)}\n  {md.get('loai_van_ban', '')} {md.get('so_hieu', '')} – "
                      f"{md.get('tinh', '')}, {md.get('ngay_ban_hanh', '')} – {r.n_passages} đoạn\n  "
                      f"{shown(str(md.get('tieu_de', '')))}\n  {shown(r.source)}")
        return 0
    parser = argparse.ArgumentParser(prog="python -m ingest", description="Nạp văn bản vào chỉ mục.")
    parser.add_argument("paths", nargs="*", type=Path, help="tệp hoặc thư mục (mặc định: CORPUS_DIR)")
    parser.add_argument("--prune", action="store_true", help="gỡ văn bản có tệp đã bị xóa")
    parser.add_argument("--rebuild", action="store_true",
                        help="dựng chỉ mục mới từ đầu rồi thay chỉ mục cũ khi xong (mặc định: CORPUS_DIR và mọi tệp "
                             "ghi trong manifest)")
    parser.add_argument("--yes", action="store_true",
                        help="xác nhận gỡ hoặc bỏ các văn bản không còn tệp để đọc lại (khi gỡ quá nhiều, khi dựng "
                             "lại hoặc khôi phục)")
    args = parser.parse_args(argv)
    paths = args.paths or [settings.corpus_dir]
    try:
        store = IndexStore(settings)
        if args.rebuild and not args.paths:  # uploads and other folders are rebuilt too, even without a manifest
            paths = rebuild_sources(settings, store)
        report = ingest_paths(paths, settings, store, prune=args.prune, rebuild=args.rebuild,
                              progress=_progress_bar(), confirm=args.yes)
    except (IngestBusy, IndexUnavailable) as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(report.summary())
    return report.exit_status()


if __name__ == "__main__":
    sys.exit(main())
