"""Entry point: builds the typer app from the command modules."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline import __version__
from pipeline.cli import evaluate, extract, labelstudio, segment, train

app = typer.Typer(
    name="vnplan",
    help="Information extraction from Vietnamese administrative plans.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("segment")(segment.segment)
app.command("extract")(extract.extract)
app.command("evaluate")(evaluate.evaluate)
app.command("train")(train.train)
app.command("cv")(train.cv)
app.add_typer(labelstudio.app, name="ls")


@app.command("bench")
def bench(
    syllables: Annotated[int, typer.Option(help="Repeat the corpus to at least this many syllables.")] = 200_000,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Also measure vnplan with this many processes.")] = 2,
    ner_syllables: Annotated[int | None, typer.Option(help="Cap the (slow) underthesea ner run.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the results as JSON.")] = None,
) -> None:
    """Syllables per second: vnplan extraction vs underthesea word_tokenize and ner."""
    import json

    from pipeline.bench import format_results, run

    results = run(syllables, jobs, ner_syllables, echo=lambda m: typer.echo(m, err=True))
    typer.echo(format_results(results))
    if json_out:
        json_out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnplan {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """vnplan: documents -> structure -> entities -> relations -> knowledge base."""


@app.command("export")
def export(
    kb: Annotated[Path, typer.Option("--kb", help="Knowledge base (kb.sqlite) to export.")],
    fmt: Annotated[str, typer.Option("--format", help="parquet, csv or jsonl.")] = "parquet",
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("export"),
) -> None:
    """Export the KB's tables and views (tasks, targets, citations, agencies, ...)."""
    from pipeline.cli.common import console, fail
    from pipeline.kb.export import FORMATS
    from pipeline.kb.export import export as run_export

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if not kb.is_file():
        fail(f"{kb}: no such knowledge base")
    try:
        counts = run_export(kb, fmt, out)
    except Exception as exc:  # sqlite3.DatabaseError and friends: not a vnplan KB
        fail(f"{kb}: cannot export ({type(exc).__name__}: {exc})")
    for name, n in counts.items():
        console.print(f"{out / (name + '.' + fmt)}: {n} rows")


if __name__ == "__main__":
    app()
