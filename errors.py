"""Every error the project raises on purpose, under one base class.

Each carries ``user_message``: one Vietnamese sentence that can be shown to an official as it is. The CLI and the
UI catch :class:`CchcError` and show that message; anything else is a bug, logged with its traceback at those edges.

>>> try:
...     raise IndexEmpty("Chỉ mục chưa có văn bản nào.")
... except CchcError as exc:
...     print(exc.user_message)
Chỉ mục chưa có văn bản nào.
>>> isinstance(IndexDamaged("Chỉ mục hỏng.", "tệp SQLite không đọc được"), IndexUnavailable)
True
"""

from __future__ import annotations


class CchcError(Exception):
    """The base of our errors; ``user_message`` is the Vietnamese text shown to the user."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


# -- settings ---------------------------------------------------------------------------------------------------
class SettingsError(CchcError, ValueError):
    """A setting with a value that cannot be used."""


# -- ingest -----------------------------------------------------------------------------------------------------
class DocumentError(CchcError):
    """A file that cannot be ingested; ``reason`` says why in one Vietnamese sentence. The batch goes on.

    >>> str(DocumentError("corpus/a.txt", "tệp rỗng"))
    'corpus/a.txt: tệp rỗng'
    """

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class IngestBusy(CchcError):
    """Another ingest, delete or rebuild holds the lock."""


class CorrectionInvalid(CchcError):
    """An administrator's correction of a document's field that cannot be stored (an unknown province, a year or a
    date that is not one, an unknown document)."""


# -- accounts ---------------------------------------------------------------------------------------------------
class AccountError(CchcError):
    """An account action that cannot be done: a name taken or malformed, a password too short, the last
    administrator disabled or demoted, an unknown account."""


class LoginRefused(AccountError):
    """A sign-in refused: wrong name or password, an account disabled, or locked after repeated failures
    (``retry_after``: seconds until the next try is accepted, 0 when not locked)."""

    def __init__(self, user_message: str, retry_after: float = 0.0) -> None:
        super().__init__(user_message)
        self.retry_after = retry_after


# -- index ------------------------------------------------------------------------------------------------------
class IndexUnavailable(CchcError):
    """The index cannot be used as configured: embedder mismatch, unreachable server, unreadable store."""


class IndexDamaged(IndexUnavailable):
    """The embedded Chroma database is damaged; ``reason`` names what is wrong with its files."""

    def __init__(self, user_message: str, reason: str) -> None:
        super().__init__(user_message)
        self.reason = reason


class IndexStorageProblem(IndexUnavailable):
    """The index is sound but its storage cannot be used now: a full disk, no right to write, a file another
    process holds. The operator fixes it; it never leads to moving the database aside or rebuilding it.

    >>> isinstance(IndexStorageProblem("Ổ đĩa đầy."), IndexDamaged)
    False
    """


class IndexEmpty(IndexUnavailable):
    """The index holds no document yet."""


# -- assistant --------------------------------------------------------------------------------------------------
class LLMUnavailable(CchcError):
    """The LLM endpoint gave no answer: not configured, unreachable, HTTP error, timeout or empty output.

    The original exception is chained as ``__cause__``.
    """
