"""Officials named in news items (schema: PERSON), hand-worked cases, and the
people's names that are places or institutions, which are not PERSON."""

from __future__ import annotations

import pytest

from pipeline.entities.persons import find_persons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chuyên môn.\n\nĐồng Thị Kiều Oanh, Giám đốc Sở Nội vụ phát biểu", ["Đồng Thị Kiều Oanh"]),
        ("Tại Hội nghị, Trần Văn Bình, Phó Giám đốc Sở Nội vụ cho biết", ["Trần Văn Bình"]),
        ("Tại Hội nghị, đồng chí Nguyễn Văn Sửu, Phó Chủ tịch UBND thành phố phát biểu.", ["Nguyễn Văn Sửu"]),
        ("Ông Lê Văn Hòa cho biết", ["Lê Văn Hòa"]),
        ("Học viện Chính trị quốc gia Hồ Chí Minh, Giám đốc các sở", []),
        ("học tập và làm theo tư tưởng Hồ Chí Minh, Chủ tịch", []),
        ("bà con dân tộc thiểu số", []),
        ("đồng chí Bí thư Tỉnh ủy", []),
        ("đường Hoàng Văn Thụ, thành phố Lạng Sơn", []),
        # bylines and photo credits (D11.2): pen names, with no surname
        ("Quang cảnh lớp tập huấn. Ảnh: Minh Tuấn\n", ["Minh Tuấn"]),
        ("Quang cảnh hội nghị. (Ảnh: Hoàng Phúc)", ["Hoàng Phúc"]),
        ("Ảnh: Quang cảnh Hội nghị sơ kết.", []),
        ("bồi dưỡng cho cán bộ.\n\nThu Trang\n\nChia sẻ | In bài | Gửi email\n", ["Thu Trang"]),
        ("bồi dưỡng cho cán bộ.\n\nThu Trang\n\nII. NHIỆM VỤ\n", []),  # a name line only before chrome
        # a later mention by the given name (D11.14), not the province "Bà Rịa"
        ("bà Lê Thị Thanh Hòa, Giám đốc Sở Nội vụ cho biết. Bà Hòa cũng chỉ ra", ["Lê Thị Thanh Hòa", "Hòa"]),
        ("Theo bà Nguyệt, chương trình gồm 4 chuyên đề", ["Nguyệt"]),
        ("tỉnh Bà Rịa - Vũng Tàu", []),
        ("số 12 đường Bà Triệu, thành phố Thanh Hóa", []),
        # round 8: an academic title is a cue, outside the name
        ("Phát biểu bế giảng, TS. Nguyễn Văn Sơn, Phó Hiệu trưởng Trường Chính trị", ["Nguyễn Văn Sơn"]),
        ("Dự có PGS.TS Trần Thị Hoa, Giám đốc Học viện.", ["Trần Thị Hoa"]),
        # trainees named in a list, with the surnames of ethnic minorities
        (
            "Ba học viên Hoàng Văn Chiến, Đặng Thị Lan và Ma Thị Hường được tặng giấy khen.",
            ["Hoàng Văn Chiến", "Đặng Thị Lan", "Ma Thị Hường"],
        ),
        ("đồng chí Bàn Văn Thịnh, Phó Chủ tịch UBND xã Bình Xa", ["Bàn Văn Thịnh"]),
        # a place after a comma is no next name (two syllables)
        ("ông Lê Văn Tám, Hà Nội và Lâm Đồng", ["Lê Văn Tám"]),
        # a photo credit in capitals
        ("thông qua nghị quyết. Ảnh: THẢO NGUYÊN\n\nTrình bày", ["THẢO NGUYÊN"]),
        # a lower-case word is no part of a name, whatever its first letter ("đ", "ư")
        ("Ông Nguyễn Văn An được khen thưởng", ["Nguyễn Văn An"]),
        ("Bà Đặng Thị Lan đã phát biểu", ["Đặng Thị Lan"]),
        # round 10: an office right before the name, no body between
        ("Thứ trưởng Lò Văn Thanh phát biểu tổng kết.", ["Lò Văn Thanh"]),
        ("Phó Giám đốc Trần Thị Hoa và Nông Văn Dũng dự lớp.", ["Trần Thị Hoa", "Nông Văn Dũng"]),
        ("Giám đốc Sở Nội vụ yêu cầu", []),
        # round 11: the author in a portal's byline bar, before or after the date
        ("Thứ Hai, 15/09/2025 16:20 | Lượt xem: 1.284 | Minh Phương\n", ["Minh Phương"]),
        ("Minh Khôi | 20/11/2025 - 16:05 | Lượt xem: 1.284\n", ["Minh Khôi"]),
        ("Trang chủ | Tin tức | Minh Phương\n", []),  # no counter: a menu
    ],
)
def test_officials_named_in_news_items(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_persons(text)] == expected


@pytest.mark.parametrize(
    ("text", "person", "kept"),
    [
        ("LĐLĐ TỈNH QUẢNG TRỊ\nQuảng Trị, ngày 06 tháng 01 năm 2026", "Quảng Trị", False),
        ("Giám đốc Đại học Thái Nguyên phê duyệt", "Thái Nguyên", False),
        ("khu vực Đồng bằng sông Cửu Long", "Cửu Long", False),
        ("Phó Chủ tịch UBND tỉnh Trần Minh Khôi dự hội nghị", "Trần Minh Khôi", True),
        ("Ông Nguyễn Văn Thắng cho biết", "Nguyễn Văn Thắng", True),
        ("(Website Văn Phòng) - Ngày 15/5/2020, Phó Chủ tịch", "Website Văn Phòng", False),
        ("Bà Nguyễn Thị Phòng phát biểu", "Nguyễn Thị Phòng", True),
    ],
)
def test_a_person_the_tagger_found_in_a_place_or_a_source_credit_is_dropped(text: str, person: str, kept: bool) -> None:
    from pipeline.entities.persons import drop_non_persons

    start = text.index(person)
    span = (start, start + len(person), "PERSON", 0.9)
    assert drop_non_persons(text, [span]) == ([span] if kept else [])


def test_a_byline_bar_keeps_its_author_and_date_and_the_rest_of_the_chrome_nothing(nlp) -> None:
    text = (
        "Trang chủ | Tin tức | Văn bản\n"
        "Thứ Hai, 15/09/2025 16:20 | Lượt xem: 1.284 | Minh Phương\n"
        "Chia sẻ: Facebook | Zalo | Email | In bài\n\n"
        "Sáng 14/9, Sở Nội vụ tổ chức lớp bồi dưỡng.\n\n"
        "Tin liên quan:\n- Khai giảng lớp bồi dưỡng năm 2025 (12/09/2025)\n"
    )
    assert [(e.label_, e.text) for e in nlp(text).ents if e.start_char < text.index("Sáng")] == [
        ("DATE", "15/09/2025"),
        ("PERSON", "Minh Phương"),
    ]
    assert [e.text for e in nlp(text).ents if e.start_char > text.index("Tin liên quan")] == []
