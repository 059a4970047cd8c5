"""One decision of which years a document covers (retriever.years), used by the year filter, the refusals before
any unit is read and the abstention: "covers", "other years only" or "unknown" — unknown never refuses by itself."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.abstention import AbstentionRule, _year_ok
from assistant.service import _year_open
from retriever.years import COVERS, OTHER_YEARS, UNKNOWN, document_years_of, result_year_cover, year_cover


def _result(text, nam="", title="", rank=1, tinh=""):
    passage = SimpleNamespace(text=text, section="", doc_id=f"d{rank}")
    return SimpleNamespace(passage=passage, doc_metadata={"nam": nam, "tieu_de": title, "tinh": tinh}, rank=rank)


def _unit(result, coverage=0.8):
    return SimpleNamespace(coverage=coverage, result=result)


ASKS_2021 = SimpleNamespace(years=["2021"], provinces=[])


def test_a_post_without_a_year_read_whose_words_name_another_year_covers_other_years():
    post = _result("Đoàn kiểm tra công tác cải cách hành chính năm 2019 đã làm việc tại UBND huyện Na Rì.")
    assert result_year_cover(post, ["2021"]) == OTHER_YEARS
    assert not _year_open(post, ["2021"])  # the refusal before any unit is read and …
    assert not _year_ok([_unit(post)], 0.8, ASKS_2021, AbstentionRule())  # … the abstention decide alike


def test_a_post_without_any_year_is_unknown_and_never_refused_for_it():
    post = _result("Đoàn kiểm tra công tác cải cách hành chính đã làm việc tại UBND huyện Na Rì.")
    assert result_year_cover(post, ["2021"]) == UNKNOWN
    assert _year_open(post, ["2021"]) and _year_ok([_unit(post)], 0.8, ASKS_2021, AbstentionRule())


def test_the_date_of_a_cited_document_is_not_the_posts_year():
    """A 2022 post reporting on the plan of 2021 does not cover 2021 by quoting the plan's date."""
    post = _result("Thực hiện Kế hoạch số 517/KH-UBND ngày 27/02/2021 của UBND tỉnh, đoàn đã kiểm tra 5 xã.",
                   nam="2022")
    assert result_year_cover(post, ["2021"]) == OTHER_YEARS
    assert not _year_open(post, ["2021"])


def test_a_title_gives_the_year_when_none_was_read():
    assert document_years_of({"tieu_de": "Kế hoạch kiểm tra cải cách hành chính năm 2019"}) == {"2019"}
    titled = _result("Các xã được kiểm tra gồm xã Tân Kỳ.", title="Kế hoạch kiểm tra cải cách hành chính năm 2019")
    assert result_year_cover(titled, ["2021"]) == OTHER_YEARS and result_year_cover(titled, ["2019"]) == COVERS


def test_a_period_holding_the_year_is_no_evidence_of_other_years():
    assert year_cover([], "Triển khai công tác cải cách hành chính giai đoạn 2021-2030.", ["2024"]) == UNKNOWN
    assert year_cover(["2021", "2022", "2023", "2024", "2025"], "", ["2024"]) == COVERS


def test_a_passage_cites_a_named_document_in_every_form_the_scope_reads():
    """One rule (textnorm.patterns.writes_number) for "does this text write that document's number", in the year
    check as in the scope: after "số", glued to its kind, with a leading zero; not a longer number nor a date."""
    from retriever.years import cites_any

    assert cites_any("Thực hiện Kế hoạch số 139 ngày 10/12/2016 của UBND tỉnh", ["139/KH-UBND"])
    assert cites_any("theo KH139/UBND về cải cách hành chính", ["Kế hoạch 139"])
    assert cites_any("Quyết định số 06/2024/QĐ-UBND", ["6/2024/QĐ-UBND"])
    assert not cites_any("Kế hoạch 1139/KH-UBND; 139 hồ sơ", ["139/KH-UBND"])
    assert not cites_any("từ ngày 10/139", ["139"]) and not cites_any("Kế hoạch 139/KH", ["QĐ"])


def test_a_document_named_by_number_is_dated_where_a_page_cites_it_whatever_the_lines_coverage():
    """ "Quyết định 168a/QĐ-UBND … năm 2025 về việc gì?": a 2026 notice cites it "ngày 6/9/2025" in a basis line
    that shares few of the question's words, while its best-covering line is the notice's own, of 2026. The year is
    evidenced by the citing line; a line citing another number is not."""
    notice = "Thông báo lịch tiếp công dân của UBND xã Tân Đoàn năm 2026"
    citing = "Quyết định số 168a/QĐ-UBND ngày 6/9/2025 về việc phân công công chức tiếp công dân thường xuyên"
    lead = SimpleNamespace(coverage=0.9, text=notice, result=_result(notice, nam="2026"))
    cites = SimpleNamespace(coverage=0.2, text=citing, result=_result(citing, nam="2026"))
    asks = SimpleNamespace(years=["2025"], provinces=[], doc_numbers=["168a/QĐ-UBND"])
    assert _year_ok([lead, cites], 0.9, asks, AbstentionRule())
    other = SimpleNamespace(years=["2025"], provinces=[], doc_numbers=["17/QĐ-UBND"])
    assert not _year_ok([lead, cites], 0.9, other, AbstentionRule())
    wrong_year = SimpleNamespace(years=["2024"], provinces=[], doc_numbers=["168a/QĐ-UBND"])
    assert not _year_ok([lead, cites], 0.9, wrong_year, AbstentionRule())
