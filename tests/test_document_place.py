"""One reading of "which province is a document of": the retriever's scope (named documents, the search's filter) and
the answerer's checks (scope, evidence, answer pool) all ask :func:`retriever.features.document_place`."""

from types import SimpleNamespace as NS

import pytest

from assistant.evidence import in_scope, names_other_places
from assistant.scope import province_open
from assistant.service import _province_matches
from index.model import CENTRAL_LEVEL
from retriever.features import DocumentPlace, asked_provinces, document_place, unread_fields
from retriever.query import of_provinces_named, place_of
from textnorm.gazetteer import province_key

#: Metadata of one document each: read under a spelling the gazetteer folds, another province, an old province merged
#: into Quảng Ngãi in 2025, a ministry's, an unread one, a name the gazetteer does not know.
METADATA = {
    "tn": {"tinh": "tay ninh"},
    "hg": {"tinh": "Hậu Giang"},
    "kt": {"tinh": "Kon Tum"},
    "bnv": {"tinh": "", "cap": CENTRAL_LEVEL},
    "post": {"tinh": ""},
    "odd": {"tinh": "Xứ Đoài"},
}
ASKED = {
    ("tn", "Tây Ninh"): DocumentPlace.ASKED, ("hg", "Tây Ninh"): DocumentPlace.OTHER,
    ("kt", "Tây Ninh"): DocumentPlace.OTHER, ("bnv", "Tây Ninh"): DocumentPlace.CENTRAL,
    ("post", "Tây Ninh"): DocumentPlace.UNREAD, ("odd", "Xứ Đoài"): DocumentPlace.ASKED,
    ("odd", "Tây Ninh"): DocumentPlace.OTHER,
}


@pytest.mark.parametrize("doc,province", sorted(ASKED))
def test_document_place_reads_the_province_then_the_level(doc, province):
    assert document_place(METADATA[doc], asked_provinces([province])) is ASKED[doc, province]


def test_an_old_province_counts_as_the_new_one_only_when_merged_provinces_are_asked():
    assert document_place(METADATA["kt"], asked_provinces(["Quảng Ngãi"])) is DocumentPlace.OTHER
    assert document_place(METADATA["kt"], asked_provinces(["Quảng Ngãi"], merged=True)) is DocumentPlace.ASKED


def test_province_key_is_the_canonical_name_or_the_name_itself():
    assert (province_key("TAY NINH"), province_key("Xứ Đoài"), province_key("")) == ("Tây Ninh", "Xứ Đoài", "")


@pytest.mark.parametrize("province", ["Tây Ninh", "Quảng Ngãi", "Xứ Đoài"])
def test_the_retrievers_readings_agree_with_document_place(province):
    records = {d: NS(metadata=m) for d, m in METADATA.items()}
    asked = asked_provinces([province], merged=True)
    place = {d: document_place(m, asked) for d, m in METADATA.items()}
    docs = sorted(METADATA)
    assert of_provinces_named(docs, [province], records) == [d for d in docs if place[d] is not DocumentPlace.OTHER]
    assert {d: place_of(d, [province], records) for d in docs} == place
    assert [d for d in docs if place_of(d, [province], records).elsewhere] == [
        d for d in docs if place[d] in (DocumentPlace.OTHER, DocumentPlace.CENTRAL)]


@pytest.mark.parametrize("province", ["Tây Ninh", "Xứ Đoài"])
def test_the_answerers_readings_agree_with_document_place(province):
    analysis = NS(provinces=[province], years=[])
    asked = asked_provinces([province])
    for doc, md in METADATA.items():
        place = document_place(md, asked)
        result = NS(doc_metadata=md, passage=NS(text="Kết quả kiểm tra.", doc_id=doc, section=""))
        unit = NS(text="Tỉnh Hậu Giang xếp thứ 3.", result=result)
        assert in_scope(result, analysis) is (place is not DocumentPlace.OTHER)
        assert _province_matches(result, [province]) is (place is DocumentPlace.ASKED)
        assert province_open(result, [province]) is (place is DocumentPlace.UNREAD)
        assert unread_fields(md, ("tinh",)) == (("tinh",) if place is DocumentPlace.UNREAD else ())
        assert names_other_places(unit, analysis) is (place is not DocumentPlace.ASKED)
