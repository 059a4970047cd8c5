"""What ingest keeps of each file: lines, share of its words the index holds, passages; refused or emptied files.

    .venv/bin/python -m bench.coverage                       # bundled corpus, test fixtures, shared real documents
    .venv/bin/python -m bench.coverage DIR_OR_FILE …         # any files or folders
    .venv/bin/python -m bench.coverage --shapes              # also each file as officials paste it badly

``--shapes`` measures every file four more ways: without its header (from its first "Chương"/"Điều" line, when it
has one: a law pasted from its body), as one line (a PDF's text layer pasted flat), without diacritics (typed or
OCR'd), and both at once.

"Its words" are the folded words of the cleaned lines (:func:`ingest.clean.clean_lines`: Markdown marks, rules and
a portal's numbered related-document lists already removed). A word is kept when a passage holds it, when the
section path of a passage names it (a heading over sub-sections lives on there), or when it is in the document's
header text that is deliberately not a passage (issuing body, motto, authority line: on the record, cited through
the metadata). The portal's lines kept in the "Thông tin trang nguồn" section are passages, so they count. Lines the
boundary finder dropped count as kept only when they look like web lines by a positive rule
(:func:`ingest.boundaries.web_line_reason`: the chrome lexicon, a menu, a breadcrumb, a date-and-time banner, a row
of the portal's metadata table…): any other line dropped (a garbled OCR line, a name, a body line) is a loss. Each
set's total says how many lines were dropped, how many of them look like web lines and how many do not.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from errors import CchcError
from ingest.boundaries import find_document, is_body_line, portal_lines, web_reasons
from ingest.clean import CELL_BREAK, clean_lines
from ingest.document import build_document
from ingest.frontmatter import matter_lines
from ingest.loaders import load_file
from ingest.structure import parse_structure
from textnorm import fold_accents
from textnorm.cues import PASSAGE_ROLES

#: Folders measured when none is given (the shared real documents only where ../shared is present).
DEFAULT_SETS = ("corpus", "tests/fixtures", "../shared/eval/realdocs/docs")
#: File types ingest reads.
SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
#: The target of issue 18: every file keeps at least this share of its words.
MIN_KEPT = 0.90

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> Counter:
    """Folded words of a text, counted.

    >>> sorted(words("Độc lập - Tự do").items())
    [('do', 1), ('doc', 1), ('lap', 1), ('tu', 1)]
    """
    return Counter(_WORD.findall(fold_accents(text)))


@dataclass
class Coverage:
    """What ingest kept of one file."""

    name: str
    lines: int
    words: int
    kept: float  # share of its words kept (see the module's docstring)
    passages: int
    dropped_body: int  # body lines dropped as web lines
    dropped: int = 0  # lines dropped (not kept with the document nor in its "Thông tin trang nguồn" section)
    dropped_web: int = 0  # of those, lines that look like web lines (ingest.boundaries.web_line_reason)
    error: str = ""

    @property
    def dropped_other(self) -> int:
        """Dropped lines that do not look like web lines: text lost."""
        return self.dropped - self.dropped_web


def measure_text(name: str, raw: str) -> Coverage:
    """Coverage of one text as ingest builds it.

    >>> c = measure_text("luat.txt", "Điều 1. Phạm vi\\nLuật này quy định về dịch vụ công.\\nĐiều 2. Hiệu lực\\nNgay.")
    >>> c.kept, c.passages, c.dropped_body
    (1.0, 2, 0)
    >>> raw = "Trang chủ > Văn bản\\nUBND TJNH X\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nĐiều 1. Ngay."
    >>> c = measure_text("kh.txt", raw)
    >>> c.dropped, c.dropped_web, c.dropped_other
    (1, 1, 0)
    """
    cleaned = [line.text for line in clean_lines(raw) if line.text != CELL_BREAK]
    reference = words("\n".join(cleaned))
    doc = build_document("coverage", name, raw)
    kept = Counter()
    for p in doc.passages:
        kept.update(words(p.text))
        kept.update(words(p.section))
    bounds = find_document(clean_lines(raw))
    blocks = parse_structure(bounds.lines)
    for u in matter_lines(blocks):
        if u.role not in PASSAGE_ROLES:
            kept.update(words(blocks[u.block].text[u.start:u.end]))
    lost_body = [t for t in bounds.dropped() if is_body_line(t)]
    shown = set(portal_lines(bounds))
    dropped = [(t, why) for part in (bounds.dropped_before, bounds.dropped_chrome, bounds.dropped_after)
               for t, why in zip(part, web_reasons(part)) if t.strip(" |") not in shown]
    for t, why in dropped:
        if why:
            kept.update(words(t))
    total = sum(reference.values())
    share = sum(min(n, kept[w]) for w, n in reference.items()) / total if total else 1.0
    return Coverage(name, len(cleaned), total, round(share, 3), len(doc.passages), len(lost_body),
                    len(dropped), sum(bool(why) for _, why in dropped))


_BODY_START = re.compile(r"^\s*(?:Chương|CHƯƠNG|Điều|ĐIỀU)\s+[\dIVXLC]+", re.MULTILINE)


def strip_accents(text: str) -> str:
    """Text without diacritics, case kept (as typed without Telex, or OCR'd without the Vietnamese model).

    >>> strip_accents("Độc lập - Tự do")
    'Doc lap - Tu do'
    """
    nfd = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in nfd if not unicodedata.combining(c))


def shapes(raw: str) -> dict[str, str]:
    """The text as pasted badly: without header (laws), as one line, without diacritics, both.

    >>> sorted(shapes("QUỐC HỘI\\nĐiều 1. Phạm vi\\nLuật này."))
    ['flat', 'flat+folded', 'folded', 'no-header']
    """
    out = {}
    body = _BODY_START.search(raw)
    if body and body.start() > 0:
        out["no-header"] = raw[body.start():]
    flat = " ".join(raw.split())
    out.update({"flat": flat, "folded": strip_accents(raw), "flat+folded": strip_accents(flat)})
    return out


def measure_file(path: Path, with_shapes: bool = False) -> list[Coverage]:
    """Coverage of one file (and of its :func:`shapes`); a file the loader refuses is reported with its reason."""
    try:
        raw = load_file(path).text
    except CchcError as exc:
        return [Coverage(path.name, 0, 0, 0.0, 0, 0, error=str(exc))]
    variants = {"": raw, **(shapes(raw) if with_shapes else {})}
    return [measure_text(f"{path.name} [{k}]" if k else path.name, text) for k, text in variants.items()]


def files_under(paths: list[str]) -> list[Path]:
    """Files of the given files and folders (recursively), that ingest reads, in order."""
    out: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            out += sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif given.is_file():
            out.append(given)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help=f"files or folders (default: {', '.join(DEFAULT_SETS)})")
    parser.add_argument("--shapes", action="store_true", help="also without header, as one line, without diacritics")
    args = parser.parse_args(argv)
    sets = args.paths or [s for s in DEFAULT_SETS if Path(s).exists()]
    failed = 0
    for folder in sets:
        results = [c for p in files_under([folder]) for c in measure_file(p, args.shapes)]
        print(f"== {folder}: {len(results)} files")
        for c in results:
            flag = "REFUSED" if c.error else ("EMPTY" if not c.passages else ("LOW" if c.kept < MIN_KEPT else ""))
            failed += bool(flag)
            print(f"{c.name[:60]:60s} lines={c.lines:5d} words={c.words:6d} kept={c.kept:6.1%} "
                  f"passages={c.passages:4d} body_dropped={c.dropped_body:3d} dropped={c.dropped:3d} "
                  f"not_web={c.dropped_other:3d} {flag} {c.error}".rstrip())
        print(f"-- {folder}: {sum(c.dropped for c in results)} lines dropped, "
              f"{sum(c.dropped_web for c in results)} look like web lines, "
              f"{sum(c.dropped_other for c in results)} do not")
    print(f"{failed} file(s) refused, emptied or below {MIN_KEPT:.0%}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
