"""Questions about inspection schedules answered from the facts of every plan in scope (issue 14).

"Những sở nào được kiểm tra trong quý III?" lists, for each plan, the units it schedules in that period; "Sở Y tế
được kiểm tra khi nào?" lists, for each plan naming it, when. Every unit is cited by the span it was read from.
Other questions return None and go to the passage answerer.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from assistant.absence import gives_asked_grain
from assistant.types import Answer, Citation
from index.model import DocumentMetadata, document_label
from index.schedule_facts import PlanSchedule, load_schedule
from retriever.period import question_period
from textnorm.citations import cited_numbers, renumber_markers
from textnorm.cues import BODY_NOUNS
from textnorm.gazetteer import province_key
from textnorm.periods import Period, fold_same_length
from textnorm.units import find_bodies

#: A question asking which bodies (after folding): "sở nào", "đơn vị nào", "những sở", "danh sách", "ai".
_UNIT_WORDS = "(?:" + "|".join(sorted(BODY_NOUNS, key=len, reverse=True)) + ")"
WHICH_UNITS = re.compile(r"\b" + _UNIT_WORDS + r"\s+(?:nao|gi)\b|\b(?:nhung|cac)\s+" + _UNIT_WORDS + r"\b|"
                         r"\bdanh sach\b|\bai\b|\blich kiem tra\b|\bkiem tra\s+(?:nhung\s+)?(?:o\s+)?dau\b|"
                         r"\bkiem tra\s+(?:nhung\s+)?(?:don vi|so|co quan)\b")
#: A question about inspection at all.
INSPECTION = re.compile(r"kiem tra")
#: A question asking for the inspection schedule itself: it asks when, as "khi nào" does
#: (:attr:`retriever.query.QueryAnalysis.asks_when`).
SCHEDULE_QUESTION = re.compile(r"lich kiem tra")
#: Unit kinds a question restricts itself to ("sở nào" → Sở only).
KIND_WORDS = (("so", re.compile(r"\bso\b")), ("ubnd", re.compile(r"\b(?:huyen|xa|ubnd|dia phuong)\b")))


@dataclass
class _Plan:
    doc_id: str
    label: str
    record: object
    schedule: PlanSchedule
    province: str
    year: str


#: Characters in one line of the chat column: Streamlit's centred layout is 46 rem wide, less the avatar, and a line of
#: Vietnamese text at the default font holds about 100 of them.
CHAT_LINE_CHARS = 100
#: Lines of an answer a reader takes in before deciding whether to read on (the opening of a chat bubble).
FIRST_READ_LINES = 4
#: Characters of an answer read first: every plan should be named within them.
DIRECT_CHARS = CHAT_LINE_CHARS * FIRST_READ_LINES


def _short_label(line: str) -> str:
    """ "- Kế hoạch 36/KH-UBND – Kiên Giang, 2021, quý III/2021: …" → "36/KH-UBND Kiên Giang 2021". """
    label = line.removeprefix("- ").split(":", 1)[0]
    head, _, where = label.partition(" – ")
    number = head.split(" ", 2)[-1] if "/" in head else ""
    return " ".join(x for x in (number, ", ".join(where.split(", ")[:2]).replace(",", "")) if x)


def schedule_plans(state) -> list[_Plan]:
    """Plans with a schedule among the indexed documents (read once per lexical state: kept in its memo)."""
    return state.memo("schedule.plans", _read_plans)


def _read_plans(state) -> list[_Plan]:
    plans = []
    for doc_id, record in sorted(state.records.items()):
        schedule = load_schedule(state.schedules.get(doc_id, ""))
        if schedule is None:
            continue
        md = DocumentMetadata.of(record.metadata)
        plans.append(_Plan(doc_id, document_label(record.metadata, record.title), record, schedule,
                           province_key(md.province), md.year))
    return plans


def _in_scope(plan: _Plan, provinces: set[str], years: set[str], doc_ids: set[str], unread_ok: bool = False) -> bool:
    """The plan is of the scope; with ``unread_ok``, a plan whose province or year was not read is too."""
    if doc_ids and plan.doc_id not in doc_ids:
        return False
    if provinces and plan.province not in provinces and not (unread_ok and not plan.province):
        return False
    if years:
        stated = {str(p.year) for _, _, p in plan.schedule.periods if p.year}
        stated |= {str(f.period.year) for f in plan.schedule.facts if f.period.year}
        known = (stated | {plan.year}) - {""}
        return bool(years & known) or (unread_ok and not known)
    return True


def _plans_in_scope(plans: list[_Plan], provinces: set[str], years: set[str], doc_ids: set[str]) -> list[_Plan]:
    """The plans known to be of the scope; when there are none, those whose province or year was not read (metadata
    is a hint, never a gate: issue 18)."""
    known = [p for p in plans if _in_scope(p, provinces, years, doc_ids)]
    return _ordered(known or [p for p in plans if _in_scope(p, provinces, years, doc_ids, unread_ok=True)])


def _matches(fact_period: Period, asked: Period) -> bool:
    """Whether a stated period falls in the asked one (a half-year never counts as a quarter)."""
    if asked.year and fact_period.year and asked.year != fact_period.year:
        return False
    if fact_period.half and not asked.half:
        return False
    if asked.quarters and not asked.half:
        return bool(set(fact_period.quarters) & set(asked.quarters)) if len(asked.months) > 1 else \
            asked.months[0] in fact_period.months
    return set(fact_period.months) <= set(asked.months) or set(asked.months) <= set(fact_period.months)


class _Cites:
    """Numbered citations, one per distinct span."""

    def __init__(self) -> None:
        self.items: list[Citation] = []
        self._index: dict = {}

    def cite(self, plan: _Plan, start: int, end: int, section: str = "") -> str:
        key = (plan.doc_id, start, end)
        if key not in self._index:
            md = plan.record.metadata
            quote = plan.schedule.quote(start, end)
            n = len(self.items) + 1
            self.items.append(Citation(n=n, doc_id=plan.doc_id, title=DocumentMetadata.of(md).title or plan.doc_id,
                                       source=plan.record.source, section=section, quote=quote, start=start, end=end,
                                       label=plan.label, metadata={k: v for k, v in md.items() if isinstance(v, str)}))
            self._index[key] = n
        return f"[{self._index[key]}]"


def _numbered(answer: Answer) -> Answer:
    """Citations renumbered in the order their markers appear in the text."""
    order = cited_numbers(answer.text)
    new = {old: i + 1 for i, old in enumerate(order)}
    answer.text = renumber_markers(answer.text, new)
    by_old = {c.n: c for c in answer.citations}
    answer.citations = [dataclasses.replace(by_old[old], n=new[old]) for old in order if old in by_old]
    return answer


def _kinds(folded: str) -> set[str]:
    return {kind for kind, pattern in KIND_WORDS if pattern.search(folded)} or {"so", "ban", "ubnd"}


def _scope(analysis, filters) -> tuple[set[str], set[str], set[str]]:
    provinces = set(getattr(filters, "provinces", ()) or ()) | set(analysis.provinces)
    years = set(getattr(filters, "years", ()) or ()) | set(analysis.years)
    doc_ids = set(getattr(filters, "doc_ids", ()) or ())
    return provinces, years, doc_ids


def _markers(plan: _Plan, facts, cites: _Cites) -> str:
    """Citation markers of the spans naming the units, then of the spans stating their period."""
    spans = list(dict.fromkeys((f.start, f.end, f.section) for f in facts))
    markers = "".join(cites.cite(plan, s, e, section) for s, e, section in spans)
    period_spans = {(f.period_start, f.period_end) for f in facts
                    if not any(s <= f.period_start and f.period_end <= e for s, e, _ in spans)}
    return markers + "".join(cites.cite(plan, s, e) for s, e in sorted(period_spans))


def _stated(plan: _Plan, fact) -> str:
    """The period of a fact as the plan writes it (a day "17/9", not "17/09": :meth:`Period.stated_as_written`)."""
    return fact.period.stated_as_written(plan.schedule.quote(fact.period_start, fact.period_end))


def _units_line(plan: _Plan, facts, cites: _Cites) -> str:
    return ", ".join(dict.fromkeys(f.unit for f in facts)) + " " + _markers(plan, facts, cites)


def answer_which(question: str, asked: Period, plans: list[_Plan], kinds: set[str]) -> Answer:
    """Units scheduled in a period, one line per plan; half-year-only plans said plainly; nothing → abstain."""
    cites, lines, only_half, unnamed = _Cites(), [], [], []
    for plan in plans:
        facts = [f for f in plan.schedule.facts if f.is_inspection and f.unit_kind in kinds
                 and _matches(f.period, asked)]
        if facts:
            labels = list(dict.fromkeys(_stated(plan, f) for f in facts))
            lines.append(f"- {plan.label}, {'; '.join(labels)}: {_units_line(plan, facts, cites)}")
            continue
        half = [f for f in plan.schedule.facts if f.is_inspection and f.unit_kind in kinds and f.period.half
                and set(asked.months) <= set(f.period.months) and not (asked.year and f.period.year != asked.year)]
        if half:
            only_half.append(f"- {plan.label}: chỉ ghi {half[0].period.stated()} ({_units_line(plan, half, cites)})")
            continue
        stated = [(s, e, p) for s, e, p in plan.schedule.periods if _matches(p, asked)]
        if stated and not any(f.is_inspection and f.unit_kind in kinds for f in plan.schedule.facts
                              if _matches(f.period, stated[0][2])):
            s, e, p = stated[0]
            unnamed.append((plan, s, e, p))
    named_any = bool(lines or only_half)
    lines += [f"- {plan.label}: kiểm tra {p.stated()}, không nêu tên từng đơn vị {cites.cite(plan, s, e)}"
              for plan, s, e, p in unnamed]
    if not named_any:
        # no plan names a unit for the period: refused, saying which plans only give a period for the whole plan
        text = _nothing_scheduled(asked, plans)
        if lines:
            text += "\nCác kế hoạch chỉ ghi thời gian kiểm tra chung:\n" + "\n".join(lines)
        return _numbered(Answer(question=question, text=text, abstained=True, citations=cites.items,
                                mode="schedule"))
    body = lines + only_half
    head = f"Lịch kiểm tra {asked.label()} theo {len(body)} kế hoạch:"
    if len(head) + sum(len(line) + 1 for line in body[:-1]) > DIRECT_CHARS:
        # the lines do not all start within the first characters read: name every plan in the head first
        short = "; ".join(dict.fromkeys(_short_label(line) for line in body))
        head = (f"Lịch kiểm tra {asked.label()} theo {len(body)} kế hoạch ({short}); danh sách từng kế hoạch dài, "
                "xem các dòng dưới đây:")
    return _numbered(Answer(question=question, text="\n".join([head] + body), citations=cites.items,
                            mode="schedule"))


#: Periods named when a refusal says what the plans in scope do schedule.
MAX_PERIODS_SHOWN = 8


def _nothing_scheduled(asked: Period, plans: list[_Plan]) -> str:
    """Why nothing is listed, and when the plans in scope (of the year asked, where one is) do inspect."""
    reason = f"Không có kế hoạch nào trong phạm vi nêu tên đơn vị được kiểm tra trong {asked.label()}."
    periods = {f.period for p in plans for f in p.schedule.facts if f.is_inspection}
    same_year = {p for p in periods if asked.year and p.year == asked.year}
    shown = sorted(same_year or periods, key=lambda p: (p.start, p.end))
    if shown:
        where = f"năm {asked.year}" if same_year else "hiện có"
        reason += (f" Các kế hoạch {where} lên lịch kiểm tra vào: "
                   + ", ".join(dict.fromkeys(p.label() for p in shown[:MAX_PERIODS_SHOWN])) + ".")
    return reason


def _unit_keys(state) -> list[tuple[str, str, str]]:
    """(folded key, key without "ubnd", unit) of every unit the state's plans name, computed once per lexical state."""
    return state.memo("schedule.unit_keys", lambda s: _keys_of(schedule_plans(s)))


def _keys_of(plans: list[_Plan]) -> list[tuple[str, str, str]]:
    keys = []
    for unit in sorted({f.unit for plan in plans for f in plan.schedule.facts}, key=len, reverse=True):
        key = " " + re.sub(r"[^a-z0-9]+", " ", fold_same_length(unit)).strip() + " "
        keys.append((key, key.replace(" ubnd ", " ", 1), unit))
    return keys


def _unit_in(folded_question: str, state) -> str | None:
    """The longest unit of the facts that the question names (accents optional; "UBND" optional)."""
    q = " " + re.sub(r"[^a-z0-9]+", " ", folded_question) + " "
    return next((unit for key, short, unit in _unit_keys(state) if key in q or (short.strip() and short in q)), None)


def _unit_named(question: str, folded: str, state) -> str | None:
    """The unit a question names: read with the documents' own grammar ("Sở LĐTB&XH" is "Sở Lao động - Thương binh
    và Xã hội"), else matched against the units the state's plans name (accents optional)."""
    known = {unit for _, _, unit in _unit_keys(state)}
    named = [u.name for u in find_bodies(question) if u.name in known]
    return named[0] if named else _unit_in(folded, state)


def answer_when(question: str, unit: str, plans: list[_Plan], asked: Period | None = None) -> Answer:
    """When a unit is inspected, across every plan in scope that names it (within the period asked, if any)."""
    cites, lines, elsewhere = _Cites(), [], []
    for plan in plans:
        facts = [f for f in plan.schedule.facts if f.unit == unit]
        if asked is not None:
            elsewhere += [f.period.stated() for f in facts if not _matches(f.period, asked)]
            facts = [f for f in facts if _matches(f.period, asked)]
        if facts:
            when = "; ".join(dict.fromkeys(f"{_stated(plan, f)} ({f.activity})" for f in facts))
            lines.append(f"- {plan.label}: {when} {_markers(plan, facts, cites)}")
    if not lines:
        within = f" trong {asked.label()}" if asked is not None else ""
        text = f"Không kế hoạch nào trong phạm vi nêu lịch kiểm tra {unit}{within}."
        if elsewhere:
            text += f" Các kế hoạch lên lịch kiểm tra {unit} vào: " + ", ".join(dict.fromkeys(elsewhere)) + "."
        return Answer(question=question, text=text, abstained=True, mode="schedule")
    within = f" trong {asked.label()}" if asked is not None else ""
    return _numbered(Answer(question=question, citations=cites.items, mode="schedule",
                            text="\n".join([f"{unit} được kiểm tra{within} theo {len(lines)} kế hoạch:"] + lines)))


def answer_from_schedule(question: str, analysis, filters, state) -> Answer | None:
    """The answer from schedule facts, or None when the question is not about who is inspected when.

    Args:
        question: as typed.
        analysis: its :class:`retriever.query.QueryAnalysis` (after follow-up resolution: ``original`` is the
            question as resolved; provinces and years named).
        filters: the :class:`retriever.hybrid.SearchFilters` chosen in the UI (or None).
        state: the index's lexical state (document records carry the facts).

    Returns:
        An :class:`Answer` (``mode="schedule"``), or None: the passage answerer goes on.
    """
    asked_text = analysis.original or question
    folded = fold_same_length(analysis.text + " " + asked_text)
    all_plans = schedule_plans(state)
    if not INSPECTION.search(folded) or not all_plans:
        return None
    provinces, years, doc_ids = _scope(analysis, filters)
    asked = question_period(asked_text, list(analysis.years)) or question_period(analysis.text, list(analysis.years))
    unit = _unit_named(asked_text, folded, state)
    if asked is not None and WHICH_UNITS.search(folded):
        if asked.year:
            years = years - {str(asked.year)}  # the period carries the year; the plan may be issued the year before
        plans = _plans_in_scope(all_plans, provinces, years, doc_ids)
        answer = answer_which(question, asked, plans, _kinds(folded)) if plans else None
    elif unit and (analysis.asks_when or SCHEDULE_QUESTION.search(folded) or asked is not None):
        if asked is not None and asked.year:
            years = years - {str(asked.year)}
        plans = _plans_in_scope(all_plans, provinces, years, doc_ids)
        answer = answer_when(question, unit, plans, asked) if plans else None
    else:
        return None
    if answer is None or not gives_asked_grain(question, answer.text):
        return None  # no plan with a schedule in scope, or no time of the grain asked: the passage answerer says why
    answer.query = analysis.text
    return answer


def _ordered(plans: list[_Plan]) -> list[_Plan]:
    """Newest plans first, then by province."""
    return sorted(plans, key=lambda p: (-int(p.year) if p.year.isdigit() else 0, p.province, p.doc_id))


__all__ = ["answer_from_schedule", "schedule_plans"]
