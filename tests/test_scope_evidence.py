"""A field not read is a hint, never a refusal — but an unread document is no evidence for a scope it does not
confirm: a year the best answer's document contradicts, a province and a year that no passage confirms."""

from __future__ import annotations

from types import SimpleNamespace

from assistant.abstention import AbstentionRule, _year_ok
from assistant.scope import _unconfirmed_scope


def _unit(coverage, rank, years="", text="Nội dung kiểm tra cải cách hành chính.", title=""):
    md = {"nam": years, "tieu_de": title}
    passage = SimpleNamespace(text=text, section="", doc_id=f"d{rank}")
    return SimpleNamespace(coverage=coverage, result=SimpleNamespace(doc_metadata=md, passage=passage, rank=rank))


ASKS_2010 = SimpleNamespace(years=["2010"], provinces=[])


def test_an_unread_year_lower_down_does_not_rescue_a_contradicted_year():
    law_2008 = _unit(0.8, 1, years="2008")
    news_unread = _unit(0.6, 3)
    assert not _year_ok([law_2008, news_unread], 0.8, ASKS_2010, AbstentionRule())


def test_the_best_answer_of_unread_year_is_not_refused_for_its_year():
    plan_unread = _unit(0.8, 2)
    other_2018 = _unit(0.5, 1, years="2018")
    assert _year_ok([plan_unread, other_2018], 0.8, ASKS_2010, AbstentionRule())


def test_a_written_year_counts_whatever_the_fields():
    written = _unit(0.8, 1, years="2008", text="Từ năm 2010, viên chức …")
    assert _year_ok([written], 0.8, ASKS_2010, AbstentionRule())


def test_the_asked_provinces_document_of_unread_year_among_the_best_is_not_refused_for_its_year():
    # "Vĩnh Long: năm 2015 …": the Trà Vinh post (merged into Vĩnh Long) states no year of its own; a post of an
    # unread province dated 2018 answers a shade better
    asks = SimpleNamespace(years=["2015"], provinces=["Vĩnh Long", "Trà Vinh"])
    other_2018 = _unit(0.80, 3, years="2018")
    tra_vinh = _unit(0.78, 1)
    tra_vinh.result.doc_metadata["tinh"] = "Trà Vinh"
    assert _year_ok([other_2018, tra_vinh], 0.80, asks, AbstentionRule())
    elsewhere = _unit(0.78, 1)
    elsewhere.result.doc_metadata["tinh"] = "Kiên Giang"  # not the place asked about: the known year decides
    assert not _year_ok([other_2018, elsewhere], 0.80, asks, AbstentionRule())


def _result(text, tinh="", nam="", rank=1):
    passage = SimpleNamespace(text=text, section="", doc_id=f"d{rank}")
    return SimpleNamespace(passage=passage, doc_metadata={"tinh": tinh, "nam": nam, "tieu_de": ""}, rank=rank)


class _State:
    """An index state without documents (what is derived from it goes through its memo, as a real one's does)."""

    records: dict = {}
    doc_meta: dict = {}

    def memo(self, key, compute):
        return compute(self)


STATE = _State()


def test_province_and_year_both_unconfirmed_is_evidence_absent(monkeypatch):
    import assistant.scope as scope

    monkeypatch.setattr(scope, "province_names", lambda state: {"Hà Tĩnh", "Kiên Giang"})
    asks = SimpleNamespace(years=["2024"], provinces=["Bến Tre"])
    unread = [_result("Triển khai công tác CCHC giai đoạn 2021-2030 của tỉnh."), _result("Nhiệm vụ trọng tâm.", rank=2)]
    assert _unconfirmed_scope(asks, unread, STATE) == "Bến Tre"
    confirms_year = [*unread, _result("Kế hoạch cải cách hành chính năm 2024 của tỉnh.", rank=3)]
    assert _unconfirmed_scope(asks, confirms_year, STATE) == ""
    names_place = [_result("UBND tỉnh Bến Tre triển khai công tác CCHC.")]
    assert _unconfirmed_scope(asks, names_place, STATE) == ""
    only_province = SimpleNamespace(years=[], provinces=["Bến Tre"])  # one unread field: a hint, never a refusal
    assert _unconfirmed_scope(only_province, unread, STATE) == ""


def test_a_province_named_by_its_2025_name_holds_the_documents_merged_into_it(monkeypatch):
    import assistant.scope as scope

    monkeypatch.setattr(scope, "province_names", lambda state: {"Bạc Liêu", "Kiên Giang"})
    asks = SimpleNamespace(years=["2020"], provinces=["Cà Mau"])  # Bạc Liêu is part of Cà Mau since 1 July 2025
    unread_year = [_result("Các đơn vị được kiểm tra gồm thị xã Giá Rai; huyện Hồng Dân.", tinh="Bạc Liêu")]
    assert _unconfirmed_scope(asks, unread_year, STATE) == ""
    still_absent = SimpleNamespace(years=["2020"], provinces=["Bến Tre"])  # merged away: it covers itself only
    assert _unconfirmed_scope(still_absent, unread_year, STATE) == "Bến Tre"
