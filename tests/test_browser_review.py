"""End to end, the reviewer's walk (issue 20): open a citation by a mouse click → verdict → close → reopening shows
it → the queue gives the next one → a verdict there → the CSV names the reviewer.

Same server and browser set-up as ``test_browser`` (Debian Chromium through selenium, hashing embedder, the first
administrator from ``ADMIN_PASSWORD``). The walk starts by signing in as a reviewer's account in the sidebar; every
verdict, the reopened panel and the CSV carry that reviewer's name.
"""

from __future__ import annotations

import csv
import io
import time

import test_browser as walk
from test_browser import PASSWORD, QUY_III, _ask, _click_text, _messages, _shot, _shot_on_failure, _wait

#: The reviewer's account (login, password) and name, made in the server's account store before the walk.
REVIEWER = ("lan.rs", "mat-khau-ra-soat-1")
REVIEWER_NAME = "Nguyễn Thị Lan"
#: The chat tests' browser fixtures, shared (one server and one Chromium for this module).
server, driver, pytestmark = walk.server, walk.driver, walk.pytestmark


def _gate(driver, title: str) -> None:
    """Wait for the page titled ``title``; type the admin password when it asks for it (a page opened before in
    this session does not), again if a rerun swallowed the keys."""
    from selenium.webdriver.common.by import By

    _wait(driver).until(lambda d: d.find_elements(By.XPATH, f'//h1[contains(., "{title}")]'))
    time.sleep(1.5)
    for _ in range(5):
        boxes = driver.find_elements(By.CSS_SELECTOR, 'input[type="password"]')
        if not boxes:
            return
        walk._retry(lambda: driver.find_element(By.CSS_SELECTOR, 'input[type="password"]').send_keys(PASSWORD + "\n"))
        time.sleep(2.0)
    raise AssertionError("the password form stayed")


def test_reviewer_verdict_comes_back_then_queue_and_csv(server, driver):
    with _shot_on_failure(driver, "review-walk"):
        _reviewer_walk(server, driver)


def _open_card(driver, n: int) -> None:
    """Click citation [n]'s card button under the answer (a real click) and wait for the panel's document."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By

    for attempt in range(3):  # a click that lands during a rerun is lost: click again
        _click_text(driver, f'(//div[@data-testid="stChatMessage"])[last()]//button[.//p[text()="[{n}]"]]')
        try:
            _wait(driver, 30).until(lambda d: d.find_elements(
                By.CSS_SELECTOR, f'[role="dialog"] .cchc-document mark[id$="-{n}"]'))
            return
        except TimeoutException:
            if attempt == 2:
                raise


def _close_panel(driver) -> None:
    """Close the source panel with its "Đóng" button, clicked with the mouse; no traceback may show."""
    from selenium.webdriver.common.by import By
    from test_browser_chat import _mouse_click

    close = _wait(driver).until(lambda d: next(iter(d.find_elements(
        By.XPATH, '//*[@role="dialog"]//button[.//p[text()="Đóng"]]')), False))
    _mouse_click(driver, close)
    _wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, '[role="dialog"]'))
    shown = driver.find_element(By.TAG_NAME, "body").text
    assert "Traceback" not in shown and "TypeError" not in shown


def _wait_refs(driver, least: int, timeout: float = 30) -> None:
    """Wait until the last answer shows at least ``least`` [n] links. The 👍 that ``_ask`` waits for can be drawn by
    the run before the one that redraws the saved answer, so the links are waited for, not counted at once; when they
    do not come, the failure shows the answer's text (a refusal says so)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By

    try:
        _wait(driver, timeout).until(
            lambda d: len(_messages(d)[-1].find_elements(By.CSS_SELECTOR, "a.cchc-ref")) >= least)
    except TimeoutException:
        shown = _messages(driver)[-1].text
        raise AssertionError(f"câu trả lời có ít hơn {least} trích dẫn sau {timeout:.0f} giây:\n{shown[:2000]}"
                             ) from None


def _reviewer_walk(server, driver) -> None:
    from selenium.webdriver.common.by import By

    from assistant.accounts import AccountStore, Role
    from assistant.sqlite_store import store_of

    store_of(AccountStore, server["data"] / "accounts.sqlite3").add(REVIEWER[0], REVIEWER_NAME, Role.REVIEWER,
                                                                    REVIEWER[1])
    driver.get(server["url"])
    _click_text(driver, '//section[@data-testid="stSidebar"]//summary[contains(., "Đăng nhập")]')
    walk._gate_login(driver, *REVIEWER, form="login")
    _wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-logout"))
    _ask(driver, QUY_III)
    _wait_refs(driver, 3)
    # the reviewer judges citation [2] "Sai", closes the panel, opens it again: the verdict is there, named
    _open_card(driver, 2)
    _click_text(driver, '//*[@role="dialog"]//label[.//p[text()="Sai"]]')
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, '//*[text()="Đã lưu đánh giá trích dẫn."]'))
    time.sleep(0.5)
    _close_panel(driver)
    _wait(driver).until(lambda d: "đã rà soát 1/" in _messages(d)[-1].text)
    _open_card(driver, 2)
    given = _wait(driver).until(lambda d: next(iter(d.find_elements(
        By.XPATH, f'//*[@role="dialog"]//li[contains(., "{REVIEWER_NAME}")]')), False))
    assert "Sai" in given.text
    walk._wait_selected(driver, '//*[@role="dialog"]//label[.//p[text()="Sai"]]//input')  # the verdict given
    _shot(driver, "review_reopened.png")
    _close_panel(driver)
    # the queue gives the oldest answer's first unreviewed citation, [1]; a verdict moves on to [3] ([2] is judged)
    _click_text(driver, '//a[@data-testid="stSidebarNavLink"][contains(., "Hàng đợi rà soát")]')
    _gate(driver, "Hàng đợi rà soát")
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, '//h4[starts-with(normalize-space(.), "Trích dẫn [1]")]'))
    _click_text(driver, '//div[contains(@class, "st-key-rq_dung")]//button')
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, '//h4[starts-with(normalize-space(.), "Trích dẫn [3]")]'))
    assert driver.find_elements(By.XPATH, '//*[contains(text(), "Đã lưu «Đúng» cho trích dẫn [1].")]')
    _shot(driver, "review_queue.png")
    # the Review page's CSV: both verdicts, each with its reviewer
    _click_text(driver, '//a[@data-testid="stSidebarNavLink"][contains(., "Rà soát trích dẫn")]')
    _gate(driver, "Rà soát trích dẫn")
    _click_text(driver, '//button[.//p[text()="⬇️ Tải CSV"]]')
    csv_file = walk.downloaded(driver, "ra-soat-trich-dan*.csv")
    rows = list(csv.DictReader(io.StringIO(csv_file.read_bytes().decode("utf-8-sig"))))
    assert sorted((r["n"], r["ket_luan"], r["nguoi_ra_soat"]) for r in rows) == [("1", "Đúng", REVIEWER_NAME),
                                                                               ("2", "Sai", REVIEWER_NAME)]
