"""AGENCY values: canonical name (abbreviations expanded, tone style and case
normalised, a bare "tỉnh" completed with the document's province), level
(central, province, district, commune) and kind.

The canonical name is what the KB's ``agencies`` table groups aliases by, so
"UBND tỉnh", "Ủy ban nhân dân tỉnh" and "UỶ BAN NHÂN DÂN TỈNH SƠN LA" in a Sơn
La plan all become "Ủy ban nhân dân tỉnh Sơn La".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pipeline.normalize.text import _TONE_STYLE, name_key

ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "BTV": "Ban Thường vụ", "TVTU": "Thường vụ Tỉnh ủy",
    "TU": "Tỉnh ủy", "TT": "Thường trực", "BCĐ": "Ban Chỉ đạo", "SNV": "Sở Nội vụ", "BNV": "Bộ Nội vụ",
    "BTC": "Bộ Tài chính", "CVP": "Chánh Văn phòng", "PCVP": "Phó Chánh Văn phòng", "TP": "thành phố",
    "TW": "Trung ương", "ĐBQH": "Đại biểu Quốc hội", "BTCTU": "Ban Tổ chức Tỉnh ủy",
    "UVBTV": "Ủy viên Ban Thường vụ",
}  # fmt: skip
_ABBR_RE = re.compile(
    r"(?<![\w])(" + "|".join(sorted(map(re.escape, ABBREVIATIONS), key=len, reverse=True)) + r")(?![\w])"
)
# head words after which Vietnamese capitalises the next word ("Sở Nội vụ", "Ban Tổ chức")
_HEADS = (
    "sở",
    "ban",
    "bộ",
    "học viện",
    "trường",
    "văn phòng",
    "phòng",
    "trung tâm",
    "cục",
    "vụ",
    "viện",
    "đài",
    "báo",
    "hội",
    "chi cục",
    "tổng cục",
    "thanh tra",
    "kho bạc",
    "ủy ban",
    "đoàn",
)
_ALWAYS = (
    "Tỉnh ủy",
    "Huyện ủy",
    "Thành ủy",
    "Thị ủy",
    "Đảng ủy",
    "Trung ương",
    "Chính phủ",
    "Quốc gia",
    "Hồ Chí Minh",
    "Việt Nam",
    "Quốc hội",
    "Mặt trận Tổ quốc",
    "Thường vụ",
)


def _fix_case(name: str, was_upper: bool) -> str:
    words = name.split(" ")
    if was_upper:
        words = [w.lower() for w in words]
    out = list(words)
    lower = [w.lower() for w in words]
    i = 0
    while i < len(words):
        for head in sorted(_HEADS, key=lambda h: -len(h.split())):
            n = len(head.split())
            if lower[i : i + n] == head.split() and not (head == "bộ" and lower[i + 1 : i + 2] == ["trưởng"]):
                out[i] = out[i][:1].upper() + out[i][1:]
                nxt = i + n
                if (
                    nxt < len(words)
                    and lower[nxt : nxt + 2] != ["nhân", "dân"]
                    and lower[nxt]
                    not in (
                        "các",
                        "tỉnh",
                        "huyện",
                        "thành",
                        "thị",
                        "xã",
                        "và",
                        "của",
                        "có",
                        "liên",
                        "trực",
                        "thuộc",
                    )
                ):
                    out[nxt] = out[nxt][:1].upper() + out[nxt][1:]
                # only the body's own head: "Giám đốc Sở Nội vụ", not "Nội Vụ"
                i = len(words)
                break
        i += 1
    result = " ".join(out)
    result = result[:1].upper() + result[1:]
    for proper in _ALWAYS:
        result = re.sub(rf"(?<![\w]){re.escape(proper.lower())}(?![\w])", proper, result, flags=re.I)
    return result


def _unglue(word: str) -> str:
    from pipeline.tokenizer import split_glued

    if len(word) < 5 or not word.isalpha():
        return word
    return " ".join(word[a:b] for a, b in split_glued(word))


@lru_cache(maxsize=1)
def _province_re() -> tuple[re.Pattern, dict[str, str]]:
    from pipeline.metadata import provinces

    table = {k: v for k, v in provinces().items() if len(k) > 3}
    alt = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.compile(rf"(?<![\w])({alt})(?![\w])", re.I), table


@lru_cache(maxsize=20_000)
def canonical_name(text: str, province: str | None = None) -> str:
    raw = re.sub(r"\*+|</?\w+>", " ", text)
    raw = re.sub(r"^\s*(TM|KT|TL|T/M)\.?\s*", "", raw)
    raw = re.sub(r"(?<=[A-ZÀ-Ỹa-zà-ỹ])(TỈNH|HUYỆN)\b", r" \1", raw)  # "DÂNTỈNH" glued
    raw = re.sub(r"\s+", " ", raw).strip(" ,;.")
    raw = " ".join(_unglue(w) for w in raw.split(" "))  # "Bộ Nộivụ" -> "Bộ Nội vụ"
    letters = list(filter(str.isalpha, raw))
    was_upper = bool(letters) and all(map(str.isupper, letters))
    name = _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], raw)
    name = _fix_case(tone_style(name), was_upper)
    name = re.sub(r"(?<![\w])(tình|tinh) ủy(?![\w])", "Tỉnh ủy", name, flags=re.I)  # conversion typos
    if province and re.search(r"(?<![\w])(tỉnh|thành phố)$", name) and not name.lower().startswith("các"):
        name = f"{name} {province}"
    elif province and name in ("Ủy ban nhân dân", "Hội đồng nhân dân"):  # a signature's "TM. ỦY BAN NHÂN DÂN"
        name = f"{name} tỉnh {province}"
    # proper names of provinces, whatever case they came in
    rx, table = _province_re()
    return rx.sub(lambda m: table.get(m.group(1).lower(), m.group(1)), name)


_TONE_VARIANTS = re.compile(
    "(?:"
    + "|".join([*_TONE_STYLE, *(k.upper() for k in _TONE_STYLE), *(k.capitalize() for k in _TONE_STYLE)])
    + r")(?![^\W\d_])"
)


def _new_style(m: re.Match) -> str:
    src = m.group(0)
    new = _TONE_STYLE[src.lower()]
    return "".join(c.upper() if o.isupper() else c for c, o in zip(new, src))


def tone_style(text: str) -> str:
    """Old-style tone placement to new style, keeping case ("Uỷ" -> "Ủy")."""
    return _TONE_VARIANTS.sub(_new_style, text)


_KINDS = (
    (
        "office_holder",
        r"^(phó )?(chủ tịch|giám đốc|chánh văn phòng|thủ trưởng|bộ trưởng|thủ tướng|trưởng ban|"
        r"hiệu trưởng|bí thư|cục trưởng|viện trưởng|chánh thanh tra)\b",
    ),
    ("collective", r"^(các|thủ trưởng các|ủy ban nhân dân các)\b"),
    ("people_committee", r"^ủy ban nhân dân\b"),
    ("people_council", r"^(thường trực )?hội đồng nhân dân\b"),
    ("government", r"^(chính phủ|thủ tướng)"),
    ("ministry", r"^bộ\b"),
    ("department", r"^(sở|phòng|chi cục|cục|vụ|văn phòng|thanh tra|kho bạc)\b"),
    ("training_institution", r"^(học viện|trường|trung tâm|viện|cơ sở đào tạo)\b"),
    (
        "party",
        r"(tỉnh ủy|huyện ủy|thành ủy|thị ủy|đảng ủy|đảng bộ|ban cán sự|ban thường vụ|ban tổ chức|"
        r"ban tuyên giáo|ban dân vận|ủy ban kiểm tra)",
    ),
    ("front_mass_org", r"^(mặt trận|ủy ban mặt trận|đoàn|hội|liên đoàn|liên minh)\b"),
    ("media", r"^(đài|báo)\b"),
)
_KIND_PATTERNS = tuple((kind, re.compile(rx)) for kind, rx in _KINDS)
_CENTRAL = re.compile(
    r"\b(chính phủ|thủ tướng|bộ \w|trung ương|quốc gia|quốc hội|học viện chính trị|"
    r"học viện hành chính|khu vực|quân khu)",
    re.I,
)
_DISTRICT = re.compile(r"\b(huyện|quận|thị xã|cấp huyện|huyện ủy|thị ủy)\b", re.I)
_COMMUNE = re.compile(r"\b(xã|phường|thị trấn|đặc khu|cấp xã)\b", re.I)


def agency_value(text: str, province: str | None = None) -> dict[str, Any]:
    name = canonical_name(text, province)
    key = name_key(name)
    kind = next((k for k, rx in _KIND_PATTERNS if rx.search(key)), "other")
    if _CENTRAL.search(key) and not re.search(r"\btỉnh\b", key):
        level = "central"
    elif _COMMUNE.search(key) and not _DISTRICT.search(key):
        level = "commune"
    elif _DISTRICT.search(key):
        level = "district"
    else:
        level = "province"
    return {"canonical": name, "level": level, "kind": kind}
