"""The account store (issue 20): Argon2 hashes never in clear, failures counted in the database across store objects
and processes with a growing wait, roles and the last administrator."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.accounts import (
    FIRST_ADMIN,
    FIRST_LOCK_SECONDS,
    MAX_FAILURES,
    Account,
    AccountStore,
    Role,
    open_accounts,
)
from errors import AccountError, LoginRefused
from settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Sở-Nội-vụ-2024"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def path(tmp_path):
    return tmp_path / "accounts.sqlite3"


def _fail(store: AccountStore, name: str, times: int) -> list[LoginRefused]:
    refusals = []
    for _ in range(times):
        with pytest.raises(LoginRefused) as info:
            store.login(name, "mật khẩu đoán")
        refusals.append(info.value)
    return refusals


def test_password_is_hashed_with_argon2_and_never_stored_in_clear(path):
    store = AccountStore(path)
    store.add("lan", "Nguyễn Thị Lan", Role.OFFICIAL, PASSWORD)
    assert store.password_hash("lan").startswith("$argon2id$")
    raw = path.read_bytes()
    assert PASSWORD.encode("utf-8") not in raw and "Nguyễn Thị Lan".encode() in raw
    assert store.login("lan", PASSWORD) == Account("lan", "Nguyễn Thị Lan", Role.OFFICIAL, True)
    store.reset_password("lan", "mật-khẩu-mới-2025")
    assert "mật-khẩu-mới-2025".encode() not in path.read_bytes()
    with pytest.raises(LoginRefused):
        store.login("lan", PASSWORD)


def test_unknown_name_and_wrong_password_get_the_same_message(path):
    store = AccountStore(path)
    store.add("lan", "Lan", Role.OFFICIAL, PASSWORD)
    with pytest.raises(LoginRefused) as unknown:
        store.login("khong-co", PASSWORD)
    with pytest.raises(LoginRefused) as wrong:
        store.login("lan", "sai-mat-khau")
    assert unknown.value.user_message == wrong.value.user_message == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_lockout_is_shared_by_two_store_objects_and_the_wait_doubles(path, clock):
    first, second = AccountStore(path, clock=clock), AccountStore(path, clock=clock)  # e.g. two browser sessions
    first.add("lan", "Lan", Role.OFFICIAL, PASSWORD)
    _fail(first, "lan", MAX_FAILURES - 1)
    (locking,) = _fail(second, "lan", 1)  # the 5th failure, in the other object: the count is in the database
    assert locking.retry_after == FIRST_LOCK_SECONDS and "tạm khóa" in locking.user_message
    with pytest.raises(LoginRefused) as locked:
        first.login("lan", PASSWORD)  # the right password is not even checked while locked
    assert "tạm khóa" in locked.value.user_message and second.locked_for("lan") == FIRST_LOCK_SECONDS
    clock.now += FIRST_LOCK_SECONDS + 1
    (again,) = _fail(second, "lan", 1)  # one more wrong password after the wait: locked twice as long
    assert again.retry_after == 2 * FIRST_LOCK_SECONDS
    clock.now += 2 * FIRST_LOCK_SECONDS + 1
    assert first.login("lan", PASSWORD).name == "lan"
    assert _fail(first, "lan", 1)[0].retry_after == 0  # the right password cleared the count


def test_lockout_survives_a_restart_and_holds_across_processes(path):
    AccountStore(path).add("lan", "Lan", Role.OFFICIAL, PASSWORD)
    guess = ("import sys; from assistant.accounts import AccountStore\n"
             "from errors import LoginRefused\n"
             f"s = AccountStore({str(path)!r})\n"
             f"for _ in range({MAX_FAILURES}):\n"
             "    try: s.login('lan', 'đoán')\n"
             "    except LoginRefused as e: print(e.user_message)\n")
    out = subprocess.run([sys.executable, "-c", guess], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         check=True).stdout.splitlines()
    assert len(out) == MAX_FAILURES and "tạm khóa" in out[-1]
    with pytest.raises(LoginRefused) as locked:
        AccountStore(path).login("lan", PASSWORD)  # a new store object in this process: a restart
    assert "tạm khóa" in locked.value.user_message
    AccountStore(path).reset_password("lan", "mật-khẩu-mới-2025")  # the admin's reset lifts the lock
    assert AccountStore(path).login("lan", "mật-khẩu-mới-2025").name == "lan"


def test_roles_disable_and_the_last_administrator(path):
    store = AccountStore(path)
    store.add("admin", "Quản trị", Role.ADMIN, PASSWORD)
    store.add("lan", "Lan", Role.OFFICIAL, PASSWORD)
    assert not store.get("lan").can_review
    store.set_role("lan", Role.REVIEWER)
    assert store.get("lan").can_review and not store.get("lan").can_manage
    store.set_active("lan", False)
    with pytest.raises(LoginRefused) as disabled:
        store.login("lan", PASSWORD)
    assert "vô hiệu hóa" in disabled.value.user_message and not store.get("lan").has(Role.OFFICIAL)
    for change in (lambda: store.set_active("admin", False), lambda: store.set_role("admin", Role.OFFICIAL)):
        with pytest.raises(AccountError, match="ít nhất một tài khoản quản trị"):
            change()
    assert store.get("admin").can_manage  # the refused change was rolled back
    store.set_role("lan", Role.ADMIN)
    store.set_active("lan", True)
    store.set_role("admin", Role.OFFICIAL)  # another administrator is active now
    assert [a.name for a in store.list()] == ["lan", "admin"]


def test_names_passwords_and_duplicates_are_checked(path):
    store = AccountStore(path)
    store.add("lan", "Lan", Role.OFFICIAL, PASSWORD)
    for name, password, message in (("LAN", PASSWORD, "đã có"), ("nguyễn", PASSWORD, "không dấu"),
                                    ("minh", "ngắn", "ít nhất")):
        with pytest.raises(AccountError, match=message):
            store.add(name, "Ai đó", Role.OFFICIAL, password)
    with pytest.raises(AccountError):
        store.reset_password("khong-co", PASSWORD)


def test_first_admin_comes_from_admin_password_once(tmp_path):
    settings = load_settings({}, data_dir=tmp_path / "data", admin_password="bí-mật")
    store = open_accounts(settings)
    assert [(a.name, a.role) for a in store.list()] == [(FIRST_ADMIN, Role.ADMIN)]
    assert store.login("admin", "bí-mật").can_manage  # the operator's password is taken as configured
    store.reset_password("admin", "mật-khẩu-mới-2025")
    again = open_accounts(settings.with_overrides(admin_password="khác-hẳn"))  # a restart with another value
    assert again.login("admin", "mật-khẩu-mới-2025").can_manage and len(again.list()) == 1
    assert not open_accounts(load_settings({}, data_dir=tmp_path / "other")).has_accounts()


def test_a_remembered_sign_in_resumes_until_it_expires_or_ends(path, clock):
    from assistant.accounts import SESSION_HOURS

    store = AccountStore(path, clock=clock)
    store.add("lan", "Lan", Role.OFFICIAL, PASSWORD)
    token = store.open_session("lan")
    assert token.encode() not in path.read_bytes()  # only its hash is stored
    assert AccountStore(path, clock=clock).resume(token).name == "lan"  # another process, e.g. after a restart
    assert store.resume("x" * 43) is None and store.resume("'; DROP TABLE accounts; --") is None
    store.set_active("lan", False)
    assert store.resume(token) is None  # a disabled account is not resumed
    store.set_active("lan", True)
    store.close_session(token)  # logout
    assert store.resume(token) is None
    kept = store.open_session("lan")
    store.reset_password("lan", "mật-khẩu-mới-2025")  # a reset ends every remembered sign-in
    assert store.resume(kept) is None
    late = store.open_session("lan")
    clock.now += SESSION_HOURS * 3600 + 1
    assert store.resume(late) is None


def test_simultaneous_wrong_passwords_lose_no_failure(path):
    """Guesses sent at once from many sessions (each its own store object) are all counted: the account locks."""
    from concurrent.futures import ThreadPoolExecutor

    AccountStore(path).add("lan", "Lan", Role.OFFICIAL, PASSWORD)
    with ThreadPoolExecutor(max_workers=MAX_FAILURES + 1) as pool:
        refusals = list(pool.map(lambda _: _fail(AccountStore(path), "lan", 1)[0], range(MAX_FAILURES + 1)))
    assert len(refusals) == MAX_FAILURES + 1 and AccountStore(path).locked_for("lan") > 0
    with pytest.raises(LoginRefused, match="tạm khóa"):
        AccountStore(path).login("lan", PASSWORD)
