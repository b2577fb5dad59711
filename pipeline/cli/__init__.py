"""The ``vnplan`` command line: one module per command group."""

from pipeline.cli.main import app

__all__ = ["app"]
