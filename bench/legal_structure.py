"""Structure check of legal documents: passages spanning two articles, article headings cut off from their body.

    .venv/bin/python -m bench.legal_structure tests/fixtures/legal

A passage spans two articles when it holds two "Điều N" heading lines, or one that is not at its start (the previous
article's text before it). A heading is cut off from its body when its passage ends at the heading and the text that
follows (not another article) is in another passage.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ingest.document import build_document
from ingest.loaders import load_file

ARTICLE_LINE = re.compile(r"^(?:Điều|ĐIỀU) \d+[^\n]*", re.MULTILINE)


def structure_counts(doc) -> dict[str, int]:
    """Counts for one built document.

    >>> from ingest.document import build_document
    >>> law = "Điều 1. Phạm vi\\nLuật này quy định.\\nĐiều 2. Hiệu lực\\nNgay."
    >>> structure_counts(build_document("vd", "vd.txt", law))
    {'passages': 2, 'spanning_two_articles': 0, 'articles': 2, 'heading_without_body': 0}
    """
    heads = list(ARTICLE_LINE.finditer(doc.text))
    spanning = 0
    for p in doc.passages:
        inside = [m for m in heads if p.start <= m.start() < p.end]
        spanning += len(inside) >= 2 or bool(inside and inside[0].start() > p.start)
    apart = 0
    for m in heads:
        holder = [p for p in doc.passages if p.start <= m.start() < p.end]
        rest = doc.text[m.end():]
        following = m.end() + len(rest) - len(rest.lstrip())
        elsewhere = [p for p in doc.passages if p.start <= following < p.end and (not holder or p is not holder[0])]
        if not holder or (holder[0].end <= following and elsewhere and not ARTICLE_LINE.match(doc.text, following)):
            apart += 1
    return {"passages": len(doc.passages), "spanning_two_articles": spanning, "articles": len(heads),
            "heading_without_body": apart}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    args = parser.parse_args(argv)
    total: dict[str, int] = {}
    for path in sorted(p for p in Path(args.folder).iterdir() if p.suffix in (".txt", ".docx", ".pdf", ".md")):
        counts = structure_counts(build_document(path.stem, str(path), load_file(path).text))
        print(path.name, " ".join(f"{k}={v}" for k, v in counts.items()))
        total = {k: total.get(k, 0) + v for k, v in counts.items()}
    print("total", " ".join(f"{k}={v}" for k, v in total.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
