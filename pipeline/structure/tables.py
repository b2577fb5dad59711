"""Table detection for the layouts converted plans come in.

* tab tables: one row per line, cells separated by tabs (HTML markup inside
  cells is kept; the Sơn La appendix);
* pipe tables: markdown ``| a | b |`` rows with a ``|---|`` separator
  (Sóc Trăng), or bare ``a | b`` rows under a header row, long cells
  wrapped onto the next line;
* HTML tables: ``<table><tr><td>`` written into a text file;
* broken tables: one cell per line, each cell line starting with a tab,
  continuation lines without it, rows separated by blank lines, merged cells
  repeated in every column (the Thanh Hóa appendix).

Each detector returns table nodes plus the line indexes it consumed, so the
block segmenter never sees table lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.structure.lines import Line, plain, trim
from pipeline.structure.model import Cell, Node, Row

_HEADER_WORDS = re.compile(
    r"^(stt|tt|số tt|nội dung|tên lớp|chủ trì|phối hợp|thời gian|ghi chú|sản phẩm|cơ quan|đơn vị|"
    r"tổng số|số lượng|kinh phí|đối tượng|các hoạt động)",
    re.I,
)
_ROMAN = re.compile(r"^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$")


@dataclass
class Detected:
    node: Node
    lines: set[int]


def _is_group_label(text: str) -> bool:
    t = plain(text).rstrip(".")
    return bool(_ROMAN.match(t)) or bool(re.fullmatch(r"[A-Z]", t))


def _cell(text: str, start: int, end: int, column: int) -> Cell:
    s, e = trim(text, start, end)
    if s >= e:  # empty cell keeps a zero-width position
        s = e = start
    return Cell(s, e, column)


def _apply_headers(text: str, rows: list[Row]) -> None:
    """Give every cell the text of its column header (header rows joined, a
    merged top header carried over the empty cells to its right)."""
    header_rows = [r for r in rows if r.kind == "header"]
    if not header_rows:
        return
    n_cols = max(len(r.cells) for r in rows)
    names: list[list[str]] = [[] for _ in range(n_cols)]
    seen: set[tuple[str, ...]] = set()
    for row in header_rows:
        texts = tuple(plain(text[c.start : c.end]) for c in row.cells)
        if texts in seen:  # a header repeated on a new page adds nothing
            continue
        seen.add(texts)
        carry = ""
        for i in range(n_cols):
            t = texts[i] if i < len(texts) else ""
            if t:
                carry = t
                names[i].append(t)
            elif carry and any(texts[j] for j in range(i + 1, len(texts))) is False and i > 0:
                names[i].append(carry)
    # a top header merged over several sub-header columns: carry it right
    if len(header_rows) > 1:
        top = [plain(text[c.start : c.end]) for c in header_rows[0].cells]
        last = ""
        for i in range(n_cols):
            t = top[i] if i < len(top) else ""
            if t:
                last = t
            elif last and names[i] and last not in names[i]:
                names[i].insert(0, last)
    joined = [" / ".join(n) if n else None for n in names]
    for row in rows:
        for cell in row.cells:
            if cell.column < len(joined):
                cell.header = joined[cell.column]


def _table_node(text: str, rows: list[Row], layout: str) -> Node:
    _apply_headers(text, rows)
    n_cols = Counter(len(r.cells) for r in rows if r.kind == "body").most_common(1)
    node = Node(kind="table", start=rows[0].start, end=rows[-1].end, rows=rows)
    node.attrs = {"layout": layout, "columns": n_cols[0][0] if n_cols else max(len(r.cells) for r in rows)}
    headers = next((r for r in rows if r.kind == "header"), None)
    if headers:
        node.attrs["header"] = [c.header for c in rows[rows.index(headers)].cells]
    return node


# --- tab tables -------------------------------------------------------------
def _tab_row(text: str, line: Line) -> Row:
    cells, pos = [], line.start
    for col, part in enumerate(line.raw.split("\t")):
        cells.append(_cell(text, pos, pos + len(part), col))
        pos += len(part) + 1
    first = plain(text[cells[0].start : cells[0].end])
    others = [plain(text[c.start : c.end]) for c in cells[1:]]
    if _HEADER_WORDS.match(first) or sum(bool(_HEADER_WORDS.match(o)) for o in others) >= 2:
        kind = "header"
    elif first and _is_group_label(first) and sum(bool(o) for o in others) <= 1:
        kind = "group"
    elif not first and any(others):
        kind = "continuation"
    else:
        kind = "body"
    return Row(line.start, line.end, cells, kind)


def detect_tab_tables(text: str, lines: list[Line]) -> list[Detected]:
    found: list[Detected] = []
    i = 0
    while i < len(lines):
        if lines[i].raw.count("\t") < 2 or lines[i].raw.startswith("\t") and lines[i].raw.count("\t") < 2:
            i += 1
            continue
        rows: list[Row] = []
        used: set[int] = set()
        j = i
        while j < len(lines):
            line = lines[j]
            if line.raw.count("\t") >= 2:
                rows.append(_tab_row(text, line))
                used.add(j)
                j += 1
                continue
            # a page break inside the table: blank lines, then more tab rows
            k = j
            while k < len(lines) and lines[k].is_blank and k - j < 3:
                k += 1
            if k > j and k < len(lines) and lines[k].raw.count("\t") >= 2:
                j = k
                continue
            break
        if len(rows) >= 2:
            found.append(Detected(_table_node(text, rows, "tab"), used))
        i = max(j, i + 1)
    return found


# --- pipe tables ------------------------------------------------------------
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _pipe_cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells between the pipes of ``text[start:end]``, in column order."""
    cells, pos = [], start
    for col, part in enumerate(text[start:end].split("|")):
        cells.append(_cell(text, pos, pos + len(part), col))
        pos += len(part) + 1
    return cells


def _pipe_row(text: str, line: Line, last: Line | None = None) -> Row:
    """A row from its first line to its ``last`` (the same line unless a cell
    was wrapped): the cells between the first pipe and the last one."""
    last = last or line
    body_start = line.start + line.raw.index("|") + 1
    tail = last.raw.rstrip()
    # a row without its closing pipe ("| 2 | Bồi dưỡng ...") keeps its last cell
    body_end = last.start + (tail.rfind("|") if tail.endswith("|") else len(tail))
    if body_end < body_start:
        body_end = last.end
    return Row(line.start, last.end, _pipe_cells(text, body_start, body_end))


def detect_pipe_tables(text: str, lines: list[Line]) -> list[Detected]:
    found: list[Detected] = []
    i = 0
    while i < len(lines):
        if not lines[i].raw.lstrip().startswith("|"):
            i += 1
            continue
        j = i
        block: list[list[Line]] = []  # the lines of each row
        pipes = lines[i].raw.count("|")
        while j < len(lines) and lines[j].raw.lstrip().startswith("|"):
            group = _wrapped_row(lines, j, pipes)
            block.append(group)
            j += len(group)
        sep = next((k for k, g in enumerate(block) if _PIPE_SEP.match(g[0].raw)), None)
        if len(block) >= 2 and sep is not None:
            rows: list[Row] = []
            for k, group in enumerate(block):
                if k == sep:
                    continue
                row = _pipe_row(text, group[0], group[-1])
                texts = [plain(text[c.start : c.end]) for c in row.cells]
                if k < sep:
                    row.kind = "header"
                elif k == sep + 1 and len(texts) > 2 and not texts[0] and not texts[1] and any(texts):
                    row.kind = "header"  # a sub-header row (years under a merged header)
                elif texts and _is_group_label(texts[0]):
                    row.kind = "group"
                rows.append(row)
            found.append(Detected(_table_node(text, rows, "pipe"), {ln.index for g in block for ln in g}))
        i = j
    return found


def _wrapped_row(lines: list[Line], j: int, pipes: int) -> list[Line]:
    """The lines of the row opening at line ``j``: one, or more when a long
    cell was wrapped by the conversion ("| 2 | Bồi dưỡng ... dịch vụ công" /
    "trực tuyến | 6 | 420 | 850 |") and the next lines, which do not open
    with a pipe, bring the row to the table's number of pipes."""
    group, count = [lines[j]], lines[j].raw.count("|")
    k = j + 1
    while count < pipes and k < len(lines) and len(group) < _WRAPPED_LINES:
        nxt = lines[k]
        if nxt.is_blank or nxt.raw.lstrip().startswith("|"):
            break
        group.append(nxt)
        count += nxt.raw.count("|")
        k += 1
    return group if count == pipes else group[:1]


# --- bare pipe tables ---------------------------------------------------------
# "STT | Nội dung | Cơ quan chủ trì | ...": pipes between cells only, no
# separator line, a long cell wrapped onto the next line ("... hai cấp\ncho
# lãnh đạo ... | Sở Nội vụ | ..."); the header row fixes the number of cells
_WRAPPED_LINES = 4  # a cell wrapped over more lines than this is running text, not a row


def _bare_pipe_row(text: str, block: list[Line], kind: str) -> Row:
    start, end = block[0].start, block[-1].end
    return Row(start, end, _pipe_cells(text, start, end), kind)


def detect_bare_pipe_tables(text: str, lines: list[Line]) -> list[Detected]:
    found: list[Detected] = []
    i = 0
    while i < len(lines):
        first = lines[i].raw
        pipes = first.count("|")
        if pipes < 2 or first.lstrip().startswith("|") or not _HEADER_WORDS.match(plain(first)):
            i += 1
            continue
        rows = [_bare_pipe_row(text, [lines[i]], "header")]
        j = i + 1
        while j < len(lines) and not lines[j].is_blank:
            block, count = [], 0
            while j < len(lines) and not lines[j].is_blank and count < pipes and len(block) < _WRAPPED_LINES:
                block.append(lines[j])
                count += lines[j].raw.count("|")
                j += 1
            if count != pipes:  # not a row of this table: leave the lines to the text
                j -= len(block)
                break
            cells_first = block[0].raw.split("|", 1)[0].strip()
            rows.append(_bare_pipe_row(text, block, "body" if cells_first else "continuation"))
        if len(rows) >= 2:
            found.append(Detected(_table_node(text, rows, "pipe"), set(range(i, j))))
        i = max(j, i + 1)
    return found


# --- HTML tables inside text -------------------------------------------------
_TABLE_RE = re.compile(r"<table\b[^>]*>(.*?)</table\s*>", re.S | re.I)
_TR_RE = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.S | re.I)
_TD_RE = re.compile(r"<(t[dh])\b[^>]*>(.*?)</t[dh]\s*>", re.S | re.I)


def detect_html_tables(text: str, lines: list[Line]) -> list[Detected]:
    found: list[Detected] = []
    for tm in _TABLE_RE.finditer(text):
        rows: list[Row] = []
        for rm in _TR_RE.finditer(text, tm.start(1), tm.end(1)):
            cells, is_th = [], []
            for col, cm in enumerate(_TD_RE.finditer(text, rm.start(1), rm.end(1))):
                cells.append(_cell(text, cm.start(2), cm.end(2), col))
                is_th.append(cm.group(1).lower() == "th")
            if not cells:
                continue
            row = Row(rm.start(), rm.end(), cells)
            first = plain(text[cells[0].start : cells[0].end])
            if all(is_th) or (not rows and _HEADER_WORDS.match(first)):
                row.kind = "header"
            elif first and _is_group_label(first):
                row.kind = "group"
            rows.append(row)
        if rows:
            used = {ln.index for ln in lines if ln.end > tm.start() and ln.start < tm.end()}
            node = _table_node(text, rows, "html")
            node.start, node.end = tm.start(), tm.end()
            found.append(Detected(node, used))
    return found


# --- broken one-cell-per-line tables ------------------------------------------
def _cell_line(line: Line) -> bool:
    return line.raw.startswith("\t") and line.raw.count("\t") == 1


def _separator(line: Line) -> bool:
    """Rows of a broken table are separated by truly empty lines; a line holding
    only spaces is the tail of a multi-line cell."""
    return line.raw == ""


_AGENCY_HEADS = re.compile(
    r"(?:^|[-+\s])(Sở|Ban|UBND|Ủy ban|Uỷ ban|Trường|Đài|Báo(?! cáo)|Trung tâm|Phòng|Hội đồng|Bộ|Học viện|"
    r"Văn phòng|Các cơ quan|Các sở|Cơ quan|Thanh tra)\b"
)
_TIME_WORDS = re.compile(r"(năm|quý|tháng|hàng năm|hằng năm|thường xuyên|định kỳ|\d{4})", re.I)


def _cell_type(text: str) -> str:
    t = plain(text)
    if not t:
        return "empty"
    if re.fullmatch(r"[\dIVX]+\.?", t):
        return "number"
    if _AGENCY_HEADS.search(t) and len(t) < 200:
        return "agency"
    if t.startswith(("-", "+")):
        return "list"
    if len(t) < 60 and _TIME_WORDS.search(t) and not re.search(r"(Sở|Ban|UBND|Trường|Phòng)\b", t):
        return "time"
    if len(t) > 120:
        return "long"
    return "short"


def _align_partial(text: str, row: Row, profiles: list[Counter], width: int) -> None:
    """Place the cells of a cut row in the columns whose content they resemble:
    a monotone alignment (cells keep their order) maximising type agreement,
    ties going to the rightmost columns since rows are cut at the top."""
    types = [_cell_type(text[c.start : c.end]) for c in row.cells]
    k = len(types)

    def score(i: int, j: int) -> float:
        total = sum(profiles[j].values()) or 1
        return profiles[j][types[i]] / total

    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def solve(i: int, j: int) -> tuple[float, list[int]]:
        if i == k:
            return 0.0, []
        if width - j < k - i:
            return float("-inf"), []
        key = (i, j)
        if key not in best:
            take_s, take_path = solve(i + 1, j + 1)
            take = (take_s + score(i, j) + 1e-6 * j, [j, *take_path])
            skip = solve(i, j + 1)
            best[key] = max(take, skip, key=lambda t: t[0])
        return best[key]

    _, columns = solve(0, 0)
    for cell, col in zip(row.cells, columns):
        cell.column = col


def detect_broken_tables(text: str, lines: list[Line]) -> list[Detected]:
    found: list[Detected] = []
    i = 0
    n = len(lines)
    while i < n:
        # need a run with at least three tab-led cell lines within a few lines
        window = [k for k in range(i, min(n, i + 8)) if _cell_line(lines[k])]
        if not _cell_line(lines[i]) or len(window) < 3:
            i += 1
            continue
        start = i
        # a row cut at the top: bullet-like lines glued before the first cell
        while start - 1 >= 0 and not _separator(lines[start - 1]):
            prev = plain(lines[start - 1].raw)
            if prev.startswith(("-", "+")) and len(prev) < 200:
                start -= 1
            else:
                break
        j = i
        last_cell = i
        while j < n:
            ln = lines[j]
            if _cell_line(ln):
                last_cell = j
                j += 1
            elif _separator(ln):
                j += 1
            elif j > start and not _separator(lines[j - 1]) and j - last_cell <= 3:
                j += 1  # continuation line of a multi-line cell
            else:
                break
        end = last_cell + 1
        # rows are runs of lines between empty lines; cells start at tab-led lines
        rows: list[Row] = []
        k = start
        while k < end:
            if _separator(lines[k]):
                k += 1
                continue
            block: list[Line] = []
            while k < end and not _separator(lines[k]):
                block.append(lines[k])
                k += 1
            cells_lines: list[list[Line]] = []
            for ln in block:
                if _cell_line(ln) or not cells_lines:
                    cells_lines.append([ln])
                else:
                    cells_lines[-1].append(ln)
            cells = [_cell(text, group[0].start, group[-1].end, col) for col, group in enumerate(cells_lines)]
            texts = [plain(text[c.start : c.end]) for c in cells]
            if not any(texts):
                continue  # an empty filler row
            row = Row(block[0].start, block[-1].end, cells)
            if len(cells) > 1 and len(set(texts)) == 1:
                row.kind = "group"  # a merged cell repeated across the row: keep it once
                row.cells = cells[:1]
            rows.append(row)
        if len(rows) >= 2:
            width = Counter(len(r.cells) for r in rows if r.kind != "group").most_common(1)[0][0]
            profiles = [Counter() for _ in range(width)]
            for row in rows:
                if row.kind == "body" and len(row.cells) == width:
                    for cell in row.cells:
                        profiles[cell.column][_cell_type(text[cell.start : cell.end])] += 1
            for row in rows:
                if row.kind == "body" and len(row.cells) < width:
                    row.kind = "partial"  # cut off at a page or file boundary
                    _align_partial(text, row, profiles, width)
            node = _table_node(text, rows, "broken")
            node.attrs["columns"] = width
            used = set(range(start, end))
            found.append(Detected(node, used))
            i = end
        else:
            i += 1
    return found


def detect_tables(text: str, lines: list[Line]) -> list[Detected]:
    """All tables, earliest first, with overlapping detections dropped."""
    found = (
        detect_html_tables(text, lines)
        + detect_tab_tables(text, lines)
        + detect_pipe_tables(text, lines)
        + detect_bare_pipe_tables(text, lines)
        + detect_broken_tables(text, lines)
    )
    found.sort(key=lambda d: d.node.start)
    kept: list[Detected] = []
    taken: set[int] = set()
    for d in found:
        if d.lines & taken:
            continue
        kept.append(d)
        taken |= d.lines
    return kept
