"""When the documents do not hold the answer: a few features of the scored units and one calibrated decision.

The features are read from what the answerer already computed (no second search):

- ``coverage``: the largest share of the question's topic weight (idf) that one unit carries with its section and
  document (so a number or a date line counts with the words of its document), among the units that carry the kind
  of answer asked when there are any;
- ``unknown_share`` / ``unknown``: topic words of the question that no indexed passage uses;
- ``type_found``: whether the best units carry the kind of answer asked (a date for "khi nào", or the case a rule
  applies in; a signer…); a news post's dateline counts with the best unit of its post;
- ``fact`` / ``fact_found`` and ``other_ordinal``: the definite fact asked and whether a unit an answer would quote
  states it; a numbered sitting asked that those units number otherwise only (:mod:`assistant.evidence`);
- ``absent_number``: a document number asked with its year ("39/2012/NQ-HĐND") that no document has and no passage
  found writes (:func:`assistant.evidence.absent_named_number`).
- ``absent_month``: a month asked that no passage an answer would quote holds (:mod:`assistant.absence`).
- ``absent_grain``: a year or a day asked ("diễn ra năm nào", "vào ngày nào") that no passage of the units speaking of
  the subject writes (:func:`assistant.absence.absent_grain`).
- ``other_document``: a document's own number, date or signer asked that the units stating one state only of
  documents positively not the one asked: another kind, number or year (:func:`assistant.absence.other_document_fact`).
- ``quoted_year``: the years of the documents an answer would quote when every one of those units is positively of
  other years than the one asked (:func:`assistant.absence.quoted_of_other_years`).
- ``unnamed_regulation``: a regulation's own number, date, signer or date of effect asked ("Quy chế hoạt động của …
  số mấy") that the units state only in documents never writing its name (:func:`assistant.absence.unnamed_regulation`).
- ``place_ok``: a province, district or ward asked that every best unit's document rules out (it names others only).

The thresholds of :class:`AbstentionRule` marked "fitted" are read at import from :data:`FIT_FILE`, which
``python -m bench.fit_abstention`` writes (fitted on the tune half of the dev and real-document questions plus
refusal probes, see ``eval/``, and checked on the other half): the fit is never copied into code by hand. An
:class:`~assistant.service.Assistant` takes its rule as ``abstention=AbstentionRule(...)``.

>>> rule = AbstentionRule()
>>> rule.reason(AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True))
''
>>> rule.reason(AbstentionFeatures(coverage=rule.min_coverage / 2, unknown_share=0.0, unknown=(), type_found=True))
'Các văn bản hiện có không có đoạn nào trả lời đúng câu hỏi này.'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.absence import (
    QUOTABLE_SHARE,
    absent_grain,
    absent_month,
    other_document_fact,
    other_noun_count,
    other_team_head,
    quoted_of_other_years,
    regulation_kind,
    unnamed_index,
    unnamed_level,
    unnamed_regulation,
)
from assistant.evidence import (
    FACT_NAMES,
    absent_named_number,
    answers_when_by_condition,
    asked_fact,
    cued_localities,
    document_of_other_localities,
    document_of_other_places,
    fact_units,
    in_scope,
    ordinal_conflict,
    question_text,
    unit_year_cover,
)
from assistant.grounded.scoring import asked_cited_form, idf_table, same_form
from assistant.refusal import Refusal
from assistant.scope import indexed_with_year
from retriever.features import DocumentPlace, asked_provinces, document_place
from retriever.query import resolve_named_documents
from retriever.years import COVERS, OTHER_YEARS, cites_any
from textnorm import fold_word, has_diacritics, syllables, word_segments
from textnorm.cues import DAY_MONTH, AnswerType, shaped, time_question_words
from textnorm.english import english_forms
from textnorm.patterns import CITED_DOCUMENT, news_dateline

#: The fitted thresholds and how they were fitted (grid, halves, figures), as ``bench.fit_abstention`` wrote them.
FIT_FILE = Path(__file__).with_name("abstention_fit.json")
#: The fitted values, read once at import: the defaults of :class:`AbstentionRule`'s fitted fields.
_FIT = json.loads(FIT_FILE.read_text(encoding="utf-8"))["rule"]


#: The dense threshold of an embedder the rule was not fitted with: the floor of a cosine, so the test never refuses.
NO_DENSE_TEST = -1.0


@dataclass(frozen=True)
class AbstentionFeatures:
    """What the decision reads."""

    coverage: float
    unknown_share: float
    unknown: tuple[str, ...]
    type_found: bool
    year_ok: bool = True  # the year named is the best unit's document's (or in its passage)
    place_ok: bool = True  # one of the best units is not of a document whose text names other provinces only
    dense: float = 1.0  # the best dense similarity of a passage found to the question
    #: the definite fact asked (assistant.evidence: "count", "rate", "post", "rank"; "" for none) and whether one of
    #: the units an answer would quote states it
    fact: str = ""
    fact_found: bool = True
    #: a numbered event the question asks about ("phiên họp thứ tám") that the best units number otherwise only
    other_ordinal: str = ""
    #: a document number the question writes with its year that is no document's own and no passage found writes
    absent_number: str = ""
    #: the largest coverage of any unit, whatever kind of answer it carries: how well the documents speak of the topic
    #: (0.0: not measured, and the test that reads it never refuses)
    topic_coverage: float = 0.0
    #: the month asked ("tháng 9/2021") that no passage an answer would quote holds
    #: (:func:`assistant.absence.absent_month`)
    absent_month: str = ""
    #: the grain of time asked ("năm", "ngày") that no passage of the units speaking of the subject writes
    #: (:func:`assistant.absence.absent_grain`)
    absent_grain: str = ""
    #: the document asked ("kế hoạch năm 2022") whose own number, date or signer the units state only of documents
    #: positively not it (:func:`assistant.absence.other_document_fact`)
    other_document: str = ""
    #: the years of the documents an answer would quote when all are positively other than the year asked
    #: (:func:`assistant.absence.quoted_of_other_years`)
    quoted_year: str = ""
    #: the regulation asked ("quy che hoat dong") whose own number, date or signer the units state only of documents
    #: that never write its name (:func:`assistant.absence.unnamed_regulation`)
    unnamed_regulation: str = ""
    #: the level asked to be named ("huyện" of "kiểm tra những huyện nào") that no unit read in scope names
    #: (:func:`assistant.absence.unnamed_level`)
    unnamed_level: str = ""
    #: the index whose rank the question asks ("PCI") when every rank the units read in scope state is another
    #: index's or a region's (:func:`assistant.absence.unnamed_index`)
    unnamed_index: str = ""

    def as_row(self) -> dict:
        return {"coverage": round(self.coverage, 3), "unknown_share": round(self.unknown_share, 3),
                "unknown": list(self.unknown), "type_found": self.type_found, "year_ok": self.year_ok,
                "place_ok": self.place_ok,
                "dense": round(self.dense, 3), "fact": self.fact, "fact_found": self.fact_found,
                "other_ordinal": self.other_ordinal, "absent_number": self.absent_number,
                "topic_coverage": round(self.topic_coverage, 3),
                "absent_month": self.absent_month, "absent_grain": self.absent_grain,
                "other_document": self.other_document, "quoted_year": self.quoted_year,
                "unnamed_regulation": self.unnamed_regulation, "unnamed_level": self.unnamed_level,
                "unnamed_index": self.unnamed_index}


@dataclass(frozen=True)
class AbstentionRule:
    """Refuse when the best unit carries too little of the question, or when several topic words are unknown.

    Fitted fields default to :data:`FIT_FILE`'s values (``bench.fit_abstention``: the most right decisions on the
    tune half, among ties the value that refuses least); the others are set by hand, each with its reason.
    """

    #: Fitted: below this share of the topic weight in the best unit, the passages talk about something else.
    min_coverage: float = _FIT["min_coverage"]
    #: Fitted: the same when the asked kind of answer (date, signer, number…) is in none of the best units.
    min_coverage_without_type: float = _FIT["min_coverage_without_type"]
    #: Fitted: share of the topic words no document uses, above which the question is about something the corpus
    #: lacks …
    max_unknown_share: float = _FIT["max_unknown_share"]
    #: Fitted: … provided at least this many words are unknown (the grid starts at 2: one unknown word, "khoảng",
    #: "chót", never refuses alone).
    min_unknown_words: int = _FIT["min_unknown_words"]
    #: Fitted: below this cosine between the question and the closest passage, the question is about something else
    #: (measured with the embedder named by ``dense_embedder``; other embedders skip this test).
    min_dense: float = _FIT["min_dense"]
    #: The embedder ``min_dense`` was fitted with (cosines of another model are on another scale).
    dense_embedder: str = _FIT["dense_embedder"]
    #: Fitted: when the best unit of the topic carries no answer of the asked kind, the units that do must carry at
    #: least this share of its coverage: else the text the answer would rest on lacks what is asked (a post on the
    #: hearing asked about that names no day, while only other documents' lines carry dates).
    min_typed_share: float = _FIT.get("min_typed_share", 0.0)
    #: By hand: a year named must be the year of one of the units carrying at least this share of the best coverage:
    #: several documents may say the same thing, and the right one need not be the very best unit. A passage the
    #: search ranked high but that does not carry the question is no evidence of the year (it is not what is quoted).
    year_coverage_share: float = 0.75
    #: Refuse when the question asks a fact of a definite shape (a count, a rate, a post's holder, a grade) that none
    #: of the units an answer would quote states: the passages speak of the topic, not of the fact (issue 18).
    require_asked_fact: bool = True
    #: Refuse when no passage an answer would quote holds the month the question names ("tháng 9/2021"), in any
    #: written form, and none states a recurrence holding every month (:func:`assistant.absence.absent_month`).
    require_month: bool = True
    #: Refuse when the question asks a year or a day ("diễn ra năm nào", "vào ngày nào") and no passage of the units
    #: that speak of its subject writes one, nor their documents (:func:`assistant.absence.absent_grain`): the post
    #: reports the event without its date (issue 18: the evidence absent, not a field); a cited document's date, a
    #: term of years or another page's dateline is no time of the event asked. Only when the best unit
    #: carries ``min_coverage_without_type`` of the topic: the message says the documents speak of the subject.
    require_grain: bool = True
    #: Refuse when the question asks a document's own number, date of issue or signer and every unit stating one
    #: states it of a document whose own text positively contradicts what the question says of the document asked
    #: (another kind, number, or year written): the answer would quote another document's
    #: (:func:`assistant.absence.other_document_fact`; a field unread never contradicts).
    require_own_document: bool = True
    #: Refuse when the question names a year and every unit an answer would quote is of a document positively of
    #: other years (:func:`assistant.absence.quoted_of_other_years`): a unit of the year asked ranking lower is not
    #: what the answer shows.
    require_quoted_year: bool = True
    #: Refuse when the question asks a regulation's own number, date, signer or date of effect and names it ("Quy chế
    #: hoạt động của …") and no document of the units stating one writes that name
    #: (:func:`assistant.absence.unnamed_regulation`): the answer would give another regulation's (session 21).
    require_named_regulation: bool = True
    #: Refuse when the question asks to name places or offices of a level ("kiểm tra những huyện nào", "những sở
    #: nào") and no unit read in its scope names one of that level (:func:`assistant.absence.unnamed_level`): the
    #: page counts or describes them ("6 huyện, thị xã", "các sở, ngành") and the answer would not name them
    #: (session 22).
    require_named_level: bool = True
    #: Refuse when the question asks the rank of one index (PAPI, PCI, SIPAS, PAR INDEX, DDCI, DTI, PGI by any written
    #: form) and every rank the units read in its scope state is of another index or among fewer provinces than the
    #: country asked (:func:`assistant.absence.unnamed_index`): the answer would give another index's rank, or a
    #: region's (sessions 22-23).
    require_named_index: bool = True

    def for_embedder(self, name: str) -> "AbstentionRule":
        """The rule for an index built with embedder ``name``: the dense threshold only holds for its own model; with
        another, no cosine is below :data:`NO_DENSE_TEST` (a cosine may be negative: 0.0 would still refuse).

        >>> AbstentionRule().for_embedder("hashing:64").branches(AbstentionFeatures(
        ...     coverage=0.9, unknown_share=0.0, unknown=(), type_found=True, dense=-0.05))
        []
        """
        return self if name == self.dense_embedder else replace(self, min_dense=NO_DENSE_TEST)

    def reason(self, f: AbstentionFeatures) -> str:
        """The refusal's reason in Vietnamese, or "" to answer (the first branch of :meth:`branches` that refuses)."""
        return next((message for _, message in self.branches(f)), "")

    def branches(self, f: AbstentionFeatures) -> list[tuple[Refusal, str]]:
        """Every branch of the rule that refuses ``f``, in the order :meth:`reason` reads them: (rule, message). Each
        is tested on its own, so ``bench.refusal_rules`` can tell what switching one off would change.

        >>> rule = AbstentionRule()
        >>> [name for name, _ in rule.branches(AbstentionFeatures(coverage=rule.min_coverage / 2, unknown_share=0.0,
        ...                                                      unknown=(), type_found=True, year_ok=False))]
        [<Refusal.YEAR: 'year'>, <Refusal.COVERAGE: 'coverage'>]
        """
        out = []
        if len(f.unknown) >= self.min_unknown_words and f.unknown_share > self.max_unknown_share:
            out.append((Refusal.UNKNOWN_WORDS, "Các văn bản hiện có không nói về nội dung này (không văn bản nào "
                        "dùng các từ: " + ", ".join(f.unknown[:5]) + ")."))
        if f.dense < self.min_dense:
            out.append((Refusal.DENSE, "Các văn bản hiện có không nói về nội dung này."))
        if f.absent_number:
            out.append((Refusal.ABSENT_NUMBER, f"Các văn bản hiện có không có văn bản số {f.absent_number}, nên "
                        "không thể trả lời câu hỏi này."))
        out += self._absence_branches(f)
        if not f.year_ok:
            out.append((Refusal.YEAR, "Các văn bản hiện có không có đoạn nào nói về năm được hỏi."))
        if self.require_quoted_year and f.quoted_year:
            out.append((Refusal.QUOTED_YEAR, f"Các văn bản hiện có nói về nội dung này của năm {f.quoted_year}, "
                        "không có đoạn nào nói về năm được hỏi."))
        if f.other_ordinal:
            out.append((Refusal.ORDINAL, "Các văn bản hiện có chỉ nói về lần mang số thứ tự khác, không nói về lần "
                        "được hỏi."))
        if self.require_asked_fact and not f.fact_found:
            out.append((Refusal.ASKED_FACT, f"Các văn bản hiện có nói về nội dung này nhưng không nêu "
                        f"{FACT_NAMES.get(f.fact, 'thông tin')} được hỏi."))
        if not f.place_ok:  # after the fact: when one is asked, saying it is absent says more
            out.append((Refusal.PLACE, "Các văn bản hiện có không có đoạn nào nói về địa phương được hỏi."))
        if f.type_found and f.coverage < self.min_typed_share * f.topic_coverage:
            out.append((Refusal.TOPIC_WITHOUT_TYPE,
                        "Các văn bản nói về nội dung này không có đoạn nào nêu điều được hỏi."))
        needed = self.min_coverage if f.type_found else self.min_coverage_without_type
        if f.coverage < needed:
            out.append((Refusal.COVERAGE if f.type_found else Refusal.COVERAGE_UNTYPED,
                        "Các văn bản hiện có không có đoạn nào trả lời đúng câu hỏi này."))
        return out

    def _absence_branches(self, f: AbstentionFeatures) -> list[tuple[Refusal, str]]:
        """The branches reading what the passages lack (a month, a grain of time, the document asked's own fact), in
        the order :meth:`branches` reads them."""
        out = []
        if self.require_month and f.absent_month:
            out.append((Refusal.MONTH, f"Các văn bản hiện có không có đoạn nào nói về {f.absent_month}, nên không thể "
                        "trả lời câu hỏi này."))
        # the refusal says the documents speak of the subject: the best unit must carry what the fitted rule asks of
        # a unit lacking the kind asked (below it the passages are about something else and the coverage branches
        # decide)
        if self.require_grain and f.absent_grain and f.topic_coverage >= self.min_coverage_without_type:
            out.append((Refusal.GRAIN, f"Các văn bản hiện có nói về nội dung này nhưng không nêu {f.absent_grain} được "
                        "hỏi, nên không thể trả lời câu hỏi này."))
        if self.require_own_document and f.other_document:
            out.append((Refusal.OTHER_DOCUMENT, "Các văn bản hiện có không có số hiệu, ngày ban hành hay người ký của "
                        f"{f.other_document} được hỏi; chỉ có của các văn bản khác, nên không thể trả lời câu hỏi "
                        "này."))
        if self.require_named_level and f.unnamed_level:
            out.append((Refusal.NAMED_LEVEL, f"Các văn bản hiện có nói về nội dung này nhưng không nêu tên các "
                        f"{f.unnamed_level} được hỏi, nên không thể trả lời câu hỏi này."))
        if self.require_named_index and f.unnamed_index:
            out.append((Refusal.NAMED_INDEX, f"Các văn bản hiện có không nêu thứ hạng của chỉ số được hỏi "
                        f"({f.unnamed_index}); chỉ nêu thứ hạng của các chỉ số khác hoặc trong một khu vực, nên "
                        "không thể trả lời câu hỏi này."))
        if self.require_named_regulation and f.unnamed_regulation:
            out.append((Refusal.REGULATION, "Các văn bản hiện có không có văn bản nào là "
                        f"{regulation_kind(f.unnamed_regulation)} được hỏi; chỉ có các văn "
                        "bản khác, nên không thể trả lời câu hỏi này."))
        return out


def features(units: list, analysis, lexical_state, rule: AbstentionRule, doc_text=None,
             quotable_share: float = QUOTABLE_SHARE) -> AbstentionFeatures:
    """Features of the scored units of one question.

    Args:
        units: the :class:`~assistant.grounded.QuotedSpan` list, scored.
        analysis: the question's :class:`~retriever.query.QueryAnalysis`.
        lexical_state: the index's lexical state (document frequencies).
        rule: the rule the features are read for (its year thresholds).
        doc_text: doc_id → the document's text (``IndexStore.document_text``), to read the places a document of
            unread province names; None reads the passages only.
        quotable_share: the share of the best unit's score at which the answer quotes another document's unit (the
            answerer's ``GroundedConfig.doc_min_share``), for the quoted-year test.

    Returns:
        An :class:`AbstentionFeatures`.
    """
    asked = shaped(analysis.answer_types)
    fact = asked_fact(analysis.text, tuple(analysis.answer_types))
    stating = fact_units(units, fact, analysis, lexical_state, doc_text=doc_text)
    # a time asked with "khi nào" is answered by a date or by the case a rule applies in ("Trường hợp …"); a unit
    # citing the document whose number is asked carries its kind whatever the scorer read in it
    stating_ids = {id(u) for u in _citing_form_asked(stating, fact, analysis)}
    typed = [u for u in units if u.carries & asked or id(u) in stating_ids
             or (AnswerType.TIME in asked and _answers_when(analysis, u))]
    type_found = not asked or bool(typed)
    # the answer must be one unit that both carries the asked kind of answer and speaks of the question's topic
    index = lexical_state.index
    best = max((u.coverage for u in (typed or units)), default=0.0)  # the scale of the units' own coverages
    measured = _content_coverage(typed, analysis, lexical_state)
    coverage = max((_dated_coverage(u, units, measured) for u in (typed or units)), default=0.0)
    topic = set(analysis.topic_terms)
    words = [w for w in syllables(analysis.text) if fold_word(w) in topic]
    # an accented word is looked up as written ("lương" is not "lượng"); an unaccented one by its folded form
    unknown = [w for w in words if index.document_frequency(w if has_diacritics(w) else "~" + w) == 0
               and not (analysis.in_english and _inflection_known(w, index))]
    # a compound no document uses ("thời tiết") is unknown even when its syllables are not ("thời", "chi tiết")
    compounds = [c for c in word_segments(analysis.text) if all(fold_word(p) in topic for p in c.split("_"))]
    unknown += [c.replace("_", " ") for c in compounds if not any(p in unknown for p in c.split("_"))
                and not _known_compound(c, index)]
    unknown = tuple(dict.fromkeys(unknown))
    share = len(unknown) / max(len(set(words)), 1)
    year_ok = _year_ok(typed or units, best, analysis, rule, lexical_state, doc_text)
    # the place is read on the units carrying the asked kind and on every unit (the document that speaks of the topic
    # may not be the one whose date line ranks): either is enough
    place_ok = _place_ok(typed or units, best, analysis, rule, lexical_state, doc_text) or _place_ok(
        units, max((u.coverage for u in units), default=0.0), analysis, rule, lexical_state, doc_text)
    dense = max((u.result.scores.get("dense", 0.0) for u in units), default=0.0)
    # a team's head stated only for another team, another place's, or a post with no name bound is no head asked; a
    # count stated only as a date, a share, an ordinal or a year is no count asked
    found = (not fact.kind or not units or bool(stating)) and not other_team_head(
        stating, fact, analysis, lexical_state, doc_text, units) and not other_noun_count(
        stating, fact, analysis, lexical_state, doc_text, units)
    scoped = [u for u in units if in_scope(u.result, analysis, lexical_state)]
    return AbstentionFeatures(coverage=coverage, unknown_share=share, unknown=unknown, type_found=type_found,
                              topic_coverage=max((u.coverage for u in units), default=0.0),
                              year_ok=year_ok, place_ok=place_ok, dense=dense, fact=fact.kind, fact_found=found,
                              other_ordinal=ordinal_conflict(analysis.text, scoped),
                              absent_number=_absent_number(analysis, units, lexical_state, doc_text),
                              absent_month=absent_month(units, analysis, lexical_state),
                              absent_grain=absent_grain(units, analysis, lexical_state, doc_text),
                              other_document=other_document_fact(stating, fact, analysis, doc_text),
                              quoted_year=quoted_of_other_years(units, analysis, lexical_state, quotable_share),
                              unnamed_regulation=unnamed_regulation(stating, fact, analysis, lexical_state, doc_text),
                              unnamed_level=unnamed_level(units, analysis, lexical_state, doc_text),
                              unnamed_index=unnamed_index(units, analysis, lexical_state, doc_text))


def _inflection_known(word: str, index) -> bool:
    """Whether the index holds an English word of a question in another inflection
    (:func:`textnorm.english.english_forms`).

    >>> class Index:
    ...     def document_frequency(self, key): return int(key == "~strives")
    >>> _inflection_known("strive", Index()), _inflection_known("visit", Index())
    (True, False)
    """
    return any(index.document_frequency("~" + form) for form in english_forms(word))


def _absent_number(analysis, units: list, state, doc_text=None) -> str:
    """The number asked with its year that neither the units nor any indexed document writes (else "")."""
    number = absent_named_number(analysis, units, state.records)
    return "" if number and indexed_with_year(number, state, doc_text) else number


def _citing_form_asked(stating: list, fact, analysis) -> list:
    """The units stating a document's number or date (:func:`assistant.evidence.fact_units`) that cite, with its
    number, a document of the form the question names ("quyết định phê duyệt kế hoạch … số mấy": "… theo Quyết định
    số 2718/QĐ-UBND ngày 26/12/2023 …"), any when it names none: a body line citing the document asked answers it
    though the scorer reads no number of the quoted document's own there; a number of another form (a Chỉ thị cited in
    passing, for a kế hoạch asked) answers nothing. Other facts: none (the scorer's types stand)."""
    if fact.kind != "identity":
        return []
    form = asked_cited_form(analysis.original or analysis.text, "", False)
    if not form:
        return stating
    return [u for u in stating if any(same_form(m.group("kind"), form) for m in CITED_DOCUMENT.finditer(u.text))]


def _answers_when(analysis, unit) -> bool:
    """A unit answering "when" although the scorer read no time in it: by the case a rule applies in
    (:func:`assistant.evidence.answers_when_by_condition`), or by a day and month a news post writes without the year
    ("Sáng 21-12, Ban Thường vụ tổ chức hội nghị", :data:`textnorm.cues.DAY_MONTH`)."""
    return answers_when_by_condition(analysis.text, unit.text) or bool(DAY_MONTH.search(unit.text))


def _content_coverage(typed: list, analysis, lexical_state) -> dict[int, float]:
    """The coverage (by ``id``) of each unit carrying the time asked, with the words of a phrase that only asks for a
    time ("vào thời gian nào", "giai đoạn nào", "mấy giờ": :func:`textnorm.cues.time_question_words`) counted as
    carried: the date answers them and is rarely written beside them ("từ ngày 10/6 đến ngày 10/7"). A unit writing
    them keeps its coverage, a unit carrying no time gains nothing. Empty when the question has no such phrase or no
    time is asked (the scorer's coverage stands)."""
    if AnswerType.TIME not in analysis.answer_types:
        return {}
    topic = analysis.topic_terms
    asked = {t for t in time_question_words(f"{analysis.original} {analysis.text}") if t in topic}
    if not asked or not typed:
        return {}
    idf = idf_table(lexical_state)
    weights = {t: idf(t) for t in dict.fromkeys(topic)}
    total = sum(weights.values()) or 1.0
    out = {}
    for u in typed:
        words = {fold_word(w) for w in syllables(f"{u.text} {u.result.passage.section}")}
        out[id(u)] = min(1.0, u.coverage + sum(weights[t] for t in asked if t not in words) / total)
    return out


def _dated_coverage(unit, units: list, measured: dict | None = None) -> float:
    """A unit's coverage; a news post's dateline ("17:18 10/06/2020 | Lượt xem: 158") dates its whole post, as a
    document's place-and-date line does its document: it counts with the best unit of its post (the scorer already
    lifts identity lines so; a dateline is not lifted there, where it must not outrank the dates the post reports).

    >>> from types import SimpleNamespace as NS
    >>> line = NS(text="17:18 10/06/2020 | Lượt xem: 158", doc_id="a", coverage=0.1)
    >>> body = NS(text="Bài viết phân tích …", doc_id="a", coverage=0.7)
    >>> _dated_coverage(line, [line, body]), _dated_coverage(body, [line, body])
    (0.7, 0.7)
    """
    measured = measured or {}
    if not news_dateline(unit.text):
        return measured.get(id(unit), unit.coverage)
    return max(measured.get(id(u), u.coverage) for u in units if u.doc_id == unit.doc_id)


def _known_compound(compound: str, index) -> bool:
    """Every pair of adjacent syllables of the compound occurs in some passage (the index keeps folded bigrams)."""
    parts = [fold_word(p) for p in compound.split("_")]
    return all(index.document_frequency(f"~{a}_{b}") > 0 for a, b in zip(parts, parts[1:]))


def _place_ok(units: list, coverage: float, analysis, rule: AbstentionRule, state=None, doc_text=None) -> bool:
    """A place named in the question is not ruled out by the text of every best unit's document (those carrying
    at least ``year_coverage_share`` of the best coverage, as for the year). A province asked: one of them is of a
    document known to be of it, or names it or its places, or names no province at all
    (:func:`assistant.evidence.document_of_other_places`). A district or ward asked with its level ("xã Tây Sơn"): one
    of them is of a document that writes its name, or names no district (ward) with its level
    (:func:`assistant.evidence.document_of_other_localities`: "Lịch tiếp công dân của UBND xã Tân Đoàn" is no schedule
    of xã Tây Sơn). A unit ruled out by either is no evidence of the place. A document the question names by its
    number is its scope whatever place it names."""
    provinces = getattr(analysis, "provinces", None)
    localities = cued_localities(question_text(analysis))
    if not (provinces or localities) or doc_text is None or resolve_named_documents(analysis, state.records):
        return True
    best = [u for u in units if u.coverage >= rule.year_coverage_share * coverage]
    return not best or any(not document_of_other_places(u, analysis, state, doc_text)
                           and not document_of_other_localities(u, analysis, state, doc_text) for u in best)


def _year_ok(units: list, coverage: float, analysis, rule: AbstentionRule, state=None, doc_text=None) -> bool:
    """A year named in the question is covered (:func:`retriever.years.result_year_cover`: the year or period of the
    unit's document, or written in its passage) by one of the best units; or the best unit's document states no year
    (a year not read never refuses by itself; an unread document that only ranks near the top is no evidence against
    the known years of those that answer); or one of the best units is of a document of the province asked about
    that states no year (the place confirms it is the document asked about). A unit whose document states no year
    but whose own words name other years only is evidence of another year, also when other lines of its passage
    write the year asked (:func:`assistant.evidence.unit_year_cover`). A unit whose document never writes the
    district or ward the question names, and names others, is no evidence of the year
    (:func:`assistant.evidence.document_of_other_localities`: another commune's schedule for the year asked)."""
    if not analysis.years:
        return True
    named = getattr(analysis, "doc_numbers", ())
    # a unit citing the document the question names by number is evidence of its year whatever its coverage: the
    # question's other words ("của UBND xã X") are the citing page's, not the citation's
    best = [u for u in units if u.coverage >= rule.year_coverage_share * coverage
            or (named and cites_any(getattr(u, "text", ""), named))]
    asked_places = asked_provinces(getattr(analysis, "provinces", ()))
    for u in best:
        if document_of_other_localities(u, analysis, state, doc_text):
            continue
        cover = unit_year_cover(u, analysis.years, state, getattr(analysis, "doc_numbers", ()))
        if cover == COVERS:
            return True
        if cover == OTHER_YEARS:
            continue
        if u.coverage >= coverage:
            return True  # a document stating no year counts when its unit is the best answer (not by rank alone)
        if (document_place(u.result.doc_metadata, asked_places) is DocumentPlace.ASKED
                and u.coverage >= rule.year_coverage_share * coverage):
            return True
    return False


__all__ = ["AbstentionFeatures", "AbstentionRule", "features"]
