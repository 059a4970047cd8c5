"""Accounts in the pages (issue 20), driven by streamlit.testing: the login form and the role gates, the lockout
that a reload does not reset, the Accounts page, REQUIRE_LOGIN, and conversations that follow the account, shared
read-only and searched."""

# ruff: noqa: F811 - the fixtures "fake" and "corpus_store" are imported from test_app, then named as parameters
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import APP, DOCS_PAGE, QUY_III, REVIEW_PAGE, TIMEOUT, _ask, _run, corpus_store, fake  # noqa: F401

from assistant.accounts import Role, open_accounts
from assistant.history import LOGIN_NEEDED, NOT_FOUND, REVOKED
from settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
ACCOUNTS_PAGE = str(next((ROOT / "pages").glob("5_*.py")))
ADMIN_PASSWORD = "bí-mật"
PASSWORD = "mật-khẩu-dài-2024"


@pytest.fixture
def accounts(monkeypatch):
    """ADMIN_PASSWORD set (the first admin is made on first use), plus an official and a reviewer."""
    monkeypatch.setenv("ADMIN_PASSWORD", ADMIN_PASSWORD)
    store = open_accounts(load_settings())
    store.add("lan", "Nguyễn Thị Lan", Role.OFFICIAL, PASSWORD)
    store.add("minh", "Trần Văn Minh", Role.REVIEWER, PASSWORD)
    return store


def login(at: AppTest, name: str, password: str, prefix: str = "gate") -> AppTest:
    """Type into a login form and press "Đăng nhập" (``prefix``: "gate" in a page's body, "login" in the sidebar)."""
    at.text_input(key=f"{prefix}_name").input(name)
    at.text_input(key=f"{prefix}_pw").input(password)
    at.button(key=f"{prefix}_submit").click()
    return _run(at)


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def test_documents_page_needs_an_admin_and_a_reload_gives_no_new_tries(fake, accounts):
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))
    assert len(page.tabs) == 0 and not page.get("file_uploader")
    login(page, "lan", PASSWORD)  # an official: signed in, but not allowed
    assert len(page.tabs) == 0 and any("cần quyền Quản trị" in w.value for w in page.warning)
    page = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))
    login(page, "admin", "sai")
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in _errors(page) and len(page.tabs) == 0
    login(page, "admin", ADMIN_PASSWORD)
    assert [t.label for t in page.tabs] == ["Tải lên", "Xóa văn bản", "Nạp lại chỉ mục", "Sửa thông tin"]
    for _ in range(3):
        login(_run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT)), "admin", "đoán")
    reloaded = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))  # a reload: a new session
    for _ in range(3):  # 6 wrong passwords in all, across reloads
        login(reloaded, "admin", "đoán")
    assert any("tạm khóa" in e for e in _errors(reloaded))
    again = _run(AppTest.from_file(DOCS_PAGE, default_timeout=TIMEOUT))  # another reload, the right password
    login(again, "admin", ADMIN_PASSWORD)
    assert any("tạm khóa" in e for e in _errors(again)) and len(again.tabs) == 0


def test_review_page_needs_a_reviewer(fake, accounts):
    page = _run(AppTest.from_file(REVIEW_PAGE, default_timeout=TIMEOUT))
    login(page, "lan", PASSWORD)
    assert any("cần quyền Người rà soát" in w.value for w in page.warning)
    page = _run(AppTest.from_file(REVIEW_PAGE, default_timeout=TIMEOUT))
    login(page, "minh", PASSWORD)
    assert not page.warning and not page.get("text_input")  # the gate is passed: no form left


def test_accounts_page_adds_changes_disables_and_resets(fake, accounts):
    page = _run(AppTest.from_file(ACCOUNTS_PAGE, default_timeout=TIMEOUT))
    assert not page.dataframe
    login(page, "admin", ADMIN_PASSWORD)
    assert page.dataframe[0].value["Tên đăng nhập"].tolist() == ["admin", "minh", "lan"]  # by role
    page.text_input(key="acct_new_name").input("Hoa.PT")
    page.text_input(key="acct_new_display").input("Phạm Thị Hoa")
    page.selectbox(key="acct_new_role").set_value(Role.REVIEWER)
    page.text_input(key="acct_new_pw").input("ngắn")
    page.button(key="acct_add_submit").click()
    _run(page)
    assert any("ít nhất 8 ký tự" in e for e in _errors(page)) and accounts.get("hoa.pt") is None
    page.text_input(key="acct_new_name").input("Hoa.PT")
    page.text_input(key="acct_new_display").input("Phạm Thị Hoa")
    page.selectbox(key="acct_new_role").set_value(Role.REVIEWER)
    page.text_input(key="acct_new_pw").input(PASSWORD)
    page.button(key="acct_add_submit").click()
    _run(page)
    assert [s.value for s in page.success] == ["Đã thêm tài khoản hoa.pt (Người rà soát)."]
    assert accounts.login("hoa.pt", PASSWORD).role is Role.REVIEWER
    page.selectbox(key="acct_pick").set_value("lan")
    _run(page)
    page.selectbox(key="acct_role_lan").set_value(Role.REVIEWER)
    _run(page)
    page.button(key="acct_do_role").click()
    _run(page)
    assert accounts.get("lan").role is Role.REVIEWER
    page.button(key="acct_toggle").click()
    _run(page)
    assert not accounts.get("lan").active and "Đã vô hiệu hóa" in page.dataframe[0].value["Trạng thái"].tolist()
    page.button(key="acct_toggle").click()
    _run(page)
    page.text_input(key="acct_reset_pw").input("mật-khẩu-mới-2025")
    page.button(key="acct_do_reset").click()
    _run(page)
    assert accounts.login("lan", "mật-khẩu-mới-2025").active
    page.selectbox(key="acct_pick").set_value("admin")
    _run(page)
    page.button(key="acct_toggle").click()  # the only administrator
    _run(page)
    assert any("ít nhất một tài khoản quản trị" in e for e in _errors(page)) and accounts.get("admin").active


def test_require_login_shows_only_the_login_form_until_signed_in(fake, accounts, monkeypatch):
    monkeypatch.setenv("REQUIRE_LOGIN", "1")
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert not at.get("chat_input") and [t.value for t in at.title] == ["🏛️ Trợ lý CCHC"]
    login(at, "lan", PASSWORD)
    assert at.get("chat_input") and "Nguyễn Thị Lan" in "".join(m.value for m in at.sidebar.markdown)
    at.sidebar.button(key="logout").click()
    _run(at)
    assert not at.get("chat_input")


def test_anonymous_asking_stays_possible_without_require_login(fake, accounts):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    _ask(at, QUY_III)
    assert at.session_state["history"][0].question == QUY_III
    assert accounts.get("lan") and at.sidebar.text_input(key="login_name")  # the form is offered in the sidebar


def test_conversation_follows_the_account_is_shared_read_only_and_revoked(fake, accounts):
    at = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    login(at, "lan", PASSWORD, prefix="login")
    _ask(at, QUY_III)
    cid = at.session_state["conv_id"]
    # another browser (no cookie in common), signed in as the same account: the conversation is listed and opens
    elsewhere = _run(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert not any(b.key == f"conv_{cid}" for b in elsewhere.sidebar.button)
    login(elsewhere, "lan", PASSWORD, prefix="login")
    elsewhere.sidebar.button(key=f"conv_{cid}").click()
    _run(elsewhere)
    assert [t.question for t in elsewhere.session_state["history"]] == [QUY_III]
    # search over one's own questions, folded
    elsewhere.sidebar.text_input(key="conv_search").input("nhung so nao QUY iii")
    _run(elsewhere)
    assert [b.key for b in elsewhere.sidebar.button if (b.key or "").startswith("conv_")] == [f"conv_{cid}"]
    elsewhere.sidebar.text_input(key="conv_search").input("Quảng Bình")
    _run(elsewhere)
    assert not any((b.key or "").startswith("conv_") for b in elsewhere.sidebar.button)
    # the link opened by another account: not shared yet, then shared (read-only, says whose), then revoked
    other = _open_link(cid, "minh")
    assert other.session_state["history"] == [] and any("không được chia sẻ" in w.value for w in other.warning)
    at.sidebar.toggle(key=f"share_{cid}").set_value(True)
    _run(at)
    assert any(f"?c={cid}" in c.value for c in at.sidebar.code)
    other = _open_link(cid, "minh")
    assert [t.question for t in other.session_state["history"]] == [QUY_III]
    assert other.chat_input(key="chat_input").proto.disabled
    assert any("cuộc trò chuyện của Nguyễn Thị Lan" in i.value and "để đọc" in i.value for i in other.info)
    other.session_state["pending"] = "Hỏi chen vào?"  # e.g. "Hỏi lại không lọc" under a refusal
    _run(other)
    assert len(accounts_turns(cid)) == 1 and len(fake.calls) == 1  # nothing was asked into it
    anonymous = AppTest.from_file(APP, default_timeout=TIMEOUT)
    anonymous.query_params["c"] = cid
    _run(anonymous)
    assert anonymous.session_state["history"] == [] and LOGIN_NEEDED in [w.value for w in anonymous.warning]
    at.sidebar.toggle(key=f"share_{cid}").set_value(False)
    _run(at)
    assert REVOKED in [w.value for w in _open_link(cid, "minh").warning]
    assert NOT_FOUND in [w.value for w in _open_link("khong-co-dau", "minh").warning]


def _open_link(cid: str, name: str) -> AppTest:
    """A fresh browser opening ``?c=cid`` (asked to sign in first), then signing in as ``name``: the link is opened
    then, or says why not."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["c"] = cid
    _run(at)
    login(at, name, PASSWORD, prefix="login")
    return at


def accounts_turns(cid: str):
    from assistant.history import open_conversations

    return open_conversations(load_settings()).turns(cid)
