"""Reform tasks answered from facts (issue 22): agency names as officials type them, deadline windows, the answers on
the bundled plan's appendix (every task of the asked agency or period, none of another), plain refusals, the wiring
in the assistant, and the task view."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

import pytest

from assistant.tasks import answer_from_tasks, question_window, quoted_span, task_plans
from tests.task_rows import bundled_document, bundled_plan, fake_state, records_state
from textnorm.agencies import agency_key, belongs_to, canonical_agency, find_agencies, is_group

DOC = "kg-189"


# -- agency names -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, canonical", [
    ("STP", "Sở Tư pháp"), ("Sở TT&TT", "Sở Thông tin và Truyền thông"), ("sở tài chính", "Sở Tài chính"),
    ("VP UBND tỉnh", "Văn phòng UBND tỉnh"), ("VP. UBND tỉnh", "Văn phòng UBND tỉnh"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"), ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở LĐTB&XH", "Sở Lao động - Thương binh và Xã hội"), ("so noi vu", "Sở Nội vụ"), ("SO TAI CHINH", "Sở Tài chính"),
    ("Sở\nKhoa học và Công nghệ", "Sở Khoa học và Công nghệ"),
])
def test_agency_aliases(typed, canonical):
    assert canonical_agency(typed) == canonical
    assert agency_key(typed) == agency_key(canonical)


def test_groups_are_not_one_agency_but_hold_their_members():
    assert is_group("Các sở, ban, ngành tỉnh và UBND cấp huyện") and is_group("Các Sở, ngành liên quan")
    assert not is_group("Sở Y tế")
    assert agency_key("Các sở, ban, ngành") != agency_key("Sở Tài chính")
    assert belongs_to("Sở Tài chính", "Các sở, ban, ngành") and not belongs_to("Sở Tài chính", "UBND cấp huyện")
    assert [a.name for a in find_agencies("Giao Sở Nội vụ chủ trì, phối hợp với STC và các sở, ngành")] == \
        ["Sở Nội vụ", "Sở Tài chính", "Các sở, ban, ngành"]


# -- deadline windows -------------------------------------------------------------------------------------------------
def test_windows_month_quarter_before_and_soon():
    today = date(2021, 1, 10)
    month = question_window("Nhiệm vụ nào đến hạn trong tháng 01/2021?", today)
    assert (month.first, month.last) == (date(2021, 1, 1), date(2021, 1, 31))
    quarter = question_window("nhiem vu nao den han quy 1 nam 2021", today)
    assert (quarter.first, quarter.last) == (date(2021, 1, 1), date(2021, 3, 31))
    before = question_window("Việc nào phải hoàn thành trước ngày 15/02/2021?", today)
    assert (before.first, before.last) == (None, date(2021, 2, 15))
    soon = question_window("Nhiệm vụ nào sắp đến hạn?", today)
    assert (soon.first, soon.last) == (today, date(2021, 2, 9))
    asked = question_window("Nhiệm vụ nào sắp đến hạn tính từ ngày 01/02/2021?", today)
    assert (asked.first, asked.last) == (date(2021, 2, 1), date(2021, 3, 3))
    assert question_window("Sở Tài chính chủ trì những nhiệm vụ nào?", today) is None


def test_a_whole_year_deadline_is_not_due_in_its_last_quarter_but_is_before_its_last_day():
    from assistant.tasks import Due

    year = Due("", "năm 2021", date(2021, 12, 31), date(2021, 1, 1))
    quarter = Due("", "quý IV/2021", date(2021, 12, 31), date(2021, 10, 1))
    q4 = question_window("Nhiệm vụ nào đến hạn trong quý IV/2021?", date(2021, 1, 1))
    assert q4.holds(quarter) and not q4.holds(year)
    assert not question_window("đến hạn quý IV", date(2021, 1, 1)).holds(year)
    assert question_window("Nhiệm vụ nào phải xong trước ngày 31/12/2021?", date(2021, 1, 1)).holds(year)
    assert question_window("nhiệm vụ nào sắp đến hạn", date(2021, 12, 20)).holds(year)
    assert not q4.holds(Due("Thực hiện", "thường xuyên", None, None))  # recurring: never due in a period


# -- answers on the bundled appendix ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bundled():
    doc = bundled_document()
    plan = bundled_plan(doc.text, DOC)
    state = fake_state({DOC: (plan, doc.metadata)})
    keys = {}  # row → (area numeral, number); the second list under an area (VI b) is "VIb"
    for t in plan.tasks:
        numeral, number = t.area.split(".")[0], t.number
        while (numeral, number) in keys.values():
            numeral += "b"
        keys[(quoted_span(t).start, quoted_span(t).end)] = (numeral, number)
    return SimpleNamespace(doc=doc, plan=plan, state=state, keys=keys)


def key(bundled, task) -> tuple[str, str]:
    return bundled.keys[(quoted_span(task).start, quoted_span(task).end)]


def ask(bundled, question: str, today: date = date(2021, 1, 10), filters=None):
    analysis = SimpleNamespace(original=question, text=question, provinces=(), years=())
    return answer_from_tasks(question, analysis, filters, bundled.state, text_of={DOC: bundled.doc.text}.get,
                             today=today)


def listed(bundled, answer) -> set[tuple[str, str]]:
    """(area numeral, number) of every task the answer cites; every citation checked against the text."""
    assert sorted(int(n) for n in set(re.findall(r"\[(\d+)\]", answer.text))) == [c.n for c in answer.citations]
    got = set()
    for c in answer.citations:
        assert bundled.doc.text[c.start:c.end] == c.quote and c.doc_id == DOC
        got.add(bundled.keys[(c.start, c.end)])
    assert len(got) == len(answer.citations)
    return got


def leads(bundled, agency: str) -> set[tuple[str, str]]:
    return {key(bundled, t) for t in bundled.plan.tasks if canonical_agency(t.lead) == agency}


@pytest.mark.parametrize("question, agency", [
    ("Sở Tài chính chủ trì những nhiệm vụ nào?", "Sở Tài chính"),
    ("STP chủ trì những nhiệm vụ gì", "Sở Tư pháp"),
    ("VP UBND tỉnh chủ trì nhiệm vụ nào", "Văn phòng UBND tỉnh"),
    ("so noi vu chu tri nhung nhiem vu nao", "Sở Nội vụ"),
    ("Sở TT&TT phụ trách những nhiệm vụ nào?", "Sở Thông tin và Truyền thông"),
])
def test_every_task_of_the_asked_agency_and_none_of_another(bundled, question, agency):
    answer = ask(bundled, question)
    assert answer is not None and answer.mode == "tasks" and not answer.abstained, answer
    expected = leads(bundled, agency)
    assert expected and listed(bundled, answer) == expected  # every task listed, 0 of another agency
    assert answer.text.startswith(f"{agency} chủ trì {len(expected)} nhiệm vụ")


def test_partners_named_and_as_one_of_a_group(bundled):
    answer = ask(bundled, "Sở Tài chính phối hợp thực hiện những nhiệm vụ nào?")
    assert listed(bundled, answer) == {("V", "2"), ("V", "3")}  # named as a partner: listed and cited
    assert "Phối hợp (được nêu tên):" in answer.text
    # given to "các sở, ban, ngành" (of which it is one): counted and referred to, not mixed with its own
    assert "được nêu tên và 23 nhiệm vụ giao chung" in answer.text
    refs = re.search(r"phối hợp 23 nhiệm vụ: ([^(]+) \(", answer.text).group(1).split(", ")
    assert len(refs) == 23 and "I.1" in refs and "V.1" not in refs and "III.1" not in refs


def test_an_agency_named_nowhere_partners_the_tasks_of_its_groups(bundled):
    answer = ask(bundled, "Sở Y tế phối hợp những nhiệm vụ nào?")
    assert not answer.abstained and "phối hợp 0 nhiệm vụ được nêu tên và" in answer.text
    got = listed(bundled, answer)
    assert len(got) == 20 and ("III", "1") not in got  # capped in chat; a task naming its partner is not the group's
    assert re.search(r"… và \d+ nhiệm vụ khác giao chung cho nhóm", answer.text)


def test_agency_that_leads_nothing_is_refused_naming_the_agencies_that_do(bundled):
    answer = ask(bundled, "Sở Y tế chủ trì những nhiệm vụ nào?")
    assert answer.abstained and not answer.citations and answer.mode == "tasks"
    assert "Sở Y tế" in answer.text and "Sở Nội vụ" in answer.text and "Sở Tư pháp (4)" in answer.text


@pytest.mark.parametrize("question, expected", [
    ("Những nhiệm vụ nào đến hạn trong tháng 01/2021?", {("I", "3"), ("II", "1"), ("II", "2"), ("IV", "1")}),
    ("Nhiệm vụ nào phải hoàn thành trong quý IV năm 2020?", {("I", "1"), ("III", "1"), ("VI", "1"), ("VI", "2"),
                                                              ("VI", "3"), ("VII", "1")}),
    # two-stage deadlines: "XD kế hoạch Quý I; thực hiện quý IV" is due in both quarters of the plan's year
    ("Nhiệm vụ nào đến hạn trong quý IV/2021?", {("I", "4"), ("IV", "2"), ("V", "5"), ("VII", "3")}),
    ("Những việc nào phải xong trước ngày 15/02/2021?", {("I", "1"), ("III", "1"), ("VII", "1"), ("VI", "1"),
                                                          ("VI", "2"), ("VI", "3"), ("I", "3"), ("II", "1"),
                                                          ("II", "2"), ("IV", "1"), ("VII", "5")}),
])
def test_every_task_due_in_the_period_and_none_of_another(bundled, question, expected):
    answer = ask(bundled, question)
    assert not answer.abstained, answer.text
    assert listed(bundled, answer) == expected


def test_quarter_holds_its_months_its_dates_and_first_stages(bundled):
    got = listed(bundled, ask(bundled, "Các nhiệm vụ đến hạn quý I/2021"))
    assert {("I", "2"), ("I", "3"), ("VII", "5"), ("II", "3"), ("VII", "3")} <= got  # month, date, quarter, stage
    assert ("V", "2") not in got and ("V", "4") not in got  # "Theo giai đoạn ổn định", "Năm 2021": no quarter


def test_recurring_deadline_is_never_due_in_a_period(bundled):
    for question in ("Nhiệm vụ nào đến hạn trong quý II/2021?", "Nhiệm vụ nào đến hạn trong quý III/2021?"):
        got = listed(bundled, ask(bundled, question))
        assert ("V", "2") not in got and ("V", "3") not in got


def test_month_with_nothing_due_is_refused_naming_the_months_that_have_deadlines(bundled):
    answer = ask(bundled, "Nhiệm vụ nào đến hạn trong tháng 7/2021?")
    assert answer.abstained and not answer.citations
    assert "tháng 7/2021" in answer.text and "tháng 1/2021" in answer.text and "quý I/2021" in answer.text


def test_soon_counts_from_the_injected_day_or_the_date_asked(bundled):
    soon = ask(bundled, "Nhiệm vụ nào sắp đến hạn?", today=date(2021, 1, 10))
    assert listed(bundled, soon) == {("I", "3"), ("II", "1"), ("II", "2"), ("IV", "1")}
    later = ask(bundled, "Nhiệm vụ nào sắp đến hạn tính từ ngày 01/02/2021?", today=date(2030, 1, 1))
    assert listed(bundled, later) == {("I", "2"), ("VII", "5")}
    assert ask(bundled, "Nhiệm vụ nào sắp đến hạn?", today=date(2030, 1, 1)).abstained


def test_agency_and_period_together(bundled):
    answer = ask(bundled, "Sở Nội vụ có nhiệm vụ nào đến hạn trong quý I/2021?")
    assert listed(bundled, answer) == {("III", "2"), ("IV", "1"), ("VII", "2"), ("VII", "3"), ("VII", "4"),
                                       ("VII", "5")}
    none = ask(bundled, "Sở Tư pháp có nhiệm vụ nào đến hạn trong quý III/2021?")
    assert none.abstained and "Sở Tư pháp chủ trì 4 nhiệm vụ có hạn vào" in none.text


def test_by_reform_area_and_by_product(bundled):
    area = ask(bundled, "Các nhiệm vụ về cải cách tài chính công là gì?")
    assert listed(bundled, area) == {("V", n) for n in "12345"}
    product = ask(bundled, "Những nhiệm vụ nào có sản phẩm là báo cáo?")
    assert listed(bundled, product) == {key(bundled, t) for t in bundled.plan.tasks if "báo cáo" in t.product.lower()}


def test_who_leads_a_task_described_by_its_content(bundled):
    answer = ask(bundled, "Cơ quan nào chủ trì xây dựng kế hoạch phát động thi đua chuyên đề CCHC?")
    assert listed(bundled, answer) == {("VII", "4")} and "chủ trì: Sở Nội vụ" in answer.text


def test_other_questions_go_on_to_the_passage_answerer(bundled):
    for question in ("Mục tiêu của kế hoạch là gì?", "Những sở nào được kiểm tra trong quý III?",
                     "Cơ quan nào chủ trì tham mưu thành lập Đoàn kiểm tra CCHC của tỉnh?"):
        assert ask(bundled, question) is None, question


def test_province_is_a_hint_and_a_filter_narrows(bundled):
    from retriever.hybrid import SearchFilters

    other = ask(bundled, "Sở Tài chính chủ trì những nhiệm vụ nào?", filters=SearchFilters(provinces=("Hà Nam",)))
    assert other is None  # no plan of the chosen province holds tasks: the passage answerer says why
    unread = bundled_plan(bundled.doc.text, "unread")
    state = fake_state({"unread": (unread, {"loai_van_ban": "Kế hoạch"})})
    analysis = SimpleNamespace(original="Sở Tài chính chủ trì những nhiệm vụ nào ở Hà Nam?", text="",
                               provinces=("Hà Nam",), years=())
    answer = answer_from_tasks(analysis.original, analysis, None, state, text_of={"unread": bundled.doc.text}.get)
    assert answer is not None and not answer.abstained  # a plan whose province was not read stays in scope


def test_state_without_tasks_is_left_to_the_passage_answerer(bundled):
    state = records_state(bundled.state.records)  # today's index: no derived facts at all
    assert task_plans(state) == []
    analysis = SimpleNamespace(original="Sở Tài chính chủ trì những nhiệm vụ nào?", text="", provinces=(), years=())
    assert answer_from_tasks(analysis.original, analysis, None, state, text_of=lambda d: None) is None


# -- the assistant and the task view over a real index ----------------------------------------------------------------
@pytest.fixture
def task_assistant(settings, tmp_path, monkeypatch):
    """The bundled plan indexed (hashing embedder), its hand-made task facts served as the index's derived facts."""
    import shutil

    import assistant.tasks as tasks
    from assistant.service import Assistant
    from index.store import IndexStore
    from index.task_facts import tasks_to_json
    from ingest.pipeline import ingest_paths
    from retriever.hybrid import HybridRetriever
    from tests.task_rows import BUNDLED

    corpus = tmp_path / "one"
    corpus.mkdir()
    shutil.copy(BUNDLED, corpus / BUNDLED.name)
    store = IndexStore(settings)
    ingest_paths([corpus], settings, store)
    (doc_id,) = store.records()
    plan = bundled_plan(store.get_document(doc_id).text, doc_id)
    monkeypatch.setattr(tasks, "_raw_tasks", lambda state: {doc_id: tasks_to_json(plan)})
    assistant = Assistant(settings, HybridRetriever(store))
    assistant.clock = lambda: date(2021, 1, 10)
    return assistant, doc_id


def test_assistant_answers_task_questions_from_the_facts_and_others_from_passages(task_assistant):
    assistant, doc_id = task_assistant
    answer = assistant.ask("Sở Tài chính chủ trì những nhiệm vụ nào?")
    assert answer.mode == "tasks" and len(answer.citations) == 3
    text = assistant.store.get_document(doc_id).text
    rows = {(t.content_span.start, t.content_span.end): t.row for t in bundled_plan(text, doc_id).tasks}
    # each citation quotes a task's content cell, word for word; the row it stands in names the agency
    assert all(text[c.start:c.end] == c.quote and "Sở Tài chính" in text[rows[c.start, c.end].start:
                                                                         rows[c.start, c.end].end]
               for c in answer.citations)
    soon = assistant.ask("Nhiệm vụ nào sắp đến hạn?")  # the assistant's clock: 10/01/2021
    assert soon.mode == "tasks" and "từ 10/01/2021" in soon.text and len(soon.citations) == 4
    assert assistant.ask("Sở Y tế chủ trì những nhiệm vụ nào?").abstained
    assert assistant.ask("Mục tiêu của kế hoạch là gì?").mode != "tasks"


def test_task_view(task_assistant, monkeypatch):
    import io

    from openpyxl import load_workbook
    from streamlit.testing.v1 import AppTest

    import ui
    from ingest.service import DocumentLibrary
    from tests.conftest import ROOT
    from ui.tasks import TaskFilter, export_csv, export_xlsx, task_rows

    assistant, doc_id = task_assistant
    library = DocumentLibrary(assistant.settings, assistant.store)
    monkeypatch.setattr(ui, "get_assistant", lambda: assistant)
    monkeypatch.setattr(ui, "get_library", lambda: library)
    page = str(next((ROOT / "pages").glob("7_*.py")))
    at = AppTest.from_file(page, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.dataframe[0].value) == 31  # every task of the plan
    at.multiselect(key="task_agencies").set_value(["Sở Tài chính"]).run()
    frame = at.dataframe[0].value
    assert set(frame["Cơ quan chủ trì"]) == {"Sở Tài chính"} and len(frame) == 3
    assert list(at.dataframe[1].value["Số nhiệm vụ"]) == [3]  # counts per agency
    n = int(frame["Trích dẫn"].iloc[0].split("]")[0].strip("["))
    at.selectbox(key="task_cite").set_value(n).run()
    assert any("Sở Tài chính" in m.value and "Cải cách tiền lương" not in m.value and "«" in m.value
               for m in at.markdown)
    at.multiselect(key="task_agencies").set_value([]).run()
    at.radio(key="task_period").set_value("Quý IV").run()
    at.selectbox(key="task_year").set_value(2021).run()
    assert set(at.dataframe[0].value["STT"]) == {"4", "2", "5", "3"} and len(at.dataframe[0].value) == 4
    assert len(at.get("download_button")) == 2
    at.radio(key="task_period").set_value("Đến hạn trong 30 ngày tới").run()  # the assistant's clock: 10/01/2021
    assert set(at.dataframe[0].value["Hạn (ngày)"]) == {"31/01/2021"} and len(at.dataframe[0].value) == 4

    plans = assistant.task_plans()
    soon, _ = task_rows(plans, TaskFilter(period="Đến hạn trong 30 ngày tới"), today=date(2021, 1, 10))
    assert {r["Hạn (ngày)"] for r in soon} == {"31/01/2021"} and len(soon) == 4
    assert task_rows(plans, TaskFilter(period="Đến hạn trong 30 ngày tới"), today=date(2030, 1, 1))[0] == []
    sheet = load_workbook(io.BytesIO(export_xlsx(soon))).active
    assert [c.value for c in sheet[1]][:3] == ["Kế hoạch", "Lĩnh vực", "STT"] and sheet.max_row == len(soon) + 1
    assert export_csv([]).decode("utf-8-sig").startswith("Kế hoạch,Lĩnh vực,STT")


def test_a_topic_narrows_the_tasks_and_a_topic_no_task_holds_goes_to_the_passages(bundled):
    answer = ask(bundled, "Sở Tài chính chủ trì những nhiệm vụ nào về cơ chế tự chủ?")
    assert listed(bundled, answer) == {("V", "1"), ("V", "4")}
    assert ask(bundled, "Sở Nội vụ được giao nhiệm vụ gì trong việc sắp xếp đơn vị hành chính cấp xã?") is None
    assert ask(bundled, "Chỉ thị số 1453/CT-UBND ngày 07/7/2017 của UBND tỉnh về việc gì?") is None


def test_who_leads_reads_the_agencies_named_as_part_of_the_task(bundled):
    answer = ask(bundled, "Ai chủ trì việc kiện toàn cơ cấu tổ chức bộ máy Sở Văn hóa và Thể thao, khi nào?")
    assert listed(bundled, answer) == {("III", "2")} and "chủ trì: Sở Nội vụ" in answer.text and "Quý I/2021" in \
        answer.text


def test_every_plan_in_scope_is_answered_and_named_in_the_head(bundled):
    from retriever.hybrid import SearchFilters

    other = {**bundled.doc.metadata, "tinh": "Hà Nam", "nam": "2021", "so_hieu": "12/KH-UBND"}
    state = fake_state({DOC: (bundled.plan, bundled.doc.metadata),
                        "hn-12": (bundled_plan(bundled.doc.text, "hn-12"), other)})
    texts = {DOC: bundled.doc.text, "hn-12": bundled.doc.text}.get

    def run(question, filters=None):
        analysis = SimpleNamespace(original=question, text=question, provinces=(), years=())
        return answer_from_tasks(question, analysis, filters, state, text_of=texts, today=date(2021, 1, 10))

    both = run("Sở Tài chính chủ trì những nhiệm vụ nào?")
    assert both.text.splitlines()[0].startswith("Sở Tài chính chủ trì 6 nhiệm vụ theo 2 kế hoạch (12/KH-UBND – Hà Nam, "
                                                 "2021: 3; 189/KH-UBND – Kiên Giang, 2020: 3)")
    assert {c.doc_id for c in both.citations} == {DOC, "hn-12"} and len(both.citations) == 6
    one = run("Sở Tài chính chủ trì những nhiệm vụ nào?", SearchFilters(provinces=("Hà Nam",)))
    assert {c.doc_id for c in one.citations} == {"hn-12"} and len(one.citations) == 3


def test_warm_up_reads_the_facts_and_the_texts_once(bundled):
    from assistant.tasks import warm_tasks

    calls = []

    def text_of(doc_id):
        calls.append(doc_id)
        return bundled.doc.text

    state = fake_state({DOC: (bundled.plan, bundled.doc.metadata)})
    assert warm_tasks(state, text_of) == 1 and calls == [DOC]
    question = "Sở Tư pháp chủ trì những nhiệm vụ nào?"
    analysis = SimpleNamespace(original=question, text=question, provinces=(), years=())
    answer = answer_from_tasks(question, analysis, None, state, text_of=text_of)
    assert len(answer.citations) == 4 and calls == [DOC]  # quoted from the text read at warm-up


def test_asked_what_an_agency_is_given_the_plan_s_table_and_its_prose_answer_each_cited(bundled):
    """ "được giao gì" asks the prose assignments too: the facts extracted at ingest hold the appendix's rows and the
    organisation section's sentences ("Giao Sở Nội vụ theo dõi, đôn đốc …", "Các sở, ban, ngành tỉnh … triển khai
    quán triệt …"), and the answer lists the table's and the prose's tasks of the agency, each cited word for word."""
    from ingest.tasks import extract_tasks

    facts = extract_tasks(bundled.doc)
    state = fake_state({DOC: (facts, bundled.doc.metadata)})

    def run(question):
        analysis = SimpleNamespace(original=question, text=question, provinces=(), years=())
        return answer_from_tasks(question, analysis, None, state, text_of={DOC: bundled.doc.text}.get,
                                 today=date(2021, 1, 10))

    answer = run("Theo Kế hoạch 189/KH-UBND, Sở Nội vụ được giao làm những việc gì?")
    text = bundled.doc.text
    quotes = [c.quote for c in answer.citations]
    assert answer.text.startswith("Sở Nội vụ được giao 11 nhiệm vụ")
    assert "theo dõi, đôn đốc, kiểm tra và tổng hợp báo cáo" in answer.text[:1200]
    assert any(q.startswith("Giao Sở Nội vụ theo dõi, đôn đốc") for q in quotes)  # the prose sentence
    assert sum(1 for c in answer.citations if text[c.start:c.end] == c.quote) == len(answer.citations)
    assert "Ngoài ra, giao chung cho nhóm cơ quan có Sở Nội vụ:" in answer.text  # "Các sở, ban, ngành tỉnh …"
    assert any("triển khai quán triệt Kế hoạch này" in q for q in quotes)
    # "chủ trì" asks the lead's tasks only: the group's are not the agency's to lead
    led = run("Sở Nội vụ chủ trì những nhiệm vụ nào trong Kế hoạch 189/KH-UBND?")
    assert led.text.startswith("Sở Nội vụ chủ trì 11 nhiệm vụ") and "giao chung" not in led.text


def test_a_documents_date_is_not_asked_of_a_task(bundled):
    question = "Quyết định số 93/2007/QĐ-TTg về cơ chế một cửa, một cửa liên thông được ban hành ngày nào?"
    assert ask(bundled, question) is None
    assert ask(bundled, "Tự đánh giá, chấm điểm chỉ số CCHC năm 2020 phải nộp trước ngày nào?") is not None


def test_a_document_named_by_number_is_the_only_plan_in_scope():
    from types import SimpleNamespace as NS

    from assistant.tasks import _plans_in_scope

    plans = [NS(doc_id="kh-189", province="Kiên Giang", years=lambda: {"2021"}),
             NS(doc_id="kh-36", province="Kiên Giang", years=lambda: {"2021"})]
    analysis = NS(provinces=("Kiên Giang",), years=())
    assert [p.doc_id for p in _plans_in_scope(plans, analysis, None, None)] == ["kh-189", "kh-36"]
    assert [p.doc_id for p in _plans_in_scope(plans, analysis, None, None, named=("kh-189",))] == ["kh-189"]


def test_asking_when_an_inspection_happens_is_not_taken_for_a_task_about_its_timing():
    """ "… vào thời gian nào?" asks when: its words name no task, so a bullet that tells agencies the inspection's
    "nội dung, thời gian kiểm tra" does not answer it (the schedule and the passages do)."""
    from ingest.document import build_document
    from ingest.tasks import extract_tasks

    text = ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nSố: 7/KH-UBND\nĐiện Biên, ngày 05 tháng 01 năm 2030\n\nKẾ HOẠCH\n"
            "Kiểm tra công tác cải cách hành chính năm 2030\n\nI. THỜI GIAN KIỂM TRA\nTrong quý II năm 2030.\n\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
            "- Thông báo cho các cơ quan được kiểm tra về nội dung, thời gian kiểm tra trước 10 ngày.\n"
            "- Tổng hợp kết quả kiểm tra, báo cáo UBND tỉnh.\n")
    doc = build_document("db-7", "db-7.txt", text)
    facts = extract_tasks(doc)
    assert [t.lead for t in facts.tasks] == ["Sở Nội vụ", "Sở Nội vụ"]
    state = fake_state({"db-7": (facts, doc.metadata)})

    def run(question):
        analysis = SimpleNamespace(original=question, text=question, provinces=(), years=())
        return answer_from_tasks(question, analysis, None, state, text_of={"db-7": doc.text}.get,
                                 today=date(2030, 1, 10))

    assert run("Điện Biên kiểm tra cải cách hành chính năm 2030 vào thời gian nào?") is None
    who = run("Ai chủ trì thông báo nội dung, thời gian kiểm tra cho các cơ quan được kiểm tra?")
    assert who is not None and "chủ trì: Sở Nội vụ" in who.text


def test_asking_when_of_a_kind_of_work_several_tasks_share_is_left_to_the_passages():
    """A question asking only when must pick out one task: "kiểm tra công tác văn thư" names two, so it is no task's
    question; naming where picks one, and its deadline answers."""
    text = ("KẾ HOẠCH\nCông tác văn thư, lưu trữ năm 2030\n\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
            "- Kiểm tra công tác văn thư, lưu trữ tại các trường học, hoàn thành trong quý II năm 2030.\n"
            "- Kiểm tra công tác văn thư, lưu trữ tại các bệnh viện, hoàn thành trong quý III năm 2030.\n"
            "- Số hóa hồ sơ lưu trữ lịch sử của tỉnh, hoàn thành trong quý IV năm 2030.\n"
            "- Bồi dưỡng nghiệp vụ cho công chức làm văn thư, trong tháng 5/2030.\n"
            "- Ban hành danh mục hồ sơ điện tử, trong tháng 3/2030.\n")
    run = _asker("vt-1", text)

    assert run("Kiểm tra công tác văn thư lưu trữ vào thời gian nào?") is None
    one = run("Kiểm tra công tác văn thư lưu trữ tại các bệnh viện vào thời gian nào?")
    assert one is not None and "quý III năm 2030" in one.text and "trường học" not in one.text


def test_asking_when_by_words_every_task_of_the_plan_shares_names_no_task():
    """In an inspection plan every task says "kiểm tra": "tổ chức kiểm tra … vào thời gian nào?" names none of them."""
    text = ("KẾ HOẠCH\nKiểm tra công tác cải cách hành chính năm 2030\n\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
            "- Làm đầu mối tổ chức kiểm tra tại các cơ quan theo Kế hoạch.\n"
            "- Thông báo kết quả kiểm tra cho các cơ quan được kiểm tra.\n"
            "- Tổng hợp kết quả kiểm tra, báo cáo UBND tỉnh trong tháng 12/2030.\n")
    assert _asker("kt-2", text)("Năm 2030 tỉnh tổ chức kiểm tra cải cách hành chính vào thời gian nào?") is None


def test_asking_when_is_answered_only_by_a_task_that_states_its_deadline():
    text = ("KẾ HOẠCH\nCông tác văn thư, lưu trữ năm 2030\n\nII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
            "- Cử công chức tham gia đoàn kiểm tra văn thư, lưu trữ của tỉnh.\n"
            "- Số hóa hồ sơ lưu trữ lịch sử của tỉnh, hoàn thành trong quý IV năm 2030.\n"
            "- Bồi dưỡng nghiệp vụ cho công chức làm văn thư, trong tháng 5/2030.\n")
    run = _asker("vt-2", text)

    assert run("Tỉnh cử công chức tham gia đoàn kiểm tra văn thư lưu trữ vào thời gian nào?") is None
    dated = run("Số hóa hồ sơ lưu trữ lịch sử của tỉnh vào thời gian nào?")
    assert dated is not None and "quý IV năm 2030" in dated.text


def _asker(doc_id: str, text: str, today: date = date(2030, 1, 10)):
    """Ask the task facts of one plan written as ``text`` (built and read as ingest does) a question, on ``today``."""
    from ingest.document import build_document
    from ingest.tasks import extract_tasks

    doc = build_document(doc_id, f"{doc_id}.txt", text)
    state = fake_state({doc_id: (extract_tasks(doc), doc.metadata)})

    def run(question):
        analysis = SimpleNamespace(original=question, text=question, provinces=(), years=())
        return answer_from_tasks(question, analysis, None, state, text_of={doc_id: doc.text}.get, today=today)

    return run
