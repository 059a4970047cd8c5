"""The province of posts that name it only outside a header (issue 18, item 3): a newspaper's credit gives the
``tinh`` (the paper is the province's); a web address or a line of the site gives only a place hint
(``index.model.PLACE_HINT_KEY``), never shown as the province, which a search scoped to a province reads in place of
an unread one. Literal lines as portals and papers write them."""

from __future__ import annotations

import json

import pytest

from index.model import PLACE_HINT_KEY
from retriever.hybrid import HybridRetriever, RetrieverConfig
from tests.reading import metadata_of
from tests.texts_index import index_texts
from textnorm.gazetteer import host_province, web_address_provinces


def span_text(md: dict, raw: str, key: str) -> str:
    start, end = json.loads(md["spans"])[key]
    return raw[start:end]


# ------------------------------------------------------------------------------------------------ web hosts
@pytest.mark.parametrize("host, province", [
    ("sonla.gov.vn", "Sơn La"),  # a province's portal
    ("sotuphap.langson.gov.vn", "Lạng Sơn"),  # a department's site under it
    ("baodaklak.vn", "Đắk Lắk"),  # a province's paper: "báo" + the name
    ("www.baogialai.com.vn", "Gia Lai"),
    ("Baonghean.vn", "Nghệ An"),  # as a credit writes it
    ("baria-vungtau.gov.vn", "Bà Rịa - Vũng Tàu"),
    ("laodong.vn", None),  # national papers and bodies name no province
    ("baochinhphu.vn", None),
    ("moha.gov.vn", None),
    ("hn.gov.vn", None),  # a short alias is too often another site's initials
])
def test_a_host_names_its_province_through_the_provinces_names(host, province):
    assert host_province(host) == province


def test_web_addresses_in_a_footer_and_an_email_are_found_with_their_offsets():
    text = "Địa chỉ: 36 Tô Hiệu. Email: banbientap@sonla.gov.vn. Website: https://www.baodaklak.vn/xa-hoi"
    assert [(name, text[s:e]) for name, s, e in web_address_provinces(text)] == [
        ("Sơn La", "sonla.gov.vn"), ("Đắk Lắk", "www.baodaklak.vn")]


# ------------------------------------------------------------------------------------------------ reading
CREDITED_POST = (
    "HĐND tỉnh thông qua 11 nhóm giải pháp phát triển kinh tế - xã hội năm 2020\n"
    "(Baonghean.vn) - Sáng 12/12, HĐND tỉnh đã thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm "
    "2020 với 28 chỉ tiêu chủ yếu."
)


def test_a_post_credited_to_its_provinces_paper_is_of_that_province():
    md = metadata_of(CREDITED_POST)
    assert md["tinh"] == "Nghệ An" and span_text(md, CREDITED_POST, "tinh") == "Baonghean.vn"
    assert PLACE_HINT_KEY not in md  # a province read needs no hint


FOOTER_POST = (
    "Kiểm tra cải cách hành chính tại các xã\n"
    "Ngày 12/5/2021, Đoàn kiểm tra cải cách hành chính của huyện đã làm việc tại UBND các xã về giải quyết thủ tục "
    "hành chính.\n"
    "Đoàn đề nghị các xã khắc phục tồn tại, hạn chế.\n"
    "Liên hệ: toasoan@baodaklak.vn"
)


def test_a_site_address_in_a_footer_is_a_place_hint_not_the_province():
    md = metadata_of(FOOTER_POST)
    assert md["tinh"] == ""  # the sets' conventions: a province only in a site's address is no tinh
    assert md[PLACE_HINT_KEY] == "Đắk Lắk" and span_text(md, FOOTER_POST, PLACE_HINT_KEY) == "baodaklak.vn"


def test_two_sites_of_two_provinces_give_no_hint():
    md = metadata_of(FOOTER_POST.replace("Liên hệ: toasoan@baodaklak.vn", "Nguồn: sonla.gov.vn; baogialai.com.vn"))
    assert md["tinh"] == "" and PLACE_HINT_KEY not in md


def test_a_site_line_dropped_as_web_text_still_gives_the_hint():
    from ingest.clean import clean_lines
    from ingest.metadata import extract_metadata
    from ingest.structure import parse_structure

    raw = FOOTER_POST.replace("Liên hệ: toasoan@baodaklak.vn", "")
    blocks = parse_structure(clean_lines(raw))
    text = "\n".join(b.text for b in blocks)
    md = extract_metadata(blocks, text, chrome=["Trang chủ", "Bản quyền thuộc Báo Gia Lai"])
    assert md["tinh"] == "" and md[PLACE_HINT_KEY] == "Gia Lai"
    assert PLACE_HINT_KEY not in extract_metadata(blocks, text, chrome=["Báo cáo tình hình tỉnh Gia Lai"])


def test_a_ward_formed_in_2025_gives_its_new_province():
    raw = ("Phường Hội An Tây đối thoại với người dân về thủ tục hành chính\n"
           "Sáng 28/10/2025, UBND phường Hội An Tây tổ chức hội nghị đối thoại với người dân, doanh nghiệp về thủ tục "
           "hành chính và cải cách hành chính.")
    md = metadata_of(raw)
    assert md["tinh"] == "Đà Nẵng" and span_text(md, raw, "tinh") == "Hội An Tây"


def test_a_place_name_many_provinces_share_decides_nothing():
    raw = ("Kiểm tra cải cách hành chính tại UBND huyện Châu Thành\n"
           "Ngày 12/5/2021, Đoàn kiểm tra đã làm việc tại UBND huyện Châu Thành về giải quyết thủ tục hành chính.")
    md = metadata_of(raw)
    assert md["tinh"] == "" and PLACE_HINT_KEY not in md


# ------------------------------------------------------------------------------------------------ ranking
_BODY = ("Ngày 12/5/2021, Đoàn kiểm tra cải cách hành chính đã làm việc tại UBND các xã về việc giải quyết hồ sơ "
         "thủ tục hành chính trễ hạn và thư xin lỗi người dân.\n")
_QUESTION = "Đoàn kiểm tra cải cách hành chính tỉnh Sơn La làm việc về hồ sơ thủ tục hành chính trễ hạn thế nào?"
_SON_LA_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 12/KH-UBND\nSơn La, ngày 10 tháng 3 năm 2021\n\nKẾ HOẠCH\n"
                "Kiểm tra cải cách hành chính năm 2021\n\nI. NỘI DUNG\nKiểm tra các sở về công tác văn thư.\n")


@pytest.fixture
def store(tmp_path):
    _, store = index_texts(tmp_path, {
        "kh-son-la.txt": _SON_LA_PLAN,
        "tin-son-la.txt": "Kiểm tra tại các xã\n" + _BODY + "Email: banbientap@sonla.gov.vn\n",
        "tin-gia-lai.txt": "Kiểm tra tại các xã năm 2021\n" + _BODY + "Email: toasoan@baogialai.com.vn\n",
        "tin-khong-ro.txt": "Kiểm tra ở các xã\n" + _BODY,
    })
    records = store.records()
    assert [records[d].metadata.get("tinh") for d in ("tin-son-la", "tin-gia-lai", "tin-khong-ro")] == ["", "", ""]
    assert records["tin-son-la"].metadata[PLACE_HINT_KEY] == "Sơn La"
    return store


def test_a_hint_agreeing_with_the_asked_province_ranks_as_read_and_one_naming_another_is_kept_lower(store):
    results = HybridRetriever(store, RetrieverConfig(unread_field_factor=0.5)).search(_QUESTION, k=10)
    by_doc = {}
    for r in results:
        by_doc.setdefault(r.passage.doc_id, r)
    assert by_doc["tin-son-la"].unread == ()  # its site is Sơn La's: not ranked lower
    assert by_doc["tin-khong-ro"].unread == ("tinh",)  # nothing names its place: kept, ranked lower
    # its site is another province's: a hint never excludes a document, it ranks as unread
    assert by_doc["tin-gia-lai"].unread == ("tinh",)
    assert by_doc["tin-son-la"].rank < by_doc["tin-gia-lai"].rank
    assert results[0].passage.doc_id == "tin-son-la"
