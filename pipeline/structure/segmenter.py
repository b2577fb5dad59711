"""Document text -> structure tree.

Order of work: tables first (their lines are taken out), then a single pass
over the remaining lines that recognises header blocks, headings, list items,
footnotes, recipients, signatures and paragraphs, and nests them by heading
rank. Heading rank comes from the numbering style (Phần > I. > Điều > 1. >
1.1. > a)), not from markdown ``#`` counts, because converted plans use ``#``
inconsistently ("## 2. Về đào tạo" next to "### 1. Về bồi dưỡng").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize.text import LOWER, LOWER_LETTERS, UPPER
from pipeline.structure.header import is_authority, kind_of, parse_header, starts_header
from pipeline.structure.lines import Line, heading_hashes, is_bold_line, plain, split_lines, trim
from pipeline.structure.model import Field, Node, Span, Structure
from pipeline.structure.tables import Detected, detect_tables

# (regex on the plain line, rank). Lower rank = higher in the outline.
_ROMAN = r"(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})"
_NUMBERING: list[tuple[str, re.Pattern[str], int]] = [
    ("appendix", re.compile(r"^(PHỤ LỤC|Phụ lục)(?:\s+[IVX\d]+)?\b"), -1),
    ("part", re.compile(r"^(?:Phần|PHẦN)\s+(?:[IVX]+|\d+|thứ\s+\w+)\b"), 0),
    ("chapter", re.compile(r"^(?:Chương|CHƯƠNG)\s+[IVX\d]+\b"), 1),
    ("upper_letter", re.compile(r"^[A-HJ-UW-Z]\s*[.)]\s+(?=\S)"), 1),
    ("roman", re.compile(rf"^{_ROMAN}\s*[.)/]\s*(?=\S)"), 2),
    ("article", re.compile(r"^Điều\s+\d+\s*[.:]?"), 3),
    ("arabic3", re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+(?=\S)"), 6),
    ("arabic2", re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+(?=\S)"), 5),
    ("arabic", re.compile(r"^\d{1,2}\s*[.)]\s*(?=\D)"), 4),
    ("letter", re.compile(r"^[a-zđ]\s*\)\s*(?=\S)|^[a-zđ]\.\s+(?=\S)"), 7),
]
# "-", "+", "•", dashes; "*" only with a space after it ("**" is bold, not a bullet)
_BULLET = re.compile(r"^\s*(?:(?:[-+•–—]|\*(?=\s))\s*)+(?=\S)")
_FOOTNOTE = re.compile(r"^\s*(?:<sup>\s*(\d+)\s*</sup>|\[(\d+)\])")
_FOOTNOTE_REF = re.compile(r"<sup>\s*(\d+)\s*</sup>")
_RECIPIENTS = re.compile(r"^(?:\*\*|\*)?\s*Nơi\s+nhận\s*[:.]?", re.I)
_SIGN_CAPACITY = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T)\s*[./]?\s*(?=\S)")
# a signer's position, not a body: "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", "PHÓ BÍ THƯ THƯỜNG TRỰC"
_SIGN_TITLE = re.compile(
    r"^(PHÓ\s+)?(CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TRƯỞNG|"
    r"THỦ TƯỚNG|TỔNG GIÁM ĐỐC|HIỆU TRƯỞNG|VIỆN TRƯỞNG|TRƯỞNG PHÒNG|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|"
    r"CHỦ NHIỆM|CHÁNH THANH TRA|TRƯỞNG ĐOÀN)(\s+THƯỜNG\s+TRỰC)?$"
)
_NAME = re.compile(rf"^(?:{UPPER}{LOWER}+|{UPPER}+)(?:\s+(?:{UPPER}{LOWER}+|{UPPER}+)){{1,4}}$")
_BOILERPLATE = re.compile(r"^[\w .-]*(Portal|Block_|ViewData|Cookie|Đăng nhập|Trang chủ|Chia sẻ|In bài)\b", re.I)
# site chrome around a plan copied from a portal (GUIDELINES D1.1): counters,
# sharing and print buttons, copyright and contact lines, "related news" titles
_CHROME_LINE = re.compile(
    r"(?i)^(?:lượt\s+(?:xem|truy\s+cập)\s*:|bản\s+quyền\b|©|copyright\b|in\s+bài(?:\s+viết)?\b|gửi\s+bài\b"
    r"|chia\s+sẻ\s*(?::|$|facebook|zalo|twitter|email)"  # "related news" headings: _RELATED
    r"|bài\s+viết\s+liên\s+quan|ghi\s+rõ\s+nguồn|về\s+đầu\s+trang|đăng\s+nhập\b|tìm\s+kiếm\s*\.\.\."
    r"|(?:địa\s+chỉ|trụ\s+sở)\s*:\s*(?:số\s*)?\d|điện\s+thoại\s*:\s*[\d(+])"
    # a portal's footer: owner, licence, editor, contact
    r"|cơ\s+quan\s+chủ\s+quản\s*:|giấy\s+phép\s+(?:số|thiết\s+lập|xuất\s+bản|hoạt\s+động)\b"
    r"|(?:người\s+)?chịu\s+trách\s+nhiệm\s+(?:chính|nội\s+dung|xuất\s+bản)\s*:|trưởng\s+ban\s+biên\s+tập\s*:"
    r"|e-?mail\s*:|fax\s*:"
)
# the heading of a "related news" list, whose items are chrome too (D11.2)
_RELATED = re.compile(
    r"(?i)^(?:tin\s+liên\s+quan|(?:các\s+)?tin\s+khác|bài\s+viết\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục"
    r"|xem\s+thêm|tin\s+mới\s+(?:nhất|hơn)|tin\s+đã\s+đưa|tin\s+(?:nổi\s+bật|tiêu\s+điểm|(?:xem|đọc)\s+nhiều(?:\s+nhất)?))"
    r"\b[^\n]{0,20}$"
)
# a news title's date at the end of its line: "... năm 2022 (29/12/2022)", "... - 15/11/2022"
_DATED_TITLE = re.compile(r"(?:\(\s*\d{1,2}/\d{1,2}/\d{4}\s*\)|[-–]\s*\d{1,2}/\d{1,2}/\d{4})\s*$")
# what marks a related news title: a bullet, or a portal's arrow ("» Hà Tĩnh bố trí ...")
_ARROW = re.compile(r"^\s*[»›▪●◦·>]\s*(?=\S)")
_PORTAL_NAME = re.compile(rf"^CỔNG\s+THÔNG\s+TIN\s+ĐIỆN\s+TỬ\b[^{LOWER_LETTERS}]{{0,60}}$")
_MENU_SEPARATOR = re.compile(r"\s+[|»›>]\s+")  # a breadcrumb: "Trang chủ > Văn bản > Kế hoạch"
_MENU_WORD = re.compile(r"(?i)trang\s+chủ|giới\s+thiệu|liên\s+hệ|tin\s+tức|hỏi\s+đáp|sơ\s+đồ\s+trang|văn\s+bản")


def _chrome_item(text: str) -> bool:
    return bool(_CHROME_LINE.match(text) or _RELATED.match(text))


def is_site_chrome(line: str) -> bool:
    """A line of the portal around the plan, not of the plan: an ASCII block
    name ("PublishingPortal - Block_BanTin_ViewData"), a chrome line, or a
    menu / breadcrumb of three or more short items ("Trang chủ | Tin tức |
    Văn bản", "Trang chủ » Văn bản"). Table rows are read before this test."""
    if _BOILERPLATE.match(line) and not re.search(r"[à-ỹđ]", line.lower()):
        return True
    if len(line) <= 160 and (_chrome_item(line) or _PORTAL_NAME.match(line)):
        return True
    if line.lstrip().startswith("|"):
        return False  # a markdown table row
    items = _MENU_SEPARATOR.split(line.strip())
    if len(items) >= 2 and all(0 < len(item.split()) <= 5 for item in items) and any(map(_chrome_item, items)):
        return True  # a bar of buttons and counters ("Chia sẻ | In bài | Lượt xem: 1.234")
    if any(map(str.isdigit, line)):
        return False  # a row of numbers and dates: not a menu
    # a portal's own menu words allow longer items ("Văn bản chỉ đạo điều hành")
    longest = 7 if any(_MENU_WORD.fullmatch(item.strip()) for item in items) else 5
    return len(items) >= 3 and all(0 < len(item.split()) <= longest for item in items)


_TERMINAL = ".;:!?"
_CLOSING = re.compile(r"^Trên đây\b", re.I)


@dataclass
class _Block:
    kind: str
    lines: list[Line]
    marker: str | None = None
    rank: int = 99
    bullet: str | None = None


def numbering(plain_text: str) -> tuple[str, str, int] | None:
    """(style, marker, rank) of a numbered line, or None."""
    for style, rx, rank in _NUMBERING:
        m = rx.match(plain_text)
        if m:
            if style == "roman" and not m.group(0).strip().rstrip(".)/").strip():
                continue
            return style, m.group(0).strip(), rank
    return None


def _marker_span(text: str, line: Line, marker: str) -> tuple[int, int]:
    """Offsets of the heading text after its marker, markup trimmed."""
    raw = line.raw
    # find the marker's characters in the raw line (markup may sit around it)
    compact = marker.replace(" ", "")
    pos, k = 0, 0
    while pos < len(raw) and k < len(compact):
        if raw[pos] == compact[k]:
            k += 1
        pos += 1
    return line.start + pos, line.end


def _capacity(s: str) -> str | None:
    """The body or title after "TM."/"KT."/... ("TM. ỦY BAN NHÂN DÂN" -> body)."""
    m = _SIGN_CAPACITY.match(s)
    if not m:
        return None
    rest = s[m.end() :].strip()
    return rest if is_authority(rest) or _SIGN_TITLE.match(rest) else None


def _is_signature_start(s: str) -> bool:
    return _capacity(s) is not None or bool(_SIGN_TITLE.match(s))


# "(Đã ký)", "[đã ký]": the copy's stand-in for the handwritten signature
_SIGNED = re.compile(r"(?i)^[(\[]?\s*đã\s+ký\s*[)\]]?$")
# the right-hand column of a line laid out in two columns with tabs ("- Lưu: VT, NC.<TAB>TM. ỦY BAN
# NHÂN DÂN"), or a line holding only that column (led by a tab)
_RIGHT_COLUMN = re.compile(r"^(?:[ ]*\S[^\t]*?\t+|\t+)[ ]*(?=\S)")


def _right_column(line: Line) -> Line | None:
    m = _RIGHT_COLUMN.match(line.raw)
    if m is None:
        return None
    return Line(line.index, line.start + m.end(), line.end, line.raw[m.end() :])


def _free_lines(lines: list[Line], start: int, consumed: set[int], limit: int = 12) -> list[Line]:
    """Up to ``limit`` lines from ``start`` that no table took (a signature
    block is never longer)."""
    out: list[Line] = []
    for k in range(start, min(len(lines), start + limit)):
        if k in consumed:
            break
        out.append(lines[k])
    return out


def _closing_block(lines: list[Line], d: Detected) -> bool:
    """A "broken" table that is really the closing block laid out with tabs:
    the signature lines ("<TAB>TM. ỦY BAN NHÂN DÂN", "<TAB>KT. CHỦ TỊCH") or
    the recipients list beside it."""
    if d.node.attrs.get("layout") != "broken":
        return False
    first = min(d.lines)
    prev = next((lines[k] for k in range(first - 1, -1, -1) if not lines[k].is_blank), None)
    return _is_signature_start(plain(lines[first].raw)) or (
        prev is not None and _RECIPIENTS.match(plain(prev.raw)) is not None
    )


def _signature(text: str, segs: list[Line]) -> tuple[list[Field], int]:
    """The fields of a signature block read from ``segs`` (capacity,
    delegation, title, signer) and how many of the segments it took."""
    fields: list[Field] = []
    used = 0
    for k, ln in enumerate(segs[:12]):
        if ln.is_blank or _SIGNED.match(plain(ln.raw)):
            used = k + 1
            continue
        ps = plain(ln.raw)
        rest = _capacity(ps)
        if rest is not None:
            s0, e0 = trim(text, ln.start, ln.end)
            first = not any(f.name == "capacity" for f in fields)
            fields.append(Field("capacity" if first else "delegation", s0, e0))
            if is_authority(rest) and first and not _SIGN_TITLE.match(rest):
                off = ln.raw.find(rest[:4])
                b0, b1 = trim(text, ln.start + max(off, 0), ln.end)
                fields.append(Field("capacity_body", b0, b1))
        elif _SIGN_TITLE.match(ps) and not any(f.name == "title" for f in fields):
            s0, e0 = trim(text, ln.start, ln.end)
            fields.append(Field("title", s0, e0))
        elif _NAME.match(ps) and not kind_of(ps) and not is_authority(ps):
            s0, e0 = trim(text, ln.start, ln.end)
            fields.append(Field("signer", s0, e0))
            return fields, k + 1
        else:
            break
        used = k + 1
    return fields, used


def _signature_node(fields: list[Field]) -> Node:
    node = Node("signature", fields[0].start, max(f.end for f in fields), fields=fields)
    node.attrs["_rank"] = -2
    return node


def segment(text: str) -> Structure:
    lines = split_lines(text)
    tables = [d for d in detect_tables(text, lines) if not _closing_block(lines, d)]
    table_at: dict[int, Node] = {}
    consumed: set[int] = set()
    for d in tables:
        consumed |= d.lines
        table_at[min(d.lines)] = d.node

    nodes: list[Node] = []  # flat, in order, with rank in attrs for nesting
    i, n = 0, len(lines)
    prev_block: Node | None = None
    while i < n:
        if i in table_at:
            node = table_at[i]
            node.attrs["_rank"] = 90
            nodes.append(node)
            prev_block = None
            i = max(j for j in consumed if j >= i and lines[j].start < node.end) + 1
            continue
        if i in consumed:
            i += 1
            continue
        line = lines[i]
        if line.is_blank:
            i += 1
            continue
        s = plain(line.raw)

        # header blocks: at the top, or where a new part of the document begins
        if starts_header(lines, i):
            parsed = parse_header(text, lines, i)
            if parsed is not None:
                node, nxt = parsed
                node.attrs["_rank"] = -2
                nodes.append(node)
                prev_block = None
                i = nxt
                continue

        # recipients: "Nơi nhận:" and the bullet lines after it; in a two-column
        # layout the signature stands to their right, after a tab
        left = line.raw.split("\t")[0]
        if _RECIPIENTS.match(s) and len(plain(left)) < 40:
            j = i + 1
            items: list[Span] = []
            first_right = _right_column(line)
            right: list[Line] = [first_right] if first_right is not None else []
            end = line.end if first_right is None else line.start + len(left)
            while j < n and j not in consumed:
                ln = lines[j]
                if ln.is_blank:
                    j += 1
                    continue
                ps = plain(ln.raw)
                col = _right_column(ln)
                if right and col is not None and ln.raw[:1] == "\t":  # the right column alone
                    right.append(col)
                    j += 1
                    continue
                if not _BULLET.match(ps) or _is_signature_start(ps):
                    break
                if col is not None:
                    right.append(col)
                b = _BULLET.match(ln.raw)
                item_end = col.start if col is not None else ln.end
                s0, e0 = trim(text, ln.start + (b.end() if b else 0), item_end, extra=";.,\t")
                if s0 < e0:
                    items.append(Span(s0, e0))
                end = item_end
                j += 1
            node = Node("recipients", line.start, end, items=items, attrs={"_rank": -2})
            node.start, node.end = trim(text, line.start, end)
            nodes.append(node)
            prev_block = None
            i = j
            if right and _is_signature_start(plain(right[0].raw)):
                fields, used = _signature(text, right + _free_lines(lines, j, consumed))
                if fields:
                    nodes.append(_signature_node(fields))
                    i = j + max(0, used - len(right))
            continue

        # signature: capacity/title lines, then the signer's name
        if _is_signature_start(s):
            fields, used = _signature(text, _free_lines(lines, i, consumed))
            if fields:
                nodes.append(_signature_node(fields))
                prev_block = None
                i += used
                continue

        # footnote text
        fm = _FOOTNOTE.match(line.raw)
        if fm:
            s0, e0 = trim(text, line.start + fm.end(), line.end)
            node = Node("footnote", line.start, line.end, marker=fm.group(1) or fm.group(2))
            node.title = Span(s0, e0)
            node.attrs["_rank"] = 95
            nodes.append(node)
            i += 1
            continue

        # continuation of the previous block: a line starting in lower case after
        # a block that did not end its sentence (page breaks, hard-wrapped web text)
        first_alpha = next((c for c in s if c.isalnum()), "")
        if (
            prev_block is not None
            and first_alpha.islower()
            and not _BULLET.match(line.raw)
            and numbering(s) is None
            and plain(text[prev_block.start : prev_block.end])[-1:] not in _TERMINAL
        ):
            prev_block.end = line.end
            if prev_block.title is not None:
                prev_block.title.end = trim(text, prev_block.title.start, line.end, extra=":")[1]
            i += 1
            continue
        if first_alpha.islower() and nodes and nodes[-1].kind == "footnote":
            # text that continues a sentence interrupted by a footnote at a page end
            pass

        num = numbering(s)
        bullet = _BULLET.match(line.raw)
        if is_site_chrome(s):
            end = line.end
            if _RELATED.match(s):  # the list of news titles under it
                j = i + 1
                while j < n and j not in consumed and j - i <= 15:
                    ps = plain(lines[j].raw)
                    if not lines[j].is_blank and not (
                        _BULLET.match(lines[j].raw) or _ARROW.match(lines[j].raw) or _DATED_TITLE.search(ps)
                    ):
                        break
                    end = lines[j].end if not lines[j].is_blank else end
                    j += 1
                i = j - 1
            node = Node("boilerplate", *trim(text, line.start, end))
            node.attrs["_rank"] = 95
        elif num is not None:
            style, marker, rank = num
            t0, t1 = _marker_span(text, line, marker)
            t0, t1 = trim(text, t0, t1, extra=":")
            node = Node("heading", *trim(text, line.start, line.end), marker=marker)
            node.title = Span(t0, t1) if t0 < t1 else None
            node.attrs = {"_rank": rank, "style": style}
            if heading_hashes(line.raw):
                node.attrs["markdown"] = heading_hashes(line.raw)
        elif bullet:
            marker = bullet.group(0).strip()
            t0, t1 = trim(text, line.start + bullet.end(), line.end)
            node = Node("list_item", *trim(text, line.start, line.end), marker=marker)
            node.title = Span(t0, t1)
            node.attrs["_rank"] = 100
        elif heading_hashes(line.raw):
            hashes = heading_hashes(line.raw)
            node = Node("heading", *trim(text, line.start, line.end))
            t0, t1 = trim(text, line.start + hashes, line.end, extra=":")
            node.title = Span(t0, t1)
            node.attrs = {"_rank": 2 + 2 * (hashes - 1), "style": "markdown", "markdown": hashes}
        elif (is_bold_line(line.raw) or (s.isupper() and len(s) < 120)) and len(s) < 160:
            node = Node("title", *trim(text, line.start, line.end))
            node.attrs["_rank"] = 96
        else:
            node = Node("paragraph", *trim(text, line.start, line.end))
            # "Trên đây là Kế hoạch ..." closes the body: what follows (appendix
            # tables, footnotes) does not belong to the last section
            node.attrs["_rank"] = -2 if _CLOSING.match(s) else 98
        refs = [int(m.group(1)) for m in _FOOTNOTE_REF.finditer(line.raw)]
        if refs:
            node.attrs["footnote_refs"] = refs
        nodes.append(node)
        prev_block = node if node.kind in ("paragraph", "list_item", "heading") else None
        i += 1

    return Structure(text_length=len(text), nodes=_nest(nodes))


_BULLET_ORDER = {"-": 0, "–": 0, "—": 0, "•": 0, "+": 1, "*": 2}


def _nest(flat: list[Node]) -> list[Node]:
    """Nest headings by rank and list items by bullet; close everything at
    header/recipient/signature blocks, which stand outside the outline."""
    root: list[Node] = []
    stack: list[Node] = []  # open headings
    items: list[tuple[int, Node]] = []  # open list items (bullet depth, node)

    def container() -> list[Node]:
        return stack[-1].children if stack else root

    for node in flat:
        rank = node.attrs.pop("_rank", 98)
        if rank == -2:  # header / recipients / signature
            stack.clear()
            items.clear()
            root.append(node)
            continue
        if node.kind == "heading":
            items.clear()
            while stack and stack[-1].attrs.get("_r", 98) >= rank:
                stack.pop()
            node.level = len(stack) + 1
            node.attrs["_r"] = rank
            container().append(node)
            stack.append(node)
            continue
        if node.kind == "list_item":
            depth = _BULLET_ORDER.get(node.marker[-1] if node.marker else "-", 0)
            while items and items[-1][0] >= depth:
                items.pop()
            parent = items[-1][1].children if items else container()
            node.level = (items[-1][1].level + 1) if items else (len(stack) + 1)
            parent.append(node)
            items.append((depth, node))
            continue
        items.clear() if node.kind in ("paragraph", "table", "title") else None
        node.level = len(stack) + 1
        container().append(node)

    for node in root:
        for sub in node.walk():
            sub.attrs.pop("_r", None)
    _fix_extents(root)
    return root


def _fix_extents(nodes: list[Node]) -> None:
    """A heading's span covers its section (its children), so path_at works."""
    for node in nodes:
        if node.children:
            _fix_extents(node.children)
            node.end = max(node.end, max(c.end for c in node.children))
