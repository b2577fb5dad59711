"""TASK extents by the guideline's start and end rules.

The tagger finds where an activity is; where exactly it starts and stops is
decided by written rules (annotations/GUIDELINES.md D7.5-D7.8) that a
sequence model trained on a few hundred spans learns only approximately:

* start (D7.5): the actor phrase ("Chủ trì, phối hợp với X", "Phối hợp với
  X trong việc", "Giao X"), a basis phrase ("Trên cơ sở ...,"), a
  comma-separated adverbial ("Hàng năm,") and a modal ("cần", "phải", "có
  trách nhiệm") are outside;
* end (D7.6, D7.7): a TASK never ends on a preposition left over by a cut
  ("... theo", "... dành") nor inside or on a trailing parenthetical note;
  a trailing citation, provider or direction phrase ("theo quy định tại
  <LEGAL_REF>", "do X tổ chức", "theo chỉ đạo của X") and a trailing quota
  are outside; the ";" clauses of one sentence are one TASK, and a
  recipient or the one counselled ("báo cáo Sở Nội vụ", "tham mưu UBND
  tỉnh") is inside;
* course lines (D7.8): on a line that is a course ("Bồi dưỡng ...", "Đào
  tạo ..."), the standard and target group after it ("theo ...", "cho
  ...", "đối với ...") are outside, unless that leaves a bare verb;
* not an activity (D7.2): a span opening with "là", "được", "để", "về", or
  with the group, budget or topic a target or a fact is about, is dropped,
  and so are a principle ("Đào tạo phải gắn với ...") and a span that starts
  inside a body's name ("Ban [Thường vụ ...]");
* place (D7.2): nothing under a "Mục tiêu", "Mục đích", "Yêu cầu", "Quan
  điểm", "Đối tượng" or "Phạm vi" heading is a TASK, however much its items
  read like activities ("Có ít nhất 85% viên chức ... được bồi dưỡng ..."),
  nor in a table's group row or a who/when/for-whom field (D9.2, D10.2);
* recall (D7.1, D7.3, D7.4): each activity sentence of an item in a task
  section is a TASK, a section being one headed "Nhiệm vụ", "Tổ chức thực
  hiện", by a body, or announced by a paragraph ("... đề ra các nhiệm vụ
  ... như sau:", "đề nghị X thực hiện một số nội dung sau:"); so is the
  activity after an actor phrase in running text ("giao X", "X có trách
  nhiệm", "đề nghị X, Y").

The bodies of a stripped actor phrase are AGENCY (they are the TASK's
coordinators), so they are returned for the caller to add.
"""

from __future__ import annotations

import re

from pipeline.structure.lines import plain
from pipeline.structure.model import Node, Structure

Span4 = tuple[int, int, str, float]

_WS = r"[ \u00a0]+"
# actor phrases; "X" (the bodies) is matched separately against agency spans
_CHAIR = re.compile(rf"(?i)chủ{_WS}trì(?:{_WS}(?=phối))?[ \u00a0]*,?[ \u00a0]*")
# "liên kết với X" too: X is then the provider of a joint class (S 17)
_COORD = re.compile(
    rf"(?i)(?:phối{_WS}hợp(?:{_WS}(?:chặt{_WS}chẽ{_WS})?với)?|liên{_WS}kết(?:{_WS}với)?(?={_WS}[A-ZĐ]))[ \u00a0]*"
)
# the verbs that hand a duty to a body (schema 7, 14), shared by the patterns below
_ASSIGN_VERB = rf"giao(?:{_WS}cho)?|yêu{_WS}cầu|đề{_WS}nghị"
_ASSIGN = re.compile(rf"(?i)(?:{_ASSIGN_VERB}){_WS}")
_IN_DOING = re.compile(rf"(?i)[ \u00a0]*,?[ \u00a0]*(?:trong{_WS}việc|để|thực{_WS}hiện)(?=[ \u00a0])[ \u00a0]*")
_BASIS = re.compile(r"(?i)(?:trên cơ sở|căn cứ)\b[^,.;\n]{3,200},[ \u00a0]*")
_ADVERBIAL = re.compile(
    r"(?i)(?:(?:định kỳ )?(?:hàng|hằng) (?:năm|quý|tháng)|đồng thời|ngoài ra|bên cạnh đó|mặt khác|định kỳ)"
    r"[ \u00a0]*,[ \u00a0]*"
)
_MODAL = re.compile(rf"(?i)(?:cần|phải|có{_WS}trách{_WS}nhiệm)(?={_WS})[ \u00a0]*")
_JOIN = re.compile(rf"(?i)[ \u00a0]*(?:,|;|và|cùng|cùng{_WS}với)?[ \u00a0]*")
# a TASK does not end on these words: they open the phrase a cut removed
_TRAILING_WORDS = (
    rf"(?<!tiếp )theo|tại|của|cho|dành|dành{_WS}cho|đối{_WS}với|và|với|để|trong|đến|từ|vào|do|bằng|qua|gồm|như"
    rf"|trước|chậm{_WS}nhất"  # left by a deadline cut off after them ("sau" is also "following")
    rf"|dự{_WS}kiến"  # left by a quota cut off after it ("..., dự kiến 02 lớp": schema, "Dự kiến" outside)
)
_TRAILING = re.compile(rf"(?i)(?:{_WS}|^)(?:{_TRAILING_WORDS})[\s,;:(]*$")
_MIN_CHARS = 8
# a capitalised head noun right before the span: the span is the rest of a name
_CUT_FROM_NAME = re.compile(r"(?:^|[\s(])(?:Ban|Học|Sở|Bộ|Trường|Viện|Cục|Phòng)[ \u00a0]$")
# an activity does not open with a copula, a passive, a conjunction, or the
# group or resource a target or a fact is about ("Cán bộ, công chức ... phải
# có trình độ ...", "Kinh phí đào tạo từ nguồn ...": D7.2)
_NOT_AN_ACTIVITY = re.compile(
    rf"(?i)(?:là|được|và|hoặc|để|về|theo(?!{_WS}dõi)|đối{_WS}với|cán{_WS}bộ|viên{_WS}chức|kinh{_WS}phí|ngân{_WS}sách"
    rf"|thời{_WS}gian|thời{_WS}lượng|đơn{_WS}vị|kiến{_WS}thức|nhiệm{_WS}vụ|chức{_WS}danh|khối|lưu"
    # the group or the subject of a requirement or a principle ("Tất cả cán bộ,
    # công chức phải biết ...", "Công tác tuyển chọn ... phải ...", "Việc quy
    # hoạch ..."), a source of funds ("Nguồn kinh phí ...")
    rf"|tất{_WS}cả|công{_WS}chức|công{_WS}tác|việc|nguồn|tổng(?!{_WS}(?:hợp|kết))|giáo{_WS}viên|đối{_WS}tượng"
    # a verb used as a noun: "[Trên cơ sở quy định,] hướng dẫn của Bộ ngành ..."
    rf"|(?:hướng{_WS}dẫn|chỉ{_WS}đạo|đề{_WS}xuất|đề{_WS}nghị|quy{_WS}định){_WS}của)\b"
)
# "Đào tạo, bồi dưỡng phải gắn với yêu cầu sử dụng": a short subject and "phải" state a
# principle (D7.2), unless the subject is a body ("Các sở phải ...", D7.5);
# "phải được / phải qua" a course a group must take (D7.8)
_PRINCIPLE = re.compile(
    rf"(?i)(?!(?:các{_WS})?(?:sở|ban|bộ|cơ{_WS}quan|đơn{_WS}vị|địa{_WS}phương|ubnd|ủy|uỷ|phòng|trường)\b)"
    rf"(?:[^\s;:]+{_WS}){{1,4}}phải{_WS}(?!được|qua|học)"
)


def _agency_chain(text: str, pos: int, end: int, agencies: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """Skip the agencies that start at ``pos`` (joined by commas, "và",
    "cùng"); returns the position after them and the agencies skipped."""
    starts = {s: e for s, e in agencies}
    found: list[tuple[int, int]] = []
    while pos in starts and starts[pos] <= end:
        found.append((pos, starts[pos]))
        after = starts[pos]
        m = _JOIN.match(text, after, end)
        nxt = m.end() if m else after
        if nxt in starts:
            pos = nxt
        else:
            pos = after
            break
    return pos, found


def _strip_start(text: str, s: int, e: int, agencies: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    freed: list[tuple[int, int]] = []
    for _ in range(6):  # phrases can stack: "Hàng năm, chủ trì, phối hợp với X ..."
        before = s
        for pattern in (_BASIS, _ADVERBIAL):
            m = pattern.match(text, s, e)
            if m:
                s = m.end()
        m = _ASSIGN.match(text, s, e)
        if m and m.end() in {a for a, _ in agencies}:
            s, found = _agency_chain(text, m.end(), e, agencies)
            freed += found
        m = _CHAIR.match(text, s, e)
        if m:
            s = m.end()
        m = _COORD.match(text, s, e)
        if m:
            s, found = _agency_chain(text, m.end(), e, agencies)
            freed += found
            if found:
                m = _IN_DOING.match(text, s, e)
                if m:
                    s = m.end()
        m = _MODAL.match(text, s, e)
        if m:
            s = m.end()
        while s < e and text[s] in " ,;:\u00a0":
            s += 1
        if s == before:
            break
    return s, freed


# D7.8 course lines: "Bồi dưỡng kiến thức quốc phòng – an ninh | theo các chương
# trình quy định cho cán bộ ...": the course is the TASK, its standard and
# target group are outside
_COURSE = re.compile(
    rf"(?:Tổ{_WS}chức{_WS}|Khuyến{_WS}khích{_WS}(?:tự{_WS}học{_WS}và{_WS})?)?(?:[ĐđBbTtCc])"
    rf"(?i:ào{_WS}tạo|ồi{_WS}dưỡng|ập{_WS}huấn|ập{_WS}nhật)"
)
_BULLETS = r"[\s*_#>\-+•]*"
_ITEM_NUMBER = r"\d+(?:\.\d+)*|[a-zđ]"  # "1.", "1.2)", "a)"
_LINE_LEAD = re.compile(rf"{_BULLETS}(?:(?:[IVXLC]+|{_ITEM_NUMBER})[.)]\s*)?[\s*_]*")
_QUALIFIER = re.compile(rf"(?i){_WS}(?:cho(?!{_WS}phép)|theo(?!{_WS}dõi)|đối{_WS}với|dành{_WS}cho){_WS}")
_VERB_WORDS = frozenset(
    ["tổ", "chức", "đào", "tạo", "bồi", "dưỡng", "tập", "huấn", "cập", "nhật", "khuyến", "khích", "tự", "học", "và"]
)


def _course_end(text: str, s: int, e: int) -> int:
    """End of a course line's TASK before its qualifiers, unless the cut
    would leave a bare verb ("Bồi dưỡng theo tiêu chuẩn ngạch công chức")."""
    line_start = text.rfind("\n", 0, s) + 1
    lead = _LINE_LEAD.match(text, line_start, s)
    if lead is None or lead.end() != s or not _COURSE.match(text, s, e):
        return e
    q = _QUALIFIER.search(text, s, e)
    if q is None:
        return e
    words = text[s : q.start()].replace(",", " ").lower().split()
    return q.start() if any(w not in _VERB_WORDS for w in words) else e


def _strip_end(text: str, s: int, e: int) -> int:
    for _ in range(4):
        before = e
        span = text[s:e]
        # a trailing parenthetical note, or a parenthesis the tagger cut open
        opened = span.rfind("(")
        if opened > 0 and (")" not in span[opened:] or span.rstrip(" .;,").endswith(")")):
            e = s + opened
        m = _TRAILING.search(text, s, e)
        if m and m.start() > s:
            e = m.start()
        while e > s and text[e - 1] in " ,;:.(\u00a0\n\t":
            e -= 1
        if e == before:
            break
    return e


def refine_tasks(text: str, spans: list[Span4], agencies: list[tuple[int, int]]) -> list[Span4]:
    """Apply the start and end rules to every TASK of ``spans``. ``agencies``
    are candidate agency extents (the grammar's and the tagger's); those an
    actor phrase names become AGENCY spans when nothing else covers them."""
    kept = [sp for sp in spans if sp[2] != "TASK"]
    tasks = [sp for sp in spans if sp[2] == "TASK"]
    freed: list[tuple[int, int]] = []
    for s, e, label, score in tasks:
        inside = [(a, b) for a, b in agencies if s <= a and b <= e]
        s2, found = _strip_start(text, s, e, inside)
        e2 = _strip_end(text, s2, _course_end(text, s2, e))
        if (
            _NOT_AN_ACTIVITY.match(text, s2, e2)
            or _PRINCIPLE.match(text, s2, e2)
            or _CUT_FROM_NAME.search(text, max(0, s2 - 10), s2)
        ):
            continue  # not an activity, or the tail of a body's name
        if e2 - s2 >= _MIN_CHARS:
            kept.append((s2, e2, label, score))
            freed += [(a, b) for a, b in found if b <= s2]
        else:
            kept.append((s, e, label, score))
    for a, b in freed:
        if not any(x < b and a < y for x, y, _, _ in kept):
            kept.append((a, b, "AGENCY", 1.0))
    return sorted(kept)


# the heading must open with the word: "Bồi dưỡng theo yêu cầu của vị trí
# việc làm" is an activity, "II. YÊU CẦU" is not
_NO_TASK_HEADING = re.compile(
    r"(?i)^(?:[\W_]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)/]\s*)?[\W_]*"
    r"(?:mục\s+(?:tiêu|đích)|yêu\s+cầu|quan\s+điểm|đối\s+tượng|phạm\s+vi)\b"
)


def no_task_sections(text: str, structure: Structure) -> list[tuple[int, int]]:
    """Extents of the sections whose items are not TASKs (D7.2)."""
    out: list[tuple[int, int]] = []

    def visit(node: Node) -> None:
        title = node.title
        heading = node.kind == "heading" and title is not None
        if heading and _NO_TASK_HEADING.match(plain(text[title.start : title.end])):
            out.append((node.start, node.end))
            return
        for child in node.children:
            visit(child)

    for node in structure.nodes:
        visit(node)
    return out


def drop_tasks_in(spans: list[Span4], sections: list[tuple[int, int]]) -> list[Span4]:
    return [sp for sp in spans if sp[2] != "TASK" or not any(a <= sp[0] < b for a, b in sections)]


# D7.1: the lowest-level items of a "Nhiệm vụ (và giải pháp)", "Giải pháp",
# "Tổ chức thực hiện" or "Lộ trình" section are TASKs when they name an
# activity, with or without an actor; the tagger misses some, mostly in plans
# whose items are long.
_TASK_HEADING = re.compile(
    r"(?i)^(?:[\W_]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)/]\s*)?[\W_]*(?:các\s+)?"
    r"(?:nhiệm\s+vụ|giải\s+pháp|tổ\s+chức\s+thực\s+hiện|lộ\s+trình)\b"
)
# the verbs and adverbs that open an activity in these plans (general
# administrative Vietnamese, not the words of any one plan)
_ACTIVITY_OPENERS = (
    "tăng cường|đẩy mạnh|xây dựng|tổ chức|thực hiện(?! theo)|triển khai|nâng cao|rà soát|hoàn thiện|kiện toàn|"
    "đổi mới|bồi dưỡng|đào tạo|tập trung|khuyến khích|củng cố|thống nhất|ban hành|hướng dẫn|kiểm tra|đánh giá|"
    "quán triệt|tuyên truyền|cử|mở|biên soạn|xác định|lựa chọn|phát huy|huy động|bố trí|ưu tiên|quản lý|"
    "theo dõi|tham mưu|lập|duy trì|tiếp tục|có chính sách|sắp xếp|thu hút|phát triển|ứng dụng|cải tiến|"
    "chuẩn hóa|nghiên cứu|sửa đổi|khảo sát|tổng hợp|thẩm định|kết hợp|gắn|đảm bảo|bảo đảm|vận dụng|chú trọng|"
    "quan tâm|cập nhật|phổ biến|mời|liên kết|hợp tác|trang bị|đầu tư|giám sát|đôn đốc|thanh tra|sơ kết|"
    "tổng kết|công khai|đề xuất|phân bổ|bổ sung|thường xuyên|chủ động|tích cực|kịp thời|định kỳ|hằng năm|hàng năm|"
    "bám sát|chỉ đạo|tiến hành|hoàn thành|báo cáo|xử lý|cân đối|lồng ghép|phân công|chấn chỉnh|phối hợp|tham gia|"
    "hỗ trợ|thu thập|số hóa|cải cách|vận hành|tạo điều kiện|khẩn trương|sớm|đăng ký|gửi|nộp"
)
_ACTIVITY_OPENERS = _ACTIVITY_OPENERS.replace(" ", r"\s+")  # "tổ\nchức" wrapped by the conversion (D0.2)
_ACTIVITY_OPENER = re.compile(rf"(?i)(?:{_ACTIVITY_OPENERS})\b")
_COLON_NEXT = re.compile(r"[ \t*_]*:")  # a heading's title stops before its colon


# the last sentence of a paragraph that announces the duties listed after it
_DUTIES_INTRO = re.compile(r"(?i)\b(?:nhiệm vụ|giải pháp)\b[^.:\n]*:[\s*_]*$")
# "đề ra các nhiệm vụ <activity>, cụ thể như sau:": the activity the body sets itself
_SET_DUTIES = re.compile(
    rf"(?i)\b(?:nhiệm vụ|giải pháp)(?:{_WS}(?:trọng{_WS}tâm|chủ{_WS}yếu|chính|cụ{_WS}thể))?{_WS}"
    rf"((?:{_ACTIVITY_OPENERS})\b[^.:\n]*?)"
    r"[\s,]*(?:(?:cụ thể|bao gồm|gồm|với những nội dung|với các nội dung)\s*)?(?:như sau|sau đây|sau)?\s*:[\s*_]*$"
)
_QUOTA_AFTER_COLON = re.compile(r":[ \t*_]*(?:(?:[Dd]ự[ \t]+kiến|[Kk]hoảng)[ \t]*:?[ \t*_]*)?$")
_RESPONSIBILITY = re.compile(rf"(?i)(?:trách{_WS}nhiệm(?:{_WS}của)?{_WS})?")
# the last sentence assigns what follows it to a body (D8.3, D11.6)
_ASSIGNING_INTRO = re.compile(rf"(?i)\b(?:{_ASSIGN_VERB})\s+[^.:\n]*:[\s*_]*$")
# "Sở Nội vụ tiếp tục triển khai công tác ... với các nhiệm vụ trọng tâm sau:"
_WITH_DUTIES = re.compile(
    rf"(?i)(?<![\w])((?:{_ACTIVITY_OPENERS})\b[^.:\n]*?)[\s,]*(?:với|gồm|bao{_WS}gồm){_WS}(?:các|những|một{_WS}số)"
    rf"{_WS}(?:nhiệm{_WS}vụ|nội{_WS}dung|giải{_WS}pháp)[^.:\n]*:[\s*_]*$"
)
_ACTIVITY_WORDS = 6  # words before a date that make an activity complete without it (D7.7a)


# a full stop that ends a sentence inside an item: after a word that is not
# an abbreviation ("TP. Hồ Chí Minh", "ThS. Nguyễn ...") and before a capital
_FULL_STOP = re.compile(r"(?<=[^\W_])\.[ \t\u00a0]*\n?[ \t\u00a0]*(?=[^\W\d_])")
_ABBREVIATION = re.compile(
    r"(?:(?:^|[\s(])(?:TP|Tp|TX|Tx|TT|ThS|TS|PGS|GS|BS|KS|CN|Q|P|X|H|St|Mr|Ms)|(?:Điều|Khoản|Mục|[\d.]*\d\.)[ \t]*\d+)$"
)


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of an item, without their closing stop. A small splitter
    rather than underthesea's: importing underthesea costs seconds and
    hundreds of megabytes (it pulls in its translation models' libraries),
    which the extraction path otherwise never pays."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _FULL_STOP.finditer(text, start, end):
        if text[m.end()].isupper() and not _ABBREVIATION.search(text, max(start, m.start() - 12), m.start()):
            out.append((s, m.start()))
            s = m.end()
    out.append((s, end))
    trimmed = []
    for s, e in out:
        while e > s and text[e - 1] in " \t\r\n.;":
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def introduces_duties(text: str, start: int, end: int) -> bool:
    """The paragraph announces the duties listed after it ("Sở Công Thương đề
    ra các nhiệm vụ ..., cụ thể như sau:", "Sở Nội vụ đề nghị các cơ quan, đơn
    vị thực hiện một số nội dung sau:"): a task section without a heading."""
    return _DUTIES_INTRO.search(text, start, end) is not None or _ASSIGNING_INTRO.search(text, start, end) is not None


def _overlaps(start: int, end: int, extents: list[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in extents)


def section_item_tasks(text: str, structure: Structure, spans: list[Span4]) -> list[Span4]:
    """``spans`` plus a TASK over each activity item of a task section (D7.1)
    that no TASK covers yet; the start and end rules then apply to it as to
    the tagger's. An item ending in ":" introduces others and is not one."""
    tasks = sorted((s, e) for s, e, label, _ in spans if label == "TASK")
    # what closes a sentence and stays outside its TASK: a date, a quota (clarification 10)
    others = sorted((s, e) for s, e, label, _ in spans if label in ("DATE", "QUOTA", "PERCENT", "MONEY"))
    agencies = [(s, e) for s, e, label, _ in spans if label == "AGENCY"]
    added: list[Span4] = []

    def duty_heading(start: int, end: int) -> bool:
        """The title is a body ("1. Sở Nội vụ", "2. Trách nhiệm của Sở Tài chính:"):
        its items are that body's duties (D6.5, D7.1)."""
        start = _LINE_LEAD.match(text, start, end).end()
        start = _RESPONSIBILITY.match(text, start, end).end()
        while end > start and text[end - 1] in " \t*_:.":
            end -= 1
        pos = start
        while pos < end:  # "2. Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố"
            nxt = next((b for a, b in agencies if a == pos), None)
            if nxt is None:
                return False
            pos = _JOIN.match(text, nxt, end).end() if nxt < end else nxt
        return pos == end and end > start

    def subject_after(s: int, e: int) -> bool:
        """A body after a comma doing something: the sentence's own subject ("Trên
        cơ sở kế hoạch đào tạo, bồi dưỡng của các sở, Sở Nội vụ tổng hợp ..."),
        so the words before it are a long basis phrase, not the activity."""
        return any(
            text[max(0, a - 2) : a] == ", "
            and (after := _AFTER_ACTOR.match(text, b)) is not None
            and _LINKED_VERB.match(text, after.end())
            for a, b in agencies
            if s < a and b <= e
        )

    def cut_before_date(s: int, e: int) -> int:
        """The end of an activity followed by a date in its sentence (D7.7a)."""
        dates = [a for a, b, label, _ in spans if label == "DATE" and s < a and b <= e]
        if dates and len(text[s : dates[0]].split()) >= _ACTIVITY_WORDS:
            return _strip_end(text, s, dates[0])
        return e

    def visit(node: Node, on: bool) -> None:
        title = node.title
        start, end = node.start, node.end
        item = node.kind in ("list_item", "paragraph") and not any(c.kind == "list_item" for c in node.children)
        if node.kind == "heading" and title is not None:
            # a numbered line without children ("a) Rà soát ...") is an item too
            # and so is one whose line is a full sentence, whatever paragraph follows it
            # ("2. Đăng ký số lượng học viên ... ." over a closing line), not a title over its body
            sentence = text[title.start : title.end].rstrip(" *_").endswith(".")
            body_only = all(c.kind == "paragraph" for c in node.children)
            item, start, end = not node.children or (sentence and body_only), title.start, title.end
            heading = plain(text[start:end])
            if _NO_TASK_HEADING.match(heading):
                return
            if _TASK_HEADING.match(heading) or duty_heading(start, end):
                item, on = False, True
        if on and item:
            start = _LINE_LEAD.match(text, start, end).end()
            while end > start and text[end - 1] in " \t\r\n.;":
                end -= 1
            if end > start and (text[end - 1] == ":" or _COLON_NEXT.match(text, end)):
                end = start  # introduces the items below
            for s, e in _sentences(text, start, end):  # one TASK per sentence (D7.3)
                # the activity may follow an actor, basis or time phrase ("Chủ trì, phối
                # hợp với X ...", "Căn cứ Kế hoạch này, ...": D7.5), which refine_tasks strips
                opens, _ = _strip_start(text, s, e, [(a, b) for a, b in agencies if s <= a and b <= e])
                opener = _ACTIVITY_OPENER.match(text, s, e) or (
                    _ACTIVITY_OPENER.match(text, opens, e) and not subject_after(opens, e)
                )
                if opener and not _overlaps(s, e, tasks):
                    # a date or quota closing the sentence stays outside (schema, clarification 10)
                    inside = [(a, b) for a, b in others if s < a and b <= e]
                    if inside and not text[inside[-1][1] : e].strip(" .;,"):
                        e = _strip_end(text, s, inside[-1][0])
                    added.append((s, cut_before_date(s, e), "TASK", 0.5))
        visit_all(node.children, on)

    def visit_all(nodes: list[Node], on: bool) -> None:
        announced = False
        for node in nodes:
            if announced and node.kind not in ("heading", "list_item"):
                on = announced = False  # the running text after the announced list
            visit(node, on)
            # "... đề ra các nhiệm vụ ..., cụ thể như sau:" opens a task section without a heading
            if node.kind == "paragraph" and introduces_duties(text, node.start, node.end):
                on = announced = True
                m = _SET_DUTIES.search(text, node.start, node.end) or _WITH_DUTIES.search(text, node.start, node.end)
                if m and not _overlaps(m.start(1), m.end(1), tasks):
                    # the body sets itself an activity: a TASK too (D7.4), cut before its date
                    added.append((m.start(1), cut_before_date(m.start(1), m.end(1)), "TASK", 0.5))

    visit_all(structure.nodes, False)
    return sorted(spans + added) if added else spans


# ":" then a list in the same block: "Đẩy mạnh hợp tác đào tạo, bồi dưỡng CB,CC,VC:</p> <ul> <li>- ..."
_LIST_HEAD_END = re.compile(r"[ \t*_]*:(?:\s|<[^>\n]{0,80}>)*(?:[-+•]|\d+[.)]\s|[a-zđ]\)\s)")


def drop_list_heads(text: str, spans: list[Span4]) -> list[Span4]:
    """Drop a TASK that introduces a list after its colon, in a table cell
    or a paragraph (D7.4: the head of a cell or a sub-list is not a TASK; its
    items are)."""
    return [x for x in spans if x[2] != "TASK" or not _LIST_HEAD_END.match(text, x[1])]


_ASSIGN_OPEN = re.compile(rf"(?i)(?:{_ASSIGN_VERB}|chỉ{_WS}đạo){_WS}")
_CLAUSE_JOIN = re.compile(r"[ \t\u00a0]*;[ \t\u00a0]+(?=\S)")
_SENTENCE_STOP = re.compile(r"\.(?=\s|$)|[\n\t]|</")


def join_clauses(text: str, spans: list[Span4]) -> list[Span4]:
    """Extend a TASK that stops at a ";" over the rest of its sentence: parts
    joined by ";" in one sentence are one TASK (D7.3), whatever the tagger cut
    ("«Cân đối hợp lý kinh phí ...; phối hợp với các cơ quan có liên quan huy
    động các nguồn tài trợ ...»"). The entities inside become part of it
    (clarification 10); a trailing date or quota stays outside (D7.7). Not when
    the next clause opens with a body doing something of its own ("...;
    Trường Chính trị tỉnh tổ chức ...", "...; giao Sở Tài chính thẩm định
    ...", D7.7), nor over a target ("...; đảm
    bảo đến năm 2025, có 50% ...", D7.2)."""
    spans = sorted(spans)
    agency_at = {s: e for s, e, label, _ in spans if label == "AGENCY"}
    out: list[Span4] = []
    skip_to = -1
    for x in spans:
        if x[0] < skip_to:
            continue
        s, e, label, score = x
        join = _CLAUSE_JOIN.match(text, e) if label == "TASK" else None
        if join is not None:
            actor = join.end()
            assigning = _ASSIGN_OPEN.match(text, actor)
            actor = assigning.end() if assigning else actor
            if actor in agency_at and _LINKED_VERB.match(text, _AFTER_ACTOR.match(text, agency_at[actor]).end()):
                join = None
        if join is not None:
            stop = _SENTENCE_STOP.search(text, join.end())
            end = stop.start() if stop else len(text)
            inside = [y for y in spans if e < y[0] and y[1] <= end]
            tasks = [y for y in inside if y[2] == "TASK"]
            if not tasks and any(y[2] in ("PERCENT", "QUOTA") for y in inside):
                end = e  # a target ("...; đảm bảo đến năm 2025 có 50% ..."), not an activity (D7.2)
            elif tasks:
                end = max(y[1] for y in tasks)
            elif inside and inside[-1][2] in ("DATE", "QUOTA") and not text[inside[-1][1] : end].strip(" .;,"):
                end = inside[-1][0]
            end = _strip_end(text, s, end)
            if end > e:
                x, skip_to = (s, end, label, score), end
        out.append(x)
    return out


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
            start = _LINE_LEAD.match(text, start, child.end).end()
            if _ACTIVITY_OPENER.match(text, start, child.end):
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


_COUNSEL = re.compile(rf"(?i)(?:^|\s)(tham{_WS}mưu(?:{_WS}cho)?|hướng{_WS}dẫn|đôn{_WS}đốc){_WS}$")
# a head noun the tagger may leave at a TASK's end when it cuts a body's name in two
_NAME_HEAD_END = re.compile(r"(?:^|\s)(?:Sở|Bộ|Ban|Ủy|Uỷ|Cục|Phòng|Trường|Viện|Học|Văn|Trung)$")


def mend_cut_names(text: str, spans: list[Span4]) -> list[Span4]:
    """A TASK that ends on the head noun of a body whose rest the tagger made
    an AGENCY ("... báo cáo kết quả về Sở" + "Nội vụ") runs over the whole
    name, and one right after "tham mưu <AGENCY>" starts at "tham mưu": a
    recipient or the one counselled is inside its TASK (D7.6)."""
    out: list[Span4] = []
    for x in sorted(spans):
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev[2] == "AGENCY"
            and x[2] == "TASK"
            and not text[prev[1] : x[0]].strip()
            and _COUNSEL.search(text, max(0, prev[0] - 20), prev[0])
        ):
            # "tham mưu UBND tỉnh «tổ chức ...»": the one counselled is inside (D7.6)
            counsel = _COUNSEL.search(text, max(0, prev[0] - 20), prev[0])
            out[-1] = (counsel.start(1), x[1], "TASK", x[3])
            continue
        if (
            prev is not None
            and prev[2] == "TASK"
            and x[2] == "AGENCY"
            and x[0] - prev[1] == 1
            and text[prev[1]] == " "
            and _NAME_HEAD_END.search(text, max(0, prev[1] - 8), prev[1])
        ):
            out[-1] = (prev[0], x[1], "TASK", prev[3])
            continue
        out.append(x)
    return out


# D7.7c and D7.7f: a trailing citation ("... theo đúng quy định tại <LEGAL_REF>"),
# provider ("... do X, Y tổ chức") or direction ("... theo chỉ đạo của X") is
# outside the TASK, so that its entities can be annotated and related
_CITING = re.compile(
    rf"(?i){_WS}(?:theo(?:{_WS}đúng)?(?:{_WS}(?:quy{_WS}định|hướng{_WS}dẫn))?(?:{_WS}(?:tại|của))?|tại|căn{_WS}cứ){_WS}$"
)
_NEXT_CLAUSE = re.compile(rf"(?i);|,{_WS}(?:{_ACTIVITY_OPENERS})\b")  # "..., báo cáo Chủ tịch UBND tỉnh ..."
_PROVIDED_BY = re.compile(rf"(?i)[ \t,]+do{_WS}(?=\S)")
_PROVIDER_VERB = re.compile(
    rf"(?i){_WS}(?:tổ{_WS}chức|mở{_WS}lớp|mở{_WS}các{_WS}lớp|giảng{_WS}dạy|đào{_WS}tạo|bồi{_WS}dưỡng|chủ{_WS}trì)$"
)
_DIRECTED_BY = re.compile(rf"(?i){_WS}theo{_WS}chỉ{_WS}đạo{_WS}của{_WS}")


def cut_trailing_phrases(text: str, spans: list[Span4], matches: list) -> list[Span4]:
    """End each TASK before a trailing citation, provider or direction phrase
    (D7.7c, D7.7f); the recognisers' spans in the words cut off come back."""
    legal = sorted(m.start for m in matches if m.label == "LEGAL_REF")
    out: list[Span4] = []
    for s, e, label, score in spans:
        cut = e
        if label == "TASK":
            for a in legal:
                if s < a < e:
                    m = _CITING.search(text, s, a)
                    # trailing only: no further clause after the citation ("...; gửi Sở Nội vụ")
                    if m and len(text[s : m.start()].split()) >= 3 and not _NEXT_CLAUSE.search(text, a, e):
                        cut = min(cut, m.start())
                    break
            for m in _PROVIDED_BY.finditer(text, s, e):
                if _PROVIDER_VERB.search(text, m.end(), e) and len(text[s : m.start()].split()) >= 3:
                    cut = min(cut, m.start())
                    break
            m = _DIRECTED_BY.search(text, s, e)
            if m and len(text[s : m.start()].split()) >= 3:
                cut = min(cut, m.start())
        if cut < e:
            out.append((s, _strip_end(text, s, cut), label, score))
            out += [(m.start, m.end, m.label, 1.0) for m in matches if cut <= m.start and m.end <= e]
        else:
            out.append((s, e, label, score))
    return sorted(out)


def cut_at_quotas(text: str, spans: list[Span4], matches: list) -> list[Span4]:
    """A TASK that swallowed "<course>: <QUOTA>" ends before the colon and the
    count is a QUOTA again (D10.4, schema: a trailing quota is outside)."""
    quotas = [(m.start, m.end) for m in matches if m.label == "QUOTA"]
    out: list[Span4] = []
    for s, e, label, score in spans:
        if label == "TASK":
            inside = [(a, b) for a, b in quotas if s < a and b <= e and _QUOTA_AFTER_COLON.search(text, s, a)]
            if inside:
                a, b = inside[0]
                colon = text.rfind(":", s, a)
                out.append((s, _strip_end(text, s, colon), label, score))
                out.append((a, b, "QUOTA", 1.0))
                continue
        out.append((s, e, label, score))
    return sorted(out)


# D7.8: "... phải được bồi dưỡng kiến thức quản lý nhà nước do Học viện Hành
# chính tổ chức mở lớp", "... phải qua lớp bồi dưỡng kiến thức ngạch cán sự":
# the course a requirement names is a TASK, without its provider, standard
# or target group
_REQUIRED_COURSE = re.compile(
    rf"(?i)\bphải(?:{_WS}được)?(?:{_WS}học)?{_WS}qua{_WS}(?=(?:các{_WS})?lớp\b)"
    rf"|\bphải{_WS}được{_WS}(?=bồi{_WS}dưỡng\b)"
)
# (a level to reach, "phải được đào tạo Trung cấp lý luận chính trị trở lên",
# is a qualification requirement, D7.2)
_COURSE_STOP = re.compile(rf"[;.\n]|(?i:{_WS}(?:cho(?!{_WS}phép)|theo(?!{_WS}dõi)|đối{_WS}với|dành{_WS}cho|do){_WS})")


def required_courses(text: str, spans: list[Span4]) -> list[Span4]:
    """``spans`` plus the courses requirements name, where no TASK is yet."""
    tasks = [(s, e) for s, e, label, _ in spans if label == "TASK"]
    added: list[Span4] = []
    for m in _REQUIRED_COURSE.finditer(text):
        start = m.end()
        stop = _COURSE_STOP.search(text, start)
        end = _strip_end(text, start, stop.start() if stop else len(text))
        words = text[start:end].replace(",", " ").lower().split()
        if all(w in _VERB_WORDS or w in ("các", "lớp") for w in words):
            continue  # "phải được bồi dưỡng theo quy định": no course named
        if not _overlaps(start, end, tasks):
            added.append((start, end, "TASK", 0.5))
    return sorted(spans + added) if added else spans


# D7.5 and D7.1 in running text: the activity after an actor phrase ("đề nghị
# các địa phương «chủ động huy động ...»", "phối hợp với Ban Dân tộc «rà soát
# ...»", "UBND các huyện trong việc «xác định ...»") or announced as future
# work ("sẽ tiến hành «thanh tra đột xuất ...»", "chỉ đạo việc «lập kế hoạch
# ...»"), where the tagger found none
_ASSIGN_BEFORE = re.compile(
    rf"(?i)\b(?:giao|đề{_WS}nghị|yêu{_WS}cầu|chỉ{_WS}đạo|phối{_WS}hợp{_WS}(?:chặt{_WS}chẽ{_WS})?với)[ \t]+$"
)
# "X trong việc <activity>", "X có trách nhiệm [giúp Y] <activity>" (D7.5, D8.3)
_AFTER_ACTOR = re.compile(rf"(?i)[ \t]+(?:(?:để|trong{_WS}việc|(có{_WS}trách{_WS}nhiệm)(?:{_WS}(giúp))?)[ \t]+)?")
_ANNOUNCED = re.compile(rf"(?i)\b(?:sẽ{_WS}tiến{_WS}hành|chỉ{_WS}đạo{_WS}việc)[ \t]+")
_LINKED_VERB = re.compile(
    rf"(?i)(?:chủ{_WS}động{_WS})?(?:{_ACTIVITY_OPENERS}|lồng{_WS}ghép|dựa{_WS}vào|tạo{_WS}điều{_WS}kiện|kiểm{_WS}tra)\b"
)
_CLAUSE_END = re.compile(r"[;.\n:]")
# what an introduction assigns when it names no activity: "thực hiện các nhiệm vụ sau",
# "một số nội dung sau", "như sau" (D7.4, D11.6)
_GENERIC_DUTIES = re.compile(
    rf"(?i)(?:(?:các|những|một{_WS}số){_WS}(?:nhiệm{_WS}vụ|nội{_WS}dung|công{_WS}việc|giải{_WS}pháp|việc)\b[^:]*"
    rf"|^[^:]{{0,30}}\b(?:như{_WS}sau|sau{_WS}đây))[\s*_]*$"
)
_INTRO_TAIL = re.compile(
    rf"(?i)[\s,]*(?:với{_WS}(?:các{_WS}|những{_WS})?nội{_WS}dung{_WS})?"
    rf"(?:(?:trong{_WS}đó{_WS})?(?:tập{_WS}trung|chú{_WS}trọng)|(?:cụ{_WS}thể{_WS})?như{_WS}sau|sau{_WS}đây"
    rf"|cụ{_WS}thể)?[\s*_]*$"
)
_DIRECTING = re.compile(rf"(?i)(?:chỉ{_WS}đạo|lãnh{_WS}đạo)\b")


def _clause_end(text: str, start: int) -> int | None:
    """Where the clause from ``start`` ends; a line break before a lower-case
    word only wraps the line (D0.2)."""
    for m in _CLAUSE_END.finditer(text, start):
        if m.group() != "\n" or not text[m.end() : m.end() + 1].islower():
            return m.start()
    return None


# closing boilerplate (D7.11): "nếu có khó khăn, vướng mắc, đề nghị ... phản ánh"
_BOILERPLATE = re.compile(r"(?i)vướng\s+mắc|phản\s+ánh")
_PAST = re.compile(r"(?i)\bđã\b")
_FOLLOWING = re.compile(rf"(?i){_WS}theo{_WS}(?:chỉ{_WS}đạo|yêu{_WS}cầu|hướng{_WS}dẫn|đề{_WS}nghị){_WS}của\b")


_CLAUSE_OPEN = re.compile(r";[ \t]*$")
_SENTENCE_START = re.compile(r"[.\n]")
_ASSIGNING = re.compile(r"(?i)\b(?:giao|đề nghị|yêu cầu)\b")  # schema 7, 14


def _assigned_clause(text: str, s: int) -> bool:
    """An agency opening a ";" clause of a sentence that assigns duties:
    "UBND tỉnh giao Sở Nội vụ chủ trì ...; «Trường Chính trị tỉnh» tổ chức
    ..." (D7.5: the assigning verb governs every clause of its list)."""
    if not _CLAUSE_OPEN.search(text, max(0, s - 4), s):
        return False
    before = text[max(0, s - 400) : s]
    sentence_start = max((m.end() for m in _SENTENCE_START.finditer(before)), default=0)
    return _ASSIGNING.search(before, sentence_start) is not None


def linked_activities(text: str, spans: list[Span4]) -> list[Span4]:
    """``spans`` plus the activities after an actor phrase or a future-work
    cue that no TASK covers yet. An activity that introduces a list (ends in
    ":"), a past result ("đã ...") and closing boilerplate are left out."""
    tasks = [(s, e) for s, e, label, _ in spans if label == "TASK"]
    dates = sorted(s for s, _, label, _ in spans if label == "DATE")
    citations = sorted(s for s, _, label, _ in spans if label == "LEGAL_REF")
    quotas = sorted(s for s, _, label, _ in spans if label == "QUOTA")
    starts: list[int] = []
    helped = {s: e for s, e, label, _ in spans if label == "AGENCY"}
    agencies = sorted(helped.items())
    for s, e, label, _ in spans:
        if label != "AGENCY":
            continue
        # "đề nghị các sở, ban, ngành, UBND các huyện <activity>": after the whole list
        e, _ = _agency_chain(text, s, len(text), agencies)
        after = _AFTER_ACTOR.match(text, e)
        link = text[e : after.end()].strip() if after else ""
        start = after.end() if after else e
        if after and after.group(2) and start in helped:
            start = _AFTER_ACTOR.match(text, helped[start]).end()  # "giúp UBND tỉnh": the one helped
        if (
            _ASSIGN_BEFORE.search(text, max(0, s - 40), s)
            or link.startswith("trong")
            or (after and after.group(1))
            or _assigned_clause(text, s)
        ):
            starts.append(start)
    starts += [m.end() for m in _ANNOUNCED.finditer(text)]
    added: list[Span4] = []
    for start in sorted(set(starts)):
        # "Giao X chủ trì, phối hợp với Y <activity>": the actor phrase is outside (D7.5)
        start, _ = _strip_start(text, start, len(text), agencies)
        if not _LINKED_VERB.match(text, start) or _PAST.search(text, max(0, start - 40), start):
            continue
        stop = _clause_end(text, start)
        if stop is not None and text[stop] == ":":
            # it introduces the items that are the TASKs, unless it names an activity of
            # its own: "đề nghị X thực hiện tốt công tác đào tạo năm 2024, trong đó tập trung:" (S 14)
            if _GENERIC_DUTIES.search(text, start, stop) or _DIRECTING.match(text, start, stop):
                continue  # "chỉ đạo các cơ quan ...:" directs the items (D8.4)
            stop = _INTRO_TAIL.search(text, start, stop).start()
        end = stop if stop is not None else len(text)
        # its time and the direction it follows stay outside ("... xã «năm 2018»",
        # "... theo chỉ đạo của UBND tỉnh"), as the schema asks of every TASK
        followed = _FOLLOWING.search(text, start, end)
        end = followed.start() if followed else end
        # and so does a citation it is done under ("... «tại» Kế hoạch số ...", D7.7c)
        end = next((c for c in citations if start < c < end), end)
        date = next((d for d in dates if start < d < end), None)
        end = _strip_end(text, start, date if date is not None and date - start >= 12 else end)
        # and a trailing quota ("..., gồm 12 lớp với khoảng 1.560 lượt người", D7.7b)
        quota = next((q for q in quotas if start < q < end), None)
        if quota is not None and len(text[start:quota].split()) >= _ACTIVITY_WORDS:
            end = _strip_end(text, start, quota)
        if end - start < 12 or _BOILERPLATE.search(text, start, end):
            continue
        if not _overlaps(start, end, tasks + [(a, b) for a, b, _, _ in added]):
            added.append((start, end, "TASK", 0.5))
    return sorted(spans + added) if added else spans


# D10.4, D10.5: "<training line>: [Dự kiến] <QUOTA>" pairs a course with its count
_QUOTA_LEAD = re.compile(r"[ \t*_]*:[ \t*_]*(?:(?:[Dd]ự[ \t]+kiến|[Kk]hoảng)[ \t]*:?[ \t*_]*)?$")
_COURSE_LEVEL = r"cao\s+cấp|trung\s+cấp|sơ\s+cấp|hoàn\s+chỉnh|tập\s+huấn|bồi\s+dưỡng|đào\s+tạo|tổ\s+chức|cử"
_QUOTA_ITEM_OPENER = re.compile(rf"(?i)(?:{_COURSE_LEVEL})\b")
_TOTAL = re.compile(r"(?i)(?:số\s+lượng|tổng\s+số|tổng\s+cộng|trong\s+đó)\b")
_AT_INSTITUTION = re.compile(rf"{_WS}tại{_WS}(?=[A-ZĐÀ-Ỹ])")  # not "tại nước ngoài"
# an item's start inside a line: after a line break or a sentence, its bullet and number skipped
_ITEM_START = re.compile(rf"(?:^|\n|(?<=[.;]) ){_BULLETS}(?:(?:{_ITEM_NUMBER})[.)]\s*)?[\s*_]*", re.M)


def quota_list_items(text: str, spans: list[Span4]) -> list[Span4]:
    """``spans`` plus the training line of each quota-list item no TASK
    covers yet: "- Bồi dưỡng kiến thức quốc phòng - an ninh: 19.547 lượt
    người" → «Bồi dưỡng kiến thức quốc phòng - an ninh» (D10.5); the
    institution after "tại" stays outside (D10.4). A total ("Số lượng ...",
    "Tổng số ...") is not an item."""
    tasks = [(s, e) for s, e, label, _ in spans if label == "TASK"]
    added: list[Span4] = []
    for q_start, _q_end, label, _ in spans:
        if label != "QUOTA":
            continue
        line_start = text.rfind("\n", 0, q_start) + 1
        lead = _QUOTA_LEAD.search(text, line_start, q_start)
        if lead is None:
            continue
        starts = [m.end() for m in _ITEM_START.finditer(text, line_start, lead.start())]
        start = max((s for s in starts if s < lead.start()), default=line_start)
        end = lead.start()
        if not _QUOTA_ITEM_OPENER.match(text, start, end) or _TOTAL.match(text, start, end):
            continue
        at = _AT_INSTITUTION.search(text, start, end)
        end = _strip_end(text, start, at.start() if at else end)
        if end - start >= _MIN_CHARS and not _overlaps(start, end, tasks + [(a, b) for a, b, _, _ in added]):
            added.append((start, end, "TASK", 0.5))
    return sorted(spans + added) if added else spans
