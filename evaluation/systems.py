"""The systems ``vnplan cv`` compares: vnplan (trained), vnplan's pure-rules
configuration, and underthesea's NER."""

from __future__ import annotations

from evaluation.baselines import UndertheseaNer
from evaluation.data import AnnotatedDoc
from evaluation.predict import predict
from pipeline.entities.tagger import EntityTagger


def _examples(docs: list[AnnotatedDoc]):
    return [(d.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs]


class VnplanRules:
    name = "vnplan-rules"

    def __init__(self) -> None:
        from pipeline.language import load

        self.nlp = load(components=("vnplan_structure", "vnplan_entity_rules"))

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

        tagger = EntityTagger.train(_examples(train), **self.train_args)
        self.nlp = load(components=("vnplan_structure", "vnplan_entity_tagger"))
        component = self.nlp.get_pipe("vnplan_entity_tagger")
        component.tagger = tagger
        component.model_version = "cv-fold"

    def predict(self, docs: list[AnnotatedDoc]) -> list[AnnotatedDoc]:
        return predict(self.nlp, docs)


FACTORIES = {
    "vnplan": VnplanTrained,
    "vnplan-rules": VnplanRules,
    "underthesea-ner": UndertheseaNer,
}
