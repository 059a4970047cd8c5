"""Each step of an ingest runs once per file and per passage: the file rule, the hash, the front matter, the index
text and the BM25 terms (issue 21, item 5). Counted with spies around the real functions."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

import index.store
import ingest.document
import ingest.loaders
import ingest.metadata
import ingest.passages
import ingest.pipeline
import ingest.service
import ui.upload
from ingest.pipeline import ingest_paths
from ingest.service import DocumentLibrary

#: A plan pasted from a portal: its metadata table above the header is kept as "Thông tin trang nguồn" lines, so the
#: front matter is read over the document and over those lines.
PASTED_PLAN = "\n".join([
    "Trang chủ", "Số hiệu", "12/KH-UBND", "Người ký", "Nguyễn Văn An",
    "ỦY BAN NHÂN DÂN", "TỈNH HÀ NAM", "Số: 12/KH-UBND", "Hà Nam, ngày 5 tháng 3 năm 2022",
    "KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2022",
    "I. MỤC ĐÍCH", "- Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính tại các sở, ngành.",
    "Nơi nhận:", "- Bộ Nội vụ;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An",
])

#: Where each counted function is looked up when it is called (a module that imported it holds its own name).
SPIED = {
    "check_file": (ingest.loaders, ingest.pipeline, ingest.service),
    "content_hash": (ingest.document, ingest.pipeline),
    "matter_lines": (ingest.document, ingest.metadata, ingest.passages),
    "index_text": (index.store, ingest.pipeline, ingest.service),
    "passage_terms": (index.store,),
}


@pytest.fixture
def calls(monkeypatch) -> Counter:
    """Calls of each :data:`SPIED` function from now on, whichever module calls it."""
    counted: Counter = Counter()
    for name, modules in SPIED.items():
        real = getattr(modules[0], name)

        def spy(*args, real=real, name=name, **kwargs):
            counted[name] += 1
            return real(*args, **kwargs)

        for module in modules:
            if hasattr(module, name):
                monkeypatch.setattr(module, name, spy)
    return counted


def _passages(library: DocumentLibrary) -> int:
    return sum(info.passages for info in library.documents())


def test_an_upload_is_checked_hashed_and_read_once(settings, store, calls):
    library = DocumentLibrary(settings, store)
    batch = library.add_files([("Kế hoạch 12.txt", PASTED_PLAN.encode("utf-8"))])
    assert [r.status for r in batch.results] == ["added"]
    n = _passages(library)
    assert n >= 5
    assert calls["check_file"] == 1, "the file rule is applied where the upload is saved, and nowhere after"
    assert calls["content_hash"] == 1
    assert calls["matter_lines"] == 1, "front matter read once, portal lines included"
    assert (calls["index_text"], calls["passage_terms"]) == (n, n), "index text and BM25 terms once per passage"


def test_a_file_ingested_from_disk_is_checked_and_hashed_once(settings, store, tmp_path, calls):
    path = tmp_path / "ke-hoach-12.txt"
    path.write_text(PASTED_PLAN, encoding="utf-8")
    report = ingest_paths([path], settings, store)
    assert report.added and not report.refused
    assert (calls["check_file"], calls["content_hash"], calls["matter_lines"]) == (1, 1, 1)
    assert calls["index_text"] == calls["passage_terms"] == report.passages


def test_a_correction_embeds_and_indexes_each_passage_once(settings, store, calls):
    library = DocumentLibrary(settings, store)
    library.add_files([("Kế hoạch 12.txt", PASTED_PLAN.encode("utf-8"))])
    calls.clear()
    (info,) = library.documents()
    assert library.correct(info.doc_id, {"nam": "2023"})
    assert calls["index_text"] == calls["passage_terms"] == info.passages


def test_the_upload_page_applies_the_file_rule_once_per_run(monkeypatch):
    """The page checks the chosen files to show their refusals; the upload it starts reuses that check."""
    import streamlit as st

    checked, added = [], []
    library = SimpleNamespace(refusal=lambda name, size: checked.append(name) or ("tệp rỗng" if not size else ""),
                              add_files=lambda files, progress: added.append(files) or SimpleNamespace(results=[]))
    files = [SimpleNamespace(name="a.txt", size=3, getvalue=lambda: b"abc"),
             SimpleNamespace(name="rong.txt", size=0, getvalue=lambda: b"")]
    reasons = ui.upload.refusal_reasons(library, files)
    assert ui.upload.refusals(library, files, reasons) == ["rong.txt: bị từ chối — tệp rỗng"]
    monkeypatch.setattr(st, "session_state", {"uploader_n": 0})
    box = SimpleNamespace(progress=lambda value, text: SimpleNamespace(progress=lambda value, text: None))
    ui.upload.upload_files(library, files, box, reasons)
    assert checked == ["a.txt", "rong.txt"], "one check per file"
    assert [name for batch in added for name, _ in batch] == ["a.txt"], "the refused file is never read nor sent"
    assert st.session_state["upload_messages"][0] == ("error", "rong.txt: bị từ chối — tệp rỗng")
