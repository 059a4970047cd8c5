"""Provinces of real pages of the sorts freshdocs11 holds (session 26, helper K26): an English post on a ranking that
lists the other provinces with "and". Each page here is written for the test, in the shape of a real one."""

from ingest.document import build_document


def read(src: str) -> dict:
    """The metadata ingest stores for a page (the site's lines around the document dropped first)."""
    return build_document("k26", "k26.txt", src).metadata


ENGLISH_RANKING = (
    "HÀ NỘI — The northern province of Lạng Sơn kept first position on the Public Administration Reform Index for "
    "the third consecutive year.\n\n"
    "The results were announced on Thursday by the Government's Steering Committee on Public Administration Reform."
    "\n\nRegarding the PAR Index, Lạng Sơn was followed by Hải Phòng, Bình Dương, Bắc Ninh and Đồng Tháp.\n\n"
    "Meanwhile, Hải Phòng, Bắc Giang, Hưng Yên and Vĩnh Phúc ranked after Lạng Sơn in terms of the SIPAS.\n\n"
    "Localities with the lowest SIPAS were Bình Thuận, Cao Bằng, Quảng Bình and Kiên Giang.")


def test_an_english_list_joined_with_and_names_none_of_its_provinces():
    assert read(ENGLISH_RANKING)["tinh"] == "Lạng Sơn"


def test_an_english_caption_credited_to_an_agency_is_no_headline():
    src = (" date 2021-06-25 The Government's Steering Committee held a meeting on Thursday to announce the PAR Index "
           "in 2020. — VNA/VNS Photo\n\n" + ENGLISH_RANKING)
    assert read(src)["tieu_de"] == ""


def test_an_english_caption_credited_photo_colon_is_no_headline():
    src = ("Chairman of the Provincial People's Committee inspects the commune service centre - Photo: VGP/TH\n"
           "Since early morning, the headquarters of the commune Public Administration Service Center has been "
           "bustling with people coming and going, and there is no longer a scene of people waiting for their names.")
    assert read(src)["tieu_de"] == ""
