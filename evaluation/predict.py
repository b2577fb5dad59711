"""Running the shipped pipeline on gold texts and reading its output as an
AnnotatedDoc, the scorer's input."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from evaluation.data import AnnotatedDoc, Relation, Span


def annotated_from_doc(doc: Doc, doc_id: str) -> AnnotatedDoc:
    out = AnnotatedDoc(doc_id, doc.text)
    index: dict[tuple[int, int, str], Span] = {}
    for ent in doc.ents:
        span = Span(ent.start_char, ent.end_char, ent.label_)
        out.spans.append(span)
        index[(span.start, span.end, span.label)] = span
        if ent._.score is not None:
            out.scores[span] = ent._.score
    for rel in doc._.relations:
        h = index.get((rel["head"]["start"], rel["head"]["end"], rel["head"]["label"]))
        t = index.get((rel["tail"]["start"], rel["tail"]["end"], rel["tail"]["label"]))
        if h is not None and t is not None:
            out.relations.append(Relation(rel["label"], h, t))
    return out


def predict(nlp: Language, docs: Iterable[AnnotatedDoc], n_process: int = 1) -> list[AnnotatedDoc]:
    docs = list(docs)
    results = nlp.pipe(((d.text, d.doc_id) for d in docs), as_tuples=True, n_process=n_process)
    return [annotated_from_doc(doc, doc_id) for doc, doc_id in results]
