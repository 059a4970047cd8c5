"""One vocabulary of question understanding, read by the retriever, the answerers and the abstention alike.

- :class:`AnswerType`: the shapes of facts a question asks for (who signed, a number, a date of issue, …);
- :class:`PassageRole` and its sets: the lines a document's front and end matter is cut into (ingest writes them as
  passage kinds, the retriever and the answerer read them);
- the cues of a question, each defined once: it asks when (:func:`asks_when`), it names a document by number
  (:data:`NUMBERED_DOCUMENT`, :func:`document_type_code`), the nouns a list question enumerates
  (:data:`BODY_NOUNS`, :data:`LIST_NOUNS`), what it enumerates (:class:`ListTarget`), and the year
  (:data:`YEAR`).

Cues are general Vietnamese grammar and administrative vocabulary, never the words of one question or document.
Question words are matched on :func:`question_fold` (accents optional, but an accented word that is not the
question word does not count: "tháng máy" is not "tháng mấy").

>>> AnswerType.SIGNER == "signer", asks_when("Sở Y tế được kiểm tra vào quý nào?")
(True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from textnorm import fold_accents, fold_word, has_diacritics, syllables
from textnorm.kinds import DocumentKind


class _Vocabulary(StrEnum):
    """A closed set of names stored and logged as plain strings: members compare equal to their values and print as
    them (``'signer'``), so stored data, logs and examples read the same as before the names were typed."""

    def __repr__(self) -> str:
        return repr(self.value)


class AnswerType(_Vocabulary):
    """What kind of answer a question asks for.

    The definition order is the order an answer lists them when a question asks for several.

    >>> AnswerType("issue_date"), AnswerType.SIGNER == "signer"
    ('issue_date', True)
    """

    SIGNER = "signer"  # who signed the document
    PERSON = "person"  # a person's name
    NUMBER = "number"  # the document's number (số hiệu)
    ISSUE_DATE = "issue_date"  # its date of issue
    BASIS = "basis"  # the document it rests on or cites
    TIME = "time"  # a time or period the document sets
    AMOUNT = "amount"  # a quantity, a rate
    AGENT = "agent"  # the agency that leads or does something
    LIST = "list"  # every member of a set ("những sở nào")
    PLACE = "place"  # a place or address
    CONTENT = "content"  # content in general: no particular shape


#: Answer types in answer order (:class:`AnswerType`'s definition order).
ANSWER_TYPES = tuple(AnswerType)
#: Answer types that ask for a fact of some shape: "content" asks for none and "list" for a set of anything.
SHAPED_TYPES = frozenset(ANSWER_TYPES) - {AnswerType.CONTENT, AnswerType.LIST}


def shaped(types) -> set[AnswerType]:
    """The answer types among ``types`` that ask for a fact of some shape (:data:`SHAPED_TYPES`).

    >>> sorted(shaped(("list", "time", "content")))
    ['time']
    """
    return {AnswerType(t) for t in types if t in SHAPED_TYPES}


class PassageRole(_Vocabulary):
    """The role of a line of a document's front or end matter, or of a body line that closes it (the kind ingest
    gives a passage of that line: :attr:`index.model.Passage.kind`)."""

    HEADER = "header"  # the issuing body and the motto
    NUMBER = "number"  # "Số: 87/KH-UBND"
    PLACE_DATE = "place_date"  # "Hà Nội, ngày 05 tháng 4 năm 2021"
    TITLE = "title"  # the type word and the trích yếu
    AUTHORITY = "authority"  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    BASIS = "basis"  # "Căn cứ …", "Theo đề nghị …"
    SIGNATURE = "signature"  # the signature block
    RECIPIENTS = "recipients"  # "Nơi nhận: …"
    CLOSING = "closing"  # a closing formula of the body ("Trên đây là Kế hoạch …")


#: Roles of a document's front and end matter, in reading order (ingest reads them; :attr:`PassageRole.CLOSING` is
#: a body line's).
MATTER_ROLES = tuple(r for r in PassageRole if r is not PassageRole.CLOSING)
#: Roles whose lines become passages of that kind. The issuing body, the motto and the authority line are the same
#: words on every document of a body: as passages they only crowd the search (the body is cited from the metadata).
PASSAGE_ROLES = (PassageRole.NUMBER, PassageRole.PLACE_DATE, PassageRole.TITLE, PassageRole.BASIS,
                 PassageRole.SIGNATURE, PassageRole.RECIPIENTS)
#: Lines that identify their document (its number, its place and date, its signature): they answer "số mấy",
#: "ngày nào", "ai ký" and speak for the whole document, never for a question about its content.
IDENTITY_ROLES = frozenset({PassageRole.NUMBER, PassageRole.PLACE_DATE, PassageRole.SIGNATURE})
#: Lines that anchor a document's header where they are found: its number and its place-and-date line.
ANCHOR_ROLES = frozenset({PassageRole.NUMBER, PassageRole.PLACE_DATE})
#: Lines of the header quoted whole, however long (a wrapped title is one line of sense).
HEADER_LINE_ROLES = frozenset({PassageRole.NUMBER, PassageRole.PLACE_DATE, PassageRole.TITLE})
#: Lines that name a document (its identity lines and its title) rather than say what it says.
NAMING_ROLES = IDENTITY_ROLES | {PassageRole.TITLE}
#: Lines that answer nothing unless asked: closing formulas and recipient lists.
BOILERPLATE_ROLES = frozenset({PassageRole.CLOSING, PassageRole.RECIPIENTS})
#: Which identity line answers which answer type.
TYPE_ROLES = {AnswerType.SIGNER: PassageRole.SIGNATURE, AnswerType.NUMBER: PassageRole.NUMBER,
              AnswerType.ISSUE_DATE: PassageRole.PLACE_DATE}
#: Answer types answered from a document's front and end matter (its identity lines and its "Căn cứ" lines).
HEADER_TYPES = frozenset(TYPE_ROLES) | {AnswerType.BASIS}


# -- question words ----------------------------------------------------------------------------------------------
#: Question words whose folded form collides with ordinary words ("mấy" / "máy" of "bộ máy"): with accents typed,
#: only these accented forms count as the question word.
QUESTION_WORD_FORMS = {"may": {"mấy"}, "nao": {"nào"}, "dau": {"đâu"}, "gi": {"gì"}, "ky": {"ký", "kí"},
                       "nhieu": {"nhiêu"}, "can": {"căn"}, "cu": {"cứ"}, "ngay": {"ngày"}}


def question_fold(question: str) -> str:
    """The question folded for matching question words; an accented word that is not the question word keeps a mark.

    >>> question_fold("Ai chủ trì bộ máy?"), question_fold("tháng mấy")
    ('ai chu tri bo may_', 'thang may')
    """
    out = []
    for word in syllables(question):
        folded = fold_word(word)
        forms = QUESTION_WORD_FORMS.get(folded)
        out.append(folded + "_" if forms and has_diacritics(word) and word not in forms else folded)
    return " ".join(out)


#: Folded phrases that ask when: a question word of time ("khi nào", "bao giờ", "quý nào", "tháng mấy", "giai đoạn
#: nào"), or a word asking for a time limit or a start ("thời hạn", "hạn chót", "bắt đầu"). The retriever's time
#: boost, the answer type "time" and the schedule answerer all read this one list.
WHEN_PHRASES = ("khi nao", "bao gio", "luc nao", "vao thoi gian", "thoi gian nao", "thoi diem nao", "ngay nao",
                "thang may", "thang nao", "quy may", "quy nao", "nam nao", "ky nao", "giai doan nao", "thoi han",
                "han chot", "bat dau")
#: Folded words whose phrase folds to a time question's without asking when: "phụ lục nào" and "hiệu lực nào" ask
#: which annex or which effect, not "lúc nào".
NOT_WHEN_BEFORE = {"luc nao": ("phu", "hieu")}


def _phrase_pattern(phrase: str) -> str:
    """A folded question phrase as a pattern on :func:`question_fold` text, not after the words that make it another.

    >>> bool(re.search(_phrase_pattern("luc nao"), "theo phu luc nao")), bool(re.search(_phrase_pattern("luc nao"),
    ...                                                                               "hop luc nao"))
    (False, True)
    """
    return "".join(rf"(?<!\b{w} )" for w in NOT_WHEN_BEFORE.get(phrase, ())) + rf"\b{phrase}\b"


#: A question asking when, on :func:`question_fold` text.
WHEN = re.compile("|".join(map(_phrase_pattern, WHEN_PHRASES)))
#: Folded words that name a time without asking when ("thời gian thực hiện", "tiến độ", "hạn nộp"): with
#: :data:`WHEN` they make a question ask for the answer type "time".
TIME_WORDS = ("thoi gian", "thoi diem", "tien do", "ket thuc", "truoc ngay", "han nop", "han cuoi")
#: A question asking for a time, on :func:`question_fold` text.
ASKS_TIME = re.compile(WHEN.pattern + r"|\b(?:" + "|".join(TIME_WORDS) + r")\b")


def asks_when(question: str) -> bool:
    """True for a question about time (accents optional).

    >>> asks_when("Hà Nam kiểm tra vào thời gian nào?"), asks_when("Ai chủ trì?"), asks_when("han chot nop")
    (True, False, True)
    >>> asks_when("Bộ máy hoạt động tháng máy?")
    False
    >>> asks_when("Gửi báo cáo theo phụ lục nào?"), asks_when("gui bao cao theo phu luc nao"), asks_when("hop luc nao")
    (False, False, True)
    """
    return bool(WHEN.search(question_fold(question)))


#: Folded nouns that, right after "mấy", ask a time of day, not a count: "buổi sáng từ mấy giờ", "lúc mấy giờ" ask
#: a clock time ("08 giờ"); "bao nhiêu giờ" still counts hours.
CLOCK_NOUNS = frozenset({"gio"})
#: Folded phrases that only ask for a time: a question word with the unit of time it asks ("vào thời gian nào", "giai
#: đoạn nào", "mấy giờ"). The date answers them and never writes them beside it ("từ ngày 10/6 đến ngày 10/7"), so
#: their words are no topic a passage must carry.
TIME_QUESTION_PHRASES = tuple(p for p in WHEN_PHRASES if p.split()[-1] in ("nao", "may", "gio")) + (
    "may gio", "gio nao")
#: A day and month written without the year, as news posts date an event: "Sáng 21-12,", "ngày 21/12", "chiều 5-3"
#: (a time of day or "ngày" before it, so that a ratio or a number's parts are not read as one).
DAY_MONTH = re.compile(r"\b(?:ngày|sáng|chiều|tối|trưa|đêm)\s+(?:ngày\s+)?(?:0?[1-9]|[12]\d|3[01])\s*[-/.]\s*"
                       r"(?:0?[1-9]|1[0-2])\b(?!\s*[-/.]\s*\d)", re.IGNORECASE)


def time_question_words(question: str) -> set[str]:
    """The folded words of the phrases that only ask for a time (:data:`TIME_QUESTION_PHRASES`).

    >>> sorted(time_question_words("Hai tỉnh kiểm tra vào thời gian nào?")), time_question_words("Ai chủ trì?")
    (['gian', 'nao', 'thoi'], set())
    >>> sorted(time_question_words("Buổi sáng từ mấy giờ?")), time_question_words("Theo phụ lục nào?")
    (['gio', 'may'], set())
    """
    folded = question_fold(question)
    return {w for p in TIME_QUESTION_PHRASES if re.search(_phrase_pattern(p), folded) for w in p.split()}


# -- documents named by number -----------------------------------------------------------------------------------
def _written_forms(kind: DocumentKind, *abbreviations: str) -> tuple[str, ...]:
    """How a question writes a kind: spelled out with and without accents, then its abbreviations.

    >>> _written_forms(DocumentKind.PLAN, "kh")
    ('kế hoạch', 'ke hoach', 'kh')
    """
    return (kind.lower(), fold_accents(kind), *abbreviations)


#: The kinds of document a question names by number, each with its written forms (spelled out, with and without
#: accents, and the abbreviation officials type): "QĐ 251", "kế hoạch 36", "chỉ thị số 12".
DOCUMENT_TYPE_FORMS = {
    "qđ": _written_forms(DocumentKind.DECISION, "qđ", "qd"),
    "kh": _written_forms(DocumentKind.PLAN, "kh"),
    "ct": _written_forms(DocumentKind.DIRECTIVE, "ct"),
    "ctr": _written_forms(DocumentKind.PROGRAMME, "ctr"),
    "nq": _written_forms(DocumentKind.RESOLUTION, "nq"),
    "tb": _written_forms(DocumentKind.NOTICE, "tb"),
}
_TYPE_OF_FORM = {form: code for code, forms in DOCUMENT_TYPE_FORMS.items() for form in forms}
#: A document named by its number in a question: "QĐ 119", "kế hoạch 36", "quyết định số 135", or "số 2020" (the
#: ``kind`` group is "số" then); ``n`` is the number, or the first part of a full number ("Quyết định 30/2018/QĐ-UBND":
#: see :func:`is_short_form`).
NUMBERED_DOCUMENT = re.compile(r"\b(?P<kind>" + "|".join(sorted(_TYPE_OF_FORM, key=len, reverse=True)) + r"|số)"
                               r"(?:\s+(?:số|so))?\s+(?P<n>\d+)\b", re.IGNORECASE)
#: What follows the first part of a full document number ("30/2018/QĐ-UBND", "12-NQ/TU").
_NUMBER_GOES_ON = re.compile(r"\s*[/-]")


def is_short_form(m: re.Match) -> bool:
    """A :data:`NUMBERED_DOCUMENT` match that is the whole number ("QĐ 251"), not the start of a full one
    ("Quyết định 2071/QĐ-UBND", read whole by :data:`textnorm.patterns.DOCUMENT_REFERENCE`).

    >>> [is_short_form(m) for m in NUMBERED_DOCUMENT.finditer("QĐ 251 và Quyết định 2071/QĐ-UBND")]
    [True, False]
    """
    return not _NUMBER_GOES_ON.match(m.string, m.end())


def document_type_code(kind: str) -> str:
    """The abbreviation of a kind of document as typed ("Quyết định" → "qđ"); "" for another word.

    >>> document_type_code("Quyết định"), document_type_code("KH"), document_type_code("số")
    ('qđ', 'kh', '')
    """
    return _TYPE_OF_FORM.get(kind.lower().strip(), "")


def names_a_document(question: str) -> bool:
    """True when a question names a document by its type and number ("QĐ 119", "kế hoạch số 36", "Quyết định
    30/2018/QĐ-UBND").

    >>> names_a_document("QĐ 119 kèm theo quyết định số mấy?"), names_a_document("Kế hoạch số mấy?")
    (True, False)
    """
    return any(m.group("kind").lower() != "số" for m in NUMBERED_DOCUMENT.finditer(question))


# -- what a list question enumerates -----------------------------------------------------------------------------
#: Nouns of administrative bodies, folded: a list question about them wants each body named ("những sở nào" →
#: "Sở Y tế, Sở Công Thương"), and an enumeration of them names each one. "Nơi" is a place inspected or served,
#: named by its body ("những nơi được kiểm tra").
BODY_NOUNS = frozenset(fold_word(w) for w in ("sở", "ban", "ngành", "huyện", "xã", "quận", "phường", "đơn vị",
                                              "cơ quan", "địa phương", "tỉnh", "thành phố", "ubnd", "nơi"))
#: Body nouns that, alone before "nào", ask for every such body ("Huyện nào đối thoại?" wants them all). A generic
#: noun ("cơ quan nào", "đơn vị nào", "địa phương nào", "nhiệm vụ nào") may ask for one ("… quyền hạn của cơ quan
#: nào?", "Địa phương nào đứng đầu …?"): it asks for a list only where the question says so ("những cơ quan nào").
LIST_NOUNS = frozenset(fold_word(w) for w in ("sở", "ban", "ngành", "huyện", "xã", "quận", "phường", "tỉnh"))


@dataclass(frozen=True)
class ListTarget:
    """What a list question enumerates: the noun it names, as typed (``("sở",)``), or any members (``any_members``:
    "gồm những gì", "những ai"). Falsy for a question that enumerates nothing."""

    words: tuple[str, ...] = ()
    any_members: bool = False

    def __bool__(self) -> bool:
        return bool(self.words) or self.any_members

    @property
    def folded(self) -> str:
        """The noun folded ("co quan"); "" for any members.

        >>> ListTarget(("Cơ", "quan")).folded, ListTarget(any_members=True).folded
        ('co quan', '')
        """
        return " ".join(fold_word(w) for w in self.words)

    @property
    def names_bodies(self) -> bool:
        """The noun is one of administrative bodies (:data:`BODY_NOUNS`).

        >>> ListTarget(("sở",)).names_bodies, ListTarget(("nội", "dung")).names_bodies
        (True, False)
        """
        return self.folded in BODY_NOUNS

    @property
    def is_list_noun(self) -> bool:
        """Any members, or a noun that a list question enumerates (:data:`LIST_NOUNS`)."""
        return self.any_members or self.folded in LIST_NOUNS


#: Any members: "gồm những gì", "những ai".
ANY_MEMBERS = ListTarget(any_members=True)


# -- years -------------------------------------------------------------------------------------------------------
#: A year as documents and questions write it: 1950 (the oldest legal bases still cited) to 2049. Four digits
#: outside are document numbers ("Quyết định số 2071/QĐ-UBND") or a far horizon ("tầm nhìn đến năm 2050"), never the
#: period of a plan. A bare pattern (no group, no boundary): callers add their own.
YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
#: A year standing alone (not inside a longer number).
YEAR_WORD = re.compile(r"\b" + YEAR + r"\b")


__all__ = ["AnswerType", "ANSWER_TYPES", "SHAPED_TYPES", "shaped", "PassageRole", "MATTER_ROLES", "PASSAGE_ROLES",
           "IDENTITY_ROLES", "ANCHOR_ROLES", "HEADER_LINE_ROLES", "NAMING_ROLES", "BOILERPLATE_ROLES", "TYPE_ROLES",
           "HEADER_TYPES", "question_fold", "WHEN_PHRASES", "WHEN", "TIME_WORDS", "ASKS_TIME",
           "asks_when", "CLOCK_NOUNS", "TIME_QUESTION_PHRASES", "DAY_MONTH", "time_question_words",
           "DOCUMENT_TYPE_FORMS", "NUMBERED_DOCUMENT", "is_short_form", "document_type_code", "names_a_document",
           "BODY_NOUNS", "LIST_NOUNS", "ListTarget", "ANY_MEMBERS", "YEAR", "YEAR_WORD"]
