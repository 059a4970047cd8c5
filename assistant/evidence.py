"""Is the fact a question asks for in what the answer would quote? Absent, the best passage is not evidence.

A question may ask for a fact of a definite shape: who signed ("ai ký"), a count of something ("bao nhiêu cán bộ",
"mấy xã"), a rate ("tỷ lệ bao nhiêu"), a sum of money ("mức lương … là bao nhiêu", "bao nhiêu tỷ đồng"), the person
heading a body ("Ai là Giám đốc Sở Nội vụ…?") or holding a role ("do ai làm Trưởng đoàn"), a grade or rank ("được
xếp loại gì", "xếp thứ mấy"), a document's number or date of issue ("số mấy", "ký ngày nào"), or when a legal text
takes effect ("có hiệu lực từ ngày nào"). Such a fact is stated in a shape too: a name (not a place read like one:
"Hà Giang") with the act of signing or the post signed under (a signature block, a portal's "Người ký" cell, "… vừa
ký ban hành"), a number — in figures or in words ("một lần") — next to the noun counted (the whole word: "công
chức", not "công tác"), a number with "%", a number with its currency, a person's name beside the post (for a role,
a designation such as "Lãnh đạo Sở Nội vụ" too), a grade word after "xếp loại" or a place after "thứ", a document
number or a date, "có hiệu lực từ / sau …". When none of the units an answer would quote (the best scored, in the
question's scope, not naming other provinces only; for a document's own number, date and signer, any line of the
documents asked about) states it, the documents talk about the topic but do not hold the answer: the question is
refused instead of quoting the nearest line. So is a question about a numbered sitting or round ("phiên họp thứ
tám") when those units number it otherwise only (:func:`ordinal_conflict`). And "khi nào" is answered by the case a
rule applies in as well as by a date (:func:`answers_when_by_condition`).

Questions of other shapes (content, lists, times, documents cited…) ask nothing this module checks.

>>> asked_fact("Sở Tư pháp tỉnh Hậu Giang có bao nhiêu cán bộ, công chức?")
AskedFact(kind='count', words=('can bo',))
>>> states_fact("Sở Y tế có 05 cán bộ được cử đi học.", asked_fact("Sở Y tế có bao nhiêu cán bộ?"))
True
>>> states_fact("Sở Y tế quản lý đội ngũ cán bộ, công chức.", asked_fact("Sở Y tế có bao nhiêu cán bộ?"))
False
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from retriever.features import DocumentPlace, asked_provinces, document_place, mentions_province
from retriever.intent import question_fold
from retriever.query import english_words_of, resolve_named_documents
from retriever.years import (
    COVERS,
    OTHER_YEARS,
    YearCover,
    cites_any,
    document_year_table,
    document_years_of,
    result_year_cover,
    year_cover,
)
from textnorm import fold_accents, has_diacritics, syllables, word_segments
from textnorm.cues import CLOCK_NOUNS, AnswerType, PassageRole
from textnorm.english import english_text, states_fact_in_english
from textnorm.gazetteer import (
    APOSTROPHES,
    canonical_province,
    find_provinces,
    place_mentions,
    province_key,
    province_of_place,
    settled_provinces,
)
from textnorm.letters import CAPITALISED_WORD, UPPER_LETTER
from textnorm.patterns import (
    AGENCY,
    CONDITION,
    DOCUMENT_REFERENCE,
    FULL_NAME,
    NUMBER_WITH_YEAR,
    POST_NAMES,
    SIGNER_FIELD,
    TITLED_PERSON,
    number_words_as_digits,
    writes_number,
)
from textnorm.terms import is_stopword

#: The units an answer would quote: the best this many by score (the direct answer, the supporting quotes of
#: ``GroundedConfig.max_support_units`` and one more); the fact must be in one of them.
FACT_TOP_UNITS = 5
#: Facts of a document itself (its number and date, its signer): a line stating them speaks for its whole document
#: (the scorer gives it its document's best coverage) wherever it ranks, so every line in the pool is read; one counts
#: when it carries at least this share of the best coverage, as a year must (``AbstentionRule.year_coverage_share``):
#: the date line of a document the question is not about is no answer.
DOCUMENT_FACTS = frozenset({"identity", "signer"})
#: The share of the best coverage a line stating a document's own fact must carry (the year test's share).
DOCUMENT_FACT_COVERAGE_SHARE = 0.75
#: Words a count is read between: "05 cán bộ", "04 thủ tục hành chính", "15 cơ quan được phân công"; up to this many
#: words may stand between the number and the noun ("08 huyện", "12 đơn vị hành chính cấp xã").
COUNT_GAP_WORDS = 2
#: … or, the noun first, the number this many words after it ("số cán bộ được kiểm tra là 120").
COUNT_AFTER_WORDS = 4
#: … or the things counted named one by one after their noun, at least this many ("các xã Bình Trị, Bình Lãnh, Bình
#: Quý"): two could be a pair named in passing, three make a list the user can count.
MIN_NAMED_ITEMS = 3
#: Folded words before "mấy" / "bao nhiêu" that make them ask for an ordinal, a date or a document's number, not a
#: count ("thứ mấy", "lần thứ mấy", "ngày mấy", "số mấy").
_NOT_COUNT_BEFORE = frozenset({"thu", "so", "ngay", "thang", "quy", "nam", "luc", "gio", "doan", "khoa"})
#: A question asking for a rate.
_ASKS_RATE = re.compile(r"\bty le\b[^?]*\b(bao nhieu|may)\b|\b(bao nhieu|may) phan tram\b")
#: A rate stated: "30%", "đạt 95,5 phần trăm".
_STATES_RATE = re.compile(r"\d\s*%|\d[\d.,]*\s+phan tram\b")
#: A question asking for a grade or a rank ("xếp loại gì", "được xếp hạng thứ mấy", "đứng thứ mấy", "đạt loại gì").
_ASKS_RANK = re.compile(r"\bxep (loai|hang)\b[^?]*\b(gi|nao|may|bao nhieu)\b|"
                        r"\b(xep|dung|dat) (thu|hang|loai) (may|gi|nao|bao nhieu)\b")
#: Grades of an assessment (the administrative vocabulary of "xếp loại"), folded.
_GRADES = r"(xuat sac|tot|kha|trung binh|yeu|kem|hoan thanh|chua hoan thanh|dat|khong dat)"
#: A grade or a rank stated: "xếp loại Tốt", "30 đơn vị xếp hạng Tốt", "đạt loại Khá", "xếp thứ 12/63", "đứng thứ 3",
#: "hạng 5", "vị trí thứ 2".
_STATES_RANK = re.compile(r"\b(xep loai|xep hang|dat loai|loai)\s+(\w+\s+){0,3}?" + _GRADES + r"\b|"
                          r"\b(xep|dung|vi tri|dat|hang)\s+(thu\s+)?\d+|\bthu\s+\d+\s*/\s*\d+")
#: A question asking how much ("bao nhiêu", "mấy"; folded "may" is also "máy", a machine, so typed without
#: diacritics only "bao nhieu" counts).
#: "số mấy" asks a document's number and "thứ mấy" a rank, never how much ("Quyết định về vốn đầu tư … theo tờ trình số
#: mấy?" asks the tờ trình's number).
_ASKS_HOW_MUCH = re.compile(r"\b(?:bao nhiêu|(?<!số )(?<!thứ )mấy)\b")
#: Sums of money as the administrative vocabulary names them (a salary, an allowance, a fee, a budget, funds), in
#: lower case with diacritics: folded, "lương" is "lượng" and "tiền" is "tiến".
#: "tiền" and "đồng" alone are no sum ("Tiền Giang", "Đồng Nai"): only with the words that make them one.
_MONEY_NOUNS = re.compile(r"\b(?:lương|phụ cấp|trợ cấp|lệ phí|phí|kinh phí|chi phí|học phí|số tiền|tiền lương|"
                          r"tiền thưởng|tiền phạt|ngân sách|vốn|thu nhập|mức thu|mức phạt|mức hỗ trợ|"
                          r"(?:bao nhiêu|mấy) (?:tiền|(?:tỷ |triệu |nghìn |ngàn )?đồng))\b")
#: The same typed without diacritics: only the forms no other common word folds to.
_MONEY_NOUNS_FOLDED = re.compile(r"\b(?:muc luong|tien luong|luong co so|luong toi thieu|phu cap|tro cap|le phi|"
                                 r"kinh phi|chi phi|hoc phi|ngan sach|bao nhieu tien|bao nhieu dong|ty dong|"
                                 r"trieu dong)\b")
#: A sum of money stated, folded: a number with its currency or its scale ("1.800.000 đồng", "2,34 triệu", "15 tỷ",
#: "500 nghìn", "VNĐ"); "đồng chí" is a comrade, not a currency.
_STATES_MONEY = re.compile(r"\b\d+ (?:dong(?! chi\b)|d\b|vnd|trieu|ty(?! le\b)|nghin|ngan|usd)\b")
#: A question asking a clock time, folded: "từ mấy giờ đến mấy giờ", "lúc mấy giờ" (as :func:`_counted_noun` reads
#: "mấy giờ"); "trong mấy giờ", "bao nhiêu giờ" ask a duration, and "khung giờ nào" a frame words may answer
#: ("trong giờ hành chính").
_ASKS_HOUR = re.compile(r"(?<!\btrong )\bmay (?:" + "|".join(sorted(CLOCK_NOUNS)) + r")\b")
#: A clock time stated, on folded text: "7 giờ 30", "14 giờ", "7h30", "13h", "7g30", "8 a.m.".
_STATES_HOUR = re.compile(r"\b\d{1,2} gio\b|\b\d{1,2}h(?:\d{2})?\b|\b\d{1,2}g\d{2}\b|\b\d{1,2}(?: \d{2})? [ap] m\b")
#: A clock time with a colon, on the text as written ("13:30"): the folded words :func:`states_fact` reads drop it.
_CLOCK_WRITTEN = re.compile(r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b")
#: A question asking when in the sense of "in which case" as well as "at what date".
_ASKS_WHICH_CASE = re.compile(r"\bkhi nao\b")
#: A question asking who (a person, by name): "ai", "người nào", "họ tên", "tên là gì".
_ASKS_WHO = re.compile(r"\bai\b|\bnguoi nao\b|\bho (va )?ten\b|\bten (la )?gi\b")
#: A body named right after a post ("giám đốc sở nội vụ", "chủ tịch ubnd tỉnh"), folded: the question asks for the
#: person heading that body, whom only a name answers; a post in a team ("trưởng đoàn", "tổ trưởng") may be
#: answered by a designation ("Trưởng đoàn: Lãnh đạo Sở Nội vụ").
_BODY_AFTER_POST = re.compile(r"\s*(?:so|ubnd|uy ban|bo|cuc|chi cuc|vu|van phong|ban|phong|thanh tra|tong cuc|"
                              r"hoi dong|trung tam|tinh|thanh pho|huyen)\b")
#: A name on a line of its own, as a signature block writes it under the post ("Lâm Minh Thành", "NGUYỄN VĂN A").
_NAME_LINE = re.compile(r"^[ \t]*(" + CAPITALISED_WORD + r"(?: +" + CAPITALISED_WORD + r"){1,4}|"
                        + UPPER_LETTER + r"{1,7}(?: " + UPPER_LETTER + r"{1,7}){1,4})[ \t]*$", re.MULTILINE)
#: Folded lines of a signature block that are not a name: the body signed for and the marks before the post.
_NOT_NAME_LINE = re.compile(r"\b(?:uy ban|ubnd|nhan dan|tm|kt|tl|tuq|da ky)\b")
#: Folded words that make a name the signer's: the act of signing, the portal's field, the post signed under.
_SIGNING = re.compile(r"\bky\b|\bnguoi ky\b|\b(?:" + "|".join(POST_NAMES) + r")\b")
#: Answer types asking for a document's identity: its number ("số mấy") or its date of issue ("ký ngày nào").
IDENTITY_TYPES = ("number", "issue_date")
#: A date stated, on folded text: "13/4/2018", "05-6-2019", "ngày 22 tháng 8 năm 2023", "ngày 13 4".
_STATES_DATE = re.compile(r"\b\d{1,2} \d{1,2} \d{4}\b|\bngay \d{1,2} (?:thang )?\d{1,2}\b")
#: A question asking when a legal text takes effect ("có hiệu lực từ ngày nào", "hiệu lực thi hành khi nào").
_ASKS_EFFECT = re.compile(r"\bhieu luc\b.*\b(?:khi nao|ngay nao|bao gio|sau bao lau|thoi diem nao|luc nao)\b")
#: Its answer as legal texts state it: "có hiệu lực (thi hành) (kể) từ ngày …", "có hiệu lực sau 10 ngày kể từ ngày
#: ký", a portal's "Ngày có hiệu lực 22/08/2023" (folded); also as scraped legal texts write it, a space lost between
#: two of its syllables ("Quyết định này cóhiệu lực thi hành kể từ ngày 01/04/2004", "có hiệu lực thihành sau 10
#: ngày": session 26, F26, two Gia Lai decisions refused for want of it).
_STATES_EFFECT = re.compile(r"(?:\b|\bco)hieu ?luc(?: thi ?hanh)? ?(?:ke ?tu|tu|sau|ngay|ke)\b"
                            r"|\bngay (?:co )?hieu luc \d")
#: A numbered event, folded: "phiên họp thứ 8", "kỳ họp thứ 6", "hội nghị lần thứ 3", "đại hội lần thứ XV", "đợt thứ 2"
#: (the administrative vocabulary of sittings and rounds).
_ORDINAL = re.compile(r"\b(?P<noun>phien hop|ky hop|hoi nghi|dai hoi|dot|lan)(?: lan)? thu (?P<n>\d+|[ivxl]+)\b")
#: "thứ năm" (fifth), which :func:`textnorm.patterns.number_words_as_digits` leaves alone ("năm" is also a year).
_FIFTH = re.compile(r"\bthứ năm\b", re.IGNORECASE)
#: What each kind of fact is called in a refusal.
FACT_NAMES = {"effect": "ngày có hiệu lực", "identity": "số hiệu, ngày ban hành", "signer": "người ký",
              "count": "số lượng", "rate": "tỷ lệ", "post": "tên người giữ chức vụ",
              "role": "người giữ vị trí", "rank": "kết quả xếp loại, xếp hạng",
              "money": "số tiền", "hour": "giờ"}


@dataclass(frozen=True)
class AskedFact:
    """The shape of fact a question asks for: ``kind`` ("count", "rate", "post", "rank"; "" for none) and the
    folded words it is about (the noun counted, the post named)."""

    kind: str = ""
    words: tuple[str, ...] = ()


def asked_fact(question: str, answer_types: tuple[str, ...] = ()) -> AskedFact:
    """The fact a question asks for, read on its folded words (typed with or without diacritics).

    >>> asked_fact("Ai là Giám đốc Sở Tư pháp tỉnh Nam Định năm 2020?")
    AskedFact(kind='post', words=('giam', 'doc'))
    >>> asked_fact("Kết quả kiểm tra năm 2019 của huyện Tân Hiệp được xếp loại gì?").kind
    'rank'
    >>> asked_fact("Bắc Ninh đứng thứ mấy cả nước về chỉ số hài lòng năm 2022?").kind
    'rank'
    >>> asked_fact("nghi quyet dai hoi lan thu may"), asked_fact("Ai ký kế hoạch?", ("signer",))
    (AskedFact(kind='', words=()), AskedFact(kind='signer', words=()))
    >>> asked_fact("Theo quyết định số mấy?", ("number", "basis")).words
    ('number', 'basis')
    """
    folded = question_fold(question)
    if "signer" in answer_types:
        return AskedFact("signer")
    if _ASKS_EFFECT.search(folded):
        return AskedFact("effect")
    identity = tuple(t for t in answer_types if t in IDENTITY_TYPES)
    if identity:
        return AskedFact("identity", identity + ((AnswerType.BASIS,) if AnswerType.BASIS in answer_types else ()))
    if _ASKS_RANK.search(folded):
        return AskedFact("rank")
    if _ASKS_RATE.search(folded):
        return AskedFact("rate")
    if _asks_money(question, folded):
        return AskedFact("money")
    if _ASKS_HOUR.search(folded):
        return AskedFact("hour")
    post, heads_body = _post_asked(folded) if "signer" not in answer_types else ("", False)
    if post:
        return AskedFact("post" if heads_body else "role", tuple(post.split()))
    noun = _counted_noun(question)
    return AskedFact("count", (noun,)) if noun else AskedFact()


def _asks_money(question: str, folded: str) -> bool:
    """Whether a question asks how much money: "bao nhiêu" / "mấy" with a sum's name (a salary, a fee, funds) or a
    currency ("bao nhiêu tỷ đồng").

    >>> _asks_money("Học phí năm học mới là bao nhiêu?", "hoc phi nam hoc moi la bao nhieu")
    True
    >>> _asks_money("Số lượng hồ sơ là bao nhiêu?", "so luong ho so la bao nhieu")
    False
    >>> _asks_money("Tỉnh Đồng Nai xếp thứ mấy?", "tinh dong nai xep thu may")
    False
    >>> _asks_money("Giao vốn theo tờ trình số mấy?", "giao von theo to trinh so may")
    False
    """
    if has_diacritics(question):
        lower = question.lower()
        return bool(_ASKS_HOW_MUCH.search(lower)) and bool(_MONEY_NOUNS.search(lower))
    return "bao nhieu" in folded and bool(_MONEY_NOUNS_FOLDED.search(folded))


def answers_when_by_condition(question: str, text: str) -> bool:
    """Whether ``text`` answers a "khi nào" question by the case it applies in ("Trường hợp xét thấy cần thiết …, Chủ
    tịch triệu tập phiên họp bất thường"): "khi nào" asks in which case as well as at what date; "ngày nào",
    "bao giờ", "tháng mấy" ask for a date only.

    >>> answers_when_by_condition("Khi nào Chủ tịch xã triệu tập họp bất thường?",
    ...                           "Trường hợp cần thiết, Chủ tịch xã triệu tập phiên họp bất thường.")
    True
    >>> answers_when_by_condition("Ngày nào họp?", "Trường hợp cần thiết, Chủ tịch xã triệu tập phiên họp.")
    False
    """
    return bool(_ASKS_WHICH_CASE.search(question_fold(question))) and bool(CONDITION.search(text))


def _post_asked(folded: str) -> tuple[str, bool]:
    """The post a "who" question asks the holder of ("ai là giám đốc sở…", "chủ tịch … là ai", "do ai làm trưởng
    đoàn" → "giam doc", "chu tich", "truong doan"), and whether the question names the body it heads ("Giám đốc
    Sở Nội vụ"); ("", False) when "ai" asks about something else ("Chủ tịch UBND tỉnh yêu cầu những ai …").

    >>> _post_asked("ai la giam doc so noi vu ha noi"), _post_asked("do ai lam truong doan kiem tra")
    (('giam doc', True), ('truong doan', False))
    >>> _post_asked("chu tich ubnd tinh yeu cau nhung ai trien khai")
    ('', False)
    """
    for post in POST_NAMES:  # longer posts first: "phó giám đốc" before "giám đốc"
        asked = re.search(rf"\b(?:ai|nguoi nao) (?:la|lam|giu chuc|giu|dam nhiem|dam nhan) {post}\b(?P<after>.*)",
                          folded) or re.search(rf"\b{post}\b(?P<after>(?: \w+){{0,8}}) (?:la|ten la) ai\b", folded)
        if asked:
            return post, bool(_BODY_AFTER_POST.match(asked.group("after")))
    return "", False


def _counted_noun(question: str) -> str:
    """The folded first word of the noun a count question counts, written right after "bao nhiêu" / "mấy"
    ("bao nhiêu cán bộ" → "can"); "" when the question word stands before no noun or asks for an ordinal.

    >>> _counted_noun("gửi mấy bộ báo cáo"), _counted_noun("xếp thứ mấy về chỉ số"), _counted_noun("có bao nhiêu?")
    ('bo', '', '')
    >>> _counted_noun("Buổi chiều làm việc từ mấy giờ?"), _counted_noun("Mỗi tuần học bao nhiêu giờ?")
    ('', 'gio')
    """
    words = question_fold(question).split()
    raw = [w.lower() for w in syllables(question)]
    for i, w in enumerate(words):
        if w == "bao" and words[i + 1: i + 2] == ["nhieu"]:
            after = i + 2
        elif w == "may":
            after = i + 1
        else:
            continue
        if i > 0 and words[i - 1] in _NOT_COUNT_BEFORE:
            continue
        if w == "may" and words[after: after + 1] and words[after] in CLOCK_NOUNS:
            continue  # "từ mấy giờ" asks a clock time ("08 giờ"), not how many hours
        if after < len(words) and not is_stopword(raw[after]) \
                and not words[after].isdigit():
            return _noun_at(raw, after, question)
    return ""


def _noun_at(raw: list[str], at: int, question: str) -> str:
    """The folded noun starting at syllable ``at``: its word when underthesea reads a compound there ("công chức",
    "thành viên": a count of "công tác" or "thành phố" is no count of them), else the syllable alone.

    >>> _noun_at(["có", "bao", "nhiêu", "công", "chức"], 3, "có bao nhiêu công chức")
    'cong chuc'
    >>> _noun_at(["có", "mấy", "xã"], 2, "có mấy xã")
    'xa'
    """
    pair = "_".join(raw[at: at + 2])
    if at + 1 < len(raw) and pair in word_segments(question):
        return fold_accents(pair.replace("_", " "))
    return fold_accents(raw[at])


def states_fact(text: str, fact: AskedFact) -> bool:
    """Whether ``text`` states a fact of the shape asked (always, when nothing definite is asked).

    >>> states_fact("bà Kim Thị Thanh Nữ - Phó Giám đốc Sở Nội vụ làm Tổ trưởng", AskedFact("post", ("to", "truong")))
    True
    >>> states_fact("Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này.", AskedFact("post", ("giam", "doc")))
    False
    >>> effect = asked_fact("Quyết định 12/QĐ-UBND có hiệu lực thi hành từ ngày nào?")
    >>> effect.kind, states_fact("Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký.", effect)
    ('effect', True)
    >>> states_fact("Căn cứ Nghị định số 178/2007/NĐ-CP ngày 03 tháng 12 năm 2007 của Chính phủ", effect)
    False
    >>> [states_fact(t, effect) for t in ("Quyết định này cóhiệu lực thi hành kể từ ngày 01/04/2004",
    ...                                   "Quyết định này có hiệu lực thihành sau 10 ngày kể từ ngày ký.")]
    [True, True]
    >>> asked = asked_fact("Thông báo lịch tiếp dân của xã ký ngày nào, số mấy?", ("number", "issue_date"))
    >>> asked, states_fact("Thông báo số 12/TB-UBND ngày 05/01/2026", asked), states_fact("Lịch tiếp dân", asked)
    (AskedFact(kind='identity', words=('number', 'issue_date')), True, False)
    >>> states_fact("Năm 2023, Hà Nội xếp thứ 12/63 tỉnh, thành phố.", AskedFact("rank"))
    True
    >>> states_fact("Thực hiện đánh giá chấm điểm xếp hạng kết quả CCHC năm 2020", AskedFact("rank"))
    False
    >>> states_fact("Ủy ban nhân dân xã họp thường kỳ mỗi tháng một lần.", AskedFact("count", ("lan",)))
    True
    """
    if not fact.kind:
        return True
    folded = " ".join(re.findall(r"[a-z0-9%]+", fold_accents(text)))
    if fact.kind == "signer":  # a name with the act of signing or the post signed under
        return _names_someone(text) and bool(_SIGNING.search(folded))
    if fact.kind == "effect":
        return bool(_STATES_EFFECT.search(folded))
    if fact.kind == "identity":  # a document's number or date, whichever is asked
        return ("number" in fact.words and bool(DOCUMENT_REFERENCE.search(text))) or (
            "issue_date" in fact.words and bool(_STATES_DATE.search(folded)))
    if fact.kind == "rank":
        return bool(_STATES_RANK.search(folded))
    if fact.kind == "rate":
        return bool(_STATES_RATE.search(folded))
    if fact.kind in ("post", "role"):
        named = names_person(text)
        designated = fact.kind == "role" and AGENCY.search(text)  # "Trưởng đoàn: Lãnh đạo Sở Nội vụ"
        return bool(re.search(rf"\b{' '.join(fact.words)}\b", folded)) and bool(named or designated)
    if fact.kind == "money":
        return bool(_STATES_MONEY.search(folded))
    if fact.kind == "hour":
        return bool(_STATES_HOUR.search(folded) or _CLOCK_WRITTEN.search(text))
    noun = re.escape(fact.words[0])
    folded = " ".join(re.findall(r"[a-z0-9%]+", fold_accents(number_words_as_digits(text))))  # "một lần" counts
    return bool(re.search(rf"\b\d+(?: \w+){{0,{COUNT_GAP_WORDS}}}? {noun}\b", folded)
                or re.search(rf"\b{noun}\b(?: [a-z]+){{0,{COUNT_AFTER_WORDS}}} \d+\b", folded)
                or _names_several(text, fact.words[0]))


def _names_several(text: str, noun: str) -> bool:
    """Whether the text names the things counted one by one after their noun ("các xã Bình Trị, Bình Lãnh, Bình
    Quý"): the count is read off the list. Words that only describe ("cán bộ, công chức, viên chức") are no list.

    >>> _names_several("kiểm tra thực tế tại các xã Bình Trị, Bình Lãnh, Bình Quý và Bình Sa.", "xa")
    True
    >>> _names_several("đội ngũ cán bộ, công chức, viên chức của Sở.", "can")
    False
    >>> _names_several("Tổ gồm đại diện các Sở: Nội vụ, Tư pháp, Thông tin và Truyền thông.", "so")
    True
    """
    size = len(noun.split())
    words = list(re.finditer(r"\w+", text))
    for i, word in enumerate(words[: len(words) - size + 1]):
        if fold_accents(" ".join(w.group(0) for w in words[i: i + size])).lower() != noun:
            continue
        word = words[i + size - 1]
        after = re.split(r"[.;:](?:\s|$)", text[word.end():].lstrip(" :"), maxsplit=1)[0]
        items = [seg.strip() for seg in re.split(r",|\bvà\b", after) if seg.strip()]
        named = sum(1 for seg in items if seg[:1].isupper())
        if len(items) >= MIN_NAMED_ITEMS and named * 2 > len(items):
            return True
    return False


def _names_someone(text: str) -> bool:
    """A person's name in the text: a common family name and more, a name after "ông", "bà", or a line of a name
    alone (a signature block's last line), not a post nor the body signed for.

    >>> _names_someone("KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH\\nLâm Minh Thành"), _names_someone("TM. ỦY BAN NHÂN DÂN\\nCHỦ TỊCH")
    (True, False)
    """
    if names_person(text):
        return True
    for m in _NAME_LINE.finditer(text):
        line = fold_accents(m.group(1))
        if not _NOT_NAME_LINE.search(line) and not _SIGNING.search(line):
            return True
    return False


def names_person(text: str) -> bool:
    """A person's name in running text: after "ông", "bà", "đồng chí", in a portal's "Người ký" field, or a common
    family name and more that is not a place ("Hà Giang", "Cao Bằng", "Mai Châu" read like names but are a province
    and a district: a place named in an article is nobody who signed or holds a post).

    >>> names_person("Chủ tịch UBND tỉnh Hà Giang"), names_person("Giám đốc Sở Nội vụ Lê Văn Hùng")
    (False, True)
    >>> names_person("bà Hà Giang, Phó Giám đốc"), names_person("Người ký Mai Sơn")
    (True, True)
    """
    if TITLED_PERSON.search(text) or SIGNER_FIELD.search(text):
        return True
    return any(not canonical_province(m.group(0)) and not province_of_place(m.group(0))
               for m in FULL_NAME.finditer(text))


def fact_present(units: list, fact: AskedFact, analysis=None, state=None, top: int = FACT_TOP_UNITS,
                 doc_text=None) -> bool:
    """Whether one of the ``top`` units an answer would quote states ``fact``, in a document the question's scope
    does not rule out (:func:`in_scope`: a count of 2018 does not answer a question about 2021), and not in words that
    name other years only (:func:`unit_year_cover`: "năm 2019 đạt 79,68 điểm" states no score of 2020), nor in a
    document whose text names other provinces only (:func:`document_of_other_places`, with ``doc_text``). A document's
    own number or date is not stated by a line citing the documents it rests on, unless that is what is asked."""
    if not fact.kind or not units:
        return True
    return bool(fact_units(units, fact, analysis, state, top, doc_text))


def fact_units(units: list, fact: AskedFact, analysis=None, state=None, top: int = FACT_TOP_UNITS,
               doc_text=None) -> list:
    """The units :func:`fact_present` finds stating ``fact`` (none when nothing definite is asked): they carry the
    kind of answer asked, whatever types the scorer read in them (a body line citing "Quyết định số 2718/QĐ-UBND" of
    the plan asked states the number asked)."""
    if not fact.kind or not units:
        return []
    scoped = [u for u in units if analysis is None or in_question_scope(u, analysis, state, doc_text)]
    # a basis line ("Căn cứ …", "Thực hiện Nghị quyết số 01/NQ-CP …") states another document's number or date,
    # unless the question asks which document this one rests on ("theo quyết định số mấy") or the number of the
    # document it cites ("thực hiện kết luận số mấy": the scorer's carried types say so)
    if fact.kind == "identity" and AnswerType.BASIS not in fact.words:
        scoped = [u for u in scoped if getattr(u, "role", "") != PassageRole.BASIS
                  or set(fact.words) & getattr(u, "carries", set())]
    if fact.kind == "hour" and scoped:
        return _lead_page_hours(scoped, fact)
    if fact.kind in DOCUMENT_FACTS:  # any line of the documents asked about; not of a document the question is not
        most = max((u.coverage for u in scoped), default=0.0)
        best = [u for u in scoped if u.coverage >= DOCUMENT_FACT_COVERAGE_SHARE * most]
        if AnswerType.BASIS in fact.words:
            # the number of a document the body cites ("theo kế hoạch số mấy"): a body line states it, not an identity
            # line speaking for its whole document, so the units an answer would quote are read too
            best += sorted(scoped, key=lambda u: -u.score)[:top]
    else:
        best = sorted(scoped, key=lambda u: -u.score)[:top]
    unique = list({id(u): u for u in best}.values())  # a unit read twice (by coverage and by score) counts once
    # the refusal's test reads the fact as Vietnamese writes it, on English pages too: the English reading
    # (fact_stated) ranks the units an answer quotes but lifts no refusal (measured: session 14, bench/README.md)
    return [u for u in unique if states_fact(u.text, fact)]


def lead_pages(units: list) -> set[str]:
    """The page the answer leads with: the best scored unit's, as a set of page ids (empty without units). A post's
    dateline dates what that post reports, not what another page speaks of; a notice's hours are its own schedule's.

    >>> from types import SimpleNamespace as NS
    >>> lead_pages([NS(score=1.2, result=NS(passage=NS(doc_id="a"))), NS(score=1.4, result=NS(passage=NS(doc_id="b")))])
    {'b'}
    """
    return {max(units, key=lambda u: u.score).result.passage.doc_id} if units else set()


def _lead_page_hours(scoped: list, fact: AskedFact) -> list:
    """The units stating a clock time asked, bound to the page the answer leads with (the best scored unit's: a notice
    states the schedule it sets): its units that state one. Another page's hours (a department's office hours beside
    a district's schedule of days) are no hour of the schedule asked. (Reading the lead page's whole text as well
    changed no tune question: left out, session 28.)

    >>> from types import SimpleNamespace as NS
    >>> def unit(text, doc, score): return NS(text=text, score=score, result=NS(passage=NS(doc_id=doc)))
    >>> days = unit("UBND huyện tiếp công dân vào ngày 10 và ngày 20 hàng tháng.", "huyen", 1.4)
    >>> hours = unit("Buổi sáng: Từ 7 giờ đến 11 giờ 30 phút.", "so", 1.2)
    >>> _lead_page_hours([days, hours], AskedFact("hour"))
    []
    >>> [u.text for u in _lead_page_hours([days, hours, unit("Buổi sáng từ 08 giờ.", "huyen", 1.1)], AskedFact("hour"))]
    ['Buổi sáng từ 08 giờ.']
    """
    page = lead_pages(scoped)
    return [u for u in scoped if u.result.passage.doc_id in page and states_fact(u.text, fact)]


def fact_stated(unit, fact: AskedFact) -> bool:
    """Whether a unit states ``fact``: as English writes it on an English page (:mod:`textnorm.english`), else as
    Vietnamese does (:func:`states_fact`). Used to rank the units an answer quotes, not by the refusal's test
    (:func:`fact_units`)."""
    result = getattr(unit, "result", None)
    if fact.kind and result is not None and english_text(result.passage.text):
        counted = english_words_of(fact.words[0]) if fact.kind == "count" and fact.words else frozenset()
        return states_fact_in_english(unit.text, fact.kind, counted, tuple(fact.words))
    return states_fact(unit.text, fact)


def question_text(analysis) -> str:
    """The question as the user wrote it (``original``), or its normalised text when a caller's analysis has no
    original (a hand-made one): what the refusal readings match their question patterns on.

    >>> from types import SimpleNamespace as NS
    >>> question_text(NS(original="Ai ký?", text="ai ký")), question_text(NS(text="ai ký"))
    ('Ai ký?', 'ai ký')
    """
    return getattr(analysis, "original", "") or getattr(analysis, "text", "")


def in_question_scope(unit, analysis, state=None, doc_text=None) -> bool:
    """A unit whose statements may be about what the question scopes: its document is in scope (:func:`in_scope`),
    its words name neither other provinces nor other districts only, nor other years only, and its document's text
    does not name other provinces only (:func:`document_of_other_places`, with ``doc_text``)."""
    return (in_scope(unit.result, analysis, state) and not names_other_places(unit, analysis)
            and not names_other_localities(unit, analysis) and not _of_other_years(unit, analysis, state)
            and not document_of_other_places(unit, analysis, state, doc_text))


def numbers_other_events(question: str, text: str) -> bool:
    """Whether ``text`` names the numbered event the question asks about ("Phiên họp thứ 4") with other numbers only
    ("phiên họp thứ năm"): it speaks of another sitting or round (as :func:`ordinal_conflict` reads the units).

    >>> numbers_other_events("Phiên họp thứ 4 diễn ra năm nào?", "Thủ tướng chủ trì phiên họp thứ năm năm 2023.")
    True
    >>> numbers_other_events("Phiên họp thứ 4 diễn ra năm nào?", "Sáng 19/4, Phiên họp thứ 4 của Ban Chỉ đạo.")
    False
    >>> numbers_other_events("Hội nghị diễn ra năm nào?", "Phiên họp thứ năm năm 2023.")
    False
    """
    return bool(_other_numbered(_ordinals(question), _ordinals(text)))


def _of_other_years(unit, analysis, state=None) -> bool:
    """A unit that :func:`unit_year_cover` finds about other years than the question names."""
    years = getattr(analysis, "years", ())
    return bool(years) and unit_year_cover(unit, years, state, getattr(analysis, "doc_numbers", ())) == OTHER_YEARS


def unit_year_cover(unit, years, state=None, named=()) -> YearCover:
    """:func:`retriever.years.result_year_cover` of the unit's passage, narrowed to the unit's own words when the
    passage is not of other years: a document not known to cover the year, whose unit names other years only ("Chỉ
    số năm 2019 của tỉnh đạt 79,68 điểm" in a post whose other lines write 2020, or a period holding it), speaks of
    those years. The text decides: a document known to cover the year asked covers every unit of it, and a unit
    writing no year keeps its passage's answer.

    >>> from types import SimpleNamespace as NS
    >>> def unit(text, passage, nam=""):
    ...     result = NS(passage=NS(text=passage, section="", doc_id="d"), doc_metadata={"nam": nam, "tieu_de": ""})
    ...     return NS(text=text, result=result)
    >>> line = "Chỉ số cải cách hành chính năm 2019 của tỉnh đạt 79,68 điểm."
    >>> unit_year_cover(unit(line, "Giai đoạn 2020-2025. " + line), ["2020"]).name
    'OTHER_YEARS'
    >>> unit_year_cover(unit(line, "Giai đoạn 2020-2025. " + line, nam="2020"), ["2020"]).name
    'COVERS'
    >>> unit_year_cover(unit("Tỉnh đạt 79,68 điểm.", "Năm 2020, tỉnh đạt 79,68 điểm."), ["2020"]).name
    'COVERS'
    >>> unit_year_cover(unit(line, "Giai đoạn 2016-2025. " + line), ["2020"]).name  # a period holds 2020: not enough
    'OTHER_YEARS'
    """
    cover = result_year_cover(unit.result, years, state, named)
    if cover == OTHER_YEARS:
        return cover
    table = document_year_table(state) if state is not None else {}
    doc_id = unit.result.passage.doc_id
    known = table[doc_id] if doc_id in table else document_years_of(unit.result.doc_metadata)
    if set(known) & set(years):
        return COVERS
    text = getattr(unit, "text", "")  # a unit without its own words keeps its passage's answer
    own = year_cover((), text, years, cited=cites_any(text, named))
    return OTHER_YEARS if own == OTHER_YEARS else cover


def absent_named_number(analysis, units: list, records: dict) -> str:
    """A document number the question writes with its year ("Nghị quyết số 39/2012/NQ-HĐND") that is no indexed
    document's own and that no passage found for the question writes with that year, or "". Its serial alone may be
    written everywhere ("Nghị định số 39/2003/NĐ-CP", "Nghị quyết 38/2012/NQ-HĐND" nearby), so the number-in-any-form
    check before the search cannot tell (:func:`assistant.scope.absent_numbers`); with its year, the passages that
    would be quoted are read: none writes it, so none is about that document.

    >>> from types import SimpleNamespace as NS
    >>> def unit(text): return NS(result=NS(passage=NS(text=text)))
    >>> asks = NS(doc_numbers=["39/2012/NQ-HĐND"], named_doc_ids=())
    >>> absent_named_number(asks, [unit("Căn cứ Nghị định số 39/2003/NĐ-CP; Nghị quyết 38/2012/NQ-HĐND")], {})
    '39/2012/NQ-HĐND'
    >>> absent_named_number(asks, [unit("Thực hiện Nghị quyết số 39/2012/NQ-HĐND ngày 12/12/2012")], {})
    ''
    """
    numbers = list(getattr(analysis, "doc_numbers", ()) or ())
    if not numbers or resolve_named_documents(analysis, records):
        return ""
    for number in numbers:
        m = NUMBER_WITH_YEAR.search(number)
        if m is None:
            return ""  # a number without its year: the check before the search decides
        with_year = re.compile(rf"(?<![\d/]){m.group('serial')}\s*/\s*{m.group('year')}\b")
        if any(writes_number(u.result.passage.text, m.group("serial").lstrip("0") or "0")
               and with_year.search(re.sub(r"(?<![\d/])0+(?=\d)", "", u.result.passage.text)) for u in units):
            return ""
    return numbers[0]


def _ordinals(text: str) -> set[tuple[str, str]]:
    """The numbered events a text names, folded: ("phien hop", "8") for "Phiên họp thứ tám", ("ky hop", "6") for "Kỳ
    họp thứ 6", ("dai hoi", "xv") for "Đại hội lần thứ XV"; an ordinal left in words without diacritics is not read.

    >>> sorted(_ordinals("Phiên họp thứ tám và Kỳ họp thứ 6 của Hội đồng"))
    [('ky hop', '6'), ('phien hop', '8')]
    >>> _ordinals("chủ trì phiên họp thứ năm của Ban Chỉ đạo")  # "năm" is five after "thứ" (else a year)
    {('phien hop', '5')}
    """
    text = _FIFTH.sub("thứ 5", text)
    folded = " ".join(re.findall(r"[a-z0-9]+", fold_accents(number_words_as_digits(text))))
    return {(m.group("noun"), m.group("n")) for m in _ORDINAL.finditer(folded)}


def ordinal_conflict(question: str, units: list, top: int = FACT_TOP_UNITS) -> str:
    """The numbered event a question asks about ("Phiên họp thứ tám") when the units an answer would quote name the
    same event with other numbers only ("Phiên họp thứ bảy"): they are about another one. "" otherwise.

    >>> from types import SimpleNamespace as NS
    >>> units = [NS(text="Chiều 02/2, Hội đồng tổ chức Phiên họp thứ bảy.", score=1.0)]
    >>> ordinal_conflict("Phiên họp thứ tám của Hội đồng diễn ra ngày nào?", units)
    'phien hop 8'
    >>> ordinal_conflict("Phiên họp thứ bảy của Hội đồng diễn ra ngày nào?", units)
    ''
    """
    asked = _ordinals(question)
    if not asked:
        return ""
    best = sorted(units, key=lambda u: -u.score)[:top]
    return _other_numbered(asked, set().union(*(_ordinals(u.text) for u in best)) if best else set())


def _other_numbered(asked: set[tuple[str, str]], stated: set[tuple[str, str]]) -> str:
    """The first numbered event asked ("phien hop 8") that ``stated`` names with other numbers only, else "".

    >>> _other_numbered({("phien hop", "8")}, {("phien hop", "7")}), _other_numbered({("phien hop", "8")}, set())
    ('phien hop 8', '')
    """
    for noun, n in sorted(asked):
        others = {m for k, m in stated if k == noun}
        if others and n not in others:
            return f"{noun} {n}"
    return ""


def names_other_places(unit, analysis) -> bool:
    """A unit of a document not known to be of a province the question names, whose words name provinces but none of
    those: what it states is about them ("Thành phố Hà Nội xếp thứ 3/63" states no rank of Yên Bái), as a unit
    naming other years only is evidence of another year.

    >>> from types import SimpleNamespace as NS
    >>> q = NS(provinces=["Yên Bái"])
    >>> def unit(text, tinh=""): return NS(text=text, result=NS(doc_metadata={"tinh": tinh}))
    >>> names_other_places(unit("Thành phố Hà Nội xếp thứ 3/63 tỉnh, thành phố."), q)
    True
    >>> names_other_places(unit("Tỉnh Yên Bái xếp thứ 20, sau Hà Nội."), q), names_other_places(unit("Xếp thứ 20."), q)
    (False, False)
    >>> names_other_places(unit("Học tập kinh nghiệm của Hà Nội, xếp thứ 3.", "Yên Bái"), q)
    False
    """
    if not analysis.provinces:
        return False
    wanted = asked_provinces(analysis.provinces)
    if document_place(unit.result.doc_metadata, wanted) is DocumentPlace.ASKED:
        return False
    named = {province_key(p) for p in find_provinces(unit.text)}
    return bool(named) and not named & wanted


def names_other_localities(unit, analysis) -> bool:
    """A unit whose words name districts (or wards) but none of those the question names, when the question names
    some of that level: what it states is theirs ("Thông báo số 658/TB-UBND … của UBND huyện Phú Vang" states no number
    of a notice of huyện Quảng Điền), as :func:`names_other_places` for provinces. Only places whose name decides
    their province are read (:func:`textnorm.gazetteer.place_mentions`); a unit naming no place is never ruled out.

    >>> from types import SimpleNamespace as NS
    >>> q = NS(original="Thông báo của UBND huyện Quảng Điền số mấy?", text="")
    >>> names_other_localities(NS(text="Thông báo số 12/TB-UBND của UBND huyện Phú Vang"), q)
    True
    >>> names_other_localities(NS(text="Thông báo số 12/TB-UBND của UBND huyện Quảng Điền"), q)
    False
    >>> names_other_localities(NS(text="Thông báo số 12/TB-UBND ngày 05/01/2026"), q)
    False
    """
    asked = _localities(question_text(analysis), query=True)
    if not asked:
        return False
    named = _localities(getattr(unit, "text", ""))
    return any(level in named and not named[level] & names for level, names in asked.items())


def _localities(text: str, query: bool = False) -> dict[str, set[str]]:
    """The districts and wards a text names, folded, by level ("district", "ward")."""
    found: dict[str, set[str]] = {}
    for m in place_mentions(text or "", query=query):
        found.setdefault(m.level, set()).add(_place_key(text[m.start:m.end]))
    return found


#: A district or ward written with its level and a capitalised name ("xã Tây Sơn", "UBND huyện Mộc Châu", "XÃ CẨM
#: HÀ"), whether or not the administrative table decides its province: the level word and the name as written.
#: "Xã hội" is no ward, "Huyện ủy" (the party committee) no district.
_CUED_LOCALITY = re.compile(r"(?<!\w)(?P<level>(?i:thị xã|thị trấn|xã|phường|huyện|quận))[ \t]+"
                            r"(?!(?i:hội|ủy|uỷ)\b)(?P<name>[\w'’]+(?:[ \t]+[\w'’]+){0,3})")
#: The most syllables of a place's name read after its level word.
_MAX_LOCALITY_WORDS = 4
#: Level words of a district (the others name a ward, a commune or a town), folded.
_DISTRICT_WORDS = frozenset({"huyen", "quan", "thi xa"})


def cued_localities(text: str) -> dict[str, frozenset[str]]:
    """The districts and wards a text names with their level: "district" / "ward" → folded names.

    >>> found = cued_localities("UBND xã Tây Sơn, UBND huyện Mộc Châu; Huyện ủy; CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    >>> sorted(found["ward"]), sorted(found["district"])
    (['tay son'], ['moc chau'])
    >>> cued_localities("Chủ tịch UBND huyện đánh giá cao")
    {}
    """
    found: dict[str, set[str]] = {}
    for m in _CUED_LOCALITY.finditer(text or ""):
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), m.group("name").split()))[:_MAX_LOCALITY_WORDS]
        if not words:  # "UBND huyện đánh giá": a level word before lower-case words names no place
            continue
        tier = "district" if fold_accents(m.group("level")).lower() in _DISTRICT_WORDS else "ward"
        found.setdefault(tier, set()).add(_place_key(" ".join(words)))
    return {tier: frozenset(names) for tier, names in found.items()}


def _place_key(text: str) -> str:
    """A place's name as compared: folded, lower case, spaces collapsed, apostrophes dropped (the same district is
    written "Đăk R’lấp" by its own documents and "Đắk R'lấp" by a user).

    >>> _place_key("huyện Đăk R’lấp") == _place_key("huyện  Đắk R'lấp")
    True
    """
    return APOSTROPHES.sub("", " ".join(fold_accents(text).lower().split()))


def document_of_other_localities(unit, analysis, state=None, doc_text=None) -> bool:
    """A unit whose document never writes a district (or ward) the question names with its level, and names other
    districts (wards) so: its document is about them ("Lịch tiếp công dân của UBND xã Tân Đoàn" is no schedule of xã
    Tây Sơn). A document naming no district (ward) is never ruled out — a post about a commune of the district asked
    names the commune only — nor one that writes a name asked anywhere.

    >>> from types import SimpleNamespace as NS
    >>> q = NS(original="Chủ tịch UBND xã Tây Sơn tiếp công dân vào ngày nào?", text="")
    >>> u = NS(result=NS(passage=NS(text="Chủ tịch tiếp công dân vào thứ Tư.", doc_id="d")))
    >>> document_of_other_localities(u, q, doc_text={"d": "Lịch tiếp công dân của UBND xã Tân Đoàn"}.get)
    True
    >>> document_of_other_localities(u, q, doc_text={"d": "Lịch tiếp công dân của UBND xã Tây Sơn"}.get)
    False
    >>> document_of_other_localities(u, q, doc_text={"d": "Lịch tiếp công dân của UBND huyện Tây Sơn"}.get)
    False
    """
    asked = cued_localities(question_text(analysis))
    if not asked or doc_text is None:
        return False
    doc_id = unit.result.passage.doc_id
    cache = state.memo("assistant.evidence.document_localities", lambda _: {}) if state is not None else {}
    if doc_id not in cache:
        text = doc_text(doc_id) or ""
        cache[doc_id] = (cued_localities(text), _place_key(text))
    named, folded = cache[doc_id]
    if any(re.search(rf"\b{re.escape(name)}\b", folded) for names in asked.values() for name in names):
        return False
    return any(named.get(tier) for tier in asked)


def places_named(text: str) -> frozenset[str]:
    """The provinces a text names: by their names ("tỉnh Hưng Yên") and through their districts, towns and wards
    where the name decides the province ("huyện Mộc Châu" → Sơn La), or the text's other names settle it
    (:func:`textnorm.gazetteer.settled_provinces`: "xã Tân Kỳ" alone is Hải Dương's xã or Nghệ An's thị trấn),
    canonical.

    >>> sorted(places_named("UBND huyện Mộc Châu làm việc với tỉnh Hưng Yên")), places_named("UBND tỉnh yêu cầu")
    (['Hưng Yên', 'Sơn La'], frozenset())
    >>> places_named("Đoàn kiểm tra tại xã Tân Kỳ"), sorted(places_named("Đoàn kiểm tra tại xã Tân Kỳ, huyện Tứ Kỳ"))
    (frozenset(), ['Hải Dương'])
    """
    text = text or ""
    provinces = find_provinces(text)
    named = {province_key(p) for p in provinces}
    named |= {province_key(p) for p in settled_provinces(text, provinces, place_mentions(text)) if p}
    return frozenset(named)


def document_of_other_places(unit, analysis, state=None, doc_text=None) -> bool:
    """A unit whose document is not known to be of a province the question names and whose words, or its whole
    document's text, name provinces (or their districts and wards) but none of those: its document is about them.
    A document that names no province is never ruled out (an unread place is no evidence), nor one known to be of a
    province asked. ``doc_text``: doc_id → the document's text (None: only the unit's passage is read); what a
    document names is read once per index state.

    >>> from types import SimpleNamespace as NS
    >>> q = NS(provinces=["Đồng Tháp"])
    >>> def unit(text, tinh=""): return NS(text=text, result=NS(doc_metadata={"tinh": tinh},
    ...                                                        passage=NS(text=text, doc_id="d")))
    >>> texts = {"d": "Chỉ số của 63 địa phương. Quảng Ninh dẫn đầu, Hà Nội xếp thứ 3."}
    >>> document_of_other_places(unit("Chỉ số của 63 địa phương."), q, doc_text=texts.get)
    True
    >>> document_of_other_places(unit("Chỉ số của 63 địa phương."), q, doc_text={"d": "UBND tỉnh công bố."}.get)
    False
    >>> document_of_other_places(unit("Chỉ số của 63 địa phương.", "Đồng Tháp"), q, doc_text=texts.get)
    False
    """
    if not getattr(analysis, "provinces", None):
        return False
    wanted = asked_provinces(analysis.provinces)
    if document_place(unit.result.doc_metadata, wanted) is DocumentPlace.ASKED:
        return False
    named = places_named(unit.result.passage.text)
    if not named & wanted and doc_text is not None:
        named |= _document_places(unit.result.passage.doc_id, state, doc_text)
    return bool(named) and not named & wanted


def _document_places(doc_id: str, state, doc_text) -> frozenset[str]:
    """:func:`places_named` of a document's whole text, kept with the index state (read once per document)."""
    cache = state.memo("assistant.evidence.document_places", lambda _: {}) if state is not None else {}
    if doc_id not in cache:
        cache[doc_id] = places_named(doc_text(doc_id) or "")
    return cache[doc_id]


def in_scope(result, analysis, state=None) -> bool:
    """A passage whose document is not known to be of another year or another province than the question names
    (unknown fields are in scope: a hint, never a gate)."""
    if analysis.years and result_year_cover(result, analysis.years, state,
                                                 getattr(analysis, "doc_numbers", ())) == OTHER_YEARS:
        return False
    if not analysis.provinces:
        return True
    place = document_place(result.doc_metadata, asked_provinces(analysis.provinces))
    return place is not DocumentPlace.OTHER or mentions_province(result.passage.text, analysis.provinces)


__all__ = ["AskedFact", "asked_fact", "answers_when_by_condition", "states_fact", "fact_stated", "fact_present",
           "fact_units",
           "in_scope", "in_question_scope", "numbers_other_events",
           "names_other_places", "names_other_localities", "ordinal_conflict", "unit_year_cover",
           "absent_named_number", "places_named", "document_of_other_places", "document_of_other_localities",
           "cued_localities", "FACT_NAMES", "FACT_TOP_UNITS"]
