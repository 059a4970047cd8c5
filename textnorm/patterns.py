"""Patterns of Vietnamese questions and official-document text shared by the retriever and the answerer."""

from __future__ import annotations

import re

#: Questions asking when something happens.
WHEN_QUESTION = re.compile(
    r"khi nào|thời gian nào|bao giờ|lúc nào|thời hạn|hạn chót|tháng mấy|ngày nào|bắt đầu|trước ngày nào|"
    r"khi nao|thoi gian nao|bao gio|luc nao|thoi han|thang may|ngay nao|bat dau",
    re.IGNORECASE,
)
#: A time expression finer than a year in a document: "quý III", "tháng 4", "4/2021", "30/9/2022" (a bare
#: "năm 2021" is in nearly every sentence of a yearly plan and tells nothing about when).
TIME_EXPRESSION = re.compile(
    r"\bquý\s+[IV]+\b|\btháng\s+\d{1,2}\b|\b\d{1,2}/\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b",
    re.IGNORECASE,
)
#: Questions asking which document (answered by a document's opening: title, number, purpose).
WHICH_DOCUMENT_QUESTION = re.compile(
    r"\b(tài liệu|văn bản|kế hoạch|quyết định|công văn|thông báo|tin bài|bài viết) nào\b|"
    r"\b(tai lieu|van ban|ke hoach|quyet dinh|cong van) nao\b",
    re.IGNORECASE,
)
#: The date of a document cited by number ("Kế hoạch số 189/KH-UBND ngày 30/12/2020"): when that document was
#: issued, not when something happens.
CITED_DOCUMENT_DATE = re.compile(
    r"\d+\s*/\s*[A-ZĐ][\w-]*(?:/[\w-]+)?\s+ngày\s+(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)
#: A document number such as "189/KH-UBND" (its letters are not abbreviations to expand).
DOC_NUMBER = re.compile(r"\b\d+\s*/\s*[A-ZĐa-zđ]+(?:-[A-ZĐa-zđ]+)*")


def asks_when(question: str) -> bool:
    """True for questions about time.

    >>> asks_when("Hà Nam kiểm tra vào thời gian nào?"), asks_when("Ai chủ trì?")
    (True, False)
    """
    return bool(WHEN_QUESTION.search(question))


def has_time_expression(text: str) -> bool:
    """True when the text states a time.

    >>> has_time_expression("Thời gian: quý III/2021"), has_time_expression("Sở Nội vụ chủ trì")
    (True, False)
    >>> has_time_expression("Thực hiện Kế hoạch số 189/KH-UBND ngày 30/12/2020 của UBND tỉnh")
    False
    """
    return bool(TIME_EXPRESSION.search(CITED_DOCUMENT_DATE.sub(" ", text)))


def asks_which_document(question: str) -> bool:
    """True for questions about which document says something.

    >>> asks_which_document("Tài liệu nào nói về kế hoạch kiểm tra năm 2022?"), asks_which_document("Ai chủ trì?")
    (True, False)
    """
    return bool(WHICH_DOCUMENT_QUESTION.search(question))
