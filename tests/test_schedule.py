"""Inspection schedules as facts (issue 14): extraction per form, periods in questions, answers, storage, the view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from index.schedule_facts import load_schedule
from ingest.document import build_document
from ingest.schedule import extract_schedule
from retriever.period import question_period
from textnorm import fold_for_match
from textnorm.periods import find_periods
from textnorm.units import DEPARTMENTS, find_bodies

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "schedules"
HEAD = "Số: 9/KH-UBND\n\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2030\n\nI. LỊCH KIỂM TRA\n\n"


def facts_of(body: str):
    doc = build_document("kh", "kh.txt", HEAD + body)
    return doc, extract_schedule(doc).facts


def table(doc, facts) -> set[tuple[str, tuple[int, ...], str]]:
    return {(f.unit, f.period.quarters, f.period.start) for f in facts}


def assert_spans(doc, facts):
    for f in facts:
        assert doc.text[f.start:f.end], f
        name = f.unit.split(" ", 2)[-1] if f.unit.startswith("UBND") else f.unit.split(" ", 1)[1]
        assert fold_for_match(name) in fold_for_match(doc.text[f.start:f.end]), (f.unit, doc.text[f.start:f.end])
        assert f.start <= f.unit_start < f.unit_end <= f.end
        stated = find_periods(doc.text[f.period_start:f.period_end])
        assert stated and stated[0][2].months == f.period.months, doc.text[f.period_start:f.period_end]


# -- extraction, one test per form ---------------------------------------------------------------------------------
def test_per_quarter_list_lines():
    doc, facts = facts_of("- Quý I/2030: Sở Tư pháp, Sở Y tế.\n- Quý 2 năm 2030: Ủy ban nhân dân huyện Văn Chấn.\n")
    assert table(doc, facts) == {("Sở Tư pháp", (1,), "2030-01"), ("Sở Y tế", (1,), "2030-01"),
                                 ("UBND huyện Văn Chấn", (2,), "2030-04")}
    assert_spans(doc, facts)
    first = facts[0]
    assert doc.text[first.start:first.end] == "- Quý I/2030: Sở Tư pháp, Sở Y tế."
    assert doc.text[first.unit_start:first.unit_end] == "Tư pháp"


def test_months_without_quarter_word():
    doc, facts = facts_of("1. Tháng 7/2030: kiểm tra Sở Công Thương.\n\n2. Tháng 11/2030: kiểm tra Sở Ngoại vụ.\n")
    got = {f.unit: (f.period.months, f.period.quarters) for f in facts}
    assert got == {"Sở Công Thương": ((7,), (3,)), "Sở Ngoại vụ": ((11,), (4,))}
    assert_spans(doc, facts)


def test_date_ranges_keep_their_days():
    doc, facts = facts_of("1. Từ ngày 01/7/2030 đến ngày 20/8/2030: kiểm tra trực tiếp tại Sở Xây dựng.\n\n"
                          "2. Ngày 03 - 04/9/2030: kiểm tra trực tiếp tại Ủy ban nhân dân thành phố Sơn La.\n")
    got = {f.unit: (f.period.start, f.period.end, f.period.quarters, f.activity) for f in facts}
    assert got == {"Sở Xây dựng": ("2030-07-01", "2030-08-20", (3,), "kiểm tra trực tiếp"),
                   "UBND thành phố Sơn La": ("2030-09-03", "2030-09-04", (3,), "kiểm tra trực tiếp")}
    assert_spans(doc, facts)


def test_prose_takes_the_period_nearest_before_each_unit_and_reports_are_not_inspections():
    doc, facts = facts_of("Trong quý III năm 2030, Đoàn kiểm tra tiến hành kiểm tra tại Sở Giáo dục và Đào tạo và "
                          "Sở Kế hoạch và Đầu tư. Trong quý IV năm 2030, Đoàn kiểm tra làm việc tại Ủy ban nhân dân "
                          "huyện Bảo Lạc.\n\nSở Nội vụ tổng hợp, báo cáo kết quả kiểm tra trong quý IV năm 2030.\n")
    got = {(f.unit, f.period.quarters) for f in facts if f.is_inspection}
    assert got == {("Sở Giáo dục và Đào tạo", (3,)), ("Sở Kế hoạch và Đầu tư", (3,)), ("UBND huyện Bảo Lạc", (4,))}
    assert_spans(doc, facts)


def test_table_rows_naming_their_columns_and_bare_quarter_cells():
    doc, facts = facts_of("| STT | Đơn vị được kiểm tra | Thời gian |\n|---|---|---|\n| 1 | Sở Y tế | Quý I/2030 |\n"
                          "| 2 | Sở Xây dựng | IV/2030 |\n")
    assert {(f.unit, f.period.quarters) for f in facts} == {("Sở Y tế", (1,)), ("Sở Xây dựng", (4,))}
    assert_spans(doc, facts)


def test_pipe_table_left_as_text():
    from index.model import Document, Passage

    rows = ["| 1 | Sở Y tế | Quý I/2030 |", "| 2 | UBND huyện Kim Bảng | IV/2030 |"]
    text = "\n".join(["I. LỊCH KIỂM TRA", "| STT | Đơn vị được kiểm tra | Thời gian |", "|---|---|---|"] + rows)
    doc = Document("x", "x.txt", "t", text, {"tieu_de": "Kiểm tra CCHC năm 2030", "nam": "2030"},
                   (Passage("x#0", "x", text, 0, len(text), "I. LỊCH KIỂM TRA"),))
    facts = extract_schedule(doc).facts
    assert {(f.unit, f.period.quarters) for f in facts} == {("Sở Y tế", (1,)), ("UBND huyện Kim Bảng", (4,))}
    assert [text[f.start:f.end] for f in facts] == rows
    assert_spans(doc, facts)


def test_one_cell_per_line_table():
    doc, facts = facts_of("Đoàn kiểm tra kiểm tra các đơn vị sau:\nSTT\nCơ quan, đơn vị được kiểm tra\nThời gian\n"
                          "1\nSở Tư pháp\nII/2030\n2\nỦy ban nhân dân huyện Kim Bảng\nTháng 10/2030\n")
    assert {(f.unit, f.period.months) for f in facts} == {("Sở Tư pháp", (4, 5, 6)), ("UBND huyện Kim Bảng", (10,))}
    assert_spans(doc, facts)


def test_roles_that_are_not_inspected_give_no_fact():
    _, facts = facts_of("3. Thời gian kiểm tra: quý III/2030.\n\nSở Nội vụ chủ trì, phối hợp với Sở Tài chính.\n\n"
                        "Sở Nội vụ kiểm tra, đôn đốc các đơn vị trong quý IV/2030.\n\n"
                        "Văn phòng UBND tỉnh, Sở Tư pháp cử công chức tham gia Đoàn kiểm tra.\n\n"
                        "Các đơn vị được kiểm tra gửi báo cáo về Sở Nội vụ trước ngày 30/9/2030.\n")
    assert facts == []


def test_plan_period_applies_to_a_list_without_its_own():
    doc, facts = facts_of("1. Đối tượng kiểm tra trực tiếp: cụ thể như sau:\na) Cấp tỉnh gồm các Sở: Công Thương, Y tế."
                          "\nb) Cấp huyện gồm Ủy ban nhân dân các huyện: Tân Hiệp và Vĩnh Thuận.\n\n"
                          "2. Thời gian: quý III/2030 (thời gian cụ thể do Đoàn kiểm tra thông báo).\n")
    assert {f.unit for f in facts} == {"Sở Công Thương", "Sở Y tế", "UBND huyện Tân Hiệp", "UBND huyện Vĩnh Thuận"}
    assert all(f.period.quarters == (3,) and f.period.year == 2030 for f in facts)
    assert_spans(doc, facts)


def test_inspection_verb_separates_the_team_from_the_units_inspected():
    _, facts = facts_of("Đoàn kiểm tra do Giám đốc Sở Nội vụ làm Trưởng đoàn, kiểm tra các đơn vị: Sở Y tế, Sở Xây "
                        "dựng trong quý III/2030.\n")
    assert {f.unit for f in facts} == {"Sở Y tế", "Sở Xây dựng"}


def test_list_items_read_as_headings_and_places_in_parentheses_are_locators():
    doc, facts = facts_of("1. Đối tượng kiểm tra\n\na) Sở, ban, ngành: Sở Tư pháp, Ban Quản lý các khu công nghiệp.\n\n"
                          "b) UBND cấp xã: UBND xã Long Tân (huyện Dầu Tiếng), UBND phường Mỹ Phước (thị xã Bến Cát)."
                          "\n\n2. Thời gian kiểm tra: Tháng 8 và tháng 9 năm 2030.\n")
    assert {f.unit for f in facts} == {"Sở Tư pháp", "Ban Quản lý các khu công nghiệp", "UBND xã Long Tân",
                                       "UBND phường Mỹ Phước"}
    assert all(f.period.months == (8, 9) for f in facts)
    assert_spans(doc, facts)


@pytest.mark.parametrize("name", ["dien-bien-2030-61-KH-UBND-kiem-tra-bang-word.docx",
                                  "ha-giang-2030-70-KH-UBND-kiem-tra-nua-nam.docx"])
def test_word_tables(name, settings):
    from ingest.pipeline import load_document

    doc = load_document(FIXTURES / name, settings)
    facts = extract_schedule(doc).facts
    assert len(facts) >= 3
    assert_spans(doc, facts)
    if "nua-nam" in name:
        halves = {f.unit: f.period.half for f in facts}
        assert halves == {"Sở Công Thương": 1, "Sở Du lịch": 2, "UBND huyện Đồng Văn": 2}
        assert all(f.period.quarters == () for f in facts)  # a half-year is not a quarter
    else:
        assert {(f.unit, f.period.quarters) for f in facts} >= {("Sở Y tế", (3,)), ("Sở Xây dựng", (4,))}


def test_units_grammar():
    units = [u.name for u in find_bodies("tại các sở: Lao động – Thương binh và Xã hội, Ngoại vụ, Ban Dân tộc và "
                                        "UBND thị xã Ba Đồn, các huyện Tuyên Hóa, Quảng Trạch.")]
    assert units == ["Sở Lao động - Thương binh và Xã hội", "Sở Ngoại vụ", "Ban Dân tộc", "UBND thị xã Ba Đồn",
                     "UBND huyện Tuyên Hóa", "UBND huyện Quảng Trạch"]
    assert find_bodies("Kế hoạch số 189/KH-UBND trên địa bàn tỉnh") == []  # "số" is not "Sở", "bàn" is not "Ban"
    assert find_bodies("gửi báo cáo về Sở Nội vụ (qua Sở Nội vụ)") == []
    assert find_bodies("Ủy ban nhân dân cấp huyện: Tự tổ chức kiểm tra") == []


# -- periods in questions ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, quarters, months, year, half", [
    ("Những sở nào được kiểm tra trong quý III?", (3,), (7, 8, 9), None, 0),
    ("so nao duoc kiem tra quy 3", (3,), (7, 8, 9), None, 0),
    ("so nao duoc kiem tra Q3 2021", (3,), (7, 8, 9), 2021, 0),
    ("đơn vị nào kiểm tra III/2030", (3,), (7, 8, 9), 2030, 0),
    ("kiểm tra tháng 7–9 năm 2030 những đơn vị nào", (3,), (7, 8, 9), 2030, 0),
    ("thang 7 kiem tra so nao", (3,), (7,), None, 0),
    ("Những sở nào được kiểm tra trong 6 tháng cuối năm?", (), tuple(range(7, 13)), None, 2),
    ("6 thang dau nam 2030 kiem tra huyen nao", (), tuple(range(1, 7)), 2030, 1),
    ("Ngày 15/8/2030 đoàn kiểm tra đơn vị nào?", (3,), (8,), 2030, 0),
    ("quý 4 Hà Nam kiểm tra đơn vị nào", (4,), (10, 11, 12), None, 0),
    ("quý ba năm 2030 kiểm tra sở nào", (3,), (7, 8, 9), 2030, 0),
    ("kiểm tra những sở nào trong tháng 7 và tháng 8 năm 2030", (3,), (7, 8), 2030, 0),
    ("Còn quý IV thì sao? Những sở nào được kiểm tra trong quý III? quý IV", (4,), (10, 11, 12), None, 0),
])
def test_question_periods(question, quarters, months, year, half):
    p = question_period(question)
    assert (p.quarters, p.months, p.year, p.half) == (quarters, months, year, half)


def test_question_without_period():
    assert question_period("Sở Y tế được kiểm tra khi nào?") is None
    assert question_period("Quyết định số 12 ban hành ngày nào?") is None


# -- property: every fact's offsets point at text naming its unit -----------------------------------------------------
_PERIOD_FORMS = st.sampled_from(["Quý {r}/2030", "Quý {q} năm 2030", "Tháng {m}/2030", "Trong quý {r} năm 2030,",
                                 "Ngày 0{d} - 1{d}/{m}/2030:"])
_ROMAN = ["I", "II", "III", "IV"]
_PLACES = ["Tân Hiệp", "Bình Lục", "Mường Nhé", "Văn Chấn", "Ba Đồn", "Gò Quao"]
#: Lines naming units that are not inspected (lead agency, report recipient, team member).
_OTHER_ROLES = ["Sở {u} chủ trì, phối hợp với các đơn vị liên quan.",
                "Các đơn vị gửi báo cáo về Sở {u} trước ngày 30/9/2030.", "Sở {u} cử công chức tham gia Đoàn kiểm tra."]


@st.composite
def schedule_lines(draw):
    lines, truth = [], []
    for _ in range(draw(st.integers(1, 4))):
        form = draw(_PERIOD_FORMS)
        q = draw(st.integers(1, 4))
        m = draw(st.integers(3 * q - 2, 3 * q))
        period = form.format(r=_ROMAN[q - 1], q=q, m=m, d=draw(st.integers(1, 8)))
        units = [f"Sở {u}" for u in draw(st.lists(st.sampled_from(DEPARTMENTS), min_size=1, max_size=3, unique=True))]
        units += [f"UBND huyện {p}" for p in draw(st.lists(st.sampled_from(_PLACES), max_size=2, unique=True))]
        bullet = draw(st.sampled_from(["- ", "", "+ "]))
        verb = draw(st.sampled_from(["kiểm tra ", "kiểm tra trực tiếp tại ", ""]))
        lines.append(f"{bullet}{period} {verb}" + ", ".join(units) + ".")
        truth += [(u, q) for u in units]
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(_OTHER_ROLES)).format(u=draw(st.sampled_from(DEPARTMENTS))))
    return "\n\n".join(lines) + "\n", truth


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schedule_lines())
def test_property_offsets_name_their_unit_and_exactly_the_scheduled_units_are_found(generated):
    body, truth = generated
    doc, facts = facts_of(body)
    assert_spans(doc, facts)
    found = {(f.unit, q) for f in facts if f.is_inspection for q in f.period.quarters}
    assert found == set(truth), (body, sorted(found))


# -- storage ----------------------------------------------------------------------------------------------------------
def test_facts_live_and_die_with_the_document_record(settings, store, tmp_path):
    from ingest.pipeline import ingest_paths

    src = tmp_path / "kh.txt"
    src.write_text(HEAD + "- Quý I/2030: Sở Tư pháp.\n", encoding="utf-8")
    ingest_paths([src], settings, store)
    (doc_id, record), = store.records().items()
    assert "schedule" not in record.metadata  # kept apart from what searches and citations show
    assert [f.unit for f in load_schedule(store.lexical().schedules[doc_id]).facts] == ["Sở Tư pháp"]
    src.write_text(HEAD + "- Quý II/2030: Sở Y tế.\n", encoding="utf-8")
    ingest_paths([src], settings, store)
    assert [f.unit for f in load_schedule(store.lexical().schedules[doc_id]).facts] == ["Sở Y tế"]
    assert store.schedule_items.count() == 1  # the superseded version is gone
    store.delete_document(doc_id)
    assert store.records() == {} and store.schedule_items.count() == 0 and store.lexical().schedules == {}


# -- answers ----------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def schedule_assistant(tmp_path_factory):
    """Bundled corpus + the schedule fixtures, hashing embedder."""
    import shutil

    from assistant.service import Assistant
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever
    from settings import load_settings

    base = tmp_path_factory.mktemp("sched")
    corpus = base / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    for f in FIXTURES.iterdir():
        if f.suffix in (".txt", ".docx"):
            shutil.copy(f, corpus / f.name)
    s = load_settings({}, embedding_model="hashing:64", data_dir=base / "data", corpus_dir=corpus)
    store = IndexStore(s)
    ingest_paths([corpus], s, store)
    return Assistant(s, HybridRetriever(store))


def _verify(answer, store):
    assert answer.citations
    for c in answer.citations:
        assert store.get_document(c.doc_id).text[c.start:c.end] == c.quote
    assert sorted(int(n) for n in set(re.findall(r"\[(\d+)\]", answer.text))) == [c.n for c in answer.citations]


def test_fixture_questions(schedule_assistant):
    from bench.schedule_eval import score_answer

    rows = [json.loads(x) for x in (FIXTURES / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    for q in rows:
        answer = schedule_assistant.ask(q["question"])
        assert answer.abstained == q["abstain"], (q["id"], answer.text)
        if q["abstain"]:
            continue
        _verify(answer, schedule_assistant.store)
        for group in q["facts"]:
            assert any(fold_for_match(alt) in fold_for_match(answer.text[:1200]) for alt in group), (q["id"], group)
        if "schedule" in q:
            got = score_answer(answer, q["schedule"])
            assert (got["listed"], got["wrong"], got["half_said"]) == (got["expected"], [], got["half_expected"]), \
                (q["id"], got, answer.text)


def test_quarter_with_nothing_scheduled_is_refused_with_the_reason(schedule_assistant):
    answer = schedule_assistant.ask("Những sở nào được kiểm tra trong quý I năm 2022?")
    assert answer.abstained and not answer.citations
    assert "quý I/2022" in answer.text and "quý III/2022" in answer.text  # what the plans do schedule


def test_plan_naming_no_unit_for_the_period_is_refused_with_its_general_period(schedule_assistant):
    answer = schedule_assistant.ask("Những sở nào được kiểm tra trong quý II năm 2021?")
    assert answer.abstained and "87/KH-UBND" in answer.text and "không nêu tên từng đơn vị" in answer.text
    _verify(answer, schedule_assistant.store)


def test_half_year_only_plan_is_said_plainly(schedule_assistant):
    answer = schedule_assistant.ask("Những sở nào được kiểm tra trong quý III/2030?")
    line = next(x for x in answer.text.splitlines() if "Hà Giang" in x and x.startswith("- "))
    assert "chỉ ghi 6 tháng cuối năm 2030" in line


def test_filters_scope_the_plans(schedule_assistant):
    from retriever.hybrid import SearchFilters

    answer = schedule_assistant.ask("Những đơn vị nào được kiểm tra trong quý IV?",
                                    filters=SearchFilters(provinces=("Yên Bái",)))
    lines = [x for x in answer.text.splitlines() if x.startswith("- ")]
    assert len(lines) == 1 and "15/KH-UBND" in lines[0] and "Ban Dân tộc" in lines[0]


def test_other_questions_go_to_the_passage_answerer(schedule_assistant):
    answer = schedule_assistant.ask("Cơ quan nào tham mưu thành lập Đoàn kiểm tra CCHC của tỉnh Hà Nam?")
    assert answer.mode != "schedule"


def test_headline_question_on_the_bundled_corpus(real_index):
    from assistant.service import open_assistant

    settings, store = real_index
    answer = open_assistant(settings).ask("Những sở nào được kiểm tra trong quý III?")
    _verify(answer, store)
    lines = answer.text.splitlines()
    expected = {
        "36/KH-UBND": ["Công Thương", "Nông nghiệp và Phát triển nông thôn", "Giao thông vận tải", "Xây dựng",
                       "Khoa học và Công nghệ", "Y tế", "Du lịch"],
        "Hà Nam, 2022": ["Tài chính", "Giáo dục và Đào tạo", "Công Thương", "Khoa học và Công nghệ",
                         "Kế hoạch và Đầu tư", "Thông tin và Truyền thông"],
        "Quảng Bình, 2018": ["Lao động - Thương binh và Xã hội", "Ngoại vụ", "Tài chính", "Xây dựng",
                             "Văn hóa và Thể thao"],
    }
    for key, units in expected.items():
        line = next(x for x in lines if key in x and x.startswith("- "))
        assert {u.name for u in find_bodies(line.split(":", 1)[1])} == {f"Sở {u}" for u in units}, line
    head = answer.text[:400]
    for plan in ("36/KH-UBND Kiên Giang 2021", "Hà Nam 2022", "Quảng Bình 2018", "87/KH-UBND Hà Nội 2021"):
        assert plan in head, head  # every plan named within the first 400 characters


# -- the schedule view ------------------------------------------------------------------------------------------------
def test_schedule_view(schedule_assistant, monkeypatch):
    from openpyxl import load_workbook
    from streamlit.testing.v1 import AppTest

    import ui
    from assistant.schedule import schedule_plans
    from ingest.service import DocumentLibrary
    from ui.schedule import schedule_rows, to_xlsx

    library = DocumentLibrary(schedule_assistant.settings, schedule_assistant.store)  # the assistant's index
    monkeypatch.setattr(ui, "get_assistant", lambda: schedule_assistant)
    monkeypatch.setattr(ui, "get_library", lambda: library)
    page = str(next((ROOT / "pages").glob("3_*.py")))
    at = AppTest.from_file(page, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.multiselect(key="sched_provinces").set_value(["Điện Biên"]).run()
    frame = at.dataframe[0].value
    by_unit = dict(zip(frame["Đơn vị"], frame["Quý III"]))
    assert by_unit["Sở Y tế"].startswith("✓") and by_unit["Sở Tư pháp"] == ""
    n = int(re.search(r"\[(\d+)\]", by_unit["Sở Y tế"]).group(1))
    at.selectbox(key="sched_cite").set_value(n).run()
    assert any("Sở Y tế" in m.value and "Quý III/2030" in m.value for m in at.markdown)
    assert len(at.get("download_button")) == 2
    rows, _ = schedule_rows(schedule_plans(schedule_assistant.store.lexical()), ["Điện Biên"])
    import io

    sheet = load_workbook(io.BytesIO(to_xlsx(rows))).active
    assert [c.value for c in sheet[1]][:2] == ["Kế hoạch", "Đơn vị"] and sheet.max_row == len(rows) + 1


def test_when_question_reads_the_unit_as_documents_write_it(schedule_assistant):
    answer = schedule_assistant.ask("Sở LĐTB&XH được kiểm tra khi nào?")
    assert answer.text.startswith("Sở Lao động - Thương binh và Xã hội được kiểm tra theo 2 kế hoạch")
    assert "quý IV/2030" in answer.text and "quý II, III/2018" in answer.text
    _verify(answer, schedule_assistant.store)
    unaccented = schedule_assistant.ask("ubnd huyen muong nhe duoc kiem tra luc nao")
    assert "tháng 8/2030" in unaccented.text and not unaccented.abstained


def test_renumbering_the_schedules_citations_leaves_a_bracketed_year_alone():
    from assistant.schedule import _numbered
    from assistant.types import Answer, Citation

    def cited(n: int) -> Citation:
        return Citation(n=n, doc_id=f"kh{n}", title="", source="", section="", quote="", start=0, end=0)

    answer = _numbered(Answer("Quý III?", "Sở Tư pháp [2] (ghi chú [2021]); Sở Nội vụ [1].", citations=[cited(1),
                                                                                                        cited(2)]))
    assert answer.text == "Sở Tư pháp [1] (ghi chú [2021]); Sở Nội vụ [2]."
    assert [(c.n, c.doc_id) for c in answer.citations] == [(1, "kh2"), (2, "kh1")]
