"""Relation decisions on small hand-built plans, one layout or cue per test.

Each text is written the way plans from any province write it (a programme
block with labelled fields, a duty section, an assignment table, a "do X tổ
chức" sentence); the expected relations are read off the annotation schema
and GUIDELINES.md, not off the code. Both configurations are checked where
the decision is structural: ``rule_relations`` and the classifier with no
trained model (which then keeps only the layout's own decisions).
"""

from __future__ import annotations

import pytest

from pipeline.relations.candidates import Ent, _Index
from pipeline.relations.classifier import RelationClassifier, rule_relations
from pipeline.structure.segmenter import segment

Rel = tuple[str, str, str]


def _spans(text: str, items: list[tuple]) -> list[tuple[int, int, str]]:
    """(substring, label[, occurrence]) -> character spans."""
    out = []
    for sub, label, *occ in items:
        i = -1
        for _ in range((occ[0] if occ else 0) + 1):
            i = text.index(sub, i + 1)
        out.append((i, i + len(sub), label))
    return out


def _relations(text: str, items: list[tuple], system: str) -> set[Rel]:
    spans = _spans(text, items)
    structure = segment(text)
    if system == "rules":
        found = rule_relations(text, structure, spans)
    else:  # no trained model: only what the layout and cues decide
        found = RelationClassifier({}).predict(text, structure, spans)
    return {(r.label, text[r.head.start : r.head.end], text[r.tail.start : r.tail.end]) for r in found}


BOTH = pytest.mark.parametrize("system", ["rules", "structural"])

# --- programme block with labelled fields (D10.2) ----------------------------

PROGRAMME = (
    "KẾ HOẠCH\n\nĐào tạo, bồi dưỡng cán bộ năm 2021\n\nI. Về công tác đào tạo\n\n"
    "1. Đào tạo Trung cấp lý luận chính trị - hành chính\n\n"
    "- Số lượng đào tạo: Dự kiến 460 học viên. "
    # a long quota breakdown puts the other fields far from the title
    + "Trong đó: hệ không tập trung tại các huyện theo nhu cầu đăng ký của địa phương. "
    * 25
    + "\n\n- Cơ quan chỉ đạo thực hiện: Ban Thường vụ Tỉnh ủy.\n\n"
    "- Cơ quan tổ chức thực hiện: Ban Tổ chức Tỉnh ủy.\n\n"
    "- Đơn vị đào tạo: Học viện Chính trị khu vực III, Trường Chính trị tỉnh.\n\n"
    "- Thời gian thực hiện: Trong năm 2021 theo thông báo của Học viện Báo chí và Tuyên truyền.\n\n"
    "2. Bồi dưỡng kiến thức quốc phòng và an ninh\n\n- Số lượng: Theo nhu cầu đăng ký.\n"
)
PROGRAMME_SPANS = [
    ("Đào tạo Trung cấp lý luận chính trị - hành chính", "TASK"),
    ("460 học viên", "QUOTA"),
    ("Ban Thường vụ Tỉnh ủy", "AGENCY"),
    ("Ban Tổ chức Tỉnh ủy", "AGENCY"),
    ("Học viện Chính trị khu vực III", "AGENCY"),
    ("Trường Chính trị tỉnh", "AGENCY"),
    ("năm 2021", "DATE", 1),
    ("Học viện Báo chí và Tuyên truyền", "AGENCY"),
    ("Bồi dưỡng kiến thức quốc phòng và an ninh", "TASK"),
]


@BOTH
def test_programme_fields_link_to_their_title_however_far(system: str) -> None:
    title = "Đào tạo Trung cấp lý luận chính trị - hành chính"
    assert _relations(PROGRAMME, PROGRAMME_SPANS, system) == {
        ("QUOTA_OF", title, "460 học viên"),
        ("DIRECTS", "Ban Thường vụ Tỉnh ủy", title),
        ("CHAIRS", "Ban Tổ chức Tỉnh ủy", title),
        ("PROVIDES", "Học viện Chính trị khu vực III", title),
        ("PROVIDES", "Trường Chính trị tỉnh", title),
        # "Thời gian thực hiện" is a time field although it says "thực hiện":
        # its date is the deadline and the notice-giver is no actor
        ("DEADLINE", title, "năm 2021"),
    }


# --- duty sections (D8.1, D8.2) ----------------------------------------------

DUTIES = (
    "KẾ HOẠCH\n\nĐào tạo, bồi dưỡng năm 2022\n\nIV. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Sở Nội vụ\n\n"
    "1.1. Chủ trì, phối hợp với Sở Tài chính, Ban Tổ chức Tỉnh ủy và các cơ quan liên quan:\n\n"
    "a) Hướng dẫn triển khai kế hoạch đào tạo, bồi dưỡng.\n\n"
    "b) Tổng hợp nhu cầu đào tạo của các địa phương.\n\n"
    "1.2. Báo cáo UBND tỉnh (thông qua Văn phòng UBND tỉnh):\n\n"
    "a) Kết quả cử cán bộ tham gia đào tạo, bồi dưỡng.\n\n"
    "1.3. Trên cơ sở kế hoạch của Sở Y tế, tổng hợp nhu cầu bồi dưỡng viên chức ngành y tế.\n\n"
    "2. Sở Tài chính\n\n"
    "- Phối hợp với Sở Kế hoạch và Đầu tư, Kho bạc Nhà nước tỉnh bố trí kinh phí đào tạo.\n"
)
DUTY_SPANS = [
    ("Sở Nội vụ", "AGENCY"),
    ("Sở Tài chính", "AGENCY"),
    ("Ban Tổ chức Tỉnh ủy", "AGENCY"),
    ("các cơ quan liên quan", "AGENCY"),
    ("Hướng dẫn triển khai kế hoạch đào tạo, bồi dưỡng", "TASK"),
    ("Tổng hợp nhu cầu đào tạo của các địa phương", "TASK"),
    ("UBND tỉnh", "AGENCY"),
    ("Văn phòng UBND tỉnh", "AGENCY"),
    ("Kết quả cử cán bộ tham gia đào tạo, bồi dưỡng", "TASK"),
    ("Sở Y tế", "AGENCY"),
    ("tổng hợp nhu cầu bồi dưỡng viên chức ngành y tế", "TASK"),
    ("Sở Tài chính", "AGENCY", 1),
    ("Sở Kế hoạch và Đầu tư", "AGENCY"),
    ("Kho bạc Nhà nước tỉnh", "AGENCY"),
    ("bố trí kinh phí đào tạo", "TASK"),
]


@BOTH
def test_every_body_after_phoi_hop_coordinates(system: str) -> None:
    found = _relations(DUTIES, DUTY_SPANS, system)
    for task in ("Hướng dẫn triển khai kế hoạch đào tạo, bồi dưỡng", "Tổng hợp nhu cầu đào tạo của các địa phương"):
        for body in ("Sở Tài chính", "Ban Tổ chức Tỉnh ủy", "các cơ quan liên quan"):
            assert ("COORDINATES", body, task) in found
            assert ("CHAIRS", body, task) not in found
    for body in ("Sở Kế hoạch và Đầu tư", "Kho bạc Nhà nước tỉnh"):
        assert ("COORDINATES", body, "bố trí kinh phí đào tạo") in found


@BOTH
def test_bodies_named_as_recipients_or_owners_get_nothing(system: str) -> None:
    found = _relations(DUTIES, DUTY_SPANS, system)
    assert not [r for r in found if r[1] in ("UBND tỉnh", "Văn phòng UBND tỉnh", "Sở Y tế")]


def test_section_agency_chairs_unless_the_item_names_its_doer() -> None:
    found = _relations(DUTIES, DUTY_SPANS, "rules")
    assert ("CHAIRS", "Sở Nội vụ", "Hướng dẫn triển khai kế hoạch đào tạo, bồi dưỡng") in found
    # "kế hoạch của Sở Y tế" names an owner, not a doer: the section agency still chairs
    assert ("CHAIRS", "Sở Nội vụ", "tổng hợp nhu cầu bồi dưỡng viên chức ngành y tế") in found
    assert ("CHAIRS", "Sở Tài chính", "bố trí kinh phí đào tạo") in found


# --- assignment table (D9.1, D9.5) -------------------------------------------

TABLE = (
    "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n"
    "STT\tNội dung thực hiện\tCơ quan chủ trì\tCơ quan phối hợp\tCác hoạt động, sản phẩm\tThời gian hoàn thành\n"
    "1\tRà soát nhu cầu đào tạo\tSở Nội vụ\tSở Tài chính\tQuyết định của UBND tỉnh\tQuý I năm 2021\n"
    "2\tBố trí kinh phí đào tạo\tSở Tài chính\tSở Nội vụ\tBáo cáo của UBND tỉnh\tQuý II năm 2021\n"
)
TABLE_SPANS = [
    ("Rà soát nhu cầu đào tạo", "TASK"),
    ("Sở Nội vụ", "AGENCY"),
    ("Sở Tài chính", "AGENCY"),
    ("UBND tỉnh", "AGENCY"),
    ("Quý I năm 2021", "DATE"),
    ("Bố trí kinh phí đào tạo", "TASK"),
    ("Sở Tài chính", "AGENCY", 1),
    ("Sở Nội vụ", "AGENCY", 1),
    ("UBND tỉnh", "AGENCY", 1),
    ("Quý II năm 2021", "DATE"),
]


@BOTH
def test_table_columns_decide_and_product_cells_give_nothing(system: str) -> None:
    assert _relations(TABLE, TABLE_SPANS, system) == {
        ("CHAIRS", "Sở Nội vụ", "Rà soát nhu cầu đào tạo"),
        ("COORDINATES", "Sở Tài chính", "Rà soát nhu cầu đào tạo"),
        ("DEADLINE", "Rà soát nhu cầu đào tạo", "Quý I năm 2021"),
        ("CHAIRS", "Sở Tài chính", "Bố trí kinh phí đào tạo"),
        ("COORDINATES", "Sở Nội vụ", "Bố trí kinh phí đào tạo"),
        ("DEADLINE", "Bố trí kinh phí đào tạo", "Quý II năm 2021"),
    }


# --- providers in free text (D8.5) ---------------------------------------------

PROVIDERS = (
    "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n"
    "- Cử cán bộ tham gia các lớp bồi dưỡng lãnh đạo, quản lý do Học viện Hành chính Quốc gia, "
    "Trường Chính trị tỉnh tổ chức.\n"
)


@BOTH
def test_every_body_of_a_do_list_provides(system: str) -> None:
    items = [
        ("Cử cán bộ tham gia các lớp bồi dưỡng lãnh đạo, quản lý", "TASK"),
        ("Học viện Hành chính Quốc gia", "AGENCY"),
        ("Trường Chính trị tỉnh", "AGENCY"),
    ]
    task = "Cử cán bộ tham gia các lớp bồi dưỡng lãnh đạo, quản lý"
    assert _relations(PROVIDERS, items, system) == {
        ("PROVIDES", "Học viện Hành chính Quốc gia", task),
        ("PROVIDES", "Trường Chính trị tỉnh", task),
    }


def test_cues_reach_every_member_of_a_list() -> None:
    text = "- Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Y tế và Ban Tổ chức Tỉnh ủy tổ chức thực hiện.\n"
    names = ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Ban Tổ chức Tỉnh ủy"]
    spans = _spans(text, [(n, "AGENCY") for n in names])
    ents = sorted((Ent(s, e, label) for s, e, label in spans), key=lambda e: e.start)
    cues = _Index(text, segment(text), ents).cues
    by_name = {text[e.start : e.end]: cue for e, cue in cues.items()}
    assert by_name["Sở Nội vụ"] == ("assign", "chair")
    assert {by_name[n][0] for n in names[1:]} == {"coord"}


# --- the trained classifier keeps the layout's decisions -----------------------


@pytest.fixture(scope="module")
def trained() -> RelationClassifier:
    """A classifier trained on the gold corpus, as ``vnplan train`` trains it."""
    from evaluation.data import load_docs
    from evaluation.systems import relation_examples
    from tests.conftest import ANNOTATIONS

    return RelationClassifier.train(relation_examples(load_docs(ANNOTATIONS)))


def _predicted(model: RelationClassifier, text: str, items: list[tuple]) -> set[Rel]:
    found = model.predict(text, segment(text), _spans(text, items))
    return {(r.label, text[r.head.start : r.head.end], text[r.tail.start : r.tail.end]) for r in found}


def test_trained_model_reads_the_table_like_the_layout(trained: RelationClassifier) -> None:
    assert _predicted(trained, TABLE, TABLE_SPANS) == _relations(TABLE, TABLE_SPANS, "rules")


def test_trained_model_on_duty_sections(trained: RelationClassifier) -> None:
    found = _predicted(trained, DUTIES, DUTY_SPANS)
    assert ("CHAIRS", "Sở Nội vụ", "Hướng dẫn triển khai kế hoạch đào tạo, bồi dưỡng") in found
    assert ("COORDINATES", "Ban Tổ chức Tỉnh ủy", "Tổng hợp nhu cầu đào tạo của các địa phương") in found
    assert not [r for r in found if r[1] in ("UBND tỉnh", "Văn phòng UBND tỉnh", "Sở Y tế")]
    assert not [r for r in found if r[0] == "CHAIRS" and r[1] in ("Ban Tổ chức Tỉnh ủy", "các cơ quan liên quan")]


# --- introductions governing the items below them (D8.1, D8.3, D8.4) -----------

INTRO = (
    "KẾ HOẠCH\n\nV. TỔ CHỨC THỰC HIỆN\n\n"
    "1. Ban cán sự Đảng Ủy ban nhân dân tỉnh\n\n"
    "Chỉ đạo Ủy ban nhân dân tỉnh chỉ đạo các cơ quan chức năng có liên quan:\n\n"
    "- Xây dựng dự toán kinh phí đào tạo hằng năm.\n\n"
    "- Kiểm tra, giám sát việc thực hiện kế hoạch.\n\n"
    "2. Các nhiệm vụ khác\n\n"
    "Giao Sở Nội vụ thực hiện các nhiệm vụ sau:\n\n"
    "- Tổng hợp kết quả đào tạo của các đơn vị.\n\n"
    "- Hướng dẫn các huyện lập kế hoạch bồi dưỡng.\n"
)
INTRO_SPANS = [
    ("Ban cán sự Đảng Ủy ban nhân dân tỉnh", "AGENCY"),
    ("Ủy ban nhân dân tỉnh", "AGENCY", 1),
    ("các cơ quan chức năng có liên quan", "AGENCY"),
    ("Xây dựng dự toán kinh phí đào tạo hằng năm", "TASK"),
    ("Kiểm tra, giám sát việc thực hiện kế hoạch", "TASK"),
    ("Sở Nội vụ", "AGENCY"),
    ("Tổng hợp kết quả đào tạo của các đơn vị", "TASK"),
    ("Hướng dẫn các huyện lập kế hoạch bồi dưỡng", "TASK"),
]


@BOTH
def test_introduction_assigns_every_item_below_it(system: str) -> None:
    found = _relations(INTRO, INTRO_SPANS, system)
    for task in ("Xây dựng dự toán kinh phí đào tạo hằng năm", "Kiểm tra, giám sát việc thực hiện kế hoạch"):
        assert ("DIRECTS", "Ban cán sự Đảng Ủy ban nhân dân tỉnh", task) in found
        assert ("DIRECTS", "Ủy ban nhân dân tỉnh", task) in found
        assert ("CHAIRS", "các cơ quan chức năng có liên quan", task) in found
    for task in ("Tổng hợp kết quả đào tạo của các đơn vị", "Hướng dẫn các huyện lập kế hoạch bồi dưỡng"):
        assert ("CHAIRS", "Sở Nội vụ", task) in found
    assert not [r for r in found if r[0] == "CHAIRS" and r[1] == "Ban cán sự Đảng Ủy ban nhân dân tỉnh"]


# --- free-text cues: doers, deadlines, quotas, issuers -------------------------

CLAUSES = (
    "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n"
    "- Bồi dưỡng kiến thức quốc phòng - an ninh: 19.547 lượt người.\n\n"
    "- Tổ chức bồi dưỡng trong nước: 74 lớp với 10.625 chỉ tiêu; bồi dưỡng ở nước ngoài: 01 lớp.\n\n"
    "- Hằng năm, báo cáo kết quả thực hiện kế hoạch trước ngày 31/12.\n\n"
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 120/TTr-SNV ngày 04/02/2021; "
    "UBND tỉnh đã ban hành Quyết định số 63/2018/QĐ-UBND.\n\n"
    "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và Thủ trưởng các sở, ban, ngành "
    "chịu trách nhiệm thi hành Quyết định này.\n"
)
CLAUSE_SPANS = [
    ("Bồi dưỡng kiến thức quốc phòng - an ninh", "TASK"),
    ("19.547 lượt người", "QUOTA"),
    ("Tổ chức bồi dưỡng trong nước", "TASK"),
    ("74 lớp", "QUOTA"),
    ("10.625 chỉ tiêu", "QUOTA"),
    ("bồi dưỡng ở nước ngoài", "TASK"),
    ("01 lớp", "QUOTA"),
    ("báo cáo kết quả thực hiện kế hoạch", "TASK"),
    ("ngày 31/12", "DATE"),
    ("Giám đốc Sở Nội vụ", "AGENCY"),
    ("Tờ trình số 120/TTr-SNV", "LEGAL_REF"),
    ("ngày 04/02/2021", "DATE"),
    ("UBND tỉnh", "AGENCY"),
    ("Quyết định số 63/2018/QĐ-UBND", "LEGAL_REF"),
    ("Chánh Văn phòng UBND tỉnh", "AGENCY"),
    ("Giám đốc Sở Nội vụ", "AGENCY", 1),
    ("Thủ trưởng các sở, ban, ngành", "AGENCY"),
    ("thi hành Quyết định này", "TASK"),
]


@BOTH
def test_free_text_cues(system: str) -> None:
    found = _relations(CLAUSES, CLAUSE_SPANS, system)
    expected = {
        ("QUOTA_OF", "Bồi dưỡng kiến thức quốc phòng - an ninh", "19.547 lượt người"),
        ("QUOTA_OF", "Tổ chức bồi dưỡng trong nước", "74 lớp"),
        ("QUOTA_OF", "Tổ chức bồi dưỡng trong nước", "10.625 chỉ tiêu"),
        ("QUOTA_OF", "bồi dưỡng ở nước ngoài", "01 lớp"),
        ("DEADLINE", "báo cáo kết quả thực hiện kế hoạch", "ngày 31/12"),
        ("ISSUED_BY", "Tờ trình số 120/TTr-SNV", "Giám đốc Sở Nội vụ"),
        ("ISSUED_BY", "Quyết định số 63/2018/QĐ-UBND", "UBND tỉnh"),
        ("CHAIRS", "Chánh Văn phòng UBND tỉnh", "thi hành Quyết định này"),
        ("CHAIRS", "Giám đốc Sở Nội vụ", "thi hành Quyết định này"),
        ("CHAIRS", "Thủ trưởng các sở, ban, ngành", "thi hành Quyết định này"),
    }
    assert expected <= found
    # a course's counts stop at the next course line
    assert ("QUOTA_OF", "Tổ chức bồi dưỡng trong nước", "01 lớp") not in found
    assert ("QUOTA_OF", "bồi dưỡng ở nước ngoài", "74 lớp") not in found


OWN_DOER = (
    "KẾ HOẠCH\n\nIV. TỔ CHỨC THỰC HIỆN\n\n"
    "2. Trách nhiệm của các sở, ban, ngành tỉnh\n\n"
    "- Sở Tài chính có trách nhiệm bố trí kinh phí đào tạo hằng năm.\n\n"
    "- Rà soát nhu cầu đào tạo của đơn vị.\n"
)


@BOTH
def test_an_item_that_names_its_doer_is_not_the_headings(system: str) -> None:
    items = [
        ("các sở, ban, ngành tỉnh", "AGENCY"),
        ("Sở Tài chính", "AGENCY"),
        ("bố trí kinh phí đào tạo hằng năm", "TASK"),
        ("Rà soát nhu cầu đào tạo của đơn vị", "TASK"),
    ]
    found = _relations(OWN_DOER, items, system)
    assert ("CHAIRS", "Sở Tài chính", "bố trí kinh phí đào tạo hằng năm") in found
    assert ("CHAIRS", "các sở, ban, ngành tỉnh", "bố trí kinh phí đào tạo hằng năm") not in found
    assert ("CHAIRS", "các sở, ban, ngành tỉnh", "Rà soát nhu cầu đào tạo của đơn vị") in found


# --- a paragraph announcing the duties of a body (D8.3, self-assigned intro) ---

ANNOUNCED = (
    "Sở Tư pháp tỉnh Kon Tum\n\n"
    "Ngày 03/3/2024, Sở Tư pháp tỉnh Kon Tum ban hành Kế hoạch số 45/KH-STP. "
    "Theo đó, Sở Tư pháp đề ra các nhiệm vụ triển khai công tác bồi dưỡng trong năm 2024, cụ thể như sau:\n"
    "1. Công tác chỉ đạo, điều hành\n"
    "- Bám sát kế hoạch của Bộ Tư pháp.\n"
    "- Phòng Tổ chức cán bộ rà soát nhu cầu bồi dưỡng.\n"
    "2. Công tác tuyên truyền\n"
    "- Đẩy mạnh tuyên truyền về cải cách hành chính.\n"
)
ANNOUNCED_SPANS = [
    ("Sở Tư pháp tỉnh Kon Tum", "AGENCY"),
    ("Sở Tư pháp tỉnh Kon Tum", "AGENCY", 1),
    ("Kế hoạch số 45/KH-STP", "LEGAL_REF"),
    ("Sở Tư pháp", "AGENCY", 2),
    ("triển khai công tác bồi dưỡng", "TASK"),
    ("năm 2024", "DATE"),
    ("Bám sát kế hoạch của Bộ Tư pháp", "TASK"),
    ("Phòng Tổ chức cán bộ", "AGENCY"),
    ("rà soát nhu cầu bồi dưỡng", "TASK"),
    ("Đẩy mạnh tuyên truyền về cải cách hành chính", "TASK"),
]


@BOTH
def test_a_body_announcing_its_duties_chairs_the_items_below(system: str) -> None:
    found = _relations(ANNOUNCED, ANNOUNCED_SPANS, system)
    chaired = {r[2] for r in found if r[:2] == ("CHAIRS", "Sở Tư pháp")}
    assert {"Bám sát kế hoạch của Bộ Tư pháp", "Đẩy mạnh tuyên truyền về cải cách hành chính"} <= chaired
    # an item that names its own doer is that doer's (D8.1)
    assert "rà soát nhu cầu bồi dưỡng" not in chaired
    # the body of the page line and of the sentence before the announcement chair nothing
    assert not [r for r in found if r[1] == "Sở Tư pháp tỉnh Kon Tum"]


ASSIGNER = "UBND tỉnh đề nghị các sở, ban, ngành chủ động bố trí kinh phí để cử cán bộ đi bồi dưỡng.\n"


@BOTH
def test_the_assigner_gets_no_relation(system: str) -> None:
    """Schema 7 and 14: "UBND tỉnh đề nghị X <task>" makes X the chair only."""
    spans = [
        ("UBND tỉnh", "AGENCY"),
        ("các sở, ban, ngành", "AGENCY"),
        ("chủ động bố trí kinh phí để cử cán bộ đi bồi dưỡng", "TASK"),
    ]
    found = _relations(ASSIGNER, spans, system)
    assert ("CHAIRS", "các sở, ban, ngành", "chủ động bố trí kinh phí để cử cán bộ đi bồi dưỡng") in found
    assert not [r for r in found if r[1] == "UBND tỉnh"]


def test_the_trained_model_gives_the_assigner_nothing(trained: RelationClassifier) -> None:
    spans = [
        ("UBND tỉnh", "AGENCY"),
        ("các sở, ban, ngành", "AGENCY"),
        ("chủ động bố trí kinh phí để cử cán bộ đi bồi dưỡng", "TASK"),
    ]
    found = _predicted(trained, ASSIGNER, spans)
    assert ("CHAIRS", "các sở, ban, ngành", "chủ động bố trí kinh phí để cử cán bộ đi bồi dưỡng") in found
    assert not [r for r in found if r[1] == "UBND tỉnh"]


PLAIN_FIELDS = (
    "1. Bồi dưỡng cập nhật kiến thức cho cán bộ lãnh đạo\n"
    "- Bồi dưỡng kỹ năng lãnh đạo: 02 lớp.\n"
    "Cơ quan chỉ đạo thực hiện: Ban Thường vụ Tỉnh ủy.\n"
    "Cơ quan tổ chức thực hiện: Ban Tổ chức Tỉnh ủy.\n"
    "Đơn vị bồi dưỡng: Trường Chính trị tỉnh.\n"
)


@BOTH
def test_programme_fields_on_plain_lines(system: str) -> None:
    """D10.2 when the fields are plain lines, not list items."""
    spans = [
        ("Bồi dưỡng cập nhật kiến thức", "TASK"),
        ("Bồi dưỡng kỹ năng lãnh đạo", "TASK"),
        ("02 lớp", "QUOTA"),
        ("Ban Thường vụ Tỉnh ủy", "AGENCY"),
        ("Ban Tổ chức Tỉnh ủy", "AGENCY"),
        ("Trường Chính trị tỉnh", "AGENCY"),
    ]
    found = _relations(PLAIN_FIELDS, spans, system)
    title = "Bồi dưỡng cập nhật kiến thức"
    assert ("DIRECTS", "Ban Thường vụ Tỉnh ủy", title) in found
    assert ("CHAIRS", "Ban Tổ chức Tỉnh ủy", title) in found
    assert ("PROVIDES", "Trường Chính trị tỉnh", title) in found
    assert not [r for r in found if r[2] == "Bồi dưỡng kỹ năng lãnh đạo" and r[0] != "QUOTA_OF"]


# --- a course line written as a numbered line (round 6) -----------------------------

COURSE_LINES = (
    "KẾ HOẠCH\n\nII. CHỈ TIÊU\n"
    "3. Bồi dưỡng kỹ năng ứng dụng công nghệ thông tin cho công chức cấp xã: 04 lớp, 240 học viên, "
    "do Trung tâm Chính trị huyện tổ chức trong Quý III/2022.\n"
    "4. Cử cán bộ, công chức tham gia các lớp do tỉnh tổ chức: khoảng 60 lượt người.\n"
)


@BOTH
def test_a_numbered_course_line_is_one_sentence(system: str) -> None:
    """The line has no children, so it is read as a sentence, not as a heading
    over the words after its course: the provider after "do" PROVIDES it (D8.5),
    "tổ chức trong <date>" is its time (D8.6), the counts are its quotas (D10.4)."""
    course = "Bồi dưỡng kỹ năng ứng dụng công nghệ thông tin"
    items = [
        (course, "TASK"),
        ("04 lớp", "QUOTA"),
        ("240 học viên", "QUOTA"),
        ("Trung tâm Chính trị huyện", "AGENCY"),
        ("Quý III/2022", "DATE"),
        ("Cử cán bộ, công chức tham gia các lớp do tỉnh tổ chức", "TASK"),
        ("khoảng 60 lượt người", "QUOTA"),
    ]
    assert _relations(COURSE_LINES, items, system) == {
        ("PROVIDES", "Trung tâm Chính trị huyện", course),
        ("DEADLINE", course, "Quý III/2022"),
        ("QUOTA_OF", course, "04 lớp"),
        ("QUOTA_OF", course, "240 học viên"),
        ("QUOTA_OF", "Cử cán bộ, công chức tham gia các lớp do tỉnh tổ chức", "khoảng 60 lượt người"),
    }


TRAINERS_COLUMN = (
    "| TT | Tên lớp | Số lớp/học viên | Thời gian | Đơn vị bồi dưỡng |\n"
    "|---|---|---|---|---|\n"
    "| 1 | Bồi dưỡng kiến thức quốc phòng và an ninh | 01 lớp | Tháng 4/2026 | Trường Quân sự tỉnh |\n"
)


@BOTH
def test_a_trainers_column_provides_the_row(system: str) -> None:
    """The table form of the "Đơn vị bồi dưỡng: X" field (D8.5, D11.15)."""
    course = "Bồi dưỡng kiến thức quốc phòng và an ninh"
    items = [(course, "TASK"), ("01 lớp", "QUOTA"), ("Tháng 4/2026", "DATE"), ("Trường Quân sự tỉnh", "AGENCY")]
    rels = _relations(TRAINERS_COLUMN, items, system)
    assert ("PROVIDES", "Trường Quân sự tỉnh", course) in rels
    assert ("CHAIRS", "Trường Quân sự tỉnh", course) not in rels


NEWS_PARAGRAPH = (
    "Năm 2025 toàn tỉnh đạt 104% kế hoạch; tổng kinh phí thực hiện gần 21,6 tỷ đồng. "
    "Trong đó, Trường Chính trị tỉnh mở 38 lớp trung cấp lý luận chính trị; Học viện Chính trị khu vực III "
    "phối hợp mở 04 lớp cao cấp lý luận chính trị với 412 học viên.\n"
)


@BOTH
def test_counts_and_providers_of_later_sentences_are_not_a_tasks(system: str) -> None:
    """In running text a count or a "do X" provider belongs to its own sentence (D8.5, D10.4):
    a TASK read in one sentence does not collect the counts reported in the next."""
    items = [
        ("tổng kinh phí thực hiện", "TASK"),
        ("gần 21,6 tỷ đồng", "MONEY"),
        ("Trường Chính trị tỉnh", "AGENCY"),
        ("38 lớp", "QUOTA"),
        ("Học viện Chính trị khu vực III", "AGENCY"),
        ("04 lớp", "QUOTA"),
        ("412 học viên", "QUOTA"),
    ]
    rels = _relations(NEWS_PARAGRAPH, items, system)
    assert not {r for r in rels if r[0] == "QUOTA_OF"}


# --- round 7: a clause or a sentence with its own doer (D8.1) -----------------

CONFERENCE = (
    "Kết luận hội nghị, Phó Chủ tịch UBND tỉnh đề nghị Sở Nội vụ chủ trì, phối hợp với Ban Tổ chức "
    "Tỉnh ủy xây dựng kế hoạch bồi dưỡng năm 2027 trong quý IV/2026; Sở Tài chính bảo đảm kinh phí "
    "cho các lớp học. Trong năm 2027, tỉnh sẽ mở các lớp bồi dưỡng kỹ năng số cho công chức cấp xã.\n"
)
CONFERENCE_SPANS = [
    ("Phó Chủ tịch UBND tỉnh", "AGENCY"),
    ("Sở Nội vụ", "AGENCY"),
    ("Ban Tổ chức Tỉnh ủy", "AGENCY"),
    ("xây dựng kế hoạch bồi dưỡng năm 2027", "TASK"),
    ("quý IV/2026", "DATE"),
    ("Sở Tài chính", "AGENCY"),
    ("bảo đảm kinh phí cho các lớp học", "TASK"),
    ("năm 2027", "DATE", 1),
    ("mở các lớp bồi dưỡng kỹ năng số cho công chức cấp xã", "TASK"),
]


def test_a_clause_or_a_sentence_with_a_doer_of_its_own_is_not_the_first_doers(trained: RelationClassifier) -> None:
    """ "X chủ trì <task>; Y <task>": Y does the second task, not X (D8.1); the
    sentence after it, in running text, is no one's task but its own."""
    found = _predicted(trained, CONFERENCE, CONFERENCE_SPANS)
    assert ("CHAIRS", "Sở Nội vụ", "xây dựng kế hoạch bồi dưỡng năm 2027") in found
    assert ("COORDINATES", "Ban Tổ chức Tỉnh ủy", "xây dựng kế hoạch bồi dưỡng năm 2027") in found
    second, third = "bảo đảm kinh phí cho các lớp học", "mở các lớp bồi dưỡng kỹ năng số cho công chức cấp xã"
    assert not [r for r in found if r[2] == second and r[1] in ("Sở Nội vụ", "Ban Tổ chức Tỉnh ủy")]
    assert not [r for r in found if r[2] == third and r[0] in ("CHAIRS", "COORDINATES")]
    # the year opening the last sentence is its task's, not the one before
    assert ("DEADLINE", second, "năm 2027") not in found


def test_a_list_of_doers_before_one_task_still_chairs_it(trained: RelationClassifier) -> None:
    """The ";" of a list of office-holders sharing one execution clause is no new clause (S 18)."""
    text = (
        "Chánh Văn phòng UBND tỉnh; Giám đốc Sở Nội vụ; Thủ trưởng các sở, ban, ngành chịu trách nhiệm "
        "thi hành Quyết định này./.\n"
    )
    items = [
        ("Chánh Văn phòng UBND tỉnh", "AGENCY"),
        ("Giám đốc Sở Nội vụ", "AGENCY"),
        ("Thủ trưởng các sở, ban, ngành", "AGENCY"),
        ("thi hành Quyết định này", "TASK"),
    ]
    found = _predicted(trained, text, items)
    assert {r[1] for r in found if r[0] == "CHAIRS"} == {n for n, _ in items[:3]}
