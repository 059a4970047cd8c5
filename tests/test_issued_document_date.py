"""A question whose verb is the issuing of a document it names at length ("Tỉnh X ban hành kế hoạch thực hiện
chương trình hành động của Tỉnh ủy về … giai đoạn 2011-2015 ngày nào?") asks the document's date of issue, answered
by its place-and-date line, not a time written in its lines (a cited programme's "ngày 24/6/2011") (session 26,
F26: freshdocs11 V15, V61). A question naming a document by number keeps its reading (it is often answered on a
page citing it). Literal Vietnamese lines, a tiny lexical state (no Chroma, no embedder)."""

from __future__ import annotations

from dataclasses import replace

from retriever.intent import answer_types
from tests.grounded_state import compose, search_results

PLAN = {"loai_van_ban": "Kế hoạch", "so_hieu": "50/KH-UBND", "tinh": "Phú Yên", "nam": "2011",
        "tieu_de": "Thực hiện chương trình hành động của Tỉnh ủy về cải cách hành chính giai đoạn 2011-2015",
        "source": "corpus/kh-50.txt"}
CHUNKS = [
    ("", "Số: 50/KH-UBND"),
    ("", "Phú Yên, ngày 19 tháng 7 năm 2011"),
    ("Phần mở đầu", "Thực hiện Chương trình hành động số 05-CTr/TU ngày 24/6/2011 của Tỉnh ủy về việc tăng cường sự "
                    "lãnh đạo của Đảng đối với công tác cải cách hành chính giai đoạn 2011-2015; UBND tỉnh đề ra Kế "
                    "hoạch thực hiện cải cách hành chính trên địa bàn tỉnh giai đoạn 2011-2015 như sau:"),
]
KINDS = ["number", "place_date", "text"]
QUESTION = ("Tỉnh Phú Yên ban hành kế hoạch thực hiện chương trình hành động của Tỉnh ủy về cải cách hành chính giai "
            "đoạn 2011-2015 ngày nào?")


def _results():
    """One search result per line, each of its own kind (the number, the place-and-date line, a body line)."""
    out, pos = [], 0
    for n, ((section, text), kind) in enumerate(zip(CHUNKS, KINDS)):
        (r,) = search_results("kh-50", PLAN, [(section, text)], kind)
        passage = replace(r.passage, id=f"kh-50:{n}", start=pos, end=pos + len(text))
        out.append(replace(r, rank=n + 1, passage=passage, score=1.0 / (n + 1)))
        pos += len(text) + 2
    return out


def test_a_long_named_document_issued_asks_its_date_of_issue():
    assert answer_types(QUESTION) == ("issue_date",)
    assert answer_types("hai phong ban hanh quy che phoi hop kiem tra lien nganh ngay nao") == (
        "issue_date",)


def test_a_question_naming_a_document_by_number_or_asking_another_event_keeps_its_time():
    assert answer_types("Tỉnh ủy Điện Biên ban hành Kế hoạch số 52 thực hiện Nghị quyết 07-NQ/TW vào ngày nào?") == (
        "time",)
    assert answer_types("Công dân phải đăng ký trước ngày nào?") == ("time",)


def test_the_place_and_date_line_answers_it():
    answer = compose(QUESTION, _results())
    head = answer.text.split("Chi tiết:")[0]
    assert "19 tháng 7 năm 2011" in head, answer.text
