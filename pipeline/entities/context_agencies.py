"""Agencies that the context alone vouches for.

The tagger weighs every agency-like phrase in context and learns most
contexts from the annotated plans, but some contexts are both rare in any
one plan and unambiguous in all of them (GUIDELINES D3.2, D7.7f, D8.4-8.5):

* the issuer after a citation: "Nghị định số 101/2017/NĐ-CP ngày ... của «Chính phủ»";
* the value of a labelled agency field: "Cơ quan tổ chức thực hiện: «Ban Tổ chức Tỉnh ủy»",
  "Đơn vị bồi dưỡng: «Học viện Quốc phòng»; «Quân khu V»";
* the provider of a course: "do «Học viện Hành chính» tổ chức", "tại «Học viện Chính trị khu vực III»:".

A phrase the agency grammar finds in one of these contexts is an AGENCY
unless the tagger or a rule already put another span over it.
"""

from __future__ import annotations

import re

from pipeline.entities.patterns import Match

_ISSUER_GAP = re.compile(r"[\s)*_]*,?\s*của\s*$", re.IGNORECASE)
_FIELD_LINE = re.compile(
    r"(?i)^[\s\-+•*#]*(?:cơ\s+quan|đơn\s+vị)\s+(?:chỉ\s+đạo|tổ\s+chức|chủ\s+trì|phối\s+hợp|đào\s+tạo|bồi\s+dưỡng|thực\s+hiện)"
    r"[^:\n]{0,30}:[\s*_]*(?:[^:\n]*?[;,][\s*_]*)?$"
)
_PROVIDER_BEFORE = re.compile(r"(?i)(?:\bdo|\btại)\s+$")
_PROVIDER_AFTER = re.compile(r"(?i)^\s*(?:tổ\s+chức|chủ\s+trì|thực\s+hiện|mở\s+lớp|giảng\s+dạy|:)")
# the grammar can run on into what the issuer did ("của Chính phủ sửa đổi ...")
_ISSUER_VERB = re.compile(
    r"(?i)\s+(?:về|v/v|phê\s+duyệt|sửa\s+đổi|quy\s+định|hướng\s+dẫn|ban\s+hành|bổ\s+sung|triển\s+khai|thực\s+hiện)\b"
)
_VALUE_END = re.compile(r"^[\s*_]*(?:[;,.)]|$)", re.MULTILINE)
_TRAINING_BODY = re.compile(r"(?i)^(?:học\s+viện|trường|trung\s+tâm|quân\s+khu|các\s+cơ\s+sở\s+đào\s+tạo)")


def _is_issuer(text: str, start: int, citations: list[Match]) -> bool:
    for m in citations:
        if m.end <= start and start - m.end <= 12 and _ISSUER_GAP.search(text, m.end, start):
            return _ISSUER_GAP.search(text[m.end : start]) is not None
    return False


def context_agencies(text: str, agencies: list[tuple[int, int]], matches: list[Match]) -> list[tuple[int, int]]:
    citations = [m for m in matches if m.label in ("LEGAL_REF", "DATE")]
    out: list[tuple[int, int]] = []
    for s, e in agencies:
        line_start = text.rfind("\n", 0, s) + 1
        before = text[max(line_start, s - 200) : s]
        if _is_issuer(text, s, citations):
            verb = _ISSUER_VERB.search(text, s, e)
            e = verb.start() if verb else e
            if e < len(text) and text[e].isalnum():  # the grammar stopped inside a word
                continue
            out.append((s, e))
        elif _FIELD_LINE.match(text[line_start:s]):
            if _VALUE_END.match(text[e : e + 10]):  # the whole value, not a piece the grammar could read
                out.append((s, e))
        elif (
            _PROVIDER_BEFORE.search(before)
            and _TRAINING_BODY.match(text[s:e])
            and _PROVIDER_AFTER.match(text[e : e + 20])
        ):
            out.append((s, e))
    return out


def add_context_agencies(
    text: str, spans: list[tuple[int, int, str, float]], agencies: list[tuple[int, int]], matches: list[Match]
) -> list[tuple[int, int, str, float]]:
    """``spans`` plus the context agencies that no span overlaps."""
    added = [
        (s, e, "AGENCY", 1.0)
        for s, e in context_agencies(text, agencies, matches)
        if not any(a < e and s < b for a, b, _, _ in spans)
    ]
    return sorted(spans + added) if added else spans
