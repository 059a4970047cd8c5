"""The kinds of document (loại văn bản) the reader writes in ``loai_van_ban``: one vocabulary for every module.

A member is its stored label: it compares equal to it, prints as it and is saved as it in JSON, so manifests,
corrections and filters written before the names were typed stay valid.

>>> DocumentKind("Kế hoạch") is DocumentKind.PLAN, DocumentKind.NEWS == "Tin bài", f"{DocumentKind.DECREE} 30"
(True, True, 'Nghị định 30')
>>> import json; json.dumps(DocumentKind.DECISION, ensure_ascii=False)
'"Quyết định"'

Metadata is a hint: a kind a portal's metadata table gives that is not a member is stored as it is written
(:func:`document_kind` returns it unchanged), never refused.
"""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    """A kind of document, by its label as stored. Administrative documents are the kinds of Nghị định
    30/2020/NĐ-CP (công tác văn thư), Điều 7; legal documents those of Luật Ban hành văn bản quy phạm pháp luật 2015,
    Điều 4; the rest say why they are here."""

    # -- administrative documents (Nghị định 30/2020/NĐ-CP, Điều 7): what the CCHC plans and their follow-up are
    PLAN = "Kế hoạch"  # the assistant's main subject: the CCHC plans ("…/KH-UBND")
    DECISION = "Quyết định"  # issues a plan, a regulation, an inspection team ("…/QĐ-UBND")
    DIRECTIVE = "Chỉ thị"  # the chairman's instruction to carry reform out ("…/CT-UBND")
    PROGRAMME = "Chương trình"  # a programme of action ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "…/CTr-UBND")
    LETTER = "Công văn"  # a letter: "V/v …" under its number, no type letters in its code ("…/UBND-VX")
    NOTICE = "Thông báo"  # announces a schedule or a conclusion ("…/TB-UBND"), or a page's notice formula
    REPORT = "Báo cáo"  # reports the results of a plan ("…/BC-UBND")
    REGULATION = "Quy chế"  # a set of working rules (issued with a decision)
    RULES = "Quy định"  # rules issued with a decision
    SCHEME = "Đề án"  # a project of reform ("…/ĐA-UBND")
    RESOLUTION = "Nghị quyết"  # of a council or the Government ("…/NQ-HĐND", "…/NQ-CP")
    SUBMISSION = "Tờ trình"  # asks a body to approve a plan ("…/TTr-SNV")
    GUIDANCE = "Hướng dẫn"  # guides how to carry a plan out ("…/HD-SNV")
    DISPATCH = "Công điện"  # an urgent dispatch ("…/CĐ-TTg")
    CONTINGENCY = "Phương án"  # a plan of measures ("…/PA-UBND")
    INVITATION = "Giấy mời"  # invites to a meeting or an inspection ("…/GM-UBND")
    MINUTES = "Biên bản"  # the record of an inspection or a meeting ("…/BB-…")
    # -- a kind Nghị định 30/2020 does not list, yet its code is written on the documents the reader meets
    CONCLUSION = "Kết luận"  # a leader's or an inspection's conclusions ("…/KL-TU", "…/KL-TTr")
    OUTLINE = "Đề cương"  # the outline a body issues for a campaign of propaganda ("Đề cương tuyên truyền …")
    # -- legal documents (Luật Ban hành văn bản quy phạm pháp luật 2015, Điều 4): the laws plans rest on
    CONSTITUTION = "Hiến pháp"  # the Constitution
    CODE = "Bộ luật"  # a code ("Bộ luật Lao động")
    LAW = "Luật"  # a law ("Luật Cán bộ, công chức")
    ORDINANCE = "Pháp lệnh"  # of the Standing Committee of the National Assembly
    DECREE = "Nghị định"  # of the Government ("…/NĐ-CP")
    CIRCULAR = "Thông tư"  # of a ministry ("…/TT-BNV")
    JOINT_CIRCULAR = "Thông tư liên tịch"  # of several ministries ("…/TTLT-…")
    # -- not an issued kind, but what the reader labels a text by
    CONSOLIDATED = "Văn bản hợp nhất"  # a consolidated text ("…/VBHN-BNV": Pháp lệnh Hợp nhất văn bản QPPL 2012)
    NEWS = "Tin bài"  # a portal's news post reporting a plan or an inspection: not the plan itself

    def __repr__(self) -> str:
        return repr(self.value)


#: Every kind, in definition order.
DOCUMENT_KINDS = tuple(DocumentKind)
_BY_LOWER = {kind.lower(): kind for kind in DocumentKind}


def document_kind(label: str) -> DocumentKind | str:
    """The member a label written in any case names ("KẾ HOẠCH", "kế hoạch"), or the label itself, trimmed, when it
    names none (metadata is a hint: an unknown kind is kept, never refused).

    >>> document_kind("KẾ HOẠCH"), document_kind(" thông tư liên tịch "), document_kind("Hợp đồng")
    ('Kế hoạch', 'Thông tư liên tịch', 'Hợp đồng')
    >>> document_kind("nghị định") is DocumentKind.DECREE
    True
    """
    text = " ".join(label.split())
    return _BY_LOWER.get(text.lower(), text)


#: The type letters of a document number's code → its kind, read when the header has no type word ("4851/KH-UBND" is a
#: plan; Nghị định 30/2020/NĐ-CP, Phụ lục III, lists the abbreviations). Ingest reads them; the answerer may tell one
#: kind's number from another's by them.
KIND_OF_CODE = {
    "KH": DocumentKind.PLAN, "QĐ": DocumentKind.DECISION, "BC": DocumentKind.REPORT, "TB": DocumentKind.NOTICE,
    "CT": DocumentKind.DIRECTIVE, "NQ": DocumentKind.RESOLUTION, "TTr": DocumentKind.SUBMISSION,
    "HD": DocumentKind.GUIDANCE, "CTr": DocumentKind.PROGRAMME, "TT": DocumentKind.CIRCULAR,
    "NĐ": DocumentKind.DECREE, "QC": DocumentKind.REGULATION, "ĐA": DocumentKind.SCHEME,
    "KL": DocumentKind.CONCLUSION, "CĐ": DocumentKind.DISPATCH, "PA": DocumentKind.CONTINGENCY,
    "CV": DocumentKind.LETTER, "GM": DocumentKind.INVITATION, "BB": DocumentKind.MINUTES,
}



def kind_of_code(number: str) -> str:
    """The kind a document number's type letters name (:data:`KIND_OF_CODE`): the letters before the first hyphen of
    the number's last part ("4851/KH-UBND" → Kế hoạch, "135/2006/QĐ-UBND" → Quyết định); "" when they name none (a
    letter's code opening with its sender's, "2345/UBND-VX", or no code at all).

    >>> kind_of_code("10/BC-HĐND"), kind_of_code("135/2006/QĐ-UBND"), kind_of_code("218 /BC-UBND")
    ('Báo cáo', 'Quyết định', 'Báo cáo')
    >>> kind_of_code("1234/UBND-VX"), kind_of_code("qd 5157")
    ('', '')
    """
    return KIND_OF_CODE.get((number or "").rsplit("/", 1)[-1].split("-")[0].strip(), "")


__all__ = ["DocumentKind", "DOCUMENT_KINDS", "KIND_OF_CODE", "document_kind", "kind_of_code"]
