"""Relation classifier alone: 5-fold cross-validation on GOLD entities, to
separate relation errors from entity errors (``vnplan cv`` scores relations
on predicted entities, where a missed TASK loses all its relations).

    python -m evaluation.relations_on_gold [--gold annotations]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.data import AnnotatedDoc, Relation, Span, load_docs
from evaluation.scoring import score
from evaluation.systems import relation_examples
from pipeline.relations.classifier import RelationClassifier
from pipeline.structure.segmenter import segment


def run(gold: Path, k: int = 5) -> dict:
    docs = load_docs(gold)
    folds = [[d for i, d in enumerate(docs) if i % k == j] for j in range(k)]
    preds, golds = [], []
    for j in range(k):
        train = [d for i, f in enumerate(folds) if i != j for d in f]
        model = RelationClassifier.train(relation_examples(train))
        for d in folds[j]:
            spans = [(s.start, s.end, s.label) for s in d.spans]
            rels = model.predict(d.text, segment(d.text), spans)
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


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("annotations"))
    result = run(ap.parse_args().gold)
    print(f"micro strict F1 {result['strict']['f1']:.3f} (relaxed {result['relaxed']['f1']:.3f})")
    for label, s in result["per_label"].items():
        print(
            f"{label:<12} P {s['strict']['precision']:.3f}  R {s['strict']['recall']:.3f}  F1 {s['strict']['f1']:.3f}"
        )
