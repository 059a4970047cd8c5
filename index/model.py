"""Plain data shared by ingest, the index, the retriever and the answer package."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields

from textnorm.cues import PassageRole

#: Kind of derived facts: the inspection schedule a plan states (issue 14, :mod:`index.schedule_facts`).
SCHEDULE_FACTS = "schedule"
#: Kind of derived facts: the reform tasks a plan assigns (issue 22, :mod:`index.task_facts`).
TASK_FACTS = "tasks"
#: Every kind of facts ingest derives from a document's cleaned text (:mod:`ingest.facts`), in the order computed.
FACT_KINDS = (SCHEDULE_FACTS, TASK_FACTS)

#: Metadata keys every document carries (empty string where the text does not say).
METADATA_KEYS = (
    "so_hieu",  # số hiệu, e.g. "36/KH-UBND"; "" where a draft leaves it blank
    "loai_van_ban",  # loại văn bản: a textnorm.kinds.DocumentKind ("Kế hoạch"), or a portal's own label
    "co_quan",  # cơ quan ban hành
    "tinh",  # tỉnh/thành phố as the document names it
    "ngay_ban_hanh",  # ISO date "2021-02-28", or the year alone "2022" for partial dates
    "nam",  # year as text ("2021")
    "tieu_de",  # trích yếu / title
    "nguoi_ky",  # signer
    "chuc_vu",  # the signer's post ("Chủ tịch", "Phó Chủ tịch")
    "cap",  # level of the issuing body: "Trung ương" (ministries, Government, National Assembly), "Tỉnh", "Huyện", ""
    "ky_ke_hoach",  # year or period the document covers, from its title: "2021", "2021-2025"
    "van_ban_lien_quan",  # the document a news post reports on, as cited: "Kế hoạch số 517/KH-UBND ngày 27/02/2020"
    "spans",  # JSON {"so_hieu": [start, end], …}: offsets in the cleaned text each field was read from
)
#: The level ("cap") of a central body's document (ministries, Government, National Assembly): of no province, which
#: is a reading (not an unread province); ingest writes it, the retriever's scope reads it.
CENTRAL_LEVEL = "Trung ương"
#: Metadata key of a document whose text was (partly) recognised by OCR: pages so read of all pages ("3/12"); absent
#: for every other document (so not in METADATA_KEYS). The Documents page shows it as "OCR".
OCR_KEY = "ocr"

#: What a document's card says about where the document was found in the paste: the metadata key "boundary" (set by
#: ingest beside "source", outside METADATA_KEYS) is "header" when the document was cut from its header, "whole" when
#: no header was found and the whole text is the document.
BOUNDARY_LABELS = {
    "header": "Văn bản được xác định từ phần đầu (quốc hiệu, số, địa danh và ngày); chỉ bỏ các dòng của trang web.",
    "whole": "Không tìm thấy phần đầu văn bản (quốc hiệu, số, địa danh và ngày): toàn bộ nội dung đã dán được giữ.",
}


@dataclass(frozen=True)
class DocumentMetadata:
    """A document's metadata under English names, read from the stored Vietnamese keys (:data:`METADATA_KEYS`; each
    field's ``metadata["key"]`` names the key it is stored under). Every value is text, "" where the document does not
    state it.

    >>> md = DocumentMetadata.of({"so_hieu": "36/KH-UBND", "tinh": "Kiên Giang", "nam": 2021, "ky_ke_hoach": "2021"})
    >>> md.number, md.province, md.year, md.years, md.label()
    ('36/KH-UBND', 'Kiên Giang', '2021', ['2021'], 'Văn bản 36/KH-UBND – Kiên Giang, 2021')
    """

    number: str = field(default="", metadata={"key": "so_hieu"})
    kind: str = field(default="", metadata={"key": "loai_van_ban"})  # a textnorm.kinds.DocumentKind, or a portal's
    issuer: str = field(default="", metadata={"key": "co_quan"})
    province: str = field(default="", metadata={"key": "tinh"})  # as the document names it
    issue_date: str = field(default="", metadata={"key": "ngay_ban_hanh"})  # ISO date, or the year alone
    year: str = field(default="", metadata={"key": "nam"})  # year of issue
    title: str = field(default="", metadata={"key": "tieu_de"})  # trích yếu, a news post's headline
    signer: str = field(default="", metadata={"key": "nguoi_ky"})
    signer_post: str = field(default="", metadata={"key": "chuc_vu"})
    level: str = field(default="", metadata={"key": "cap"})  # "Trung ương", "Tỉnh", "Huyện", ""
    period: str = field(default="", metadata={"key": "ky_ke_hoach"})  # the year or years it covers: "2021-2025"
    reported_document: str = field(default="", metadata={"key": "van_ban_lien_quan"})  # what a news post reports on

    @classmethod
    def of(cls, metadata: dict) -> DocumentMetadata:
        """The typed view of a stored metadata dict (other keys are ignored)."""
        return cls(**{f.name: str(metadata.get(f.metadata["key"]) or "") for f in fields(cls)})

    @property
    def years(self) -> list[str]:
        """:func:`document_years`: the year of issue and every year of the period covered."""
        return _years(self.year, self.period)

    def label(self, title: str = "") -> str:
        """:func:`document_label`: "Kế hoạch 36/KH-UBND – Kiên Giang, 2021"."""
        kind = self.kind or "Văn bản"
        head = f"{kind} {self.number}".strip() if self.number else (kind if self.kind else (title or kind))
        where = ", ".join(x for x in (self.province, self.year) if x)
        return f"{head} – {where}" if where else head


def document_years(metadata: dict) -> list[str]:
    """Years a document is about: its year of issue and every year of the period it covers (ky_ke_hoach), so that
    "kế hoạch năm 2021" finds the plan for 2021 issued on 30/12/2020.

    >>> document_years({"nam": "2020", "ky_ke_hoach": "2021"})
    ['2020', '2021']
    >>> document_years({"nam": "2021", "ky_ke_hoach": "2021-2023"})
    ['2021', '2022', '2023']
    """
    md = DocumentMetadata.of(metadata)
    return _years(md.year, md.period)


def _years(year: str, period: str) -> list[str]:
    years = {year}
    bounds = period.split("-")
    if all(p.isdigit() for p in bounds) and 1 <= len(bounds) <= 2 and int(bounds[-1]) - int(bounds[0]) < 50:
        years |= {str(y) for y in range(int(bounds[0]), int(bounds[-1]) + 1)}
    return sorted(y for y in years if y)


#: What a front- or end-matter passage is, in the words of a question ("Ai ký?", "ban hành ngày nào?", "số mấy?"):
#: added to what the search indexes (never to the quoted text), since the passage itself does not say it.
KIND_LABELS = {
    PassageRole.NUMBER: "Số hiệu văn bản",
    PassageRole.PLACE_DATE: "Ngày ban hành, nơi ban hành",
    PassageRole.TITLE: "Tên văn bản, trích yếu",
    PassageRole.BASIS: "Căn cứ ban hành",
    PassageRole.SIGNATURE: "Người ký, chức vụ người ký",
    PassageRole.RECIPIENTS: "Nơi nhận",
}


#: Section path of a document's opening: the header (number, place and date, title) and what precedes section I.
OPENING_SECTION = "Phần mở đầu"
#: Section of the portal's lines that describe a document (metadata table, status, page title), kept after it.
PORTAL_SECTION = "Thông tin trang nguồn"


@dataclass(frozen=True)
class Passage:
    """A span of a document's cleaned text: ``document.text[start:end] == text``."""

    id: str
    doc_id: str
    text: str
    start: int
    end: int
    section: str = ""
    kind: str = "text"  # text | list | table_row, or a front/end-matter line's role (textnorm.cues.PASSAGE_ROLES)
    metadata: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Document:
    """A cleaned document with its metadata and passages."""

    doc_id: str
    source: str  # original file path relative to the project root (or absolute when outside it)
    title: str
    text: str  # cleaned text; every passage offset points into it
    metadata: dict
    passages: tuple[Passage, ...] = ()
    content_hash: str = ""
    notes: tuple[str, ...] = ()
    facts: dict = field(default_factory=dict)  # kind (FACT_KINDS) → derived facts as JSON (ingest.facts)

    @property
    def schedule(self) -> str:
        """The inspection-schedule facts as JSON ("" when the document states none)."""
        return self.facts.get(SCHEDULE_FACTS, "")

    def label(self) -> str:
        """Short human label: "Kế hoạch 36/KH-UBND – Kiên Giang, 2021"."""
        md = self.metadata
        return document_label(md, self.title)


def document_label(metadata: dict, title: str = "") -> str:
    """Human label of a document from its metadata.

    >>> document_label({"loai_van_ban": "Kế hoạch", "so_hieu": "36/KH-UBND", "tinh": "Kiên Giang", "nam": "2021"})
    'Kế hoạch 36/KH-UBND – Kiên Giang, 2021'
    """
    return DocumentMetadata.of(metadata).label(title)


@dataclass(frozen=True)
class RelatedDocument:
    """A document another one names as related (``van_ban_lien_quan``): its kind, number and date as written."""

    kind: str
    number: str
    date: str  # "27/02/2020", "" when not written


def related_documents(metadata: dict) -> list[RelatedDocument]:
    """The documents a document's metadata names as related, in the order written (a value that names no document by
    number is kept whole as its kind, so nothing read is hidden).

    >>> related_documents({"van_ban_lien_quan": "Kế hoạch số 517/KH-UBND ngày 27/02/2020"})
    [RelatedDocument(kind='Kế hoạch', number='517/KH-UBND', date='27/02/2020')]
    >>> related_documents({"van_ban_lien_quan": ""}), related_documents({})
    ([], [])
    """
    from textnorm.patterns import CITED_DOCUMENT

    value = str(metadata.get("van_ban_lien_quan") or "").strip()
    found = [RelatedDocument(m.group("kind")[:1].upper() + m.group("kind")[1:].lower(),
                             re.sub(r"\s+", "", m.group("n")), re.sub(r"\s+", " ", m.group("date") or ""))
             for m in CITED_DOCUMENT.finditer(value)]
    return found or ([RelatedDocument(value, "", "")] if value else [])
