"""Under a province scope, the province's name is the filter's word, not the topic's: the word search reads the
question without it (:meth:`retriever.query.QueryAnalysis.search_text_within`), so a line that only writes the name
("Đồng Nai, ngày 29 tháng 12 năm 2020") does not outrank a news post that answers in every other word but never names
its province (read as unknown: kept under the scope, ranked lower)."""

from __future__ import annotations

import pytest

from retriever.hybrid import HybridRetriever
from retriever.query import QueryAnalysis, analyze_query, scope_positions
from tests.texts_index import index_texts


@pytest.mark.parametrize(("question", "scope", "left"), [
    ("Từ ngày nào tỉnh Đồng Nai vận hành trung tâm phục vụ hành chính công cấp xã?", ["Đồng Nai"],
     "Từ ngày nào vận hành trung tâm phục vụ hành chính công cấp xã?"),
    ("tay ninh kiem tra cchc theo kh 40 vao thang may", ["Tây Ninh"], "kiem tra cchc theo kh 40 vao thang may"),
    ("Thành phố Hồ Chí Minh ban hành Quyết định 12/2021/QĐ-UBND về việc gì?", ["Thành phố Hồ Chí Minh"],
     "ban hành Quyết định 12/2021/QĐ-UBND về việc gì?"),
    # another province than the scope's is a topic word; so is a district of the scope's
    ("Kiên Giang phối hợp với An Giang thế nào?", ["Kiên Giang"], "phối hợp với An Giang thế nào?"),
    ("Huyện Mộc Châu tỉnh Sơn La kiểm tra CCHC khi nào?", ["Sơn La"], "Huyện Mộc Châu kiểm tra CCHC khi nào?"),
    # "kiểm tra" beside "Trà Vinh" stays: the place is cut where it is written, not as syllables
    ("Trà Vinh kiểm tra cải cách hành chính quý III", ["Trà Vinh"], "kiểm tra cải cách hành chính quý III"),
    # no scope, or a scope the question does not write: the question as it is
    ("Tỉnh Đồng Nai kiểm tra CCHC khi nào?", [], "Tỉnh Đồng Nai kiểm tra CCHC khi nào?"),
    ("Sở Nội vụ kiểm tra CCHC khi nào?", ["Đồng Nai"], "Sở Nội vụ kiểm tra CCHC khi nào?"),
])
def test_the_scope_names_leave_the_word_search(question, scope, left):
    assert QueryAnalysis(question, question).search_text_within(scope) == left


def test_the_level_word_goes_only_with_its_place():
    # "thành phố" of "thành phố văn minh" is a topic word; "Thành phố" before "Hà Nội" says where
    assert sorted(scope_positions("Thành phố Hà Nội xây dựng thành phố văn minh", ["Hà Nội"])) == [0, 1, 2, 3]


_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 15965/KH-UBND\nĐồng Nai, ngày 29 tháng 12 năm 2020\n\nKẾ HOẠCH\n"
         "Cải cách hành chính tỉnh Đồng Nai năm 2021\n\nI. MỤC ĐÍCH\n"
         "Cải cách hành chính được tiến hành đồng bộ, thống nhất trên địa bàn tỉnh Đồng Nai.\n")
_POST = ("Theo UBND tỉnh, từ ngày 1-7-2025, tỉnh sẽ đưa vào vận hành các trung tâm phục vụ hành chính công cấp xã "
         "tại các xã, phường. UBND tỉnh yêu cầu các địa phương khẩn trương rà soát, bố trí trụ sở trung tâm.\n")
_QUESTION = "Từ ngày nào tỉnh Đồng Nai đưa trung tâm phục vụ hành chính công cấp xã vào vận hành?"


@pytest.fixture
def store(tmp_path):
    _, store = index_texts(tmp_path, {"kh-dong-nai.txt": _PLAN, "tin-trung-tam.txt": _POST})
    assert store.records()["kh-dong-nai"].metadata.get("tinh") == "Đồng Nai"
    assert not store.records()["tin-trung-tam"].metadata.get("tinh")  # the post never names its province
    return store


def test_a_line_that_only_names_the_province_scores_only_its_other_words(store):
    assert analyze_query(_QUESTION).provinces == ["Đồng Nai"]
    retriever = HybridRetriever(store)

    def place_date_words(question: str) -> float:
        found = [r for r in retriever.search(question, k=10, mode="lexical") if r.passage.text.startswith("Đồng Nai,")]
        return found[0].scores["lexical"] if found else 0.0

    # "ngày" is its only word the question asks with: the same score as for the question that names no place
    unscoped = "Từ ngày nào đưa trung tâm phục vụ hành chính công cấp xã vào vận hành?"
    scoped = place_date_words(_QUESTION)
    assert scoped > 0 and scoped == pytest.approx(place_date_words(unscoped))


def test_the_post_that_answers_is_found_under_the_scope(store):
    results = HybridRetriever(store).search(_QUESTION, k=3)
    post = [r for r in results if r.passage.doc_id == "tin-trung-tam"]
    assert post and post[0].unread == ("tinh",) and "1-7-2025" in post[0].passage.text
    assert post[0].scores["lexical"] == max(r.scores.get("lexical", 0.0) for r in results)
