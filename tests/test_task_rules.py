"""TASK extents by the start and end rules of GUIDELINES D7.5-D7.9, on
sentences written for the test (expected spans worked out by hand)."""

from __future__ import annotations

import pytest

from pipeline.entities.agencies import find_agencies
from pipeline.entities.patterns import find_all
from pipeline.entities.rules import execution_tasks
from pipeline.entities.task_bounds import refine_tasks
from pipeline.entities.task_recall import quota_list_items


def _refine(sentence: str) -> tuple[str, list[str]]:
    """Tag the whole sentence (minus its final stop) as one TASK and refine it."""
    end = len(sentence.rstrip("."))
    out = refine_tasks(sentence, [(0, end, "TASK", 0.9)], find_agencies(sentence))
    tasks = [sentence[s:e] for s, e, label, _ in out if label == "TASK"]
    assert len(tasks) == 1
    return tasks[0], [sentence[s:e] for s, e, label, _ in out if label == "AGENCY"]


@pytest.mark.parametrize(
    "sentence, task, agencies",
    [
        (
            "Chủ trì, phối hợp với Sở Tài chính, Ban Tổ chức Tỉnh ủy và các cơ quan liên quan tổ chức bồi dưỡng.",
            "tổ chức bồi dưỡng",
            ["Sở Tài chính", "Ban Tổ chức Tỉnh ủy", "các cơ quan liên quan"],
        ),
        (
            "Chủ trì, tổ chức thực hiện, chỉ đạo việc đánh giá chất lượng.",
            "tổ chức thực hiện, chỉ đạo việc đánh giá chất lượng",
            [],
        ),
        (
            "Chủ trì kiểm tra, giám sát việc tổ chức thực hiện kế hoạch.",
            "kiểm tra, giám sát việc tổ chức thực hiện kế hoạch",
            [],
        ),
        (
            "Phối hợp với Sở Nội vụ trong việc xác định nhu cầu đào tạo.",
            "xác định nhu cầu đào tạo",
            ["Sở Nội vụ"],
        ),
        ("Phối hợp tổ chức các lớp bồi dưỡng cán bộ.", "tổ chức các lớp bồi dưỡng cán bộ", []),
        (
            "Đồng thời, khuyến khích các cơ sở đào tạo biên soạn tài liệu.",
            "khuyến khích các cơ sở đào tạo biên soạn tài liệu",
            [],
        ),
        ("Hàng năm, trên cơ sở kết quả rà soát, xây dựng kế hoạch bồi dưỡng.", "xây dựng kế hoạch bồi dưỡng", []),
        ("Có trách nhiệm cử cán bộ tham gia các khóa học.", "cử cán bộ tham gia các khóa học", []),
        # adverbs attached to the verb stay inside (D7.5)
        ("Thường xuyên theo dõi, đôn đốc việc thực hiện.", "Thường xuyên theo dõi, đôn đốc việc thực hiện", []),
        # end: a preposition left by a cut, an open or trailing parenthesis
        ("Bồi dưỡng lãnh đạo, quản lý cấp huyện dành", "Bồi dưỡng lãnh đạo, quản lý cấp huyện", []),
        ("Tổ chức đánh giá chất lượng các khóa bồi dưỡng theo", "Tổ chức đánh giá chất lượng các khóa bồi dưỡng", []),
        # the word before a deadline the merge cut off ("... trước «ngày 15/12/2022»")
        ("Tổng hợp, báo cáo kết quả thực hiện trước", "Tổng hợp, báo cáo kết quả thực hiện", []),
        ("Gửi kế hoạch về Sở Nội vụ chậm nhất", "Gửi kế hoạch về Sở Nội vụ", []),
        # "sau" is also "following"
        ("Tuyên truyền chính sách qua các hình thức sau", "Tuyên truyền chính sách qua các hình thức sau", []),
        ("Tổng hợp, tham mưu điều chỉnh kế hoạch (nếu có phát sinh", "Tổng hợp, tham mưu điều chỉnh kế hoạch", []),
        ("Báo cáo kết quả thực hiện trong năm (qua Ban Tổ chức Tỉnh ủy)", "Báo cáo kết quả thực hiện trong năm", []),
        # a parenthesis that more words follow stays inside (D7.6)
        (
            "Báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện",
            "Báo cáo Chủ tịch UBND tỉnh (qua Sở Nội vụ) kết quả thực hiện",
            [],
        ),
        # "tiếp theo" (next) is not a dangling "theo"
        ("Rút kinh nghiệm cho những năm tiếp theo", "Rút kinh nghiệm cho những năm tiếp theo", []),
    ],
)
def test_task_start_and_end_rules(sentence, task, agencies):
    got_task, got_agencies = _refine(sentence)
    assert got_task == task
    assert got_agencies == agencies


def test_a_rule_that_would_leave_almost_nothing_keeps_the_span():
    sentence = "Chủ trì, phối hợp với Sở Nội vụ"
    out = refine_tasks(sentence, [(0, len(sentence), "TASK", 0.5)], find_agencies(sentence))
    assert out == [(0, len(sentence), "TASK", 0.5)]


def test_agencies_already_covered_are_not_added_twice():
    sentence = "Phối hợp với Sở Nội vụ tổ chức lớp học"
    agency = (sentence.index("Sở"), sentence.index(" tổ chức"), "AGENCY", 0.8)
    task = (0, len(sentence), "TASK", 0.7)
    out = refine_tasks(sentence, [task, agency], find_agencies(sentence))
    assert [sentence[s:e] for s, e, label, _ in out if label == "AGENCY"] == ["Sở Nội vụ"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Giám đốc Sở Nội vụ, Chủ tịch UBND huyện chịu trách nhiệm thi hành quyết định này.",
            ["thi hành quyết định này"],
        ),
        ("các cơ quan có liên quan chịu trách nhiệm thi hành quyết địnhnày./.", ["thi hành quyết địnhnày"]),
        ("Chủ tịch UBND các huyện, thành phố căn cứ thực hiện. Trong quá trình", ["căn cứ thực hiện"]),
        ("Chủ tịch Ủy ban nhân dân các huyện, thị xã căn cứ Quyết định thi hành./.", ["căn cứ Quyết định thi hành"]),
        # a basis phrase and a law's implementing rules are not execution clauses
        ("Căn cứ Quyết định số 163/QĐ-TTg ngày 25/01/2016;", []),
        ("Nghị định quy định chi tiết và hướng dẫn thi hành Luật Ngân sách nhà nước;", []),
        ("Quyết định có hiệu lực thi hành sau 10 ngày kể từ ngày ký.", []),
    ],
)
def test_execution_clauses(text, expected):
    assert [text[s:e] for s, e, _ in execution_tasks(text)] == expected


def test_no_tasks_under_objective_and_target_headings():
    from pipeline.entities.task_places import drop_tasks_in, no_task_sections
    from pipeline.structure.segmenter import segment

    text = (
        "I. MỤC TIÊU\n\n"
        "- Có ít nhất 85% viên chức được bồi dưỡng kỹ năng quản lý.\n\n"
        "II. ĐỐI TƯỢNG\n\n"
        "1. Cán bộ, công chức cấp xã.\n\n"
        "III. NHIỆM VỤ\n\n"
        "1. Bồi dưỡng theo yêu cầu của vị trí việc làm.\n\n"
        "2. Tổ chức bồi dưỡng kỹ năng quản lý cho viên chức.\n"
    )

    def task(words: str) -> tuple[int, int, str, float]:
        start = text.index(words)
        return (start, start + len(words), "TASK", 0.9)

    spans = [
        task("viên chức được bồi dưỡng kỹ năng quản lý"),
        task("Cán bộ, công chức cấp xã"),
        task("Bồi dưỡng theo yêu cầu của vị trí việc làm"),  # "yêu cầu" inside an activity
        task("Tổ chức bồi dưỡng kỹ năng quản lý cho viên chức"),
    ]
    kept = drop_tasks_in(spans, no_task_sections(text, segment(text)))
    assert [text[s:e] for s, e, _, _ in kept] == [
        "Bồi dưỡng theo yêu cầu của vị trí việc làm",
        "Tổ chức bồi dưỡng kỹ năng quản lý cho viên chức",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Là công chức, viên chức đang giữ chức vụ lãnh đạo, quản lý.",
        "Cán bộ, công chức ngạch chuyên viên phải có trình độ đại học trở lên.",
        "Kinh phí đào tạo, bồi dưỡng từ nguồn ngân sách nhà nước.",
        "được bồi dưỡng, cập nhật kiến thức pháp luật.",
        "về đẩy mạnh bồi dưỡng trước khi bổ nhiệm chức vụ lãnh đạo.",
        "Kiến thức quản lý nhà nước.",
        # requirements and principles (D7.2), written for the test
        "Tất cả công chức phải sử dụng thành thạo phần mềm quản lý văn bản.",
        "Công tác tuyển chọn học viên phải công khai, minh bạch.",
        "Việc cử cán bộ đi học được thực hiện theo quy hoạch.",
        "Bồi dưỡng phải gắn với vị trí việc làm.",
        "Nguồn kinh phí sự nghiệp giáo dục năm 2024.",
    ],
)
def test_spans_that_are_not_activities_are_dropped(sentence):
    out = refine_tasks(sentence, [(0, len(sentence) - 1, "TASK", 0.9)], find_agencies(sentence))
    assert [label for _, _, label, _ in out] == []


@pytest.mark.parametrize(
    "sentence, task",
    [
        # a body before "phải" is an actor, not the subject of a principle: the span stays
        ("Các sở phải rà soát nhu cầu bồi dưỡng hằng năm.", "Các sở phải rà soát nhu cầu bồi dưỡng hằng năm"),
        # a verb opening a long clause keeps its "phải" inside
        (
            "Đảm bảo giảng viên của các cơ sở đào tạo phải có trình độ phù hợp.",
            "Đảm bảo giảng viên của các cơ sở đào tạo phải có trình độ phù hợp",
        ),
    ],
)
def test_phai_after_a_body_or_deep_in_a_clause_keeps_the_task(sentence, task):
    assert _refine(sentence)[0] == task


def test_the_rules_leave_every_gold_annotation_as_it_is():
    """The post-processing encodes the guidelines, so run on the gold spans it
    must change nothing: a rule that disagrees with the annotators fails here."""
    from pathlib import Path

    from evaluation.data import load_docs
    from pipeline.entities.postprocess import finish_spans
    from pipeline.structure.segmenter import segment
    from tests.conftest import ANNOTATIONS

    docs = load_docs(Path(ANNOTATIONS))
    assert len(docs) >= 25
    for d in docs:
        spans = sorted((s.start, s.end, s.label, 1.0) for s in d.spans)
        assert finish_spans(d.text, segment(d.text), spans) == spans, d.doc_id


@pytest.mark.parametrize(
    "line, task",
    [
        (
            "- Bồi dưỡng kiến thức quốc phòng – an ninh theo các chương trình quy định cho cán bộ, công chức.",
            "Bồi dưỡng kiến thức quốc phòng – an ninh",
        ),
        ("+ Đào tạo trình độ đại học cho cán bộ, công chức cấp xã.", "Đào tạo trình độ đại học"),
        ("- Tổ chức đào tạo Tiền công vụ cho những người trúng tuyển.", "Tổ chức đào tạo Tiền công vụ"),
        # the cut would leave a bare verb: the line stays whole (D7.8)
        ("- Bồi dưỡng theo tiêu chuẩn ngạch công chức.", "Bồi dưỡng theo tiêu chuẩn ngạch công chức"),
        (
            "- Bồi dưỡng cho cán bộ, công chức để cập nhật kiến thức.",
            "Bồi dưỡng cho cán bộ, công chức để cập nhật kiến thức",
        ),
        # not a course line: a duty that does not open the line, or not a course verb
        ("Sở Nội vụ tổ chức bồi dưỡng cho cán bộ cấp xã.", "tổ chức bồi dưỡng cho cán bộ cấp xã"),
        ("- Theo dõi việc bồi dưỡng cho cán bộ cấp xã.", "Theo dõi việc bồi dưỡng cho cán bộ cấp xã"),
    ],
)
def test_course_lines_end_before_their_qualifiers(line, task):
    start = line.index(task[:12])
    end = len(line.rstrip("."))
    out = refine_tasks(line, [(start, end, "TASK", 0.9)], [])
    assert [line[s:e] for s, e, label, _ in out if label == "TASK"] == [task]


def test_theo_doi_is_an_activity_and_a_name_tail_is_not():
    keep = "Theo dõi, đôn đốc việc thực hiện kế hoạch."
    assert refine_tasks(keep, [(0, len(keep) - 1, "TASK", 0.9)], []) == [(0, len(keep) - 1, "TASK", 0.9)]
    text = "- Cơ quan tổ chức thực hiện: Ban Thường vụ các huyện ủy, thị ủy."
    start = text.index("Thường")
    assert refine_tasks(text, [(start, len(text) - 1, "TASK", 0.9)], find_agencies(text)) == []


def test_quota_table_rows_without_sub_rows_are_tasks():
    """GUIDELINES D9.7 on a table written for the test."""
    from pipeline.entities.features import field_role
    from pipeline.entities.rules import quota_table_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "| TT | Tên lớp | Tổng số | 2024 | 2025 |\n"
        "|---|---|---|---|---|\n"
        "| A | TRONG NƯỚC | 300 | 150 | 150 |\n"
        "| I | ĐÀO TẠO | 100 | 50 | 50 |\n"
        "| 1 | Các lớp chính trị | 60 | 30 | 30 |\n"
        "| 2 | Tiếng Anh | 40 | 20 | 20 |\n"
        "| II | BỒI DƯỠNG | 200 | 100 | 100 |\n"
        "| | TỔNG CỘNG | 300 | 150 | 150 |\n"
    )
    tasks = [text[s:e] for s, e, _ in quota_table_tasks(text, segment(text))]
    assert tasks == ["Các lớp chính trị", "Tiếng Anh", "BỒI DƯỠNG"]
    assert field_role("thời gian thực hiện") == "time"
    assert field_role("cơ quan tổ chức thực hiện") == "chair"


def _spans_at(text: str, pieces: list[tuple[str, str]]) -> list[tuple[int, int, str, float]]:
    """Spans given by their text: the tagger's (TASK, score 0.9) or a recogniser's (score 1.0)."""
    return [(text.index(p), text.index(p) + len(p), label, 0.9 if label == "TASK" else 1.0) for p, label in pieces]


def test_activity_items_of_task_sections_are_tasks():
    """D7.1, on a plan written for the test: the items of a "Nhiệm vụ và giải
    pháp" section that open with an activity become TASKs, ending before a
    closing date; an introduction
    ending in ":", a statement, an item the tagger already found and the items
    of a "Mục tiêu" section do not."""
    from pipeline.entities.task_recall import section_item_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "I. MỤC TIÊU\n\n"
        "- Nâng cao chất lượng đội ngũ cán bộ, công chức.\n\n"
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n\n"
        "1. Đổi mới nội dung, chương trình bồi dưỡng theo vị trí việc làm.\n\n"
        "2. Các giải pháp cụ thể:\n\n"
        "a) Rà soát, sắp xếp hệ thống cơ sở đào tạo, bồi dưỡng của tỉnh;\n\n"
        "b) Kinh phí bồi dưỡng do ngân sách tỉnh bảo đảm.\n\n"
        "c) Tăng cường kiểm tra, giám sát công tác bồi dưỡng.\n\n"
        "d) Hướng dẫn xây dựng kế hoạch bồi dưỡng trong năm 2025.\n"
    )
    spans = _spans_at(text, [("Tăng cường kiểm tra, giám sát công tác bồi dưỡng", "TASK"), ("năm 2025", "DATE")])
    out = section_item_tasks(text, segment(text), spans)
    assert sorted(text[s:e] for s, e, label, _ in out if label == "TASK") == [
        "Hướng dẫn xây dựng kế hoạch bồi dưỡng",  # the closing date stays outside
        "Rà soát, sắp xếp hệ thống cơ sở đào tạo, bồi dưỡng của tỉnh",
        "Tăng cường kiểm tra, giám sát công tác bồi dưỡng",
        "Đổi mới nội dung, chương trình bồi dưỡng theo vị trí việc làm",
    ]


def test_a_heading_over_activity_items_is_not_a_task_but_a_programme_is():
    """D7.1 (lowest-level items only) and D7.8 (programmes), on text written for the test."""
    from pipeline.entities.task_places import drop_tasks_in, group_titles
    from pipeline.structure.segmenter import segment

    text = (
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Xây dựng kế hoạch đào tạo, bồi dưỡng:\n"
        "- Tổ chức rà soát nhu cầu bồi dưỡng của các cơ quan.\n"
        "- Tổng hợp, báo cáo UBND tỉnh.\n"
        "2. Bồi dưỡng kiến thức quốc phòng - an ninh\n"
        "- Cơ quan tổ chức thực hiện: Bộ Chỉ huy quân sự tỉnh.\n"
        "- Số lượng: 120 học viên.\n"
    )
    titles = ["Xây dựng kế hoạch đào tạo, bồi dưỡng", "Bồi dưỡng kiến thức quốc phòng - an ninh"]
    spans = [(text.index(t), text.index(t) + len(t), "TASK", 0.9) for t in titles]
    kept = drop_tasks_in(spans, group_titles(text, segment(text)))
    assert [text[s:e] for s, e, _, _ in kept] == ["Bồi dưỡng kiến thức quốc phòng - an ninh"]


@pytest.mark.parametrize(
    "text, course",
    [
        (
            "Công chức ngạch chuyên viên phải qua lớp bồi dưỡng kiến thức quản lý nhà nước theo quy định;",
            "lớp bồi dưỡng kiến thức quản lý nhà nước",
        ),
        (
            "Chuyên viên chính phải được bồi dưỡng kiến thức quản lý nhà nước do Học viện Hành chính tổ chức.",
            "bồi dưỡng kiến thức quản lý nhà nước",
        ),
        ("Cán bộ cấp xã phải được học qua lớp bồi dưỡng kỹ năng lãnh đạo.", "lớp bồi dưỡng kỹ năng lãnh đạo"),
        # no course named, or a level to reach (a qualification requirement, D7.2)
        ("Công chức phải được bồi dưỡng theo quy định.", None),
        ("Cán bộ chủ chốt phải được đào tạo trung cấp lý luận chính trị trở lên.", None),
    ],
)
def test_the_course_a_requirement_names_is_a_task(text, course):
    """D7.8, on sentences written for the test."""
    from pipeline.entities.task_recall import required_courses

    found = [text[s:e] for s, e, label, _ in required_courses(text, []) if label == "TASK"]
    assert found == ([course] if course else [])


@pytest.mark.parametrize(
    "text, agency, activity",
    [
        (
            "UBND các huyện phối hợp với Ban Dân tộc rà soát, tổng hợp nhu cầu bồi dưỡng tiếng dân tộc.",
            "Ban Dân tộc",
            "rà soát, tổng hợp nhu cầu bồi dưỡng tiếng dân tộc",
        ),
        (
            "Các sở phối hợp với UBND các huyện trong việc xác định các nhóm đối tượng cần bồi dưỡng.",
            "UBND các huyện",
            "xác định các nhóm đối tượng cần bồi dưỡng",
        ),
        (
            "Ngoài ra, Thanh tra Sở Nội vụ sẽ tiến hành thanh tra đột xuất một số nội dung khác.",
            "Thanh tra Sở Nội vụ",
            "thanh tra đột xuất một số nội dung khác",
        ),
        # the direction it follows stays outside
        (
            "Thanh tra Sở Nội vụ sẽ tiến hành thanh tra đột xuất một số nội dung theo chỉ đạo của UBND tỉnh.",
            "Thanh tra Sở Nội vụ",
            "thanh tra đột xuất một số nội dung",
        ),
        # each ";" clause of an assigning sentence (D7.5), but not a clause of any sentence
        (
            "UBND tỉnh giao Sở Nội vụ chủ trì hướng dẫn; Trường Chính trị tỉnh tổ chức các lớp bồi dưỡng.",
            "Trường Chính trị tỉnh",
            "tổ chức các lớp bồi dưỡng",
        ),
        ("Năm 2022 có kết quả tốt; Trường Chính trị tỉnh tổ chức lớp học.", "Trường Chính trị tỉnh", None),
        ("Giao Sở Nội vụ chủ trì. Năm sau; Trường Chính trị tỉnh tổ chức lớp học.", "Trường Chính trị tỉnh", None),
        # a duty and a body it helps (D8.3), a body another directs (D8.4)
        (
            "Điều 2. Ban Chỉ đạo phòng, chống tham nhũng có trách nhiệm giúp UBND tỉnh theo dõi việc thực hiện.",
            "Ban Chỉ đạo phòng, chống tham nhũng",
            "theo dõi việc thực hiện",
        ),
        ("Sở Y tế có trách nhiệm tổng hợp nhu cầu bồi dưỡng.", "Sở Y tế", "tổng hợp nhu cầu bồi dưỡng"),
        (
            "Bộ Nội vụ chỉ đạo Sở Nội vụ các tỉnh rà soát đội ngũ công chức cấp xã.",
            "Sở Nội vụ các tỉnh",
            "rà soát đội ngũ công chức cấp xã",
        ),
        # the actor phrase after the assignee is outside (D7.5)
        (
            "Giao Văn phòng Sở chủ trì theo dõi, đôn đốc các phòng thực hiện Kế hoạch này.",
            "Văn phòng Sở",
            "theo dõi, đôn đốc các phòng thực hiện Kế hoạch này",
        ),
        # "đề nghị" governs every ";" clause of its sentence, as "giao" (schema 14)
        (
            "Đồng chí đề nghị UBND các huyện cử đủ học viên; các sở, ban, ngành tăng cường kiểm tra chất lượng.",
            "các sở, ban, ngành",
            "tăng cường kiểm tra chất lượng",
        ),
        # an introduction naming an activity of its own is one (S 14), one that names none is not (D11.6)
        (
            "Đồng chí đề nghị các sở, ban, ngành thực hiện tốt công tác đào tạo năm 2024, trong đó tập trung:",
            "các sở, ban, ngành",
            "thực hiện tốt công tác đào tạo",
        ),
        ("Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:", "các cơ quan, đơn vị", None),
        # a list of assignees, and an adverb before the verb
        (
            "Đề nghị các sở, ban, ngành, UBND các huyện, thị xã rà soát nhu cầu bồi dưỡng.",
            "các sở, ban, ngành",
            "rà soát nhu cầu bồi dưỡng",
        ),
        ("Đề nghị Bộ Nội vụ sớm ban hành chương trình bồi dưỡng.", "Bộ Nội vụ", "sớm ban hành chương trình bồi dưỡng"),
        # a trailing quota is outside (D7.7b)
        (
            "Giao UBND các huyện tổ chức các lớp bồi dưỡng kiến thức cho công chức cấp xã, gồm 12 lớp với 1.560 người.",
            "UBND các huyện",
            "tổ chức các lớp bồi dưỡng kiến thức cho công chức cấp xã",
        ),
        ("Giao Sở Nội vụ chỉ đạo các cơ quan chức năng có liên quan:", "Sở Nội vụ", None),
        # a line wrapped by the conversion does not end the clause (D0.2); the
        # citation it is done under stays outside (D7.7c)
        (
            "UBND tỉnh yêu cầu các địa phương tổ\nchức triển khai Kế hoạch này gắn với các nội dung\nđược phân "
            "công tại Kế hoạch số 12/KH-UBND.",
            "các địa phương",
            "tổ\nchức triển khai Kế hoạch này gắn với các nội dung\nđược phân công",
        ),
        # an introduction, a past result and closing boilerplate are not activities
        ("Thanh tra Sở Nội vụ sẽ tiến hành thanh tra các nội dung sau: a) ...", "Thanh tra Sở Nội vụ", None),
        ("Sở Nội vụ đã phối hợp với Trường Chính trị tổ chức 12 lớp bồi dưỡng.", "Trường Chính trị", None),
        (
            "Nếu có vướng mắc, đề nghị các cơ quan, đơn vị kịp thời phản ánh về Sở Nội vụ.",
            "các cơ quan, đơn vị",
            None,
        ),
    ],
)
def test_activities_after_an_actor_phrase_or_a_future_work_cue(text, agency, activity):
    """D7.5 and D7.1 in running text, on sentences written for the test."""
    from pipeline.entities.task_recall import linked_activities

    start = text.index(agency)
    spans = [(start, start + len(agency), "AGENCY", 0.9)]
    spans += [(m.start, m.end, m.label, 1.0) for m in find_all(text) if m.label in ("LEGAL_REF", "DATE", "QUOTA")]
    if "UBND các huyện, thị xã rà" in text:
        other = text.index("UBND các huyện, thị xã")
        spans.append((other, other + len("UBND các huyện, thị xã"), "AGENCY", 0.9))
    if "giúp UBND tỉnh" in text:
        helped = text.index("UBND tỉnh")
        spans.append((helped, helped + len("UBND tỉnh"), "AGENCY", 0.9))
    found = [text[s:e] for s, e, label, _ in linked_activities(text, sorted(spans)) if label == "TASK"]
    assert found == ([activity] if activity else [])


def test_an_activity_after_an_actor_phrase_leaves_its_date_outside():
    from pipeline.entities.task_recall import linked_activities

    text = "Bộ Nội vụ chỉ đạo việc lập kế hoạch bồi dưỡng cán bộ, công chức xã năm 2018."
    date = text.index("năm 2018")
    spans = [(0, len("Bộ Nội vụ"), "AGENCY", 0.9), (date, date + len("năm 2018"), "DATE", 1.0)]
    found = [text[s:e] for s, e, label, _ in linked_activities(text, spans) if label == "TASK"]
    assert found == ["lập kế hoạch bồi dưỡng cán bộ, công chức xã"]


@pytest.mark.parametrize(
    ("line", "task"),
    [
        ("- Bồi dưỡng kiến thức quốc phòng - an ninh: 19.547 lượt người.", "Bồi dưỡng kiến thức quốc phòng - an ninh"),
        # the institution after "tại" is outside (D10.4), a place is not an institution
        (
            "Cao cấp lý luận chính trị, hệ tập trung tại Học viện Chính trị khu vực III: Dự kiến 56 chỉ tiêu.",
            "Cao cấp lý luận chính trị, hệ tập trung",
        ),
        ("Tổ chức bồi dưỡng tại nước ngoài: **01 lớp** với **10 chỉ tiêu**.", "Tổ chức bồi dưỡng tại nước ngoài"),
        ("b) Đào tạo trình độ thạc sĩ: khoảng 20 chỉ tiêu", "Đào tạo trình độ thạc sĩ"),
        # a total and a field label are not items (D10.5)
        ("Tổng số lớp bồi dưỡng năm 2025: 75 lớp", None),
        ("- Số lượng đào tạo: 145 chỉ tiêu", None),
        ("Kết quả: 120 học viên", None),
    ],
)
def test_quota_list_items_are_tasks(line: str, task: str | None) -> None:
    spans = [(m.start, m.end, m.label, 1.0) for m in find_all(line)]
    added = [line[s:e] for s, e, label, _ in quota_list_items(line, spans) if label == "TASK"]
    assert added == ([task] if task else [])


def test_each_activity_sentence_of_an_item_is_a_task():
    """D7.3 (one TASK per sentence) and D7.7a (a date after a complete activity
    is outside), on text written for the test: the tagger found only the first
    sentence of the item; "TP. Hồ Chí Minh" does not end a sentence."""
    from pipeline.entities.task_recall import section_item_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "III. TỔ CHỨC THỰC HIỆN\n\n"
        "- Rà soát nhu cầu đào tạo của các cơ quan. Phối hợp với UBND TP. Hồ Chí Minh tổ chức lớp "
        "bồi dưỡng. Đây là nhiệm vụ trọng tâm của ngành. Tập trung bồi dưỡng công chức chưa đạt "
        "chuẩn trong năm 2025, 2026.\n"
    )
    first = "Rà soát nhu cầu đào tạo của các cơ quan"
    date = "năm 2025, 2026"
    spans = [
        (text.index(first), text.index(first) + len(first), "TASK", 0.9),
        (text.index(date), text.index(date) + len(date), "DATE", 1.0),
    ]
    out = section_item_tasks(text, segment(text), spans)
    assert [text[s:e] for s, e, label, _ in out if label == "TASK"] == [
        first,
        "Phối hợp với UBND TP. Hồ Chí Minh tổ chức lớp bồi dưỡng",  # the actor phrase goes in refine_tasks
        "Tập trung bồi dưỡng công chức chưa đạt chuẩn",  # the statement of fact gives none
    ]


def test_a_body_setting_itself_work_with_duties_listed_after_it():
    """D7.4 exception, second wording: "X <activity> với các nhiệm vụ trọng tâm sau:"."""
    from pipeline.entities.task_recall import section_item_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "Năm 2013, Sở Nội vụ tiếp tục triển khai công tác đào tạo, bồi dưỡng với các nhiệm vụ trọng tâm sau:\n"
        "1. Tham mưu UBND tỉnh ban hành kế hoạch đào tạo.\n"
    )
    date = text.index("Năm 2013")
    out = section_item_tasks(text, segment(text), [(date, date + 8, "DATE", 1.0)])
    assert [text[s:e] for s, e, label, _ in out if label == "TASK"] == [
        "tiếp tục triển khai công tác đào tạo, bồi dưỡng",
        "Tham mưu UBND tỉnh ban hành kế hoạch đào tạo",
    ]


def test_a_paragraph_announcing_duties_opens_a_task_section():
    """D7.1 and D7.4 on a news-style text without a "Nhiệm vụ" heading: the
    sections after "... đề ra các nhiệm vụ <activity> ..., cụ thể như sau:"
    hold TASKs, and the activity the body sets itself is one (without its year)."""
    from pipeline.entities.task_recall import section_item_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "Sở Tư pháp đề ra các nhiệm vụ triển khai công tác bồi dưỡng trong năm 2024, cụ thể như sau:\n"
        "1. Công tác chỉ đạo, điều hành\n"
        "- Bám sát kế hoạch của Bộ Tư pháp. Kiểm tra việc cử công chức đi học.\n"
        "2. Công tác tuyên truyền\n"
        "- Đẩy mạnh tuyên truyền về cải cách hành chính.\n"
    )
    date = "năm 2024"
    spans = [(text.index(date), text.index(date) + len(date), "DATE", 1.0)]
    out = section_item_tasks(text, segment(text), spans)
    assert [text[s:e] for s, e, label, _ in out if label == "TASK"] == [
        "triển khai công tác bồi dưỡng",
        "Bám sát kế hoạch của Bộ Tư pháp",
        "Kiểm tra việc cử công chức đi học",
        "Đẩy mạnh tuyên truyền về cải cách hành chính",
    ]
    # without the announcing paragraph nothing marks these sections as duties
    bare = text[text.index("1. Công tác") :]
    assert not [x for x in section_item_tasks(bare, segment(bare), []) if x[2] == "TASK"]


def test_a_list_head_and_a_remnant_after_a_date_are_not_tasks():
    """D7.4 (the head of a cell's sub-list) and D7.7 (words after a date cut
    are outside every TASK), on text written for the test."""
    from pipeline.entities.task_places import drop_cut_remnants, drop_list_heads

    cell = "<p>Đẩy mạnh hợp tác đào tạo với các trường:</p> <ul><li>- Liên kết đào tạo sau đại học.</li></ul>"
    course = "Tổ chức bồi dưỡng trong nước: 74 lớp."
    for text, kept in ((cell, []), (course, ["Tổ chức bồi dưỡng trong nước"])):
        head = text.index(":") if text is course else text.index(":</p>")
        start = text.index("Đẩy") if text is cell else 0
        out = drop_list_heads(text, [(start, head, "TASK", 0.9)])
        assert [text[s:e] for s, e, _, _ in out] == kept

    text = "Chủ trì tổ chức triển khai Kế hoạch đào tạo năm 2025 đảm bảo chất lượng, tiến độ và hiệu quả."
    parts = [("tổ chức triển khai Kế hoạch đào tạo", "TASK"), ("năm 2025", "DATE"), ("đảm bảo chất lượng", "TASK")]
    spans = []
    for sub, label in parts:
        i = text.index(sub)
        end = len(text) - 1 if sub.startswith("đảm bảo") else i + len(sub)
        spans.append((i, end, label, 0.9))
    assert [x[2] for x in drop_cut_remnants(text, spans)] == ["TASK", "DATE"]
    # a second activity with its own actor after the date is kept
    other = text.replace("năm 2025 đảm bảo", "năm 2025; Sở Tài chính bảo đảm")
    spans2 = [(other.index(s), other.index(s) + len(s), lab, 0.9) for s, lab in parts[:2]]
    i = other.index("bảo đảm")
    spans2.append((i, len(other) - 1, "TASK", 0.9))
    assert [x[2] for x in drop_cut_remnants(other, spans2)] == ["TASK", "DATE", "TASK"]


def test_a_name_cut_by_the_tagger_is_mended_and_a_swallowed_quota_freed():
    """D7.6 (a recipient stays inside its TASK) and D10.4 ("<course>: <count>"),
    on text written for the test."""
    from pipeline.entities.task_bounds import cut_at_quotas, mend_cut_names

    text = "UBND tỉnh giao các huyện báo cáo kết quả về Sở Nội vụ trước ngày 15/11/2024."
    task = (text.index("báo cáo"), text.index("Sở Nội vụ") + len("Sở"), "TASK", 0.9)
    rest = (text.index("Nội vụ"), text.index("Nội vụ") + len("Nội vụ"), "AGENCY", 0.9)
    out = mend_cut_names(text, [task, rest])
    assert [(text[s:e], label) for s, e, label, _ in out] == [("báo cáo kết quả về Sở Nội vụ", "TASK")]
    # an AGENCY after a TASK that ends on an ordinary word is left alone
    other = "Tổ chức lớp học Sở Nội vụ"
    spans = [(0, len("Tổ chức lớp học"), "TASK", 0.9), (other.index("Sở"), len(other), "AGENCY", 0.9)]
    assert mend_cut_names(other, spans) == spans

    line = "- Bồi dưỡng kỹ năng chuyển đổi số: 08 lớp, khoảng 600 lượt người."
    swallowed = [(2, line.index(", khoảng"), "TASK", 0.9)]
    out = cut_at_quotas(line, swallowed, find_all(line))
    assert [(line[s:e], label) for s, e, label, _ in out] == [
        ("Bồi dưỡng kỹ năng chuyển đổi số", "TASK"),
        ("08 lớp", "QUOTA"),
    ]


def test_group_rows_without_figures_hold_no_task():
    """D9.2 and D9.7 on a table written for the test."""
    from pipeline.entities.task_places import group_rows
    from pipeline.structure.segmenter import segment

    text = (
        "| STT | Nội dung | Cơ quan chủ trì | Thời gian |\n"
        "|---|---|---|---|\n"
        "| I | Xây dựng kế hoạch |  |  |\n"
        "| 1 | Rà soát nhu cầu đào tạo | Sở Nội vụ | Quý I/2024 |\n"
    )
    rows = group_rows(segment(text))
    assert [text[s:e].strip(" |") for s, e in rows] == ["I | Xây dựng kế hoạch"]


def test_a_programme_with_its_fields_on_plain_lines():
    """D10.2: fields written as plain lines, not list items, still make the
    heading a programme whose title is a TASK, not a group title."""
    from pipeline.entities.rules import programme_tasks
    from pipeline.entities.task_places import group_titles
    from pipeline.structure.segmenter import segment

    text = (
        "1. Bồi dưỡng cập nhật kiến thức cho cán bộ lãnh đạo\n"
        "- Bồi dưỡng kỹ năng lãnh đạo: 02 lớp.\n"
        "Cơ quan chỉ đạo thực hiện: Ban Thường vụ Tỉnh ủy.\n"
        "Đơn vị bồi dưỡng: Trường Chính trị tỉnh.\n"
    )
    structure = segment(text)
    assert [text[s:e] for s, e, _ in programme_tasks(text, structure)] == [
        "Bồi dưỡng cập nhật kiến thức cho cán bộ lãnh đạo"
    ]
    assert group_titles(text, structure) == []


@pytest.mark.parametrize(
    ("text", "task", "freed"),
    [
        # D7.7c: a trailing citation is outside, its entities come back
        (
            "- Thực hiện đánh giá, xếp loại công chức theo đúng quy định tại "
            "Nghị định số 90/2020/NĐ-CP ngày 13/8/2020.",
            "Thực hiện đánh giá, xếp loại công chức",
            [("LEGAL_REF", "Nghị định số 90/2020/NĐ-CP"), ("DATE", "ngày 13/8/2020")],
        ),
        # ... but not a citation in mid-sentence, which more of the duty follows
        (
            "- Đánh giá việc bồi dưỡng theo chỉ dẫn tại Chỉ thị số 28/CT-TTg, báo cáo Chủ tịch UBND tỉnh kết quả.",
            "Đánh giá việc bồi dưỡng theo chỉ dẫn tại Chỉ thị số 28/CT-TTg, báo cáo Chủ tịch UBND tỉnh kết quả",
            [],
        ),
        # D7.7f: the provider and the direction are outside
        (
            "- Cử công chức tham gia các lớp bồi dưỡng do Sở Nội vụ, Trường Chính trị tỉnh tổ chức.",
            "Cử công chức tham gia các lớp bồi dưỡng",
            [],
        ),
        (
            "- Thanh tra đột xuất một số đơn vị theo chỉ đạo của Bộ Nội vụ.",
            "Thanh tra đột xuất một số đơn vị",
            [],
        ),
    ],
)
def test_trailing_citation_provider_and_direction_phrases_are_cut(text, task, freed):
    from pipeline.entities.task_bounds import cut_trailing_phrases

    start = text.index(task[:10])
    spans = [(start, len(text) - 1, "TASK", 0.9)]
    out = cut_trailing_phrases(text, spans, find_all(text))
    assert [(label, text[s:e]) for s, e, label, _ in out] == [("TASK", task)] + freed


def test_the_one_counselled_and_a_joint_class_partner():
    """D7.6: "tham mưu UBND tỉnh «...»" keeps the one counselled inside; S 17:
    "liên kết với X" is an actor phrase whose X is freed as AGENCY."""
    from pipeline.entities.task_bounds import mend_cut_names

    text = "Chủ trì, phối hợp với các sở tham mưu UBND tỉnh tổ chức hội nghị quán triệt Chỉ thị."
    agency = (text.index("UBND tỉnh"), text.index("UBND tỉnh") + len("UBND tỉnh"), "AGENCY", 0.9)
    task = (text.index("tổ chức"), len(text) - 1, "TASK", 0.9)
    out = mend_cut_names(text, [agency, task])
    assert [(text[s:e], label) for s, e, label, _ in out] == [
        ("tham mưu UBND tỉnh tổ chức hội nghị quán triệt Chỉ thị", "TASK")
    ]

    line = "b) Chủ trì, liên kết với Trường Đại học An Giang mở lớp bồi dưỡng ngạch chuyên viên chính."
    partner = "Trường Đại học An Giang"
    a = line.index(partner)
    out = refine_tasks(line, [(line.index("Chủ trì"), len(line) - 1, "TASK", 0.9)], [(a, a + len(partner))])
    assert [(line[s:e], label) for s, e, label, _ in out] == [
        (partner, "AGENCY"),
        ("mở lớp bồi dưỡng ngạch chuyên viên chính", "TASK"),
    ]


def test_a_section_headed_by_several_bodies_holds_their_duties():
    """D6.5, D7.1: "2. Các sở, ban, ngành tỉnh; UBND các huyện" heads duties."""
    from pipeline.entities.task_recall import section_item_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "2. Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố\n"
        "- Cử cán bộ, công chức tham gia đầy đủ các lớp bồi dưỡng.\n"
        "- Báo cáo kết quả thực hiện về Sở Nội vụ.\n"
    )
    bodies = ["Các sở, ban, ngành tỉnh", "UBND các huyện, thị xã, thành phố", "Sở Nội vụ"]
    spans = [(text.index(b), text.index(b) + len(b), "AGENCY", 0.9) for b in bodies]
    out = section_item_tasks(text, segment(text), spans)
    assert [text[s:e] for s, e, label, _ in out if label == "TASK"] == [
        "Cử cán bộ, công chức tham gia đầy đủ các lớp bồi dưỡng",
        "Báo cáo kết quả thực hiện về Sở Nội vụ",
    ]
    # one body only would be the same; a heading that is not only bodies is not a duty section
    other = text.replace("2. Các sở", "2. Kết quả của các sở")
    spans = [(other.index(b), other.index(b) + len(b), "AGENCY", 0.9) for b in ["các sở, ban, ngành tỉnh"]]
    assert not [x for x in section_item_tasks(other, segment(other), spans) if x[2] == "TASK"]


def test_an_introduction_assigning_the_items_below_opens_a_task_section():
    """D11.6: "đề nghị X thực hiện một số nội dung sau:" over numbered items."""
    from pipeline.entities.task_recall import section_item_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "Sở Nội vụ đề nghị các cơ quan, đơn vị thực hiện một số nội dung sau:\n\n"
        "1. Rà soát đội ngũ cán bộ, công chức thuộc phạm vi quản lý.\n\n"
        "2. Đăng ký số lượng học viên tham gia các lớp bồi dưỡng.\n\n"
        "Trân trọng đề nghị các cơ quan quan tâm.\n"
    )
    out = section_item_tasks(text, segment(text), [])
    assert [text[s:e] for s, e, label, _ in out if label == "TASK"] == [
        "Rà soát đội ngũ cán bộ, công chức thuộc phạm vi quản lý",
        "Đăng ký số lượng học viên tham gia các lớp bồi dưỡng",
    ]


def test_fields_naming_who_and_when_hold_no_task():
    """D10.2: a provider, time or target-group field holds bodies, dates and
    groups; a course line that ends in "dành cho đối tượng:" is no such field."""
    from pipeline.entities.task_places import actor_fields
    from pipeline.structure.segmenter import segment

    text = (
        "1. Bồi dưỡng cập nhật kiến thức\n"
        "- Đơn vị bồi dưỡng: Trường Chính trị tỉnh; mời báo cáo viên Trung ương.\n"
        "- Thời gian bồi dưỡng: các lớp dài ngày chia thành từng đợt.\n"
        "+ Bồi dưỡng chức danh nghề nghiệp dành cho đối tượng: giáo viên hạng II.\n"
    )
    extents = [text[s:e].strip() for s, e in actor_fields(text, segment(text))]
    assert any(x.startswith("Đơn vị bồi dưỡng:") for x in extents)
    assert any(x.startswith("Thời gian bồi dưỡng:") for x in extents)
    assert not any("Bồi dưỡng chức danh" in x for x in extents)


def test_a_provider_list_followed_by_how_it_teaches_is_cut_too():
    """D7.7f: "do X, Y tổ chức <how>" running to the end is the provider phrase,
    whatever follows the verb; the bodies come back as AGENCY."""
    from pipeline.entities.task_bounds import cut_trailing_phrases

    text = (
        "- Cử công chức tham gia các khóa bồi dưỡng do Học viện Hành chính Quốc gia, "
        "Trường Chính trị tỉnh tổ chức bồi dưỡng theo thẩm quyền tập trung."
    )
    names = ["Học viện Hành chính Quốc gia", "Trường Chính trị tỉnh"]
    agencies = [(text.index(n), text.index(n) + len(n), "AGENCY", 0.9) for n in names]
    task = (text.index("Cử"), len(text) - 1, "TASK", 0.9)
    out = cut_trailing_phrases(text, [task, *agencies], find_all(text))
    assert [(label, text[s:e]) for s, e, label, _ in out] == [
        ("TASK", "Cử công chức tham gia các khóa bồi dưỡng"),
        *[("AGENCY", n) for n in names],
    ]
    # without the bodies before the verb, "do" opens no provider phrase
    plain = "- Cử công chức đi học do yêu cầu nhiệm vụ tổ chức bộ máy mới."
    out = cut_trailing_phrases(plain, [(2, len(plain) - 1, "TASK", 0.9)], find_all(plain))
    assert [plain[s:e] for s, e, _, _ in out] == [plain[2:-1]]


def test_a_basis_phrase_runs_to_the_comma_before_the_activity():
    """D7.5: "Trên cơ sở <what>, <activity>" where <what> has commas of its own
    ("rà soát, đánh giá", "cơ quan, đơn vị"): the activity starts after the
    comma before it, not after the first comma; a TASK the tagger put on the
    basis phrase alone is dropped, and the item's activity found instead."""
    from pipeline.entities.task_bounds import basis_end
    from pipeline.entities.task_recall import section_item_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "- Trên cơ sở kết quả rà soát, đánh giá thực trạng chức vụ lãnh đạo, quản lý của cán bộ trong cơ quan, "
        "đơn vị, xây dựng kế hoạch cử cán bộ tham gia các khóa bồi dưỡng.\n"
    )
    start = text.index("Trên")
    assert text[basis_end(text, start) :].startswith("xây dựng kế hoạch")
    # no comma before an activity: the first comma ends it, as before
    other = "Căn cứ kết quả, các cơ quan đăng ký nhu cầu."
    assert other[basis_end(other, 0) :].startswith("các cơ quan")
    assert basis_end(text, text.index("xây dựng")) is None

    tagged = (start, text.index(" trong cơ quan"), "TASK", 0.9)  # the basis phrase alone
    spans = section_item_tasks(text, segment(text), [tagged])
    out = refine_tasks(text, spans, [])
    assert [text[s:e] for s, e, label, _ in out if label == "TASK"] == [
        "xây dựng kế hoạch cử cán bộ tham gia các khóa bồi dưỡng"
    ]


def test_a_recipient_the_tagger_left_outside_is_brought_in():
    """D7.6: the body a TASK reports to is inside it, also when the tagger
    stopped on "về" or inside "báo cáo"; not after a comma."""
    from pipeline.entities.task_bounds import mend_cut_names

    for text, tagged_end in (
        ("định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh.", "về"),
        ("Kiểm tra chất lượng các lớp; tổng hợp báo cáo UBND tỉnh.", "báo"),
    ):
        body = "Ủy ban nhân dân tỉnh" if "Ủy ban" in text else "UBND tỉnh"
        task = (0, text.index(tagged_end) + len(tagged_end), "TASK", 0.9)
        agency = (text.index(body), text.index(body) + len(body), "AGENCY", 0.9)
        assert [(text[s:e], label) for s, e, label, _ in mend_cut_names(text, [task, agency])] == [
            (text[: agency[1]], "TASK")
        ]
    text = "Tổ chức lớp học, UBND tỉnh chỉ đạo."
    spans = [(0, 15, "TASK", 0.9), (17, 26, "AGENCY", 0.9)]
    assert mend_cut_names(text, spans) == spans


def test_a_task_never_ends_on_markup_or_the_next_bullet():
    from pipeline.entities.task_bounds import strip_end

    text = "Khảo sát nhu cầu bồi dưỡng kỹ năng số;<br>- Tổ chức lớp"
    end = text.index("Tổ chức")
    assert text[: strip_end(text, 0, end)] == "Khảo sát nhu cầu bồi dưỡng kỹ năng số"
    assert text[: strip_end(text, 0, 6)] == "Khảo s"  # nothing to strip


def test_a_directed_body_and_a_second_assignment_split_the_task():
    """D8.4 and D7.3 (round 6, set H): "Chỉ đạo X phối hợp với Y <activity>; chỉ
    đạo Z <activity>" holds two activities, each after its doer."""
    text = (
        "Chỉ đạo Phòng Nội vụ phối hợp với Trung tâm Bồi dưỡng chính trị cấp huyện mở các lớp bồi dưỡng "
        "cho cán bộ, công chức cấp xã; chỉ đạo UBND các xã, phường, thị trấn cử cán bộ tham gia đầy đủ."
    )
    out = refine_tasks(text, [(0, len(text) - 1, "TASK", 0.9)], find_agencies(text))
    assert [(text[s:e], label) for s, e, label, _ in out] == [
        ("Phòng Nội vụ", "AGENCY"),
        ("Trung tâm Bồi dưỡng chính trị cấp huyện", "AGENCY"),
        ("mở các lớp bồi dưỡng cho cán bộ, công chức cấp xã", "TASK"),
        ("UBND các xã, phường, thị trấn", "AGENCY"),
        ("cử cán bộ tham gia đầy đủ", "TASK"),
    ]
    # a second clause without a doer of its own stays in the TASK (D7.3)
    same = "Rà soát nhu cầu; tổng hợp danh sách học viên."
    assert _refine(same) == ("Rà soát nhu cầu; tổng hợp danh sách học viên", [])


def test_a_joint_class_ends_before_its_partner():
    """D8.5: "liên kết với <institution>" names who provides the class."""
    from pipeline.entities.task_bounds import cut_trailing_phrases

    course = "Xây dựng kế hoạch mở lớp cao cấp lý luận chính trị hệ không tập trung"
    text = course + " liên kết với Học viện Chính trị khu vực III."
    out = cut_trailing_phrases(text, [(0, len(text) - 1, "TASK", 0.9)], find_all(text))
    assert [text[s:e] for s, e, _, _ in out] == [course]


def test_a_list_of_recipients_the_tagger_cut_at_va_is_mended():
    """D7.6: "báo cáo kết quả về UBND tỉnh và" + «Bộ Nội vụ» is one TASK."""
    from pipeline.entities.task_bounds import mend_cut_names

    text = "Tổng hợp, báo cáo kết quả thực hiện về UBND tỉnh và Bộ Nội vụ trước ngày 15/12/2021."
    task = (0, text.index(" Bộ Nội vụ"), "TASK", 0.9)
    body = (text.index("Bộ Nội vụ"), text.index(" trước"), "AGENCY", 0.9)
    out = mend_cut_names(text, [task, body])
    assert [(text[s:e], label) for s, e, label, _ in out] == [
        ("Tổng hợp, báo cáo kết quả thực hiện về UBND tỉnh và Bộ Nội vụ", "TASK")
    ]
    # "và" with no recipient phrase before it: two spans, as tagged
    other = "Tổ chức lớp học và Sở Nội vụ"
    spans = [(0, len("Tổ chức lớp học và"), "TASK", 0.9), (other.index("Sở"), len(other), "AGENCY", 0.9)]
    assert mend_cut_names(other, spans) == spans


def test_future_work_in_a_news_item_is_a_task_and_a_question_is_not():
    """D7.1 in news: "tỉnh sẽ mở các lớp ..." plans an activity; an interviewer's
    "ông sẽ tập trung vào những giải pháp nào?" plans nothing."""
    from pipeline.entities.task_recall import linked_activities

    text = "Trong năm 2026, tỉnh sẽ mở các lớp bồi dưỡng kỹ năng số cho cán bộ cấp xã."
    date = text.index("năm 2026")
    spans = [(date, date + len("năm 2026"), "DATE", 1.0)]
    found = [text[s:e] for s, e, label, _ in linked_activities(text, spans) if label == "TASK"]
    assert found == ["mở các lớp bồi dưỡng kỹ năng số cho cán bộ cấp xã"]
    asked = "Thưa ông, năm tới Sở sẽ tập trung vào những giải pháp nào?"
    assert [x for x in linked_activities(asked, []) if x[2] == "TASK"] == []


def test_a_level_named_after_do_is_no_provider():
    """D7.7f cuts "do <body> tổ chức"; "do tỉnh tổ chức" names no body and stays inside."""
    from pipeline.entities.task_bounds import cut_trailing_phrases

    text = "Cử cán bộ, công chức tham gia các lớp do tỉnh tổ chức."
    out = cut_trailing_phrases(text, [(0, len(text) - 1, "TASK", 0.9)], find_all(text))
    assert [text[s:e] for s, e, _, _ in out] == ["Cử cán bộ, công chức tham gia các lớp do tỉnh tổ chức"]
    named = "Cử cán bộ, công chức tham gia các lớp do Trường Chính trị tỉnh tổ chức."
    out = cut_trailing_phrases(named, [(0, len(named) - 1, "TASK", 0.9)], find_all(named))
    assert [named[s:e] for s, e, _, _ in out] == ["Cử cán bộ, công chức tham gia các lớp"]


@pytest.mark.parametrize(
    ("line", "task"),
    [
        # round 7 (set I): a trainee category closes a course name (D7.8)
        (
            "- Bồi dưỡng kiến thức quốc phòng - an ninh đối tượng 3, 4: 520 lượt người.",
            "Bồi dưỡng kiến thức quốc phòng - an ninh",
        ),
        (
            "| Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3 | 120 |",
            "Bồi dưỡng kiến thức quốc phòng và an ninh",
        ),
    ],
)
def test_a_trainee_category_is_cut_from_a_course(line, task):
    from pipeline.entities.task_bounds import cut_trailing_phrases

    start = line.index(task[:12])
    end = line.index("đối tượng") + len("đối tượng 3, 4" if "3, 4" in line else "đối tượng 3")
    out = cut_trailing_phrases(line, [(start, end, "TASK", 0.9)], find_all(line))
    assert [line[s:e] for s, e, label, _ in out if label == "TASK"] == [task]


def test_a_duty_labelled_as_a_body_becomes_a_task_and_cut_words_go_back():
    """The tagger labels "Chủ trì mở các lớp ..." after "Trường Chính trị tỉnh:" as an AGENCY,
    and runs a name into the verb after it ("Trường Chính trị tỉnh đổi" + "mới nội dung")."""
    from pipeline.entities.agency_bounds import trim_agencies

    text = "Trường Chính trị tỉnh: Chủ trì mở các lớp trung cấp lý luận chính trị."
    duty = text.index("Chủ trì")
    out = trim_agencies(text, [(0, 21, "AGENCY", 0.9), (duty, len(text) - 1, "AGENCY", 0.6)])
    assert [(text[s:e], label) for s, e, label, _ in out] == [
        ("Trường Chính trị tỉnh", "AGENCY"),
        ("Chủ trì mở các lớp trung cấp lý luận chính trị", "TASK"),
    ]
    text = "Phối hợp với Trường Chính trị tỉnh đổi mới nội dung bồi dưỡng."
    a, m = text.index("Trường"), text.index("mới")
    out = trim_agencies(text, [(a, m - 1, "AGENCY", 0.9), (m, len(text) - 1, "TASK", 0.8)])
    assert [(text[s:e], label) for s, e, label, _ in out] == [
        ("Trường Chính trị tỉnh", "AGENCY"),
        ("đổi mới nội dung bồi dưỡng", "TASK"),
    ]


@pytest.mark.parametrize(
    "text, pieces, expected",
    [
        # the duty's object holds the percent: one TASK to the sentence end
        (
            "Đảm bảo có 50% trở lên thời lượng giảng dạy do giảng viên thỉnh giảng đảm nhiệm. Hết.",
            [("Đảm bảo có", "TASK"), ("50% trở lên", "PERCENT")],
            [("Đảm bảo có 50% trở lên thời lượng giảng dạy do giảng viên thỉnh giảng đảm nhiệm", "TASK")],
        ),
        # ... and to a ";" when the sentence goes on
        (
            "Bảo đảm cho 100% công chức thi tuyển được bồi dưỡng; báo cáo kết quả.",
            [("Bảo đảm cho", "TASK"), ("100%", "PERCENT")],
            [("Bảo đảm cho 100% công chức thi tuyển được bồi dưỡng", "TASK")],
        ),
        # a percent after a comma is no object of the TASK
        (
            "Tổ chức bồi dưỡng, 100% cán bộ tham gia.",
            [("Tổ chức bồi dưỡng", "TASK"), ("100%", "PERCENT")],
            [("Tổ chức bồi dưỡng", "TASK"), ("100%", "PERCENT")],
        ),
        # another entity before the sentence end: left as it is
        (
            "Đảm bảo có 50% cán bộ học tại Trường Chính trị tỉnh.",
            [("Đảm bảo có", "TASK"), ("50%", "PERCENT"), ("Trường Chính trị tỉnh", "AGENCY")],
            [("Đảm bảo có", "TASK"), ("50%", "PERCENT"), ("Trường Chính trị tỉnh", "AGENCY")],
        ),
    ],
)
def test_a_task_goes_on_over_the_percent_its_verb_governs(text, pieces, expected):
    from pipeline.entities.task_bounds import join_over_percents

    spans = [(text.index(p), text.index(p) + len(p), label, 1.0) for p, label in pieces]
    out = join_over_percents(text, spans)
    assert [(text[s:e], label) for s, e, label, _ in out] == expected


def test_each_activity_item_of_a_task_table_cell_is_a_task():
    """D7.1/D9.1 on a task table written for the test: the tagger found the
    first of two duties written in one content cell; the second becomes a TASK
    (ending before its closing date), an introducing item ("Xây dựng: ...") and
    a group row without a chair do not."""
    from pipeline.entities.task_recall import table_cell_tasks
    from pipeline.structure.segmenter import segment

    text = (
        "| STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
        "|---|---|---|---|---|\n"
        "| I | Nâng cao chất lượng đội ngũ | | | |\n"
        "| 1 | - Rà soát đội ngũ giảng viên kiêm chức. - Tổ chức tập huấn nghiệp vụ "
        "cho báo cáo viên trong quý III/2026. | Trường Chính trị tỉnh | Sở Nội vụ | 2026 |\n"
        "| 2 | Xây dựng: kế hoạch bồi dưỡng, đề án vị trí việc làm | Sở Nội vụ | Các sở, ngành | 2026 |\n"
    )
    spans = _spans_at(text, [("Rà soát đội ngũ giảng viên kiêm chức", "TASK"), ("quý III/2026", "DATE")])
    out = table_cell_tasks(text, segment(text), spans)
    assert sorted(text[s:e] for s, e, label, _ in out if label == "TASK") == [
        "Rà soát đội ngũ giảng viên kiêm chức",
        "Tổ chức tập huấn nghiệp vụ cho báo cáo viên",
    ]


def test_bare_rates_under_a_rate_column_are_percents():
    """D11.27/D11.28 on an HTML results table written for the test: the
    figures under "Tỷ lệ (%)" are PERCENT, the counts beside them are not."""
    from pipeline.entities.rules import structure_rules
    from pipeline.structure.segmenter import segment

    text = (
        "<table>\n"
        "<tr><td>STT</td><td>Nội dung</td><td>Số lượng</td><td>Tỷ lệ (%)</td></tr>\n"
        "<tr><td>1</td><td>Bồi dưỡng ngạch chuyên viên</td><td>120</td><td>96,5</td></tr>\n"
        "<tr><td>2</td><td>Bồi dưỡng lãnh đạo cấp phòng</td><td>80</td><td>104</td></tr>\n"
        "</table>\n"
    )
    found = {(text[s:e], label) for s, e, label in structure_rules(text, segment(text))}
    assert {("96,5", "PERCENT"), ("104", "PERCENT"), ("120", "QUOTA"), ("80", "QUOTA")} <= found
    assert not {("96,5", "QUOTA"), ("104", "QUOTA"), ("120", "PERCENT")} & found


@pytest.mark.parametrize(
    ("text", "task"),
    [
        # D11.28: the words a cut date or amount leaves behind are not the activity's
        (
            "Khảo sát mức độ hài lòng của người dân sau bồi dưỡng, hoàn thành",
            "Khảo sát mức độ hài lòng của người dân sau bồi dưỡng",
        ),
        (
            "Tổ chức lớp tập huấn kỹ năng tiếp công dân; thời gian thực hiện",
            "Tổ chức lớp tập huấn kỹ năng tiếp công dân",
        ),
        ("Tham mưu bố trí kinh phí thực hiện Kế hoạch, tổng số", "Tham mưu bố trí kinh phí thực hiện Kế hoạch"),
        # not an activity that ends in "hoàn thành" itself
        ("Tạo điều kiện để công chức tham dự và hoàn thành", "Tạo điều kiện để công chức tham dự và hoàn thành"),
    ],
)
def test_a_task_does_not_end_on_what_a_cut_date_or_amount_left(text: str, task: str) -> None:
    from pipeline.entities.task_bounds import strip_end

    assert text[: strip_end(text, 0, len(text))] == task


@pytest.mark.parametrize(
    "text, pieces, expected",
    [
        # the bodies supervised, an unnamed group between them, then the verb's complement
        (
            "- Định kỳ kiểm tra, giám sát các sở, ngành, đơn vị thuộc UBND huyện; các hội quần chúng; "
            "UBND các xã trong việc thực hiện Quyết định số 12/QĐ-UBND ngày 05/3/2024; báo cáo kết quả.",
            [
                ("Định kỳ kiểm tra, giám sát các sở", "TASK"),
                ("ngành, đơn vị thuộc UBND huyện", "AGENCY"),
                ("UBND các xã", "AGENCY"),
                ("Quyết định số 12/QĐ-UBND", "LEGAL_REF"),
                ("ngày 05/3/2024", "DATE"),
            ],
            "Định kỳ kiểm tra, giám sát các sở, ngành, đơn vị thuộc UBND huyện; các hội quần chúng; "
            "UBND các xã trong việc thực hiện Quyết định số 12/QĐ-UBND ngày 05/3/2024",
        ),
        # the verb alone before one body, then "triển khai"
        (
            "Phòng Nội vụ hướng dẫn, đôn đốc Trung tâm Chính trị huyện triển khai các lớp bồi dưỡng.",
            [
                ("Phòng Nội vụ", "AGENCY"),
                ("hướng dẫn, đôn đốc", "TASK"),
                ("Trung tâm Chính trị huyện", "AGENCY"),
                ("triển khai các lớp bồi dưỡng", "TASK"),
            ],
            "hướng dẫn, đôn đốc Trung tâm Chính trị huyện triển khai các lớp bồi dưỡng",
        ),
    ],
)
def test_the_bodies_a_task_supervises_are_inside_it(text, pieces, expected):
    """Clarification 16 and D7.6: bodies inspected are the verb's objects."""
    from pipeline.entities.task_bounds import take_in_supervised

    out = take_in_supervised(text, _spans_at(text, pieces))
    assert [text[s:e] for s, e, label, _ in out if label == "TASK"] == [expected]
    # the bodies inside are gone; a body before the TASK stays
    assert [text[s:e] for s, e, label, _ in out if label == "AGENCY"] == [
        p for p, label in pieces if label == "AGENCY" and text.index(p) < text.index(expected)
    ]


@pytest.mark.parametrize(
    "text, pieces",
    [
        # no complement after the bodies: they may be the actors of the next clause
        (
            "- Thường xuyên kiểm tra các sở, Sở Tài chính bố trí kinh phí.",
            [("Thường xuyên kiểm tra các sở", "TASK"), ("Sở Tài chính", "AGENCY")],
        ),
        # the TASK does not end on a supervising verb
        (
            "- Tổ chức lớp bồi dưỡng, Sở Nội vụ thực hiện việc cấp chứng chỉ.",
            [("Tổ chức lớp bồi dưỡng", "TASK"), ("Sở Nội vụ", "AGENCY")],
        ),
        # a sentence ends between the TASK and the body
        (
            "Tăng cường kiểm tra. Sở Nội vụ thực hiện việc cấp chứng chỉ.",
            [("Tăng cường kiểm tra", "TASK"), ("Sở Nội vụ", "AGENCY")],
        ),
    ],
)
def test_bodies_after_a_task_that_supervises_nothing_stay_agencies(text, pieces):
    from pipeline.entities.task_bounds import take_in_supervised

    spans = _spans_at(text, pieces)
    assert take_in_supervised(text, spans) == spans


@pytest.mark.parametrize(
    ("table", "course", "task"),
    [
        # round 12 (set N): a course in a table cell ends before its target group (D7.8) ...
        (
            "Các lớp:\nTT\tLoại lớp\tSố lớp\tSố học viên\n"
            "1\tBồi dưỡng lý luận chính trị dành cho đảng viên mới\t04\t320\n",
            "Bồi dưỡng lý luận chính trị dành cho đảng viên mới",
            "Bồi dưỡng lý luận chính trị",
        ),
        (
            "| STT | Tên lớp | Chỉ tiêu |\n|---|---|---|\n"
            "| 4 | Bồi dưỡng kỹ năng số, chuyển đổi số cho công chức cấp xã | 120 |\n",
            "Bồi dưỡng kỹ năng số, chuyển đổi số cho công chức cấp xã",
            "Bồi dưỡng kỹ năng số, chuyển đổi số",
        ),
        # ... but a table of duties, with a column of the bodies that chair them, lists whole activities
        (
            "Các nhiệm vụ:\nTT\tNội dung\tCơ quan chủ trì\tThời gian\n"
            "1\tBồi dưỡng kỹ năng số cho cán bộ cấp xã\tSở Nội vụ\tQuý II/2026\n",
            "Bồi dưỡng kỹ năng số cho cán bộ cấp xã",
            "Bồi dưỡng kỹ năng số cho cán bộ cấp xã",
        ),
    ],
)
def test_a_course_cell_ends_before_its_target_group_unless_the_table_lists_duties(table, course, task):
    from pipeline.entities.task_places import duty_tables
    from pipeline.structure.segmenter import segment

    start = table.index(course)
    out = refine_tasks(table, [(start, start + len(course), "TASK", 0.9)], [], duty_tables(segment(table)))
    assert [table[s:e] for s, e, label, _ in out if label == "TASK"] == [task]


def test_a_news_item_s_coordinator_phrase_is_outside_the_activity():
    text = "Trường Chính trị Trần Phú sẽ tiếp tục phối hợp với Sở Nội vụ mở các lớp bồi dưỡng chuyên sâu."
    start = text.index("sẽ")
    agency = (text.index("Sở Nội vụ"), text.index("Sở Nội vụ") + len("Sở Nội vụ"))
    out = refine_tasks(text, [(start, len(text) - 1, "TASK", 0.9)], [agency])
    assert [(text[s:e], label) for s, e, label, _ in out] == [
        ("Sở Nội vụ", "AGENCY"),
        ("mở các lớp bồi dưỡng chuyên sâu", "TASK"),
    ]
