"""Ingestion: load → clean → structure → passages → index.

>>> from ingest import build_document
>>> build_document("vd", "vd.txt", "Số: 36/KH-UBND\\n\\nKẾ HOẠCH\\nKiểm tra CCHC").metadata["so_hieu"]
'36/KH-UBND'
"""

from errors import DocumentError, IngestBusy
from ingest.document import build_document, make_doc_id
from ingest.pipeline import IngestReport, ingest_paths, load_document

__all__ = ["build_document", "make_doc_id", "DocumentError", "IngestBusy", "IngestReport", "ingest_paths",
           "load_document"]
