"""The administrator's gate shared by the pages that change or reveal data: password, lockout, logout.

Per browser session (``st.session_state``): after :data:`MAX_ATTEMPTS` wrong passwords the form is locked for the
rest of the session.
"""

from __future__ import annotations

import ui

#: Wrong passwords a session may type before the form locks (guessing gets no further than this).
MAX_ATTEMPTS = 5


def _logout() -> None:
    import streamlit as st

    st.session_state["admin_ok"] = False
    st.session_state.pop("admin_pw", None)


def _check(expected: str) -> None:
    import streamlit as st

    ss = st.session_state
    given = ss.get("admin_pw", "")
    if not given:
        return
    if ui.password_ok(given, expected):
        ss["admin_ok"] = True
        ss["admin_failures"] = 0
    else:
        ss["admin_failures"] = ss.get("admin_failures", 0) + 1
    ss["admin_pw"] = ""


def require_admin(settings, purpose: str) -> bool:
    """Show the password form (or the logout button) and return whether the session may go on.

    Without ``ADMIN_PASSWORD`` everything is open and nothing is shown.
    """
    import streamlit as st

    if not settings.admin_password:
        return True
    ss = st.session_state
    if ss.get("admin_ok"):
        st.button("Đăng xuất quản trị", key="admin_logout", on_click=_logout)
        return True
    failures = ss.get("admin_failures", 0)
    if failures >= MAX_ATTEMPTS:
        st.error(f"Đã nhập sai mật khẩu {MAX_ATTEMPTS} lần; phiên này bị khóa. Hãy mở lại trình duyệt sau "
                 "hoặc liên hệ quản trị viên.")
        return False
    st.text_input("Mật khẩu quản trị", type="password", key="admin_pw", help=purpose, on_change=_check,
                  args=(settings.admin_password,))
    if failures:
        st.error(f"Mật khẩu không đúng (còn {MAX_ATTEMPTS - failures} lần thử).")
    st.info(purpose)
    return False


__all__ = ["require_admin", "MAX_ATTEMPTS"]
