"""A team's head asked is read where it is the asked team's (session 26, A26): a sentence must give the post a holder
("… làm Trưởng đoàn", "Trưởng đoàn: …"), its page must write the team's name as the question does, and a page of
another province than those writing the place asked heads no team sent there. Main's reading (``states_fact`` on the
whole unit) took any post with any name or body nearby. The near-misses stay answered: the team's own page, a question
asking more than the head, a page of no province known.
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.absence import other_team_head
from assistant.evidence import AskedFact, states_fact

HEAD = AskedFact("role", ("truong", "doan"))


def _unit(text, doc_id="d", tinh=""):
    result = SimpleNamespace(passage=SimpleNamespace(text=text, doc_id=doc_id), doc_metadata={"tinh": tinh})
    return SimpleNamespace(text=text, result=result, doc_id=doc_id)


def _asks(question):
    return SimpleNamespace(original=question, text="")


def test_a_post_only_referred_to_has_no_holder():
    asks = _asks("Trưởng đoàn Kiểm tra công vụ của thành phố năm 2018 là ai?")
    referred = _unit("Nhiệm vụ cụ thể của các Phó Trưởng đoàn Kiểm tra và các thành viên do Trưởng đoàn Kiểm tra phân "
                     "công. Trong quá trình thực hiện nhiệm vụ, Đoàn Kiểm tra được sử dụng con dấu của Sở Nội vụ, "
                     "Thanh tra thành phố để phục vụ hoạt động của Đoàn theo phân công của Trưởng đoàn Kiểm tra.")
    assert states_fact(referred.text, HEAD)  # main's reading: the post and a body written in the unit
    assert other_team_head([referred], HEAD, asks) == "kiem tra cong vu"


def test_another_teams_head_is_no_head_of_the_team_asked():
    asks = _asks("Trưởng đoàn Kiểm tra công vụ của thành phố năm 2018 là ai?")
    other = _unit("UBND tỉnh vừa ban hành Quyết định số 486/QĐ-UBND ngày 27-2-2018 về việc thành lập Đoàn kiểm tra "
                  "công tác cải cách hành chính (CCHC) của tỉnh năm 2018, với 21 thành viên, do ông Trương Văn Đức, "
                  "Phó Giám đốc Sở Nội vụ làm Trưởng đoàn.")
    assert states_fact(other.text, HEAD)
    assert other_team_head([other], HEAD, asks) == "kiem tra cong vu"
    own = _unit("Đoàn Kiểm tra công vụ năm 2018 của thành phố do ông Lê Văn Hùng, Giám đốc Sở Nội vụ làm Trưởng "
                "đoàn.")
    assert other_team_head([other, own], HEAD, asks) == ""


def test_another_provinces_head_is_no_head_of_the_team_sent_to_the_commune():
    asks = _asks("Ai là trưởng Đoàn kiểm tra công tác CCHC tại xã Tân Kỳ năm 2021?")
    city = _unit("Giám đốc Sở Nội vụ quyết định thành lập Đoàn kiểm tra công tác CCHC của Thành phố, gồm đại diện: "
                 "Văn phòng UBND Thành phố, Thanh tra Thành phố; lãnh đạo Sở Nội vụ làm Trưởng đoàn kiểm tra.",
                 doc_id="ha-noi", tinh="Hà Nội")
    commune = _unit("Ngày 17/9, Đoàn kiểm của UBND huyện đã kiểm tra công tác CCHC nhà nước năm 2021 tại xã Tân Kỳ.",
                    doc_id="hai-duong", tinh="Hải Dương")
    assert states_fact(city.text, HEAD)
    assert other_team_head([city], HEAD, asks, units=[city, commune]) == "kiem tra cong tac"
    # no page writes the place asked: the province of the place is not known, the head stays
    assert other_team_head([city], HEAD, asks, units=[city]) == ""


def test_near_misses_stay_answered():
    # a page naming no place, the head given in its sentence (freshdocs6 L15's shape, asked alone)
    asks = _asks("Ai là trưởng đoàn kiểm tra CCHC 9 tháng năm 2022 của thị xã Hồng Lĩnh?")
    page = _unit("Tham gia đoàn có đại diện các phòng: Nội vụ, VHTT, Tư pháp, Thanh tra do đồng chí Đào Minh Sơn - "
                 "Trưởng phòng Nội vụ làm trưởng đoàn.", tinh="Hà Tĩnh")
    assert other_team_head([page], HEAD, asks, units=[page]) == ""
    # a question asking more than the head is answered in part by what the page gives
    two = _asks("Thành phố lập Đoàn Kiểm tra công vụ năm 2018 gồm bao nhiêu thành viên, ai là Trưởng đoàn?")
    referred = _unit("Các thành viên do Trưởng đoàn Kiểm tra phân công.")
    assert other_team_head([referred], HEAD, two) == ""
    # a post held in apposition
    ban = AskedFact("role", ("truong", "ban"))
    held = _unit("Phó Thủ tướng thường trực Nguyễn Sinh Hùng,Trưởng Ban Chỉ đạo Quốc gia có ý kiến như sau:")
    assert other_team_head([held], ban, _asks("Trưởng Ban Chỉ đạo Quốc gia Đại lễ 1000 năm Thăng Long là ai?")) == ""


def test_a_place_with_an_apostrophe_is_found_written_however_it_is_typed():
    # the district asked "Đắk R'lấp" (a typed apostrophe), a page's own "Đăk R’lấp" (a typographic one): that page
    # writes the place, so its province is the place's and another province's head is no head of the team sent there
    # (before, the page's fold split "r lap" and no page was found writing the place: the head stayed)
    asks = _asks("Ai là trưởng Đoàn kiểm tra công tác CCHC tại huyện Đắk R'lấp năm 2021?")
    city = _unit("Giám đốc Sở Nội vụ quyết định thành lập Đoàn kiểm tra công tác CCHC của Thành phố; lãnh đạo Sở Nội "
                 "vụ làm Trưởng đoàn kiểm tra.", doc_id="ha-noi", tinh="Hà Nội")
    district = _unit("Ngày 17/9, UBND tỉnh kiểm tra công tác CCHC năm 2021 tại huyện Đăk R’lấp.", doc_id="dak-nong",
                     tinh="Đắk Nông")
    assert other_team_head([city], HEAD, asks, units=[city, district]) == "kiem tra cong tac"
    # the district's own page heads its team, however the apostrophe is typed
    own = _unit("Đoàn kiểm tra công tác CCHC tại huyện Đắk R'lấp do ông Lê Văn Hùng làm Trưởng đoàn.",
                doc_id="dak-nong-2", tinh="Đắk Nông")
    assert other_team_head([city, own], HEAD, asks, units=[city, district, own]) == ""
