"""Candidate argument pairs for relations, with the features that decide them.

Plans state relations in five ways, and each has its own candidate source:

* table rows: the agency cells of a row (by column role: chair, coordinators)
  and the row's content-cell TASK, its time cell DATE, its number cells QUOTA;
  a continuation row (empty STT and agency cells) inherits the row above;
* duty sections: an agency-titled heading and the TASKs below it;
* labelled fields under a programme heading ("Cơ quan chỉ đạo thực hiện: X",
  "Đơn vị đào tạo: X", "Số lượng: N", "Thời gian thực hiện: ..."), however far
  below the title they come;
* introductions: a sentence ending in ":" ("Giao Sở X thực hiện các nhiệm vụ
  sau:", "Chỉ đạo UBND tỉnh chỉ đạo các cơ quan:") and the list items it governs;
* free text: entities of the same block (sentence, list item) in order, with
  the cue words between them ("chủ trì", "phối hợp với", "của", "do ... tổ chức").

Every pair carries its *source* and cue features. For an agency the main cue
is its role phrase (``_Index.cues``): the words before it in its clause and
after it, with the other agencies of its list collapsed, so that "phối hợp với
A, B và C" marks all three as coordinators. ``classifier.structural_label``
decides the cases the layout and these cues settle; the trained model decides
the rest. Pairs are restricted to the schema's argument types.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.entities.features import Block, blocks_of, column_role, field_role
from pipeline.entities.task_recall import introduces_duties
from pipeline.structure.lines import plain
from pipeline.structure.model import Node, PathIndex, Structure


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
    field: str = "-"  # role of the labelled field the entity sits in ("directs", "time", ...)
    in_intro: int | None = None  # start of the introductory sentence the entity is in
    intros: tuple[int, ...] = ()  # starts of the introductions governing its list item, innermost first
    headings: tuple[int, ...] = ()  # start offsets of enclosing headings, outermost first
    heading_set: frozenset[int] = frozenset()
    titles: frozenset[int] = frozenset()  # the headings whose title the entity is in


# Cue words between and before a pair, one boolean each; this runs for every
# candidate pair, twice, on texts that can be long (pairs across a table), so
# the literal cues are plain substring tests on the lower-cased text and only
# the word-bounded ones use a regular expression.
_CUE_LITERALS: dict[str, tuple[str, ...]] = {
    "chutri": ("chủ trì",),
    "phoihop": ("phối hợp",),
    "chidao": ("chỉ đạo",),
    "banhanh": ("ban hành", "ký"),
    "tochuc": ("tổ chức", "mở lớp"),
    "semi": (";",),
    "colon": (":",),
    "newline": ("\n",),
}
_CUE_REGEXES = {
    "giao": re.compile(r"\b(?:giao|đề nghị|yêu cầu)\b"),
    "cua": re.compile(r"\bcủa\b"),
    "do": re.compile(r"\bdo\b"),
    "voi": re.compile(r"\bvới\b"),
    "truoc": re.compile(r"\b(?:trước|trong|đến|hoàn thành)\b"),
    "stop": re.compile(r"[.!?](?:\s|$)"),
}
_CUE_NAMES = (
    "chutri", "phoihop", "giao", "chidao", "cua", "do", "voi", "banhanh", "tochuc", "truoc", "semi", "stop",
    "colon", "newline",
)  # fmt: skip


# The role phrase around an agency mention, read from its own clause with the
# other agencies of a list ("phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư
# và ...") collapsed, so the cue reaches every member of the list, not only
# the first. Left cues are matched at the end of the clause before the agency,
# right cues at the start of the text after it; the first pattern that matches
# names the cue. These are the schema's own cue phrases (ANNOTATION_SCHEMA.md,
# relation table and clarification 7), not words of any one plan.
_LEFT_CUES = (
    ("directs_of", re.compile(r"chỉ đạo của$")),
    ("coord", re.compile(r"(?:phối hợp|kết hợp)(?: chặt chẽ)?(?: với| cùng)?$")),
    ("joint", re.compile(r"liên kết(?: với)?$")),
    ("assign", re.compile(r"(?:^|\s)(?:giao(?: cho)?|đề nghị|yêu cầu)$")),
    ("do", re.compile(r"(?:^|\s)do$")),
    ("directs", re.compile(r"chỉ đạo$")),
    ("chair", re.compile(r"chủ trì$")),
    ("lead", re.compile(r"(?:^|\s)(?:trách nhiệm(?: của)?|đối với|để)$")),
    ("of", re.compile(r"(?:^|\s)(?:của|thuộc)$")),
    (
        "obj",
        re.compile(
            r"(?:^|\s)(?:tại|qua|thông qua|báo cáo|gửi|về|trình|giúp|tham mưu(?: cho)?|cho|với|đến|theo|mời|từ)$"
        ),
    ),
)
_RIGHT_CUES = (
    ("chair", re.compile(r"^chủ trì")),
    ("coord_lead", re.compile(r"^(?:phối hợp|kết hợp)")),
    ("directs", re.compile(r"^(?:chỉ đạo|lãnh đạo)")),
    ("assigns", re.compile(r"^(?:giao|đề nghị|yêu cầu)\b")),
    ("sets", re.compile(r"^(?:đề ra|đặt ra|xác định|tập trung)\b")),
    ("org", re.compile(r"^(?:tổ chức|mở lớp|mở các lớp|đào tạo|bồi dưỡng|giảng dạy|liên kết)")),
    ("resp", re.compile(r"^(?:có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|là cơ quan)")),
    ("colon", re.compile(r"^:")),
    # "chỉ đạo của X tại Chỉ thị số ...": X speaks through a cited document
    ("cite", re.compile(r"^(?:tại|theo) (?:quyết định|chỉ thị|công văn|văn bản|kế hoạch|nghị|thông tư|thông báo)")),
    ("issue", re.compile(r"^(?:ban hành|ký)")),
    ("end", re.compile(r"^(?:[.;)]|$)")),
)
# separators and collapsed agencies ("§") between a list member and its cue
_LEFT_TRAIL = re.compile(r"(?:[\s,;&/()\-–]|§|\bvà\b|\bcùng\b|\bhoặc\b)*$")
_RIGHT_LEAD = re.compile(r"^(?:[\s,&/\-–]|§|\bvà\b|\bcùng\b|\bhoặc\b)*")
_SENTENCE_BREAK = re.compile(r"[.!?][ \t]+(?=[^\W\d_])")
# a sentence opener before the subject ("Theo đó, Sở Nội vụ ...", "Ngày 03/3/2023, UBND tỉnh ...")
_OPENER = re.compile(
    r"^(?:theo đó|ngoài ra|đồng thời|bên cạnh đó|trên cơ sở đó|do đó|vì vậy|cụ thể|(?:trong )?năm \d{4}"
    r"|(?:ngày|hôm nay|sáng|chiều)[\w /.-]{0,24})[\s,]*$"
)
_DIRECTS_INTRO = re.compile(r"^(?:chỉ đạo|lãnh đạo, chỉ đạo)\b")
_MODAL_LINK = re.compile(
    r"^(?:(?:chịu|có) trách nhiệm|có nhiệm vụ|cần|phải|sẽ|chủ động|chủ trì(?:,? tổ chức)?|trực tiếp)(?: ,)?$"
)
_LETTER = re.compile(r"(?:tờ trình|văn bản|công văn|báo cáo|thông báo)")
_LIST_VOI = re.compile(r"§[\s,]*với$")
_NOT_ACTOR = {"of", "obj", "coord", "do", "joint", "directs_of"}
_CLAUSE_END = re.compile(r"[.;:!?](?=\s)")
_SENTENCE_END = re.compile(r"[.;!?](?=\s)")  # a course line's colon does not end it
_DEADLINE_CUE = re.compile(r"(?:^|\s)(?:tổ chức|mở lớp|thực hiện|hoàn thành) (trong|vào|trước)$")


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
        self._paths = PathIndex(structure)
        self.intro_text: dict[int, tuple[int, int]] = {}  # intro start -> its own text span
        self._governed: list[tuple[int, int, int]] = []  # (start, end, intro start) of governed items
        self._collect_intros(structure.nodes)
        self._governed.sort()
        self._governed_starts = [g[0] for g in self._governed]
        self._intro_spans = sorted((a, b, k) for k, (a, b) in self.intro_text.items())
        self._intro_starts = [a for a, _, _ in self._intro_spans]
        self.where: dict[Ent, _Where] = {e: self._locate(e) for e in ents}
        agencies = [e for e in ents if e.label == "AGENCY"]
        self._agency_starts = [e.start for e in agencies]
        self.cues: dict[Ent, tuple[str, str]] = {e: self._cues(e, agencies) for e in agencies}

    def _collect_intros(self, nodes: list[Node]) -> None:
        """Introductory sentences ending in ":" and the list items they govern:
        their own sub-items, and (for a paragraph, or for a list item with a
        different marker) the list items that follow them. "Giao Sở X thực
        hiện các nhiệm vụ sau:", "Chỉ đạo UBND tỉnh chỉ đạo các cơ quan:" and
        "- Chủ trì, phối hợp với X, Y:" assign every item below them (D8.1-D8.4)."""
        text = self.text
        intro: Node | None = None
        duties: Node | None = None  # "... đề ra các nhiệm vụ ..., cụ thể như sau:"
        for n in nodes:
            if duties is not None and n.kind not in ("heading", "list_item"):
                duties = None  # the running text after the list is not among them
            if duties is not None:
                # the sections after an introduction of duties are its items (D8.3)
                self._governed.append((n.start, n.end, duties.start))
            elif n.kind == "list_item" and intro is not None and n.marker != intro.marker:
                self._governed.append((n.start, n.end, intro.start))
            elif n.kind != "list_item" or (intro is not None and n.marker == intro.marker):
                intro = None
            if n.kind in ("paragraph", "list_item"):
                own_start = n.title.start if n.title is not None else n.start
                own_end = n.children[0].start if n.children else n.end
                if own_end > own_start and plain(text[own_start:own_end]).endswith(":"):
                    announces = n.kind == "paragraph" and introduces_duties(text, own_start, own_end)
                    if announces:
                        # only the announcing sentence: "Ngày 03/3, Sở X ban hành Kế hoạch ... .
                        # Theo đó, Sở X đề ra các nhiệm vụ ..., như sau:"
                        stops = list(_SENTENCE_BREAK.finditer(text, own_start, own_end))
                        own_start = stops[-1].end() if stops else own_start
                    self.intro_text[n.start] = (own_start, own_end)
                    for c in n.children:
                        if c.kind == "list_item":
                            self._governed.append((c.start, c.end, n.start))
                    intro = n
                    if announces:
                        duties = n
            if n.children:
                self._collect_intros(n.children)

    def _intro_of(self, e: Ent) -> tuple[int | None, tuple[int, ...]]:
        """(intro the entity is in, intros governing the entity's item)."""
        i = bisect.bisect_right(self._intro_starts, e.start) - 1
        inside = None
        if i >= 0 and self._intro_spans[i][0] <= e.start < self._intro_spans[i][1]:
            inside = self._intro_spans[i][2]
        governing: list[int] = []
        j = bisect.bisect_right(self._governed_starts, e.start) - 1
        lowest = max(-1, j - 64)  # an enclosing item is never far back in the list
        while j > lowest and len(governing) < 3:
            start, end, intro = self._governed[j]
            if start <= e.start < end and intro not in governing:
                governing.append(intro)
            j -= 1
        return inside, tuple(governing)

    @staticmethod
    def _field_role(block: Block | None) -> str:
        return block.info.get("field", "-") if block is not None else "-"

    def _cues(self, e: Ent, agencies: list[Ent]) -> tuple[str, str]:
        """(left cue, right cue) of an agency mention within its clause."""
        text, block = self.text, self.where[e].block
        lo = max(block.start if block else 0, e.start - 160)
        hi = min(block.end if block else len(text), e.end + 60)
        left = text[lo : e.start]
        cut = None
        for m in _CLAUSE_END.finditer(left):
            cut = m.end()
        if cut is not None:
            lo, left = lo + cut, left[cut:]
        right = text[e.end : hi]
        # collapse the other agencies of the clause (right to left keeps offsets valid)
        starts = self._agency_starts
        for o in reversed(agencies[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]):
            if o == e:
                continue
            if o.end <= e.start and o.start >= lo:
                left = left[: o.start - lo] + "§" + left[o.end - lo :]
            elif o.start >= e.end and o.end <= hi:
                right = right[: o.start - e.end] + "§" + right[o.end - e.end :]
        left = _LEFT_TRAIL.sub("", plain(left).lower())
        if _LIST_VOI.search(left):
            # "phối hợp với Sở A, Trường B với các cơ quan X": a "với" right after
            # a listed body continues the list
            left = _LEFT_TRAIL.sub("", left[:-3])
        right = _RIGHT_LEAD.sub("", plain(right).lower(), count=1)
        lcue = next(
            (name for name, rx in _LEFT_CUES if rx.search(left)), "lead" if not left or _OPENER.match(left) else "other"
        )
        rcue = next((name for name, rx in _RIGHT_CUES if rx.search(right)), "other")
        return lcue, rcue

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
        w.field = self._field_role(block)
        if self._governed or self.intro_text:
            w.in_intro, w.intros = self._intro_of(e)
        path = self._paths.path_at(e.start)
        w.headings = tuple(n.start for n in path if n.kind == "heading")
        w.heading_set = frozenset(w.headings)
        w.titles = frozenset(
            n.start
            for n in path
            if n.kind == "heading" and n.title is not None and n.title.start <= e.start < n.title.end
        )
        return w


def _between(text: str, a: Ent, b: Ent) -> str:
    lo, hi = (a.end, b.start) if a.end <= b.start else (b.end, a.start)
    return text[lo:hi] if hi > lo else ""


_CUE_KEYS = {prefix: tuple(f"{prefix}_{k}" for k in _CUE_NAMES) for prefix in ("btw", "bef")}


@lru_cache(maxsize=20_000)
def _cue_features(prefix: str, s: str) -> dict[str, bool]:
    """Shared between the pairs with the same gap text: callers copy it
    (``dict.update``) and must not change it."""
    return dict(zip(_CUE_KEYS[prefix], _cues_in(s)))


@lru_cache(maxsize=20_000)
def _cues_in(s: str) -> tuple[bool, ...]:
    """Cached: a third of the pairs of a document share their gap text with
    another pair (the same list, the same intro), and this was a tenth of
    the relation stage."""
    low = s.lower()
    found = {k: any(w in low for w in words) for k, words in _CUE_LITERALS.items()}
    found.update({k: rx.search(low) is not None for k, rx in _CUE_REGEXES.items()})
    return tuple(found[k] for k in _CUE_NAMES)


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
    # the head is the title of a heading enclosing the tail (a duty section); not
    # when both are on the title line and the head is no body opening it: the
    # line is one sentence ("3. <course>: 04 lớp, do Trung tâm X tổ chức trong
    # Quý III"), read as a block
    heading_of_tail = next(
        (
            h
            for h in wt.headings
            if h in wh.titles and not (h in wt.titles and (tail.start < head.start or head.label != "AGENCY"))
        ),
        None,
    )
    # a field line ("X: value") under the heading whose title is the task
    task_heading = next((h for h in wh.headings if h in wt.titles), None)
    field_lbl = wh.field
    tail_field = wt.field
    before = text[max(0, min(head.start, tail.start) - 40) : min(head.start, tail.start)]
    source = (
        "row"
        if row_rel == "same"
        else "row_above"
        if row_rel == "above"
        else "section"
        if heading_of_tail is not None
        else "intro"
        if wh.in_intro is not None and wh.in_intro in wt.intros
        else "block"
        if same_block
        else "field"
        if task_heading is not None or (tail_field != "-" and not wt.heading_set.isdisjoint(wh.heading_set))
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
        # no sentence ends between them ("... 104% kế hoạch; ... . Trong đó, Trường
        # Chính trị tỉnh mở 38 lớp ..." : the counts of the next sentences are not the task's)
        "same_sentence": same_block and not _SENTENCE_BREAK.search(between),
    }
    # the item names its own actor (another agency before the task in its block)
    own_actor = False
    if wt.block is not None:
        i_b = bisect.bisect_left(starts, wt.block.start)
        # only a body in a doer's position counts: an owner ("kế hoạch của X"),
        # an object or recipient ("báo cáo X") or a coordinator ("phối hợp với
        # X") leaves the section agency as the chair (D8.1, D8.2)
        own_actor = any(
            e.label == "AGENCY" and e != head and e.end <= tail.start and index.cues[e][0] not in _NOT_ACTOR
            for e in ents_sorted[i_b : bisect.bisect_left(starts, tail.start)]
        )
    block_actor = own_actor
    tail_intro = "-"
    if wt.intros:
        # the assignees of the introduction the item hangs from are its own
        # actors as well (D8.1); "Chỉ đạo X ...:" under an agency heading makes
        # that agency the director of every item (D8.4, two-step direction)
        a, b = index.intro_text[wt.intros[0]]
        tail_intro = (
            "directs"
            if _DIRECTS_INTRO.match(plain(text[a:b]).lower())
            else "duties"
            if introduces_duties(text, a, b)
            else "intro"
        )
        if not own_actor:
            own_actor = any(
                e.label == "AGENCY" and e != head and index.cues[e][0] not in _NOT_ACTOR
                for e in ents_sorted[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
            )
    f["tail_own_actor"] = own_actor
    f["tail_clause_actor"] = same_block and _clause_actor(index, head, tail, inside)
    if tail.label == "DATE":
        # the words joining a task to a date right after it ("... trong năm
        # 2019", "... trước ngày 31/12"): the deadline cue of free text
        link = plain(between).lower() if head.end <= tail.start else ""
        f["date_link"] = link if link and len(between) <= 24 else "-"
        # the same cue after the counts and provider of a course line ("<course>:
        # 04 lớp, 240 học viên, do Trung tâm X tổ chức trong Quý III/2022"): only
        # counts and bodies between, in one clause
        cue = _DEADLINE_CUE.search(link) if link and len(between) <= 160 else None
        f["date_cue"] = (
            cue.group(1)
            if cue
            and same_block
            and not _SENTENCE_END.search(between)
            and all(e.label in ("QUOTA", "AGENCY") for e in inside)
            else "-"
        )
    f["tail_intro"] = tail_intro
    if tail.label in ("DATE", "QUOTA"):
        f["tail_sentence_task"] = (
            same_block
            and not f["same_sentence"]
            and _sentence_has_task(index, wt.block, tail, head, ents_sorted, starts)
        )
    f["tail_block_actor"] = block_actor
    if head.label == "LEGAL_REF":
        # "(đề nghị của) X tại Tờ trình số ...", "X (đã / ký) ban hành (tại) Quyết
        # định số ...": the issuer named before the document (D3.3)
        f["legal_link"] = plain(between).lower() if tail.end <= head.start and len(between) <= 60 else "-"
        f["legal_letter"] = bool(_LETTER.match(plain(text[head.start : head.end]).lower()))
    if head.label == "AGENCY":
        f["subject"] = _subject_link(text, head, tail, inside) if same_block else "-"
        lcue, rcue = index.cues[head]
        f["head_lcue"] = lcue
        f["head_rcue"] = rcue
        f["head_cue"] = f"{lcue}|{rcue}"
        f["src_cue"] = f"{source}|{lcue}|{rcue}"
        f["src_lcue_actor"] = f"{source}|{lcue}|{own_actor}"
    f["src_actor"] = f"{source}|{own_actor}"
    f.update(_cue_features("btw", between))
    f.update(_cue_features("bef", before))
    # the words right before the head (its role phrase) and before the tail
    f["head_prev"] = plain(text[max(0, head.start - 20) : head.start]).lower()[-12:]
    f["tail_prev"] = plain(text[max(0, tail.start - 15) : tail.start]).lower()[-8:]
    return f


def _sentence_has_task(index: _Index, block: Block, ent: Ent, other: Ent, ents: list[Ent], starts: list[int]) -> bool:
    """Another TASK shares the entity's sentence: "... bố trí kinh phí. Trong năm
    2026, tỉnh sẽ mở các lớp ...": the date is the later task's, not the
    earlier one's."""
    text = index.text
    lo = max((m.end() for m in _SENTENCE_BREAK.finditer(text, block.start, ent.start)), default=block.start)
    nxt = _SENTENCE_BREAK.search(text, ent.end, block.end)
    hi = nxt.start() if nxt else block.end
    return any(
        e.label == "TASK" and e != other for e in ents[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
    )


def _clause_actor(index: _Index, head: Ent, tail: Ent, inside: list[Ent]) -> bool:
    """The head's clause has its task, and the next clause names its own doer:
    "X chủ trì ... trong quý I; Y cân đối, bố trí kinh phí" (Y, not X, does
    the second task). Not a list of doers sharing one task: "Chánh Văn phòng
    ...; Giám đốc Sở ...; Thủ trưởng ... chịu trách nhiệm thi hành"."""
    if head.end > tail.start:
        return False
    breaks = list(_SENTENCE_END.finditer(index.text, head.end, tail.start))
    if not breaks:
        return False
    clause_start = breaks[-1].end()
    return any(e.label == "TASK" and e.end <= clause_start for e in inside) and any(
        e.label == "AGENCY" and e.start >= clause_start and index.cues[e][0] not in _NOT_ACTOR for e in inside
    )


def _subject_link(text: str, head: Ent, tail: Ent, inside: list[Ent]) -> str:
    """How an agency right before a task of its block joins it: "direct" when only other
    agencies of its list stand between ("Chánh Văn phòng, Giám đốc Sở Nội vụ,
    Thủ trưởng các sở căn cứ Quyết định thi hành"), "modal" through a duty
    phrase ("X có trách nhiệm / chủ trì"), "-" otherwise. The agency is then the
    task's own stated doer (D8.1, D7.9)."""
    if head.end > tail.start or tail.start - head.end > 300:
        return "-"
    gap, pos = [], head.end
    for e in inside:
        if e.label != "AGENCY":
            return "-"
        gap.append(text[pos : e.start])
        pos = e.end
    gap.append(text[pos : tail.start])
    link = _RIGHT_LEAD.sub("", plain(" § ".join(gap)).lower(), count=1).strip(" ,;")
    if not link:
        return "direct"
    return "modal" if _MODAL_LINK.match(link) else "-"


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
    # each entity with where it sits, looked up once (not once per pair: the
    # pairs are every head against every tail of a document)
    by_label: dict[str, list[tuple[Ent, _Where]]] = {}
    for e in ents:
        by_label.setdefault(e.label, []).append((e, index.where[e]))
    for (hl, tl), kind in KINDS.items():
        for head, wh in by_label.get(hl, []):
            for tail, wt in by_label.get(tl, []):
                gap = abs(head.start - tail.start)
                related = (
                    (wh.table is not None and wh.table == wt.table and _same_row(index, wh, wt) != "-")
                    or (wh.block is not None and wh.block is wt.block)
                    or (kind == "agency-task" and not wh.titles.isdisjoint(wt.heading_set))
                    or (
                        kind != "legal-agency"
                        and not wh.heading_set.isdisjoint(wt.heading_set)
                        and gap < 1500
                        and (wh.field != "-" or wt.field != "-")
                    )
                    or (gap < 250 and wh.table is None and wt.table is None)
                    # an agency of an introduction ("Giao Sở X thực hiện các nhiệm
                    # vụ sau:") and the items it governs
                    or (kind == "agency-task" and wh.in_intro is not None and wh.in_intro in wt.intros)
                    # a programme's labelled fields belong to its title however long
                    # the fields before them ("Số lượng đào tạo: ..." lists can run
                    # to a page)
                    or (kind == "agency-task" and wh.field != "-" and _in_title_of(index, tail, wh.headings))
                    or (
                        kind in ("task-date", "task-quota")
                        and wt.field != "-"
                        and _in_title_of(index, head, wt.headings)
                    )
                )
                if not related or _foreign_field(index, kind, head, tail, wh, wt):
                    continue
                yield Candidate(head, tail, kind, _pair_features(index, head, tail, ents, starts))


def _in_title_of(index: _Index, ent: Ent, headings: tuple[int, ...]) -> bool:
    """The entity is in the title of one of these headings."""
    return not index.where[ent].titles.isdisjoint(headings)


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
    in_field = field_where.field != "-"
    task_is_heading = task_where.block is not None and task_where.block.kind == "heading"
    return in_field and task_is_heading and not _in_title_of(index, task, field_where.headings)


def role_of_column(header: str | None) -> str:
    return column_role(header)


def role_of_field(label: str) -> str:
    return field_role(label)
