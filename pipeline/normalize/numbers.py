"""PERCENT, QUOTA and MONEY values.

Vietnamese writes "5.950" for five thousand nine hundred and fifty and "11,3"
for eleven point three; bound words ("ít nhất", "trở lên", "khoảng") decide
whether a figure is a floor, a ceiling, an estimate or an exact target.
"""

from __future__ import annotations

import re
from typing import Any

_MARKUP = re.compile(r"\*+|</?\w+>")
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_AT_LEAST = re.compile(r"ít nhất|tối thiểu|trở lên|trên|hơn|không dưới|từ\s+\S+\s*%?\s*trở lên", re.I)
_AT_MOST = re.compile(r"tối đa|dưới|trở xuống|không quá|không vượt quá", re.I)
_APPROX = re.compile(r"khoảng|gần|xấp xỉ|dự kiến|trên dưới", re.I)
_RANGE = re.compile(r"(?P<a>\d[\d.,]*)\s*%?\s*(?:-|–|—|đến|tới)\s*(?P<b>\d[\d.,]*)", re.I)
_SCALE = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}


def parse_number(token: str) -> float:
    """'5.950' -> 5950, '11,3' -> 11.3, '02' -> 2, '11.147.406.000' -> 11147406000."""
    t = token.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "")
    return float(t.replace(",", "."))


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 6)


def _bound(text: str) -> str:
    if _AT_LEAST.search(text):
        return ">="
    if _AT_MOST.search(text):
        return "<="
    return "="


def percent_value(text: str) -> dict[str, Any] | None:
    t = _MARKUP.sub("", text)
    m = _RANGE.search(t)
    if m:
        return {
            "low": _num(parse_number(m.group("a"))),
            "high": _num(parse_number(m.group("b"))),
            "bound": "range",
            "approx": bool(_APPROX.search(t)),
        }
    nums = _NUMBER.findall(t)
    if not nums:
        return None
    v = _num(parse_number(nums[0]))
    bound = _bound(t)
    return {
        "low": v if bound in (">=", "=") else None,
        "high": v if bound in ("<=", "=") else (100 if bound == ">=" else None),
        "bound": bound,
        "approx": bool(_APPROX.search(t)),
    }


def quota_value(text: str) -> dict[str, Any] | None:
    t = _MARKUP.sub("", text).replace("\n", " ")
    m = _RANGE.search(t)
    nums = _NUMBER.findall(t)
    if not nums:
        return None
    if m:
        low, high = _num(parse_number(m.group("a"))), _num(parse_number(m.group("b")))
        number, bound, rest = None, "range", t[m.end() :]
    else:
        low = high = None
        number = _num(parse_number(nums[0]))
        bound = _bound(t)
        rest = t[t.index(nums[0]) + len(nums[0]) :]
    unit = re.sub(r"\s+", " ", rest).strip(" .,;:")
    return {
        "number": number,
        "low": low,
        "high": high,
        "unit": unit or None,
        "bound": bound,
        "approx": bool(_APPROX.search(t)),
    }


def money_value(text: str) -> dict[str, Any] | None:
    t = _MARKUP.sub("", text)
    m = re.search(rf"(?P<n>{_NUMBER.pattern})\s*(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|VND|đ)\b", t)
    if not m:
        return None
    amount = parse_number(m.group("n")) * _SCALE.get((m.group("scale") or "").lower(), 1)
    return {
        "amount": _num(round(amount, 2)),
        "currency": "VND",
        "bound": _bound(t[: m.start()]),
        "approx": bool(_APPROX.search(t)),
    }
