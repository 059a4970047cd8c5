"""A clock time asked ("từ mấy giờ đến mấy giờ", "lúc mấy giờ") is a fact of a definite shape (session 28, A30): the
answer must state an hour, and the hour must be the schedule's asked, on the page the answer leads with. Duy Tiên's
2016 schedule of citizen reception writes its days ("ngày 10 và ngày 20 hàng tháng") and no hour; the Hà Nam health
department's office hours beside it ("Từ 7 giờ đến 11 giờ 30 phút") are another body's. The near misses stay
answered: a schedule whose page writes its hours in any of its ranked lines (Na Rì's "Buổi sáng từ 08 giờ đến 11 giờ",
ranked below the five units an answer quotes), and a duration asked ("trong mấy giờ") is no clock time.
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.evidence import FACT_NAMES, AskedFact, asked_fact, fact_units, states_fact

# Hà Nam, Thông báo lịch tiếp công dân năm 2016 của UBND huyện Duy Tiên (its reception lines as ingest cuts them)
DUY_TIEN_DAYS = ("- Ủy ban nhân dân huyện tổ chức tiếp công dân vào ngày 10 và ngày 20 hàng tháng, nếu các ngày trên "
                 "trùng vào ngày nghỉ thì tổ chức tiếp công dân vào ngày làm việc tiếp theo.")
DUY_TIEN_CHAIR = ("- Chủ tịch UBND huyện chủ trì tiếp công dân định kỳ. Trường hợp Chủ tịch UBND huyện không thể tiếp "
                  "công dân theo lịch thì ủy quyền cho Phó Chủ tịch UBND huyện chủ trì.")
# Hà Nam, lịch tiếp công dân của Sở Y tế: another body's office hours
SO_Y_TE_MORNING = "- Buổi sáng: + Mùa hè: Từ 7 giờ đến 11 giờ 30 phút;"
SO_Y_TE_AFTERNOON = "- Buổi chiều: + Mùa hè: Từ 13 giờ 30 phút đến 17 giờ;"
# Bắc Kạn, Thông báo lịch tiếp công dân của Chủ tịch HĐND huyện Na Rì (2021)
NA_RI_DAYS = ("1. Chủ tịch HĐND huyện tiếp công dân định kỳ vào ngày 15 hàng tháng, nếu trùng vào ngày lễ, tết hoặc "
              "ngày nghỉ thì chuyển sang ngày làm việc tiếp theo.")
NA_RI_HOURS = "+ Buổi sáng từ 08 giờ đến 11 giờ."

DUY_TIEN_ASKS = "Theo lịch năm 2016, UBND huyện Duy Tiên tiếp công dân định kỳ bắt đầu từ mấy giờ?"


def _unit(text, doc_id, score):
    return SimpleNamespace(text=text, score=score, coverage=0.5,
                           result=SimpleNamespace(passage=SimpleNamespace(text=text, section="", doc_id=doc_id),
                                                  doc_metadata={"nam": "", "tieu_de": ""}))


def test_a_clock_time_asked_is_a_fact_of_a_definite_shape():
    assert asked_fact(DUY_TIEN_ASKS) == AskedFact("hour")  # h-A29: AskedFact() (nothing definite asked)
    assert asked_fact("Chủ tịch UBND xã tiếp công dân buổi chiều lúc mấy giờ?").kind == "hour"
    assert FACT_NAMES["hour"] == "giờ"
    # near misses: a duration asked, a count of hours, a frame words may answer
    assert asked_fact("Đoàn kiểm tra làm việc trong mấy giờ?").kind != "hour"
    assert asked_fact("Mỗi tuần cán bộ học bao nhiêu giờ?").kind != "hour"
    assert asked_fact("Đại biểu tiếp công dân trong khung giờ nào?").kind != "hour"


def test_the_shapes_of_an_hour_written():
    hour = AskedFact("hour")
    assert states_fact(SO_Y_TE_MORNING, hour) and states_fact(NA_RI_HOURS, hour)
    assert states_fact("Thời gian: từ 7h30 đến 11h00 các ngày làm việc.", hour)
    assert states_fact("Giờ làm việc: 13:30 - 17:00.", hour)
    assert not states_fact(DUY_TIEN_DAYS, hour)
    assert not states_fact("Kế hoạch số 12/KH-UBND ngày 05/01/2016.", hour)


def test_another_bodys_office_hours_are_no_hour_of_the_schedule_asked():
    units = [_unit(DUY_TIEN_DAYS, "duy-tien", 1.45), _unit(DUY_TIEN_CHAIR, "duy-tien", 1.06),
             _unit(SO_Y_TE_MORNING, "so-y-te", 1.21), _unit(SO_Y_TE_AFTERNOON, "so-y-te", 1.20)]
    assert fact_units(units, asked_fact(DUY_TIEN_ASKS)) == []
    # near miss: the department's own schedule asked, its page leading, states its hours
    led = [_unit(SO_Y_TE_MORNING, "so-y-te", 2.0)] + units
    assert fact_units(led, asked_fact("Sở Y tế Hà Nam tiếp công dân buổi sáng từ mấy giờ?"))


def test_a_schedules_hours_in_any_line_of_its_own_page_answer():
    asks = asked_fact("Chủ tịch HĐND huyện Na Rì tiếp công dân định kỳ, buổi sáng từ mấy giờ?")
    units = [_unit(NA_RI_DAYS, "na-ri", 2.12), _unit(SO_Y_TE_MORNING, "so-y-te", 1.2)]
    assert fact_units(units, asks) == []  # the department's hours are not Na Rì's
    # near miss: the hours ranked seventh, below the five units an answer quotes, on the lead page (freshdocs5 K01)
    ranked = [_unit(NA_RI_DAYS, "na-ri", 2.12)] + [_unit(DUY_TIEN_CHAIR, "na-ri", 1.6)] * 4 + units[1:]
    hours = _unit(NA_RI_HOURS, "na-ri", 1.41)
    assert fact_units(ranked + [hours], asks) == [hours]
