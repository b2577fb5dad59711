"""Document-level metadata read off the structure: province, issuer, number,
date, kind, title. These are what analysts filter and join on."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from pipeline.normalize.text import loose_key, name_key
from pipeline.structure.lines import plain
from pipeline.structure.model import Structure


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """name_key and loose_key -> canonical province name."""
    names = [
        ln.strip()
        for ln in resources.files("pipeline.resources").joinpath("provinces.txt").read_text("utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    table: dict[str, str] = {}
    for name in names:
        table[name_key(name)] = name
        table.setdefault(loose_key(name), name)
    return table


_UNIT = r"(?:tỉnh|thành phố|tp\.?)\s+"


@lru_cache(maxsize=1)
def _province_regexes() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    table = provinces()
    alt = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    rx = re.compile(rf"(?<!\w)({_UNIT})?({alt})(?!\w)")
    return rx, rx, table


def _find_provinces(text: str, weighted: bool = False) -> list[str]:
    """Province names in ``text``. With ``weighted``, a name preceded by
    "tỉnh"/"thành phố" counts three times: "Hồ Chí Minh" alone is mostly the
    academy or the ideology, "thành phố Hồ Chí Minh" is the city."""
    rx, _, table = _province_regexes()
    found: list[str] = []
    for hay in {name_key(text), loose_key(text)}:
        for m in rx.finditer(hay):
            name = table[m.group(2)]
            unit = bool(m.group(1))
            if name == "Hồ Chí Minh" and not unit:
                continue
            found.extend([name] * (3 if weighted and unit else 1))
    return found


def province_of(text: str, structure: Structure) -> str | None:
    """The province a plan belongs to: named in the header (issuer, place,
    body, title), else the one the text names most often."""
    header = structure.header
    if header is not None:
        for name in ("issuer", "enacting_body", "body", "place", "title"):
            f = header.field(name)
            if f is not None:
                hits = _find_provinces(text[f.start : f.end])
                if hits:
                    return hits[0]
    counts = Counter(_find_provinces(text[:20000], weighted=True))
    return counts.most_common(1)[0][0] if counts else None


def document_metadata(text: str, structure: Structure, province: str | None = None) -> dict[str, str | None]:
    header = structure.header
    meta: dict[str, str | None] = {"province": province or province_of(text, structure)}
    for name in ("issuer", "number", "date", "kind", "title", "place", "source_url"):
        f = header.field(name) if header is not None else None
        if f is None:
            meta[name] = None
        elif name in ("date", "kind") and f.value:
            meta[name] = f.value
        else:
            meta[name] = plain(text[f.start : f.end])
    if meta["number"]:
        number = re.sub(r"\s+", "", meta["number"])
        meta["number"] = number if re.search(r"\d", number) else None  # a draft's "Số: /KH-UBND"
    return meta
