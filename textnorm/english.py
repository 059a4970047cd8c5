"""How an English page (a province portal's English post) writes the facts a question asks: dates, people, agencies,
counts, ranks, rates and sums of money, in English grammar. The Vietnamese patterns (:mod:`textnorm.patterns`) read
"ngày 10/12/2024" and "ông Hà Thanh Tùng"; an English page writes "December 10, 2024" and "Ha Thanh Tung".
"""

from __future__ import annotations

import re
from functools import lru_cache

from textnorm.cues import YEAR
from textnorm.patterns import DOCUMENT_REFERENCE
from textnorm.terms import is_english

#: The months as English writes them, full or abbreviated ("Dec.").
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?")
#: A date in English: "December 10, 2024", "10 December 2024", "August 2025", "October 6".
ENGLISH_DATE = re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?\b|\b\d{{1,2}}(?:st|nd|rd|th)? "
                          rf"{_MONTH},? \d{{4}}\b|\b{_MONTH},? \d{{4}}\b")
#: A day in English, with its month: "December 10", "10 December", "October 6th".
ENGLISH_DAY = re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}")
#: A capitalised English or unmarked Vietnamese word ("Trinh", "H'leo").
_CAPITALISED = r"[A-Z][a-z]+(?:['’][a-z]+)?"
#: Vietnamese family names as English pages write them, without marks (those of :data:`textnorm.patterns.FULL_NAME`).
_FAMILY = (r"(?:Nguyen|Tran|Le|Pham|Hoang|Huynh|Phan|Vu|Vo|Dang|Bui|Do|Ho|Ngo|Duong|Ly|Mai|Dinh|Trinh|Lam|Doan|"
           r"Luong|To|Ha|Cao|Chu|Chau|Ta|Quach|Luu|Thai|Truong|Dao|Lai|Kieu|Tong|Than|Trieu|Hua|La|Dam|Khuc|Nong)")
#: A person in English: after a title ("Ms. Trinh Thi Thao", "Mr Nguyen Van Hoi"), or a Vietnamese family name and
#: two or three more capitalised words ("Ha Thanh Tung"; a place has two words: "Dong Nai", "Cao Bang").
ENGLISH_PERSON = re.compile(rf"\b(?:Mr|Ms|Mrs|Dr)\.? {_CAPITALISED}(?: {_CAPITALISED}){{1,3}}\b|"
                            rf"\b{_FAMILY}(?: {_CAPITALISED}){{2,3}}\b")
#: A body named in English ("Department of Home Affairs", "Provincial People's Committee").
ENGLISH_AGENCY = re.compile(r"\b(?:Department|Ministry|People['’]s Committee|People['’]s Council|Office|"
                            r"Inspectorate|Steering Committee|Government)\b")
#: A count or amount: a number that is not a year, a date's part or a document number ("28 main targets",
#: "15,216 billion VND").
ENGLISH_NUMBER = re.compile(r"(?<![\d/.,-])\b(?!" + YEAR + r"\b)\d+(?:[.,]\d+)*\b(?![/-]\w)")
#: A rank: "ranked 28th", "28th out of 63", "12/63".
ENGLISH_RANK = re.compile(r"\branked\b|\b\d+(?:st|nd|rd|th)\b|\b\d+/\d+\b(?!/)", re.IGNORECASE)
#: A rate: "9 - 10%", "50 percent".
ENGLISH_RATE = re.compile(r"\d\s*%|\d\s+per\s*cent\b", re.IGNORECASE)
#: A sum of money: "15,216 billion VND", "46 - 47 million VND", "2 million dong".
ENGLISH_MONEY = re.compile(r"\d[\d.,]*\s*(?:thousand|million|billion|trillion)?\s*(?:VND|dong|USD)\b",
                           re.IGNORECASE)
#: A date of effect: "takes effect from", "effective from".
ENGLISH_EFFECT = re.compile(r"\b(?:takes? effect|effective)\b", re.IGNORECASE)


#: English endings dropped before a word of an English question is matched on an English page: the question and
#: the page inflect one word differently ("inspected" / "inspection", "heads" / "headed").
_ENGLISH_ENDINGS = ("ions", "ion", "ing", "ed", "es", "s")
#: A stem shorter than this is no word any more ("was" → "wa"): the word is matched whole.
_ENGLISH_STEM_MIN = 4


def english_stem(word: str) -> str:
    """A lower-case English word without its inflection (:data:`_ENGLISH_ENDINGS`).

    >>> english_stem("inspected"), english_stem("inspection"), english_stem("districts"), english_stem("was")
    ('inspect', 'inspect', 'district', 'was')
    """
    for ending in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _ENGLISH_STEM_MIN:
            return word[: -len(ending)]
    return word


#: The endings a word is looked up with after its stem when an index lacks it as typed: the inflections an English
#: page may write a question's word in ("strive": "strives", "strived").
_ENGLISH_INFLECTIONS = ("", "s", "es", "ed", "d", "ing", "ion", "ions", "e")


def english_forms(word: str) -> tuple[str, ...]:
    """The forms an English word may take on a page: its stem (:func:`english_stem`) with each inflection.

    >>> "strives" in english_forms("Strive"), "inspected" in english_forms("inspection")
    (True, True)
    """
    stem = english_stem(word.lower())
    return tuple(stem + ending for ending in _ENGLISH_INFLECTIONS)


@lru_cache(maxsize=4096)
def english_text(text: str) -> bool:
    """:func:`textnorm.terms.is_english`, kept for the passages an answer reads again and again.

    >>> english_text("The inspection must be completed before December 10, 2024 by the inspection team.")
    True
    """
    return is_english(text)


#: At most this many words between a count and the noun it counts: "28 main socio-economic targets".
ENGLISH_COUNT_GAP_WORDS = 3


def states_fact_in_english(text: str, kind: str, counted: frozenset = frozenset(), asked: tuple = ()) -> bool:
    """Whether an English ``text`` states a fact of ``kind`` (:class:`assistant.evidence.AskedFact` kinds), as
    English writes it; a kind without an English shape here is taken as stated. A count is a number before one of
    the ``counted`` words (the English of the noun counted, compared by stems), any number when none is known. A
    document's identity is its number or its date, whichever is ``asked`` ("number", "issue_date"; both when empty).

    >>> states_fact_in_english("headed by Ms. Trinh Thi Thao, Deputy Director of the Department.", "role")
    True
    >>> states_fact_in_english("The inspection team of Cao Bang province was set up.", "role")
    False
    >>> states_fact_in_english("including 28 main socio-economic targets", "count")
    True
    >>> states_fact_in_english("Plan No. 26/KH-UBND dated August 1, 2025", "identity")
    True
    >>> states_fact_in_english("The plan was announced on August 1, 2025", "identity", asked=("number",))
    False
    >>> states_fact_in_english("ranked 28th out of 63 provinces", "rank"), states_fact_in_english("in 2024", "count")
    (True, False)
    >>> team = frozenset({"inspection", "team", "delegation"})
    >>> states_fact_in_english("The team, consisting of 5 members, was set up.", "count", team)
    False
    >>> states_fact_in_english("The province set up 3 inspection teams.", "count", team)
    True
    """
    if kind == "count" and counted:
        stems = {english_stem(w) for w in counted}
        words = [w.lower() for w in re.findall(r"[\w%]+", ENGLISH_DATE.sub(" ", text))]
        return any(ENGLISH_NUMBER.fullmatch(w) and any(english_stem(v) in stems
                                                       for v in words[i + 1: i + 2 + ENGLISH_COUNT_GAP_WORDS])
                   for i, w in enumerate(words))
    shapes = {"signer": ENGLISH_PERSON, "post": ENGLISH_PERSON, "role": ENGLISH_PERSON, "effect": ENGLISH_EFFECT,
              "rank": ENGLISH_RANK, "rate": ENGLISH_RATE, "money": ENGLISH_MONEY, "count": ENGLISH_NUMBER}
    if kind == "identity":
        return bool(("number" in asked or not asked) and DOCUMENT_REFERENCE.search(text)
                    or ("issue_date" in asked or not asked) and ENGLISH_DATE.search(text))
    shape = shapes.get(kind)
    return shape is None or bool(shape.search(text))


__all__ = ["ENGLISH_AGENCY", "ENGLISH_DATE", "ENGLISH_DAY", "ENGLISH_MONEY", "ENGLISH_NUMBER", "ENGLISH_PERSON",
           "ENGLISH_RANK", "ENGLISH_RATE", "english_forms", "english_stem", "english_text", "states_fact_in_english"]
