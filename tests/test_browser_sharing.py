"""End to end, the official's walk (issue 20): signed in, an official asks; in another browser profile, signed in as
the same account, the conversation is there; the owner shares it read-only, a second account opens the link and
cannot ask into it; the owner revokes it and the link then says why.

Same server set-up as ``test_browser`` (Debian Chromium through selenium, hashing embedder); two browser profiles,
two officials' accounts made in the server's account store before the walk.
"""

from __future__ import annotations

import test_browser as walk
from test_browser import QUY_III, _ask, _click_text, _gate_login, _messages, _shot_on_failure, _wait

from assistant.history import REVOKED

#: The chat tests' browser fixtures, shared (one server and one Chromium for this module).
server, driver, pytestmark = walk.server, walk.driver, walk.pytestmark
#: Two officials (login, password, name).
OWNER = ("canbo.mot", "mat-khau-can-bo-1", "Cán bộ Một")
OTHER = ("canbo.hai", "mat-khau-can-bo-2", "Cán bộ Hai")


def _sign_in(driver, url: str, account: tuple[str, str, str]) -> None:
    from selenium.webdriver.common.by import By

    driver.get(url)
    _click_text(driver, '//section[@data-testid="stSidebar"]//summary[contains(., "Đăng nhập")]')
    _gate_login(driver, account[0], account[1], form="login")
    _wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-logout"))


def _chat_input_disabled(driver) -> bool:
    """No question can be typed: the chat input is there, and no enabled text box in it (a predicate for a wait:
    the read-only run draws the input disabled after the page has shown it)."""
    from selenium.webdriver.common.by import By

    if not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatInput"]'):
        return False
    boxes = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatInput"] textarea')
    return not any(box.is_enabled() and box.get_attribute("disabled") is None for box in boxes)


def _toggle_share(driver, link: str, shared: bool) -> None:
    """The owner opens the conversation afresh, flips its share switch in the conversation menu to ``shared``, and
    waits for the run that stored it: the switch drawn in that state, and the link to send shown only while shared."""
    from selenium.webdriver.common.by import By

    driver.get(link)
    _wait(driver).until(lambda d: len(_messages(d)) == 2)
    _click_text(driver, '//button[.//p[text()="Đổi tên, xóa, tải về"]]')
    switch = '//label[.//p[contains(text(), "Chia sẻ (chỉ xem)")]]'
    _click_text(driver, switch)
    walk._wait_selected(driver, switch + "//input", shared)
    _wait(driver).until(lambda d: shared == any("?c=" in code.get_attribute("textContent")
                                                for code in d.find_elements(By.CSS_SELECTOR, '[data-testid="stCode"]')))


def test_conversation_follows_the_account_and_is_shared_read_only(server, driver, tmp_path_factory):
    from assistant.accounts import AccountStore, Role
    from assistant.sqlite_store import store_of

    accounts = store_of(AccountStore, server["data"] / "accounts.sqlite3")
    for login, password, name in (OWNER, OTHER):
        accounts.add(login, name, Role.OFFICIAL, password)
    other = walk.new_chrome(tmp_path_factory.mktemp("chrome-2"))  # another computer: its own profile and cookies
    try:
        with _shot_on_failure(driver, "sharing"), _shot_on_failure(other, "sharing-2"):
            _walk(server, driver, other)
    finally:
        other.quit()


def _walk(server, driver, other) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(driver, server["url"], OWNER)
    _ask(driver, QUY_III)
    link = driver.current_url
    assert "?c=" in link
    # the same account in another browser profile: the conversation is in its list and opens with its answer
    _sign_in(other, server["url"], OWNER)
    item = _wait(other).until(lambda d: next(iter(d.find_elements(
        By.XPATH, f'//section[@data-testid="stSidebar"]//button[.//p[text()="{QUY_III}"]]')), False))
    walk._retry(item.click)
    _wait(other).until(lambda d: len(_messages(d)) == 2)
    # not shared yet: the second official's link says why and shows nothing
    _click_text(other, '//section[@data-testid="stSidebar"]//button[.//p[text()="Đăng xuất"]]')
    _sign_in(other, server["url"], OTHER)
    other.get(link)
    _wait(other).until(lambda d: d.find_elements(By.XPATH, '//*[contains(text(), "không được chia sẻ")]'))
    assert not _messages(other)
    # shared read-only: the link opens with the owner's name and no way to ask into it
    _toggle_share(driver, link, shared=True)
    other.get(link)
    _wait(other).until(lambda d: len(_messages(d)) == 2)
    assert other.find_elements(By.XPATH, f'//*[contains(text(), "của {OWNER[2]}, được chia sẻ để đọc")]')
    _wait(other, 30).until(_chat_input_disabled, "ô hỏi vẫn gõ được trong cuộc trò chuyện chỉ xem")
    # revoked: the link says so
    _toggle_share(driver, link, shared=False)
    other.get(link)
    _wait(other).until(lambda d: d.find_elements(By.XPATH, f'//*[contains(text(), "{REVOKED}")]'))
    assert not _messages(other)
