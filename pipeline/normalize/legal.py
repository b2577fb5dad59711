"""LEGAL_REF values: document type, number, year, symbol, issuer code and a
canonical id, so that the same decree cited by two provinces joins in the KB.

National documents carry their issuer in the symbol (NĐ-CP, QĐ-TTg, TT-BNV,
CT-TTg, NQ/TW ...), which makes "101/2017/NĐ-CP" unique. Local ones
("269/QĐ-UBND", "39/KH-UBND") repeat in every province, so their id is
qualified by the citing document's province. Laws are identified by title and
year ("luat:vien-chuc:2010").
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pipeline.normalize.text import name_key, strip_diacritics

TYPES = {
    "nghị định": "Nghị định", "nghị quyết": "Nghị quyết", "quyết định": "Quyết định", "thông tư": "Thông tư",
    "thông tư liên tịch": "Thông tư liên tịch", "chỉ thị": "Chỉ thị", "kế hoạch": "Kế hoạch",
    "công văn": "Công văn", "hướng dẫn": "Hướng dẫn", "thông báo": "Thông báo", "tờ trình": "Tờ trình",
    "báo cáo": "Báo cáo", "kết luận": "Kết luận", "quy định": "Quy định", "pháp lệnh": "Pháp lệnh",
    "đề án": "Đề án", "chương trình": "Chương trình", "văn bản": "Văn bản", "luật": "Luật",
    "bộ luật": "Bộ luật", "quy chế": "Quy chế",
}  # fmt: skip
# symbol prefixes -> document type, for bare numbers ("269/QĐ-UBND" in a header)
SYMBOL_TYPES = {
    "NĐ": "Nghị định", "NQ": "Nghị quyết", "QĐ": "Quyết định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch",
    "CT": "Chỉ thị", "KH": "Kế hoạch", "CV": "Công văn", "HD": "Hướng dẫn", "TB": "Thông báo",
    "TTr": "Tờ trình", "BC": "Báo cáo", "KL": "Kết luận",
}  # fmt: skip
NATIONAL_ISSUERS = {
    "CP", "TTG", "BNV", "BTC", "BKHĐT", "BGDĐT", "BLĐTBXH", "BTP", "BYT", "TW", "BCT", "BTCTW", "HVCTQG",
    "QH", "UBTVQH", "VPCP", "BTTTT", "BQP", "BCA", "HĐGDQPAN", "BTGTW", "BNG",
}  # fmt: skip
_NUMBERED = re.compile(
    r"^(?P<type>[^\d]*?)\s*(?:số)?\s*:?\s*(?P<number>\d{1,5}[a-z]?)\s*(?:/\s*(?P<year>\d{4}))?\s*[/-]\s*"
    r"(?P<symbol>[A-ZĐa-zđ][\w&.\-/ ]*)$",
    re.IGNORECASE,
)
_TITLE_ABBR = {"HĐND": "Hội đồng nhân dân", "UBND": "Ủy ban nhân dân", "CBCC": "cán bộ, công chức"}
_LAW_YEAR = re.compile(r"\s+năm\s+(?P<year>\d{4})$")


def slug(text: str) -> str:
    s = strip_diacritics(name_key(text))
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _clean(text: str) -> str:
    t = re.sub(r"\*+|</?\w+>", "", unicodedata.normalize("NFC", text))
    return re.sub(r"\s+", " ", t).strip()


# a document number the conversion split: "số 4 5/KH-UBND" is number 45 (D11.13)
_SPLIT_NUMBER = re.compile(r"(?<![\d/])(\d{1,2}) (\d{1,3})(?=\s*/)")


def legal_value(text: str, province: str | None = None, year_hint: int | None = None) -> dict[str, Any]:
    t = _SPLIT_NUMBER.sub(r"\1\2", _clean(text))
    m = _NUMBERED.match(t)
    if m and re.search(r"\d", t):
        raw_type = name_key(m.group("type") or "")
        symbol = re.sub(r"\s+", "", m.group("symbol")).replace(".", "-")
        parts = re.split(r"[-/]", symbol)
        doc_type = TYPES.get(raw_type) or SYMBOL_TYPES.get(parts[0]) or SYMBOL_TYPES.get(parts[0].upper())
        issuer = parts[-1].upper() if len(parts) > 1 else None
        year = int(m.group("year")) if m.group("year") else year_hint
        national = bool(issuer and issuer.upper() in NATIONAL_ISSUERS)
        number = m.group("number").lstrip("0") or "0"
        key = f"{slug(doc_type or 'van-ban')}:{number}/{year or '?'}/{slug(symbol)}"
        if not national and province:
            key += f"@{slug(province)}"
        return {
            "type": doc_type,
            "number": number,
            "year": year,
            "symbol": symbol,
            "issuer_code": issuer,
            "scope": "national" if national else "local",
            "canonical_id": key,
        }
    # a law (or another document cited by its title)
    year_m = _LAW_YEAR.search(t)
    year = int(year_m.group("year")) if year_m else year_hint
    title = t[: year_m.start()] if year_m else t
    words = title.split()
    doc_type = "Luật" if words and words[0].lower() == "luật" else TYPES.get(name_key(" ".join(words[:2])))
    # "Luật Tổ chức HĐND và UBND" is "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân"
    words = [_TITLE_ABBR.get(w.upper(), w) for w in words]
    body = " ".join(words[1:]) if doc_type == "Luật" else title
    return {
        "type": doc_type or None,
        "title": title,
        "year": year,
        "scope": "national",
        "canonical_id": f"{slug(doc_type or 'van-ban')}:{slug(body)}" + (f":{year}" if year else ""),
    }
