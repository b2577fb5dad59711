"""The header block of a Vietnamese administrative document.

The national template (Nghị định 30/2020/NĐ-CP) puts the issuing body, the
motto, "Số: ...", "<place>, ngày ... tháng ... năm ..." and the document kind
and title at the top. Conversions scramble the layout (two columns become
consecutive lines, words glue, bold marks wrap lines), so each line is
recognised on its own and the block ends at the first line that is none of
these. Web extracts add ``SOURCE:`` and ``BODY:`` lines, read as fields.
"""

from __future__ import annotations

import re

from pipeline.normalize.dates import parse_date
from pipeline.structure.lines import Line, plain, trim
from pipeline.structure.model import Field, Node

KINDS = (
    "QUYẾT ĐỊNH", "KẾ HOẠCH", "NGHỊ QUYẾT", "CHỈ THỊ", "THÔNG BÁO", "BÁO CÁO", "TỜ TRÌNH",
    "CÔNG VĂN", "HƯỚNG DẪN", "QUY ĐỊNH", "ĐỀ ÁN", "CHƯƠNG TRÌNH", "THÔNG TƯ", "NGHỊ ĐỊNH",
    "QUY CHẾ", "KẾT LUẬN", "LUẬT",
)  # fmt: skip
_KINDS_GLUED = {k.replace(" ", ""): k for k in KINDS}
# the motto may be split over two lines by a narrow column
_MOTTO = re.compile(
    r"^(CỘNG H[OÒ]A XÃ HỘI|CHỦ NGHĨA VIỆT NAM|CONG HOA XA HOI|Doc lap\s*[-–]\s*Tu do|"
    r"Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM)",
    re.I,
)
_RULE = re.compile(r"^[-_=*.|\s]+$")
_NUMBER = re.compile(r"^\s*(?:\*\*)?\s*Số(?:\s*hiệu)?\s*[:.]?\s*", re.I)
_PLACE_DATE = re.compile(r"^(?P<place>[^,\d]{2,40}?),\s*(?P<date>ngày\b.*?năm\s*\d{4})", re.I)
_AUTHORITY_WORDS = re.compile(  # an authority line starts with the body's head word
    r"(ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|\bBAN\b(?! HÀNH)|SỞ |BỘ |TỈNH|HUYỆN|THÀNH PHỐ|THỦ TƯỚNG|CHÍNH PHỦ|"
    r"ĐẢNG BỘ|TỈNH ỦY|TỈNH UỶ|HỌC VIỆN|TRƯỜNG|VĂN PHÒNG|BỘ TRƯỞNG|"
    # central and other bodies: "CỤC VĂN THƯ VÀ LƯU TRỮ", "KHO BẠC NHÀ NƯỚC", "TẬP ĐOÀN ĐIỆN
    # LỰC VIỆT NAM", "ĐẢNG ỦY BỘ NỘI VỤ", "TRUNG ƯƠNG HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM"
    r"CỤC |TỔNG CỤC|TẬP ĐOÀN|TỔNG CÔNG TY|CÔNG TY|KHO BẠC|ĐẢNG ỦY|ĐẢNG UỶ|VIỆN |BẢO HIỂM XÃ HỘI|NGÂN HÀNG|"
    r"ĐÀI |TRUNG ƯƠNG|ĐOÀN |HỘI (?!NGHỊ)|TÒA ÁN|TOÀ ÁN|KIỂM TOÁN|THANH TRA|CÔNG AN|PHƯỜNG|XÃ (?!HỘI)|QUẬN|THỊ XÃ|"
    # copied without diacritics: "UBND TINH DAK LAK" / "SO NOI VU"
    r"UY BAN|HOI DONG|SO (?=[A-Z])|BO (?=[A-Z])|TINH\b|HUYEN\b|THANH PHO|DANG BO|TINH UY|HOC VIEN|TRUONG\b|VAN PHONG)"
)
_CAPACITY = re.compile(r"^(TM|KT|TL|TUQ|T/M)\b")  # a signature's capacity: "TM. ỦY BAN NHÂN DÂN"
_TITLE_START = re.compile(r"^(về việc|v/v|về\b)", re.I)
_ISSUED_WITH = re.compile(r"^\(?\s*(ban hành )?kèm theo", re.I)
_SESSION = re.compile(r"^KHÓA\s+[IVXLC\d]+\b.*KỲ HỌP", re.I)
_WRAPPER = re.compile(r"^(SOURCE|BODY)\s*:\s*", re.I)


def kind_of(text: str) -> str | None:
    """The document kind named by a title line; "QUYẾT ĐỊNH:" (with a colon)
    is the enacting formula inside a decision, not a new document."""
    s = plain(text)
    if s.endswith(":"):
        return None
    s = s.strip().upper()
    if s in KINDS:
        return s
    return _KINDS_GLUED.get(s.replace(" ", ""))


def is_motto(text: str) -> bool:
    return bool(_MOTTO.match(plain(text)))


def is_authority(text: str) -> bool:
    s = plain(text)
    letters = list(filter(str.isalpha, s))
    return (
        bool(letters)
        and all(map(str.isupper, letters))
        and len(s) <= 90
        and bool(_AUTHORITY_WORDS.match(s))
        and not kind_of(s)
        and not is_motto(s)
        and not _CAPACITY.match(s)
    )


def continues_authority(text: str) -> bool:
    """An upper-case line that can only be the rest of the authority line
    above it ("NHÀ NƯỚC", "VÀ QUẢN TRỊ CÔNG"): short, no digits, no kind,
    motto or signature capacity of its own."""
    s = plain(text)
    return (
        _uppercase(s)
        and len(s) <= 60
        and not re.search(r"\d", s)
        and not kind_of(s)
        and not is_motto(s)
        and not _RULE.match(s)
        and not _CAPACITY.match(s)
        and not _TITLE_START.match(s)
    )


def _uppercase(s: str) -> bool:
    letters = list(filter(str.isalpha, s))
    return len(letters) >= 4 and all(map(str.isupper, letters))


def _field(text: str, name: str, start: int, end: int, value: str | None = None) -> Field | None:
    s, e = trim(text, start, end, extra=":;,")
    if s >= e:
        return None
    if value is None and name in ("title", "issuer", "enacting_body", "body"):
        value = plain(text[s:e])  # the readable form: markup and line breaks gone
    return Field(name, s, e, value)


def _next_nonblank(lines: list[Line], i: int) -> int:
    while i < len(lines) and lines[i].is_blank:
        i += 1
    return i


def starts_header(lines: list[Line], i: int) -> bool:
    """Does a header block begin at line ``i``? (a kind line, a motto, a
    wrapper field, or an authority line followed soon by one of those)"""
    s = plain(lines[i].raw)
    if _WRAPPER.match(lines[i].raw) or is_motto(s) or _NUMBER.match(lines[i].raw) and len(s) < 40:
        return True
    if kind_of(s):
        return True
    if is_authority(s):
        for k in range(i + 1, min(len(lines), i + 6)):
            if is_motto(lines[k].raw) or kind_of(lines[k].raw) or _NUMBER.match(lines[k].raw):
                return True
    return False


_COLUMN_BREAK = re.compile(r"\||\t| {3,}")
_COLUMN = re.compile(r"(?:[^|\t ]| {1,2}(?! ))+")


def _segments(lines: list[Line], i: int, limit: int = 60) -> list[Line]:
    """Lines from ``i`` on, with the lines of a two-column header flattened by a
    web page or a converter ("A | B |", "A<TAB>B", "A      B") split into one
    segment per column. Segments keep the index of their line, so the caller
    can resume after the header."""
    out: list[Line] = []
    for line in lines[i : i + limit]:
        if line.raw.lstrip().startswith("|") or not _COLUMN_BREAK.search(line.raw.strip()):
            out.append(line)
            continue
        for part in _COLUMN.finditer(line.raw):
            out.append(Line(line.index, line.start + part.start(), line.start + part.end(), part.group()))
    return out


def parse_header(text: str, all_lines: list[Line], first_line: int) -> tuple[Node, int] | None:
    """Parse a header block starting at line ``first_line``; returns (node, next line)."""
    lines = _segments(all_lines, first_line)
    i = 0
    fields: list[Field] = []
    start_line = i
    have_kind = False
    have_title = False
    issuer_lines: list[Line] = []
    n = len(lines)

    def add(f: Field | None) -> None:
        if f is not None:
            fields.append(f)

    while i < n:
        line = lines[i]
        if line.is_blank:
            i += 1
            continue
        raw, s = line.raw, plain(line.raw)
        wrapper = _WRAPPER.match(raw)
        if wrapper:
            name = "source_url" if wrapper.group(1).upper() == "SOURCE" else "body"
            add(_field(text, name, line.start + wrapper.end(), line.end))
            i += 1
            continue
        if is_motto(s) or _RULE.match(s):
            i += 1
            continue
        m = _NUMBER.match(raw)
        if m and len(s) < 60 and not have_kind:
            rest = plain(raw[m.end() :]).strip("|* ")
            if not rest and i + 1 < n and re.search(r"\d|/", lines[i + 1].raw) and len(lines[i + 1].raw) < 40:
                # "Số:" / "06/2018/QĐ-UBND": the number wrapped to the next line
                i += 1
                add(_field(text, "number", lines[i].start, lines[i].end))
            else:
                add(_field(text, "number", line.start + m.end(), line.end))
            i += 1
            continue
        if _SESSION.match(s):
            add(_field(text, "session", line.start, line.end))
            i += 1
            continue
        m = _PLACE_DATE.match(s)
        date_line = line
        if not m and re.search(r",\s*ngày\s*$", s) and i + 1 < n:
            # "Bình Thuận, ngày" / "05 tháng 8 năm 2024": a narrow column wrapped the date
            m = _PLACE_DATE.match(s + " " + plain(lines[i + 1].raw))
            date_line = lines[i + 1]
        if m and not have_kind:
            pos = raw.find(",")
            add(_field(text, "place", line.start, line.start + pos))
            date_start = line.start + raw.lower().find("ngày", pos)
            date_end = date_line.start + len(date_line.raw.rstrip(" *|"))
            value = parse_date(text[date_start:date_end])
            iso = None
            if value is not None and value.start:
                iso = value.start if value.kind == "day" else value.start[:7] if value.kind == "month" else None
            add(_field(text, "date", date_start, date_end, iso))
            i += 2 if date_line is not line else 1
            continue
        if is_authority(s) and not have_kind:
            issuer_lines.append(line)
            i += 1
            continue
        if issuer_lines and not fields and line.index == issuer_lines[-1].index + 1 and continues_authority(s):
            # the body's name wrapped by a narrow column: "CỤC VĂN THƯ VÀ LƯU TRỮ" / "NHÀ NƯỚC"
            issuer_lines.append(line)
            i += 1
            continue
        if (
            not have_kind
            and not have_title
            and fields
            and _uppercase(s)
            and not is_authority(s)
            and not kind_of(s)
            and _title_line(line)  # not "IV. TỔ CHỨC THỰC HIỆN" opening an excerpt
        ):
            # a title with no kind line above it ("VỀ VIỆC ...", "BAN HÀNH QUY ĐỊNH ...")
            j = i
            while (
                j + 1 < n
                and not lines[j + 1].is_blank
                and _uppercase(plain(lines[j + 1].raw))
                and _title_line(lines[j + 1])
            ):
                j += 1
            add(_field(text, "title", line.start, lines[j].end))
            have_title = True
            i = j + 1
            continue
        kind = kind_of(s)
        if kind and not have_kind:
            have_kind = True
            add(_field(text, "kind", line.start + len(line.raw) - len(line.raw.lstrip(" #*")), line.end, kind))
            # the title: the rest of this paragraph, else the next paragraph
            j = i + 1
            title_lines: list[Line] = []
            while j < n and not lines[j].is_blank and _title_line(lines[j]):
                title_lines.append(lines[j])
                j += 1
            if not title_lines:
                k = _next_nonblank(lines, j)
                para: list[Line] = []
                while k < n and not lines[k].is_blank:
                    para.append(lines[k])
                    k += 1
                first = plain(para[0].raw) if para else ""
                if para and _looks_like_title(para, first):
                    title_lines, j = para, k
            if title_lines:
                add(_field(text, "title", title_lines[0].start, title_lines[-1].end))
                have_title = True
            i = j
            continue
        if (have_kind or have_title) and _ISSUED_WITH.match(s):
            j = i
            while j + 1 < n and not lines[j + 1].is_blank:
                j += 1
            add(_field(text, "issued_with", line.start, lines[j].end, None))
            i = j + 1
            continue
        if (have_kind or have_title) and is_authority(s):
            add(_field(text, "enacting_body", line.start, line.end))
            i += 1
            continue
        break

    if issuer_lines:
        # consecutive authority lines name one body ("ỦY BAN NHÂN DÂN" / "TỈNH SƠN LA")
        group = [issuer_lines[0]]
        for ln in issuer_lines[1:]:
            if ln.index == group[-1].index + 1:
                group.append(ln)
            else:
                break
        issuer = _field(text, "issuer", group[0].start, group[-1].end)
        if issuer is not None:
            fields.insert(0, issuer)
    elif any(f.name == "enacting_body" for f in fields):
        eb = next(f for f in fields if f.name == "enacting_body")
        fields.insert(0, Field("issuer", eb.start, eb.end, eb.value))
    elif any(f.name == "body" for f in fields):
        body = next(f for f in fields if f.name == "body")
        fields.insert(0, Field("issuer", body.start, body.end, body.value))

    names = {f.name for f in fields}
    if not fields or not (names & {"kind", "number", "date", "issuer", "source_url"}):
        return None
    last = max(f.end for f in fields)
    next_line = all_lines[lines[i].index].index if i < n else first_line + len({ln.index for ln in lines})
    if i < n and lines[i].start > all_lines[lines[i].index].start:
        next_line += 1  # stopped inside a split line: do not re-read it
    node = Node(kind="header", start=min(f.start for f in fields), end=last, fields=fields)
    node.start, node.end = trim(text, lines[start_line].start, last)
    return node, max(next_line, first_line + 1)


_BODY_START = re.compile(r"^(căn cứ|thực hiện|theo|trên cơ sở|nhằm|để|xét|qua)\b", re.I)


def _title_line(line: Line) -> bool:
    """A line that can continue a title: not body text, not a numbered item."""
    from pipeline.structure.segmenter import numbering

    s = plain(line.raw)
    return (
        bool(s)
        and len(s) < 250
        and not _BODY_START.match(s)
        and not _ISSUED_WITH.match(s)
        and numbering(s) is None
        and not is_authority(s)
        and not _SESSION.match(s)
    )


def _looks_like_title(para: list[Line], first: str) -> bool:
    if not first or len(" ".join(plain(p.raw) for p in para)) > 400:
        return False
    if _BODY_START.match(first):
        return False
    raw0 = para[0].raw.strip()
    letters = list(filter(str.isalpha, first))
    return (
        raw0.startswith("**")
        or bool(_TITLE_START.match(first))
        or first[0].islower()
        or (bool(letters) and all(map(str.isupper, letters)))
        or not first.endswith(".")
    )
