"""Score every question set, split into the tune and check halves by document: ``make eval``.

Sets: the shared dev questions (bundled corpus), the shared real-document questions (their 13 documents ingested
beside the bundled corpus), and ours in ``eval/`` (reworded questions as officials type them; refusal probes and
answerable look-alikes; ``newdocs``: questions on more real documents as officials have them, news posts, web pages
and excerpts, in ``eval/newdocs/docs/``, ingested beside the others; ``freshdocs``: a fresh set of real pages nobody
has tuned on, in ``eval/freshdocs/docs/``, check half only; ``freshdocs2``: a second fresh set, collected once the
first had been looked at, in ``eval/freshdocs2/docs/``, check half only; ``freshdocs3``: a third fresh set, the blind
judge once the second had been looked at, a tune set now, in ``eval/freshdocs3/docs/``, check half only so that its
rows stay reported; ``freshdocs4``: a fourth fresh set, the judge of session 8, a check set now (not tuned on, its
rows seen at summary level), in ``eval/freshdocs4/docs/``, check half only; ``freshdocs5``: a fifth fresh set, the judge
of session 9 and a tune set since session 10 (its rows looked at), in ``eval/freshdocs5/docs/``, check half only so that
its rows stay reported; ``freshdocs6``: a sixth fresh set, the blind judge of session 10 and a tune set since
session 12, in ``eval/freshdocs6/docs/``, check half only so that its rows stay reported; ``freshdocs7``: a seventh
fresh set, the blind judge of sessions 11 and 12 and a tune set since session 13, in ``eval/freshdocs7/docs/``, check
half only so that its rows stay reported; ``freshdocs8``:
an eighth fresh set, the blind judge of session 12 and a tune set since session 24, in ``eval/freshdocs8/docs/``, check
half only so that its rows stay reported; ``freshdocs9``: a ninth fresh set, the blind judge of session 13 and a tune
set since session 24, in ``eval/freshdocs9/docs/``, check half only so that its rows stay reported;
``freshdocs10``: a tenth fresh set, the blind judge of session 14 and a tune set since session 25, in
``eval/freshdocs10/docs/``, check half only so that its rows stay reported; ``freshdocs11``: an eleventh fresh set, the
blind judge of session 16 and a tune set since session 26, in ``eval/freshdocs11/docs/``, check half only so that its
rows stay reported; ``freshdocs12``: a twelfth
fresh set, the blind judge of session 18 and a tune set since session 27, in ``eval/freshdocs12/docs/``, check half only
so that its rows stay reported;
``freshdocs13``: a thirteenth fresh set, the blind judge of session 20 and a tune set since session 28, in
``eval/freshdocs13/docs/``, check half only so that its rows stay reported;
``freshdocs14``: a fourteenth fresh set, a blind judge of session 21, never tuned on, in
``eval/freshdocs14/docs/``, check half only; ``freshdocs15``: a fifteenth fresh set, a blind judge of session 23, never
tuned on, in ``eval/freshdocs15/docs/``, check half only; ``freshdocs16``: a sixteenth fresh set, a blind judge of
session 24, never tuned on, in ``eval/freshdocs16/docs/``, check half only; ``freshdocs17``: a seventeenth fresh set, a
blind judge of session 25, never tuned on, in ``eval/freshdocs17/docs/``, check half only; ``freshdocs18``: an
eighteenth fresh set, a blind judge of session 26, never tuned on, in ``eval/freshdocs18/docs/``, check half only;
``freshdocs19``: a nineteenth fresh set, a blind judge of session 27, never tuned on, in ``eval/freshdocs19/docs/``,
check half only; ``freshdocs20``: a twentieth fresh set, a blind judge of session 28, never tuned on, in
``eval/freshdocs20/docs/``, check half only;
``freshq12``: new questions written blind in session 16 over pages of freshdocs2, 3, 5, 6 and 7, no documents of its
own, halves by page, a refusal with its near-miss page;
``freshq13``: new questions written blind in session 17 over pages of newdocs (its own halves) and freshdocs (8 pages
lent to the tune half), the same way; ``freshq14``: blind questions of session 18 weighted to refusals (38 to refuse,
37 to answer) over pages of freshdocs, 2, 3, 5, 6, 7 and newdocs, each page in the half it already has;
``freshq15``: blind questions of session 19 about which document, the right page having a near twin of another
province, year or number (45 to answer, 25 to refuse), over the same sets' pages, each page in the half it has;
``freshq16``: blind questions of session 27 weighted to refusals (31 to refuse, 43 to answer built to tempt a wrong
refusal) over the released pages of freshdocs8, 9, 10, 11 and 12, halves by page (25 of their pages lent to tune);
``freshq17``: blind questions of session 28 weighted to refusals (30 to refuse, 40 to answer built to tempt a wrong
refusal) over the released pages of freshdocs9, 10, 11 and 13 (48 on freshdocs13), halves by page (22 lent to tune)).
``eval/splits.json`` assigns each document to the tune or the check half; a question follows its document, an
unanswerable one (no document) alternates by position, and every question of a set listed in its ``check_only_sets``
is in the check half. Tune on the tune half only; report both.

    python -m bench.eval_sets [--data-dir DIR] [--only answers|retrieval] [--half tune|check]
                              [--sets dev,realdocs,reworded,probes,newdocs,freshdocs,freshdocs2,freshdocs3,
                                      freshdocs4,freshdocs5,freshdocs6,freshdocs7,freshdocs8,
                                      freshdocs9,freshdocs10,freshdocs11,freshdocs12,freshdocs13,freshdocs14,
                                      freshdocs15,freshdocs16,freshdocs17,freshdocs18,freshdocs19,freshdocs20,
                                      freshq12,freshq13,freshq14,freshq15,freshq16,freshq17]
    python -m bench.eval_sets --metadata [--verbose] [--sets realdocs,newdocs]   # metadata against the gold files

Metadata-only gold sets (no questions, never indexed): ``widedocs_a``/``widedocs_b`` (wide labelled samples, check
only) and ``metadocs14`` (fresh pages of session 18, a metadata tune set: every page in the tune half).

The reference scorer (``../shared/eval/score.py``) does the scoring, through the project's own CLIs.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from settings import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
EVAL = PROJECT_ROOT / "eval"
#: Our sets of real documents, each a folder of ``eval/`` with ``docs/``, ``questions.jsonl`` and ``metadata.jsonl``
#: (in the order their rows are reported).
DOC_SETS = ("newdocs", "freshdocs", *(f"freshdocs{n}" for n in range(2, 21)))
SETS = {
    "dev": SHARED / "eval" / "dev.jsonl",
    "realdocs": SHARED / "eval" / "realdocs" / "questions.jsonl",
    "reworded": EVAL / "reworded.jsonl",
    "probes": EVAL / "probes.jsonl",
    **{name: EVAL / name / "questions.jsonl" for name in DOC_SETS},
    "freshq12": EVAL / "freshq12" / "questions.jsonl",  # over pages of freshdocs2/3/5/6/7: no docs folder of its own
    "freshq13": EVAL / "freshq13" / "questions.jsonl",  # over pages of newdocs and freshdocs: no docs folder of its own
    "freshq14": EVAL / "freshq14" / "questions.jsonl",  # weighted to refusals, over pages of seven sets: no docs folder
    "freshq15": EVAL / "freshq15" / "questions.jsonl",  # which document among near twins, same pages: no docs folder
    "freshq16": EVAL / "freshq16" / "questions.jsonl",  # weighted to refusals, over freshdocs8-12 pages: no docs folder
    "freshq17": EVAL / "freshq17" / "questions.jsonl",  # weighted to refusals, freshdocs9-11, 13 pages: no docs folder
}
#: Folders whose files are ingested together for every set: the bundled corpus, the shared real documents, ours.
DOC_FOLDERS = (PROJECT_ROOT / "corpus", SHARED / "eval" / "realdocs" / "docs",
               *(EVAL / name / "docs" for name in DOC_SETS))
#: Hand-checked metadata (gold file, its documents) scored by ``--metadata``, halves as in ``eval/splits.json``.
GOLDS = {
    "realdocs": (SHARED / "eval" / "realdocs" / "metadata.jsonl", SHARED / "eval" / "realdocs" / "docs"),
    **{name: (EVAL / name / "metadata.jsonl", EVAL / name / "docs")
       for name in (*DOC_SETS, "widedocs_a", "widedocs_b", "metadocs14")},
    # metadocs14: metadata only, every page in the tune half (not in splits.json): fresh L–Z pages of session 18
}
_HEADLINE = re.compile(r"^(answers|recall@\d+)\S*=([0-9.]+)", re.MULTILINE)
_DETAIL = re.compile(r"fact coverage ([0-9.]+).*?abstention ([0-9.]+).*?citations verifiable ([0-9.]+).*?"
                     r"median answer length (\d+)", re.S)
_DIRECT = re.compile(r"facts within the first 400 characters ([0-9.]+)")


def split_questions(path: Path, splits: dict, name: str | None = None) -> dict[str, list[dict]]:
    """The questions of one set, by half ("tune" / "check"); all in "check" when ``name`` is a check-only set."""
    tune = set(splits["tune_docs"])
    owner = splits["question_docs"]
    check_only = name in splits.get("check_only_sets", {})
    halves: dict[str, list[dict]] = {"tune": [], "check": []}
    orphans = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        q = json.loads(line)
        doc = owner.get(q["id"])
        if check_only:
            half = "check"
        elif doc is None:
            half = "tune" if orphans % 2 == 0 else "check"
            orphans += 1
        else:
            half = "tune" if doc in tune else "check"
        halves[half].append(q)
    return halves


def use_index(data_dir: Path) -> None:
    """Point this process's settings at an index built by :func:`build_index` (before anything loads settings)."""
    os.environ["CORPUS_DIR"] = str(data_dir / "corpus")
    os.environ["DATA_DIR"] = str(data_dir / "data")


def halves_of(names) -> dict[str, list[dict]]:
    """The questions of the named sets, pooled by half ("tune" / "check")."""
    splits = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
    halves: dict[str, list[dict]] = {"tune": [], "check": []}
    for name in names:
        for half, qs in split_questions(SETS[name], splits, name).items():
            halves[half] += qs
    return halves


def sync_corpus(corpus: Path, folders: tuple[Path, ...] = DOC_FOLDERS) -> int:
    """Copy into ``corpus`` every file of ``folders`` it lacks or holds with other bytes; the number copied.

    >>> import tempfile
    >>> src, dst = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (src / "a.txt").write_text("KẾ HOẠCH", encoding="utf-8")
    >>> sync_corpus(dst, (src,)), sync_corpus(dst, (src,))
    (1, 0)
    """
    corpus.mkdir(parents=True, exist_ok=True)
    copied = 0
    for folder in folders:
        for f in folder.iterdir():
            target = corpus / f.name
            if f.is_file() and not (target.is_file() and filecmp.cmp(f, target, shallow=False)):
                shutil.copy(f, target)
                copied += 1
    return copied


def build_index(data_dir: Path, python: str) -> None:
    """Ingest the bundled corpus, the shared real documents and ours (:data:`DOC_FOLDERS`) into ``data_dir``: all of
    them the first time, and at every run after it, as ingest is incremental (an unchanged file is skipped once its
    bytes are read: about 3 s for 541 files). So an index kept from before a new set was added holds the new set's
    documents, and an index left without some documents (an ingest killed during the first build, documents deleted
    from a copy of the index) is completed before it is scored, even when no file was copied."""
    corpus = data_dir / "corpus"
    sync_corpus(corpus)
    env = {**os.environ, "CORPUS_DIR": str(corpus), "DATA_DIR": str(data_dir / "data")}
    subprocess.run([python, "-m", "ingest"], cwd=PROJECT_ROOT, env=env, check=False)


def _cell(shares: dict[str, float], key: str) -> str:
    """One column of the metadata table: the share, or a dash for a half without documents (a check-only set's tune).

    >>> _cell({"nam": 0.5}, "nam"), _cell({}, "nam")
    ('       0.500', '           —')
    """
    return f"{shares[key]:12.3f}" if key in shares else f"{'—':>12}"


def metadata_report(splits: dict, verbose: bool = False, names=tuple(GOLDS), half: str | None = None) -> str:
    """Per field, the share of gold documents whose metadata ingest reads right, by half of ``splits``
    (``python -m ingest check-metadata`` halves by file position instead), for the gold sets ``names``; verbose adds
    every mismatch, of the documents of ``half`` only when it is given (a tuner reads the tune half's lines and never
    a check half's: the shares of both halves stay printed)."""
    from ingest.check import GOLD_FIELDS, accuracy, check_document, read_gold

    lines = []
    for name in names:
        gold, docs = GOLDS[name]
        check_only = name in splits.get("check_only_sets", {})  # a check-only set has no tune half
        results = [check_document(docs / row["file"], row,
                                  "check" if check_only or row["file"] in splits["check_docs"] else "tune")
                   for row in read_gold(gold)]
        groups = [(h, [r for r in results if r.half == h]) for h in ("tune", "check")] + [("all", results)]
        table = {h: accuracy(rs) for h, rs in groups}
        lines.append(f"{name:<16}" + "".join(f"{f'{h} ({len(rs)})':>12}" for h, rs in groups))
        lines += [f"  {k:<14}" + "".join(_cell(table[h], k) for h, _ in groups) for k in GOLD_FIELDS]
        shown = [r for r in results if half in (None, r.half)]
        lines += [f"  {r.file} [{r.half}]: {r.error}" for r in shown if r.error]
        if verbose:
            lines += [f"  {r.file} [{r.half}] {k}: chuẩn {g!r} ≠ đọc được {p!r}" for r in shown
                      for k, g, p in r.mismatches()]
    return "\n".join(lines)


def score(kind: str, questions: list[dict], data_dir: Path, python: str) -> dict:
    """Run the reference scorer on some questions; returns its figures."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions))
    env = {**os.environ, "CORPUS_DIR": str(data_dir / "corpus"), "DATA_DIR": str(data_dir / "data")}
    args = [python, str(SHARED / "eval" / "score.py"), kind, "--questions", f.name, "--python", python]
    if kind == "retrieval":
        args += ["--k", "5"]
    run = subprocess.run(args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    os.unlink(f.name)
    out = run.stdout
    if run.returncode:
        print(f"score.py {kind} thất bại (mã {run.returncode}): {run.stderr.strip()[-800:]}", file=sys.stderr)
    figures = {"n": len(questions), "output": out}
    m = _DETAIL.search(out)
    if m:
        figures.update(facts=float(m.group(1)), abstention=float(m.group(2)), citations=float(m.group(3)),
                       median_chars=int(m.group(4)))
    m = _DIRECT.search(out)
    if m:
        figures["direct400"] = float(m.group(1))
    m = _HEADLINE.search(out)
    if m:
        figures["headline"] = float(m.group(2))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.eval_sets", description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None, help="index folder to build or reuse")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--only", choices=("answers", "retrieval"), default=None)
    parser.add_argument("--verbose", action="store_true", help="print the scorer's own lines (misses)")
    parser.add_argument("--metadata", action="store_true", help="only score metadata against the gold files")
    parser.add_argument("--half", choices=("tune", "check"), default=None,
                        help="score one half only (a tuner reads the tune half's lines and never a check half's)")
    args = parser.parse_args(argv)
    if args.metadata:
        wanted = tuple(n for n in args.sets.split(",") if n in GOLDS)  # --sets narrows it: a judge's lines stay unread
        print(metadata_report(json.loads((EVAL / "splits.json").read_text(encoding="utf-8")), args.verbose, wanted,
                              args.half))
        return 0
    if not (SHARED / "eval" / "score.py").exists():
        print(f"Không tìm thấy {SHARED / 'eval' / 'score.py'}", file=sys.stderr)
        return 2
    python = sys.executable
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="cchc-eval-"))
    build_index(data_dir, python)
    splits = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
    kinds = [args.only] if args.only else ["retrieval", "answers"]
    print(f"{'set':<10} {'half':<6} {'n':>3} {'recall@5':>9} {'facts':>6} {'in400':>6} {'abstain':>8} "
          f"{'cites':>6} {'median':>7}")
    for name in args.sets.split(","):
        for half, questions in split_questions(SETS[name], splits, name).items():
            if not questions or (args.half and half != args.half):  # a check-only set has no tune half
                continue
            row = {}
            for kind in kinds:
                if kind == "retrieval" and not any(q.get("evidence") for q in questions):
                    continue
                figures = score(kind, questions, data_dir, python)
                row["recall" if kind == "retrieval" else "answers"] = figures
                if args.verbose:
                    print(figures["output"])
            r, a = row.get("recall", {}), row.get("answers", {})
            print(f"{name:<10} {half:<6} {len(questions):>3} {r.get('headline', float('nan')):>9.3f} "
                  f"{a.get('facts', float('nan')):>6.3f} {a.get('direct400', float('nan')):>6.3f} "
                  f"{a.get('abstention', float('nan')):>8.3f} {a.get('citations', float('nan')):>6.3f} "
                  f"{a.get('median_chars', 0):>7}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
