"""End to end: `streamlit run app.py` driven by Debian Chromium through selenium.

The server runs with a temporary DATA_DIR and the hashing embedder, so the index builds from corpus/ in seconds
on the first question. A screenshot is saved to tests/artifacts/chat.png (git-ignored).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts"
QUY_III = "Những sở nào được kiểm tra trong quý III?"

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
    """Run a UI action again when a Streamlit rerun replaced or covered the element under it."""
    from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException

    for attempt in range(attempts):
        try:
            return action()
        except (StaleElementReferenceException, ElementClickInterceptedException):
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


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    log = tmp_path / "streamlit.log"
    env = {**os.environ, "DATA_DIR": str(tmp_path / "data"), "EMBEDDING_MODEL": "hashing:64",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", "ANONYMIZED_TELEMETRY": "False",
           "HF_HUB_OFFLINE": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    started = time.monotonic()
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        _wait_health(f"http://127.0.0.1:{port}/_stcore/health", proc, log)
        yield {"url": f"http://127.0.0.1:{port}/", "started": started, "log": log}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)


@pytest.fixture
def driver(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={tmp_path / 'chrome-profile'}", "--window-size=1400,1800", "--lang=vi"):
        options.add_argument(arg)
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield drv
    finally:
        drv.quit()


def test_chat_answer_with_highlighted_citation(server, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(server["url"])
    wait = WebDriverWait(driver, 90)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="stChatInput"] textarea')))
    box.send_keys(QUY_III)
    box.send_keys(Keys.ENTER)
    asked = time.monotonic()

    def answered(d):
        cards = d.find_elements(By.CSS_SELECTOR, '[data-testid="stExpander"]')
        buttons = d.find_elements(By.XPATH, '//button[.//p[text()="👍"]]')
        return cards if cards and buttons else False

    cards = wait.until(answered)
    first_answer = time.monotonic()
    assert len(cards) >= 3
    messages = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')
    assert len(messages) == 2 and "[1]" in messages[1].text

    def expand_first(d):
        card = d.find_elements(By.CSS_SELECTOR, '[data-testid="stExpander"]')[0]
        summary = card.find_element(By.CSS_SELECTOR, "summary")
        d.execute_script("arguments[0].scrollIntoView({block: 'center'});", summary)
        if card.find_element(By.CSS_SELECTOR, "details").get_attribute("open") is None:
            summary.click()
        return True

    _retry(lambda: expand_first(driver))
    mark = wait.until(lambda d: next((m for m in d.find_elements(
        By.CSS_SELECTOR, '[data-testid="stExpander"] mark[id^="cite-"]') if m.is_displayed()), False))
    assert mark.text.strip()
    # the document text never becomes markup: no <script> element comes from the passages
    assert not driver.find_elements(By.CSS_SELECTOR, ".cchc-passage script, .cchc-document script")
    # open the whole document: its <mark> is scrolled into view inside the box
    def open_document(d):
        toggle = d.find_elements(By.XPATH, '//label[.//p[text()="Mở văn bản"]]')[0]
        d.execute_script("arguments[0].scrollIntoView({block: 'center'});", toggle)
        toggle.click()
        return True

    _retry(lambda: open_document(driver))
    doc_mark = wait.until(lambda d: next(iter(d.find_elements(By.CSS_SELECTOR, '.cchc-document mark[id^="doc-"]')),
                                         False))
    wait.until(lambda d: d.execute_script(
        "var m=arguments[0], b=m.closest('.cchc-document'); if(!b) return false;"
        "var r=m.getBoundingClientRect(), q=b.getBoundingClientRect();"
        "return b.scrollHeight <= b.clientHeight || (r.top >= q.top - 1 && r.bottom <= q.bottom + 1);", doc_mark))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", doc_mark)
    time.sleep(0.3)
    driver.save_screenshot(str(ARTIFACTS / "document.png"))
    answer_msg = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')[1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", answer_msg)
    time.sleep(0.5)
    shot = ARTIFACTS / "chat.png"
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    timing = (f"streamlit run → câu trả lời đầu tiên: {first_answer - server['started']:.1f} s "
              f"(hỏi → trả lời: {first_answer - asked:.1f} s)")
    (ARTIFACTS / "timing.txt").write_text(timing + "\n", encoding="utf-8")
    print(timing)
