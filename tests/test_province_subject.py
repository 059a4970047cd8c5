"""A province read from a page's body must be the page's subject (issue 18, item 3): its "tỉnh X", its districts, not
a place named in passing, inside an institution's name or in the title of a document it lists."""

from __future__ import annotations

from tests.reading import metadata_of
from textnorm.gazetteer import place_mentions

MERGERS = (
    "PHƯƠNG ÁN SẮP XẾP ĐVHC CẤP TỈNH (1) Nhập tỉnh Hà Giang và tỉnh Tuyên Quang thành tỉnh mới có tên gọi là tỉnh "
    "Tuyên Quang, trung tâm chính trị - hành chính đặt tại tỉnh Tuyên Quang hiện nay. (2) Nhập tỉnh Yên Bái và tỉnh "
    "Lào Cai thành tỉnh mới có tên gọi là tỉnh Lào Cai, trung tâm chính trị - hành chính đặt tại tỉnh Lào Cai hiện "
    "nay. (3) Nhập tỉnh Bắc Kạn và tỉnh Thái Nguyên thành tỉnh mới, có tên gọi là tỉnh Thái Nguyên, trung tâm chính "
    "trị - hành chính đặt tại tỉnh Thái Nguyên hiện nay."
)


def test_a_page_naming_three_provinces_alike_is_of_none():
    assert metadata_of(MERGERS)["tinh"] == ""


WORKSHOP = (
    "Thực trạng, giải pháp trong quá trình vận hành chính quyền địa phương 2 cấp vùng đồng bằng sông Hồng\n"
    "11:13 30/11/2025 98\n"
    "Xây dựng Đoàn ĐTN: Sáng ngày 29/11/2025, Học viện Thanh thiếu niên Việt Nam và Trường Đại học Thái Bình đã "
    "long trọng tổ chức Hội thảo khoa học về vận hành chính quyền địa phương 2 cấp.\n"
    "Đoàn Chủ trì Hội thảo có TS. Trần Thị Bích Hằng, Chủ tịch Hội đồng Trường, Trường Đại học Thái Bình; PGS. TS. "
    "Phạm Quốc Thành, Hiệu trưởng Trường Đại học Thái Bình."
)


def test_a_province_inside_an_institutions_name_does_not_place_the_post_and_its_dateline_dates_it():
    md = metadata_of(WORKSHOP)
    assert (md["tinh"], md["ngay_ban_hanh"], md["nam"]) == ("", "2025-11-30", "2025")


RELATED_LIST = (
    "- 1Nghị định 93/2001/NĐ-CP quy định phân cấp quản lý một số lĩnh vực cho thành phố Hồ Chí Minh\n"
    "- 2Nghị định 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính\n"
    "- 3Quyết định 1291/QĐ-TTg năm 2019 về Đề án thí điểm tại thành phố Hồ Chí Minh\n"
)


def test_places_in_the_titles_of_listed_documents_are_theirs():
    assert metadata_of(RELATED_LIST)["tinh"] == ""


def test_a_post_naming_its_district_is_still_placed():
    raw = ("UBND huyện Mộc Châu thực hiện kiểm tra công tác cải cách hành chính năm 2020\n\n"
           "Từ ngày 30/10/2020 đến ngày 19/11/2020, UBND huyện thực hiện kiểm tra tại 15/15 xã, thị trấn\n\n"
           "Từ ngày 30/10/2020, UBND huyện kiểm tra các xã, thị trấn theo Kế hoạch số 517/KH-UBND.")
    assert metadata_of(raw)["tinh"] == "Sơn La"


def test_a_level_word_ending_a_paragraph_is_not_the_level_of_the_next_ones_first_word():
    assert place_mentions("UBND huyện kiểm tra tại 15/15 xã, thị trấn\nTừ ngày 30/10/2020") == []
    assert [m.province for m in place_mentions("Đoàn kiểm tra tại huyện Mộc Châu")] == ["Sơn La"]
