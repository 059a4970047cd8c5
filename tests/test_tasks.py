"""Reform tasks as facts (issue 22): deadlines as stages, extraction per form (tables and prose) with exact offsets,
the bundled plan's appendix, and the one derived-facts step (storage, older indexes, a failing extractor)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from index.derived_facts import by_kind, pack_facts, unpack_facts
from index.model import SCHEDULE_FACTS, TASK_FACTS
from index.task_facts import load_tasks
from ingest.document import build_document
from ingest.facts import derive_facts
from ingest.loaders import load_file
from ingest.tasks import extract_tasks
from textnorm.deadlines import read_deadline

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "tasks"
BUNDLED = ROOT / "corpus" / "kien-giang-2020-189-KH-UBND-ke-hoach-cchc-2021.txt"
HEAD = "Số: 9/KH-UBND\n\nKẾ HOẠCH\nCải cách hành chính năm 2030\n\nI. NHIỆM VỤ\n\n"


def doc_of(path: Path):
    return build_document(path.stem, str(path), load_file(path).text)


def assert_spans(doc, tasks):
    """Every fact's offsets point at what it says, inside its row."""
    text = doc.text
    for t in tasks:
        row = text[t.row.start:t.row.end]
        if t.lead_span:  # the lead is in its row, or is the heading the row stands under
            assert text[t.lead_span.start:t.lead_span.end] == t.lead, t
            assert t.lead in row or t.lead_span.end <= t.row.start, t
        assert text[t.content_span.start:t.content_span.end] == t.content and t.content in row, t
        assert [text[s.start:s.end] for s in t.partner_spans] == list(t.partners)
        if t.deadline_span:
            assert text[t.deadline_span.start:t.deadline_span.end] == t.deadline_text and t.deadline_text in row
        if t.product_span:
            assert text[t.product_span.start:t.product_span.end] == t.product
        if t.area_span:
            assert t.area.endswith(text[t.area_span.start:t.area_span.end])


def stages(deadline: str, year: int | None = 2021) -> list[tuple[str, str]]:
    return [(s.label, s.period.label() if s.period else s.recurring) for s in read_deadline(deadline, plan_year=year)]


# -- deadlines --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("written, expected", [
    ("Tháng 01/2021", [("", "tháng 1/2021")]),
    ("Quý IV năm 2020", [("", "quý IV/2020")]),
    ("Trước ngày 15/02/2021", [("", "15/02/2021")]),
    ("XD kế hoạch Quý I; thực hiện quý IV", [("XD kế hoạch", "quý I/2021"), ("thực hiện", "quý IV/2021")]),
    ("- Ban hành tháng 12/2020;\n- Thực hiện thường xuyên", [("Ban hành", "tháng 12/2020"),
                                                           ("Thực hiện", "thuong_xuyen")]),
    ("- Xây dựng kế hoạch quý I; - Thực hiện trong năm.", [("Xây dựng kế hoạch", "quý I/2021"),
                                                          ("Thực hiện", "2021")]),
    ("Theo giai đoạn ổn định", [("", "theo_giai_doan")]),
    ("Thường xuyên", [("", "thuong_xuyen")]),
    ("Hằng năm", [("", "hang_nam")]),
    ("6 tháng đầu năm", [("", "6 tháng đầu năm 2021")]),
    ("Tháng 3-6/2021", [("", "tháng 3/2021 – tháng 6/2021")]),
    ("Trình trong tháng 12/2020", [("", "tháng 12/2020")]),
    ("Năm 2021", [("", "2021")]),
    ("Quý II", [("", "quý II/2021")]),  # no year: the plan's
])
def test_each_deadline_form_reads_as_its_stages(written, expected):
    assert stages(written) == expected


def test_a_due_date_is_marked_and_a_deadline_without_a_date_has_no_stage():
    (stage,) = read_deadline("Trước ngày 15/02/2021")
    assert stage.period.deadline and stage.period.months == (2,)
    assert read_deadline("Theo chỉ đạo của UBND tỉnh") == ()
    assert read_deadline("Quý II")[0].period.year is None  # no plan year given: none invented


# -- the bundled plan -------------------------------------------------------------------------------------------
def test_the_bundled_appendix_gives_its_31_tasks_with_their_leads_areas_and_deadlines():
    doc = doc_of(BUNDLED)
    every = extract_tasks(doc).tasks
    tasks = [t for t in every if t.source_form == "table"]
    assert len(tasks) == 31
    assert_spans(doc, every)
    assert Counter(t.lead for t in tasks) == {
        "Sở Nội vụ": 10, "Văn phòng UBND tỉnh": 5, "Sở Thông tin và Truyền thông": 5, "Sở Tư pháp": 4,
        "Sở Tài chính": 3, "Sở Khoa học và Công nghệ": 3,
        "Cơ quan chủ quản cấp trên đơn vị sự nghiệp thực hiện theo Nghị định 141/2016/NĐ-CP": 1}
    assert [len([t for t in tasks if t.area.startswith(a)]) for a in ("I.", "II.", "III.", "IV.", "V.", "VI.",
                                                                       "VII.")] == [4, 5, 2, 2, 5, 7, 6]
    by_deadline = {t.deadline_text: t for t in tasks}
    two = by_deadline["XD kế hoạch Quý I; thực hiện quý IV"]
    assert [(s.label, s.period.quarters, s.period.year) for s in two.stages] == [("XD kế hoạch", (1,), 2021),
                                                                                  ("thực hiện", (4,), 2021)]
    assert by_deadline["Trước ngày 15/02/2021"].stages[0].period.deadline
    assert by_deadline["Theo giai đoạn ổn định"].stages[0].recurring == "theo_giai_doan"
    assert by_deadline["Quý IV năm 2020"].stages[0].period.year == 2020
    unread = [t.deadline_text for t in tasks if not t.stages]
    assert unread == [], "every deadline of the appendix is read as a period or a recurrence"
    assert all(t.product for t in tasks) and all(t.partners for t in tasks)


# -- other forms -----------------------------------------------------------------------------------------------------
#: Per fixture: its tasks as (lead, first stage) in document order — the plans' own rows, counted by hand.
FORMS = {
    "tuyen-quang-2030-87-KH-UBND-nhiem-vu-bang-ong.txt": [
        ("Sở Tư pháp", "tháng 1/2030"), ("Sở Tư pháp", "thuong_xuyen"), ("Văn phòng UBND tỉnh", "quý II/2030"),
        ("Văn phòng UBND tỉnh", "30/06/2030"), ("Sở Tài chính", "6 tháng đầu năm 2030"),
        ("Sở Thông tin và Truyền thông", "tháng 3/2030 – tháng 6/2030"), ("Sở Khoa học và Công nghệ", "hang_nam"),
        ("các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố", "")],  # the heads of a group, in prose
    "kon-tum-2030-35-KH-UBND-nhiem-vu-bang-word.docx": [
        ("Sở Nội vụ", "quý III/2030"), ("Sở Nội vụ", "tháng 5/2030"), ("Sở Nội vụ", "quý I/2030"),
        ("Sở Nội vụ", "thuong_xuyen"), ("Sở Thông tin và Truyền thông", "tháng 8/2030"),
        ("Văn phòng UBND tỉnh", "15/11/2030"), ("Sở Nội vụ", "15/02/2030"), ("các cơ quan, đơn vị", "")],
    "bac-lieu-2030-19-KH-UBND-nhiem-vu-lap-tieu-de.txt": [
        ("Văn phòng UBND tỉnh", "tháng 2/2030"), ("Văn phòng UBND tỉnh", "quý III/2030"),
        ("Sở Thông tin và Truyền thông", "thuong_xuyen"), ("Văn phòng UBND tỉnh", "tháng 3/2030 – tháng 6/2030"),
        ("Sở Nội vụ", "tháng 12/2030"), ("Sở Nội vụ", "6 tháng cuối năm 2030"), ("Sở Nội vụ", "31/03/2030"),
        ("Sở Tài chính", "theo_giai_doan")],
    "dien-bien-2030-42-KH-UBND-nhiem-vu-van-xuoi.txt": [
        ("Sở Nội vụ", "31/03/2030"), ("Sở Tư pháp", "quý II/2030"), ("Văn phòng UBND tỉnh", "tháng 10/2030"),
        ("Sở Tài chính", "thuong_xuyen"), ("Sở Thông tin và Truyền thông", "6 tháng cuối năm 2030"),
        ("Sở Kế hoạch và Đầu tư", "15/09/2030"), ("Các sở, ban, ngành tỉnh", "")],
}


def _first_stage(task) -> str:
    if not task.stages:
        return ""
    stage = task.stages[0]
    return stage.period.label() if stage.period else stage.recurring


@pytest.mark.parametrize("name", sorted(FORMS))
def test_each_form_gives_every_task_with_its_lead_and_deadline(name):
    doc = doc_of(FIXTURES / name)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, _first_stage(t)) for t in tasks] == FORMS[name]
    assert_spans(doc, tasks)


def test_reform_areas_come_from_their_rows_in_every_table_form():
    areas = {name: [t.area for t in extract_tasks(doc_of(FIXTURES / name)).tasks] for name in FORMS}
    assert areas["tuyen-quang-2030-87-KH-UBND-nhiem-vu-bang-ong.txt"][3:5] == ["II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                                                                              "III. CẢI CÁCH TÀI CHÍNH CÔNG"]
    assert areas["kon-tum-2030-35-KH-UBND-nhiem-vu-bang-word.docx"][2] == "II. CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"
    # the row after the repeated page header stays in the area it was in
    assert areas["bac-lieu-2030-19-KH-UBND-nhiem-vu-lap-tieu-de.txt"][3:5] == ["I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                                                                              "II. CẢI CÁCH CÔNG VỤ"]


def test_a_one_cell_table_s_areas_are_its_own_even_where_the_body_has_headings_of_the_same_names():
    body = ("I. CẢI CÁCH THỂ CHẾ\n- Hoàn thiện thể chế.\n\nII. CẢI CÁCH THỦ TỤC HÀNH CHÍNH\n- Đơn giản hóa TTHC.\n\n"
            "PHỤ LỤC\nNHIỆM VỤ NĂM 2030\n")
    cells = ["STT", "NỘI DUNG", "CƠ QUAN\nCHỦ TRÌ", "THỜI GIAN", "I", "CẢI CÁCH THỂ CHẾ", "1", "Rà soát văn bản",
             "Sở Tư pháp", "Quý I", "II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "1", "Công bố thủ tục", "Văn phòng UBND tỉnh",
             "Quý II"]
    doc = build_document("kh", "kh.txt", HEAD.replace("I. NHIỆM VỤ\n\n", "") + body + "\n|\n".join(cells) + "\n|\n")
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.area) for t in tasks] == [("Sở Tư pháp", "I. CẢI CÁCH THỂ CHẾ"),
                                                 ("Văn phòng UBND tỉnh", "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")]


def test_a_pipe_row_with_an_empty_cell_keeps_its_values_under_their_columns():
    body = ("| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
            "| 1 | Theo dõi thi hành pháp luật | Sở Tư pháp | | Quý III |\n"
            "| 2 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Sở Nội vụ | Tháng 5 |\n")
    doc = build_document("kh", "kh.txt", HEAD + body)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.partners, t.deadline_text) for t in tasks] == [
        ("Sở Tư pháp", (), "Quý III"), ("Văn phòng UBND tỉnh", ("Sở Nội vụ",), "Tháng 5")]


def test_of_two_time_columns_the_later_is_the_deadline():
    body = ("| STT | Nhiệm vụ | Đơn vị thực hiện | Thời gian bắt đầu | Thời gian hoàn thành |\n|---|---|---|---|---|\n"
            "| 1 | Số hóa hồ sơ thủ tục hành chính | Văn phòng UBND tỉnh | Tháng 3/2030 | Tháng 9/2030 |\n")
    (task,) = extract_tasks(build_document("kh", "kh.txt", HEAD + body)).tasks
    assert (task.lead, task.deadline_text, task.stages[0].period.months) == ("Văn phòng UBND tỉnh", "Tháng 9/2030",
                                                                             (9,))


def test_a_repeated_header_row_of_a_pipe_table_is_no_task():
    header = "| STT | Nhiệm vụ | Đơn vị chủ trì | Tiến độ |\n"
    body = header + "|---|---|---|---|\n| 1 | Kiện toàn tổ chức bộ máy | Sở Nội vụ | Quý I |\n" + header + \
        "| 2 | Số hóa hồ sơ thủ tục hành chính | Văn phòng UBND tỉnh | Quý IV |\n"
    tasks = extract_tasks(build_document("kh", "kh.txt", HEAD + body)).tasks
    assert [t.content for t in tasks] == ["Kiện toàn tổ chức bộ máy", "Số hóa hồ sơ thủ tục hành chính"]


def test_prose_assignments_give_lead_partners_content_and_deadline():
    body = ("1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Tư pháp tham mưu kiện toàn tổ chức bộ máy, "
            "hoàn thành trước ngày 30/6/2030.\n"
            "2. Sở Tư pháp có trách nhiệm rà soát văn bản quy phạm pháp luật trong quý II.\n")
    doc = build_document("kh", "kh.txt", HEAD + body)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.partners, t.content, t.deadline_text) for t in tasks] == [
        ("Sở Nội vụ", ("Sở Tài chính", "Sở Tư pháp"), "tham mưu kiện toàn tổ chức bộ máy",
         "hoàn thành trước ngày 30/6/2030"),
        ("Sở Tư pháp", (), "rà soát văn bản quy phạm pháp luật", "trong quý II")]
    assert tasks[1].stages[0].period.year == 2030 and tasks[0].stages[0].period.deadline
    assert_spans(doc, tasks)


def test_an_assignment_after_a_colon_or_inside_a_sentence_is_read_too():
    body = ("- Sở Nội vụ: chủ trì, phối hợp với Thanh tra tỉnh kiểm tra công vụ, trong quý III.\n"
            "- Ủy ban nhân dân tỉnh giao Công an tỉnh chủ trì triển khai Đề án 06, hoàn thành trong tháng 9.\n")
    doc = build_document("kh", "kh.txt", HEAD + body)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.partners, t.content, t.deadline_text) for t in tasks] == [
        ("Sở Nội vụ", ("Thanh tra tỉnh",), "kiểm tra công vụ", "trong quý III"),
        ("Công an tỉnh", (), "triển khai Đề án 06", "hoàn thành trong tháng 9")]
    assert_spans(doc, tasks)


def test_a_group_a_given_agency_and_several_agencies_are_assigned_but_a_report_is_not():
    body = ("- Các sở, ban, ngành tỉnh có trách nhiệm xây dựng kế hoạch của cơ quan mình.\n"
            "- Giao Sở Tài chính phân bổ kinh phí thực hiện Kế hoạch này.\n"
            "- Sở Nội vụ đã tổ chức kiểm tra 10 cơ quan trong năm 2029.\n"
            "- Giám đốc Sở Y tế, Giám đốc Sở Giáo dục và Đào tạo chịu trách nhiệm số hóa hồ sơ trong quý III.\n")
    doc = build_document("kh", "kh.txt", HEAD + body)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.content, t.deadline_text) for t in tasks] == [
        ("Các sở, ban, ngành tỉnh", "xây dựng kế hoạch của cơ quan mình", ""),
        ("Sở Tài chính", "phân bổ kinh phí thực hiện Kế hoạch này", ""),
        ("Sở Y tế", "số hóa hồ sơ", "trong quý III"), ("Sở Giáo dục và Đào tạo", "số hóa hồ sơ", "trong quý III")]
    assert_spans(doc, tasks)


def test_a_closing_article_accountability_and_a_standing_are_no_tasks():
    body = ("Điều 2. Giao Giám đốc Sở Tư pháp hướng dẫn, kiểm tra việc thực hiện Quyết định này.\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành chịu trách nhiệm thi hành Quyết định "
            "này.\n"
            "- Sở Nội vụ chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả cải cách hành chính.\n"
            "- Giao Thanh tra tỉnh là cơ quan đầu mối về phòng, chống tham nhũng.\n"
            "Sở Tư pháp chủ trì hội nghị sơ kết công tác kiểm soát thủ tục hành chính.\n")
    tasks = extract_tasks(build_document("kh", "kh.txt", HEAD + body)).tasks
    assert [(t.lead, t.content) for t in tasks] == [
        ("Sở Tư pháp", "hướng dẫn, kiểm tra việc thực hiện Quyết định này")]


ORGANISATION = "KẾ HOẠCH\nCải cách hành chính năm 2030\n\nI. MỤC TIÊU\n- Nâng cao chỉ số hài lòng.\n\n"


def test_in_the_organisation_section_a_verb_or_a_partnership_after_the_subject_assigns_a_task():
    body = ("II. TỔ CHỨC THỰC HIỆN\n"
            "1. Các sở, ban, ngành tỉnh và Ủy ban nhân dân cấp huyện phổ biến Kế hoạch này tới cán bộ, công chức.\n"
            "2. Văn phòng UBND tỉnh phối hợp với Sở Nội vụ kiểm tra việc công khai thủ tục hành chính, trong quý "
            "IV.\n"
            "3. Các cơ quan, đơn vị được giao chủ trì nhiệm vụ tại Phụ lục có trách nhiệm báo cáo tiến độ hằng "
            "quý.\n")
    doc = build_document("kh", "kh.txt", ORGANISATION + body)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.partners, t.content) for t in tasks] == [
        ("Các sở, ban, ngành tỉnh và Ủy ban nhân dân cấp huyện", (), "phổ biến Kế hoạch này tới cán bộ, công chức"),
        ("Văn phòng UBND tỉnh", ("Sở Nội vụ",), "kiểm tra việc công khai thủ tục hành chính"),
        ("Các cơ quan, đơn vị", (), "báo cáo tiến độ")]
    assert tasks[2].deadline_text == "hằng quý" and tasks[2].stages[0].recurring == "hang_quy"
    assert_spans(doc, tasks)
    # the same sentences in the plan's objectives: only the one with a role assigns (a verb alone is not enough there)
    goals = ORGANISATION.replace("- Nâng cao chỉ số hài lòng.\n", body.split("\n", 1)[1])
    assert [t.content for t in extract_tasks(build_document("kh", "kh.txt", goals)).tasks] == ["báo cáo tiến độ"]


def test_an_agency_heading_gives_each_of_its_bullets_as_its_task():
    body = ("III. TRÁCH NHIỆM THỰC HIỆN\n"
            "1. Sở Nội vụ\n"
            "- Chủ trì tham mưu UBND tỉnh tổ chức kiểm tra công tác cải cách hành chính, hoàn thành trong quý III.\n"
            "- Phối hợp với Sở Tư pháp hướng dẫn rà soát thủ tục hành chính.\n"
            "\n"
            "2. Văn phòng UBND tỉnh và Sở Thông tin và Truyền thông:\n"
            "- Duy trì Hệ thống thông tin giải quyết thủ tục hành chính thường xuyên.\n"
            "3. Các Sở:\n- Sở Y tế\n- Sở Xây dựng\n")
    doc = build_document("kh", "kh.txt", ORGANISATION + body)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.partners, t.content, t.deadline_text) for t in tasks] == [
        ("Sở Nội vụ", (), "tham mưu UBND tỉnh tổ chức kiểm tra công tác cải cách hành chính",
         "hoàn thành trong quý III"),
        ("Sở Tư pháp", ("Sở Nội vụ",), "hướng dẫn rà soát thủ tục hành chính", ""),
        ("Văn phòng UBND tỉnh", (), "Duy trì Hệ thống thông tin giải quyết thủ tục hành chính", "thường xuyên"),
        ("Sở Thông tin và Truyền thông", (), "Duy trì Hệ thống thông tin giải quyết thủ tục hành chính",
         "thường xuyên")]  # a list of names under a heading is no task
    assert_spans(doc, tasks)


AGENCIES = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Văn phòng UBND tỉnh", "Sở Y tế", "Thanh tra tỉnh",
            "Sở Văn hóa, Thể thao và Du lịch", "Công an tỉnh"]
CONTENTS = ["Rà soát thủ tục hành chính", "Kiện toàn tổ chức bộ máy", "Đào tạo, bồi dưỡng công chức",
            "Số hóa hồ sơ", "Tuyên truyền cải cách hành chính", "Kiểm tra công vụ"]
DEADLINES = ["Quý I/2030", "Tháng 5/2030", "Trước ngày 15/02/2030", "Thường xuyên",
             "XD kế hoạch Quý I; thực hiện quý IV", "6 tháng đầu năm"]
ROWS = st.lists(st.tuples(st.sampled_from(CONTENTS), st.sampled_from(AGENCIES), st.sampled_from(AGENCIES + [""]),
                          st.sampled_from(DEADLINES)), min_size=1, max_size=6)


def _pipe(rows) -> str:
    lines = ["| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |", "|---|---|---|---|---|"]
    lines += [f"| {i} | {c} | {lead} | {p} | {d} |" for i, (c, lead, p, d) in enumerate(rows, 1)]
    return "\n".join(lines) + "\n"


def _cells(rows) -> str:
    cells = ["STT", "NỘI DUNG", "CƠ\nQUAN CHỦ TRÌ", "CƠ QUAN\nPHỐI HỢP", "THỜI\nGIAN"]
    for i, row in enumerate(rows, 1):
        cells += [str(i), *row]
    return "".join(f"{c}\n|\n" if c else "|\n" for c in cells)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ROWS, st.sampled_from([_pipe, _cells]))
def test_property_every_row_is_one_fact_whose_offsets_name_its_agency_and_its_task(rows, form):
    doc = build_document("kh", "kh.txt", HEAD + form(rows))
    tasks = extract_tasks(doc).tasks
    assert [(t.content, t.lead, t.deadline_text) for t in tasks] == [(c, lead, d) for c, lead, _, d in rows]
    assert [t.partners for t in tasks] == [(p,) if p else () for _, _, p, _ in rows]
    assert_spans(doc, tasks)


# -- one derived-facts step ----------------------------------------------------------------------------------------
def test_a_document_carries_each_kind_of_facts_it_states():
    plan = build_document("kh", "kh.txt", HEAD + "- Sở Tư pháp có trách nhiệm rà soát văn bản trong quý II.\n"
                          "- Quý III/2030: kiểm tra Sở Y tế.\n")
    assert set(plan.facts) == {SCHEDULE_FACTS, TASK_FACTS} and plan.schedule == plan.facts[SCHEDULE_FACTS]
    assert [t.lead for t in load_tasks(plan.facts[TASK_FACTS]).tasks] == ["Sở Tư pháp"]
    assert build_document("a", "a.txt", "Tin tức về cải cách hành chính.").facts == {}


def test_a_failing_extractor_yields_nothing_for_its_kind_and_the_others_go_on(caplog):
    def broken(doc):
        raise KeyError("a reader that cannot follow the text")

    doc = build_document("kh", "kh.txt", HEAD + "- Sở Tư pháp có trách nhiệm rà soát văn bản trong quý II.\n")
    facts = derive_facts(doc, {SCHEDULE_FACTS: broken, TASK_FACTS: lambda d: "T"})
    assert facts == {SCHEDULE_FACTS: "", TASK_FACTS: "T"} and "schedule" in caplog.text


def test_a_correction_of_the_plan_s_year_re_derives_its_tasks():
    from ingest.corrections import corrected_document

    doc = build_document("kh", "kh.txt", HEAD + "- Sở Tư pháp có trách nhiệm rà soát văn bản trong quý II.\n")
    fixed = corrected_document(doc, {"tieu_de": "Cải cách hành chính năm 2031"})
    years = [load_tasks(d.facts[TASK_FACTS]).tasks[0].stages[0].period.year for d in (doc, fixed)]
    assert years == [2030, 2031]


def test_a_stored_item_holds_every_kind_and_an_older_bare_schedule_reads_as_the_schedule():
    old = json.dumps({"doc_id": "a", "facts": [], "periods": [], "quotes": {}})
    assert unpack_facts(old) == {SCHEDULE_FACTS: old}
    new = pack_facts({SCHEDULE_FACTS: "S", TASK_FACTS: "T"})
    assert by_kind({"a": old, "b": new}) == {SCHEDULE_FACTS: {"a": old, "b": "S"}, TASK_FACTS: {"b": "T"}}
    assert pack_facts({SCHEDULE_FACTS: "", TASK_FACTS: ""}) == ""


def test_tasks_live_and_die_with_the_document_record_and_an_older_item_still_gives_its_schedule(settings, store,
                                                                                                 tmp_path):
    from ingest.pipeline import ingest_paths

    src = tmp_path / "kh.txt"
    src.write_text(HEAD + "- Sở Tư pháp có trách nhiệm rà soát văn bản trong quý II.\n"
                   "- Quý III/2030: kiểm tra Sở Y tế.\n", encoding="utf-8")
    ingest_paths([src], settings, store)
    (doc_id, record), = store.records().items()
    state = store.lexical()
    assert [t.lead for t in load_tasks(state.derived[TASK_FACTS][doc_id]).tasks] == ["Sở Tư pháp"]
    assert state.schedules == state.derived[SCHEDULE_FACTS] and doc_id in state.schedules
    # an index written before the facts item: the item is the bare schedule JSON
    bare = state.schedules[doc_id]
    store.facts_items.upsert(ids=[f"{doc_id}@{record.version}"], documents=[bare],
                             metadatas=[{"doc_id": doc_id, "version": record.version}], embeddings=[[0.0]])
    assert store.derived(store.records()) == {SCHEDULE_FACTS: {doc_id: bare}}
    store.delete_document(doc_id)
    assert store.facts_items.count() == 0 and store.lexical().derived == {}


# -- the fixture questions --------------------------------------------------------------------------------------------
QUESTIONS = [json.loads(line) for line in (FIXTURES / "questions.jsonl").read_text(encoding="utf-8").splitlines()]


def _selected(tasks, query: dict) -> list[str]:
    """The contents of the tasks a question's query names, read from the facts."""
    by = query["by"]
    if by == "lead":
        return [t.content for t in tasks if t.lead == query["agency"]]
    if by == "partner":
        return [t.content for t in tasks if query["agency"] in t.partners]
    if by == "area":
        return [t.content for t in tasks if t.area == query["area"]]
    if by == "product":
        return [t.content for t in tasks if t.product.lower() == query["product"].lower()]
    return list(next(iter(query["expected"].values())))  # a period or a content: checked literally below


def test_the_fixture_questions_are_two_halves_with_literal_evidence_and_expected_tasks_the_facts_hold():
    assert len(QUESTIONS) == 20 and Counter(q["split"] for q in QUESTIONS) == {"tune": 10, "check": 10}
    halves = {q["doc"]: q["split"] for q in QUESTIONS}
    assert all(halves[q["doc"]] == q["split"] for q in QUESTIONS), "a document's questions stay in one half"
    assert sum(q["abstain"] for q in QUESTIONS) == 4
    docs = {name: doc_of(FIXTURES / name) for name in halves}
    for q in QUESTIONS:
        doc = docs[q["doc"]]
        tasks = extract_tasks(doc).tasks
        for group in q["evidence"] + [g for g in q["facts"] if len(g) == 1]:
            assert any(alt in doc.text for alt in group), (q["id"], group)
        (expected,) = q["tasks"]["expected"].values()
        assert _selected(tasks, q["tasks"]) == expected, q["id"]
        assert all(any(e in t.content for t in tasks) for e in expected), q["id"]


def test_each_bundled_fact_is_its_own_row_of_the_appendix_as_the_raw_file_writes_it():
    """Read the raw appendix independently (cells between "|" lines) and compare row by row."""
    raw = BUNDLED.read_text(encoding="utf-8")
    cells, current = [], []
    for line in raw[raw.index("STT\n|"):].split("\n"):
        if line.strip() == "|":
            cells.append(" ".join(" ".join(current).split()))
            current = []
        else:
            current.append(line)
    rows, i = [], 7  # after the header's seven cells
    while i < len(cells):
        if cells[i].isdigit():
            rows.append(cells[i + 1:i + 7])  # content, product, lead, partners, deadline, note
            i += 7
        else:
            i += 2 if cells[i] else 1  # a reform area's or sub-group's row: its number and its title
    tasks = [t for t in extract_tasks(build_document("kg", str(BUNDLED), raw)).tasks if t.source_form == "table"]
    assert len(rows) == len(tasks) == 31
    assert [(r[0], r[1], r[2], r[4]) for r in rows] == [(t.content, t.product, t.lead, t.deadline_text) for t in tasks]
    assert all(t.stages for t in tasks)


def test_a_partner_whose_name_holds_a_verb_is_read_whole():
    body = ("II. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Nội vụ chủ trì, phối hợp với Sở Xây dựng, Sở Giáo dục và Đào tạo rà soát vị trí việc làm.\n"
            "2. Sở Tài chính: Hướng dẫn lập dự toán kinh phí cải cách hành chính.\n")
    tasks = extract_tasks(build_document("kh", "kh.txt", ORGANISATION + body)).tasks
    assert [(t.lead, t.partners, t.content) for t in tasks] == [
        ("Sở Nội vụ", ("Sở Xây dựng", "Sở Giáo dục và Đào tạo"), "rà soát vị trí việc làm"),
        ("Sở Tài chính", (), "Hướng dẫn lập dự toán kinh phí cải cách hành chính")]


def test_prose_reads_the_line_markers_every_reader_reads():
    """One rule for what opens a line (:mod:`textnorm.lines`): a heading's number with no space before an upper-case
    name ("1.Sở Nội vụ", as portal pastes write "I.MỤC TIÊU") and an em-dash bullet open a line here as in cleaning."""
    body = ("1.Sở Nội vụ\n— Chủ trì tham mưu kiện toàn tổ chức bộ máy, hoàn thành trong quý II.\n"
            "2.Sở Tư pháp\n— Chủ trì rà soát văn bản quy phạm pháp luật, hoàn thành trong quý III.\n")
    doc = build_document("kh", "kh.txt", ORGANISATION.replace("I. MỤC TIÊU", "II. TỔ CHỨC THỰC HIỆN") + body)
    tasks = extract_tasks(doc).tasks
    assert [(t.lead, t.content, t.deadline_text) for t in tasks] == [
        ("Sở Nội vụ", "tham mưu kiện toàn tổ chức bộ máy", "hoàn thành trong quý II"),
        ("Sở Tư pháp", "rà soát văn bản quy phạm pháp luật", "hoàn thành trong quý III")]
    assert_spans(doc, tasks)
