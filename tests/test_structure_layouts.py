"""Layouts met in plans from other provinces (stress set H, round 6), on text
written for the test: a deputy's signature, a bare pipe table with a wrapped
cell, related news marked with arrows. Expected values are read off the text."""

from __future__ import annotations

from pipeline.structure.segmenter import segment


def _fields(text: str, node) -> dict[str, str]:
    return {f.name: text[f.start : f.end] for f in node.fields}


def test_a_deputy_signs_under_a_position_not_a_body() -> None:
    text = "- Lưu: VT, TCCB.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nPhùng Đức Thịnh\n\nPHỤ LỤC\n"
    (sig,) = segment(text).of_kind("signature")
    fields = _fields(text, sig)
    assert fields["signer"] == "Phùng Đức Thịnh"
    assert fields["title"] == "THỨ TRƯỞNG"
    assert "capacity_body" not in fields  # "BỘ TRƯỞNG" is the minister, not a ministry


def test_a_standing_deputy_secretary_signs_for_a_committee() -> None:
    text = "- Lưu Văn phòng Tỉnh ủy.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\n\nHuỳnh Minh Luân\n"
    (sig,) = segment(text).of_kind("signature")
    fields = _fields(text, sig)
    assert fields["capacity_body"] == "BAN THƯỜNG VỤ"
    assert fields["signer"] == "Huỳnh Minh Luân"


BARE_PIPES = (
    "II. NHIỆM VỤ\n\n"
    "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Số lượng | Thời gian\n"
    "1 | Hướng dẫn đăng ký nhu cầu | Phòng Công chức, viên chức | Các sở | - | Quý I/2026\n"
    "2 | Tổ chức bồi dưỡng kỹ năng vận hành chính quyền hai cấp\n"
    "cho lãnh đạo cấp xã | Sở Nội vụ | Trường Chính trị tỉnh | 1.240 | Quý II/2026\n"
    " | Tổng hợp kết quả, báo cáo | | | - | Trước ngày 15/12/2026\n"
    "\nIII. KINH PHÍ\n"
)


def test_a_bare_pipe_table_with_a_wrapped_cell() -> None:
    (table,) = segment(BARE_PIPES).tables
    cells = [[BARE_PIPES[c.start : c.end] for c in row.cells] for row in table.rows]
    assert [row.kind for row in table.rows] == ["header", "body", "body", "continuation"]
    assert cells[2] == [
        "2",
        "Tổ chức bồi dưỡng kỹ năng vận hành chính quyền hai cấp\ncho lãnh đạo cấp xã",
        "Sở Nội vụ",
        "Trường Chính trị tỉnh",
        "1.240",
        "Quý II/2026",
    ]
    assert table.attrs["header"][2] == "Cơ quan chủ trì"
    # the heading after the table is still a heading
    assert any(BARE_PIPES[n.start : n.end].startswith("III. KINH PHÍ") for n in segment(BARE_PIPES).of_kind("heading"))


def test_a_pipe_table_row_wrapped_by_the_conversion_stays_one_row() -> None:
    """A long cell broken over two lines ("... dịch vụ công" / "trực tuyến | 6
    | 420 | 850 |"): the next line brings the row to the table's pipes, and
    the rows after it are still the table's (round 10, set L)."""
    text = (
        "| STT | Nội dung bồi dưỡng | Số lớp | Số lượt công chức |\n|---|---|---|---|\n"
        "| 1 | Bồi dưỡng nghiệp vụ kế toán | 14 | 980 |\n"
        "| 2 | Bồi dưỡng kỹ năng vận hành dịch vụ công\ntrực tuyến | 6 | 420 |\n"
        "| 3 | Bồi dưỡng lãnh đạo cấp phòng | 5 | 310 |\n\nTiếp theo.\n"
    )
    (table,) = segment(text).tables
    cells = [[text[c.start : c.end] for c in row.cells] for row in table.rows]
    assert cells[2] == ["2", "Bồi dưỡng kỹ năng vận hành dịch vụ công\ntrực tuyến", "6", "420"]
    assert cells[3] == ["3", "Bồi dưỡng lãnh đạo cấp phòng", "5", "310"]
    assert len(table.rows) == 4
    # a line that does not complete the row is running text, not a wrapped cell
    broken = text.replace("trực tuyến | 6 | 420 |", "trực tuyến")
    last_row = segment(broken).tables[0].rows[-1]
    assert [broken[c.start : c.end] for c in last_row.cells][:2] == ["2", "Bồi dưỡng kỹ năng vận hành dịch vụ công"]


def test_a_line_with_pipes_in_running_text_is_no_table() -> None:
    text = "Nội dung | xem mục II\nđã nêu ở trên.\n"  # one pipe: no header row of cells
    assert segment(text).tables == []


def test_related_news_marked_with_arrows_are_chrome() -> None:
    text = (
        "Thu Trang\n\nTIN LIÊN QUAN\n» Hà Tĩnh bố trí hơn 2.100 cán bộ, công chức cấp xã\n"
        "» Bồi dưỡng kỹ năng số cho hơn 4.000 cán bộ cơ sở\n© Báo Hà Tĩnh\n"
    )
    chrome = [text[n.start : n.end] for n in segment(text).of_kind("boilerplate")]
    assert chrome[0].startswith("TIN LIÊN QUAN") and chrome[0].endswith("cán bộ cơ sở")


# --- round 7 (set I): the closing block laid out in two columns with tabs ------


def test_recipients_and_signature_side_by_side() -> None:
    """Copied from a two-column Word layout: each line holds a recipient, a
    tab, then a line of the signature block."""
    text = (
        "Đề nghị các địa phương thực hiện./.\n\n"
        "Nơi nhận:\tKT. BỘ TRƯỞNG\n"
        "- Như trên;\tTHỨ TRƯỞNG\n"
        "- Văn phòng Chính phủ;\t\n"
        "- Bộ Nội vụ;\t(Đã ký)\n"
        "- Lưu: VT, CĐS.\tLê Văn Tám\n"
    )
    structure = segment(text)
    (rec,) = structure.of_kind("recipients")
    assert [text[i.start : i.end] for i in rec.items] == [
        "Như trên",
        "Văn phòng Chính phủ",
        "Bộ Nội vụ",
        "Lưu: VT, CĐS",
    ]
    (sig,) = structure.of_kind("signature")
    assert _fields(text, sig) == {"capacity": "KT. BỘ TRƯỞNG", "title": "THỨ TRƯỞNG", "signer": "Lê Văn Tám"}
    assert not structure.tables


def test_a_signature_indented_with_tabs_is_no_table() -> None:
    text = (
        "2. Các sở, ngành tổ chức thực hiện.\n\n"
        "\tTM. ỦY BAN NHÂN DÂN\n\tKT. CHỦ TỊCH\n\tPHÓ CHỦ TỊCH\n\n\t(Đã ký)\n\n\tVõ Hữu Nghĩa\n"
    )
    structure = segment(text)
    assert not structure.tables
    (sig,) = structure.of_kind("signature")
    fields = _fields(text, sig)
    assert fields["capacity_body"] == "ỦY BAN NHÂN DÂN"
    assert fields["signer"] == "Võ Hữu Nghĩa"


def test_the_signature_goes_on_below_the_last_recipient() -> None:
    text = (
        "Nơi nhận:\n- Bộ Nội vụ (b/c);\n- TT.TU, TT.HĐND tỉnh (b/c);\n- Lưu: VT, NC.\tTM. ỦY BAN NHÂN DÂN\n"
        "\tKT. CHỦ TỊCH\n\tPHÓ CHỦ TỊCH\n\n\t(Đã ký)\n\n\tThạch Sơn Huỳnh\n"
    )
    structure = segment(text)
    (rec,) = structure.of_kind("recipients")
    assert [text[i.start : i.end] for i in rec.items][-1] == "Lưu: VT, NC"
    (sig,) = structure.of_kind("signature")
    fields = _fields(text, sig)
    assert (fields["capacity_body"], fields["delegation"], fields["signer"]) == (
        "ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "Thạch Sơn Huỳnh",
    )


def test_the_path_index_finds_the_same_paths_as_a_scan() -> None:
    from pipeline.reading import iter_paths, read_document
    from pipeline.structure.model import PathIndex
    from tests.conftest import CORPUS

    checked = 0
    for path in list(iter_paths([CORPUS]))[:8]:
        text = read_document(path).text
        structure = segment(text)
        index = PathIndex(structure)
        for offset in range(0, len(text), 97):
            assert index.path_at(offset) == structure.path_at(offset), (path.name, offset)
            checked += bool(index.path_at(offset))
    assert checked > 200


def test_the_path_index_scans_a_level_whose_nodes_overlap() -> None:
    from pipeline.structure.model import Node, PathIndex, Structure

    # the second node starts inside the first: bisection would pick it for offset 12
    outer, inner = Node("paragraph", 0, 20), Node("paragraph", 10, 11)
    structure = Structure(text_length=20, nodes=[outer, inner])
    assert PathIndex(structure).path_at(12) == [outer] == structure.path_at(12)
    assert PathIndex(structure).path_at(10) == [outer]
