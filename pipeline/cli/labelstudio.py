"""``vnplan ls ...``: the annotator round trip with Label Studio."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pipeline.cli.common import console, err_console, fail

app = typer.Typer(
    help="Label Studio round trip: config, tasks with predictions, import of corrections.", no_args_is_help=True
)


@app.command("config")
def config() -> None:
    """Print the labelling config (XML) for the annotation schema."""
    from pipeline.labelstudio.config import labeling_config

    typer.echo(labeling_config(), nl=False)


@app.command("tasks")
def tasks(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to pre-annotate.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Tasks JSON to write.")] = Path("tasks.json"),
) -> None:
    """Write Label Studio tasks with the pipeline's predictions (for import in the web UI)."""
    from pipeline.labelstudio.tasks import make_tasks
    from pipeline.language import EXTRACT_COMPONENTS, load

    made, problems = make_tasks(paths, load(EXTRACT_COMPONENTS), root=Path.cwd())
    for p in problems:
        err_console.print(f"[yellow]skipped:[/] {p}", highlight=False)
    if not made:
        fail("no document could be read")
    out.write_text(json.dumps(made, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    console.print(f"{out}: {len(made)} tasks with predictions")


def _load_tasks(file: Path) -> list[dict]:
    from evaluation.data import TaskFormatError, load_tasks

    try:
        return load_tasks(file)
    except TaskFormatError as exc:
        fail(str(exc))
    return []


@app.command("diff")
def diff(file: Annotated[Path, typer.Argument(help="Label Studio export (full JSON) with predictions.")]) -> None:
    """What annotators changed relative to the predictions, per label."""
    from pipeline.labelstudio.diff import diff_tasks

    print_diff(diff_tasks(_load_tasks(file)))


def print_diff(d) -> None:
    labels = sorted(set().union(*(c.keys() for c in d.values())))
    table = Table("label", "accepted", "edited", "deleted", "added", title="spans", title_justify="left")
    for label in labels:
        if any(d[k][label] for k in ("accepted", "edited", "deleted", "added")):
            table.add_row(label, *(str(d[k][label]) for k in ("accepted", "edited", "deleted", "added")))
    console.print(table)
    rel = Table("label", "accepted", "deleted", "added", title="relations", title_justify="left")
    for label in labels:
        if any(d[k][label] for k in ("relations_accepted", "relations_deleted", "relations_added")):
            rel.add_row(
                label, *(str(d[k][label]) for k in ("relations_accepted", "relations_deleted", "relations_added"))
            )
    console.print(rel)


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="Label Studio export (full JSON) with corrected annotations.")],
    annotations: Annotated[Path, typer.Option(help="Gold folder.")] = Path("annotations"),
) -> None:
    """Merge corrected documents into annotations/ (keyed by doc_id)."""
    from pipeline.labelstudio.importer import import_tasks

    if not annotations.is_dir():
        fail(f"{annotations}: no such gold folder")
    report = import_tasks(_load_tasks(file), annotations, source_name=str(file))
    for name in ("added", "updated", "unchanged"):
        items = getattr(report, name)
        if items:
            console.print(f"{name}: {', '.join(items)}")
    for line in report.conflicts:
        err_console.print(f"[yellow]conflict:[/] {line}", highlight=False)
    for line in report.refused:
        err_console.print(f"[red]refused:[/] {line}", highlight=False)
    if report.conflicts or report.refused:
        raise typer.Exit(1)


@app.command("push")
def push(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to pre-annotate and send.")],
    project: Annotated[str, typer.Option("--project", help="Project title (created if missing).")],
) -> None:
    """Create (or reuse) a project and import the documents with predictions."""
    from pipeline.labelstudio.server import ServerError, client
    from pipeline.labelstudio.server import push as run_push
    from pipeline.labelstudio.tasks import make_tasks
    from pipeline.language import EXTRACT_COMPONENTS, load

    try:
        ls = client()
        made, problems = make_tasks(paths, load(EXTRACT_COMPONENTS), root=Path.cwd())
        for p in problems:
            err_console.print(f"[yellow]skipped:[/] {p}", highlight=False)
        result = run_push(ls, project, made)
    except ServerError as exc:
        fail(str(exc))
    console.print(
        f"project {project!r} (id {result['project']}{', created' if result['created'] else ''}): "
        f"{result['imported']} tasks imported, {result['already_there']} already there"
    )


@app.command("pull")
def pull(
    project: Annotated[str, typer.Option("--project", help="Project title.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the tasks (full JSON).")],
) -> None:
    """Export the annotations, check them against the schema, and show what annotators changed."""
    from evaluation.gold_check import check_task
    from pipeline.labelstudio.diff import diff_tasks
    from pipeline.labelstudio.server import ServerError, client
    from pipeline.labelstudio.server import pull as run_pull

    try:
        tasks = run_pull(client(), project)
    except ServerError as exc:
        fail(str(exc))
    out.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    annotated = [t for t in tasks if t.get("annotations")]
    console.print(f"{out}: {len(tasks)} tasks, {len(annotated)} annotated")
    problems = [p for t in annotated for p in check_task(t, f"{out}[{t['data'].get('doc_id')}]")]
    for p in problems:
        err_console.print(f"[red]schema:[/] {p}", highlight=False)
    print_diff(diff_tasks(annotated))
    if problems:
        raise typer.Exit(1)
