"""A list question's members named rather than described (issue 18): "ở những xã nào" is answered by the line naming
two xã with their noun ("xã Hà Linh và xã Toàn Lưu"), "những địa phương nào" by a line naming three provinces. Literal
Vietnamese lines, a tiny lexical state (no Chroma, no embedder)."""

from __future__ import annotations

from assistant.grounded.scoring import _enumerates, named_members
from assistant.grounded.units import QuotedSpan
from tests.grounded_state import compose as _compose
from tests.grounded_state import search_results as _results


def _unit(text: str, kind: str = "sentence") -> QuotedSpan:
    return QuotedSpan(None, 0, len(text), text, kind)


def test_members_named_after_their_noun_are_read_and_a_noun_in_capitals_is_not_one():
    assert named_members("đã đi kiểm tra hoạt động vận hành ở xã Hà Linh và xã Toàn Lưu.", ["xã"]) == \
        {"Hà Linh", "Toàn Lưu"}
    assert len(named_members("tỉnh Quảng Ninh dẫn đầu đạt 90,61%; đứng thứ 2 tỉnh Thái Nguyên đạt 90,29%; thứ 3 tỉnh "
                             "Hải Dương đạt 90,23%.", ["tỉnh"])) == 3
    assert named_members("KT BỘ TRƯỞNG, CHỦ NHIỆM VPCP", ["bộ"]) == set()
    assert named_members("UBND tỉnh Hà Tĩnh làm việc với các xã, phường.", ["xã"]) == set()


def test_two_named_members_enumerate_one_does_not():
    assert _enumerates(_unit("đề nghị Bộ Quốc Phòng, Bộ Công an có ý kiến bằng văn bản sớm gửi về Văn phòng."), ["bộ"])
    assert not _enumerates(_unit("Chủ tịch UBND tỉnh làm việc tại xã Hà Linh về chuyển đổi số."), ["xã"])


def test_three_provinces_named_without_their_noun_enumerate_the_places_asked():
    line = ("Một số địa phương đã chủ động thực hiện nghiêm túc, quyết liệt công tác sắp xếp ĐVHC cấp huyện, cấp xã "
            "trên địa bàn (Nam Định, Hải Phòng, Nghệ An, Hưng Yên, Bắc Giang, Yên Bái,...).")
    assert _enumerates(_unit(line), ["địa", "phương"])
    assert not _enumerates(_unit("Đoàn công tác của tỉnh Nghệ An làm việc tại Hà Tĩnh về sắp xếp ĐVHC."),
                           ["địa", "phương"])


POST = {"loai_van_ban": "Tin bài", "so_hieu": "", "tinh": "Hà Tĩnh", "nam": "2025",
        "tieu_de": "Vận hành chính quyền hai cấp phải vì dân phục vụ", "source": "corpus/tin-ha-tinh.txt"}


def test_the_line_naming_the_xa_asked_leads_the_answer():
    results = _results("tin-ha-tinh", POST, [
        # "thị xã … tại 3 phường Nam Hồng, Đức Thuận và Bắc Hồng": short segments after "xã", read as its enumeration
        ("", "Trong 1,5 ngày, UBND thị xã đã tổ chức đoàn kiểm tra cải cách hành chính trong 9 tháng đầu năm tại 3 "
             "phường Nam Hồng, Đức Thuận và Bắc Hồng. Tham gia đoàn có đại diện các phòng: Nội vụ, Tư pháp."),
        ("", "Sáng 1/7, Chủ tịch UBND tỉnh và lãnh đạo một số sở, ngành đã đi kiểm tra hoạt động vận hành theo mô hình "
             "chính quyền địa phương 2 cấp ở xã Hà Linh và xã Toàn Lưu."),
    ])
    answer = _compose("Chủ tịch UBND tỉnh kiểm tra vận hành chính quyền địa phương 2 cấp ở những xã nào?", results)
    assert "xã Hà Linh và xã Toàn Lưu" in answer.citations[0].quote, answer.text
