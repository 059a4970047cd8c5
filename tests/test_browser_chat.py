"""The chat's defects seen in a real browser (issue 20), in Debian Chromium through selenium, with real mouse clicks:
"Đóng" closes the source panel without a traceback, the view goes to the start of a new answer, an oversized upload is
refused in Vietnamese (and the message goes with the next choice), and no page shows Streamlit's English strings.

One server for the module (hashing embedder, an admin password, a 1 MB upload limit), as in tests/test_browser.py.
"""

from __future__ import annotations

import re
import time
import uuid

import pytest
import test_browser
from test_browser import (  # noqa: F401 - helpers shared with the official's walk
    CHROMEDRIVER,
    CHROMIUM,
    PASSWORD,
    QUY_III,
    ROOT,
    UPLOAD_TEXT,
    _ask,
    _click_text,
    _free_port,
    _gate_login,
    _messages,
    _retry,
    _shot_on_failure,
    _wait,
    _wait_health,
)

#: Streamlit's own English strings (its widgets, menus, tooltips and refusals) that must never reach an official.
ENGLISH_FRAMEWORK_STRINGS = (
    "Choose options", "Choose an option", "Select all", "Press Enter to apply", "No results", "Stop", "Running",
    "Print", "Record screen", "Made with Streamlit", "Copy to clipboard", "Deploy", "Rerun", "Settings",
    "Clear cache", "File must be", "Browse files", "Drag and drop file here", "Limit", "per file",
    "Download as CSV", "Search", "Fullscreen", "Traceback", "Ask Google", "Ask ChatGPT", "Error",
)
#: The upload limit of this module's server (MB): a small file already exceeds it.
MAX_FILE_MB = 1

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="cần /usr/bin/chromium và /usr/bin/chromedriver"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data_rel = f"tests/artifacts/browser-chat-{uuid.uuid4().hex[:8]}"
    with test_browser.streamlit_server(tmp_path_factory.mktemp("browser-chat"), data_rel,
                                       MAX_FILE_MB=str(MAX_FILE_MB)) as running:
        yield running


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    """The module's Chromium, as tests/test_browser.py starts it."""
    yield from test_browser.driver.__wrapped__(tmp_path_factory)


# -- helpers ------------------------------------------------------------------------------------------------------
def _mouse_click(driver, element) -> None:
    """A real pointer click: the element scrolled into the middle of the view, the mouse moved onto it, pressed."""
    from selenium.webdriver.common.action_chains import ActionChains

    def act():
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        time.sleep(0.3)
        ActionChains(driver).move_to_element(element).pause(0.1).click().perform()

    _retry(act)


def _visible_text(driver) -> str:
    """What a reader sees or hovers: the page's text, and the placeholders and tooltips (title) of what is shown."""
    return driver.execute_script(
        "var out=[document.body.innerText];document.querySelectorAll('[title],[placeholder]').forEach(function(e){"
        "if(e.offsetParent!==null){['title','placeholder'].forEach(function(a){var v=e.getAttribute(a);"
        "if(v){out.push(v);}});}});return out.join('\\n');")


def _english(text: str) -> list[str]:
    """The English framework strings in ``text`` (whole words, case as Streamlit writes them)."""
    return [s for s in ENGLISH_FRAMEWORK_STRINGS if re.search(rf"(?<![\w]){re.escape(s)}(?![\w])", text)]


def _open_chat(server, driver) -> None:
    from selenium.webdriver.common.by import By

    driver.get(server["url"])
    _wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="stChatInput"] textarea'))


# -- "Đóng" ---------------------------------------------------------------------------------------------------------
def test_close_button_closes_the_source_panel_without_a_traceback(server, driver):
    with _shot_on_failure(driver, "close-panel"):
        _close_panel(server, driver)


def _close_panel(server, driver) -> None:
    from selenium.webdriver.common.by import By

    _open_chat(server, driver)
    _ask(driver, QUY_III)
    time.sleep(4.0)  # the view settles at the start of the answer (ui.render.answer_scroll_script)
    answer = _messages(driver)[-1]
    sources = answer.find_elements(By.XPATH, './/button[.//p[starts-with(text(), "[")]]')
    assert sources
    for attempt in range(2):  # open, close, and open again: the panel works after a close
        _mouse_click(driver, sources[0] if attempt == 0 else _messages(driver)[-1].find_elements(
            By.XPATH, './/button[.//p[starts-with(text(), "[")]]')[0])
        _wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, '[role="dialog"] .cchc-document mark'))
        close = _wait(driver).until(lambda d: next(iter(d.find_elements(
            By.XPATH, '//*[@role="dialog"]//button[.//p[text()="Đóng"]]')), False))
        _mouse_click(driver, close)
        _wait(driver, 30).until(lambda d: not d.find_elements(By.CSS_SELECTOR, '[role="dialog"]'))
        time.sleep(1.0)  # a traceback would arrive with the rerun after the click
        text = driver.find_element(By.TAG_NAME, "body").text
        assert not [w for w in ("Traceback", "TypeError", "Ask Google") if w in text], text[-2000:]
        assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')


# -- the view after a long answer --------------------------------------------------------------------------------------
def test_view_goes_to_the_start_of_a_new_answer(server, driver):
    with _shot_on_failure(driver, "answer-start"):
        _answer_start(server, driver)


def _answer_start(server, driver) -> None:
    driver.set_window_size(800, 600)  # a small screen: the answer with its sources is several screens long
    try:
        _open_chat(server, driver)
        _ask(driver, QUY_III)

        def top_of_answer(d):  # where the first line of the new answer is, from the top of the view
            return d.execute_script("var a=document.querySelectorAll('span[id^=\"answer-\"]');"
                                    "return a[a.length-1].getBoundingClientRect().top;")

        # the last answer is taller than the view, and its first line is in the upper half of it (not above)
        assert driver.execute_script("var m=document.querySelectorAll('[data-testid=\"stChatMessage\"]');"
                                     "return m[m.length-1].getBoundingClientRect().height;") > 600
        _wait(driver, 10).until(lambda d: 0 <= top_of_answer(d) < 300)
        time.sleep(2.0)
        assert 0 <= top_of_answer(driver) < 300  # and it stays there
    finally:
        driver.set_window_size(1500, 1000)


# -- uploads -----------------------------------------------------------------------------------------------------------
def test_oversized_upload_is_refused_in_vietnamese_and_the_message_goes_with_the_next_file(server, driver, tmp_path):
    with _shot_on_failure(driver, "upload-size"):
        _oversized_upload(server, driver, tmp_path)


def _choose_file(driver, path) -> None:
    from selenium.webdriver.common.by import By

    picker = _wait(driver).until(lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, 'input[type="file"]')), False))
    driver.execute_script("arguments[0].value = '';", picker)  # chromedriver adds to a "multiple" input's files
    picker.send_keys(str(path))


def _oversized_upload(server, driver, tmp_path) -> None:
    from selenium.webdriver.common.by import By

    big = tmp_path / "ke-hoach-qua-lon.txt"
    big.write_text(UPLOAD_TEXT + "Nội dung lặp lại của kế hoạch.\n" * 60_000, encoding="utf-8")  # about 2 MB
    small = tmp_path / "ke-hoach-nho.txt"
    small.write_text(UPLOAD_TEXT, encoding="utf-8")
    driver.get(server["url"])
    _click_text(driver, '//a[@data-testid="stSidebarNavLink"][contains(., "Văn bản")]')
    gate = _wait(driver).until(lambda d: next(iter(d.find_elements(  # not the sidebar's folded login form
        By.CSS_SELECTOR, '.st-key-gate_pw input, input[type="file"]')), False))
    if gate.get_attribute("type") == "password":  # the Documents page asks an administrator to sign in
        _gate_login(driver, "admin", PASSWORD)
    _choose_file(driver, big)
    refused = f'//*[contains(text(), "{big.name}: bị từ chối — tệp quá lớn")]'
    message = _wait(driver, 60).until(lambda d: next(iter(d.find_elements(By.XPATH, refused)), False))
    assert f"vượt giới hạn {MAX_FILE_MB} MB" in message.text
    assert not _english(_visible_text(driver)), _english(_visible_text(driver))  # no "File must be 1.0MB or smaller"
    # the next choice: the previous file's error goes
    removes = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stFileChipDeleteBtn"] button, '
                                                    'button[data-testid="stFileChipDeleteBtn"]')
    assert removes
    for remove in removes:
        _mouse_click(driver, remove)
    _wait(driver, 30).until(lambda d: not d.find_elements(By.XPATH, refused))
    _choose_file(driver, small)
    _wait(driver, 30).until(lambda d: d.find_elements(By.XPATH, '//*[contains(text(), "ke-hoach-nho.txt")]'))
    time.sleep(1.0)
    assert not driver.find_elements(By.XPATH, refused)


# -- English framework strings on every page ---------------------------------------------------------------------------
PAGES = ("Hỏi đáp", "Văn bản", "Phản hồi", "Lịch kiểm tra", "Rà soát trích dẫn")


def test_no_english_framework_strings_on_any_page(server, driver):
    with _shot_on_failure(driver, "english"):
        _no_english(server, driver)


def _no_english(server, driver) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open_chat(server, driver)
    _ask(driver, QUY_III)  # an answer with its sources, copy button and 👍👎
    time.sleep(4.0)  # the view settles at the start of the answer (ui.render.answer_scroll_script)
    seen = {"Hỏi đáp": _visible_text(driver)}
    # our copy button (not st.code's "Copy to clipboard"): plain text, and a click is answered in Vietnamese
    copied = _messages(driver)[-1].find_element(By.CSS_SELECTOR, "textarea.cchc-copy-text").get_attribute("value")
    assert "[1]" in copied and "**" not in copied
    button = _messages(driver)[-1].find_element(By.CSS_SELECTOR, "button.cchc-copy-button")
    _mouse_click(driver, button)
    _wait(driver, 10).until(lambda d: button.text == "✓ Đã sao chép")
    # an open multiselect (its menu says "Select all", "No results" in English unless told otherwise)
    box = driver.find_element(By.XPATH, '//div[@data-testid="stMultiSelect"]//input')
    _mouse_click(driver, box)
    time.sleep(0.5)
    seen["Hỏi đáp, bộ lọc mở"] = _visible_text(driver)
    box.send_keys(Keys.ESCAPE)
    for page in PAGES[1:]:
        _click_text(driver, f'//a[@data-testid="stSidebarNavLink"][contains(., "{page}")]')
        time.sleep(1.0)
        if driver.find_elements(By.CSS_SELECTOR, ".st-key-gate_pw input"):  # the page asks an administrator
            _gate_login(driver, "admin", PASSWORD)
        title = f'//h1[contains(., "{page.split()[0]}")]'
        _wait(driver).until(lambda d, title=title: d.find_elements(By.XPATH, title))
        time.sleep(2.0)  # tables and uploaders render after the title
        seen[page] = _visible_text(driver)
    found = {page: _english(text) for page, text in seen.items() if _english(text)}
    assert not found, found
