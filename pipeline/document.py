"""The document as read from disk: the one text every offset points into."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Document:
    """A decoded document.

    ``text`` follows the offsets contract of the annotation schema: the decoded
    content normalised to NFC and nothing else, so gold offsets, predictions and
    knowledge-base rows all index the same string.
    """

    doc_id: str
    text: str
    source: str = ""
    format: str = "txt"
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, doc_id: str = "doc", **kwargs) -> Document:
        import unicodedata

        return cls(doc_id=doc_id, text=unicodedata.normalize("NFC", text), **kwargs)


def doc_id_for(path: Path) -> str:
    """A stable id from the file name: the stem, which is what corpus/ names by."""
    return path.stem
