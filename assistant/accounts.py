"""Who is using the app: roles and accounts (issue 20).

The plain data every page reads through :func:`ui.auth.current_account`; the account store (hashed passwords,
lockout, the Accounts page) builds on these types.

>>> Role.REVIEWER.can_review, Role.OFFICIAL.can_review, Role.ADMIN.can_manage
(True, False, True)
>>> Role("nguoi_ra_soat").label
'Người rà soát'
>>> Account("lan", "Nguyễn Thị Lan", Role.REVIEWER).can_review
True
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


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


__all__ = ["Role", "Account"]
