"""Every refusal rule measured on its own (issue 18, item 4: refuse only when the evidence is absent).

- ``bench.refusal_rules`` lists every rule that would refuse a question, along the answerer's own path, and its
  decision is the answerer's (on a tiny index of literal texts); its table counts each rule's right and wrong
  refusals and those it alone makes (on fake rows);
- the fitted thresholds are fitted on rows read along that path (a hook's answer is never refused by the rule) and,
  among rules tied on the tune questions, the one refusing least wins: a dated line carrying a fifth of a question's
  words answers it;
- an embedder the dense threshold was not fitted with never refuses by its cosines (a cosine may be negative).

Each refusal has its answered twin.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from assistant.abstention import AbstentionFeatures, AbstentionRule
from assistant.service import Assistant
from bench import fit_abstention
from bench.refusal_rules import fired_rules, record_of, refused, table
from retriever.hybrid import HybridRetriever
from tests.texts_index import HA_NAM_PLAN, index_texts

#: A plan of unannounced inspections with its deadline.
SUDDEN_PLAN = """ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
Số: 45/KH-UBND
Yên Bái, ngày 02 tháng 3 năm 2023
KẾ HOẠCH
Kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính năm 2023
Đoàn kiểm tra làm việc không báo trước tại các cơ quan, đơn vị.
Đoàn kiểm tra phải hoàn thành việc kiểm tra trước ngày 30/6/2023.
"""
#: A news post on a training day (no date): words a question may borrow that the plan does not use.
TRAINING_POST = """Tin hoạt động
Hội nghị tập huấn nghiệp vụ văn thư lưu trữ cho cán bộ cấp xã được tổ chức tại huyện Kim Bảng, tỉnh Hà Nam.
Các đại biểu thảo luận về báo cáo kết quả, số hóa hồ sơ, lưu trữ điện tử và chữ ký số trong cơ quan nhà nước.
"""
#: Asked of the plan in other words than its own ("nộp báo cáo kết quả", "số hóa hồ sơ"): its dated line carries a
#: fifth of the question's topic weight, under the old fit's 0.3.
LOOSE_QUESTION = ("Đoàn kiểm tra đột xuất của tỉnh Yên Bái phải nộp báo cáo kết quả, số hóa hồ sơ cho hội nghị tập "
                  "huấn trước ngày nào?")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("rules"), {
        "hn.txt": HA_NAM_PLAN, "tin.txt": TRAINING_POST, "yb.txt": SUDDEN_PLAN})
    return Assistant(settings, HybridRetriever(store))


@pytest.fixture(scope="module")
def without_plan(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("noplan"), {"hn.txt": HA_NAM_PLAN, "tin.txt": TRAINING_POST})
    return Assistant(settings, HybridRetriever(store))


# -- the tool along the answerer's path ------------------------------------------------------------------------------
@pytest.mark.parametrize("question, rule", [
    ("Tỉnh Điện Biên kiểm tra công tác cải cách hành chính năm 2022 ở những sở nào?", "province"),
    ("Kế hoạch số 978/KH-UBND của tỉnh Hà Nam kiểm tra những sở nào?", "number"),
])
def test_a_rule_that_refuses_is_listed_and_the_tool_refuses_as_the_answerer(assistant, question, rule):
    row = fired_rules(assistant, question)
    assert rule in row["fired"]
    assert refused(row) and assistant.ask(question).abstained


@pytest.mark.parametrize("question", [
    "Hội nghị tập huấn văn thư lưu trữ cho cán bộ cấp xã được tổ chức ở huyện nào?",
    "Đoàn kiểm tra đột xuất của tỉnh Yên Bái phải hoàn thành việc kiểm tra trước ngày nào?",
])
def test_a_question_no_rule_refuses_is_answered_by_both(assistant, question):
    row = fired_rules(assistant, question)
    assert row["fired"] == []
    assert not refused(row) and not assistant.ask(question).abstained


def test_the_table_counts_each_rules_refusals_and_those_it_alone_makes():
    rows = [{"id": "A", "half": "tune", "must": True, "fired": ["year"], "hook": False},
            {"id": "B", "half": "tune", "must": False, "fired": ["year", "coverage"], "hook": False},
            {"id": "C", "half": "check", "must": False, "fired": ["coverage"], "hook": True},  # a hook answers it
            {"id": "D", "half": "check", "must": True, "fired": ["number", "coverage"], "hook": True}]
    assert record_of(rows, "year") == {"right": 1, "wrong": 1, "off -right": 1, "off -wrong": 0}
    assert record_of(rows, "coverage") == {"right": 1, "wrong": 1, "off -right": 0, "off -wrong": 0}
    assert record_of(rows, "number") == {"right": 1, "wrong": 0, "off -right": 1, "off -wrong": 0}
    text = table(rows, ids=True)
    assert "tune: right A* | wrong B" in text and "check: 2 questions, right refusals 1, wrong refusals 0" in text


# -- the fit ---------------------------------------------------------------------------------------------------------
def test_among_tied_thresholds_the_fit_refuses_least():
    current = AbstentionRule(min_coverage=0.3, min_coverage_without_type=0.7, max_unknown_share=0.34,
                             min_unknown_words=3, min_dense=0.86, min_typed_share=0.0)
    nearest, milder = (0.3, 0.7, 0.34, 3, 0.86, 0.0), (0.1, 0.6, 0.34, 3, 0.86, 0.0)
    assert fit_abstention.fit([nearest, milder], current).min_coverage == 0.1


def test_a_threshold_every_grid_value_ties_stays_where_it_was():
    current = AbstentionRule(min_coverage=0.3, min_coverage_without_type=0.7, max_unknown_share=0.34,
                             min_unknown_words=3, min_dense=0.86, min_typed_share=0.0)
    shares = fit_abstention.GRID["max_unknown_share"]
    tied = [(coverage, 0.7, share, 3, 0.86, 0.0) for share in shares for coverage in (0.1, 0.3)]
    rule = fit_abstention.fit(tied, current)
    assert rule.max_unknown_share == 0.34 and rule.min_coverage == 0.1  # free: kept; constrained: the mildest


def test_rows_saved_by_the_tool_are_fitted_along_the_answerers_path(tmp_path):
    low = {"coverage": 0.01, "unknown_share": 0.0, "unknown": [], "type_found": True}
    rows = [{"id": "H", "half": "tune", "must": False, "question": "…", "fired": ["coverage"], "hook": True,
             "features": low},
            {"id": "N", "half": "tune", "must": True, "question": "…", "fired": ["number"], "hook": True,
             "features": low},
            {"id": "R", "half": "check", "must": True, "question": "…", "fired": ["coverage"], "hook": False,
             "features": low}]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    halves = fit_abstention.loaded(path)
    rule = AbstentionRule()
    tune = fit_abstention.confusion(halves["tune"], rule)
    assert (tune["tp"], tune["fp"], tune["tn"]) == (1, 0, 1)  # the hook's answer is not refused, the number is
    assert fit_abstention.confusion(halves["check"], rule)["tp"] == 1


def test_a_dated_line_carrying_a_fifth_of_the_question_answers_it(assistant):
    row = fired_rules(assistant, LOOSE_QUESTION)
    assert 0.05 < row["features"]["coverage"] < 0.3  # the case the fit is about
    answer = assistant.ask(LOOSE_QUESTION)
    assert not answer.abstained and "30/6/2023" in answer.text


def test_the_same_question_without_the_plan_is_refused(without_plan):
    assert without_plan.ask(LOOSE_QUESTION).abstained


# -- the dense threshold ---------------------------------------------------------------------------------------------
def test_another_embedders_cosines_never_refuse(assistant):
    question = "Tổ công tác đột xuất về văn thư lưu trữ, chữ ký số của tỉnh Yên Bái phải hoàn thành trước ngày nào?"
    row = fired_rules(assistant, question)
    assert "dense" not in row["fired"] and not assistant.ask(question).abstained


def test_the_fitted_embedders_cosine_below_the_threshold_refuses():
    rule = replace(AbstentionRule(), min_dense=0.86)
    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True, dense=0.5)
    assert [name for name, _ in rule.for_embedder(rule.dense_embedder).branches(f)] == ["dense"]
    assert rule.for_embedder("hashing:64").branches(replace(f, dense=-0.2)) == []


# -- the topic's text lacks what is asked ----------------------------------------------------------------------------
#: A post on a dialogue that names no day; the plan above and the Hà Nam plan carry dates of other things.
DIALOGUE = """Sở Nội vụ tỉnh Yên Bái đối thoại với doanh nghiệp về thủ tục hành chính
Sở Nội vụ tỉnh Yên Bái vừa tổ chức buổi đối thoại với doanh nghiệp về thủ tục hành chính trên môi trường điện tử.
Các doanh nghiệp kiến nghị rút ngắn thời gian giải quyết hồ sơ đất đai.
"""
DIALOGUE_QUESTION = "Sở Nội vụ tỉnh Yên Bái tổ chức buổi đối thoại với doanh nghiệp về thủ tục hành chính vào ngày nào?"


@pytest.fixture(scope="module")
def dialogue(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("dialogue"), {
        "hn.txt": HA_NAM_PLAN, "yb.txt": SUDDEN_PLAN, "doi-thoai.txt": DIALOGUE})
    return Assistant(settings, HybridRetriever(store))


@pytest.fixture(scope="module")
def dated_dialogue(tmp_path_factory):
    dated = DIALOGUE.replace("vừa tổ chức", "đã tổ chức ngày 12/5/2023")
    settings, store = index_texts(tmp_path_factory.mktemp("dated"), {
        "hn.txt": HA_NAM_PLAN, "yb.txt": SUDDEN_PLAN, "doi-thoai.txt": dated})
    return Assistant(settings, HybridRetriever(store))


def test_a_day_the_topics_post_does_not_name_is_refused_though_other_documents_carry_dates(dialogue):
    row = fired_rules(dialogue, DIALOGUE_QUESTION)
    assert "topic_without_type" in row["fired"] and dialogue.ask(DIALOGUE_QUESTION).abstained


def test_the_day_the_post_names_is_answered(dated_dialogue):
    answer = dated_dialogue.ask(DIALOGUE_QUESTION)
    assert not answer.abstained and "12/5/2023" in answer.text
