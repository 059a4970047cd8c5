"""Which years a document covers: one decision for the year filter, the refusals and the abstention.

A question or a filter names years; a document (and the passage quoted from it) either **covers** one of them, is
known to be about **other years** only, or its year is **unknown**. Unknown never refuses by itself ("metadata is a
hint, never a gate"); other years is evidence that the year asked is absent.

- The document's years (:func:`document_year_table`, computed once per index state) are its year of issue and every
  year of the period it covers (``ky_ke_hoach``: "2021-2025" holds 2023), as :func:`index.model.document_years`
  reads them, plus the years its title writes when none was read.
- The words of the passage (its text, section and the document's title) cover a year when they write it (a period
  holding it is no evidence of other years, but confirms nothing); a year inside a document number
  ("135/2006/QĐ-UBND") or a cited document's date ("Kế hoạch số 517/KH-UBND ngày 27/02/2020") belongs to that
  other document, not to this one.

>>> [year_cover(known, "", ["2021"]).name for known in (["2021"], ["2020"], [])]
['COVERS', 'OTHER_YEARS', 'UNKNOWN']
>>> year_cover(["2020"], "Kiểm tra trong quý III/2021.", ["2021"]) is COVERS  # the passage writes the year asked
True
>>> year_cover([], "Kết quả kiểm tra năm 2019 của huyện.", ["2021"]) is OTHER_YEARS  # its words name 2019 only
True
>>> year_cover([], "Thực hiện Kế hoạch số 517/KH-UBND ngày 27/02/2020 của UBND tỉnh.", ["2021"]) == "unknown"
True
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from index.model import document_years
from retriever.query import years_named
from textnorm.patterns import CITED_DOCUMENT_DATE, YEAR_PERIOD, number_digits, writes_number


class YearCover(StrEnum):
    """The decision's three answers, read by the retriever's filter and ranking and by the answerer's refusals and
    evidence (strings still: a saved answer reads as before)."""

    COVERS = "covers"
    OTHER_YEARS = "other"
    UNKNOWN = "unknown"


#: The answers under the names their readers import.
COVERS, OTHER_YEARS, UNKNOWN = YearCover.COVERS, YearCover.OTHER_YEARS, YearCover.UNKNOWN
#: A written period longer than this is not a period a plan covers (a date range typed oddly, two unrelated years).
MAX_PERIOD_YEARS = 30



def years_written(text: str, cited: bool = False) -> set[str]:
    """The years a text writes as its own, not those of a document it cites (unless ``cited``: the question names
    that document, whose date is then the year asked about).

    >>> sorted(years_written("Kế hoạch CCHC giai đoạn 2021-2023"))
    ['2021', '2023']
    >>> years_written("Căn cứ Quyết định số 135/2006/QĐ-UBND ngày 10/11/2006 của UBND tỉnh")
    set()
    """
    return set(years_named(text if cited else CITED_DOCUMENT_DATE.sub(" ", text or "")))


def periods_written(text: str) -> set[str]:
    """Every year inside the periods a text writes ("giai đoạn 2021-2025" holds 2023): a period holding a year is no
    evidence of other years, though it does not confirm that year either.

    >>> sorted(periods_written("giai đoạn 2021 - 2023")), periods_written("năm 2021")
    (['2021', '2022', '2023'], set())
    """
    years: set[str] = set()
    for m in YEAR_PERIOD.finditer(CITED_DOCUMENT_DATE.sub(" ", text or "")):
        first, last = int(m.group(1)), int(m.group(2))
        if 0 < last - first <= MAX_PERIOD_YEARS:
            years |= {str(y) for y in range(first, last + 1)}
    return years


def document_year_table(state) -> dict[str, frozenset[str]]:
    """Each indexed document → the years it covers (empty: unknown), once per index state.

    Read from the document's metadata (:func:`index.model.document_years`); when none was read, the years its
    title writes.
    """
    return state.memo("retriever.document_years", _year_table)


def _year_table(state) -> dict[str, frozenset[str]]:
    table = {}
    for doc_id, meta in state.doc_meta.items():
        record = state.records.get(doc_id)
        table[doc_id] = document_years_of(record.metadata if record is not None else meta)
    return table


def document_years_of(metadata: dict) -> frozenset[str]:
    """The years one document covers, from its metadata: year of issue, period, else the years its title writes.

    >>> sorted(document_years_of({"nam": "2020", "ky_ke_hoach": "2021"}))
    ['2020', '2021']
    >>> sorted(document_years_of({"tieu_de": "Kế hoạch kiểm tra cải cách hành chính năm 2019"}))
    ['2019']
    """
    title = metadata.get("tieu_de", "")
    known = document_years(metadata) or sorted(years_written(title) | periods_written(title))
    return frozenset(known)


def year_cover(known: Iterable[str], text: str, years: Iterable[str], cited: bool = False) -> YearCover:
    """Whether a document of years ``known`` (empty: unknown), quoted with ``text`` (its passage, section and title),
    covers one of ``years``: :data:`COVERS`, :data:`OTHER_YEARS` or :data:`UNKNOWN`. With ``cited``, the dates of
    the documents the text cites count (the question names one of them by number).

    >>> post = "Thực hiện Kế hoạch số 139/KH-UBND ngày 10/12/2016 của UBND tỉnh"
    >>> year_cover(["2017"], post, ["2016"]).name, year_cover(["2017"], post, ["2016"], cited=True).name
    ('OTHER_YEARS', 'COVERS')
    """
    known, years = set(known), set(years)
    if not years or known & years:
        return COVERS
    written = years_written(text, cited)
    if written & years:
        return COVERS
    if known or (written and not periods_written(text) & years):
        return OTHER_YEARS
    return UNKNOWN


def result_year_cover(result, years: Iterable[str], state=None, named: Iterable[str] = ()) -> YearCover:
    """:func:`year_cover` of one search result (its passage, section and document title). The document's years come
    from the state's table when given, else from the result's metadata. ``named``: the document numbers the question
    names; a passage citing one of them counts the cited document's date."""
    md = result.doc_metadata
    doc_id = result.passage.doc_id
    table = document_year_table(state) if state is not None else {}
    known = table[doc_id] if doc_id in table else document_years_of(md)
    text = " ".join((md.get("tieu_de", ""), result.passage.text, result.passage.section))
    return year_cover(known, text, years, cited=cites_any(text, named))


def cites_any(text: str, named: Iterable[str]) -> bool:
    """Whether ``text`` cites one of the document numbers ``named`` (by its number: "139/KH-UBND", "KH 139").

    >>> cites_any("Thực hiện Kế hoạch số 139/KH-UBND ngày 10/12/2016", ["KH 139"]), cites_any("Số 1390/QĐ", ["139"])
    (True, False)
    """
    return any(writes_number(text, digits) for digits in map(number_digits, named) if digits)


__all__ = ["YearCover", "COVERS", "OTHER_YEARS", "UNKNOWN", "years_written", "periods_written", "document_year_table",
           "document_years_of", "year_cover", "result_year_cover", "cites_any"]
