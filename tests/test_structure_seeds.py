"""Structure of the five seed plans, checked against values read by hand from
the documents (header fields, heading outline, every appendix table row)."""

from __future__ import annotations

import pytest

from pipeline.reading import read_document
from pipeline.structure.lines import plain
from pipeline.structure.segmenter import segment
from tests.conftest import SEEDS


def _load(name):
    doc = read_document(SEEDS[name])
    return doc.text, segment(doc.text)


def _fields(text, node):
    return {f.name: plain(text[f.start : f.end]) for f in node.fields}


def _outline(text, structure, max_level=2):
    """(level, marker, title) of headings down to max_level."""
    out = []
    for node in structure.walk():
        if node.kind == "heading" and node.level <= max_level:
            out.append((node.level, node.marker, plain(text[node.title.start : node.title.end])))
    return out


# --- Sơn La ----------------------------------------------------------------


def test_son_la_headers():
    text, st = _load("son-la")
    headers = st.of_kind("header")
    assert len(headers) == 2  # the decision, then the plan it approves
    decision, plan = (_fields(text, h) for h in headers)
    assert decision["number"] == "269 /QĐ-UBND"
    assert decision["place"] == "Sơn La"
    assert decision["date"] == "ngày 05 tháng 02 năm 2021"
    assert headers[0].field("date").value == "2021-02-05"
    assert decision["kind"] == "QUYẾT ĐỊNH"
    assert decision["title"].startswith("Về việc phê duyệt Kế hoạch đào tạo, bồi dưỡng")
    assert decision["title"].endswith("tỉnh Sơn La giai đoạn 2021 - 2025")
    assert decision["issuer"] == "ỦY BAN NHÂN DÂN TỈNH SƠN LA"
    assert plan["issuer"] == "ỦY BAN NHÂN DÂN TỈNH SON LA"  # as written, diacritic lost
    assert plan["kind"] == "KẾ HOẠCH"
    assert plan["title"] == (
        "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức trên địa bàn tỉnh Sơn La giai đoạn 2021-2025"
    )
    assert plan["issued_with"].startswith("(Ban hành kèm theo Quyết định số 269 /QĐ-UBND")


def test_son_la_outline():
    text, st = _load("son-la")
    top = [(m, t) for lvl, m, t in _outline(text, st, 1)]
    assert top == [
        (
            "Điều 1.",
            "Ban hành kèm theo Quyết định này Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên "
            "chức trên địa bàn tỉnh Sơn La giai đoạn 2021-2025.",
        ),
        (
            "Điều 2.",
            "Giao Giám đốc Sở Nội vụ chủ trì phối hợp các sở, ban, ngành và Ủy ban nhân dân các "
            "huyện, thành phố tổ chức triển khai thực hiện theo kế hoạch.",
        ),
        (
            "Điều 3.",
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành "
            "tỉnh và Chủ tịch UBND huyện, thành phố chịu trách nhiệm thi hành quyết định này.",
        ),
        ("I.", "MỤC TIÊU"),
        ("II.", "NỘI DUNG"),
        ("III.", "SỐ LƯỢNG VÀ KINH PHÍ THỰC HIỆN"),
        ("IV.", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("V.", "LỘ TRÌNH VÀ TỔ CHỨC THỰC HIỆN"),
        (
            "PHỤ LỤC",
            "Lộ trình, phân công trách nhiệm tổ chức thực hiện Kế hoạch đào tạo, bồi dưỡng cán bộ, "
            "công chức, viên chức giai đoạn 2021 - 2025 (kèm theo Quyết định số 269/QĐ-UBND ngày "
            "15/02/2021 của Ủy ban nhân dân tỉnh)",
        ),
    ]
    sections = [(m, t) for lvl, m, t in _outline(text, st, 3) if lvl == 3 and m.count(".") == 2]
    assert sections == [
        ("2.1.", "Sở Nội vụ"),
        ("2.2.", "Sở Tài chính"),
        ("2.3.", "Các sở, ban, ngành tỉnh và UBND huyện, thành phố"),
        ("2.4.", "Giao các cơ sở đào tạo, bồi dưỡng"),
    ]
    # "2.1. Sở Nội vụ" holds its four duty bullets
    sni = next(n for n in st.walk() if n.kind == "heading" and n.marker == "2.1.")
    assert [c.kind for c in sni.children] == ["list_item"] * 4


def test_son_la_signature_and_recipients():
    text, st = _load("son-la")
    (sig,) = st.of_kind("signature")
    assert _fields(text, sig) == {
        "capacity": "TM. ỦY BAN NHÂN DÂN",
        "capacity_body": "ỦY BAN NHÂN DÂN",
        "title": "CHỦ TỊCH",
        "signer": "Hoàng Quốc Khánh",
    }
    (rec,) = st.of_kind("recipients")
    assert [text[i.start : i.end] for i in rec.items] == [
        "Bộ Nội vụ",
        "Thường trực tỉnh ủy",
        "Thường trực UBND tỉnh",
        "Ban Tổ chức Tỉnh ủy",
        "Như Điều 3",
        "Trưởng Chính trị tỉnh",
        "Các đơn vị sự nghiệp thuộc tỉnh",
        "Các huyện ủy, thành ủy",
        "Lưu: VT, NC, Hiệp (35b)",
    ]


# (STT, content starts with, chair, coordinators start with, products start with, time)
SON_LA_TASK_ROWS = [
    (
        "1",
        "Tổ chức phổ biến, quán triệt trách nhiệm",
        "Các cơ quan hành chính, đơn vị sự nghiệp thuộc tỉnh, UBND huyện, thành phố",
        "Các cơ quan truyền thông",
        "Các hội nghị; chương trình phát thanh",
        "Ít nhất 02 lượt/năm",
    ),
    (
        "2",
        "Xây dựng: a) Kế hoạch đào tạo, bồi dưỡng giai đoạn 2021-2025",
        "Các cơ quan hành chính, đơn vị sự nghiệp trực thuộc tỉnh; UBND huyện, thành phố",
        "Ban Tổ chức Tỉnh ủy; Sở Nội vụ;",
        "Quyết định, kế hoạch của Thủ trưởng Sở",
        "a) Quý I năm 2021",
    ),
    ("", "b) Kế hoạch đào tạo, bồi dưỡng hàng năm", "", "", "", "b) Trước 01/10 hàng năm"),
    (
        "1",
        "Thực hiện công tác luân chuyển để đào tạo",
        "Các cơ quan hành chính, đơn vị sự nghiệp trực thuộc tỉnh; UBND huyện, thành phố",
        "Sở Nội vụ, Ban Tổ chức tỉnh ủy",
        "QĐ của Chủ tịch UBND tỉnh",
        "Theo kế hoạch hàng năm",
    ),
    (
        "2",
        "Đẩy mạnh công tác quy hoạch CB,CC,VC",
        "Các cơ quan hành chính, đơn vị sự nghiệp trực thuộc tỉnh; UBND huyện, thành phố",
        "Ban Tổ chức tình ủy, Sở Nội vụ",
        "Văn bản hướng dẫn, Quyết định",
        "Theo quy định định kỳ thực hiện tháng, quý, năm",
    ),
    (
        "3",
        "Tăng cường thực hiện chất lượng công tác đánh giá",
        "Các cơ quan hành chính, đơn vị sự nghiệp trực thuộc tỉnh; UBND huyện, thành phố",
        "Ban Tổ chức tình ủy, Sở Nội vụ",
        "Văn bản hướng dẫn, Quyết định",
        None,
    ),
    (
        "1",
        "Tăng cường đầu tư xây dựng cơ sở vật chất",
        "Các cơ sở đào tạo, bồi dưỡng của tỉnh",
        "Sở Tài chính, Sở Kế hoạch, đầu tư",
        "Quyết định của UBND tỉnh",
        "Trong giai đoạn và thực hiện kế hoạch của năm",
    ),
    (
        "2",
        "- Thường xuyên tổ chức bồi dưỡng",
        "Ban Tuyên giáo tỉnh ủy",
        "Ban Tổ chức tình ủy; các cơ sở đào tạo",
        "Quyết định của cấp có thẩm quyền",
        None,
    ),
    (
        "3",
        "Biên soạn mới, nâng cao chất lượng chương trình",
        "Các cơ sở đào tạo, bồi dưỡng của tỉnh",
        "Ban Tổ chức, Ban Tuyên giáo tình ủy, Sở Nội vụ",
        "Quyết định của cấp có thẩm quyền",
        "Từ 2021 - 2025",
    ),
    (
        "1",
        "Tham mưu UBND tỉnh phê duyệt kế hoạch",
        "Sở Nội vụ",
        "Ban Tổ chức tỉnh ủy, Sở Tài chính;",
        "Quyết định của UBND tỉnh",
        None,
    ),
    (
        "2",
        "Cân đối hợp lý kinh phí",
        "Các cơ quan hành chính, đơn vị sự nghiệp trực thuộc UBND tỉnh; UBND huyện, thành phố",
        "Sở Tài chính và các cơ quan có liên quan",
        "",
        "Thường xuyên trong năm",
    ),
    (
        "3",
        "Tăng cường công tác quản lý, kiểm tra, hướng dẫn",
        "Sở Tài chính",
        "Các cơ quan hành chính",
        "Văn bản hướng dẫn của Sở Tài chính",
        "Thường xuyên trong năm",
    ),
    (
        "4",
        "Theo dõi, kiểm tra, đôn đốc, hướng dẫn",
        "Sở Nội vụ",
        "Các cơ quan có liên quan",
        "Văn bản của Sở Nội vụ",
        None,
    ),
    (
        "5",
        "Tổ chức, rà soát. Đánh giá công tác",
        "Sở Nội vụ",
        "Ban Tổ chức Tỉnh ủy; các cơ quan hành chính",
        "Văn bản hướng dẫn của Sở Nội vụ",
        "Trong quý IV hàng năm",
    ),
    (
        "6",
        "Đẩy mạnh hợp tác đào tạo, bồi dưỡng CB,CC,VC:",
        "Sở Nội vụ",
        "Ban Tổ chức tỉnh ủy, Sở Tài chính;",
        "Văn bản triển khai của Sở Nội vụ",
        "Theo kế hoạch hàng năm",
    ),
    (
        "1",
        "Đảm bảo kinh phí ( từ nguồn ngân sách",
        "Sở Tài chính",
        "Các cơ quan hành chính",
        "Văn bản của Sở Tài chính",
        "Theo kế hoạch chi ngân sách hàng năm",
    ),
    (
        "2",
        "Nghiên cứu đổi cơ chế phân bổ",
        "Sở Tài chính",
        "Các cơ quan hành chính",
        "Văn bản của Sở Tài chính",
        None,
    ),
    (
        "3",
        "Báo cáo thực hiện Kế hoạch đào tạo",
        "Sở Nội vụ",
        "Ban Tổ chức tỉnh ủy; các Sở, ban ngành;",
        "Báo cáo của UBND tỉnh",
        "Trong quý IV/2025",
    ),
]


def test_son_la_appendix_table():
    text, st = _load("son-la")
    (table,) = st.tables
    assert table.attrs["layout"] == "tab"
    assert table.attrs["header"] == [
        "STT",
        "Nội dung thực hiện",
        "Cơ quan, đơn vị chủ trì tham mưu, thực hiện",
        "Cơ quan, đơn vị phối hợp tham mưu, thực hiện",
        "Các hoạt động, sản phẩm",
        "Thời gian hoàn thành",
    ]
    rows = [r for r in table.rows if r.kind in ("body", "continuation")]
    assert len(rows) == len(SON_LA_TASK_ROWS)
    for row, (stt, content, chair, coord, products, time) in zip(rows, SON_LA_TASK_ROWS):
        cells = [plain(text[c.start : c.end]) for c in row.cells]
        assert len(cells) == 6
        assert cells[0] == stt
        assert cells[1].startswith(content), cells[1]
        assert cells[2] == chair
        assert cells[3].startswith(coord), cells[3]
        assert cells[4].startswith(products), cells[4]
        if time is not None:
            assert cells[5] == time
        # each cell knows its column header
        assert row.cells[2].header == "Cơ quan, đơn vị chủ trì tham mưu, thực hiện"
    groups = [plain(text[r.cells[1].start : r.cells[1].end]) for r in table.rows if r.kind == "group"]
    assert [g.split()[0] for g in groups] == ["Nâng", "Tiếp", "Sắp", "Nâng", "Chính"]
    assert sum(r.kind == "header" for r in table.rows) == 4  # repeated on each page
    assert rows[2].kind == "continuation"


# --- Lạng Sơn ---------------------------------------------------------------


def test_lang_son_header_and_outline():
    text, st = _load("lang-son")
    h = _fields(text, st.header)
    assert h["number"] == "/KH-UBND"  # a draft: no number yet
    assert h["place"] == "Lạng Sơn"
    assert h["date"] == "ngày tháng 9 năm 2024"
    assert st.header.field("date").value == "2024-09"
    assert h["kind"] == "KẾ HOẠCH"
    assert h["title"] == "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức tỉnh Lạng Sơn năm 2025"
    assert [(m, t) for lvl, m, t in _outline(text, st, 1)] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("II.", "ĐỐI TƯỢNG ĐÀO TẠO, BỒI DƯỠNG"),
        ("III.", "NỘI DUNG ĐÀO TẠO, BỒI DƯỠNG"),
        ("IV.", "CHỈ TIÊU ĐÀO TẠO, BỒI DƯỠNG"),
        ("V.", "KINH PHÍ THỰC HIỆN"),
        ("VI.", "TỔ CHỨC THỰC HIỆN"),
    ]
    vi = next(n for n in st.walk() if n.kind == "heading" and n.marker == "VI.")
    duty_sections = [plain(text[c.title.start : c.title.end]) for c in vi.children if c.kind == "heading"]
    assert duty_sections == [
        "Sở Nội vụ",
        "Sở Tài chính",
        "Sở Ngoại vụ",
        "Các sở, ban, ngành, UBND các huyện, thành phố Lạng Sơn",
        "Trường Chính trị Hoàng Văn Thụ",
    ]
    sni = vi.children[0]
    assert [c.marker for c in sni.children] == ["1.1.", "1.2.", "1.3.", "1.4."]


def test_lang_son_footnotes_signature():
    text, st = _load("lang-son")
    notes = {n.marker: plain(text[n.title.start : n.title.end]) for n in st.of_kind("footnote")}
    assert sorted(notes) == ["1", "2", "3", "4"]
    assert notes["1"].startswith("Viên chức đáp ứng điều kiện, tiêu chuẩn cử đi đào tạo sau đại học")
    assert notes["4"] == "Bao gồm cả đối tượng diện Ban Thường vụ Tỉnh ủy quản lý."
    refs = [n for n in st.walk() if n.attrs.get("footnote_refs")]
    assert [1] in [n.attrs["footnote_refs"] for n in refs]
    (sig,) = st.of_kind("signature")
    assert _fields(text, sig) == {
        "capacity": "TM. ỦY BAN NHÂN DÂN",
        "capacity_body": "ỦY BAN NHÂN DÂN",
        "delegation": "KT. CHỦ TỊCH",
        "title": "PHÓ CHỦ TỊCH",
        "signer": "Dương Xuân Huyền",
    }
    (rec,) = st.of_kind("recipients")
    assert len(rec.items) == 11


# --- Quảng Ngãi --------------------------------------------------------------


def test_quang_ngai_header_outline_signature():
    text, st = _load("quang-ngai")
    assert _fields(text, st.header) == {
        "kind": "KẾ HOẠCH",
        "title": "đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2021",
    }
    assert [(m, t) for lvl, m, t in _outline(text, st, 1)] == [
        ("I.", "Mục đích, yêu cầu"),
        ("II.", "Về công tác đào tạo"),
        ("III.", "Về công tác bồi dưỡng"),
        ("IV.", "Kinh phí đào tạo, bồi dưỡng"),
        ("V.", "Tổ chức thực hiện"),
    ]
    ii = next(n for n in st.walk() if n.kind == "heading" and n.marker == "II.")
    programmes = [plain(text[c.title.start : c.title.end]) for c in ii.children]
    assert programmes[0] == "Đào tạo Cao cấp lý luận chính trị và Hoàn chỉnh chương trình cao cấp lý luận chính trị"
    assert programmes[2] == "Đào tạo Trung cấp lý luận chính trị - hành chính"
    assert programmes[3] == "Đào tạo sau đại học"
    # programme fields are list items of the programme heading
    fields = [plain(text[i.title.start : i.title.end]) for i in ii.children[2].children]
    assert "Đơn vị đào tạo: Trường Chính trị tỉnh." in fields
    assert "Thời gian thực hiện: Trong năm 2021." in fields
    (sig,) = st.of_kind("signature")
    assert _fields(text, sig)["signer"] == "Đặng Ngọc Huy"
    assert _fields(text, sig)["capacity"] == "T/M BAN THƯỜNG VỤ"


# --- Sóc Trăng --------------------------------------------------------------


def test_soc_trang_quota_table():
    text, st = _load("soc-trang")
    assert _fields(text, st.header) == {
        "kind": "KẾ HOẠCH",
        "title": "Đào tạo, bồi dưỡng cán bộ, công chức tỉnh Sóc Trăng giai đoạn 2011 - 2015",
    }
    assert [m for lvl, m, t in _outline(text, st, 1)] == ["I.", "II.", "III.", "IV."]
    (table,) = st.tables
    assert table.attrs["layout"] == "pipe"
    body = [[plain(text[c.start : c.end]) for c in r.cells] for r in table.rows if r.kind != "header"]
    assert body == [
        ["A", "TRONG NƯỚC", "25.750", "5.770", "5.240", "5.240", "4.750", "4.750", ""],
        ["I", "ĐÀO TẠO", "1.250", "270", "240", "240", "250", "250", ""],
        ["1", "Các lớp chính trị", "390", "70", "80", "80", "80", "80", ""],
        ["2", "Các lớp CMNV", "560", "100", "110", "110", "120", "120", ""],
        ["3", "Tiếng Anh", "300", "100", "50", "50", "50", "50", ""],
        ["II", "BỒI DƯỠNG", "24.500", "5.500", "5.000", "5.000", "4.500", "4.500", ""],
        ["B", "NƯỚC NGOÀI", "200", "40", "40", "40", "40", "40", ""],
        ["I", "ĐÀO TẠO", "50", "10", "10", "10", "10", "10", ""],
        ["II", "BỒI DƯỠNG", "150", "30", "30", "30", "30", "30", ""],
        ["", "TỔNG CỘNG (A+B)", "25.950", "5.810", "5.280", "5.280", "4.790", "4.790", ""],
    ]
    headers = table.rows[-1].cells
    assert headers[2].header == "Tổng số"
    # the year columns sit under the merged "Số lượng ... (người)" header
    assert headers[3].header == "Số lượng đào tạo, bồi dưỡng theo từng năm (người) / 2011"
    assert headers[7].header.endswith("/ 2015") and "(người)" in headers[7].header


# --- Thanh Hóa ---------------------------------------------------------------

# (content starts with, product, chair, coordinators, time) for full task rows
THANH_HOA_ROWS = [
    (
        "1",
        "Đánh giá thực trạng đội ngũ",
        "Kế hoạch",
        "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố.",
        "Sở Nội vụ.",
        "Hàng năm",
    ),
    (
        "1",
        "Tập trung cơ sở vật chất",
        "- Báo cáo. - Các chuyên đề bồi dưỡng.",
        "Trường Chính trị tỉnh.",
        "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố.",
        "Năm 2019",
    ),
    (
        "2",
        "Xây dựng kế hoạch, đào tạo, bồi dưỡng nâng cao năng lực đội ngũ giảng viên",
        "Kế hoạch",
        "Trường Chính trị tỉnh.",
        "Trung tâm Bồi dưỡng Chính trị các huyện, thị xã, thành phố.",
        "Quý II/2019",
    ),
    ("3", "Mời các chuyên gia", "Báo cáo", "Trường Chính trị tỉnh.", "Sở Nội vụ.", "Hàng năm"),
    (
        "4",
        "Tăng cường phối hợp với các cơ sở đào tạo",
        "Báo cáo",
        "Sở Nội vụ.",
        "- Các sở, ban, ngành, UBND các huyện, thị xã, thành phố. - Trường Chính trị tỉnh.",
        "Hàng năm",
    ),
    (
        "1",
        "Cử cán bộ, công chức, viên chức lãnh đạo",
        "Báo cáo",
        "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố.",
        "- Sở Nội vụ. - Trường Chính trị tỉnh.",
        "Năm 2019",
    ),
    (
        "2",
        "Tổ chức các khóa bồi dưỡng lý luận chính trị",
        "Các khóa đào tạo, bồi dưỡng.",
        "Trường Chính trị tỉnh.",
        "Sở Nội vụ.",
        "Hàng năm",
    ),
    (
        "3",
        "Tổ chức các khóa bồi dưỡng kiến thức, kỹ năng lãnh đạo quản lý",
        "Các khóa bồi dưỡng.",
        "Sở Nội vụ.",
        "- Các sở, ban, ngành, UBND các huyện, thị xã, thành phố. - Trường Chính trị tỉnh.",
        "Hàng năm",
    ),
    (
        "4",
        "Tổ chức hoặc cử viên chức",
        "- Khóa bồi dưỡng. - Báo cáo.",
        "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố.",
        "- Sở Nội vụ. - Trường Chính trị tỉnh.",
        "Hàng năm",
    ),
    (
        "1",
        "Tổ chức đánh giá chất lượng đối với các khóa bồi dưỡng",
        "Báo cáo",
        "Trường Chính trị tỉnh.",
        "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố.",
        "Hàng năm",
    ),
    (
        "2",
        "Thanh tra, kiểm tra định kỳ, đột xuất",
        "Báo cáo",
        "Sở Nội vụ",
        "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố.",
        "Theo chương trình thanh tra, kiểm tra.",
    ),
]


def test_thanh_hoa_broken_table():
    text, st = _load("thanh-hoa")
    h = _fields(text, st.header)
    assert h["kind"] == "KẾ HOẠCH"
    assert h["title"].startswith("TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 28/CT-TTG NGÀY 18/9/2018")
    assert [(m, t) for lvl, m, t in _outline(text, st, 1)] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("II.", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("III.", "KINH PHÍ THỰC HIỆN"),
        ("IV.", "TỔ CHỨC THỰC HIỆN"),
    ]
    (table,) = st.tables
    assert table.attrs["layout"] == "broken"
    assert table.attrs["columns"] == 8
    groups = [plain(text[r.cells[0].start : r.cells[0].end]) for r in table.rows if r.kind == "group"]
    assert groups == [
        "II. Xây dựng kế hoạch đào tạo, bồi dưỡng",
        "III. Nâng cao năng lực đào tạo, bồi dưỡng",
        "IV. Tăng cường hoạt động đào tạo, bồi dưỡng",
        "V. Thực hiện quản lý, kiểm tra chất lượng bồi dưỡng",
    ]
    body = [r for r in table.rows if r.kind == "body"]
    assert len(body) == len(THANH_HOA_ROWS)
    for row, (stt, content, product, chair, coord, time) in zip(body, THANH_HOA_ROWS):
        cells = {c.column: plain(text[c.start : c.end]) for c in row.cells}
        assert cells[0] == stt
        assert cells[1].startswith(content), cells[1]
        assert cells[2] == product
        assert cells[3] == chair
        assert cells[4] == coord
        assert cells[5] == time and cells[6] == time  # the time column is duplicated
    # the first row was cut by the page: only its agencies and time survive,
    # aligned to the chair / coordinator / time columns
    first = table.rows[0]
    assert first.kind == "partial"
    cells = {c.column: plain(text[c.start : c.end]) for c in first.cells}
    assert cells[3] == "- Đài Phát thanh và Truyền hình tỉnh."
    assert cells[4].startswith("- Sở Thông tin và Truyền thông. - Báo Thanh Hóa.")
    assert "Hàng năm" in (cells.get(5), cells.get(6))


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_offsets_are_exact(name):
    """Every node, field, cell and item points into the document text."""
    text, st = _load(name)
    for node in st.walk():
        assert 0 <= node.start <= node.end <= len(text)
        for f in node.fields:
            assert text[f.start : f.end].strip() == text[f.start : f.end]
        for row in node.rows:
            for c in row.cells:
                assert text[c.start : c.end].strip() == text[c.start : c.end]


def test_a_header_authority_block_is_one_agency_with_or_without_diacritics():
    """D1.3 and D11.1: the authority lines of a header, a unit under its
    parent included, are one AGENCY; a header copied without diacritics too."""
    from pipeline.entities.rules import header_authorities
    from pipeline.structure.segmenter import segment

    for block in ("TỈNH ỦY HƯNG YÊN\nBAN THƯỜNG VỤ", "UBND TINH DAK LAK\nSO NOI VU"):
        text = f"{block}\nCONG HOA XA HOI CHU NGHIA VIET NAM\nSố: 86-KH/TU\n\nKẾ HOẠCH\nĐào tạo cán bộ năm 2022\n"
        assert [text[s:e] for s, e, _ in header_authorities(text, segment(text))] == [block]
    # an issuer copied from a BODY line is not an authority block
    text = (
        "SOURCE: https://x.gov.vn/a\nBODY: Ủy ban nhân dân tỉnh Hậu Giang (Kế hoạch số 25/KH-UBND)\n\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
    )
    assert header_authorities(text, segment(text)) == []


@pytest.mark.parametrize(
    "block",
    [
        # central bodies under their parent, a name wrapped by a narrow column (round 10, set L)
        "BỘ NỘI VỤ\nCỤC VĂN THƯ VÀ LƯU TRỮ\nNHÀ NƯỚC",
        "BỘ NỘI VỤ\nHỌC VIỆN HÀNH CHÍNH\nVÀ QUẢN TRỊ CÔNG",
        "KHO BẠC NHÀ NƯỚC",
        "TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM\nTỔNG CÔNG TY ĐIỆN LỰC MIỀN BẮC",
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG\nĐẢNG ỦY BỘ NỘI VỤ",
    ],
)
def test_the_issuer_of_a_central_body_or_an_enterprise_is_its_whole_block(block: str) -> None:
    from pipeline.entities.rules import header_authorities

    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    text = f"{block}\n--------\nSố: 1187/VTLTNN-TTNC\n\n{motto}\n\nKẾ HOẠCH\nBồi dưỡng năm 2025\n"
    header = segment(text).nodes[0]
    assert header.kind == "header"
    assert text[header.field("issuer").start : header.field("issuer").end] == block
    assert [text[s:e] for s, e, _ in header_authorities(text, segment(text))] == [block]


def test_a_line_after_the_issuer_that_names_no_body_does_not_join_it() -> None:
    """Only an upper-case line without digits continues the body's name: the
    number line and a title do not."""
    text = "BỘ NỘI VỤ\nSố: 12/KH-BNV\nKẾ HOẠCH\nBồi dưỡng năm 2025\n"
    header = segment(text).nodes[0]
    assert text[header.field("issuer").start : header.field("issuer").end] == "BỘ NỘI VỤ"


@pytest.mark.parametrize("gap", ["\t", "      ", " | "])
def test_a_header_laid_out_in_columns_is_read_column_by_column(gap: str) -> None:
    """A converter or a web page flattens the two-column header into lines
    whose columns a tab, a wide gap or a pipe separates (D11.10)."""
    text = (
        "ỦY BAN NHÂN DÂN\n"
        f"TỈNH HÀ NAM{gap}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        f"Số: 1845/KH-UBND{gap}Hà Nam, ngày 12 tháng 6 năm 2019\n\n"
        "KẾ HOẠCH\nBồi dưỡng cán bộ, công chức năm 2019\n\nI. MỤC ĐÍCH\n"
    )
    header = segment(text).nodes[0]
    fields = {f.name: text[f.start : f.end] for f in header.fields}
    assert header.kind == "header"
    assert fields["issuer"] == "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM"
    assert fields["number"] == "1845/KH-UBND"
    assert fields["date"] == "ngày 12 tháng 6 năm 2019"
