"""A time asked is read where it is the asked event's (session 25, A25): a date right after a cited document's number
is that document's, a period of years ("nhiệm kỳ 2021-2026") is no year of a sitting, and a post's dateline (its
line or its field) dates only the lead page's report. The near-misses stay answered: a document asked keeps its
cited date, the lead page's dateline dates what it reports, a page naming its event's day.
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.absence import absent_grain, dateline_free, event_text


def _unit(text, score=1.0, coverage=1.0, doc_id="d"):
    result = SimpleNamespace(passage=SimpleNamespace(text=text, section="", doc_id=doc_id),
                             doc_metadata={"nam": "", "tieu_de": ""})
    return SimpleNamespace(text=text, result=result, score=score, coverage=coverage, doc_id=doc_id, role="")


def _asks(question, topic=()):
    return SimpleNamespace(original=question, text="", doc_numbers=[], years=[], provinces=[],
                           answer_types=("time",), topic_terms=list(topic))


def test_a_cited_documents_date_is_no_day_of_the_meeting():
    asks = _asks("Đoàn kiểm tra của Chính phủ làm việc với UBND tỉnh Bắc Giang vào ngày nào?", ("doan", "lam"))
    cited = _unit("UBND tỉnh vừa ban hành Quyết định số 486/QĐ-UBND ngày 27-2-2018 về việc thành lập Đoàn kiểm tra, "
                  "do ông Trương Văn Đức làm Trưởng đoàn.")
    assert absent_grain([cited], asks) == "ngày"
    assert absent_grain([cited], asks, bound=False) == ""  # main's reading: any date written
    held = _unit("Sáng 3/11, Đoàn kiểm tra làm việc với UBND tỉnh Bắc Giang.")
    assert absent_grain([cited, held], asks) == ""


def test_a_term_of_years_is_no_year_of_the_sitting():
    asks = _asks("Kỳ họp thứ chín của HĐND tỉnh Kon Tum khóa XII được tổ chức năm nào?", ("ky", "hop"))
    sitting = _unit("Kỳ họp thứ chín của HĐND tỉnh Kon Tum khóa XII, nhiệm kỳ 2021 – 2026 đã thông qua 18 nghị "
                    "quyết về phát triển kinh tế - xã hội.")
    assert absent_grain([sitting], asks) == "năm"
    assert absent_grain([_unit("Ngày 26/4/2025, HĐND tỉnh Kon Tum tổ chức Kỳ họp thứ chín.")], asks) == ""


def test_another_pages_dateline_dates_no_event_of_the_lead_page():
    asks = _asks("Đoàn kiểm tra của Chính phủ làm việc với UBND tỉnh Bắc Giang vào ngày nào?", ("doan", "lam"))
    lead = _unit("Tham gia Đoàn kiểm tra có đại diện lãnh đạo và chuyên viên các Vụ của Bộ Nội vụ.", score=1.6,
                 doc_id="bac-giang")
    other = _unit("Thành lập Đoàn kiểm tra cải cách hành chính tỉnh Bà Rịa - Vũng Tàu", score=1.4, doc_id="ba-ria")
    other.result.doc_metadata = {"nam": "2018", "tieu_de": "", "loai_van_ban": "Tin bài", "ngay_ban_hanh": "2018-03-02"}
    assert absent_grain([lead, other], asks) == "ngày"
    assert absent_grain([lead, other], asks, bound=False) == ""  # main's reading: any page's dateline
    # the lead page's own dateline dates what it reports
    other.score = 2.0
    assert absent_grain([lead, other], asks) == ""


def test_a_document_asked_keeps_its_cited_date():
    asks = _asks("Ban Thường vụ Tỉnh ủy ban hành nghị quyết về chuyển đổi số ngày nào?", ("nghi", "quyet"))
    assert absent_grain([_unit("Thực hiện Nghị quyết số 06-NQ/TU ngày 17/6/2021 của Ban Thường vụ Tỉnh ủy về "
                               "chuyển đổi số.")], asks) == ""


def test_a_dateline_line_dates_only_its_own_page():
    asks = _asks("Đoàn kiểm tra của Chính phủ làm việc với UBND tỉnh Bắc Giang vào ngày nào?", ("doan", "lam"))
    lead = _unit("Tham gia Đoàn kiểm tra có đại diện lãnh đạo và chuyên viên các Vụ của Bộ Nội vụ.", score=1.6,
                 doc_id="bac-giang")
    other = _unit("Cập nhật: 18:39, 02/03/2018 (GMT+7)\nUBND tỉnh vừa thành lập Đoàn kiểm tra năm 2018.", score=1.4,
                  doc_id="ba-ria")
    assert absent_grain([lead, other], asks) == "ngày"
    assert absent_grain([lead, other], asks, bound=False) == ""
    other.score = 2.0  # the page leads: its dateline dates what it reports
    assert absent_grain([lead, other], asks) == ""
    assert dateline_free("Thứ tư, 22/09/2021\nHôm nay (3/11), Đoàn kiểm tra làm việc.") == (
        "Hôm nay (3/11), Đoàn kiểm tra làm việc.")
    assert event_text("Công văn số 297/TB-CTĐ ngày 15/6/2016 về việc tổ chức Hội nghị.", "day").count("15/6") == 0


def test_a_question_asking_more_than_its_time_keeps_any_date_written():
    two = _asks("Đoàn kiểm tra của Bộ Nội vụ làm việc với tỉnh ngày nào, do ai dẫn đầu?", ("doan", "lam"))
    cited = _unit("UBND tỉnh vừa ban hành Quyết định số 486/QĐ-UBND ngày 27-2-2018 về việc thành lập Đoàn kiểm tra.")
    assert absent_grain([cited], two) == ""
    one = _asks("Đoàn kiểm tra của Bộ Nội vụ làm việc với tỉnh vào ngày nào?", ("doan", "lam"))
    assert absent_grain([cited], one) == "ngày"


def test_a_hooks_day_without_its_year_answers_no_year_asked():
    from assistant.absence import gives_asked_grain

    asked = "Phòng Nội vụ huyện kiểm tra giờ giấc làm việc tại các xã Thịnh Mỹ, Hòa Mỹ vào năm nào?"
    assert not gives_asked_grain(asked, "UBND xã Thịnh Mỹ được kiểm tra theo 1 kế hoạch:\n- Tin bài: 26/2 (kiểm tra)")
    assert gives_asked_grain(asked, "- Kế hoạch 12/KH-UBND năm 2024: 26/2/2024 (kiểm tra)")
    assert gives_asked_grain("Xã nào được kiểm tra ngày 26/2?", "- Tin bài: 26/2 (kiểm tra)")
