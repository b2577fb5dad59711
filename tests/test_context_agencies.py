"""Agencies vouched for by their context (issuer, agency field, provider),
on sentences written for the test."""

from __future__ import annotations

import pytest

from pipeline.entities.agencies import find_agencies
from pipeline.entities.context_agencies import add_context_agencies, context_agencies
from pipeline.entities.patterns import find_all


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in context_agencies(text, find_agencies(text), find_all(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Theo Công văn 4741-CV/BTCTW ngày 20/5/2013 của Ban Tổ chức Trung ương về một số vấn đề",
            ["Ban Tổ chức Trung ương"],
        ),
        ("Căn cứ Nghị định số 29/2013/NĐ-CP ngày 08/4/2013 của Chính phủ sửa đổi, bổ sung", ["Chính phủ"]),
        ("Quyết định số 163/QĐ-TTg ngày 25/01/2016 của Thủ tướng Chính phủ phê duyệt Đề án", ["Thủ tướng Chính phủ"]),
        ("- **Cơ quan tổ chức thực hiện:** Ban Tổ chức Tỉnh ủy.", ["Ban Tổ chức Tỉnh ủy"]),
        (
            "- Đơn vị bồi dưỡng: Học viện Quốc Phòng; Quân khu V; Trường Quân sự tỉnh.",
            ["Học viện Quốc Phòng", "Quân khu V", "Trường Quân sự tỉnh"],
        ),
        (
            "phải được bồi dưỡng kiến thức quản lý nhà nước do Học viện Hành chính tổ chức mở lớp;",
            ["Học viện Hành chính"],
        ),
        (
            "Cao cấp lý luận chính trị, hệ tập trung tại Học viện Chính trị khu vực III: Dự kiến 56 chỉ tiêu.",
            ["Học viện Chính trị khu vực III"],
        ),
        # no context: left to the tagger
        ("Dự Hội nghị có đại diện lãnh đạo Sở Tài chính, Sở Tư pháp.", []),
        ("Báo cáo gửi Sở Tài chính để tổng hợp.", []),
        # followed requests and notes, coordinators and actors, with their lists
        (
            "báo cáo đột xuất theo yêu cầu của Bộ Nội vụ; UBND tỉnh.",
            ["Bộ Nội vụ", "UBND tỉnh"],
        ),
        ("kết quả thực hiện trong năm (*qua Ban Tổ chức Tỉnh ủy*).", ["Ban Tổ chức Tỉnh ủy"]),
        ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính.", ["Sở Nội vụ", "Sở Tài chính"]),
        (
            "UBND quận, huyện, thị xã và các đơn vị liên quan phối hợp với Ban Dân tộc rà soát nhu cầu.",
            ["UBND quận, huyện, thị xã", "các đơn vị liên quan", "Ban Dân tộc"],
        ),
        (
            "- Đơn vị đào tạo: Học viện Chính trị Quốc gia Hồ Chí Minh, Học viện Chính trị khu vực III"
            " và các cơ sở giáo dục khác.",
            # the grammar reads only "các cơ sở" of the last one: a piece of a value is not taken
            ["Học viện Chính trị Quốc gia Hồ Chí Minh", "Học viện Chính trị khu vực III"],
        ),
        # the body that assigns a duty and the bodies it is assigned to (D7.5)
        (
            "UBND tỉnh yêu cầu các sở, ban, ngành tổ chức triển khai Kế hoạch này.",
            ["UBND tỉnh", "các sở, ban, ngành"],
        ),
        # a request of a body ("đề nghị của X") is not an assignment by it
        ("Xét đề nghị của Sở Nội vụ tại Tờ trình số 12/TTr-SNV.", ["Sở Nội vụ"]),
        # "do" + a body that is not a training institution, or no training verb after it
        ("Kinh phí do Sở Tài chính tổ chức thẩm định.", []),
        ("Học tập tại Trường Chính trị tỉnh trong năm 2025.", []),
        # "do X tổ chức" closing the course phrase names its provider, whatever X is
        ("Bồi dưỡng kiến thức quốc phòng do Ban Chỉ huy Quân sự huyện tổ chức: 03 lớp.", ["Ban Chỉ huy Quân sự huyện"]),
        # the body heading a duty section (D6.5) and the addressees of a letter (as D2.2)
        ("3. UBND các xã, thị trấn\nCử cán bộ tham gia các lớp.", ["UBND các xã, thị trấn"]),
        ("5. UBND các xã, thị trấn: Căn cứ Kế hoạch, cử cán bộ tham gia các lớp.", ["UBND các xã, thị trấn"]),
        (
            "Kính gửi: - Các sở, ban, ngành thuộc tỉnh;\n- UBND các huyện, thị xã.\n\nThực hiện kế hoạch.",
            ["Các sở, ban, ngành thuộc tỉnh", "UBND các huyện, thị xã"],
        ),
        # round 7: a numbered item opening with the body that does its duty (D8.1)
        ("4. Phòng Tài chính - Kế hoạch bố trí kinh phí đào tạo.", ["Phòng Tài chính - Kế hoạch"]),
        ("1. Phòng Tổ chức cán bộ là đầu mối, chủ trì tổng hợp.", ["Phòng Tổ chức cán bộ"]),
        # a hospital is a body like a school (no corpus plan had one)
        ("Giao Bệnh viện Đa khoa tỉnh chủ trì tổ chức lớp.", ["Bệnh viện Đa khoa tỉnh"]),
        # round 12: the bodies that execute a decision, a list the grammar reads in pieces (D7.9)
        (
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Nội vụ, Tài chính, thủ trưởng các sở,"
            " ban, ngành có liên quan, Chủ tịch Ủy ban nhân dân các huyện, thị xã căn cứ Quyết định thi hành./.",
            ["thủ trưởng các sở, ban, ngành có liên quan", "Chủ tịch Ủy ban nhân dân các huyện, thị xã"],
        ),
        ("Các sở, ban, ngành và UBND các huyện căn cứ thực hiện./.", ["Các sở, ban, ngành", "UBND các huyện"]),
        # "căn cứ" citing a document is no execution clause
        ("Căn cứ Quyết định số 12/QĐ-UBND của UBND tỉnh, Sở Nội vụ xây dựng kế hoạch.", ["UBND tỉnh"]),
    ],
)
def test_context_agencies(text, expected):
    assert _found(text) == expected


def test_context_agencies_do_not_override_spans():
    text = "- Cơ quan tổ chức thực hiện: Ban Tổ chức Tỉnh ủy."
    start = text.index("Ban")
    task = (start, len(text) - 1, "TASK", 0.6)  # whatever the tagger said stays
    assert add_context_agencies(text, [task], find_agencies(text), find_all(text)) == [task]
    added = add_context_agencies(text, [], find_agencies(text), find_all(text))
    assert [(text[s:e], label) for s, e, label, _ in added] == [("Ban Tổ chức Tỉnh ủy", "AGENCY")]


def test_attendees_and_regulation_subjects_are_not_agencies():
    from pipeline.entities.context_agencies import drop_ruled_out_agencies

    def kept(text: str, names: list[str]) -> list[str]:
        spans = [(text.index(n), text.index(n) + len(n), "AGENCY", 0.8) for n in names]
        return [text[s:e] for s, e, _, _ in drop_ruled_out_agencies(text, spans)]

    attend = "Dự Hội nghị tập huấn có đại diện lãnh đạo Ban Tổ chức Tỉnh ủy, Sở Tài chính. Sở Nội vụ chủ trì."
    assert kept(attend, ["Ban Tổ chức Tỉnh ủy", "Sở Tài chính", "Sở Nội vụ"]) == ["Sở Nội vụ"]
    cited = "Thông tư hướng dẫn chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ, Phòng Nội vụ;"
    assert kept(cited, ["Sở Nội vụ", "Phòng Nội vụ"]) == []
    levels = "cơ cấu tổ chức của Sở Nội vụ, Phòng Nội vụ thuộc Uỷ ban nhân dân cấp tỉnh, cấp huyện;"
    assert kept(levels, ["Sở Nội vụ", "Phòng Nội vụ"]) == []
    # round 12: one body is the subject of its own regulation, and an AGENCY (sets H, J, L, M, N)
    for one in ("Bộ Nội vụ", "Sở Nội vụ tỉnh Hải Dương", "Sở Văn hóa, Thể thao và Du lịch"):
        assert kept(f"Căn cứ Nghị định quy định chức năng, nhiệm vụ và cơ cấu tổ chức của {one};", [one]) == [one]
    title = "VỀ VIỆC QUY ĐỊNH CHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ NỘI VỤ TỈNH QUẢNG NINH"
    assert kept(title, ["SỞ NỘI VỤ TỈNH QUẢNG NINH"]) == ["SỞ NỘI VỤ TỈNH QUẢNG NINH"]


def test_archive_lines_cross_references_and_signer_titles_hold_no_body():
    """D2.1, D2.2 on a closing written for the test."""
    from pipeline.entities.context_agencies import drop_ruled_out_agencies

    text = (
        "Nơi nhận:\n- Như Điều 3;\n- Như Mục IV;\n- Bộ Nội vụ;\n- Lưu: VT, NC.\n\n"
        "Lưu ý: Sở Tài chính bố trí kinh phí.\n\n"
        "**TM. ỦY BAN NHÂN DÂN**\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ TỊCH**\n"
    )
    names = [
        "Như Điều 3",
        "Như Mục IV",
        "Bộ Nội vụ",
        "NC",
        "Sở Tài chính",
        "ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]
    spans = [(text.index(n), text.index(n) + len(n), "AGENCY", 0.8) for n in names]
    kept = [text[s:e] for s, e, _, _ in drop_ruled_out_agencies(text, spans)]
    assert kept == ["Bộ Nội vụ", "Sở Tài chính", "ỦY BAN NHÂN DÂN"]


def test_context_agencies_get_the_same_ends_as_tagged_ones():
    from pipeline.entities.postprocess import finish_spans
    from pipeline.structure.segmenter import segment

    text = "Báo cáo định kỳ hoặc đột xuất theo yêu cầu của Bộ Nội vụ và UBND tỉnh.\n"
    out = finish_spans(text, segment(text), [])
    assert [(text[s:e], label) for s, e, label, _ in out] == [("Bộ Nội vụ", "AGENCY"), ("UBND tỉnh", "AGENCY")]


def test_vague_central_bodies_and_inspected_units_are_not_agencies():
    """D6.6, on sentences written for the test; a collective of the plan's own
    bodies stays."""
    from pipeline.entities.context_agencies import drop_ruled_out_agencies

    text = (
        "Trên cơ sở hướng dẫn của Bộ ngành, Trung ương và các cơ quan Trung ương, báo cáo cấp có thẩm quyền; "
        "các cơ quan có liên quan phối hợp. Đối tượng thanh tra: Sở Y tế (thực hiện trong Quý I/2024); "
        "Sở Tài chính chủ trì, tổng hợp nhu cầu bồi dưỡng của các cơ quan, đơn vị."
    )
    names = ["Bộ ngành, Trung ương", "các cơ quan Trung ương", "cấp có thẩm quyền", "các cơ quan có liên quan"]
    names += ["Sở Y tế", "Sở Tài chính", "các cơ quan, đơn vị"]
    spans = [(text.index(n), text.index(n) + len(n), "AGENCY", 0.8) for n in names]
    kept = [text[s:e] for s, e, _, _ in drop_ruled_out_agencies(text, spans)]
    assert kept == ["các cơ quan có liên quan", "Sở Tài chính"]


def test_bodies_describing_trainees_in_a_target_field_are_not_agencies():
    """D6.6 and D10.2 on a programme block written for the test: the bodies
    of an "Đối tượng:" value (a paragraph of its own below the label) go, the
    issuer of a document cited there and the bodies of other fields stay."""
    from pipeline.entities.context_agencies import drop_trainee_agencies, target_group_fields
    from pipeline.structure.segmenter import segment

    text = (
        "1. Bồi dưỡng kiến thức quốc phòng\n\n"
        "- **Đối tượng:**\n\n"
        "Trưởng phòng của các sở, ban, ngành tỉnh; theo Hướng dẫn số 90/HD-HĐGDQPAN ngày 31/5/2016 "
        "của Hội đồng Giáo dục Quốc phòng và An ninh Trung ương.\n\n"
        "- **Cơ quan tổ chức thực hiện:** Bộ Chỉ huy Quân sự tỉnh.\n"
    )
    names = ["các sở, ban, ngành tỉnh", "Hội đồng Giáo dục Quốc phòng và An ninh Trung ương", "Bộ Chỉ huy Quân sự tỉnh"]
    spans = [(text.index(n), text.index(n) + len(n), "AGENCY", 0.8) for n in names]
    date = text.index("ngày 31/5/2016")
    spans.append((date, date + len("ngày 31/5/2016"), "DATE", 1.0))
    kept = drop_trainee_agencies(text, sorted(spans), target_group_fields(text, segment(text)))
    assert [text[s:e] for s, e, label, _ in kept if label == "AGENCY"] == names[1:]
