"""The named indexes a province is ranked or scored by (PAR INDEX, SIPAS, PAPI, PCI, DDCI, DTI, PGI): one lexicon.

Each member is the index's abbreviation; :data:`INDEX_FORMS` gives its written forms, folded (no accents, lower
case), each with the reason it names that index and no other. A page may write the abbreviation, the Vietnamese name
or its short form ("Chỉ số CCHC" is the PAR INDEX, "chỉ số hài lòng" the SIPAS, "năng lực cạnh tranh cấp tỉnh" the
PCI, "hiệu quả quản trị và hành chính công" the PAPI).

>>> named_indexes("Chỉ số cải cách hành chính (PAR INDEX) năm 2023 xếp thứ 14/63")
(<NamedIndex.PAR_INDEX: 'PAR INDEX'>,)
>>> named_indexes("Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh và chỉ số hài lòng")
(<NamedIndex.SIPAS: 'SIPAS'>, <NamedIndex.PAPI: 'PAPI'>)
>>> named_indexes("Chỉ số năng lực cạnh tranh cấp sở, ngành (DDCI)"), named_indexes("kế hoạch CCHC năm 2023")
((<NamedIndex.DDCI: 'DDCI'>,), ())
"""

from __future__ import annotations

import re
from enum import StrEnum

from textnorm import fold_accents


class NamedIndex(StrEnum):
    """An index provinces are ranked or scored by, by its abbreviation."""

    PAR_INDEX = "PAR INDEX"  # Bộ Nội vụ's index of administrative reform (Chỉ số CCHC), yearly
    SIPAS = "SIPAS"  # the citizens' satisfaction with the administration's service (Chỉ số hài lòng)
    PAPI = "PAPI"  # UNDP's provincial governance and public administration performance index
    PCI = "PCI"  # VCCI's provincial competitiveness index (năng lực cạnh tranh cấp tỉnh)
    DDCI = "DDCI"  # the competitiveness of a province's departments and districts (cấp sở, ngành và địa phương)
    DTI = "DTI"  # the digital transformation index (Chỉ số chuyển đổi số)
    PGI = "PGI"  # the provincial green governance index (Chỉ số xanh cấp tỉnh)

    def __repr__(self) -> str:
        return f"<NamedIndex.{self.name}: {self.value!r}>"


#: The words a page writes between "chỉ số" and "cải cách hành chính" in the PAR INDEX's name ("Chỉ số và xếp hạng
#: kết quả cải cách hành chính": 5); no other index's name holds "cải cách hành chính".
PAR_NAME_GAP = 5

#: The folded written forms of each index, as regular expressions on folded text, with the reason each names it.
INDEX_FORMS: dict[NamedIndex, tuple[tuple[str, str], ...]] = {
    NamedIndex.PAR_INDEX: (
        (r"par[ -]?index", "the abbreviation"),
        (r"chi so (?:\w+ ){0,%d}?(?:cai cach hanh chinh|cchc)" % PAR_NAME_GAP,
         "its Vietnamese name, long or short, words between (\"Chỉ số CCHC\", \"Chỉ số và xếp hạng kết quả CCHC\")"),
    ),
    NamedIndex.SIPAS: (
        (r"sipas", "the abbreviation"),
        (r"chi so hai long", "its Vietnamese short name (\"Chỉ số hài lòng về sự phục vụ hành chính\")"),
        (r"(?:su|muc do) hai long cua (?:nguoi dan|ca nhan)", "what it measures, written in place of its name"),
    ),
    NamedIndex.PAPI: (
        (r"papi", "the abbreviation"),
        (r"hieu qua (?:va )?quan tri (?:va |& )?hanh chinh cong",
         "its Vietnamese name, either word order (\"hiệu quả và quản trị\")"),
    ),
    NamedIndex.PCI: (
        (r"pci", "the abbreviation"),
        (r"nang luc canh tranh cap tinh", "its Vietnamese name (not DDCI's \"cấp sở, ngành\")"),
    ),
    NamedIndex.DDCI: (
        (r"ddci", "the abbreviation"),
        (r"nang luc canh tranh cap (?:so|huyen|dia phuong)", "its Vietnamese name (not PCI's \"cấp tỉnh\")"),
    ),
    NamedIndex.DTI: (
        (r"dti", "the abbreviation"),
        (r"chi so chuyen doi so", "its Vietnamese name"),
    ),
    NamedIndex.PGI: (
        (r"pgi", "the abbreviation"),
        (r"chi so xanh cap tinh", "its Vietnamese name"),
    ),
}

_PATTERNS = {index: re.compile(r"\b(?:" + "|".join(form for form, _ in forms) + r")\b")
             for index, forms in INDEX_FORMS.items()}


def named_indexes(text: str) -> tuple[NamedIndex, ...]:
    """The indexes ``text`` names in any written form (:data:`INDEX_FORMS`), in the enum's order."""
    folded = fold_accents(text or "").lower()
    return tuple(index for index, pattern in _PATTERNS.items() if pattern.search(folded))


def index_spans(folded: str) -> list[tuple[int, int, NamedIndex]]:
    """Where a folded text (no accents, lower case) names each index: (start, end, index), in the text's order.

    >>> [(s, i.value) for s, _, i in index_spans("chi so cchc xep thu 14/63; chi so papi nam trong nhom")]
    [(0, 'PAR INDEX'), (34, 'PAPI')]
    """
    return sorted((m.start(), m.end(), index) for index, pattern in _PATTERNS.items()
                  for m in pattern.finditer(folded))
