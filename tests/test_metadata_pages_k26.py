"""Kinds, titles and provinces of real pages of the sorts freshdocs11 holds (session 26, helper K26): a post's lead
opening "Thực hiện …" that narrates, and a province named only in a source's web address. Each page here is written
for the test, in the shape of a real one."""

from ingest.document import build_document


def read(src: str) -> dict:
    """The metadata ingest stores for a page (the site's lines around the document dropped first)."""
    return build_document("k26", "k26.txt", src).metadata


def test_a_lead_opening_with_thuc_hien_that_narrates_is_a_posts():
    src = ("Ban Chỉ đạo tỉnh sơ kết công tác cải cách hành chính 6 tháng đầu năm 2019\n\n"
           "Thực hiện Kế hoạch số 12/KH-BCĐ ngày 15/02/2019 của Ban Chỉ đạo cải cách hành chính tỉnh, ngày 5/7/2019, "
           "tại thành phố Đông Hà, Ban Chỉ đạo tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm, "
           "triển khai nhiệm vụ 6 tháng cuối năm 2019.\n\n"
           "Tại Hội nghị, các sở, ngành và địa phương đã trao đổi kinh nghiệm, đề xuất nhiều giải pháp.")
    md = read(src)
    assert md["loai_van_ban"] == "Tin bài"
    assert md["tieu_de"] == "Ban Chỉ đạo tỉnh sơ kết công tác cải cách hành chính 6 tháng đầu năm 2019"


def test_a_plans_basis_leading_to_its_content_is_still_no_lead():
    src = ("Thực hiện Kế hoạch số 12/KH-UBND ngày 15/02/2019 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện tổ chức "
           "hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm như sau:\n\n"
           "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Đánh giá kết quả đạt được, những tồn tại, hạn chế.")
    assert read(src)["loai_van_ban"] != "Tin bài"


def test_a_province_only_in_a_source_address_is_no_province():
    src = ("Accordingly, the Politburo and the Secretariat agreed on the policy of streamlining the apparatus of the "
           "inspection agency system at two levels. The activities of district inspectorates and department "
           "inspectorates will be terminated and reorganized into organizations under the provincial inspectorate.\n"
           "The Provincial Party Committee reviews and arranges the organizational structure and the roadmap.\n"
           "Source: https://baolangson.vn/lang-son-sap-xep-he-thong-co-quan-thanh-tra-249629.html\nComment (0)")
    assert read(src)["tinh"] == ""
