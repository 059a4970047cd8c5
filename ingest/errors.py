"""Errors ingest reports for one file without stopping the batch."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be ingested; ``reason`` is one clear Vietnamese sentence saying why.

    >>> str(DocumentError("corpus/a.txt", "tệp rỗng"))
    'corpus/a.txt: tệp rỗng'
    """

    def __init__(self, path: object, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason
