"""Where no TASK can be, whatever reads like an activity there (D7.2, D7.4,
D9.2, D10.2): under a "Mục tiêu", "Mục đích", "Yêu cầu", "Quan điểm", "Đối
tượng" or "Phạm vi" heading ("Có ít nhất 85% viên chức ... được bồi dưỡng
..." is a target), over a group of activity items, at the head of a
sub-list, in a table's group row, in a who/when/for-whom field, and over
the words a date cut left behind."""

from __future__ import annotations

import re

from pipeline.entities.features import column_role
from pipeline.entities.task_words import ACTIVITY_OPENER, LINE_LEAD, Span4
from pipeline.structure.lines import plain
from pipeline.structure.model import Node, Structure

# the heading must open with the word: "Bồi dưỡng theo yêu cầu của vị trí
# việc làm" is an activity, "II. YÊU CẦU" is not
NO_TASK_HEADING = re.compile(
    r"(?i)^(?:[\W_]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)/]\s*)?[\W_]*"
    r"(?:mục\s+(?:tiêu|đích)|yêu\s+cầu|quan\s+điểm|đối\s+tượng|phạm\s+vi)\b"
)


def no_task_sections(text: str, structure: Structure) -> list[tuple[int, int]]:
    """Extents of the sections whose items are not TASKs (D7.2)."""
    out: list[tuple[int, int]] = []

    def visit(node: Node) -> None:
        title = node.title
        heading = node.kind == "heading" and title is not None
        if heading and NO_TASK_HEADING.match(plain(text[title.start : title.end])):
            out.append((node.start, node.end))
            return
        for child in node.children:
            visit(child)

    for node in structure.nodes:
        visit(node)
    return out


def drop_tasks_in(spans: list[Span4], sections: list[tuple[int, int]]) -> list[Span4]:
    return [sp for sp in spans if sp[2] != "TASK" or not any(a <= sp[0] < b for a, b in sections)]


# ":" then a list in the same block: "Đẩy mạnh hợp tác đào tạo, bồi dưỡng CB,CC,VC:</p> <ul> <li>- ..."
_LIST_HEAD_END = re.compile(r"[ \t*_]*:(?:\s|<[^>\n]{0,80}>)*(?:[-+•]|\d+[.)]\s|[a-zđ]\)\s)")


def drop_list_heads(text: str, spans: list[Span4]) -> list[Span4]:
    """Drop a TASK that introduces a list after its colon, in a table cell
    or a paragraph (D7.4: the head of a cell or a sub-list is not a TASK; its
    items are)."""
    return [x for x in spans if x[2] != "TASK" or not _LIST_HEAD_END.match(text, x[1])]


_GAP = re.compile(r"[ \t\u00a0,]*(?:(?:trong|vào|đến|trước|từ)[ \t\u00a0]+)?")


def drop_cut_remnants(text: str, spans: list[Span4]) -> list[Span4]:
    """Drop a TASK that only continues the sentence of the TASK before it
    past a date cut ("«tổ chức triển khai Kế hoạch ...» năm 2025 đảm bảo chất
    lượng, tiến độ"): words after a cut point are outside every TASK (D7.7)."""
    out: list[Span4] = []
    for x in spans:
        if x[2] == "TASK" and len(out) >= 2:
            date, task = out[-1], out[-2]
            if (
                date[2] == "DATE"
                and task[2] == "TASK"
                and _GAP.fullmatch(text, task[1], date[0])
                and not text[date[1] : x[0]].strip(" \t\u00a0")
            ):
                continue
        out.append(x)
    return out


def group_titles(text: str, structure: Structure) -> list[tuple[int, int]]:
    """Titles of headings whose sub-items are activities themselves: only the
    lowest-level items are TASKs (D7.1), so "1. Xây dựng kế hoạch đào tạo,
    bồi dưỡng:" over "- Tổ chức rà soát ..." is not one. A programme heading
    over labelled fields ("Cơ quan chỉ đạo thực hiện: ...") stays a TASK."""
    from pipeline.entities.features import is_programme

    out: list[tuple[int, int]] = []
    for node in structure.walk():
        if node.kind != "heading" or node.title is None:
            continue
        if is_programme(text, node):
            continue  # a programme: its title is the TASK its fields describe (D10.2)
        for child in node.children:
            if child.kind not in ("list_item", "heading"):
                continue
            start = child.title.start if child.title is not None else child.start
            start = LINE_LEAD.match(text, start, child.end).end()
            if ACTIVITY_OPENER.match(text, start, child.end):
                out.append((node.title.start, node.title.end))
                break
    return out


_ACTOR_FIELDS = ("directs", "chair", "provides", "time", "target")
# the label must open with the field's noun: "Bồi dưỡng ... dành cho đối tượng:" is a course line
_ACTOR_LABEL = re.compile(
    r"(?i)^[\W_]*(?:cơ\s+quan|đơn\s+vị|thời\s+(?:gian|hạn|điểm)|tiến\s+độ|đối\s+tượng|cơ\s+sở|giảng\s+viên)[^:]{0,40}:"
)


def actor_fields(text: str, structure: Structure) -> list[tuple[int, int]]:
    """Labelled fields that name who, when or for whom ("Đơn vị bồi dưỡng: ...;
    mời báo cáo viên Trung ương", "Thời gian thực hiện: ..."): their values
    are bodies, dates and groups, never a TASK (D10.2)."""
    from pipeline.entities.features import blocks_of

    return [
        (b.start, b.end)
        for b in blocks_of(structure, text)
        if b.info.get("field") in _ACTOR_FIELDS and _ACTOR_LABEL.match(plain(text[b.start : b.end]))
    ]


def group_rows(structure: Structure) -> list[tuple[int, int]]:
    """Group rows of tables ("| I | Xây dựng và triển khai kế hoạch | | |"):
    titles of the rows below, not TASKs (D9.2). A group row with figures of
    its own (a quota table's "I | ĐÀO TẠO | 1.250 | 270") is a course line
    (D9.7) and stays."""
    return [
        (row.start, row.end)
        for table in structure.tables
        for row in table.rows
        if row.kind == "group" and all(c.end <= c.start for c in row.cells[2:])
    ]


def duty_tables(structure: Structure) -> list[tuple[int, int]]:
    """Extents of the tables whose rows are duties: a column names the bodies
    that chair them ("Cơ quan chủ trì"). Their activity cells are TASKs whole,
    where a table of courses has course names (D7.8)."""
    return [
        (table.start, table.end)
        for table in structure.tables
        if any(column_role(cell.header) == "chair" for row in table.rows for cell in row.cells)
    ]
