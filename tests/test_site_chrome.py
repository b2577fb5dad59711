"""A plan copied from a provincial portal arrives with the portal around it:
menus, view counters, sharing buttons, copyright and contact lines. None of
that is annotated (GUIDELINES D1.1), and none of it may change what is found
in the plan itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.data import load_docs
from pipeline.structure.segmenter import is_site_chrome

ANNOTATIONS = Path(__file__).resolve().parent.parent / "annotations"

HEAD = (
    "Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản pháp luật | Liên hệ\n"
    "Trang chủ » Văn bản » Kế hoạch\n"
    "Lượt xem: 1.234\n\n"
)
FOOT = (
    "\n\nChia sẻ Facebook Zalo\nIn bài viết\n"
    "Bản quyền thuộc Cổng Thông tin điện tử tỉnh Kon Tum\n"
    "Địa chỉ: 123 đường Trần Hưng Đạo, thành phố Kon Tum. Điện thoại: 0260.3862.555\n"
)


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản pháp luật", True),
        ("Trang chủ » Văn bản » Kế hoạch", True),
        ("Trang chủ > Văn bản > Kế hoạch", True),  # round 12: a breadcrumb with ">"
        ("TIN NỔI BẬT", True),
        ("Chỉ tiêu > 90% | Sở Nội vụ | Quý I", False),
        ("Lượt xem: 1.234", True),
        ("Chia sẻ Facebook Zalo", True),
        ("Bản quyền thuộc Cổng Thông tin điện tử tỉnh Kon Tum", True),
        ("Địa chỉ: 123 đường Trần Hưng Đạo, thành phố Kon Tum", True),
        ("PublishingPortal - Block_BanTin_ViewData", True),
        ("Cơ quan chủ quản: Ủy ban nhân dân thành phố Đà Nẵng", True),
        ("Giấy phép số 45/GP-TTĐT ngày 12/4/2019 của Cục Phát thanh, truyền hình và thông tin điện tử", True),
        ("Chịu trách nhiệm chính: Chánh Văn phòng UBND tỉnh", True),
        ("Tin liên quan:", True),
        ("Giấy phép kinh doanh dịch vụ đào tạo được cấp cho các cơ sở đủ điều kiện.", False),
        ("Chia sẻ | In bài | Lượt xem: 1.234", True),
        ("Trang chủ | Giới thiệu | Tin tức - Sự kiện | Văn bản chỉ đạo điều hành | Hỏi đáp | Liên hệ", True),
        # a row of a pipe table whose cells mention counting words is no bar of buttons
        ("Quý I/2024 | Sở Y tế | Lượt xem xét hồ sơ lần 2", False),
        # plan text that opens with the same words, and table rows
        ("Chia sẻ kinh nghiệm trong công tác đào tạo, bồi dưỡng giữa các địa phương.", False),
        ("Tin tức về hoạt động của Sở Nội vụ được đăng trên Cổng thông tin.", False),
        ("| STT | Nội dung | Cơ quan chủ trì |", False),
        ("2 | Sở Nội vụ | Sở Tài chính | Quý I/2022", False),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổ chức 05 lớp.", False),
    ],
)
def test_site_chrome_lines(line: str, chrome: bool) -> None:
    assert is_site_chrome(line) is chrome


@pytest.mark.parametrize("doc_id", ["son-la-2021-2025", "cao-bang-19", "binh-phuoc-20"])
def test_a_portal_around_a_plan_adds_no_entity_and_changes_none(nlp, doc_id: str) -> None:
    (doc,) = [d for d in load_docs(ANNOTATIONS) if d.doc_id == doc_id]
    alone = {(e.start_char, e.end_char, e.label_) for e in nlp(doc.text).ents}
    wrapped = nlp(HEAD + doc.text + FOOT)
    shift = len(HEAD)
    inside = {
        (e.start_char - shift, e.end_char - shift, e.label_)
        for e in wrapped.ents
        if shift <= e.start_char and e.end_char <= shift + len(doc.text)
    }
    assert inside == alone
    assert [e.text for e in wrapped.ents if e.end_char <= shift or e.start_char >= shift + len(doc.text)] == []


def test_the_titles_under_a_related_news_heading_are_chrome() -> None:
    from pipeline.structure.segmenter import segment

    text = (
        "Sở Nội vụ tổ chức 03 lớp bồi dưỡng.\n\nTin liên quan:\n"
        "- Đà Nẵng ban hành kế hoạch chuyển đổi số năm 2023 (08/02/2023)\n"
        "- Hơn 1.200 lượt công chức được bồi dưỡng kỹ năng số (15/11/2022)\n\n"
        "II. NHIỆM VỤ\n"
    )
    chrome = [text[n.start : n.end] for n in segment(text).of_kind("boilerplate")]
    assert len(chrome) == 1 and chrome[0].startswith("Tin liên quan:") and chrome[0].endswith("(15/11/2022)")
