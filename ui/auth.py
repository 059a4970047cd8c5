"""The signed-in account of this browser session (issue 20): one place every page asks "who is this?", the login
form, the logout button and the gate of ``REQUIRE_LOGIN``.

The login form (sidebar of every page, and in a page's gate) checks the name and password against the account store
(:class:`assistant.accounts.AccountStore`: failures counted in the database, so a reload gives no new tries) and sets
``st.session_state[ACCOUNT_KEY]``; pages only read it through :func:`current_account`. A sign-in is remembered for a
working day by a random token in a cookie (only its hash is stored), so a reload or a new tab stays signed in;
"Đăng xuất" ends it. Anonymous use (no account)
stays possible unless ``REQUIRE_LOGIN=1``. With no account at all (no ``ADMIN_PASSWORD`` on first start) there is
nothing to sign in to: the form is not shown and every page is open, as before accounts.
"""

from __future__ import annotations

import ui
from assistant.accounts import Account, AccountStore, open_accounts
from errors import LoginRefused
from ui import render

#: Session-state key holding the signed-in :class:`~assistant.accounts.Account` (absent when anonymous).
ACCOUNT_KEY = "account"
#: Session-state key of the last refusal of a login form, shown under it until the next try.
LOGIN_ERROR_KEY = "login_error"
#: Session-state key of a notice for an account signed out by the administrator (disabled, removed).
SIGNED_OUT_KEY = "signed_out_notice"
#: Key prefix of the sidebar's login form (a page's gate has its own: two forms may show on one run).
SIDEBAR = "login"
#: Key prefix of the login form a page shows in its body when it needs an account.
GATE = "gate"
#: Cookie holding a remembered sign-in's token.
SESSION_COOKIE = "cchc_session"
#: Days the cookie is kept by the browser; the sign-in itself ends earlier (``SESSION_HOURS``, checked by the store).
SESSION_COOKIE_DAYS = 1
#: Session-state keys: this session's token, the cookie to write on the next run ("" deletes it), the cookie checked.
_TOKEN, _PENDING_COOKIE, _RESUMED = "session_token", "session_cookie", "session_resumed"
#: Streamlit's English hint under a form's fields ("Press Enter to submit form"): Enter still submits; hidden.
_FORM_CSS = "<style>[data-testid='stForm'] [data-testid='InputInstructions']{display:none;}</style>"
SIGNED_OUT = "Tài khoản của bạn đã bị vô hiệu hóa; bạn đã được đăng xuất."


def current_account() -> Account | None:
    """The account signed in in this session, or None (anonymous)."""
    import streamlit as st

    account = st.session_state.get(ACCOUNT_KEY)
    return account if isinstance(account, Account) else None


def account_store() -> AccountStore:
    """The accounts of the current settings (the first administrator made from ``ADMIN_PASSWORD`` if none yet)."""
    return open_accounts(ui.get_settings())


def refresh_account(store: AccountStore) -> Account | None:
    """The signed-in account as stored now: a role changed by the administrator applies at the next click, and a
    disabled or removed account is signed out (with a notice)."""
    import streamlit as st

    _resume(store)
    account = current_account()
    if account is None:
        return None
    stored = store.get(account.name)
    if stored is None or not stored.active:
        logout()
        st.session_state[SIGNED_OUT_KEY] = SIGNED_OUT
        return None
    if stored != account:
        st.session_state[ACCOUNT_KEY] = stored
    return stored


def _resume(store: AccountStore) -> None:
    """Once per session: sign in again from the remembered sign-in's cookie (a reload, a new tab)."""
    import streamlit as st

    ss = st.session_state
    if ss.get(_RESUMED):
        return
    ss[_RESUMED] = True
    token = st.context.cookies.get(SESSION_COOKIE)  # empty without a request (tests, bare mode)
    account = store.resume(token) if isinstance(token, str) else None
    if account is not None and current_account() is None:
        ss[ACCOUNT_KEY], ss[_TOKEN] = account, token


def _login(prefix: str) -> None:
    """The form's callback (runs before the page): sign in, or keep the refusal to show."""
    import streamlit as st

    ss = st.session_state
    name, password = ss.get(f"{prefix}_name", ""), ss.get(f"{prefix}_pw", "")
    ss[f"{prefix}_pw"] = ""  # the password never stays in the session
    if not (name or "").strip() or not password:
        ss[LOGIN_ERROR_KEY] = (prefix, "Hãy nhập tên đăng nhập và mật khẩu.")
        return
    store = account_store()
    try:
        ss[ACCOUNT_KEY] = store.login(name, password)
    except LoginRefused as refused:
        ss[LOGIN_ERROR_KEY] = (prefix, refused.user_message)
        return
    ss[_TOKEN] = ss[_PENDING_COOKIE] = store.open_session(ss[ACCOUNT_KEY].name)
    ss.pop(LOGIN_ERROR_KEY, None)
    ss.pop(SIGNED_OUT_KEY, None)


def logout() -> None:
    """Sign out this session and end its remembered sign-in (the cookie is deleted on the next run)."""
    import streamlit as st

    ss = st.session_state
    ss.pop(ACCOUNT_KEY, None)
    ss.pop(LOGIN_ERROR_KEY, None)
    token = ss.pop(_TOKEN, None)
    if token:
        account_store().close_session(token)
        ss[_PENDING_COOKIE] = ""


def _write_cookie() -> None:
    """Store (or delete) the remembered sign-in's cookie decided by the last login or logout."""
    import streamlit as st

    token = st.session_state.pop(_PENDING_COOKIE, None)
    if token is not None:
        st.html(render.cookie_script(SESSION_COOKIE, token, SESSION_COOKIE_DAYS if token else 0),
                unsafe_allow_javascript=True)


def login_form(prefix: str = SIDEBAR) -> None:
    """The Vietnamese login form (name, password, "Đăng nhập"; Enter in a field submits it), its last refusal under
    it."""
    import streamlit as st

    with st.form(f"{prefix}_form", border=prefix == GATE, enter_to_submit=True):
        st.text_input("Tên đăng nhập", key=f"{prefix}_name", autocomplete="username")
        st.text_input("Mật khẩu", type="password", key=f"{prefix}_pw", autocomplete="current-password")
        st.form_submit_button("Đăng nhập", key=f"{prefix}_submit", on_click=_login, args=(prefix,))
    error = st.session_state.get(LOGIN_ERROR_KEY)
    if error and error[0] == prefix:
        st.error(error[1])


def account_box() -> Account | None:
    """The sidebar's top on every page: who is signed in and "Đăng xuất", or the login form (folded while there is
    nothing to say). Nothing when no account exists. Returns the signed-in account."""
    import streamlit as st

    store = account_store()
    if not store.has_accounts():
        return None
    account = refresh_account(store)
    with st.sidebar:
        st.html(_FORM_CSS)
        _write_cookie()
        if notice := st.session_state.pop(SIGNED_OUT_KEY, None):
            st.warning(notice)
        if account is not None:
            st.markdown(f"👤 **{render.escape_markdown(account.display_name)}** · {account.role.label}")
            st.button("Đăng xuất", key="logout", on_click=logout)
        else:
            refused = (st.session_state.get(LOGIN_ERROR_KEY) or ("",))[0] == SIDEBAR
            with st.expander("🔑 Đăng nhập", expanded=refused):
                login_form(SIDEBAR)
    return account


def login_wall(settings) -> bool:
    """``REQUIRE_LOGIN=1`` and nobody signed in: the page body is the login form; returns whether the page may go
    on."""
    import streamlit as st

    if not settings.require_login or refresh_account(account_store()) is not None:
        return True
    st.title("🏛️ Trợ lý CCHC")
    if not account_store().has_accounts():
        st.error("Trợ lý yêu cầu đăng nhập (REQUIRE_LOGIN=1) nhưng chưa có tài khoản nào: quản trị viên cần đặt "
                 "ADMIN_PASSWORD rồi khởi động lại để tạo tài khoản quản trị đầu tiên.")
        return False
    st.info("Hãy đăng nhập để dùng trợ lý.")
    login_form(GATE)
    return False


__all__ = ["ACCOUNT_KEY", "current_account", "account_store", "refresh_account", "login_form", "logout",
           "account_box", "login_wall", "SIDEBAR", "GATE"]
