"""Agency names as officials type them: "STP", "Sở TT&TT", "sở tài chính", "VP UBND tỉnh", "so noi vu", and the groups
plans assign tasks to ("các sở, ban, ngành", "UBND cấp huyện").

Sở, Ban and UBND names are read by the grammar of :mod:`textnorm.units` (full names, standard abbreviations, accents
optional); what that grammar cannot read — initials, the provincial office, agencies that are not a Sở, groups — is
data in ``lexicons/agencies.json``, each entry with the reason it exists. Every name is reduced to one canonical form,
so a question's agency and a table cell's lead compare by :func:`agency_key`.

>>> [a.name for a in find_agencies("STP và Sở TT&TT phối hợp với VP UBND tỉnh")]
['Sở Tư pháp', 'Sở Thông tin và Truyền thông', 'Văn phòng UBND tỉnh']
>>> [(a.name, a.kind) for a in find_agencies("Các\\nsở, ban, ngành tỉnh và UBND cấp huyện, cấp xã")]
[('Các sở, ban, ngành', 'group'), ('UBND cấp huyện', 'group'), ('UBND cấp xã', 'group')]
>>> canonical_agency("Sở\\nTài chính"), canonical_agency("so noi vu"), canonical_agency("Cơ quan\\nchủ quản cấp trên")
('Sở Tài chính', 'Sở Nội vụ', 'Cơ quan chủ quản cấp trên')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from textnorm.periods import fold_same_length
from textnorm.units import find_bodies

#: The alias lexicon (:mod:`textnorm.lexicons` format): entries ``{"term", "canonical", "kind", "why", "seen",
#: "note"}``, and ``groups``.
LEXICON = Path(__file__).with_name("lexicons") / "agencies.json"
#: Kind of a name that stands for many agencies at once ("các sở, ban, ngành"): never one agency's match.
GROUP = "group"
#: Characters between a plural head ("các Sở:") and the first name it distributes over: the head is then not a group.
_HEAD_GAP = 3
#: What may stand between the words of an alias ("VP. UBND tỉnh", "các sở, ban, ngành", a line break in a cell).
_ALIAS_GAP = r"[\s,.\-–]*"


@dataclass(frozen=True)
class Agency:
    """An agency named in a text: canonical name, kind (so | ban | ubnd | office | agency | group) and offsets."""

    name: str
    kind: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[tuple[re.Pattern, str, str], ...]:
    """(pattern over folded text, canonical, kind) of every lexicon entry, longest alias first."""
    entries = json.loads(LEXICON.read_text(encoding="utf-8"))["entries"]
    out = []
    for entry in entries:
        words = re.findall(r"[a-z0-9&]+", fold_same_length(entry["term"]).lower())
        body = _ALIAS_GAP.join(map(re.escape, words))
        out.append((re.compile(r"(?<![\w&])" + body + r"(?![\w&])"), entry["canonical"], entry.get("kind", "")))
    return tuple(sorted(out, key=lambda t: -len(t[0].pattern)))


def _alias_mentions(text: str) -> list[Agency]:
    folded = fold_same_length(text).lower()
    found: list[Agency] = []
    for pattern, canonical, kind in _alias_patterns():
        for m in pattern.finditer(folded):
            if not any(a.start < m.end() and m.start() < a.end for a in found):
                found.append(Agency(canonical, kind, m.start(), m.end()))
    return found


def find_agencies(text: str) -> list[Agency]:
    """Agencies and groups named in a text, left to right, each once per mention.

    >>> [a.name for a in find_agencies("Sở KH&ĐT, Sở LĐTB&XH, sở tài chính, stp")]
    ['Sở Kế hoạch và Đầu tư', 'Sở Lao động - Thương binh và Xã hội', 'Sở Tài chính', 'Sở Tư pháp']
    >>> [a.name for a in find_agencies("các Sở: Công Thương, Y tế")]
    ['Sở Công Thương', 'Sở Y tế']
    """
    units = [Agency(u.name, u.kind, u.start, u.end) for u in find_bodies(text)]
    aliases = [a for a in _alias_mentions(text)
               if not any(u.start < a.end and a.start < u.end for u in units)
               and not (a.kind == GROUP and any(0 <= u.start - a.end <= _HEAD_GAP for u in units))]
    return sorted(units + aliases, key=lambda a: a.start)


#: Names remembered by the pure lookups below (a plan's cells repeat the same few agencies).
CACHED_NAMES = 4096


@lru_cache(maxsize=CACHED_NAMES)
def canonical_agency(text: str) -> str:
    """The canonical name of a table cell or a phrase naming one agency: the first agency read, else the text with its
    whitespace joined (an agency no grammar knows keeps its own name)."""
    found = find_agencies(text)
    return found[0].name if found else re.sub(r"\s+", " ", text).strip(" ,;.")


@lru_cache(maxsize=CACHED_NAMES)
def agency_key(name: str) -> str:
    """The key two spellings of one agency share.

    >>> agency_key("Sở Tư pháp") == agency_key(canonical_agency("STP")) == agency_key("so tu phap")
    True
    """
    return re.sub(r"[^a-z0-9&]+", " ", fold_same_length(canonical_agency(name)).lower()).strip()


@lru_cache(maxsize=1)
def _group_members() -> dict[str, tuple[str, ...]]:
    groups = json.loads(LEXICON.read_text(encoding="utf-8")).get("groups", [])
    return {g["group"]: tuple(g["members"]) for g in groups}


@lru_cache(maxsize=CACHED_NAMES)
def belongs_to(agency: str, group: str) -> bool:
    """Whether an agency is one of those a group names ("Sở Tài chính" is one of "các sở, ban, ngành").

    >>> belongs_to("Sở Tài chính", "Các sở, ban, ngành tỉnh"), belongs_to("UBND huyện Tân Hiệp", "UBND cấp huyện")
    (True, True)
    >>> belongs_to("Sở Tài chính", "UBND cấp huyện"), belongs_to("Sở Tài chính", "Sở Tư pháp")
    (False, False)
    """
    members = _group_members().get(canonical_agency(group), ())
    name = canonical_agency(agency)
    return any(name == m or name.startswith(m) for m in members)


def is_group(name: str) -> bool:
    """Whether a name stands for many agencies ("các sở, ban, ngành").

    >>> is_group("Các sở, ngành liên quan"), is_group("Sở Y tế")
    (True, False)
    """
    found = find_agencies(name)
    return bool(found) and found[0].kind == GROUP


__all__ = ["Agency", "find_agencies", "canonical_agency", "agency_key", "is_group", "belongs_to", "GROUP"]
