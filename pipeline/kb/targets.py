"""Percentage and quota targets with what they constrain.

"Phấn đấu đến năm 2025, 100% cán bộ, công chức cấp xã được bồi dưỡng ..." is a
target on a *group* ("cán bộ, công chức cấp xã") about a *content* ("được bồi
dưỡng ..."), due by a *year*. The group follows a percentage up to its
predicate; a quota's content is the activity before it ("Bồi dưỡng kiến thức
quốc phòng - an ninh: 19.547 lượt người") and its group the counted noun.
Heuristic by design: the KB keeps the sentence and heading path next to the
guess so an analyst can check it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.records import DocumentRecord
from pipeline.structure.lines import plain
from pipeline.structure.model import PathIndex, Structure

_PREDICATE = re.compile(
    r"\s(được|có|đáp ứng|thực hiện|sử dụng|phải|đạt|tham gia|hoàn thành|giữ|là|biết|hoàn thiện|chiếm|"
    r"trở lên|trở xuống)\b",
    re.I,
)
_CLAUSE_END = re.compile(r"[;.!?](\s|$)|\n")
_LEAD = re.compile(r"^[\s\-+*•]*(?:[a-zđ]\)|\d+(?:\.\d+)*\.)?\s*")


@dataclass
class Target:
    entity_index: int
    grp: str | None
    content: str | None
    year: str | None
    sentence: str
    headings: str


def _clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The clause of [start, end) within [lo, hi): between sentence ends."""
    s = lo
    for m in _CLAUSE_END.finditer(text, lo, start):
        s = m.end()
    m = _CLAUSE_END.search(text, end, hi)
    return s, (m.start() if m else hi)


def compute_targets(record: DocumentRecord) -> list[Target]:
    text = record.text
    structure = Structure.from_dict(record.structure) if record.structure else None
    dates = [(e.start, e.end, e.value) for e in record.entities if e.label == "DATE"]
    paths = PathIndex(structure) if structure else None
    out: list[Target] = []
    for i, ent in enumerate(record.entities):
        if ent.label not in ("PERCENT", "QUOTA"):
            continue
        path = paths.path_at(ent.start) if paths else []
        block = path[-1] if path else None
        lo, hi = (block.start, block.end) if block else (max(0, ent.start - 300), min(len(text), ent.end + 300))
        if block is not None and block.kind == "table":
            row = next((r for r in block.rows if r.start <= ent.start < r.end), None)
            lo, hi = (row.start, row.end) if row else (lo, hi)
        c0, c1 = _clause(text, ent.start, ent.end, lo, hi)
        sentence = plain(text[c0:c1])
        headings = " > ".join(
            plain(text[n.title.start : n.title.end]) for n in path if n.kind == "heading" and n.title is not None
        )
        after = text[ent.end : c1]
        before = _LEAD.sub("", text[c0 : ent.start])
        if ent.label == "PERCENT":
            m = _PREDICATE.search(after)
            grp = plain(after[: m.start()] if m else after).strip(" ,:;") or None
            content = plain(after[m.start() :]).strip(" ,:;") if m else None
        else:
            value = ent.value or {}
            grp = value.get("unit")
            content = plain(before).strip(" ,:;") or None
        in_clause = [d for d in dates if c0 <= d[0] < c1]
        year_src = in_clause[-1] if in_clause else None
        year = None
        if year_src and year_src[2]:
            v = year_src[2]
            year = (
                (v.get("start") or "")[:4]
                if v.get("kind") != "period"
                else f"{(v.get('start') or '')[:4]}-{(v.get('end') or '')[:4]}"
            )
        out.append(Target(i, grp, content[:300] if content else None, year or None, sentence[:500], headings))
    return out
