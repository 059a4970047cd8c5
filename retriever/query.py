"""Query understanding: normalisation, diacritics restored from the corpus, abbreviations, quarters, place and year.

Nothing here knows a particular question: abbreviations are the administrative vocabulary of any plan, quarters
and numerals are arithmetic, diacritics come from the indexed text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from textnorm import fold_accents, gazetteer, has_diacritics, normalize_text, syllables
from textnorm.diacritics import DiacriticRestorer
from textnorm.patterns import DOC_NUMBER

#: Abbreviations of Vietnamese public administration, both ways (abbreviation → expansion).
ABBREVIATIONS = {
    "cchc": "cải cách hành chính",
    "tthc": "thủ tục hành chính",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "vbqppl": "văn bản quy phạm pháp luật",
    "qppl": "quy phạm pháp luật",
    "dvc": "dịch vụ công",
    "dvctt": "dịch vụ công trực tuyến",
    "par index": "chỉ số cải cách hành chính",
    "par-index": "chỉ số cải cách hành chính",
    "sipas": "chỉ số hài lòng về sự phục vụ hành chính",
    "papi": "chỉ số hiệu quả quản trị và hành chính công",
    "pci": "năng lực cạnh tranh cấp tỉnh",
    "cntt": "công nghệ thông tin",
    "cqđt": "chính quyền điện tử",
    "cbccvc": "cán bộ, công chức, viên chức",
    "cbcc": "cán bộ, công chức",
    "đvsncl": "đơn vị sự nghiệp công lập",
    "kh": "kế hoạch",
    "qđ": "quyết định",
    "tp": "thành phố",
    "sở tt&tt": "sở thông tin và truyền thông",
    "tt&tt": "thông tin và truyền thông",
    "nn&ptnt": "nông nghiệp và phát triển nông thôn",
    "gd&đt": "giáo dục và đào tạo",
    "kh&cn": "khoa học và công nghệ",
    "lđtb&xh": "lao động - thương binh và xã hội",
    "tn&mt": "tài nguyên và môi trường",
}
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}
# a quarter number, not followed by more digits nor by "/n" unless n is a year ("quý 3/2021", not "quy 1/12")
_QUARTER = re.compile(r"\b(?:q|quý|quy)\s*\.?\s*([1-4]|i{1,3}|iv)\b(?!\s*\d)(?!\s*/\s*(?!(?:19|20)\d\d\b)\d)",
                      re.IGNORECASE)
_QUARTER_GLUED = re.compile(r"\bq([1-4])\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@dataclass
class QueryAnalysis:
    """What the retriever needs to know about a query."""

    original: str
    text: str  # normalised, quarters canonical, diacritics restored where missing
    expansions: list[str] = field(default_factory=list)  # abbreviation expansions / abbreviations found
    provinces: list[str] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    restored: bool = False

    @property
    def search_text(self) -> str:
        """Text given to the embedder and to BM25: the query and its expansions."""
        return " ".join([self.text] + self.expansions)


def canonical_quarters(text: str) -> str:
    """Write every quarter as "quý I…IV".

    >>> canonical_quarters("so nao duoc kiem tra Q3"), canonical_quarters("quý 3 năm 2021")
    ('so nao duoc kiem tra quý III', 'quý III năm 2021')
    """
    def repl(m: re.Match) -> str:
        value = m.group(1).upper()
        return "quý " + _ROMAN.get(value, value)

    return _QUARTER.sub(repl, _QUARTER_GLUED.sub(lambda m: "quý " + _ROMAN[m.group(1)], text))


def find_provinces(text: str) -> list[str]:
    """Provinces named in a question, with or without diacritics (:func:`textnorm.gazetteer.find_provinces`).

    >>> find_provinces("kiem tra cchc ha noi nam 2021"), find_provinces("Còn Hà Nam thì sao?")
    (['Hà Nội'], ['Hà Nam'])
    """
    return gazetteer.find_provinces(text)


def expand_abbreviations(text: str) -> list[str]:
    """Expansions of abbreviations in the text, and abbreviations of phrases spelled out.

    >>> expand_abbreviations("Kế hoạch CCHC và TTHC")
    ['cải cách hành chính', 'thủ tục hành chính']
    """
    text = DOC_NUMBER.sub(" ", text)  # "189/KH-UBND" names a document, it does not ask about "kế hoạch"
    lowered = " " + text.lower() + " "
    folded = " " + fold_accents(text) + " "
    out = []
    for abbr, full in ABBREVIATIONS.items():
        if re.search(r"(?<![\wđ&])" + re.escape(abbr) + r"(?![\wđ&])", lowered) or (
            fold_accents(abbr) != abbr and re.search(r"(?<![\w&])" + re.escape(fold_accents(abbr)) + r"(?![\w&])",
                                                     folded) and len(abbr) > 3):
            out.append(full)
        elif fold_accents(full) in folded and len(abbr) >= 4:
            out.append(abbr.upper())
    return out


def analyze_query(query: str, restorer: DiacriticRestorer | None = None) -> QueryAnalysis:
    """Normalise a question and read what it says about place and time.

    Args:
        query: the question as typed.
        restorer: corpus diacritics model; without it, queries typed without accents are left as they are.

    Returns:
        A :class:`QueryAnalysis`.

    >>> a = analyze_query("Kiên Giang kiểm tra CCHC Q3 năm 2021")
    >>> a.text, a.provinces, a.years, a.expansions
    ('Kiên Giang kiểm tra CCHC quý III năm 2021', ['Kiên Giang'], ['2021'], ['cải cách hành chính'])
    """
    text = normalize_text(query or "")[:2000]
    text = re.sub(r"\s+", " ", text).strip()
    text = canonical_quarters(text)
    restored = False
    words = syllables(text)
    plain = [w for w in words if not w.isdigit()]
    known = sum(1 for w in plain if restorer is not None and fold_accents(w) in restorer.unigrams)
    if (restorer is not None and plain and sum(has_diacritics(w) for w in plain) <= len(plain) * 0.2
            and known >= 0.6 * len(plain)):  # Vietnamese typed without accents, not English
        restored_text = restorer.restore(text)
        if restored_text != " ".join(words):
            text = canonical_quarters(restored_text)
            restored = True
    return QueryAnalysis(original=query, text=text, expansions=expand_abbreviations(text),
                         provinces=find_provinces(query or ""), years=_YEAR.findall(query or ""), restored=restored)


__all__ = ["QueryAnalysis", "analyze_query", "DiacriticRestorer", "canonical_quarters", "find_provinces",
           "expand_abbreviations", "ABBREVIATIONS"]
