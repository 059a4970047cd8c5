"""Places from a document's own words and from questions (issue 18, item 3): districts, towns and wards of
underthesea's administrative table, and the 2025 mergers both ways."""

from __future__ import annotations

import json

import pytest

from ingest.clean import clean_lines
from ingest.structure import parse_structure
from tests.reading import metadata_of


def read_span(md: dict, raw_text: str, key: str = "tinh") -> str:
    start, end = json.loads(md["spans"])[key]
    return raw_text[start:end]


def text_of(raw: str) -> str:
    return "\n".join(b.text for b in parse_structure(clean_lines(raw)))


# ------------------------------------------------------------------------------------------------ documents
NEWS_BAC_KAN = (
    "Kiểm tra công tác cải cách hành chính năm 2019\n\n"
    "04/06/2019 - 21:54\n\n"
    "Thực hiện kế hoạch của UBND tỉnh, Đoàn kiểm tra đã làm việc với UBND các huyện Na Rì, Chợ Đồn và Bạch Thông "
    "về công tác chỉ đạo, điều hành cải cách hành chính.\n\n"
    "Đoàn đề nghị các địa phương khắc phục những tồn tại, hạn chế trong giải quyết thủ tục hành chính."
)

NEWS_MOC_CHAU = (
    "Huyện Mộc Châu kiểm tra cải cách hành chính tại các xã\n\n"
    "Ngày 12/5/2020, Đoàn kiểm tra cải cách hành chính huyện Mộc Châu đã làm việc tại các xã trên địa bàn, "
    "tập trung vào việc giải quyết thủ tục hành chính tại bộ phận một cửa."
)


def test_a_news_post_naming_its_districts_gets_their_province_and_the_span():
    md = metadata_of(NEWS_BAC_KAN)
    assert md["tinh"] == "Bắc Kạn"
    assert read_span(md, text_of(NEWS_BAC_KAN)) in {"Na Rì", "Chợ Đồn", "Bạch Thông"}


def test_a_district_news_page_gets_its_province():
    md = metadata_of(NEWS_MOC_CHAU)
    assert md["tinh"] == "Sơn La"
    assert read_span(md, text_of(NEWS_MOC_CHAU)) == "Mộc Châu"


def test_a_district_committee_header_gives_the_province_of_its_district():
    raw = ("ỦY BAN NHÂN DÂN\nHUYỆN MỘC CHÂU\n\nSố: 45/KH-UBND\n\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính "
           "năm 2020\n\nI. MỤC ĐÍCH\n\n1. Đánh giá kết quả thực hiện nhiệm vụ cải cách hành chính.")
    md = metadata_of(raw)
    assert md["tinh"] == "Sơn La"
    assert md["co_quan"] == "Ủy ban nhân dân huyện Mộc Châu"


def test_a_commune_committee_header_names_the_commune_and_its_province():
    raw = ("ỦY BAN NHÂN DÂN\nXÃ ĐƯNG K’NỚ\n\nSố: 31/BC-UBND\n\nBÁO CÁO\nKết quả công tác cải cách hành chính Quý I "
           "năm 2025\n\nCăn cứ Quyết định số 65/QĐ-UBND ngày 16/01/2025 của Ủy ban nhân dân huyện Lạc Dương về việc "
           "ban hành Kế hoạch cải cách hành chính năm 2025;")
    md = metadata_of(raw)
    assert (md["co_quan"], md["cap"], md["tinh"]) == ("Ủy ban nhân dân xã Đưng K’Nớ", "Xã", "Lâm Đồng")


def test_a_header_typed_without_diacritics_gives_the_province_of_its_district():
    raw = ("UY BAN NHAN DAN\nHUYEN MOC CHAU\n\nSo: 45/KH-UBND\n\nKE HOACH\nKiem tra cong tac cai cach hanh chinh nam "
           "2020\n\nI. MUC DICH\n\n1. Danh gia ket qua thuc hien nhiem vu cai cach hanh chinh.")
    assert metadata_of(raw)["tinh"] == "Sơn La"


def test_an_ocr_header_pasted_as_one_line_without_diacritics_names_its_province_and_committee():
    raw = ("UY BAN NHAN DAN TINH GIA LAI S64934/KH-UBND CONG HOA XA HOI CHU NGHIA VItT NAM Dec lap - Tkr do - Hanh "
           "phtic Gia Lai, ngay.10 thcing 9 nom 2018 KE HOACH Kiem tra cong tac cai cach hanh chinh nam 2018")
    md = metadata_of(raw)
    assert (md["tinh"], md["co_quan"]) == ("Gia Lai", "Ủy ban nhân dân tỉnh Gia Lai")  # not the motto


def test_an_ambiguous_district_name_does_not_decide():
    """Ten provinces have a huyện Châu Thành: the name alone must not give the document one of them."""
    raw = ("Kiểm tra cải cách hành chính tại huyện Châu Thành\n\n"
           "Ngày 10/10/2021, Đoàn kiểm tra đã làm việc với UBND huyện Châu Thành và các xã về kết quả cải cách "
           "hành chính 9 tháng đầu năm.")
    assert metadata_of(raw)["tinh"] == ""


def test_the_level_written_decides_between_a_commune_and_a_town_of_the_same_name():
    """"xã Tân Kỳ" is a commune of Hải Dương; "thị trấn Tân Kỳ" is the town of a district of Nghệ An."""
    commune = ("Ngày 17/9, Đoàn kiểm tra của UBND huyện đã kiểm tra công tác cải cách hành chính năm 2021 tại xã "
               "Tân Kỳ.\nQua kiểm tra, đoàn đánh giá cao những kết quả mà địa phương đã đạt được.")
    town = commune.replace("tại xã\nTân Kỳ", "tại thị trấn Tân Kỳ").replace("tại xã Tân Kỳ", "tại thị trấn Tân Kỳ")
    assert metadata_of(commune)["tinh"] == "Hải Dương"
    assert metadata_of(town)["tinh"] == "Nghệ An"


COMMUNE_PLAN = ("ỦY BAN NHÂN DÂN\nXÃ TÂN KỲ\n\nSố: 12/KH-UBND\n\nTân Kỳ, ngày 10 tháng 3 năm 2021\n\nKẾ HOẠCH\n"
                "Kiểm tra công tác cải cách hành chính năm 2021\n\nI. MỤC ĐÍCH\n\n1. Kiểm tra việc giải quyết thủ "
                "tục hành chính tại bộ phận một cửa.")


def test_a_commune_several_provinces_have_gives_its_header_no_province():
    """Hải Dương has a xã Tân Kỳ, Nghệ An a thị trấn and a huyện Tân Kỳ: the header alone settles none of them, and
    the place-and-date line names the commune again, not Nghệ An's district (issue 18, item 3)."""
    md = metadata_of(COMMUNE_PLAN)
    assert (md["co_quan"], md["tinh"]) == ("Ủy ban nhân dân xã Tân Kỳ", "")


def test_the_district_above_a_commune_in_the_header_settles_its_province():
    raw = COMMUNE_PLAN.replace("ỦY BAN NHÂN DÂN\nXÃ TÂN KỲ", "UBND HUYỆN TỨ KỲ\nỦY BAN NHÂN DÂN XÃ TÂN KỲ")
    md = metadata_of(raw)
    assert md["tinh"] == "Hải Dương"
    assert read_span(md, text_of(raw)) == "TỨ KỲ"


def test_a_ward_the_table_gives_another_province_yields_to_the_city_the_body_names():
    """Nha Trang's phường Phương Sơn was merged away before the table's date; its only "phường Phương Sơn" is Bắc
    Giang's. The header gives no province; the city the body names with its level does."""
    raw = ("ỦY BAN NHÂN DÂN\nPHƯỜNG PHƯƠNG SƠN\n\nSố: 651/BC-UBND\n\nPhương Sơn, ngày 15 tháng 6 năm 2020\n\n"
           "BÁO CÁO\nTình hình thu ngân sách 6 tháng đầu năm 2020\n\nI. KẾT QUẢ\n\n"
           "1. Thực hiện Quyết định của UBND thành phố Nha Trang, phường đã thu ngân sách đạt 52% dự toán.")
    md = metadata_of(raw)
    assert md["tinh"] == "Khánh Hòa"
    assert read_span(md, text_of(raw)) == "Nha Trang"
    alone = raw.replace("Thực hiện Quyết định của UBND thành phố Nha Trang, phường", "Phường")
    assert metadata_of(alone)["tinh"] == ""  # not Bắc Giang


def test_wards_of_several_provinces_each_settle_on_the_one_having_all_of_them():
    raw = ("Kiểm tra cải cách hành chính tại các phường\n\n"
           "Ngày 20/10/2022, Đoàn kiểm tra của thị xã đã làm việc tại phường Nam Hồng, phường Đức Thuận và phường "
           "Bắc Hồng về công tác cải cách hành chính.")
    assert metadata_of(raw)["tinh"] == "Hà Tĩnh"  # Nam Hồng: four provinces; Đức Thuận, Bắc Hồng: two each


def test_one_provinces_districts_listed_bare_give_its_province():
    """The converse of the list rule: "Na Rì, Chợ Đồn, Bạch Thông" are one province's places, not examples."""
    raw = ("Kiểm tra công tác cải cách hành chính năm 2022\n\n"
           "Đoàn kiểm tra của UBND tỉnh đã làm việc tại Na Rì, Chợ Đồn, Bạch Thông trong tháng 6.\n\n"
           "Kết quả kiểm tra cho thấy các địa phương đã thực hiện tốt nhiệm vụ.")
    md = metadata_of(raw)
    assert md["tinh"] == "Bắc Kạn"
    assert read_span(md, text_of(raw)) == "Na Rì"
    mixed = raw.replace("Na Rì, Chợ Đồn, Bạch Thông", "Mộc Châu, Na Rì, Chợ Đồn")
    assert metadata_of(mixed)["tinh"] == ""  # places of two provinces listed: examples, none decides


def test_a_passage_naming_a_commune_several_provinces_have_names_no_province():
    """The answer side reads places by the same rule: a unit naming "xã Tân Kỳ" alone is of no known province, so
    it rules no document out (:func:`assistant.evidence.places_named`)."""
    from assistant.evidence import places_named

    assert places_named("Đoàn kiểm tra đã làm việc tại xã Tân Kỳ.") == frozenset()
    assert places_named("Đoàn kiểm tra đã làm việc tại xã Tân Kỳ, huyện Tứ Kỳ.") == frozenset({"Hải Dương"})
    assert places_named("Đoàn kiểm tra đã làm việc tại xã Cư Pơng.") == frozenset({"Đắk Lắk"})


@pytest.mark.parametrize(
    ("place", "province"),
    [("Đồng Xoài", "Bình Phước"), ("Vĩnh Yên", "Vĩnh Phúc"), ("Bà Rịa", "Bà Rịa - Vũng Tàu"),
     ("Gia Nghĩa", "Đắk Nông"), ("Phan Rang - Tháp Chàm", "Ninh Thuận"), ("Vinh", "Nghệ An"),
     ("Huế", "Thừa Thiên Huế")],
)
def test_the_place_of_the_place_and_date_line_is_looked_up_in_the_table(place, province):
    raw = f"Số: 36/KH-UBND\n\n{place}, ngày 28 tháng 02 năm 2021\n\nKẾ HOẠCH\nKiểm tra công tác cải cách hành chính"
    assert metadata_of(raw)["tinh"] == province


def test_a_court_of_a_city_named_in_a_law_gives_it_no_province():
    raw = ("Điều 5. Thẩm quyền giải quyết\n\n"
           "1. Tòa án nhân dân thành phố Hà Nội có thẩm quyền giải quyết theo thủ tục sơ thẩm các vụ việc quy định "
           "tại Điều này.\n\n2. Viện kiểm sát nhân dân thành phố Hà Nội kiểm sát việc tuân theo pháp luật trong "
           "quá trình giải quyết.\n\n3. Tòa án nhân dân thành phố Hà Nội gửi bản án cho các bên.")
    assert metadata_of(raw)["tinh"] == ""


def test_a_body_of_the_province_still_names_it():
    raw = ("Ngày 05/3/2021, UBND thành phố Hà Nội tổ chức kiểm tra cải cách hành chính tại các sở, ngành, gồm cả "
           "việc phối hợp với Tòa án nhân dân thành phố Hà Nội trong tiếp nhận hồ sơ.")
    assert metadata_of(raw)["tinh"] == "Hà Nội"


def test_hue_is_a_city_from_2025():
    raw = ("ỦY BAN NHÂN DÂN\n\nSố: 18/CT-UBND\n\nHuế, ngày 29 tháng 12 năm 2025\n\nCHỈ THỊ\n"
           "Tăng cường kỷ cương hành chính")
    md = metadata_of(raw)
    assert (md["tinh"], md["co_quan"]) == ("Thừa Thiên Huế", "Ủy ban nhân dân thành phố Huế")
    before = metadata_of(raw.replace("năm 2025", "năm 2023"))
    assert before["co_quan"] == "Ủy ban nhân dân tỉnh Thừa Thiên Huế"


# ------------------------------------------------------------------------------------------------ gazetteer
def test_bare_names_count_only_when_written_as_a_place_of_one_province():
    from textnorm.gazetteer import place_mentions

    def provinces(text: str) -> list[str]:
        return [m.province for m in place_mentions(text)]

    assert provinces("Đoàn làm việc tại Na Rì và Chợ Đồn") == ["Bắc Kạn", "Bắc Kạn"]
    assert provinces("Đồng chí Nguyễn Văn Lâm phát biểu") == []  # a person, not huyện Văn Lâm
    assert provinces("Thống Nhất các nội dung kiểm tra") == []  # a commune in twelve provinces: a word
    assert provinces("Tân An là thành phố") == []  # communes of eighteen provinces share the name
    assert provinces("KIỂM TRA TẠI NA RÌ") == []  # a heading in capitals: too many words look like names
    assert provinces("huyện miền núi Mộc Châu") == ["Sơn La"]  # "miền núi" is not a place; the name is bare


def test_the_table_is_read_once_and_not_at_import():
    import importlib

    import textnorm.gazetteer as gazetteer

    gazetteer = importlib.reload(gazetteer)
    assert gazetteer.admin_places.cache_info().currsize == 0
    gazetteer.place_mentions("huyện Mộc Châu")
    gazetteer.place_mentions("huyện Na Rì")
    assert gazetteer.admin_places.cache_info().misses == 1


def test_every_provincial_capital_resolves_to_its_province():
    """The capitals the old hand-written table lacked, and some it had, come from the table."""
    from textnorm.gazetteer import province_of_place

    capitals = {"Bà Rịa": "Bà Rịa - Vũng Tàu", "Đồng Xoài": "Bình Phước", "Gia Nghĩa": "Đắk Nông",
                "Phan Rang - Tháp Chàm": "Ninh Thuận", "Vĩnh Yên": "Vĩnh Phúc", "Đồng Hới": "Quảng Bình",
                "Rạch Giá": "Kiên Giang", "Buôn Ma Thuột": "Đắk Lắk", "Tân An": "Long An", "Vị Thanh": "Hậu Giang"}
    assert {place: province_of_place(place) for place in capitals} == capitals


# ------------------------------------------------------------------------------------------------ questions
@pytest.mark.parametrize(
    ("question", "provinces"),
    [("Huyện Mộc Châu kiểm tra cải cách hành chính khi nào?", ["Sơn La"]),
     ("huyen moc chau kiem tra cai cach hanh chinh khi nao", ["Sơn La"]),
     ("Đoàn kiểm tra làm việc ở Chợ Đồn ngày nào?", ["Bắc Kạn"]),
     ("bac kan kiem tra cchc nam 2019", ["Bắc Kạn"]),
     ("UBND huyện Châu Thành được kiểm tra khi nào?", []),
     ("Báo cáo CCHC quý I năm 2025 của xã Đưng K’Nớ là báo cáo số mấy?", ["Lâm Đồng"]),  # the table writes "KNớ"
     ("Theo chỉ thị tăng cường kỷ cương hành chính của Huế, còn những hạn chế nào?", ["Thừa Thiên Huế"]),
     ("Bà Nguyễn Thị Huế phát biểu về kết quả cải cách hành chính ra sao?", [])],
)
def test_a_question_naming_a_district_scopes_to_its_province(question, provinces):
    from retriever.query import analyze_query

    assert analyze_query(question).provinces == provinces



@pytest.mark.parametrize(
    ("question", "provinces"),
    [("Báo cáo kinh tế - xã hội của UBND phường Phượng Sơn năm 2020 là số mấy?", []),  # Bắc Giang's and Hà Nội's
     ("phuong phuong son bao cao so may", []),
     ("Kế hoạch CCHC của xã Tân Kỳ năm 2021 gồm những nội dung gì?", []),  # a xã of Hải Dương, a town of Nghệ An
     ("UBND phường Phương Sơn, thành phố Nha Trang báo cáo ngày nào?", ["Khánh Hòa"]),  # the city decides alone
     ("UBND xã Tân Kỳ, huyện Tứ Kỳ kiểm tra CCHC ngày nào?", ["Hải Dương"]),
     ("Xã Phượng Sơn huyện Quốc Oai tiếp công dân ngày nào?", ["Hà Nội"]),
     ("Nghệ An: thị trấn Tân Kỳ kiểm tra CCHC ngày nào?", ["Nghệ An"]),
     ("Hải Phòng: xã Tân Kỳ kiểm tra CCHC ngày nào?", ["Hải Phòng", "Hải Dương"]),  # Hải Phòng covers Hải Dương
     ("Báo cáo CCHC của xã Cư Pơng năm 2024 là số mấy?", ["Đắk Lắk"]),  # one province has a ward of that name
     ("Huyện Lục Nam kiểm tra CCHC khi nào?", ["Bắc Giang"])],
)
def test_a_ward_many_provinces_have_scopes_only_when_another_name_settles_it(question, provinces):
    """A commune's or ward's name shared by several provinces gives no scope unless the question's province or
    district is one of them: a wrong scope leaves the right document out (issue 18, item 3)."""
    from retriever.query import analyze_query

    assert analyze_query(question).provinces == provinces


# ------------------------------------------------------------------------------------------------ mergers
@pytest.mark.parametrize(
    ("name", "covered"),
    [("Quảng Ngãi", ["Kon Tum", "Quảng Ngãi"]), ("Vĩnh Long", ["Bến Tre", "Trà Vinh", "Vĩnh Long"]),
     ("An Giang", ["An Giang", "Kiên Giang"]), ("Kon Tum", ["Kon Tum"]), ("Huế", ["Thừa Thiên Huế"])],
)
def test_a_province_name_covers_every_old_province_merged_into_it(name, covered):
    from textnorm.gazetteer import provinces_covered_by

    assert provinces_covered_by(name) == covered


def test_a_new_name_that_is_also_an_old_one_searches_both():
    from retriever.query import with_merged_provinces

    searched, note = with_merged_provinces(["Vĩnh Long"], {"Vĩnh Long", "Bến Tre", "Trà Vinh", "Kiên Giang"})
    assert searched == ["Vĩnh Long", "Bến Tre", "Trà Vinh"]
    assert "Bến Tre, Trà Vinh (nay thuộc Vĩnh Long)" in note


KON_TUM_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nSố: 3335/KH-UBND\n\nKon Tum, ngày 20 tháng 10 năm 2023\n\nKẾ HOẠCH\n"
    "Kiểm tra công tác cải cách hành chính năm 2023\n\nI. NỘI DUNG\n\n"
    "1. Kiểm tra việc giải quyết thủ tục hành chính tại Sở Tư pháp và Ủy ban nhân dân huyện Đăk Hà.\n\n"
    "2. Thời gian kiểm tra: trong tháng 11 năm 2023.\n"
)
QUANG_NGAI_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\n\nSố: 120/KH-UBND\n\nQuảng Ngãi, ngày 5 tháng 3 năm 2023\n\nKẾ HOẠCH\n"
    "Tuyên truyền cải cách hành chính năm 2023\n\nI. NỘI DUNG\n\n"
    "1. Tuyên truyền về cải cách hành chính trên báo Quảng Ngãi và đài phát thanh.\n"
)
BEN_TRE_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH BẾN TRE\n\nSố: 77/KH-UBND\n\nBến Tre, ngày 9 tháng 2 năm 2022\n\nKẾ HOẠCH\n"
    "Kiểm tra công tác cải cách hành chính năm 2022\n\nI. NỘI DUNG\n\n"
    "1. Kiểm tra việc số hóa hồ sơ thủ tục hành chính tại Sở Nội vụ và Sở Y tế.\n"
)
VINH_LONG_PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\n\nSố: 15/KH-UBND\n\nVĩnh Long, ngày 9 tháng 2 năm 2022\n\nKẾ HOẠCH\n"
    "Tuyên truyền cải cách hành chính năm 2022\n\nI. NỘI DUNG\n\n"
    "1. Tuyên truyền cải cách hành chính trên cổng thông tin điện tử tỉnh.\n"
)


@pytest.fixture
def merged_index(tmp_path):
    from index.store import IndexStore
    from ingest.pipeline import ingest_paths
    from settings import load_settings

    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in [("kon-tum", KON_TUM_PLAN), ("quang-ngai", QUANG_NGAI_PLAN), ("ben-tre", BEN_TRE_PLAN),
                       ("vinh-long", VINH_LONG_PLAN)]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    settings = load_settings({}, embedding_model="hashing:64", data_dir=tmp_path / "data", corpus_dir=folder)
    store = IndexStore(settings)
    ingest_paths([folder], settings, store)
    assert {r.metadata["tinh"] for r in store.records().values()} == {"Kon Tum", "Quảng Ngãi", "Bến Tre", "Vĩnh Long"}
    return settings, store


def test_the_new_name_of_a_merged_province_finds_the_old_provinces_documents(merged_index):
    from retriever.hybrid import HybridRetriever

    _, store = merged_index
    retriever = HybridRetriever(store)
    found = retriever.search("Quảng Ngãi: Kế hoạch 3335/KH-UBND kiểm tra những đơn vị nào?", k=5)
    assert "3335/KH-UBND" in {r.doc_metadata["so_hieu"] for r in found}
    found = retriever.search("Vĩnh Long kiểm tra cải cách hành chính năm 2022 tại những sở nào?", k=5)
    assert "Bến Tre" in {r.doc_metadata["tinh"] for r in found}


def test_the_answer_names_the_old_province(merged_index):
    from assistant.service import Assistant
    from retriever.hybrid import HybridRetriever

    settings, store = merged_index
    assistant = Assistant(settings, HybridRetriever(store))
    answer = assistant.ask("Quảng Ngãi: Kế hoạch 3335/KH-UBND kiểm tra thủ tục hành chính tại cơ quan nào?")
    assert not answer.abstained
    assert {c.metadata.get("so_hieu") for c in answer.citations} == {"3335/KH-UBND"}
    answer = assistant.ask("Quảng Ngãi kiểm tra cải cách hành chính năm 2023 vào thời gian nào?")
    assert not answer.abstained
    assert "Kon Tum" in {c.metadata.get("tinh") for c in answer.citations}
    assert "Kon Tum (nay thuộc Quảng Ngãi)" in answer.notice
    answer = assistant.ask("Vĩnh Long kiểm tra việc số hóa hồ sơ tại những sở nào?")
    assert {c.metadata.get("tinh") for c in answer.citations} == {"Bến Tre"}
