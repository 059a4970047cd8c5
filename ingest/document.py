"""From raw text to a :class:`index.model.Document`: clean → structure → metadata → passages."""

from __future__ import annotations

import hashlib
import re

from index.model import PORTAL_SECTION, Document
from ingest.boundaries import find_document, portal_lines
from ingest.clean import clean_lines, strip_markup
from ingest.facts import with_facts
from ingest.frontmatter import matter_lines
from ingest.metadata import extract_metadata
from ingest.passages import render_blocks, split_into_passages
from ingest.structure import Block, parse_structure
from textnorm import fold_accents, normalize_text


def make_doc_id(source: str) -> str:
    """A readable, stable id from a file path.

    >>> make_doc_id("corpus/Kế hoạch 36 KH-UBND.docx")
    'ke-hoach-36-kh-ubnd'
    """
    stem = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = re.sub(r"[^a-z0-9]+", "-", fold_accents(stem)).strip("-")
    return slug[:80] or hashlib.sha1(source.encode()).hexdigest()[:12]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _plain_passages(doc_id: str, raw_text: str, metadata: dict) -> tuple[str, list]:
    """Whatever cleaning, boundaries and front matter decided, a text yields passages: its lines as paragraphs.

    >>> text, passages = _plain_passages("vd", "- 1 Kế hoạch số 12/KH-UBND\\n- 2 Quyết định số 5/QĐ-UBND\\n---", {})
    >>> [p.text for p in passages]
    ['- 1 Kế hoạch số 12/KH-UBND\\n- 2 Quyết định số 5/QĐ-UBND']
    """
    lines = (strip_markup(line) for line in normalize_text(raw_text).split("\n"))
    blocks = [Block(line, "para", ()) for line in lines if any(c.isalnum() for c in line)]
    text, spans = render_blocks(blocks)
    return text, split_into_passages(doc_id, text, blocks, spans, metadata, [])


def build_document(doc_id: str, source: str, raw_text: str, *, digest: str = "",
                   notes: tuple[str, ...] = (), extra: dict | None = None) -> Document:
    """Clean, structure and cut one document.

    Args:
        doc_id: id to give the document.
        source: original file path, relative to the project root where possible.
        raw_text: text as the loader returned it.
        digest: content hash of the original file.
        notes: loader notes to keep with the document.
        extra: what the loader knows of the file beside its text (:data:`index.model.OCR_KEY`), added to the metadata.

    Returns:
        The document, its metadata and its passages.

    >>> src = "Số: 36/KH-UBND\\n\\nKẾ HOẠCH\\nKiểm tra CCHC\\n\\nI. MỤC ĐÍCH\\n\\n- Kiểm tra."
    >>> doc = build_document("vd", "vd.txt", src)
    >>> doc.metadata["so_hieu"], [p.kind for p in doc.passages]
    ('36/KH-UBND', ['number', 'title', 'list'])
    >>> [p.text for p in doc.passages]
    ['Số: 36/KH-UBND', 'KẾ HOẠCH\\nKiểm tra CCHC', 'I. MỤC ĐÍCH\\n- Kiểm tra.']
    """
    bounds = find_document(clean_lines(raw_text))
    blocks = parse_structure(bounds.lines)
    text, spans = render_blocks(blocks)
    web = portal_lines(bounds)  # after the document (its offsets and spans unchanged), its facts stay quotable
    portal = [Block(line, "para", (PORTAL_SECTION,)) for line in web]
    # front and end matter read once, forward: the metadata takes the document's own units, the passages all
    units = matter_lines(blocks + portal)
    metadata = extract_metadata(blocks, text, spans=spans, web_fields=bounds.web_fields,
                                units=[u for u in units if u.block < len(blocks)], portal=web)
    if portal:
        blocks = blocks + portal
        text, spans = render_blocks(blocks)
    metadata["source"] = source
    metadata.update(extra or {})
    metadata["boundary"] = "header" if bounds.header_found else "whole"
    title = metadata.get("tieu_de") or doc_id
    passages = split_into_passages(doc_id, text, blocks, spans, metadata, units)
    if not passages:
        text, passages = _plain_passages(doc_id, raw_text, metadata)
        metadata["boundary"] = "whole"
    dropped = len(bounds.dropped())
    if dropped:
        notes = (*notes, f"Đã bỏ {dropped} dòng của trang web quanh văn bản.")
    doc = Document(doc_id=doc_id, source=source, title=title, text=text, metadata=metadata,
                   passages=tuple(passages), content_hash=digest, notes=tuple(notes))
    return with_facts(doc)  # the facts read from the text beside its passages: schedules, tasks


__all__ = ["build_document", "make_doc_id", "content_hash"]
