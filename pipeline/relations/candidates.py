"""Candidate argument pairs for relations, with the features that decide them.

Plans state relations in four ways, and each has its own candidate source:

* table rows: the agency cells of a row (by column role: chair, coordinators)
  and the row's content-cell TASK, its time cell DATE, its number cells QUOTA;
  a continuation row (empty STT and agency cells) inherits the row above;
* duty sections: an agency-titled heading and the TASKs below it;
* labelled fields under a programme heading ("Cơ quan chỉ đạo thực hiện: X",
  "Đơn vị đào tạo: X", "Số lượng: N", "Thời gian thực hiện: ...");
* free text: entities of the same block (sentence, list item) in order, with
  the cue words between them ("chủ trì", "phối hợp với", "của", "do ... tổ chức").

Every pair carries its *source* and cue features; the classifier decides the
label (or none). Pairs are restricted to the schema's argument types.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.entities.features import Block, blocks_of, column_role, field_role
from pipeline.structure.lines import plain
from pipeline.structure.model import Node, Structure


@dataclass(frozen=True)
class Ent:
    start: int
    end: int
    label: str


@dataclass
class Candidate:
    head: Ent
    tail: Ent
    kind: str  # agency-task | task-date | task-quota | legal-agency
    features: dict[str, str | float | bool] = field(default_factory=dict)


@dataclass
class _Where:
    block: Block | None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    role: str = "-"
    headings: tuple[int, ...] = ()  # start offsets of enclosing headings, outermost first


_CUES = {
    "chutri": re.compile(r"chủ trì", re.I),
    "phoihop": re.compile(r"phối hợp", re.I),
    "giao": re.compile(r"\b(giao|đề nghị|yêu cầu)\b", re.I),
    "chidao": re.compile(r"chỉ đạo", re.I),
    "cua": re.compile(r"\bcủa\b", re.I),
    "do": re.compile(r"\bdo\b", re.I),
    "voi": re.compile(r"\bvới\b", re.I),
    "banhanh": re.compile(r"ban hành|ký", re.I),
    "tochuc": re.compile(r"tổ chức|mở lớp", re.I),
    "truoc": re.compile(r"\b(trước|trong|đến|hoàn thành)\b", re.I),
    "semi": re.compile(r";"),
    "stop": re.compile(r"[.!?](\s|$)"),
    "colon": re.compile(r":"),
    "newline": re.compile(r"\n"),
}


def _bucket(n: int, edges=(0, 1, 3, 10, 30, 80, 200, 500)) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return ">500"


class _Index:
    """Where every entity sits in the structure."""

    def __init__(self, text: str, structure: Structure, ents: list[Ent]) -> None:
        self.text = text
        self.blocks = blocks_of(structure, text)
        self.block_starts = [b.start for b in self.blocks]
        self.tables: list[Node] = structure.tables
        self.headings: dict[int, Node] = {}
        for node in structure.walk():
            if node.kind == "heading":
                self.headings[node.start] = node
        self.structure = structure
        self.where: dict[Ent, _Where] = {e: self._locate(e) for e in ents}

    def _locate(self, e: Ent) -> _Where:
        bi = bisect.bisect_right(self.block_starts, e.start) - 1
        block = self.blocks[bi] if bi >= 0 and self.blocks[bi].start <= e.start < self.blocks[bi].end else None
        w = _Where(block)
        for ti, table in enumerate(self.tables):
            if table.start <= e.start < table.end:
                for ri, row in enumerate(table.rows):
                    for cell in row.cells:
                        if cell.start <= e.start < max(cell.end, cell.start + 1):
                            w.table, w.row, w.col = ti, ri, cell.column
                            w.role = block.info.get("role", "-") if block else "-"
                break
        path = self.structure.path_at(e.start)
        w.headings = tuple(n.start for n in path if n.kind == "heading")
        return w


def _between(text: str, a: Ent, b: Ent) -> str:
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return text[lo:hi] if hi > lo else ""


def _cue_features(prefix: str, s: str) -> dict[str, bool]:
    return {f"{prefix}_{k}": bool(rx.search(s)) for k, rx in _CUES.items()}


def _row_kind(index: _Index, w: _Where) -> str:
    if w.table is None or w.row is None:
        return "-"
    return index.tables[w.table].rows[w.row].kind


def _same_row(index: _Index, a: _Where, b: _Where) -> str:
    """'same', 'above' (a's row is the one a continuation row b inherits) or '-'."""
    if a.table is None or a.table != b.table:
        return "-"
    if a.row == b.row:
        return "same"
    rows = index.tables[a.table].rows
    if b.row is not None and a.row is not None and a.row < b.row:
        between = rows[a.row + 1 : b.row + 1]
        if between and all(r.kind == "continuation" for r in between):
            return "above"
    return "-"


def _pair_features(index: _Index, head: Ent, tail: Ent, ents_sorted: list[Ent], starts: list[int]) -> dict:
    text = index.text
    wh, wt = index.where[head], index.where[tail]
    between = _between(text, head, tail)
    lo, hi = sorted((head.end, tail.start)) if head.end <= tail.start else sorted((tail.end, head.start))
    i0, i1 = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    inside = ents_sorted[i0:i1]
    same_block = wh.block is not None and wh.block is wt.block
    row_rel = _same_row(index, wh, wt)
    head_heads = set(wh.headings)
    # the head is the title of a heading enclosing the tail (a duty section)
    heading_of_tail = next(
        (
            h
            for h in wt.headings
            if index.headings[h].title is not None
            and index.headings[h].title.start <= head.start < index.headings[h].title.end
        ),
        None,
    )
    # a field line ("X: value") under the heading whose title is the task
    task_heading = next(
        (
            h
            for h in wh.headings
            if index.headings[h].title is not None
            and index.headings[h].title.start <= tail.start < index.headings[h].title.end
        ),
        None,
    )
    field_lbl = wh.block.info.get("field", "-") if wh.block else "-"
    tail_field = wt.block.info.get("field", "-") if wt.block else "-"
    before = text[max(0, min(head.start, tail.start) - 40) : min(head.start, tail.start)]
    source = (
        "row"
        if row_rel == "same"
        else "row_above"
        if row_rel == "above"
        else "section"
        if heading_of_tail is not None
        else "block"
        if same_block
        else "field"
        if task_heading is not None or (tail_field != "-" and set(wt.headings) & head_heads)
        else "near"
    )
    f: dict[str, str | float | bool] = {
        "source": source,
        "order": "head_first" if head.start < tail.start else "tail_first",
        "dist": _bucket(len(between)),
        "n_between": _bucket(len(inside), (0, 1, 2, 4, 8)),
        "n_between_head_label": _bucket(sum(1 for e in inside if e.label == head.label), (0, 1, 2, 4)),
        "n_between_tail_label": _bucket(sum(1 for e in inside if e.label == tail.label), (0, 1, 2, 4)),
        "head_role": wh.role,
        "tail_role": wt.role,
        "head_field": field_lbl,
        "tail_field": tail_field,
        "head_kind": wh.block.kind if wh.block else "-",
        "tail_kind": wt.block.kind if wt.block else "-",
        "row_kind": _row_kind(index, wt),
        "src_role": f"{source}|{wh.role}|{wt.role}",
        "src_field": f"{source}|{field_lbl}|{tail_field}",
        "same_block": same_block,
    }
    # the item names its own actor (another agency before the task in its block)
    own_actor = False
    if wt.block is not None:
        i_b = bisect.bisect_left(starts, wt.block.start)
        own_actor = any(
            e.label == "AGENCY" and e != head and e.end <= tail.start
            for e in ents_sorted[i_b : bisect.bisect_left(starts, tail.start)]
        )
    f["tail_own_actor"] = own_actor
    f["src_actor"] = f"{source}|{own_actor}"
    f.update(_cue_features("btw", between))
    f.update(_cue_features("bef", before))
    # the words right before the head (its role phrase) and before the tail
    f["head_prev"] = plain(text[max(0, head.start - 20) : head.start]).lower()[-12:]
    f["tail_prev"] = plain(text[max(0, tail.start - 15) : tail.start]).lower()[-8:]
    return f


KINDS = {
    ("AGENCY", "TASK"): "agency-task",
    ("TASK", "DATE"): "task-date",
    ("TASK", "QUOTA"): "task-quota",
    ("LEGAL_REF", "AGENCY"): "legal-agency",
}


def candidates(text: str, structure: Structure, entities: list[tuple[int, int, str]]) -> Iterator[Candidate]:
    """All plausible (head, tail) pairs of the schema's argument types."""
    ents = sorted({Ent(s, e, label) for s, e, label in entities}, key=lambda x: (x.start, x.end))
    starts = [e.start for e in ents]
    index = _Index(text, structure, ents)
    by_label: dict[str, list[Ent]] = {}
    for e in ents:
        by_label.setdefault(e.label, []).append(e)
    for (hl, tl), kind in KINDS.items():
        for head in by_label.get(hl, []):
            wh = index.where[head]
            for tail in by_label.get(tl, []):
                wt = index.where[tail]
                gap = abs(head.start - tail.start)
                related = (
                    (wh.table is not None and wh.table == wt.table and _same_row(index, wh, wt) != "-")
                    or (wh.block is not None and wh.block is wt.block)
                    or (
                        kind == "agency-task"
                        and any(
                            index.headings[h].title is not None
                            and index.headings[h].title.start <= head.start < index.headings[h].title.end
                            for h in wt.headings
                        )
                    )
                    or (
                        kind != "legal-agency"
                        and set(wh.headings) & set(wt.headings)
                        and gap < 1500
                        and (
                            wh.block is not None
                            and wh.block.info.get("field", "-") != "-"
                            or wt.block is not None
                            and wt.block.info.get("field", "-") != "-"
                        )
                    )
                    or (gap < 250 and wh.table is None and wt.table is None)
                )
                if not related or _foreign_field(index, kind, head, tail, wh, wt):
                    continue
                yield Candidate(head, tail, kind, _pair_features(index, head, tail, ents, starts))


def _in_title_of(index: _Index, ent: Ent, headings: tuple[int, ...]) -> bool:
    return any(
        index.headings[h].title is not None and index.headings[h].title.start <= ent.start < index.headings[h].title.end
        for h in headings
    )


def _foreign_field(index: _Index, kind: str, head: Ent, tail: Ent, wh: _Where, wt: _Where) -> bool:
    """A labelled field ("Cơ quan chỉ đạo thực hiện: X", "Thời gian thực hiện: ...")
    belongs to the programme whose heading encloses it, never to a neighbour's."""
    if kind == "agency-task":
        field_side, task, task_where, field_where = head, tail, wt, wh
    elif kind in ("task-date", "task-quota"):
        field_side, task, task_where, field_where = tail, head, wh, wt
    else:
        return False
    del field_side
    in_field = field_where.block is not None and field_where.block.info.get("field", "-") != "-"
    task_is_heading = task_where.block is not None and task_where.block.kind == "heading"
    return in_field and task_is_heading and not _in_title_of(index, task, field_where.headings)


def role_of_column(header: str | None) -> str:
    return column_role(header)


def role_of_field(label: str) -> str:
    return field_role(label)
