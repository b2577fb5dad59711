"""What annotators changed relative to the predictions, per label:
spans accepted (same offsets and label), edited (overlapping a prediction
but with other offsets or another label), deleted (a prediction with no
counterpart) and added (an annotation with no counterpart); relations
accepted, deleted and added."""

from __future__ import annotations

from collections import Counter

from evaluation.data import AnnotatedDoc


def diff_docs(predicted: AnnotatedDoc, annotated: AnnotatedDoc) -> dict[str, Counter]:
    out = {
        "accepted": Counter(),
        "edited": Counter(),
        "deleted": Counter(),
        "added": Counter(),
        "relations_accepted": Counter(),
        "relations_deleted": Counter(),
        "relations_added": Counter(),
    }
    pred = set(predicted.spans)
    gold = set(annotated.spans)
    for s in pred & gold:
        out["accepted"][s.label] += 1
    only_pred = sorted(pred - gold, key=lambda s: s.start)
    only_gold = sorted(gold - pred, key=lambda s: s.start)
    matched_gold: set = set()
    for p in only_pred:
        partner = next((g for g in only_gold if g not in matched_gold and g.overlaps(p)), None)
        if partner is None:
            out["deleted"][p.label] += 1
        else:
            matched_gold.add(partner)
            out["edited"][partner.label] += 1
    for g in only_gold:
        if g not in matched_gold:
            out["added"][g.label] += 1
    rp, rg = set(predicted.relations), set(annotated.relations)
    for r in rp & rg:
        out["relations_accepted"][r.label] += 1
    for r in rp - rg:
        out["relations_deleted"][r.label] += 1
    for r in rg - rp:
        out["relations_added"][r.label] += 1
    return out


def diff_tasks(tasks: list[dict]) -> dict[str, Counter]:
    """Sum of the diffs of tasks holding both predictions and annotations."""
    from evaluation.data import doc_from_task

    total = {
        k: Counter()
        for k in (
            "accepted",
            "edited",
            "deleted",
            "added",
            "relations_accepted",
            "relations_deleted",
            "relations_added",
        )
    }
    for task in tasks:
        if not task.get("predictions") or not task.get("annotations"):
            continue
        pred = doc_from_task(task, "predictions")
        ann = doc_from_task(task, "annotations")
        for key, counter in diff_docs(pred, ann).items():
            total[key].update(counter)
    return total
