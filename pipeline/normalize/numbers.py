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
SCALE_WORDS = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}


# a thousands group the conversion broke with a space: "3.1 00.000.000", "1.8 50"
_BROKEN_GROUP = re.compile(r"(?<=\d[.,])(?:(\d)[ \t](\d{2})|(\d{2})[ \t](\d))(?!\d)")


def _clean(text: str) -> str:
    return _BROKEN_GROUP.sub(lambda m: "".join(g for g in m.groups() if g), _MARKUP.sub("", text))


def parse_number(token: str) -> float:
    """'5.950' -> 5950, '11,3' -> 11.3, '02' -> 2, '11.147.406.000' -> 11147406000."""
    t = token.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "")
    return float(t.replace(",", "."))


# an amount written out ("Hai tỷ, ba trăm năm mươi triệu đồng"), as official
# documents repeat it after the figures (GUIDELINES D11.3)
DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
_GROUP_WORDS = {"mười", "mươi", "trăm", "linh", "lẻ"}
NUMBER_WORDS = frozenset(DIGIT_WORDS) | _GROUP_WORDS | frozenset(SCALE_WORDS)


def words_number(words: list[str]) -> int | None:
    """'hai tỷ ba trăm năm mươi triệu' -> 2_350_000_000; None when a word is
    not a number word. Each scale word closes the group of hundreds before
    it; "tỷ" multiplies everything before it ("một nghìn tỷ")."""
    total = group = digit = 0
    for w in (w.lower() for w in words):
        if w in DIGIT_WORDS:
            digit = DIGIT_WORDS[w]
        elif w == "mười":
            group, digit = group + 10, 0
        elif w == "mươi":
            group, digit = group + digit * 10, 0
        elif w == "trăm":
            group, digit = group + digit * 100, 0
        elif w in ("linh", "lẻ"):
            continue
        elif w in ("tỷ", "tỉ"):
            total, group, digit = (total + group + digit) * 1_000_000_000, 0, 0
        elif w in SCALE_WORDS:
            total, group, digit = total + (group + digit) * SCALE_WORDS[w], 0, 0
        else:
            return None
    return total + group + digit


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 6)


def _bound(text: str) -> str:
    if _AT_LEAST.search(text):
        return ">="
    if _AT_MOST.search(text):
        return "<="
    return "="


def percent_value(text: str) -> dict[str, Any] | None:
    t = _clean(text)
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
    t = _clean(text).replace("\n", " ")
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
    t = _clean(text)
    m = re.search(rf"(?P<n>{_NUMBER.pattern})\s*(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|VNĐ|VND|đ)\b", t)
    if m:
        amount: float | None = parse_number(m.group("n")) * SCALE_WORDS.get((m.group("scale") or "").lower(), 1)
        before, after = t[: m.start()], t[m.end() :]
    else:  # written out
        w = re.search(r"^(?P<words>[^\d]+?)\s+(?:đồng|VNĐ|VND)\b", t, re.I)
        amount = words_number(re.findall(r"\w+", w.group("words"))) if w else None
        if amount is None or w is None:
            return None
        before, after = "", t[w.end() :]
    value: dict[str, Any] = {
        "amount": _num(round(amount, 2)),
        "currency": "VND",
        "bound": _bound(before),
        "approx": bool(_APPROX.search(t)),
    }
    low = re.search(rf"(?P<n>{_NUMBER.pattern})\s*(?:-|–|đến|tới)\s*$", before) if m else None
    if low:  # a range: "từ 2 đến 3 triệu đồng" is 2 to 3 million, not 3 million
        scale = SCALE_WORDS.get((m.group("scale") or "").lower(), 1)
        value.update(amount=None, low=_num(round(parse_number(low.group("n")) * scale, 2)), high=value["amount"])
        value["bound"] = "range"
    per = re.findall(r"/\s*([^\W\d_]+(?:\s+viên)?)", after)
    if per:  # a rate: "50.000 đồng/người/ngày"
        value["per"] = per
    return value


_HEADER_UNIT = re.compile(r"(?i)(?:(nghìn|ngàn|triệu|tỷ|tỉ)\s*)?(?:đồng|VNĐ|VND)\b")


def money_cell_value(cell: str, header: str | None) -> dict[str, Any] | None:
    """A bare amount in a budget column: "9.840" under "Kinh phí (triệu
    đồng)" is 9,840 million đồng. Without a unit in the header the amount is
    read in đồng, as written."""
    unit = _HEADER_UNIT.search(header or "")
    return money_value(f"{cell} {unit.group(0) if unit else 'đồng'}")
