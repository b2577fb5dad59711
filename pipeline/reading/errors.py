"""The one error type a bad input file produces."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read as a document. The message names the file
    and the problem in one line, so the CLI can print it instead of a traceback."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
