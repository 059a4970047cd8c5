"""A body line naming who signed answers "do ai ký" (issue 18: a refusal needs the evidence to be absent), on a tiny
index of literal texts: a news post's line "… Trần Minh Đức đã ký ban hành văn bản số 1520/UBND-NV" carries the
signer asked, and its date the year asked, though the signature block of another year's plan ranks beside it;
asked of another year, the same post is still refused.
"""

from __future__ import annotations

import pytest

from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A news post reporting a letter of the province, signed by the office's deputy head (no signature block).
POST = "\n".join((
    "UBND tỉnh có ý kiến về đề xuất của Sở Nội vụ",
    "Ngày 14/5/2019, thừa lệnh Chủ tịch UBND tỉnh Yên Bái, Phó Chánh Văn phòng UBND tỉnh Yên Bái Trần Minh Đức đã"
    " ký ban hành văn bản số 1520/UBND-NV về đề xuất của Sở Nội vụ.",
    ""))
#: A plan of the same province five years later, with its signature block.
PLAN = "\n".join((
    "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI",
    "Số: 193/KH-UBND",
    "Yên Bái, ngày 20 tháng 3 năm 2024",
    "KẾ HOẠCH",
    "Kiểm tra công tác cải cách hành chính năm 2024",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính của các sở, ngành và UBND các huyện.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Hoàng Văn Bình",
    ""))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("signer"), {"tin-1520.txt": POST, "kh-193.txt": PLAN})
    return Assistant(settings, HybridRetriever(store))


def test_a_body_line_naming_who_signed_answers_the_signer_of_its_year(assistant):
    answer = assistant.ask("Văn bản ngày 14/5/2019 của UBND tỉnh Yên Bái về đề xuất của Sở Nội vụ do ai ký?")
    assert not answer.abstained, answer.text
    assert "Trần Minh Đức" in answer.text


def test_the_same_line_asked_of_another_year_is_refused(assistant):
    answer = assistant.ask("Văn bản năm 2021 của UBND tỉnh Yên Bái về đề xuất của Sở Nội vụ do ai ký?")
    assert answer.abstained, answer.text
