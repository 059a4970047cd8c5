"""Query understanding: normalisation, diacritics restored from the corpus, abbreviations, quarters, place and year.

Nothing here knows a particular question: abbreviations are the administrative vocabulary of any plan, quarters
and numerals are arithmetic, diacritics come from the indexed text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from retriever.features import DocumentPlace, asked_provinces, document_place
from retriever.intent import amount_measure, answer_type_words, answer_types, list_target
from textnorm import (
    fold_accents,
    fold_word,
    gazetteer,
    has_diacritics,
    lexicons,
    normalize_text,
    reading_form,
    syllables,
)
from textnorm.cues import (
    NUMBERED_DOCUMENT,
    YEAR,
    YEAR_WORD,
    AnswerType,
    ListTarget,
    asks_when,
    document_type_code,
    is_short_form,
)
from textnorm.diacritics import DiacriticRestorer
from textnorm.gazetteer import ALIASES, PROVINCES
from textnorm.patterns import DOC_NUMBER, DOCUMENT_REFERENCE, asks_according_to_document, asks_which_document
from textnorm.terms import ABBREVIATIONS, ENGLISH_NON_TOPIC, content_terms, is_english_question

_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
# a quarter number, not followed by more digits nor by "/n" unless n is a year ("quý 3/2021", not "quy 1/12")
_QUARTER = re.compile(r"\b(?:q|quý|quy)\s*\.?\s*([1-4]|i{1,3}|iv)\b(?!\s*\d)(?!\s*/\s*(?!" + YEAR + r"\b)\d)",
                      re.IGNORECASE)
_QUARTER_GLUED = re.compile(r"\bq([1-4])\b", re.IGNORECASE)


@dataclass
class QueryAnalysis:
    """What the retriever needs to know about a query."""

    original: str
    text: str  # normalised, quarters canonical, diacritics restored where missing
    expansions: list[str] = field(default_factory=list)  # abbreviation expansions / abbreviations found
    provinces: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    restored: bool = False
    answer_types: tuple[AnswerType, ...] = (AnswerType.CONTENT,)  # what the question asks for, in answer order
    list_target: ListTarget = ListTarget()  # what a list question enumerates ("sở"; any members for "gồm những gì")
    doc_numbers: list[str] = field(default_factory=list)  # document numbers named ("135/2006/QĐ-UBND", "QĐ 251")
    english: list[str] = field(default_factory=list)  # its terms in English, for English pages (ENGLISH_TERMS)
    measure: list[str] = field(default_factory=list)  # what an amount question counts, folded ("tỷ đồng", "%")
    type_words: frozenset = frozenset()  # words (as typed) that only ask for the answer type ("số mấy", "ai ký")
    #: the note naming the pre-2025 provinces searched under a new province's name; None until
    #: :func:`resolve_merged_provinces` has run (once per question)
    merged_note: str | None = None
    #: the pre-2025 provinces :func:`resolve_merged_provinces` added to those the question names (searched under the
    #: new province's name, ranked after the province named: the siblings a merged name pulls in)
    widened: tuple[str, ...] = ()
    #: ids of the indexed documents the question names by number; None until :func:`resolve_named_documents` has run
    named_doc_ids: tuple[str, ...] | None = None

    @cached_property
    def asks_when(self) -> bool:
        """The question (as typed or as read) asks when (:func:`textnorm.cues.asks_when`)."""
        return asks_when(f"{self.original} {self.text}")

    @cached_property
    def in_english(self) -> bool:
        """The question is typed in English (:func:`textnorm.terms.is_english_question`): its words are read as
        English words, on English pages.

        >>> QueryAnalysis("Who headed the inspection team of Cao Bang?", "").in_english
        True
        """
        return is_english_question(self.original or self.text)

    @cached_property
    def asks_document(self) -> bool:
        """The question asks which document says something ("văn bản nào …")."""
        return asks_which_document(f"{self.original} {self.text}")

    @cached_property
    def central_subject(self) -> bool:
        """The question opens with a national body ("Văn phòng Chính phủ đề nghị …", "Bộ Nội vụ giao …"): it asks
        about that body's documents, so a province it names is what they are about, not where they were issued
        (:func:`textnorm.gazetteer.is_central_body`; the search does not scope to that province).

        >>> QueryAnalysis("Văn phòng Chính phủ đề nghị gì về Thủ đô Hà Nội?", "").central_subject
        True
        >>> QueryAnalysis("Hà Nội đề nghị Văn phòng Chính phủ điều gì?", "").central_subject
        False
        """
        return gazetteer.is_central_body(normalize_text(self.original or "").strip())

    @cached_property
    def cites_document(self) -> bool:
        """The question opens with the document it asks about ("Theo Luật …, … là gì?"): one document's passages
        answer it (:func:`textnorm.patterns.asks_according_to_document`)."""
        return asks_according_to_document(self.original) or asks_according_to_document(self.text)

    @property
    def topic_terms(self) -> list[str]:
        """Folded words of the question and its expansions that say what it is about: not function words, numbers,
        the place asked about, or the parts of a document number named.

        The place is left out where it is written, not as syllables: "Trà Vinh" is the place, the "tra" of "kiểm
        tra" stays a topic word (:func:`place_positions`).
        """
        numbers = {fold_word(w) for n in self.doc_numbers for w in syllables(n)}
        sylls = syllables(self.search_text)
        named = place_positions(self.search_text, self.provinces)
        # the expansions spell out what the question abbreviates ("TP" → "thành phố"): there a place's syllable is
        # the place's
        place = {fold_word(w) for p in self.provinces for w in syllables(p)}
        named |= {i for i in range(len(syllables(self.text)), len(sylls)) if fold_word(sylls[i]) in place}
        level = _place_levels(sylls, named)
        # "năm" before a year states the scope (a filter), not the topic; so do "tỉnh", "thành phố" before a place
        words = [w for i, w in enumerate(sylls) if w not in self.type_words and i not in level and i not in named
                 and not (fold_word(w) == "nam" and i + 1 < len(sylls) and YEAR_WORD.fullmatch(sylls[i + 1]))]
        skip = {k.lower() for k in province_initials()} | set(ALIASES) | {fold_accents(a) for a in ABBREVIATIONS}
        if self.in_english:  # "how", "did", "the" say nothing of an English question's topic, nor "s" of "People's"
            skip |= ENGLISH_NON_TOPIC | {t for t in content_terms(" ".join(words)) if len(t) < 2}
        return [t for t in content_terms(" ".join(words)) if t not in numbers
                and not t.isdigit() and t not in skip and not _GLUED_NUMBER.fullmatch(t)]

    def search_text_within(self, scope) -> str:
        """The search text without the names of the provinces of ``scope`` (the provinces a search is filtered on)
        and their level words (:func:`scope_positions`), as the word search reads it: under that filter every
        document kept is of those provinces or does not say (ranked lower), so the name decides nothing between
        them. As a topic word it raised the lines that write it and say nothing else ("Đồng Nai, ngày 29 tháng 12
        năm 2020") above the passage of a news post that answers in every other word but never names its province.
        Without a scope, the search text.

        >>> QueryAnalysis("", "Tỉnh Đồng Nai đưa trung tâm vào vận hành từ ngày nào").search_text_within(["Đồng Nai"])
        'đưa trung tâm vào vận hành từ ngày nào'
        >>> QueryAnalysis("", "kh 87/KH-UBND của tp. Hà Nội?").search_text_within(["Hà Nội"])
        'kh 87/KH-UBND của . ?'
        >>> QueryAnalysis("", "Kiên Giang phối hợp với An Giang").search_text_within([])
        'Kiên Giang phối hợp với An Giang'
        """
        text = self.search_text
        if not scope:
            return text
        drop = scope_positions(text, scope)
        spans = [m.span() for i, m in enumerate(_SYLLABLE.finditer(reading_form(text))) if i in drop]
        for start, end in reversed(spans):  # cut from the end: the offsets before stay right
            text = text[:start] + text[end:]
        return " ".join(text.split())

    @property
    def search_text(self) -> str:
        """Text given to the embedder and to BM25: the query and its expansions."""
        return " ".join([self.text] + self.expansions)


#: Level words written before a province's name ("tỉnh Kiên Giang", "thành phố Hà Nội", "TP Hà Nội"), folded: with
#: the name they state the place asked about, not the topic.
PLACE_LEVELS = (("tinh",), ("thanh", "pho"), ("tp",))


def place_positions(text: str, provinces=None, only: bool = False) -> set[int]:
    """Positions, among :func:`textnorm.syllables` of ``text``, of the syllables of the provinces it names where it
    names them (:func:`textnorm.gazetteer.province_mentions`, a question's spellings): the same syllable elsewhere is
    another word ("kiểm tra" beside "Trà Vinh", "quy định" beside "Nam Định"). With ``provinces`` (those the
    question was read to name), their names are also found in the text's folded form: a question typed without
    accents is searched with accented expansions ("kh cua kien giang" + "kế hoạch"), in which a name without accents
    is not read as a place, but is the place the question was read to name. ``only``: the names of ``provinces``
    alone, every other province's left out.

    >>> place_positions("Trà Vinh kiểm tra CCHC"), place_positions("tp hcm quy dinh gi")
    ({0, 1}, {1})
    >>> place_positions("kh cua kien giang kế hoạch", ["Kiên Giang"]), place_positions("kh cua kien giang kế hoạch")
    ({2, 3}, set())
    """
    read = reading_form(text)
    spans = [(s, e) for name, s, e in gazetteer.province_mentions(read, query=True) if not only or name in provinces]
    if provinces:
        spans += [(s, e) for name, s, e in gazetteer.province_mentions(fold_accents(read), query=True)
                  if name in provinces]
    return _positions_in(read, spans)


def _positions_in(read: str, spans) -> set[int]:
    """Positions of the syllables of ``read`` that start inside one of ``spans`` (character offsets)."""
    return {i for i, m in enumerate(_SYLLABLE.finditer(read)) if any(s <= m.start() < e for s, e in spans)}


def scope_positions(text: str, scope) -> set[int]:
    """Positions, among :func:`textnorm.syllables` of ``text``, of the names of the provinces of ``scope`` where it
    writes them (with accents or without) and of the level words right before them ("tỉnh", "thành phố", "TP"):
    the words that only say where. Another province's name, a district's, a ward's stay (they say more than the scope).

    >>> sorted(scope_positions("Tỉnh Đồng Nai vận hành trung tâm từ ngày nào", ["Đồng Nai"]))
    [0, 1, 2]
    >>> sorted(scope_positions("kh 1173 tay ninh kiem tra", ["Tây Ninh"]))
    [2, 3]
    >>> sorted(scope_positions("Kiên Giang phối hợp với An Giang", ["Kiên Giang"]))
    [0, 1]
    """
    named = place_positions(text, asked_provinces(scope), only=True)
    return named | _place_levels(syllables(text), named)


#: A syllable as :func:`textnorm.syllables` reads it, with its offsets.
_SYLLABLE = re.compile(r"\w+", re.UNICODE)


def _place_levels(sylls: list[str], named: set[int]) -> set[int]:
    """Positions of the level words written right before a place's name among ``sylls`` (``named``: positions of
    the place's syllables, :func:`place_positions`).

    >>> sorted(_place_levels(["Thành", "phố", "Hà", "Nội", "đạt", "thành", "phố", "văn", "minh"], {2, 3}))
    [0, 1]
    """
    folded = [fold_word(w) for w in sylls]
    out: set[int] = set()
    for i in range(len(folded)):
        for words in PLACE_LEVELS:
            j = i + len(words)
            if tuple(folded[i:j]) == words and j in named:
                out.update(range(i, j))
    return out


def canonical_quarters(text: str) -> str:
    """Write every quarter as "quý I…IV".

    >>> canonical_quarters("so nao duoc kiem tra Q3"), canonical_quarters("quý 3 năm 2021")
    ('so nao duoc kiem tra quý III', 'quý III năm 2021')
    """
    def repl(m: re.Match) -> str:
        value = m.group(1).upper()
        return "quý " + _ROMAN.get(value, value)

    return _QUARTER.sub(repl, _QUARTER_GLUED.sub(lambda m: "quý " + _ROMAN[m.group(1)], text))


def find_provinces(text: str) -> list[str]:
    """Provinces named in a question, with or without diacritics (:func:`textnorm.gazetteer.find_provinces`), then
    the provinces of the districts, towns and wards it names where their names decide
    (:func:`textnorm.gazetteer.scope_of_places`: a ward's name several provinces have decides only with a place
    that settles it).

    >>> find_provinces("kiem tra cchc ha noi nam 2021"), find_provinces("Còn Hà Nam thì sao?")
    (['Hà Nội'], ['Hà Nam'])
    >>> find_provinces("Huyện Mộc Châu kiểm tra CCHC khi nào?"), find_provinces("huyen moc chau kiem tra khi nao")
    (['Sơn La'], ['Sơn La'])

    Upper-case initials officials type name a province, but not inside a document number:

    >>> find_provinces("Kế hoạch CCHC của QT năm 2021"), find_provinces("Ai ký công văn 331/VPCP-QT?")
    (['Quảng Trị'], [])
    """
    found = gazetteer.find_provinces(text, query=True)
    initials = province_initials()
    # the letters of a document number name its issuing office, not a place ("331/VPCP-QT" is not Quảng Trị)
    for token in re.findall(r"\b[A-ZĐ]{2,4}\b", DOCUMENT_REFERENCE.sub(" ", text)):
        name = initials.get(token)
        if name and name not in found:
            found.append(name)  # "KG", "QB": upper-case initials officials type
    for province in gazetteer.scope_of_places(text, found):
        if province not in found:
            found.append(province)  # "huyện Mộc Châu" → Sơn La; an ambiguous "phường Phương Sơn" → none
    return found


def with_merged_provinces(provinces: list[str], indexed) -> tuple[list[str], str]:
    """Provinces to search for a question: a province named by its post-2025 name stands also for the pre-2025
    provinces merged into it that the index holds, also when that name was an old province's too ("Quảng Ngãi" →
    Quảng Ngãi and Kon Tum; "An Giang" → An Giang and Kiên Giang).

    Args:
        provinces: provinces the question names (canonical names).
        indexed: canonical names of the provinces the index holds documents of.

    Returns:
        The provinces to search, and a Vietnamese note naming the old provinces searched under the new name ("" when
        none).

    >>> searched, note = with_merged_provinces(["Quảng Ngãi"], {"Quảng Ngãi", "Kon Tum", "Nghệ An"})
    >>> searched, "Kon Tum (nay thuộc Quảng Ngãi)" in note
    (['Quảng Ngãi', 'Kon Tum'], True)
    >>> with_merged_provinces(["Kon Tum", "Nghệ An"], {"Quảng Ngãi", "Kon Tum", "Nghệ An"})
    (['Kon Tum', 'Nghệ An'], '')
    """
    out, notes = [], []
    for name in provinces:
        if name not in out:
            out.append(name)
        old = [p for p in gazetteer.provinces_covered_by(name) if p in indexed and p != name and p not in out]
        if old:
            out.extend(old)
            was = ", ".join(old)
            notes.append(f"Văn bản của {was} (nay thuộc {name}) cũng được tìm: {name} từ 01/7/2025 gồm cả {was}.")
    return out, " ".join(notes)


def resolve_merged_provinces(analysis: QueryAnalysis, indexed) -> str:
    """Widen the provinces of the analysis by :func:`with_merged_provinces`, once per question (the answerer and the
    retriever both ask; the second call only reads the result).

    Returns:
        The note naming the old provinces searched under a new name ("" when none).

    >>> a = QueryAnalysis("", "", provinces=["Quảng Ngãi"])
    >>> note = resolve_merged_provinces(a, {"Quảng Ngãi", "Kon Tum"})
    >>> a.provinces, a.widened, resolve_merged_provinces(a, {"Quảng Ngãi", "Kon Tum"}) == note
    (['Quảng Ngãi', 'Kon Tum'], ('Kon Tum',), True)
    """
    if analysis.merged_note is None:
        named = list(analysis.provinces)
        analysis.provinces, analysis.merged_note = with_merged_provinces(named, indexed)
        analysis.widened = tuple(p for p in analysis.provinces if p not in named)
    return analysis.merged_note


def named_documents(text: str) -> list[str]:
    """Documents a question names by number: full numbers ("135/2006/QĐ-UBND") and short forms ("QĐ 251", "KH số
    36", "Kế hoạch 87").

    >>> named_documents("QĐ 251 BNV căn cứ gì; KH số 36 và 189/KH-UBND")
    ['189/KH-UBND', 'QĐ 251', 'KH số 36']

    The type letters may be glued to the number, as officials type them ("KH189/UBND", "kh189"):

    >>> named_documents("KH189/UBND kiểm tra những sở nào"), named_documents("qd1961 ban hanh ngay nao")
    (['189/KH-UBND'], ['QĐ 1961'])
    """
    glued = unglued_numbers(text)
    text = _GLUED_NUMBER.sub(" ", text)
    full = [m.group(0) for m in DOCUMENT_REFERENCE.finditer(text)]
    short = [m.group(0) for m in NUMBERED_DOCUMENT.finditer(DOCUMENT_REFERENCE.sub(" ", text))
             if m.group("kind").lower() != "số" and is_short_form(m)]
    return glued + full + short


#: A document's type letters glued to its number ("KH189/UBND", "QĐ1961", "kh36"), typed as a handle.
_GLUED_NUMBER = re.compile(r"\b(qđ|qd|kh|ct|ctr|nq|tb)(\d+)\b(?:\s*/\s*([A-ZĐa-zđ][\w.-]*))?", re.IGNORECASE)


def unglued_numbers(text: str) -> list[str]:
    """Document numbers typed glued to their type letters, written as documents write them, for the search to match
    ("KH139/UBND" is one word no document writes; "139/KH-UBND" is the number's words).

    >>> unglued_numbers("KH139/UBND của Kiên Giang năm nào"), unglued_numbers("Kế hoạch 139/KH-UBND")
    (['139/KH-UBND'], [])
    """
    return [_unglued(m) for m in _GLUED_NUMBER.finditer(text)]


def _unglued(m: re.Match) -> str:
    """The number of a glued handle written as documents write it: "KH189/UBND" → "189/KH-UBND", "qd1961" → "QĐ
    1961" (a short form, matched by its number and type)."""
    code = "QĐ" if m.group(1).lower() in ("qd", "qđ") else m.group(1).upper()
    if m.group(3):
        return f"{m.group(2)}/{code}-{m.group(3).upper()}"
    return f"{code} {m.group(2)}"


def documents_named(doc_numbers: list[str], records: dict) -> list[str]:
    """Ids of the indexed documents a question names by number ("QĐ 251" → the record whose số hiệu is
    "251/QĐ-BNV"); empty when none or too many match.

    Args:
        doc_numbers: :attr:`QueryAnalysis.doc_numbers`.
        records: document id → record with ``metadata["so_hieu"]``.

    Returns:
        Matching document ids (at most three).
    """
    found: list[str] = []
    for name in NUMBER_FIELDS:  # the document itself first; else the posts that report on it
        for named in doc_numbers:
            found += [doc_id for doc_id, record in records.items()
                      if _number_matches(named, _number_of(record.metadata.get(name, ""), cited=name != "so_hieu"))
                      and (name != "so_hieu" or _year_agrees(named, record.metadata))]
        if found:
            break
    found = list(dict.fromkeys(found))
    return found if len(found) <= 3 else []


#: Where a record holds a document number: its own (so_hieu), then the document a news post reports on
#: (van_ban_lien_quan, "Kế hoạch số 517/KH-UBND ngày 27/02/2020"): a document known only through a post is found there.
NUMBER_FIELDS = ("so_hieu", "van_ban_lien_quan")


def _number_of(value: str, cited: bool = False) -> str:
    """The number in a metadata field, folded, without spaces: the field itself, or the number a citation holds
    (``cited``: "Kế hoạch số 517/KH-UBND ngày …" → "517/kh-ubnd")."""
    m = DOCUMENT_REFERENCE.search(value or "") if cited else None
    return fold_accents(m.group(0) if m else value or "").replace(" ", "")


def _number_matches(named: str, so_hieu: str) -> bool:
    """Whether a number a question names is the folded ``so_hieu``: the full number (hyphens aside), or its number
    and letters ("189/UBND" and "189/KH-UBND" share 189 and UBND; "QĐ 1961" is 1961/QĐ-…).

    >>> _number_matches("189/KH-UBND", "189/kh-ubnd"), _number_matches("189/UBND", "189/kh-ubnd")
    (True, True)
    >>> _number_matches("QĐ 1961", "1961/qd-ubnd"), _number_matches("KH 1961", "1961/qd-ubnd")
    (True, False)
    >>> _number_matches("20/2015/QĐ-UBND", "20/2019/qd-ubnd"), _number_matches("20/2015/QĐ-UBND", "20/qd-ubnd")
    (False, True)
    """
    m = re.match(r"(?:(.*?)\s+(?:(?:số|so)\s+)?)?(\d+)", named.strip(), re.IGNORECASE)
    if not so_hieu or not m:
        return False
    if "/" not in named:
        hint = document_type_code(m.group(1) or "")
        return so_hieu.split("/")[0] == m.group(2) and (not hint or fold_accents(hint) in so_hieu)
    full = fold_accents(named).replace(" ", "")
    if so_hieu == full or so_hieu.replace("-", "") == full.replace("-", ""):
        return True
    letters = set(re.findall(r"[a-z]+", full))
    if _number_year(full) and _number_year(so_hieu) and _number_year(full) != _number_year(so_hieu):
        return False  # "20/2015/QĐ-UBND" is not "20/2019/QĐ-UBND": the year is part of the number
    return so_hieu.split("/")[0] == full.split("/")[0] and letters <= set(re.findall(r"[a-z]+", so_hieu))


def _year_agrees(named: str, metadata: dict) -> bool:
    """Whether a document can be the one a number names by its year: a number writing its year ("25/2020/QĐ-UBND")
    is not a document of another year whose own number writes none ("25/QĐ-UBND" of 2022).

    >>> _year_agrees("25/2020/QĐ-UBND", {"so_hieu": "25/QĐ-UBND", "nam": "2022"})
    False
    >>> _year_agrees("25/2020/QĐ-UBND", {"so_hieu": "25/QĐ-UBND", "nam": ""}), _year_agrees("QĐ 25", {"nam": "2022"})
    (True, True)
    """
    year = _number_year(fold_accents(named).replace(" ", ""))
    own = str(metadata.get("nam", "") or "")
    return not (year and own and not _number_year(fold_accents(metadata.get("so_hieu", ""))) and own != year)


def _number_year(number: str) -> str:
    """The year a folded document number writes between its serial and its code ("20/2015/qd-ubnd" → "2015"), or "".

    >>> _number_year("20/2015/qd-ubnd"), _number_year("189/kh-ubnd")
    ('2015', '')
    """
    parts = number.split("/")
    return parts[1] if len(parts) > 2 and YEAR_WORD.fullmatch(parts[1]) else ""


def resolve_named_documents(analysis: QueryAnalysis, records: dict) -> tuple[str, ...]:
    """:func:`documents_named` for the analysis's document numbers, read once per question (the search scope, the
    refusals and the answer pool all ask).

    >>> from types import SimpleNamespace
    >>> a = QueryAnalysis("QĐ 251", "QĐ 251", doc_numbers=["QĐ 251"])
    >>> resolve_named_documents(a, {"d": SimpleNamespace(metadata={"so_hieu": "251/QĐ-BNV"})}), a.named_doc_ids
    (('d',), ('d',))
    """
    if analysis.named_doc_ids is None:
        named = documents_named(analysis.doc_numbers, records)
        if all("/" not in number for number in analysis.doc_numbers):  # serials alone: every province has them
            named = of_provinces_named(named, analysis.provinces, records)
        analysis.named_doc_ids = tuple(named)
    return analysis.named_doc_ids


def of_provinces_named(doc_ids: list[str], provinces, records: dict) -> list[str]:
    """The documents among ``doc_ids`` that can be those of a question naming ``provinces``: a document whose
    province is read and is none of them (nor an old province one of them covers since the 2025 mergers) is another
    place's document of the same serial ("Nghị quyết 18" of a Đồng Nai question is not Hậu Giang's 18/2018/NQ-HĐND:
    a kind and a serial alone are shared by every province's documents; a number with its code names one document
    whatever place the question names, :func:`resolve_named_documents`). A document of no province read (a
    ministry's, a post's) stays; so does every document when the question names no province.

    >>> from types import SimpleNamespace as NS
    >>> records = {"hg": NS(metadata={"tinh": "Hậu Giang"}), "vpcp": NS(metadata={"tinh": ""}),
    ...            "kt": NS(metadata={"tinh": "Kon Tum"})}
    >>> of_provinces_named(["hg", "vpcp"], ["Đồng Nai"], records), of_provinces_named(["kt"], ["Quảng Ngãi"], records)
    (['vpcp'], ['kt'])
    >>> of_provinces_named(["hg"], [], records)
    ['hg']
    """
    if not provinces:
        return list(doc_ids)
    asked = asked_provinces(provinces, merged=True)
    return [d for d in doc_ids if _place_of(d, records, asked) is not DocumentPlace.OTHER]


def place_of(doc_id: str, provinces, records: dict) -> DocumentPlace:
    """Where a document stands against ``provinces`` (:func:`retriever.features.document_place`), an old province
    merged into one of them in 2025 counting as it; an unknown id is unread.
    ``.elsewhere``: known to be of none of them (a letter of the Government's about Hà Nội is not Hà Nội's).

    >>> from types import SimpleNamespace as NS
    >>> records = {"vpcp": NS(metadata={"tinh": "", "cap": "Trung ương"}), "tin": NS(metadata={"tinh": ""}),
    ...            "hg": NS(metadata={"tinh": "Hậu Giang"}), "kt": NS(metadata={"tinh": "Kon Tum"})}
    >>> [place_of(d, ["Quảng Ngãi"], records).elsewhere for d in ("vpcp", "tin", "hg", "kt", "?")]
    [True, False, True, False, False]
    """
    return _place_of(doc_id, records, asked_provinces(provinces, merged=True))


def _place_of(doc_id: str, records: dict, asked: frozenset[str]) -> DocumentPlace:
    record = records.get(doc_id)
    return document_place(record.metadata if record is not None else {}, asked)


def years_named(text: str) -> list[str]:
    """Years named in a question or a passage, not the digits of a document number.

    >>> years_named("QĐ 1961 KG năm 2019"), years_named("Kế hoạch 2071/QĐ-UBND năm 2018")
    (['2019'], ['2018'])
    >>> years_named("giai đoạn 2021-2025")
    ['2021', '2025']
    """
    text = DOCUMENT_REFERENCE.sub(" ", NUMBERED_DOCUMENT.sub(" ", text))
    return YEAR_WORD.findall(text)


@lru_cache(maxsize=1)
def province_initials() -> dict[str, str]:
    """Upper-case initials officials type for a province ("KG" → Kiên Giang), kept only where unambiguous.

    >>> province_initials()["KG"], "HN" in province_initials(), "KH" in province_initials()
    ('Kiên Giang', False, False)
    """
    counts: dict[str, list[str]] = {}
    for name in PROVINCES:
        key = "".join(w[0] for w in re.findall(r"\w+", fold_accents(name).replace("thanh pho ", ""))).upper()
        counts.setdefault(key, []).append(name)
    taken = {fold_accents(a) for a in ABBREVIATIONS} | {"ct", "tt", "tb"}  # "KH 36" is a plan, "CT" a chỉ thị
    return {k: v[0] for k, v in counts.items() if len(v) == 1 and len(k) >= 2 and k.lower() not in taken}


def expand_abbreviations(text: str) -> list[str]:
    """Expansions of abbreviations in the text, and abbreviations of phrases spelled out.

    >>> expand_abbreviations("Kế hoạch CCHC và TTHC")
    ['cải cách hành chính', 'thủ tục hành chính']
    """
    text = DOC_NUMBER.sub(" ", text)  # "189/KH-UBND" names a document, it does not ask about "kế hoạch"
    lowered = " " + text.lower() + " "
    folded = " " + fold_accents(text) + " "
    out = []
    for abbr, full in ABBREVIATIONS.items():
        if re.search(r"(?<![\wđ&])" + re.escape(abbr) + r"(?![\wđ&])", lowered) or (
            fold_accents(abbr) != abbr and re.search(r"(?<![\w&])" + re.escape(fold_accents(abbr)) + r"(?![\w&])",
                                                     folded) and len(abbr) > 3):
            out.append(full)
        elif fold_accents(full) in folded and len(abbr) >= 4:
            out.append(abbr.upper())
    return out


#: Everyday words for legal notions → the words the codes use ("công đoàn" → "tổ chức đại diện người lao động"):
#: a law is written in its own vocabulary, a question in the asker's (``textnorm/lexicons/legal_terms.json``).
LEGAL_TERMS = lexicons.mapping("legal_terms", "official")


def legal_terms(text: str) -> list[str]:
    """The official words (:data:`LEGAL_TERMS`) for the everyday words of a question, each once, in the lexicon's
    order; none for a word the question already writes officially. Words are matched whole, accents as written.

    >>> legal_terms("Chủ doanh nghiệp bị cấm làm gì với người tham gia công đoàn?")
    ['tổ chức đại diện người lao động', 'người sử dụng lao động', 'nghiêm cấm']
    >>> legal_terms("Công ty có bị nghiêm cấm không?"), legal_terms("Nhân chứng có nghĩa vụ gì?")
    ([], ['người làm chứng'])
    """
    lowered = _padded_lower(text)
    out = []
    for term, official in LEGAL_TERMS.items():
        if _writes_term(lowered, term) and official not in lowered and official not in out:
            out.append(official)
    return out


def _padded_lower(text: str) -> str:
    """``text`` normalised, lower case, between spaces: what :func:`_writes_term` searches."""
    return " " + normalize_text(text).lower() + " "


def _writes_term(lowered: str, term: str) -> bool:
    """Whether ``lowered`` (:func:`_padded_lower`) writes ``term`` as whole words, accents as written.

    >>> _writes_term(_padded_lower("Kiểm tra công tác"), "kiểm tra"), _writes_term(_padded_lower("kiểm tra"), "ra")
    (True, False)
    """
    return bool(re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", lowered))


#: The administrative vocabulary in English, as portals' English pages write it ("cải cách hành chính" →
#: "administrative reform"; ``textnorm/lexicons/english_terms.json``): the word search reads an English page only
#: through them (and through names and numbers, which both languages write alike).
ENGLISH_TERMS = {term: tuple(w.strip() for w in english.split(";") if w.strip())
                 for term, english in lexicons.mapping("english_terms", "english").items()}


def english_glosses(text: str) -> dict[str, tuple[str, ...]]:
    """Each folded syllable of the administrative terms (:data:`ENGLISH_TERMS`) a Vietnamese text writes → the English
    words of those terms: what says that syllable on an English page ("kiểm tra" → "inspection", so "kiem" and "tra"
    are said by a line writing "inspection").

    >>> english_glosses("Ai làm trưởng đoàn kiểm tra?")["doan"]
    ('inspection team', 'delegation', 'head of the team', 'led by', 'headed by')
    >>> english_glosses("How much will the budget revenue be?")
    {}
    """
    lowered = _padded_lower(text)
    out: dict[str, tuple[str, ...]] = {}
    for term, words in ENGLISH_TERMS.items():
        if _writes_term(lowered, term):
            for syllable in {fold_word(s) for s in syllables(term)}:
                out[syllable] = tuple(dict.fromkeys(out.get(syllable, ()) + words))
    return out


def english_words_of(noun: str) -> frozenset[str]:
    """The English words (lower case) that may say a folded Vietnamese noun on an English page: the words of the English
    of every administrative term (:data:`ENGLISH_TERMS`) the noun is part of ("doan": "đoàn kiểm tra", "trưởng đoàn").

    >>> sorted(english_words_of("chi tieu")), "members" in english_words_of("doan")
    (['targets'], False)
    """
    syllables_of = [fold_word(s) for s in noun.split()]
    out: set[str] = set()
    for term, words in ENGLISH_TERMS.items():
        folded = [fold_word(s) for s in syllables(term)]
        if any(folded[i: i + len(syllables_of)] == syllables_of for i in range(len(folded))):
            out |= {w.lower() for e in words for w in syllables(e)}
    return frozenset(out - ENGLISH_NON_TOPIC)


def english_terms(text: str) -> list[str]:
    """The English words (:data:`ENGLISH_TERMS`) of the administrative terms a Vietnamese text writes, each once, in
    the lexicon's order; words are matched whole, accents as written.

    >>> english_terms("Đoàn kiểm tra cải cách hành chính của tỉnh hoàn thành trước ngày nào?")
    ['administrative reform', 'inspection', 'inspect', 'inspecting', 'inspection team', 'delegation', 'completed', \
'complete', 'province', 'provincial', 'before']
    >>> english_terms("kiểm tra"), english_terms("kiem tra"), english_terms("How much will the budget revenue be?")
    (['inspection', 'inspect', 'inspecting'], [], [])
    """
    lowered = _padded_lower(text)
    out: list[str] = []
    for term, words in ENGLISH_TERMS.items():
        if _writes_term(lowered, term):
            out += [w for w in words if w not in out]
    return out


def analyze_query(query: str, restorer: DiacriticRestorer | None = None) -> QueryAnalysis:
    """Normalise a question and read what it says about place and time.

    Args:
        query: the question as typed.
        restorer: corpus diacritics model; without it, queries typed without accents are left as they are.

    Returns:
        A :class:`QueryAnalysis`.

    >>> a = analyze_query("Kiên Giang kiểm tra CCHC Q3 năm 2021")
    >>> a.text, a.provinces, a.years, a.expansions
    ('Kiên Giang kiểm tra CCHC quý III năm 2021', ['Kiên Giang'], ['2021'], ['cải cách hành chính'])
    >>> analyze_query("tỉnh Khánh Hoà năm 2021").provinces  # the other accent placement is the same province
    ['Khánh Hòa']
    """
    typed = re.sub(r"\s+", " ", normalize_text(query or "")[:2000]).strip()  # one accent convention ("Hoà" → "Hòa")
    text = typed
    text = canonical_quarters(text)
    restored = False
    words = syllables(text)
    plain = [w for w in words if not w.isdigit()]
    known = sum(1 for w in plain if restorer is not None and fold_accents(w) in restorer.unigrams)
    if (restorer is not None and plain and sum(has_diacritics(w) for w in plain) <= len(plain) * 0.2
            and known >= 0.6 * len(plain)):  # Vietnamese typed without accents, not English
        restored_text = restorer.restore(text)
        if restored_text != text:
            text = canonical_quarters(restored_text)
            restored = True
    expansions = expand_abbreviations(text) + legal_terms(text) + unglued_numbers(typed)
    return QueryAnalysis(original=query, text=text, expansions=expansions,
                         provinces=find_provinces(typed), years=years_named(typed), restored=restored,
                         # an English question is read as typed: the names restored ("Đắk Lắk") are no English
                         answer_types=answer_types(typed if is_english_question(typed) else text),
                         list_target=list_target(text),
                         type_words=frozenset(answer_type_words(text)), measure=amount_measure(text),
                         doc_numbers=named_documents(typed), english=english_terms(" ".join([text, *expansions])))


__all__ = ["QueryAnalysis", "analyze_query", "documents_named", "named_documents", "with_merged_provinces",
           "resolve_merged_provinces", "resolve_named_documents",
           "DiacriticRestorer", "canonical_quarters", "find_provinces", "expand_abbreviations", "ABBREVIATIONS",
           "LEGAL_TERMS", "legal_terms"]
