"""``vnplan evaluate``: score predictions (or the shipped pipeline) against gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pipeline.cli.common import console, fail


def scores_table(scores: dict, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for col in ("label", "P", "R", "F1", "tp", "fp", "fn", "partial/relaxed F1"):
        table.add_column(col, justify="left" if col == "label" else "right")

    def add(name, strict, loose, style=None):
        table.add_row(
            name,
            f"{strict['precision']:.3f}",
            f"{strict['recall']:.3f}",
            f"{strict['f1']:.3f}",
            str(strict["tp"]),
            str(strict["fp"]),
            str(strict["fn"]),
            f"{loose['f1']:.3f}",
            style=style,
        )

    for kind, (strict, loose) in (("entities", ("strict", "partial")), ("relations", ("strict", "relaxed"))):
        block = scores[kind]
        for label, s in block["per_label"].items():
            if s[strict]["tp"] + s[strict]["fp"] + s[strict]["fn"]:
                add(label, s[strict], s[loose])
        add(f"all {kind}", block[strict], block[loose], style="bold")
        table.add_section()
    return table


def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold Label Studio JSON file or folder.")],
    pred: Annotated[
        Path | None,
        typer.Option(
            "--pred",
            help="Predictions (Label Studio JSON with "
            "predictions[0].result). Default: run the "
            "shipped pipeline on the gold texts.",
        ),
    ] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the scores as JSON here.")] = None,
    errors: Annotated[Path | None, typer.Option("--errors", help="Write an error report (markdown).")] = None,
) -> None:
    """Strict/partial entity and strict/relaxed relation scores, micro and per label."""
    from evaluation.data import TaskFormatError, load_docs
    from evaluation.errors import error_report, errors_markdown
    from evaluation.scoring import score

    if not gold.exists():
        fail(f"{gold}: no such file or folder")
    try:
        gold_docs = load_docs(gold)
        if pred is not None:
            pred_docs = load_docs(pred, key="predictions")
        else:
            from evaluation.predict import predict
            from pipeline.language import load

            pred_docs = predict(load(), gold_docs)
    except TaskFormatError as exc:
        fail(str(exc))
    if not gold_docs:
        fail(f"{gold}: no gold tasks found")
    scores = score(gold_docs, pred_docs)
    console.print(scores_table(scores, f"{len(gold_docs)} documents"))
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(scores, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if errors is not None:
        errors.parent.mkdir(parents=True, exist_ok=True)
        errors.write_text(errors_markdown(error_report(gold_docs, pred_docs)), encoding="utf-8")
