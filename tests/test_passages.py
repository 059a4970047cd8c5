"""Tests for ingest.passages and ingest.document: exact offsets, order, sizes, and a property test."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.document import build_document, make_doc_id
from ingest.frontmatter import ROLES
from ingest.passages import MAX_PASSAGE_CHARS, render_blocks, split_into_passages
from ingest.structure import Block
from textnorm import fold_for_match

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NAMES = sorted(p.name for p in CORPUS.glob("*.txt"))


@lru_cache(maxsize=None)
def doc(name: str):
    path = CORPUS / name
    return build_document(path.stem, f"corpus/{name}", path.read_text(encoding="utf-8"))


def assert_passage_invariants(d) -> None:
    previous_end = 0
    for n, p in enumerate(d.passages):
        assert d.text[p.start:p.end] == p.text, p.id
        assert 0 <= p.start < p.end <= len(d.text), p.id
        assert p.start >= previous_end, f"{p.id} overlaps or is out of order"
        assert p.text.strip(), p.id
        assert p.id == f"{d.doc_id}:{n}"
        assert p.doc_id == d.doc_id
        previous_end = p.end


# ------------------------------------------------------------------------------------------- corpus
@pytest.mark.parametrize("name", NAMES)
def test_corpus_offsets_are_exact(name):
    d = doc(name)
    assert d.passages
    assert_passage_invariants(d)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_passages_carry_document_metadata(name):
    d = doc(name)
    for p in d.passages:
        assert p.metadata["so_hieu"] == d.metadata["so_hieu"]
        assert p.metadata["tinh"] == d.metadata["tinh"]
        assert p.section
        assert p.kind in ("text", "list", "table_row", *ROLES)


@pytest.mark.parametrize("name", NAMES)
def test_corpus_passages_stay_near_the_size_limit(name):
    for p in doc(name).passages:
        assert len(p.text) <= 2 * MAX_PASSAGE_CHARS, p.id


@pytest.mark.parametrize("name", NAMES)
def test_corpus_text_is_deterministic(name):
    path = CORPUS / name
    again = build_document(path.stem, f"corpus/{name}", path.read_text(encoding="utf-8"))
    assert again.text == doc(name).text
    assert [(p.start, p.end, p.section, p.kind) for p in again.passages] == \
           [(p.start, p.end, p.section, p.kind) for p in doc(name).passages]


# ------------------------------------------------------------------------------------------- small cases
def test_render_blocks_separators_and_spans():
    blocks = [Block("I. MỤC ĐÍCH", "heading", ("I. MỤC ĐÍCH",)), Block("- Kiểm tra.", "item", ("I. MỤC ĐÍCH",)),
              Block("- Đánh giá.", "item", ("I. MỤC ĐÍCH",)), Block("II. NỘI DUNG", "heading", ("II. NỘI DUNG",))]
    text, spans = render_blocks(blocks)
    assert text == "I. MỤC ĐÍCH\n- Kiểm tra.\n- Đánh giá.\n\nII. NỘI DUNG"
    assert [text[s:e] for s, e in spans] == [b.text for b in blocks]


def test_lead_in_moves_with_its_list_when_the_passage_is_full():
    section = ("II. ĐỐI TƯỢNG",)
    # heading + filler + lead-in fit in one passage; the first item would not
    filler = ("Nội dung kiểm tra toàn diện theo Kế hoạch số 189/KH-UBND của Ủy ban nhân dân tỉnh. " * 11)[:848] + "."
    blocks = [Block("II. ĐỐI TƯỢNG", "heading", section), Block(filler, "para", section),
              Block("Đối tượng kiểm tra gồm:", "para", section, lead_in=True),
              Block("- Sở Công Thương;", "item", section), Block("- Sở Y tế.", "item", section)]
    text, spans = render_blocks(blocks)
    passages = split_into_passages("vd", text, blocks, spans)
    (with_items,) = [p for p in passages if "Sở Công Thương" in p.text]
    assert with_items.text == "Đối tượng kiểm tra gồm:\n- Sở Công Thương;\n- Sở Y tế."
    assert with_items.kind == "list"
    assert all(text[p.start:p.end] == p.text for p in passages)


def test_long_paragraph_is_cut_at_sentence_ends():
    sentence = "Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan tổ chức kiểm tra công tác cải cách hành chính. "
    long = (sentence * 30).strip()
    blocks = [Block("1. Tổ chức thực hiện", "heading", ("1. Tổ chức thực hiện",)),
              Block(long, "para", ("1. Tổ chức thực hiện",))]
    text, spans = render_blocks(blocks)
    passages = split_into_passages("vd", text, blocks, spans)
    assert len(passages) >= 3
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in passages)
    assert all(p.text.endswith(".") for p in passages)
    assert all(text[p.start:p.end] == p.text for p in passages)


def test_bare_title_over_subsections_is_not_a_passage():
    raw = "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Kiểm tra.\n\n2. Yêu cầu\n\n- Khách quan."
    d = build_document("vd", "vd.txt", raw)
    assert [p.text for p in d.passages] == ["1. Mục đích\n- Kiểm tra.", "2. Yêu cầu\n- Khách quan."]
    assert [p.section for p in d.passages] == ["I. MỤC ĐÍCH, YÊU CẦU > 1. Mục đích",
                                               "I. MỤC ĐÍCH, YÊU CẦU > 2. Yêu cầu"]


def test_table_rows_are_one_passage_each():
    raw = ("II. NHIỆM VỤ\n\n| STT | Nội dung | Cơ quan chủ trì |\n|---|---|---|\n"
           "| 1 | Kế hoạch kiểm tra | Sở Nội vụ |\n| 2 | Báo cáo | Sở Tư pháp |")
    d = build_document("vd", "vd.txt", raw)
    rows = [p for p in d.passages if p.kind == "table_row"]
    assert [p.text for p in rows] == [
        "Mục 1.\nStt: 1\nNội dung: Kế hoạch kiểm tra\nCơ quan chủ trì: Sở Nội vụ",
        "Mục 2.\nStt: 2\nNội dung: Báo cáo\nCơ quan chủ trì: Sở Tư pháp",
    ]
    assert_passage_invariants(d)


@pytest.mark.parametrize(
    ("source", "expected"),
    [("corpus/Kế hoạch 36 KH-UBND.docx", "ke-hoach-36-kh-ubnd"), ("a/b/Tờ trình số 5.PDF", "to-trinh-so-5"),
     ("C:\\docs\\Quyết định 12.docx", "quyet-dinh-12")],
)
def test_make_doc_id(source, expected):
    assert make_doc_id(source) == expected


def test_make_doc_id_of_a_name_without_letters_is_a_hash():
    assert len(make_doc_id("corpus/###.txt")) == 12


@pytest.mark.parametrize("raw", ["", "\n\n", "-----", "**"])
def test_build_document_on_empty_text_has_no_passages(raw):
    assert build_document("vd", "vd.txt", raw).passages == ()


# ------------------------------------------------------------------------------------------- property test
VIETNAMESE_WORDS = ["Ủy", "ban", "nhân", "dân", "tỉnh", "kiểm", "tra", "cải", "cách", "hành", "chính", "Sở", "Nội",
                    "vụ", "hòa", "thuỷ", "quý", "III/2021", "Đoàn", "CCHC", "năm", "2021", "như", "sau:", "các",
                    "đơn", "vị;", "đúng.", "KẾ", "HOẠCH", "PHỤ", "LỤC", "STT", "Nơi", "nhận:", "TM.", "CHỦ", "TỊCH"]

word = st.sampled_from(VIETNAMESE_WORDS) | st.text(min_size=1, max_size=6)
words = st.lists(word, min_size=1, max_size=12).map(" ".join)
sentence = st.builds(lambda w, end: w + end, words, st.sampled_from(["", ".", ";", ":", "./."]))
marker = st.sampled_from(["I. ", "II. ", "IV. ", "1. ", "2. ", "1.1. ", "2.1. ", "a) ", "b) ", "đ) ", "- ", "+ ", "* ",
                          "• ", "### ", "**", "- 6. ", "", "", ""])
pipe_row = st.lists(words, min_size=1, max_size=4).map(lambda cells: "| " + " | ".join(cells) + " |")
special = st.sampled_from(["", "|", "|---|---|", "-----", "Nơi nhận:", "STT", "| STT | Nội dung | Cơ quan |",
                           "PHỤ LỤC", "Số: 36/KH-UBND", "Hà Nội, ngày 05 tháng 4 năm 2021", "Theo QuangBinh Portal",
                           "- 1 Kế hoạch 155/KH-UBND về kiểm tra", "- 2 Quyết định 12/QĐ-UBND về việc", "I.", "1.",
                           "a)"])
emphasis = st.builds(lambda s, m: m + s + m, sentence, st.sampled_from(["**", "*", "__", ""]))
line = st.one_of(st.builds(lambda m, s: m + s, marker, sentence), pipe_row, special, emphasis,
                 st.text(max_size=30))
documents = st.lists(line, max_size=40).map("\n".join)


def assert_metadata_read_from_the_text(d) -> None:
    """Metadata is read, never made up: a number, a year and a signer are in the text (accents and case aside), a
    date is an ISO date of the year given, a field the text does not state is ""."""
    text = fold_for_match(d.text)
    for key in ("so_hieu", "nam", "nguoi_ky"):
        assert not d.metadata[key] or fold_for_match(d.metadata[key]) in text, (key, d.metadata[key])
    if d.metadata["ngay_ban_hanh"]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.metadata["ngay_ban_hanh"]), d.metadata["ngay_ban_hanh"]
        assert d.metadata["ngay_ban_hanh"][:4] == d.metadata["nam"], d.metadata
    assert re.fullmatch(r"(\d{4})?", d.metadata["nam"]), d.metadata["nam"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
@example("Số: 36/KH-UBND\nHà Nội, ngày 05 tháng 4 năm 2021\nKẾ HOẠCH\nKiểm tra cải cách hành chính\n"
         "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Nam")
def test_build_document_never_raises_and_offsets_hold(raw):
    d = build_document("vd", "vd.txt", raw)
    assert_passage_invariants(d)
    assert_metadata_read_from_the_text(d)


def test_the_metadata_check_sees_a_field_read_from_nowhere():
    """The property above can fail: a year and a number the text does not hold are caught."""
    d = build_document("vd", "vd.txt", "Số: 36/KH-UBND\nHà Nội, ngày 05 tháng 4 năm 2021\nKiểm tra hành chính.")
    assert (d.metadata["so_hieu"], d.metadata["nam"], d.metadata["ngay_ban_hanh"]) == ("36/KH-UBND", "2021",
                                                                                          "2021-04-05")
    assert_metadata_read_from_the_text(d)
    for wrong in ({"nam": "2099"}, {"so_hieu": "99/KH-UBND"}, {"ngay_ban_hanh": "2020-04-05"}):
        with pytest.raises(AssertionError):
            assert_metadata_read_from_the_text(SimpleNamespace(text=d.text, metadata={**d.metadata, **wrong}))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_breaks_the_invariant(raw):
    assert_passage_invariants(build_document("vd", "vd.txt", raw))


def test_a_text_without_sentence_ends_is_cut_into_bounded_passages():
    """Issue 19, item 4: whatever the punctuation, no passage is longer than HARD_MAX_PASSAGE_CHARS, and the
    passages still cover the text exactly."""
    from ingest.document import build_document
    from ingest.passages import HARD_MAX_PASSAGE_CHARS

    words = "kiểm tra cải cách hành chính tại sở nội vụ và ủy ban nhân dân các huyện".split()
    line = " ".join(words[i % len(words)] for i in range(6000))  # one line, no full stop, ~25,000 characters
    doc = build_document("mot-dong", "mot-dong.txt", line)
    assert len(doc.passages) > 10
    assert max(len(p.text) for p in doc.passages) <= HARD_MAX_PASSAGE_CHARS
    assert all(doc.text[p.start:p.end] == p.text for p in doc.passages)
    covered = sum(len(p.text.split()) for p in doc.passages)
    assert covered == len(doc.text.split())
