"""People named in the running text of news items about a plan.

Plans name a person only in the signature (a structure rule); news items
name officials in the text, in two stock forms: an honorific before the name
("đồng chí Nguyễn Văn A", "ông ...", "bà ...") and the name before its office
("Đồng Thị Kiều Oanh, Giám đốc Sở Nội vụ, phát biểu"). The third form, the
name after "office + body", is split off the AGENCY in ``agency_bounds``.
A name must open with a Vietnamese surname and hold two to four syllables, so
that places and institutions named after people ("Hồ Chí Minh" in an
academy's name) are not taken for people: they have neither cue, and a name
before an office must open its clause.
"""

from __future__ import annotations

import re

from pipeline.entities.agency_bounds import OFFICE, OFFICE_OPENERS, SURNAMES
from pipeline.entities.patterns import guarded
from pipeline.metadata import provinces
from pipeline.normalize.text import LOWER, UPPER, name_key
from pipeline.structure.segmenter import is_site_chrome

_SP = r"[ \u00a0]"


def _name(given_min: int) -> str:
    """A surname and ``given_min`` to three more capitalised syllables, and
    no capitalised word after them."""
    return rf"(?!Hồ{_SP}+Chí{_SP}+Minh\b)(?:{SURNAMES})(?:{_SP}+{UPPER}{LOWER}*){{{given_min},3}}(?!{_SP}*{UPPER})"


_NAME = _name(1)
# an academic title is a cue as good as "ông": "TS. Nguyễn Văn Sơn", "PGS.TS Lê Văn
# Lợi", "ThS Hà Thị Mai" (the title stays outside the PERSON, schema: the name)
_DEGREES = ("GS", "PGS", "TS", "ThS", "BS", "BSCKII", "NGƯT", "NGND")
_DEGREE = rf"(?:(?:{'|'.join(_DEGREES)})\.?[ \u00a0]?){{1,2}}"
# (the guards, ``patterns.guarded``, list the words each pattern opens with)
_HONORIFIC_RX = rf"(?<!\w)(?:[Đđ]ồng{_SP}+chí|[Ôô]ng|[Bb]à|(?<![\w.]){_DEGREE}(?={_SP}*{UPPER})){_SP}*(?P<name>{_NAME})"
_HONORIFIC = guarded(("Đồng", "đồng", "Ông", "ông", "Bà", "bà", *_DEGREES), _HONORIFIC_RX)
# an office right before the name, with no body between: "Thứ trưởng «Lò Văn Thanh»
# phát biểu", "Giám đốc «Trần Thị Hoa» nhấn mạnh" (with a body, ``agency_bounds``
# splits the name off the AGENCY)
_AFTER_BARE_OFFICE_RX = rf"(?<!\w)(?:{OFFICE.pattern}){_SP}+(?P<name>{_NAME})"
_AFTER_BARE_OFFICE = guarded(OFFICE_OPENERS, _AFTER_BARE_OFFICE_RX, case_blind=True)
# trainees and lecturers named in a news item: "Ba học viên «Hoàng Văn Chiến», ..."
_ROLE_BEFORE_RX = rf"(?<!\w)(?:[Hh]ọc{_SP}+viên|[Gg]iảng{_SP}+viên|[Đđ]ại{_SP}+biểu){_SP}+(?P<name>{_NAME})"
_ROLE_BEFORE = guarded(("Học", "học", "Giảng", "giảng", "Đại", "đại"), _ROLE_BEFORE_RX)
# the rest of a list of names: "«Hoàng Văn Chiến», «Đặng Thị Lan» và «Ma Thị Hường»"
# (a full name of three or four syllables, as a place after a comma has two)
_FULL_NAME = _name(2)
_NEXT_NAME = re.compile(rf"{_SP}*(?:,|và|;){_SP}*(?P<name>{_FULL_NAME})")
# a later mention by the given name alone: "Bà «Hòa» cũng chỉ ra ...", not the
# province "Bà Rịa" nor a street ("đường Bà Triệu")
_GIVEN_NAME = re.compile(
    rf"(?<!\w)(?<!đường )(?<!phố )(?:[Ôô]ng|[Bb]à){_SP}+"
    rf"(?P<name>(?!Rịa\b){UPPER}{LOWER}+)(?={_SP}*[,.:;]|{_SP}+{LOWER})"
)
# the name opens its clause: after a line break or punctuation, not after a word
_BEFORE_OFFICE = re.compile(rf"(?m)(?:^|(?<=[.,;:(]))[ \u00a0*]*(?P<name>{_NAME}){_SP}*,{_SP}*(?:{OFFICE.pattern})")


# bylines and photo credits (D11.2) are pen names, often without a surname:
# "Ảnh: Minh Tuấn", "(Ảnh: Hoàng Phúc)", and a name alone on the line before
# the portal's buttons ("Thu Trang" over "Chia sẻ | In bài")
_PEN_NAME = (
    rf"(?:{UPPER}{LOWER}+(?:[ \u00a0]+{UPPER}{LOWER}+){{1,3}}"
    rf"|{UPPER}{{2,}}(?:[ \u00a0]+{UPPER}{{2,}}){{1,3}})"  # "Ảnh: THẢO NGUYÊN"
)
_CREDIT = re.compile(
    rf"(?m)(?:^|(?<=[(.]))[ \u00a0]*(?:Ảnh|Tin|Bài|(?:Tin|Bài)[ \u00a0]*(?:và|,|&)[ \u00a0]*ảnh)[ \u00a0]*:[ \u00a0]*"
    rf"(?P<name>{_PEN_NAME})[ \u00a0]*\)?[ \u00a0]*$"
)
_NAME_LINE = re.compile(rf"(?m)^[ \u00a0]*(?P<name>{_PEN_NAME})[ \u00a0]*$")


_NEXT_LINE = re.compile(r"\s*([^\n]*)")  # the next line that is not blank
# a portal's byline bar: "Minh Khôi | 20/11/2025 - 16:05 | Lượt xem: 1.284",
# "Thứ Hai, 15/09/2025 16:20 | Lượt xem: 1.284 | Minh Phương"
_COUNTER = re.compile(r"(?i)lượt[ \u00a0]+(?:xem|truy[ \u00a0]+cập)")
_BAR_NAME = re.compile(rf"(?:^|\|)[ \u00a0]*(?P<name>{_PEN_NAME})[ \u00a0]*(?=\||[-–][ \u00a0]*\d|$)")


def is_byline_bar(line: str) -> bool:
    """A chrome line whose author and date are annotated all the same (schema
    8, D11.2): a bar of items with a view counter."""
    return "|" in line and "\n" not in line.strip() and _COUNTER.search(line) is not None


def _bylines(text: str) -> list[tuple[int, int]]:
    out = []
    for counter in _COUNTER.finditer(text):  # the byline bar a view counter is on
        start = text.rfind("\n", 0, counter.start()) + 1
        end = text.find("\n", counter.end())
        line = text[start : end if end >= 0 else len(text)]
        if is_byline_bar(line):
            out += [(start + m.start("name"), start + m.end("name")) for m in _BAR_NAME.finditer(line)]
    for m in _NAME_LINE.finditer(text):
        next_line = _NEXT_LINE.match(text, m.end()).group(1).strip()
        if next_line and is_site_chrome(next_line) and not OFFICE.match(m.group("name")):
            out.append(m.span("name"))
    return out


def find_persons(text: str) -> list[tuple[int, int]]:
    cued = [m for rx in (_HONORIFIC, _ROLE_BEFORE, _BEFORE_OFFICE, _AFTER_BARE_OFFICE) for m in rx.finditer(text)]
    found = {m.span("name") for m in cued}
    found.update(m.span("name") for rx in (_GIVEN_NAME, _CREDIT) for m in rx.finditer(text))
    for m in cued:  # each cued name may open a list of names
        nxt = _NEXT_NAME.match(text, m.end("name"))
        while nxt:
            found.add(nxt.span("name"))
            nxt = _NEXT_NAME.match(text, nxt.end("name"))
    return sorted(found | set(_bylines(text)))


# a place word before a name: "tỉnh «Quảng Trị»", "Đồng bằng sông «Cửu Long»"
_PLACE_BEFORE = re.compile(
    r"(?i)(?:tỉnh|thành[ \u00a0]+phố|huyện|quận|thị[ \u00a0]+xã|thị[ \u00a0]+trấn|xã|phường|sông|vùng|miền)[ \u00a0]+$"
)
# a word no person's name holds: a news item's source credit "(«Website Văn Phòng») - Ngày ..."
_WEB_WORD = re.compile(r"(?i)(?<!\w)(?:website|web|portal|online|e-?mail|facebook|zalo|cổng|báo)(?!\w)")


def drop_non_persons(text: str, spans: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    """A PERSON the tagger found in a place's name or a source credit is
    none: a province's name or two syllables after a place word ("Giám đốc
    Đại học «Thái Nguyên»", "Quảng Trị, ngày ...", "sông «Cửu Long»"), or a
    name holding a web word ("(Website Văn Phòng) - Ngày 15/5/2020")."""
    places = provinces()

    def none(s: int, e: int) -> bool:
        name = text[s:e]
        return (
            name_key(name) in places
            # a place has two syllables; "Phó Chủ tịch UBND tỉnh «Trần Minh Khôi»" is a person
            or (len(name.split()) <= 2 and _PLACE_BEFORE.search(text, max(0, s - 20), s) is not None)
            or _WEB_WORD.search(name) is not None
        )

    return [x for x in spans if x[2] != "PERSON" or not none(x[0], x[1])]
