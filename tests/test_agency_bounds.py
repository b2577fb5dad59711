"""AGENCY ends fixed by rule: verbs, office-holders' names, enumerated local
levels and lone head nouns (sentences written for the test)."""

from __future__ import annotations

import pytest

from pipeline.entities.agency_bounds import trim_agencies


def _trim(text: str, agency: str) -> list[tuple[str, str]]:
    start = text.index(agency)
    spans = [(start, start + len(agency), "AGENCY", 0.9)]
    return [(text[s:e], label) for s, e, label, _ in trim_agencies(text, spans)]


@pytest.mark.parametrize(
    "text, tagged, expected",
    [
        (
            "Thông tư số 36/2018/TT-BTC của Bộ Tài chính Hướng dẫn việc lập dự toán",
            "Bộ Tài chính Hướng",
            [("Bộ Tài chính", "AGENCY")],
        ),
        ("gửi Sở Nội vụ trình UBND tỉnh phê duyệt.", "UBND tỉnh phê duyệt", [("UBND tỉnh", "AGENCY")]),
        # the subject's predicate is outside; "Ban Tổ chức", "các cơ quan, tổ chức" are names
        (
            "Ủy ban nhân dân các huyện, thành phố tổ chức triển khai thực hiện.",
            "Ủy ban nhân dân các huyện, thành phố tổ chức",
            [("Ủy ban nhân dân các huyện, thành phố", "AGENCY")],
        ),
        (
            "Các cơ sở đào tạo trên địa bàn tỉnh cần chủ động phối hợp",
            "Các cơ sở đào tạo trên địa bàn tỉnh cần chủ động",
            [("Các cơ sở đào tạo trên địa bàn tỉnh", "AGENCY")],
        ),
        ("Ban Tổ chức Tỉnh ủy chủ trì", "Ban Tổ chức Tỉnh ủy", [("Ban Tổ chức Tỉnh ủy", "AGENCY")]),
        (
            "phối hợp với Trường Chính trị tỉnh mở 05 lớp bồi dưỡng",
            "Trường Chính trị tỉnh mở",
            [("Trường Chính trị tỉnh", "AGENCY")],
        ),
        ("UBND tỉnh đề nghị các sở", "UBND tỉnh đề nghị", [("UBND tỉnh", "AGENCY")]),
        # a lower-case noun of a name stays ("Ban An toàn giao thông tỉnh")
        (
            "Ban An toàn giao thông tỉnh chủ trì",
            "Ban An toàn giao thông tỉnh",
            [("Ban An toàn giao thông tỉnh", "AGENCY")],
        ),
        # "thanh tra" the verb is no inspectorate
        ("Thanh tra việc thực hiện các quy định", "Thanh tra việc", []),
        ("tiến hành thanh tra đột xuất", "thanh tra đột xuất", []),
        ("Thanh tra tỉnh chủ trì", "Thanh tra tỉnh", [("Thanh tra tỉnh", "AGENCY")]),
        ("Thanh tra Sở Nội vụ chủ trì", "Thanh tra Sở Nội vụ", [("Thanh tra Sở Nội vụ", "AGENCY")]),
        ("mời các cơ quan, tổ chức tham gia", "các cơ quan, tổ chức", [("các cơ quan, tổ chức", "AGENCY")]),
        (
            "Ngày 15/5/2020, Phó Chủ tịch UBND thành phố Hà Nội Nguyễn Văn Sửu ký ban hành Kế hoạch",
            "Phó Chủ tịch UBND thành phố Hà Nội Nguyễn Văn Sửu",
            [("Phó Chủ tịch UBND thành phố Hà Nội", "AGENCY"), ("Nguyễn Văn Sửu", "PERSON")],
        ),
        # institutions and places named after people keep their names
        (
            "tại Trường Chính trị Hoàng Văn Thụ.",
            "Trường Chính trị Hoàng Văn Thụ",
            [("Trường Chính trị Hoàng Văn Thụ", "AGENCY")],
        ),
        (
            "Giám đốc Học viện Chính trị Quốc gia Hồ Chí Minh",
            "Giám đốc Học viện Chính trị Quốc gia Hồ Chí Minh",
            [("Giám đốc Học viện Chính trị Quốc gia Hồ Chí Minh", "AGENCY")],
        ),
        (
            "Chủ tịch UBND huyện, thành phố chịu trách nhiệm thi hành",
            "Chủ tịch UBND huyện",
            [("Chủ tịch UBND huyện, thành phố", "AGENCY")],
        ),
        (
            "chỉ đạo Sở Nội vụ các tỉnh, thành phố trực thuộc TW xây dựng kế hoạch",
            "Sở Nội vụ các tỉnh",
            [("Sở Nội vụ các tỉnh, thành phố trực thuộc TW", "AGENCY")],
        ),
        # a different body after the comma is not a level of this one
        ("UBND tỉnh, Sở Tài chính phối hợp", "UBND tỉnh", [("UBND tỉnh", "AGENCY")]),
        ("Sở Tài chính phối hợp với Sở Kế hoạch và Đầu tư", "Sở", []),
        # two bodies joined by "và", or one name with "và" inside
        (
            "báo cáo đột xuất theo yêu cầu của Bộ Nội vụ và UBND tỉnh.",
            "Bộ Nội vụ và UBND tỉnh",
            [("Bộ Nội vụ", "AGENCY"), ("UBND tỉnh", "AGENCY")],
        ),
        ("phối hợp với Sở Kế hoạch và Đầu tư.", "Sở Kế hoạch và Đầu tư", [("Sở Kế hoạch và Đầu tư", "AGENCY")]),
        (
            "Học viện Báo chí và Tuyên truyền.",
            "Học viện Báo chí và Tuyên truyền",
            [("Học viện Báo chí và Tuyên truyền", "AGENCY")],
        ),
        # the office and the collective qualifier before the body, a head shared by a list
        ("Theo đề nghị của giám đốc Sở Nội vụ tại Tờ trình", "Sở Nội vụ", [("giám đốc Sở Nội vụ", "AGENCY")]),
        (
            "Sở Tài chính; đơn vị sự nghiệp trực thuộc UBND tỉnh; UBND huyện",
            "UBND tỉnh",
            [("đơn vị sự nghiệp trực thuộc UBND tỉnh", "AGENCY")],
        ),
        (
            "cán bộ, công chức trong các cơ quan hành chính nhà nước thuộc UBND tỉnh;",
            "UBND tỉnh",
            [("UBND tỉnh", "AGENCY")],
        ),
        (
            "Quyết định, kế hoạch của Thủ trưởng Sở, ban ngành; đơn vị",
            "Thủ trưởng Sở",
            [("Thủ trưởng Sở, ban ngành", "AGENCY")],
        ),
        # what a body does in a news or duty sentence is outside it, but not the words
        # that restrict a collective ("các cơ quan tham mưu, giúp việc Tỉnh ủy")
        (
            "Sáng 14/3, Sở Thông tin và Truyền thông khai giảng lớp tập huấn.",
            "Sở Thông tin và Truyền thông khai giảng",
            [("Sở Thông tin và Truyền thông", "AGENCY")],
        ),
        ("Sở Tài chính cấp kinh phí cho các cơ quan.", "Sở Tài chính cấp", [("Sở Tài chính", "AGENCY")]),
        ("Phòng Nội vụ lựa chọn giảng viên.", "Phòng Nội vụ lựa chọn", [("Phòng Nội vụ", "AGENCY")]),
        ("UBND cấp huyện bố trí kinh phí", "UBND cấp huyện", [("UBND cấp huyện", "AGENCY")]),
        (
            "- Các cơ quan tham mưu, giúp việc Tỉnh ủy,",
            "Các cơ quan tham mưu, giúp việc Tỉnh ủy",
            [("Các cơ quan tham mưu, giúp việc Tỉnh ủy", "AGENCY")],
        ),
    ],
)
def test_agency_ends(text, tagged, expected):
    assert _trim(text, tagged) == expected


def test_extension_stops_at_the_next_span():
    text = "UBND huyện, thành phố"
    spans = [(0, 10, "AGENCY", 0.9), (12, 21, "TASK", 0.5)]
    assert trim_agencies(text, spans) == spans


@pytest.mark.parametrize(
    "text, tagged, expected",
    [
        # an in-name "và" followed by a word that opens no body (D6.2)
        (
            "cử học viên dự lớp tại Học viện Báo chí và Tuyên truyền.",
            "Học viện Báo chí",
            "Học viện Báo chí và Tuyên truyền",
        ),
        ("Sở Khoa học và Công nghệ chủ trì, phối hợp", "Sở Khoa học", "Sở Khoa học và Công nghệ"),
        (
            "Học viện Chính trị khu vực III, Trường Chính trị tỉnh",
            "Học viện Chính trị",
            "Học viện Chính trị khu vực III",
        ),
        # a second body after "và" stays out: a head, a surname, a lowercase word
        ("Sở Nội vụ và Đài Phát thanh tỉnh,", "Sở Nội vụ", "Sở Nội vụ"),
        ("Sở Nội vụ và Công an tỉnh,", "Sở Nội vụ", "Sở Nội vụ"),
        ("Giám đốc Sở Nội vụ và Nguyễn Văn A;", "Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ"),
        ("Sở Nội vụ và các sở, ngành", "Sở Nội vụ", "Sở Nội vụ"),
        # not at the end of a phrase: "và" joins clauses, not names
        ("Sở Tài chính và Kho bạc Nhà nước tỉnh bố trí", "Sở Tài chính", "Sở Tài chính"),
        ("Sở Nội vụ và Tổng hợp kết quả bồi dưỡng hằng năm", "Sở Nội vụ", "Sở Nội vụ"),
        # the names a head lists after a colon (D6.2), up to the next member of the list
        (
            "Giám đốc các Sở: Nội vụ, Tài chính, Kế hoạch và Đầu tư, thủ trưởng các ngành",
            "Giám đốc các Sở: Nội vụ",
            "Giám đốc các Sở: Nội vụ, Tài chính, Kế hoạch và Đầu tư",
        ),
        (
            "- Các phòng: Tổng hợp, Tài chính, Hành chính;",
            "Các phòng: Tổng hợp",
            "Các phòng: Tổng hợp, Tài chính, Hành chính",
        ),
        ("Sở Nội vụ: Tổng hợp, báo cáo UBND tỉnh.", "Sở Nội vụ", "Sở Nội vụ"),
        # the tagger stopped at the colon of a plural head (D6.2)
        (
            "Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Nội vụ, Tài chính; Giám đốc Kho bạc",
            "Giám đốc các Sở",
            "Giám đốc các Sở: Nội vụ, Tài chính",
        ),
        # a collective restricted by the duty it was given
        (
            "UBND tỉnh yêu cầu các đơn vị, địa phương được giao nhiệm vụ tổ chức triển khai",
            "các đơn vị, địa phương",
            "các đơn vị, địa phương được giao nhiệm vụ",
        ),
        # a typo annotated as written (D6.4)
        ("Sở Tài chính, Sở Kế hoạch, đầu tư\tQuyết định", "Sở Kế hoạch", "Sở Kế hoạch, đầu tư"),
        # "trực thuộc TW" after a local level closes the name even without more levels
        (
            "Bộ Nội vụ chỉ đạo Sở Nội vụ các tỉnh, thành phố trực thuộc TW xây dựng kế hoạch",
            "Sở Nội vụ các tỉnh, thành phố",
            "Sở Nội vụ các tỉnh, thành phố trực thuộc TW",
        ),
    ],
)
def test_names_go_on_after_an_in_name_and_or_a_region_number(text: str, tagged: str, expected: str) -> None:
    assert _trim(text, tagged) == [(expected, "AGENCY")]


def test_glued_office_and_standing_committees():
    """Conversion damage ("Thủtướng") and recipients written "TT TU, TT HĐND" (D2.2)."""
    assert _trim("Quyết định số 1374/QĐ-TTg của Thủtướng Chính phủ về", "Chính phủ") == [
        ("Thủtướng Chính phủ", "AGENCY")
    ]
    assert _trim("- Bộ Nội vụ;\n- TT TU, TT HĐND;\n", "TT TU, TT HĐND") == [("TT TU", "AGENCY"), ("TT HĐND", "AGENCY")]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # the level or the place the tagger left off a name the grammar reads whole (D6.4)
        ("phối hợp với Trung tâm Chính trị huyện, Phòng Nội vụ", "Trung tâm Chính trị", "Trung tâm Chính trị huyện"),
        ("của UBND tỉnh Đắk Nông và Kế hoạch số 86/KH-UBND", "UBND tỉnh", "UBND tỉnh Đắk Nông"),
        # anything else the grammar adds is not taken
        ("Sở Tài chính thẩm định dự toán", "Sở Tài chính", "Sở Tài chính"),
    ],
)
def test_a_name_is_completed_by_its_level_or_place_only(text: str, tagged: str, expected: str) -> None:
    from pipeline.entities.agencies import find_agencies
    from pipeline.entities.agency_bounds import complete_from_grammar

    start = text.index(tagged)
    out = complete_from_grammar(text, [(start, start + len(tagged), "AGENCY", 0.9)], find_agencies(text))
    assert [text[s:e] for s, e, _, _ in out] == [expected]


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # the tagger stopped inside the verb after the name (round 6, set H)
        ("Sở Tài chính cân đối, bố trí kinh phí.", "Sở Tài chính cân", [("Sở Tài chính", "AGENCY")]),
        (
            "Trường Chính trị tỉnh biên soạn tài liệu.",
            "Trường Chính trị tỉnh biên",
            [("Trường Chính trị tỉnh", "AGENCY")],
        ),
        # a lower-case place word ends the name the grammar ran on into the verb
        ("Đề nghị Đảng ủy xã tạo điều kiện cho cán bộ.", "Đảng ủy xã tạo điều", [("Đảng ủy xã", "AGENCY")]),
        (
            "Trung tâm Chính trị huyện tạo điều kiện cho học viên.",
            "Trung tâm Chính trị huyện tạo điều",
            [("Trung tâm Chính trị huyện", "AGENCY")],
        ),
        ("Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội tỉnh", [("Bảo hiểm xã hội tỉnh", "AGENCY")]),  # "xã hội" stays
        (
            "giao UBND các xã phường thị trấn",
            "UBND các xã phường thị trấn",
            [("UBND các xã phường thị trấn", "AGENCY")],
        ),
        # a name never runs over a column gap, nor into the counts of its table row
        (
            "UBND TỈNH ĐỒNG THÁP              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "UBND TỈNH ĐỒNG THÁP              CỘNG HÒA",
            [("UBND TỈNH ĐỒNG THÁP", "AGENCY")],
        ),
        ("1 Sở Tài chính 6 2 12\n", "Sở Tài chính 6 2 12", [("Sở Tài chính", "AGENCY")]),
        # the Home Affairs department for civil servants and public employees is one name
        ("Phòng Công chức, viên chức chủ trì.", "Phòng Công chức", [("Phòng Công chức, viên chức", "AGENCY")]),
        # a three-syllable name after "tỉnh" is the office-holder's, a two-syllable one the province's
        (
            "Phó Chủ tịch UBND tỉnh Trần Minh Khôi chủ trì hội nghị.",
            "Phó Chủ tịch UBND tỉnh Trần Minh Khôi",
            [("Phó Chủ tịch UBND tỉnh", "AGENCY"), ("Trần Minh Khôi", "PERSON")],
        ),
        ("Chủ tịch UBND tỉnh Hà Nam ký.", "Chủ tịch UBND tỉnh Hà Nam", [("Chủ tịch UBND tỉnh Hà Nam", "AGENCY")]),
        # a single surname left after "tỉnh" is the office-holder's, not a province
        (
            "Phát biểu, Chủ tịch HĐND tỉnh Nguyễn Hoàng Phúc đề nghị UBND tỉnh chỉ đạo.",
            "Chủ tịch HĐND tỉnh Nguyễn Hoàng Phúc",
            [("Chủ tịch HĐND tỉnh", "AGENCY"), ("Nguyễn Hoàng Phúc", "PERSON")],
        ),
        # the offices of a school, a department of a ministry
        (
            "Phó Hiệu trưởng Trường Chính trị tỉnh Trần Văn Hải phát biểu.",
            "Phó Hiệu trưởng Trường Chính trị tỉnh Trần Văn Hải",
            [("Phó Hiệu trưởng Trường Chính trị tỉnh", "AGENCY"), ("Trần Văn Hải", "PERSON")],
        ),
        # round 10: a deputy minister and a corporation's head the tagger left outside
        (
            "Thứ trưởng Bộ Dân tộc và Tôn giáo Lò Văn Thanh chủ trì Hội nghị.",
            "Bộ Dân tộc và Tôn giáo Lò Văn Thanh",
            [("Thứ trưởng Bộ Dân tộc và Tôn giáo", "AGENCY"), ("Lò Văn Thanh", "PERSON")],
        ),
        (
            "Tổng Giám đốc Tổng công ty Điện lực miền Bắc Nguyễn Văn Bình ký.",
            "Giám đốc Tổng công ty Điện lực miền Bắc Nguyễn Văn Bình",
            [("Tổng Giám đốc Tổng công ty Điện lực miền Bắc", "AGENCY"), ("Nguyễn Văn Bình", "PERSON")],
        ),
        (
            "Phó Chủ tịch UBND tỉnh Trần Minh Khôi nhấn mạnh: cần đổi mới.",
            "Phó Chủ tịch UBND tỉnh Trần Minh Khôi nhấn mạnh",
            [("Phó Chủ tịch UBND tỉnh", "AGENCY"), ("Trần Minh Khôi", "PERSON")],
        ),
    ],
)
def test_round_6_ends(text: str, tagged: str, expected: list[tuple[str, str]]) -> None:
    assert _trim(text, tagged) == expected


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # the shared office of two elected bodies is one body (D6.2), whatever the tagger cut
        (
            "Giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường rà soát.",
            "Văn phòng Hội đồng nhân dân và Ủy",
            [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường", "AGENCY")],
        ),
        (
            "Văn phòng HĐND và UBND huyện Mường La chủ trì.",
            "Văn phòng HĐND và UBND huyện Mường La",
            [("Văn phòng HĐND và UBND huyện Mường La", "AGENCY")],
        ),
        (
            "Văn phòng Đoàn ĐBQH và HĐND tỉnh phối hợp.",
            "Văn phòng Đoàn ĐBQH",
            [("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "AGENCY")],
        ),
        # a centre or a hospital after "và" is a body of its own (D6.2)
        (
            "Trường Cao đẳng Y tế Phú Thọ và Trung tâm Kiểm soát bệnh tật tỉnh có trách nhiệm.",
            "Trường Cao đẳng Y tế Phú Thọ và Trung tâm Kiểm soát bệnh tật tỉnh",
            [("Trường Cao đẳng Y tế Phú Thọ", "AGENCY"), ("Trung tâm Kiểm soát bệnh tật tỉnh", "AGENCY")],
        ),
        # two bodies with their own heads stay two
        (
            "Bộ Nội vụ và UBND tỉnh chỉ đạo.",
            "Bộ Nội vụ và UBND tỉnh",
            [("Bộ Nội vụ", "AGENCY"), ("UBND tỉnh", "AGENCY")],
        ),
    ],
)
def test_a_joint_office_is_one_body(text: str, tagged: str, expected: list[tuple[str, str]]) -> None:
    assert _trim(text, tagged) == expected


def test_a_joint_office_split_in_two_by_the_tagger_is_joined() -> None:
    text = "Văn phòng HĐND và UBND quận phối hợp."
    a, b = text.index("Văn phòng HĐND"), text.index("UBND quận")
    spans = [(a, a + len("Văn phòng HĐND"), "AGENCY", 0.9), (b, b + len("UBND quận"), "AGENCY", 0.9)]
    assert [(text[s:e], label) for s, e, label, _ in trim_agencies(text, spans)] == [
        ("Văn phòng HĐND và UBND quận", "AGENCY")
    ]


def _complete(text: str, pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    from pipeline.entities.agencies import find_agencies
    from pipeline.entities.agency_bounds import complete_from_grammar, take_back_name_words

    spans = [(text.index(p), text.index(p) + len(p), label, 0.9) for p, label in pieces]
    out = take_back_name_words(text, complete_from_grammar(text, spans, find_agencies(text)))
    return [(text[s:e], label) for s, e, label, _ in sorted(out)]


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        # the second half of a joint name is no start of the duty after it
        (
            "b) Cục Kế hoạch - Tài chính bảo đảm kinh phí thực hiện Kế hoạch.",
            [("Cục Kế hoạch", "AGENCY"), ("Tài chính bảo đảm kinh phí thực hiện Kế hoạch", "TASK")],
            [("Cục Kế hoạch - Tài chính", "AGENCY"), ("bảo đảm kinh phí thực hiện Kế hoạch", "TASK")],
        ),
        # whose units they are: the grammar's name ends where the duty's verb begins
        (
            "c) Thủ trưởng các đơn vị thuộc Bộ cử công chức tham gia các lớp đúng đối tượng.",
            [("Thủ trưởng các đơn vị", "AGENCY"), ("thuộc Bộ cử công chức tham gia các lớp đúng đối tượng", "TASK")],
            [("Thủ trưởng các đơn vị thuộc Bộ", "AGENCY"), ("cử công chức tham gia các lớp đúng đối tượng", "TASK")],
        ),
        # the last word of a name the tagger gave to the duty
        (
            "2. Phối hợp với Học viện Chính trị quốc gia Hồ Chí Minh khai giảng lớp cao cấp lý luận chính trị.",
            [
                ("Học viện Chính trị quốc gia Hồ Chí", "AGENCY"),
                ("Minh khai giảng lớp cao cấp lý luận chính trị", "TASK"),
            ],
            [
                ("Học viện Chính trị quốc gia Hồ Chí Minh", "AGENCY"),
                ("khai giảng lớp cao cấp lý luận chính trị", "TASK"),
            ],
        ),
        # after a place word, the place's whole name (round 9, set K)
        (
            "Phối hợp với Sở Nội vụ tỉnh Bắc Ninh khai giảng lớp bồi dưỡng ngạch chuyên viên.",
            [("Sở Nội vụ tỉnh", "AGENCY"), ("Bắc Ninh khai giảng lớp bồi dưỡng ngạch chuyên viên", "TASK")],
            [("Sở Nội vụ tỉnh Bắc Ninh", "AGENCY"), ("khai giảng lớp bồi dưỡng ngạch chuyên viên", "TASK")],
        ),
        # a header's body broken at the line end, its place in capitals
        (
            "ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH\nSố: 12/KH-UBND",
            [("ỦY BAN NHÂN DÂN", "AGENCY"), ("PHƯỜNG AN BÌNH", "AGENCY")],
            [("ỦY BAN NHÂN DÂN\nPHƯỜNG AN BÌNH", "AGENCY")],
        ),
        (
            "HỘI ĐỒNG NHÂN DÂN\nHUYỆN TÂN LẬP\nSố: 12/NQ-HĐND",
            [("HỘI ĐỒNG NHÂN DÂN", "AGENCY"), ("HUYỆN TÂN LẬP", "AGENCY")],
            [("HỘI ĐỒNG NHÂN DÂN\nHUYỆN TÂN LẬP", "AGENCY")],
        ),
        # two bodies on two lines stay two
        (
            "UBND tỉnh\nSở Nội vụ",
            [("UBND tỉnh", "AGENCY"), ("Sở Nội vụ", "AGENCY")],
            [("UBND tỉnh", "AGENCY"), ("Sở Nội vụ", "AGENCY")],
        ),
        # not a capitalised verb opening the duty
        (
            "Sở Nội vụ Tổ chức các lớp bồi dưỡng kỹ năng số.",
            [("Sở Nội vụ", "AGENCY"), ("Tổ chức các lớp bồi dưỡng kỹ năng số", "TASK")],
            [("Sở Nội vụ", "AGENCY"), ("Tổ chức các lớp bồi dưỡng kỹ năng số", "TASK")],
        ),
    ],
)
def test_a_name_the_tagger_cut_short_takes_its_words_back_from_the_duty(text, pieces, expected) -> None:
    assert _complete(text, pieces) == expected


@pytest.mark.parametrize(
    ("text", "tagged", "expected"),
    [
        # round 12 (set N): a military unit's number belongs to its name ...
        ("Báo cáo Bộ Tư lệnh Quân khu 5 kết quả.", "Bộ Tư lệnh Quân khu", [("Bộ Tư lệnh Quân khu 5", "AGENCY")]),
        ("Phối hợp với Sư đoàn 10 tổ chức.", "Sư đoàn", [("Sư đoàn 10", "AGENCY")]),
        # ... not a count or a date after it
        ("Quân khu 5.000 người", "Quân khu", [("Quân khu", "AGENCY")]),
        # a comma before an office starts the next office-holder, once the part before names a body
        (
            "Chánh Văn phòng Sở, Trưởng các phòng chuyên môn chịu trách nhiệm thi hành.",
            "Chánh Văn phòng Sở, Trưởng các phòng chuyên môn",
            [("Chánh Văn phòng Sở", "AGENCY"), ("Trưởng các phòng chuyên môn", "AGENCY")],
        ),
        # two offices of one body stay one (lang-son-2025's gold)
        (
            "Chủ tịch, Phó Chủ tịch UBND tỉnh chỉ đạo.",
            "Chủ tịch, Phó Chủ tịch UBND tỉnh",
            [("Chủ tịch, Phó Chủ tịch UBND tỉnh", "AGENCY")],
        ),
    ],
)
def test_round_12_ends(text: str, tagged: str, expected: list[tuple[str, str]]) -> None:
    assert _trim(text, tagged) == expected
