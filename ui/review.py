"""What the reviewers' pages share (issue 20): who may review, the recorded citations, a citation's verdicts.

Who may review is decided here once: a signed-in account by its role (``Account.can_review``, through
:func:`ui.admin.require_role`); with no account at all in the store, everyone, as before accounts existed.
"""

from __future__ import annotations

import ui
from assistant.accounts import Role
from assistant.feedback import VERDICTS, ReviewRow
from assistant.history import open_conversations
from assistant.review import RecordedCitation, recorded_citations
from ui import auth, render
from ui.admin import require_role
from ui.auth import current_account


def reviewer_gate(settings, purpose: str) -> bool:
    """Whether this session may see and give verdicts; shows why not (or the login form) when it may not."""
    return require_role(Role.REVIEWER, purpose)


def may_judge() -> bool:
    """Whether this session gives verdicts in the chat's source panel: a reviewer's account, or anyone while the
    store holds no account (anonymous use as before accounts: the verdict is recorded as "ẩn danh"); a signed-in
    official, or an anonymous visitor once accounts exist, only reads them."""
    account = current_account()
    if account is not None:
        return account.can_review
    return not auth.account_store().has_accounts()


def reviewer_fields() -> dict:
    """The signed-in reviewer as :meth:`~assistant.feedback.FeedbackStore.review` takes it ({} when anonymous)."""
    account = current_account()
    return {"reviewer": account.name, "reviewer_name": account.display_name} if account else {}


def recorded(settings) -> list[RecordedCitation]:
    """Every citation of every saved answer, oldest answer first."""
    return recorded_citations(open_conversations(settings).recorded_turns())


def cited_lines(answer_text: str, n: int) -> list[str]:
    """The lines of an answer that cite ``[n]`` (what the citation has to support), in order.

    >>> cited_lines("Kiểm tra:\\n- Sở Y tế [1][2]\\n- Sở Nội vụ [3]\\n- Sở Tư pháp [12]", 1)
    ['- Sở Y tế [1][2]']
    """
    ref = f"[{int(n)}]"
    return [line for line in (answer_text or "").splitlines() if ref in line]


def verdict_lines(rows: list[ReviewRow], me: str = "") -> str:
    """Markdown bullets "**who** (bạn): Sai (dd/mm/yyyy hh:mm) — _note_" for a citation's verdicts.

    >>> row = ReviewRow(1, "2026-12-05T10:00:00+07:00", "k", "q", "a", 1, "d", "", 0, 1, "x", "sai", "Sai *sở*",
    ...                 "lan", "Nguyễn Thị Lan")
    >>> print(verdict_lines([row], me="lan"))
    - **Nguyễn Thị Lan** (bạn): Sai (05/12/2026 10:00) — _Sai \\*sở\\*_
    """
    lines = []
    for r in rows:
        mine = " (bạn)" if me and r.reviewer == me else ""
        note = f" — _{render.escape_markdown(r.comment)}_" if r.comment else ""
        lines.append(f"- **{render.escape_markdown(r.who)}**{mine}: {VERDICTS[r.verdict]} "
                     f"({ui.vn_date(r.created_at)}){note}")
    return "\n".join(lines)


#: The columns of the verdicts' CSV (one row per verdict: who judged which citation of which answer, and when).
CSV_COLUMNS = ["thoi_gian", "nguoi_ra_soat", "tai_khoan", "ket_luan", "ghi_chu", "cau_hoi", "cau_tra_loi", "n",
               "doc_id", "van_ban", "start", "end", "trich_dan"]


def reviews_csv(rows: list[ReviewRow]) -> bytes:
    """The verdicts as CSV (Excel-ready), each with its reviewer's name and login ("ẩn danh" without an account).

    >>> row = ReviewRow(1, "2026-12-05T10:00:00+07:00", "k", "Sở nào?", "Sở Y tế [1].", 1, "kh-1", "KH 12", 0, 7,
    ...                 "Sở Y tế", "sai", "", "lan", "Nguyễn Thị Lan")
    >>> reviews_csv([row]).decode("utf-8-sig").splitlines()[1]
    '2026-12-05T10:00:00+07:00,Nguyễn Thị Lan,lan,Sai,,Sở nào?,Sở Y tế [1].,1,kh-1,KH 12,0,7,Sở Y tế'
    """
    from ui.schedule import to_csv

    values = ((r.created_at, r.who, r.reviewer, VERDICTS[r.verdict], r.comment, r.question, r.answer_text, r.n,
               r.doc_id, r.doc_label or r.doc_id, r.start, r.end, r.quote) for r in rows)
    return to_csv([dict(zip(CSV_COLUMNS, v, strict=True)) for v in values], CSV_COLUMNS)


__all__ = ["cited_lines", "may_judge", "reviewer_gate", "reviewer_fields", "recorded", "verdict_lines", "reviews_csv",
           "CSV_COLUMNS"]
