"""Leave-one-document-out cross-validation of the trainable parts, with the
two baselines scored in the same run.

Each system is an object with ``fit(train_docs)`` and ``predict(docs)``; for
every document, each system is fitted on all other documents and predicts the
held-out one. Scores are reported per document and pooled (micro over all
held-out predictions), which is the figure the model card quotes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from evaluation.data import AnnotatedDoc
from evaluation.scoring import score
from pipeline.schema import ENTITY_LABELS, RELATION_LABELS


class System(Protocol):
    name: str

    def fit(self, train: list[AnnotatedDoc]) -> None: ...

    def predict(self, docs: list[AnnotatedDoc]) -> list[AnnotatedDoc]: ...


@dataclass
class CVResult:
    systems: list[str]
    documents: list[str]
    extra_train: list[str] = field(default_factory=list)
    gold_weight: int = 1
    pooled: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_document: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    predictions: dict[str, list[AnnotatedDoc]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "systems": self.systems,
            "documents": self.documents,
            "extra_train": self.extra_train,
            "gold_weight": self.gold_weight,
            "pooled": self.pooled,
            "per_document": self.per_document,
            "seconds": self.seconds,
        }


def cross_validate(
    docs: Sequence[AnnotatedDoc],
    factories: dict[str, Callable[[], System]],
    progress: Callable[[str], None] | None = None,
    extra_train: Sequence[AnnotatedDoc] = (),
    gold_weight: int = 1,
) -> CVResult:
    """``extra_train`` (the training passages) joins every fold's training
    documents and is never held out, so every figure is on ``docs`` alone;
    each training document of ``docs`` is repeated ``gold_weight`` times, as
    ``vnplan train`` does (``pipeline.cli.train.training_documents``)."""
    docs = list(docs)
    result = CVResult(list(factories), [d.doc_id for d in docs], [d.doc_id for d in extra_train], gold_weight)
    for name, make in factories.items():
        started = time.perf_counter()
        preds: list[AnnotatedDoc] = []
        for i, held_out in enumerate(docs):
            if progress:
                progress(f"{name}: {held_out.doc_id} ({i + 1}/{len(docs)})")
            system = make()
            system.fit((docs[:i] + docs[i + 1 :]) * gold_weight + list(extra_train))
            (pred,) = system.predict([held_out])
            preds.append(pred)
            result.per_document.setdefault(held_out.doc_id, {})[name] = score([held_out], [pred])
        result.predictions[name] = preds
        result.pooled[name] = score(docs, preds)
        result.seconds[name] = round(time.perf_counter() - started, 1)
    return result


def _f(x: float) -> str:
    return f"{x:.3f}"


def _pooled_table(result: CVResult, kind: str, labels: Sequence[str], loose: str) -> list[str]:
    """One markdown table: a row per label plus micro, cells 'strict / loose' F1 per system."""
    systems = result.systems
    lines = [f"## {kind.capitalize()}, pooled (strict F1 / {loose} F1)", ""]
    lines.append("| label | n | " + " | ".join(systems) + " |")
    lines.append("|---|---|" + "---|" * len(systems))
    first = result.pooled[systems[0]][kind]
    for label in (*labels, "micro"):
        cells = []
        for s in systems:
            block = result.pooled[s][kind]
            m = block["per_label"][label] if label != "micro" else {"strict": block["strict"], loose: block[loose]}
            cells.append(f"{_f(m['strict']['f1'])} / {_f(m[loose]['f1'])}")
        ref = first["per_label"][label]["strict"] if label != "micro" else first["strict"]
        lines.append(f"| {label} | {ref['tp'] + ref['fn']} | " + " | ".join(cells) + " |")
    return lines


def markdown_report(result: CVResult, title: str = "Cross-validation (leave one document out)") -> str:
    systems = result.systems
    lines = [f"# {title}", ""]
    lines.append(f"{len(result.documents)} documents; every figure is computed on held-out documents only.")
    if result.extra_train:
        lines.append(
            f"Every fold also trained on the {len(result.extra_train)} training passages, which are never held out"
            f" (each gold document counted {result.gold_weight} times)."
        )
    lines.append("Seconds per system (all folds): " + ", ".join(f"{s} {result.seconds[s]}" for s in systems))
    lines.append("")
    lines += _pooled_table(result, "entities", ENTITY_LABELS, "partial")
    lines += [""]
    lines += _pooled_table(result, "relations", RELATION_LABELS, "relaxed")
    lines += ["", "## Per document (entity strict F1 / relation strict F1)", ""]
    lines.append("| document | " + " | ".join(systems) + " |")
    lines.append("|---|" + "---|" * len(systems))
    for doc_id in result.documents:
        cells = []
        for s in systems:
            sc = result.per_document[doc_id][s]
            cells.append(f"{_f(sc['entities']['strict']['f1'])} / {_f(sc['relations']['strict']['f1'])}")
        lines.append(f"| {doc_id} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def write_report(result: CVResult, out_dir: Path, stem: str = "cv") -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    md = out_dir / f"{stem}.md"
    js = out_dir / f"{stem}.json"
    md.write_text(markdown_report(result), encoding="utf-8")
    js.write_text(json.dumps(result.as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return md, js
