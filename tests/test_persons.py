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
    ],
)
def test_officials_named_in_news_items(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_persons(text)] == expected
