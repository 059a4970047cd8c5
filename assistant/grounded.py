"""The default answerer: no LLM, only verbatim units (sentences, list items, lists, table rows, header lines).

One scorer rates every unit of the passages found (and of the lead documents' front and end matter) against the
question's :class:`~retriever.query.QueryAnalysis`: the weight of the question's topic words it contains, the rank of
its passage, and whether it carries the kind of answer asked for (a signer, a number, a date, a document cited…).
The answer leads with the best unit and its document, then a few supporting units grouped by document, each followed
by its [n]. Every citation's quote is an exact span of the document's cleaned text.

Setup / use::

    >>> from assistant.grounded import GroundedConfig
    >>> GroundedConfig().max_support_units
    3
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.types import Answer, Citation
from index.model import OPENING_SECTION, PORTAL_SECTION
from retriever.hybrid import SearchResult
from retriever.query import QueryAnalysis
from textnorm import fold_word, syllables
from textnorm.cues import (
    BODY_NOUNS,
    BOILERPLATE_ROLES,
    HEADER_LINE_ROLES,
    IDENTITY_ROLES,
    NAMING_ROLES,
    PASSAGE_ROLES,
    SHAPED_TYPES,
    TYPE_ROLES,
    YEAR,
    AnswerType,
    PassageRole,
    shaped,
)
from textnorm.lines import NUMBERED_KINDS, is_list_line, is_upper_line, marker_kind, sentence_spans, strip_bullet
from textnorm.patterns import (
    ADDRESS,
    AGENCY,
    BASIS,
    CITED_DOCUMENT_DATE,
    CLOSING_FORMULA,
    DOCUMENT_REFERENCE,
    FULL_NAME,
    NUMBER,
    PLACE_DATE,
    RELATIVE_TIME,
    TIME_EXPRESSION,
)

#: Passage kinds of a document's front and end matter (written by ingest), answered for identity questions.
HEADER_KINDS = frozenset(PASSAGE_ROLES)
#: Direct-answer quotes written on the label's line ("Số: … · Hà Nội, ngày …"); more go one per line.
INLINE_DIRECT_UNITS = 2
#: Another document leads the answer instead of the retriever's first when its best unit scores this many times more.
LEAD_SWITCH_RATIO = 1.5
#: Basis lines ("Căn cứ …") quoted for a question that asks for all of them.
MAX_BASIS_LINES = 8
#: A heading is quoted with the line under it only when both fit in one short quote.
HEADED_MAX_CHARS = 300
#: A legal article's heading ("Điều 3. Tổ chức thực hiện"): like a numbered heading, it names what follows.
_ARTICLE_HEAD = re.compile(r"^\s*Điều\s+\d+[.:]\s")
_ROW_FIELD = re.compile(r"^([^:\n]{2,40}):\s*(.+)$")
#: Text in a document that looks like one of our citation markers ("[1]"): shown with other brackets.
_MARKER_LIKE = re.compile(r"\[(\d{1,3})\]")
_CLAUSE_END = re.compile(r"[,;:]\s+")
#: A person named as documents name people: after "ông", "bà", "đồng chí" or a "Người ký:" field.
_NAMED_PERSON = re.compile(r"(?:\b(?:ông|bà|đồng chí)\s+|Người ký\s*:\s*)" + FULL_NAME.pattern)
_PURPOSE_SECTION = re.compile(r"mục đích|muc dich", re.IGNORECASE)
#: A portal's "Người ký: …" field.
_SIGNER_FIELD = re.compile(r"(?:^|\s)Người ký\s*:\s*\S")
_SIGNER_NAME = re.compile(r"(?:^|\n)\s*([A-ZĐ][a-zà-ỹđ]+(?:\s+[A-ZĐ][a-zà-ỹđ]+){1,4})\s*$")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b(?![/.]\d)")
#: Words around a number that make it a date, a year or a heading number, not a quantity.
_NOT_QUANTITY_BEFORE = re.compile(r"(?:ngày|tháng|năm|quý|mục|điều|khoản|số|giai đoạn|phụ lục|kỳ)\s*$", re.I)
_NOT_QUANTITY_AFTER = re.compile(r"^\s*(?:[./-]\s*\d|tháng|năm\b|\)|\.\s|$)", re.I)


def _is_quantity(text: str, m: re.Match) -> bool:
    """A number that counts something ("04 thủ tục", "30%", "1.490.000 đồng"), not a date, year or heading."""
    before, after = text[max(0, m.start() - 12): m.start()], text[m.end(): m.end() + 8]
    if re.fullmatch(YEAR, m.group(0)):
        return False
    return not _NOT_QUANTITY_BEFORE.search(before) and not _NOT_QUANTITY_AFTER.match(after)


@dataclass(frozen=True)
class GroundedConfig:
    """Constants of the unit scorer and of the answer's shape, each with its reason."""

    #: A unit of the passage ranked r is worth (1 + rank_weight / r): the retriever's order breaks ties, words decide.
    rank_weight: float = 0.5
    #: Words of a unit's section path count this much: a heading says what the sentences under it are about.
    section_weight: float = 0.35
    #: Words of a unit's document (type, number, province, year, title) count this much: they tell documents apart.
    doc_weight: float = 0.25
    #: For a header line (number, date, signature) its document's words are its whole context.
    header_doc_weight: float = 1.0
    #: Each question bigram found in a unit adds this share of the topic weight: "kiểm tra trực tiếp" as a phrase.
    bigram_weight: float = 0.15
    #: A unit carrying the kind of answer asked for gains this share of the topic weight.
    type_bonus: float = 0.6
    #: An enumeration of what a list question asks for gains this share.
    list_bonus: float = 0.6
    #: Closing formulas and recipient lists answer nothing unless asked.
    boilerplate_factor: float = 0.05
    #: Purpose statements ("Mục đích") answer questions about purpose only.
    purpose_factor: float = 0.6
    #: Titles and agency lines in capitals name a document; they do not answer a content question.
    title_factor: float = 0.3
    #: Long units are diluted: score / (1 + chars / length_chars).
    length_chars: float = 1200.0
    #: Supporting units must score at least this share of the best unit.
    support_min_share: float = 0.55
    #: Another document is quoted only when its best unit scores at least this share of the best.
    doc_min_share: float = 0.6
    #: Supporting quotes after the direct answer (a list question's lists are counted separately).
    max_support_units: int = 3
    #: Documents quoted in one answer (a list question across plans gets one list per document, up to this many).
    max_docs: int = 4
    #: A quote longer than this is cut to its clauses that carry the question's words.
    max_quote_chars: int = 360


@dataclass
class Unit:
    """A quotable piece of a passage: absolute offsets in the document's cleaned text."""

    result: SearchResult
    start: int
    end: int
    text: str
    kind: str  # sentence | item | lead_in | list | row | headed | header
    role: str = ""  # number | place_date | title | basis | signature | recipients | closing | ""
    score: float = 0.0
    coverage: float = 0.0  # share of the question's topic weight the unit (with its section) carries
    carries: set = field(default_factory=set)  # answer types the unit carries
    answers_list: bool = False  # an enumeration of what a list question asks for

    @property
    def doc_id(self) -> str:
        return self.result.passage.doc_id


# -- units -------------------------------------------------------------------------------------------------------
def line_role(text: str, passage_kind: str = "") -> str:
    """The role of a line in an official document, from the passage kind ingest gave it or from its shape.

    >>> line_role("Số: 87/KH-UBND"), line_role("Hà Nội, ngày 05 tháng 4 năm 2021"), line_role("Căn cứ Luật …")
    ('number', 'place_date', 'basis')
    >>> line_role("Trên đây là Kế hoạch kiểm tra CCHC năm 2021."), line_role("- Sở Y tế.")
    ('closing', '')
    """
    if passage_kind in HEADER_KINDS:
        return passage_kind
    if NUMBER.match(text):
        return PassageRole.NUMBER
    if _SIGNER_FIELD.search(text):
        return PassageRole.SIGNATURE
    if PLACE_DATE.match(text):
        return PassageRole.PLACE_DATE
    if BASIS.match(text):
        return PassageRole.BASIS
    if CLOSING_FORMULA.match(text):
        return PassageRole.CLOSING
    return ""


def split_units(result: SearchResult, max_quote_chars: int = 420) -> list[Unit]:
    """Cut a passage into lines (list items, headings, rows, header lines) and sentences, with absolute offsets.

    >>> from index.model import Passage
    >>> p = Passage("d:0", "d", "Số: 36/KH-UBND\\nKiên Giang, ngày 28 tháng 02 năm 2021", 0, 51, "Phần mở đầu")
    >>> [(u.kind, u.role) for u in split_units(SearchResult(1, p, 1.0))]
    [('header', 'number'), ('header', 'place_date')]
    """
    p = result.passage
    if p.kind == "table_row":
        return [Unit(result, p.start, p.end, p.text, "row")]
    if p.kind in (PassageRole.SIGNATURE, PassageRole.RECIPIENTS):
        return [Unit(result, p.start, p.end, p.text, "header", role=p.kind)]
    units: list[Unit] = []
    pos = 0
    for line in p.text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        lead = len(line) - len(line.lstrip())
        role = line_role(line.strip(), p.kind if p.kind in HEADER_LINE_ROLES else "")
        if role in HEADER_LINE_ROLES or len(line) <= max_quote_chars:
            kind = "header" if role in HEADER_LINE_ROLES else _line_kind(line)
            start = p.start + line_start + lead
            units.append(Unit(result, start, p.start + line_start + len(line.rstrip()), line.strip(), kind,
                              role=role))
            continue
        units.extend(_sentences(result, line, p.start + line_start, role))
    return units + _list_units(units, p) + _headed_units(units, p)


def _line_kind(line: str) -> str:
    stripped = line.strip()
    if stripped.endswith(":"):
        return "lead_in"
    return "item" if is_list_line(line) else "sentence"


def _sentences(result: SearchResult, line: str, offset: int, role: str) -> list[Unit]:
    out = []
    is_item = is_list_line(line)
    for number, (start, end) in enumerate(sentence_spans(line)):
        text = line[start:end]
        if len(text) < 3:
            continue
        kind = "lead_in" if text.endswith(":") else ("item" if is_item and number == 0 else "sentence")
        out.append(Unit(result, offset + start, offset + end, text, kind,
                        role=role if number == 0 else line_role(text)))
    return out


def _is_heading_line(text: str) -> bool:
    return marker_kind(text) in NUMBERED_KINDS or _ARTICLE_HEAD.match(text) is not None


def _headed_units(units: list[Unit], passage) -> list[Unit]:
    """A section heading with the line under it ("2. Văn phòng … và các Sở: Tư pháp, …" + "Cử công chức …"):
    the heading often names who the sentence is about."""
    if len(units) < 2 or units[0].start != passage.start or not _is_heading_line(units[0].text):
        return []
    second = units[1]
    if second.kind in ("item", "lead_in") or second.end - units[0].start > HEADED_MAX_CHARS:
        return []
    text = passage.text[: second.end - passage.start]
    return [Unit(units[0].result, units[0].start, second.end, text, "headed")]


def _list_units(units: list[Unit], passage) -> list[Unit]:
    """A lead-in with the items after it, as one more unit: a list is quoted and cited whole, in its order."""
    out = []
    for i, unit in enumerate(units):
        if unit.kind != "lead_in":
            continue
        j = i + 1
        while j < len(units) and units[j].kind == "item":
            j += 1
        if j - i >= 2:
            start, end = unit.start, units[j - 1].end
            text = passage.text[start - passage.start : end - passage.start]
            out.append(Unit(unit.result, start, end, text, "list"))
    return out


# -- scoring -----------------------------------------------------------------------------------------------------
def idf_table(lexical_state):
    """A function giving the inverse document frequency of a folded word in the index.

    Args:
        lexical_state: the index's :class:`~index.lexical_state.LexicalState`.

    Returns:
        ``idf(word) -> float``, BM25's formula (``LexicalIndex.term_idf``); unknown words get the highest weight.
    """
    index = lexical_state.index
    return lambda term: index.term_idf("~" + term)


def carried_types(unit: Unit, analysis: QueryAnalysis) -> set[str]:
    """The answer types a unit carries: header roles, times, document references, amounts, agencies.

    >>> from retriever.query import analyze_query
    >>> u = Unit(None, 0, 0, "Thời gian kiểm tra: quý III/2021.", "sentence")
    >>> sorted(carried_types(u, analyze_query("Khi nào?")))
    ['time']
    """
    text = unit.text
    out = {t for t, role in TYPE_ROLES.items() if unit.role == role}
    if unit.role == PassageRole.PLACE_DATE and AnswerType.ISSUE_DATE in analysis.answer_types:
        out.add(AnswerType.PLACE)  # "ban hành ở đâu, ngày nào": the place of issue
    if unit.role == PassageRole.SIGNATURE and _SIGNER_NAME.search(text):
        out.add(AnswerType.SIGNER)
    without_cited = CITED_DOCUMENT_DATE.sub(" ", text)
    if TIME_EXPRESSION.search(without_cited) or (RELATIVE_TIME.search(without_cited)
                                                 and unit.role != PassageRole.PLACE_DATE):
        out.add(AnswerType.TIME)
    named = {fold_word(n) for n in analysis.doc_numbers}
    own = fold_word(unit.result.document.number) if unit.result is not None else ""
    references = [m.group(0) for m in DOCUMENT_REFERENCE.finditer(text)]
    if unit.role == PassageRole.BASIS or (unit.role != PassageRole.NUMBER and any(
            fold_word(r) not in named and fold_word(r) != own for r in references)):
        out.add(AnswerType.BASIS)
    if _carries_amount(DOCUMENT_REFERENCE.sub(" ", text), analysis.measure):
        out.add(AnswerType.AMOUNT)
    if unit.role == PassageRole.SIGNATURE or _NAMED_PERSON.search(text):
        out.add(AnswerType.PERSON)
    if ADDRESS.search(text):
        out.add(AnswerType.PLACE)
    if AGENCY.search(text):
        out.add(AnswerType.AGENT)
    return out


def _carries_amount(text: str, measure: list[str]) -> bool:
    """A number, followed by what the question counts when it says ("04 thủ tục", "30%").

    >>> _carries_amount("bổ sung 04 thủ tục hành chính", ["thu", "tuc"]), _carries_amount("năm 2021", ["xa"])
    (True, False)
    """
    if not measure:
        return any(_is_quantity(text, m) for m in _NUMBER.finditer(text))
    if measure == ["%"]:
        return bool(re.search(r"\d\s*%|phần trăm", text))
    folded = " ".join(fold_word(w) for w in re.findall(r"\w+|%", text))
    return bool(re.search(r"\b\d+(?: \d+)? (?:\w+ ){0,2}?" + r" ".join(map(re.escape, measure)) + r"\b", folded))


#: Generic nouns for agencies: a list question about them is answered by an enumeration of named agencies.
_AGENCY_NOUNS = frozenset({"cơ quan", "đơn vị", "cơ quan, đơn vị"})


def _enumerates(unit: Unit, target: list[str]) -> bool:
    """True when the unit lists several things after naming what a list question asks for.

    >>> u = Unit(None, 0, 0, "Cấp tỉnh gồm các Sở: Công Thương, Xây dựng, Y tế, Du lịch.", "item")
    >>> _enumerates(u, ["sở"]), _enumerates(Unit(None, 0, 0, "Báo cáo về Sở Nội vụ, để xem xét.", "item"), ["sở"])
    (True, False)
    """
    lowered = unit.text.lower()
    if not target:  # no noun named ("gồm những gì"): any enumeration
        return unit.kind == "list" or lowered.count(",") >= 3
    m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, target)) + r"(?!\w)", lowered) or \
        re.search(r"(?<!\w)" + re.escape(target[0]) + r"(?!\w)", lowered)  # "những sở, ban nào" → "các sở: …"
    if not m and " ".join(target) in _AGENCY_NOUNS:
        m = AGENCY.search(unit.text)  # "những cơ quan nào": agencies are named ("Văn phòng …, các Sở: …")
    if not m:
        return False
    after = re.split(r"[.;](?:\s|$)", unit.text[m.end():], maxsplit=1)[0]
    segments = [seg.strip(" :\n-+•") for seg in re.split(r",|\bvà\b|\n", after) if seg.strip(" :\n-+•")]
    if " ".join(fold_word(w) for w in target) in BODY_NOUNS:
        # units are named ("Sở: Công Thương, Xây dựng, Y tế"), not described ("các sở, ban, ngành")
        named = sum(1 for seg in segments if seg[:1].isupper())
        if named * 2 < len(segments):
            return False
    if unit.kind == "list" and len(segments) >= 2:
        return True
    return len(segments) >= 3 and sum(len(seg) for seg in segments) / len(segments) <= 45


@dataclass
class _Question:
    """What the scorer reads of the analysis, computed once per answer."""

    weights: dict[str, float]
    total: float
    bigrams: set[str]
    types: tuple[AnswerType, ...]
    target: list[str]
    asks_purpose: bool
    asks_header: bool
    asks_document: bool = False  # "văn bản nào …": a document's title answers it


def _question(analysis: QueryAnalysis, idf) -> _Question:
    terms = analysis.topic_terms
    weights = {t: idf(t) for t in dict.fromkeys(terms)}
    types = tuple(analysis.answer_types)
    asks_header = bool(set(types) & set(TYPE_ROLES))
    asked = " ".join(syllables(analysis.text))
    return _Question(weights=weights, total=sum(weights.values()) or 1.0,
                     bigrams={f"{a} {b}" for a, b in zip(terms, terms[1:])}, types=types,
                     target=list(analysis.list_target.words), asks_purpose=bool(_PURPOSE_SECTION.search(asked)),
                     asks_header=asks_header, asks_document=analysis.asks_document)


def score_unit(unit: Unit, q: _Question, analysis: QueryAnalysis, cfg: GroundedConfig,
               words: list[str] | None = None) -> None:
    """Score one unit for the question (sets ``unit.score`` and ``unit.carries``; ``unit.coverage`` is set first by
    :func:`score_all`).

    The score is the share of the question's topic weight the unit carries (its own words, then its section's at
    :attr:`GroundedConfig.section_weight`), plus phrase, answer-type and list bonuses, times the rank factor of its
    passage, divided by a length factor; boilerplate, purpose statements and titles are damped. ``words`` are the
    unit's folded syllables when the caller has them.
    """
    words = [fold_word(s) for s in syllables(unit.text)] if words is None else words
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
    phrase = cfg.bigram_weight * sum(1 for b in q.bigrams if b in pairs)
    unit.carries = carried_types(unit, analysis)
    asked = [t for t in q.types if t in SHAPED_TYPES]
    score = unit.coverage + phrase
    if asked and unit.carries & set(asked):
        score += cfg.type_bonus * len(unit.carries & set(asked)) / len(asked)
    if AnswerType.LIST in q.types and unit.kind not in ("lead_in", "row") and _enumerates(unit, q.target):
        unit.answers_list = True
        score += cfg.list_bonus
    score *= _damping(unit, q, cfg)
    score *= 1.0 + cfg.rank_weight / max(unit.result.rank, 1)
    unit.score = score / (1.0 + len(unit.text) / cfg.length_chars)


def _document_words(result: SearchResult) -> set[str]:
    md = result.document
    text = " ".join((_label(result), md.title, md.period, md.issuer))
    return {fold_word(s) for s in syllables(text)}


def _coverage(unit: Unit, words: list[str], q: _Question, cfg: GroundedConfig,
              context: tuple[set[str], set[str]]) -> float:
    """Share of the question's topic weight in the unit, its section path and its document (each word counted once,
    at the weight of the closest place it is found); ``context`` is (section words, document words) of its passage."""
    present = set(words)
    section, document = context
    doc_weight = cfg.header_doc_weight if unit.role in NAMING_ROLES else \
        cfg.doc_weight
    total = 0.0
    for term, weight in q.weights.items():
        if term in present:
            total += weight
        elif term in section:
            total += cfg.section_weight * weight
        elif term in document:
            total += doc_weight * weight
    return total / q.total


def _is_heading(unit: Unit) -> bool:
    """A heading line on its own ("2. Thời gian kiểm tra"): it names a section, it does not answer."""
    title = unit.result.passage.section.rsplit(" > ", 1)[-1].strip().rstrip(":…")
    text = unit.text.strip().rstrip(":")
    return bool(title) and unit.kind in ("item", "sentence") and (text == title or (
        len(text) >= 8 and title.startswith(text)))


def _is_document_title(unit: Unit) -> bool:
    """The document's title as read (a news post's headline, a plan's trích yếu) quoted on its own: it names the
    document and repeats the words of any question about it, but says nothing the document says.

    >>> from index.model import Passage
    >>> p = Passage("d:0", "d", "UBND tỉnh yêu cầu các xã đẩy mạnh CCHC", 0, 38, OPENING_SECTION)
    >>> r = SearchResult(1, p, 1.0, doc_metadata={"tieu_de": "UBND tỉnh yêu cầu các xã đẩy mạnh CCHC"})
    >>> _is_document_title(Unit(r, 0, 38, p.text, "sentence")), _is_document_title(Unit(r, 0, 8, "UBND tỉnh", "item"))
    (True, False)
    """
    title = unit.result.document.title
    if not title or unit.result.passage.section not in (OPENING_SECTION, PORTAL_SECTION):
        return False
    words = [fold_word(w) for w in syllables(unit.text)]
    return len(words) >= 4 and words == [fold_word(w) for w in syllables(title)][: len(words)]


def _damping(unit: Unit, q: _Question, cfg: GroundedConfig) -> float:
    if unit.role in BOILERPLATE_ROLES or _is_heading(unit):
        return cfg.boilerplate_factor
    if unit.role in NAMING_ROLES and not q.asks_header:
        return cfg.title_factor
    if not (q.asks_header or q.asks_document) and (
            unit.result.passage.section == PORTAL_SECTION or _is_document_title(unit)):
        # the portal's lines about a document (related documents, status, page title) and the document's own title
        # name it; what a content or basis question asks is in its body ("Xét đề nghị … tại Tờ trình số …")
        return cfg.title_factor
    if _PURPOSE_SECTION.search(unit.result.passage.section) and not q.asks_purpose:
        return cfg.purpose_factor
    if len(unit.text) < 90 and is_upper_line(unit.text):
        return cfg.title_factor
    return 1.0


# -- selection ---------------------------------------------------------------------------------------------------
@dataclass
class Selection:
    """The units an answer quotes: the direct answer first, then support grouped by document."""

    direct: list[Unit]
    support: dict[str, list[Unit]]
    lists: list[Unit] = field(default_factory=list)  # a list question: one enumeration per document


def _overlaps(a: Unit, b: Unit) -> bool:
    return a.doc_id == b.doc_id and a.start < b.end and b.start < a.end


def _lead_document(units: list[Unit], results: list[SearchResult], analysis: QueryAnalysis) -> str:
    """The retriever's first document, unless another one's best unit scores clearly higher (a document named by
    number already scoped the search)."""
    first = results[0].passage.doc_id
    best_of = {}
    for u in units:
        best_of[u.doc_id] = max(best_of.get(u.doc_id, 0.0), u.score)
    top = max(best_of, key=best_of.get)
    return top if best_of[top] > LEAD_SWITCH_RATIO * best_of.get(first, 0.0) else first


def _whole_list(unit: Unit, units: list[Unit]) -> Unit:
    """A lead-in is quoted with the items it introduces: a list stays a list."""
    if unit.kind != "lead_in":
        return unit
    return next((u for u in units if u.kind == "list" and u.start == unit.start and u.doc_id == unit.doc_id), unit)


def select_units(units: list[Unit], results: list[SearchResult], analysis: QueryAnalysis,
                 cfg: GroundedConfig) -> Selection | None:
    """Choose the direct answer and the supporting units (pure: reads scores, writes nothing)."""
    scored = [u for u in units if u.score > 0]
    if not scored:
        return None
    lead = _lead_document(scored, results, analysis)
    direct = _direct_units(scored, lead, analysis)
    lists: list[Unit] = []
    if AnswerType.LIST in analysis.answer_types:
        lists = _lists_per_document(scored, lead, cfg)
        direct = [] if lists else direct
    chosen = direct + lists
    if not chosen:
        return None
    best_score = max(u.score for u in chosen)
    support: dict[str, list[Unit]] = {}
    budget = cfg.max_support_units if not lists else max(cfg.max_support_units - len(lists), 0)
    asked = shaped(analysis.answer_types)
    if asked and asked <= {t for u in direct for t in u.carries} and asked <= set(TYPE_ROLES):
        budget = 0  # a number, a date, a signer: the header lines are the whole answer
    docs = {u.doc_id for u in chosen}
    for u in sorted(scored, key=lambda u: -u.score):
        if budget <= 0 or u.score < cfg.support_min_share * best_score:
            break
        u = _whole_list(u, units)
        if any(_overlaps(u, v) for v in chosen) or u.role in BOILERPLATE_ROLES:
            continue
        if u.doc_id not in docs and (len(docs) >= cfg.max_docs or u.score < cfg.doc_min_share * best_score):
            continue
        chosen.append(u)
        docs.add(u.doc_id)
        support.setdefault(u.doc_id, []).append(u)
        budget -= 1
    return Selection(direct=[_whole_list(u, units) for u in direct], support=support, lists=lists)


def _direct_units(units: list[Unit], lead: str, analysis: QueryAnalysis) -> list[Unit]:
    """The lead document's best unit; for each header type asked (number, date, signer), that header line too."""
    in_lead = sorted((u for u in units if u.doc_id == lead), key=lambda u: -u.score)
    if not in_lead:
        in_lead = sorted(units, key=lambda u: -u.score)
    picked: list[Unit] = []
    for t in analysis.answer_types:
        role = TYPE_ROLES.get(t)
        # a header line for a number, date or signer; otherwise the best unit that carries the asked kind of answer
        match = next((u for u in in_lead if (role and u.role == role) or (not role and t in u.carries)), None)
        if match is not None and not any(_overlaps(match, v) for v in picked):
            picked.append(match)
    if AnswerType.BASIS in analysis.answer_types and _plural(analysis):
        # "căn cứ những văn bản nào": every basis line of the document, in its order
        lines = sorted((u for u in in_lead if u.role == PassageRole.BASIS), key=lambda u: u.start)[:MAX_BASIS_LINES]
        picked = [u for u in picked if u.role != PassageRole.BASIS and not any(_overlaps(u, v) for v in lines)] + lines
    asked = shaped(analysis.answer_types)
    answered = {t for t in asked if any(t in u.carries for u in picked)}
    best = in_lead[0]
    if (not picked or answered != asked) and not any(_overlaps(best, v) for v in picked):
        picked.append(best)
    return picked


def _plural(analysis: QueryAnalysis) -> bool:
    """The question asks for several things ("những văn bản nào", "các quyết định nào")."""
    return bool(re.search(r"\b(nhung|cac)\b", " ".join(fold_word(w) for w in syllables(analysis.text))))


def _lists_per_document(units: list[Unit], lead: str, cfg: GroundedConfig) -> list[Unit]:
    """The best enumeration of each document that has one, the lead document's first, then by score."""
    best: dict[str, Unit] = {}
    for u in units:
        if u.answers_list and (u.doc_id not in best or u.score > best[u.doc_id].score):
            best[u.doc_id] = u
    if not best:
        return []
    top = max(u.score for u in best.values())
    ranked = sorted(best.values(), key=lambda u: (u.doc_id != lead, -u.score))
    return [u for u in ranked if u.score >= cfg.doc_min_share * top][: cfg.max_docs]


# -- rendering ---------------------------------------------------------------------------------------------------
def quote_span(unit: Unit, weights: dict[str, float], limit: int, wanted: re.Pattern | None = None
               ) -> tuple[int, int, str]:
    """The unit, or its run of clauses that carries most of the question's words (and the asked kind of answer,
    ``wanted``) when it is longer than ``limit`` (still an exact span of the document)."""
    if len(unit.text) <= limit:
        return unit.start, unit.end, unit.text
    cuts = [0] + [m.end() for m in _CLAUSE_END.finditer(unit.text)] + [len(unit.text)]
    best = (-1.0, 0, min(limit, len(unit.text)))
    for i, a in enumerate(cuts[:-1]):
        for b in cuts[i + 1:]:
            if b - a > limit:
                break
            words = {fold_word(s) for s in syllables(unit.text[a:b])}
            # most of the question's words and the asked kind of answer; then the longest run
            value = sum(w for t, w in weights.items() if t in words) + 0.0001 * (b - a) - 0.00001 * a
            if wanted is not None:
                value += _answer_context(unit.text[a:b], wanted, weights)
            if value > best[0]:
                best = (value, a, b)
    _, a, b = best
    if best[0] < 0:  # no clause boundary within the limit: cut at a word
        b = unit.text.rfind(" ", 0, limit)
        b = b if b > limit // 2 else limit
    text = unit.text[a:b].rstrip(" ,;:")
    return unit.start + a, unit.start + a + len(text), text


#: Characters before an answer (a date, a number) read as its context when choosing which part of a long unit to quote.
ANSWER_CONTEXT_CHARS = 120


def _answer_context(window: str, wanted: re.Pattern, weights: dict[str, float]) -> float:
    """The weight of the question's words right before the best match of the asked kind of answer in ``window``:
    the quote keeps the date or number that is said about what the question asks ("… tỉnh Sơn La giai đoạn
    2018 - 2020"), not another one."""
    best = 0.0
    for m in wanted.finditer(window):
        words = {fold_word(s) for s in syllables(window[max(0, m.start() - ANSWER_CONTEXT_CHARS): m.end()])}
        best = max(best, sum(w for t, w in weights.items() if t in words))
    return best


def row_quote(unit: Unit) -> tuple[int, int, str]:
    """A table row is cited by its first cell's value: cells are verbatim in the source, the column names the row
    passage adds are not.

    >>> u = Unit(None, 10, 40, "Mục 3.\\nNội dung: Kiểm tra\\nChủ trì: Sở Nội vụ", "row")
    >>> row_quote(u)
    (27, 35, 'Kiểm tra')
    """
    pos = 0
    for line in unit.text.split("\n"):
        m = _ROW_FIELD.match(line)
        if m:
            start = unit.start + pos + m.start(2)
            return start, start + len(m.group(2)), m.group(2)
        pos += len(line) + 1
    return unit.start, unit.end, unit.text


def _row_display(text: str) -> str:
    fields = [m.groups() for m in (_ROW_FIELD.match(line) for line in text.split("\n")) if m]
    return "; ".join(f"{col}: {val}" for col, val in fields) if fields else text


def _display(unit: Unit, quote: str, n: int, trimmed_front: bool, trimmed_back: bool) -> list[str]:
    """Answer lines for one quoted unit; lists keep their lines, headings stay on their own line."""
    mark = f"[{n}]"
    quote = _MARKER_LIKE.sub(r"［\1］", quote)  # a document's own "[1]" cannot pose as a citation
    if unit.kind == "row":
        return [f"{_row_display(unit.text)} {mark}"]
    lines = [ln.strip() for ln in quote.split("\n") if ln.strip()]
    if unit.kind == "header" or unit.role == "signature":
        lines = [" – ".join(lines)]  # a signature block or a header reads as one line
    if len(lines) == 1:
        text = ("…" if trimmed_front else "") + lines[0] + ("…" if trimmed_back else "")
        return [f"{text} {mark}"]
    out = [lines[0]]
    out += ["  - " + strip_bullet(ln) for ln in lines[1:]]
    out[-1] += f" {mark}"
    return out


def _label(result: SearchResult) -> str:
    md = result.document
    return md.label(md.title)


class _Writer:
    """Numbers citations in the order they appear in the text."""

    def __init__(self, weights: dict[str, float], cfg: GroundedConfig, wanted: re.Pattern | None = None) -> None:
        self.weights, self.cfg, self.wanted = weights, cfg, wanted
        self.citations: list[Citation] = []

    def cite(self, unit: Unit) -> list[str]:
        limit = self.cfg.max_quote_chars if unit.kind not in ("list", "row", "header") else 10 ** 6
        start, end, quote = (row_quote(unit) if unit.kind == "row"
                             else quote_span(unit, self.weights, limit, self.wanted))
        n = len(self.citations) + 1
        md = unit.result.doc_metadata
        self.citations.append(Citation(n=n, doc_id=unit.doc_id, title=unit.result.document.title or unit.doc_id,
                                       source=md.get("source", ""), section=unit.result.passage.section,
                                       quote=quote, start=start, end=end, label=_label(unit.result),
                                       metadata={k: v for k, v in md.items() if isinstance(v, str)}))
        return _display(unit, quote, n, start > unit.start, end < unit.end)


#: What a quote of a long unit should keep for each asked kind of answer.
_WANTED = {AnswerType.TIME: re.compile(TIME_EXPRESSION.pattern + "|" + RELATIVE_TIME.pattern, re.IGNORECASE),
           AnswerType.BASIS: DOCUMENT_REFERENCE, AnswerType.AMOUNT: _NUMBER}


def render_answer(selection: Selection, weights: dict[str, float], cfg: GroundedConfig,
                  types: tuple[str, ...] = ()) -> tuple[str, list[Citation]]:
    """The answer text: the direct answer (or one list per document), then support grouped by document."""
    wanted = next((_WANTED[t] for t in types if t in _WANTED), None)
    writer = _Writer(weights, cfg, wanted)
    lines: list[str] = []
    if selection.lists:
        for unit in selection.lists:
            body = writer.cite(unit)
            lines.append(f"**{_label(unit.result)}**{_period(unit)}: {body[0]}")
            lines.extend(body[1:])
    else:
        first = selection.direct[0]
        parts = [writer.cite(u) for u in selection.direct]
        if all(len(p) == 1 for p in parts) and len(parts) <= INLINE_DIRECT_UNITS:
            lines.append(f"**{_label(first.result)}**: " + " · ".join(p[0] for p in parts))
        else:
            lines.append(f"**{_label(first.result)}**:")
            for p in parts:
                lines.extend(["- " + strip_bullet(p[0])] + p[1:])
    if selection.support:
        lines.append("")
        lines.append("Chi tiết:")
        shown_lead = {u.doc_id for u in selection.direct + selection.lists}
        for doc_id, units in selection.support.items():
            units = sorted(units, key=lambda u: u.start)
            prefix = "" if doc_id in shown_lead and len(selection.support) == 1 else f"{_label(units[0].result)}: "
            for unit in units:
                body = writer.cite(unit)
                lines.append(f"- {prefix}{strip_bullet(body[0])}")
                lines.extend("  " + ln for ln in body[1:])
    return "\n".join(lines).strip(), writer.citations


def _period(unit: Unit) -> str:
    """The period a list belongs to, when its section heading or lead-in states one (", quý III")."""
    for text in (unit.text.split("\n", 1)[0], unit.result.passage.section):
        m = TIME_EXPRESSION.search(CITED_DOCUMENT_DATE.sub(" ", text))
        if m:
            return f", {m.group(0)}"
    return ""


# -- facade ------------------------------------------------------------------------------------------------------
def score_all(results: list[SearchResult], analysis: QueryAnalysis, lexical_state,
              cfg: GroundedConfig | None = None) -> tuple[list[Unit], _Question]:
    """Every unit of the results, scored for the question (shared by the composer and the abstention decision)."""
    cfg = cfg or GroundedConfig()
    q = _question(analysis, idf_table(lexical_state))
    units: list[Unit] = []
    words: dict[int, list[str]] = {}  # id(unit) → its folded syllables, read once for coverage and score
    seen: set[tuple[str, int, int]] = set()
    for result in results:
        # the words of the passage's section path and of its document, read once for all its units
        context = ({fold_word(s) for s in syllables(result.passage.section)}, _document_words(result))
        for unit in split_units(result):
            key = (unit.doc_id, unit.start, unit.end)
            if key not in seen:
                seen.add(key)
                words[id(unit)] = [fold_word(s) for s in syllables(unit.text)]
                unit.coverage = _coverage(unit, words[id(unit)], q, cfg, context)
                units.append(unit)
    doc_best: dict[str, float] = {}
    for unit in units:
        doc_best[unit.doc_id] = max(doc_best.get(unit.doc_id, 0.0), unit.coverage)
    for unit in units:
        if unit.role in IDENTITY_ROLES:
            # a number, date or signature line speaks for its whole document: "is this the document asked about"
            unit.coverage = max(unit.coverage, doc_best[unit.doc_id])
        score_unit(unit, q, analysis, cfg, words[id(unit)])
    return units, q


def compose_grounded_answer(question: str, analysis: QueryAnalysis, results: list[SearchResult],
                            lexical_state, cfg: GroundedConfig | None = None,
                            scored: tuple[list[Unit], _Question] | None = None) -> Answer:
    """Compose an extractive answer with citations from search results.

    Args:
        question: the question as asked.
        analysis: the analysed (possibly follow-up-resolved) query.
        results: passages found, best first (the lead documents' header passages may follow).
        lexical_state: the index's lexical state (for word weights).
        cfg: scorer and shape constants.
        scored: units already scored by :func:`score_all` for these results.

    Returns:
        An :class:`Answer`; ``abstained`` when no unit carries the question's topic.
    """
    cfg = cfg or GroundedConfig()
    if not results:
        return abstain(question, results)
    units, q = scored or score_all(results, analysis, lexical_state, cfg)
    selection = select_units(units, results, analysis, cfg)
    if selection is None:
        return abstain(question, results)
    place = {fold_word(w): max(q.weights.values(), default=1.0) / 2 for p in analysis.provinces for w in syllables(p)}
    # a long quote keeps the clauses about the place asked too ("… của tỉnh Sơn La giai đoạn 2018 - 2020")
    text, citations = render_answer(selection, {**place, **q.weights}, cfg, analysis.answer_types)
    return Answer(question=question, text=text, citations=citations, passages=list(results), query=analysis.text)


def abstain(question: str, results: list[SearchResult], reason: str = "") -> Answer:
    """A plain Vietnamese statement that the documents do not hold the answer, with the closest documents."""
    text = reason or "Các văn bản hiện có không chứa thông tin để trả lời câu hỏi này."
    closest = []
    for r in results:
        label = _label(r)
        if label not in closest:
            closest.append(label)
    if closest:
        text += "\n\nCác văn bản gần nhất với câu hỏi:\n" + "\n".join(f"- {c}" for c in closest[:3])
    return Answer(question=question, text=text, abstained=True, passages=list(results))


__all__ = ["GroundedConfig", "Unit", "compose_grounded_answer", "abstain", "split_units", "score_all",
           "select_units", "render_answer", "idf_table", "line_role", "carried_types", "HEADER_KINDS"]
