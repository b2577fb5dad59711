"""Entity and relation scores as ANNOTATION_SCHEMA.md defines them.

Matching is one-to-one: a gold item is credited to at most one prediction, so
a duplicated prediction is a false positive and one long prediction covering
two gold spans earns one partial match, not two. Partial/relaxed matching
first takes the exact matches, then pairs the rest greedily by overlap.
Precision, recall and F1 are 0.0 when their denominator is 0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from evaluation.data import AnnotatedDoc, Relation, Span
from pipeline.schema import ENTITY_LABELS, RELATION_LABELS

T = TypeVar("T", Span, Relation)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Matching:
    """Which predictions matched which gold items (indexes), per mode."""

    pairs: list[tuple[int, int]] = field(default_factory=list)  # (pred index, gold index)

    def unmatched(self, n_pred: int, n_gold: int) -> tuple[list[int], list[int]]:
        mp = {p for p, _ in self.pairs}
        mg = {g for _, g in self.pairs}
        return [i for i in range(n_pred) if i not in mp], [j for j in range(n_gold) if j not in mg]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _match(
    pred: Sequence[T],
    gold: Sequence[T],
    loose: bool,
    compatible: Callable[[T, T], bool],
    overlap: Callable[[T, T], int],
) -> Matching:
    """Exact matches first, then (if ``loose``) greedy pairing by overlap.

    Ties break on prediction then gold index so scores never depend on set order.
    """
    m = Matching()
    free_gold: dict[T, list[int]] = {}
    for j, g in enumerate(gold):
        free_gold.setdefault(g, []).append(j)
    used_p: set[int] = set()
    used_g: set[int] = set()

    def take(i: int, j: int) -> None:
        m.pairs.append((i, j))
        used_p.add(i)
        used_g.add(j)

    for i, p in enumerate(pred):
        if free_gold.get(p):
            take(i, free_gold[p].pop(0))
    if loose:
        candidates = [
            (overlap(p, g), i, j)
            for i, p in enumerate(pred)
            if i not in used_p
            for j, g in enumerate(gold)
            if j not in used_g and compatible(p, g)
        ]
        for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
            if i not in used_p and j not in used_g:
                take(i, j)
    return m


def _spans_compatible(p: Span, g: Span) -> bool:
    return p.label == g.label and p.overlaps(g)


def match_spans(pred: Sequence[Span], gold: Sequence[Span], partial: bool) -> Matching:
    return _match(pred, gold, partial, _spans_compatible, _overlap)


def _rel_overlap(a: Relation, b: Relation) -> int:
    return _overlap(a.head, b.head) + _overlap(a.tail, b.tail)


def _relations_compatible(p: Relation, g: Relation) -> bool:
    return p.label == g.label and _spans_compatible(p.head, g.head) and _spans_compatible(p.tail, g.tail)


def match_relations(pred: Sequence[Relation], gold: Sequence[Relation], relaxed: bool) -> Matching:
    return _match(pred, gold, relaxed, _relations_compatible, _rel_overlap)


def _counts_by_label(pred_labels: list[str], gold_labels: list[str], m: Matching) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for i, _ in m.pairs:
        out.setdefault(pred_labels[i], Counts()).tp += 1
    fp_idx, fn_idx = m.unmatched(len(pred_labels), len(gold_labels))
    for i in fp_idx:
        out.setdefault(pred_labels[i], Counts()).fp += 1
    for j in fn_idx:
        out.setdefault(gold_labels[j], Counts()).fn += 1
    return out


def _pair_docs(gold: Iterable[AnnotatedDoc], pred: Iterable[AnnotatedDoc]) -> list[tuple[AnnotatedDoc, AnnotatedDoc]]:
    pred_by_id = {d.doc_id: d for d in pred}
    pairs = []
    for g in gold:
        p = pred_by_id.get(g.doc_id) or AnnotatedDoc(g.doc_id, g.text)
        pairs.append((g, p))
    return pairs


def score(gold: Iterable[AnnotatedDoc], pred: Iterable[AnnotatedDoc]) -> dict[str, Any]:
    """Scores in the shape ``vnplan evaluate --json`` writes. Documents are
    paired by doc_id; a gold document without predictions counts as empty."""
    ent = {"strict": {}, "partial": {}}
    rel = {"strict": {}, "relaxed": {}}
    for g, p in _pair_docs(gold, pred):
        for mode, partial in (("strict", False), ("partial", True)):
            m = match_spans(p.spans, g.spans, partial)
            for label, c in _counts_by_label([s.label for s in p.spans], [s.label for s in g.spans], m).items():
                ent[mode].setdefault(label, Counts()).add(c)
        for mode, relaxed in (("strict", False), ("relaxed", True)):
            m = match_relations(p.relations, g.relations, relaxed)
            labels_p = [r.label for r in p.relations]
            labels_g = [r.label for r in g.relations]
            for label, c in _counts_by_label(labels_p, labels_g, m).items():
                rel[mode].setdefault(label, Counts()).add(c)

    def block(by_mode: dict[str, dict[str, Counts]], modes: tuple[str, str], labels: Sequence[str]) -> dict:
        out: dict[str, Any] = {}
        for mode in modes:
            total = Counts()
            for c in by_mode[mode].values():
                total.add(c)
            out[mode] = total.as_dict()
        out["per_label"] = {
            label: {mode: by_mode[mode].get(label, Counts()).as_dict() for mode in modes} for label in labels
        }
        return out

    return {
        "entities": block(ent, ("strict", "partial"), ENTITY_LABELS),
        "relations": block(rel, ("strict", "relaxed"), RELATION_LABELS),
    }
