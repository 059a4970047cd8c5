"""An upload takes the lock before it touches the uploads folder, and never overwrites an indexed original
(issue 19, item 2)."""

from __future__ import annotations

import io

import pytest

from errors import IngestBusy
from ingest.pipeline import ingest_lock
from ingest.service import VERSIONS_DIR, DocumentLibrary

PLAN = "KẾ HOẠCH\nKiểm tra công tác cải cách hành chính tại Sở Tư pháp trong quý II năm 2030.\n".encode()


def _docx(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_a_busy_upload_changes_no_file(settings, store):
    library = DocumentLibrary(settings, store)
    library.add_files([("ke-hoach.txt", PLAN)])
    original = (settings.uploads_dir / "ke-hoach.txt").read_bytes()
    with ingest_lock(settings), pytest.raises(IngestBusy):
        library.add_files([("moi.txt", PLAN + b"them"), ("ke-hoach.txt", PLAN + b"sua")])
    assert sorted(p.name for p in settings.uploads_dir.iterdir()) == ["ke-hoach.txt"]
    assert (settings.uploads_dir / "ke-hoach.txt").read_bytes() == original


def test_a_new_version_keeps_the_earlier_file(settings, store):
    library = DocumentLibrary(settings, store)
    library.add_files([("ke-hoach.txt", PLAN)])
    newer = PLAN + "Bổ sung: Sở Y tế trong quý III.\n".encode()
    batch = library.add_files([("ke-hoach.txt", newer)])
    assert batch.results[0].status == "updated"
    assert (settings.uploads_dir / "ke-hoach.txt").read_bytes() == newer
    kept = list((settings.uploads_dir / VERSIONS_DIR).iterdir())
    assert [p.read_bytes() for p in kept] == [PLAN]
    (doc,) = store.records().values()
    assert "Sở Y tế" in store.get_document(doc.doc_id).text  # the versions folder is not indexed


def test_a_refused_new_version_gives_the_original_back(settings, store):
    library = DocumentLibrary(settings, store)
    good = _docx("KẾ HOẠCH\nKiểm tra cải cách hành chính tại Sở Tư pháp trong quý II năm 2030.")
    library.add_files([("ke-hoach.docx", good)])
    (record,) = store.records().values()
    batch = library.add_files([("ke-hoach.docx", b"PK\x03\x04 not a real docx")])
    assert batch.results[0].status == "refused"
    assert (settings.uploads_dir / "ke-hoach.docx").read_bytes() == good  # what the citations quote
    assert list(store.records().values())[0].version == record.version
