"""One entry point: the normalised value of an entity, by label."""

from __future__ import annotations

import re
from typing import Any

from pipeline.normalize.agency import agency_value
from pipeline.normalize.dates import parse_date
from pipeline.normalize.legal import legal_value
from pipeline.normalize.numbers import money_value, percent_value, quota_value


def normalize(
    label: str, text: str, province: str | None = None, year_hint: int | None = None
) -> dict[str, Any] | None:
    if label == "DATE":
        value = parse_date(text)
        return value.as_dict() if value else None
    if label == "PERCENT":
        return percent_value(text)
    if label == "QUOTA":
        return quota_value(text)
    if label == "MONEY":
        return money_value(text)
    if label == "LEGAL_REF":
        return legal_value(text, province, year_hint)
    if label == "AGENCY":
        return agency_value(text, province)
    if label == "PERSON":
        return {"name": re.sub(r"\s+", " ", re.sub(r"\*+|</?\w+>", "", text)).strip()}
    if label == "TASK":
        return {"text": re.sub(r"\s+", " ", re.sub(r"\*+|</?\w+>", "", text)).strip()}
    return None
