"""Entity recognition on the inputs the held-out set will bring: cut-off text,
lone words, table rows the segmenter could not read as tables."""

from __future__ import annotations

import pytest

from pipeline.entities.merge import merge_spans, split_at_tabs
from pipeline.entities.tagger import TaggedSpan


@pytest.mark.parametrize(
    "text",
    ["", "Sở", "các cơ quan", "Giao cho các", "Ủy ban", "Sở Nội vụ", "ngày 05 tháng", "Nghị định số", "\t\t", "- "],
)
def test_cut_off_text_does_not_crash_and_spans_are_in_bounds(nlp, text):
    doc = nlp(text)
    for e in doc.ents:
        assert 0 <= e.start_char < e.end_char <= len(text)


def test_a_row_with_tabs_gives_one_agency_per_cell(nlp):
    text = "Các sở, ban, ngành tỉnh; UBND huyện, thành phố\tSở Nội vụ"
    agencies = [e.text for e in nlp(text).ents if e.label_ == "AGENCY"]
    assert "Sở Nội vụ" in agencies
    assert all("\t" not in a for a in agencies)


def test_split_at_tabs_keeps_each_cell_with_its_label_and_score():
    text = "UBND tỉnh\t Sở Tài chính \t\t-"
    pieces = split_at_tabs(text, [TaggedSpan(0, len(text), "AGENCY", 0.7)])
    assert [(text[p.start : p.end], p.label, p.score) for p in pieces] == [
        ("UBND tỉnh", "AGENCY", 0.7),
        ("Sở Tài chính", "AGENCY", 0.7),
    ]


def test_merge_cuts_a_task_before_a_rule_span_and_keeps_rules():
    text = "Tổ chức các lớp bồi dưỡng kiến thức quốc phòng năm 2025."
    year = text.index("năm 2025")
    merged = merge_spans(text, [(year, year + 8, "DATE")], [TaggedSpan(0, len(text) - 1, "TASK", 0.9)])
    assert (year, year + 8, "DATE", 1.0) in merged
    task = [m for m in merged if m[2] == "TASK"]
    assert len(task) == 1 and text[task[0][0] : task[0][1]] == "Tổ chức các lớp bồi dưỡng kiến thức quốc phòng"


def _merged_texts(text: str, rules: list[tuple[str, str]], task: str) -> list[tuple[str, str]]:
    """merge_spans on one tagged TASK and rule spans given by their text."""
    spans = [(text.index(t), text.index(t) + len(t), label) for t, label in rules]
    start = text.index(task)
    merged = merge_spans(text, spans, [TaggedSpan(start, start + len(task), "TASK", 0.9)])
    return [(text[s:e], label) for s, e, label, _ in merged]


def test_merge_keeps_a_citation_the_activity_verb_governs_inside_the_task():
    # D3.8: the citation is the object of "quán triệt"; its date stays with it
    text = "Tổ chức quán triệt Nghị quyết số 12-NQ/TU ngày 03/5/2024 đến toàn thể đảng viên trong tháng 6."
    task = "Tổ chức quán triệt Nghị quyết số 12-NQ/TU ngày 03/5/2024 đến toàn thể đảng viên"
    merged = _merged_texts(
        text, [("Nghị quyết số 12-NQ/TU", "LEGAL_REF"), ("ngày 03/5/2024", "DATE"), ("tháng 6", "DATE")], task
    )
    assert merged == [(task, "TASK"), ("tháng 6", "DATE")]


def test_merge_cuts_a_task_before_the_words_that_introduce_a_followed_citation():
    # D3.8, D7.7c/f: "theo đúng chỉ đạo của X tại <citation>" leaves the TASK, and the
    # report after the citation is an activity of its own
    text = (
        "Định kỳ rà soát việc cử công chức đi học theo đúng chỉ đạo của Bộ Nội vụ tại "
        "Công văn số 45/BNV-ĐT ngày 02/3/2023, gửi báo cáo kết quả về Sở Nội vụ trước ngày 15/12."
    )
    task = text[text.index("rà soát") : text.index(" trước ngày")]
    merged = _merged_texts(
        text,
        [("Công văn số 45/BNV-ĐT", "LEGAL_REF"), ("ngày 02/3/2023", "DATE"), ("ngày 15/12", "DATE")],
        task,
    )
    assert ("rà soát việc cử công chức đi học", "TASK") in merged
    assert ("gửi báo cáo kết quả về Sở Nội vụ", "TASK") in merged
    assert ("Công văn số 45/BNV-ĐT", "LEGAL_REF") in merged and ("ngày 02/3/2023", "DATE") in merged


def test_merge_does_not_take_a_citation_in_when_the_task_opens_with_the_verb():
    # "Thực hiện <citation>" opening a line is a basis, not an object inside an activity
    text = "Thực hiện Kế hoạch số 28/KH-UBND ngày 15/3/2022 của UBND tỉnh về bồi dưỡng công chức"
    merged = _merged_texts(text, [("Kế hoạch số 28/KH-UBND", "LEGAL_REF"), ("ngày 15/3/2022", "DATE")], text)
    assert ("Kế hoạch số 28/KH-UBND", "LEGAL_REF") in merged
    assert not [t for t, label in merged if label == "TASK" and "28/KH-UBND" in t]


def test_no_predicted_entity_crosses_a_tab_on_the_seed_tables(nlp):
    from tests.conftest import SEEDS

    text = SEEDS["son-la"].read_text(encoding="utf-8")
    doc = nlp(text)
    assert doc.ents
    assert not [e.text for e in doc.ents if "\t" in e.text]


def test_agency_grammar_stops_at_a_cell_boundary():
    from pipeline.entities.agencies import find_agencies

    text = "Sở Nội vụ, Ban Tổ chức tỉnh ủy\tQĐ của UBND tỉnh\tTrường Chính trị tỉnh"
    assert [text[s:e] for s, e in find_agencies(text)] == [
        "Sở Nội vụ",
        "Ban Tổ chức tỉnh ủy",
        "UBND tỉnh",
        "Trường Chính trị tỉnh",
    ]


def test_blocks_are_computed_once_per_structure_and_text():
    """The tagger, the task places and the relation index share one block
    list; a different text (or a fresh structure) gets its own."""
    from pipeline.entities.features import blocks_of
    from pipeline.structure.segmenter import segment

    text = "1. Sở Nội vụ chủ trì tổ chức bồi dưỡng.\n2. Sở Tài chính bố trí kinh phí.\n"
    structure = segment(text)
    first = blocks_of(structure, text)
    assert blocks_of(structure, "".join(list(text))) is first  # equal text, other object
    assert [text[b.start : b.end] for b in first] == [text[b.start : b.end] for b in blocks_of(segment(text), text)]
    other = text.replace("Sở Nội vụ", "Sở Nội Vụ")
    assert blocks_of(structure, other) is not first


def test_a_list_of_bodies_after_a_semicolon_opens_a_clause_of_its_own(nlp):
    """Found by stress set I: a duty sentence joined by ";" to a list of bodies
    ("...; Thường trực HĐND tỉnh, các Ban ...") crashed the clause joiner, and
    the TASK must not run over the bodies into their own activity (D7.3)."""
    text = (
        "Nghị quyết giao UBND tỉnh tổ chức triển khai thực hiện; Thường trực HĐND tỉnh, các Ban HĐND tỉnh "
        "giám sát việc thực hiện Nghị quyết."
    )
    ents = [(e.label_, e.text) for e in nlp(text).ents]
    assert ("TASK", "tổ chức triển khai thực hiện") in ents
    assert ("AGENCY", "Thường trực HĐND tỉnh") in ents


def test_bare_amounts_in_a_budget_column_are_money_in_the_stated_unit(nlp):
    """Like the bare counts of a quota column (D9.7), the bare figures under
    "Kinh phí" are amounts; the caption gives the unit."""
    text = (
        "(Đơn vị tính: lượt người; kinh phí: triệu đồng)\n"
        "<table>\n<tr><th>TT</th><th>Nội dung</th><th>Số lượng</th><th>Kinh phí</th></tr>\n"
        "<tr><td>1</td><td>Bồi dưỡng tiếng Anh</td><td>300</td><td>1.250,5</td></tr>\n"
        "</table>\n"
    )
    money = [(e.text, e._.value["amount"]) for e in nlp(text).ents if e.label_ == "MONEY"]
    assert money == [("1.250,5", 1_250_500_000)]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Khóa học", "content"),  # round 11: a course table's course column (set M)
        ("Tên lớp", "content"),
        ("Nội dung thực hiện", "content"),
        ("Đơn vị đào tạo", "provides"),
        ("Cơ quan phối hợp", "coord"),
        ("Cơ quan chủ trì", "chair"),
        ("Thời gian", "time"),
        ("Số lượt", "count"),
        ("Ghi chú", "note"),
    ],
)
def test_a_column_role_is_read_from_its_header(header: str, role: str) -> None:
    from pipeline.entities.features import column_role

    assert column_role(header) == role


def test_tokens_are_grouped_by_the_last_block_that_starts_before_them() -> None:
    from pipeline.entities.features import Block, _token_groups

    blocks = [Block(5, 20, "paragraph"), Block(10, 12, "list_item"), Block(30, 40, "heading"), Block(30, 35, "cell")]
    token_starts = [0, 2, 6, 10, 11, 14, 25, 30, 33, 36, 45]
    groups = [(b.kind if b else None, idx) for b, idx in _token_groups(blocks, [b.start for b in blocks], token_starts)]
    assert groups == [
        (None, [0, 1]),  # before any block
        ("paragraph", [2]),  # up to where the list item starts
        ("list_item", [3, 4]),
        (None, [5, 6]),  # past the list item's end: the paragraph is not its last block
        # the heading starts with the cell: the cell, which starts later in the list, takes the tokens
        ("cell", [7, 8]),
        (None, [9, 10]),
    ]
