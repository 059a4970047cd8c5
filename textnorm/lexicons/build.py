"""Fill each lexicon entry's ``seen`` from the documents; check that no entry was taken from evaluation questions.

    python -m textnorm.lexicons.build           # rewrite the files with ``seen`` filled where a document has the term
    python -m textnorm.lexicons.build --check   # exit 1 listing entries only evaluation questions hold, or unsourced

A term is seen in a document when its words stand in the document's text as words, case and accents as written
("HĐND" is "hđnd"; "cơ" is not "có"). Provincial capitals and districts are no lexicon of ours: they are read from
underthesea's administrative table (:func:`textnorm.gazetteer.admin_places`), the one place they are written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from functools import lru_cache

from textnorm import lexicons, normalize_text
from textnorm.lexicons import FORMAT_VERSION, entries, names

PROJECT_ROOT = lexicons.LEXICON_DIR.parents[1]
#: Where documents are (the bundled corpus, test fixtures, the real pages of every evaluation set, kept as the pages
#: gave them, the shared real documents): evaluation questions are not documents, so a term seen only in a question
#: is seen nowhere, while a term a real page writes is usage ("CBCCVC", written by three pages of freshdocs15, 19 and
#: 20, asked by a blind question of session 28).
DOCUMENT_DIRS = (
    PROJECT_ROOT / "corpus",
    PROJECT_ROOT / "tests" / "fixtures",
    *sorted((PROJECT_ROOT / "eval").glob("*/docs")),
    PROJECT_ROOT.parent / "shared" / "eval" / "realdocs" / "docs",
)
#: Evaluation questions (one JSON object a line, its question under "question"): a term only they hold was shaped by
#: the evaluation, the defect the check exists for.
QUESTION_FILES = (
    *sorted((PROJECT_ROOT / "eval").glob("*.jsonl")),
    *sorted((PROJECT_ROOT / "eval").glob("*/questions.jsonl")),
    PROJECT_ROOT.parent / "shared" / "eval" / "dev.jsonl",
    PROJECT_ROOT.parent / "shared" / "eval" / "realdocs" / "questions.jsonl",
)
#: Files read as documents: the text formats (binary fixtures hold the same kinds of text as the text ones).
DOCUMENT_SUFFIXES = (".txt", ".md", ".html")
#: What ``seen`` says of a function word no document happens to hold.
GRAMMAR_SEEN = "grammar"


@lru_cache(maxsize=1)
def document_texts() -> dict[str, str]:
    """Relative path → lower-cased, normalised text of every document found (folders that are missing are skipped)."""
    out = {}
    for folder in DOCUMENT_DIRS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in DOCUMENT_SUFFIXES and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                out[str(path.relative_to(PROJECT_ROOT.parent))] = normalize_text(text).lower()
    return out


@lru_cache(maxsize=1)
def question_texts() -> tuple[str, ...]:
    """Every evaluation question, lower-cased and normalised (files that are missing are skipped)."""
    out = []
    for path in QUESTION_FILES:
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.append(normalize_text(str(json.loads(line).get("question", ""))).lower())
    return tuple(out)


def _as_words(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in normalize_text(term).lower().split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def seen_in(term: str) -> str:
    """The first document (by path) holding ``term`` as words, or "".

    >>> seen_in("ủy ban nhân dân") != "", seen_in("xyzzy không có")
    (True, '')
    """
    pattern = _as_words(term)
    return next((path for path, text in document_texts().items() if pattern.search(text)), "")


def asked_only(name: str) -> list[str]:
    """Terms of lexicon ``name`` that are not grammar, that no document holds and that an evaluation question does:
    entries shaped by the evaluation."""
    out = []
    for entry in entries(name):
        pattern = _as_words(entry.term)
        if entry.why != "grammar" and not seen_in(entry.term) and any(pattern.search(q) for q in question_texts()):
            out.append(entry.term)
    return out


def unsourced(name: str) -> list[str]:
    """Terms of lexicon ``name`` whose ``seen`` is empty: every entry says where it comes from."""
    return [e.term for e in entries(name) if not e.seen.strip()]


def dump(name: str, about: str, rows: list[dict], rest: dict | None = None) -> str:
    """A lexicon file's text: one entry a line, so a change is one line of a diff; ``rest``: the file's other keys
    (the agencies' ``groups``), kept after the entries."""
    lines = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
    head = json.dumps({"version": FORMAT_VERSION, "lexicon": name, "about": about}, ensure_ascii=False)[:-1]
    tail = "".join(f", {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in (rest or {}).items())
    return f'{head}, "entries": [\n{lines}\n]{tail}}}\n'


def _location(path: str) -> str:
    """A path relative to the project for its own files ("corpus/…"), as found for the shared ones."""
    own = PROJECT_ROOT.name + "/"
    return path[len(own):] if path.startswith(own) else path


def refresh(name: str) -> int:
    """Rewrite lexicon ``name`` with ``seen`` set from the documents; returns the number of entries changed."""
    path = lexicons.LEXICON_DIR / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    changed = 0
    for row in data["entries"]:
        found = seen_in(row["term"])
        seen = _location(found) if found else (GRAMMAR_SEEN if row["why"] == "grammar" else row.get("seen", ""))
        changed += seen != row.get("seen")
        row["seen"] = seen
    rest = {k: v for k, v in data.items() if k not in ("version", "lexicon", "about", "entries")}
    path.write_text(dump(name, data.get("about", ""), data["entries"], rest), encoding="utf-8")
    entries.cache_clear()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m textnorm.lexicons.build", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="list the entries seen in no document; exit 1 if any")
    args = parser.parse_args(argv)
    if args.check:
        problems = [f"{name}: «{term}» chỉ có trong câu hỏi đánh giá, không có trong văn bản nào"
                    for name in names() for term in asked_only(name)]
        problems += [f"{name}: «{term}» không ghi nơi thấy" for name in names() for term in unsourced(name)]
        sys.stdout.write(("\n".join(problems) or "mọi mục đều có trong văn bản hoặc là ngữ pháp") + "\n")
        return 1 if problems else 0
    for name in names():
        sys.stdout.write(f"{name}: {refresh(name)} mục cập nhật nơi thấy\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
