"""The spaCy container: extension attributes, registered components, load().

Extension values live in ``doc.user_data`` as plain dicts and lists, never as
Python objects, because ``nlp.pipe(..., n_process=N)`` ships Docs between
processes with msgpack; the typed views (``doc._.structure``) are rebuilt from
that data on access.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.structure.model import Structure
from pipeline.structure.segmenter import segment
from pipeline.tokenizer import text_of

_STRUCTURE = "vnplan.structure"
_RELATIONS = "vnplan.relations"


def _value_key(span: Span) -> str:
    return f"{span.start_char}:{span.end_char}:{span.label_}"


# The typed tree of the last few docs, so components do not rebuild it from its
# dict form on every access; keyed by the identity of that dict, so a Doc that
# came back from another process (a new dict) is rebuilt once.
_STRUCTURE_CACHE: OrderedDict[int, tuple[dict, Structure]] = OrderedDict()


def _get_structure(doc: Doc) -> Structure | None:
    data = doc.user_data.get(_STRUCTURE)
    if data is None:
        return None
    hit = _STRUCTURE_CACHE.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1]
    structure = Structure.from_dict(data)
    _cache(data, structure)
    return structure


def _cache(data: dict, structure: Structure) -> None:
    _STRUCTURE_CACHE[id(data)] = (data, structure)
    while len(_STRUCTURE_CACHE) > 32:
        _STRUCTURE_CACHE.popitem(last=False)


def _set_structure(doc: Doc, value: Structure | dict | None) -> None:
    if isinstance(value, Structure):
        data = value.to_dict()
        _cache(data, value)
        value = data
    doc.user_data[_STRUCTURE] = value


def _get_relations(doc: Doc) -> list[dict[str, Any]]:
    return doc.user_data.setdefault(_RELATIONS, [])


def _set_relations(doc: Doc, value: list[dict[str, Any]]) -> None:
    doc.user_data[_RELATIONS] = list(value)


def _span_store(attr: str):
    """Getter/setter pair keeping a span attribute in doc.user_data under a
    string key (msgpack cannot hold tuple keys or Span objects)."""
    key = f"vnplan.span.{attr}"

    def get(span: Span) -> Any:
        return span.doc.user_data.get(key, {}).get(_value_key(span))

    def set_(span: Span, value: Any) -> None:
        span.doc.user_data.setdefault(key, {})[_value_key(span)] = value

    return get, set_


def register_extensions() -> None:
    """Idempotent: safe to call from every entry point."""
    if not Doc.has_extension("structure"):
        Doc.set_extension("structure", getter=_get_structure, setter=_set_structure)
        Doc.set_extension("relations", getter=_get_relations, setter=_set_relations)
        Doc.set_extension("doc_id", default=None)
        Doc.set_extension("words", getter=lambda doc: _get_words(doc))
        for attr in ("value", "score", "model_version"):
            getter, setter = _span_store(attr)
            Span.set_extension(attr, getter=getter, setter=setter)


register_extensions()


@Language.factory("vnplan_structure")
def make_structure_component(nlp: Language, name: str) -> StructureComponent:
    return StructureComponent()


class StructureComponent:
    """Segments the document (header, headings, lists, tables, ...) and stores
    the tree in ``doc._.structure``. Later components read it for features
    (table column, heading path) and for relation cues."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.structure = segment(text_of(doc))
        return doc


@Language.factory("vnplan_sentences", requires=["doc._.structure"])
def make_sentence_component(nlp: Language, name: str) -> SentenceComponent:
    return SentenceComponent()


class SentenceComponent:
    """Sentence boundaries from underthesea, split inside structure blocks, set
    on tokens so ``doc.sents`` works; word segments are on demand
    (``doc._.words``) because they cost more than the rest of the pipeline."""

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.structure.sentences import sentence_spans

        text = text_of(doc)
        structure = doc._.structure or segment(text)
        starts = {s for s, _ in sentence_spans(text, structure)}
        # one array write: setting ``token.is_sent_start`` token by token makes
        # spaCy rescan the whole document each time (quadratic on long plans);
        # the offsets come as an array too, without a Token object per token
        if len(doc):
            offsets = doc.to_array([IDX]).reshape(-1)
            flags = numpy.where(numpy.isin(offsets, numpy.fromiter(starts, dtype=offsets.dtype)), 1, -1)
            flags[0] = 1
            doc.from_array([SENT_START], flags.astype("int64").astype("uint64").reshape(-1, 1))
        return doc


def _get_words(doc: Doc) -> list[tuple[int, int]]:
    from pipeline.structure.sentences import word_spans

    return [w for sent in doc.sents for w in word_spans(text_of(doc), sent.start_char, sent.end_char)]


DEFAULT_COMPONENTS: tuple[str, ...] = (
    "vnplan_structure",
    "vnplan_sentences",
    "vnplan_entity_tagger",
    "vnplan_normalizer",
    "vnplan_relations",
)
RULES_COMPONENTS: tuple[str, ...] = (
    "vnplan_structure",
    "vnplan_entity_rules",
    "vnplan_normalizer",
    "vnplan_relation_rules",
)
# what `vnplan extract` runs: sentences and words are not stored in the KB, so
# the (comparatively slow) underthesea sentence layer is left out
EXTRACT_COMPONENTS: tuple[str, ...] = (
    "vnplan_structure",
    "vnplan_entity_tagger",
    "vnplan_normalizer",
    "vnplan_relations",
)


def load(components: tuple[str, ...] | None = None) -> Language:
    """The vnplan pipeline as a spaCy ``Language``.

    ``nlp(text)`` gives a Doc with ``doc._.structure``; ``nlp.pipe(texts,
    n_process=2)`` works as in any spaCy pipeline. Nothing is downloaded.
    """
    # importing registers the tokenizer and the entity/relation factories
    import pipeline.entities.components  # noqa: F401
    import pipeline.tokenizer  # noqa: F401

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vnplan.syllable_tokenizer.v1"}}})
    for name in components or DEFAULT_COMPONENTS:
        nlp.add_pipe(name)
    return nlp
