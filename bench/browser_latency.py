"""Answer time in a real browser (issue 20): a fresh server with the index built → the first cited answer, then the
warm median of 10 questions, each timed from Enter to the rendered answer; the load average printed beside them.

    python -m bench.browser_latency --data-dir /tmp/M-bench [--entry serve.py] [--questions ../shared/eval/dev.jsonl]

``--data-dir`` must hold an index built with the same embedder (``DATA_DIR=… python -m ingest``; it is built when
empty). ``--entry app.py`` measures ``streamlit run app.py`` (model loaded at the first page view) against
``serve.py`` (loaded when the server starts). Needs /usr/bin/chromium and /usr/bin/chromedriver.
Results: bench/results/browser_latency.json (one entry per entry script and settle time, the last run kept).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "browser_latency.json"
#: The first question: the first suggested example, answered with citations by the bundled corpus.
FIRST_QUESTION = "Những sở nào được kiểm tra trong quý III?"
#: Warm questions timed (the issue's target is the median of 10).
WARM_QUESTIONS = 10
#: Seconds to wait for the server's health check, a page, or an answer before giving up.
TIMEOUT_S = 180


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(entry: str, data_dir: Path, port: int, log) -> subprocess.Popen:
    env = {**os.environ, "DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    for name in ("CHROMA_HOST", "LLM_BASE_URL"):
        env.pop(name, None)
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / entry), "--server.headless", "true",
           "--server.address", "127.0.0.1", "--server.port", str(port)]
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _wait_health(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"streamlit stopped (code {proc.returncode})")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("streamlit not healthy in time")


def _driver(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                f"--user-data-dir={profile}", "--window-size=1400,1000", "--lang=vi"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def _ask(driver, question: str) -> float:
    """Type a question, press Enter; seconds until its answer with a citation link [n] (or the 👍 row) is shown."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, TIMEOUT_S, poll_frequency=0.05)
    before = len(driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]'))
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, '[data-testid="stChatInput"] textarea')))
    box.send_keys(question)
    asked = time.monotonic()
    box.send_keys(Keys.ENTER)

    def answered(d):
        msgs = d.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')
        return len(msgs) >= before + 2 and bool(msgs[-1].find_elements(By.XPATH, './/button[.//p[text()="👍"]]'))

    wait.until(answered)
    return time.monotonic() - asked


def _page_ready(driver) -> float:
    """When the chat input can be typed in (the page's first run is done)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, TIMEOUT_S, poll_frequency=0.05).until(ec.element_to_be_clickable(
        (By.CSS_SELECTOR, '[data-testid="stChatInput"] textarea')))
    WebDriverWait(driver, TIMEOUT_S, poll_frequency=0.05).until(
        lambda d: d.find_elements(By.XPATH, '//button[.//p[text()="Những sở nào được kiểm tra trong quý III?"]]'))
    return time.monotonic()


def _cited(driver) -> bool:
    from selenium.webdriver.common.by import By

    msgs = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')
    return bool(msgs and msgs[-1].find_elements(By.CSS_SELECTOR, "a.cchc-ref"))


def _questions(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows if not r.get("abstain")][:WARM_QUESTIONS]


def measure(entry: str, data_dir: Path, questions: list[str], settle: float) -> dict:
    port = _free_port()
    with tempfile.TemporaryDirectory(prefix="M-latency-") as tmp:
        log = open(Path(tmp) / "streamlit.log", "wb")  # noqa: SIM115 - closed with the server below
        started = time.monotonic()
        proc = _start_server(entry, data_dir, port, log)
        try:
            _wait_health(port, proc)
            healthy = time.monotonic() - started
            time.sleep(settle)  # the gap between a server start and the first visitor (0 = at once)
            driver = _driver(Path(tmp) / "profile")
            try:
                load_before = os.getloadavg()
                opened = time.monotonic()
                driver.get(f"http://127.0.0.1:{port}/")
                ready = _page_ready(driver) - opened
                first_ask = _ask(driver, FIRST_QUESTION)
                first = time.monotonic() - opened
                cited = _cited(driver)
                warm = [_ask(driver, q) for q in questions]
                load_after = os.getloadavg()
            finally:
                driver.quit()
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=30)
            log.close()
    return {"entry": entry, "server_healthy_s": round(healthy, 2), "settle_s": settle,
            "page_load_to_chat_input_s": round(ready, 2),
            "page_load_to_first_answer_s": round(first, 2), "first_ask_to_answer_s": round(first_ask, 2),
            "first_answer_cited": cited, "warm_median_s": round(statistics.median(warm), 2),
            "warm_s": [round(w, 2) for w in warm], "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in load_after], "cpus": os.cpu_count()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--entry", default="serve.py", choices=("serve.py", "app.py"))
    parser.add_argument("--questions", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--settle", type=float, default=0.0,
                        help="seconds between the server's health check and the first page view")
    args = parser.parse_args(argv)
    if not (args.data_dir / "manifest.json").exists() and not any(args.data_dir.glob("*")):
        subprocess.run([sys.executable, "-m", "ingest"], cwd=ROOT, check=True,
                       env={**os.environ, "DATA_DIR": str(args.data_dir), "HF_HUB_OFFLINE": "1"})
    result = measure(args.entry, args.data_dir, _questions(args.questions), args.settle)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    run = f"{args.entry}, settle {args.settle:g} s"
    RESULTS.write_text(json.dumps({**old, run: result}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
