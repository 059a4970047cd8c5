"""A question asking a document's number asks it of the document its best passage is from: that document's "Số:"
line is among the first passages, although it shares no word with the question (tiny index, hashing embedder)."""

from __future__ import annotations

from retriever.hybrid import HybridRetriever, RetrieverConfig
from tests.texts_index import index_texts

_DECISION = (
    "ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 2583/QĐ-UBND\nTây Ninh, ngày 29 tháng 11 năm 2019\n\n"
    "QUYẾT ĐỊNH\nBan hành Quy chế phối hợp trong thực hiện thủ tục hành chính thuộc thẩm quyền giải quyết của "
    "Sở Tư pháp\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
    "Căn cứ Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa trong giải quyết thủ tục hành chính;\n"
    "Xét đề nghị của Giám đốc Sở Tư pháp,\n\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp trong thực hiện thủ tục hành chính thuộc thẩm "
    "quyền giải quyết của Sở Tư pháp.\n"
    "Điều 2. Sở Tư pháp chủ trì phối hợp thực hiện thủ tục hành chính với các sở, ngành.\n"
    "Điều 3. Quyết định này có hiệu lực kể từ ngày ký; Giám đốc Sở Tư pháp và các sở, ngành thi hành.\n\n"
    "QUY CHẾ\nPhối hợp trong thực hiện thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp\n"
    "Điều 1. Quy chế này quy định việc phối hợp trong thực hiện thủ tục hành chính thuộc thẩm quyền giải quyết "
    "của Sở Tư pháp.\n"
    "Điều 2. Nguyên tắc phối hợp: thủ tục hành chính được giải quyết đúng thẩm quyền, đúng thời hạn.\n"
    "Điều 3. Sở Tư pháp tiếp nhận hồ sơ thủ tục hành chính và phối hợp với cơ quan liên quan giải quyết.\n"
    "Điều 4. Trách nhiệm thực hiện quy chế phối hợp của các cơ quan trong giải quyết thủ tục hành chính.\n"
    "Điều 5. Sở Tư pháp được giao chủ trì thực hiện Quy chế phối hợp trong thực hiện thủ tục hành chính thuộc "
    "thẩm quyền giải quyết của Sở Tư pháp ban hành theo quyết định này.\n"
    "Điều 6. Các sở, ngành thực hiện Quy chế phối hợp trong thực hiện thủ tục hành chính thuộc thẩm quyền giải "
    "quyết của Sở Tư pháp được ban hành kèm theo quyết định.\n"
)
_QUESTION = ("Quy chế phối hợp trong thực hiện thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp được "
             "ban hành theo quyết định số mấy?")


def _texts(retriever: HybridRetriever, k: int) -> list[str]:
    return [r.passage.text for r in retriever.search(_QUESTION, k=k)]


def test_number_line_of_the_leading_document_is_found(tmp_path):
    _, store = index_texts(tmp_path, {"qd-tay-ninh.txt": _DECISION})
    assert any(t.startswith("Số: 2583/QĐ-UBND") for t in _texts(HybridRetriever(store), 3))


def test_the_share_is_a_parameter(tmp_path):
    _, store = index_texts(tmp_path, {"qd-tay-ninh.txt": _DECISION})
    off = HybridRetriever(store, RetrieverConfig(leader_answer_line_share=0.0))
    assert not any(t.startswith("Số: 2583/QĐ-UBND") for t in _texts(off, 3))


_VPCP = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 1659/VPCP-V.III\nHà Nội, ngày 17 tháng 3 năm 2008\n\n"
         "Kính gửi: Chủ nhiệm Văn phòng Quốc hội.\n"
         "Văn phòng Chính phủ đề nghị đưa Đề án mở rộng địa giới hành chính Thủ đô Hà Nội vào phiên họp tháng "
         "4/2008 của Ủy ban Thường vụ Quốc hội.\n")
_HA_NOI = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 87/KH-UBND\nHà Nội, ngày 05 tháng 4 năm 2021\n\nKẾ HOẠCH\n"
           "Kiểm tra công tác cải cách hành chính năm 2021\n\nI. MỤC ĐÍCH\nĐánh giá kết quả cải cách hành chính của "
           "các sở, ngành Thủ đô.\n")


def test_a_question_opening_with_a_national_body_is_not_scoped_to_the_province_it_names(tmp_path):
    """The province a national body's letter is about is not where it was issued: the letter is searched."""
    _, store = index_texts(tmp_path, {"cv-vpcp.txt": _VPCP, "kh-ha-noi.txt": _HA_NOI})
    assert store.records()["kh-ha-noi"].metadata["tinh"] == "Hà Nội"
    question = ("Văn phòng Chính phủ đề nghị đưa đề án mở rộng địa giới hành chính Thủ đô Hà Nội vào phiên họp "
                "tháng mấy?")
    assert any("tháng 4/2008" in r.passage.text for r in HybridRetriever(store).search(question, k=3))
