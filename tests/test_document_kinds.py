"""Document kinds are one vocabulary (textnorm.kinds.DocumentKind): every kind the reader can write is a member, and
a member is its stored label (manifests, corrections and filters written before it stay valid)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from index.corrections import normalise_value
from ingest import frontmatter, metadata
from ingest.clean import clean_lines
from ingest.metadata import extract_metadata
from ingest.structure import parse_structure
from textnorm.cues import DOCUMENT_TYPE_FORMS, document_type_code
from textnorm.kinds import DOCUMENT_KINDS, KIND_OF_CODE, DocumentKind, document_kind
from textnorm.patterns import SELF_KIND

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _alternatives(pattern: re.Pattern) -> list[str]:
    """The words of a pattern's first group of alternatives ("(kế hoạch|chương trình|…)"), capitalised as the reader
    writes the kind it captures."""
    group = re.search(r"\(((?:[^()|?]+\|)+[^()|?]+)\)", pattern.pattern)
    return [word.capitalize() for word in group.group(1).split("|")]


def _kinds_the_reader_writes() -> set[str]:
    tables = (set(frontmatter.DOC_TYPES.values()) | set(KIND_OF_CODE.values()) | set(metadata.HEADLINE_KINDS)
              | set(metadata.NATIONAL_TYPES))
    named = {metadata.LETTER_TYPE, metadata.CONSOLIDATED_TYPE, metadata.NEWS_TYPE, metadata.NOTICE_TYPE}
    captured = {k for p in (frontmatter.ISSUER_ISSUES, metadata.NAMED_NUMBER, SELF_KIND) for k in _alternatives(p)}
    return tables | named | captured


def test_every_kind_the_reader_can_write_is_a_member():
    written = _kinds_the_reader_writes()
    assert len(written) > 20
    assert written - set(DOCUMENT_KINDS) == set()


def _read_kind(src: str) -> str:
    return extract_metadata(parse_structure(clean_lines(src)), src)["loai_van_ban"]


def test_a_kind_read_from_a_text_is_a_member():
    plan = "Số: 36/KH-UBND\n\nKiên Giang, ngày 28 tháng 02 năm 2021\n\nKẾ HOẠCH\nKiểm tra công tác CCHC năm 2021"
    letter = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 2345/UBND-VX\nV/v triển khai kiểm tra cải cách hành chính\n"
              "Hà Nam, ngày 05 tháng 3 năm 2022\nKính gửi: Sở Nội vụ.\nĐề nghị các sở triển khai.")
    assert _read_kind(plan) == DocumentKind.PLAN and _read_kind(letter) == DocumentKind.LETTER
    read = {path.name: _read_kind(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.txt"))}
    assert read and all(kind in DOCUMENT_KINDS for kind in read.values()), read


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_stored_labels_round_trip(kind):
    stored = json.loads(json.dumps({"loai_van_ban": kind}, ensure_ascii=False))["loai_van_ban"]
    assert type(stored) is str and stored == kind.value
    assert DocumentKind(stored) is kind and document_kind(stored) is kind and document_kind(stored.upper()) is kind
    assert f"{kind}" == str(kind) == repr(kind)[1:-1] == stored


def test_a_label_outside_the_vocabulary_is_kept_not_refused():
    assert document_kind("Hợp đồng") == "Hợp đồng" and not isinstance(document_kind("Hợp đồng"), DocumentKind)
    assert normalise_value("loai_van_ban", "hợp đồng") == "Hợp đồng"


def test_a_corrected_kind_is_written_as_ingest_writes_it():
    assert normalise_value("loai_van_ban", "KẾ HOẠCH") == "Kế hoạch"  # was "KẾ HOẠCH": a second filter entry
    assert normalise_value("loai_van_ban", "thông tư  liên tịch") == DocumentKind.JOINT_CIRCULAR


def test_question_forms_of_a_kind_are_spelled_from_its_label():
    assert DOCUMENT_TYPE_FORMS["qđ"][:2] == ("quyết định", "quyet dinh")
    assert document_type_code(DocumentKind.PLAN) == "kh" and document_type_code("Ke hoach") == "kh"
