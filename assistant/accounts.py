"""Who is using the app: roles, accounts and the account store (issue 20).

The plain data every page reads through :func:`ui.auth.current_account`, and :class:`AccountStore`: accounts in
SQLite at ``DATA_DIR/accounts.sqlite3``, passwords hashed with Argon2id (``argon2-cffi``; never stored in clear),
failed sign-ins counted per account in the database with a growing wait, so a reload, a second browser or a restart
gives no new tries.

>>> Role.REVIEWER.can_review, Role.OFFICIAL.can_review, Role.ADMIN.can_manage
(True, False, True)
>>> Role("nguoi_ra_soat").label
'Người rà soát'
>>> Account("lan", "Nguyễn Thị Lan", Role.REVIEWER).can_review
True
>>> Role.ADMIN.includes(Role.REVIEWER), Role.OFFICIAL.includes(Role.REVIEWER)
(True, False)
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from assistant.sqlite_store import SqliteStore, store_of
from errors import AccountError, LoginRefused


class Role(str, Enum):
    """What an account may do; each role may also do everything of the roles above it."""

    #: Cán bộ: asks questions, keeps and shares conversations.
    OFFICIAL = "can_bo"
    #: Người rà soát: also judges citations (verdicts, the review queue).
    REVIEWER = "nguoi_ra_soat"
    #: Quản trị: also manages documents and accounts.
    ADMIN = "quan_tri"

    @property
    def label(self) -> str:
        """The role's Vietnamese name, as the interface shows it."""
        return _ROLE_LABELS[self]

    @property
    def can_review(self) -> bool:
        return self in (Role.REVIEWER, Role.ADMIN)

    @property
    def can_manage(self) -> bool:
        return self is Role.ADMIN

    def includes(self, other: "Role") -> bool:
        """Whether this role may do what ``other`` may (each role includes the ones above it in the list)."""
        return _RANK[self] >= _RANK[other]


_RANK = {Role.OFFICIAL: 0, Role.REVIEWER: 1, Role.ADMIN: 2}
_ROLE_LABELS = {Role.OFFICIAL: "Cán bộ", Role.REVIEWER: "Người rà soát", Role.ADMIN: "Quản trị"}


@dataclass(frozen=True)
class Account:
    """A signed-in person: ``name`` is the login (unique, stored), ``display_name`` what pages show."""

    name: str
    display_name: str
    role: Role
    active: bool = True

    @property
    def can_review(self) -> bool:
        return self.active and self.role.can_review

    @property
    def can_manage(self) -> bool:
        return self.active and self.role.can_manage

    def has(self, role: Role) -> bool:
        """Whether this account is active and its role includes ``role``.

        >>> Account("ha", "Hà", Role.ADMIN).has(Role.REVIEWER), Account("a", "A", Role.ADMIN, False).has(Role.OFFICIAL)
        (True, False)
        """
        return self.active and self.role.includes(role)


# -- the store --------------------------------------------------------------------------------------------------
#: Login of the first administrator, created from ``ADMIN_PASSWORD`` when the store holds no account.
FIRST_ADMIN = "admin"
#: Wrong passwords in a row an account may take before it is locked (a person mistyping gets a few tries).
MAX_FAILURES = 5
#: Seconds of the first lock; each further failure after it doubles the wait (guessing slows down exponentially).
FIRST_LOCK_SECONDS = 60.0
#: The longest wait (a day): an attacker cannot lock a colleague out for longer than this.
MAX_LOCK_SECONDS = 24 * 3600.0
#: Shortest password accepted (the administrator sets it; Argon2 makes each guess slow, length makes them many).
MIN_PASSWORD_CHARS = 8
#: A login: lower-case letters, digits, dot, dash, underscore; 2–32 characters (it appears in links and owners).
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")

#: Hours a sign-in is remembered by its browser (a working day): a reload or a new tab stays signed in until then.
SESSION_HOURS = 12.0
#: What a remembered sign-in's cookie may hold (``secrets.token_urlsafe``); anything else is not looked up.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")

WRONG_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng."
LOCKED = "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần; hãy thử lại sau {wait}."
DISABLED = "Tài khoản này đã bị vô hiệu hóa; hãy liên hệ quản trị viên."

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS accounts (
        name TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
        password_hash TEXT NOT NULL, failures INTEGER NOT NULL DEFAULT 0, locked_until REAL NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    # a remembered sign-in: only the SHA-256 of its random token is kept (the token itself lives in one cookie)
    """CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, expires REAL NOT NULL)""",
)

#: Argon2id with the library's default cost (RFC 9106, low-memory profile); no parameter of our own.
_HASHER = PasswordHasher()
#: Verified against when the login names no account, so an unknown name takes as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("không phải mật khẩu của ai")


def lock_seconds(failures: int) -> float:
    """How long an account stays locked after ``failures`` wrong passwords in a row.

    >>> [lock_seconds(n) for n in (4, 5, 6, 7)]
    [0.0, 60.0, 120.0, 240.0]
    >>> lock_seconds(40) == MAX_LOCK_SECONDS
    True
    """
    if failures < MAX_FAILURES:
        return 0.0
    return min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** min(failures - MAX_FAILURES, 32))


def wait_text(seconds: float) -> str:
    """A wait as a person reads it, rounded up.

    >>> wait_text(45), wait_text(61), wait_text(7200), wait_text(0.2)
    ('45 giây', '2 phút', '2 giờ', '1 giây')
    """
    import math

    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return f"{seconds} giây"
    if seconds < 3600:
        return f"{math.ceil(seconds / 60)} phút"
    return f"{math.ceil(seconds / 3600)} giờ"


def check_name(name: str) -> str:
    """The login, trimmed and lower-cased, or :class:`~errors.AccountError` when it cannot be one.

    >>> check_name(" Lan.NT ")
    'lan.nt'
    >>> check_name("nguyễn lan")
    Traceback (most recent call last):
    ...
    errors.AccountError: Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (2–32 ký tự).
    """
    name = (name or "").strip().lower()
    if not NAME_PATTERN.match(name):
        raise AccountError("Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (2–32 ký tự).")
    return name


def _check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_CHARS:
        raise AccountError(f"Mật khẩu cần ít nhất {MIN_PASSWORD_CHARS} ký tự.")
    return password


def _account(row) -> Account:
    name, display_name, role, active = row[:4]
    return Account(name, display_name, Role(role), bool(active))


_COLUMNS = "name, display_name, role, active"


class AccountStore(SqliteStore):
    """Accounts in one SQLite file; every change is one transaction, so two processes share the failure counts.

    >>> import tempfile, pathlib
    >>> store = AccountStore(pathlib.Path(tempfile.mkdtemp()) / "a.sqlite3")
    >>> store.add("lan", "Nguyễn Thị Lan", Role.REVIEWER, "mat-khau-dai").role.label
    'Người rà soát'
    >>> store.login("LAN", "mat-khau-dai").display_name
    'Nguyễn Thị Lan'
    """

    def __init__(self, path: Path | str, clock: Callable[[], float] = time.time) -> None:
        super().__init__(path)
        self.clock = clock

    def _migrate(self, conn: sqlite3.Connection) -> None:
        for statement in _SCHEMA:
            conn.execute(statement)

    # -- reading --
    def get(self, name: str) -> Account | None:
        with self._reading() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM accounts WHERE name = ?",
                               ((name or "").strip().lower(),)).fetchone()
        return _account(row) if row else None

    def list(self) -> list[Account]:
        """Every account, administrators first, then by display name."""
        with self._reading() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM accounts").fetchall()
        return sorted((_account(r) for r in rows), key=lambda a: (-_RANK[a.role], a.display_name.lower(), a.name))

    def has_accounts(self) -> bool:
        with self._reading() as conn:
            return conn.execute("SELECT 1 FROM accounts LIMIT 1").fetchone() is not None

    def locked_for(self, name: str) -> float:
        """Seconds before ``name`` may try again (0 when it may now, or when there is no such account)."""
        with self._reading() as conn:
            row = conn.execute("SELECT locked_until FROM accounts WHERE name = ?", (name.strip().lower(),)).fetchone()
        return max(0.0, row[0] - self.clock()) if row else 0.0

    def password_hash(self, name: str) -> str:
        """The stored hash (for tests and audits: it is never the password)."""
        with self._reading() as conn:
            row = conn.execute("SELECT password_hash FROM accounts WHERE name = ?", (name,)).fetchone()
        if not row:
            raise AccountError("Không có tài khoản này.")
        return row[0]

    # -- changing --
    def add(self, name: str, display_name: str, role: Role, password: str, *, checked: bool = True) -> Account:
        """A new active account; :class:`~errors.AccountError` when the name is taken or invalid, or the password
        too short (``checked=False`` only for the operator's ``ADMIN_PASSWORD``, taken as configured)."""
        from assistant.history import local_now

        name, role = check_name(name), Role(role)
        display_name = " ".join((display_name or "").split()) or name
        digest = _HASHER.hash(_check_password(password) if checked else password)
        now = local_now()
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone():
                raise AccountError(f"Tên đăng nhập “{name}” đã có.")
            conn.execute("INSERT INTO accounts (name, display_name, role, active, password_hash, created_at, "
                         "updated_at) VALUES (?, ?, ?, 1, ?, ?, ?)", (name, display_name, role.value, digest, now, now))
        return Account(name, display_name, role, True)

    def ensure_first_admin(self, password: str) -> bool:
        """On first start (no account yet) create :data:`FIRST_ADMIN` with ``password``; True when it was made.
        Later changes of ``ADMIN_PASSWORD`` change nothing: the administrator manages passwords on the Accounts page.
        """
        if not password or self.has_accounts():
            return False
        try:
            self.add(FIRST_ADMIN, "Quản trị viên", Role.ADMIN, password, checked=False)
        except AccountError:
            return False  # another process made it first
        return True

    def set_active(self, name: str, active: bool) -> None:
        """Disable (its remembered sign-ins end with it: :meth:`resume` checks ``active``) or enable again."""
        self._change(name, "active", int(bool(active)))

    def set_role(self, name: str, role: Role) -> None:
        self._change(name, "role", Role(role).value)

    def set_display_name(self, name: str, display_name: str) -> None:
        display_name = " ".join((display_name or "").split())
        if not display_name:
            raise AccountError("Tên hiển thị không được để trống.")
        self._change(name, "display_name", display_name)

    def reset_password(self, name: str, password: str) -> None:
        """A new password; the failure count and any lock are cleared, and every remembered sign-in ended."""
        from assistant.history import local_now

        digest = _HASHER.hash(_check_password(password))
        with self._transaction() as conn:
            n = conn.execute("UPDATE accounts SET password_hash = ?, failures = 0, locked_until = 0, updated_at = ? "
                             "WHERE name = ?", (digest, local_now(), name)).rowcount
            conn.execute("DELETE FROM sessions WHERE name = ?", (name,))
        if not n:
            raise AccountError("Không có tài khoản này.")

    def _change(self, name: str, column: str, value) -> None:
        """One column of one account, refused when it would leave no active administrator."""
        from assistant.history import local_now

        with self._transaction() as conn:
            if not conn.execute("SELECT 1 FROM accounts WHERE name = ?", (name,)).fetchone():
                raise AccountError("Không có tài khoản này.")
            before = _active_admins(conn)
            conn.execute(f"UPDATE accounts SET {column} = ?, updated_at = ? WHERE name = ?",  # noqa: S608 - column is ours
                         (value, local_now(), name))
            if before and not _active_admins(conn):
                raise AccountError("Phải còn ít nhất một tài khoản quản trị đang hoạt động.")  # rolled back

    # -- signing in --
    def login(self, name: str, password: str) -> Account:
        """The account when ``password`` is its password; else :class:`~errors.LoginRefused`.

        Counted in the database: a wrong password adds a failure, and from :data:`MAX_FAILURES` on the account is
        locked for :func:`lock_seconds`; while locked, no password (not even the right one) is checked. The right
        password clears the count. The slow Argon2 check runs outside SQLite's write lock (logins do not queue behind
        it); the count is then read again and written in one transaction, so two processes never lose a failure.
        """
        key = (name or "").strip().lower()
        with self._reading() as conn:
            row = conn.execute(f"SELECT {_COLUMNS}, password_hash, locked_until FROM accounts WHERE name = ?",
                               (key,)).fetchone()
        if row is None:
            _verify(_DUMMY_HASH, password)  # as slow as a real check: an unknown name is not told apart
            raise LoginRefused(WRONG_LOGIN)
        if refusal := self._locked(row[5]):
            raise refusal
        right = _verify(row[4], password)
        with self._transaction() as conn:
            refusal = self._record(conn, key, right, password)
        if refusal:
            raise refusal  # raised after the commit: the failure just counted stays counted
        return _account(row)

    def _locked(self, locked_until: float) -> LoginRefused | None:
        """The refusal of an account locked until ``locked_until`` (its wait named), or None once that has passed."""
        wait = locked_until - self.clock()
        return LoginRefused(LOCKED.format(wait=wait_text(wait)), wait) if wait > 0 else None

    def _record(self, conn: sqlite3.Connection, key: str, right: bool, password: str) -> LoginRefused | None:
        """Inside the login's transaction: write the outcome of the check and return the refusal to raise, or None.
        The row is read again here: another process may have locked or disabled the account meanwhile."""
        active, digest, failures, locked_until = conn.execute(
            "SELECT active, password_hash, failures, locked_until FROM accounts WHERE name = ?", (key,)).fetchone()
        if refusal := self._locked(locked_until):
            return refusal
        now = self.clock()
        if not right:
            wait = lock_seconds(failures + 1)
            conn.execute("UPDATE accounts SET failures = ?, locked_until = ? WHERE name = ?",
                         (failures + 1, now + wait if wait else 0, key))
            return LoginRefused(LOCKED.format(wait=wait_text(wait)) if wait else WRONG_LOGIN, wait)
        if not active:
            return LoginRefused(DISABLED)
        rehash = _HASHER.hash(password) if _HASHER.check_needs_rehash(digest) else digest
        conn.execute("UPDATE accounts SET failures = 0, locked_until = 0, password_hash = ? WHERE name = ?",
                     (rehash, key))
        return None

    # -- remembered sign-ins --
    def open_session(self, name: str) -> str:
        """A new random token remembering ``name``'s sign-in for :data:`SESSION_HOURS` (its hash is stored)."""
        import secrets

        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self._transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE expires <= ?", (now,))
            conn.execute("INSERT INTO sessions (token_hash, name, expires) VALUES (?, ?, ?)",
                         (_token_hash(token), name, now + SESSION_HOURS * 3600))
        return token

    def resume(self, token: str) -> Account | None:
        """The active account a token still remembers, or None (unknown, expired, malformed, account disabled)."""
        if not isinstance(token, str) or not TOKEN_PATTERN.match(token):
            return None
        with self._reading() as conn:
            row = conn.execute("SELECT a.name, a.display_name, a.role, a.active FROM sessions s JOIN accounts a "
                               "ON a.name = s.name WHERE s.token_hash = ? AND s.expires > ?",
                               (_token_hash(token), self.clock())).fetchone()
        account = _account(row) if row else None
        return account if account and account.active else None

    def close_session(self, token: str) -> None:
        """Forget a remembered sign-in (logout)."""
        if isinstance(token, str) and token:
            with self._transaction() as conn:
                conn.execute("DELETE FROM sessions WHERE token_hash = ?", (_token_hash(token),))


def _active_admins(conn: sqlite3.Connection) -> int:
    sql = "SELECT COUNT(*) FROM accounts WHERE role = ? AND active = 1"
    return conn.execute(sql, (Role.ADMIN.value,)).fetchone()[0]


def _token_hash(token: str) -> str:
    import hashlib

    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _verify(digest: str, password: str) -> bool:
    try:
        return _HASHER.verify(digest, password or "")
    except (VerificationError, InvalidHashError):
        return False


def open_accounts(settings) -> AccountStore:
    """The process's one store of ``DATA_DIR/accounts.sqlite3``, with the first administrator made from
    ``ADMIN_PASSWORD`` when it holds no account yet."""
    store = store_of(AccountStore, Path(settings.data_dir) / "accounts.sqlite3")
    store.ensure_first_admin(settings.admin_password)
    return store


__all__ = ["Role", "Account", "AccountStore", "open_accounts", "lock_seconds", "wait_text", "check_name",
           "FIRST_ADMIN", "MAX_FAILURES", "FIRST_LOCK_SECONDS", "MAX_LOCK_SECONDS", "MIN_PASSWORD_CHARS"]
