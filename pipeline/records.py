"""The per-document result that flows from the spaCy Doc to the outputs
(documents.jsonl and the knowledge base): plain data, JSON-ready."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.tokens import Doc

from pipeline import __version__
from pipeline.document import Document
from pipeline.metadata import document_metadata


@dataclass
class EntityRecord:
    label: str
    start: int
    end: int
    text: str
    value: dict[str, Any] | None = None
    score: float | None = None
    model_version: str | None = None


@dataclass
class RelationRecord:
    label: str
    head: int  # index into DocumentRecord.entities
    tail: int
    score: float | None = None
    model_version: str | None = None


@dataclass
class DocumentRecord:
    doc_id: str
    source: str
    format: str
    encoding: str
    text: str
    metadata: dict[str, Any]
    structure: dict[str, Any]
    entities: list[EntityRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pipeline_version: str = __version__

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def build_record(document: Document, doc: Doc) -> DocumentRecord:
    structure = doc._.structure
    text = document.text  # the Doc's own text (see pipeline.tokenizer.text_of), sliced: Span.text re-joins tokens
    entities = []
    for ent in doc.ents:
        ext = ent._  # one accessor for the three attributes: each ``ent._`` is a new object
        entities.append(
            EntityRecord(
                label=ent.label_,
                start=ent.start_char,
                end=ent.end_char,
                text=text[ent.start_char : ent.end_char],
                value=ext.value,
                score=ext.score,
                model_version=ext.model_version,
            )
        )
    index = {(e.start, e.end, e.label): i for i, e in enumerate(entities)}
    relations = []
    for rel in doc._.relations:
        h = index.get((rel["head"]["start"], rel["head"]["end"], rel["head"]["label"]))
        t = index.get((rel["tail"]["start"], rel["tail"]["end"], rel["tail"]["label"]))
        if h is not None and t is not None:
            relations.append(RelationRecord(rel["label"], h, t, rel.get("score"), rel.get("model_version")))
    return DocumentRecord(
        doc_id=document.doc_id,
        source=document.source,
        format=document.format,
        encoding=document.encoding,
        text=document.text,
        metadata=document_metadata(document.text, structure, doc.user_data.get("vnplan.province")) if structure else {},
        structure=structure.to_dict(document.text) if structure else {},
        entities=entities,
        relations=relations,
        warnings=list(document.warnings),
    )
