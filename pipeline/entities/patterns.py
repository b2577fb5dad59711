"""Deterministic recognisers for the regular labels: LEGAL_REF, DATE, PERCENT,
QUOTA, MONEY.

Written as compiled regular expressions over the document text (not over
tokens) because the conversion damage they must survive is character-level:
stray spaces ("269 /QĐ-UBND", "05 /12/2011"), line breaks inside a mention
("Nghị\\nquyết"), markdown inside ("**10.635** chỉ tiêu"), missing diacritics
in capitals. Each pattern is anchored on its unit (a document-type word, a
"%" sign, a count noun, "đồng") so that precision stays high; the trained
tagger sees these spans as features and learns the exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalize.numbers import NUMBER_WORDS, SCALE_WORDS

DIGIT = r"\d"  # an opener of ``guarded``: any digit


def guarded(openers: tuple[str, ...], pattern: str, flags: int = 0, case_blind: bool = False) -> re.Pattern[str]:
    """Compile ``pattern`` behind look-aheads on how a match can open:
    ``openers`` are the words (or first syllables) a match can start with,
    as literal text, or ``DIGIT``; ``case_blind`` when the pattern's own
    opening words are. Patterns that open with an optional word ("ít nhất",
    "khoảng") make Python's engine try every alternative at every position
    of the text. A class of the openers' first characters rejects most
    positions in one test, the words most of the rest, for the same matches
    (``tests/test_patterns.py`` checks it) in a third to a half of the time.
    The class is built from the words, so it can never leave an opener out."""
    firsts = "".join(sorted({w if w == DIGIT else re.escape(w[0]) for w in openers}))
    words = "|".join(w if w == DIGIT else re.escape(w) for w in openers)
    if case_blind:
        return re.compile(f"(?=(?i:[{firsts}]))(?=(?i:{words}))(?:{pattern})", flags)
    return re.compile(f"(?=[{firsts}])(?={words})(?:{pattern})", flags)


_WS = r"[ \t\u00a0]*(?:\n[ \t\u00a0]*)?"  # spaces, at most one line break
_SP = r"[ \t\u00a0]+"
_SPN = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"  # a gap between words, at most one line break (D0.2)
_NUM = (
    # a group the conversion broke with a space ("3.1 00.000.000 đồng", "1.8 50 lượt người"):
    # the pieces make three digits, so the number is read whole
    r"\d{1,3}(?:[.,]\d{3})*[.,](?:\d[ \t]\d{2}|\d{2}[ \t]\d)(?!\d)(?:[.,]\d{3})*"
    r"|\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"  # 5.950 / 11.147.406.000 / 4.567,35 / 11,3 / 75
)

# --- LEGAL_REF -----------------------------------------------------------------
_DOC_TYPES = (
    r"Nghị\s*định|Nghị\s*quyết|Quyết\s*định|Thông\s*tư(?:\s*liên\s*tịch)?|Chỉ\s*thị|Kế\s*hoạch|Công\s*văn|"
    r"Hướng\s*dẫn|Thông\s*báo|Tờ\s*trình|Báo\s*cáo|Kết\s*luận|Quy\s*định|Pháp\s*lệnh|Đề\s*án|Chương\s*trình|"
    r"Văn\s*bản|Lệnh|Nghị\s*định\s*thư|Quy\s*chế"
)
# a document symbol: number, optional year, then agency codes joined by / - or .
_SYMBOL = (
    # a number the conversion split ("số 4 5/KH-UBND", "số 1 2/2012/NQ-HĐND"), read whole (D11.13)
    r"(?:\d{1,2}[ \t]\d{1,3}(?=[ \t]*/)|\d{1,5}[a-z]?)[ \t]*(?:/[ \t]*\d{4})?[ \t]*[/-][ \t]*"  # "30c/NQ-CP"
    # a dot joins parts only without spaces: "... 12/NQ-HĐND«. Mức chi»" ends the symbol;
    # a hyphen may end a line ("2315/SNV-\nCCVC")
    r"[A-ZĐ][A-ZĐa-zđ0-9&]*(?:(?:[ \t]*/[ \t]*|[ \t]*-(?:[ \t]*\n)?[ \t]*|\.)[A-ZĐ0-9][A-ZĐa-zđ0-9&]*)*"
)
_LEGAL_NUMBERED = rf"(?P<type>(?:{_DOC_TYPES})(?:{_SP}liên{_SP}tịch)?)(?:{_WS}số)?{_WS}:?{_WS}(?P<symbol>{_SYMBOL})"
# a numbered citation opens with the first syllable of its document type
_DOC_TYPE_FIRST = tuple(sorted({t.split("\\s*")[0] for t in _DOC_TYPES.split("|")}))
LEGAL_NUMBERED = guarded(_DOC_TYPE_FIRST, _LEGAL_NUMBERED, re.IGNORECASE)
# upper-case titles keep their symbol: "CHỈ THỊ SỐ 28/CT-TTG"
# and so do the Party's ("Số 46-KH/TU", "302-QĐ/TW")
_LEGAL_BARE_SYMBOL = (
    r"(?<![\w/])(?P<symbol>\d{1,5}[a-z]?(?:/\d{4})?/[A-ZĐ]{1,6}-[A-ZĐ][A-ZĐ0-9&-]*"
    r"|\d{1,5}-[A-ZĐ]{1,5}/[A-ZĐ]{1,6}(?![\w/]))"
)
LEGAL_BARE_SYMBOL = guarded((DIGIT,), _LEGAL_BARE_SYMBOL)
# a law's title runs up to "năm YYYY" (kept) or to a following date (not kept);
# commas belong to titles ("Luật Cán bộ, công chức năm 2008")
_TITLE_WORD = r"(?:[ \t]+|\n)(?!ngày\b|tháng\b|năm\b|Căn\b)[^\s;.()\n<]+"
_LAW = rf"(?P<title>(?:Bộ\s+)?Luật(?:{_TITLE_WORD}){{1,30}}?)(?P<year>[ \t]+năm[ \t]*\d{{4}})"
LAW = guarded(("Bộ", "Luật"), _LAW)
# a law school or a field of study is no law: "Trường Đại học «Luật» Hà Nội",
# "ngành «Luật»"; nor does a title run on into the next cell of an HTML table
_NOT_A_LAW = r"(?<!\w)(?<!Đại học )(?<!ngành )(?<!Khoa )(?<!Cử nhân )"
_LAW_NO_YEAR = (
    _NOT_A_LAW + r"Luật[ \t]+(?:[A-ZĐ]\w*|tổ chức|ngân sách|ban hành|cán bộ|viên chức)"
    r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)[^\s;.()<]+){0,10}?"
    r"(?=[ \t\n]+ngày\b|[;.)<]|[ \t]+và[ \t]+Luật|,[ \t]+(?:Luật|Nghị|Quyết|Thông)|[ \t]*\n[ \t]*\n|[ \t]*$"
    r"|[ \t]+(?:và|cùng)[ \t]+(?:các|những)\b)"  # "Luật Ngân sách nhà nước «và các văn bản hướng dẫn»"
)
LAW_NO_YEAR = guarded(("Luật",), _LAW_NO_YEAR)
# an amending law is one title, the laws it amends inside it: "Luật sửa đổi, bổ sung
# một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
_LAW_AMENDING = (
    r"(?<!\w)Luật[ \t]+sửa[ \t]+đổi,?[ \t]+bổ[ \t]+sung[^;.()\n]*?"
    r"(?:[ \t]+năm[ \t]*\d{4}|(?=[ \t\n]+ngày\b|[;.)]|[ \t]*\n|[ \t]*$))"
)
LAW_AMENDING = guarded(("Luật",), _LAW_AMENDING)
# a tab or a gap of three spaces is a column break: "Số: 1845/KH-UBND<TAB>Hà Nam, ngày ..."
HEADER_NUMBER = re.compile(
    r"(?m)^[ \t*]*Số(?:[ \t]*hiệu)?[ \t]*:[ \t]*(?:\n[ \t]*)?"
    r"(?P<symbol>\d{1,5}(?:[^\n|\t ]| {1,2}(?! ))*?/(?:[^\n|\t ]| {1,2}(?! ))*?)[ *]*(?:\|?[ \t]*$|\t| {3}|[ \t]*\|)"
)
URL = re.compile(r"\b(?:https?://|www\.)\S+")
VISION_YEAR = re.compile(r"tầm[ \t]+nhìn[ \t]+(?:đến|tới)[ \t]+(?P<date>(?:năm[ \t]+)?(?:19|20)\d{2})")

# --- DATE ------------------------------------------------------------------------
_YEAR = r"(?:19|20)\d{2}"
_DAYMONTH = r"\d{1,2}[ \t]*/[ \t]*\d{1,2}"
_QUARTER_NO = r"(?:IV|I{1,3}|[1-4])(?!\w)"  # IV before I: "quý IV" is not "quý I" + "V"
# after "ngày" a day the conversion split ("ngày 2 6 tháng 01", "ngày 1 5/12/2015")
_SPLIT_DAY = rf"(?:[Nn]gày|NGÀY){_WS}[1-3][ \t]\d(?=[ \t]*(?:/|tháng))"
_DAY = (
    rf"(?:{_SPLIT_DAY}|(?:(?:[Nn]gày|NGÀY){_WS})?\d{{1,2}})"
    rf"(?:{_WS}tháng{_WS}\d{{1,2}}{_WS}năm{_WS}{_YEAR}|[ \t]*/[ \t]*\d{{1,2}}[ \t]*/[ \t]*{_YEAR})"
)
_RECURS = rf"{_SP}h[àằ]ng{_SP}năm"
# a month or a quarter, with its year or not: "tháng 9/2025", "quý III năm 2025", "tháng 3"
_MONTH_OR_QUARTER = (
    rf"(?:[Tt]háng|THÁNG|[Qq]uý|QUÝ){_SP}(?:\d{{1,2}}|{_QUARTER_NO})(?:[ \t]*/[ \t]*{_YEAR}|{_SP}năm{_SP}{_YEAR})?"
)
_DATE_ALTS = [
    # a range of months or quarters keeps its opening word (D4.3, D4.7): "Từ tháng 9/2025 đến tháng 6/2027"
    rf"(?:[Tt]ừ|TỪ){_SP}{_MONTH_OR_QUARTER}{_WS}(?:-|–|đến(?:{_SP}hết)?){_WS}{_MONTH_OR_QUARTER}",
    rf"{_MONTH_OR_QUARTER}[ \t]*(?:-|–)[ \t]*{_MONTH_OR_QUARTER}",  # "Tháng 5 - tháng 8/2024"
    # months sharing their year: "Tháng 5 - 7/2026", "tháng 3, 4 năm 2026", "Tháng 6 và tháng 12/2025"
    rf"(?:(?:[Tt]ừ|TỪ){_SP})?(?:[Tt]háng|THÁNG){_SP}\d{{1,2}}[ \t]*(?:-|–|,|{_SP}và{_SP}|{_SP}đến{_SP})[ \t]*"
    rf"(?:tháng{_SP})?\d{{1,2}}"
    rf"(?:[ \t]*/[ \t]*{_YEAR}|{_SP}năm{_SP}{_YEAR})",
    # a range of days keeps its opening word (D4.3): "từ ngày 01/3/2021 đến ngày 30/6/2021"
    rf"(?:[Tt]ừ|TỪ){_SP}(?:{_DAY}){_WS}(?:-|–|đến(?:{_SP}hết)?){_WS}(?:{_DAY})",
    # ... the first day sharing the last one's year: "từ ngày 16/9 đến ngày 25/10/2024"
    rf"(?:[Tt]ừ|TỪ){_SP}(?:[Nn]gày{_WS})?\d{{1,2}}(?:[ \t]*/[ \t]*\d{{1,2}})?{_WS}(?:-|–|đến){_WS}(?:{_DAY})",
    rf"(?:{_SPLIT_DAY}|(?:[Nn]gày|NGÀY){_WS}\d{{1,2}}){_WS}tháng{_WS}\d{{1,2}}{_WS}năm{_WS}{_YEAR}",
    # "ngay 25/8/2025": a text that lost its diacritics (only with a full date)
    rf"(?:{_SPLIT_DAY}|(?:[Nn]gày|NGÀY|[Nn]gay|NGAY){_WS}\d{{1,2}})[ \t]*/[ \t]*\d{{1,2}}[ \t]*/[ \t]*{_YEAR}",
    # "05-02-2021", "05.02.2021": one separator throughout, a four-digit year
    rf"(?:(?:[Nn]gày|NGÀY){_WS})?(?<![\d/.-])\d{{1,2}}-\d{{1,2}}-{_YEAR}(?![\d/.-])",
    rf"(?:(?:[Nn]gày|NGÀY){_WS})?(?<![\d/.-])\d{{1,2}}\.\d{{1,2}}\.{_YEAR}(?![\d/.-])",
    rf"(?:[Nn]gày){_WS}\d{{1,2}}{_WS}tháng{_WS}\d{{1,2}}(?!{_WS}năm)(?:{_RECURS})?",
    # a day of every month or quarter: "trước ngày 30 hằng tháng", "ngày 25 hàng quý"
    rf"(?:[Nn]gày|NGÀY){_SP}\d{{1,2}}{_SP}h[àằ]ng{_SP}(?:tháng|quý|năm)",
    rf"(?:[Nn]gày|NGÀY){_WS}{_DAYMONTH}(?![ \t]*/)(?:{_RECURS})?",
    # a news item's day: "Sáng 14/3, Sở Nội vụ ..."
    rf"(?:(?<=[Ss]áng )|(?<=[Cc]hiều )|(?<=[Tt]ối )|(?<=[Tt]rưa )){_DAYMONTH}(?![ \t]*/|\d)",
    rf"(?<![\d/]){_DAYMONTH}[ \t]*/[ \t]*{_YEAR}(?![\d/])",
    # quarters, one or several sharing their year: "Quý I, II năm 2022" (as years do, D4.4)
    rf"(?:(?:cuối|đầu|giữa){_SP})?(?:[Qq]uý|QUÝ){_SP}{_QUARTER_NO}"
    rf"(?:(?:[ \t]*,[ \t]*|{_SP}và{_SP})(?:(?:[Qq]uý|QUÝ){_SP})?(?:IV|I{{1,3}})(?!\w))*"
    rf"(?:[ \t]*/[ \t]*{_YEAR}|{_SP}năm{_SP}{_YEAR}|{_RECURS})?",
    rf"(?:cuối{_SP}|đầu{_SP}|giữa{_SP})?(?:[Tt]háng|THÁNG){_SP}\d{{1,2}}(?:[ \t]*/[ \t]*{_YEAR}|{_SP}năm{_SP}{_YEAR}|{_RECURS})",
    rf"(?<![\d/]){_DAYMONTH}{_RECURS}",
    rf"(?:[Gg]iai{_SP}đoạn|GIAI{_SP}ĐOẠN|[Nn]hiệm{_SP}kỳ|[Nn]ăm{_SP}học|[Kk]hóa|[Kk]hoá)(?:{_SP}từ)?(?:{_SP}năm)?{_WS}{_YEAR}{_WS}"
    rf"(?:-|–|—|đến(?:{_SP}năm)?){_WS}{_YEAR}",
    rf"(?:[Tt]ừ{_SP})?(?:[Nn]ăm|NĂM){_SP}{_YEAR}{_WS}(?:-|–|đến(?:{_SP}hết)?(?:{_SP}năm)?){_WS}{_YEAR}",
    # "từ" only opens a range: "Bảo đảm từ năm 2019, ..." → «năm 2019» (D4.2)
    rf"năm{_SP}{_YEAR}(?:,{_SP}{_YEAR}|{_SP}(?:và|-){_SP}{_YEAR})?",
    rf"(?:nửa{_SP}(?:đầu|cuối){_SP}|\d{{1,2}}{_SP}tháng{_SP}(?:đầu|cuối){_SP}|cuối{_SP}|đầu{_SP})năm{_SP}{_YEAR}",
    rf"(?:[Nn]ăm|NĂM){_SP}{_YEAR}",
    # a capitalised heading that lost its diacritics: "KẾ HOẠCH ... NAM 2024" (not "VIỆT NAM 2024")
    rf"(?<!VIỆT )(?<!VIET )(?<!MIỀN )(?<!MIEN )(?<!HÀ )(?<!HA )(?<!QUẢNG )(?<!QUANG )(?<!PHÍA )(?<!ĐÔNG )"
    rf"(?<!TÂY )(?<![\w])NAM{_SP}{_YEAR}(?!\d)",
    rf"(?:(?:[Tt]ừ|TỪ){_SP})?(?<![\d/.-]){_YEAR}[ \t]*(?:-|–)[ \t]*{_YEAR}(?![\d/])",
]
_DATE = "|".join(f"(?:{a})" for a in _DATE_ALTS)
# what a date can open with: a digit or one of its opening words (their first
# syllable is enough: one letter, "t" or "n", would let most positions through)
DATE = guarded(
    (DIGIT, "Từ", "từ", "TỪ", "Ngày", "ngày", "NGÀY", "Ngay", "ngay", "NGAY", "Quý", "quý", "QUÝ", "cuối", "đầu",
     "giữa", "Tháng", "tháng", "THÁNG", "Giai", "giai", "GIAI", "Nhiệm", "nhiệm", "Năm", "năm", "NĂM", "NAM", "nửa",
     "Kh", "kh"),
    _DATE,
)  # fmt: skip
# a bare year is a DATE only in specific places (table headers, "tầm nhìn đến 2030")
BARE_YEAR = re.compile(rf"(?<![\d/.,-]){_YEAR}(?![\d/.,-])")

# --- PERCENT ---------------------------------------------------------------------
# bound words of the schema, and the negated ones that say the same ("không quá" is
# "tối đa", "không dưới" is "ít nhất"); not "đạt" (schema)
_BOUND_WORDS = r"ít nhất|tối thiểu|tối đa|không vượt quá|không quá|không dưới|không ít hơn|khoảng|gần|hơn|trên|dưới|từ"
_BOUND_BEFORE = rf"(?:(?:{_BOUND_WORDS})[ \t]+)?"
_PERCENT = (
    rf"(?i:{_BOUND_BEFORE})(?:\d+(?:[.,]\d+)?[ \t]*%?[ \t]*(?:-|–|đến)[ \t]*)?\d+(?:[.,]\d+)?[ \t]*%"
    r"(?:[ \t]+(?:trở lên|trở xuống))?"
)
# the first letter of a bound word ("ít nhất", "khoảng", "dưới"), in either case, or a digit
# (a character class: cheaper here than the bound words themselves, measured)
# a bound word's first syllable, or the number itself
_BOUND_FIRST = (DIGIT, *sorted({w.split()[0] for w in _BOUND_WORDS.split("|")}))
PERCENT = guarded(_BOUND_FIRST, _PERCENT, case_blind=True)

# --- MONEY -----------------------------------------------------------------------
_MONEY = (
    rf"(?i:(?:{_BOUND_WORDS}){_SPN})?(?:(?:{_NUM})[ \t]*(?:-|–|đến)[ \t]*)?(?:{_NUM})(?:\*\*)?{_WS}"
    rf"(?:(?:nghìn|ngàn|triệu|tỷ|tỉ){_SPN})?(?:đồng|VNĐ|VND|đ)(?!\w)"
    # a rate keeps what it is per: "50.000 đồng/người/ngày"
    r"(?:[ \t]*/[ \t]*(?:người|học[ \t]+viên|lớp|ngày|buổi|tháng|năm|khóa|khoá|lượt|suất|tiết|giờ)(?!\w)){0,3}"
)
MONEY = guarded(_BOUND_FIRST, _MONEY, case_blind=True)
# the unit after an amount written out: "(Bằng chữ: Sáu tỷ, bốn trăm ... nghìn đồng)"
_WORDS_UNIT = re.compile(r"(?<!\w)(?:đồng|VNĐ|VND)(?!\w)(?![ \t]+(?:chí|bộ|thời|ý)\b)")
_WORD = re.compile(r"[^\W\d_]+")
_WORD_GAP = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+")


def money_in_words(text: str) -> list[tuple[int, int]]:
    """Amounts written out in words before "đồng" (D11.3): at least two number
    words, one of them "trăm" or a scale word, so that "hai đồng" is not one."""
    out: list[tuple[int, int]] = []
    for unit in _WORDS_UNIT.finditer(text):
        lo = max(0, unit.start() - 200)
        words = list(_WORD.finditer(text, lo, unit.start()))
        start, taken, end = None, [], unit.start()
        for w in reversed(words):
            if w.group().lower() not in NUMBER_WORDS or not _WORD_GAP.fullmatch(text, w.end(), end):
                break
            start, end = w.start(), w.start()
            taken.append(w.group().lower())
        if start is not None and len(taken) >= 2 and any(t == "trăm" or t in SCALE_WORDS for t in taken):
            out.append((start, unit.end()))
    return out


# --- QUOTA -----------------------------------------------------------------------
_COUNT_NOUNS = (
    rf"lượt{_SPN}người|lượt|người|học{_SPN}viên|chỉ{_SPN}tiêu|lớp|khóa{_SPN}học|khoá{_SPN}học|khóa|khoá|đồng{_SPN}chí|"
    r"cán[ \t]+bộ(?:,[ \t]+(?:công[ \t]+chức(?:,[ \t]+viên[ \t]+chức)?|đảng[ \t]+viên))?|"
    r"công[ \t]+chức(?:,[ \t]+viên[ \t]+chức)?|viên[ \t]+chức(?:,[ \t]+người[ \t]+lao[ \t]+động)?|đại[ \t]+biểu|đảng[ \t]+viên|suất|hội[ \t]+nghị|buổi|đợt|lần|"
    # not "chuyên đề": a count of topics is a count of content (D5.4)
    r"cuộc|giảng[ \t]+viên|sinh[ \t]+viên|quần[ \t]+chúng|tiến[ \t]+sĩ|thạc[ \t]+sĩ"
)
_COUNTED = (
    r"(?:[ \t]+(?:cán bộ, công chức, viên chức|cán bộ, công chức|cán bộ, đảng viên|cán bộ hội(?! (?:đồng|nghị|thảo))|cán bộ đoàn|cán bộ|"
    r"công chức, viên chức|công chức|viên chức, người lao động|viên chức|người lao động|người|học viên|"
    r"giảng viên|giáo viên|đoàn viên|hội viên|đồng chí)(?!\w))?"
)
_QUOTA = (
    rf"(?i:(?:{_BOUND_WORDS}){_SPN})?"
    # "/" after a count noun starts a second count ("01 lớp/45 học viên"), not after a digit
    rf"(?<![\d.,])(?<!\d/)(?:{_NUM})(?:\*\*)?(?:[ \t]*(?:-|–|đến)[ \t]*(?:{_NUM}))?[ \t]*(?:\*\*)?{_WS}"
    rf"(?:{_COUNT_NOUNS})(?!\w)(?:[ \t]*/[ \t]*(?:năm|khóa|lớp))?" + _COUNTED
)
QUOTA = guarded(_BOUND_FIRST, _QUOTA, case_blind=True)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    label: str
    pattern: str


_EDGE = " \t\n\r\u00a0.,;:)]*"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def find_all(text: str) -> list[Match]:
    """All pattern matches, overlapping ones resolved: the longer span wins,
    LEGAL_REF over DATE (a date inside a reference is not a DATE), and a
    document number is never a DATE or QUOTA."""
    found: list[Match] = []
    for m in HEADER_NUMBER.finditer(text):
        found.append(Match(*_trim(text, m.start("symbol"), m.end("symbol")), "LEGAL_REF", "header"))
    for m in VISION_YEAR.finditer(text):
        found.append(Match(m.start("date"), m.end("date"), "DATE", "vision"))
    for m in LEGAL_NUMBERED.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "LEGAL_REF", "numbered"))
    for m in LAW.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "LEGAL_REF", "law"))
    for m in LAW_AMENDING.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "LEGAL_REF", "law"))
    for m in LAW_NO_YEAR.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "LEGAL_REF", "law"))
    for m in LEGAL_BARE_SYMBOL.finditer(text):
        found.append(Match(m.start(), m.end(), "LEGAL_REF", "symbol"))
    for m in MONEY.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "MONEY", "money"))
    for s, e in money_in_words(text):
        found.append(Match(s, e, "MONEY", "money_words"))
    for m in PERCENT.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "PERCENT", "percent"))
    for m in QUOTA.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "QUOTA", "quota"))
    for m in DATE.finditer(text):
        found.append(Match(*_trim(text, m.start(), m.end()), "DATE", "date"))
    priority = {"LEGAL_REF": 0, "MONEY": 1, "PERCENT": 2, "QUOTA": 3, "DATE": 4}
    urls = [m.span() for m in URL.finditer(text)]
    found = [f for f in found if f.end > f.start and not any(a <= f.start < b for a, b in urls)]
    found.sort(key=lambda f: (-(f.end - f.start), priority[f.label], f.start))
    kept: list[Match] = []
    taken = bytearray(len(text))  # 1 where a kept match covers the character
    for f in found:
        if any(taken[f.start : f.end]):
            continue
        kept.append(f)
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    return sorted(kept, key=lambda f: f.start)
