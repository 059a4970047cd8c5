"""A decision whose "Điều 1." stands alone on its line and whose attached rules follow the signature with their title
joined to the "(Ban hành kèm theo …)" line (a hard-wrapped scan): every word of the attachment becomes a passage, and
the decision's articles are the decision's, not an attachment's (ingest.legal.is_attachment_marker,
ingest.structure._attached_text)."""

from __future__ import annotations

from ingest.document import build_document

DECISION = """ỦY BAN NHÂN DÂN
XÃ AN PHÚ
Số: 07/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
An Phú, ngày 02 tháng 7 năm 2025
QUYẾT ĐỊNH
Về việc ban hành Quy chế tiếp nhận hồ sơ của Ủy ban nhân dân xã An Phú
ỦY BAN NHÂN DÂN XÃ AN PHÚ
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1.
Ban hành kèm theo Quyết định này Quy chế tiếp nhận hồ sơ của Ủy ban nhân dân xã An Phú.
Điều 2.
Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tám
ỦY BAN NHÂN DÂN XÃ AN PHÚ
QUY CHẾ TIẾP NHẬN HỒ SƠ của Ủy ban nhân dân xã An Phú (Ban hành kèm theo Quyết định số 07/QĐ-UBND ngày 02 \
tháng 7 năm 2025 của Ủy ban nhân dân xã An Phú)
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc tiếp nhận, luân chuyển và trả kết quả hồ sơ tại bộ phận một cửa của xã.
"""


def _passages():
    return build_document("test", "qd-07.txt", DECISION).passages


def test_the_rules_attached_after_the_signature_are_passages():
    text = "\n".join(p.text for p in _passages())
    assert "luân chuyển và trả kết quả hồ sơ tại bộ phận một cửa" in text
    assert "QUY CHẾ TIẾP NHẬN HỒ SƠ" in text


def test_article_one_issuing_the_rules_is_the_decision_s_own_article():
    first = next(p for p in _passages() if p.text.startswith("Điều 1.\n"))
    assert "Ban hành kèm theo Quyết định này" in first.text
    assert not any("kèm theo" in s.lower() for s in first.section)
