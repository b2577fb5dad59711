"""Combining the high-precision rule spans with the tagger's spans.

Rules win for the regular labels: a tagger TASK overlapping a rule span is
cut before it (the annotators keep dates, quotas and citations out of TASK
spans "where the wording allows", and trailing ones are by far the most
common), or after it when the rule span opens the TASK; what is left must
still be an activity of a few words.

A citation is the exception both ways (D3.8): the TASK also gives up the
words that introduce it ("theo đúng chỉ đạo của X tại"), and an activity
after it (", báo cáo ...") is a TASK of its own; but a citation that is the
object of the activity's verb ("Tổng kết việc thực hiện <LEGAL_REF>") stays
in the TASK with its date.

No annotated span crosses a tab: a tab separates table cells, even in a
line the segmenter could not read as a table. So a tagged span that runs over
one is cut into its cells.
"""

from __future__ import annotations

import re

from pipeline.entities.tagger import TaggedSpan
from pipeline.entities.task_words import ACTIVITY_OPENERS, CITATION_LEAD, MIN_CHARS, OBJECT_CITATION, WS
from pipeline.structure.lines import trim

Span4 = tuple[int, int, str, float]

# ", báo cáo ..." after a citation and its date or issuer: the next activity
_NEXT_ACTIVITY = re.compile(rf"(?i)[^,;.\n]*,{WS}(?=(?:{ACTIVITY_OPENERS})\b)")


def split_at_tabs(text: str, tagged: list[TaggedSpan]) -> list[TaggedSpan]:
    out: list[TaggedSpan] = []
    for t in tagged:
        if "\t" not in text[t.start : t.end]:
            out.append(t)
            continue
        start = t.start
        for piece in text[t.start : t.end].split("\t"):
            s, e = trim(text, start, start + len(piece))
            if e > s and any(c.isalnum() for c in text[s:e]):
                out.append(TaggedSpan(s, e, t.label, t.score))
            start += len(piece) + 1
    return out


def merge_spans(text: str, rules: list[tuple[int, int, str]], tagged: list[TaggedSpan]) -> list[Span4]:
    kept: list[Span4] = [(s, e, label, 1.0) for s, e, label in rules]
    for t in sorted(split_at_tabs(text, tagged), key=lambda x: -(x.end - x.start)):
        s, e = t.start, t.end
        overlapping = sorted(k for k in kept if k[0] < e and s < k[1])
        if not overlapping:
            kept.append((s, e, t.label, t.score))
            continue
        if t.label != "TASK":
            continue
        if _object_citation(text, s, e, overlapping):
            kept = [k for k in kept if k not in overlapping]
            kept.append((s, e, "TASK", t.score))
            continue
        for ps, pe in _task_pieces(text, s, e, overlapping):
            ps, pe = trim(text, ps, pe, extra=".,;:(")
            if pe - ps >= MIN_CHARS and not any(k[0] < pe and ps < k[1] for k in kept):
                kept.append((ps, pe, "TASK", t.score))
    return sorted(kept)


def _object_citation(text: str, s: int, e: int, overlapping: list[Span4]) -> bool:
    """Whether the rule spans in a tagged TASK are a citation its verb governs."""
    first = overlapping[0]
    if first[2] != "LEGAL_REF" or any(k[0] < s or k[1] > e for k in overlapping):
        return False
    m = OBJECT_CITATION.search(text, s, first[0])
    return bool(m) and m.start() > s


def _task_pieces(text: str, s: int, e: int, overlapping: list[Span4]) -> list[tuple[int, int]]:
    """The activity of a tagged TASK around the rule spans it overlaps: the
    words before the first one (after it, when one opens the TASK) and, after
    a citation, the next activity of the sentence."""
    first = overlapping[0]
    if first[0] <= s:  # a rule span opens the TASK: start after it
        s = first[1]
        overlapping = [k for k in overlapping if k[1] > s]
    if not overlapping:
        return [(s, e)]
    cut = overlapping[0]
    if cut[2] != "LEGAL_REF":
        return [(s, min(e, cut[0]))]
    lead = CITATION_LEAD.search(text, s, cut[0])
    pieces = [(s, lead.start() if lead and len(text[s : lead.start()].split()) >= 3 else cut[0])]
    nxt = _NEXT_ACTIVITY.match(text, cut[1], e)
    if nxt:
        start = nxt.end()
        later = [k[0] for k in overlapping if k[0] >= start]
        pieces.append((start, min([e, *later])))
    return pieces
