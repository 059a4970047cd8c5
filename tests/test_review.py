"""The reviewers' verdicts (who and when, several per citation), the review queue and per-document shares (issue 20)."""

from __future__ import annotations

import sqlite3

from assistant.feedback import FeedbackStore
from assistant.history import ConversationStore
from assistant.review import answer_key, document_reviews, recorded_citations, review_queue
from assistant.types import Answer, Citation, Turn

HA_NAM = "ha-nam-2022-kh-ubnd-kiem-tra-cchc"
KIEN_GIANG = "kien-giang-2021-36-kh-ubnd-kiem-tra-cchc"


def _cite(n: int, doc_id: str, quote: str) -> Citation:
    return Citation(n=n, doc_id=doc_id, title="Kế hoạch kiểm tra CCHC", source=f"{doc_id}.txt", section="",
                    quote=quote, start=10 * n, end=10 * n + len(quote), label=doc_id)


def _turn(question: str, *cites: Citation, mode: str = "grounded") -> Turn:
    text = "Trả lời " + " ".join(f"[{c.n}]" for c in cites) + "."
    return Turn(question, Answer(question, text, citations=list(cites), mode=mode))


def _judge(store: FeedbackStore, key: str, citation: Citation, verdict: str, reviewer: str = "", name: str = "",
           comment: str = "") -> int:
    return store.review(key, "Câu hỏi?", "Trả lời [1].", citation.to_dict(), verdict, comment, reviewer=reviewer,
                        reviewer_name=name)


def test_two_reviewers_are_both_kept_and_their_disagreement_listed(tmp_path):
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    cite = _cite(1, HA_NAM, "Sở Y tế: quý III")
    _judge(store, "cabct0", cite, "dung", "lan", "Nguyễn Thị Lan")
    _judge(store, "cabct0", cite, "sai", "minh", "Trần Văn Minh", "Không phải quý III")
    rows = store.verdicts_of("cabct0", 1)
    assert [(r.reviewer, r.who, r.verdict, r.comment) for r in rows] == [
        ("lan", "Nguyễn Thị Lan", "dung", ""), ("minh", "Trần Văn Minh", "sai", "Không phải quý III")]
    assert all(r.created_at.endswith("+07:00") for r in rows)
    (disagreement,) = store.disagreements()
    assert [(r.who, r.verdict) for r in disagreement] == [("Nguyễn Thị Lan", "dung"), ("Trần Văn Minh", "sai")]
    assert store.verdicts_of("cabct0", 2) == [] and store.reviewed_numbers("cabct0") == {1}


def test_one_reviewers_later_verdict_replaces_their_own(tmp_path):
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    cite = _cite(2, KIEN_GIANG, "Sở Nội vụ")
    first = _judge(store, "cabct1", cite, "sai", "lan", "Nguyễn Thị Lan", "Sai sở")
    again = _judge(store, "cabct1", cite, "dung", "lan", "Nguyễn Thị Lan")
    assert first == again
    assert [(r.verdict, r.comment) for r in store.verdicts_of("cabct1", 2)] == [("dung", "")]
    assert store.disagreements() == []
    # an anonymous verdict is one more reviewer ("ẩn danh"), not a replacement of Lan's
    _judge(store, "cabct1", cite, "sai")
    assert [r.who for r in store.verdicts_of("cabct1", 2)] == ["Nguyễn Thị Lan", "ẩn danh"]
    assert len(store.disagreements()) == 1


OLD_SCHEMA = """CREATE TABLE citation_reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT NOT NULL, answer_key TEXT NOT NULL, question TEXT NOT NULL,
    answer_text TEXT NOT NULL, n INTEGER NOT NULL, doc_id TEXT NOT NULL, doc_label TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, quote TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('dung', 'sai', 'khong_ro')), comment TEXT NOT NULL DEFAULT '',
    UNIQUE (answer_key, n))"""


def test_a_database_from_before_reviewers_is_migrated_keeping_its_verdicts(tmp_path):
    path = tmp_path / "feedback.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(OLD_SCHEMA)
        conn.execute('INSERT INTO citation_reviews (created_at, answer_key, question, answer_text, n, doc_id, '
                     'doc_label, start, "end", quote, verdict, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                     ("2026-11-30T09:00:00+07:00", "cabct0", "Sở nào?", "Sở Y tế [1].", 1, HA_NAM, "KH Hà Nam", 0, 7,
                      "Sở Y tế", "sai", "cũ"))
    conn.close()
    store = FeedbackStore(path)
    (old,) = store.list_reviews()
    assert (old.reviewer, old.who, old.verdict, old.comment, old.created_at) == (
        "", "ẩn danh", "sai", "cũ", "2026-11-30T09:00:00+07:00")
    _judge(store, "cabct0", _cite(1, HA_NAM, "Sở Y tế"), "dung", "lan", "Nguyễn Thị Lan")
    assert [(r.who, r.verdict) for r in store.verdicts_of("cabct0", 1)] == [("ẩn danh", "sai"),
                                                                           ("Nguyễn Thị Lan", "dung")]
    # a second store on the migrated file (another process) neither migrates again nor loses a row
    assert len(FeedbackStore(path).list_reviews()) == 2


def _recorded(tmp_path):
    conversations = ConversationStore(tmp_path / "c.sqlite3")
    first, second = conversations.create("trình-duyệt-1"), conversations.create("trình-duyệt-2")
    conversations.add_turn(first, _turn("Hà Nam kiểm tra sở nào?", _cite(1, HA_NAM, "Sở Y tế"),
                                        _cite(2, KIEN_GIANG, "Sở Nội vụ")))
    conversations.add_turn(second, _turn("Kiên Giang kiểm tra khi nào?", _cite(1, KIEN_GIANG, "quý III"), mode="llm"))
    conversations.add_turn(first, _turn("Còn quý IV?", _cite(1, HA_NAM, "quý IV")))
    return first, second, recorded_citations(conversations.recorded_turns())


def test_queue_gives_the_next_unreviewed_citation_of_every_answer_oldest_first(tmp_path):
    first, second, recorded = _recorded(tmp_path)
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    queue = review_queue(recorded, store.list_reviews())
    assert [(q.key, q.citation.n) for q in queue] == [(answer_key(first, 0), 1), (answer_key(second, 0), 1),
                                                      (answer_key(first, 1), 1)]
    _judge(store, answer_key(first, 0), queue[0].citation, "dung", "lan", "Nguyễn Thị Lan")
    queue = review_queue(recorded, store.list_reviews())
    assert [(q.key, q.citation.n) for q in queue][0] == (answer_key(first, 0), 2)
    # filters: by document, by answer mode
    assert [(q.key, q.citation.n) for q in review_queue(recorded, store.list_reviews(), doc_ids=(HA_NAM,))] == [
        (answer_key(first, 1), 1)]
    assert [q.key for q in review_queue(recorded, store.list_reviews(), modes=("llm",))] == [answer_key(second, 0)]
    # another reviewer still has Lan's citation to judge when asking for their own queue
    mine = review_queue(recorded, store.list_reviews(), reviewer="minh")
    assert [(q.key, q.citation.n) for q in mine][0] == (answer_key(first, 0), 1)


def test_per_document_share_of_wrong_and_unreviewed(tmp_path):
    first, second, recorded = _recorded(tmp_path)
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    _judge(store, answer_key(first, 0), _cite(2, KIEN_GIANG, "Sở Nội vụ"), "sai", "lan", "Nguyễn Thị Lan")
    _judge(store, answer_key(first, 0), _cite(2, KIEN_GIANG, "Sở Nội vụ"), "dung", "minh", "Trần Văn Minh")
    _judge(store, answer_key(first, 0), _cite(1, HA_NAM, "Sở Y tế"), "dung", "lan", "Nguyễn Thị Lan")
    stats = {d.doc_id: d for d in document_reviews(recorded, store.list_reviews())}
    assert (stats[KIEN_GIANG].citations, stats[KIEN_GIANG].unreviewed, stats[KIEN_GIANG].share_wrong) == (2, 1, 0.5)
    assert (stats[HA_NAM].citations, stats[HA_NAM].unreviewed, stats[HA_NAM].share_wrong) == (2, 1, 0.0)
    assert stats[HA_NAM].share_unreviewed == 0.5
