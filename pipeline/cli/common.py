"""Shared CLI helpers: one-line errors, consoles."""

from __future__ import annotations

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one-line errors stay one line


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error (no traceback) and exit."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)
