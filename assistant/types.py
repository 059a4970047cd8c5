"""Plain data of answers: citations that point at exact spans of a document's cleaned text."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# the answer's "[n]" as the page's Markdown shows it ("\[n\]"): the UI reaches textnorm's one rule through here
from textnorm.citations import ESCAPED_MARKER as ESCAPED_MARKER

#: How each answer mode is named to officials (the chat's mode switch, the feedback page, exports).
MODE_LABELS = {"grounded": "Trích dẫn (không cần LLM)", "llm": "LLM",
               "schedule": "Lịch kiểm tra (trích dẫn, không cần LLM)"}

@dataclass(frozen=True)
class Citation:
    """One numbered citation: ``quote == cleaned_text(doc_id)[start:end]``."""

    n: int
    doc_id: str
    title: str
    source: str  # original file, relative to the project root
    section: str
    quote: str
    start: int
    end: int
    label: str = ""  # "Kế hoạch 36/KH-UBND – Kiên Giang, 2021"
    metadata: dict = field(default_factory=dict)  # document metadata (so_hieu, tinh, nam, …)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Answer:
    """An answer with its citations; ``abstained`` when the documents do not hold the answer."""

    question: str
    text: str
    abstained: bool = False
    citations: list[Citation] = field(default_factory=list)
    mode: str = "grounded"  # grounded | llm | schedule (answered from inspection-schedule facts, issue 14)
    notice: str = ""  # e.g. "LLM không phản hồi; đã trả lời bằng chế độ trích dẫn."
    passages: list = field(default_factory=list)  # the SearchResult list the answer was composed from
    unsupported: list[str] = field(default_factory=list)  # LLM sentences without a valid citation
    query: str = ""  # the question as searched (after follow-up resolution)

    def to_dict(self) -> dict:
        return {"question": self.question, "answer": self.text, "abstained": self.abstained,
                "citations": [c.to_dict() for c in self.citations], "mode": self.mode, "notice": self.notice,
                "unsupported": list(self.unsupported), "query": self.query}


@dataclass
class Turn:
    """One exchange of a conversation, kept by the caller (the app keeps it in st.session_state)."""

    question: str
    answer: Answer
    provinces: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    scope: dict = field(default_factory=dict)  # filters chosen in the UI when asked, e.g. {"Tỉnh": ["Hà Nam"]}
