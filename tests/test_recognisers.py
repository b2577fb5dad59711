"""The deterministic recognisers, table-driven: each row is a piece of plan
text and the spans an annotator following annotations/GUIDELINES.md marks in
it, worked out by hand (clause in the comment). Many rows are forms that no
corpus document has, as a plan from another province would write them."""

from __future__ import annotations

import pytest

from pipeline.entities.patterns import find_all

CASES = [
    # dates (GUIDELINES section 4)
    ("Trong quý IV hàng năm, Sở Nội vụ báo cáo.", [("DATE", "quý IV hàng năm")]),  # D4.1
    ("Hoàn thành trong quý IV/2025.", [("DATE", "quý IV/2025")]),  # D4.2: "trong" outside
    ("Quý III năm 2024", [("DATE", "Quý III năm 2024")]),
    ("Quý I, II năm 2022", [("DATE", "Quý I, II năm 2022")]),  # shared year, as D4.4
    ("đầu quý II/2022", [("DATE", "đầu quý II/2022")]),  # as "cuối năm 2020" (S 12)
    ("Trong quý II và quý III năm 2025.", [("DATE", "quý II và quý III năm 2025")]),  # D4.7
    ("Thời gian: Từ tháng 9/2025 đến tháng 6/2027.", [("DATE", "Từ tháng 9/2025 đến tháng 6/2027")]),  # D4.7
    ("| Tháng 11/2024 |", [("DATE", "Tháng 11/2024")]),  # a table cell opens with a capital
    ("Thời gian: Từ 2021 - 2025", [("DATE", "Từ 2021 - 2025")]),  # D4.3: a range keeps "Từ"
    ("Bảo đảm từ năm 2019, 100% cán bộ", [("DATE", "năm 2019"), ("PERCENT", "100%")]),  # D4.2: not a range
    ("Từ năm 2021, các sở bố trí kinh phí.", [("DATE", "năm 2021")]),
    ("giai đoạn từ năm 2017 đến năm 2020", [("DATE", "giai đoạn từ năm 2017 đến năm 2020")]),  # D4.3
    ("từ ngày 01/3/2021 đến ngày 30/6/2021", [("DATE", "từ ngày 01/3/2021 đến ngày 30/6/2021")]),  # D4.3
    ("Lớp học từ ngày 16/9 đến ngày 25/10/2024 tại Hà Nội.", [("DATE", "từ ngày 16/9 đến ngày 25/10/2024")]),
    ("Tuyển sinh khóa 2026 - 2027 cho cán bộ.", [("DATE", "khóa 2026 - 2027")]),  # D11.27: an intake
    ("Tổ chức trong 6 tháng đầu năm 2022.", [("DATE", "6 tháng đầu năm 2022")]),  # as "nửa đầu năm 2012"
    ("Năm học 2021-2022, tổ chức 05 lớp.", [("DATE", "Năm học 2021-2022"), ("QUOTA", "05 lớp")]),  # as D4.5
    ("Hà Nội, ngày 5 tháng 3 năm 2021", [("DATE", "ngày 5 tháng 3 năm 2021")]),  # D1.5
    ("ban hành ngày 05-02-2021", [("DATE", "ngày 05-02-2021")]),  # schema: "ngày" inside
    ("trước ngày 15/12 hằng năm", [("DATE", "ngày 15/12 hằng năm")]),  # D4.1, D4.2
    ("Trước 01/10 hàng năm", [("DATE", "01/10 hàng năm")]),  # D4.2
    ("đến hết năm 2025", [("DATE", "năm 2025")]),  # D4.2
    ("trong năm 2019, 2020", [("DATE", "năm 2019, 2020")]),  # D4.4
    ("trong năm 2011 và nửa đầu năm 2012", [("DATE", "năm 2011"), ("DATE", "nửa đầu năm 2012")]),  # D4.4
    ("tầm nhìn đến 2030", [("DATE", "2030")]),  # D4.2
    ("Hàng năm, Sở Nội vụ tổng hợp.", []),  # D4.6
    # laws (D3.4): the title, not what follows it; an amending law is one title
    (
        "theo quy định của Luật Ngân sách nhà nước và các văn bản hướng dẫn.",
        [("LEGAL_REF", "Luật Ngân sách nhà nước")],
    ),
    (
        "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức năm 2019;",
        [("LEGAL_REF", "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức năm 2019")],
    ),
    # percentages, quotas, money: bound words inside (schema)
    ("đạt 95 % trở lên", [("PERCENT", "95 % trở lên")]),  # "đạt" is a verb, not a bound word (D5.1)
    ("từ 70% - 80% cán bộ", [("PERCENT", "từ 70% - 80%")]),
    ("cho gần 10.000 cán bộ, đảng viên.", [("QUOTA", "gần 10.000 cán bộ, đảng viên")]),
    ("Bồi dưỡng cho 50 lượt cán bộ, công chức.", [("QUOTA", "50 lượt cán bộ, công chức")]),
    ("đào tạo 120 công chức, viên chức", [("QUOTA", "120 công chức, viên chức")]),
    ("Tổ chức 02 lớp/năm", [("QUOTA", "02 lớp/năm")]),
    ("Dự kiến 1.200 học viên", [("QUOTA", "1.200 học viên")]),  # "Dự kiến" outside
    ("Kinh phí khoảng 1,2 tỷ đồng.", [("MONEY", "khoảng 1,2 tỷ đồng")]),
    ("Kinh phí 500.000.000đ", [("MONEY", "500.000.000đ")]),
    # citations: a following date is separate (D3)
    (
        "Quyết định số 163/QĐ-TTg ngày 25/01/2016 của Thủ tướng",
        [("LEGAL_REF", "Quyết định số 163/QĐ-TTg"), ("DATE", "ngày 25/01/2016")],
    ),
    ("Quyết định số 269 /QĐ-UBND", [("LEGAL_REF", "Quyết định số 269 /QĐ-UBND")]),  # conversion damage
    ("Nghị quyết số 26-NQ/TW", [("LEGAL_REF", "Nghị quyết số 26-NQ/TW")]),
    ("Luật Cán bộ, công chức năm 2008", [("LEGAL_REF", "Luật Cán bộ, công chức năm 2008")]),
    (
        "Nghị quyết số 30c/NQ-CP ngày 08/11/2011",  # a number with a letter
        [("LEGAL_REF", "Nghị quyết số 30c/NQ-CP"), ("DATE", "ngày 08/11/2011")],
    ),
    # a header laid out in columns: the number stops at the tab, the wide gap or the pipe (D9.8)
    (
        "Số: 1845/KH-UBND\tHà Nam, ngày 12 tháng 6 năm 2019",
        [("LEGAL_REF", "1845/KH-UBND"), ("DATE", "ngày 12 tháng 6 năm 2019")],
    ),
    ("Số: 12 /KH-UBND      Thái Bình, ngày 5/3/2013", [("LEGAL_REF", "12 /KH-UBND"), ("DATE", "ngày 5/3/2013")]),
    ("Số: 37/KH-UBND | Thái Bình", [("LEGAL_REF", "37/KH-UBND")]),
    # money: a thousands separator with decimals, a rate, an amount written out (D5.5, D11.3)
    ("gồm 4.567,35 triệu đồng", [("MONEY", "4.567,35 triệu đồng")]),
    ("Tiền ăn 50.000 đồng/người/ngày.", [("MONEY", "50.000 đồng/người/ngày")]),
    (
        "Tổng: 24.500.000 đồng (Hai mươi bốn triệu, năm trăm nghìn đồng).",
        [("MONEY", "24.500.000 đồng"), ("MONEY", "Hai mươi bốn triệu, năm trăm nghìn đồng")],
    ),
    ("Có hai đồng chí tham dự.", []),  # number words before "đồng chí": no amount
    ("trả năm đồng", []),  # one number word and no scale: not an amount written out
    # a news item's day without its year
    ("Sáng 14/3, Sở Nội vụ khai giảng lớp học.", [("DATE", "14/3")]),
    ("tỷ lệ 14/3 lớp", []),  # a ratio, no time of day before it
    # set H (round 6): a count after "/" in a cell, degrees counted, a symbol before a full stop,
    # the Party's numbers without "Số:", months sharing their year
    ("| 01 lớp/45 học viên | Quý I/2026 |", [("QUOTA", "01 lớp"), ("QUOTA", "45 học viên"), ("DATE", "Quý I/2026")]),
    ("Mở 3 lớp, 20 học viên/lớp.", [("QUOTA", "3 lớp"), ("QUOTA", "20 học viên/lớp")]),  # a rate stays one
    ("sau đại học (38 tiến sĩ, 1.208 thạc sĩ)", [("QUOTA", "38 tiến sĩ"), ("QUOTA", "1.208 thạc sĩ")]),
    ("tại Nghị quyết số 12/NQ-HĐND. Mức chi", [("LEGAL_REF", "Nghị quyết số 12/NQ-HĐND")]),
    (
        "TỈNH ỦY CÀ MAU\n*\nSố 46-KH/TU\tCà Mau, ngày 12 tháng 12 năm 2025",
        [("LEGAL_REF", "46-KH/TU"), ("DATE", "ngày 12 tháng 12 năm 2025")],
    ),
    ("<td>Tháng 5 - 7/2026</td>", [("DATE", "Tháng 5 - 7/2026")]),
    ("trong tháng 3 và 4 năm 2026", [("DATE", "tháng 3 và 4 năm 2026")]),
    # numbers the conversion split with a space (GUIDELINES D11.13): read whole when the pieces
    # make a thousands group or a day; "3 20 người" could be two numbers and is left alone
    ("với 1.8 50 lượt người", [("QUOTA", "1.8 50 lượt người")]),
    ("tổng 3.1 00.000.000 đồng", [("MONEY", "3.1 00.000.000 đồng")]),
    ("Quảng Bình, ngày 2 6 tháng 01 năm 2015", [("DATE", "ngày 2 6 tháng 01 năm 2015")]),
    ("trước ngày 1 5/12/2015.", [("DATE", "ngày 1 5/12/2015")]),
    ("gồm 3 20 người", [("QUOTA", "20 người")]),
    # round 7: a split document number after "số" is one number; a symbol's hyphen may end a line
    ("theo Kế hoạch số 4 5/KH-UBND của", [("LEGAL_REF", "Kế hoạch số 4 5/KH-UBND")]),
    ("Công văn số 2 315/SNV-\nCCVC ngày", [("LEGAL_REF", "Công văn số 2 315/SNV-\nCCVC")]),
    ("Nghị quyết số 1 2/2012/NQ-HĐND", [("LEGAL_REF", "Nghị quyết số 1 2/2012/NQ-HĐND")]),
    # a count or an amount broken over two lines is one mention (D0.2)
    ("đạt 126 lượt\nngười", [("QUOTA", "126 lượt\nngười")]),
    ("bồi dưỡng khoảng\n1.500 lượt người", [("QUOTA", "khoảng\n1.500 lượt người")]),
    ("kinh phí khoảng\n1,3 tỷ đồng", [("MONEY", "khoảng\n1,3 tỷ đồng")]),
    ("năm 2023 có 12 lớp\n- Sở Nội vụ", [("DATE", "năm 2023"), ("QUOTA", "12 lớp")]),
    # a heading in capitals without diacritics: "NAM" is "NĂM", but not in a name
    ("I. KET QUA THUC HIEN NAM 2023", [("DATE", "NAM 2023")]),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM 2023", []),
    ("UBND TỈNH QUẢNG NAM 2024", []),
    # round 8: negated bound words are bound words (schema: "tối đa"), ranges written with "đến"
    ("tỷ lệ không quá 2% tổng số", [("PERCENT", "không quá 2%")]),
    ("bố trí không dưới 30 học viên/lớp", [("QUOTA", "không dưới 30 học viên/lớp")]),
    ("gồm từ 45 đến 55 đồng chí", [("QUOTA", "từ 45 đến 55 đồng chí")]),
    ("mức hỗ trợ từ 2 đến 3 triệu đồng/người", [("MONEY", "từ 2 đến 3 triệu đồng/người")]),
    # a law school and a field of study are no law; a title stops at a table cell's end
    (
        "<td>Trường Đại học Luật Hà Nội</td><td>Từ tháng 6 đến tháng 9/2026</td>",
        [("DATE", "Từ tháng 6 đến tháng 9/2026")],
    ),
    ("Đại học ngành Luật, hình thức vừa làm vừa học", []),
    ("<td>Luật Ngân sách nhà nước</td>", [("LEGAL_REF", "Luật Ngân sách nhà nước")]),
    # round 10: a text without diacritics keeps its full dates; "ngay" alone is "at once"
    ("gui ve Cuc truoc ngay 25/8/2025 (ban mem", [("DATE", "ngay 25/8/2025")]),
    ("trien khai ngay 3 tháng sau", []),
    # counted groups: sympathisers of the Party, courses; topics are content (D5.4)
    ("Lớp cảm tình Đảng: 01 lớp, 60 quần chúng;", [("QUOTA", "01 lớp"), ("QUOTA", "60 quần chúng")]),
    ("hoàn thành ít nhất 01 khóa học trực tuyến", [("QUOTA", "ít nhất 01 khóa học")]),
    ("đã bồi dưỡng cho 112 đảng viên mới", [("QUOTA", "112 đảng viên")]),
    ("truyền đạt 06 chuyên đề về kỹ năng", []),
    # round 11 (set M): comrades counted by turns; two months sharing their year
    ("thu hút khoảng 12.000 lượt đồng chí tham gia", [("QUOTA", "khoảng 12.000 lượt đồng chí")]),
    ("Thời gian: Tháng 6 và tháng 12/2025.", [("DATE", "Tháng 6 và tháng 12/2025")]),
    # round 12 (set N): more counted groups; a day of every month is a recurring DATE
    ("bồi dưỡng 1.200 lượt cán bộ hội các cấp", [("QUOTA", "1.200 lượt cán bộ hội")]),
    ("20 lượt cán bộ hội đồng thi", [("QUOTA", "20 lượt cán bộ")]),  # a council is no union
    (
        "cử 56 lượt giảng viên và 2.940 lượt giáo viên",
        [("QUOTA", "56 lượt giảng viên"), ("QUOTA", "2.940 lượt giáo viên")],
    ),
    ("tổng số 186 viên chức, người lao động", [("QUOTA", "186 viên chức, người lao động")]),
    ("74 lượt công chức, viên chức", [("QUOTA", "74 lượt công chức, viên chức")]),
    ("Báo cáo về Sở trước ngày 30 hằng tháng.", [("DATE", "ngày 30 hằng tháng")]),
    ("gửi trước ngày 25 hàng quý", [("DATE", "ngày 25 hàng quý")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_recognisers_mark_what_the_guidelines_say(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.label, text[m.start : m.end]) for m in find_all(text)] == expected
