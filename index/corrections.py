"""Administrators' corrections of what was read from a document (province, year, kind, number, date of issue, title,
signer), kept beside the manifest so that they outlive the index: ``DATA_DIR/corrections.json`` (written atomically,
like the manifest) and a log of every change, ``DATA_DIR/corrections.log.jsonl`` (one JSON object a line: when, who,
document, field, before → after).

A correction is keyed by the document's **source** (its file path as ingest records it, the manifest's key too): a
re-index, ``ingest --rebuild`` or a rebuild after a damaged database reads the same file under the same source and
applies it again, whatever doc id the run gives out. Ingest applies corrections over the metadata it read
(:func:`overlay`); the record keeps what was read under :data:`READ_KEY`, so a page can show "(đã sửa)" and the
reading beside it.

>>> md = overlay({"tinh": "Bắc Kạn", "nam": "2021"}, {"tinh": "Sơn La"})
>>> md["tinh"], md["nam"], readings(md)["tinh"], corrected_fields(md)
('Sơn La', '2021', 'Bắc Kạn', {'tinh': 'Bắc Kạn'})
>>> normalise_value("ngay_ban_hanh", "5/4/2021"), normalise_value("tinh", "tinh son la")
('2021-04-05', 'Sơn La')
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from errors import CorrectionInvalid
from index.manifest import write_atomically
from settings import Settings
from textnorm.gazetteer import canonical_province, provinces_merged_into
from textnorm.kinds import DocumentKind, document_kind

log = logging.getLogger(__name__)

#: Version of ``corrections.json``; a file of another format is moved aside rather than misread.
FORMAT = 1
#: The fields an administrator may correct → their Vietnamese label, in the order the form shows them.
FIELDS = {
    "tinh": "Tỉnh", "nam": "Năm", "loai_van_ban": "Loại văn bản", "so_hieu": "Số hiệu",
    "ngay_ban_hanh": "Ngày ban hành", "tieu_de": "Tiêu đề", "nguoi_ky": "Người ký",
}
#: Fields a card shows as read but that are not corrected here (the issuing body follows from the header).
SHOWN_ONLY = {"co_quan": "Cơ quan ban hành"}
#: Key of a corrected document's metadata holding, as JSON, what the text gave for each corrected field.
READ_KEY = "da_sua"
#: Who made a correction, until the accounts issue gives names.
DEFAULT_WHO = "quản trị"
#: Longest value kept for a field: a title is a sentence or two; anything longer is a paste gone wrong.
MAX_VALUE_CHARS = 600
#: Years a document of this assistant can carry (the reader's own range, ingest.metadata).
YEAR_RANGE = (1945, 2099)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_PROVINCE_CUE = re.compile(r"^(?:tỉnh|tinh|thành phố|thanh pho|tp\.?)\s+", re.IGNORECASE)


# -- values -----------------------------------------------------------------------------------------------------------
def _year(value: str) -> str:
    if not value.isdigit() or not YEAR_RANGE[0] <= int(value) <= YEAR_RANGE[1]:
        raise CorrectionInvalid(f"Năm «{value}» không hợp lệ: cần bốn chữ số, từ {YEAR_RANGE[0]} đến {YEAR_RANGE[1]}.")
    return value


def _date(value: str) -> str:
    """An ISO date from "dd/mm/yyyy" or "yyyy-mm-dd"; a year alone stays a year (a partial date, as ingest keeps it)."""
    if value.isdigit() and len(value) == 4:
        return _year(value)
    vn, iso = _VN_DATE.match(value), _ISO_DATE.match(value)
    parts = (vn.group(3), vn.group(2), vn.group(1)) if vn else iso.groups() if iso else None
    try:
        return date(*map(int, parts)).isoformat() if parts else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> str:
    raise CorrectionInvalid(f"Ngày «{value}» không hợp lệ: hãy viết dd/mm/yyyy, ví dụ 05/04/2021.")


def _province(value: str) -> str:
    """A province as the gazetteer names it: one of the 63, or a name of the 34 after the 2025 mergers."""
    name = _PROVINCE_CUE.sub("", value)
    known = canonical_province(name)
    if known:
        return known
    if provinces_merged_into(name):
        return name
    raise CorrectionInvalid(f"Không nhận ra tỉnh «{value}»: hãy viết tên tỉnh, thành phố (ví dụ Sơn La, Hà Nội).")


def _kind(value: str) -> str:
    """A type as ingest writes it, so a filter lists it once: the :class:`~textnorm.kinds.DocumentKind` it names in
    any case ("kế hoạch", "KẾ HOẠCH" → "Kế hoạch"), another kind with its capital first ("hợp đồng" → "Hợp đồng")."""
    kind = document_kind(value)
    return kind if isinstance(kind, DocumentKind) else value[:1].upper() + value[1:]


def normalise_value(field: str, value: str | None) -> str:
    """A corrected value as it is stored: one line, trimmed; a year, date or province checked and written as ingest
    writes it. "" means "the text does not say".

    >>> normalise_value("tieu_de", "  Kiểm tra   CCHC\\nnăm 2021 "), normalise_value("nam", "")
    ('Kiểm tra CCHC năm 2021', '')
    >>> normalise_value("loai_van_ban", "công văn"), normalise_value("loai_van_ban", "NGHỊ ĐỊNH")
    ('Công văn', 'Nghị định')
    >>> normalise_value("tinh", "TP. Hồ Chí Minh"), normalise_value("ngay_ban_hanh", "2021-4-5")
    ('Thành phố Hồ Chí Minh', '2021-04-05')
    >>> normalise_value("ngay_ban_hanh", "31/02/2021")
    Traceback (most recent call last):
    errors.CorrectionInvalid: Ngày «31/02/2021» không hợp lệ: hãy viết dd/mm/yyyy, ví dụ 05/04/2021.
    >>> normalise_value("nam", "21")
    Traceback (most recent call last):
    errors.CorrectionInvalid: Năm «21» không hợp lệ: cần bốn chữ số, từ 1945 đến 2099.
    """
    if field not in FIELDS:
        raise CorrectionInvalid(f"Trường «{field}» không sửa được.")
    text = " ".join(str(value or "").split())
    if len(text) > MAX_VALUE_CHARS:
        raise CorrectionInvalid(f"{FIELDS[field]} quá dài ({len(text)} ký tự, tối đa {MAX_VALUE_CHARS}).")
    if not text:
        return ""
    check = {"nam": _year, "ngay_ban_hanh": _date, "tinh": _province, "loai_van_ban": _kind}.get(field)
    return check(text) if check else text


# -- metadata ---------------------------------------------------------------------------------------------------------
def corrected_fields(metadata: dict) -> dict[str, str]:
    """The corrected fields of a document's metadata → what the text gave for each ({} when nothing was corrected).

    >>> corrected_fields({"tinh": "Sơn La", READ_KEY: '{"tinh": ""}'}), corrected_fields({"tinh": "Sơn La"})
    ({'tinh': ''}, {})
    """
    try:
        read = json.loads(metadata.get(READ_KEY) or "{}")
    except (TypeError, ValueError):
        return {}
    return {k: str(v) for k, v in read.items() if k in FIELDS} if isinstance(read, dict) else {}


def readings(metadata: dict) -> dict:
    """The metadata as the text gave it: corrections undone, :data:`READ_KEY` dropped.

    >>> readings({"tinh": "Sơn La", "nam": "2021", READ_KEY: '{"tinh": "Bắc Kạn"}'})
    {'tinh': 'Bắc Kạn', 'nam': '2021'}
    """
    read = {k: v for k, v in metadata.items() if k != READ_KEY}
    read.update(corrected_fields(metadata))
    return read


def overlay(metadata: dict, fields: dict[str, str]) -> dict:
    """``metadata`` with the corrected ``fields`` over what the text gave, and :data:`READ_KEY` naming the readings
    of the fields that now differ. Applied to metadata already corrected, earlier corrections are undone first, so
    a field no longer in ``fields`` goes back to its reading.

    >>> overlay({"tinh": "Sơn La", READ_KEY: '{"tinh": "Bắc Kạn"}'}, {})
    {'tinh': 'Bắc Kạn'}
    >>> overlay({"nam": "2021"}, {"nam": "2021"})
    {'nam': '2021'}
    """
    read = readings(metadata)
    out = dict(read)
    originals = {}
    for key, value in fields.items():
        if key in FIELDS and str(read.get(key, "")) != value:
            originals[key] = str(read.get(key, ""))
            out[key] = value
    if originals:
        out[READ_KEY] = json.dumps(originals, ensure_ascii=False, sort_keys=True)
    return out


@dataclass(frozen=True)
class FieldReading:
    """One field of a document as a card shows it: its value, where in the text it was read, whether an
    administrator corrected it and what the text gave."""

    key: str
    label: str
    value: str
    span: tuple[int, int] | None  # offsets of the text the reading came from (None: not read from the text)
    corrected: bool = False
    read: str = ""  # what the text gave, for a corrected field
    editable: bool = True


def field_readings(metadata: dict) -> list[FieldReading]:
    """Each field a card shows (:data:`FIELDS`, then :data:`SHOWN_ONLY`), with its span from ``metadata["spans"]``.

    >>> md = {"tinh": "Sơn La", "so_hieu": "36/KH-UBND", "spans": '{"so_hieu": [4, 14], "tinh": [0, 3]}',
    ...       READ_KEY: '{"tinh": "Bắc Kạn"}'}
    >>> [(f.key, f.value, f.span, f.corrected, f.read) for f in field_readings(md)][:4]
    [('tinh', 'Sơn La', (0, 3), True, 'Bắc Kạn'), ('nam', '', None, False, ''), ('loai_van_ban', '', None, False, ''), \
('so_hieu', '36/KH-UBND', (4, 14), False, '')]
    """
    try:
        spans = json.loads(metadata.get("spans") or "{}")
    except (TypeError, ValueError):
        spans = {}
    spans = spans if isinstance(spans, dict) else {}
    corrected = corrected_fields(metadata)
    out = []
    for key, label in (*FIELDS.items(), *SHOWN_ONLY.items()):
        span = spans.get(key)
        span = (int(span[0]), int(span[1])) if isinstance(span, list) and len(span) == 2 and span[1] > span[0] else None
        out.append(FieldReading(key, label, str(metadata.get(key) or ""), span, key in corrected,
                                corrected.get(key, ""), key in FIELDS))
    return out


# -- storage ----------------------------------------------------------------------------------------------------------
def read_corrections(settings: Settings) -> tuple[dict[str, dict], str]:
    """The stored corrections, source → ``{"doc_id": …, "fields": {field: value}}``, and a note ("" when all is well).

    A file that cannot be read as corrections (damaged JSON, another format) is moved aside as
    ``corrections.broken-<time>.json`` and the note says so: the index goes on with what the texts say, and the file
    is kept for a person to look at. Call it under the ingest lock (it may move the file).
    """
    path = settings.corrections_path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}, ""
    except (OSError, ValueError) as exc:
        return {}, _move_aside(path, str(exc))
    documents = data.get("documents") if isinstance(data, dict) and data.get("format") == FORMAT else None
    if not isinstance(documents, dict):
        return {}, _move_aside(path, "không đúng định dạng")
    return {source: entry for source, entry in documents.items()
            if isinstance(entry, dict) and isinstance(entry.get("fields"), dict)}, ""


def _move_aside(path: Path, why: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    broken = path.with_name(f"{path.stem}.broken-{stamp}{path.suffix}")
    try:
        os.replace(path, broken)
    except OSError as exc:
        log.warning("Không chuyển được %s sang %s: %s", path, broken, exc)
        return f"Tệp sửa thông tin văn bản {path} không đọc được ({why}); các sửa đổi trong đó chưa được áp dụng."
    log.warning("Tệp sửa thông tin văn bản %s không đọc được (%s); đã chuyển sang %s", path, why, broken)
    return (f"Tệp sửa thông tin văn bản {path.name} không đọc được ({why}); đã chuyển sang {broken.name}, các văn "
            "bản dùng thông tin đọc từ nội dung.")


def write_corrections(settings: Settings, documents: dict[str, dict]) -> None:
    """Write the corrections atomically (a reader sees the old file or the new one)."""
    data = {"format": FORMAT, "written": _now(), "documents": dict(sorted(documents.items()))}
    write_atomically(settings.corrections_path, json.dumps(data, ensure_ascii=False, indent=1))


def fields_of(documents: dict[str, dict], source: str) -> dict[str, str]:
    """The corrected fields stored for a source ({} when none).

    >>> fields_of({"a.txt": {"doc_id": "a", "fields": {"nam": "2021", "x": "?"}}}, "a.txt"), fields_of({}, "a.txt")
    ({'nam': '2021'}, {})
    """
    fields = (documents.get(source) or {}).get("fields") or {}
    return {k: str(v) for k, v in fields.items() if k in FIELDS}


def append_log(settings: Settings, entries: list[dict]) -> None:
    """Add one line per changed field to the log (when, who, doc, source, field, before, after)."""
    if not entries:
        return
    path = settings.corrections_log_path
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)


def log_entry(doc_id: str, source: str, field: str, before: str, after: str, who: str = DEFAULT_WHO) -> dict:
    """One log line's data."""
    return {"when": _now(), "who": who, "doc_id": doc_id, "source": source, "field": field, "before": before,
            "after": after}


def read_log(settings: Settings, doc_id: str = "") -> list[dict]:
    """The log's entries, oldest first (of one document when ``doc_id`` is given); a damaged line is skipped."""
    try:
        lines = settings.corrections_log_path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("Không đọc được %s: %s", settings.corrections_log_path, exc)
        return []
    out = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and (not doc_id or entry.get("doc_id") == doc_id):
            out.append(entry)
    return out


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


__all__ = ["FIELDS", "SHOWN_ONLY", "READ_KEY", "DEFAULT_WHO", "FieldReading", "field_readings", "normalise_value",
           "corrected_fields", "readings", "overlay", "read_corrections", "write_corrections", "fields_of",
           "append_log", "log_entry", "read_log"]
