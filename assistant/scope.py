"""What a question's scope needs before any unit is read: the documents it names by number, its places and years.

A refusal here needs the evidence to be absent, never a field: a number no indexed text writes, a province no document
is known to be of and no passage names, a year no passage may be about. After the 2025 mergers a province's new name
covers the old provinces merged into it (:func:`textnorm.gazetteer.provinces_covered_by`); an old name covers itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.refusal import Refusal
from index.model import DocumentMetadata
from retriever.features import DocumentPlace, asked_provinces, document_place, mentions_province, province_names
from retriever.hybrid import SearchResult
from retriever.query import resolve_named_documents, with_merged_provinces
from retriever.years import COVERS, UNKNOWN, result_year_cover
from textnorm.gazetteer import CITY_SINCE, current_province, provinces_covered_by
from textnorm.patterns import NUMBER_WITH_YEAR, number_digits, writes_number

#: Leading passages read for the evidence of a province the index holds no document of (a passage naming it, or a
#: document whose province was not read): the answer is composed from the first passages.
SCOPE_EVIDENCE_RANKS = 5
#: Passages read back from the index to see whether they write a number as a document's number: past this many
#: candidates the number is taken as present (a refusal must be sure, and a common number is written somewhere).
NUMBER_CHECK_PASSAGES = 60
#: At most this many documents citing a number become the search's scope, as for a number a document has as its own
#: (:func:`retriever.query.documents_named`): more cite a common act, and the question is then not about one of them.
NAMED_DOCUMENTS = 3
#: A folded BM25 term that may hold a document number (:func:`index.lexical.passage_terms`): the number then the
#: syllable after it ("194/KH-UBND" → "~194_kh", "45/2020/NĐ-CP" → "~45_2020"), "số 194" ("~so_194"), or letters
#: glued to it as officials type them ("KH194/UBND" → "~kh194"); a serial may end in one letter, as an added number
#: does ("168a/QĐ-UBND" → "~168a_qd", "~so_168a": serial 168, as :func:`textnorm.patterns.number_digits` reads it).
_NUMBER_TERM = re.compile(r"~(?:(?P<n>\d+)[a-z]?_[a-z0-9]+|so_(?P<s>\d+)[a-z]?|[a-z]{1,8}(?P<g>\d+))")
#: "Số" read by OCR as "S6" and glued to the number ("S64934/KH-UBND" is number 4934), as a folded term.
_OCR_NUMBER_LABEL = re.compile(r"~s6\d")


def out_of_scope(analysis, results: list[SearchResult], state, *, use_llm: bool = False,
                 foreign: Callable[[], bool] = lambda: False) -> str:
    """Why the documents cannot answer before any unit is read, or "". A province or year named refuses only
    when the evidence is absent: no document found is known to be of it, none leaves it unread, and no passage
    found names it; a document named by its number is the scope, whatever place or year the question names.
    ``foreign``: whether the question is in another language (asked only when there are results)."""
    return next((message for _, message in scope_checks(analysis, results, state, use_llm=use_llm,
                                                           foreign=foreign)), "")


def scope_checks(analysis, results: list[SearchResult], state, *, use_llm: bool = False,
                 foreign: Callable[[], bool] = lambda: False, every: bool = False):
    """The checks of :func:`out_of_scope` that refuse, in its order, as (rule, message): :class:`Refusal`'s
    ``PROVINCE``, ``NO_RESULTS``, ``FOREIGN``, ``SCOPE_YEAR``, ``PROVINCE_YEAR``. Lazy (the first is all
    :func:`out_of_scope` reads); ``every`` tests the foreign language also when there are no results, so that
    ``bench.refusal_rules`` sees each check on its own."""
    named = resolve_named_documents(analysis, state.records)
    missing = [] if named else _provinces_without_evidence(analysis, results, state)
    if missing and len(missing) == len(analysis.provinces):
        yield Refusal.PROVINCE, (f"Các văn bản hiện có không có văn bản nào của {', '.join(missing)}, nên không "
                                 "thể trả lời câu hỏi này." + merger_note(missing))
    if not results:
        yield Refusal.NO_RESULTS, "Không tìm thấy đoạn văn bản nào liên quan đến câu hỏi."
    if (results or every) and not use_llm and foreign():
        # word-level checks cannot tell a foreign-language question's topic; the multilingual embedder finds the
        # closest documents, but quoting needs the words: ask in Vietnamese (or use LLM mode)
        yield Refusal.FOREIGN, ("Chế độ trích dẫn chỉ trả lời câu hỏi bằng tiếng Việt (có hoặc không dấu). Hãy "
                                "đặt lại câu hỏi bằng tiếng Việt, hoặc dùng chế độ LLM nếu đã cấu hình.")
    if analysis.years and not named and not any(_year_open(r, analysis.years, state, named=analysis.doc_numbers)
                                                for r in results):
        yield Refusal.SCOPE_YEAR, (f"Các văn bản hiện có không nói về năm {', '.join(analysis.years)}, nên không "
                                   "thể trả lời câu hỏi này.")
    if missing_any := (not named and _unconfirmed_scope(analysis, results, state)):
        yield Refusal.PROVINCE_YEAR, (f"Các văn bản hiện có không có văn bản nào được biết là của {missing_any} "
                                      f"năm {', '.join(analysis.years)}: các đoạn gần nhất không ghi tỉnh, năm này, "
                                      "nên không thể trả lời câu hỏi này."
                                      + merger_note(missing_any.split(", "), analysis.provinces))


def merger_note(provinces: Sequence[str], searched: Sequence[str] = ()) -> str:
    """What a refusal about ``provinces`` says of the 2025 mergers: an old name now part of another province, and
    the old provinces searched under a new name (``searched``: the provinces the search looked in).

    >>> merger_note(["Nam Định"])
    ' Nam Định từ 01/7/2025 thuộc Ninh Bình.'
    >>> merger_note(["Cà Mau"], ["Cà Mau", "Bạc Liêu"])
    ' Đã tìm cả văn bản của Bạc Liêu (nay thuộc Cà Mau).'
    >>> merger_note(["Nghệ An"], ["Nghệ An"])
    ''
    """
    notes = []
    for p in provinces:
        new = current_province(p)
        if new and new != p and p not in CITY_SINCE:  # Thừa Thiên Huế was renamed in January, not merged
            notes.append(f"{p} từ 01/7/2025 thuộc {new}.")
        old = [q for q in searched if q != p and q in provinces_covered_by(p)]
        if old:
            notes.append(f"Đã tìm cả văn bản của {', '.join(old)} (nay thuộc {p}).")
    return "".join(" " + n for n in notes)


# -- documents named by number ------------------------------------------------------------------------------------
def absent_numbers(analysis, state, fetch: Callable[[list[str]], dict]) -> list[str]:
    """The document numbers a question names when no indexed text holds any of them, else [] (one found is enough:
    the search is then scoped by it or finds it). A number counts as held when a document's number or related
    document is it (:func:`retriever.query.resolve_named_documents`), or when a passage writes it as a document's
    number in any form: "194/KH-UBND", "194/UBND", "KH194/UBND", "Kế hoạch số 194", OCR's "S6194/KH-UBND" — a post
    citing it holds it too.

    Args:
        analysis: the question's :class:`retriever.query.QueryAnalysis`.
        state: the lexical state (its BM25 vocabulary finds the passages that may write the number).
        fetch: passage ids → passages (``IndexStore.fetch_passages``), to read the candidates' text.
    """
    numbers = list(getattr(analysis, "doc_numbers", ()) or ())
    if not numbers or resolve_named_documents(analysis, state.records):
        return []
    if any(_holders(number, state, fetch) != frozenset() for number in numbers):
        return []
    return numbers


def citing_documents(analysis, state, fetch: Callable[[list[str]], dict]) -> tuple[str, ...]:
    """The documents whose text writes the numbers a question names, when no document has one of them as its own
    number and at most :data:`NAMED_DOCUMENTS` do ("KH194/UBND" in a post): the question is about what they say of
    it, so they are the search's scope. () otherwise."""
    numbers = list(getattr(analysis, "doc_numbers", ()) or ())
    if not numbers or resolve_named_documents(analysis, state.records):
        return ()
    found: set[str] = set()
    for number in numbers:
        holders = _holders(number, state, fetch)
        if holders is None:
            return ()
        found |= holders
    return tuple(sorted(found)) if len(found) <= NAMED_DOCUMENTS else ()


def _holders(number: str, state, fetch: Callable[[list[str]], dict]) -> frozenset[str] | None:
    """The documents whose passages write a number's serial as a document's number; None when that cannot be told
    cheaply and surely (no serial, a document's own fields write it, or too many passages may): never a refusal."""
    digits = number_digits(number)
    if not digits:
        return None

    def compute(state) -> frozenset[str] | None:
        if _written_in_records(digits, state.records):
            return None
        candidates = _passages_with_number_terms(state, digits)
        if len(candidates) > NUMBER_CHECK_PASSAGES:
            return None
        return frozenset(p.doc_id for p in fetch(candidates).values() if writes_number(p.text, digits))

    return state.memo(("scope.holders", digits), compute)


def _written_in_records(digits: str, records: dict) -> bool:
    """A document's own fields write the number (its number, the document a post reports on, its title)."""
    for record in records.values():
        md = getattr(record, "metadata", {}) or {}
        if any(writes_number(str(md.get(name, "")), digits) for name in ("so_hieu", "van_ban_lien_quan", "tieu_de")):
            return True
    return False


def _passages_with_number_terms(state, digits: str) -> list[str]:
    """Ids of the passages whose BM25 terms may write the number (:data:`_NUMBER_TERM`)."""
    index = state.index
    rows = state.memo("scope.number_terms", _number_terms).get(digits, ())
    ids: dict[str, None] = {}
    for row in rows:
        ids.update(dict.fromkeys(_passages_of_term(index, row)))
    return list(ids)


def _passages_of_term(index, row: int) -> list[str]:
    """Ids of the passages holding the BM25 term of ``row``."""
    return [index.ids[col] for col in index.weights.indices[index.weights.indptr[row]: index.weights.indptr[row + 1]]]


def _number_terms(state) -> dict[str, list[int]]:
    """Serial number (no leading zeros) → the rows of the BM25 terms that may write it, read once per state."""
    table: dict[str, list[int]] = {}
    for term, row in state.index.vocab.items():
        m = _NUMBER_TERM.fullmatch(term)
        if m:
            digits = next(g for g in m.groups() if g)
            table.setdefault(digits.lstrip("0") or "0", []).append(row)
            if _OCR_NUMBER_LABEL.match(term):  # "S64934/KH-UBND": "Số 4934" as OCR reads it
                table.setdefault(digits[1:].lstrip("0") or "0", []).append(row)
    return table


def indexed_with_year(number: str, state, doc_text: Callable[[str], str | None] | None = None) -> bool:
    """Whether some indexed document may write ``number`` with its year ("Quyết định 25/2020/QĐ-UBND" cited in a
    portal's list of related documents): its passages hold the serial as a document number (:data:`_NUMBER_TERM`)
    and the year, and its text (``doc_text``: doc_id → text) writes them together. A refusal "no document numbered
    so" needs this False: the search may have missed the passage that cites it, which is not the evidence absent.
    True also when it cannot be told cheaply (no ``doc_text``, over :data:`NUMBER_CHECK_PASSAGES` candidates).
    """
    m = NUMBER_WITH_YEAR.search(number)
    row = state.index.vocab.get(m.group("year")) if m else None
    if row is None:
        return False
    with_year = set(_passages_of_term(state.index, row))
    docs = {state.meta.get(pid, {}).get("doc_id", "") for pid in _passages_with_number_terms(state, m.group("serial"))
            if pid in with_year}
    if not docs:
        return False
    if doc_text is None or len(docs) > NUMBER_CHECK_PASSAGES:
        return True
    written = re.compile(rf"(?<![\d/])0*{m.group('serial')}\s*/\s*{m.group('year')}\s*/")
    return any(written.search(doc_text(doc) or "") for doc in docs)


def number_reason(numbers: Sequence[str]) -> str:
    """The refusal for document numbers no indexed text holds.

    >>> print(number_reason(["194/KH-UBND"]).replace(", ", ",\\n"))
    Các văn bản hiện có không có văn bản số 194/KH-UBND,
    và không văn bản nào nhắc đến số này,
    nên không thể trả lời câu hỏi này.
    """
    return (f"Các văn bản hiện có không có văn bản số {', '.join(numbers)}, và không văn bản nào nhắc đến số này, "
            "nên không thể trả lời câu hỏi này.")


# -- places and years ---------------------------------------------------------------------------------------------
def unindexed_provinces(analysis, state) -> list[str]:
    """The provinces a question names that no indexed document is known to be of, neither under that name nor under
    a province merged into it in 2025 ("Cà Mau" holds the documents of Bạc Liêu: the search looks there too)."""
    indexed = province_names(state)
    return [p for p in analysis.provinces if not any(q in indexed for q in with_merged_provinces([p], indexed)[0])]


def evidence_text(result: SearchResult) -> str:
    """What a passage itself says, as evidence of a place or a year: its text, its section and its document's title."""
    return " ".join((result.passage.text, DocumentMetadata.of(result.doc_metadata).title, result.passage.section))


def _provinces_without_evidence(analysis, results: list[SearchResult], state) -> list[str]:
    """The provinces a question names that no indexed document is known to be of, when none of the passages found
    names them nor belongs to a document whose province was not read (which may be theirs)."""
    missing = unindexed_provinces(analysis, state)
    if not missing or any(province_open(r, missing) for r in results[:SCOPE_EVIDENCE_RANKS]):
        return []
    return missing


def province_open(result: SearchResult, provinces: list[str]) -> bool:
    """A passage that may be about one of ``provinces``: it names one, or its document's province was not read."""
    return (document_place(result.doc_metadata, asked_provinces(provinces)) is DocumentPlace.UNREAD
            or mentions_province(evidence_text(result), provinces))


def _year_open(result: SearchResult, years: list[str], state=None, unread_counts: bool = True,
               named: Sequence[str] = ()) -> bool:
    """A passage that may be about one of ``years`` (:func:`retriever.years.result_year_cover`): its document covers
    one, or the passage or the document's title writes one, or — when ``unread_counts`` — the year is unknown (no
    year read, and its words name no other year: never a refusal by itself). ``named``: the document numbers the
    question names (the date of one cited counts)."""
    cover = result_year_cover(result, years, state, named)
    return cover == COVERS or (unread_counts and cover == UNKNOWN)


def _unconfirmed_scope(analysis, results: list[SearchResult], state) -> str:
    """The provinces of a question that names both provinces the index holds no document of and a year, when no
    passage among the first confirms either (names the province, or is of or writes the year): a document whose
    province and year were both left unread matches nothing the question scopes, so the evidence is absent. ""
    otherwise (one unread field is a hint, never a refusal). A document of an old province merged into the one named
    counts as of it ("Cà Mau" holds Bạc Liêu's), dated or not: no text tells an undated one of 2020 from one of 2023."""
    missing = unindexed_provinces(analysis, state) if analysis.years else []
    if not missing or len(missing) < len(analysis.provinces):
        return ""
    for r in results[:SCOPE_EVIDENCE_RANKS]:
        if mentions_province(evidence_text(r), missing) or _year_open(r, analysis.years, state, False,
                                                                      getattr(analysis, "doc_numbers", ())):
            return ""
    return ", ".join(missing)


