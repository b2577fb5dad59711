"""Vietnamese calendar expressions to ISO values.

Returns a :class:`DateValue` with a kind (day, month, quarter, year, period,
recurring) and ISO start/end, the shape the knowledge base stores. Parsing is
lenient about the spacing and markup damage of converted files
("ngày 05 /12/2011", "Quý II/2019", "năm2003").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_NUM = r"(\d{1,4})"
_S = r"\s*"


@dataclass(frozen=True)
class DateValue:
    kind: str  # day | month | quarter | year | period | recurring
    start: str | None  # ISO date
    end: str | None

    def as_dict(self) -> dict[str, str | None]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


def _iso(y: int, m: int = 1, d: int = 1) -> str | None:
    try:
        if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
            return None
    except ValueError:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month_end(y: int, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return _iso(y, m, calendar.monthrange(y, m)[1])


def _year(y: str) -> int:
    v = int(y)
    return v + 2000 if v < 100 else v


_DMY_WORDS = re.compile(rf"ngày{_S}{_NUM}{_S}tháng{_S}{_NUM}{_S}năm{_S}{_NUM}", re.I)
_DMY_SLASH = re.compile(rf"(?<!\d){_NUM}{_S}[/.-]{_S}{_NUM}{_S}[/.-]{_S}(\d{{4}})(?!\d)")
# "quý I", "Quý I, II năm 2022", "quý II và quý III năm 2025", "từ quý I đến quý III năm 2024"
_QUARTER = re.compile(
    rf"quý{_S}([IV]+|\d)((?:{_S}(?:,|và|đến|-|–){_S}(?:quý{_S})?(?:[IV]+|\d)(?![\d/]))*)"
    rf"{_S}(?:(?:năm|/){_S}(\d{{4}}))?",
    re.I,
)
_MONTHS = re.compile(rf"tháng{_S}(\d{{1,2}})(?!\d)(?:{_S}(?:năm|/){_S}(\d{{4}}))?", re.I)
_HALF = re.compile(rf"(?:nửa|6{_S}tháng|06{_S}tháng){_S}(đầu|cuối){_S}năm{_S}(\d{{4}})", re.I)
_RANGE = re.compile(r"(\d{4})\s*(?:-|–|—|đến(?:\s+hết)?(?:\s+năm)?)\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_DM = re.compile(rf"(?<!\d){_NUM}{_S}/{_S}{_NUM}(?![\d/])")
_RECURRING = re.compile(r"h[àằ]ng\s+năm|h[àằ]ng\s+tháng|h[àằ]ng\s+quý", re.I)


def _quarter_number(g: str) -> int:
    g = g.strip(" ,")
    return int(g) if g.isdigit() else ROMAN.get(g.upper(), 0)


_SPLIT_DAY = re.compile(r"(?i)(?<=ngày)(\s+[1-3])[ \t](\d)(?=\s*(?:/|tháng))")
_SHARED_YEAR = re.compile(
    r"(?i)tháng\s*(\d{1,2})\s*(?:-|–|,|\svà\s|\sđến\s)\s*(\d{1,2})\s*(?:/\s*|\s+năm\s+)((?:19|20)\d{2})\b"
)


# the opening day of a range written without its year (or month)
_OPEN_DAY = re.compile(r"(?i)^\s*từ\s+(?:ngày\s+)?(\d{1,2})(?:\s*/\s*(\d{1,2}))?\s*(?:-|–|đến)\s")


def parse_date(text: str) -> DateValue | None:
    """Parse one DATE mention. ``None`` when nothing calendar-like is found."""
    t = re.sub(r"\*|</?\w+>", "", text).replace("\u00a0", " ")
    t = _SPLIT_DAY.sub(r"\1\2", t)  # "ngày 2 6 tháng 01 năm 2015": the conversion split the day
    recurring = bool(_RECURRING.search(t))

    m = _SHARED_YEAR.search(t)
    if m:  # "Tháng 5 - 7/2026": months sharing one year, not the day 5/7/2026
        m1, m2, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= m1 <= m2 <= 12:
            return DateValue("period", _iso(y, m1, 1), _month_end(y, m2))
    days = [
        _iso(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        for m in sorted([*_DMY_WORDS.finditer(t), *_DMY_SLASH.finditer(t)], key=lambda m: m.start())
    ]
    if days:  # one day, or a range of days ("từ ngày 01/3/2021 đến ngày 30/6/2021")
        if None in days:
            return None
        if len(days) > 1 and days[0] <= days[-1]:
            return DateValue("period", days[0], days[-1])
        m = _OPEN_DAY.match(t)
        if m and len(days) == 1:  # "từ ngày 16/9 đến ngày 25/10/2024": the first day shares the last one's year
            y, mo, _d = (int(x) for x in days[0].split("-"))
            first = _iso(y, int(m.group(2) or mo), int(m.group(1)))
            if first and first > days[0] and m.group(2):  # "từ ngày 30/12 đến ngày 05/01/2025"
                first = _iso(y - 1, int(m.group(2)), int(m.group(1)))
            if first and first <= days[0]:
                return DateValue("period", first, days[0])
        return DateValue("day", days[0], days[0])
    m = _QUARTER.search(t)
    if m:
        numbers = [_quarter_number(m.group(1))] + [
            _quarter_number(g) for g in re.findall(r"(?<![A-Za-z])(?:[IV]+|\d)(?![A-Za-z\d])", m.group(2))
        ]
        first, last = min(numbers), max(numbers)
        if recurring or not m.group(3) or not 1 <= first <= last <= 4:
            return DateValue("recurring", None, None) if recurring else DateValue("quarter", None, None)
        y = int(m.group(3))
        kind = "quarter" if first == last else "period"  # "Quý I, II năm 2022": both quarters
        return DateValue(kind, _iso(y, 3 * first - 2, 1), _month_end(y, 3 * last))
    m = _HALF.search(t)
    if m:  # "nửa đầu năm 2012", "6 tháng cuối năm 2022"
        y, first_half = int(m.group(2)), m.group(1).lower() == "đầu"
        return DateValue("period", _iso(y, 1 if first_half else 7, 1), _month_end(y, 6 if first_half else 12))
    months = [(int(mo), y) for mo, y in _MONTHS.findall(t)]
    if len(months) > 1:  # "Từ tháng 9/2025 đến tháng 6/2027", "từ tháng 3 đến tháng 6 năm 2024"
        (m1, y1), (m2, y2) = months[0], months[-1]
        y2 = int(y2) if y2 else None
        y1 = int(y1) if y1 else y2
        if y1 and y2 and (y1, m1) <= (y2, m2):
            return DateValue("period", _iso(y1, m1, 1), _month_end(y2, m2))
    dated = [(mo, int(y)) for mo, y in months if y]
    if dated:  # "tháng 11/2024", "Tháng 12 năm 2023"
        mo, y = dated[0]
        return DateValue("month", _iso(y, mo, 1), _month_end(y, mo))
    m = _RANGE.search(t)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a <= b:
            return DateValue("period", _iso(a, 1, 1), _iso(b, 12, 31))
    years = [int(y) for y in _YEAR.findall(t) if 1900 <= int(y) <= 2100]
    if years:
        if len(years) > 1:
            return DateValue("period", _iso(min(years)), _iso(max(years), 12, 31))
        return DateValue("year", _iso(years[0]), _iso(years[0], 12, 31))
    if recurring:
        return DateValue("recurring", None, None)
    m = _DM.search(t)
    if m:  # a day of a year the text does not give ("Sáng 14/3", "trước ngày 15/12")
        return DateValue("day", None, None)
    if re.search(r"tháng\s*\d", t, re.I):
        return DateValue("month", None, None)
    return None
