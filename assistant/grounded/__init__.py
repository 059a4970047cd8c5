"""The default answerer: no LLM, only verbatim units (sentences, list items, lists, table rows, header lines).

One scorer rates every unit of the passages found (and of the lead documents' front and end matter) against the
question's :class:`~retriever.query.QueryAnalysis`: the weight of the question's topic words it contains, the rank of
its passage, and whether it carries the kind of answer asked for (a signer, a number, a date, a document cited…).
The answer leads with the best unit and its document, then a few supporting units grouped by document, each followed
by its [n]. Every citation's quote is an exact span of the document's cleaned text.

The steps, one module each: :mod:`~assistant.grounded.units` (a passage cut into quotable units),
:mod:`~assistant.grounded.scoring` (each unit rated for the question), :mod:`~assistant.grounded.selection` (the
direct answer and its support; :mod:`~assistant.grounded.asked` puts first the unit adding what is asked when the
best only restates the subject), :mod:`~assistant.grounded.rendering` (the answer's text and citations), and
:mod:`~assistant.grounded.compose` (the four in order); :mod:`~assistant.grounded.config` holds their constants.

Setup / use::

    >>> from assistant.grounded import GroundedConfig
    >>> GroundedConfig().max_support_units
    3
"""

from assistant.grounded.compose import abstain, compose_grounded_answer
from assistant.grounded.config import GroundedConfig
from assistant.grounded.rendering import quote_span, row_quote, write_answer
from assistant.grounded.response import GroundedResponse
from assistant.grounded.scoring import carried_types, idf_table, score_all, score_unit
from assistant.grounded.selection import Selection, select_units
from assistant.grounded.units import HEADER_KINDS, QuotedSpan, line_role, split_units

__all__ = ["GroundedConfig", "GroundedResponse", "QuotedSpan", "Selection", "compose_grounded_answer", "abstain",
           "split_units", "score_all", "score_unit", "select_units", "write_answer", "quote_span", "row_quote",
           "idf_table", "line_role", "carried_types", "HEADER_KINDS"]
