"""The agency grammar on the names of bodies that plans from other provinces
assign duties to, most of them absent from the corpus: each name, written in
a duty sentence, must come out whole, and nothing else with it."""

from __future__ import annotations

import pytest

from pipeline.entities.agencies import find_agencies

NAMES = [
    "Sở Giáo dục và Đào tạo",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Ban Dân tộc tỉnh",
    "Liên đoàn Lao động tỉnh",
    "Tỉnh đoàn",
    "Hội Liên hiệp Phụ nữ tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Bộ Chỉ huy Quân sự tỉnh",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "UBND các xã, phường, thị trấn",
    "Đài Phát thanh và Truyền hình tỉnh",
    "Kho bạc Nhà nước tỉnh",
    "Trường Đại học Tây Bắc",
    "Ủy ban nhân dân huyện Mường La",
    "UBND tỉnh Phú Yên",
    "Viện Hàn lâm Khoa học xã hội Việt Nam",
    "Phòng Tài chính - Kế hoạch huyện",
    "các tổ chức chính trị - xã hội tỉnh",
    # round 8: whose units they are, school levels, the Party's district committees,
    # the special zones of the two-level reform, state groups that train officials
    "Thủ trưởng các đơn vị thuộc Bộ",
    "Các đơn vị sự nghiệp công lập thuộc UBND tỉnh",
    "các trường mầm non, tiểu học, trung học cơ sở trực thuộc",
    "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy",
    "Ban Thường vụ các đảng ủy xã, thị trấn",
    "UBND các xã, phường, đặc khu",
    "các tổ chức chính trị - xã hội xã",
    "Viettel Tuyên Quang",
    "VNPT Huế",
    "Phó Hiệu trưởng Trường Chính trị tỉnh",
]


def test_a_numbered_document_after_and_is_not_part_of_the_name() -> None:
    text = "Căn cứ Kế hoạch số 112/KH-UBND của UBND tỉnh Đắk Nông và Kế hoạch số 86/KH-UBND của UBND huyện;"
    assert [text[s:e] for s, e in find_agencies(text)] == ["UBND tỉnh Đắk Nông", "UBND huyện"]
    inside = "Giao Sở Kế hoạch và Đầu tư chủ trì."  # "và" inside a name goes on
    assert [inside[s:e] for s, e in find_agencies(inside)] == ["Sở Kế hoạch và Đầu tư"]


@pytest.mark.parametrize("name", NAMES)
def test_a_body_named_in_a_duty_sentence_comes_out_whole(name: str) -> None:
    text = f"Giao {name} chủ trì thực hiện."
    assert [text[s:e] for s, e in find_agencies(text)] == [name]


def test_the_communes_of_a_target_group_are_not_a_body() -> None:
    text = "cán bộ, công chức ở xã, phường, thị trấn và những người hoạt động không chuyên trách"
    assert find_agencies(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every plan's title: "CÁN BỘ" is officials, not the ministry head "BỘ"
        ("KẾ HOẠCH ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC TỈNH KON TUM NĂM 2022", []),
        ("QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH KẾ HOẠCH", []),
        ("TRIỂN KHAI ĐỒNG BỘ CÁC GIẢI PHÁP", []),
        # a non-governmental organisation, and "Thanh tra" as the activity
        ("quản lý tổ chức hội, tổ chức phi Chính phủ; văn thư", []),
        ("Thanh tra Sở Nội vụ sẽ tiến hành Thanh tra các nội dung sau", ["Thanh tra Sở Nội vụ"]),
        # a name in capitals ends on a whole word, not on the first letter of "NĂM"
        ("UBND TỈNH KON TUM NĂM 2022", ["UBND TỈNH KON TUM"]),
        ("CĂN CỨ NGHỊ QUYẾT CỦA HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NAM", ["HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG NAM"]),
    ],
)
def test_titles_in_capitals(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_agencies(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Tổ chức tỉnh ủy chủ trì.", ["Ban Tổ chức tỉnh ủy"]),  # "tỉnh ủy" is a name
        ("Phòng Nội vụ thị xã Sơn Tây", ["Phòng Nội vụ thị xã Sơn Tây"]),
        # the Party's collectives
        ("Các cấp ủy, tổ chức đảng quán triệt Quy định.", ["Các cấp ủy, tổ chức đảng"]),
        # a minister is no ministry; the minister of a ministry is named with it
        ("- Bộ trưởng (để b/c);", []),
        ("KT. BỘ TRƯỞNG", []),
        ("Bộ trưởng Bộ Nội vụ ký", ["Bộ trưởng Bộ Nội vụ"]),
        # a commune's authority in a header, over a line break, as a province's
        ("ỦY BAN NHÂN DÂN\nXÃ EA KAR\n\nSố: 12/KH-UBND", ["ỦY BAN NHÂN DÂN\nXÃ EA KAR"]),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", []),
    ],
)
def test_round_6_names(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_agencies(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 11 (set M): a name ends before "tự", "mỗi", "dự" (attends), "khai giảng"
        ("Cục Thuế tự tổ chức 05 lớp tập huấn.", ["Cục Thuế"]),
        ("Trường Hải quan Việt Nam mỗi năm mở 02 lớp.", ["Trường Hải quan Việt Nam"]),
        ("UBND tỉnh Bắc Ninh khai giảng lớp bồi dưỡng.", ["UBND tỉnh Bắc Ninh"]),
        ("Sở Nội vụ bảo đảm kinh phí.", ["Sở Nội vụ"]),
        # ... and goes on over "khai", "bảo", "dự" inside a name
        ("Phòng Kê khai - Kế toán thuế tổ chức tập huấn.", ["Phòng Kê khai - Kế toán thuế"]),
        ("Trung tâm Khảo thí và Đảm bảo chất lượng tổ chức thi.", ["Trung tâm Khảo thí và Đảm bảo chất lượng"]),
        ("Ban Quản lý dự án chủ trì.", ["Ban Quản lý dự án"]),
        ("Phó Tổng cục trưởng Tổng cục Hải quan phát biểu.", ["Phó Tổng cục trưởng Tổng cục Hải quan"]),
    ],
)
def test_round_11_names(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_agencies(text)] == expected


@pytest.mark.parametrize("region", ["Đông Nam Bộ", "Tây Nam Bộ", "Bắc Trung Bộ", "Nam Trung Bộ"])
def test_a_region_named_with_bo_is_no_ministry(region: str) -> None:
    from pipeline.entities.context_agencies import drop_ruled_out_agencies

    text = f"Lớp cho các xã vùng {region} và Bộ Tư pháp"
    spans = [
        (text.index(region), text.index(region) + len(region), "AGENCY", 0.9),
        (text.index("Bộ Tư pháp"), len(text), "AGENCY", 0.9),
    ]
    assert [text[s:e] for s, e, _, _ in drop_ruled_out_agencies(text, spans)] == ["Bộ Tư pháp"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 12 (set N): "cần" (must) ends a name, except in "Hậu cần" (logistics)
        ("Phòng Hậu cần - Kỹ thuật bảo đảm kinh phí.", ["Phòng Hậu cần - Kỹ thuật"]),
        ("Sở Nội vụ cần tổ chức tốt các lớp.", ["Sở Nội vụ"]),
    ],
)
def test_round_12_names(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in find_agencies(text)] == expected
