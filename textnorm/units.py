"""Administrative bodies named in a line: Sở, Ban, UBND huyện / thị xã / thành phố / xã.

Names are read with the grammar of Vietnamese administrative lists, not per document:
- a singular head names one unit ("Sở Y tế", "UBND huyện Bình Lục", "Ban Dân tộc");
- a plural head followed by names distributes over them ("các Sở: Công Thương, Y tế"; "Ủy ban nhân dân các huyện:
  Tân Hiệp và Vĩnh Thuận"; "các huyện Tuyên Hóa, Quảng Trạch");
- department names are matched against the standard names of provincial departments first (they contain "và" and
  commas: "Văn hóa, Thể thao và Du lịch"), place names are runs of capitalised syllables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from textnorm import has_diacritics, lexicons
from textnorm.gazetteer import CENTRAL_CITIES, canonical_province
from textnorm.letters import UPPER_LETTER
from textnorm.periods import fold_same_length

#: Standard names of provincial departments (Sở), the name after "Sở" as documents write it (Nghị định 24/2014,
#: 107/2020 and the 2025 mergers; ``textnorm/lexicons/departments.json``).
DEPARTMENTS = lexicons.terms("departments")
#: Abbreviated department names (folded) → the standard name (``textnorm/lexicons/department_abbreviations.json``).
DEPARTMENT_ABBREVIATIONS = lexicons.mapping("department_abbreviations", "expansion")
#: Local government levels after "UBND"/"Ủy ban nhân dân" (longest first).
LEVELS = ("thành phố", "thị trấn", "thị xã", "huyện", "quận", "phường", "xã")
#: Words that end a name read without the gazetteer (what follows a name in a sentence, not part of it).
_NAME_STOP = {"trong", "vao", "tu", "theo", "nam", "quy", "thang", "ngay", "de", "ve", "tai", "da", "se", "duoc",
              "thuc", "tien", "kiem", "bao", "lam", "va", "voi", "cua", "do", "la", "co", "gom", "den", "truoc", "sau",
              "tinh"}
#: Longest name read without the gazetteer, in words.
_MAX_NAME_WORDS = 9

#: Abbreviated levels ("TP. Phủ Lý", "TX. Ba Đồn"), folded → the level.
LEVEL_ABBREVIATIONS = {"tp": "thành phố", "tx": "thị xã"}
_LEVEL_RE = "(?:" + "|".join([fold_same_length(level) for level in LEVELS] + list(LEVEL_ABBREVIATIONS)) + r")\b\.?"
_HEAD = re.compile(
    r"\b(?:(?P<ubnd>(?:uy ban nhan dan|ubnd)\s+(?P<plural_u>cac\s+)?(?P<level_u>" + _LEVEL_RE + r"))"
    r"|(?P<so>(?P<plural_s>cac\s+)?so)(?!\w)"
    r"|(?P<ban>ban)(?!\w)"
    r"|(?P<level>(?P<plural_l>cac\s+)?" + _LEVEL_RE + r"))"
)
#: What makes a level word a tier or a locator rather than a unit ("cấp huyện", "xã A thuộc huyện B", "xã A (huyện B)").
_GENERIC_BEFORE = re.compile(r"(?:\b(?:cap|thuoc|tren dia ban|toan)|\()\s*$")
#: Words before a unit that make it a recipient or an owner, not the subject of the line ("gửi về Sở Nội vụ",
#: "(qua Sở Nội vụ)", "ngân sách của Sở Nội vụ").
RECIPIENT_BEFORE = re.compile(r"\b(?:qua|ve|cho|gui|cua|den)\s*$")
_SEP = re.compile(r"(?:[\s,;]|\bva\b)+")


@dataclass(frozen=True)
class BodyMention:
    """An administrative body named in a line: canonical name, its kind, and the offsets of its name in the line."""

    name: str  # "Sở Y tế", "UBND huyện Tân Hiệp", "Ban Dân tộc"
    kind: str  # so | ban | ubnd
    start: int
    end: int


@lru_cache(maxsize=1)
def _department_patterns() -> list[tuple[re.Pattern, str]]:
    """(pattern over folded text, standard name), longest first; punctuation between words is free."""
    out = []
    for name in DEPARTMENTS:
        words = re.findall(r"\w+", fold_same_length(name))
        out.append((re.compile(r"[\s,\-–]*".join(map(re.escape, words)) + r"(?!\w)"), name))
    for abbr, name in DEPARTMENT_ABBREVIATIONS.items():
        out.append((re.compile(re.escape(abbr) + r"(?![\w&])"), name))
    return sorted(out, key=lambda t: -len(t[0].pattern))


def _read_department(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    """A department name starting at ``pos``: (standard name, end)."""
    for pattern, name in _department_patterns():
        m = pattern.match(folded, pos)
        if m:
            return name, m.end()
    return _read_free_name(text, pos)


def _read_free_name(text: str, pos: int) -> tuple[str, int] | None:
    """A name not in the gazetteer: a capitalised word and what follows up to punctuation or a stop word."""
    words = list(re.finditer(r"[\w&]+", text[pos:pos + 200]))
    if not words or words[0].start() != 0 or not (words[0].group()[0].isupper() or words[0].group()[0].isdigit()):
        return None
    end = pos + words[0].end()
    for prev, w in zip(words, words[1:][:_MAX_NAME_WORDS - 1]):
        gap = text[pos + prev.end():pos + w.start()]
        if re.search(r"[,;.:()\n]", gap) or fold_same_length(w.group()) in _NAME_STOP:
            break
        end = pos + w.end()
    return text[pos:end], end


def _read_place(text: str, pos: int) -> tuple[str, int] | None:
    """A place name: a run of capitalised syllables (or a number: "Quận 1")."""
    m = re.match(r"(?:" + UPPER_LETTER + r"[\w]*|\d+)(?:[ \t]+(?:" + UPPER_LETTER + r"[\w]*|\d+))*", text[pos:pos + 80])
    if not m or not (m.group()[0].isupper() or m.group().isdigit()):
        return None
    return m.group(), pos + m.end()


def _canonical(kind: str, level: str, name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,;.")
    if kind == "so":
        return f"Sở {name}"
    if kind == "ban":
        return f"Ban {name}"
    return f"UBND {level} {name}"


def _plain_department(text: str, folded: str, pos: int) -> bool:
    """In a line typed without diacritics, "So" is "Sở" when a standard department name follows ("So Tu phap");
    "so 189/KH-UBND" stays a number."""
    if has_diacritics(text):
        return False
    after = re.match(r"[\s:]*", folded[pos:]).end() + pos
    return any(pattern.match(folded, after) for pattern, _ in _department_patterns())


def _head_at(text: str, folded: str, pos: int) -> tuple[str, str, bool, int] | None:
    """A unit head at ``pos``: (kind, level, plural, end). "số"/"bản"/"bàn" fold like "sở"/"Ban": the accented
    text decides; a level after "cấp" ("cấp huyện") is a tier, not a unit."""
    m = _HEAD.match(folded, pos)
    if not m:
        return None
    if _GENERIC_BEFORE.search(folded[max(0, pos - 6):pos]):
        return "skip", "", False, m.end()  # the whole head is passed over: "(thị xã B)" is not "xã B"
    if m.group("so") and text[m.end("so") - 2:m.end("so")].lower() != "sở" and not _plain_department(text, folded,
                                                                                                 m.end()):
        return None
    if m.group("ban") and text[m.start("ban"):m.end("ban")] != "Ban":
        return None
    if m.group("ubnd"):
        return "ubnd", m.group("level_u"), bool(m.group("plural_u")), m.end()
    if m.group("so"):
        return "so", "", bool(m.group("plural_s")), m.end()
    if m.group("ban"):
        return "ban", "", False, m.end()
    level = m.group("level").removeprefix("cac").strip()
    return "ubnd", level, bool(m.group("plural_l")), m.end()


def _level_name(level_folded: str) -> str:
    key = level_folded.strip(" .")
    return LEVEL_ABBREVIATIONS.get(key) or next(level for level in LEVELS if fold_same_length(level) == key)


def _read_name(text: str, folded: str, kind: str, pos: int) -> tuple[str, int] | None:
    if kind == "so":
        return _read_department(text, folded, pos)
    if kind == "ban":
        return _read_free_name(text, pos)
    return _read_place(text, pos)


def _not_a_unit(kind: str, level: str, name: str, folded: str, pos: int) -> bool:
    """A recipient ("gửi về Sở Nội vụ"), or a province written as its city ("thành phố Hà Nội")."""
    if RECIPIENT_BEFORE.search(folded[max(0, pos - 8):pos]):
        return True
    return kind == "ubnd" and _level_name(level) == "thành phố" and canonical_province(name) in CENTRAL_CITIES


def find_bodies(text: str) -> list[BodyMention]:
    """Administrative bodies named in a line, in order.

    >>> [u.name for u in find_bodies("a) Cấp tỉnh gồm các Sở: Công Thương, Y tế, Văn hóa, Thể thao và Du lịch.")]
    ['Sở Công Thương', 'Sở Y tế', 'Sở Văn hóa, Thể thao và Du lịch']
    >>> [u.name for u in find_bodies("Ủy ban nhân dân các huyện: Tân Hiệp, Gò Quao và Vĩnh Thuận")]
    ['UBND huyện Tân Hiệp', 'UBND huyện Gò Quao', 'UBND huyện Vĩnh Thuận']
    >>> [u.name for u in find_bodies("các sở, ban, ngành và UBND cấp huyện")]
    []
    """
    folded = fold_same_length(text)
    out: list[BodyMention] = []
    pos, head = 0, None  # head: (kind, level, plural) that names after a list separator still belong to
    while pos < len(text):
        found = _head_at(text, folded, pos) if (pos == 0 or not folded[pos - 1].isalnum()) else None
        if found and found[0] == "skip":
            pos, head = found[3], None
            continue
        if found:
            kind, level, plural, after = found
            after = re.match(r"[\s:]*", folded[after:]).end() + after
            got = _read_name(text, folded, kind, after)
            if got and _not_a_unit(kind, level, got[0], folded, pos):
                got = None
            head = (kind, level, plural) if (plural or folded[found[3]:after].strip() == ":") else None
            if got:
                out.append(BodyMention(_canonical(kind, _level_name(level) if level else "", got[0]), kind, after,
                                       got[1]))
                pos = got[1]
                continue
            pos = after if after > pos else pos + 1
            continue
        if head and folded[pos].isalnum() and not folded[pos - 1].isalnum():
            got = _read_name(text, folded, head[0], pos)
            if got:
                out.append(BodyMention(_canonical(head[0], _level_name(head[1]) if head[1] else "", got[0]),
                                       head[0], pos, got[1]))
                pos = got[1]
                continue
            head = None
        if text[pos] in ".\n" and not (pos + 1 < len(text) and text[pos + 1].isdigit()):
            head = None
        sep = _SEP.match(folded, pos)
        pos = sep.end() if sep and sep.end() > pos else pos + 1
    return out


__all__ = ["BodyMention", "find_bodies", "DEPARTMENTS"]
