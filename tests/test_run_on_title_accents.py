"""A title run onto its kind and its first section on one line is split the same with diacritics as without: the run
of capitals "KẾ HOẠCH" holds "Ạ", "Ế", which a class of small letters ``à-ỹ`` took for small ones."""

from __future__ import annotations

from ingest.frontmatter import _run_on_title


def _pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in _run_on_title(text)]


def test_accented_kind_and_title_are_split():
    text = "KẾ HOẠCH Rà soát thủ tục hành chính cấp xã năm 2024 I. MỤC ĐÍCH, YÊU CẦU Bảo đảm"
    assert _pieces(text) == ["KẾ HOẠCH", "Rà soát thủ tục hành chính cấp xã năm 2024"]


def test_same_line_without_diacritics_is_split_alike():
    text = "KE HOACH Ra soat thu tuc hanh chinh cap xa nam 2024 I. MUC DICH, YEU CAU Bao dam"
    assert _pieces(text) == ["KE HOACH", "Ra soat thu tuc hanh chinh cap xa nam 2024"]
