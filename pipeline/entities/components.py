"""spaCy components for entities: the rule recogniser, the trained tagger and
the normaliser. Registered as factories so pipelines are assembled from
config, the spaCy way."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.entities.agencies import find_agencies
from pipeline.entities.features import sequences
from pipeline.entities.merge import merge_spans
from pipeline.entities.patterns import find_all
from pipeline.entities.postprocess import finish_spans
from pipeline.entities.rules import regular_entities, rule_entities
from pipeline.entities.tagger import EntityTagger
from pipeline.structure.model import Structure
from pipeline.structure.segmenter import segment
from pipeline.tokenizer import doc_offsets, text_of

MODEL_VERSION_RULES = "vnplan-rules-1"


@contextmanager
def gc_paused():
    """Feature extraction allocates tens of thousands of small dicts per
    document, which keeps triggering Python's cycle collector for nothing:
    the dicts hold no cycles and are freed by reference counting. Pausing it
    for the duration of one document is ~30% of the extraction time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def set_entities(doc: Doc, spans: list[tuple[int, int, str, float | None]], model_version: str) -> None:
    ents: list[Span] = []
    for start, end, label, _score in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            ents.append(span)
    ents = filter_spans(ents)
    doc.ents = ents
    scores = {(s, e, label): sc for s, e, label, sc in spans}
    for ent in ents:  # doc.ents rebuilds every span from the tokens: iterate our list
        ext = ent._
        ext.score = scores.get((ent.start_char, ent.end_char, ent.label_), 1.0)
        ext.model_version = model_version


@Language.factory("vnplan_entity_rules")
def make_entity_rules(nlp: Language, name: str) -> EntityRules:
    return EntityRules()


class EntityRules:
    """The pure-rules configuration: patterns, agency grammar, structure rules."""

    def __call__(self, doc: Doc) -> Doc:
        structure = doc._.structure or segment(text_of(doc))
        set_entities(
            doc,
            [(s, e, label, 1.0) for s, e, label in rule_entities(text_of(doc), structure)],
            MODEL_VERSION_RULES,
        )
        return doc


@Language.factory("vnplan_entity_tagger", default_config={"model": None})
def make_entity_tagger(nlp: Language, name: str, model: str | None) -> EntityTaggerComponent:
    return EntityTaggerComponent(model)


class EntityTaggerComponent:
    """The trained CRF tagger (all eight labels; rule outputs are features).
    ``model`` is a path to a CRFsuite file; default: the shipped model."""

    def __init__(self, model: str | None = None) -> None:
        from pipeline.models import default_model_path, model_version

        path = Path(model) if model else default_model_path("entity_crf.crfsuite")
        self.tagger: EntityTagger | None = EntityTagger.load(path) if path.is_file() else None
        self.model_version = model_version("entity_crf.crfsuite") if self.tagger else None

    def __call__(self, doc: Doc) -> Doc:
        if self.tagger is None:
            raise RuntimeError("no entity model installed: run `vnplan train` or load the pipeline with rules only")
        text = text_of(doc)
        structure = doc._.structure or segment(text)
        matches = find_all(text)  # computed once: features and the merge both need them
        agencies = find_agencies(text)
        with gc_paused():
            # the feature lists are a temporary, freed before the collector is back:
            # its first pass would otherwise walk every one of them
            tagged = self.tagger.tag(
                text,
                structure,
                seqs=sequences(text, structure, matches=matches, agencies=agencies, offsets=doc_offsets(doc)),
            )
        spans = merge_spans(text, regular_entities(text, structure, matches), tagged)
        spans = finish_spans(text, structure, spans, agencies, matches)
        set_entities(doc, spans, self.model_version or "crf")
        return doc


@Language.factory("vnplan_normalizer")
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    return Normalizer()


class Normalizer:
    """Sets ``ent._.value``: ISO dates, numbers and units, amounts in đồng,
    parsed citations with canonical ids, canonical agency names and levels.
    The document's province (from its header) completes "UBND tỉnh" and
    qualifies local document numbers; the date after a citation gives its year."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.metadata import province_of
        from pipeline.normalize.numbers import money_cell_value
        from pipeline.normalize.values import normalize

        text = text_of(doc)
        structure = doc._.structure or segment(text)
        province = province_of(text, structure)
        doc.user_data["vnplan.province"] = province  # reused by the record builder
        ents = list(doc.ents)
        # the text by offsets: ``Span.text`` joins the span's tokens again on every access
        found = [(ent.label_, ent.start_char, ent.end_char) for ent in ents]
        for i, (ent, (label, start, end)) in enumerate(zip(ents, found)):
            year_hint = None
            if label == "LEGAL_REF" and i + 1 < len(found):
                next_label, next_start, next_end = found[i + 1]
                if next_label == "DATE" and next_start - end <= 12:
                    value = normalize("DATE", text[next_start:next_end])
                    if value and value.get("start"):
                        year_hint = int(value["start"][:4])
            value = normalize(label, text[start:end], province=province, year_hint=year_hint)
            if label == "MONEY" and value is None:
                value = money_cell_value(text[start:end], _column_header(text, structure, start))
            ent._.value = value
        return doc


def _column_header(text: str, structure: Structure, offset: int) -> str | None:
    """The header of the table column a character sits in, then the table's
    caption line ("(Đơn vị tính: lượt người; kinh phí: triệu đồng)"), where
    plans state the unit as often as in the header."""
    for table in structure.tables:
        if table.start <= offset < table.end:
            caption = text[max(0, table.start - 200) : table.start].rsplit("\n\n", 1)[-1]
            for row in table.rows:
                for cell in row.cells:
                    if cell.start <= offset < cell.end:
                        return f"{cell.header or ''}\n{caption}"
    return None


@Language.factory("vnplan_transformer_tagger", default_config={"model": None})
def make_transformer_tagger(nlp: Language, name: str, model: str | None) -> TransformerTaggerComponent:
    return TransformerTaggerComponent(model)


class TransformerTaggerComponent:
    """Entities from a backbone fine-tuned by ``vnplan train --backbone``
    (default: models/transformer), merged with the rule spans like the CRF's."""

    def __init__(self, model: str | None = None) -> None:
        from pipeline.entities.transformer import TransformerTagger
        from pipeline.models import default_model_path

        self.tagger = TransformerTagger.load(Path(model) if model else default_model_path("transformer"))

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.entities.tagger import TaggedSpan

        text = text_of(doc)
        structure = doc._.structure or segment(text)
        tagged = [TaggedSpan(s, e, label, p) for s, e, label, p in self.tagger.tag(text)]
        spans = finish_spans(text, structure, merge_spans(text, regular_entities(text, structure), tagged))
        set_entities(doc, spans, "transformer")
        return doc


def _relation_dicts(rels, model_version: str) -> list[dict]:
    return [
        {
            "label": r.label,
            "score": r.score,
            "model_version": model_version,
            "head": {"start": r.head.start, "end": r.head.end, "label": r.head.label},
            "tail": {"start": r.tail.start, "end": r.tail.end, "label": r.tail.label},
        }
        for r in rels
    ]


@Language.factory("vnplan_relations", default_config={"model": None})
def make_relations(nlp: Language, name: str, model: str | None) -> RelationComponent:
    return RelationComponent(model)


class RelationComponent:
    """Relations between ``doc.ents`` into ``doc._.relations``: structural
    cases decided by layout, the rest by the trained pair classifier."""

    def __init__(self, model: str | None = None) -> None:
        from pipeline.models import default_model_path, model_version
        from pipeline.relations.classifier import RelationClassifier

        path = Path(model) if model else default_model_path("relations.json")
        self.classifier = RelationClassifier.load(path) if path.is_file() else None
        self.model_version = model_version("relations.json") if self.classifier else None

    def __call__(self, doc: Doc) -> Doc:
        if self.classifier is None:
            raise RuntimeError("no relation model installed: run `vnplan train` or use the rules configuration")
        structure = doc._.structure or segment(text_of(doc))
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        rels = self.classifier.predict(text_of(doc), structure, spans)
        doc._.relations = _relation_dicts(rels, self.model_version or "relations")
        return doc


@Language.factory("vnplan_relation_rules")
def make_relation_rules(nlp: Language, name: str) -> RelationRules:
    return RelationRules()


class RelationRules:
    """Relations by rules only (the pure-rules configuration)."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.relations.classifier import rule_relations

        structure = doc._.structure or segment(text_of(doc))
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        doc._.relations = _relation_dicts(rule_relations(text_of(doc), structure, spans), "vnplan-rules-1")
        return doc
