"""Legal structure: Chương/Mục/Điều as sections, Khoản/Điểm inside an article, attached plans as sub-documents."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ingest.clean import clean_lines
from ingest.document import build_document
from ingest.legal import find_attachments, legal_heading
from ingest.passages import MAX_PASSAGE_CHARS, render_blocks
from ingest.structure import parse_structure

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "legal"
LAWS = sorted(p.name for p in FIXTURES.glob("*.txt"))
LAW = "luat-dich-vu-cong-truc-tuyen.txt"
DECREE = "nghi-dinh-tiep-cong-dan.txt"
DECISION = "quyet-dinh-quy-che-thi-tuyen-cong-chuc.txt"
_ARTICLE_LINE = re.compile(r"^(?:Điều|ĐIỀU) \d+", re.MULTILINE)


@lru_cache(maxsize=None)
def doc(name: str):
    path = FIXTURES / name
    return build_document(path.stem, f"tests/fixtures/legal/{name}", path.read_text(encoding="utf-8"))


def articles_of(d):
    """(heading start, end of the article's body) for every "Điều N" heading line of the cleaned text."""
    starts = [m.start() for m in _ARTICLE_LINE.finditer(d.text)]
    ends = starts[1:] + [len(d.text)]
    return list(zip(starts, ends))


def blocks_of(raw: str):
    return parse_structure(clean_lines(raw))


# ------------------------------------------------------------------------------------------- the three fixtures
def test_fixtures_are_laws_with_chapters_articles_and_clauses():
    assert len(LAWS) == 3
    for name in LAWS:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        assert 10 <= len(_ARTICLE_LINE.findall(text)) <= 20, name
        assert re.search(r"^Chương [IVX]+", text, re.MULTILINE), name
        assert re.search(r"^1\. ", text, re.MULTILINE), name


@pytest.mark.parametrize("name", LAWS)
def test_no_passage_spans_two_articles(name):
    d = doc(name)
    assert d.passages
    for p in d.passages:
        assert len(_ARTICLE_LINE.findall(p.text)) <= 1, p.id
        inside = [(s, e) for s, e in articles_of(d) if s < p.end and e > p.start and p.start < e]
        overlapping = [(s, e) for s, e in inside if min(e, p.end) - max(s, p.start) > 0]
        assert len(overlapping) <= 1, p.id


@pytest.mark.parametrize("name", LAWS)
def test_every_article_heading_is_in_the_passage_of_its_body(name):
    d = doc(name)
    blocks = parse_structure(clean_lines((FIXTURES / name).read_text(encoding="utf-8")))
    text, spans = render_blocks(blocks)
    assert text == d.text
    articles = 0
    for n, block in enumerate(blocks):
        if block.kind != "heading" or not _ARTICLE_LINE.match(block.text):
            continue
        articles += 1
        (holder,) = [p for p in d.passages if p.start <= spans[n][0] < p.end]
        body = blocks[n + 1] if n + 1 < len(blocks) else None
        if body is not None and body.kind != "closing" and body.section == block.section:
            assert holder.start <= spans[n + 1][0] < holder.end, f"{block.text}: its body starts another passage"
    assert articles == len(_ARTICLE_LINE.findall(d.text))


@pytest.mark.parametrize("name", LAWS)
def test_every_passage_of_an_article_names_it_in_its_section(name):
    d = doc(name)
    blocks = parse_structure(clean_lines((FIXTURES / name).read_text(encoding="utf-8")))
    _, spans = render_blocks(blocks)
    checked = 0
    for block, (start, _) in zip(blocks, spans):
        if block.kind == "closing" or not block.section or not block.section[-1].startswith("Điều "):
            continue
        (holder,) = [p for p in d.passages if p.start <= start < p.end]
        assert holder.section == " > ".join(block.section), block.text
        checked += 1
    assert checked > 20


def test_law_section_paths_name_chapter_section_and_article():
    (p,) = [p for p in doc(LAW).passages if "16 giờ 30 phút" in p.text]
    assert p.section == ("Chương II. CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN > Mục 1. CỔNG DỊCH VỤ CÔNG VÀ HỒ SƠ ĐIỆN TỬ > "
                         "Điều 7. Nộp hồ sơ trực tuyến")
    assert p.text.startswith("Điều 7. Nộp hồ sơ trực tuyến\n1. ")
    (fees,) = [p for p in doc(LAW).passages if "phí giao dịch" in p.text]
    assert fees.section.startswith("Chương II. CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN > Mục 2. THANH TOÁN TRỰC TUYẾN > ")


def test_long_article_is_cut_at_a_khoan_and_keeps_its_title_in_every_piece():
    pieces = [p for p in doc(LAW).passages if p.section.endswith("Điều 12. Trách nhiệm của Ủy ban nhân dân cấp tỉnh")]
    assert len(pieces) == 2
    assert pieces[0].text.startswith("Điều 12.")
    assert re.match(r"^\d+\. ", pieces[1].text), "the second piece starts at a Khoản"
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in pieces)


def test_short_article_stays_one_passage():
    hits = [p for p in doc(DECREE).passages if "Điều 8" in p.section]
    assert len(hits) == 1
    assert "a) Nếu là khiếu nại thuộc thẩm quyền" in hits[0].text and "d) Nếu là kiến nghị" in hits[0].text


def test_bare_article_number_takes_the_title_line_below_it():
    (p,) = [p for p in doc(DECREE).passages if "từ chối tiếp người đang trong tình trạng say" in p.text]
    assert p.section == "Chương III. TRÌNH TỰ TIẾP CÔNG DÂN > Điều 9. Từ chối tiếp công dân"
    assert p.text.startswith("Điều 9\nTừ chối tiếp công dân\n1. ")


def test_khoan_and_diem_are_the_clause_of_their_blocks():
    blocks = parse_structure(clean_lines((FIXTURES / DECREE).read_text(encoding="utf-8")))
    (b,) = [b for b in blocks if b.text.startswith("b) Nếu là khiếu nại không thuộc thẩm quyền")]
    assert b.clause == ("Khoản 1", "Điểm b")
    assert b.section[-1] == "Điều 8. Phân loại, xử lý nội dung"
    (k2,) = [b for b in blocks if b.text.startswith("2. Trong thời hạn 10 ngày kể từ ngày tiếp nhận")]
    assert k2.clause == ("Khoản 2",)


# ------------------------------------------------------------------------------------------- small inputs
def test_clause_markers_do_not_leak_across_articles():
    raw = ("Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Quyền của công dân\n1. Công dân có các quyền sau đây:\n"
           "a) Được hướng dẫn;\nh) Được khiếu nại.\nĐiều 2. Hiệu lực\nQuyết định này có hiệu lực từ ngày ký.")
    blocks = blocks_of(raw)
    last = blocks[-1]
    assert last.section == ("Chương I. QUY ĐỊNH CHUNG", "Điều 2. Hiệu lực")
    assert last.clause == ()
    assert not any(part.startswith(("h)", "a)", "1.")) for b in blocks for part in b.section)
    assert [b.clause for b in blocks if b.text.startswith("h)")] == [("Khoản 1", "Điểm h")]


def test_article_colon_and_uppercase_forms_are_articles():
    for raw in ("Điều 3: Nguyên tắc\nBảo đảm công khai.", "ĐIỀU 3. NGUYÊN TẮC\nBảo đảm công khai."):
        blocks = blocks_of(raw)
        assert blocks[0].kind == "heading"
        assert blocks[0].section[-1].startswith("Điều 3. ")
        assert blocks[1].section == blocks[0].section


def test_sentences_starting_with_dieu_or_chuong_are_not_headings():
    assert legal_heading("Điều này áp dụng cho mọi cơ quan.") is None
    assert legal_heading("Chương trình tổng thể cải cách hành chính") is None
    assert legal_heading("Mục tiêu chung") is None


def test_muc_outside_a_chapter_is_not_a_legal_section():
    blocks = blocks_of("I. NHIỆM VỤ\n\nMục 1. Rà soát văn bản quy phạm pháp luật.")
    assert blocks[-1].section == ("I. NHIỆM VỤ",)


def test_plan_inside_an_article_keeps_the_plan_hierarchy_and_the_next_article_closes_it():
    raw = ("Điều 1. Ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022 (sau đây gọi tắt là "
           "Kế hoạch), với những nội dung cơ bản sau đây:\n"
           "I. MỤC TIÊU, YÊU CẦU\n1. Mục tiêu\na) Mục tiêu chung:\n- Nâng cao nhận thức về cải cách hành chính.\n"
           "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.")
    blocks = blocks_of(raw)
    item = next(b for b in blocks if b.text.startswith("- Nâng cao"))
    assert item.section[1:] == ("I. MỤC TIÊU, YÊU CẦU", "1. Mục tiêu", "a) Mục tiêu chung")
    assert item.section[0].startswith("Điều 1. Ban hành Kế hoạch")
    assert blocks[-1].section == ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký",)
    # the article's sentence is longer than a section title: it stays in a passage, not only in section paths
    passages = build_document("vd", "vd.txt", raw).passages
    assert [p.text for p in passages if p.text.startswith("Điều 1.")] == [raw.splitlines()[0]]


def test_short_plan_title_over_subsections_lives_on_in_section_paths_only():
    passages = build_document("vd", "vd.txt", "Chương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nLuật này quy định.").passages
    assert [p.text for p in passages] == ["Điều 1. Phạm vi\nLuật này quy định."]
    assert passages[0].section == "Chương I. QUY ĐỊNH CHUNG > Điều 1. Phạm vi"


DECISION_WITH_PLAN = """ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Số: 12/QĐ-UBND
Hà Nam, ngày 05 tháng 01 năm 2022
QUYẾT ĐỊNH
Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2022
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Giám đốc Sở Nội vụ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công tác cải cách hành chính năm 2022.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
KẾ HOẠCH
KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022
(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2022 của Chủ tịch UBND tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
- Đánh giá kết quả thực hiện nhiệm vụ cải cách hành chính của các cơ quan, đơn vị.
II. NỘI DUNG, ĐỐI TƯỢNG
1. Nội dung
- Kiểm tra công tác chỉ đạo, điều hành cải cách hành chính.
2. Đối tượng
- Sở Tư pháp, Sở Y tế và Ủy ban nhân dân huyện Kim Bảng.
"""


def test_decision_with_an_attached_plan_has_two_section_trees():
    d = build_document("qd12", "qd12.txt", DECISION_WITH_PLAN)
    sections = {p.section for p in d.passages}
    assert "Quyết định > Điều 2. Quyết định này có hiệu lực kể từ ngày ký" in sections
    (who,) = [p for p in d.passages if "Kim Bảng" in p.text]
    assert who.section == "Kế hoạch kèm theo > II. NỘI DUNG, ĐỐI TƯỢNG > 2. Đối tượng"
    (purpose,) = [p for p in d.passages if "Đánh giá kết quả" in p.text]
    assert purpose.section == "Kế hoạch kèm theo > I. MỤC ĐÍCH, YÊU CẦU > 1. Mục đích"
    (title,) = [p for p in d.passages if "KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022" in p.text]
    assert title.section == "Kế hoạch kèm theo" and "Ban hành kèm theo Quyết định số 12/QĐ-UBND" in title.text
    # the decision's end matter is quotable on its own, never mixed into a section of the plan
    assert all(p.kind in ("signature", "recipients") for p in d.passages
               if "Nơi nhận" in p.text or "Nguyễn Văn An" in p.text)


def test_attached_regulation_fixture_has_its_own_tree():
    sections = [p.section for p in doc(DECISION).passages]
    assert "Quy chế kèm theo > Chương II. HỘI ĐỒNG TUYỂN DỤNG > Điều 3. Thành phần Hội đồng tuyển dụng" in sections
    assert any(s.startswith("Quyết định > Điều 2. Quyết định này có hiệu lực") for s in sections)
    # the regulation's own Điều 1 is not the decision's Điều 1
    assert sum(1 for s in sections if s.split(" > ")[-1].startswith("Điều 1.")) == 2


def test_without_a_decision_the_kem_theo_line_is_the_front_matter_of_a_plan():
    lines = ["KẾ HOẠCH", "KIỂM TRA CÔNG TÁC CCHC", "(Ban hành kèm theo Quyết định số 12/QĐ-UBND)", "I. MỤC ĐÍCH"]
    assert find_attachments(lines) == ("", {})


def test_attached_plan_without_type_word_takes_the_type_from_article_one():
    lines = ["Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính giai đoạn 2021-2025.",
             "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "TM. ỦY BAN NHÂN DÂN", "DÂN",
             "CẢI CÁCH HÀNH CHÍNH THÀNH PHỐ GIAI ĐOẠN 2021-2025",
             "(Kèm theo Quyết định số 4168/QĐ-UBND ngày 27 tháng 12 năm 2021 của Ủy"]
    assert find_attachments(lines) == ("Quyết định", {4: "Kế hoạch kèm theo"})


# ------------------------------------------------------------------------------------------- property
clause_text = st.sampled_from(["Cơ quan có trách nhiệm hướng dẫn công dân.", "Bảo đảm công khai, minh bạch;",
                               "Người tiếp công dân phải ghi lại nội dung như sau:"])
article = st.builds(
    lambda n, title, clauses: [f"Điều {n}. {title}"] + clauses,
    st.integers(1, 40), st.sampled_from(["Phạm vi điều chỉnh", "Nguyên tắc", "Trách nhiệm thi hành"]),
    st.lists(st.builds(lambda m, t: m + t, st.sampled_from(["1. ", "2. ", "a) ", "b) ", "- ", ""]), clause_text),
             min_size=1, max_size=30),
)
law = st.lists(st.one_of(article, st.just(["Chương II", "TRÁCH NHIỆM THI HÀNH"])), min_size=1, max_size=8)


_REPEATED_ARTICLE = [["Điều 1. Phạm vi điều chỉnh", "1. Cơ quan có trách nhiệm hướng dẫn công dân."],
                     ["Điều 10. Phạm vi điều chỉnh"] + ["1. Cơ quan có trách nhiệm hướng dẫn công dân."] * 19,
                     ["Điều 10. Phạm vi điều chỉnh", "1. Cơ quan có trách nhiệm hướng dẫn công dân."]]


@settings(max_examples=60, deadline=None)
@example(_REPEATED_ARTICLE)  # found by Hypothesis: a repeated heading joined the passage before it
@given(law)
def test_generated_laws_never_mix_two_articles_in_a_passage(parts):
    raw = "\n".join(line for part in parts for line in part)
    d = build_document("vd", "vd.txt", raw)
    for p in d.passages:
        assert d.text[p.start:p.end] == p.text
        assert len(_ARTICLE_LINE.findall(p.text)) <= 1
        if _ARTICLE_LINE.search(p.text):
            assert _ARTICLE_LINE.match(p.text), "an article heading only ever opens a passage"


def test_a_long_article_is_cut_before_the_khoan_that_does_not_fit_not_inside_it():
    filler = "Cơ quan tiếp nhận có trách nhiệm hướng dẫn tổ chức, cá nhân hoàn thiện hồ sơ theo quy định. "
    raw = ("Điều 4. Tiếp nhận hồ sơ\n"
           f"1. {filler * 5}\n"
           "2. Hồ sơ được tiếp nhận theo các hình thức sau đây:\n"
           f"a) Trực tiếp tại Bộ phận Một cửa; {filler * 2}\n"
           f"b) Qua dịch vụ bưu chính công ích; {filler * 2}\n"
           "Điều 5. Hiệu lực\nQuyết định này có hiệu lực từ ngày ký.")
    pieces = [p for p in build_document("vd", "vd.txt", raw).passages if "Điều 4" in p.section]
    assert len(pieces) == 2
    assert pieces[0].text.startswith("Điều 4. Tiếp nhận hồ sơ\n1. ")
    assert pieces[1].text.startswith("2. Hồ sơ được tiếp nhận") and "b) Qua dịch vụ bưu chính" in pieces[1].text
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in pieces)


def test_article_heading_written_with_the_eth_look_alike_is_its_own_article():
    """ "Ðiều 2" (U+00D0, as pasted from Word or converted from an old font) opens article 2: its text is not merged
    into article 1's passage, and the section names it with a real "Đ"."""
    text = ("LUẬT\nTHỬ NGHIỆM\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
            "Luật này quy định việc tiếp nhận hồ sơ.\n\u00d0iều 2. Hiệu lực thi hành\n"
            "Luật này có hiệu lực từ ngày ký.\n")
    passages = build_document("x", "x.txt", text).passages
    first = next(p for p in passages if "tiếp nhận hồ sơ" in p.text)
    second = next(p for p in passages if "hiệu lực từ ngày ký" in p.text)
    assert first is not second
    assert second.section.endswith("Điều 2. Hiệu lực thi hành")
