"""Why an answer is refused: one name per refusing rule, shared by the answerer and the benches that read it.

A rule's name travels from the answerer (:func:`assistant.scope.scope_checks`,
:meth:`assistant.abstention.AbstentionRule.branches`, :func:`assistant.scope.absent_numbers`) to the rows and tables
of ``bench.refusal_rules`` and ``bench.fit_abstention``; each is a member here, its value the name the rows carry.
A :class:`Refusal` is a ``str``, so rows written before it read the same.

>>> Refusal.NAMED_LEVEL == "named_level", Refusal("year:scope") is Refusal.SCOPE_YEAR
(True, True)
>>> [r.value for r in BEFORE_HOOKS]
['number']
"""

from __future__ import annotations

from enum import StrEnum


class Refusal(StrEnum):
    """A refusing rule, in the order the answerer reads them (the refusal table's rows)."""

    # before any hook: the question names a document number that no indexed text holds
    NUMBER = "number"
    # before any unit is read (assistant.scope.scope_checks)
    PROVINCE = "province"  # no document found is of the province asked, none leaves it unread, no passage names it
    NO_RESULTS = "no_results"  # the search found nothing
    FOREIGN = "foreign"  # a question in another language, in quoting mode (quoting needs the words)
    SCOPE_YEAR = "year:scope"  # no document found is open to the year asked (the units' own check is YEAR)
    PROVINCE_YEAR = "province_year"  # the nearest passages state neither the province nor the year asked
    # the branches of the fitted rule (assistant.abstention.AbstentionRule.branches), in its order
    UNKNOWN_WORDS = "unknown_words"  # the question's words no indexed text uses
    DENSE = "dense"  # the nearest passage is too far for the index's own embedder
    ABSENT_NUMBER = "absent_number"  # a document number asked that the units do not hold
    MONTH = "month"  # a month asked that no passage speaks of
    GRAIN = "grain"  # a grain of time asked (a quarter, a round) that the passages on the subject do not give
    OTHER_DOCUMENT = "other_document"  # the number, date or signer asked are only other documents'
    NAMED_LEVEL = "named_level"  # the districts, communes or offices asked by name are only counted or described
    NAMED_INDEX = "named_index"  # every rank quoted is another index's or a region's
    REGULATION = "regulation"  # the regulation asked by its kind is not among the documents held
    YEAR = "year"  # no unit read speaks of the year asked
    QUOTED_YEAR = "quoted_year"  # the units an answer would quote are of another year
    ORDINAL = "ordinal"  # the units speak of another numbered sitting or round
    ASKED_FACT = "asked_fact"  # the units speak of the subject but not of the fact asked (a count, a date, a post…)
    PLACE = "place"  # no unit read speaks of the place asked
    TOPIC_WITHOUT_TYPE = "topic_without_type"  # the passages on the subject never state the kind of answer asked
    COVERAGE = "coverage"  # no unit covers enough of the question (one of the kind asked found)
    COVERAGE_UNTYPED = "coverage_untyped"  # the same, with no unit of the kind asked


#: The refusal made before the schedule and task hooks are tried: a hook cannot answer for a document not held.
BEFORE_HOOKS = (Refusal.NUMBER,)
#: The fitted rule's branches whose thresholds ``bench.fit_abstention`` fits.
FITTED = (Refusal.UNKNOWN_WORDS, Refusal.DENSE, Refusal.TOPIC_WITHOUT_TYPE, Refusal.COVERAGE,
          Refusal.COVERAGE_UNTYPED)
#: The fitted rule's branches that read a feature of the units rather than a threshold.
FEATURES = (Refusal.ABSENT_NUMBER, Refusal.OTHER_DOCUMENT, Refusal.YEAR, Refusal.QUOTED_YEAR, Refusal.ORDINAL,
            Refusal.ASKED_FACT, Refusal.PLACE)
