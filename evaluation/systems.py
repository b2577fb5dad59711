"""The systems ``vnplan cv`` compares: vnplan (trained), vnplan's pure-rules
configuration, and underthesea's NER."""

from __future__ import annotations

from evaluation.baselines import UndertheseaNer
from evaluation.data import AnnotatedDoc
from evaluation.predict import predict
from pipeline.entities.tagger import EntityTagger


def _examples(docs: list[AnnotatedDoc]):
    return [(d.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs]


def relation_examples(docs: list[AnnotatedDoc]):
    return [
        (
            d.text,
            [(s.start, s.end, s.label) for s in d.spans],
            [
                (r.label, (r.head.start, r.head.end, r.head.label), (r.tail.start, r.tail.end, r.tail.label))
                for r in d.relations
            ],
        )
        for d in docs
    ]


class VnplanRules:
    name = "vnplan-rules"

    def __init__(self) -> None:
        from pipeline.language import RULES_COMPONENTS, load

        self.nlp = load(components=RULES_COMPONENTS)

    def fit(self, train: list[AnnotatedDoc]) -> None:
        pass

    def predict(self, docs: list[AnnotatedDoc]) -> list[AnnotatedDoc]:
        return predict(self.nlp, docs)


class VnplanTrained:
    """Rules as features plus the CRF tagger, trained on the fold's documents."""

    name = "vnplan"

    def __init__(self, **train_args) -> None:
        self.train_args = train_args
        self.nlp = None

    def fit(self, train: list[AnnotatedDoc]) -> None:
        from pipeline.language import load
        from pipeline.relations.classifier import RelationClassifier

        tagger = EntityTagger.train(_examples(train), **self.train_args)
        relations = RelationClassifier.train(relation_examples(train))
        self.nlp = load(components=("vnplan_structure", "vnplan_entity_tagger", "vnplan_relations"))
        component = self.nlp.get_pipe("vnplan_entity_tagger")
        component.tagger = tagger
        component.model_version = "cv-fold"
        rel = self.nlp.get_pipe("vnplan_relations")
        rel.classifier = relations
        rel.model_version = "cv-fold"

    def predict(self, docs: list[AnnotatedDoc]) -> list[AnnotatedDoc]:
        return predict(self.nlp, docs)


FACTORIES = {
    "vnplan": VnplanTrained,
    "vnplan-rules": VnplanRules,
    "underthesea-ner": UndertheseaNer,
}
