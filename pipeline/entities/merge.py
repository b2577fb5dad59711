"""Combining the high-precision rule spans with the tagger's spans.

Rules win for the regular labels: a tagger TASK overlapping a rule span is
cut before it (the annotators keep dates, quotas and citations out of TASK
spans "where the wording allows", and trailing ones are by far the most
common), or after it when the rule span opens the TASK; what is left must
still be an activity of a few words.

No annotated span crosses a tab: a tab separates table cells, even in a
line the segmenter could not read as a table. So a tagged span that runs over
one is cut into its cells.
"""

from __future__ import annotations

from pipeline.entities.tagger import TaggedSpan
from pipeline.structure.lines import trim

Span4 = tuple[int, int, str, float]


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
        first = overlapping[0]
        if first[0] <= s:  # a rule span opens the TASK: start after it
            s = first[1]
            overlapping = [k for k in overlapping if k[1] > s]
        if overlapping:
            e = min(e, overlapping[0][0])
        s, e = trim(text, s, e, extra=".,;:(")
        if e - s >= 8 and not any(k[0] < e and s < k[1] for k in kept):
            kept.append((s, e, "TASK", t.score))
    return sorted(kept)
