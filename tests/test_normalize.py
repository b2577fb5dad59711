"""Normalised values, table-driven, expected values worked out by hand."""

from __future__ import annotations

import pytest

from pipeline.normalize.values import normalize


@pytest.mark.parametrize(
    "text, kind, start, end",
    [
        ("ngày 05 tháng 02 năm 2021", "day", "2021-02-05", "2021-02-05"),
        ("ngày 01/9/2017", "day", "2017-09-01", "2017-09-01"),
        ("05/02/2021", "day", "2021-02-05", "2021-02-05"),
        ("ngày 05 /12/2011", "day", "2011-12-05", "2011-12-05"),  # stray space from conversion
        ("ngày\n05 tháng 8 năm 2024", "day", "2024-08-05", "2024-08-05"),  # wrapped line
        ("năm 2025", "year", "2025-01-01", "2025-12-31"),
        ("Quý I năm 2021", "quarter", "2021-01-01", "2021-03-31"),
        ("quý IV/2025", "quarter", "2025-10-01", "2025-12-31"),
        ("Quý II/2019", "quarter", "2019-04-01", "2019-06-30"),
        ("tháng 9 năm 2024", "month", "2024-09-01", "2024-09-30"),
        ("tháng 2/2024", "month", "2024-02-01", "2024-02-29"),  # leap year
        ("giai đoạn 2021 - 2025", "period", "2021-01-01", "2025-12-31"),
        ("giai đoạn từ năm 2017 đến năm 2020", "period", "2017-01-01", "2020-12-31"),
        ("Từ năm 2020 đến hết năm 2030", "period", "2020-01-01", "2030-12-31"),
        ("năm 2024 và 2025", "period", "2024-01-01", "2025-12-31"),
        ("01/10 hàng năm", "recurring", None, None),
        ("quý IV hàng năm", "recurring", None, None),
        ("tháng 10 hàng năm", "recurring", None, None),
        ("ngày 15/12 hằng năm", "recurring", None, None),
        ("ngày 05-02-2021", "day", "2021-02-05", "2021-02-05"),
        ("05.02.2021", "day", "2021-02-05", "2021-02-05"),
        ("từ ngày 01/3/2021 đến ngày 30/6/2021", "period", "2021-03-01", "2021-06-30"),
        # the first day shares the last one's year, or month and year (round 9, set K)
        ("từ ngày 16/9 đến ngày 25/10/2024", "period", "2024-09-16", "2024-10-25"),
        ("Từ 05 đến 10/11/2025", "period", "2025-11-05", "2025-11-10"),
        ("từ ngày 30/12 đến ngày 05/01/2025", "period", "2024-12-30", "2025-01-05"),
        ("khóa 2026 - 2027", "period", "2026-01-01", "2027-12-31"),
        ("Từ ngày 15 tháng 3 năm 2021 đến hết ngày 31/12/2021", "period", "2021-03-15", "2021-12-31"),
        ("Quý I, II năm 2022", "period", "2022-01-01", "2022-06-30"),
        ("quý II và quý III năm 2025", "period", "2025-04-01", "2025-09-30"),
        ("từ quý I đến quý III năm 2024", "period", "2024-01-01", "2024-09-30"),
        ("Từ tháng 9/2025 đến tháng 6/2027", "period", "2025-09-01", "2027-06-30"),
        ("từ tháng 3 đến tháng 6 năm 2024", "period", "2024-03-01", "2024-06-30"),
        ("Tháng 11/2024", "month", "2024-11-01", "2024-11-30"),
        ("đầu quý II/2022", "quarter", "2022-04-01", "2022-06-30"),
        ("6 tháng đầu năm 2022", "period", "2022-01-01", "2022-06-30"),
        ("nửa cuối năm 2012", "period", "2012-07-01", "2012-12-31"),
        ("Năm học 2021-2022", "period", "2021-01-01", "2022-12-31"),
        ("Từ 2021 - 2025", "period", "2021-01-01", "2025-12-31"),
        ("Tháng 5 - 7/2026", "period", "2026-05-01", "2026-07-31"),  # months sharing the year, not 5 July
        ("tháng 3 và 4 năm 2026", "period", "2026-03-01", "2026-04-30"),
        ("ngày 2 6 tháng 01 năm 2015", "day", "2015-01-26", "2015-01-26"),  # a day split by the conversion
        ("ngày 1 5/12/2015", "day", "2015-12-15", "2015-12-15"),
    ],
)
def test_dates(text, kind, start, end):
    assert normalize("DATE", text) == {"kind": kind, "start": start, "end": end}


def test_impossible_date_is_not_invented():
    assert normalize("DATE", "ngày 31/02/2021") is None
    assert normalize("DATE", "từ ngày 01/3/2021 đến ngày 31/02/2021") is None


@pytest.mark.parametrize(
    "text, low, high, bound",
    [
        ("ít nhất 95%", 95, 100, ">="),
        ("100%", 100, 100, "="),
        ("90% trở lên", 90, 100, ">="),
        ("70 - 80%", 70, 80, "range"),
        ("từ 30% đến 50%", 30, 50, "range"),
        ("tối đa 10%", None, 10, "<="),
        ("65,5%", 65.5, 65.5, "="),  # decimal comma
    ],
)
def test_percent(text, low, high, bound):
    v = normalize("PERCENT", text)
    assert (v["low"], v["high"], v["bound"]) == (low, high, bound)


@pytest.mark.parametrize(
    "text, number, low, high, unit, bound",
    [
        ("5.950 lượt người", 5950, None, None, "lượt người", "="),
        ("55 chỉ tiêu", 55, None, None, "chỉ tiêu", "="),
        ("01 lớp", 1, None, None, "lớp", "="),
        ("02 - 03 lớp", None, 2, 3, "lớp", "range"),
        ("ít nhất 02 lượt/năm", 2, None, None, "lượt/năm", ">="),
        ("hơn 3.000 lượt cán bộ, công chức", 3000, None, None, "lượt cán bộ, công chức", ">="),
        ("10.635** chỉ tiêu", 10635, None, None, "chỉ tiêu", "="),  # bold number
        ("25.750", 25750, None, None, None, "="),  # a bare table cell
        ("1.8 50 lượt người", 1850, None, None, "lượt người", "="),  # a group split by the conversion
    ],
)
def test_quota(text, number, low, high, unit, bound):
    v = normalize("QUOTA", text)
    assert (v["number"], v["low"], v["high"], v["unit"], v["bound"]) == (number, low, high, unit, bound)


def test_quota_estimate_is_flagged():
    assert normalize("QUOTA", "khoảng 50 đồng chí")["approx"] is True


@pytest.mark.parametrize(
    "text, amount",
    [
        ("11.147.406.000 đồng", 11_147_406_000),
        ("11.147.406.000** đồng", 11_147_406_000),
        ("11,3 tỷ đồng", 11_300_000_000),
        ("950 triệu đồng", 950_000_000),
        ("gần 7,9 tỷ đồng", 7_900_000_000),
        ("3.910.000.000 đồng", 3_910_000_000),
        ("4.567,35 triệu đồng", 4_567_350_000),
        ("Sáu tỷ, bốn trăm tám mươi hai triệu, ba trăm năm mươi nghìn đồng", 6_482_350_000),
        ("Tám trăm năm mươi triệu đồng", 850_000_000),
        ("một trăm linh năm nghìn đồng", 105_000),
        ("hai mươi mốt triệu đồng", 21_000_000),
        ("mười lăm triệu đồng", 15_000_000),
        ("một nghìn tỷ đồng", 1_000_000_000_000),
        ("3.1 00.000.000 đồng", 3_100_000_000),  # a group split by the conversion
    ],
)
def test_money(text, amount):
    v = normalize("MONEY", text)
    assert v["amount"] == amount and v["currency"] == "VND"


def test_a_rate_says_what_it_is_per():
    v = normalize("MONEY", "50.000 đồng/người/ngày")
    assert v["amount"] == 50_000 and v["per"] == ["người", "ngày"]
    assert "per" not in normalize("MONEY", "950 triệu đồng")


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("từ 2 đến 3 triệu đồng/người", 2_000_000, 3_000_000),
        ("1,5 - 2 tỷ đồng", 1_500_000_000, 2_000_000_000),
    ],
)
def test_a_range_of_amounts_keeps_both_ends_in_the_scale_of_the_second(text, low, high):
    v = normalize("MONEY", text)
    assert (v["amount"], v["low"], v["high"], v["bound"]) == (None, low, high, "range")


def test_a_day_without_its_year_is_a_day_not_a_recurrence():
    assert normalize("DATE", "14/3") == {"kind": "day", "start": None, "end": None}


@pytest.mark.parametrize(
    "text, province, expected",
    [
        (
            "Nghị định số 101/2017/NĐ-CP",
            "Sơn La",
            {
                "type": "Nghị định",
                "number": "101",
                "year": 2017,
                "symbol": "NĐ-CP",
                "issuer_code": "CP",
                "scope": "national",
                "canonical_id": "nghi-dinh:101/2017/nd-cp",
            },
        ),
        # the same decree cited by another province gets the same id
        (
            "Nghị định 101/2017/NĐ-CP",
            "Quảng Ngãi",
            {
                "type": "Nghị định",
                "number": "101",
                "year": 2017,
                "symbol": "NĐ-CP",
                "issuer_code": "CP",
                "scope": "national",
                "canonical_id": "nghi-dinh:101/2017/nd-cp",
            },
        ),
        # a local decision is qualified by the province (and the stray space goes)
        (
            "Quyết định số 269 /QĐ-UBND",
            "Sơn La",
            {
                "type": "Quyết định",
                "number": "269",
                "year": None,
                "symbol": "QĐ-UBND",
                "issuer_code": "UBND",
                "scope": "local",
                "canonical_id": "quyet-dinh:269/?/qd-ubnd@son-la",
            },
        ),
        (
            "Quyết định số 136/2001/QĐ.TTg",
            None,
            {
                "type": "Quyết định",
                "number": "136",
                "year": 2001,
                "symbol": "QĐ-TTg",
                "issuer_code": "TTG",
                "scope": "national",
                "canonical_id": "quyet-dinh:136/2001/qd-ttg",
            },
        ),
        (
            "Công văn 4741-CV/BTCTW",
            None,
            {
                "type": "Công văn",
                "number": "4741",
                "year": None,
                "symbol": "CV/BTCTW",
                "issuer_code": "BTCTW",
                "scope": "national",
                "canonical_id": "cong-van:4741/?/cv-btctw",
            },
        ),
        # a header number without type word: the type comes from the symbol
        (
            "39 /KH-UBND",
            "Sóc Trăng",
            {
                "type": "Kế hoạch",
                "number": "39",
                "year": None,
                "symbol": "KH-UBND",
                "issuer_code": "UBND",
                "scope": "local",
                "canonical_id": "ke-hoach:39/?/kh-ubnd@soc-trang",
            },
        ),
    ],
)
def test_numbered_legal_refs(text, province, expected):
    assert normalize("LEGAL_REF", text, province=province) == expected


@pytest.mark.parametrize(
    ("text", "number", "year", "symbol"),
    [
        # the conversion split the number ("4 5") or the symbol at a line end (D11.13)
        ("Kế hoạch số 4 5/KH-UBND", "45", None, "KH-UBND"),
        ("Nghị quyết số 1 2/2012/NQ-HĐND", "12", 2012, "NQ-HĐND"),
        ("Công văn số 2 315/SNV-\nCCVC", "2315", None, "SNV-CCVC"),
    ],
)
def test_a_split_document_number_is_read_whole(text, number, year, symbol):
    v = normalize("LEGAL_REF", text, province="Trà Vinh")
    assert (v["number"], v["year"], v["symbol"]) == (number, year, symbol)


@pytest.mark.parametrize(
    ("cell", "header", "amount"),
    [
        ("9.840", "Kinh phí\n(Đơn vị tính: lượt người; kinh phí: triệu đồng)", 9_840_000_000),
        ("1.250,5", "Kinh phí (triệu đồng)", 1_250_500_000),
        ("350", "Dự toán (nghìn đồng)", 350_000),
        ("45.000.000", "Kinh phí", 45_000_000),  # no unit stated: đồng, as written
    ],
)
def test_a_bare_amount_in_a_budget_column_takes_the_header_unit(cell, header, amount):
    from pipeline.normalize.numbers import money_cell_value

    assert money_cell_value(cell, header)["amount"] == amount


def test_year_hint_from_the_following_date():
    v = normalize("LEGAL_REF", "Quyết định số 269 /QĐ-UBND", province="Sơn La", year_hint=2021)
    assert v["year"] == 2021 and v["canonical_id"] == "quyet-dinh:269/2021/qd-ubnd@son-la"


@pytest.mark.parametrize(
    "text, canonical_id, year",
    [
        ("Luật Viên chức năm 2010", "luat:vien-chuc:2010", 2010),
        ("Luật Cán bộ, công chức năm 2008", "luat:can-bo-cong-chuc:2008", 2008),
        ("Luật Tổ chức Chính quyền địa phương năm 2015", "luat:to-chuc-chinh-quyen-dia-phuong:2015", 2015),
        ("Luật tổ chức chính quyền địa phương", "luat:to-chuc-chinh-quyen-dia-phuong", None),
        (
            "Luật Tổ chức Hội đồng nhân dân và Uỷ\nban nhân dân",
            "luat:to-chuc-hoi-dong-nhan-dan-va-uy-ban-nhan-dan",
            None,
        ),
    ],
)
def test_laws(text, canonical_id, year):
    v = normalize("LEGAL_REF", text)
    assert v["type"] == "Luật" and v["canonical_id"] == canonical_id and v["year"] == year


@pytest.mark.parametrize(
    "text, canonical, level, kind",
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh Sơn La", "province", "people_committee"),
        ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA", "Ủy ban nhân dân tỉnh Sơn La", "province", "people_committee"),
        ("ỦY BAN NHÂN DÂN  \nTỈNH SON LA", "Ủy ban nhân dân tỉnh Sơn La", "province", "people_committee"),
        ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Sơn La", "province", "people_committee"),
        ("TM. ỦY BAN NHÂN DÂN", "Ủy ban nhân dân tỉnh Sơn La", "province", "people_committee"),
        ("Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ", "province", "office_holder"),
        ("SỞ NỘI VỤ", "Sở Nội vụ", "province", "department"),
        ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", "province", "department"),
        ("Ban TVTU", "Ban Thường vụ Tỉnh ủy", "province", "party"),
        ("Ban Tổ chức tình ủy", "Ban Tổ chức Tỉnh ủy", "province", "party"),
        (
            "UBND các huyện, thành phố",
            "Ủy ban nhân dân các huyện, thành phố Sơn La",
            "district",
            "collective",
        ),
        ("Bộ Nội vụ", "Bộ Nội vụ", "central", "ministry"),
        ("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "central", "office_holder"),
        (
            "Học viện Chính trị Quốc gia Hồ Chí Minh",
            "Học viện Chính trị Quốc gia Hồ Chí Minh",
            "central",
            "training_institution",
        ),
        ("ỦY BAN NHÂN DÂNTỈNH GIA LAI", "Ủy ban nhân dân tỉnh Gia Lai", "province", "people_committee"),
        ("UBND cấp xã", "Ủy ban nhân dân cấp xã", "commune", "people_committee"),
    ],
)
def test_agencies(text, canonical, level, kind):
    assert normalize("AGENCY", text, province="Sơn La") == {
        "canonical": canonical,
        "level": level,
        "kind": kind,
    }


def test_person():
    assert normalize("PERSON", "**Hoàng Quốc Khánh**") == {"name": "Hoàng Quốc Khánh"}


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đắk Lắk", "Dak Lak"),
        ("Thừa Thiên Huế", "Thua Thien Hue"),
        ("NGHỆ AN", "NGHE AN"),
        ("Khánh Hoà", "Khanh Hoa"),
        ("e\u0301 decomposed", "e decomposed"),  # a combining accent typed after its letter
        ("Sở Nội vụ, 2025", "So Noi vu, 2025"),
        ("ℌ½", "ℌ½"),  # no marks to drop: kept as they are
    ],
)
def test_strip_diacritics_drops_every_mark_and_keeps_the_rest(text: str, folded: str) -> None:
    from pipeline.normalize.text import strip_diacritics

    assert strip_diacritics(text) == folded
