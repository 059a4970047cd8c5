"""A question asking when a post was published ("được đăng ngày nào") is answered by the post's own date line
("Ngày đăng: 06/01/2021 - Lượt xem: 99"), not by a line that only carries some time (a schedule's "các ngày tiếp
công dân", a headline's "giai đoạn 2011-2020") (session 25, F25); "đăng ký trước ngày nào" is no such question.
Literal texts, tiny lexical state (no Chroma, no embedder)."""

from __future__ import annotations

from tests.grounded_state import compose, search_results

NOTICE = {"loai_van_ban": "Thông báo", "tinh": "Bắc Kạn", "nam": "2021", "source": "corpus/tb-ngan-son.txt",
          "tieu_de": "Thông báo lịch tiếp công dân của Chủ tịch UBND huyện năm 2021"}
CHUNKS = [
    ("Phần mở đầu", "Ngày đăng: 06/01/2021 - Lượt xem: 99"),
    ("Phần mở đầu", "Thông báo lịch tiếp công dân của Chủ tịch UBND huyện năm 2021"),
    ("1.", "1. Chủ tịch UBND huyện tiếp công dân định kỳ vào các ngày 15 và 25 hàng tháng; công dân đăng ký trước "
           "ngày 10 và 20 hàng tháng."),
    ("2.", "Trong các ngày tiếp công dân định kỳ của Chủ tịch UBND huyện thì lãnh đạo các phòng, ban chuyên môn "
           "tham gia tiếp cùng khi có yêu cầu."),
]


def _direct(text: str) -> str:
    return text.split("Chi tiết:")[0]  # the direct answer, before the support


def test_a_posts_date_asked_is_answered_by_its_date_line():
    answer = compose("Thông báo lịch tiếp công dân năm 2021 của Chủ tịch UBND huyện Ngân Sơn được đăng ngày nào?",
                     search_results("tb-ngan-son", NOTICE, CHUNKS))
    assert "06/01/2021" in _direct(answer.text)[:400], answer.text


def test_a_registration_deadline_asked_is_not_answered_by_the_date_line():
    answer = compose("Công dân muốn được Chủ tịch UBND huyện Ngân Sơn tiếp phải đăng ký trước ngày nào?",
                     search_results("tb-ngan-son", NOTICE, CHUNKS))
    assert "Ngày đăng" not in _direct(answer.text), answer.text
