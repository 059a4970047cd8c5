"""The reviewer's pages driven by streamlit.testing (issue 20): a reopened citation shows its verdicts, the queue moves
on after a verdict, the Review page names reviewers and lists their disagreements.

The chat's fake assistant and its index (real cleaned corpus texts, hashing embedder) come from ``test_app``.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import zip_longest
from pathlib import Path

import test_app as chat
from streamlit.testing.v1 import AppTest
from test_app import APP, QUY_III, REVIEW_PAGE, TIMEOUT, _key, _markdown, _run

from assistant.accounts import Account, Role, open_accounts
from assistant.feedback import open_feedback
from assistant.history import open_conversations
from assistant.review import answer_key
from assistant.types import Turn
from settings import load_settings

#: The chat tests' fixtures, shared: the hashing index of the corpus (once per module) and the fake assistant over it.
corpus_store, fake = chat.corpus_store, chat.fake
ROOT = Path(__file__).resolve().parents[1]
QUEUE_PAGE = str(next((ROOT / "pages").glob("6_*.py")))
LAN = Account("lan", "Nguyễn Thị Lan", Role.REVIEWER)
MINH = Account("minh", "Trần Văn Minh", Role.REVIEWER)


def _as(at: AppTest, account: Account) -> None:
    """Sign ``account`` in on ``at`` (made in the account store first, as the Accounts page would)."""
    store = open_accounts(load_settings())
    if store.get(account.name) is None:
        store.add(account.name, account.display_name, account.role, "mat-khau-kiem-thu-1")
    at.session_state["account"] = account


def _record(fake, *questions: str, modes=()) -> list[str]:
    """Save one conversation per question, answered by the fake assistant (in the mode given, else grounded);
    returns the answers' keys."""
    store = open_conversations(load_settings())
    keys = []
    for question, mode in zip_longest(questions, modes, fillvalue="grounded"):
        cid = store.create("trình-duyệt-kiểm-thử")
        store.add_turn(cid, Turn(question, replace(fake.answer(question), mode=mode)))
        keys.append(answer_key(cid, 0))
    return keys


def _judge(key: str, citation, verdict: str, account: Account, comment: str = "") -> None:
    open_feedback(load_settings()).review(key, QUY_III, "…", citation.to_dict(), verdict, comment,
                                          reviewer=account.name, reviewer_name=account.display_name)


def _asked(account: Account):
    """The chat page, signed in as ``account``, after the quý III question: ``(app, answer key)``."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    _as(at, account)
    _run(at)
    at.chat_input(key="chat_input").set_value(QUY_III)
    _run(at)
    return at, _key(at)


def test_reopened_citation_shows_its_verdicts_with_names_and_yours_prefilled(fake):
    at, key = _asked(LAN)
    assert any(m.startswith("**Nguồn (3)** · đã rà soát 0/3 trích dẫn") for m in _markdown(at))
    at.button(key=f"{key}_src_2").click()
    _run(at)
    at.text_input(key=f"{key}_rvc_2").input("Không nói về quý III")
    at.radio(key=f"{key}_rv_2").set_value("sai")
    _run(at)
    at.button(key="panel_close").click()
    _run(at)
    assert not any("cchc-document" in m for m in _markdown(at))
    # another reviewer judged it meanwhile
    _judge(key, at.session_state["history"][0].answer.citations[1], "dung", MINH, "Đúng đoạn")
    at.button(key=f"{key}_src_2").click()
    _run(at)
    assert at.radio(key=f"{key}_rv_2").value == "sai"
    assert at.text_input(key=f"{key}_rvc_2").value == "Không nói về quý III"
    (given,) = [m for m in _markdown(at) if m.startswith("**Đánh giá đã có**")]
    assert "**Nguyễn Thị Lan** (bạn): Sai" in given and "_Không nói về quý III_" in given
    assert "**Trần Văn Minh**: Đúng" in given and "(bạn): Đúng" not in given
    assert any(m.startswith("**Nguồn (3)** · đã rà soát 1/3 trích dẫn") for m in _markdown(at))
    # changing your verdict replaces yours and keeps the other reviewer's
    at.radio(key=f"{key}_rv_2").set_value("khong_ro")
    _run(at)
    rows = open_feedback(load_settings()).verdicts_of(key, 2)
    assert sorted((r.reviewer, r.verdict) for r in rows) == [("lan", "khong_ro"), ("minh", "dung")]


def test_reopening_a_citation_starts_from_its_saved_verdict_whatever_state_an_earlier_opening_left(fake):
    at, key = _asked(LAN)
    at.button(key=f"{key}_src_2").click()
    _run(at)
    at.radio(key=f"{key}_rv_2").set_value("sai")
    _run(at)
    at.button(key="panel_close").click()
    _run(at)
    at.session_state[f"{key}_rv_2"] = None  # a blank state kept from the earlier opening (an interrupted rerun)
    at.button(key=f"{key}_src_2").click()
    _run(at)
    assert at.radio(key=f"{key}_rv_2").value == "sai"


def test_a_signed_in_official_reads_the_verdicts_but_gives_none(fake):
    at, key = _asked(Account("an", "Lê Văn An", Role.OFFICIAL))
    _judge(key, at.session_state["history"][0].answer.citations[0], "sai", LAN, "Thiếu sở")
    at.button(key=f"{key}_src_1").click()
    _run(at)
    (given,) = [m for m in _markdown(at) if m.startswith("**Đánh giá đã có**")]
    assert "**Nguyễn Thị Lan**: Sai" in given and "(bạn)" not in given
    assert not [r for r in at.radio if r.key == f"{key}_rv_1"]
    assert "Chỉ người rà soát được đánh giá trích dẫn." in [c.value for c in at.caption]


def test_queue_gives_the_oldest_unreviewed_citation_and_moves_on_after_a_verdict(fake):
    first, second = _record(fake, QUY_III, "Kiên Giang kiểm tra khi nào?", modes=("grounded", "llm"))
    page = AppTest.from_file(QUEUE_PAGE, default_timeout=TIMEOUT)
    _as(page, LAN)
    _run(page)
    assert any(m.startswith("#### Trích dẫn [1]") for m in _markdown(page))
    assert any(f'<mark id="rq-{first}-1" class="cchc-mark">' in m for m in _markdown(page))
    assert [c.value for c in page.caption if c.value.startswith("Còn ")] == ["Còn 2 câu trả lời có trích dẫn chờ rà "
                                                                           "soát."]
    page.text_input(key=f"rq_note_{first}_1").input("Thiếu Sở Y tế")
    page.button(key="rq_sai").click()
    _run(page)
    (row,) = open_feedback(load_settings()).verdicts_of(first, 1)
    assert (row.reviewer, row.who, row.verdict, row.comment) == ("lan", "Nguyễn Thị Lan", "sai", "Thiếu Sở Y tế")
    assert any(m.startswith("#### Trích dẫn [2]") for m in _markdown(page))  # the same answer's next citation
    assert any(f'<mark id="rq-{first}-2" class="cchc-mark">' in m for m in _markdown(page))
    page.button(key="rq_skip").click()
    _run(page)
    assert any(f'<mark id="rq-{first}-3" class="cchc-mark">' in m for m in _markdown(page))
    # by document: the first answer's Kiên Giang citation [2] was skipped, so the second answer's comes
    page.multiselect(key="rq_docs").set_value(["kien-giang-2021-36-kh-ubnd-kiem-tra-cchc"])
    _run(page)
    assert any(f'<mark id="rq-{second}-1" class="cchc-mark">' in m for m in _markdown(page))
    # by answer mode: only the answer composed by the LLM
    page.multiselect(key="rq_docs").set_value([])
    page.multiselect(key="rq_modes").set_value(["llm"])
    _run(page)
    assert [c.value for c in page.caption if c.value.startswith("Còn ")] == ["Còn 1 câu trả lời có trích dẫn chờ rà "
                                                                           "soát."]
    assert any(f'<mark id="rq-{second}-1" class="cchc-mark">' in m for m in _markdown(page))
    # the skipped citation comes back once the rest is done
    page.button(key="rq_dung").click()
    _run(page)
    page.multiselect(key="rq_modes").set_value([])
    _run(page)
    page.button(key="rq_khong_ro").click()  # the first answer's [3]
    _run(page)
    assert [i.value for i in page.info] == ["Không còn trích dẫn nào chờ rà soát."]
    page.button(key="rq_unskip").click()
    _run(page)
    assert any(f'<mark id="rq-{first}-2" class="cchc-mark">' in m for m in _markdown(page))


def test_queue_and_review_page_refuse_an_official(fake):
    _record(fake, QUY_III)
    for path in (QUEUE_PAGE, REVIEW_PAGE):
        page = AppTest.from_file(path, default_timeout=TIMEOUT)
        _as(page, Account("an", "Lê Văn An", Role.OFFICIAL))
        _run(page)
        assert [w.value for w in page.warning] == ["Tài khoản Lê Văn An (Cán bộ) không có quyền này: cần quyền Người "
                                                   "rà soát. Hãy liên hệ quản trị viên."]
        assert not page.button and not page.dataframe


def test_review_page_names_reviewers_and_lists_their_disagreement(fake):
    (key,) = _record(fake, QUY_III)
    cites = fake.answer(QUY_III).citations
    _judge(key, cites[0], "dung", LAN)
    _judge(key, cites[0], "sai", MINH, "Không phải quý III")
    _judge(key, cites[1], "dung", LAN)
    page = AppTest.from_file(REVIEW_PAGE, default_timeout=TIMEOUT)
    _as(page, LAN)
    _run(page)
    share, listing, split = (d.value for d in page.dataframe)
    assert sorted(zip(share["Số đánh giá"], share["Chưa rà soát"], share["Tỉ lệ Sai"], strict=True)) == [
        (0, 1, "—"), (1, 0, "0%"), (2, 0, "50%")]
    assert sorted(listing["Người rà soát"]) == ["Nguyễn Thị Lan", "Nguyễn Thị Lan", "Trần Văn Minh"]
    assert (split["Trích dẫn"].tolist(), split["Đúng"].tolist(), split["Sai"].tolist()) == (
        ["[1]"], ["Nguyễn Thị Lan"], ["Trần Văn Minh"])
    assert split["Ghi chú"].tolist() == ["Trần Văn Minh: Không phải quý III"]
    page.multiselect(key="rv_who").set_value(["Trần Văn Minh"])
    _run(page)
    assert page.dataframe[1].value["Kết luận"].tolist() == ["Sai"]
