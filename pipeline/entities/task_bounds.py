"""Where a TASK starts and stops, by the guideline's rules (D7.5-D7.8).

The tagger finds where an activity is; where exactly it starts and stops is
decided here, because a sequence model trained on a few hundred spans learns
these rules only approximately:

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
  inside a body's name ("Ban [Thường vụ ...]").

The bodies of a stripped actor phrase are AGENCY (they are the TASK's
coordinators), so they are returned for the caller to add.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.entities.agencies import PLACE_WORDS
from pipeline.entities.task_words import (
    ACTIVITY_OPENER,
    ACTIVITY_OPENERS,
    ASSIGN_VERB,
    CITATION_LEAD,
    JOIN,
    LINE_LEAD,
    LINKED_VERB,
    MIN_CHARS,
    QUOTA_LEAD,
    VERB_WORDS,
    WS,
    Span4,
    after_actor,
)

# actor phrases; "X" (the bodies) is matched separately against agency spans
_CHAIR = re.compile(rf"(?i)chủ{WS}trì(?:{WS}(?=phối))?[ \u00a0]*,?[ \u00a0]*")
# "liên kết với X" too: X is then the provider of a joint class (S 17)
_COORD = re.compile(
    # "sẽ tiếp tục phối hợp với X <activity>" (news style)
    rf"(?i)(?:(?:sẽ|tiếp{WS}tục){WS})*"
    rf"(?:phối{WS}hợp(?:{WS}(?:chặt{WS}chẽ{WS})?với)?|liên{WS}kết(?:{WS}với)?(?={WS}[A-ZĐ]))[ \u00a0]*"
)
# an assigning verb, or "Chỉ đạo" (the body directed does it: "Chỉ đạo Phòng Nội vụ
# phối hợp với ... mở các lớp", D8.4), before the body assigned
_ASSIGN_OPEN = re.compile(rf"(?i)(?:{ASSIGN_VERB}|chỉ{WS}đạo){WS}")
_IN_DOING = re.compile(rf"(?i)[ \u00a0]*,?[ \u00a0]*(?:trong{WS}việc|để|thực{WS}hiện)(?=[ \u00a0])[ \u00a0]*")
_BASIS = re.compile(r"(?i)(?:trên cơ sở|căn cứ)\b[^,.;\n]{3,200},[ \u00a0]*")
_BASIS_COMMA = re.compile(r",[ \u00a0]*")
_BASIS_STOP = re.compile(r"[;\n]|\.(?=\s|$)")
# a verb before the comma coordinates with the one after ("kết quả rà soát, đánh giá
# thực trạng"); a verb before "của" is a noun ("chức vụ lãnh đạo, quản lý của cán bộ")
_VERB_BEFORE = re.compile(rf"(?i)(?<!\w)(?:{ACTIVITY_OPENERS})$")
_NOUN_USE = re.compile(rf"(?i)(?:{ACTIVITY_OPENERS}){WS}của\b")
_ADVERBIAL = re.compile(
    r"(?i)(?:(?:định kỳ )?(?:hàng|hằng) (?:năm|quý|tháng)|đồng thời|ngoài ra|bên cạnh đó|mặt khác|định kỳ)"
    r"[ \u00a0]*,[ \u00a0]*"
)
_MODAL = re.compile(rf"(?i)(?:cần|phải|có{WS}trách{WS}nhiệm)(?={WS})[ \u00a0]*")
# a TASK does not end on these words: they open the phrase a cut removed
_TRAILING_WORDS = (
    rf"(?<!tiếp )theo|tại|của|cho|dành|dành{WS}cho|đối{WS}với|và|với|để|trong|đến|từ|vào|do|bằng|qua|gồm|như"
    rf"|trước|chậm{WS}nhất"  # left by a deadline cut off after them ("sau" is also "following")
    rf"|dự{WS}kiến"  # left by a quota cut off after it ("..., dự kiến 02 lớp": schema, "Dự kiến" outside)
)
_TRAILING = re.compile(rf"(?i)(?:{WS}|^)(?:{_TRAILING_WORDS})[\s,;:(]*$")
# nor on the clause a cut date or amount opened: "Khảo sát ..., hoàn thành" <DATE>,
# "...; thời gian thực hiện" <DATE>, "Tham mưu bố trí kinh phí ..., tổng số" <MONEY>
_TRAILING_CLAUSE = re.compile(
    rf"(?i)[,;][ \u00a0]*(?:hoàn{WS}thành|thời{WS}gian(?:{WS}(?:thực{WS}hiện|hoàn{WS}thành))?"
    rf"|(?:với{WS})?tổng{WS}(?:số|cộng|kinh{WS}phí)(?:{WS}(?:là|khoảng|dự{WS}kiến))?)[\s,;:(]*$"
)
# nor on the markup or the bullet of the next item: "... công vụ;<br>- "
_TRAILING_MARKUP = re.compile(r"(?:[\s;,]*(?:<[^<>\n]{0,40}>|[-–•+*]))+[\s;,]*$")
# a capitalised head noun right before the span: the span is the rest of a name
_CUT_FROM_NAME = re.compile(r"(?:^|[\s(])(?:Ban|Học|Sở|Bộ|Trường|Viện|Cục|Phòng)[ \u00a0]$")
# an activity does not open with a copula, a passive, a conjunction, or the
# group or resource a target or a fact is about ("Cán bộ, công chức ... phải
# có trình độ ...", "Kinh phí đào tạo từ nguồn ...": D7.2)
_NOT_AN_ACTIVITY = re.compile(
    rf"(?i)(?:là|được|và|hoặc|để|về|theo(?!{WS}dõi)|đối{WS}với|cán{WS}bộ|viên{WS}chức|kinh{WS}phí|ngân{WS}sách"
    rf"|thời{WS}gian|thời{WS}lượng|đơn{WS}vị|kiến{WS}thức|nhiệm{WS}vụ|chức{WS}danh|khối|lưu"
    # the group or the subject of a requirement or a principle ("Tất cả cán bộ,
    # công chức phải biết ...", "Công tác tuyển chọn ... phải ...", "Việc quy
    # hoạch ..."), a source of funds ("Nguồn kinh phí ...")
    rf"|tất{WS}cả|công{WS}chức|công{WS}tác|việc|nguồn|tổng(?!{WS}(?:hợp|kết))|giáo{WS}viên|đối{WS}tượng"
    # a verb used as a noun: "[Trên cơ sở quy định,] hướng dẫn của Bộ ngành ..."
    rf"|(?:hướng{WS}dẫn|chỉ{WS}đạo|đề{WS}xuất|đề{WS}nghị|quy{WS}định){WS}của)\b"
)
# "Đào tạo, bồi dưỡng phải gắn với yêu cầu sử dụng": a short subject and "phải" state a
# principle (D7.2), unless the subject is a body ("Các sở phải ...", D7.5);
# "phải được / phải qua" a course a group must take (D7.8)
_PRINCIPLE = re.compile(
    rf"(?i)(?!(?:các{WS})?(?:sở|ban|bộ|cơ{WS}quan|đơn{WS}vị|địa{WS}phương|ubnd|ủy|uỷ|phòng|trường)\b)"
    rf"(?:[^\s;:]+{WS}){{1,4}}phải{WS}(?!được|qua|học)"
)


def agency_chain(text: str, pos: int, end: int, agencies: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """Skip the agencies that start at ``pos`` (joined by commas, "và",
    "cùng"); returns the position after them and the agencies skipped."""
    starts = {s: e for s, e in agencies}
    found: list[tuple[int, int]] = []
    while pos in starts and starts[pos] <= end:
        found.append((pos, starts[pos]))
        after = starts[pos]
        m = JOIN.match(text, after, end)
        nxt = m.end() if m else after
        if nxt in starts:
            pos = nxt
        else:
            pos = after
            break
    return pos, found


def basis_end(text: str, s: int) -> int | None:
    """Where the basis phrase opening at ``s`` ("Trên cơ sở ..., ", "Căn cứ
    ..., ") ends: at the comma before the sentence's activity, which may lie
    past several commas of its own ("Trên cơ sở kết quả rà soát, đánh giá
    thực trạng ... trong cơ quan, đơn vị, «xây dựng kế hoạch ...»"), else at
    its first comma. None when no basis phrase opens there."""
    first = _BASIS.match(text, s)
    if first is None:
        return None
    stop = _BASIS_STOP.search(text, s, s + 400)
    limit = stop.start() if stop else min(len(text), s + 400)
    for comma in _BASIS_COMMA.finditer(text, s, limit):
        after = comma.end()
        if (
            ACTIVITY_OPENER.match(text, after)
            and not _NOUN_USE.match(text, after)
            and not _VERB_BEFORE.search(text, max(0, comma.start() - 20), comma.start())
        ):
            return after
    return first.end()


def strip_start(text: str, s: int, e: int, agencies: list[tuple[int, int]]) -> tuple[int, list[tuple[int, int]]]:
    """Where the activity starts after the actor, basis, adverbial and modal
    phrases at ``s``; past ``e`` (never otherwise) when the whole of ``s:e``
    is a basis phrase. Returns the bodies the actor phrases named too."""
    freed: list[tuple[int, int]] = []
    for _ in range(6):  # phrases can stack: "Hàng năm, chủ trì, phối hợp với X ..."
        before = s
        basis = basis_end(text, s)
        if basis is not None:
            if basis > e:
                return basis, freed
            s = basis
        m = _ADVERBIAL.match(text, s, e)
        if m:
            s = m.end()
        m = _ASSIGN_OPEN.match(text, s, e)
        if m and m.end() in {a for a, _ in agencies}:
            s, found = agency_chain(text, m.end(), e, agencies)
            freed += found
        m = _CHAIR.match(text, s, e)
        if m:
            s = m.end()
        m = _COORD.match(text, s, e)
        if m:
            s, found = agency_chain(text, m.end(), e, agencies)
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
    rf"(?:Tổ{WS}chức{WS}|Khuyến{WS}khích{WS}(?:tự{WS}học{WS}và{WS})?)?(?:[ĐđBbTtCc])"
    rf"(?i:ào{WS}tạo|ồi{WS}dưỡng|ập{WS}huấn|ập{WS}nhật)"
)
_QUALIFIER = re.compile(rf"(?i){WS}(?:cho(?!{WS}phép)|theo(?!{WS}dõi)|đối{WS}với|dành{WS}cho){WS}")


# the start of a table cell: after a tab, a pipe or an HTML cell tag
_CELL_START = re.compile(r"(?:\t|\|[ \t]*|<td[^>]*>[ \t]*)$")


def _course_end(text: str, s: int, e: int, duty_tables: Sequence[tuple[int, int]] = ()) -> int:
    """End of a course line's TASK before its qualifiers, unless the cut
    would leave a bare verb ("Bồi dưỡng theo tiêu chuẩn ngạch công chức").
    A course line opens a line, or a cell of a table of courses ("4 | Bồi
    dưỡng kỹ năng số «cho công chức cấp xã» | 120"; D7.8); a table of duties,
    with a column of the bodies that chair them, lists activities, whole."""
    line_start = text.rfind("\n", 0, s) + 1
    lead = LINE_LEAD.match(text, line_start, s)
    at_start = lead is not None and lead.end() == s
    in_cell = (
        not at_start
        and _CELL_START.search(text, line_start, s) is not None
        and not any(a <= s < b for a, b in duty_tables)
    )
    if not (at_start or in_cell) or not _COURSE.match(text, s, e):
        return e
    q = _QUALIFIER.search(text, s, e)
    if q is None:
        return e
    words = text[s : q.start()].replace(",", " ").lower().split()
    return q.start() if any(w not in VERB_WORDS for w in words) else e


def strip_end(text: str, s: int, e: int) -> int:
    for _ in range(4):
        before = e
        span = text[s:e]
        # a trailing parenthetical note, or a parenthesis the tagger cut open
        opened = span.rfind("(")
        if opened > 0 and (")" not in span[opened:] or span.rstrip(" .;,").endswith(")")):
            e = s + opened
        for pattern in (_TRAILING, _TRAILING_MARKUP, _TRAILING_CLAUSE):
            m = pattern.search(text, s, e)
            if m and m.start() > s:
                e = m.start()
        while e > s and text[e - 1] in " ,;:.(\u00a0\n\t":
            e -= 1
        if e == before:
            break
    return e


def _split_assignments(text: str, task: Span4, agencies: list[tuple[int, int]]) -> list[Span4]:
    """A TASK the tagger ran over "...; chỉ đạo / giao X <activity>" is two: the
    clause after the ";" has a doer of its own (D7.3, D8.4)."""
    s, e, label, score = task
    starts = {a for a, b in agencies if s < a and b <= e}
    parts: list[Span4] = []
    for m in _CLAUSE_JOIN.finditer(text, s, e):
        assigning = _ASSIGN_OPEN.match(text, m.end(), e)
        if assigning and assigning.end() in starts:
            parts.append((s, m.start(), label, score))
            s = m.end()
    return [*parts, (s, e, label, score)]


def refine_tasks(
    text: str, spans: list[Span4], agencies: list[tuple[int, int]], duty_tables: Sequence[tuple[int, int]] = ()
) -> list[Span4]:
    """Apply the start and end rules to every TASK of ``spans``. ``agencies``
    are candidate agency extents (the grammar's and the tagger's); those an
    actor phrase names become AGENCY spans when nothing else covers them.
    ``duty_tables``: the extents of tables whose rows are duties (see
    ``task_places.duty_tables``)."""
    kept = [sp for sp in spans if sp[2] != "TASK"]
    tasks = [part for sp in spans if sp[2] == "TASK" for part in _split_assignments(text, sp, agencies)]
    freed: list[tuple[int, int]] = []
    for s, e, label, score in tasks:
        inside = [(a, b) for a, b in agencies if s <= a and b <= e]
        s2, found = strip_start(text, s, e, inside)
        if s2 > e:
            continue  # a basis phrase only ("Trên cơ sở kết quả rà soát, đánh giá ...")
        e2 = strip_end(text, s2, _course_end(text, s2, e, duty_tables))
        if (
            _NOT_AN_ACTIVITY.match(text, s2, e2)
            or _PRINCIPLE.match(text, s2, e2)
            or _CUT_FROM_NAME.search(text, max(0, s2 - 10), s2)
        ):
            continue  # not an activity, or the tail of a body's name
        if e2 - s2 >= MIN_CHARS:
            kept.append((s2, e2, label, score))
            freed += [(a, b) for a, b in found if b <= s2]
        else:
            kept.append((s, e, label, score))
    for a, b in freed:
        if not any(x < b and a < y for x, y, _, _ in kept):
            kept.append((a, b, "AGENCY", 1.0))
    return sorted(kept)


_CLAUSE_JOIN = re.compile(r"[ \t\u00a0]*;[ \t\u00a0]+(?=\S)")
_SENTENCE_STOP = re.compile(r"\.(?=\s|$)|[\n\t]|</")


_LIST_GOES_ON = re.compile(r"[ \t\u00a0]*(?:,|và\b)")


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
            if actor in agency_at and (
                LINKED_VERB.match(text, after_actor(text, agency_at[actor]))
                or _LIST_GOES_ON.match(text, agency_at[actor])  # "...; Thường trực HĐND tỉnh, các Ban ... giám sát"
            ):
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
            end = strip_end(text, s, end)
            if end > e:
                x, skip_to = (s, end, label, score), end
        out.append(x)
    return out


# a supervising verb and the start of its object, where the tagger stops a TASK
# before the bodies supervised: "Thường xuyên theo dõi, đôn đốc, kiểm tra «các sở»"
_SUPERVISE_END = re.compile(
    rf"(?i)(?<!\w)(?:theo{WS}dõi|đôn{WS}đốc|kiểm{WS}tra|giám{WS}sát|thanh{WS}tra|hướng{WS}dẫn)"
    # and the first nouns of a collective the tagger left with it: "kiểm tra «các sở, ban»"
    rf"(?:,?{WS}(?:các|những|sở|ban|ngành|cơ{WS}quan|đơn{WS}vị|địa{WS}phương|huyện|xã)){{0,5}}$"
)
# what lies between the bodies: a separator, "và", or a short unnamed group ("; các hội đặc thù;")
_SUPERVISED_GAP = re.compile(r"[ \t\u00a0]*(?:[,;]|và|[,;][ \t\u00a0]*(?:và|các[^.;:\n]{3,30}[,;]))?[ \t\u00a0]*")
# the verb's complement after the bodies: "... «các huyện» trong việc thực hiện ..."
_SUPERVISED_FOR = re.compile(rf"(?i)[ \t\u00a0]*,?{WS}(?:trong{WS}việc|triển{WS}khai|thực{WS}hiện)\b")
_CLAUSE_END = re.compile(r";|\.(?=\s|$)|[\n\t]|</")


def take_in_supervised(text: str, spans: list[Span4]) -> list[Span4]:
    """A TASK the tagger stopped at a supervising verb ("theo dõi, đôn đốc,
    kiểm tra các sở") runs over the bodies it supervises to the end of its
    clause when the verb's complement follows them ("... ban, ngành; các
    huyện, thị xã, thành phố trong việc thực hiện Chỉ thị số 28/CT-TTg ..."):
    bodies inspected are no AGENCY (clarification 16), objects stay inside
    the TASK (D7.6), and so does the citation the activity is about (D3)."""
    spans = sorted(spans)
    out: list[Span4] = []
    skip_to = -1
    for i, x in enumerate(spans):
        if x[0] < skip_to:
            continue
        s, e, label, score = x
        if label == "TASK" and _SUPERVISE_END.search(text, max(s, e - 60), e):
            pos, j = e, i + 1
            while j < len(spans) and spans[j][2] == "AGENCY":
                gap = _SUPERVISED_GAP.fullmatch(text, pos, spans[j][0])
                if gap is None:
                    break
                pos, j = spans[j][1], j + 1
            if j > i + 1 and _SUPERVISED_FOR.match(text, pos):
                stop = _CLAUSE_END.search(text, pos)
                end = strip_end(text, s, stop.start() if stop else len(text))
                x, skip_to = (s, end, label, score), end
        out.append(x)
    return out


_COUNSEL = re.compile(rf"(?i)(?:^|\s)(tham{WS}mưu(?:{WS}cho)?|hướng{WS}dẫn|đôn{WS}đốc){WS}$")
# a TASK the tagger ended on the word that sends it to its recipient: "báo cáo kết
# quả về" + «Ủy ban nhân dân tỉnh» (the recipient is inside, D7.6)
_TO_RECIPIENT = re.compile(rf"(?i)(?:^|\s)(?:về|gửi(?:{WS}về)?|trình|báo{WS}cáo(?:{WS}với)?)$")
_RECIPIENTS_AND = re.compile(rf"(?i)(?:^|\s)(?:về|gửi|trình|báo{WS}cáo){WS}[^;.\n]{{3,60}}{WS}và$")
_WORDS_GAP = re.compile(r"(?:[ \u00a0][^\W\d_]+){0,2}[ \u00a0]")
# a head noun the tagger may leave at a TASK's end when it cuts a body's name in two
_NAME_HEAD_END = re.compile(r"(?:^|\s)(?:Sở|Bộ|Ban|Ủy|Uỷ|Cục|Phòng|Trường|Viện|Học|Văn|Trung)$")


def mend_cut_names(text: str, spans: list[Span4]) -> list[Span4]:
    """A TASK that ends on the head noun of a body whose rest the tagger made
    an AGENCY ("... báo cáo kết quả về Sở" + "Nội vụ"), or on the word that
    sends it to that body ("... về" + "UBND tỉnh"), runs over the whole
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
            and (
                (
                    x[0] - prev[1] == 1
                    and text[prev[1]] == " "
                    and _NAME_HEAD_END.search(text, max(0, prev[1] - 8), prev[1])
                )
                # the words the tagger left between them send the TASK there ("... tổng hợp báo" + "cáo")
                or (
                    _WORDS_GAP.fullmatch(text, prev[1], x[0])
                    and _TO_RECIPIENT.search(text, max(0, x[0] - 30), x[0] - 1)
                )
                # or on the "và" of a list of recipients: "... về UBND tỉnh và" + «Bộ Nội vụ»
                or (
                    text[prev[1] : x[0]] == " "
                    and _RECIPIENTS_AND.search(text, max(prev[0], prev[1] - 80), prev[1]) is not None
                )
            )
        ):
            out[-1] = (prev[0], x[1], "TASK", prev[3])
            continue
        out.append(x)
    return out


# D7.7c and D7.7f: a trailing citation ("... theo đúng quy định tại <LEGAL_REF>"),
# provider ("... do X, Y tổ chức") or direction ("... theo chỉ đạo của X") is
# outside the TASK, so that its entities can be annotated and related
_NEXT_CLAUSE = re.compile(rf"(?i);|,{WS}(?:{ACTIVITY_OPENERS})\b")  # "..., báo cáo Chủ tịch UBND tỉnh ..."
_PROVIDED_BY = re.compile(rf"(?i)[ \t,]+do{WS}(?=\S)")
_PROVIDER_VERBS = rf"tổ{WS}chức|mở{WS}lớp|mở{WS}các{WS}lớp|giảng{WS}dạy|đào{WS}tạo|bồi{WS}dưỡng|chủ{WS}trì"
_LEVEL_PROVIDER = re.compile(rf"(?i)(?:cấp{WS})?(?:{PLACE_WORDS}|trung{WS}ương){WS}(?:{_PROVIDER_VERBS})\b")
_PROVIDER_VERB = re.compile(rf"(?i){WS}(?:{_PROVIDER_VERBS})$")  # closing the TASK
_PROVIDER_VERB_AFTER = re.compile(rf"(?i){WS}(?:{_PROVIDER_VERBS})\b")  # right after the provider's names
_DIRECTED_BY = re.compile(rf"(?i){WS}theo(?:{WS}đúng)?{WS}chỉ{WS}đạo{WS}của{WS}")
# "... hệ không tập trung «liên kết với Học viện Chính trị khu vực III»": the
# partner institution provides the course (D8.5)
_JOINT_WITH = re.compile(rf"(?:,|{WS}và)?{WS}liên{WS}kết{WS}với{WS}(?=(?:Học{WS}viện|Trường|Đại{WS}học|Viện)\b)")


# a trainee category closing a course name: "Bồi dưỡng kiến thức quốc phòng và an ninh
# «đối tượng 3, 4»" (D7.8)
_TRAINEE_CATEGORY = re.compile(rf"{WS}đối{WS}tượng{WS}\d(?:[\s,và]*\d)*$")


def cut_trailing_phrases(text: str, spans: list[Span4], matches: list) -> list[Span4]:
    """End each TASK before a trailing citation, provider or direction phrase
    (D7.7c, D7.7f); the recognisers' spans in the words cut off come back."""
    legal = sorted(m.start for m in matches if m.label == "LEGAL_REF")
    agencies = sorted((s, e) for s, e, label, _ in spans if label == "AGENCY")
    taken = [(a, b) for a, b, label, _ in spans if label != "TASK"]
    out: list[Span4] = []
    for s, e, label, score in spans:
        cut = e
        if label == "TASK":
            for a in legal:
                if s < a < e:
                    m = CITATION_LEAD.search(text, s, a)
                    # trailing only: no further clause after the citation ("...; gửi Sở Nội vụ")
                    if m and len(text[s : m.start()].split()) >= 3 and not _NEXT_CLAUSE.search(text, a, e):
                        cut = min(cut, m.start())
                    break
            for m in _PROVIDED_BY.finditer(text, s, e):
                if _LEVEL_PROVIDER.match(text, m.end(), e):
                    continue  # "các lớp do tỉnh tổ chức": a level, no body, stays inside (as gold)
                # "do X, Y tổ chức" at the end, or "do X, Y tổ chức <how>" running to it
                after_names, _ = agency_chain(text, m.end(), e, agencies)
                provider = _PROVIDER_VERB.search(text, m.end(), e) or (
                    after_names > m.end() and _PROVIDER_VERB_AFTER.match(text, after_names, e)
                )
                if provider and len(text[s : m.start()].split()) >= 3:
                    cut = min(cut, m.start())
                    break
            category = _TRAINEE_CATEGORY.search(text, s, e)
            if category and len(text[s : category.start()].split()) >= 3:
                cut = min(cut, category.start())
            for rx in (_DIRECTED_BY, _JOINT_WITH):
                m = rx.search(text, s, e)
                if m and len(text[s : m.start()].split()) >= 3:
                    cut = min(cut, m.start())
        if cut < e:
            out.append((s, strip_end(text, s, cut), label, score))
            out += [
                (m.start, m.end, m.label, 1.0)
                for m in matches
                if cut <= m.start and m.end <= e and not any(a < m.end and m.start < b for a, b in taken)
            ]
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
            inside = [(a, b) for a, b in quotas if s < a and b <= e and QUOTA_LEAD.search(text, s, a)]
            if inside:
                a, b = inside[0]
                colon = text.rfind(":", s, a)
                out.append((s, strip_end(text, s, colon), label, score))
                out.append((a, b, "QUOTA", 1.0))
                continue
        out.append((s, e, label, score))
    return sorted(out)


def join_over_percents(text: str, spans: list[Span4]) -> list[Span4]:
    """A TASK the tagger stopped right before a percent that its verb governs
    («Đảm bảo có» «50% trở lên» «thời lượng của các chương trình ...», a duty
    in a task table) goes on over the percent to the end of its sentence: the
    percent is the duty's object, and an entity inside a TASK is not annotated
    apart (clarification 10). Targets (D7.2) have no TASK before their
    percent, so they keep it; nor does a percent after a comma or a colon."""
    spans = sorted(spans)
    out: list[Span4] = []
    i = 0
    while i < len(spans):
        s, e, label, score = spans[i]
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        if (
            label == "TASK"
            and nxt is not None
            and nxt[2] == "PERCENT"
            and 0 < nxt[0] - e <= 2
            and not text[e : nxt[0]].strip()
            and nxt[1] + 1 < len(text)
            and text[nxt[1]] == " "
            and text[nxt[1] + 1].islower()
        ):
            stop = _SENTENCE_STOP.search(text, nxt[1])
            end = stop.start() if stop else len(text)
            semicolon = text.find(";", nxt[1], end)
            end = semicolon if semicolon != -1 else end
            if not any(nxt[1] < y[0] < end for y in spans[i + 2 :]):
                out.append((s, strip_end(text, s, end), label, score))
                i += 2
                continue
        out.append(spans[i])
        i += 1
    return out
