"""The law bench counts every article heading as ingest reads it, also one written with decomposed accents."""

from __future__ import annotations

import unicodedata

from bench.laws import article_heads, held


def test_heading_written_with_decomposed_accents_is_counted_and_found_held():
    text = "Điều 428. Hòa giải\nNội dung.\n" + unicodedata.normalize("NFD", "Điều 429. Giáo dục tại xã") + "\nNội dung."
    heads = article_heads(text)
    assert heads == ["Điều 428. Hòa giải", "Điều 429. Giáo dục tại xã"]
    assert held(heads, ["Điều 428. Hòa giải\nNội dung.", "Điều 429. Giáo dục tại xã\nNội dung."]) == 2
