"""``python -m ingest check-metadata GOLD.jsonl [--docs DIR] [--verbose]``: metadata read at ingest against a
hand-checked gold file, per field, with the same functions ingest uses (no index needed).

Values are compared the way the shared scorer compares text: accents, case and every character other than a-z and
0-9 removed ("1961/QĐUBND" equals "1961/QĐ-UBND"; a title in capitals equals the same title in sentence case).
Documents are split into a *tune* half and a *check* half by file name (alphabetical, odd/even) so a rule tuned on
one half is judged on the other.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from errors import DocumentError
from ingest.boundaries import find_document
from ingest.clean import clean_lines
from ingest.document import build_document, make_doc_id
from ingest.loaders import load_file
from textnorm import fold_for_match

#: Fields of the gold file that are compared (its other keys are the file name and notes).
GOLD_FIELDS = ("so_hieu", "loai_van_ban", "co_quan", "tinh", "ngay_ban_hanh", "nam", "tieu_de", "nguoi_ky")
#: Halves of the gold documents: even positions (alphabetical) tune, odd positions check.
HALVES = ("tune", "check")


@dataclass
class DocResult:
    """One document's comparison."""

    file: str
    half: str
    predicted: dict
    gold: dict
    dropped: list[str] = field(default_factory=list)
    error: str = ""

    def mismatches(self) -> list[tuple[str, str, str]]:
        return [(k, str(self.gold.get(k, "")), str(self.predicted.get(k, ""))) for k in GOLD_FIELDS
                if fold_for_match(str(self.gold.get(k, ""))) != fold_for_match(str(self.predicted.get(k, "")))]


def read_gold(path: Path) -> list[dict]:
    """Rows of a gold file, sorted by file name."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(rows, key=lambda r: r["file"])


def check_document(path: Path, gold: dict, half: str) -> DocResult:
    """Load, clean and read the metadata of one document as ingest does."""
    try:
        loaded = load_file(path)
    except DocumentError as exc:
        return DocResult(path.name, half, {}, gold, error=str(exc))
    doc = build_document(make_doc_id(path.name), path.name, loaded.text)
    dropped = find_document(clean_lines(loaded.text)).dropped()
    return DocResult(path.name, half, doc.metadata, gold, dropped)


def check_metadata(gold_path: Path, docs_dir: Path | None = None) -> list[DocResult]:
    """Compare every gold document's metadata; documents alternate between the tune and the check half."""
    docs_dir = docs_dir or gold_path.parent / "docs"
    return [check_document(docs_dir / row["file"], row, HALVES[n % 2]) for n, row in enumerate(read_gold(gold_path))]


def accuracy(results: list[DocResult]) -> dict[str, float]:
    """Share of documents whose field matches the gold, per field."""
    if not results:
        return {}
    return {k: sum(k not in {m[0] for m in r.mismatches()} for r in results) / len(results) for k in GOLD_FIELDS}


def report(results: list[DocResult], verbose: bool = False) -> str:
    """Accuracy per field for each half and for all, then the mismatches (and, verbose, the dropped lines)."""
    groups = [(h, [r for r in results if r.half == h]) for h in HALVES] + [("all", results)]
    lines = [f"{'field':14s}" + "".join(f"{f'{name} ({len(rs)})':>12s}" for name, rs in groups)]
    table = {name: accuracy(rs) for name, rs in groups}
    for k in GOLD_FIELDS:
        lines.append(f"{k:14s}" + "".join(f"{table[name].get(k, 0.0):12.3f}" for name, _ in groups))
    for r in results:
        if r.error:
            lines.append(f"\n{r.file} [{r.half}]: {r.error}")
        for key, gold, got in r.mismatches():
            lines.append(f"\n{r.file} [{r.half}] {key}:\n  chuẩn: {gold!r}\n  đọc được: {got!r}")
        if verbose:
            lines.append(f"\n{r.file}: bỏ {len(r.dropped)} dòng của trang web")
            lines.extend(f"  - {t[:110]}" for t in r.dropped)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest check-metadata",
                                     description="So siêu dữ liệu đọc được với tệp chuẩn (JSONL).")
    parser.add_argument("gold", type=Path, help="tệp chuẩn, mỗi dòng một văn bản")
    parser.add_argument("--docs", type=Path, default=None, help="thư mục văn bản (mặc định: docs/ cạnh tệp chuẩn)")
    parser.add_argument("--verbose", action="store_true", help="in cả các dòng trang web đã bỏ của mỗi văn bản")
    args = parser.parse_args(argv)
    if not args.gold.is_file():
        sys.stderr.write(f"Không tìm thấy tệp chuẩn: {args.gold}\n")
        return 2
    sys.stdout.write(report(check_metadata(args.gold, args.docs), verbose=args.verbose) + "\n")
    return 0


__all__ = ["check_metadata", "accuracy", "report", "read_gold", "GOLD_FIELDS"]
