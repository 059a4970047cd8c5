"""Conversations by account (issue 20): who may open a conversation (owner, shared, revoked, anonymous), and the
search over one's own conversations with folded words."""

from __future__ import annotations

import sqlite3

import pytest

from assistant.history import (
    LOGIN_NEEDED,
    NOT_FOUND,
    NOT_SHARED,
    OTHER_BROWSER,
    REVOKED,
    ConversationStore,
    Share,
    account_owner,
)
from assistant.types import Answer, Turn
from errors import AccountError

LAN, MINH = account_owner("lan"), account_owner("minh")


@pytest.fixture
def store(tmp_path):
    return ConversationStore(tmp_path / "conversations.sqlite3")


def _conversation(store, owner: str, *questions: str) -> str:
    cid = store.create(owner)
    for q in questions:
        store.add_turn(cid, Turn(q, Answer(q, "Quý III năm 2022 [1].")))
    return cid


def test_owner_reads_and_writes_from_any_browser_others_only_when_shared(store):
    cid = _conversation(store, LAN, "Hà Nam kiểm tra Sở Nội vụ khi nào?")
    assert store.access(cid, LAN, True).write  # the account, whatever the browser
    assert [c.id for c in store.list(LAN)] == [cid] and store.list(MINH) == []
    assert store.access(cid, MINH, True).reason == NOT_SHARED
    store.set_shared(cid, LAN, True)
    shared = store.access(cid, MINH, True)
    assert shared.read and not shared.write
    assert store.access(cid, "trinh-duyet-1", False).reason == LOGIN_NEEDED  # a share is for signed-in accounts
    assert store.list(MINH) == []  # a shared conversation is opened by its link, not listed
    store.set_shared(cid, LAN, False)
    assert store.access(cid, MINH, True).reason == REVOKED and store.access(cid, LAN, True).write


def test_only_the_owner_shares_and_anonymous_conversations_stay_with_the_browser(store):
    cid = _conversation(store, LAN, "Kiên Giang kiểm tra những sở nào?")
    store.set_shared(cid, MINH, True)  # not the owner: nothing changes
    assert store.share(cid) == Share.PRIVATE
    anonymous = _conversation(store, "b1c2d3", "Kế hoạch năm 2021?")
    with pytest.raises(AccountError):
        store.set_shared(anonymous, "b1c2d3", True)
    assert store.access(anonymous, "b1c2d3", False).write
    assert store.access(anonymous, "ffff00", False).reason == OTHER_BROWSER
    assert store.access(anonymous, LAN, True).reason == OTHER_BROWSER
    assert store.access("khong-co", LAN, True).reason == NOT_FOUND


def test_search_own_conversations_by_folded_words_of_the_questions(store):
    first = _conversation(store, LAN, "Lịch kiểm tra của tỉnh Hà Nam?", "Còn Sở Tư pháp thì sao?")
    second = _conversation(store, LAN, "Kế hoạch tuyên truyền CCHC năm 2021")
    _conversation(store, MINH, "Kiểm tra Sở Tư pháp")
    assert [c.id for c in store.search(LAN, "kiem tra")] == [first]
    assert [c.id for c in store.search(LAN, "tư PHAP ha nam")] == [first]  # words of several questions
    assert [c.id for c in store.search(LAN, "tuyen truyen")] == [second]
    assert store.search(LAN, "Quảng Bình") == []
    assert {c.id for c in store.search(LAN, "")} == {first, second}


def test_a_file_from_before_sharing_gains_the_column_and_stays_private(tmp_path):
    path = tmp_path / "conversations.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE conversations (id TEXT PRIMARY KEY, browser TEXT NOT NULL, title TEXT NOT NULL "
                     "DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL)")
        conn.execute("INSERT INTO conversations VALUES ('c1', 'b1', 'Cũ', '2026-01-01', '2026-01-01')")
    store = ConversationStore(path)
    assert store.share("c1") == Share.PRIVATE and store.access("c1", "b1", False).write
