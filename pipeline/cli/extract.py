"""``vnplan extract PATH... --out DIR``: the batch job.

Reads files and folders, runs the pipeline, writes each document to
``DIR/documents.jsonl`` and ``DIR/kb.sqlite`` as soon as it is done. A file
that cannot be read or processed is reported by name and reason and skipped;
what was written before stays written.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline.cli.common import console, err_console, fail
from pipeline.kb.store import KnowledgeBase
from pipeline.reading import iter_paths
from pipeline.records import DocumentRecord


@dataclass
class Failure:
    path: str
    reason: str


class JsonlWriter:
    """Appends one record per line as documents finish (nothing is lost if the
    batch dies), then compacts: the last record of each doc_id wins, so reruns
    replace documents instead of duplicating them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = path.open("a", encoding="utf-8")

    def write(self, record: DocumentRecord) -> None:
        self.handle.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
        self.handle.flush()

    def close(self) -> int:
        self.handle.close()
        return compact_jsonl(self.path)


def compact_jsonl(path: Path) -> int:
    """Keep the last line per doc_id (order of first appearance); drop a line
    cut off by a crash. Returns the number of records kept."""
    latest: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                doc_id = json.loads(line)["doc_id"]
            except (ValueError, KeyError, TypeError):
                continue
            latest[doc_id] = line if line.endswith("\n") else line + "\n"
    tmp = path.with_suffix(".jsonl.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.writelines(latest.values())
    os.replace(tmp, path)
    return len(latest)


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for documents.jsonl and kb.sqlite.")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per worker batch.")] = 4,
) -> None:
    """Extract structure, entities and relations into DIR/documents.jsonl and DIR/kb.sqlite."""
    from pipeline.batch import extract_records, load_extraction_pipeline

    files = list(iter_paths(paths))
    if not files:
        fail(f"no documents found in {', '.join(map(str, paths))} (supported: .txt .md .html .docx .pdf)")
    out.mkdir(parents=True, exist_ok=True)
    nlp = load_extraction_pipeline()
    failures: list[Failure] = []
    seen: dict[str, str] = {}
    written = 0
    kb = KnowledgeBase(out / "kb.sqlite")
    jsonl = JsonlWriter(out / "documents.jsonl")
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    # the workers start before the progress bar's refresh thread: forking a
    # process that has other threads running can deadlock the child
    outcomes = extract_records(files, jobs=jobs, batch_size=batch_size, nlp=nlp)
    try:
        first = next(outcomes, None)
        with Progress(*columns, console=err_console, transient=False) as progress:
            task = progress.add_task("extracting", total=len(files))
            for outcome in chain([first] if first else [], outcomes):
                record = outcome.record
                if record is None:
                    failures.append(Failure(outcome.source, outcome.error or "no record"))
                else:
                    if record.doc_id in seen:
                        err_console.print(
                            f"[yellow]warning:[/] {record.source} has the same doc_id "
                            f"({record.doc_id}) as {seen[record.doc_id]}; it replaces it",
                            highlight=False,
                        )
                    seen[record.doc_id] = record.source
                    kb.write_document(record)
                    jsonl.write(record)
                    written += 1
                progress.advance(task)
    finally:
        outcomes.close()
        kept = jsonl.close()
        kb.close()

    console.print(f"wrote {written} documents to {out / 'documents.jsonl'} ({kept} in total) and {out / 'kb.sqlite'}")
    if failures:
        table = Table("file", "problem", title=f"{len(failures)} file(s) skipped", title_justify="left")
        for f in failures:
            table.add_row(f.path, f.reason)
        err_console.print(table)
        raise typer.Exit(1)
