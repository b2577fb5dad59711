"""Entry point: builds the typer app from the command modules."""

from __future__ import annotations

import typer

from pipeline import __version__
from pipeline.cli import evaluate, extract, segment, train

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnplan {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """vnplan: documents -> structure -> entities -> relations -> knowledge base."""
