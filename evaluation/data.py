"""Gold and predictions in one shape, read from Label Studio JSON.

Gold lives under ``annotations[0].result``, predictions under
``predictions[0].result`` (ANNOTATION_SCHEMA.md, "File format"); both become
an :class:`AnnotatedDoc` so the scorer never cares where spans came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.schema import ENTITY_LABELS, RELATION_ARGS


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Relation:
    label: str
    head: Span
    tail: Span


@dataclass
class AnnotatedDoc:
    doc_id: str
    text: str
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    source: str = ""
    scores: dict[Span, float] = field(default_factory=dict)


class TaskFormatError(ValueError):
    """A Label Studio file that does not follow the schema's format."""


def _result_of(task: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The result items under ``key``; a predictions file made of annotated
    tasks (another annotator's pass) falls back to its annotations."""
    blocks = task.get(key) or []
    if not blocks and key == "predictions":
        blocks = task.get("annotations") or []
    return (blocks[0].get("result") or []) if blocks else []


def doc_from_task(task: dict[str, Any], key: str = "annotations", where: str = "") -> AnnotatedDoc:
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise TaskFormatError(f"{where}: task has no data.text")
    doc = AnnotatedDoc(doc_id=str(data.get("doc_id") or where), text=text, source=data.get("source", ""))
    by_id: dict[str, Span] = {}
    relations = []
    for item in _result_of(task, key):
        kind = item.get("type")
        if kind == "labels":
            v = item.get("value") or {}
            labels = v.get("labels") or []
            if not labels or labels[0] not in ENTITY_LABELS:
                raise TaskFormatError(f"{where}: span {item.get('id')} has labels {labels}")
            s, e = v.get("start"), v.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                raise TaskFormatError(f"{where}: span {item.get('id')} has bad offsets {s}-{e}")
            span = Span(s, e, labels[0])
            by_id[item.get("id")] = span
            doc.spans.append(span)
            if "score" in item:
                doc.scores[span] = item["score"]
        elif kind == "relation":
            relations.append(item)
    for item in relations:
        labels = item.get("labels") or []
        if not labels or labels[0] not in RELATION_ARGS:
            raise TaskFormatError(f"{where}: relation {item.get('from_id')}->{item.get('to_id')} labels {labels}")
        head, tail = item.get("from_id"), item.get("to_id")
        if item.get("direction", "right") == "left":
            head, tail = tail, head
        if head not in by_id or tail not in by_id:
            raise TaskFormatError(f"{where}: relation {labels[0]} names a missing span")
        doc.relations.append(Relation(labels[0], by_id[head], by_id[tail]))
    return doc


def load_tasks(path: Path) -> list[dict[str, Any]]:
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TaskFormatError(f"{path}: cannot read Label Studio JSON ({exc})") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise TaskFormatError(f"{path}: top level is not a list of tasks")
    return tasks


def json_files(path: Path) -> list[Path]:
    path = Path(path)
    return sorted(path.glob("*.json")) if path.is_dir() else [path]


def load_docs(path: Path, key: str = "annotations") -> list[AnnotatedDoc]:
    """All documents of a file or a folder of Label Studio JSON files."""
    docs = []
    for file in json_files(path):
        for i, task in enumerate(load_tasks(file)):
            doc_id = (task.get("data") or {}).get("doc_id", i)
            docs.append(doc_from_task(task, key, f"{file}[{doc_id}]"))
    return docs


def to_result(doc: AnnotatedDoc, with_scores: bool = False) -> list[dict[str, Any]]:
    """Label Studio result items for a document (span ids are stable: T1, T2, ...)."""
    items: list[dict[str, Any]] = []
    ids: dict[Span, str] = {}
    for i, span in enumerate(sorted(doc.spans, key=lambda s: (s.start, s.end, s.label)), 1):
        ids[span] = f"T{i}"
        item = {
            "id": ids[span],
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {
                "start": span.start,
                "end": span.end,
                "text": doc.text[span.start : span.end],
                "labels": [span.label],
            },
        }
        if with_scores:
            item["score"] = float(doc.scores.get(span, 1.0))
        items.append(item)
    for rel in doc.relations:
        if rel.head in ids and rel.tail in ids:
            items.append(
                {
                    "from_id": ids[rel.head],
                    "to_id": ids[rel.tail],
                    "type": "relation",
                    "direction": "right",
                    "labels": [rel.label],
                }
            )
    return items
