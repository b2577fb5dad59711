"""The words the TASK rules share: how an activity opens, how an actor hands
one to a body, how an item or a count is introduced.

They are general administrative Vietnamese, not the wording of any one plan,
and live in one place so that the start and end rules (``task_bounds``), the
places where no TASK can be (``task_places``) and the search for missed
TASKs (``task_recall``) read the same vocabulary.
"""

from __future__ import annotations

import re

Span4 = tuple[int, int, str, float]

WS = r"[ \u00a0]+"
# the verbs that hand a duty to a body (schema 7, 14)
ASSIGN_VERB = rf"giao(?:{WS}cho)?|yêu{WS}cầu|đề{WS}nghị"
# what joins the bodies of a list: "Sở Nội vụ, Sở Tài chính và UBND các huyện"
JOIN = re.compile(rf"(?i)[ \u00a0]*(?:,|;|và|cùng|cùng{WS}với)?[ \u00a0]*")
MIN_CHARS = 8  # shorter than this is not an activity

# the lead of an item: bullets, then a number ("I.", "1.", "1.2)", "a)")
BULLETS = r"[\s*_#>\-+•]*"
ITEM_NUMBER = r"\d+(?:\.\d+)*|[a-zđ]"
LINE_LEAD = re.compile(rf"{BULLETS}(?:(?:[IVXLC]+|{ITEM_NUMBER})[.)]\s*)?[\s*_]*")

# the words of a bare training verb: "Bồi dưỡng", "Tổ chức tập huấn và cập nhật"
VERB_WORDS = frozenset(
    ["tổ", "chức", "đào", "tạo", "bồi", "dưỡng", "tập", "huấn", "cập", "nhật", "khuyến", "khích", "tự", "học", "và"]
)

# the verbs and adverbs that open an activity in these plans
ACTIVITY_OPENERS = (
    "tăng cường|đẩy mạnh|xây dựng|tổ chức|thực hiện(?! theo)|triển khai|nâng cao|rà soát|hoàn thiện|kiện toàn|"
    "đổi mới|bồi dưỡng|đào tạo|tập trung|khuyến khích|củng cố|thống nhất|ban hành|hướng dẫn|kiểm tra|đánh giá|"
    "quán triệt|tuyên truyền|cử|mở|biên soạn|xác định|lựa chọn|phát huy|huy động|bố trí|ưu tiên|quản lý|"
    "theo dõi|tham mưu|lập|duy trì|tiếp tục|có chính sách|sắp xếp|thu hút|phát triển|ứng dụng|cải tiến|"
    "chuẩn hóa|nghiên cứu|sửa đổi|khảo sát|tổng hợp|thẩm định|kết hợp|gắn|đảm bảo|bảo đảm|vận dụng|chú trọng|"
    "quan tâm|cập nhật|phổ biến|mời|liên kết|hợp tác|trang bị|đầu tư|giám sát|đôn đốc|thanh tra|sơ kết|"
    "tổng kết|công khai|đề xuất|phân bổ|bổ sung|thường xuyên|chủ động|tích cực|kịp thời|định kỳ|hằng năm|hàng năm|"
    "bám sát|chỉ đạo|tiến hành|hoàn thành|báo cáo|xử lý|cân đối|lồng ghép|phân công|chấn chỉnh|phối hợp|tham gia|"
    "hỗ trợ|thu thập|số hóa|cải cách|vận hành|tạo điều kiện|khẩn trương|sớm|đăng ký|gửi|nộp"
).replace(" ", r"\s+")  # "tổ\nchức" wrapped by the conversion (D0.2)
ACTIVITY_OPENER = re.compile(rf"(?i)(?:{ACTIVITY_OPENERS})\b")

# D3.8, D7.7c: the words that introduce a citation a duty follows ("... theo đúng
# chỉ đạo của Thủ tướng Chính phủ tại <LEGAL_REF>"), anchored at the citation
CITATION_LEAD = re.compile(
    rf"(?i){WS}(?:theo(?:{WS}đúng)?(?:{WS}(?:quy{WS}định|hướng{WS}dẫn|chỉ{WS}đạo|yêu{WS}cầu)"
    rf"(?:{WS}của(?:{WS}[^\s,;:.()]+){{1,6}}?)?)?(?:{WS}(?:tại|của))?|tại|căn{WS}cứ){WS}$"
)
# D3.8: a citation right after these verbs is the object of the activity and stays
# in its TASK ("Tổng kết việc thực hiện <LEGAL_REF>"), when a word comes before the verb
OBJECT_CITATION = re.compile(
    rf"(?i)(?<=\S){WS}(?:thực{WS}hiện|quán{WS}triệt|triển{WS}khai|tổng{WS}kết|sơ{WS}kết)"
    rf"(?:{WS}(?:các{WS})?nội{WS}dung)?{WS}$"
)

# "X trong việc <activity>", "X có trách nhiệm [giúp Y] <activity>" (D7.5, D8.3)
AFTER_ACTOR = re.compile(rf"(?i)[ \t]+(?:(?:để|trong{WS}việc|(có{WS}trách{WS}nhiệm)(?:{WS}(giúp))?)[ \t]+)?")


def after_actor(text: str, pos: int) -> int:
    """Where a body's predicate starts after its name ends at ``pos``; ``pos``
    itself when no space follows (a name at a line or cell end)."""
    m = AFTER_ACTOR.match(text, pos)
    return m.end() if m else pos


# what a body does after its name when the sentence is its own
LINKED_VERB = re.compile(
    rf"(?i)(?:chủ{WS}động{WS})?(?:{ACTIVITY_OPENERS}|lồng{WS}ghép|dựa{WS}vào|tạo{WS}điều{WS}kiện|kiểm{WS}tra)\b"
)

# D10.4, D10.5: "<training line>: [Dự kiến] <QUOTA>" pairs a course with its count
QUOTA_LEAD = re.compile(r"[ \t*_]*:[ \t*_]*(?:(?:[Dd]ự[ \t]+kiến|[Kk]hoảng)[ \t]*:?[ \t*_]*)?$")
