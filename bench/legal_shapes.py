"""Laws with and without their header: every article indexed, and retrieval the same either way.

    .venv/bin/python -m bench.legal_shapes --work /tmp/a-legal          # builds two indexes, prints both evals

Two folders are built under ``--work``: the bundled corpus with the laws of ``tests/fixtures/legal`` as given
("with"), and with each law cut to its body, from its first "Chương"/"Điều" line ("without": a law pasted from a
portal's article view). Each is ingested into its own DATA_DIR with the real embedder, then
``python -m retriever eval --questions tests/fixtures/legal/questions.jsonl --k K --no-external`` runs over it for K = 5
and 10 (its JSON saved beside the index).
Before that, the articles each variant indexes are counted without any index (fast, no embedder).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from ingest.document import build_document

ROOT = Path(__file__).resolve().parents[1]
LEGAL = ROOT / "tests" / "fixtures" / "legal"
#: The first line of a law's body: where a paste from an article view starts.
BODY_START = re.compile(r"^(?:Chương|CHƯƠNG|Điều|ĐIỀU)\s+[\dIVXLC]+", re.MULTILINE)
ARTICLE_LINE = re.compile(r"^(?:[ĐÐ]iều|[ĐÐ]IỀU) \d+[^\n]*", re.MULTILINE)  # Ð: see ingest.legal._D


def without_header(text: str) -> str:
    """The law from its first chapter or article line.

    >>> without_header("QUỐC HỘI\\nLUẬT\\nChương I\\nĐiều 1. Phạm vi")
    'Chương I\\nĐiều 1. Phạm vi'
    """
    m = BODY_START.search(text)
    return text[m.start():] if m else text


def articles_indexed(text: str) -> tuple[int, int]:
    """(article heading lines of the text, those a passage of the built document holds)."""
    doc = build_document("law", "law.txt", text)
    heads = [m.group() for m in ARTICLE_LINE.finditer(text)]
    return len(heads), sum(any(h in p.text for p in doc.passages) for h in heads)


def build_folder(folder: Path, cut: bool) -> None:
    """The corpus and the laws (cut to their body when ``cut``) in ``folder``."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for f in (ROOT / "corpus").iterdir():
        shutil.copy(f, folder / f.name)
    for law in sorted(LEGAL.glob("*.txt")):
        text = law.read_text(encoding="utf-8")
        (folder / law.name).write_text(without_header(text) if cut else text, encoding="utf-8")


#: The retriever's eval, run with its results saved beside the index (not over bench/results/).
_EVAL = ("import argparse, sys; from retriever.__main__ import run_eval; "
         "run_eval(argparse.Namespace(questions=sys.argv[1], k=int(sys.argv[2]), external=None, no_external=True, "
         "output=sys.argv[3]))")


def run_eval(folder: Path, data_dir: Path) -> str:
    """Ingest ``folder`` into ``data_dir`` and return the retriever eval's last lines at k = 5 and k = 10."""
    env = {**os.environ, "DATA_DIR": str(data_dir), "CORPUS_DIR": str(folder)}
    subprocess.run([sys.executable, "-m", "ingest", str(folder)], env=env, cwd=ROOT, check=False,
                   capture_output=True)
    lines = []
    for k in (5, 10):
        out = subprocess.run([sys.executable, "-c", _EVAL, str(LEGAL / "questions.jsonl"), str(k),
                              str(data_dir / f"eval-{k}.json")],
                             env=env, cwd=ROOT, check=False, capture_output=True, text=True)
        lines += [line for line in (out.stdout + out.stderr).splitlines() if line.startswith(("recall@", "  "))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", default="/tmp/legal-shapes", help="folder for the two corpora and indexes")
    parser.add_argument("--count-only", action="store_true", help="count indexed articles, build no index")
    args = parser.parse_args(argv)
    for law in sorted(LEGAL.glob("*.txt")):
        text = law.read_text(encoding="utf-8")
        (n, a), (m, b) = articles_indexed(text), articles_indexed(without_header(text))
        print(f"{law.name}: with header {a}/{n} articles indexed, without {b}/{m}")
    if args.count_only:
        return 0
    work = Path(args.work)
    for name, cut in (("with", False), ("without", True)):
        build_folder(work / f"{name}-corpus", cut)
        print(f"\n== {name} header\n" + run_eval(work / f"{name}-corpus", work / f"{name}-data"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
