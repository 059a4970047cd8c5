"""Tài khoản: the administrator adds accounts, disables and enables them, resets passwords and changes roles (issue
20). Passwords are hashed by the account store (Argon2); none is ever shown back."""

from __future__ import annotations

import streamlit as st

import ui
from assistant.accounts import MIN_PASSWORD_CHARS, Role, wait_text
from ui import auth, render
from ui.admin import require_role

st.set_page_config(page_title="Tài khoản – Trợ lý CCHC", page_icon="👤", layout="wide")
st.title("👤 Tài khoản")

if not require_role(Role.ADMIN, "Quản lý tài khoản cần tài khoản quản trị."):
    st.stop()
store = auth.account_store()
if not store.has_accounts():
    st.info("Chưa có tài khoản nào: đặt ADMIN_PASSWORD rồi khởi động lại trợ lý để tạo tài khoản quản trị đầu tiên "
            "(tên đăng nhập “admin”).")
    st.stop()

ss = st.session_state
ROLES = list(Role)
STATUS = {True: "Đang hoạt động", False: "Đã vô hiệu hóa"}

# Messages of the last action survive the rerun that refreshes the table.
for kind, text in ss.pop("acct_messages", []):
    getattr(st, kind)(render.inert_markdown(text))


def _done(what: str, action, success: str) -> None:
    """Run one change; keep its message for the next run and rerun (the table shows the change)."""
    _, problem = ui.attempt(what, action)
    ss["acct_messages"] = [("error", problem)] if problem else [("success", success)]
    st.rerun()


# -- the list -------------------------------------------------------------------------------------------------------
accounts = store.list()
st.dataframe([{"Tên đăng nhập": a.name, "Tên hiển thị": a.display_name, "Vai trò": a.role.label,
               "Trạng thái": STATUS[a.active],
               "Tạm khóa": wait_text(store.locked_for(a.name)) if store.locked_for(a.name) else ""}
              for a in accounts], hide_index=True, width="stretch")
st.caption("Cán bộ: hỏi đáp, lưu và chia sẻ cuộc trò chuyện · Người rà soát: thêm rà soát trích dẫn và xem phản hồi "
           "· Quản trị: thêm quản lý văn bản và tài khoản.")

# -- add ------------------------------------------------------------------------------------------------------------
st.subheader("Thêm tài khoản")
with st.form("acct_add", clear_on_submit=True):
    left, right = st.columns(2)
    name = left.text_input("Tên đăng nhập", key="acct_new_name", help="Chữ không dấu, số, dấu chấm, gạch ngang.")
    display = right.text_input("Họ và tên", key="acct_new_display")
    role = left.selectbox("Vai trò", ROLES, key="acct_new_role", format_func=lambda r: r.label)
    password = right.text_input(f"Mật khẩu (ít nhất {MIN_PASSWORD_CHARS} ký tự)", type="password",
                                key="acct_new_pw", autocomplete="new-password")
    if st.form_submit_button("Thêm tài khoản", key="acct_add_submit", type="primary"):
        _done("Không thêm được tài khoản", lambda: store.add(name, display, role, password),
              f"Đã thêm tài khoản {name.strip().lower()} ({role.label}).")

# -- change one -----------------------------------------------------------------------------------------------------
st.subheader("Sửa một tài khoản")
names = [a.name for a in accounts]
labels = {a.name: f"{a.display_name} ({a.name}) — {a.role.label}, {STATUS[a.active].lower()}" for a in accounts}
chosen = st.selectbox("Tài khoản", names, key="acct_pick", format_func=labels.get)
account = store.get(chosen) if chosen else None
if account is not None:
    role_col, state_col = st.columns(2)
    with role_col:
        new_role = st.selectbox("Vai trò mới", ROLES, index=ROLES.index(account.role), key=f"acct_role_{chosen}",
                                format_func=lambda r: r.label)
        if st.button("Đổi vai trò", key="acct_do_role", disabled=new_role is account.role):
            _done("Không đổi được vai trò", lambda: store.set_role(chosen, new_role),
                  f"{account.display_name}: vai trò mới là {new_role.label}.")
    with state_col:
        st.markdown(f"**Trạng thái:** {STATUS[account.active]}")
        if account.active:
            if st.button("Vô hiệu hóa tài khoản", key="acct_toggle"):
                _done("Không vô hiệu hóa được tài khoản", lambda: store.set_active(chosen, False),
                      f"Đã vô hiệu hóa tài khoản {chosen}: tài khoản này không đăng nhập được nữa.")
        elif st.button("Kích hoạt lại tài khoản", key="acct_toggle"):
            _done("Không kích hoạt được tài khoản", lambda: store.set_active(chosen, True),
                  f"Đã kích hoạt lại tài khoản {chosen}.")
    with st.form("acct_reset", clear_on_submit=True):
        new_password = st.text_input("Mật khẩu mới", type="password", key="acct_reset_pw",
                                     autocomplete="new-password")
        if st.form_submit_button("Đặt lại mật khẩu", key="acct_do_reset"):
            _done("Không đặt lại được mật khẩu", lambda: store.reset_password(chosen, new_password),
                  f"Đã đặt lại mật khẩu của {chosen} (và mở khóa nếu đang tạm khóa).")
