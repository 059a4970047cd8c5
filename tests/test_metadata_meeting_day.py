"""Year of posts on provincial portals (issue 18, helper L20): a post without a dateline whose lead dates a meeting
it reports ("Sáng ngày 01/11/2023, Ban Chỉ đạo … đã tổ chức họp …") gives the meeting's day, not the post's: its
year stays unread (the gold of freshdocs3, freshdocs7 and metadocs14). A lead dating a document it reports, or an
event of "today", still gives the post's year. Lines are written for the tests in the portals' forms; the meeting
tests fail on the main of session 20."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of
from textnorm.patterns import MEETING_LEAD

#: A post's headline (no dateline above or below it).
HEADLINE = "Họp Ban Chỉ đạo cải cách hành chính huyện Bảo Lâm năm 2023"
#: The body after the lead.
BODY = ("Tham dự cuộc họp có lãnh đạo các phòng, ban chuyên môn thuộc UBND huyện và Chủ tịch UBND các xã, thị trấn. "
        "Các đại biểu đã thảo luận về những tồn tại, hạn chế trong công tác cải cách hành chính và đề xuất giải pháp.")


@pytest.mark.parametrize("lead", [
    "Sáng ngày 01/11/2023, Ban Chỉ đạo cải cách hành chính huyện Bảo Lâm đã tổ chức họp để đánh giá kết quả triển "
    "khai thực hiện công tác cải cách hành chính 10 tháng đầu năm 2023.",
    "Ngày 06/9/2023, Ủy ban nhân dân huyện tổ chức cuộc họp thường kỳ nhằm đánh giá tình hình thực hiện nhiệm vụ "
    "tháng 8, triển khai công tác chủ yếu tháng 9.",
])
def test_a_meetings_day_in_the_lead_is_not_the_posts_year(lead):
    md = metadata_of(f"{HEADLINE}\n\n{lead}\n\n{BODY}")
    assert (md["loai_van_ban"], md["nam"], md["ngay_ban_hanh"]) == ("Tin bài", "", "")


def test_a_council_session_under_a_headline_in_capitals_gives_no_year():
    headline = "HỘI ĐỒNG NHÂN DÂN XÃ TÂN PHÚ KHÓA XII THÔNG QUA 4 NGHỊ QUYẾT QUAN TRỌNG"
    lead = ("Sáng ngày 14/11/2025, Hội đồng nhân dân (HĐND) xã Tân Phú, khóa XII, nhiệm kỳ 2021 – 2026 tổ chức Kỳ họp "
            "thứ 4 (kỳ họp chuyên đề) để xem xét, thảo luận và quyết nghị những nội dung quan trọng thuộc thẩm quyền.")
    assert metadata_of(f"{headline}\n\n{lead}\n\n{BODY}")["nam"] == ""


def test_a_lead_dating_a_document_it_reports_keeps_the_posts_year():
    lead = ("Ngày 16/6/2025, Ủy ban Thường vụ Quốc hội thông qua 34 Nghị quyết sắp xếp đơn vị hành chính cấp xã "
            "năm 2025 của các tỉnh, thành phố.")
    md = metadata_of(f"Toàn bộ các Nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025\n\n{lead}\n\n{BODY}")
    assert md["nam"] == "2025"


@pytest.mark.parametrize("lead, meeting", [
    ("Sáng ngày 08/7/2022, Ủy ban nhân dân phường tổ chức họp sơ kết công tác 6 tháng đầu năm", True),
    ("Chiều 13-3, Ban Chỉ đạo tiến hành phiên họp thứ hai", True),
    ("Ngày 20/5/2024, tại Hội trường UBND tỉnh đã diễn ra Hội nghị tổng kết công tác cải cách hành chính", True),
    ("Ngày 16/6/2025, Ủy ban Thường vụ Quốc hội thông qua 34 Nghị quyết", False),  # a document's day
    ("Ngày 13/4/2018, UBND tỉnh đã có Quyết định số 1331/QĐ-UBND về việc ban hành Kế hoạch", False),
    ("Ngày 9/6/2023, UBND huyện ban hành kế hoạch tổ chức hội nghị. Hội nghị diễn ra vào tháng 7.", False),  # later
])
def test_meeting_lead_is_a_meeting_held_in_the_leads_first_sentence(lead, meeting):
    assert bool(MEETING_LEAD.match(lead)) is meeting
