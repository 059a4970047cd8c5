"""How well a few features of the answer an assistant would give separate the refusals not made from the answers:
a separation table measured before any refusal rule is written (session 18, helper R14).

    python -m bench.absence_features --data-dir DIR --save rows.json    # DIR as built by bench.eval_sets
    python -m bench.absence_features --load rows.json                   # the table again, from saved rows

Questions: the tune halves of ``--sets`` and every question of ``--tune-sets`` (as ``bench.fit_abstention`` reads
them; judge sets and the check set are refused). Each question is answered as the user would be
(:meth:`assistant.service.Assistant.ask`); for an answer quoted from the passages (not refused, not a schedule or task
hook) the features read what the answer quotes:

- ``subject_first`` / ``subject_best``: the idf-weighted share of the question's distinctive subject words (its topic
  words, :attr:`retriever.query.QueryAnalysis.topic_terms`, without the place, the year and the words that only ask
  for a time; the upper half by idf, at least :data:`MIN_SUBJECT_WORDS`) that the first quote / the best quote writes;
- ``subject_doc``: the same share over the whole text of the first quote's document;
- ``dense_first`` / ``dense_best``: the cosine (the index's embedder, ``query:`` / ``passage:``) between the question
  and the first / the closest quote;
- ``year_stated`` / ``place_stated``: whether the first quote's document writes a year / a province the question names
  anywhere (None when none is named);
- ``margin``: the best unit's score less the best score of a unit of another document (:meth:`Assistant.diagnose`'s
  five best units; 1.0 when they are all of one document);
- ``coverage``, ``topic_coverage``, ``dense``: the fitted rule's own features, for comparison.

Document-level features (session 19, helper A19; :func:`document_facts` saves what each document is,
:func:`doc_features` reads it): whether the question's province (as the analysis reads it, a merged name widened;
``_wide``: with every pre-2025 province a merged name covers), year
(written, a period holding it, or the metadata's), body (``textnorm.units.find_bodies``) and kind of document are
those of the lead document (the first quote's), of a cited one, of any retrieved one; :func:`document_table` gives
each alone and in conjunction with the margin (:data:`CONJUNCTION_MARGINS`).

Labels: ``must`` (gold ``abstain``) and, for answerable questions, ``facts`` (the scorer's share of fact groups in the
first 1,200 characters). The table gives, over the answered questions (where a new refusal would act), each
feature's AUC of "must refuse" against "answerable" (low values point to a refusal) and how many answerable answers a
threshold refusing half the refusals not made would also refuse.
"""

from __future__ import annotations

import json
import re
import sys

from bench.fit_abstention import DEFAULT_SETS, parse_without_judges, tune_rows_parser
from textnorm import fold_for_match

#: Sets read by default: every tune set and tune half (freshq12, freshq13 and freshq14 by their tune halves only:
#: their check halves are judges).
DEFAULT_HALF_SETS = DEFAULT_SETS + ",freshq12,freshq13,freshq14"
#: The fewest subject words a question keeps (its distinctive half may be one word of a short question).
MIN_SUBJECT_WORDS = 2
#: Features whose low values point to a refusal, in the table's order.
FEATURES = ("subject_first", "subject_best", "subject_doc", "dense_first", "dense_best", "margin", "coverage",
            "topic_coverage", "dense", "year_stated", "year_stated_any", "year_or_span_any", "place_stated",
            "place_stated_any")
#: A span of years a document writes ("giai đoạn 2021 - 2025", "2021-2030"): it covers every year inside.
_YEAR_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")


def fact_share(question: dict, answer_text: str) -> float:
    """The scorer's fact coverage of one answer (1.0 for a question without facts).

    >>> fact_share({"facts": [["15 ngày"], ["UBND", "Ủy ban"]]}, "Trong 15 ngày, Ủy ban …")
    1.0
    """
    from bench.ablate_grounded import ANSWER_BUDGET
    from retriever.evaluate import group_hits

    groups = question.get("facts") or []
    return sum(group_hits(groups, [answer_text[:ANSWER_BUDGET]])) / len(groups) if groups else 1.0


def subject_words(analysis, idf) -> dict[str, float]:
    """The question's distinctive subject words with their idf: its topic words less those that only ask for a time,
    the upper half by idf (at least :data:`MIN_SUBJECT_WORDS`)."""
    from textnorm.cues import time_question_words

    asked = time_question_words(f"{analysis.original} {analysis.text}")
    words = {t: idf(t) for t in dict.fromkeys(analysis.topic_terms) if t not in asked}
    ranked = sorted(words, key=lambda t: -words[t])
    keep = ranked[:max(MIN_SUBJECT_WORDS, (len(ranked) + 1) // 2)]
    return {t: words[t] for t in keep}


def word_share(words: dict[str, float], text: str) -> float:
    """The idf-weighted share of ``words`` (folded) written in ``text`` or its abbreviations' expansions (as the
    question's topic words are read: "CCHC" writes "cải cách hành chính"; 1.0 when there are none).

    >>> word_share({"tiep": 2.0, "dan": 1.0}, "Lịch tiếp công dân")
    1.0
    >>> word_share({"papi": 3.0, "xep": 1.0}, "xếp hạng SIPAS")
    0.25
    """
    from retriever.query import expand_abbreviations
    from textnorm import fold_word, syllables

    if not words:
        return 1.0
    present = {fold_word(w) for w in syllables(" ".join([text, *expand_abbreviations(text)]))}
    return sum(v for t, v in words.items() if t in present) / (sum(words.values()) or 1.0)


def _cosines(embedder, question: str, quotes: list[str]) -> list[float]:
    import numpy as np

    if not quotes:
        return []
    q = embedder.embed_query(question)
    p = embedder.embed_passages(quotes)
    q = q / (np.linalg.norm(q) or 1.0)
    p = p / np.maximum(np.linalg.norm(p, axis=1, keepdims=True), 1e-9)
    return [float(x) for x in p @ q]


def _margin(units: list) -> float:
    """The best unit's score less the best of another document's (``diagnose``'s units: score, …, doc_id at 4)."""
    if not units:
        return 0.0
    top = units[0]
    other = [u[0] for u in units if u[4] != top[4]]
    return round(top[0] - max(other), 3) if other else 1.0


def _named_in(values: list[str], text: str) -> bool | None:
    if not values:
        return None
    folded = fold_for_match(text)
    return any(fold_for_match(v) in folded for v in values)


def _span_covers(years: list[str], text: str) -> bool | None:
    """Whether ``text`` writes a year asked or a span of years around it (None when none is asked).

    >>> _span_covers(["2023"], "giai đoạn 2021 - 2025"), _span_covers(["2023"], "năm 2022"), _span_covers([], "")
    (True, False, None)
    """
    if not years:
        return None
    spans = [(int(a), int(b)) for a, b in _YEAR_SPAN.findall(text)]
    return any(y in text or any(a <= int(y) <= b for a, b in spans) for y in years)


def row_of(assistant, question: dict) -> dict:
    """One question's labels and features (features None when the answer is refused or a hook's)."""
    from assistant.grounded.scoring import idf_table

    answer = assistant.ask(question["question"])
    row = {"id": question["id"], "set": question.get("_set", ""), "must": bool(question.get("abstain")),
           "question": question["question"], "refused": answer.abstained, "mode": answer.mode,
           "facts": None if question.get("abstain") else fact_share(question, answer.text)}
    if answer.abstained or answer.mode != "grounded" or not answer.citations:
        return row
    d = assistant.diagnose(question["question"])
    analysis, f = d["analysis"], d["features"]
    state = assistant.store.lexical()
    words = subject_words(analysis, idf_table(state))
    quotes = [c.quote for c in answer.citations]
    first = answer.citations[0]
    texts = {i: assistant.store.document_text(i) or "" for i in dict.fromkeys(c.doc_id for c in answer.citations)}
    doc, docs = texts[first.doc_id], list(texts.values())
    years, places = list(analysis.years), list(getattr(analysis, "provinces", ()))
    cos = _cosines(assistant.store.embedder, question["question"], quotes)
    row.update({"subject_words": sorted(words), "quote": first.quote[:200],
                "subject_first": round(word_share(words, first.quote), 3),
                "subject_best": round(max(word_share(words, q) for q in quotes), 3),
                "subject_doc": round(word_share(words, doc), 3),
                "dense_first": round(cos[0], 3), "dense_best": round(max(cos), 3),
                "year_stated": _named_in(years, doc),
                "year_stated_any": None if not years else any(_named_in(years, t) for t in docs),
                "year_or_span_any": None if not years else any(_span_covers(years, t) for t in docs),
                "place_stated": _named_in(places, doc),
                "place_stated_any": None if not places else any(_named_in(places, t) for t in docs),
                "docs": list(texts),
                "margin": _margin(d["units"]), "coverage": round(f.coverage, 3),
                "topic_coverage": round(f.topic_coverage, 3), "dense": round(f.dense, 3)})
    row.update(document_facts(assistant, analysis, first.doc_id, list(texts),
                              list(dict.fromkeys(u[4] for u in d["units"]))))
    return row


#: Kinds of document a question names whose label is rarely a verb or a common noun in a question ("quy định",
#: "thông báo", "hướng dẫn", "chương trình" are left out: questions write them as words of the subject).
ASKED_KINDS = ("Kế hoạch", "Quyết định", "Chỉ thị", "Công văn", "Báo cáo", "Nghị quyết", "Tờ trình", "Công điện",
               "Giấy mời", "Nghị định", "Thông tư", "Đề án", "Kết luận", "Biên bản")
#: Characters of a document's opening read for the kind it writes of itself (its header and title).
KIND_HEADER_CHARS = 600
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _asked_kinds(question: str) -> list[str]:
    """The kinds of document (:data:`ASKED_KINDS`) a question names, folded.

    >>> _asked_kinds("Kế hoạch CCHC năm 2024 của tỉnh giao Sở nào?")
    ['kehoach']
    """
    folded = fold_for_match(question)
    return [k for k in map(fold_for_match, ASKED_KINDS) if k in folded]


def _doc_info(assistant, doc_id: str, cache: dict) -> dict:
    """What a document is, for the document-level features: its metadata's province, year and kind, the provinces
    it names (and their places), the years and spans it writes, the bodies it names and its opening (folded)."""
    if doc_id in cache:
        return cache[doc_id]
    from assistant.evidence import places_named
    from textnorm.units import find_bodies

    text = assistant.store.document_text(doc_id) or ""
    record = assistant.store.lexical().records.get(doc_id)
    meta = record.metadata if record is not None else {}
    cache[doc_id] = {"tinh": meta.get("tinh", ""), "nam": str(meta.get("nam", "") or ""),
                     "kind": fold_for_match(str(meta.get("loai_van_ban", "") or "")),
                     "places": sorted(places_named(text)), "years": sorted(set(_YEAR.findall(text))),
                     "spans": [list(map(int, s)) for s in _YEAR_SPAN.findall(text)],
                     "bodies": sorted({fold_for_match(b.name) for b in find_bodies(text)}),
                     "folded": fold_for_match(text), "opening": fold_for_match(text[:KIND_HEADER_CHARS])}
    return cache[doc_id]


_DOC_CACHE: dict = {}


def document_facts(assistant, analysis, lead: str, cited: list[str], retrieved: list[str]) -> dict:
    """The question's place, year, office and kind, and what the lead document (the first quote's), the cited ones
    and the retrieved ones (``diagnose``'s best units) are: saved raw, read by :func:`doc_features`."""
    from retriever.features import asked_provinces
    from textnorm.units import find_bodies

    provinces = getattr(analysis, "provinces", ())
    named = sorted(asked_provinces(provinces))
    wide = sorted(asked_provinces(provinces, merged=True) | set(getattr(analysis, "widened", ())))
    docs = list(dict.fromkeys([lead, *cited, *retrieved]))
    info = {i: _doc_info(assistant, i, _DOC_CACHE) for i in docs}
    bodies = sorted({fold_for_match(b.name) for b in find_bodies(analysis.original)})
    kinds = _asked_kinds(analysis.original)
    return {"q_places": named, "q_places_wide": wide, "q_years": list(analysis.years),
            "q_bodies": bodies, "q_kinds": kinds, "lead": lead, "cited": cited, "retrieved": retrieved,
            "body_in": {i: all(b in v["folded"] for b in bodies) for i, v in info.items()} if bodies else None,
            "kind_in": {i: any(k in v["kind"] or k in v["opening"] for k in kinds) for i, v in info.items()}
            if kinds else None,
            "doc_info": {i: {k: x for k, x in v.items() if k != "folded"} for i, v in info.items()}}


def auc(neg: list[float], pos: list[float]) -> float:
    """The probability that a must-refuse question's value is lower than an answerable one's (ties half).

    >>> auc([0.1, 0.2], [0.5, 0.9]), auc([0.5], [0.5])
    (1.0, 0.5)
    """
    if not neg or not pos:
        return float("nan")
    wins = sum((n < p) + 0.5 * (n == p) for n in neg for p in pos)
    return wins / (len(neg) * len(pos))


def separation(rows: list[dict]) -> str:
    """The table: per feature, over the answered questions with features, the AUC, and at the threshold refusing
    half the refusals not made (the median of their values), the answerable answers it would refuse too (of them,
    those whose facts were all found)."""
    answered = [r for r in rows if r.get("subject_first") is not None]
    must = [r for r in answered if r["must"]]
    ok = [r for r in answered if not r["must"]]
    lines = [f"answered with quotes: {len(answered)} ({len(must)} must refuse, {len(ok)} answerable, "
             f"{sum(r['facts'] == 1.0 for r in ok)} with every fact)",
             f"{'feature':15} {'AUC':>5} {'thr':>6} {'refuses must':>12} {'answerable':>10} {'right ones':>10}"]
    for name in FEATURES:
        m = [float(r[name]) for r in must if r.get(name) is not None]
        o = [(float(r[name]), r["facts"]) for r in ok if r.get(name) is not None]
        if not m or not o:
            lines.append(f"{name:15}   n/a (must {len(m)}, answerable {len(o)})")
            continue
        thr = sorted(m)[(len(m) - 1) // 2]
        hit = [v for v in m if v <= thr]
        fp = [(v, s) for v, s in o if v <= thr]
        lines.append(f"{name:15} {auc(m, [v for v, _ in o]):5.2f} {thr:6.3f} {len(hit):5}/{len(m):<6} "
                     f"{len(fp):5}/{len(o):<4} {sum(s == 1.0 for _, s in fp):10}")
    return "\n".join(lines)


#: Margins (best unit's score less another document's best) the document features are read under, as conjunctions:
#: "refuse when the margin is at most m and the feature does not hold" (infinite: the feature alone).
CONJUNCTION_MARGINS = (float("inf"), 1.0, 0.5, 0.3, 0.2, 0.1)


def _of_place(info: dict, wanted: set) -> bool:
    """A document known to be of a province wanted: its metadata's province, or a province it names."""
    return (info["tinh"] in wanted) or bool(set(info["places"]) & wanted)


def _of_other_place(info: dict, wanted: set) -> bool:
    """A document not of a province wanted and naming provinces, none of them wanted (as
    :func:`assistant.evidence.document_of_other_places` reads it, metadata first)."""
    return not _of_place(info, wanted) and bool(info["places"] or info["tinh"])


def _writes_year(info: dict, years: list[str]) -> bool:
    """A document writing a year asked, or a span around it, or of that year by its metadata."""
    return any(y in info["years"] or y == info["nam"] or any(a <= int(y) <= b for a, b in info["spans"])
               for y in years)


def _writes_other_year_only(info: dict, years: list[str]) -> bool:
    """A document writing some year (or of a year by metadata), never one asked nor a span around it."""
    return bool(info["years"] or info["nam"]) and not _writes_year(info, years)


def doc_features(row: dict) -> dict[str, bool | None]:
    """Document-level features of a saved row (True: the evidence an answer needs holds; None: the question names
    no place / year / office / kind). ``lead``: the first quote's document; ``cited``: every cited one; ``any``:
    every retrieved or cited document."""
    info, lead = row["doc_info"], row["lead"]
    docs = list(info)
    out: dict[str, bool | None] = {}
    for tag, key in (("", "q_places"), ("_wide", "q_places_wide")):
        wanted = set(row[key])
        has = bool(row["q_places"])
        out[f"place_lead{tag}"] = _of_place(info[lead], wanted) if has else None
        out[f"place_lead_not_other{tag}"] = not _of_other_place(info[lead], wanted) if has else None
        out[f"place_cited{tag}"] = any(_of_place(info[i], wanted) for i in row["cited"]) if has else None
        out[f"place_any{tag}"] = any(_of_place(info[i], wanted) for i in docs) if has else None
    years = row["q_years"]
    out["year_lead"] = _writes_year(info[lead], years) if years else None
    out["year_lead_not_other"] = not _writes_other_year_only(info[lead], years) if years else None
    out["year_cited"] = any(_writes_year(info[i], years) for i in row["cited"]) if years else None
    out["year_cited_not_other"] = (not all(_writes_other_year_only(info[i], years) for i in row["cited"])
                                   if years else None)
    out["year_any"] = any(_writes_year(info[i], years) for i in docs) if years else None
    for name, key in (("body", "body_in"), ("kind", "kind_in")):
        held = row.get(key)
        out[f"{name}_lead"] = held[lead] if held is not None else None
        out[f"{name}_cited"] = any(held[i] for i in row["cited"]) if held is not None else None
        out[f"{name}_any"] = any(held.values()) if held is not None else None
    place, year = out["place_lead_not_other_wide"], out["year_lead_not_other"]
    out["place_and_year_lead"] = None if place is None and year is None else (place is not False and
                                                                               year is not False)
    return out


def document_table(rows: list[dict]) -> str:
    """Per document feature, over the answered questions it applies to: the AUC (False below True), and under each
    margin of :data:`CONJUNCTION_MARGINS` the must-refuse / answerable (of them with every fact) questions a
    refusal "margin at most m and the feature does not hold" would refuse, with the must-refuse ids at the widest."""
    answered = [r for r in rows if r.get("doc_info")]
    feats = [(r, doc_features(r)) for r in answered]
    names = list(feats[0][1]) if feats else []
    head = " ".join(f"m<={m:<4}" if m < float("inf") else "alone  " for m in CONJUNCTION_MARGINS)
    lines = [f"{'document feature':28} {'n must/ans':>11} {'AUC':>5}  {head}  (must/answerable(right))"]
    for name in names:
        m = [(r, f[name]) for r, f in feats if r["must"] and f[name] is not None]
        o = [(r, f[name]) for r, f in feats if not r["must"] and f[name] is not None]
        if not m or not o:
            lines.append(f"{name:28} n/a (must {len(m)}, answerable {len(o)})")
            continue
        cells = []
        for margin in CONJUNCTION_MARGINS:
            hit = [r for r, v in m if not v and r["margin"] <= margin]
            fp = [r for r, v in o if not v and r["margin"] <= margin]
            cells.append(f"{len(hit)}/{len(fp)}({sum(r['facts'] == 1.0 for r in fp)})")
        ids = [r["id"] for r, v in m if not v]
        fps = [f"{r['id']}:{r['margin']}" for r, v in o if not v]
        lines.append(f"{name:28} {len(m):>4}/{len(o):<6} {auc([float(v) for _, v in m], [float(v) for _, v in o]):5.2f}"
                     f"  {' '.join(f'{c:7}' for c in cells)}  must {' '.join(ids)}; answerable {' '.join(fps[:12])}"
                     f"{' …' if len(fps) > 12 else ''}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = tune_rows_parser("python -m bench.absence_features", DEFAULT_HALF_SETS, "sets read by their tune halves")
    args = parse_without_judges(parser, argv)
    if args.load:
        rows = json.loads(args.load.read_text(encoding="utf-8"))
    elif args.data_dir:
        from bench.eval_sets import halves_of, use_index

        use_index(args.data_dir)
        from assistant.service import open_assistant
        from settings import load_settings

        questions = [{**q, "_set": name} for name in args.sets.split(",") if name
                     for q in halves_of([name])["tune"]]
        questions += [{**q, "_set": name} for name in args.tune_sets.split(",") if name
                      for qs in halves_of([name]).values() for q in qs]
        assistant = open_assistant(load_settings())
        rows = [row_of(assistant, q) for q in questions]
        if args.save:
            args.save.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    else:
        parser.error("--data-dir or --load")
    print(separation(rows))
    print(document_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
