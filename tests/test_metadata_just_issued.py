"""Kind of posts on provincial portals (issue 18, helper M19): a lead saying a body has *just* issued a document
("vừa ban hành Kế hoạch …", with or without its number), anywhere in the post's opening paragraphs, tells a post,
never the document itself. Lines are written for the tests in the portals' forms; each test fails on the main of
session 19."""

from __future__ import annotations

import pytest

from tests.reading import metadata_of
from textnorm.patterns import JUST_ISSUED

#: A headline that opens with a kind's name, as posts about a plan write it.
HEADLINE = "Kế hoạch kiểm tra công tác cải cách hành chính huyện Bảo Lâm năm 2024"
#: A lead reporting the plan, with no number: the reporter's "vừa", after a purpose clause of 200 characters.
LEAD = ("Nhằm đánh giá toàn diện kết quả thực hiện nhiệm vụ cải cách hành chính, việc niêm yết thủ tục, việc tiếp "
        "nhận và giải quyết hồ sơ trực tuyến của các cơ quan, đơn vị và những tồn tại cần khắc phục trong năm, UBND "
        "huyện vừa ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2024 tại 12 xã, thị trấn.")
#: The body's next paragraph.
BODY = ("Đoàn kiểm tra sẽ làm việc trực tiếp tại bộ phận một cửa của các xã, xem xét việc niêm yết công khai thủ tục "
        "hành chính, việc tiếp nhận và trả kết quả hồ sơ trực tuyến, và ghi nhận kiến nghị của người dân.")


def test_a_lead_that_just_issued_a_document_of_a_kind_makes_a_post_under_its_headline():
    md = metadata_of(f"{HEADLINE}\n\n{LEAD}\n\n{BODY}")
    assert (md["loai_van_ban"], md["tieu_de"]) == ("Tin bài", HEADLINE)


def test_a_documents_own_issuing_clause_is_no_post():
    own = LEAD.replace("UBND huyện vừa ban hành", "UBND huyện ban hành").replace("thị trấn.", "thị trấn như sau:")
    assert metadata_of(f"{HEADLINE}\n\n{own}\n\n{BODY}")["loai_van_ban"] != "Tin bài"


@pytest.mark.parametrize("lead, post", [
    ("UBND tỉnh vừa ban hành Kế hoạch tổ chức Hội nghị tổng kết", True),
    ("Sở Nội vụ vừa có thông báo tạm dừng tiếp nhận hồ sơ", True),
    ("Chủ tịch UBND huyện vừa ký ban hành văn bản yêu cầu các xã", True),
    ("UBND tỉnh ban hành Kế hoạch kiểm tra công tác cải cách hành chính như sau:", False),  # the document's own clause
    ("Huyện vừa có kết quả chấm điểm chỉ số cải cách hành chính", False),  # no document
])
def test_just_issued_names_a_document_of_a_kind_after_the_reporters_word(lead, post):
    assert bool(JUST_ISSUED.search(lead)) is post
