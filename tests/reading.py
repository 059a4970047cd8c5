"""What the reader makes of a literal text, for the tests of reading rules: cleaned, cut into blocks and read, as
ingest does before it cuts passages (no file, no index)."""

from __future__ import annotations

from ingest.clean import clean_lines
from ingest.metadata import extract_metadata
from ingest.structure import parse_structure


def metadata_of(raw: str) -> dict:
    """The metadata ingest reads from ``raw``."""
    blocks = parse_structure(clean_lines(raw))
    return extract_metadata(blocks, "\n".join(b.text for b in blocks))
