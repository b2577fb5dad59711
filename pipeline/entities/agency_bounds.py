"""AGENCY extents: where a body's name starts and ends.

Extents the tagger and the grammar often get wrong, fixed here because they
are written the same way in every plan:

* two bodies joined by "và" are two spans when the second has its own head
  ("Bộ Nội vụ và UBND tỉnh"), one when "và" is inside a name ("Sở Kế hoạch
  và Đầu tư", "Học viện Báo chí và Tuyên truyền") (D6.2);
* the office before a body belongs to it: "giám đốc Sở Nội vụ", "CHỦ TỊCH
  ỦY BAN NHÂN DÂN ..." (D6.3), and so does a collective qualifier opening
  the list item or cell: "đơn vị sự nghiệp trực thuộc UBND tỉnh" (D6.1);
* a head shared by a list: "Thủ trưởng Sở, ban ngành" (D6.2);

* the verb after the body, capitalised in citation titles or not: "của Bộ
  Tài chính Hướng dẫn việc lập dự toán", "trình UBND tỉnh phê duyệt";
* the rest of an enumeration of local levels: "UBND huyện, thành phố" and
  "Sở Nội vụ các tỉnh, thành phố trực thuộc TW" are one body each (D6.1,
  D6.2), where the tagger tends to stop after the first level;
* a lone head noun ("Sở", "Ban") is never a body by itself: it is what is
  left when the name after it was lost, and it is dropped;
* the name of the office-holder after the office, in news items: "Phó Chủ
  tịch UBND thành phố Hà Nội Nguyễn Văn Sửu ký ban hành" gives the AGENCY
  «Phó Chủ tịch UBND thành phố Hà Nội» and the PERSON «Nguyễn Văn Sửu»
  (schema: a PERSON is never inside an AGENCY). Names of places and
  institutions that are people's names ("Hồ Chí Minh", "Hoàng Văn Thụ") are
  not split, as they follow a place word or a name word, not a body.
"""

from __future__ import annotations

import bisect
import re

from pipeline.entities.features import AGENCY_HEADS
from pipeline.entities.task_words import ACTIVITY_OPENER, LINKED_VERB, WS
from pipeline.normalize.text import LOWER, UPPER

Span4 = tuple[int, int, str, float]

_VERB = re.compile(
    r"(?i)\s+(?:hướng\s+dẫn|quy\s+định|ban\s+hành|phê\s+duyệt|sửa\s+đổi|bổ\s+sung|triển\s+khai|chủ\s+trì|phối\s+hợp)\b"
)
# a lower-case verb or modal after the name: the subject's predicate, which a
# tagger trained on "X tổ chức ..." duty sentences sometimes runs into
# ("Ủy ban nhân dân các huyện, thành phố tổ chức", "... trên địa bàn tỉnh cần
# chủ động"); case-sensitive, so "Ban Tổ chức" stays, and not after a comma,
# "các" or "và", so "các cơ quan, tổ chức" stays
_PREDICATE = re.compile(
    r"(?<![,])(?<!các)(?<!và) (?:tổ chức|cần|phải|có trách nhiệm|chủ động|thực hiện"
    r"|mở|tiến hành|triển khai|ban hành|đề nghị|yêu cầu|sẽ|đã"
    # what a body does in a duty or a news sentence ("Sở Thông tin và Truyền thông
    # «khai giảng»", "Phòng Nội vụ «lựa chọn»", "Sở Tài chính «cấp» kinh phí")
    r"|khai giảng|biên soạn|cùng|lựa chọn|tham mưu(?!, giúp việc)|rà soát|tổng hợp|báo cáo|bố trí|cử|phân bổ"
    r"|đăng ký|theo dõi|đôn đốc|giám sát|hỗ trợ|tạo điều kiện|bảo đảm|đảm bảo|quán triệt|phổ biến|chịu trách nhiệm|là"
    # what an official does in a news sentence ("Phó Chủ tịch UBND tỉnh X «nhấn mạnh»")
    r"|nhấn mạnh|phát biểu|cho biết|khẳng định|dự|đánh giá|ghi nhận|chỉ đạo|lưu ý|đề xuất|trao đổi|kết luận"
    r"|cân đối|thẩm định|liên kết|hướng dẫn|xây dựng|kiểm tra|phê duyệt"
    r"|cấp(?! (?:tỉnh|huyện|xã|trung ương|cơ sở|bộ|sở|phòng|thành phố|quận|phường|ủy))|theo(?! dõi))(?!\w)"
)
SURNAMES = (
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương|Lâm|Mai|Đào|Lương|Tạ|Chu|"
    "Triệu|Thái|Lò|Quàng|Đồng|Hà|Cao|Tô|Vương|Nông|Lưu|Kiều|Tăng|Khổng|Diệp|Quách|Trịnh|Phùng|Đoàn|Đàm|Tống|"
    # and those of the north's and the south's ethnic minorities and of old families
    "Ma|Bàn|Lục|Sầm|Lường|Cầm|Giàng|Sùng|Thào|Hầu|Bế|Hứa|Lã|Doãn|Mạc|Khúc|Lại|Thân|Giáp|Thạch|Danh|Điểu|Ksor|Siu"
)
# the offices shared by the two patterns below, and more that only name a holder
# (a space stands for any run of white space)
_SHARED_OFFICES = (
    "chủ tịch", "tổng giám đốc", "giám đốc", "thứ trưởng", "bộ trưởng", "bí thư", "trưởng ban", "chánh văn phòng",
    "thủ trưởng", "hiệu trưởng", "viện trưởng", "cục trưởng", "vụ trưởng",
)  # fmt: skip
_MORE_OFFICES = ("tổng cục trưởng", "trưởng phòng", "chánh thanh tra", "chủ nhiệm")
_OFFICE_WORDS = "|".join(o.replace(" ", r"\s+") for o in _SHARED_OFFICES)
_MORE_OFFICE_WORDS = "|".join(o.replace(" ", r"\s+") for o in _MORE_OFFICES)
OFFICE = re.compile(rf"(?i:(?:phó\s+)?(?:{_OFFICE_WORDS}|{_MORE_OFFICE_WORDS})\b)")
# the first word an office can open with (case-blind), for ``patterns.guarded``
OFFICE_OPENERS = ("phó", *sorted({o.split()[0] for o in _SHARED_OFFICES + _MORE_OFFICES}))
# the name follows a body or a place, not a place word or a word of a name;
# after "tỉnh" or "thành phố" only a three- or four-syllable name, as provinces
# and cities have two ("UBND tỉnh Hà Nam", "Phó Chủ tịch UBND tỉnh «Trần Minh Khôi»")
_NOT_BEFORE_NAME = r"(?<![Tt]ỉnh)(?<![Pp]hố)(?<![Gg]ia)(?<![Tt]rị)"
_AFTER_PLACE_WORD = r"(?<=[Tt]ỉnh)(?<!Tỉnh)|(?<=[Pp]hố)"
_PERSON_TAIL = re.compile(rf"{_NOT_BEFORE_NAME}\s+(?P<name>(?:{SURNAMES})(?:\s+{UPPER}{LOWER}*){{1,3}})$")
_PERSON_AFTER_PLACE = re.compile(
    rf"(?:{_AFTER_PLACE_WORD})\s+(?P<name>(?!Hà\s+Nội\b)(?:{SURNAMES})(?:\s+{UPPER}{LOWER}*){{2,3}})$"
)


def _office_holder(text: str, s: int, e: int) -> re.Match[str] | None:
    """The name after "office + body" ending the span. After "tỉnh" or
    "thành phố" the name that leaves no province behind wins: "Chủ tịch HĐND
    tỉnh «Nguyễn Hoàng Phúc»", where the tail alone would keep "Nguyễn" as
    the province ("tỉnh Nguyễn" + «Hoàng Phúc»); a province has two words."""
    tail = _PERSON_TAIL.search(text, s, e)
    after_place = _PERSON_AFTER_PLACE.search(text, s, e)
    if tail and after_place and after_place.start("name") < tail.start("name"):
        left = text[after_place.start("name") : tail.start("name")].split()
        return after_place if len(left) == 1 else tail
    return tail or after_place


_LEVEL = r"(?:thành\s+phố|thị\s+xã|thị\s+trấn|đặc\s+khu|huyện|quận|tỉnh|xã|phường)"
_PLACE_TAIL = rf"{UPPER}{LOWER}*(?:[ \u00a0\-]+{UPPER}{LOWER}*){{0,3}}"
_ENDS_WITH_LEVEL = re.compile(rf"(?i)\b{_LEVEL}$")
_MORE_LEVELS = re.compile(rf"(?i)(?:\s*(?:,|và)\s*{_LEVEL}\b)*(?:\s+trực\s+thuộc\s+(?:TW|Trung\s+ương))?")
_LONE_HEADS = frozenset({"sở", "ban", "bộ", "cục", "phòng", "viện", "học", "trường", "ủy", "uỷ", "hội", "vụ", "tổng"})
# "thanh tra" is also the verb: "Thanh tra việc thực hiện ...", "thanh tra đột
# xuất" are inspections, "Thanh tra tỉnh", "Thanh tra Sở Nội vụ" inspectorates
_INSPECTING = re.compile(rf"(?i:thanh\s+tra)(?:\s+(?!tỉnh|huyện|thành|thị|quận|xã|phường|sở|bộ|chính){LOWER}+)*")


def extend_levels(text: str, s: int, e: int, limit: int) -> int:
    """The end of an agency name after the local levels enumerated after it
    ("UBND huyện" + ", thành phố"), never past ``limit`` (the next span)."""
    if _ENDS_WITH_LEVEL.search(text, s, e):
        more = _MORE_LEVELS.match(text, e)
        if more and e < more.end() <= limit:
            return more.end()
    return e


_NEW_BODY = (
    r"(?:Bộ|Sở|Ban|Ủy\s+ban|Uỷ\s+ban|UBND|HĐND|Hội\s+đồng|Chủ\s+tịch|Phó\s+Chủ\s+tịch|Giám\s+đốc|Thủ\s+tướng"
    r"|MTTQ|Mặt\s+trận|Học\s+viện|Trường|Văn\s+phòng|Tỉnh\s+ủy|Thành\s+ủy|Chính\s+phủ|Trung\s+tâm|Bệnh\s+viện"
    r"|Cục|Chi\s+cục|Kho\s+bạc|Công\s+an|các\s+(?:sở|ban|cơ|đơn|đoàn|huyện|tổ))\b"
)
_AND_NEW_BODY = re.compile(rf"\s+và\s+(?={_NEW_BODY})")
_NEW_BODY_AT = re.compile(_NEW_BODY)
# the office the tagger left before a body: "Thứ trưởng «Bộ Nội vụ»", "Thủtướng
# «Chính phủ»" (a space lost in conversion)
_OFFICE_BEFORE = re.compile(rf"(?i)(?:phó\s+)?(?:{_OFFICE_WORDS}|thủ\s*tướng)\s+$")
_RANK_BEFORE = re.compile(r"(?<!\w)(?:[Pp]hó|[Tt]ổng|PHÓ|TỔNG)\s+$")
_QUALIFIER_BEFORE = re.compile(
    r"(?i)(?:^|[;\t\n]\s*|,\s+)(?P<q>(?:các\s+)?(?:cơ\s+quan|đơn\s+vị)[^,;\t\n]{0,40}?\s(?:trực\s+)?thuộc\s+)$"
)
_SHARED_HEAD = re.compile(r"(?i),\s*ban,?\s*ngành(?:\s+tỉnh)?\b")
# "Các cơ sở đào tạo, bồi dưỡng" + " của tỉnh" is one collective body (D6.1)
_INSTITUTIONS = re.compile(r"(?i)(?:các\s+)?cơ\s+sở\s+đào\s+tạo")
_INSTITUTIONS_TAIL = re.compile(
    r"(?i)(?:,?\s*bồi\s+dưỡng)?\s+của\s+(?:tỉnh|các\s+trường\s+thuộc\s+tỉnh)\b|(?:,?\s*bồi\s+dưỡng)(?=\s*[;,.\t\n])"
)


# "Học viện Báo chí" + " và Tuyên truyền", "Sở Khoa học" + " và Công nghệ": a
# capitalised word after "và" that opens no body of its own continues the name
# (D6.2); the tagger often stops at "và"
_AND_NAME_TAIL = re.compile(
    rf"\s+và\s+(?P<word>{UPPER}{LOWER}*)(?:\s+{LOWER}+)?"
    r"(?=\s*(?:[,;.:)\t\n]|$)|\s+(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|tổ\s+chức|thực\s+hiện)\b)"
)
# "các đơn vị, địa phương" + " được giao nhiệm vụ": a collective qualifier (D6.1)
_COLLECTIVE = re.compile(r"(?i)các\s")
_ASSIGNED_TAIL = re.compile(r"[ \t]+được[ \t]+giao[ \t]+nhiệm[ \t]+vụ\b")
_STAFF_TAIL = re.compile(r"[ \t]*,[ \t]*viên[ \t]+chức\b")
_INVESTMENT_TAIL = re.compile(r",?[ \t]*(?:và[ \t]+)?[Đđ]ầu[ \t]+tư\b")
# "Học viện Chính trị" + " khu vực III"
_REGION_TAIL = re.compile(r"\s+khu\s+vực\s+(?:[IVX]{1,4}|\d{1,2})\b")
# a military unit's number: "Bộ Tư lệnh Quân khu" + " 5", "Sư đoàn" + " 10"
_UNIT = re.compile(r"(?:Quân[ \u00a0]+(?:khu|đoàn)|Binh[ \u00a0]+đoàn|Sư[ \u00a0]+đoàn|Hải[ \u00a0]+đoàn|Vùng)$")
_UNIT_NUMBER_TAIL = re.compile(r"[ \u00a0]+(?:[IVX]{1,4}|\d{1,2})(?!\w|[/.,]\d)")


# "Giám đốc các Sở: Nội vụ" + ", Tài chính, Kế hoạch và Đầu tư": the names a
# head with a colon lists are one span (D6.2)
_COLON_LIST_TAIL = re.compile(
    rf"(?:(?:,[ \t]*|[ \t]+và[ \t]+){UPPER}{LOWER}*(?:[ \t]+{LOWER}+){{0,3}})+"
    rf"(?=[ \t]*(?:[;.\n)]|$)|,[ \t]*{LOWER})"
)


# "Giám đốc các Sở" + ": Nội vụ, Tài chính": the names after the colon complete it
_PLURAL_HEAD = re.compile(r"(?:các|Các)[ \t]+(?:Sở|Bộ|Ban|Phòng|sở|ban|phòng)$")
_COLON_NAMES = re.compile(
    rf"[ \t]*:[ \t]*{UPPER}{LOWER}*(?:[ \t]+{LOWER}+){{0,3}}" + _COLON_LIST_TAIL.pattern.replace("+(?=", "*(?=")
)


def extend_name(text: str, s: int, e: int, limit: int) -> int:
    """The end of an agency name after an in-name "và", a region or unit
    number or the rest of the names its head lists after a colon, never past ``limit``
    (the next span)."""
    name = text[s:e]
    for applies, tail_rx in (
        (":" in name, _COLON_LIST_TAIL),
        (_PLURAL_HEAD.search(name) is not None, _COLON_NAMES),
        (name.endswith("Kế hoạch"), _INVESTMENT_TAIL),  # «Sở Kế hoạch, đầu tư» (D6.4)
        (name.endswith("Công chức"), _STAFF_TAIL),  # «Phòng Công chức, viên chức»
        (_COLLECTIVE.match(name) is not None, _ASSIGNED_TAIL),  # like "có liên quan", it restricts the collective
        (True, _REGION_TAIL),
        (_UNIT.search(name) is not None, _UNIT_NUMBER_TAIL),
    ):
        found = tail_rx.match(text, e) if applies else None
        if found and found.end() <= limit:
            return found.end()
    tail = _AND_NAME_TAIL.match(text, e)
    if tail and tail.end() <= limit and not _opens_body(text[tail.start("word") : tail.end()]):
        return tail.end()
    return e


def _opens_body(words: str) -> bool:
    """The words start with a body's head ("Đài", "Công an", "Sở") or a surname."""
    low = words.lower().split()
    first = words.split()[0]
    return (
        re.fullmatch(SURNAMES, first) is not None
        or " ".join(low[:1]) in AGENCY_HEADS
        or " ".join(low[:2]) in AGENCY_HEADS
        or _NEW_BODY_AT.match(words) is not None
    )


# "TT TU, TT HĐND": each standing committee ("Thường trực") is a recipient of its own (D2.2)
_COMMA_STANDING = re.compile(r",[ \t]*(?=TT[ \t]+[A-ZĐ])")
# "Chánh Văn phòng Sở«, »Trưởng các phòng chuyên môn«, »Thủ trưởng các đơn vị ...": a
# comma before an office starts the next office-holder, once the part before names
# a body (not "Chủ tịch«, »Phó Chủ tịch UBND tỉnh", two offices of one body)
_COMMA_OFFICE = re.compile(r",[ \t]*(?=(?:Phó[ \t]+)?(?:Trưởng|Thủ[ \t]+trưởng|Giám[ \t]+đốc|Chủ[ \t]+tịch|Chánh)\b)")


# The shared office of two elected bodies is one body, though "và" is followed
# by a head of its own: «Văn phòng HĐND và UBND huyện», «Văn phòng Đoàn ĐBQH
# và HĐND tỉnh», «Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường» (D6.2)
_ELECTED = (
    r"(?:HĐND|Hội[ \t]+đồng[ \t]+nhân[ \t]+dân|UBND|(?:Ủy|Uỷ)[ \t]+ban[ \t]+nhân[ \t]+dân"
    r"|Đoàn[ \t]+(?:ĐBQH|đại[ \t]+biểu[ \t]+Quốc[ \t]+hội))"
)
_JOINT_OFFICE = re.compile(
    rf"Văn[ \t]+phòng[ \t]+{_ELECTED}(?:[ \t]+(?:tỉnh|thành[ \t]+phố))?[ \t]+và[ \t]+{_ELECTED}"
    rf"(?:[ \t]+{_LEVEL}(?:[ \t]+{_PLACE_TAIL})?)?"
)


def join_joint_offices(text: str, spans: list[Span4]) -> list[Span4]:
    """One AGENCY for a joint office the tagger cut or split at its "và"."""
    for m in _JOINT_OFFICE.finditer(text):
        inside = [x for x in spans if x[0] < m.end() and x[1] > m.start()]
        if inside and all(x[2] == "AGENCY" for x in inside) and inside[0][0] == m.start():
            kept = [x for x in spans if x not in inside]
            spans = sorted([*kept, (m.start(), max(m.end(), inside[-1][1]), "AGENCY", inside[0][3])])
    return spans


def _split_and(text: str, s: int, e: int) -> list[tuple[int, int]]:
    joint = _JOINT_OFFICE.match(text, s)
    pieces, start = [], s
    splits = [
        m
        for m in (*_AND_NEW_BODY.finditer(text, s, e), *_COMMA_STANDING.finditer(text, s, e))
        if not (joint and m.start() < joint.end())
    ]
    offices = [m for m in _COMMA_OFFICE.finditer(text, s, e) if not (joint and m.start() < joint.end())]
    for m in sorted([*splits, *offices], key=lambda m: m.start()):
        before = text[start : m.start()]
        if len(before.split()) >= 2 and not (m.re is _COMMA_OFFICE and OFFICE.fullmatch(before.strip())):
            pieces.append((start, m.start()))  # the part before is a name of its own
            start = m.end()
    return [*pieces, (start, e)]


_PLACE_THEN_WORDS = re.compile(
    r"[ \u00a0](?P<place>xã|phường|huyện|tỉnh|quận|thị[ \u00a0]+trấn)(?![ \u00a0]+(?:hội|ủy|uỷ)\b)"
    rf"(?:[ \u00a0]+(?!(?:xã|phường|huyện|tỉnh|quận|thị|trấn|thành|phố)\b){LOWER}+){{1,3}}$"  # not "xã phường thị trấn"
)
_COLUMN_GAP = re.compile(r"[ \u00a0]{3,}|\t")
_ROW_COUNTS = re.compile(r"(?<!khu vực)(?<!số)(?:[ \t]+\d+(?:[.,]\d+)?)+$")


# a duty the tagger labelled as a body: "Trường Chính trị tỉnh: «Chủ trì mở các lớp ...»"
_ROLE_OPENING = re.compile(r"(?:Chủ|chủ)[ \t]+trì|(?:Phối|phối)[ \t]+hợp")


def trim_agencies(text: str, spans: list[Span4]) -> list[Span4]:
    spans = join_joint_offices(text, spans)
    out: list[Span4] = []
    starts = sorted(s for s, _, _, _ in spans)
    ends = sorted(e for _, e, _, _ in spans)
    given_back: dict[int, int] = {}  # a name's old end -> where the words cut from it start
    for s, e, label, score in spans:
        if label != "AGENCY":
            out.append((s, e, label, score))
            continue
        if text[s:e].strip().lower() in _LONE_HEADS or _INSPECTING.fullmatch(text, s, e):
            continue
        if _ROLE_OPENING.match(text, s) and len(text[s:e].split()) > 3:
            out.append((s, e, "TASK", score))  # its role phrase is cut with the other TASKs' (D8.2)
            continue
        tagged_end = e
        # a name never runs over a column gap ("UBND TỈNH ĐỒNG THÁP      CỘNG HÒA ...")
        # nor into the counts of its table row ("Sở Tài chính 6 2 12")
        # and a lower-case place word ends it: "Đảng ủy xã «tạo điều»" ran into the verb
        for rx in (_COLUMN_GAP, _ROW_COUNTS, _PLACE_THEN_WORDS):
            cut = rx.search(text, s, e)
            if cut and cut.start() > s:
                e = cut.end("place") if rx is _PLACE_THEN_WORDS else cut.start()
        i = bisect.bisect_right(ends, s)
        previous_end = ends[i - 1] if i else 0
        office = _OFFICE_BEFORE.search(text, max(previous_end, s - 30), s)
        if office:
            s = office.start()
        elif OFFICE.match(text, s, e):
            # the rank the tagger left before the office: «Phó» Chủ tịch, «Tổng» Giám đốc
            rank = _RANK_BEFORE.search(text, max(previous_end, s - 12), s)
            s = rank.start() if rank else s
        else:
            qualifier = _QUALIFIER_BEFORE.search(text, max(previous_end, s - 60), s)
            if qualifier:
                s = qualifier.start("q")
        j = bisect.bisect_left(starts, e)
        nxt = starts[j] if j < len(starts) else len(text)
        e = extend_levels(text, s, e, nxt)
        e = extend_name(text, s, e, nxt)
        if _INSTITUTIONS.match(text, s, e):
            tail = _INSTITUTIONS_TAIL.match(text, e)
            if tail and tail.end() <= nxt:
                e = tail.end()
        if text[s:e].endswith("Sở"):
            shared = _SHARED_HEAD.match(text, e)
            if shared and shared.end() <= nxt:
                e = shared.end()
        pieces = _split_and(text, s, e)
        if len(pieces) > 1:
            out.extend((a, b, label, score) for a, b in pieces)
            continue
        verb = _VERB.search(text, s, e + 12)  # the span may end inside the verb ("... Hướng")
        if verb and s < verb.start() < e:
            e = verb.start()
        predicate = _PREDICATE.search(text, s, e + 12)  # or inside the verb: "Sở Tài chính «cân»"
        if predicate and predicate.start() < e and len(text[s : predicate.start()].split()) >= 2:
            e = predicate.start()
        person = _office_holder(text, s, e) if OFFICE.match(text, s, e) else None
        if person and person.start() > s:
            out.append((s, person.start(), label, score))
            out.append((person.start("name"), person.end("name"), "PERSON", score))
        else:
            out.append((s, e, label, score))
        cut_words = text[e:tagged_end].split()
        if cut_words and len(cut_words) <= 3 and cut_words[0].lower() not in _NOT_A_VERB:
            given_back[tagged_end] = e
    if given_back:
        # the words cut from a name's end open the TASK right after it: "Trường Chính trị tỉnh
        # «đổi» + «mới nội dung ...»" gives «đổi mới nội dung ...»
        out = [_take_back(text, x, given_back) for x in out]
    return sorted(out)


# words cut from a name that open a qualifier, not the verb of the TASK after it
# ("các cơ quan, đơn vị «theo tiến độ»")
_NOT_A_VERB = frozenset({"theo", "của", "cho", "với", "tại", "về", "và", "để", "trong", "từ", "đến", "trên"})


def _take_back(text: str, span: Span4, given_back: dict[int, int]) -> Span4:
    s, e, label, score = span
    if label != "TASK":
        return span
    for old_end, cut in given_back.items():
        if old_end <= s and not text[old_end:s].strip():
            words = text[cut:old_end]
            return (cut + len(words) - len(words.lstrip()), e, label, score)
    return span


# what the tagger leaves off a name the grammar reads whole: the level ("Trung tâm
# Chính trị «huyện»") or the place after it ("UBND tỉnh «Đắk Nông»")
_LEVEL_REST = re.compile(rf"[ \u00a0]+{_LEVEL}(?:[ \u00a0]+{_PLACE_TAIL})?")
_PLACE_REST = re.compile(rf"[ \u00a0]+{_PLACE_TAIL}")


# the second half of a joint name: "Cục Kế hoạch «- Tài chính»", "Phòng Tài
# chính «- Kế hoạch huyện»", "Sở Lao động «- Thương binh và Xã hội»"
MIN_TASK_CHARS = 10  # what is left of a duty must still say something
# the grammar's name ends where a duty begins: "Thủ trưởng các đơn vị thuộc Bộ" «cử công
# chức ...», "các tổ chức chính trị - xã hội xã" «phối hợp tuyên truyền ...»
_ROLE_WORDS = rf"có{WS}trách{WS}nhiệm|chủ{WS}trì|phối{WS}hợp"
_DUTY_AFTER = re.compile(rf"(?i)[ \u00a0]+(?:(?:{_ROLE_WORDS})[ \u00a0,]+)?{LINKED_VERB.pattern.removeprefix('(?i)')}")
_JOINT_REST = re.compile(rf"[ \u00a0]*[-–][ \u00a0]*{UPPER}[^\s]*(?:[ \u00a0]+[^\s]+){{0,6}}")


# a header's body over two lines: "ỦY BAN NHÂN DÂN\nPHƯỜNG NINH KIỀU" (D11.25)
_PLACE_LINE = re.compile(
    r"(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|QUẬN|XÃ|PHƯỜNG|ĐẶC KHU"
    r"|TINH|HUYEN|THANH PHO|THI XA|THI TRAN|QUAN|XA|PHUONG)\b"  # the diacritics lost (D0.2)
)


def _join_place_lines(text: str, spans: list[Span4], longest: dict[int, int]) -> list[Span4]:
    """Two AGENCY spans the grammar reads as one name broken at a line end,
    the second a place in capitals, are that one name."""
    out: list[Span4] = []
    for x in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev[2] == x[2] == "AGENCY"
            and longest.get(prev[0]) == x[1]
            and "\n" in text[prev[1] : x[0]]
            and not text[prev[1] : x[0]].strip()
            and _PLACE_LINE.match(text, x[0])
        ):
            out[-1] = (prev[0], x[1], "AGENCY", prev[3])
            continue
        out.append(x)
    return out


def complete_from_grammar(text: str, spans: list[Span4], grammar: list[tuple[int, int]]) -> list[Span4]:
    """Extend an AGENCY to the grammar's extent of the same name when what it
    left off is only the level or the place (D6.4: «Trường Chính trị tỉnh»,
    «UBND tỉnh Lạng Sơn»), and nothing else was found there; or the second
    half of a joint name after a hyphen, which the tagger reads as the start
    of the duty that follows («Cục Kế hoạch - Tài chính» + "bảo đảm kinh
    phí"): the duty then starts after the name."""
    longest = {}
    for a, b in grammar:
        longest[a] = max(b, longest.get(a, b))
    spans = _join_place_lines(text, sorted(spans), longest)
    starts = [x[0] for x in spans]
    out: list[Span4] = []
    moved: dict[int, int] = {}  # a TASK's start -> where it starts now
    for s, e, label, score in spans:
        g = longest.get(s, e)
        if label == "AGENCY" and g > e:
            i = bisect.bisect_right(starts, s)
            nxt = starts[i] if i < len(starts) else len(text)  # the next span starts there
            rest = _LEVEL_REST if not _ENDS_WITH_LEVEL.search(text, s, e) else _PLACE_REST
            if g <= nxt and rest.fullmatch(text, e, g):
                e = g
            elif (
                g <= nxt
                and _JOINT_REST.fullmatch(text, e, g)
                or g > nxt
                and spans[i][2] == "TASK"
                and spans[i][1] > g + MIN_TASK_CHARS
                and (_JOINT_REST.fullmatch(text, e, g) or _DUTY_AFTER.match(text, g))
            ):
                if g > nxt:
                    moved[nxt] = g + len(text[g : spans[i][1]]) - len(text[g : spans[i][1]].lstrip())
                e = g
        out.append((s, e, label, score))
    return [(moved.get(s, s) if label == "TASK" else s, e, label, score) for s, e, label, score in out]


_NAME_WORD_OPENING = re.compile(rf"[ \u00a0](?P<word>{UPPER}{LOWER}*)(?=[ \u00a0]+{LOWER})")
# after a place word the whole place name: «Sở Nội vụ tỉnh» + "Thái Nguyên khai giảng ..."
_PLACE_WORD_END = re.compile(
    r"(?i)(?:^|[ \u00a0])(?:tỉnh|huyện|xã|phường|quận|thị[ \u00a0]xã|thị[ \u00a0]trấn|thành[ \u00a0]phố)$"
)
_PLACE_NAME_OPENING = re.compile(
    rf"[ \u00a0](?P<word>{UPPER}{LOWER}*(?:[ \u00a0]{UPPER}{LOWER}*){{0,2}})(?=[ \u00a0]+{LOWER})"
)


def take_back_name_words(text: str, spans: list[Span4]) -> list[Span4]:
    """A capitalised word opening the TASK right after an AGENCY, with the
    duty going on in lower case, is the name's last word the tagger cut off:
    «Học viện Chính trị quốc gia Hồ Chí» + "Minh khai giảng lớp ..." gives
    «... Hồ Chí Minh» and "khai giảng lớp ..."; after a place word, the place's
    whole name («Sở Nội vụ tỉnh» + "Thái Nguyên khai giảng ..."). Not a capitalised verb that
    opens the duty ("Sở Nội vụ Tổ chức ...")."""
    spans = sorted(spans)
    out = list(spans)
    for i in range(len(spans) - 1):
        (s, e, label, score), (ts, te, tlabel, tscore) = spans[i], spans[i + 1]
        if label != "AGENCY" or tlabel != "TASK":
            continue
        name = _PLACE_NAME_OPENING if _PLACE_WORD_END.search(text, s, e) else _NAME_WORD_OPENING
        m = name.match(text, e)
        if m is None or m.start("word") != ts or ACTIVITY_OPENER.match(text, ts):
            continue
        rest = m.end("word") + len(text[m.end("word") : te]) - len(text[m.end("word") : te].lstrip())
        if te - rest >= MIN_TASK_CHARS:
            out[i], out[i + 1] = (s, m.end("word"), label, score), (rest, te, tlabel, tscore)
    return out
