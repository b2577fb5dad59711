"""A small grammar of Vietnamese public-body names.

    AGENCY  := [OFFICE] BODY | COLLECTIVE
    OFFICE  := Giám đốc | Chủ tịch | Chánh Văn phòng | Thủ trưởng | ...
    BODY    := HEAD NAME* PLACE?
    HEAD    := Ủy ban nhân dân | UBND | Sở | Ban | Bộ | Học viện | Trường | ...
    NAME    := Title-case or upper-case syllables (and "và", "&", "-" between them)
               plus the few lower-case words that live inside names
    PLACE   := tỉnh | huyện | thành phố | ... followed by a Title-case place name
    COLLECTIVE := các sở, ban, ngành (tỉnh) | các cơ quan, đơn vị (có) liên quan | ...

It is the AGENCY recogniser of the pure-rules configuration and a feature of
the trained tagger, which learns where annotators cut differently.
"""

from __future__ import annotations

import re

from pipeline.normalize.text import LOWER_LETTERS, UPPER_LETTERS

_LOWER = LOWER_LETTERS
_UPPER = UPPER_LETTERS
U = f"[{_UPPER}]"
L = f"[{_LOWER}]"
_TITLE = rf"{U}{L}*(?![{_UPPER}{_LOWER}])"  # Nội, Đầu; whole words: not the "N" of "NĂM"
# an acronym (UBND, HĐND, MTTQ, CCVC), not an upper-case word of a title
_CAPS = rf"(?!(?:NGÀY|SỐ|NĂM|THÁNG|QUY|ĐỊNH|VỀ|VIỆC|CỦA|VÀ|KẾ|HOẠCH|TRIỂN|KHAI)(?![{_UPPER}]))[{_UPPER}]{{2,6}}[0-9]*"
_WORD_GAP = r"[ \u00a0]+"  # not a tab: tabs separate table cells

OFFICES = (
    "Chánh Văn phòng", "Phó Chánh Văn phòng", "Chủ tịch", "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc",
    "Thủ trưởng", "Bộ trưởng", "Thủ tướng", "Phó Thủ tướng", "Trưởng ban", "Phó Trưởng ban",
    "Chánh Thanh tra", "Phó Chánh Thanh tra", "Hiệu trưởng", "Phó Hiệu trưởng", "Viện trưởng", "Phó Viện trưởng",
    "Cục trưởng", "Phó Cục trưởng", "Tổng cục trưởng", "Phó Tổng cục trưởng", "Vụ trưởng", "Phó Vụ trưởng", "Trưởng phòng",
    "Phó Trưởng phòng", "Chủ nhiệm", "Phó Chủ nhiệm", "Bí thư", "Phó Bí thư", "Thứ trưởng", "Tổng Giám đốc",
    "Phó Tổng Giám đốc",
    "Thường trực", "Ban Thường vụ", "Ban Chấp hành",
)  # fmt: skip
HEADS = (
    "Ủy ban nhân dân", "Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "Hội đồng nhân dân",
    "HỘI ĐỒNG NHÂN DÂN", "Ủy ban Mặt trận Tổ quốc", "Ủy ban MTTQ", "Mặt trận Tổ quốc", "Ủy ban Kiểm tra",
    "Ban Chỉ đạo", "Ban cán sự Đảng", "Ban Thường vụ", "UBND", "HĐND", "UBMTTQ", "MTTQ",
    "Sở", "Ban", "Bộ", "Học viện", "Trường", "Văn phòng", "Phòng", "Trung tâm", "Thanh tra", "Cục", "Vụ",
    "Tổng cục", "Viện", "Đài", "Báo", "Công an", "Bộ Chỉ huy", "Kho bạc", "Liên đoàn", "Hội", "Tỉnh ủy",
    "Tỉnh uỷ", "Huyện ủy", "Thành ủy", "Thị ủy", "Đảng ủy", "Đảng bộ", "Chính phủ", "Quân khu", "Tỉnh đoàn",
    "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ", "Liên minh Hợp tác xã", "Ngân hàng", "Kiểm toán", "Bệnh viện",
    # state-owned groups that train officials (digital skills): "Viettel Tuyên Quang", "VNPT Huế"
    "Viettel", "VNPT", "MobiFone", "Bưu điện", "Tập đoàn", "Tổng công ty",
    "SỞ", "BAN", "BỘ", "CHÍNH PHỦ", "THỦ TƯỚNG CHÍNH PHỦ",
)  # fmt: skip
# lower-case syllables that end a name: verbs, prepositions, function words
_STOP = (
    "chủ", "phối", "tổ", "xây", "thực", "triển", "ban", "hướng", "có", "là", "về", "của", "với", "cho", "tại",
    "theo", "trong", "đã", "sẽ", "được", "đề", "báo", "chỉ", "tham", "giao", "các", "thuộc", "trực", "và",
    "để", "đến", "từ", "trên", "phát", "tiếp", "tập", "kiểm", "làm", "mời", "cử", "gửi", "trình", "quy",
    "hoặc", "nhằm", "đối", "khi", "thì", "nếu", "do", "bằng", "vào", "ra", "đi", "lên", "năm", "ngày",
    "tháng", "số", "chịu", "căn", "ký", "cũng", "đang", "(?<!Hậu[ \u00a0])cần", "phải", "không", "nhưng", "tổng", "rà",
    "đánh", "hỗ", "bố", "lập", "sắp", "nâng", "tăng", "đẩy", "(?<!Đảm[ \u00a0])bảo", "đảm", "quản", "sử", "chuẩn", "yêu",
    "khai(?=[ \u00a0]+(?:giảng|mạc))", "bế", "mở", "tuyển",  # "... tỉnh Bắc Ninh khai giảng lớp", "mở lớp"; not "Kê khai"
    "mỗi", "tự",  # "Trường Hải quan Việt Nam «mỗi» năm", "Cục Thuế «tự» tổ chức"
    "dự(?![ \u00a0]+(?:án|toán|bị|báo|trữ|phòng))",  # "... Đinh Quang Vĩnh «dự» hội nghị"; not "Ban Quản lý dự án"
)  # fmt: skip
_LWORD = rf"(?!(?:{'|'.join(_STOP)})(?![{_LOWER}]))[{_LOWER}]+"
PLACE_WORDS = r"(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn|đặc khu|TP\.?|Thành phố)"
_PLACE_CAPS = r"(?:TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|QUẬN|XÃ|PHƯỜNG|ĐẶC KHU)"
_LEVEL = r"(?:cấp tỉnh|cấp huyện|cấp xã|các cấp|Trung ương|trung ương|TW)"


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", _WORD_GAP) for w in sorted(words, key=len, reverse=True))


_HEAD_ALT = _alt(HEADS)
# a name word: Title-case (or upper-case) syllable, then up to three lower-case
# syllables of the same compound ("Nội vụ", "Chính trị quốc gia", "khu vực")
_NAMEWORD = rf"(?:{_CAPS}|{_TITLE})(?:{_WORD_GAP}{_LWORD}){{0,3}}"
# a comma joins name parts ("Văn hóa, Thể thao và Du lịch") but not a new body
_DOC_WORDS = "Kế hoạch|Quyết định|Nghị|Thông tư|Chương trình|Chỉ thị|Đề án|Công văn"
_JOIN = (
    # "và" before a numbered document ends the name: "của UBND tỉnh Đắk Nông «và Kế hoạch số 86»"
    rf"(?:{_WORD_GAP}|[ \u00a0]*(?:-|–|&|và)[ \u00a0]*(?!(?:{_DOC_WORDS})[^\n,;]{{0,12}}?(?:số|\d))"
    rf"|[ \u00a0]*,[ \u00a0]*(?!(?:{_HEAD_ALT}|{_alt(OFFICES)}|{_DOC_WORDS})(?![{_LOWER}{_UPPER}])))"
)
_NAME = rf"(?:{_WORD_GAP}(?!hành\b){_LWORD}(?:{_WORD_GAP}{_LWORD}){{0,2}})?(?:{_JOIN}{_NAMEWORD})*"
_PLACE_NAME = rf"(?:{_TITLE}|{_CAPS})(?:[ \u00a0\-]+(?:{_TITLE}|{_CAPS})){{0,3}}"
_PLACE_LIST = rf"{PLACE_WORDS}(?:[ \u00a0]*,[ \u00a0]*{PLACE_WORDS})*"
_PLACE = (
    rf"(?:{_WORD_GAP}(?:các{_WORD_GAP})?{_PLACE_LIST}(?:{_WORD_GAP}{_PLACE_NAME})?"
    rf"|(?:[ \u00a0]*|[ \u00a0]*\n[ \u00a0]*){_PLACE_CAPS}(?:{_WORD_GAP}{_CAPS}){{0,3}}"
    rf"|{_WORD_GAP}{_LEVEL})?"
)
_BODY = rf"(?:{_HEAD_ALT}){_NAME}{_PLACE}"
_COLLECTIVE = (
    r"(?:[Cc]ác|[Tt]hủ trưởng các|UBND các|Ủy ban nhân dân các|Uỷ ban nhân dân các|Chủ tịch UBND các)"
    r"(?:[ \u00a0]*,?[ \u00a0]*(?:huyện ủy|huyện uỷ|thành ủy|thành uỷ|thị ủy|thị uỷ|quận ủy|quận uỷ|"
    r"sở|ban|ngành|cơ quan|đơn vị|địa phương|huyện|quận|thị xã|thị trấn|thành phố|xã|phường|"
    r"đặc khu|cơ sở|trường|cấp ủy|cấp uỷ|đảng ủy|đảng uỷ|tổ chức cơ sở đảng|tổ chức đảng|chi bộ|đảng bộ|tổ chức|hội|đoàn thể|"
    # the levels of schools: "các trường mầm non, tiểu học, trung học cơ sở"
    r"mầm non|tiểu học|trung học cơ sở|trung học phổ thông|THCS|THPT)(?![\w])){1,8}"
    r"(?:[ \u00a0]+(?:tỉnh|cấp tỉnh|có liên quan|liên quan|"
    # whose they are: "các đơn vị sự nghiệp công lập «thuộc UBND tỉnh»", "Thủ trưởng các đơn vị «thuộc Bộ»"
    r"(?:trực )?thuộc(?: UBND tỉnh| Ủy ban nhân dân tỉnh| UBND huyện| Tỉnh ủy| Huyện ủy| Thành ủy| tỉnh| Bộ| Sở)?|"
    r"sự nghiệp(?: công lập)?(?: (?:trực )?thuộc(?: UBND tỉnh| Ủy ban nhân dân tỉnh| tỉnh| Bộ| Sở)?)?|hành chính|"
    r"đào tạo(?:, bồi dưỡng)?|chuyên môn|chính trị[ \u00a0]*-[ \u00a0]*xã hội(?: xã| huyện| tỉnh)?)(?![\w]))*"
)
_OFFICE_LIST = rf"(?:{_alt(OFFICES)})(?:[ \u00a0]*,[ \u00a0]*(?:{_alt(OFFICES)}))*"
AGENCY = re.compile(
    # "CÁN BỘ" (officials), "TOÀN BỘ" (all), "ĐỒNG BỘ" (in step) in capitals are no "BỘ" (ministry);
    # "tổ chức phi Chính phủ" is a non-governmental organisation; "BỘ TRƯỞNG" alone is a minister
    rf"(?<![\w/-])(?<!CÁN )(?<!TOÀN )(?<!ĐỒNG )(?<!phi )(?!Hội nghị|Ban hành|Báo cáo|HỘI NGHỊ|BAN HÀNH|BÁO CÁO)(?:{_OFFICE_LIST}{_WORD_GAP})?(?!BỘ{_WORD_GAP}TRƯỞNG(?!{_WORD_GAP}BỘ)|Bộ{_WORD_GAP}trưởng(?!{_WORD_GAP}Bộ))(?:{_COLLECTIVE}(?:{_WORD_GAP}{_PLACE_NAME})?|{_BODY})"
)


def find_agencies(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in AGENCY.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in " \t\n,;.-":
            e -= 1
        # a lone generic head ("Ban", "Phòng", "Hội") is not a body; "Thanh tra" alone is the activity
        if text[s:e] in ("Ban", "Bộ", "Sở", "Hội", "Phòng", "Vụ", "Báo", "Đài", "Trường", "Viện", "Cục", "Thanh tra"):
            continue
        if e > s:
            spans.append((s, e))
    return spans
