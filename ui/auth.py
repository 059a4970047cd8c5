"""The signed-in account of this browser session (issue 20): one place every page asks "who is this?".

The login form and the account store set ``st.session_state[ACCOUNT_KEY]``; pages only read it through
:func:`current_account`. Anonymous use (no account) stays possible unless ``REQUIRE_LOGIN=1``.
"""

from __future__ import annotations

from assistant.accounts import Account

#: Session-state key holding the signed-in :class:`~assistant.accounts.Account` (absent when anonymous).
ACCOUNT_KEY = "account"


def current_account() -> Account | None:
    """The account signed in in this session, or None (anonymous)."""
    import streamlit as st

    account = st.session_state.get(ACCOUNT_KEY)
    return account if isinstance(account, Account) else None


__all__ = ["ACCOUNT_KEY", "current_account"]
