"""The pure-rules entity recogniser: patterns, the agency grammar and a few
structure rules. It is vnplan without any trained component, kept as a
baseline and as a fallback when no model is installed.

Structure rules: the signer of a signature is a PERSON, and so is an official
a news item names by an honorific or before an office; the content cell of an
assignment table row and each list item under a duty section headed by an
agency are TASKs (without their numbering, trailing punctuation or a trailing
deadline). Nothing in the site chrome around a plan is an entity.
"""

from __future__ import annotations

import re

from pipeline.entities.agencies import find_agencies
from pipeline.entities.features import _is_agency_title, column_role
from pipeline.entities.patterns import find_all
from pipeline.entities.persons import find_persons
from pipeline.entities.postprocess import drop_in_site_chrome
from pipeline.structure.lines import trim
from pipeline.structure.model import Node, Structure

Spans = list[tuple[int, int, str]]
_YEAR_CELL = re.compile(r"(?:19|20)\d{2}")
_NUMBER_CELL = re.compile(r"\d{1,3}(?:\.\d{3})*")
_AMOUNT_CELL = re.compile(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?")
_LEAD = re.compile(r"^(?:[-+•*]\s*|[a-zđ]\)\s*|\d+(?:\.\d+)*\.?\s+)")


def _task_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    s, e = trim(text, start, end, extra=".;:,")
    m = _LEAD.match(text[s:e])
    if m:
        s += m.end()
    s, e = trim(text, s, e, extra=".;:,")
    return (s, e) if e - s > 3 else None


_TITLE_TAIL = re.compile(r"\s+(đối tượng|dành cho đối tượng)$")


def programme_tasks(text: str, structure: Structure) -> Spans:
    """A heading followed by labelled fields ("Cơ quan chỉ đạo thực hiện:",
    "Đơn vị đào tạo:", "Số lượng:", "Thời gian thực hiện:") is a programme: its
    title is a TASK. The layout is general to provincial plans, so it is a rule
    rather than something each model must relearn from the one plan that has it."""
    from pipeline.entities.features import is_programme

    spans: Spans = []
    for node in structure.walk():
        if is_programme(text, node):
            span = _task_span(text, node.title.start, node.title.end)
            if span:
                s, e = span
                m = _TITLE_TAIL.search(text[s:e])
                spans.append((s, s + m.start() if m else e, "TASK"))
    return spans


_ROMAN = re.compile(r"[IVXLC]+")
_TOTAL = re.compile(r"(?i)^\W*(?:tổng|cộng)")


def _row_level(stt: str) -> int | None:
    """Depth of a row from its number cell: A/B categories 0, I/II 1, 1/2 2, 1.1 3."""
    stt = stt.strip(" .*")
    if re.fullmatch(r"\d+(?:\.\d+)+", stt):
        return 3
    if stt.isdigit():
        return 2
    if _ROMAN.fullmatch(stt):
        return 1
    if re.fullmatch(r"[A-ZĐ]", stt):
        return 0
    return None


def quota_table_tasks(text: str, structure: Structure) -> Spans:
    """GUIDELINES D9.7: in a quota table (a content column and count
    columns), the name cell of a numbered row with no sub-rows is a TASK (a
    course or programme); category rows (A, B), rows that head sub-rows and
    totals rows are not."""
    spans: Spans = []
    for table in structure.of_kind("table"):
        roles = [column_role(h) for h in table.attrs.get("header") or []]
        if "content" not in roles or "count" not in roles or "stt" not in roles:
            continue
        content, stt = roles.index("content"), roles.index("stt")
        rows = []
        for row in table.rows:
            if row.kind not in ("body", "group"):
                continue
            cells = {c.column: c for c in row.cells}
            if content in cells and stt in cells:
                rows.append((_row_level(text[cells[stt].start : cells[stt].end]), cells[content]))
        for i, (level, cell) in enumerate(rows):
            nxt = rows[i + 1][0] if i + 1 < len(rows) else None
            name = text[cell.start : cell.end]
            if level is None or level == 0 or (nxt is not None and nxt > level) or _TOTAL.match(name):
                continue
            span = _task_span(text, cell.start, cell.end)
            if span:
                spans.append((*span, "TASK"))
    return spans


def structure_rules(text: str, structure: Structure) -> Spans:
    spans: Spans = programme_tasks(text, structure) + quota_table_tasks(text, structure)
    spans += [(s, e, "PERSON") for s, e in find_persons(text)]  # news items name officials
    for node in structure.walk():
        if node.kind == "signature":
            f = node.field("signer")
            if f is not None:
                spans.append((f.start, f.end, "PERSON"))
        elif node.kind == "table":
            header = node.attrs.get("header") or []
            roles = [column_role(h) for h in header]
            content_cols = [i for i, r in enumerate(roles) if r == "content"]
            count_cols = [i for i, r in enumerate(roles) if r == "count"]
            money_cols = [i for i, r in enumerate(roles) if r == "money"]
            percent_cols = [i for i, r in enumerate(roles) if r == "percent"]
            for row in node.rows:
                if row.kind == "header":
                    # years heading the columns of a quota table
                    for cell in row.cells:
                        if _YEAR_CELL.fullmatch(text[cell.start : cell.end]):
                            spans.append((cell.start, cell.end, "DATE"))
                    continue
                for cell in row.cells:
                    if cell.column in content_cols and row.kind in ("body", "continuation"):
                        span = _task_span(text, cell.start, cell.end)
                        if span:
                            spans.append((*span, "TASK"))
                    elif cell.column in count_cols and _NUMBER_CELL.fullmatch(text[cell.start : cell.end]):
                        # a bare number under a "số lượng/tổng số/year" header counts people
                        spans.append((cell.start, cell.end, "QUOTA"))
                    elif cell.column in money_cols and _AMOUNT_CELL.fullmatch(text[cell.start : cell.end]):
                        # a bare amount under "Kinh phí (triệu đồng)": the header gives the unit
                        spans.append((cell.start, cell.end, "MONEY"))
                    elif cell.column in percent_cols and _AMOUNT_CELL.fullmatch(text[cell.start : cell.end]):
                        # a bare rate under "Tỷ lệ (%)" (D11.27)
                        spans.append((cell.start, cell.end, "PERCENT"))
        elif (
            node.kind == "heading"
            and node.title is not None
            and _is_agency_title(text[node.title.start : node.title.end])
        ):
            for child in _items(node):
                if child.title is not None:
                    span = _task_span(text, child.title.start, child.title.end)
                    if span:
                        spans.append((*span, "TASK"))
    return spans


def _items(node: Node) -> list[Node]:
    out = []
    for child in node.children:
        if child.kind in ("list_item", "heading") and not child.children:
            out.append(child)
        elif child.kind in ("list_item", "heading"):
            out.extend(_items(child))
    return out


def rule_entities(text: str, structure: Structure) -> Spans:
    """All rule spans, non-overlapping: patterns first, then structure rules
    (a TASK keeps out of pattern spans by being cut before them), then agencies."""
    spans: Spans = [(m.start, m.end, m.label) for m in find_all(text)]
    taken = [(s, e) for s, e, _ in spans]
    spans, taken = _add_structure(text, structure, spans, taken)
    for s, e in find_agencies(text):
        if not any(s < b and a < e for a, b in taken):
            spans.append((s, e, "AGENCY"))
            taken.append((s, e))
    return sorted(drop_in_site_chrome(text, structure, spans))


def _add_structure(text: str, structure: Structure, spans: Spans, taken: list[tuple[int, int]]):

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in taken)

    for s, e, label in structure_rules(text, structure):
        if label == "TASK":
            # cut a TASK before the first pattern span inside it (a trailing date/quota)
            inside = sorted(a for a, b in taken if s <= a < e)
            if inside:
                e = trim(text, s, inside[0], extra=".;:,")[1]
        if e > s and free(s, e):
            spans.append((s, e, label))
            taken.append((s, e))
    return spans, taken


_EXECUTION = re.compile(
    r"(?i)chịu\s+trách\s+nhiệm\s+(?P<a>thi\s+hành\s+(?:quyết\s*định|kế\s*hoạch|chỉ\s*thị|nghị\s*quyết)\s*này)"
    r"|(?<=\w )(?P<b>căn\s+cứ\s+(?:(?:quyết\s+định|kế\s+hoạch)\s+)?(?:thi\s+hành|thực\s+hiện))(?=\s*(?:\./\.|[.;]|$))"
)


def execution_tasks(text: str) -> Spans:
    """The execution clause that closes a decision (GUIDELINES D7.9): "...
    chịu trách nhiệm thi hành Quyết định này", "... căn cứ thực hiện./.".
    Nearly every decision ends with one, in the same words, and the bodies
    listed before it chair it."""
    out: Spans = []
    for m in _EXECUTION.finditer(text):
        group = "a" if m.group("a") else "b"
        out.append((m.start(group), m.end(group), "TASK"))
    return out


def header_authorities(text: str, structure: Structure) -> Spans:
    """The authority lines of a header are one AGENCY, across the line break
    (D1.3, D11.1): «ỦY BAN NHÂN DÂN\nTỈNH SƠN LA», «TỈNH ỦY HƯNG YÊN\nBAN THƯỜNG
    VỤ». Only an issuer read from authority lines, not one copied from a BODY
    line."""
    from pipeline.structure.header import continues_authority, is_authority

    spans: Spans = []
    for node in structure.of_kind("header"):
        f = node.field("issuer")
        if f is None:
            continue
        lines = [ln for ln in text[f.start : f.end].split("\n") if ln.strip()]
        if lines and is_authority(lines[0]) and all(is_authority(ln) or continues_authority(ln) for ln in lines[1:]):
            spans.append((f.start, f.end, "AGENCY"))
    return spans


def regular_entities(text: str, structure: Structure, matches=None) -> Spans:
    """The high-precision part of the rules: patterns plus the table and
    signature rules, for the labels the trained tagger does not override
    (LEGAL_REF, DATE, PERCENT, MONEY, QUOTA, PERSON)."""
    spans: Spans = [(m.start, m.end, m.label) for m in (find_all(text) if matches is None else matches)]
    taken = [(s, e) for s, e, _ in spans]
    spans, _ = _add_structure(text, structure, spans, taken)
    programme = set(programme_tasks(text, structure)) | set(quota_table_tasks(text, structure))
    kept = [x for x in spans if x[2] in REGULAR_LABELS or x in programme]
    kept += [t for t in execution_tasks(text) if not any(s < t[1] and t[0] < e for s, e, _ in kept)]
    kept += [t for t in header_authorities(text, structure) if not any(s < t[1] and t[0] < e for s, e, _ in kept)]
    return sorted(kept)


REGULAR_LABELS = frozenset({"LEGAL_REF", "DATE", "PERCENT", "MONEY", "QUOTA", "PERSON"})
