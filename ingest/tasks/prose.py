"""Read the tasks a plan assigns in prose: sentences that give an agency its work, and agency headings over bullets.

A sentence assigns a task when it opens (after a bullet, a number or "Điều N.") with its subject — one agency or
several, a group ("Các sở, ban, ngành tỉnh và UBND cấp huyện"), or their heads ("Giám đốc Sở Nội vụ", "Thủ trưởng
các sở, ban, ngành") — followed by its role:

- "chủ trì", "có trách nhiệm", "chịu trách nhiệm" (anywhere in the plan): "Sở Tư pháp có trách nhiệm rà soát …";
- after "Giao" (opening the sentence), anything: "Giao Sở Nội vụ theo dõi, đôn đốc …", "Giao Sở Tài chính phân bổ
  kinh phí …";
- in the plan's organisation section (Tổ chức thực hiện), also a task's verb, "phối hợp với …" or a colon: "Các sở,
  ban, ngành tỉnh triển khai quán triệt Kế hoạch này …", "Văn phòng UBND tỉnh phối hợp với Sở Nội vụ …".

The subject is the lead; several agencies named together each get the task, a group keeps its name as written. What
"phối hợp với …" names before the task's verb are the partners; the sentence's last period is its deadline. A report
of what was done ("Sở Nội vụ đã tổ chức …"), the closing article of a decision ("… chịu trách nhiệm thi hành Quyết
định này") and accountability ("chịu trách nhiệm trước Chủ tịch UBND tỉnh") assign nothing.

An agency heading ("1. Sở Nội vụ", "2. Văn phòng UBND tỉnh:") over bullets ("- Chủ trì tham mưu …", "- Phối hợp với Sở
Tư pháp …") gives one task per bullet: the heading's agency leads it, or partners it when the bullet opens with "phối
hợp" (the agency that bullet names after "với" then leads).

>>> from ingest.document import build_document
>>> src = ("KẾ HOẠCH\\nCải cách hành chính năm 2030\\n\\nIII. TỔ CHỨC THỰC HIỆN\\n"
...        "1. Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.\\n"
...        "2. Sở Tư pháp\\n- Chủ trì rà soát văn bản quy phạm pháp luật, hoàn thành trong quý II.\\n")
>>> doc = build_document("kh", "kh.txt", src)
>>> [(t.lead, t.content, t.deadline_text) for t in prose_tasks(doc)]
[('Sở Nội vụ', 'theo dõi, đôn đốc việc thực hiện Kế hoạch này', ''), \
('Sở Tư pháp', 'rà soát văn bản quy phạm pháp luật', 'hoàn thành trong quý II')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from index.model import Document
from index.task_facts import Span, TaskFact
from ingest.tasks.extract import Sections, split_partners, stages_of
from textnorm.agencies import GROUP, canonical_agency, find_agencies
from textnorm.cues import PASSAGE_ROLES
from textnorm.deadlines import RECURRENCES
from textnorm.lines import MARKDOWN_OPENING, NUMBERED_KINDS, marker_pattern
from textnorm.patterns import AGENCY
from textnorm.periods import find_periods, fold_same_length

#: The markers that number a heading, sorted for a stable pattern (the line markers of :mod:`textnorm.lines`).
_HEADING_KINDS = sorted(NUMBERED_KINDS)
#: What opens a line or a sentence before its subject: Markdown heading marks, a bullet, a number ("2.", "2.1.",
#: "III."), a letter ("a)") or an article ("Điều 2.").
_OPENING = re.compile(MARKDOWN_OPENING + "(?:" + marker_pattern([*_HEADING_KINDS, "bullet"], article=True)
                      + r"\s*)?(?:\*\*)?")
#: A number or heading mark opening a line: the start of the next heading, where a heading's bullets end.
_NUMBERED = re.compile(MARKDOWN_OPENING + marker_pattern(_HEADING_KINDS, article=True))
#: A bullet opening a line.
_BULLET = re.compile(marker_pattern(["bullet"]) + r"\s+")
#: "Giao", "Giao cho" opening a sentence: the plan gives what follows to the agency named next.
_GIVE = re.compile(r"[Gg]iao\s+(?:cho\s+)?")
#: "… giao Sở X chủ trì" inside a sentence (not a report of it: "đã giao").
_GIVEN_INSIDE = re.compile(r"(?<!đã )(?<!đang )(?<!vừa )\b[Gg]iao\s+(?:cho\s+)?")
#: Titles of an agency's head that an assignment may name instead of the agency ("Giao Giám đốc Sở Nội vụ …",
#: "Chánh Văn phòng UBND tỉnh"): the agency is the lead (administrative vocabulary).
_TITLE = re.compile(r"(?:Giám đốc|Thủ trưởng|Chủ tịch|Chánh|Trưởng|Người đứng đầu|Lãnh đạo)\s+")
#: A group named by its plural head when the lexicon of groups does not hold the whole phrase ("Các cơ quan, đơn
#: vị", "các Sở, ngành liên quan").
_GROUP_HEAD = re.compile(r"[Cc]ác\s+(?:sở|Sở|ban|Ban|ngành|cơ quan|đơn vị|UBND|Ủy ban|địa phương)\b"
                         r"(?:,\s*(?:ban|ngành|cơ quan|đơn vị|địa phương)\b)*")
#: What joins the agencies of one subject: a qualifier of the one before ("tỉnh", "liên quan"), then ",", ";" or
#: "và", then maybe a head's title.
_JOIN = re.compile(r"(?:\s+(?:tỉnh|thành phố|liên quan|có liên quan|các cấp|trực thuộc))*\s*(?:[,;]|\s+và)\s*"
                   r"(?:" + _TITLE.pattern + r")?")
#: Words after a subject that qualify it, not the task ("Sở Nội vụ tỉnh", "các sở, ngành liên quan").
_QUALIFIER = re.compile(r"(?:\s+(?:tỉnh|thành phố|huyện|liên quan|có liên quan|các cấp|trực thuộc|cấp tỉnh|"
                        r"cấp huyện|cấp xã))*")
#: The head word before a unit's name, which the unit grammar leaves out of its span ("Sở " of "Sở Nội vụ", "các Sở: "
#: of "các Sở: Tư pháp, Tài chính").
_NAME_HEAD = re.compile(r"(?:[Cc]ác\s+)?(?:Sở|sở|Ban|ban|UBND|Ủy ban nhân dân)\s*:?\s*$")
#: How far before a unit's name its head word may begin.
_NAME_HEAD_CHARS = 24
#: The longest name of an agency no lexicon knows, read from its head word to the role ("Ủy ban nhân dân cấp huyện").
UNKNOWN_NAME_CHARS = 60
#: The longest subject: several agencies with their heads' titles ("Giám đốc các sở, Thủ trưởng các ban, ngành; Chủ
#: tịch UBND các huyện, thành phố").
SUBJECT_CHARS = 240
#: Verbs a task opens with, where the partners named before it end (administrative vocabulary of plans).
_VERB_WORDS = ("tham mưu|xây dựng|triển khai|tổ chức|thực hiện|rà soát|kiểm tra|hướng dẫn|theo dõi|đôn đốc|báo cáo|"
               "trình|ban hành|đề xuất|nghiên cứu|hoàn thiện|hoàn thành|cập nhật|công bố|đánh giá|tuyên truyền|"
               "đẩy mạnh|tiếp tục|duy trì|nâng cấp|ứng dụng|đào tạo|bồi dưỡng|tập huấn|kiện toàn|sơ kết|tổng kết|"
               "xác định|cung cấp|giải quyết|quản lý|phát triển|vận hành|số hóa|chỉ đạo|lập|soạn thảo|phân bổ|bố trí|"
               "cử|chuẩn bị|quán triệt|phổ biến|tổng hợp|thông báo|chủ động|phối hợp")
#: A task's verb inside a sentence: lower case, so that a name ("Sở Xây dựng", "Sở Giáo dục và Đào tạo") is no verb.
TASK_VERBS = re.compile(r"[\s,]+(?=(?:" + _VERB_WORDS + r")\b)")
#: The roles that give an agency a task (administrative vocabulary): in a sentence, or opening a bullet.
_ROLE_WORDS = r"(?i:chủ trì|có trách nhiệm|chịu trách nhiệm)"
#: A role that makes the sentence an assignment wherever it stands.
_ROLE = re.compile(r"\s*[:,]?\s*(?P<role>" + _ROLE_WORDS + r")\b\s*[,:]?\s*")
#: Words that end a name no lexicon knows: what follows a subject, not part of it ("UBND cấp huyện căn cứ Kế hoạch
#: này …", "… được giao …", "… đã …").
_NAME_END = re.compile(r"\s(?=(?:căn cứ|theo|trên cơ sở|được|đã|đang|sẽ|là)\b)")
#: An adverbial phrase between a subject and its task's verb ("Các sở, ngành căn cứ Kế hoạch này xây dựng …").
_ADVERBIAL = re.compile(r"\s*,?\s*(?:căn cứ|theo|trên cơ sở)\b[^.;:]{0,100}?(?=[\s,]+(?:" + _VERB_WORDS + r")\b)")
#: A subject's qualifier that defers its role: "Các sở … được giao chủ trì … theo Phụ lục … có trách nhiệm …".
_ASSIGNED_BEFORE = re.compile(r"\s*được giao\b")
#: A role later in the sentence (after an "được giao …" qualifier).
_LATER_ROLE = re.compile(r"\s(?:có|chịu) trách nhiệm\b\s*[,:]?\s*")
#: Partners named after the role ("phối hợp với các sở, ngành liên quan").
PARTNERS_LEAD = re.compile(r"[\s,]*(?:và\s+)?phối hợp (?:với|cùng)\s+")
#: A colon before a task's verb ("Sở Nội vụ: tham mưu …"); a colon before names is a list ("các Sở: Tư pháp, …").
_COLON = re.compile(r"\s*:(?=" + r"[\s,]+(?i:" + _VERB_WORDS + r")\b)\s*")
#: Words that report what was done, not assign it ("Sở Nội vụ đã tổ chức …"): a subject followed by them is no task.
_REPORTED = re.compile(r"\s*(?:đã|đang|vừa|từng|chưa|không|cũng đã)\b")
#: What a subject or its role may govern that is no task: what it is ("Giao Sở Nội vụ là cơ quan thường trực"), the
#: closing article of a decision ("chịu trách nhiệm thi hành Quyết định này"), presiding over a meeting as news reports
#: it ("Sở Nội vụ chủ trì hội nghị …"; a plan writes "chủ trì tổ chức hội nghị"), accountability ("chịu trách nhiệm
#: trước Chủ tịch UBND tỉnh …").
_NO_TASK = re.compile(r"(?:là\b|(?:tổ chức\s+)?thi hành\b|(?:hội nghị|cuộc họp|buổi (?:làm việc|họp)|phiên họp)\b|"
                      r"trước\s+(?:pháp luật|Chủ tịch|UBND|Ủy ban|Thủ tướng|Hội đồng|Giám đốc|Bộ trưởng))")
#: Section headings of a plan's organisation section (folded): where its prose assigns the plan's work.
ORGANISATION = re.compile(r"\b(?:to chuc thuc hien|trach nhiem thuc hien|phan cong (?:nhiem vu|thuc hien|trach nhiem)|"
                          r"trach nhiem cua cac)\b")
#: Words that make a subject's member a group rather than one agency ("Ủy ban nhân dân cấp huyện", "các Sở").
_GROUPISH = re.compile(r"^(?:[Cc]ác)\b|\bcấp (?:huyện|xã)\b|\bcác (?:huyện|xã|quận|phường)\b")
#: What may follow the agency a heading names: its standing ("là cơ quan thường trực"), which of a group it means
#: ("được kiểm tra", "có liên quan", "không thuộc đối tượng kiểm tra").
_HEADING_REST = re.compile(r"(?:là (?:cơ quan|đơn vị)|được|có|thuộc|không thuộc|trực thuộc)\b[^.;:]{0,50}")
#: A bullet under an agency heading that opens with the agency's role ("- Chủ trì, …").
_ITEM_ROLE = re.compile(_ROLE_WORDS + r"\b\s*[,:]?\s*")
#: A bullet under an agency heading that makes it a partner ("- Phối hợp với Sở Tư pháp …").
_ITEM_PARTNER = re.compile(r"(?i:phối hợp)(?:\s+(?:với|cùng))?\s*")
#: Fewest words of a bullet under an agency heading that make it a task (shorter: a name in a list).
MIN_ITEM_WORDS = 3
#: Words that lead into a prose deadline and belong to it ("hoàn thành trước ngày 30/6", "trong quý II").
_DEADLINE_LEAD_IN = re.compile(r"\b(?:(?:hoan thanh|xong|thuc hien|bao cao|trinh)\s+)?"
                               r"(?:(?:truoc|trong|vao|cham nhat(?: la)?|khong qua|tu|den het)\s+)?$")


@dataclass
class _Subject:
    """Who a sentence assigns: the agencies named (each span) and where the subject ends."""

    start: int
    end: int
    members: list[tuple[int, int, bool, str]]  # (start, end, is_group, canonical name or "")


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:-–*":
        start += 1
    while end > start and text[end - 1] in " ,;:.*/":
        end -= 1
    return start, end


def _mentions(text: str, start: int, end: int) -> list[tuple[int, int, bool, str]]:
    """Agencies named in ``text[start:end]``: (start, end, is_group, canonical name), the lexicon's names first, then
    the heads of names it does not know (name "": the caller extends them to the task)."""
    known = []
    for a in find_agencies(text[start:end]):
        if _TITLE.search(a.name):  # "các sở, Thủ trưởng các ban" is no Sở named "Thủ trưởng các ban"
            continue
        head = _NAME_HEAD.search(text, max(start, start + a.start - _NAME_HEAD_CHARS), start + a.start)
        known.append((head.start() if head else start + a.start, start + a.end, a.kind == GROUP, a.name))
    heads = [(m.start(), m.end(), True, "") for m in _GROUP_HEAD.finditer(text, start, end)]
    heads += [(m.start(), m.end(), False, "") for m in AGENCY.finditer(text, start, end)]
    out = list(known)
    for head in heads:
        if not any(k[0] <= head[0] < k[1] for k in out):
            out.append(head)
    return sorted(out)


def _skip_title(text: str, pos: int) -> int:
    m = _TITLE.match(text, pos)
    return m.end() if m else pos


def read_subject(text: str, pos: int, end: int) -> _Subject | None:
    """The agencies named from ``pos`` on, joined by ",", ";" or "và" (each maybe after its head's title), or None when
    no agency opens there.

    >>> text = "Giám đốc các sở, Thủ trưởng các ban, ngành; Chủ tịch UBND cấp huyện có trách nhiệm"
    >>> s = read_subject(text, 0, len(text)); text[s.start:s.end], len(s.members)
    ('các sở, Thủ trưởng các ban, ngành; Chủ tịch UBND cấp huyện', 3)
    """
    pos = _skip_title(text, pos)
    window = min(end, pos + SUBJECT_CHARS)
    mentions = _mentions(text, pos, window)
    first = next((m for m in mentions if m[0] == pos), None)
    if first is None:
        return None
    members = [_qualified(text, first)]
    while True:
        join = _JOIN.match(text, members[-1][1])
        following = next((m for m in mentions if join and m[0] == join.end() and m[0] > members[-1][1]), None)
        if following is None:
            break
        members.append(_qualified(text, following))
    return _Subject(pos, members[-1][1], members)


def _qualified(text: str, mention: tuple[int, int, bool, str]) -> tuple[int, int, bool, str]:
    """A mention with the words that qualify it ("Các sở, ban, ngành tỉnh")."""
    return mention[0], _QUALIFIER.match(text, mention[1]).end(), mention[2], mention[3]


def _extend_unknown(text: str, subject: _Subject, end: int) -> None:
    """An agency no lexicon knows ends where the task begins: its last member is extended to the role or verb that
    follows within :data:`UNKNOWN_NAME_CHARS` ("Ủy ban nhân dân cấp huyện triển khai …")."""
    s, e, group, name = subject.members[-1]
    if name:
        return
    limit = min(end, e + UNKNOWN_NAME_CHARS)
    stops = [m.start() for m in (_ROLE.search(text, e, limit), TASK_VERBS.search(text, e, limit),
                                 PARTNERS_LEAD.search(text, e, limit), _NAME_END.search(text, e, limit)) if m]
    stop = min(stops, default=None)
    if stop is not None and not re.search(r"[.;:()]", text[e:stop]):
        subject.members[-1] = (s, stop, group, name)
        subject.end = stop


@dataclass
class _Assignment:
    """A sentence read as an assignment: its subject, and where the task's words begin."""

    subject: _Subject
    cursor: int
    role: str  # "role" | "given" | "verb" | "partner" | "colon"


def _assignment(text: str, start: int, end: int, in_org: bool) -> _Assignment | None:
    """The subject and the task's start of a sentence that assigns one (see the module's rules), else None."""
    pos = _OPENING.match(text, start, end).end()
    give = _GIVE.match(text, pos, end)
    if give is None:
        inside = _GIVEN_INSIDE.search(text, pos, end)
        if inside is not None and inside.start() > pos:
            subject = read_subject(text, inside.end(), end)
            found = _after_subject(text, subject, end, in_org=False, given=False) if subject else None
            if found is not None:
                return found
    subject = read_subject(text, give.end() if give else pos, end)
    if subject is None:
        return None
    _extend_unknown(text, subject, end)
    return _after_subject(text, subject, end, in_org=in_org, given=give is not None)


def _after_subject(text: str, subject: _Subject, end: int, *, in_org: bool, given: bool) -> _Assignment | None:
    """What follows a subject decides: a role, a deferred role, "Giao …", or (in the organisation section) a verb,
    partners or a colon."""
    after = subject.end
    if _REPORTED.match(text, after, end):
        return None
    role = _ROLE.match(text, after, end)
    if role is not None:
        return _Assignment(subject, role.end(), "role")
    if _ASSIGNED_BEFORE.match(text, after, end):
        later = _LATER_ROLE.search(text, after, end)
        return _Assignment(subject, later.end(), "role") if later else None
    if given:
        return _Assignment(subject, after, "given")
    if not in_org:
        return None
    if PARTNERS_LEAD.match(text, after, end):
        return _Assignment(subject, after, "partner")
    verb = TASK_VERBS.match(text, after, end) or _ADVERBIAL.match(text, after, end)
    if verb is not None:
        return _Assignment(subject, after, "verb")
    colon = _COLON.match(text, after, end)
    return _Assignment(subject, colon.end(), "colon") if colon else None


def partners_end(text: str, start: int, end: int) -> int:
    """Where the partners named from ``start`` end: before the task's verb, else at the first comma."""
    verb = TASK_VERBS.search(text, start, end)
    if verb:
        return verb.start()
    comma = text.find(",", start, end)
    return comma if comma != -1 else end


def prose_deadline(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a sentence's deadline at or after ``start``: its last period with the words leading into it, or
    a recurrence ("thường xuyên")."""
    periods = [(s + start, e + start) for s, e, _ in find_periods(text[start:end])]
    if periods:
        s, e = periods[-1]
    else:
        folded = fold_same_length(text[start:end])
        hits = [m for _, pattern in RECURRENCES for m in [pattern.search(folded)] if m]
        if not hits:
            return None
        first = min(hits, key=lambda m: m.start())
        s, e = start + first.start(), start + first.end()
    lead_in = _DEADLINE_LEAD_IN.search(fold_same_length(text[start:s]))
    return (start + lead_in.start() if lead_in else s), e


@dataclass
class _Body:
    """The words of a task after its subject and role: partners, content, deadline (spans)."""

    partners: list[tuple[str, Span]]
    content: tuple[int, int]
    deadline: tuple[int, int] | None


def _body(text: str, cursor: int, end: int) -> _Body | None:
    named = []
    partners = PARTNERS_LEAD.match(text, cursor, end)
    if partners:
        p_end = partners_end(text, partners.end(), end)
        named = split_partners(text, partners.end(), p_end)
        cursor = p_end
    deadline = prose_deadline(text, cursor, end)
    content = _strip(text, cursor, deadline[0] if deadline else end)
    if content[0] >= content[1] or _NO_TASK.match(text, content[0], content[1]):
        return None
    return _Body(named, content, deadline)


def _leads(text: str, subject: _Subject) -> list[tuple[tuple[int, int], str]]:
    """The leads of a subject, each a span and its name: each single agency on its own (named as written, or by its
    canonical name when the text names it by distribution: "Tài chính" of "các Sở: Tư pháp, Tài chính"), the groups
    together as written."""
    singles, groups = [], []
    for s, e, group, name in subject.members:
        s, e = _strip(text, _skip_title(text, s), e)
        written = text[s:e]
        if group or (not name and _GROUPISH.search(written)):
            groups.append((s, e))
            continue
        plain = name and canonical_agency(written) == name and not _GROUPISH.search(written)
        singles.append(((s, e), written if plain or not name else name))
    if groups:
        singles.append(((groups[0][0], groups[-1][1]), text[groups[0][0]:groups[-1][1]]))
    return sorted(singles)


def _fact(doc: Document, row: tuple[int, int], lead: tuple[tuple[int, int], str] | None, body: _Body,
          where: tuple[str, Span | None], year: int | None, partners: list[tuple[str, Span]] | None = None) -> TaskFact:
    text = doc.text
    named = body.partners if partners is None else partners
    deadline = body.deadline
    deadline_text = text[deadline[0]:deadline[1]] if deadline else ""
    return TaskFact(
        doc.doc_id, area=where[0], content=text[body.content[0]:body.content[1]], product="",
        lead=lead[1] if lead else "", partners=tuple(name for name, _ in named),
        deadline_text=deadline_text, stages=stages_of(deadline_text, year), row=Span(*_strip(text, *row)),
        content_span=Span(*body.content), lead_span=Span(*lead[0]) if lead else None,
        partner_spans=tuple(span for _, span in named), deadline_span=Span(*deadline) if deadline else None,
        area_span=where[1], source_form="prose")


def sentence_tasks(doc: Document, start: int, end: int, where: tuple[str, Span | None], year: int | None,
                   in_org: bool) -> list[TaskFact]:
    """The tasks one sentence assigns (one per single agency it names; [] when it assigns none)."""
    text = doc.text
    found = _assignment(text, start, end, in_org)
    if found is None:
        return []
    body = _body(text, found.cursor, end)
    if body is None:
        return []
    return [_fact(doc, (start, end), lead, body, where, year) for lead in _leads(text, found.subject)]


# -- agency headings over bullets -------------------------------------------------------------------------------------
def _heading_subject(text: str, start: int, end: int) -> _Subject | None:
    """The agency a numbered heading line names alone ("1. Sở Nội vụ", "2. Văn phòng UBND tỉnh:", "1. Giao Sở Nội vụ
    là cơ quan thường trực"), or None."""
    opening = _NUMBERED.match(text, start, end)
    if opening is None:
        return None
    pos = _OPENING.match(text, start, end).end()
    give = _GIVE.match(text, pos, end)
    subject = read_subject(text, give.end() if give else pos, end)
    if subject is None:
        return None
    rest = text[subject.end:end].strip(" :*#.")
    return subject if not rest or _HEADING_REST.fullmatch(rest) else None


def _items(text: str, lines: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """The bullets under the heading at ``lines[i]`` (blank lines between them skipped); a heading followed by one
    paragraph that is no bullet has that paragraph."""
    items = []
    for s, e in lines[i + 1:]:
        if s == e or not text[s:e].strip():
            continue
        if _NUMBERED.match(text, s, e):
            break
        if not _BULLET.match(text, s, e):
            if not items:
                items.append((s, e))
            break
        items.append((s, e))
    return items


def _item_facts(doc: Document, s: int, e: int, subject: _Subject, where, year: int | None) -> list[TaskFact]:
    """The task of one bullet under an agency heading, once per agency the heading names: the agency leads it, or
    partners it ("- Phối hợp với Sở Tư pháp …": the agency after "với" leads)."""
    text = doc.text
    pos = _OPENING.match(text, s, e).end()
    if read_subject(text, pos, e) is not None or len(text[pos:e].split()) < MIN_ITEM_WORDS:
        return []  # a bullet naming its own agency is a sentence of its own; a short one is a name in a list
    leads = _leads(text, subject)
    partner = _ITEM_PARTNER.match(text, pos, e)
    if partner is None:
        role = _ITEM_ROLE.match(text, pos, e)
        body = _body(text, role.end() if role else pos, e)
        return [_fact(doc, (s, e), lead, body, where, year) for lead in leads] if body else []
    p_end = partners_end(text, partner.end(), e)
    named = split_partners(text, partner.end(), p_end) if partner.end() < p_end else []
    body = _body(text, p_end, e)
    if body is None:
        return []
    single = len(named) == 1 and not _GROUPISH.search(named[0][0])
    lead_of = ((named[0][1].start, named[0][1].end), named[0][0]) if single else None
    return [_fact(doc, (s, e), lead_of, body, where, year, partners=[(name, Span(*span)) for span, name in leads])]


def heading_tasks(doc: Document, year: int | None, sections: Sections, skip) -> tuple[list[TaskFact], list]:
    """The tasks of every agency heading's bullets, and the headings' lines."""
    text = doc.text
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    out, headings = [], []
    for i, (s, e) in enumerate(lines):
        if s == e or skip(s):
            continue
        subject = _heading_subject(text, s, e)
        if subject is None:
            continue
        headings.append((s, e))
        for item_s, item_e in _items(text, lines, i):
            if skip(item_s):
                continue
            out += _item_facts(doc, item_s, item_e, subject, sections.area(item_s), year)
    return out, headings


def _skipper(doc: Document, sections: Sections, skip: list[Span] | None):
    """A test for offsets no prose task is read at: front and end matter, and the given spans (table rows)."""
    taken = sorted(skip or [], key=lambda s: s.start)
    starts = [s.start for s in taken]

    def skipped(offset: int) -> bool:
        passage = sections.passage_at(offset)
        if passage is not None and passage.kind in PASSAGE_ROLES:  # front and end matter assign no task
            return True
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < taken[i].end

    return skipped


def in_organisation(sections: Sections, offset: int) -> bool:
    """Whether an offset stands in the plan's organisation section (a heading of its path is "Tổ chức thực hiện")."""
    return any(ORGANISATION.search(fold_same_length(c).lower()) for c in sections.path(offset))


def prose_tasks(doc: Document, year: int | None = None, skip: list[Span] | None = None) -> list[TaskFact]:
    """The tasks assigned in the document's sentences and under its agency headings (outside the ``skip`` spans: its
    table rows), in document order."""
    from textnorm.lines import sentence_spans

    sections = Sections(doc)
    skipped = _skipper(doc, sections, skip)
    tasks, headings = heading_tasks(doc, year, sections, skipped)
    rows = {(t.row.start, t.row.end) for t in tasks} | set(headings)
    for start, end in sentence_spans(doc.text, clauses=False):
        if skipped(start) or any(s <= start < e for s, e in rows):
            continue
        where = sections.area(start)
        tasks += sentence_tasks(doc, start, end, where, year, in_organisation(sections, start))
    return sorted(tasks, key=lambda t: (t.row.start, t.lead_span.start if t.lead_span else 0))


__all__ = ["prose_tasks", "sentence_tasks", "heading_tasks", "read_subject", "in_organisation", "ORGANISATION"]
