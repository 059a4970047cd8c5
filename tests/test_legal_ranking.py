"""Laws ranked right, on tiny indexes of literal texts (hashing embedder): an article's heading counts for every
passage of the article, the tail of a long one included (retriever.articles), and a question in everyday words finds
the article written in the law's words (textnorm/lexicons/legal_terms.json)."""

from __future__ import annotations

import pytest

from retriever.hybrid import HybridRetriever, RetrieverConfig
from retriever.query import analyze_query
from tests.texts_index import index_texts

#: A law of two articles. Điều 2 is about telling a dead worker's family; Điều 1 is long, so its clauses are cut into
#: several passages, and the one asked about (a worker's death) does not repeat the heading's words.
LAW = ("Điều 1. Các trường hợp chấm dứt hợp đồng lao động\n"
       + "".join(f"{n}. Người lao động và người sử dụng lao động đã hoàn thành nội dung thứ {n} được ghi trong "
                 f"văn bản đã ký, các bên thanh lý các khoản tiền, tài sản, giấy tờ liên quan theo thỏa thuận.\n"
                 for n in range(1, 13))
       + "13. Người lao động chết hoặc bị Tòa án tuyên bố mất năng lực hành vi dân sự, mất tích.\n"
       "Điều 2. Báo tin cho gia đình\n"
       "Khi người lao động chết tại nơi làm việc, người sử dụng lao động báo tin ngay cho gia đình, trả các khoản "
       "tiền theo hợp đồng.\n")


@pytest.fixture
def law(tmp_path):
    settings, store = index_texts(tmp_path, {"bo-luat.txt": LAW})
    passages = store.get_document("bo-luat").passages
    assert sum(p.section.endswith("Điều 1. Các trường hợp chấm dứt hợp đồng lao động") for p in passages) >= 2
    return store


def _article(result) -> str:
    return result.passage.section.rsplit(" > ", 1)[-1].split(".")[0]


def test_the_tail_of_a_long_article_is_ranked_by_its_articles_heading(law):
    """The question names Điều 1's heading; the clause answering it stands in a later passage, which without the
    heading loses to Điều 2 (whose body is about a worker's death too)."""
    question = "Trường hợp chấm dứt hợp đồng khi người lao động chết?"
    best = HybridRetriever(law).search(question, k=1)[0]
    assert _article(best) == "Điều 1" and "chết" in best.passage.text
    without = HybridRetriever(law, RetrieverConfig(heading_weight=0.0)).search(question, k=1)[0]
    assert _article(without) == "Điều 2"  # the heading is what decides


def test_a_plan_section_is_no_article_heading(tmp_path):
    """Only articles get the heading's share: a plan's numbered part ranks as before."""
    plan = ("KẾ HOẠCH\nKiểm tra công tác cải cách hành chính\nI. CÁC TRƯỜNG HỢP KIỂM TRA ĐỘT XUẤT\n"
            "Sở Y tế được kiểm tra trong quý III.\nII. NỘI DUNG\nKiểm tra đột xuất các trường hợp có phản ánh.\n")
    _, store = index_texts(tmp_path, {"ke-hoach.txt": plan})
    question = "Các trường hợp kiểm tra đột xuất là gì?"
    plain = HybridRetriever(store, RetrieverConfig(heading_weight=0.0)).search(question, k=3)
    headed = HybridRetriever(store).search(question, k=3)
    assert [(r.passage.id, r.score) for r in headed] == [(r.passage.id, r.score) for r in plain]


@pytest.mark.parametrize(("question", "official"), [
    ("Công đoàn có quyền gì khi doanh nghiệp cho thôi việc?", "tổ chức đại diện người lao động"),
    ("Sử dụng người dưới 18 tuổi phải theo nguyên tắc gì?", "chưa thành niên"),
    ("Nhân chứng có nghĩa vụ gì?", "người làm chứng"),
])
def test_a_question_in_everyday_words_gets_the_laws_words(question, official):
    assert official in analyze_query(question).expansions


def test_a_question_already_in_the_laws_words_gets_nothing_more():
    assert analyze_query("Tổ chức đại diện người lao động có quyền gì?").expansions == []


def test_an_article_in_the_laws_words_answers_a_question_in_everyday_words(tmp_path):
    law = ("Điều 5. Quyền của tổ chức đại diện người lao động tại cơ sở\n"
           "Tổ chức đại diện người lao động tại cơ sở được thương lượng tập thể với người sử dụng lao động.\n"
           "Điều 6. Quyền của người lao động\n"
           "Người lao động có quyền làm việc, tự do lựa chọn việc làm, nơi làm việc và có quyền nghỉ việc.\n")
    _, store = index_texts(tmp_path, {"bo-luat.txt": law})
    best = HybridRetriever(store).search("Công đoàn ở doanh nghiệp có quyền gì?", k=1)[0]
    assert _article(best) == "Điều 5"
