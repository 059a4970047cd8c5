"""A count asked is read where it is the asked noun's (session 26, A26): a date's day ("ngày 08/7"), a share ("ít
nhất 50% các phòng"), an ordinal or a year counts nothing. Main's reading (``states_fact`` on the whole unit) took any
number near the noun. The near-misses stay answered: "63/65 nhiệm vụ", a question asking more than its count.
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.absence import other_noun_count
from assistant.evidence import AskedFact, states_fact


def _unit(text):
    return SimpleNamespace(text=text)


def _asks(question, years=()):
    return SimpleNamespace(original=question, text="", years=list(years))


def test_a_share_and_a_year_count_no_offices():
    asks = _asks("Theo kế hoạch năm 2025, UBND xã Phú Lâm sẽ kiểm tra bao nhiêu cơ quan?",
                 ["2025"])
    offices = AskedFact("count", ("co quan",))
    share = _unit("UBND tỉnh cũng yêu cầu các sở, ngành và UBND các xã, phường chủ động xây dựng kế hoạch kiểm tra cải "
                  "cách hành chính, kiểm soát thủ tục hành chính năm 2025 tại cơ quan, đơn vị mình; đảm bảo kiểm tra "
                  "ít nhất 50% các phòng, ban chuyên môn, đơn vị trực thuộc cơ quan, đơn vị.")
    assert states_fact(share.text, offices)  # main's reading: "2025 tại cơ quan" read as a count
    assert other_noun_count([share], offices, asks) == "khác"
    counted = _unit("Năm 2025, UBND xã kiểm tra 12 cơ quan, đơn vị trên địa bàn.")
    assert other_noun_count([share, counted], offices, asks) == ""


def test_near_misses_stay_answered():
    tasks = AskedFact("count", ("nhiem vu",))
    asks = _asks("Theo Kế hoạch CCHC năm 2023, tỉnh đã hoàn thành bao nhiêu nhiệm vụ?", ["2023"])
    done = _unit("Đến nay, tỉnh đã triển khai hoàn thành 63/65 nhiệm vụ theo Kế hoạch cải cách hành chính năm 2023 "
                 "(đạt 97%).")
    assert other_noun_count([done], tasks, asks) == ""
    days = AskedFact("count", ("ngay",))
    dated = _unit("Sáng ngày 08/7, tại Kỳ họp thứ 7 HĐND tỉnh khóa XII, đồng chí Phó Chủ tịch trình bày báo cáo.")
    assert other_noun_count([dated], days, _asks("Kỳ họp thứ 7 của HĐND kéo dài mấy ngày?")) == "khác"
    two = _asks("Kỳ họp thứ 7 diễn ra trong mấy ngày, thông qua bao nhiêu nghị quyết?")
    assert other_noun_count([dated], days, two) == ""
