"""Lexicons as data (textnorm/lexicons): the file format, the loader, and the CI check that no entry was taken from
evaluation questions."""

from __future__ import annotations

import json

import pytest

from textnorm import lexicons
from textnorm.lexicons import LexiconError, build


@pytest.fixture
def lexicon_dir(tmp_path, monkeypatch):
    """A private lexicon folder, the loader's cache cleared before and after."""
    monkeypatch.setattr(lexicons, "LEXICON_DIR", tmp_path)
    lexicons.entries.cache_clear()
    yield tmp_path
    lexicons.entries.cache_clear()


def _write(folder, name, rows, version=1):
    (folder / f"{name}.json").write_text(json.dumps({"version": version, "entries": rows}, ensure_ascii=False),
                                         encoding="utf-8")


@pytest.mark.parametrize("name", lexicons.names())
def test_no_entry_is_held_only_by_evaluation_questions(name):
    """The CI check: an entry that is not grammar is in some document, or no evaluation question has it either."""
    assert build.asked_only(name) == []


@pytest.mark.parametrize("name", lexicons.names())
def test_every_entry_says_why_and_where_it_was_seen(name):
    rows = lexicons.entries(name)
    assert rows, name
    assert all(e.why in lexicons.REASONS and e.seen.strip() for e in rows), name


def test_the_check_catches_a_term_only_a_question_holds(lexicon_dir, monkeypatch):
    monkeypatch.setattr(build, "question_texts", lambda: ("cho hỏi tiến độ thẩm định hồ sơ xyz ra sao?",))
    _write(lexicon_dir, "demo", [
        {"term": "xyz", "why": "administrative vocabulary", "seen": "một câu hỏi"},  # only a question has it
        {"term": "ủy ban nhân dân", "why": "administrative vocabulary", "seen": "corpus"},  # documents have it
        {"term": "ra sao", "why": "grammar", "seen": "grammar"},  # grammar needs no document
    ])
    assert build.asked_only("demo") == ["xyz"]
    assert build.main(["--check"]) == 1


def test_a_file_of_another_version_or_an_entry_without_reason_is_refused(lexicon_dir):
    _write(lexicon_dir, "old", [{"term": "ubnd", "why": "grammar", "seen": "x"}], version=2)
    _write(lexicon_dir, "vague", [{"term": "ubnd", "why": "thấy hay", "seen": "x"}])
    for name in ("old", "vague", "missing"):
        with pytest.raises(LexiconError) as err:
            lexicons.entries(name)
        assert name in err.value.user_message


def test_extra_fields_travel_with_the_entry(lexicon_dir):
    _write(lexicon_dir, "abbr", [{"term": "snv", "expansion": "sở nội vụ", "why": "administrative vocabulary",
                                  "seen": "corpus/a.txt"}])
    assert lexicons.mapping("abbr", "expansion") == {"snv": "sở nội vụ"}
    assert lexicons.entries("abbr")[0].seen == "corpus/a.txt"


def test_refresh_fills_seen_from_a_document_and_keeps_one_line_per_entry(lexicon_dir):
    _write(lexicon_dir, "demo", [{"term": "ủy ban nhân dân", "why": "administrative vocabulary", "seen": ""}])
    assert build.refresh("demo") == 1
    text = (lexicon_dir / "demo.json").read_text(encoding="utf-8")
    assert text.count("\n") == 3  # head, the entry, the close
    assert lexicons.entries("demo")[0].seen.endswith(".txt")


@pytest.mark.parametrize("phrase, kept", [
    ("Tổng hợp ý kiến góp ý dự thảo quy chế", ["y", "kien", "du", "thao"]),
    ("các kiến nghị sau kiểm tra", ["kien", "nghi"]),
    ("lịch làm việc của đoàn", ["lich", "lam"]),  # "việc" alone stays a function word ("việc kiểm tra")
    ("dự án đầu tư công nào", ["du", "an"]),
])
def test_words_of_a_topic_keep_every_syllable(phrase, kept):
    """ "dự", "kiến" and "làm" are halves of topic words ("dự thảo", "kiến nghị", "làm việc"), not function words."""
    from textnorm.terms import content_terms

    terms = content_terms(phrase)
    assert all(k in terms for k in kept), terms


def test_portal_lines_of_the_lexicon_are_chrome_only_as_whole_lines():
    from ingest.boundaries import is_web_chrome

    for entry in lexicons.entries("portal_chrome"):
        line = entry.term + (" của văn bản này" if entry.field("line") == "starts" else "")
        assert is_web_chrome(line), entry.term
        # a sentence of the body that uses the words is text, never dropped
        assert not is_web_chrome(f"Các sở báo cáo kết quả, {entry.term.lower()} theo quy định."), entry.term


@pytest.mark.parametrize("question", ["Các xã phải làm gì?", "cac xa phai lam gi", "Đoàn dự kiến kiểm tra khi nào?"])
def test_a_question_phrase_is_set_aside_as_a_whole(question):
    """ "làm gì" asks and "dự kiến" hedges: the phrase carries no topic, its syllables elsewhere do."""
    from textnorm.terms import content_terms

    terms = content_terms(question)
    assert "lam" not in terms and "du" not in terms and "kien" not in terms, terms
