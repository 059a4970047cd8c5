"""The place a question names is left out of its topic words where it is written, not syllable by syllable."""

from retriever.query import analyze_query, place_positions


def test_place_syllable_elsewhere_stays_a_topic_word():
    terms = analyze_query("Tỉnh Trà Vinh kiểm tra những sở nào?").topic_terms
    assert terms.count("tra") == 1 and "kiem" in terms  # "kiểm tra" kept, "Trà" of the place left out
    assert "vinh" not in terms and "tinh" not in terms


def test_place_sharing_a_syllable_with_a_legal_word():
    terms = analyze_query("Nam Định quy định mức chi như thế nào?").topic_terms
    assert "dinh" in terms and "quy" in terms


def test_place_typed_without_accents():
    terms = analyze_query("tinh tra vinh kiem tra nhung so nao").topic_terms
    assert terms.count("tra") == 1 and "vinh" not in terms


def test_abbreviated_level_word_is_not_a_topic():
    terms = analyze_query("TP. Hồ Chí Minh hỗ trợ hồ sơ thế nào?").topic_terms
    assert "thanh" not in terms and "pho" not in terms and "minh" not in terms
    assert terms.count("ho") == 2  # "hỗ trợ", "hồ sơ": not the "Hồ" of the city


def test_place_positions_are_where_the_name_is_written():
    assert place_positions("Sở Nội vụ Hà Nội kiểm tra") == {3, 4}


def test_place_typed_without_accents_beside_accented_expansions():
    """"kh … kien giang": the expansion "kế hoạch" makes the searched text accented; the place is still left out."""
    terms = analyze_query("kh kiem tra cchc 2021 cua kien giang ai ky").topic_terms
    assert "kien" not in terms and "giang" not in terms and terms.count("tra") == 1
