"""Reading files into :class:`~pipeline.document.Document`.

One entry point, :func:`read_document`, dispatching on the file suffix. Every
failure is a :class:`ReadError` whose message names the file and the problem.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.document import Document, doc_id_for
from pipeline.reading.encodings import decode_bytes
from pipeline.reading.errors import ReadError
from pipeline.reading.formats import docx_to_text, html_to_text, pdf_to_text

SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}

__all__ = ["ReadError", "SUFFIXES", "iter_paths", "read_bytes", "read_document"]


def read_bytes(raw: bytes, fmt: str, path: str = "<bytes>", doc_id: str | None = None) -> Document:
    """Decode ``raw`` of format ``fmt`` into a Document (text NFC-normalised)."""
    warnings: list[str] = []
    if fmt in ("txt", "md"):
        decoded = decode_bytes(raw, path)
        text, encoding, warnings = decoded.text, decoded.encoding, decoded.warnings
    elif fmt == "html":
        text, encoding, warnings = html_to_text(raw, path)
    elif fmt == "docx":
        text, encoding = docx_to_text(raw, path), "docx"
    elif fmt == "pdf":
        text, encoding = pdf_to_text(raw, path), "pdf"
    else:
        raise ReadError(path, f"unsupported format {fmt!r} (supported: {', '.join(sorted(set(SUFFIXES)))})")
    if not raw.strip() or not text.strip():
        raise ReadError(path, "file is empty")
    text = unicodedata.normalize("NFC", text)
    return Document(
        doc_id=doc_id or Path(path).stem,
        text=text,
        source=path,
        format=fmt,
        encoding=encoding,
        warnings=list(warnings),
    )


def read_document(path: str | Path, doc_id: str | None = None) -> Document:
    """Read one file. Raises ReadError (never a traceback-worthy exception)."""
    path = Path(path)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ReadError(
            str(path),
            f"unsupported file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(SUFFIXES))}",
        )
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ReadError(str(path), "is a directory") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot open: {exc.strerror or exc}") from None
    return read_bytes(raw, fmt, str(path), doc_id or doc_id_for(path))


def manifest_files(folder: Path) -> list[Path] | None:
    """The documents a folder's ``manifest.csv`` lists (column ``file``,
    relative to the folder), or None when there is no manifest. A manifest
    keeps READMEs and notes out of a batch."""
    manifest = folder / "manifest.csv"
    if not manifest.is_file():
        return None
    with manifest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows or "file" not in rows[0]:
        return None
    return [folder / row["file"] for row in rows if row.get("file")]


def iter_paths(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand files and folders into document paths. A folder with a
    manifest.csv yields the files it lists; other folders are searched
    recursively, sorted, so a batch always processes the same files in the
    same order."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            listed = manifest_files(p)
            if listed is not None:
                yield from listed
                continue
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield p
