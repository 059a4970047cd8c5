"""What kind of answer a question asks for, read from its question words (general Vietnamese grammar, no topic).

The answer types are the shapes of facts in official documents: who signed, a document's number, its date of
issue, the document it rests on, a time, an amount, an agency, a list, a place, or content in general. A question
may ask for several ("số mấy, ban hành ngày nào?"). Patterns are matched on the accent-folded question, so they hold
for questions typed without diacritics.
"""

from __future__ import annotations

import re

from textnorm import fold_accents, fold_word, syllables
from textnorm.cues import (
    ANSWER_TYPES,
    ANY_MEMBERS,
    ASKS_TIME,
    ListTarget,
    names_a_document,
    question_fold,
)
from textnorm.cues import AnswerType as T
from textnorm.kinds import DocumentKind
from textnorm.patterns import POST_NAMES
from textnorm.terms import english_answer_types, is_english_question, is_stopword

_F = re.IGNORECASE
#: The kinds a question says were issued ("ban hành kế hoạch …"): the administrative documents a body issues and the
#: abbreviations officials type ("ban hành KH …").
ISSUED_DOCUMENT_KINDS = tuple(fold_accents(k).lower() for k in (
    DocumentKind.PLAN, DocumentKind.DECISION, DocumentKind.RULES, DocumentKind.REGULATION, DocumentKind.DIRECTIVE,
    DocumentKind.RESOLUTION, DocumentKind.NOTICE, DocumentKind.LETTER, DocumentKind.GUIDANCE, DocumentKind.PROGRAMME,
    DocumentKind.SCHEME, DocumentKind.CONCLUSION)) + ("kh", "qd", "nq")
#: "ban hành <a kind of document, however long its name> ngày nào" ending the question: the issuing is the verb of
#: the whole question, so the day asked is the document's date of issue ("Tỉnh X ban hành kế hoạch thực hiện chương
#: trình hành động của Tỉnh ủy về … giai đoạn 2011-2015 ngày nào?"), read from its place-and-date line, not a time in
#: its lines (session 26, F26: freshdocs11 V15, V61). Matched on the folded question, and only for a question that
#: names no document by number: one that does ("Kế hoạch số 116 thực hiện Nghị quyết 18-NQ/TW", "Chỉ thị 06/CT-UBND
#: … Nghị quyết về chuyển đổi số") is often answered on a page citing it, whose date is a line's time (freshdocs10 T33
#: refused, freshq12 Q029 led by the wrong header without that condition).
ISSUED_DOCUMENT_WHEN = re.compile(r"\bban hanh (?:" + "|".join(ISSUED_DOCUMENT_KINDS) + r")\b.*\b(?:ngay nao|ngay may)"
                                  r"\W*$")


#: Each answer type and the folded question words that ask for it.
_TYPE_PATTERNS: tuple[tuple[T, re.Pattern], ...] = (
    (T.SIGNER, re.compile(r"\b(ai|nguoi nao|chuc vu (gi|nao)) (da )?(ky|ki)\b|\bnguoi ky\b|\bky boi\b|"
                          r"\bdo ai ky\b|\bai la nguoi ky\b|"
                          # the post or the person signing asked with "nào": "Phó Chủ tịch nào ký", "ông nào đã ký"
                          r"\b(" + "|".join(POST_NAMES) + r"|ong|ba|lanh dao|dong chi) nao (da )?(ky|ki)\b", _F)),
    # "số hiệu" asks a document's number; "chỉ số hiệu quả" (an efficiency index, PAPI) folds to the same words
    (T.NUMBER, re.compile(r"\bso (may|bao nhieu|hieu(?! qua\b)|ky hieu)\b|\bky hieu\b|\bso hieu\b(?! qua\b)|"
                          r"\b(van ban|quyet dinh|ke hoach|chi thi) so (may|nao)\b", _F)),
    # "đăng ký trước ngày nào" (to register) is no signing: a deadline, a time
    # a resolution is "thông qua" (adopted) on its date: "Nghị quyết … được thông qua ngày nào"
    (T.ISSUE_DATE, re.compile(r"\b(ban hanh|(?<!dang )ky|phe duyet|thong qua)\s*(vao|vao ngay|ngay|luc)?\s*"
                              r"(nao|khi nao|bao gio|ngay nao|ngay may|hom nao|thoi gian nao)\b|"
                              r"\bngay ban hanh\b|\bngay ky\b|"
                              r"\b(ban hanh|(?<!dang )ky)( \w+){1,3}? (ngay nao|ngay may|khi nao|bao gio)\b", _F)),
    (T.BASIS, re.compile(r"(?<!lam )\bcan cu\b[^?]*\b(nao|gi|so may)\b|"
                         r"\b(theo|thuc hien|trien khai|kem theo|kem|tai|thay the boi|thanh lap theo|"
                         r"ban hanh theo|de thuc hien) (van ban|quyet dinh|qd|ke hoach|kh|nghi quyet|nq|chi thi|ct|"
                         r"nghi dinh|nd|thong tu|tt|to trinh|ttr|cong van|luat)\s*(so)?\s*(nao|may|gi)\b|"
                         r"\b(quyet dinh|qd|van ban|ke hoach|nghi quyet|nq|chi thi|to trinh) nao\b|"
                         r"\b(to trinh|cong van|nghi quyet|nghi dinh|thong tu) so (may|nao)\b|"
                         r"\bde nghi cua (ai|co quan nao|don vi nao|so nao)\b", _F)),
    (T.TIME, ASKS_TIME),
    (T.AMOUNT, re.compile(r"(?<!so )\bbao nhieu\b|(?<!so )(?<!thang )(?<!ngay )(?<!quy )(?<!nam )(?<!luc )\bmay\b|"
                          r"\bty le\b|\bphan tram\b|%|\bchi tieu\b", _F)),
    (T.AGENT, re.compile(r"^ai\b|\bai (chu tri|phu trach|thuc hien|tham muu|chiu trach nhiem|lam|duoc giao|"
                         r"xay dung|to chuc|theo doi|kiem tra|trinh|de xuat|phoi hop)\b|\b(co quan|don vi|so|ban) nao "
                         r"(chu tri|phu trach|tham muu|chiu trach nhiem|thuc hien|duoc giao|lam|la dau moi)\b|"
                         r"\b(chu tri|dau moi|phu trach|tham muu) (la )?(ai|co quan nao|don vi nao)\b|"
                         r"\b(co quan|don vi|so|ban) nao (de nghi|trinh|tham gia)\b", _F)),
    (T.LIST, re.compile(r"\bnhung \w+( \w+)? nao\b|\bcac \w+( \w+)? nao\b|\bgom (nhung )?(ai|gi|nao|cac|nhung)\b|"
                        r"\bbao gom\b|\bnhung (gi|ai|noi dung|nhiem vu)\b|\bnhung\b.*\bnao\b|\bliet ke\b", _F)),
    (T.PERSON, re.compile(r"\bai la\b|\bla ai\b|\bho (va )?ten\b|\bten (la )?gi\b|\bnguoi nao\b", _F)),
    (T.PLACE, re.compile(r"\bo dau\b|\btai dau\b|\bdia diem\b|\bnoi nao\b|\bdia chi\b", _F)),
)
#: Words before "nào" that ask for a time or an amount, not for members of a list.
_NOT_TARGET = frozenset({"khi", "luc", "bao", "nam", "thang", "ngay", "quy", "thoi", "gian", "gio", "the", "cu",
                         "doan", "ky"})


def answer_types(question: str) -> tuple[T, ...]:
    """The answer types a question asks for, in :data:`ANSWER_TYPES` order; ``(AnswerType.CONTENT,)`` when none.

    >>> answer_types("Ai ký quyết định ban hành kế hoạch?"), answer_types("Phó Chủ tịch nào đã ký quyết định?")
    (('signer',), ('signer',))
    >>> answer_types("Kế hoạch CCHC năm 2014 là văn bản số mấy, ban hành ngày nào?")
    ('number', 'issue_date')
    >>> answer_types("Nghị quyết 15/2020/NQ-HĐND được thông qua ngày nào?")
    ('issue_date',)
    >>> answer_types("kh nay can cu quyet dinh nao"), answer_types("Sở nào chủ trì tham mưu?")
    (('basis',), ('agent',))
    >>> answer_types("Những sở nào được kiểm tra trong quý III?"), answer_types("Mục tiêu chung là gì?")
    (('list',), ('content',))
    >>> answer_types("Chỉ số hiệu quả quản trị của tỉnh đạt bao nhiêu điểm?"), answer_types("Số hiệu kế hoạch là gì?")
    (('amount',), ('number',))
    >>> answer_types("How many points did Dak Lak province reach in 2023?"), answer_types("Who headed the team?")
    (('amount',), ('person',))
    """
    if is_english_question(question):  # English question words, not Vietnamese ones folded ("who" is no "ai")
        return tuple(T(t) for t in english_answer_types(question)) or (T.CONTENT,)
    folded = question_fold(question)
    found = [name for name, pattern in _TYPE_PATTERNS if pattern.search(folded)]
    found = _one_reading(found, folded, question)
    if not found and list_target(question).is_list_noun:
        found.append(T.LIST)  # "Huyện nào tổ chức đối thoại?" asks for every such body
    return tuple(t for t in ANSWER_TYPES if t in found) or (T.CONTENT,)


def _one_reading(found: list[T], folded: str, question: str) -> list[T]:
    """The answer types matched, with the readings that one phrase allows only once resolved."""
    if T.TIME in found and ({T.NUMBER, T.BASIS} & set(found)) and re.search(r"\bngay (nao|may)\b", folded):
        found = [t for t in found if t != T.TIME] + [T.ISSUE_DATE]  # "quyết định số mấy, ngày nào": its date
    if T.TIME in found and T.ISSUE_DATE not in found and ISSUED_DOCUMENT_WHEN.search(folded) and not (
            names_a_document(question)):
        found = [t for t in found if t != T.TIME] + [T.ISSUE_DATE]  # "ban hành kế hoạch … ngày nào": its date
    if T.ISSUE_DATE in found and T.TIME in found:
        found.remove(T.TIME)  # "ban hành ngày nào" asks for the date of issue, not a time in the plan
    if T.SIGNER in found:
        found = [t for t in found if t not in (T.AGENT, T.PERSON)]
    if T.NUMBER in found and T.AMOUNT in found:
        found.remove(T.AMOUNT)  # "số mấy" is a document number
    if T.BASIS in found and T.NUMBER in found and not re.search(r"\bso (may|hieu)\b", folded):
        found.remove(T.NUMBER)
    if (T.LIST in found and T.AGENT in found) or (T.LIST in found and T.TIME in found and
                                                  re.search(r"\b(thoi gian|ngay|thang|quy) nao\b", folded)):
        found.remove(T.LIST)  # "cơ quan nào chủ trì", "thời gian nào" ask for one thing
    if T.NUMBER in found and names_a_document(question):
        # the question already names its document by number ("QĐ 119 … kèm QĐ số mấy"): it asks for another one
        found = [t for t in found if t != T.NUMBER] + ([T.BASIS] if T.BASIS not in found else [])
    return found


#: Words that, inside a phrase asking for an answer type, only ask ("số mấy", "ban hành ngày nào", "ai ký"); nouns of
#: the phrase ("tờ trình", "quyết định") stay topic words.
_TYPE_ONLY_WORDS = {
    T.NUMBER: {"so", "may", "hieu", "ky", "bao", "nhieu", "nao"},
    T.ISSUE_DATE: {"ban", "hanh", "ngay", "nao", "may", "khi", "bao", "gio", "ky", "ki", "vao", "luc", "phe", "duyet"},
    T.SIGNER: {"ai", "ky", "ki", "nguoi", "boi", "do", "nao", "da", "la"},
    T.BASIS: {"can", "cu", "nao", "gi", "may", "so"},
}


def answer_type_words(question: str) -> set[str]:
    """Words (lower case, as typed) that only say what kind of answer is wanted: not the question's topic.

    >>> sorted(answer_type_words("Sở Nội vụ trình tại tờ trình số mấy, ban hành ngày nào?"))
    ['ban', 'hành', 'mấy', 'ngày', 'nào', 'số']
    """
    words = syllables(question)
    folded = question_fold(question)
    out: set[str] = set()
    for name, pattern in _TYPE_PATTERNS:
        removable = _TYPE_ONLY_WORDS.get(name)
        if removable:
            out |= _matched_words(pattern, folded, words, removable)
    return out


def _matched_words(pattern: re.Pattern, folded: str, words: list[str], only: set[str]) -> set[str]:
    """The words as typed under each match of ``pattern`` on the folded question that are in ``only``."""
    out: set[str] = set()
    for m in pattern.finditer(folded):
        first = folded[: m.start()].count(" ") if m.start() else 0
        for i, w in enumerate(m.group(0).split()):
            if w in only and first + i < len(words):
                out.add(words[first + i])
    return out


def amount_measure(question: str) -> list[str]:
    """What an amount question counts, folded: the words after "bao nhiêu" / "mấy" ("tỷ đồng", "xã"), or "%"
    for a rate; empty when it does not say.

    >>> amount_measure("Huyện có bao nhiêu xã, thị trấn?"), amount_measure("đạt tỷ lệ bao nhiêu?")
    (['xa'], ['%'])
    >>> amount_measure("phân bổ bao nhiêu tỷ đồng kinh phí")
    ['ty', 'dong']
    """
    for clause in re.split(r"[,.;:?!]", question):
        found = _clause_measure(syllables(clause))
        if found:
            return found
    folded = fold_accents(question)
    return ["%"] if "ty le" in folded or "phan tram" in folded else []


def _clause_measure(words: list[str]) -> list[str]:
    folded = [fold_word(w) for w in words]
    for i, w in enumerate(folded):
        start = i + 2 if w == "bao" and folded[i + 1: i + 2] == ["nhieu"] else (i + 1 if w == "may" else None)
        if start is None or (w == "may" and i > 0 and folded[i - 1] in ("so", "thang", "ngay", "quy", "nam")):
            continue
        after = [f for f, word in zip(folded[start:start + 2], words[start:start + 2]) if not is_stopword(word)]
        if after:
            return ["%"] if after == ["phan", "tram"] else after
    return []


def list_target(question: str) -> ListTarget:
    """The noun a list question asks for ("những sở nào" → ("sở",)), lower case; any members for "gồm những gì";
    falsy for other questions.

    >>> list_target("Những sở nào được kiểm tra?").words, list_target("Cơ quan nào chủ trì?").words
    (('sở',), ('cơ', 'quan'))
    >>> bool(list_target("Khi nào?")), list_target("Đoàn kiểm tra gồm những ai?") == ANY_MEMBERS
    (False, True)
    """
    words = syllables(question)
    folded = [fold_word(w) for w in words]
    for i, w in enumerate(folded):
        before = words[i - 1] if i > 0 else ""
        if (w == "nao" and before and not before.isdigit() and not is_stopword(before)
                and folded[i - 1] not in _NOT_TARGET):
            j = i - 1
            while j > 0 and i - j < 2 and not is_stopword(words[j - 1]) and not words[j - 1].isdigit():
                j -= 1
            return ListTarget(tuple(words[j:i]))
    if "gom" in folded or ("nhung" in folded and ("ai" in folded or "gi" in folded)):
        return ANY_MEMBERS
    return ListTarget()


__all__ = ["ANSWER_TYPES", "amount_measure", "answer_types", "answer_type_words", "list_target", "question_fold",
           "ListTarget"]
