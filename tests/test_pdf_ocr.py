"""OCR of scanned PDF pages (ingest.loaders.pdf, ingest.loaders.ocr): a Vietnamese page rendered here to an
image-only PDF is read by Tesseract's Vietnamese model; without Tesseract the message is today's; the rules that bound
OCR and decide which pages it reads are checked with a fake recogniser."""

from __future__ import annotations

import io
import itertools

import pypdf
import pytest

import ingest.loaders.pdf as pdf_loader
from bench.ocr import image_pdf, page_image, vietnamese_font, word_share
from errors import DocumentError
from index.model import OCR_KEY
from ingest.loaders import load_file
from ingest.loaders.ocr import OCR_PAGE_SECONDS, OcrFailed, ocr_engine, recognise
from ingest.pipeline import ingest_paths

PLAN = [
    "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG",
    "Số: 36/KH-UBND",
    "Kiên Giang, ngày 28 tháng 02 năm 2021",
    "",
    "KẾ HOẠCH",
    "Kiểm tra công tác cải cách hành chính năm 2021",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Đánh giá kết quả thực hiện nhiệm vụ cải cách hành chính của các sở,",
    "ban, ngành, Ủy ban nhân dân các huyện, thành phố.",
    "- Kịp thời phát hiện những khó khăn, vướng mắc để chấn chỉnh.",
    "II. THỜI GIAN KIỂM TRA",
    "Đoàn kiểm tra làm việc từ tháng 6 đến hết tháng 8 năm 2021.",
]


def text_page_pdf(text: str) -> bytes:
    """A one-page PDF with a Helvetica text layer holding ``text`` (ASCII)."""
    from bench.faults import text_pdf_writer

    writer = text_pdf_writer(text)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def joined(*parts: bytes) -> bytes:
    writer = pypdf.PdfWriter()
    for part in parts:
        writer.append(pypdf.PdfReader(io.BytesIO(part)))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


_tesseract_installed = pytest.mark.skipif(
    ocr_engine() is None,
    reason="Tesseract with Vietnamese data is not installed (Debian tesseract-ocr tesseract-ocr-vie; .ci/run "
           "installs them)",
)


def needs_tesseract(test):
    """A test that runs Tesseract: in the ``ocr`` tier, skipped where Tesseract is not installed."""
    return pytest.mark.ocr(_tesseract_installed(test))


@pytest.fixture
def font() -> str:
    found = vietnamese_font()
    if found is None:
        pytest.skip("no TrueType font with Vietnamese glyphs (Debian fonts-dejavu-core; .ci/run installs it)")
    return found


@pytest.fixture
def fake_ocr(monkeypatch):
    """Recognition replaced by a reader of the words written under each page (pdfium still renders the page)."""
    engine = ocr_engine() or pdf_loader.OcrEngine("tesseract", "vie", pytest.importorskip("pypdfium2"))
    said: list[str] = []
    calls: list[int] = []

    def fake_recognise(_engine, image, seconds):
        assert 0 < seconds <= OCR_PAGE_SECONDS
        calls.append(image.width)
        if not said:
            raise OcrFailed(f"nhận dạng quá {seconds:g} giây")
        return said.pop(0)

    monkeypatch.setattr(pdf_loader, "ocr_engine", lambda: engine)
    monkeypatch.setattr(pdf_loader, "recognise", fake_recognise)
    return said, calls


# ---------------------------------------------------------------------------------------------- the real thing
@needs_tesseract
def test_a_scanned_vietnamese_plan_is_read_and_marked_ocr(tmp_path, settings, store, font):
    path = tmp_path / "ke-hoach-quet.pdf"
    path.write_bytes(image_pdf([page_image(PLAN, font)]))
    steps = []

    report = ingest_paths([path], settings, store, progress=lambda done, total, name, detail: steps.append(detail))

    assert report.refused == [] and len(report.added) == 1
    (record,) = store.records().values()
    text = store.docs.get(ids=[record.doc_id])["documents"][0]
    assert word_share("\n".join(PLAN), text) >= 0.95
    assert "Kiểm tra công tác cải cách hành chính" in text  # diacritics read, not only letters
    assert record.metadata[OCR_KEY] == "1/1"
    assert record.metadata["so_hieu"] == "36/KH-UBND"
    assert "OCR trang 1/1" in steps
    assert any("OCR" in note and "trang ảnh quét 1" in note for note in report.notes)


@needs_tesseract
def test_a_page_that_takes_too_long_is_stopped(font):
    with pytest.raises(OcrFailed, match="quá"):
        recognise(ocr_engine(), page_image(PLAN, font), seconds=0.001)


# ---------------------------------------------------------------------------------------------- without Tesseract
def test_without_tesseract_a_scan_gets_todays_message(tmp_path, monkeypatch, font):
    monkeypatch.setattr(pdf_loader, "ocr_engine", lambda: None)
    path = tmp_path / "quet.pdf"
    path.write_bytes(image_pdf([page_image(PLAN, font)]))
    with pytest.raises(DocumentError) as caught:
        load_file(path)
    assert caught.value.reason == pdf_loader.SCANNED_PDF_MESSAGE
    assert "ocrmypdf -l vie tệp.pdf tệp-ocr.pdf" in caught.value.reason


def test_without_tesseract_the_text_pages_are_read_and_the_scan_named(tmp_path, monkeypatch, font):
    monkeypatch.setattr(pdf_loader, "ocr_engine", lambda: None)
    typed = "Ke hoach kiem tra cong tac cai cach hanh chinh nam 2021 cua So Noi vu tinh Kien Giang. " * 3
    path = tmp_path / "tron.pdf"
    path.write_bytes(joined(text_page_pdf(typed), image_pdf([page_image(PLAN, font)])))
    loaded = load_file(path)
    assert "Ke hoach kiem tra" in loaded.text and loaded.ocr == ""
    assert any("trang 2" in note and "tesseract-ocr-vie" in note for note in loaded.notes)


def test_a_text_pdf_never_asks_for_tesseract(tmp_path, monkeypatch):
    def no_probe():
        raise AssertionError("a PDF with a text layer on every page must not look for Tesseract")

    monkeypatch.setattr(pdf_loader, "ocr_engine", no_probe)
    path = tmp_path / "chu.pdf"
    path.write_bytes(text_page_pdf("Ke hoach kiem tra cong tac cai cach hanh chinh nam 2021"))
    assert "Ke hoach kiem tra" in load_file(path).text


# ---------------------------------------------------------------------------------------------- which pages, bounds
def test_only_the_scanned_page_of_a_mixed_pdf_is_ocrd(tmp_path, fake_ocr):
    said, calls = fake_ocr
    said.append("PHỤ LỤC\nDanh sách cơ quan, đơn vị được kiểm tra trong quý III năm 2021")
    typed = "Quyet dinh ban hanh Ke hoach kiem tra cong tac cai cach hanh chinh nam 2021 cua tinh Kien Giang. " * 3
    path = tmp_path / "qd-kem-phu-luc.pdf"
    path.write_bytes(joined(text_page_pdf(typed), image_pdf([page_image(["PHỤ LỤC"])])))

    loaded = load_file(path)

    assert len(calls) == 1
    assert loaded.text.index("Quyet dinh") < loaded.text.index("Danh sách cơ quan, đơn vị được kiểm tra")
    assert loaded.ocr == "1/2"


def test_a_typed_page_with_a_signature_image_is_not_read_twice(tmp_path, fake_ocr):
    said, _ = fake_ocr
    said.append("KT. CHU TICH\nPHO CHU TICH\nNguyen Van An\nf")  # the typed words again, and a stray mark
    signed = joined(text_page_pdf("KT. CHU TICH PHO CHU TICH Nguyen Van An"), image_pdf([page_image(["~~~"])]))
    merged = pypdf.PdfWriter()
    page = merged.add_page(pypdf.PdfReader(io.BytesIO(signed)).pages[0])
    page.merge_page(pypdf.PdfReader(io.BytesIO(signed)).pages[1])  # the signature image on the typed page
    buffer = io.BytesIO()
    merged.write(buffer)
    path = tmp_path / "trang-ky.pdf"
    path.write_bytes(joined(text_page_pdf("Ke hoach kiem tra cong tac cai cach hanh chinh nam 2021. " * 5),
                            buffer.getvalue()))

    loaded = load_file(path)

    assert loaded.text.count("Nguyen Van An") == 1 and loaded.ocr == ""


def test_ocr_is_capped_in_pages_and_a_slow_page_is_named(tmp_path, fake_ocr, monkeypatch):
    said, calls = fake_ocr
    monkeypatch.setattr(pdf_loader, "MAX_OCR_PAGES", 3)
    said.append("Trang một: Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính.")
    # page 2: the fake has nothing left to say, as if Tesseract ran out of time; page 3 likewise; page 4: over the cap
    path = tmp_path / "dai.pdf"
    path.write_bytes(image_pdf([page_image([f"Trang {n}"]) for n in range(1, 5)]))

    loaded = load_file(path)

    assert len(calls) == 3
    assert "Sở Nội vụ chủ trì kiểm tra" in loaded.text and loaded.ocr == "1/4"
    assert any(note.startswith("trang 2: không nhận dạng được chữ (nhận dạng quá") for note in loaded.notes)
    assert any("chưa nhận dạng trang 4" in note for note in loaded.notes)


def test_ocr_stops_when_its_time_for_the_file_is_spent(tmp_path, fake_ocr, monkeypatch):
    said, calls = fake_ocr
    said += ["Trang một: Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính."] * 3
    clock = itertools.count(0, 1000)  # every look at the clock finds 1,000 s more gone
    monkeypatch.setattr(pdf_loader.time, "monotonic", lambda: next(clock))
    path = tmp_path / "cham.pdf"
    path.write_bytes(image_pdf([page_image([f"Trang {n}"]) for n in range(1, 4)]))

    loaded = load_file(path)

    assert len(calls) == 1 and loaded.ocr == "1/3"
    assert any("chưa nhận dạng trang 2–3" in note for note in loaded.notes)


#: The OCR page cap in the blank-PDF test: the rule does not depend on the cap's value, and each page up to it is
#: rendered to be found blank (the real 200 cost seconds for nothing).
SMALL_OCR_CAP = 4


def test_a_long_blank_pdf_is_refused_quickly_with_the_pages_tried(tmp_path, fake_ocr, monkeypatch):
    _, calls = fake_ocr
    monkeypatch.setattr(pdf_loader, "MAX_OCR_PAGES", SMALL_OCR_CAP)
    writer = pypdf.PdfWriter()
    for _ in range(pdf_loader.MAX_OCR_PAGES + 50):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "trang-trang.pdf"
    path.write_bytes(buffer.getvalue())

    with pytest.raises(DocumentError) as caught:
        load_file(path)

    assert calls == []  # blank pages never reach the recogniser
    assert f"{pdf_loader.MAX_OCR_PAGES} trang đầu (trong {pdf_loader.MAX_OCR_PAGES + 50} trang)" in caught.value.reason
    assert caught.value.reason.startswith("PDF dạng ảnh quét")
