"""Label Studio tasks with the pipeline's predictions (spans with scores,
relations, model_version), in the schema's file format."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evaluation.data import AnnotatedDoc, to_result
from evaluation.predict import annotated_from_doc
from pipeline.reading import ReadError, iter_paths, read_document


def model_version(nlp) -> str:
    parts = []
    for name in ("vnplan_entity_tagger", "vnplan_relations"):
        if name in nlp.pipe_names:
            parts.append(getattr(nlp.get_pipe(name), "model_version", None) or name)
    return "+".join(parts) or "vnplan"


def task_for(doc: AnnotatedDoc, version: str, source: str = "") -> dict[str, Any]:
    result = to_result(doc, with_scores=True)
    scores = [r["score"] for r in result if r["type"] == "labels"]
    return {
        "data": {"text": doc.text, "doc_id": doc.doc_id, "source": source},
        "predictions": [
            {
                "model_version": version,
                "score": round(sum(scores) / len(scores), 4) if scores else 0.0,
                "result": result,
            }
        ],
    }


def make_tasks(paths: Iterable[str | Path], nlp, root: Path | None = None) -> tuple[list[dict], list[str]]:
    """Tasks for every readable document; returns (tasks, problems)."""
    tasks, problems = [], []
    version = model_version(nlp)
    for path in iter_paths(paths):
        try:
            document = read_document(path)
        except ReadError as exc:
            problems.append(str(exc))
            continue
        source = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
        tasks.append(task_for(annotated_from_doc(nlp(document.text), document.doc_id), version, source))
    return tasks, problems
