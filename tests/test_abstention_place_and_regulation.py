"""The place test reads districts and wards as well as provinces (issue 18, session 21): a question naming "xã Tây
Sơn" or "huyện Bạch Thông" with its level is not answered from the page of another commune or district whose whole
text never writes the name asked (another commune's reception schedule), as it is not from another province's; a
page writing the name asked anywhere, or naming no district or ward at all, is never ruled out.

And a regulation asked by its name ("Quy chế hoạt động của Trung tâm …") whose number, date, signer or date of effect
is asked is not answered from another regulation's decision that never writes that name (issue 18: a detail the
right page lacks, the page of another subject leading).
"""

from __future__ import annotations

from types import SimpleNamespace as NS

import pytest

from assistant.abstention import AbstentionRule, _place_ok
from assistant.evidence import asked_fact
from assistant.service import Assistant
from retriever.hybrid import HybridRetriever
from tests.texts_index import index_texts

#: A reception schedule of one commune (the page quoted) and of the commune asked.
TAN_DOAN = "THÔNG BÁO\nLịch tiếp công dân của UBND xã Tân Đoàn năm 2026\nChủ tịch UBND xã tiếp công dân vào thứ Tư."
TAY_SON = "THÔNG BÁO\nLịch tiếp công dân của UBND xã Tây Sơn\nChủ tịch UBND xã tiếp công dân vào thứ Năm."
#: A post on a commune of a district that names no district or ward with its level.
NO_LEVEL = "Lịch tiếp công dân\nChủ tịch UBND tiếp công dân vào thứ Hai hằng tuần."


class _State:
    records: dict = {}

    def __init__(self):
        self._memo = {}

    def memo(self, key, make):
        return self._memo.setdefault(key, make(self))


def _unit(doc_id: str, coverage: float = 0.8):
    passage = NS(text="Chủ tịch UBND xã tiếp công dân.", doc_id=doc_id, section="")
    return NS(text=passage.text, coverage=coverage, result=NS(passage=passage, doc_metadata={}))


def _analysis(question: str):
    return NS(original=question, text=question, provinces=[], years=[], doc_numbers=[], named_doc_ids=())


def _ok(question: str, docs: dict[str, str], units: list) -> bool:
    return _place_ok(units, max(u.coverage for u in units), _analysis(question), AbstentionRule(), _State(),
                     docs.get)


ASKED = "Chủ tịch UBND xã Tây Sơn tiếp công dân định kỳ vào ngày nào?"


def test_another_communes_page_is_no_evidence_of_the_commune_asked():
    assert not _ok(ASKED, {"tan-doan": TAN_DOAN}, [_unit("tan-doan")])


def test_the_commune_asked_written_anywhere_keeps_the_answer():
    assert _ok(ASKED, {"tan-doan": TAN_DOAN, "tay-son": TAY_SON}, [_unit("tan-doan"), _unit("tay-son", 0.7)])


def test_a_page_naming_no_commune_is_never_ruled_out():
    assert _ok(ASKED, {"post": NO_LEVEL}, [_unit("post")])


def test_a_question_naming_no_district_or_ward_is_never_ruled_out_by_them():
    assert _ok("Chủ tịch UBND tiếp công dân vào ngày nào?", {"tan-doan": TAN_DOAN}, [_unit("tan-doan")])


def test_a_unit_far_below_the_best_does_not_decide():
    # the page of the commune asked is the best unit: another commune's page lower down changes nothing
    assert _ok(ASKED, {"tan-doan": TAN_DOAN, "tay-son": TAY_SON}, [_unit("tay-son", 0.9), _unit("tan-doan", 0.2)])


#: A province's decision issuing one regulation, and the one issuing the regulation asked.
CULTURE_RULES = ("QUYẾT ĐỊNH\nVề việc ban hành Quy chế văn hóa công vụ tại các cơ quan, đơn vị trên địa bàn tỉnh\n"
                 "Số: 20/2019/QĐ-UBND\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế văn hóa công vụ.")
CENTRE_RULES = ("QUYẾT ĐỊNH\nBan hành Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh\n"
                "Số: 31/2019/QĐ-UBND\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Trung tâm.")
REGULATION_ASKED = "Quy chế hoạt động của Trung tâm phục vụ hành chính công tỉnh được ban hành theo quyết định số mấy?"


def _stating(doc_id: str):
    return NS(doc_id=doc_id, text="Số: 20/2019/QĐ-UBND")


def test_a_regulation_named_is_read_with_the_first_words_of_its_name():
    from assistant.absence import regulation_asked

    assert regulation_asked(REGULATION_ASKED) == "quy che hoat dong"
    assert regulation_asked("Nội quy tiếp công dân tại trụ sở UBND xã ban hành theo quyết định số mấy?") == \
        "noi quy tiep cong"
    assert regulation_asked("Kế hoạch CCHC năm 2023 số mấy?") == ""


def test_another_regulations_number_is_no_answer():
    from assistant.absence import unnamed_regulation

    fact = asked_fact(REGULATION_ASKED, ("number",))
    assert unnamed_regulation([_stating("culture")], fact, _analysis(REGULATION_ASKED), _State(),
                              {"culture": CULTURE_RULES}.get) == "quy che hoat dong"
    # the regulation asked among the documents stating a number: answered
    assert unnamed_regulation([_stating("culture"), _stating("centre")], fact, _analysis(REGULATION_ASKED), _State(),
                              {"culture": CULTURE_RULES, "centre": CENTRE_RULES}.get) == ""


def test_the_regulation_branch_refuses_with_its_own_message():
    from assistant.abstention import AbstentionFeatures

    f = AbstentionFeatures(coverage=0.9, unknown_share=0.0, unknown=(), type_found=True,
                           unnamed_regulation="quy che hoat dong")
    assert [name for name, _ in AbstentionRule().branches(f)] == ["regulation"]
    assert "quy chế được hỏi" in AbstentionRule().reason(f)
    assert AbstentionRule(require_named_regulation=False).reason(f) == ""


#: Two decisions of one province, written for this test: the culture rules (held always) and the centre's rules.
CULTURE_DECISION = "\n".join((
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số: 20/2019/QĐ-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Hà Tĩnh, ngày 10 tháng 4 năm 2019",
    "QUYẾT ĐỊNH",
    "Về việc ban hành Quy chế văn hóa công vụ tại các cơ quan, đơn vị trên địa bàn tỉnh Hà Tĩnh",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế văn hóa công vụ tại các cơ quan, đơn vị trên địa bàn tỉnh.",
    "Điều 2. Quyết định này có hiệu lực thi hành sau 10 ngày kể từ ngày ký.",
    "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Trung tâm Phục vụ hành chính công tỉnh và các cơ quan, đơn vị hoạt "
    "động trên địa bàn tỉnh chịu trách nhiệm thi hành Quyết định này.",
    ""))
CENTRE_DECISION = "\n".join((
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số: 31/2019/QĐ-UBND",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
    "Hà Tĩnh, ngày 02 tháng 7 năm 2019",
    "QUYẾT ĐỊNH",
    "Ban hành Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh.",
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
    ""))
#: The question (written for this test).
CENTRE_ASKED = ("Quy chế hoạt động của Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh được ban hành theo quyết định "
                "số mấy?")


@pytest.fixture(scope="module")
def culture_only(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("regulation"), {
        "ha-tinh-2019-20-qd-ubnd.txt": CULTURE_DECISION})
    return Assistant(settings, HybridRetriever(store))


@pytest.fixture(scope="module")
def both_decisions(tmp_path_factory):
    settings, store = index_texts(tmp_path_factory.mktemp("regulation-both"), {
        "ha-tinh-2019-20-qd-ubnd.txt": CULTURE_DECISION,
        "ha-tinh-2019-31-qd-ubnd.txt": CENTRE_DECISION})
    return Assistant(settings, HybridRetriever(store))


def test_another_regulations_decision_is_not_quoted_for_the_one_asked(culture_only):
    answer = culture_only.ask(CENTRE_ASKED)
    assert answer.abstained and "quy chế được hỏi" in answer.text, answer.text
    assert culture_only.diagnose(CENTRE_ASKED)["features"].unnamed_regulation == "quy che hoat dong"


def test_the_regulation_asked_held_is_answered(both_decisions):
    answer = both_decisions.ask(CENTRE_ASKED)
    assert not answer.abstained, answer.text
    assert "31/2019" in answer.text
