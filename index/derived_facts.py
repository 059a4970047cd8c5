"""Derived facts as the index stores them: one item per document version holding every kind of facts ingest read
from its text (:data:`index.model.FACT_KINDS`: the inspection schedule, the reform tasks), each kind as its own JSON.

The item is a small JSON object ``{"derived": 1, "kinds": {kind: JSON}}``. Indexes written before it hold the bare
schedule JSON in that item: :func:`unpack_facts` reads it as ``{"schedule": raw}``, so they need no rebuild.

>>> packed = pack_facts({"schedule": '{"doc_id": "a"}', "tasks": ""})
>>> unpack_facts(packed)
{'schedule': '{"doc_id": "a"}'}
>>> unpack_facts('{"doc_id": "a", "facts": []}')  # an index written before the facts item: a bare schedule
{'schedule': '{"doc_id": "a", "facts": []}'}
>>> pack_facts({"tasks": ""}), unpack_facts("")
('', {})
"""

from __future__ import annotations

import json

from index.model import SCHEDULE_FACTS

#: The key that marks a facts item (a bare schedule, the older item, never has it).
FACTS_MARKER = "derived"
#: Version of the facts item's layout, stored under :data:`FACTS_MARKER`.
FACTS_FORMAT = 1


def pack_facts(facts: dict[str, str]) -> str:
    """The stored item of a document version's facts: "" when no kind holds any."""
    kinds = {kind: raw for kind, raw in facts.items() if raw}
    if not kinds:
        return ""
    return json.dumps({FACTS_MARKER: FACTS_FORMAT, "kinds": kinds}, ensure_ascii=False, separators=(",", ":"))


def unpack_facts(raw: str) -> dict[str, str]:
    """Kind → JSON of a stored item; an item without the marker is the bare schedule of an older index."""
    if not raw:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if isinstance(data, dict) and FACTS_MARKER in data:
        kinds = data.get("kinds")
        return {str(k): v for k, v in kinds.items() if isinstance(v, str) and v} if isinstance(kinds, dict) else {}
    return {SCHEDULE_FACTS: raw}


def by_kind(items: dict[str, str]) -> dict[str, dict[str, str]]:
    """doc_id → stored item, regrouped as kind → doc_id → JSON (the shape of ``LexicalState.derived``).

    >>> by_kind({"a": pack_facts({"schedule": "S", "tasks": "T"}), "b": "OLD"})
    {'schedule': {'a': 'S', 'b': 'OLD'}, 'tasks': {'a': 'T'}}
    """
    out: dict[str, dict[str, str]] = {}
    for doc_id, raw in items.items():
        for kind, facts in unpack_facts(raw).items():
            out.setdefault(kind, {})[doc_id] = facts
    return out


__all__ = ["pack_facts", "unpack_facts", "by_kind", "FACTS_MARKER", "FACTS_FORMAT"]
