"""Agencies that the context alone vouches for.

The tagger weighs every agency-like phrase in context and learns most
contexts from the annotated plans, but some contexts are both rare in any
one plan and unambiguous in all of them (GUIDELINES D3.2, D7.7f, D8.4-8.5):

* the issuer after a citation: "Nghị định số 101/2017/NĐ-CP ngày ... của «Chính phủ»";
* the value of a labelled agency field: "Cơ quan tổ chức thực hiện: «Ban Tổ chức Tỉnh ủy»",
  "Đơn vị bồi dưỡng: «Học viện Quốc phòng»; «Quân khu V»";
* the provider of a course: "do «Học viện Hành chính» tổ chức", "tại «Học viện Chính trị khu vực III»:";
* the body whose request, notice or rule is followed (D6.7): "theo yêu cầu của «Bộ Nội vụ» và «UBND tỉnh»",
  "theo thông báo của «Học viện ...»", and the body of a trailing note "(qua «Ban Tổ chức Tỉnh ủy»)";
* a coordinator, "phối hợp với «Ban Dân tộc»", and the actors of a duty sentence,
  "«UBND quận, huyện, thị xã» và «các đơn vị liên quan» phối hợp ...", or of a
  decision's execution clause, "..., «Chủ tịch UBND các huyện, thị xã» căn cứ Quyết định thi hành".

Two contexts rule a body out instead (D6.6): the attendees of a meeting ("Dự
Hội nghị có đại diện lãnh đạo Sở Tài chính, ...") and the bodies in the
subject of a cited regulation ("... chức năng, nhiệm vụ, quyền hạn và cơ cấu
tổ chức của Sở Nội vụ, Phòng Nội vụ thuộc Uỷ ban nhân dân cấp tỉnh").

An accepted body passes its context on to the bodies listed right after it
(or, for an actor, right before it) with ",", ";" or "và".

A phrase the agency grammar finds in one of these contexts is an AGENCY
unless the tagger or a rule already put another span over it.
"""

from __future__ import annotations

import re

from pipeline.entities.agency_bounds import extend_levels
from pipeline.entities.features import field_label, field_role
from pipeline.entities.patterns import Match
from pipeline.entities.task_words import LINKED_VERB, after_actor
from pipeline.structure.model import Structure

Span4 = tuple[int, int, str, float]

_ISSUER_GAP = re.compile(r"[\s)*_]*,?\s*của\s*$", re.IGNORECASE)
_FIELD_LINE = re.compile(
    r"(?i)^[\s\-+•*#]*(?:cơ\s+quan|đơn\s+vị)\s+(?:chỉ\s+đạo|tổ\s+chức|chủ\s+trì|phối\s+hợp|đào\s+tạo|bồi\s+dưỡng|thực\s+hiện)"
    r"[^:\n]{0,30}:[\s*_]*(?:[^:\n]*?(?:[;,]|\svà)[\s*_]*)?$"
)
_PROVIDER_BEFORE = re.compile(r"(?i)(?:\bdo|\btại)\s+$")
_PROVIDER_CLOSE = re.compile(r"(?i)^\s*(?:tổ\s+chức|mở\s+lớp|giảng\s+dạy)\s*(?:[:;,.)]|$)")
_PROVIDER_AFTER = re.compile(r"(?i)^\s*(?:tổ\s+chức|chủ\s+trì|thực\s+hiện|mở\s+lớp|giảng\s+dạy|:)")
# the grammar can run on into what the issuer did ("của Chính phủ sửa đổi ...")
_ISSUER_VERB = re.compile(
    r"(?i)\s+(?:về|v/v|phê\s+duyệt|sửa\s+đổi|quy\s+định|hướng\s+dẫn|ban\s+hành|bổ\s+sung|triển\s+khai|thực\s+hiện)\b"
)
_VALUE_END = re.compile(r"^[\s*_]*(?:[;,.)]|và\b|$)", re.MULTILINE)
_FOLLOWED = re.compile(
    r"(?i)(?:\btheo(?:\s+đúng)?|\bxét)\s+(?:thông\s+báo|quy\s+định|đề\s+nghị|hướng\s+dẫn|yêu\s+cầu|chỉ\s+đạo|phân\s+bổ)\s+của\s*$"
    r"|\([*_]*(?:thông\s+)?qua\s+$"
    r"|phối\s+hợp(?:\s+chặt\s+chẽ)?\s+(?:với|cùng)\s+$"
    # the bodies a duty is assigned to: "UBND tỉnh yêu cầu «các đơn vị ...»" (D7.5)
    r"|(?:\bgiao(?:\s+cho)?|\bđề\s+nghị|\byêu\s+cầu)\s+$"
    # the body directed to act, and the partner of a joint class (D8.4, D8.5)
    r"|(?:^|[;:]\s*)[-+•]?\s*chỉ\s+đạo\s+$|liên\s+kết\s+(?:với|cùng)\s+$"
)
_ACTOR_CUE = re.compile(
    r"(?i)^\s*(?:chủ\s+trì|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|là\s+(?:cơ\s+quan|đầu\s+mối)|có\s+nhiệm\s+vụ"
    # the body that assigns the duty ("UBND tỉnh yêu cầu ...", "Bộ Nội vụ cũng đề nghị ...")
    r"|(?:cũng\s+)?(?:yêu\s+cầu|đề\s+nghị|giao|chỉ\s+đạo)(?!\s+của)"
    # the bodies that execute a decision: "..., Chủ tịch UBND các huyện, thị xã căn cứ
    # Quyết định thi hành./." (D7.9)
    r"|căn\s+cứ\s+(?:(?:quyết\s+định|kế\s+hoạch)\s+)?(?:thi\s+hành|thực\s+hiện))\b"
)
# lower case only: "Ban Tổ chức" is a name
_ASSIGNED_VERB = re.compile(
    r"\s+(?:tổ\s+chức|thực\s+hiện|triển\s+khai|xây\s+dựng|rà\s+soát|phối\s+hợp|chủ\s+trì|chủ\s+động)\b"
)
_LIST_GAP = re.compile(r"^\s*(?:,|;|và)\s*$")
_COLON_AFTER = re.compile(r"[ \t*_]*:")
_HEADING_TITLE = re.compile(r"[ \t*_#]*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])[.)][ \t*_]*")
_ADDRESSED = re.compile(r"(?i)kính\s+gửi\s*:")


def _addressee(text: str, start: int) -> bool:
    """The body is in the addressee block of a letter ("Kính gửi: - Các sở, ban,
    ngành; - UBND các huyện ..."), which ends at a full stop or a blank line."""
    window = text[max(0, start - 200) : start]
    found = [m.end() for m in _ADDRESSED.finditer(window)]
    return bool(found) and "." not in window[found[-1] :] and "\n\n" not in window[found[-1] :]


_TRAINING_BODY = re.compile(r"(?i)^(?:học\s+viện|trường|trung\s+tâm|quân\s+khu|các\s+cơ\s+sở\s+đào\s+tạo)")


def _is_issuer(text: str, start: int, citations: list[Match]) -> bool:
    for m in citations:
        if m.end <= start and start - m.end <= 12 and _ISSUER_GAP.search(text, m.end, start):
            return _ISSUER_GAP.search(text[m.end : start]) is not None
    return False


def context_agencies(text: str, agencies: list[tuple[int, int]], matches: list[Match]) -> list[tuple[int, int]]:
    citations = [m for m in matches if m.label in ("LEGAL_REF", "DATE")]
    nexts = [a for a, _ in agencies[1:]] + [len(text)]
    agencies = [(s, extend_levels(text, s, e, nxt)) for (s, e), nxt in zip(agencies, nexts)]
    accepted: dict[int, tuple[int, int]] = {}
    chained: set[int] = set()  # accepted by a context that passes on to a list
    for i, (s, e) in enumerate(agencies):
        line_start = text.rfind("\n", 0, s) + 1
        before = text[max(line_start, s - 200) : s]
        if _is_issuer(text, s, citations):
            verb = _ISSUER_VERB.search(text, s, e)
            e = verb.start() if verb else e
            if e < len(text) and text[e].isalnum():  # the grammar stopped inside a word
                continue
            accepted[i] = (s, e)
        elif _FIELD_LINE.match(text[line_start:s]):
            if _VALUE_END.match(text[e : e + 10]):  # the whole value, not a piece the grammar could read
                accepted[i] = (s, e)
        elif (
            _PROVIDER_BEFORE.search(before)
            # after "tại" only a training body; "do X tổ chức" closing the phrase names a
            # provider whatever X is ("... do Ban Chỉ huy Quân sự huyện tổ chức: 03 lớp")
            and _PROVIDER_AFTER.match(text[e : e + 20])
            and (
                _TRAINING_BODY.match(text[s:e])
                or (before.rstrip().lower().endswith("do") and _PROVIDER_CLOSE.match(text[e : e + 30]))
            )
        ):
            accepted[i] = (s, e)
        elif _HEADING_TITLE.fullmatch(text[line_start:s]) and (
            _VALUE_END.match(text[e : e + 10])
            or _COLON_AFTER.match(text, e)
            or LINKED_VERB.match(text, after_actor(text, e))
        ):
            # "3. UBND các xã, thị trấn" heading its duties (D6.5), "5. UBND các xã: <duty>",
            # or doing it: "4. Phòng Tài chính - Kế hoạch bố trí kinh phí ..." (D8.1)
            accepted[i] = (s, e)
        elif _addressee(text, s):
            # "Kính gửi: - Các sở, ban, ngành thuộc tỉnh; - UBND các huyện ..." (as D2.2)
            accepted[i] = (s, e)
        elif _FOLLOWED.search(before) or (i - 1 in chained and _LIST_GAP.match(text[agencies[i - 1][1] : s])):
            # the grammar may run on into the assigned activity ("các sở, ban, ngành tổ chức")
            verb = _ASSIGNED_VERB.search(text, s, e)
            accepted[i] = (s, verb.start() if verb else e)
            chained.add(i)
    # actors: a list of bodies right before "chủ trì", "phối hợp", "có trách nhiệm" ...
    i = len(agencies) - 1
    while i >= 0:
        s, e = agencies[i]
        if _ACTOR_CUE.match(text[e : e + 30]):
            j = i
            while j >= 0:
                accepted.setdefault(j, agencies[j])
                if j == 0 or not _LIST_GAP.match(text[agencies[j - 1][1] : agencies[j][0]]):
                    break
                j -= 1
            i = j - 1
        else:
            i -= 1
    return [accepted[k] for k in sorted(accepted)]


def add_context_agencies(
    text: str, spans: list[tuple[int, int, str, float]], agencies: list[tuple[int, int]], matches: list[Match]
) -> list[tuple[int, int, str, float]]:
    """``spans`` plus the context agencies that no span overlaps."""
    added = [
        (s, e, "AGENCY", 1.0)
        for s, e in context_agencies(text, agencies, matches)
        if not any(a < e and s < b for a, b, _, _ in spans)
    ]
    return sorted(spans + added) if added else spans


_RULED_OUT = re.compile(r"(?i:\bdự\s+(?:hội\s+nghị|buổi|lớp|lễ)|\bcó\s+(?:sự\s+tham\s+dự\s+của|đại\s+diện))[^.;\n]*$")
# the subject of a regulation on organisation, when it names kinds of body ("cơ cấu tổ
# chức của Sở Nội vụ, Phòng Nội vụ thuộc Uỷ ban nhân dân cấp tỉnh, cấp huyện", D6.6):
# levels, a list of bodies, "các"; one body ("... cơ cấu tổ chức của Bộ Nội vụ", "của
# Sở Nội vụ tỉnh Hải Dương") is an AGENCY. Lower case: a title naming its own body
# is not ruled out.
_REGULATED = re.compile(r"cơ\s+cấu\s+tổ\s+chức\s+của\s+")
_CLAUSE_BREAK = re.compile(r"[.;\n]")
_KIND_OF_BODY = re.compile(
    r"(?i)\bcấp\s+(?:tỉnh|huyện|xã)\b|\btỉnh,\s*thành\s+phố\b|^các\s"
    r"|,\s*(?:Sở|Phòng|Ban|Cục|Chi\s+cục|Vụ|Văn\s+phòng|Trung\s+tâm|Ủy\s+ban|Uỷ\s+ban|UBND)\b"
)


# D2.1, D2.2: an archive line ("Lưu: VT, HC, TH"), a cross-reference among the
# recipients ("Như Điều 3", "Như trên", "Như Mục IV") and the signer's title ("KT. CHỦ TỊCH")
# hold no body
_ARCHIVE_LINE = re.compile(r"[ \t*_\-+•]*Lưu\b(?!\s+ý)")
_CROSS_REFERENCE = re.compile(r"(?i)như\s+(?:điều|trên|mục|khoản|phần)\b")
_SIGNER_TITLE = re.compile(r"[*_ ]*(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN)[*_ ]*")


# D6.6: vague central bodies ("Bộ ngành, Trung ương", "các cơ quan Trung ương",
# "cấp có thẩm quyền"; "các cơ quan có liên quan" is the plan's own and stays)
# and inspected units ("Sở Y tế (thực hiện trong Quý
# I/2024)") are not AGENCY
_VAGUE_CENTRAL = re.compile(
    r"(?i)(?:(?:các\s+đơn\s+vị\s+thuộc\s+)?(?:các\s+)?bộ,?\s*ngành(?:\s*,?\s*(?:trung\s+ương|tw))?"
    r"|(?:các\s+)?cơ\s+quan\s*,?\s*(?:trung\s+ương|tw))(?:\s+có\s+liên\s+quan)?"
    r"|cấp\s+có\s+thẩm\s+quyền"
)
# a region named with "Bộ" is no ministry: "vùng «Đông Nam Bộ»", "Bắc Trung Bộ"
_REGION = re.compile(r"(?:(?:Đông|Tây)\s+)?(?:Nam|Bắc)\s+Bộ|(?:(?:Bắc|Nam)\s+)?Trung\s+Bộ")
# "nhu cầu bồi dưỡng của các cơ quan, đơn vị", "trách nhiệm của các cơ quan,
# đơn vị": a generic collective after "của" describes whose needs or duties,
# not a body that acts (D6.6)
_GENERIC_COLLECTIVE = re.compile(r"(?i)(?:các\s+)?(?:cơ\s+quan|đơn\s+vị)(?:\s*,\s*(?:đơn\s+vị|địa\s+phương))*")
_OF_BEFORE = re.compile(r"(?i)\b(?:nhu\s+cầu|trách\s+nhiệm)\b[^,;.\t\n]{0,40}\bcủa\s+$")
_INSPECTED = re.compile(r"[ \t]*\((?:thực\s+hiện|tiến\s+hành)\s+(?:trong|vào|từ)\b")


def _regulated_kind(text: str, s: int) -> bool:
    """The body is in the subject of a regulation on organisation, and that
    subject (to the end of its clause) names kinds of body."""
    opened = [m for m in _REGULATED.finditer(text, max(0, s - 300), s) if not _CLAUSE_BREAK.search(text, m.end(), s)]
    if not opened:
        return False
    start = opened[-1].end()
    stop = _CLAUSE_BREAK.search(text, start, start + 300)
    return _KIND_OF_BODY.search(text[start : stop.start() if stop else start + 300]) is not None


def drop_ruled_out_agencies(text: str, spans: list[tuple[int, int, str, float]]) -> list[tuple[int, int, str, float]]:
    def ruled_out(s: int, e: int) -> bool:
        line_start = text.rfind("\n", 0, s) + 1
        return (
            _RULED_OUT.search(text, max(0, s - 300), s) is not None
            or _regulated_kind(text, s)
            or _ARCHIVE_LINE.match(text, line_start, s) is not None
            or _CROSS_REFERENCE.match(text, s, e) is not None
            or _SIGNER_TITLE.fullmatch(text, s, e) is not None
            or _VAGUE_CENTRAL.fullmatch(text, s, e) is not None
            or _REGION.fullmatch(text, s, e) is not None
            or _INSPECTED.match(text, e) is not None
            or (_GENERIC_COLLECTIVE.fullmatch(text, s, e) is not None and _OF_BEFORE.search(text, max(0, s - 60), s))
        )

    return [sp for sp in spans if sp[2] != "AGENCY" or not ruled_out(sp[0], sp[1])]


def target_group_fields(text: str, structure: Structure) -> list[tuple[int, int]]:
    """Extents of "Đối tượng:" / "Điều kiện:" fields with their values, which
    run to the next list item or heading (the value is often a paragraph of
    its own below the label). The bodies there describe trainees (D6.6, D10.2)."""
    nodes = [n for n in structure.walk() if n.kind in ("list_item", "heading", "paragraph")]
    out: list[tuple[int, int]] = []
    for i, node in enumerate(nodes):
        if node.kind != "list_item":
            continue
        own_end = node.children[0].start if node.children else node.end
        label = field_label(text[node.start : own_end].lstrip("-+*• \t"))
        if label is None or field_role(label) != "target":
            continue
        end = next((n.start for n in nodes[i + 1 :] if n.kind != "paragraph" and n.start >= own_end), len(text))
        out.append((node.start, end))
    return out


_NOTICE_OF = re.compile(r"(?i)(?:thông\s+báo|quy\s+định|hướng\s+dẫn|quy\s+chế|phân\s+bổ)\s+của\s+$")


def drop_trainee_agencies(text: str, spans: list[Span4], regions: list[tuple[int, int]]) -> list[Span4]:
    """No AGENCY in these regions, except the issuer of a document cited
    there ("... ngày 20/5/2013 của «Ban Tổ chức Trung ương»", "Theo Thông báo
    của «Học viện ...»"), which the guidelines keep (D10.2)."""
    cited_ends = [e for _, e, label, _ in spans if label in ("LEGAL_REF", "DATE")]

    def issuer(s: int) -> bool:
        if _NOTICE_OF.search(text, max(0, s - 30), s):
            return True
        return any(0 <= s - e <= 12 and text[e:s].strip() == "của" for e in cited_ends)

    return [sp for sp in spans if sp[2] != "AGENCY" or not any(a <= sp[0] < b for a, b in regions) or issuer(sp[0])]
