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
    ],
)
def test_officials_named_in_news_items(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_persons(text)] == expected
