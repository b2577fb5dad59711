"""False positives and false negatives with their context, so a person can
see what to fix. Strict entity errors that have a partial counterpart are
marked as boundary errors, which read very differently from plain misses."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from evaluation.data import AnnotatedDoc, Span
from evaluation.scoring import _pair_docs, match_relations, match_spans


@dataclass
class ErrorItem:
    doc_id: str
    kind: str  # FP | FN | BOUNDARY (strict miss, partial hit) | REL_FP | REL_FN
    label: str
    start: int
    end: int
    text: str
    context: str
    other: str = ""  # the gold span of a boundary error / the relation arguments

    def as_dict(self) -> dict:
        return asdict(self)


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[[{text[start:end]}]]{right}…"


def _span_error(g: AnnotatedDoc, kind: str, s: Span, other: str = "") -> ErrorItem:
    return ErrorItem(
        g.doc_id, kind, s.label, s.start, s.end, g.text[s.start : s.end], _context(g.text, s.start, s.end), other
    )


def error_report(gold: list[AnnotatedDoc], pred: list[AnnotatedDoc]) -> list[ErrorItem]:
    items: list[ErrorItem] = []
    for g, p in _pair_docs(gold, pred):
        strict = match_spans(p.spans, g.spans, partial=False)
        partial = match_spans(p.spans, g.spans, partial=True)
        boundary = {i: j for i, j in partial.pairs if (i, j) not in strict.pairs}
        fp, fn = strict.unmatched(len(p.spans), len(g.spans))
        for i in fp:
            if i in boundary:
                gs = g.spans[boundary[i]]
                items.append(_span_error(g, "BOUNDARY", p.spans[i], other=g.text[gs.start : gs.end]))
            else:
                items.append(_span_error(g, "FP", p.spans[i]))
        matched_gold_partial = set(boundary.values())
        items += [_span_error(g, "FN", g.spans[j]) for j in fn if j not in matched_gold_partial]
        rel = match_relations(p.relations, g.relations, relaxed=True)
        rfp, rfn = rel.unmatched(len(p.relations), len(g.relations))
        for kind, rels, idx in (("REL_FP", p.relations, rfp), ("REL_FN", g.relations, rfn)):
            for i in idx:
                r = rels[i]
                args = f"{g.text[r.head.start : r.head.end]!r} -> {g.text[r.tail.start : r.tail.end]!r}"
                items.append(
                    ErrorItem(
                        g.doc_id,
                        kind,
                        r.label,
                        r.head.start,
                        r.tail.end,
                        args,
                        _context(g.text, r.tail.start, r.tail.end, 30),
                        other=args,
                    )
                )
    return items


def errors_markdown(items: list[ErrorItem], limit_per_group: int = 40) -> str:
    lines = ["# Error report", ""]
    groups: dict[tuple[str, str], list[ErrorItem]] = {}
    for it in items:
        groups.setdefault((it.label, it.kind), []).append(it)
    lines.append("| label | kind | count |")
    lines.append("|---|---|---|")
    for (label, kind), its in sorted(groups.items()):
        lines.append(f"| {label} | {kind} | {len(its)} |")
    for (label, kind), its in sorted(groups.items()):
        lines += ["", f"## {label} {kind} ({len(its)})", ""]
        for it in its[:limit_per_group]:
            extra = f" (gold: «{it.other}»)" if kind == "BOUNDARY" else ""
            lines.append(f"- `{it.doc_id}` {it.start}-{it.end}: {it.context}{extra}")
        if len(its) > limit_per_group:
            lines.append(f"- … {len(its) - limit_per_group} more")
    return "\n".join(lines) + "\n"
