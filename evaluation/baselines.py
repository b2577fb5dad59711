"""Baselines that ``vnplan cv`` scores in the same run as vnplan itself.

* underthesea's own ``ner``, sentence by sentence, with ORG mapped to AGENCY
  and PER to PERSON (its other labels have no counterpart in the schema);
* the pure-rules configuration of vnplan (no trained component), built in
  :mod:`evaluation.cv` from the pipeline itself.
"""

from __future__ import annotations

from evaluation.data import AnnotatedDoc, Span
from pipeline.structure.segmenter import segment
from pipeline.structure.sentences import align, sentence_spans

NER_MAP = {"ORG": "AGENCY", "PER": "PERSON"}


def underthesea_ner_spans(text: str) -> list[Span]:
    from underthesea import ner

    spans: list[Span] = []
    for s, e in sentence_spans(text, segment(text)):
        tokens = ner(text[s:e])
        offsets = align(text, [t[0] for t in tokens], s, e)
        if len(offsets) != len(tokens):  # a token the tool normalised: align what we can
            offsets = offsets + [None] * (len(tokens) - len(offsets))
        current: list | None = None
        for (_word, *_tags), off in zip(tokens, offsets):
            tag = _tags[-1] if _tags else "O"
            if off is None:
                current = None
                continue
            prefix, _, kind = tag.partition("-")
            label = NER_MAP.get(kind)
            if prefix == "B" and label:
                if current:
                    spans.append(Span(*current))
                current = [off[0], off[1], label]
            elif prefix == "I" and label and current and current[2] == label:
                current[1] = off[1]
            else:
                if current:
                    spans.append(Span(*current))
                current = None
        if current:
            spans.append(Span(*current))
    return spans


class UndertheseaNer:
    name = "underthesea-ner"

    def fit(self, train: list[AnnotatedDoc]) -> None:  # nothing to train
        pass

    def predict(self, docs: list[AnnotatedDoc]) -> list[AnnotatedDoc]:
        return [AnnotatedDoc(d.doc_id, d.text, underthesea_ner_spans(d.text)) for d in docs]
