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
_MY_WORDS = re.compile(rf"tháng{_S}{_NUM}{_S}(?:năm|/){_S}(\d{{4}})", re.I)
_QUARTER = re.compile(rf"quý{_S}([IV]+|\d){_S}(?:(?:năm|/){_S}(\d{{4}}))?", re.I)
_RANGE = re.compile(r"(\d{4})\s*(?:-|–|—|đến(?:\s+hết)?(?:\s+năm)?)\s*(\d{4})")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_DM = re.compile(rf"(?<!\d){_NUM}{_S}/{_S}{_NUM}(?![\d/])")
_RECURRING = re.compile(r"h[àằ]ng\s+năm|h[àằ]ng\s+tháng|h[àằ]ng\s+quý", re.I)


def parse_date(text: str) -> DateValue | None:
    """Parse one DATE mention. ``None`` when nothing calendar-like is found."""
    t = re.sub(r"\*|</?\w+>", "", text).replace("\u00a0", " ")
    recurring = bool(_RECURRING.search(t))

    m = _DMY_WORDS.search(t)
    if m:
        iso = _iso(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        return DateValue("day", iso, iso) if iso else None
    m = _DMY_SLASH.search(t)
    if m:
        iso = _iso(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        return DateValue("day", iso, iso) if iso else None
    m = _QUARTER.search(t)
    if m:
        g = m.group(1)
        q = int(g) if g.isdigit() else ROMAN.get(g.upper(), 0)
        if recurring or not m.group(2) or not 1 <= q <= 4:
            return DateValue("recurring", None, None) if recurring else DateValue("quarter", None, None)
        y = int(m.group(2))
        return DateValue("quarter", _iso(y, 3 * q - 2, 1), _month_end(y, 3 * q))
    m = _MY_WORDS.search(t)
    if m:
        y, mo = int(m.group(2)), int(m.group(1))
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
    if m:  # day/month without a year ("01/10 hàng năm" handled above)
        return DateValue("recurring", None, None)
    if re.search(r"tháng\s*\d", t, re.I):
        return DateValue("month", None, None)
    return None
