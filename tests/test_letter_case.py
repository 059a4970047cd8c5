"""One class for "a capital letter" and one for "a small letter" (textnorm.letters): ``[A-ZĐÀ-Ỹ]`` held small letters
("à", "đã"), so a lowercase word was read as a name."""

from __future__ import annotations

import re

from textnorm.letters import CAPITALISED_WORD, LOWER_LETTER, NOT_SMALL_LETTER, UPPER_LETTER
from textnorm.patterns import NOTICE_BODY, PLACE_NAME, TITLED_PERSON


def test_every_vietnamese_letter_has_exactly_one_case():
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    for small in letters:
        assert re.fullmatch(LOWER_LETTER, small) and not re.fullmatch(UPPER_LETTER, small), small
        assert re.fullmatch(UPPER_LETTER, small.upper()) and not re.fullmatch(LOWER_LETTER, small.upper()), small


def test_a_small_word_after_a_body_is_not_its_place():
    """"UBND tỉnh đã …": "đã" is no province's name (the old class read it as one); a capitalised name still is."""
    assert re.match(NOTICE_BODY, "UBND tỉnh đã thông báo lịch tiếp công dân").group("name") is None
    assert re.match(NOTICE_BODY, "Ủy ban nhân dân xã Ân Hảo thông báo").group("name") == "Ân Hảo"
    assert re.fullmatch(PLACE_NAME, "Đăk R’lấp") and not re.fullmatch(PLACE_NAME, "ấp")


def test_names_are_capitalised_words():
    assert re.findall(CAPITALISED_WORD, "bà Kim Thị Thanh Nữ, ở ủy ban") == ["Kim", "Thị", "Thanh", "Nữ"]
    assert TITLED_PERSON.search("đồng chí Lê Văn Ánh dự họp").group() == "đồng chí Lê Văn Ánh"
    assert TITLED_PERSON.search("ông ấy đã về") is None


def test_a_run_of_capitals_holds_every_capital():
    """``[^\\W\\d_a-zà-ỹđ]`` (ingest/frontmatter.py's run of capitals) stops at "Ạ", "Ở": NOT_SMALL_LETTER does not."""
    assert re.match(r"(?:" + NOT_SMALL_LETTER + r"+\s+)*" + NOT_SMALL_LETTER + r"+(?=\s|$)",
                    "KẾ HOẠCH Kiểm tra").group() == "KẾ HOẠCH"
