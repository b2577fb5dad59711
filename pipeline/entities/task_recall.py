"""The TASKs the tagger missed (D7.1, D7.3, D7.4, D7.8, D10.5).

* each activity sentence of an item in a task section is a TASK, a section
  being one headed "Nhiệm vụ", "Tổ chức thực hiện", by a body, or announced
  by a paragraph ("... đề ra các nhiệm vụ ... như sau:", "đề nghị X thực
  hiện một số nội dung sau:");
* so is each activity item of a task table's content cell whose row names
  a chair ("- Thường xuyên tổ chức ... . - Đảm bảo có 50% trở lên ...");
* so is the activity after an actor phrase in running text ("giao X", "X
  có trách nhiệm", "đề nghị X, Y"), the course a requirement names ("phải
  qua lớp ...") and the training line of a quota-list item.

Every TASK found here goes through the start and end rules of
``task_bounds`` like the tagger's, and gets a score of 0.5: it is a rule's
guess, not the model's.
"""

from __future__ import annotations

import re

from pipeline.entities.features import table_roles
from pipeline.entities.task_bounds import agency_chain, strip_end, strip_start
from pipeline.entities.task_places import NO_TASK_HEADING
from pipeline.entities.task_words import (
    ACTIVITY_OPENER,
    ACTIVITY_OPENERS,
    AFTER_ACTOR,
    ASSIGN_VERB,
    BULLETS,
    ITEM_NUMBER,
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
from pipeline.normalize.text import UPPER
from pipeline.structure.lines import plain
from pipeline.structure.model import Node, Structure

# D7.1: the lowest-level items of a "Nhiệm vụ (và giải pháp)", "Giải pháp",
# "Tổ chức thực hiện" or "Lộ trình" section are TASKs when they name an
# activity, with or without an actor; the tagger misses some, mostly in plans
# whose items are long.
_TASK_HEADING = re.compile(
    r"(?i)^(?:[\W_]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)/]\s*)?[\W_]*(?:các\s+)?"
    r"(?:nhiệm\s+vụ|giải\s+pháp|tổ\s+chức\s+thực\s+hiện|lộ\s+trình)\b"
)
_COLON_NEXT = re.compile(r"[ \t*_]*:")  # a heading's title stops before its colon
# the last sentence of a paragraph that announces the duties listed after it
_DUTIES_INTRO = re.compile(r"(?i)\b(?:nhiệm vụ|giải pháp)\b[^.:\n]*:[\s*_]*$")
# "đề ra các nhiệm vụ <activity>, cụ thể như sau:": the activity the body sets itself
_SET_DUTIES = re.compile(
    rf"(?i)\b(?:nhiệm vụ|giải pháp)(?:{WS}(?:trọng{WS}tâm|chủ{WS}yếu|chính|cụ{WS}thể))?{WS}"
    rf"((?:{ACTIVITY_OPENERS})\b[^.:\n]*?)"
    r"[\s,]*(?:(?:cụ thể|bao gồm|gồm|với những nội dung|với các nội dung)\s*)?(?:như sau|sau đây|sau)?\s*:[\s*_]*$"
)
_RESPONSIBILITY = re.compile(rf"(?i)(?:trách{WS}nhiệm(?:{WS}của)?{WS})?")
# the last sentence assigns what follows it to a body (D8.3, D11.6)
_ASSIGNING_INTRO = re.compile(rf"(?i)\b(?:{ASSIGN_VERB})\s+[^.:\n]*:[\s*_]*$")
# "Sở Nội vụ tiếp tục triển khai công tác ... với các nhiệm vụ trọng tâm sau:"
_WITH_DUTIES = re.compile(
    rf"(?i)(?<![\w])((?:{ACTIVITY_OPENERS})\b[^.:\n]*?)[\s,]*(?:với|gồm|bao{WS}gồm){WS}(?:các|những|một{WS}số)"
    rf"{WS}(?:nhiệm{WS}vụ|nội{WS}dung|giải{WS}pháp)[^.:\n]*:[\s*_]*$"
)
_PROVIDER_DO = re.compile(rf"(?i)\bdo{WS}$")
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
        start = LINE_LEAD.match(text, start, end).end()
        start = _RESPONSIBILITY.match(text, start, end).end()
        while end > start and text[end - 1] in " \t*_:.":
            end -= 1
        pos = start
        while pos < end:  # "2. Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố"
            nxt = next((b for a, b in agencies if a == pos), None)
            if nxt is None:
                return False
            pos = JOIN.match(text, nxt, end).end() if nxt < end else nxt
        return pos == end and end > start

    def subject_after(s: int, e: int) -> bool:
        """A body after a comma doing something: the sentence's own subject ("Trên
        cơ sở kế hoạch đào tạo, bồi dưỡng của các sở, Sở Nội vụ tổng hợp ..."),
        so the words before it are a long basis phrase, not the activity. Not the
        last body of a provider list ("... do Học viện X, «Trường Chính trị tỉnh» tổ
        chức"): a "do" phrase inside the activity names who teaches it (D7.7f)."""
        ends = {b: a for a, b in agencies}

        def provided(a: int) -> bool:
            while a - 2 in ends and text[a - 2 : a] == ", ":  # back to the head of the list
                a = ends[a - 2]
            return _PROVIDER_DO.search(text, max(0, a - 4), a) is not None

        return any(
            text[max(0, a - 2) : a] == ", "
            and (after := AFTER_ACTOR.match(text, b)) is not None
            and LINKED_VERB.match(text, after.end())
            and not provided(a)
            for a, b in agencies
            if s < a and b <= e
        )

    def cut_before_date(s: int, e: int) -> int:
        """The end of an activity followed by a date in its sentence (D7.7a)."""
        dates = [a for a, b, label, _ in spans if label == "DATE" and s < a and b <= e]
        if dates and len(text[s : dates[0]].split()) >= _ACTIVITY_WORDS:
            return strip_end(text, s, dates[0])
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
            if NO_TASK_HEADING.match(heading):
                return
            if _TASK_HEADING.match(heading) or duty_heading(start, end):
                item, on = False, True
        if on and item:
            start = LINE_LEAD.match(text, start, end).end()
            while end > start and text[end - 1] in " \t\r\n.;":
                end -= 1
            if end > start and (text[end - 1] == ":" or _COLON_NEXT.match(text, end)):
                end = start  # introduces the items below
            for s, e in _sentences(text, start, end):  # one TASK per sentence (D7.3)
                # the activity may follow an actor, basis or time phrase ("Chủ trì, phối
                # hợp với X ...", "Căn cứ Kế hoạch này, ...": D7.5), which refine_tasks strips
                opens, _ = strip_start(text, s, e, [(a, b) for a, b in agencies if s <= a and b <= e])
                opener = ACTIVITY_OPENER.match(text, s, e) or (
                    ACTIVITY_OPENER.match(text, opens, e) and not subject_after(opens, e)
                )
                # a TASK the tagger put on the basis phrase only does not count (refine_tasks drops it)
                if opener and not _overlaps(max(s, opens), e, tasks):
                    # a date or quota closing the sentence stays outside (schema, clarification 10)
                    inside = [(a, b) for a, b in others if s < a and b <= e]
                    if inside and not text[inside[-1][1] : e].strip(" .;,"):
                        e = strip_end(text, s, inside[-1][0])
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


# the items of a content cell: inline bullets after a stop, sentences, lines
_CELL_ITEM = re.compile(r"(?<=[.;])[ \t]+[-+•][ \t]*|(?<=\.)[ \t]+(?=[^\W\d_])|\n")
_CELL_LEAD = re.compile(r"[-+•\s]*")
# a recogniser's span ends the activity (a trailing date or quota, clarification
# 10; a percent the verb governs is joined back by ``join_over_percents``)
_CLOSING = ("DATE", "QUOTA", "PERCENT", "MONEY")


def table_cell_tasks(text: str, structure: Structure, spans: list[Span4]) -> list[Span4]:
    """``spans`` plus a TASK over each activity item of a task table's content
    cell that no TASK covers yet (D7.1, D9.1), in rows with a chair: the
    tagger takes the first of several items written in one cell and can miss
    the next. An item that introduces others ("Xây dựng: a) ...") is not one."""
    tasks = [(s, e) for s, e, label, _ in spans if label == "TASK"]
    closing = sorted(s for s, _, label, _ in spans if label in _CLOSING)
    added: list[Span4] = []
    for table in structure.tables:
        roles = table_roles(table, text)
        if "chair" not in roles or "content" not in roles:
            continue
        content, chair = roles.index("content"), roles.index("chair")
        for row in table.rows:
            cells = {c.column: c for c in row.cells}
            cell, chair_cell = cells.get(content), cells.get(chair)
            if cell is None or chair_cell is None or chair_cell.end <= chair_cell.start:
                continue
            bounds = [cell.start, *(m.end() for m in _CELL_ITEM.finditer(text, cell.start, cell.end)), cell.end]
            for a, b in zip(bounds, bounds[1:]):
                a = _CELL_LEAD.match(text, a, b).end()
                while b > a and text[b - 1] in " \t\r\n.;":
                    b -= 1
                if b - a < MIN_CHARS or not ACTIVITY_OPENER.match(text, a, b) or ":" in text[a:b]:
                    continue
                if _overlaps(a, b, tasks):
                    continue
                b = min([b, *(x for x in closing if a < x < b)])
                b = strip_end(text, a, b)
                if b - a >= MIN_CHARS:
                    added.append((a, b, "TASK", 0.5))
    return sorted(spans + added) if added else spans


# D7.8: "... phải được bồi dưỡng kiến thức quản lý nhà nước do Học viện Hành
# chính tổ chức mở lớp", "... phải qua lớp bồi dưỡng kiến thức ngạch cán sự":
# the course a requirement names is a TASK, without its provider, standard
# or target group
_REQUIRED_COURSE = re.compile(
    rf"(?i)\bphải(?:{WS}được)?(?:{WS}học)?{WS}qua{WS}(?=(?:các{WS})?lớp\b)"
    rf"|\bphải{WS}được{WS}(?=bồi{WS}dưỡng\b)"
)
# (a level to reach, "phải được đào tạo Trung cấp lý luận chính trị trở lên",
# is a qualification requirement, D7.2)
_COURSE_STOP = re.compile(rf"[;.\n]|(?i:{WS}(?:cho(?!{WS}phép)|theo(?!{WS}dõi)|đối{WS}với|dành{WS}cho|do){WS})")


def required_courses(text: str, spans: list[Span4]) -> list[Span4]:
    """``spans`` plus the courses requirements name, where no TASK is yet."""
    tasks = [(s, e) for s, e, label, _ in spans if label == "TASK"]
    added: list[Span4] = []
    for m in _REQUIRED_COURSE.finditer(text):
        start = m.end()
        stop = _COURSE_STOP.search(text, start)
        end = strip_end(text, start, stop.start() if stop else len(text))
        words = text[start:end].replace(",", " ").lower().split()
        if all(w in VERB_WORDS or w in ("các", "lớp") for w in words):
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
    rf"(?i)\b(?:giao|đề{WS}nghị|yêu{WS}cầu|chỉ{WS}đạo|phối{WS}hợp{WS}(?:chặt{WS}chẽ{WS})?với)[ \t]+$"
)
# future work in a news item: "Trong năm 2026, tỉnh «sẽ» mở các lớp ..." (D7.1)
_ANNOUNCED = re.compile(rf"(?i)\b(?:sẽ{WS}tiến{WS}hành|chỉ{WS}đạo{WS}việc|sẽ(?={WS}(?:{ACTIVITY_OPENERS})\b))[ \t]+")
_CLAUSE_END = re.compile(r"[;.\n:]")
# what an introduction assigns when it names no activity: "thực hiện các nhiệm vụ sau",
# "một số nội dung sau", "như sau" (D7.4, D11.6)
_GENERIC_DUTIES = re.compile(
    rf"(?i)(?:(?:các|những|một{WS}số){WS}(?:nhiệm{WS}vụ|nội{WS}dung|công{WS}việc|giải{WS}pháp|việc)\b[^:]*"
    rf"|^[^:]{{0,30}}\b(?:như{WS}sau|sau{WS}đây))[\s*_]*$"
)
_INTRO_TAIL = re.compile(
    rf"(?i)[\s,]*(?:với{WS}(?:các{WS}|những{WS})?nội{WS}dung{WS})?"
    rf"(?:(?:trong{WS}đó{WS})?(?:tập{WS}trung|chú{WS}trọng)|(?:cụ{WS}thể{WS})?như{WS}sau|sau{WS}đây"
    rf"|cụ{WS}thể)?[\s*_]*$"
)
_DIRECTING = re.compile(rf"(?i)(?:chỉ{WS}đạo|lãnh{WS}đạo)\b")


def _clause_end(text: str, start: int) -> int | None:
    """Where the clause from ``start`` ends; a line break before a lower-case
    word only wraps the line (D0.2)."""
    for m in _CLAUSE_END.finditer(text, start):
        if m.group() != "\n" or not text[m.end() : m.end() + 1].islower():
            return m.start()
    return None


# closing boilerplate (D7.11): "nếu có khó khăn, vướng mắc, đề nghị ... phản ánh"
_QUESTION = re.compile(r"[^.;:\n]{0,40}\?")
_BOILERPLATE = re.compile(r"(?i)vướng\s+mắc|phản\s+ánh")
_PAST = re.compile(r"(?i)\bđã\b")
_FOLLOWING = re.compile(rf"(?i){WS}theo{WS}(?:chỉ{WS}đạo|yêu{WS}cầu|hướng{WS}dẫn|đề{WS}nghị){WS}của\b")
_CLAUSE_OPEN = re.compile(r";[ \t]*$")
_SENTENCE_START = re.compile(r"[.\n]")
_ASSIGNING = re.compile(rf"(?i)\b(?:{ASSIGN_VERB})\b")  # schema 7, 14


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
        e, _ = agency_chain(text, s, len(text), agencies)
        after = AFTER_ACTOR.match(text, e)
        link = text[e : after.end()].strip() if after else ""
        start = after.end() if after else e
        if after and after.group(2) and start in helped:
            start = after_actor(text, helped[start])  # "giúp UBND tỉnh": the one helped
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
        start, _ = strip_start(text, start, len(text), agencies)
        if not LINKED_VERB.match(text, start) or _PAST.search(text, max(0, start - 40), start):
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
        end = strip_end(text, start, date if date is not None and date - start >= 12 else end)
        # and a trailing quota ("..., gồm 12 lớp với khoảng 1.560 lượt người", D7.7b)
        quota = next((q for q in quotas if start < q < end), None)
        if quota is not None and len(text[start:quota].split()) >= _ACTIVITY_WORDS:
            end = strip_end(text, start, quota)
        if (
            end - start < 12
            or _BOILERPLATE.search(text, start, end)
            or "?" in text[start:end]
            or _QUESTION.match(text, end)
        ):
            continue  # "..., ông sẽ tập trung vào những giải pháp nào?" asks, it plans nothing
        if not _overlaps(start, end, tasks + [(a, b) for a, b, _, _ in added]):
            added.append((start, end, "TASK", 0.5))
    return sorted(spans + added) if added else spans


_COURSE_LEVEL = r"cao\s+cấp|trung\s+cấp|sơ\s+cấp|hoàn\s+chỉnh|tập\s+huấn|bồi\s+dưỡng|đào\s+tạo|tổ\s+chức|cử"
_QUOTA_ITEM_OPENER = re.compile(rf"(?i)(?:{_COURSE_LEVEL})\b")
_TOTAL = re.compile(r"(?i)(?:số\s+lượng|tổng\s+số|tổng\s+cộng|trong\s+đó)\b")
_AT_INSTITUTION = re.compile(rf"{WS}tại{WS}(?={UPPER})")  # not "tại nước ngoài"
# an item's start inside a line: after a line break or a sentence, its bullet and number skipped
_ITEM_START = re.compile(rf"(?:^|\n|(?<=[.;]) ){BULLETS}(?:(?:{ITEM_NUMBER})[.)]\s*)?[\s*_]*", re.M)


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
        lead = QUOTA_LEAD.search(text, line_start, q_start)
        if lead is None:
            continue
        starts = [m.end() for m in _ITEM_START.finditer(text, line_start, lead.start())]
        start = max((s for s in starts if s < lead.start()), default=line_start)
        end = lead.start()
        if not _QUOTA_ITEM_OPENER.match(text, start, end) or _TOTAL.match(text, start, end):
            continue
        at = _AT_INSTITUTION.search(text, start, end)
        end = strip_end(text, start, at.start() if at else end)
        if end - start >= MIN_CHARS and not _overlaps(start, end, tasks + [(a, b) for a, b, _, _ in added]):
            added.append((start, end, "TASK", 0.5))
    return sorted(spans + added) if added else spans
