"""Token features for the sequence tagger.

What decides an entity in these plans is as much *where* a phrase stands as
what it says: the chair column of a table, the title of a duty section, the
value of a "Cơ quan tổ chức thực hiện:" field, the first words of a list item.
So every token carries, besides its syllable, shape and neighbours, the
structure block it sits in (kind, position, column role, field label), the
deterministic recogniser's verdict and gazetteer membership.

Sequences are structure blocks (a paragraph, a list item, a table cell, a
header field...): entities never cross them, and short sequences keep the
CRF fast.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline.entities.agencies import find_agencies
from pipeline.entities.patterns import Match, find_all
from pipeline.structure.lines import plain
from pipeline.structure.model import Node, Structure
from pipeline.tokenizer import token_offsets

# Head words of Vietnamese public bodies (lower case, syllable sequences).
AGENCY_HEADS = (
    "ủy ban", "uỷ ban", "ubnd", "hội đồng", "hđnd", "sở", "ban", "bộ", "học viện", "trường", "văn phòng",
    "phòng", "trung tâm", "thanh tra", "tỉnh ủy", "tỉnh uỷ", "huyện ủy", "thành ủy", "thị ủy", "đảng ủy",
    "chính phủ", "thủ tướng", "mặt trận", "mttq", "liên đoàn", "hội", "cục", "vụ", "tổng cục", "viện",
    "đài", "báo", "công an", "bộ chỉ huy", "quân khu", "kho bạc", "chi cục", "đoàn", "btv", "bcđ",
    "chủ tịch", "phó chủ tịch", "giám đốc", "thủ trưởng", "chánh văn phòng", "bộ trưởng", "các sở",
    "các cơ quan", "các đơn vị", "cơ quan", "đơn vị", "các huyện", "các cơ sở", "bệnh viện",
)  # fmt: skip
_AGENCY_HEAD_TOKENS = {tuple(h.split()) for h in AGENCY_HEADS}
_MAX_HEAD = max(len(h) for h in _AGENCY_HEAD_TOKENS)

_ROLE_WORDS = (
    # order matters: "Nội dung thực hiện" is content and "Cơ quan phối hợp tham mưu,
    # thực hiện" coordination, though both end like a chair column's header
    ("coord", re.compile(r"phối hợp", re.I)),
    # the table form of the "Đơn vị đào tạo: X" field (D8.5)
    ("provides", re.compile(r"đơn vị (?:đào tạo|bồi dưỡng|giảng dạy)|cơ sở (?:đào tạo|bồi dưỡng)", re.I)),
    ("content", re.compile(r"nội dung|tên lớp|kh(?:óa|oá) học|nhiệm vụ|công việc|^(?:tên )?chương trình", re.I)),
    ("time", re.compile(r"thời gian|thời hạn|tiến độ|hoàn thành", re.I)),
    # "Kinh phí (triệu đồng)", "Tổng kinh phí", "Dự toán": bare numbers there are MONEY
    ("money", re.compile(r"kinh phí|dự toán|\bđồng\b", re.I)),
    ("product", re.compile(r"sản phẩm|hoạt động", re.I)),
    # "Tỷ lệ (%)", "Tỷ lệ đạt": bare figures there are PERCENT (D11.27)
    ("percent", re.compile(r"t[ỷỉ][ \t]*lệ|\(%\)", re.I)),
    # the unit or the total a bare number in the column counts ("Số học viên", "Tổng", "Năm 2022")
    ("count", re.compile(r"số lượng|tổng|cộng|chỉ tiêu|\b(19|20)\d{2}\b|người|học viên|lượt|\blớp\b", re.I)),
    ("stt", re.compile(r"^(stt|tt)$", re.I)),
    ("note", re.compile(r"ghi chú", re.I)),
    ("chair", re.compile(r"chủ trì|tổ chức thực hiện|cơ quan thực hiện|đơn vị thực hiện|thực hiện$", re.I)),
)
_FIELD_ROLES = (
    # "Thời gian thực hiện:" is a time field, though it ends like a chair field
    ("time", re.compile(r"thời gian|thời điểm|thời hạn|tiến độ", re.I)),
    ("directs", re.compile(r"chỉ đạo", re.I)),
    ("provides", re.compile(r"đơn vị (đào tạo|bồi dưỡng)|cơ sở (đào tạo|bồi dưỡng)|giảng viên", re.I)),
    ("chair", re.compile(r"tổ chức thực hiện|chủ trì|thực hiện|cơ quan", re.I)),
    ("quota", re.compile(r"số lượng|chỉ tiêu|quy mô", re.I)),
    ("target", re.compile(r"đối tượng|điều kiện", re.I)),
    ("content", re.compile(r"nội dung", re.I)),
    ("money", re.compile(r"kinh phí", re.I)),
)


_SECTIONS = (
    ("objective", re.compile(r"mục (tiêu|đích)|yêu cầu|quan điểm", re.I)),
    ("budget", re.compile(r"kinh phí|tài chính|nguồn vốn", re.I)),
    ("target", re.compile(r"đối tượng|phạm vi", re.I)),
    ("duty", re.compile(r"nhiệm vụ|giải pháp|lộ trình", re.I)),
    ("org", re.compile(r"tổ chức thực hiện|trách nhiệm|phân công", re.I)),
    ("content", re.compile(r"nội dung|chỉ tiêu|số lượng|đào tạo|bồi dưỡng|chương trình|kế hoạch", re.I)),
)


def section_type(title: str) -> str | None:
    t = plain(title)
    for name, rx in _SECTIONS:
        if rx.search(t[:80]):
            return name
    return None


def column_role(header: str | None) -> str:
    if not header:
        return "none"
    for role, rx in _ROLE_WORDS:
        if rx.search(header):
            return role
    return "other"


def field_role(label: str) -> str:
    for role, rx in _FIELD_ROLES:
        if rx.search(label):
            return role
    return "other"


def _is_agency_title(text: str) -> bool:
    t = plain(text).lower()
    t = re.sub(r"^(trách nhiệm( của)?|giao)\s+", "", t)
    words = tuple(t.split()[:_MAX_HEAD])
    return any(words[: len(h)] == h for h in _AGENCY_HEAD_TOKENS)


@dataclass
class Block:
    start: int
    end: int
    kind: str
    info: dict[str, str] = field(default_factory=dict)


def blocks_of(structure: Structure, text: str) -> list[Block]:
    """The innermost text blocks in document order, each with its context:
    heading path agency, list-item field label, cell column role.

    Kept on the structure after the first call: the tagger's features, the
    task places and the relation index all read them, and the structure is
    not changed after segmentation. Callers must not modify the list."""
    cached = structure.__dict__.get("_blocks")
    if cached is not None and (cached[0] is text or cached[0] == text):
        return cached[1]
    blocks = _blocks_of(structure, text)
    structure.__dict__["_blocks"] = (text, blocks)
    return blocks


def _blocks_of(structure: Structure, text: str) -> list[Block]:
    out: list[Block] = []

    def visit(node: Node, agency_section: bool, section: str) -> None:
        kind = node.kind
        if kind == "header":
            for f in node.fields:
                out.append(Block(f.start, f.end, "header", {"field": f.name}))
            return
        if kind == "signature":
            for f in node.fields:
                if f.name != "capacity_body":
                    out.append(Block(f.start, f.end, "signature", {"field": f.name}))
            return
        if kind == "recipients":
            for it in node.items:
                out.append(Block(it.start, it.end, "recipient"))
            return
        if kind == "table":
            roles = table_roles(node, text)
            for _r_i, row in enumerate(node.rows):
                for cell in row.cells:
                    if cell.end > cell.start:
                        role = roles[cell.column] if cell.column < len(roles) else "none"
                        out.append(
                            Block(
                                cell.start,
                                cell.end,
                                "cell",
                                {"role": role, "row": row.kind, "col": str(min(cell.column, 8))},
                            )
                        )
            return
        title = node.title
        if kind in ("heading", "list_item", "footnote") and title is not None:
            info = {"agency_section": str(agency_section), "section": section}
            if kind == "heading":
                info["agency_title"] = str(_is_agency_title(text[title.start : title.end]))
            label = field_label(text[title.start : title.end])
            if label:
                info["field"] = field_role(label)
            out.append(Block(title.start, title.end, kind, info))
        elif kind in ("paragraph", "title", "boilerplate"):
            info = {"agency_section": str(agency_section), "section": section}
            # a labelled field written as a plain line ("Cơ quan chỉ đạo thực hiện: ...")
            label = field_label(text[node.start : node.end]) if kind == "paragraph" else None
            if label:
                info["field"] = field_role(label)
            out.append(Block(node.start, node.end, kind, info))
        child_agency = agency_section or (
            kind == "heading" and title is not None and _is_agency_title(text[title.start : title.end])
        )
        child_section = section
        if kind == "heading" and title is not None:
            child_section = section_type(text[title.start : title.end]) or section
        for child in node.children:
            visit(child, child_agency, child_section)

    for node in structure.nodes:
        visit(node, False, "none")
    out.sort(key=lambda b: (b.start, -b.end))
    # keep innermost: drop a block that contains the next one's start (heading title vs child)
    cleaned: list[Block] = []
    for b in out:
        if cleaned and b.start < cleaned[-1].end:
            prev = cleaned[-1]
            if b.end <= prev.end and (b.end - b.start) < (prev.end - prev.start):
                # split the outer block around the inner one
                cleaned[-1] = Block(prev.start, b.start, prev.kind, prev.info)
                cleaned.append(b)
                if prev.end > b.end:
                    cleaned.append(Block(b.end, prev.end, prev.kind, prev.info))
                continue
            continue
        cleaned.append(b)
    return [b for b in cleaned if b.end > b.start]


PROGRAMME_FIELDS = frozenset({"directs", "chair", "provides", "quota", "time"})


def field_roles(text: str, node: Node) -> set[str]:
    """Roles of the labelled fields among a heading's children, written as
    items ("- Cơ quan chỉ đạo thực hiện: ...") or as plain lines."""
    roles: set[str] = set()
    for child in node.children:
        if child.title is None and child.kind != "paragraph":
            continue
        span = child.title if child.title is not None else child
        label = field_label(text[span.start : span.end])
        if label:
            roles.add(field_role(label))
    return roles


def is_programme(text: str, node: Node) -> bool:
    """A heading over at least two programme fields (who directs, organises,
    trains, how many, when) is a programme block, whose title is its TASK (D10.2)."""
    return node.kind == "heading" and node.title is not None and len(field_roles(text, node) & PROGRAMME_FIELDS) >= 2


def field_label(title: str) -> str | None:
    """ "Cơ quan chỉ đạo thực hiện: Ban Thường vụ" -> "cơ quan chỉ đạo thực hiện"."""
    t = plain(title)
    m = re.match(r"^([^:]{3,60}):", t)
    return m.group(1).lower() if m else None


def table_roles(table: Node, text: str) -> list[str]:
    """Column roles from the header row; for header-less tables (the broken
    layout) from what the columns hold."""
    header = table.attrs.get("header")
    n = table.attrs.get("columns") or max((len(r.cells) for r in table.rows), default=0)
    if header:
        roles = [column_role(h) for h in header]
        return roles + ["none"] * (n - len(roles))
    # no header: STT, then the longest text column is the content, agency-like
    # columns are chair then coordinators, time-like columns are times
    from pipeline.structure.tables import _cell_type

    profiles: list[dict[str, int]] = [{} for _ in range(n)]
    lengths = [0] * n
    for row in table.rows:
        if row.kind != "body":
            continue
        for c in row.cells:
            if c.column < n:
                t = _cell_type(text[c.start : c.end])
                profiles[c.column][t] = profiles[c.column].get(t, 0) + 1
                lengths[c.column] += c.end - c.start
    roles = ["other"] * n
    content = max(range(n), key=lambda i: lengths[i]) if n else 0
    roles[content] = "content"
    agency_cols = [
        i
        for i in range(n)
        if i != content and profiles[i].get("agency", 0) >= max(profiles[i].values(), default=0) and profiles[i]
    ]
    for i, role in zip(agency_cols, ("chair", "coord")):
        roles[i] = role
    for i in range(n):
        if roles[i] == "other" and profiles[i]:
            top = max(profiles[i], key=profiles[i].get)
            roles[i] = {"number": "stt", "time": "time", "empty": "note"}.get(top, "product")
    return roles


@lru_cache(maxsize=50_000)
def _shape(word: str) -> str:
    if word.isdigit():
        return "d" if len(word) < 4 else ("year" if re.fullmatch(r"(19|20)\d\d", word) else "dddd")
    if not word[0].isalnum():
        return word if len(word) == 1 else "p"
    if word.isupper():
        return "X" if len(word) == 1 else "XX"
    if word[0].isupper():
        return "Xx"
    return "x"


@dataclass
class TokenSeq:
    """One block: token offsets and, per token, its CRFsuite attributes
    ("name:value" strings, UTF-8 encoded, each with weight 1)."""

    offsets: list[tuple[int, int]]
    features: list[list[bytes]]


def _rule_tags(matches: list[Match], offsets: list[tuple[int, int]]) -> list[str]:
    tags = ["O"] * len(offsets)
    starts = [s for s, _ in offsets]
    for m in matches:
        i = bisect.bisect_left(starts, m.start)
        first = True
        while i < len(offsets) and offsets[i][0] < m.end:
            tags[i] = ("B-" if first else "I-") + m.label
            first = False
            i += 1
    return tags


def sequences(
    text: str,
    structure: Structure,
    matches: list[Match] | None = None,
    agencies: list[tuple[int, int]] | None = None,
    offsets: list[tuple[int, int]] | None = None,
) -> list[TokenSeq]:
    """Feature sequences for a whole document, one per block (tokens outside
    every block, such as list markers, form their own short sequences).
    ``matches``/``agencies`` let a caller that already ran the recognisers
    pass their output instead of running them again."""
    offsets = token_offsets(text) if offsets is None else offsets
    rule_tags = _rule_tags(find_all(text) if matches is None else matches, offsets)
    agencies = find_agencies(text) if agencies is None else agencies
    agency_tags = _rule_tags([Match(s, e, "AG", "agency") for s, e in agencies], offsets)
    blocks = blocks_of(structure, text)
    starts = [b.start for b in blocks]
    groups = _token_groups(blocks, starts, [s for s, _ in offsets])
    lowers = [text[s:e].lower() for s, e in offsets]
    agency_head = _agency_head_flags(lowers)
    shapes = [_shape(text[s:e]) for s, e in offsets]
    # Each token's attributes are built once as CRFsuite attribute strings
    # ("w:sở", "shape-1:Xx"), UTF-8 encoded (CRFsuite would encode every
    # string on every call otherwise), and concatenated per position: list
    # concatenation is a memcpy, where merging ~35-key dicts per token was a
    # third of the extraction time. A True flag is the bare name and a False
    # one is left out, which is what CRFsuite makes of {"nl": True/False}.
    attrs = [_token_attrs(*t) for t in zip(lowers, shapes, rule_tags, agency_head, agency_tags)]
    n_tok = len(offsets)
    none: tuple[bytes, ...] = ()
    # per token, what does not depend on its block: the line breaks before it
    # and the chunker's verdict with the previous word
    breaks = [_NL_ATTRS[1]] if n_tok else []  # the first token opens a line
    breaks += [
        # most tokens are next to each other or one space apart: no count needed
        _NL_ATTRS[0] if s - pe < 2 and text[pe:s] != "\n" else _NL_ATTRS[min(text.count("\n", pe, s), 2)]
        for (_, pe), (s, _) in zip(offsets, offsets[1:])
    ]
    flags = [a[:1] for a in agency_tags]
    prev_attrs = [_agc_prev(f, lw) for f, lw in zip(flags, ["^", *lowers])]
    out: list[TokenSeq] = []
    for block, idxs in groups:
        block_feats, agc_ctx = _block_attrs(block.kind, tuple(block.info.items())) if block else _block_attrs("gap", ())
        n = len(idxs)
        pos_attrs = _position_attrs(n)
        feats = []
        colon_seen = False
        sent_pos = 0
        shead = b"shead:"
        for pos, ti in enumerate(idxs):
            lw = lowers[ti]
            if sent_pos == 0:
                nxt = lowers[ti + 1] if ti + 1 < n_tok else ""
                shead = f"shead:{lw} {nxt}".encode() if lw.isalpha() else b"shead:"
            f = [
                *block_feats,
                *attrs[ti][0],
                *(attrs[ti - 2][1] if ti >= 2 else none),
                *(attrs[ti - 1][2] if ti >= 1 else none),
                *(attrs[ti + 1][3] if ti + 1 < n_tok else none),
                *(attrs[ti + 2][4] if ti + 2 < n_tok else none),
                *pos_attrs[pos],
                _SPOS_ATTR[sent_pos if sent_pos < 3 else 3],
                shead,
                # the chunker's verdict in context: a candidate after a field label,
                # in a chair column or a recipients list is almost always an AGENCY
                agc_ctx[flags[ti], colon_seen],
                prev_attrs[ti],
                *breaks[ti],
            ]
            if colon_seen:
                f.append(b"colon")
            feats.append(f)
            sent_pos += 1
            if lw == ":":
                colon_seen = True
            if lw in (".", ";", ":", "?", "!"):
                sent_pos = 0
        out.append(TokenSeq([offsets[i] for i in idxs], feats))
    return out


def _token_groups(
    blocks: list[Block], starts: list[int], token_starts: list[int]
) -> list[tuple[Block | None, list[int]]]:
    """The tokens of each block, and the runs of tokens between blocks (None).
    A token belongs to the last block starting at or before it, if it starts
    before that block ends; so a block's tokens are those from its start to
    its end or the next block's start, whichever comes first. Found with two
    bisections per block rather than one per token."""
    groups: list[tuple[Block | None, list[int]]] = []
    done = 0  # tokens assigned so far
    for k, block in enumerate(blocks):
        stop = min(block.end, starts[k + 1]) if k + 1 < len(blocks) else block.end
        lo = bisect.bisect_left(token_starts, block.start, done)
        hi = bisect.bisect_left(token_starts, stop, lo)
        if lo == hi:
            continue  # no token of its own: the gap around it is one run
        if lo > done:
            groups.append((None, list(range(done, lo))))
        groups.append((block, list(range(lo, hi))))
        done = hi
    if done < len(token_starts):
        groups.append((None, list(range(done, len(token_starts)))))
    return groups


@lru_cache(maxsize=4096)
def _block_attrs(kind: str, info: tuple[tuple[str, str], ...]) -> tuple[list[bytes], dict[tuple[str, bool], bytes]]:
    """A block's own attributes and its chunker-in-context ones, built once
    per kind of block: a plan has thousands of blocks but few kinds."""
    block_feats = [b"bias", f"kind:{kind}".encode(), *(f"b_{k}:{v}".encode() for k, v in info)]
    fields = dict(info)
    role = fields.get("role", fields.get("field", "-"))
    agc_ctx = {(a, c): f"agc_ctx:{a}|{kind}|{role}|{c}".encode() for a in ("B", "I", "O") for c in (False, True)}
    return block_feats, agc_ctx


@lru_cache(maxsize=1024)
def _position_attrs(n: int) -> tuple[tuple[bytes, bytes], ...]:
    """The position attributes of each token of an n-token block: from the
    start (0..5+) and from the end (0..3+)."""
    return tuple((_POS_ATTR[min(p, 5)], _RPOS_ATTR[min(n - 1 - p, 3)]) for p in range(n))


@lru_cache(maxsize=100_000)
def _agc_prev(flag: str, previous: str) -> bytes:
    return f"agc_prev:{flag}|{previous}".encode()


_POS = ("0", "1", "2", "3", "4", "5")
_POS_ATTR = tuple(f"pos:{p}".encode() for p in _POS)
_RPOS_ATTR = tuple(f"rpos:{p}".encode() for p in _POS)
_SPOS_ATTR = tuple(f"spos:{p}".encode() for p in _POS)
# line breaks before a token: none, one ("nl"), more ("nl" and "blank")
_NL_ATTRS: tuple[tuple[bytes, ...], ...] = ((), (b"nl",), (b"nl", b"blank"))


@lru_cache(maxsize=100_000)
def _token_attrs(lw: str, sh: str, r: str, h: str, a: str) -> tuple[tuple[bytes, ...], ...]:
    """A token's own attributes and the ones it lends its neighbours (as the
    token two before, one before, one after, two after). Cached because most
    tokens of a plan are frequent words in a frequent context; tuples, as the
    results are shared. Two tokens away only the word counts: the rule,
    chunker and head flags of far neighbours, like the heading depth and the
    has-fields/has-children flags of blocks, did not change the
    cross-validated scores and made every token a third dearer to tag (model
    card, experiment 22)."""
    strings = (
        (f"w:{lw}", f"shape:{sh}", f"rule:{r}", f"head:{h}", f"agc:{a}"),
        (f"w-2:{lw}",),
        (f"w-1:{lw}", f"rule-1:{r[:1]}", f"agc-1:{a[:1]}", f"shape-1:{sh}"),
        (f"w+1:{lw}", f"rule+1:{r[:1]}", f"agc+1:{a[:1]}", f"shape+1:{sh}"),
        (f"w+2:{lw}",),
    )
    return tuple(tuple(a.encode() for a in group) for group in strings)


_HEAD_FIRST_WORDS = frozenset(h[0] for h in _AGENCY_HEAD_TOKENS)


def _agency_head_flags(lowers: list[str]) -> list[str]:
    """B/I where a known agency head phrase ("ủy ban", "sở", "học viện") starts."""
    flags = ["O"] * len(lowers)
    for i in range(len(lowers)):
        if lowers[i] not in _HEAD_FIRST_WORDS:
            continue
        for n in range(min(_MAX_HEAD, len(lowers) - i), 0, -1):  # a slice past the end is shorter than n
            if tuple(lowers[i : i + n]) in _AGENCY_HEAD_TOKENS:
                flags[i] = "B"
                for k in range(i + 1, i + n):
                    flags[k] = "I"
                break
    return flags
