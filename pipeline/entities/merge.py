"""Combining the high-precision rule spans with the tagger's spans.

Rules win for the regular labels. A tagger TASK that swallows a rule span
whole keeps it inside (the annotators' "an entity inside a TASK is not
annotated separately"); one that only overlaps a rule span at an edge is cut
back to the rule span's boundary, so a trailing deadline or quota stays a
separate entity.
"""

from __future__ import annotations

from pipeline.entities.tagger import TaggedSpan
from pipeline.structure.lines import trim

Span4 = tuple[int, int, str, float]


def merge_spans(text: str, rules: list[tuple[int, int, str]], tagged: list[TaggedSpan]) -> list[Span4]:
    kept: list[Span4] = [(s, e, label, 1.0) for s, e, label in rules]
    for t in sorted(tagged, key=lambda x: -(x.end - x.start)):
        s, e = t.start, t.end
        overlapping = [k for k in kept if k[0] < e and s < k[1]]
        if not overlapping:
            kept.append((s, e, t.label, t.score))
            continue
        if t.label != "TASK":
            continue
        inside = [k for k in overlapping if s <= k[0] and k[1] <= e and k[2] != "TASK"]
        crossing = [k for k in overlapping if k not in inside]
        for k in crossing:  # cut the TASK back to the rule span's edge
            if k[0] <= s < k[1]:
                s = k[1]
            if k[0] < e <= k[1] or (s < k[0] < e):
                e = min(e, k[0])
        s, e = trim(text, s, e, extra=".,;:(")
        if e - s < 3 or any(k[0] < e and s < k[1] for k in crossing):
            continue
        kept = [k for k in kept if k not in inside]
        kept.append((s, e, "TASK", t.score))
    return sorted(kept)
