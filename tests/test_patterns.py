"""The look-ahead guards in front of the recognisers' patterns are a speed
device only: with and without them, every pattern must find exactly the same
matches, on the shipped corpus and on text built to hit the edges (bound
words in capitals, the Kelvin sign that case-blind matching takes for "k",
digits of other scripts, matches at the very start and end)."""

from __future__ import annotations

import random
import re

import pytest

from pipeline.entities import patterns, persons
from pipeline.reading import iter_paths, read_document
from tests.conftest import CORPUS

GUARDED = [
    ("PERCENT", patterns._PERCENT, 0),
    ("QUOTA", patterns._QUOTA, 0),
    ("MONEY", patterns._MONEY, 0),
    ("LEGAL_NUMBERED", patterns._LEGAL_NUMBERED, re.IGNORECASE),
    ("DATE", patterns._DATE, 0),
    ("LEGAL_BARE_SYMBOL", patterns._LEGAL_BARE_SYMBOL, 0),
    ("LAW", patterns._LAW, 0),
    ("LAW_NO_YEAR", patterns._LAW_NO_YEAR, 0),
    ("LAW_AMENDING", patterns._LAW_AMENDING, 0),
]

FRAGMENTS = [
    "Ít nhất ", "ÍT NHẤT ", "tối thiểu ", "Tối đa ", "KHOẢNG ", "\u212aHOẢNG ", "gần ", "Hơn ", "trên ",
    "Dưới ", "đạt ", "ĐẠT ", "từ ", "75", "5.950", "11,3", "02 - 03", "\u0667\u0665", "%", " %", " người",
    " lớp", " lượt người", " cán bộ, công chức", " triệu đồng", " tỷ đồng", " đồng", " VNĐ", "Nghị định số ",
    "NGHỊ QUYẾT ", "quyết định ", "Kế hoạch số: ", "269 /QĐ-UBND", "28/CT-TTg", "\n", " ", "/", "-", "trở lên",
    "x", "Sở Nội vụ ", "năm 2021", ", ", "Từ ", "TỪ ", "ngày ", "NGÀY ", "05", "/", "/2021", "-2021", ".2021",
    " tháng ", "Quý IV", "QUÝ ", "quý I", " hàng năm", "đầu ", "cuối ", "6 tháng đầu ", "nửa đầu ", "Năm học ",
    "GIAI ĐOẠN ", "Nhiệm kỳ ", " đến ", " - ", "2021", "2025", "٢٠٢١", "Luật ", "Bộ luật ", "Bộ Luật ", "Cán bộ ",
    "sửa đổi, bổ sung ", "Tổ chức chính quyền địa phương", " năm ", "46-KH/TU", "12/2012/NQ-HĐND", " và ",
    "Luật Cán bộ, công chức năm 2008", "Bộ luật Lao động năm 2019", "LUẬT Viên chức năm 2010",
    "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương năm 2019",
]  # fmt: skip


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def _corpus_texts() -> list[str]:
    return [read_document(p).text for p in iter_paths([CORPUS])]


def _assert_same_matches(guarded: re.Pattern[str], plain: re.Pattern[str], fragments: list[str], seed: int) -> None:
    """The same matches on the corpus and on 6,000 random strings of ``fragments``,
    and enough of them that the texts exercise the pattern."""
    rng = random.Random(seed)
    texts = _corpus_texts()
    texts += ["".join(rng.choice(fragments) for _ in range(rng.randint(1, 12))) for _ in range(6000)]
    found = 0
    for text in texts:
        expected = _spans(plain, text)
        assert _spans(guarded, text) == expected, text
        found += len(expected)
    assert found > 100


@pytest.mark.parametrize(("name", "raw", "flags"), GUARDED, ids=[g[0] for g in GUARDED])
def test_the_guard_changes_no_match(name: str, raw: str, flags: int) -> None:
    _assert_same_matches(getattr(patterns, name), re.compile(raw, flags), FRAGMENTS, seed=7)


PERSON_GUARDED = [
    ("_HONORIFIC", persons._HONORIFIC_RX),
    ("_AFTER_BARE_OFFICE", persons._AFTER_BARE_OFFICE_RX),
    ("_ROLE_BEFORE", persons._ROLE_BEFORE_RX),
]
PERSON_FRAGMENTS = [
    "Ông ", "ông ", "Bà ", "bà ", "Đồng chí ", "đồng chí ", "TS. ", "PGS.TS ", "ThS ", "NGƯT ", "Phó ", "PHÓ ",
    "Chủ tịch ", "CHỦ TỊCH ", "Tổng Giám đốc ", "Giám đốc ", "Thứ trưởng ", "Bộ trưởng ", "Bí thư ", "Trưởng ban ",
    "Chánh Văn phòng ", "Thủ trưởng ", "Hiệu trưởng ", "Viện trưởng ", "Cục trưởng ", "Vụ trưởng ",
    "Tổng cục trưởng ", "Trưởng phòng ", "Chánh Thanh tra ", "Chủ nhiệm ", "học viên ", "Giảng viên ", "Đại biểu ",
    "Nguyễn Văn An", "Lò Văn Thanh", "Trần Thị Hoa", "Hồ Chí Minh", "Sở Nội vụ", ", ", " và ", "\n", ". ", "x",
]  # fmt: skip


@pytest.mark.parametrize(("name", "raw"), PERSON_GUARDED, ids=[g[0] for g in PERSON_GUARDED])
def test_the_person_guards_change_no_match(name: str, raw: str) -> None:
    _assert_same_matches(getattr(persons, name), re.compile(raw), PERSON_FRAGMENTS, seed=11)


def test_bound_words_in_capitals_and_the_kelvin_sign_still_open_a_match() -> None:
    assert patterns.PERCENT.search("DƯỚI 95%").group() == "DƯỚI 95%"
    assert patterns.PERCENT.search("ĐẠT 95%").group() == "95%"  # a verb, not a bound word (D5.1)
    assert patterns.QUOTA.search("ÍT NHẤT 30 người").group() == "ÍT NHẤT 30 người"
    assert patterns.MONEY.search("\u212aHOẢNG 950 triệu đồng").group() == "\u212aHOẢNG 950 triệu đồng"
    assert patterns.LEGAL_NUMBERED.search("NGHỊ ĐỊNH SỐ 101/2017/NĐ-CP").group("symbol") == "101/2017/NĐ-CP"
