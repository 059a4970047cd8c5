"""Schedules in prose and news posts (issue 18, item 5): the period the text gives for the inspections wins; datelines,
signature dates, dates of cited documents and report deadlines are never a period; rounds and "dự kiến" are kept.

Lines are literal: datelines as portals print them (issue 18), prose from provincial portals (baobinhduong.vn,
tayninh.gov.vn, tuky.haiduong.gov.vn, thanhtra.quangtri.gov.vn) and the bundled Quảng Bình post.
"""

from __future__ import annotations

import pytest

from ingest.document import build_document
from ingest.schedule import extract_schedule
from retriever.period import question_period
from textnorm.periods import find_periods, work_periods

#: Datelines as the posts of issue 18 and the portals print them: each is a date, none is a period of work.
DATELINES = ["04/06/2019 - 21:54", "10:05, 05/05/2022", "THỨ BA, 20/09/2022 16:03:31",
             "Thứ Sáu, 23/04/2021, 18:49 [GMT+7]", "08:03, 07/03/2018", "- 12/05/2016 04:00:00 PM",
             "Thứ năm, 30/05/2024 11:24 (GMT+7)"]
#: A news post whose only period is in its prose; the units are listed on lines of their own.
POST = ("Kiểm tra công tác cải cách hành chính năm 2019\n{dateline}\n"
        "Theo kế hoạch, Đoàn kiểm tra CCHC của tỉnh sẽ làm việc tại các đơn vị sau:\n"
        "- Sở Tư pháp, Sở Y tế;\n- UBND huyện Na Rì, UBND huyện Chợ Đồn.\n"
        "Việc kiểm tra được tiến hành từ tháng 6 đến cuối tháng 8-2019.\n")


def facts_of(text: str):
    doc = build_document("tin", "tin.txt", text)
    return doc, extract_schedule(doc).facts


# -- what is not a period -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("dateline", DATELINES)
def test_a_dateline_is_a_date_but_never_a_period_of_work(dateline):
    assert find_periods(dateline), dateline  # the grammar reads the date …
    assert work_periods(dateline) == []  # … and the schedule reader never takes it


@pytest.mark.parametrize("dateline", DATELINES)
def test_a_news_post_is_stored_with_the_period_its_prose_gives_not_its_dateline(dateline):
    doc, facts = facts_of(POST.format(dateline=dateline))
    assert {f.unit for f in facts} == {"Sở Tư pháp", "Sở Y tế", "UBND huyện Na Rì", "UBND huyện Chợ Đồn"}
    assert {(f.period.months, f.period.year, f.period.quarters) for f in facts} == {((6, 7, 8), 2019, (2, 3))}
    assert {doc.text[f.period_start:f.period_end] for f in facts} == {"từ tháng 6 đến cuối tháng 8-2019"}


@pytest.mark.parametrize("line", [
    "Hà Nội, ngày 05 tháng 4 năm 2021",  # signature
    "Số: 87/KH-UBND | Hà Nội, ngày 05 tháng 4 năm 2021 |",  # flattened header table
    "Căn cứ Kế hoạch số 517/KH-UBND ngày 27/02/2020 của UBND tỉnh;",  # basis document
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Thực hiện Kế hoạch số 74/KH-CTĐ ngày 25/02/2016 của Cụm thi đua Thanh tra các tỉnh Bắc trung bộ;",
    "Ngày 11/5/2016, UBND tỉnh ban hành Kế hoạch số 1173/KH-UBND triển khai công tác kiểm tra thực hiện cải cách "
    "hành chính trên địa bàn tỉnh năm 2016.",  # the day a plan was issued
    "Ngày 13/4/2018, UBND tỉnh đã có Quyết định số 1331/QĐ-UBND về việc ban hành Kế hoạch Kiểm tra công tác cải "
    "cách hành chính (CCHC) năm 2018",
    "Các đơn vị được kiểm tra báo cáo kết quả trước ngày 15/12.",  # report deadline
])
def test_signature_basis_issue_dates_and_deadlines_are_not_periods(line):
    assert find_periods(line) and work_periods(line) == []


def test_a_date_the_inspection_took_place_is_still_a_period():
    line = "Ngày 17/9, Đoàn kiểm của UBND huyện đã kiểm tra công tác CCHC nhà nước năm 2021 tại xã Tân Kỳ."
    assert [p.label() for _, _, p in work_periods(line)] == ["17/09"]
    sentence = "Theo đó, ngày 15/7/2030, Đoàn kiểm tra làm việc tại Sở Y tế."  # a sentence, not a signature
    assert [p.label() for _, _, p in work_periods(sentence)] == ["15/07/2030"]


def test_dates_in_a_post_header_do_not_head_the_list_below():
    doc, facts = facts_of("Kiểm tra CCHC năm 2019\n26/11/2019\nĐoàn kiểm tra làm việc tại các đơn vị sau:\n"
                          "- Sở Tư pháp;\n- Sở Y tế.\n")
    assert facts == []  # no period stated: no fact, rather than the post's date


# -- prose forms -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, months, year", [
    ("Từ ngày 15/5 đến ngày 30/6/2022, Đoàn kiểm tra CCHC của tỉnh sẽ kiểm tra tại 10 cơ quan, đơn vị, gồm: Sở Tư "
     "pháp, UBND huyện Chợ Đồn.", (5, 6), 2022),
    ("Trong tháng 9 và tháng 10/2020, đoàn đã kiểm tra tại Sở Tài chính và UBND huyện Chợ Đồn.", (9, 10), 2020),
    ("Từ tháng 6 đến cuối tháng 8-2019, Đoàn kiểm tra làm việc tại Sở Tư pháp và UBND huyện Chợ Đồn.", (6, 7, 8), 2019),
    ("Tháng 8-2019: kiểm tra Sở Tư pháp, UBND huyện Chợ Đồn.", (8,), 2019),
    ("T8/2019: kiểm tra Sở Tư pháp, UBND huyện Chợ Đồn.", (8,), 2019),
    ("Từ T6 đến T8/2019, đoàn kiểm tra tại Sở Tư pháp và UBND huyện Chợ Đồn.", (6, 7, 8), 2019),
    ("Ngày 20 và 21/6/2022, đoàn kiểm tra làm việc tại Sở Tư pháp và UBND huyện Chợ Đồn.", (6,), 2022),
    # without diacritics, as typed or OCR'd
    ("thang 6 den thang 8 nam 2019 doan kiem tra tai So Tu phap va UBND huyen Cho Don", (6, 7, 8), 2019),
    ("quy III nam 2019: kiem tra So Tu phap, UBND huyen Cho Don.", (7, 8, 9), 2019),
])
def test_prose_forms_of_news_posts(text, months, year):
    _, facts = facts_of("Tin kiểm tra cải cách hành chính\n" + text + "\n")
    assert len(facts) == 2 and {(f.period.months, f.period.year) for f in facts} == {(months, year)}, facts


def test_a_year_given_once_completes_a_range_without_one():
    p = find_periods("từ ngày 15/5 đến ngày 30/6")[0][2].with_year(2022)
    assert (p.start, p.end, p.quarters) == ("2022-05-15", "2022-06-30", (2,))


# -- rounds and "dự kiến" ----------------------------------------------------------------------------------------------
HEAD = "Số: 9/KH-UBND\n\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2022\n\nI. LỊCH KIỂM TRA\n\n"


def rounds_of(body: str) -> dict[str, tuple]:
    _, facts = facts_of(HEAD + body)
    return {f.unit: (f.period.round, f.period.months, f.period.tentative) for f in facts}


def test_rounds_in_one_line_each_unit_tied_to_its_round():
    assert rounds_of("Đợt 1: tháng 5 – tháng 6, kiểm tra Sở Tư pháp; đợt 2: tháng 9, kiểm tra Sở Y tế.\n") == {
        "Sở Tư pháp": (1, (5, 6), False), "Sở Y tế": (2, (9,), False)}


def test_round_with_its_quarter_in_parentheses_and_a_planned_round():
    assert rounds_of("- Đợt 1 (quý II/2022): Sở Tư pháp, Sở Y tế.\n- Đợt 2 (dự kiến quý IV/2022): Sở Xây dựng.\n") == {
        "Sở Tư pháp": (1, (4, 5, 6), False), "Sở Y tế": (1, (4, 5, 6), False), "Sở Xây dựng": (2, (10, 11, 12), True)}


def test_round_headings_over_lists():
    assert rounds_of("a) Đợt 1: từ tháng 5 đến tháng 6/2022\n- Sở Công Thương;\n- Sở Nội vụ.\n"
                     "b) Đợt 2: tháng 9/2022\n- UBND huyện Chợ Đồn.\n") == {
        "Sở Công Thương": (1, (5, 6), False), "Sở Nội vụ": (1, (5, 6), False), "UBND huyện Chợ Đồn": (2, (9,), False)}


def test_units_listed_by_round_take_the_round_period_stated_elsewhere():
    assert rounds_of("Đợt 1 kiểm tra các đơn vị: Sở Giao thông vận tải, Sở Tài chính.\n"
                     "Đợt 2 kiểm tra các đơn vị: Sở Ngoại vụ.\n\n"
                     "II. THỜI GIAN\n\nThời gian kiểm tra: đợt 1 trong tháng 4/2022; đợt 2 trong tháng 10/2022.\n") == {
        "Sở Giao thông vận tải": (1, (4,), False), "Sở Tài chính": (1, (4,), False), "Sở Ngoại vụ": (2, (10,), False)}


def test_planned_period_of_the_bundled_news_post():
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "corpus" / "quang-binh-2018-tin-kiem-tra-cchc.txt"
    _, facts = facts_of(src.read_text(encoding="utf-8"))
    assert len(facts) == 10
    assert {(f.period.quarters, f.period.year, f.period.tentative) for f in facts} == {((2, 3), 2018, True)}
    assert facts[0].period.stated() == "quý II, III/2018 (dự kiến)"


def test_stored_round_and_plan_flag_survive_storage():
    from index.schedule_facts import PlanSchedule, load_schedule, schedule_to_json

    _, facts = facts_of(HEAD + "- Đợt 2 (dự kiến quý IV/2022): Sở Xây dựng.\n")
    again = load_schedule(schedule_to_json(PlanSchedule("kh", facts)))
    assert again.facts[0].period.round == 2 and again.facts[0].period.tentative


# -- questions --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, months, year", [
    ("so nao duoc kiem tra quy III nam 2019", (7, 8, 9), 2019),
    ("don vi nao duoc kiem tra tu thang 6 den thang 8 nam 2019", (6, 7, 8), 2019),
    ("đơn vị nào kiểm tra trong T8/2019", (8,), 2019),
])
def test_question_periods_without_diacritics_and_short_months(question, months, year):
    p = question_period(question)
    assert (p.months, p.year) == (months, year)


@pytest.fixture(scope="module")
def news_assistant(tmp_path_factory):
    """The Bắc Kạn-style post above and the bundled Quảng Bình post, hashing embedder."""
    import shutil
    from pathlib import Path

    from assistant.service import Assistant
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever
    from settings import load_settings

    base = tmp_path_factory.mktemp("news")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "tin-kiem-tra-2019.txt").write_text(POST.format(dateline=DATELINES[0]), encoding="utf-8")
    shutil.copy(Path(__file__).resolve().parents[1] / "corpus" / "quang-binh-2018-tin-kiem-tra-cchc.txt", corpus)
    s = load_settings({}, embedding_model="hashing:64", data_dir=base / "data", corpus_dir=corpus)
    store = IndexStore(s)
    ingest_paths([corpus], s, store)
    return Assistant(s, HybridRetriever(store))


def test_june_to_august_answers_a_third_quarter_question(news_assistant):
    answer = news_assistant.ask("Những đơn vị nào được kiểm tra trong quý III năm 2019?")
    assert answer.mode == "schedule" and not answer.abstained, answer.text
    for unit in ("Sở Tư pháp", "Sở Y tế", "huyện Na Rì", "huyện Chợ Đồn"):
        assert unit in answer.text
    assert "tháng 6/2019 – tháng 8/2019" in answer.text and "04/06/2019" not in answer.text
    store = news_assistant.store
    assert all(store.get_document(c.doc_id).text[c.start:c.end] == c.quote for c in answer.citations)


def test_when_question_gives_the_period_not_the_dateline(news_assistant):
    answer = news_assistant.ask("Sở Y tế được kiểm tra khi nào?")
    assert "tháng 6/2019 – tháng 8/2019" in answer.text and "04/06/2019" not in answer.text, answer.text


def test_the_answer_says_a_period_is_only_planned(news_assistant):
    answer = news_assistant.ask("Những sở nào được kiểm tra trong quý III năm 2018?")
    assert not answer.abstained and "Sở Ngoại vụ" in answer.text
    assert "quý II, III/2018 (dự kiến)" in answer.text, answer.text
