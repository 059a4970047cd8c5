"""The role gate shared by the pages that change or reveal data (issue 20): a page asks for a role, and the gate
shows the login form, or says which role is missing, or lets the page go on.

Accounts replace the former shared password: wrong passwords are counted per account in the database (see
:mod:`assistant.accounts`), so a reload gives no new tries. With no account at all (a fresh install without
``ADMIN_PASSWORD``) every page stays open, as before.
"""

from __future__ import annotations

from assistant.accounts import Role
from ui import auth


def require_role(role: Role, purpose: str) -> bool:
    """Whether the signed-in account's role includes ``role``; otherwise show why (the login form for an anonymous
    visitor, the missing role for a signed-in one) and return False. ``purpose`` says what needs the role."""
    import streamlit as st

    store = auth.account_store()
    if not store.has_accounts():
        return True  # nothing to sign in to: open, as before accounts
    account = auth.refresh_account(store)
    if account is not None and account.has(role):
        return True
    st.info(purpose)
    if account is not None:
        st.warning(f"Tài khoản {account.display_name} ({account.role.label}) không có quyền này: cần quyền "
                   f"{role.label}. Hãy liên hệ quản trị viên.")
    else:
        auth.login_form(auth.GATE)
    return False


def require_admin(settings, purpose: str) -> bool:
    """:func:`require_role` for :attr:`Role.ADMIN` (the call shape of the former password gate; ``settings`` is no
    longer needed: the first administrator comes from ``ADMIN_PASSWORD`` through the account store)."""
    return require_role(Role.ADMIN, purpose)


__all__ = ["require_admin", "require_role"]
