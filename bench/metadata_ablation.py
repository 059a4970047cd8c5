"""Which metadata rules carry weight: every gold set scored with one rule family of :mod:`ingest.metadata` switched
off at a time, and with only the structural reading (header block, type line, number line, place-and-date line,
signature block) left on.

    python -m bench.metadata_ablation [--sets realdocs,newdocs,freshdocs,freshdocs2]

For each family and set it prints the mean share of right fields and how many documents read better or worse than
with every rule on (``+better/-worse``). The period a plan covers (``ky_ke_hoach``) has no gold field and is
left out. A family that changes nothing on any set is a candidate to remove. Sets are
those of :data:`bench.eval_sets.GOLDS` (never a blind judge: name the sets you may look at).
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Iterator
from unittest import mock

import ingest.document
import ingest.metadata as md
from bench.eval_sets import EVAL, GOLDS
from ingest.check import GOLD_FIELDS, check_document, read_gold

#: Sets scored by default: those with gold metadata that have been looked at (a blind judge is never a default).
DEFAULT_SETS = ("realdocs", "newdocs", "freshdocs", "freshdocs2")


def _nothing(*_args, **_kwargs):
    """A switched-off reader: reads nothing."""
    return None


def _no_named_line(_r) -> str:
    """A switched-off :func:`ingest.metadata._read_named_line`: no code."""
    return ""


def _no_portal(real):
    """``extract_metadata`` without the legal portal's fields and lines (dropped from the text by the boundary)."""
    def wrapped(blocks, text, **kw):
        return real(blocks, text, **{**kw, "web_fields": None, "portal": None})
    return wrapped


#: Rule families beyond the structural reading: name → (attribute of :mod:`ingest.metadata`, its stand-in).
FAMILIES = {
    "news (dateline, headline, byline, source)": [("_read_news", _nothing)],
    "line naming the document (no header)": [("_read_named_line", _no_named_line)],
    "legal portal headline": [("_read_portal_title", _nothing)],
    "essay / cover title": [("_read_essay_title", _nothing)],
    "province voted from the body": [("_vote_body_province", _nothing)],
    "issuer from the number's code": [("_read_code_issuer", _nothing)],
    "kind the text names itself": [("_type_it_names_itself", _nothing)],
    "notice formula (a body gives notice)": [("_read_notice", _nothing)],
    "headline opening with its kind (no header)": [("_read_kind_headline", _nothing)],
    "legal site's one-line short title": [("_read_short_title", _no_named_line)],
    "letter's addressee (cut above its header)": [("_letter_opening", _nothing)],
    "search index's date stamp (a web page)": [("_search_stamp", _nothing)],
    "page dates (stamp, title line, inline, lead)": [("_read_page_dates", _nothing)],
    "issuer a title line names (no header)": [("_read_title_body", _nothing)],
    "post by its opening (prose under labels)": [("_opens_with_prose", _nothing)],
    "council session line is no title": [("is_council_session", _nothing)],
    "calendar headline (title, notice)": [("_read_calendar", _nothing)],
    "publisher of a post (site header, dateline)": [("_read_publisher", _nothing)],
    "scanned header (year, province over motto)": [("_read_scanned_header", _nothing)],
    "merger of several provinces (no province)": [("_merger_group", lambda *_a: False)],
    "links to other posts (no province vote)": [("_other_post_lines", lambda _t: ())],
    "headline over captions and furniture": [("_read_title_page", _nothing)],
    "periodic socio-economic report (Báo cáo)": [("_read_periodic_report", _nothing)],
    "headline before an inline dateline": [("_read_inline_headline", _nothing)],
    "letter's speaker (issuer under the addressee)": [("_read_letter_speaker", _nothing)],
    "page stamp (buttons, section and date)": [("_page_stamp", _nothing)],
    "shown document's issue date (its lead)": [("_read_shown_document_date", _nothing)],
}


@contextlib.contextmanager
def switched_off(patches: list) -> Iterator[None]:
    """Replace the named readers of :mod:`ingest.metadata` for the duration (``"portal"`` drops the portal's
    fields)."""
    with contextlib.ExitStack() as stack:
        for name, stand_in in patches:
            if name == "portal":
                stack.enter_context(mock.patch.object(ingest.document, "extract_metadata",
                                                      _no_portal(md.extract_metadata)))
            else:
                stack.enter_context(mock.patch.object(md, name, stand_in))
        yield


FAMILIES["legal portal's fields (fallback)"] = [("portal", None)]
#: Only the structural reading: every family above off at once.
STRUCTURAL_ONLY = "only the structural reading"


def score_set(name: str) -> dict[str, set[str]]:
    """Per document of a gold set, the fields read right."""
    gold, docs = GOLDS[name]
    out = {}
    for row in read_gold(gold):
        result = check_document(docs / row["file"], row, "all")
        wrong = {k for k, _, _ in result.mismatches()}
        out[row["file"]] = {k for k in GOLD_FIELDS if k not in wrong and not result.error}
    return out


def share(right: dict[str, set[str]]) -> float:
    """Mean share of right fields over the documents of a set.

    >>> share({"a.txt": {"nam", "tinh"}, "b.txt": set()}) == 2 / (2 * 8)
    True
    """
    return sum(len(v) for v in right.values()) / (len(GOLD_FIELDS) * len(right)) if right else 0.0


def compare(base: dict[str, set[str]], other: dict[str, set[str]]) -> tuple[int, int]:
    """Documents with more right fields, and with fewer, than ``base``.

    >>> compare({"a": {"nam"}, "b": {"nam"}}, {"a": {"nam", "tinh"}, "b": set()})
    (1, 1)
    """
    better = sum(len(other[f]) > len(base[f]) for f in base)
    worse = sum(len(other[f]) < len(base[f]) for f in base)
    return better, worse


def ablation(sets: tuple[str, ...]) -> list[str]:
    """The table: one row per family (and the structural reading alone), one column per set."""
    base = {s: score_set(s) for s in sets}
    rows = [f"{'rules':44}" + "".join(f"{s:>22}" for s in sets),
            f"{'all on':44}" + "".join(f"{share(base[s]):22.3f}" for s in sets)]
    variants = list(FAMILIES.items()) + [(STRUCTURAL_ONLY, [p for ps in FAMILIES.values() for p in ps])]
    for label, patches in variants:
        cells = []
        with switched_off(patches):
            for s in sets:
                got = score_set(s)
                better, worse = compare(base[s], got)
                cells.append(f"{share(got):.3f} (+{better}/-{worse})")
        rows.append(f"{label:44}" + "".join(f"{c:>22}" for c in cells))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.metadata_ablation", description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS), help="gold sets, comma-separated")
    args = parser.parse_args(argv)
    sets = tuple(s for s in args.sets.split(",") if s in GOLDS)
    print("\n".join(ablation(sets)))
    splits = json.loads((EVAL / "splits.json").read_text(encoding="utf-8"))
    if any(s in splits.get("check_only_sets", {}) for s in sets):
        print("(check-only sets are scored whole; a family that helps only there was tuned there)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
