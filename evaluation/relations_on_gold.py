"""Relation classifier alone: 5-fold cross-validation on GOLD entities, to
separate relation errors from entity errors (``vnplan cv`` scores relations
on predicted entities, where a missed TASK loses all its relations).

    python -m evaluation.relations_on_gold [--gold annotations] [--rules]

``--rules`` also scores ``rule_relations`` (the pure-rules configuration's
relation stage) on the same gold entities, so the two relation stages can be
compared without their different entity stages in the way.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.data import AnnotatedDoc, Relation, Span, load_docs
from evaluation.scoring import score
from evaluation.systems import relation_examples
from pipeline.relations.classifier import RelationClassifier, rule_relations
from pipeline.structure.segmenter import segment


def run(gold: Path, k: int = 5, rules: bool = False) -> dict:
    """Relation scores on gold entities: the trained classifier in k folds, or
    (``rules``) ``rule_relations``, which needs no training."""
    docs = load_docs(gold)
    folds = [[d for i, d in enumerate(docs) if i % k == j] for j in range(k)]
    preds, golds = [], []
    for j in range(k):
        train = [d for i, f in enumerate(folds) if i != j for d in f]
        model = None if rules else RelationClassifier.train(relation_examples(train))
        for d in folds[j]:
            spans = [(s.start, s.end, s.label) for s in d.spans]
            structure = segment(d.text)
            rels = (
                rule_relations(d.text, structure, spans) if model is None else model.predict(d.text, structure, spans)
            )
            preds.append(
                AnnotatedDoc(
                    d.doc_id,
                    d.text,
                    list(d.spans),
                    [
                        Relation(
                            r.label,
                            Span(r.head.start, r.head.end, r.head.label),
                            Span(r.tail.start, r.tail.end, r.tail.label),
                        )
                        for r in rels
                    ],
                )
            )
            golds.append(d)
    return score(golds, preds)["relations"]


def _print(name: str, result: dict) -> None:
    print(f"{name}: micro strict F1 {result['strict']['f1']:.3f} (relaxed {result['relaxed']['f1']:.3f})")
    for label, s in result["per_label"].items():
        print(
            f"{label:<12} P {s['strict']['precision']:.3f}  R {s['strict']['recall']:.3f}  F1 {s['strict']['f1']:.3f}"
        )


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("annotations"))
    ap.add_argument("--rules", action="store_true", help="also score rule_relations on the gold entities")
    args = ap.parse_args()
    _print("classifier", run(args.gold))
    if args.rules:
        _print("rule_relations", run(args.gold, rules=True))
